#pragma once
// The operations an operator runs — add a golden or a shard, plan, clone, start,
// stop, release — shared by the CLI and the console. Blocking calls meant for a
// worker thread (the console) or a command-line process; batches fan out on the
// engine's own named pools, each worker with its own inventory connection.

#include "clone/device_streams.h"
#include "common/expected.h"
#include "engine/batch_owner.h"
#include "engine/golden_rules.h"
#include "hypervisor/hypervisor_backend.h"
#include "hypervisor/qemu_backend.h"
#include "hypervisor/vmware_backend.h"
#include "identity/cluster_secret.h"
#include "inventory/inventory.h"
#include "placement/placement.h"

#include <QList>
#include <QString>
#include <QThreadPool>
#include <QUuid>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace vmeclone {

struct EngineConfig {
    QString home; // data folder: inventory.sqlite, cluster.secret
    quint16 listenerPort = 9176;
    int heartbeatSeconds = 5;
    int parallelism = 2; // VMs worked on at once (copies, starts)
    std::chrono::milliseconds stopGrace{20000};
    QemuBackendConfig qemu;
    VmwareBackendConfig vmware; // vmrun, -T, and where VMware guests reach the console
    PlacementPolicy placement;
    // This host's addresses, where VMware guests may find the console (GoldenRules);
    // nullopt: looked up (hostAddresses()). Tests give them: a test does not depend on
    // the machine's network.
    std::optional<QList<HostAddress>> hostAddresses;

    QString inventoryPath() const { return home + QStringLiteral("/inventory.sqlite"); }
    QString secretPath() const { return home + QStringLiteral("/cluster.secret"); }
};

struct CloneOptions {
    QString golden;                          // name; empty: the only golden there is
    QString mode = QStringLiteral("linked"); // "linked" | "full" | "instant" (QEMU)
    // Mode "instant" only: when no template can be made (or the golden is VMware's), clone
    // linked instead and say why (ClonePlan::fallback, BatchResult::fallback, the event
    // log) rather than refusing.
    bool instantFallback = false;
    // VMware, mode "linked": Workstation Pro makes each clone (vmrun clone ... linked, from
    // the golden's current snapshot) instead of vmeclone's own linked child. Checked when
    // planning (VmwareBackend::vmrunCloneSource), so a batch that cannot is refused whole.
    bool vmwareClone = false;
    bool start = true;
    // The plan a head sent (vmeclone apply): each clone's instance is derived from it
    // and its address (instanceFor), so the same plan sent again finds what it made
    // already. Null: a fresh random instance per clone.
    QUuid plan;
};

struct ClonePlanItem {
    Ipv4Address address;
    QString name;
    MacAddress mac;
    Shard shard;
    QString folder;
};

struct ClonePlan {
    GoldenRecord golden;
    QString mode;
    QList<ClonePlanItem> items;
    QList<RefusedAddress> refused; // taken, reserved or without room
    QList<PlacementResult::ShardUse> shardUse;
    QList<ShardStatus> shards;
    qint64 bytesPerVm = 0;
    QString refusalSummary; // one line naming every refused address
    QString fallback;       // asked for instant, planned linked: why
};

// One step of a batch, reported as it happens (from pool threads).
struct BatchEvent {
    qint64 vmId = 0;
    QString name;
    Ipv4Address address;
    VmState state = VmState::Planned;
    int progress = 0;
    QString message; // failure reason or what happened
    // The inventory's change sequence of the commit it reports (Inventory::stamp): views
    // order it against snapshots and the listener's changes by it. kSuperseded: the row
    // has moved on since (views keep what they hold).
    static constexpr qint64 kSuperseded = -1;
    qint64 seq = 0;
};
using BatchObserver = std::function<void(const BatchEvent &)>;

struct BatchOutcome {
    BatchOutcome() = default;
    BatchOutcome(Ipv4Address at, QString vmName, bool done, QString said,
                 std::optional<RefusalKind> refusal = {})
        : address(at)
        , name(std::move(vmName))
        , ok(done)
        , message(std::move(said))
        , refused(refusal) {}

    Ipv4Address address;
    QString name;
    bool ok = false;
    QString message;
    // Set when the address was refused before anything was made (taken, no room...).
    std::optional<RefusalKind> refused;
    Field field = Field::None; // the input a failure is about (a VMware golden's console address)
    // Not done because the batch was cancelled, and rolled back: told once, as an
    // info event, not as an error.
    bool cancelled = false;
};

struct BatchResult {
    QList<BatchOutcome> outcomes;
    bool cancelled = false;
    QString fallback; // asked for instant clones, made linked ones: why
    int failures() const;
    bool ok() const { return !cancelled && failures() == 0; }
};

class Engine {
public:
    explicit Engine(EngineConfig config);
    ~Engine();

