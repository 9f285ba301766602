#pragma once
// The inventory: one SQLite file (WAL, synchronous writes) shared by the CLI, the
// console and the listener, possibly in several processes at once. Unique
// constraints guarantee that no address, MAC, name or folder is ever issued twice,
// even to two processes racing. Every state change is written here before anyone
// reports it.
//
// An Inventory object owns one database connection and must be used from the thread
// that opened it; open one per thread.

#include "common/event_text.h"
#include "common/expected.h"
#include "inventory/records.h"

#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace vmeclone {

struct VmUpdate;

class Inventory {
public:
    ~Inventory();
    Inventory(const Inventory &) = delete;
    Inventory &operator=(const Inventory &) = delete;

    // Opens (creating folder, file and schema when missing) the inventory at `path`.
    static Expected<std::unique_ptr<Inventory>> open(const QString &path);
    QString path() const { return m_path; }
    // Non-empty when the data folder was full at open: the inventory was opened read-only
    // and says why (every write fails; callers refuse writes with this reason first).
    const QString &readOnlyReason() const { return m_readOnlyReason; }
    static constexpr qint64 kMinFreeBytes = 1 << 20;
    // This data folder's id (a UUID made with the inventory): clone folders carry it.
    const QString &dataFolderId() const { return m_dataFolderId; }

    // Goldens
    Expected<qint64> addGolden(const GoldenRecord &golden);
    Expected<QList<GoldenRecord>> goldens() const;
    Expected<std::optional<GoldenRecord>> golden(qint64 id) const;
    Expected<std::optional<GoldenRecord>> goldenByName(const QString &name) const;
    Status setGoldenFingerprint(qint64 id, const QString &fingerprint);
    Status setGoldenConsoleAddress(qint64 id, Ipv4Address address);
    Status removeGolden(qint64 id); // refused while VMs use it

    // Shards
    Expected<qint64> addShard(const QString &path, double weight);
    Expected<QList<Shard>> shards() const;
    Status setShardWeight(qint64 id, double weight);
    // The name shown for the shard instead of its folder's; empty: none. Refused when
    // another shard has it (Shard::checkLabel says what else is refused).
    Status setShardLabel(qint64 id, const QString &label);
    Status removeShard(qint64 id); // refused while VMs live on it

    // Hosts: other machines reached over SSH (the local machine is not one of them).
    // Names are unique in any case; the caller validates names and destinations.
    Expected<qint64> addHost(const HostRecord &host);
    Expected<QList<HostRecord>> hosts() const;
    Expected<std::optional<HostRecord>> hostByName(const QString &name) const;
    // How many VMs the head's ledger places on the host.
    Expected<int> vmsOnHost(const QString &name) const;

    // The head's ledger (docs/cluster.md): VMs this inventory placed on hosts.
    // reserveCluster takes the addresses in one transaction before any host is asked:
    // an address the ledger holds for the same golden is resumed (it comes back with
    // its host and plan, to be sent again as it was); one it holds for another golden,
    // or that a VM of this machine holds outside the ledger, or whose MAC another
    // address holds, is refused; the rest are taken (state planned).
    struct ClusterReservation {
        QList<ClusterVm> taken;
        QList<ClusterVm> resumed;
        QList<RefusedAddress> refused;
    };
    Expected<ClusterReservation> reserveCluster(const QList<ClusterVm> &vms);
    Expected<QList<ClusterVm>> clusterVms() const;
    // The state a host reported for a VM of `plan` (a row since given to another plan is
    // left alone).
    Status setClusterState(Ipv4Address address, const QString &plan, const QString &state,
                           const QString &reason = {});
    // Forgets VMs the host no longer holds (released, rolled back there).
    Status removeClusterVm(Ipv4Address address, const QString &host);
    Status removeHost(const QString &name); // refused while VMs live on it

    // VMs. `reserve` inserts the rows in one transaction, taking each address only
    // if nobody holds it (state planned); rows that collide are returned in `refused`
    // with who holds them, the rest are taken.
    struct Reservation {
        QList<VmRecord> taken; // with ids
        QList<RefusedAddress> refused;
    };
    Expected<Reservation> reserve(const QList<VmRecord> &vms);
    Expected<QList<VmRecord>> vms() const;
    // Every VM and the change sequence they are as of, read in one transaction: a view
    // holding a newer change than `seq` for a VM keeps it (see VmRecord::changeSeq).
    struct VmsAt {
        QList<VmRecord> vms;
        qint64 seq = 0;
    };
    Expected<VmsAt> vmsAt() const;
    // The sequence of the last commit that changed any VM row.
    Expected<qint64> changeSequence() const;
    // A VM's state and change sequence as committed now; empty when it is gone.
    struct Stamp {
        VmState state = VmState::Planned;
        qint64 seq = 0;
    };
    Expected<std::optional<Stamp>> stamp(qint64 vmId) const;
    Expected<std::optional<VmRecord>> vmByAddress(Ipv4Address address) const;
    Expected<std::optional<VmRecord>> vm(qint64 id) const;
    // Addresses in use by VMs, with why they cannot be reused ("in use by vm180").
    Expected<TakenAddresses> takenAddresses() const;

