#include "vmware_backend.h"

#include "common/failure_text.h"
#include "common/logging.h"
#include "inventory/clone_marker.h"
#include "vmdk/vmdk_cloner.h"
#include "vmdk/vmdk_descriptor.h"
#include "vmx/vm_folder.h"
#include "vmx/vmx_clone_rewriter.h"
#include "vmx/vmx_devices.h"
#include "vmx/vmx_document.h"
#include "vmx/vmx_snapshots.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kVmwareBackendNoConsoleAddress{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "no console address for VMware guests: give this host's address on the VMs' network, where "
    "the listener receives their announcements")};
const FailureSentence kVmwareBackendConsoleNotIpv4{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the console address '%1' is not an IPv4 address")};
const FailureSentence kVmwareBackendConsoleIsGolden{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the console address %1 is the golden's own address of %2: give this host's own address "
    "on the VMs' network")};
const FailureSentence kVmwareBackendConsoleNotHost{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the console address %1 is not a host address of %2: give this host's own address on the "
    "VMs' network")};
const FailureSentence kVmwareBackendConsoleUnreachable{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the console address %1 is outside %2 and the golden %3 has no gateway, so its clones could "
    "not reach it: give an address in %2, or add the golden with a gateway")};
const FailureSentence kVmwareBackendNoHardDisk{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 has no hard disk: there is nothing to clone")};
const FailureSentence kVmwareBackendRawDevice{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 (%2): %3 maps a raw device (createType \"%4\"): only disks kept in files can be "
    "cloned; convert it to a virtual disk in VMware")};
const FailureSentence kVmwareBackendUnknownMode{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "clone mode '%1' is unknown: use linked or full")};
const FailureSentence kVmwareBackendLinkedOnly{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "VMware makes linked clones only (vmrun clone ... linked), not %1 ones")};
const FailureSentence kVmwareBackendWrongVmxName{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the clone's configuration would be %1, not %2")};
const FailureSentence kVmwareBackendCannotCopy{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot copy %1 into %2: check the shard's free space and permissions")};
const FailureSentence kVmwareBackendNeedsWorkstation{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "linked clones made by VMware need vmrun -T ws (VMware Workstation Pro, free since November "
    "2024); this host's is -T %1 (%2), which has no clone command: let vmeclone link the disks "
    "itself instead")};
const FailureSentence kVmwareBackendGolden{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the golden %1: %2")};
const FailureSentence kVmwareBackendSnapshotLacksDisk{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1: its snapshot \"%2\" has no %3 (the disk %4 came later), so vmrun's clone "
    "would lack it: take a new snapshot")};
const FailureSentence kVmwareBackendCloneUnreadable{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "vmrun reported the clone %1 made, but %2 cannot be read: %3")};
const FailureSentence kVmwareBackendNoVmx{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 has no configuration file %2: release it and clone it again")};
const FailureSentence kVmwareBackendStillRunsHard{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 still runs after a hard stop: stop it in VMware")};
const FailureSentence kVmwareBackendNoInstance{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is not a vmeclone clone (no guestinfo.vmeclone.instance): not deleting %2")};
const FailureSentence kVmwareBackendOtherInstance{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 belongs to another clone (instance %2, not %3): not deleting %4")};
const FailureSentence kVmwareBackendCannotTellRunning{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot tell whether %1 runs, so its files stay: %2")};
const FailureSentence kVmwareBackendStillRunning{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 is still running: stop it before deleting its files")};
const FailureSentence kVmwareBackendNotAClone{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 does not look like a vmeclone clone (no %2.vmx): not deleting it")};
const FailureSentence kVmwareBackendLocked{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "VMware has %1 open (%2 in %3): close it in VMware first")};
const FailureSentence kVmwareBackendCannotDelete{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot delete %1 completely: check its permissions")};

// A path as a .vmx names it: absolute (also a Windows drive path), or relative to the
// .vmx's folder.
QString resolveIn(const QString &folder, const QString &name) {
    const bool windowsAbsolute =
        name.size() > 2 && name[1] == u':' && (name[2] == u'\\' || name[2] == u'/');
    if (windowsAbsolute || QDir::isAbsolutePath(name))
        return name;
    return QDir(folder).filePath(name);
}

QString goldenFolder(const QString &vmxPath) {
    return QFileInfo(vmxPath).absolutePath();
}

} // namespace

VmwareBackend::VmwareBackend(VmwareBackendConfig config)
    : m_config(std::move(config)) {}

QString VmwareBackend::vmxPath(const VmRecord &vm) {
    return vm.folder + u'/' + vm.name + u".vmx"_s;
}

QString VmwareBackend::diskBaseName(const QString &vmName, const QString &device, bool first) {
    if (first)
        return vmName;
    QString d = device;
    d.replace(u':', u'-');
    return vmName + u'-' + d;
}

Expected<Vmrun> VmwareBackend::vmrun() const {
    return Vmrun::create(VmrunConfig{m_config.vmrun, m_config.type, m_config.vmrunTimeout});
}

QString VmwareBackend::configuredConsoleAddress(const GoldenRecord &golden) const {
    // The golden's own (given at `golden add`) wins over the process-wide setting.
    return golden.consoleAddress.toUInt() ? golden.consoleAddress.toString()
                                          : m_config.consoleAddress;
}

Expected<Ipv4Address> VmwareBackend::consoleAddress(const GoldenRecord &golden) const {
    const QString configured = configuredConsoleAddress(golden);
    if (configured.isEmpty())
        return refuse(Problem::Missing, Field::ConsoleAddress, {},
                      kVmwareBackendNoConsoleAddress());
    const auto address = Ipv4Address::parse(configured);
    if (!address)
        return refuse(Problem::NotAnAddress, Field::ConsoleAddress, configured,
                      kVmwareBackendConsoleNotIpv4(configured));
    if (golden.subnet.contains(*address)) {
        if (!golden.subnet.isHostAddress(*address) || *address == golden.address)
            return refuse(*address == golden.address ? Problem::GoldenOwnAddress
                                                     : Problem::NotAHostAddress,
                          Field::ConsoleAddress, configured,
                          (*address == golden.address ? kVmwareBackendConsoleIsGolden
                                                      : kVmwareBackendConsoleNotHost)(
                              address->toString(), golden.subnet.toString()));
    } else if (golden.gateway.toUInt() == 0) {
        return refuse(Problem::Unreachable, Field::ConsoleAddress, configured,
                      kVmwareBackendConsoleUnreachable(address->toString(),
                                                       golden.subnet.toString(), golden.name));
    }
    return *address;
}

GoldenInspection VmwareBackend::describeVmx(const VmxDocument &vmx, const QString &path) {
    GoldenInspection out;
    out.name = vmx.value(u"displayName"_s).trimmed();
    if (out.name.isEmpty())
        out.name = QFileInfo(path).completeBaseName();
    // A golden made by vmeclone (or prepared like one) says its own address.
    const auto ip = Ipv4Address::parse(vmx.value(u"guestinfo.vmeclone.ip"_s));
    bool prefixOk = false;
    const int prefix = vmx.value(u"guestinfo.vmeclone.prefix"_s).toInt(&prefixOk);
    if (ip && prefixOk && prefix >= 1 && prefix <= 30) {
        // Subnet::fromNetwork clears the host bits.
        out.subnet = Subnet::fromNetwork(*ip, prefix);
        out.suffix = out.subnet->suffixOf(*ip);
    }
    out.networkAdapters = 0;
    for (const VmxNic &nic : VmxDevices::nics(vmx)) {
        if (!nic.present)
            continue;
        if (out.networkAdapters > 0)
            out.nicSlots.append(nic.index);
        ++out.networkAdapters;
    }
    return out;
}

Expected<GoldenInspection> VmwareBackend::inspectGolden(const QString &path) const {
    // Refuses a golden VMware has open (a *.lck), and one whose disks are missing.
    auto selection = VmFolder::inspect(path);
    if (!selection)
        return fail(selection.error());
    auto vmx = VmxDocument::load(path);
    if (!vmx)
        return fail(vmx.error());
    if (selection->disks.isEmpty())
        return fail(kVmwareBackendNoHardDisk(path));
    for (const QString &w : selection->warnings)
        log::vmware()->warn("{}", w);
    for (const QString &n : selection->notes)
        log::vmware()->info("{}", n);

    GoldenInspection out = describeVmx(*vmx, path);
    out.files << QFileInfo(path).absoluteFilePath();
    for (const VmFolderDisk &disk : selection->disks) {
        // A linked clone hangs off this chain: it must be whole and consistent now.
        auto chain = VmdkCloner::chain(disk.path);
        if (!chain)
            return fail(u"%1 (%2): %3"_s.arg(path, disk.disk.device, chain.error()));
        for (const QString &link : *chain) {
            auto files = VmdkCloner::diskFiles(link);
            if (!files)
                return fail(files.error());
            out.files << *files;
        }
        auto bytes = VmdkCloner::dataBytes(disk.path);
        if (!bytes)
            return fail(bytes.error());
        out.allocatedBytes += *bytes;
        auto descriptor = VmdkDescriptor::load(disk.path);
        if (!descriptor)
            return fail(descriptor.error());
        if (VmdkCloner::mapsRawDevice(*descriptor))
            return fail(kVmwareBackendRawDevice(path, disk.disk.device, disk.path,
                                                descriptor->createType()));
        out.virtualBytes += descriptor->capacitySectors() * 512;
    }
    out.files.removeDuplicates();
    return out;
}

TakenAddresses VmwareBackend::reservedAddresses(const GoldenRecord &golden) const {
    TakenAddresses out;
    if (const auto console = Ipv4Address::parse(configuredConsoleAddress(golden));
        console && golden.subnet.contains(*console))
        out.insert(*console, {*console, RefusalKind::ConsoleAddress,
                              AddressRange::tr(
                                  "this host's address (where VMware guests reach the console)")});
    return out;
}

Ipv4Address VmwareBackend::consoleAddressFor(const GoldenRecord &golden) const {
    auto address = consoleAddress(golden);
    return address ? *address : Ipv4Address();
}

qint64 VmwareBackend::bytesNeeded(const GoldenRecord &golden, const QString &cloneMode) const {
    // A linked clone's child disk starts nearly empty (its grain tables are holes) but
    // grows as the guest writes: keep room for a boot's worth of writes.
    constexpr qint64 kLinkedInitial = 16LL * 1024 * 1024;
    return cloneMode == u"full" ? golden.diskBytes : kLinkedInitial;
}

Status VmwareBackend::createClone(const CloneRequest &request, const std::atomic_bool *cancel,
                                  const ProgressFn &progress) {
    const VmRecord &vm = request.vm;
    const QString folder = vm.folder;
    if (auto console = consoleAddress(request.golden); !console)
        return console.failure();
    if (vm.cloneMode != u"linked" && vm.cloneMode != u"full")
        return fail(kVmwareBackendUnknownMode(vm.cloneMode));
    if (request.byVmware) {
        if (vm.cloneMode != u"linked")
            return fail(kVmwareBackendLinkedOnly(vm.cloneMode));
        return createByVmrun(request, cancel);
    }
    auto golden = VmxDocument::load(request.golden.path);
    if (!golden)
        return fail(golden.error());
    // Again now, not only when the golden was added: VMware may have opened it since.
    auto selection = VmFolder::inspect(request.golden.path);
    if (!selection)
        return fail(selection.error());
    if (auto s = CloneMarker{request.dataFolderId, vm.instance}.makeFolder(folder); !s)
        return s;
    // From here on any failure removes the folder: nothing half-made is left behind. The
    // golden's files are only ever read.
    auto abandon = [&](const QString &why) -> Status {
        QDir(folder).removeRecursively();
        return fail(why);
    };

    const bool linked = vm.cloneMode == u"linked";
    QList<qint64> sizes;
    qint64 total = 0;
    if (!linked) {
        for (const VmFolderDisk &disk : selection->disks) {
            auto bytes = VmdkCloner::dataBytes(disk.path);
            if (!bytes)
                return abandon(bytes.error());
            sizes << *bytes;
            total += *bytes;
        }
    }
    QMap<QString, QString> disks;
    qint64 done = 0;
    for (qsizetype i = 0; i < selection->disks.size(); ++i) {
        if (cancel && cancel->load())
            return abandon(u"cancelled"_s);
        const VmFolderDisk &disk = selection->disks[i];
        const QString base = diskBaseName(vm.name, disk.disk.device, i == 0);
        Expected<VmdkCloneResult> made =
            linked
                ? VmdkCloner::linkedClone(disk.path, folder, base)
                : VmdkCloner::fullClone(disk.path, folder, base, cancel, [&](qint64 n, qint64 t) {
                      // This disk's share of the whole, in the sizes measured above.
                      if (progress && t > 0)
                          progress(done
                                       + static_cast<qint64>(static_cast<double>(sizes[i])
                                                             * static_cast<double>(std::min(n, t))
                                                             / static_cast<double>(t)),
                                   total);
                  });
        if (!made)
            return abandon(u"%1 (%2): %3"_s.arg(vm.name, disk.disk.device, made.error()));
        if (!linked)
            done += sizes[i];
        disks.insert(disk.disk.fileName, QFileInfo(made->descriptorPath).fileName());
    }
    if (cancel && cancel->load())
        return abandon(u"cancelled"_s);

    auto clone = VmxCloneRewriter::rewrite(*golden, VmxCloneSpec{vm.name, request.identity, disks});
    if (!clone)
        return abandon(clone.error());
    const QString vmx = folder + u'/' + clone->vmxFileName;
    if (vmx != vmxPath(vm))
        return abandon(
            kVmwareBackendWrongVmxName(clone->vmxFileName, QFileInfo(vmxPath(vm)).fileName()));
    if (auto s = finish(*clone, request, vmx, cancel); !s)
        return abandon(s.error());
    if (progress)
        progress(qMax<qint64>(total, 1), qMax<qint64>(total, 1));
    log::vmware()->info("{}",
                        LogText::tr("%1: %2 clone made in %3").arg(vm.name, vm.cloneMode, folder));
    return {};
}

Status VmwareBackend::finish(const VmxClone &clone, const CloneRequest &request, const QString &vmx,
                             const std::atomic_bool *cancel) {
    const VmRecord &vm = request.vm;
    const QString from = goldenFolder(request.golden.path);
    for (const VmxFileCopy &copy : clone.copies) {
        const QString source = resolveIn(from, copy.from);
        const QString target = vm.folder + u'/' + copy.to;
        if (VmFolder::isDatastorePath(copy.from) || !QFileInfo::exists(source)
            || QFileInfo::exists(target)) {
            // Not essential: the clone's .vmx names its own, and VMware makes it (or made
            // it already, when vmrun made the clone).
            if (copy.required && !QFileInfo::exists(target))
                log::vmware()->info("{}",
                                    LogText::tr("%1: %2 names %3, which is not there: "
                                                "VMware makes %4 at the clone's first start")
                                        .arg(vm.name, request.golden.path, copy.from, copy.to));
            continue;
        }
        if (!QFile::copy(source, target))
            return fail(kVmwareBackendCannotCopy(source, vm.folder));
    }
    if (cancel && cancel->load())
        return fail(u"cancelled"_s);
    if (auto s = clone.document.save(vmx, /*ownerOnly=*/true); !s)
        return s;
    for (const QString &w : clone.warnings)
        log::vmware()->info("{}: {}", vm.name, w);
    return {};
}

Expected<VmxSnapshot> VmwareBackend::vmrunCloneSource(const GoldenRecord &golden) const {
    auto v = vmrun();
    if (!v)
        return v.failure();
    if (v->type() != u"ws")
        return fail(kVmwareBackendNeedsWorkstation(v->type(), v->typeReason()));
    auto snapshot = VmxSnapshots::current(golden.path);
    if (!snapshot)
        return fail(kVmwareBackendGolden(golden.name, snapshot.error()));
    auto vmx = VmxDocument::load(golden.path);
    if (!vmx)
        return fail(vmx.error());
    for (const VmxDisk &disk : VmxDevices::disks(*vmx))
        if (disk.present && !snapshot->disks.contains(disk.device))
            return fail(kVmwareBackendSnapshotLacksDisk(golden.name, snapshot->name, disk.device,
                                                        disk.fileName));
    return snapshot;
}

Status VmwareBackend::createByVmrun(const CloneRequest &request, const std::atomic_bool *cancel) {
    // VMware's own linked clone (vmrun -T ws clone ... linked) of the golden's current
    // snapshot; then the same rewrite as vmeclone's own clones get (identity, static MACs,
    // hygiene), on the .vmx vmrun wrote, with its disks as it named them.
    const VmRecord &vm = request.vm;
    auto v = vmrun();
    if (!v)
        return v.failure();
    auto snapshot = vmrunCloneSource(request.golden);
    if (!snapshot)
        return snapshot.failure();
    if (auto s = CloneMarker{request.dataFolderId, vm.instance}.makeFolder(vm.folder); !s)
        return s;
    auto abandon = [&](const QString &why) -> Status {
        QDir(vm.folder).removeRecursively();
        return fail(why);
    };
    const QString vmx = vmxPath(vm);
    if (auto s = v->cloneLinked(request.golden.path, vmx, snapshot->name, vm.name); !s)
        return abandon(s.error());
    if (cancel && cancel->load())
        return abandon(u"cancelled"_s);
    QFile file(vmx);
    if (!file.open(QIODevice::ReadOnly))
        return abandon(kVmwareBackendCloneUnreadable(vm.name, vmx, file.errorString()));
    // Named as the golden, so what is relative to the golden's folder (a CD-ROM image)
    // still resolves there.
    auto made = VmxDocument::parse(file.readAll(), request.golden.path);
    if (!made)
        return abandon(made.error());
    QMap<QString, QString> disks;
    for (const VmxDisk &disk : VmxDevices::disks(*made))
        if (disk.present)
            disks.insert(disk.fileName, disk.fileName);
    auto clone = VmxCloneRewriter::rewrite(*made, VmxCloneSpec{vm.name, request.identity, disks});
    if (!clone)
        return abandon(clone.error());
    if (auto s = finish(*clone, request, vmx, cancel); !s)
        return abandon(s.error());
    log::vmware()->info("{}", LogText::tr("%1: linked clone made by vmrun from the snapshot "
                                          "\"%2\" in %3")
                                  .arg(vm.name, snapshot->name, vm.folder));
    return {};
}

Expected<qint64> VmwareBackend::start(const VmRecord &vm, const GoldenRecord &) {
    const QString vmx = vmxPath(vm);
    if (!QFileInfo::exists(vmx))
        return fail(kVmwareBackendNoVmx(vm.name, vmx));
    auto v = vmrun();
    if (!v)
        return v.failure();
    auto running = v->isRunning(vmx);
    if (!running)
        return fail(running.error());
    if (*running)
        return qint64(0); // starting is idempotent
    if (auto s = v->start(vmx, vm.name); !s)
        return fail(s.error());
    log::vmware()->info("{}", LogText::tr("started %1").arg(vm.name));
    return qint64(0); // vmrun tells no process id
}

Status VmwareBackend::stop(const VmRecord &vm, std::chrono::milliseconds grace) {
    const QString vmx = vmxPath(vm);
    if (!QFileInfo::exists(vmx))
        return {}; // never made, or deleted: nothing runs from it
    auto v = vmrun();
    if (!v)
        return v.failure();
    auto running = v->isRunning(vmx);
    if (!running)
        return fail(running.error());
    if (!*running)
        return {};
    if (auto s = v->stopSoftThenHard(vmx, vm.name, grace); !s)
        return s;
    running = v->isRunning(vmx);
    if (!running)
        return fail(running.error());
    if (*running)
        return fail(kVmwareBackendStillRunsHard(vm.name));
    log::vmware()->info("{}", LogText::tr("stopped %1").arg(vm.name));
    return {};
}

Expected<bool> VmwareBackend::isRunning(const VmRecord &vm) const {
    const QString vmx = vmxPath(vm);
    if (!QFileInfo::exists(vmx))
        return false;
    auto v = vmrun();
    if (!v)
        return v.failure();
    return v->isRunning(vmx);
}

Status VmwareBackend::deleteClone(const VmRecord &vm) {
    const QDir dir(vm.folder);
    if (!dir.exists())
        return {};
    const QString vmx = vmxPath(vm);
    // Only a folder holding a vmeclone clone is ever removed: its .vmx carries the
    // identity vmeclone wrote, or (half-made) only the marker.
    if (QFileInfo::exists(vmx)) {
        auto doc = VmxDocument::load(vmx);
        if (!doc || !doc->contains(u"guestinfo.vmeclone.instance"_s))
            return fail(kVmwareBackendNoInstance(vmx, vm.folder));
        const QString instance = doc->value(u"guestinfo.vmeclone.instance"_s);
        if (!vm.instance.isEmpty() && instance != vm.instance)
            return fail(kVmwareBackendOtherInstance(vmx, instance, vm.instance, vm.folder));
        auto running = isRunning(vm);
        if (!running)
            return fail(kVmwareBackendCannotTellRunning(vm.name, running.error()));
        if (*running)
            return fail(kVmwareBackendStillRunning(vm.name));
    } else if (!CloneMarker::readFrom(vm.folder) && !dir.isEmpty()) {
        return fail(kVmwareBackendNotAClone(vm.folder, vm.name));
    }
    // VMware keeps "*.lck" beside files it has open (a Player window on the clone, say).
    const QStringList locks =
        dir.entryList({u"*.lck"_s}, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    if (!locks.isEmpty())
        return fail(kVmwareBackendLocked(vm.name, locks.join(u", "_s), vm.folder));
    if (!QDir(vm.folder).removeRecursively())
        return fail(kVmwareBackendCannotDelete(vm.folder));
    return {};
}

} // namespace vmeclone
