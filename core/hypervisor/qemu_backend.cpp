#include "qemu_backend.h"

#include "clone/disk_copier.h"
#include "clone/qcow2_overlay.h"
#include "clone/qemu_img.h"
#include "common/failure_text.h"
#include "common/logging.h"
#include "hypervisor/qemu_instant.h"
#include "hypervisor/qmp_client.h"
#include "identity/mac_address.h"
#include "inventory/clone_marker.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstring>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kQemuBackendGoldenIsOverlay{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the golden disk %1 is itself an overlay of %2: make it standalone first "
                         "(qemu-img convert -O qcow2 %1 standalone.qcow2)")};
const FailureSentence kQemuBackendWrongDiskFormat{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 says the disk %2 is %3, but it is %4: correct \"disk_format\"")};
const FailureSentence kQemuBackendCloneFolderTooLong{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "the folder %1 is too long for QEMU's control socket (at most %2 bytes with "
                      "'/qmp.sock'): use a shard with a shorter path")};
const FailureSentence kQemuBackendNoUsableTemplate{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "no usable template of %1 in %2 (%3): make it with 'vmeclone golden template %1'")};
const FailureSentence kQemuBackendNoQemuSystem{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "qemu-system-x86_64 not found: install qemu-system-x86")};
const FailureSentence kQemuBackendStartTimedOut{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "QEMU for %1 did not finish starting within 60 s")};
const FailureSentence kQemuBackendCannotStartExitCode{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "QEMU could not start %1: exit code %2")};
const FailureSentence kQemuBackendCannotStart{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "QEMU could not start %1: %2")};
const FailureSentence kQemuBackendProcessGone{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "QEMU started %1 but its process is gone: see %2")};
const FailureSentence kQemuBackendCannotResume{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 could not resume from its template: %2")};
const FailureSentence kQemuBackendSurvivesKill{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "QEMU of %1 (pid %2) survives SIGKILL")};
const FailureSentence kQemuBackendStillRunning{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 is still running: stop it before deleting its files")};
const FailureSentence kQemuBackendNotAClone{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "%1 does not look like a vmeclone clone (no machine.json): not deleting it")};
const FailureSentence kQemuBackendCannotDelete{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot delete %1 completely: check its permissions")};

Ipv4Address hostAlias(const GoldenRecord &golden) {
    const auto two = golden.subnet.addressOfSuffix(2);
    if (two && *two != golden.address)
        return *two;
    return golden.subnet.lastHost();
}

Ipv4Address dnsAlias(const GoldenRecord &golden) {
    const auto three = golden.subnet.addressOfSuffix(3);
    if (three && *three != golden.address && *three != hostAlias(golden))
        return *three;
    return Ipv4Address(golden.subnet.lastHost().toUInt() - 1);
}

bool processAlive(qint64 pid) {
#ifdef Q_OS_UNIX
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
#else
    Q_UNUSED(pid);
    return false;
#endif
}

} // namespace

QemuBackend::QemuBackend(QemuBackendConfig config)
    : m_config(std::move(config)) {}

QString QemuBackend::machineFile(const QString &folder) {
    return folder + u"/machine.json"_s;
}
QString QemuBackend::identityFile(const QString &folder) {
    return folder + u"/identity.conf"_s;
}
QString QemuBackend::qmpSocket(const QString &folder) {
    return folder + u"/qmp.sock"_s;
}
QString QemuBackend::guestAgentSocket(const QString &folder) {
    return folder + u"/qga.sock"_s;
}
QString QemuBackend::pidFile(const QString &folder) {
    return folder + u"/qemu.pid"_s;
}
QString QemuBackend::serialLog(const QString &folder) {
    return folder + u"/serial.log"_s;
}

QString QemuBackend::templateMachine(const QString &folder) {
    return folder + u"/template.json"_s;
}
QString QemuBackend::templateRam(const QString &folder) {
    return folder + u"/template.ram"_s;
}
QString QemuBackend::templateState(const QString &folder) {
    return folder + u"/template.state"_s;
}
QString QemuBackend::templateDisk(const QString &folder) {
    return folder + u"/template.qcow2"_s;
}

QString QemuBackend::qemuSystem() const {
    if (!m_config.qemuSystem.isEmpty())
        return m_config.qemuSystem;
    return QStandardPaths::findExecutable(u"qemu-system-x86_64"_s);
}

QString QemuBackend::accelerator() const {
    if (m_config.accel != u"auto")
        return m_config.accel;
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    if (m_accel.isEmpty()) {
        QTemporaryDir scratch;
        m_accel = kvmWorks(qemuSystem(), scratch.path()) ? u"kvm"_s : u"tcg"_s;
        log::qemu()->info("{}", LogText::tr("accelerator probe: %1").arg(m_accel));
    }
    return m_accel;
}