    // Opens the inventory and the cluster secret (creating them on first use).
    Status open();
    const EngineConfig &config() const { return m_config; }
    Inventory &inventory() { return *m_inventory; }
    HypervisorBackend *backendFor(const GoldenRecord &golden);

    // What running guests say of themselves (guest_view.h), asked in parallel through
    // qemu-guest-agent: one reading per VM of `vms`, in their order. A VM that is not
    // running, is not a QEMU guest, or whose guest does not answer gets the reason.
    struct GuestReading {
        qint64 vmId = 0;
        std::optional<GuestView> view;
        QString error;             // why there is no view
        QStringList disagreements; // where the view differs from the inventory
    };
    QList<GuestReading> readGuests(const QList<VmRecord> &vms,
                                   const std::atomic_bool *cancel = nullptr);
    // One VM's reading through `qemu` (needs no inventory: any thread may call it).
    static GuestReading readGuest(QemuBackend &qemu, const VmRecord &vm,
                                  const GoldenRecord &golden);

    // Refuses a spec that breaks one of GoldenRules (the first refusal, with its field),
    // a golden the backend cannot read, or one the inventory has already.
    Expected<GoldenRecord> addGolden(const GoldenSpec &spec);
    // What addGolden's rules need of an engine's configuration (the Add golden image
    // dialog asks with its service's).
    static GoldenRules::Context goldenRulesContext(const EngineConfig &config);
    // Refuses a golden that runs (its disks' write lock is held) or whose files changed
    // since it was added or last refreshed (GoldenFingerprint). Plan and every clone
    // batch call it.
    Status verifyGolden(const GoldenRecord &golden);
    // Accepts a golden's files as they are now (the operator changed it on purpose).
    struct GoldenRefresh {
        GoldenRecord golden;
        QString change;           // what had changed; empty when nothing did
        QStringList linkedClones; // they read the golden's disk: they see the change
    };
    Expected<GoldenRefresh> refreshGolden(const QString &name);
    // A VMware golden's console address, changed: `address` (this host's address on the
    // VMs' network) or "auto" (found again: this host's one address in the golden's
    // subnet). Judged by the same rules as at golden add (GoldenRules). Clones made from
    // now on announce to it; `existingClones` were made with the old one in their .vmx.
    struct ConsoleChange {
        GoldenRecord golden;
        Ipv4Address before;
        bool found = false;         // "auto" found it
        QStringList existingClones; // announce to the old address until cloned again
    };
    Expected<ConsoleChange> setConsoleAddress(const QString &name, const QString &address);
    // Instant clones (docs/instant-clones.md, engine_template.cpp). The template of a
    // golden lives in DATA/templates/NAME; a file `made.json` in it, written last, says it
    // is complete and which golden fingerprint it was made from.
    QString templateFolder(const GoldenRecord &golden) const;
    struct TemplateResult {
        QString folder;
        bool made = false; // false: the one there was up to date
        QString remadeWhy; // made again: why the old one could not serve
        qint64 milliseconds = 0;
    };
    // Makes the golden's template unless an up-to-date one exists; remakes one made from
    // the golden's files as they were before a refresh (refused while instant clones use
    // it). Refuses a VMware golden, a QEMU without what instant clones need and a golden
    // whose agent has no template mode, naming the cause.
    Expected<TemplateResult> makeTemplate(const QString &goldenName);
    Expected<TemplateResult> makeTemplate(const GoldenRecord &golden);
    // Removes the golden from the inventory and its template from the data folder; refused
    // while any VM is a clone of it (with the number of instant clones using the template).
    Status removeGolden(const QString &name);
    Expected<Shard> addShard(const QString &path, double weight);
    // Clone folders of other data folders (or of unknown origin: an old mark) on a shard:
    // a shard shared between data folders works, and each leaves the other's alone.
    int foreignCloneFolders(const QString &shardPath) const;
    Expected<QList<ShardStatus>> shardStatus();

    // What a clone of `range` would do; writes nothing.
    Expected<ClonePlan> plan(const CloneOptions &options, QStringView range);
    // Reserves the plan's addresses (a concurrent batch may have taken some: they are
    // refused by name), copies or links, configures and optionally starts each VM.
    // A VM that cannot be made is rolled back (no row, no files) and reported; the
    // rest go on.
    BatchResult clone(const ClonePlan &plan, const CloneOptions &options,
                      const std::atomic_bool *cancel, const BatchObserver &observer = {});

