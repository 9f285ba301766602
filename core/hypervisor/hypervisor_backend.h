#pragma once
// What the engine needs from a hypervisor. One implementation per family: QEMU
// (qemu_backend.h, runs here for real) and VMware through vmrun (issue 3).
// Every call blocks and may run on any pool thread; implementations keep no
// per-thread state.

#include "common/expected.h"
#include "inventory/records.h"
#include "protocol/identity_document.h"

#include <QMap>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>

namespace vmeclone {

using ProgressFn = std::function<void(qint64 done, qint64 total)>;

// What a golden image is, as read from its files.
struct GoldenInspection {
    QString name; // suggested name (machine description's or the .vmx's)
    std::optional<Subnet> subnet;
    std::optional<quint32> suffix;
    qint64 allocatedBytes = 0; // what a full clone copies
    qint64 virtualBytes = 0;
    QStringList files; // every file a clone depends on
    // Present network adapters the golden's description names; -1 when it names none
    // explicitly (a QEMU machine: vmeclone gives each clone its NIC).
    int networkAdapters = -1;
    // VMware: the MAC slot (N of ethernetN) of each present NIC after the first, which
    // must fit in the subnet's fixed MAC bits (VmxCloneRewriter::macForNic).
    QList<int> nicSlots;
};

struct CloneRequest {
    GoldenRecord golden;
    VmRecord vm;                     // name, address, MAC, folder, clone mode, instance
    protocol::KeyValueText identity; // handed to the guest through the backend's channel
    QString dataFolderId;            // the inventory's id, written into the clone's mark
    QString templateFolder;          // vm.cloneMode "instant": the golden's template (QEMU)
    bool byVmware = false;           // VMware, linked: vmrun makes the clone (CloneOptions)
    // The caller makes the clone's files durable itself (the whole step of a batch's
    // fsyncs side by side, engine_steps.cpp) before any state says they exist: the
    // backend need not fsync each file. A backend may sync anyway.
    bool deferSync = false;
};

class HypervisorBackend {
public:
    virtual ~HypervisorBackend() = default;

    virtual QString id() const = 0; // "qemu", "vmware"

    // Reads and checks a golden: refuses one that is running or incomplete, naming why.
    virtual Expected<GoldenInspection> inspectGolden(const QString &path) const = 0;

    // Addresses of the golden's subnet the backend itself uses, with why.
    virtual TakenAddresses reservedAddresses(const GoldenRecord &golden) const = 0;
    // Where the guest sends its announcements (the listener as seen from inside).
    virtual Ipv4Address consoleAddressFor(const GoldenRecord &golden) const = 0;
    // Space a new clone takes at once on its shard.
    virtual qint64 bytesNeeded(const GoldenRecord &golden, const QString &cloneMode) const = 0;

    // Makes the clone's folder (it must not exist) with its disks and configuration.
    // On failure or cancel nothing of it remains.
    virtual Status createClone(const CloneRequest &request, const std::atomic_bool *cancel,
                               const ProgressFn &progress) = 0;
    // Starts the VM; returns its process id when the backend has one (else 0).
    virtual Expected<qint64> start(const VmRecord &vm, const GoldenRecord &golden) = 0;
    // Asks the guest to power off, waits up to `grace`, then forces it off.
    virtual Status stop(const VmRecord &vm, std::chrono::milliseconds grace) = 0;
    virtual Expected<bool> isRunning(const VmRecord &vm) const = 0;
    // Deletes the clone's folder (the VM must be stopped).
    virtual Status deleteClone(const VmRecord &vm) = 0;
};

} // namespace vmeclone