    // One state change of one VM (progress/reason/pid as given; pass -1 to keep pid).
    Status setState(qint64 vmId, VmState state, const QString &reason = {}, int progress = 0);
    // Only when the VM is still in `expected` (compare-and-set): false when it moved on.
    Expected<bool> transition(qint64 vmId, VmState expected, VmState next,
                              const QString &reason = {});
    // Compare-and-set on a VM's identity as it was read: moves `vm` (same id, same
    // instance, now in one of `from`) to `next` and stamps `owner` on it. False when the
    // VM moved on or is gone (another actor got there first); an error when the
    // inventory cannot be written. Every destructive step starts with it, before any
    // file is touched. Ids are never reused, instances are unique.
    Expected<bool> take(const VmRecord &vm, const QList<VmState> &from, VmState next,
                        const QString &owner, const QString &reason = {});
    // The same for a VM `owner` holds: from `expected` to `next`.
    Expected<bool> moveOwned(const VmRecord &vm, const QString &owner, VmState expected,
                             VmState next, const QString &reason = {});
    // Deletes the row only while it is still `vm` (id and instance) held by `owner`.
    Expected<bool> removeOwned(const VmRecord &vm, const QString &owner);
    // Whether the row is still `vm` (id and instance) held by `owner`.
    Expected<bool> holds(const VmRecord &vm, const QString &owner) const;
    Status setPid(qint64 vmId, qint64 pid);
    // Which process's batch works on the VM now (BatchOwner token; empty: none).
    Status setOwner(qint64 vmId, const QString &owner);
    // Takes the VM over from `expectedOwner` (compare-and-set): false when another
    // process took it first. Recovery uses it so two processes never recover one VM.
    // Takes over a VM a dead process left in flight, if it is still as read (owner,
    // instance, state). False when it is not.
    Expected<bool> claim(const VmRecord &vm, const QString &newOwner);
    Expected<bool> hasInstance(const QString &instance) const;
    Status setProgress(qint64 vmId, int percent);
    // Many announcement-driven updates in one transaction (the listener's batch). Sets
    // each update's `seq` (its row's change sequence after the commit) and `stateWritten`.
    Status apply(QList<VmUpdate> &updates);
    Status apply(QList<VmUpdate> &&updates) { return apply(updates); }
    Status removeVm(qint64 vmId);
    // Runs `body` (this object's own writes, none of which opens a transaction itself:
    // not reserve, apply or reserveCluster) as one transaction: one commit, one fsync,
    // for a whole step of a batch. Rolled back when `body` or the commit fails.
    Status inOneTransaction(const std::function<Status()> &body);

    // Operator-facing events (the log the console and reports show). The newest
    // kMaxEvents are kept; older ones are removed as new ones come.
    static constexpr qint64 kMaxEvents = 100000;
    Status addEvent(const QString &level, const QString &vmName, const QString &message);
    // An event core words itself: its English sentence, and its code and arguments for a
    // reader in another language (common/event_text.h).
    Status addEvent(const QString &level, const QString &vmName, const EventText &text);
    Expected<QList<EventRecord>> events(qint64 afterId = 0, int limit = 1000) const;

    // Changes whenever any connection (any process) commits: cheap polling for viewers.
    Expected<qint64> dataVersion() const;

private:
    // Refuses a golden whose further NICs' subnets (or own subnet) could give its clones
    // addresses another golden's clones may have (Field::Nics, Field::Subnet).
    Status nicsApart(const GoldenRecord &g) const;
    static Expected<std::unique_ptr<Inventory>> openReadOnlyWhenFull(const QString &absolute);
    Inventory() = default;
    struct Connection;
    std::unique_ptr<Connection> m_db;
    QString m_path;
    QString m_readOnlyReason;
    QString m_dataFolderId;
};

// What the listener learnt about one VM from its announcements.
struct VmUpdate {
    qint64 vmId = 0;
    std::optional<VmState> state; // set when the state changes
    QString reason;               // agent's detail, written with a state change
    QString bootId;
    qint64 lastSequence = 0;
    int boots = 0;
    qint64 uptimeSeconds = 0;
    QDateTime lastSeen;
    bool wentOnline = false; // sets onlineAt
    // Set by Inventory::apply: whether `state` was written (a VM another process moved
    // meanwhile, to stopping or releasing, keeps its state) and the row's change sequence.
    bool stateWritten = false;
    qint64 seq = 0;
};

} // namespace vmeclone