Expected<GoldenInspection> QemuBackend::inspectGolden(const QString &path) const {
    auto machine = QemuMachine::fromFile(path);
    if (!machine)
        return fail(machine.error());
    auto qemuImg = QemuImg::find();
    if (!qemuImg)
        return fail(qemuImg.error());
    auto info = qemuImg->info(machine->disk);
    if (!info)
        return fail(info.error());
    if (!info->backingFilename.isEmpty())
        return fail(kQemuBackendGoldenIsOverlay(machine->disk, info->backingFilename));
    if (info->format != machine->diskFormat)
        return fail(
            kQemuBackendWrongDiskFormat(path, machine->disk, machine->diskFormat, info->format));
    // A running golden holds QEMU's write lock on its disk; cloning it would copy a
    // disk in flux and link clones to a moving base.
    GoldenInspection out;
    out.name = machine->name;
    out.subnet = machine->subnet;
    out.suffix = machine->suffix;
    out.allocatedBytes = info->actualSize;
    out.virtualBytes = info->virtualSize;
    out.files = {QFileInfo(path).absoluteFilePath(), machine->disk};
    if (!machine->kernel.isEmpty())
        out.files.append(machine->kernel);
    if (!machine->initrd.isEmpty())
        out.files.append(machine->initrd);
    return out;
}

TakenAddresses QemuBackend::reservedAddresses(const GoldenRecord &golden) const {
    return {{hostAlias(golden),
             {hostAlias(golden), RefusalKind::HostAlias,
              AddressRange::tr("QEMU's host alias (where the guests reach the console)")}},
            {dnsAlias(golden),
             {dnsAlias(golden), RefusalKind::DnsAlias, AddressRange::tr("QEMU's DNS alias")}}};
}

Ipv4Address QemuBackend::consoleAddressFor(const GoldenRecord &golden) const {
    return hostAlias(golden);
}

qint64 QemuBackend::bytesNeeded(const GoldenRecord &golden, const QString &cloneMode) const {
    // A linked clone starts at a few hundred KiB but grows as its guest writes; keep
    // room for a boot's worth of writes.
    constexpr qint64 kLinkedInitial = 16LL * 1024 * 1024;
    return cloneMode == u"full" ? golden.diskBytes : kLinkedInitial;
}

