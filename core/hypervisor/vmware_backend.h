#pragma once
// VMware Workstation Pro (or Player, where that is what is installed) through vmrun
// (which -T: vmrun.h). A golden is a VM folder (its .vmx path); a clone is a new folder on a shard
// holding "<name>.vmx" (rewritten by VmxCloneRewriter, with the guest's identity in
// guestinfo.vmeclone.* and cloud-init's metadata), the golden's .nvram/.vmxf under the clone's
// name, and its disks: full copies, or linked children over the golden's disks in place (which must
// then never be written, so a golden that VMware has open, i.e. with a "*.lck", is refused). Player
// has no clone or snapshot command: vmeclone copies and links the disks itself (VmdkCloner).
// With CloneRequest::byVmware (clone --vmware-clone) Workstation Pro makes each linked clone
// instead
// (`vmrun -T ws clone ... linked` from the golden's current snapshot), and the .vmx it
// writes gets the same rewrite.
//
// The guests reach the console over the VM network, at the host's own address there:
// VMware has no host alias like QEMU's user networking, so the operator names it
// (consoleAddress), and clones are refused until it is set.

#include "hypervisor/hypervisor_backend.h"
#include "hypervisor/vmrun.h"
#include "vmx/vmx_snapshots.h"

namespace vmeclone {

class VmxDocument;
struct VmxClone;

struct VmwareBackendConfig {
    QString vmrun;          // empty: on PATH or in the standard install folders
    QString type;           // "player", "ws", or empty: detected (see vmrun.h)
    QString consoleAddress; // the host's IPv4 address on the VMs' network (the listener)
    std::chrono::milliseconds vmrunTimeout{120'000}; // one vmrun call
    // Every command may give consoleAddress (the CLI's --console-address): a golden may
    // then be added without one of its own (GoldenRules). The console cannot.
    bool consoleAddressPerCommand = false;
};

class VmwareBackend final : public HypervisorBackend {
public:
    explicit VmwareBackend(VmwareBackendConfig config);

    QString id() const override { return QStringLiteral("vmware"); }
    Expected<GoldenInspection> inspectGolden(const QString &path) const override;
    // What a golden's .vmx says of itself: its name (displayName, else the file's) and,
    // when made by vmeclone or prepared like one, its subnet and suffix. Reads no disk.
    static GoldenInspection describeVmx(const VmxDocument &vmx, const QString &path);
    TakenAddresses reservedAddresses(const GoldenRecord &golden) const override;
    // 0.0.0.0 when no console address is configured (createClone then refuses).
    Ipv4Address consoleAddressFor(const GoldenRecord &golden) const override;
    qint64 bytesNeeded(const GoldenRecord &golden, const QString &cloneMode) const override;
    Status createClone(const CloneRequest &request, const std::atomic_bool *cancel,
                       const ProgressFn &progress) override;
    Expected<qint64> start(const VmRecord &vm, const GoldenRecord &golden) override;
    Status stop(const VmRecord &vm, std::chrono::milliseconds grace) override;
    Expected<bool> isRunning(const VmRecord &vm) const override;
    Status deleteClone(const VmRecord &vm) override;

    // The clone's configuration file: "<folder>/<name>.vmx".
    static QString vmxPath(const VmRecord &vm);
    // The name of the clone's disk for a golden disk: "<name>" for the first, else
    // "<name>-<device>" ("vm177-sata0-1"), without ".vmdk".
    static QString diskBaseName(const QString &vmName, const QString &device, bool first);

    // What `clone --vmware-clone` clones from: the golden's current snapshot, checked to
    // hold every present disk, under vmrun -T ws. Fails naming the cause and the fix.
    Expected<VmxSnapshot> vmrunCloneSource(const GoldenRecord &golden) const;

private:
    Expected<Vmrun> vmrun() const;
    Status createByVmrun(const CloneRequest &request, const std::atomic_bool *cancel);
    // Copies the golden's .nvram/.vmxf the clone names (where they exist and the clone has
    // none yet) and saves the clone's .vmx.
    Status finish(const VmxClone &clone, const CloneRequest &request, const QString &vmx,
                  const std::atomic_bool *cancel);
    Expected<Ipv4Address> consoleAddress(const GoldenRecord &golden) const;
    QString configuredConsoleAddress(const GoldenRecord &golden) const;

    VmwareBackendConfig m_config;
};

} // namespace vmeclone