    // The VMs a range names, across every golden's subnet ("177-180", full addresses).
    Expected<QList<VmRecord>> vmsInRange(QStringView range);
    // The addresses RANGE names under any golden's subnet ("177-180" under each).
    Expected<QSet<Ipv4Address>> addressesInRange(QStringView range);
    // Each VM is taken by compare-and-set on its identity as read (id, instance, a
    // settled state) before anything is done to it; a cancel stops the VMs not begun.
    BatchResult start(const QList<VmRecord> &vms, const std::atomic_bool *cancel = nullptr,
                      const BatchObserver &observer = {});
    BatchResult stop(const QList<VmRecord> &vms, const std::atomic_bool *cancel = nullptr,
                     const BatchObserver &observer = {});
    // Stops, deletes the files, removes the rows. VMs a batch is still making are refused.
    BatchResult release(const QList<VmRecord> &vms, const std::atomic_bool *cancel = nullptr,
                        const BatchObserver &observer = {});

    // Finds the VMs a dead process left mid-batch (see BatchOwner) and completes or
    // rolls back each: a VM being planned or copied is rolled back (files and row), one
    // being started is settled by whether it runs, one being stopped or released is
    // stopped or released. Clone folders on the shards whose mark names this data
    // folder but whose instance has no row are removed; other data folders' are never
    // touched. Cheap when there is nothing to do; run before every command. ReportOnly
    // (read-only commands) changes nothing and lists what a repair would do.
    enum class RecoveryMode { Repair, ReportOnly };
    struct Recovery {
        QString name;
        Ipv4Address address;
        QString action; // "rolled back", "released", "marked stopped", ...
        QString detail;
    };
    Expected<QList<Recovery>> recover(RecoveryMode mode = RecoveryMode::Repair);

    // The instance a clone of `plan` at `address` gets (a UUID v5 of both): unique per
    // plan and address, and the same each time the plan is applied.
    static QString instanceFor(const QUuid &plan, Ipv4Address address);
    // The identity a clone is given (exposed for tests).
    protocol::KeyValueText identityFor(const GoldenRecord &golden, const ClonePlanItem &item,
                                       const QString &instance) const;

private:
    using VmJob = std::function<BatchOutcome(Inventory &, const VmRecord &)>;
    BatchResult runPerVm(const QList<VmRecord> &vms, const VmJob &job,
                         const std::atomic_bool *cancel, const QString &what);

    using FailFn = std::function<BatchOutcome(const Error &why)>;
    // One VM's step after it was taken (its state is the step's, its owner this process).
    using SettledJob = std::function<BatchOutcome(
        Inventory &, HypervisorBackend &, const GoldenRecord &, const VmRecord &, const FailFn &)>;
    struct SettledJobs {
        QString token;
        QHash<qint64, GoldenRecord> goldenById;
        QString error; // why no VM can be worked on
    };
    SettledJobs settledJobs();
    BatchResult runSettled(const QList<VmRecord> &vms, const QString &step, VmState next,
                           const SettledJob &job, const std::atomic_bool *cancel,
                           const BatchObserver &observer);

    // The batch's line in the log and its event ("clone of 78 VMs: 78 done, 0 failed").
    void recordBatch(const QString &what, int vms, const BatchResult &result);

    // Batches in steps (engine_steps.cpp): linked clones and releases move a whole step
    // of VMs through each state in one transaction, their files made or deleted in
    // parallel between two commits. cloneInSteps takes the reserved (planned) rows to
    // "configured" and hands back those it got there.
    struct CloneSteps {
        HypervisorBackend *backend = nullptr;
        GoldenRecord golden;
        QHash<Ipv4Address, ClonePlanItem> items;
        QString dataFolderId;
        QString templateFolder; // instant clones
        bool byVmware = false;  // CloneOptions::vmwareClone
    };
    QList<BatchOutcome> cloneInSteps(const QList<VmRecord> &planned, const CloneSteps &steps,
                                     const std::atomic_bool *cancel, const BatchObserver &observer,
                                     QList<VmRecord> *configured);

    Status inspectAgain(const GoldenRecord &golden, GoldenInspection *out);
    // Recovery of templates: a folder under DATA/templates without its `made.json`, that
    // nobody is making, is what a crash while making it left: removed.
    void recoverTemplates(RecoveryMode mode, QList<Recovery> *done);
    // Recovery of a VM left "starting" (engine_recover.cpp): booting when it runs,
    // configured when not, resuming when it is an instant clone its QEMU resumed (a
    // resume cut short is finished first).
    void recoverStarting(const VmRecord &vm, HypervisorBackend *backend, Recovery &r);
    // Refuses every write while the inventory is read-only (its data folder is full).
    Status mayWrite() const;

    // This process's token on the VMs it works on (created on first use).
    Expected<QString> ownerToken();

    EngineConfig m_config;
    std::unique_ptr<BatchOwner> m_owner;
    std::unique_ptr<Inventory> m_inventory;
    std::optional<ClusterSecret> m_secret;
    std::unique_ptr<QemuBackend> m_qemu;
    std::unique_ptr<VmwareBackend> m_vmware;
    DeviceStreams m_streams; // full copies: one stream per physical device
    std::unique_ptr<QThreadPool> m_pool;
};

} // namespace vmeclone