Status QemuBackend::createClone(const CloneRequest &request, const std::atomic_bool *cancel,
                                const ProgressFn &progress) {
    const VmRecord &vm = request.vm;
    const QString folder = vm.folder;
    if (qmpSocket(folder).toUtf8().size() > kMaxSocketPath)
        return fail(kQemuBackendCloneFolderTooLong(folder, kMaxSocketPath));
    auto golden = QemuMachine::fromFile(request.golden.path);
    if (!golden)
        return fail(golden.error());
    if (auto s = CloneMarker{request.dataFolderId, vm.instance}.makeFolder(folder); !s)
        return s;
    // From here on any failure removes the folder: nothing half-made is left behind.
    auto abandon = [&](const QString &why) -> Status {
        QDir(folder).removeRecursively();
        return fail(why);
    };

    if (vm.cloneMode == u"instant") {
        // The template's machine stands in for the golden: its disk is the layer the
        // clone's overlay sits on, its RAM file and state are what the clone resumes from.
        auto made = QemuMachine::fromFile(templateMachine(request.templateFolder));
        if (!made)
            return abandon(kQemuBackendNoUsableTemplate(request.golden.name, request.templateFolder,
                                                        made.error()));
        golden = made;
    }
    const QString suffix = golden->diskFormat == u"qcow2" ? u"qcow2"_s : golden->diskFormat;
    QString disk = folder + u"/"_s + vm.name + u"."_s + suffix;
    QString diskFormat = golden->diskFormat;
    if (vm.cloneMode == u"linked" || vm.cloneMode == u"instant") {
        disk = folder + u"/"_s + vm.name + u".qcow2"_s;
        diskFormat = u"qcow2"_s;
        // Written directly, not by a qemu-img process per clone: a batch of linked
        // clones costs milliseconds (tests/bench/bench_clone_batch).
        if (auto s =
                Qcow2Overlay::create(golden->disk, golden->diskFormat, disk, !request.deferSync);
            !s)
            return abandon(s.error());
        if (progress)
            progress(1, 1);
    } else {
        if (auto s = DiskCopier::copyFile(golden->disk, disk, cancel, progress); !s)
            return abandon(s.error());
    }
    if (cancel && cancel->load())
        return abandon(u"cancelled"_s);

    // The identity carries the VM's key: readable by the owner only.
    {
        QFile identity(identityFile(folder));
        if (!identity.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                           QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return abandon(failures::kCannotWrite(identity.fileName(), identity.errorString()));
        // Of a fixed size, so that an instant clone's guest finds it where the template's
        // fw_cfg directory said (qemu_instant.h); a cold clone's guest reads it the same.
        const auto text = qemu_instant::paddedIdentity(request.identity.toText());
        if (!text)
            return abandon(text.error());
        if (identity.write(*text) != text->size() || !identity.flush())
            return abandon(failures::kCannotWrite(identity.fileName(), identity.errorString()));
    }

    QemuMachine clone = *golden;
    clone.name = vm.name;
    clone.disk = disk;
    clone.diskFormat = diskFormat;
    clone.suffix = request.golden.subnet.suffixOf(vm.address);
    clone.subnet = request.golden.subnet;
    clone.extra.insert(u"mac"_s, vm.mac.toString());
    clone.extra.insert(u"address"_s, vm.address.toString());
    clone.extra.insert(u"instance"_s, vm.instance);
    clone.extra.insert(u"golden"_s, request.golden.path);
    if (vm.cloneMode == u"instant") {
        // Mapped privately: the clone's writes to its memory never reach the file.
        clone.extra.insert(QLatin1String(qemu_instant::kRamSharedKey), false);
        clone.extra.insert(QLatin1String(qemu_instant::kStateKey),
                           templateState(request.templateFolder));
        clone.extra.insert(u"template"_s, request.templateFolder);
    }
    if (auto s = clone.save(machineFile(folder), !request.deferSync); !s)
        return abandon(s.error());
    return {};
}

bool QemuBackend::resumesOnStart(const VmRecord &vm) {
    auto machine = QemuMachine::fromFile(machineFile(vm.folder));
    return machine && machine->extra.contains(QLatin1String(qemu_instant::kStateKey));
}

Expected<QStringList> QemuBackend::commandLine(const VmRecord &vm,
                                               const GoldenRecord &golden) const {
    auto machine = QemuMachine::fromFile(machineFile(vm.folder));
    if (!machine)
        return fail(machine.error());
    const QString accel = accelerator();
    const QString ramFile = machine->extra.value(QLatin1String(qemu_instant::kRamKey)).toString();
    QStringList args{
        u"-name"_s,       vm.name,
        u"-nodefaults"_s, u"-no-user-config"_s,
        u"-machine"_s,    ramFile.isEmpty() ? u"pc"_s : u"pc,memory-backend=pc.ram"_s,
        u"-accel"_s,      accel,
        u"-m"_s,          QString::number(machine->memoryMb),
        u"-smp"_s,        QString::number(machine->cpus),
        u"-display"_s,    u"none"_s,
        u"-monitor"_s,    u"none"_s,
        u"-serial"_s,     u"file:"_s + serialLog(vm.folder),
        u"-qmp"_s,        u"unix:"_s + qmpSocket(vm.folder) + u",server=on,wait=off"_s,
        u"-pidfile"_s,    pidFile(vm.folder),
        u"-fw_cfg"_s,     u"name=opt/vmeclone/identity,file="_s + identityFile(vm.folder),
    };
    // qemu-guest-agent's channel (guest_view.h): the port name is the one the agent
    // package's udev rule and default path expect.
    args << u"-chardev"_s
         << u"socket,id=qga0,server=on,wait=off,path="_s + guestAgentSocket(vm.folder)
         << u"-device"_s << u"virtio-serial-pci,id=vser0"_s << u"-device"_s
         << u"virtserialport,bus=vser0.0,chardev=qga0,name=org.qemu.guest_agent.0"_s;
    if (!machine->kernel.isEmpty()) {
        args << u"-kernel"_s << machine->kernel;
        if (!machine->initrd.isEmpty())
            args << u"-initrd"_s << machine->initrd;
        if (!machine->cmdline.isEmpty())
            args << u"-append"_s << machine->cmdline;
    }
    args << u"-drive"_s
         << u"file=%1,format=%2,if=%3,cache=writeback"_s.arg(machine->disk, machine->diskFormat,
                                                             machine->diskInterface);
    // User networking: the guest's packets to the host alias arrive on the host's
    // 127.0.0.1, where the listener is.
    args << u"-netdev"_s
         << u"user,id=n0,net=%1,host=%2,dns=%3"_s.arg(
                golden.subnet.toString(), hostAlias(golden).toString(), dnsAlias(golden).toString())
         << u"-device"_s << u"%1,netdev=n0,mac=%2"_s.arg(machine->nicModel, vm.mac.toString());
    if (!ramFile.isEmpty())
        args << qemu_instant::memoryArguments(
            ramFile, machine->memoryMb,
            machine->extra.value(QLatin1String(qemu_instant::kRamSharedKey)).toBool());
    if (machine->extra.contains(QLatin1String(qemu_instant::kStateKey)))
        args << u"-incoming"_s << u"defer"_s;
    args << u"-daemonize"_s;
    return args;
}

Expected<qint64> QemuBackend::start(const VmRecord &vm, const GoldenRecord &golden) {
    if (const qint64 pid = livePid(vm.folder); pid > 0)
        return pid; // already running: starting is idempotent
    const QString program = qemuSystem();
    if (program.isEmpty())
        return fail(kQemuBackendNoQemuSystem());
    auto args = commandLine(vm, golden);
    if (!args)
        return fail(args.error());
    QFile::remove(pidFile(vm.folder));
    QFile::remove(qmpSocket(vm.folder));
    QFile::remove(guestAgentSocket(vm.folder));
    QFile::remove(serialLog(vm.folder));

    QProcess qemu;
    qemu.setProgram(program);
    qemu.setArguments(*args);
    qemu.setWorkingDirectory(vm.folder);
    qemu.setStandardInputFile(QProcess::nullDevice());
    if (args->contains(u"-incoming"_s)) {
        // A clone resuming from its template is all about memory per clone, and QEMU asks
        // for transparent huge pages on its translation cache and its own small RAM blocks
        // (the 2 MiB ACPI table block, for one): each then costs a whole 2 MiB page, about
        // 2.6 MiB a clone on the demo golden (BENCHMARKS.md). Its guest RAM is the
        // template's file, which huge pages never back, so nothing is lost; the setting
        // is inherited through -daemonize.
        qemu.setChildProcessModifier([] { ::prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0); });
    }
    log::qemu()->debug("{} {}", program, args->join(u' '));
    QElapsedTimer launch;
    launch.start();
    qemu.start();
    // With -daemonize the parent returns once the machine is set up (or failed).
    if (!qemu.waitForFinished(60'000)) {
        qemu.kill();
        qemu.waitForFinished(5'000);
        return fail(kQemuBackendStartTimedOut(vm.name));
    }
    m_launchMs += launch.elapsed();
    const QString err = QString::fromUtf8(qemu.readAllStandardError()).trimmed();
    if (qemu.exitStatus() != QProcess::NormalExit || qemu.exitCode() != 0)
        return fail(err.isEmpty() ? kQemuBackendCannotStartExitCode(vm.name, qemu.exitCode())
                                  : kQemuBackendCannotStart(vm.name, err));
    const qint64 pid = livePid(vm.folder);
    if (pid <= 0)
        return fail(kQemuBackendProcessGone(vm.name, serialLog(vm.folder)));
    if (auto s = resumeIfInstant(vm); !s) {
        // A clone that cannot resume must not linger paused: it is stopped, with the reason.
        if (auto k = stop(vm, std::chrono::milliseconds(0)); !k)
            log::qemu()->warn("{}: {}", vm.name, failureText(k.error()));
        return fail(kQemuBackendCannotResume(vm.name, s.error()));
    }
    log::qemu()->info("{}", LogText::tr("started %1 (pid %2)").arg(vm.name).arg(pid));
    return pid;
}

qint64 QemuBackend::livePid(const QString &folder) const {
    QFile file(pidFile(folder));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 pid = file.readAll().trimmed().toLongLong(&ok);
    if (!ok || !processAlive(pid))
        return 0;
#ifdef Q_OS_LINUX
    // The pid may have been reused since: it must be a QEMU with this folder's files.
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    if (cmdline.open(QIODevice::ReadOnly) && !cmdline.readAll().contains(pidFile(folder).toUtf8()))
        return 0;
#endif
    return pid;
}

Expected<bool> QemuBackend::isRunning(const VmRecord &vm) const {
    return livePid(vm.folder) > 0;
}

Status QemuBackend::stop(const VmRecord &vm, std::chrono::milliseconds grace) {
    const qint64 pid = livePid(vm.folder);
    if (pid <= 0)
        return {};
    QmpClient qmp;
    bool gone = false;
    if (auto s = qmp.connectTo(qmpSocket(vm.folder)); s) {
        // ACPI power button first: the guest shuts down cleanly if it listens.
        if (qmp.execute(u"system_powerdown"_s))
            gone = qmp.waitForDisconnected(grace);
        if (!gone) {
            log::qemu()->info("{}", LogText::tr("%1 ignored the power button for %2 ms: quitting "
                                                "QEMU")
                                        .arg(vm.name)
                                        .arg(grace.count()));
            if (auto q = qmp.execute(u"quit"_s); !q) // waited for below either way
                log::qemu()->info("{}: quit: {}", vm.name, failureText(q.error()));
            gone = qmp.waitForDisconnected(std::chrono::milliseconds(5000));
        }
    } else {
        log::qemu()->warn("{}: {}", vm.name, failureText(s.error()));
    }
#ifdef Q_OS_UNIX
    // QMP closes a moment before the process is reaped; wait for it, then force it.
    QDeadlineTimer deadline(gone ? 5000 : 0);
    while (processAlive(pid) && !deadline.hasExpired())
        QThread::msleep(10);
    if (processAlive(pid)) {
        log::qemu()->warn("{}", LogText::tr("killing QEMU of %1 (pid %2)").arg(vm.name).arg(pid));
        ::kill(static_cast<pid_t>(pid), SIGKILL);
        QDeadlineTimer killDeadline(5000);
        while (processAlive(pid) && !killDeadline.hasExpired())
            QThread::msleep(10);
        if (processAlive(pid))
            return fail(kQemuBackendSurvivesKill(vm.name, pid));
    }
#endif
    QFile::remove(pidFile(vm.folder));
    QFile::remove(qmpSocket(vm.folder));
    QFile::remove(guestAgentSocket(vm.folder));
    return {};
}

Status QemuBackend::deleteClone(const VmRecord &vm) {
    const QDir dir(vm.folder);
    if (!dir.exists())
        return {};
    if (livePid(vm.folder) > 0)
        return fail(kQemuBackendStillRunning(vm.name));
    // Only a folder that holds a vmeclone clone is ever removed.
    if (!QFileInfo::exists(machineFile(vm.folder)) && !dir.isEmpty())
        return fail(kQemuBackendNotAClone(vm.folder));
    if (!QDir(vm.folder).removeRecursively())
        return fail(kQemuBackendCannotDelete(vm.folder));
    return {};
}

bool QemuBackend::kvmWorks(const QString &qemuSystem, const QString &scratchFolder) {
    if (!QFileInfo::exists(u"/dev/kvm"_s))
        return false;
    return acceleratorBoots(qemuSystem, u"kvm"_s, scratchFolder);
}

bool QemuBackend::acceleratorBoots(const QString &qemuSystem, const QString &accel,
                                   const QString &scratchFolder, int timeoutMs) {
    if (qemuSystem.isEmpty())
        return false;
    // Real mode: print a marker on COM1, then halt.
    static const unsigned char code[] = {0xFA, 0x31, 0xC0, 0x8E, 0xD8, 0xBE, 0x16, 0x7C,
                                         0xAC, 0x84, 0xC0, 0x74, 0x06, 0xBA, 0xF8, 0x03,
                                         0xEE, 0xEB, 0xF5, 0xF4, 0xEB, 0xFD};
    static const char marker[] = "VMECLONE-KVM-OK\r\n";
    QByteArray sector(512, '\0');
    memcpy(sector.data(), code, sizeof code);
    memcpy(sector.data() + sizeof code, marker, sizeof marker);
    sector[510] = static_cast<char>(0x55);
    sector[511] = static_cast<char>(0xAA);
    const QString image = scratchFolder + u"/kvm-probe.img"_s;
    const QString out = scratchFolder + u"/kvm-probe.out"_s;
    QFile file(image);
    if (!file.open(QIODevice::WriteOnly) || file.write(sector) != sector.size())
        return false;
    file.close();
    // A marker left by an earlier probe must not answer for this one (QEMU appends to
    // nothing: a refused accelerator exits before it opens the file).
    QFile::remove(out);
    QProcess qemu;
    qemu.start(qemuSystem,
               {u"-nodefaults"_s, u"-no-user-config"_s, u"-accel"_s, accel, u"-display"_s,
                u"none"_s, u"-m"_s, u"16"_s, u"-serial"_s, u"file:"_s + out, u"-drive"_s,
                u"file=%1,format=raw,if=ide"_s.arg(image)});
    QDeadlineTimer deadline(timeoutMs);
    bool ok = false;
    while (!deadline.hasExpired() && !ok) {
        if (qemu.waitForFinished(100))
            break;
        QFile result(out);
        ok = result.open(QIODevice::ReadOnly) && result.readAll().contains("VMECLONE-KVM-OK");
    }
    qemu.kill();
    qemu.waitForFinished(5000);
    return ok;
}

} // namespace vmeclone
