#include "golden_check.h"

#include "clone/qemu_img.h"
#include "common/child_process.h"
#include "common/failure_text.h"
#include "common/logging.h"
#include "golden/debugfs.h"
#include "golden/file_system_probe.h"
#include "golden/golden_fingerprint.h"
#include "golden/guest_hazards.h"
#include "golden/partition_table.h"
#include "hypervisor/qemu_machine.h"
#include "hypervisor/vmware_backend.h"
#include "vmx/vm_folder.h"
#include "vmx/vmx_devices.h"
#include "vmx/vmx_document.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kGoldenCheckConvertTimedOut{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "qemu-img did not finish converting %1 within an hour and was stopped")};
const FailureSentence kGoldenCheckQemuImgCannotRead{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "qemu-img cannot read %1: %2")};
const FailureSentence kGoldenCheckNoRoom{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "reading %1 needs a raw copy of about %2 in %3, which has %4 free: give a temporary folder "
    "on a file system with room")};
const FailureSentence kGoldenCheckCannotLink{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot make a link to %1 in %2")};
const FailureSentence kGoldenCheckCannotCreate{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot create %1")};
const FailureSentence kGoldenCheckNoSuchPath{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 does not exist: give the golden's machine description (.json) or its .vmx")};
const FailureSentence kGoldenCheckNotAFile{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is not a file: give the golden's machine description (.json) or its .vmx")};
const FailureSentence kGoldenCheckWrongKind{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 is neither a QEMU machine description (.json) nor a VMware .vmx")};
const FailureSentence kGoldenCheckDiskMissing{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 names the disk %2, which does not exist")};
const FailureSentence kGoldenCheckNoDisk{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 names no hard disk: nothing to clone")};
const FailureSentence kGoldenCheckNoTempFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot create a temporary folder in %1 (%2): give another")};

constexpr int kConvertTimeoutMs = 3600 * 1000; // a large golden on a slow disk
constexpr qint64 kSpareBytes = 64LL * 1024 * 1024;

QString mib(qint64 bytes) {
    return u"%1 MiB"_s.arg((bytes + (1 << 20) - 1) >> 20);
}

struct Disk {
    QString path;
    ImageInfo info;
};

// The state of one look through the disks.
struct Look {
    QStringList unreadable; // "vm.vmdk, partition 2 (LVM2 member)"
    QStringList notRoot;    // ext file systems that are not the root (/boot, /home)
    bool found = false;
};

Status convertToRaw(const QemuImg &qemuImg, const Disk &disk, const QString &raw) {
    // No -U: the lock was free a moment ago; if a QEMU took it since, this fails rather
    // than read a disk in flux.
    const ChildRun run = runChild(
        qemuImg.program(),
        {u"convert"_s, u"-q"_s, u"-f"_s, disk.info.format, u"-O"_s, u"raw"_s, disk.path, raw},
        std::chrono::milliseconds(kConvertTimeoutMs));
    switch (run.outcome) {
    case ChildRun::Outcome::CannotStart:
        return fail(failures::kCannotRun(qemuImg.program(), run.error));
    case ChildRun::Outcome::TimedOut:
        return fail(kGoldenCheckConvertTimedOut(disk.path));
    case ChildRun::Outcome::Crashed:
    case ChildRun::Outcome::Finished:
        if (!run.succeeded())
            return fail(kGoldenCheckQemuImgCannotRead(disk.path,
                                                      QString::fromLocal8Bit(run.err).trimmed()));
    }
    return {};
}

GoldenHazard runningLock(const QString &what, const QStringList &where, const QString &fix) {
    return {u"running-lock"_s, GoldenHazard::Severity::Error, what, where, fix};
}

// Reads one disk's partitions until the root file system is found.
Status lookInto(const Disk &disk, int diskIndex, const QemuImg &qemuImg, const QTemporaryDir &temp,
                Look &look, GoldenCheckReport &report) {
    const QString name = QFileInfo(disk.path).fileName();
    QString raw = disk.path;
    if (disk.info.format != u"raw") {
        const QStorageInfo storage(temp.path());
        if (storage.isValid() && storage.bytesAvailable() < disk.info.actualSize + kSpareBytes)
            return refuse(Problem::NoRoom, Field::TempDir, temp.path(),
                          kGoldenCheckNoRoom(disk.path, mib(disk.info.actualSize + kSpareBytes),
                                             temp.path(), mib(storage.bytesAvailable())));
        raw = temp.filePath(u"disk%1.raw"_s.arg(diskIndex));
        if (auto converted = convertToRaw(qemuImg, disk, raw); !converted)
            return converted;
    } else if (disk.path.contains(u'?') || disk.path.contains(u'"')) {
        // debugfs reads "?..." as options: give it a plain name.
        raw = temp.filePath(u"disk%1.raw"_s.arg(diskIndex));
        if (!QFile::link(disk.path, raw))
            return fail(kGoldenCheckCannotLink(disk.path, temp.path()));
    }

    QFile file(raw);
    if (!file.open(QIODevice::ReadOnly))
        return fail(failures::kCannotRead(raw, file.errorString()));
    auto table = PartitionTable::read(file, disk.path);
    if (!table)
        return fail(table.error());
    QList<Partition> candidates = table->partitions();
    if (table->scheme() == PartitionTable::Scheme::None)
        candidates = {Partition{0, 0, file.size(), {}}};

    std::optional<Debugfs> debugfs;
    for (const Partition &p : candidates) {
        const QString where = p.number == 0 ? u"%1, whole disk"_s.arg(name)
                                            : u"%1, partition %2"_s.arg(name).arg(p.number);
        const FileSystemInfo fs = FileSystemProbe::probe(file, p.offset);
        if (!fs.ext) {
            static const QStringList ignored{u"swap"_s, u"vfat"_s, u"iso9660"_s};
            const QString typeName =
                p.type.isEmpty() ? QString() : PartitionTable::typeName(p.type);
            if (ignored.contains(fs.type) || typeName == u"BIOS boot" || typeName == u"EFI system")
                continue;
            look.unreadable << u"%1 (%2)"_s.arg(
                where, fs.type.isEmpty() ? u"not a file system this tool knows"_s : fs.type);
            continue;
        }
        if (!debugfs) {
            auto found = Debugfs::find();
            if (!found)
                return fail(found.error());
            debugfs = *found;
        }
        const QString tree = temp.filePath(u"disk%1-part%2"_s.arg(diskIndex).arg(p.number));
        if (!QDir().mkpath(tree))
            return fail(kGoldenCheckCannotCreate(tree));
        if (auto dumped = debugfs->dump(raw, p.offset, GuestHazards::guestPaths(), tree); !dumped) {
            look.unreadable << u"%1 (%2: %3)"_s.arg(where, fs.type, dumped.error());
            continue;
        }
        if (!GuestHazards::isRootFileSystem(tree)) {
            look.notRoot << u"%1 (%2)"_s.arg(where, fs.type);
            continue;
        }
        look.found = true;
        report.lookedInside = true;
        report.rootFileSystem = u"%1 (%2)"_s.arg(where, fs.type);
        report.hazards += GuestHazards::find(tree);
        report.notes += GuestHazards::limits(tree);
        if (fs.needsRecovery)
            report.hazards.append(
                {u"unclean-shutdown"_s,
                 GoldenHazard::Severity::Warning,
                 u"The root file system was not shut down cleanly: its journal holds changes not "
                 u"yet written, "
                 u"which every clone replays at its first boot (this check read the files without them)."_s,
                 {disk.path},
                 u"Boot the golden and shut it down from inside the guest (poweroff), not by pulling the plug."_s});
        log::golden()->debug("golden check: root file system on {}", report.rootFileSystem);
        return {};
    }
    return {};
}

} // namespace

GoldenCheck::GoldenCheck(GoldenCheckOptions options)
    : m_options(std::move(options)) {}

Expected<GoldenCheckReport> GoldenCheck::run(const QString &path) const {
    const QFileInfo fileInfo(path);
    if (!fileInfo.exists())
        return fail(kGoldenCheckNoSuchPath(path));
    if (!fileInfo.isFile())
        return fail(kGoldenCheckNotAFile(path));
    const QString suffix = fileInfo.suffix().toLower();
    if (suffix != u"json" && suffix != u"vmx")
        return fail(kGoldenCheckWrongKind(path));

    GoldenCheckReport report;
    report.path = fileInfo.absoluteFilePath();
    auto qemuImg = QemuImg::find();
    if (!qemuImg)
        return fail(qemuImg.error());

    QList<Disk> disks;
    if (suffix == u"json") {
        report.backend = u"qemu"_s;
        auto machine = QemuMachine::fromFile(report.path);
        if (!machine)
            return fail(machine.error());
        report.disks = {machine->disk};
        if (!QFileInfo::exists(machine->disk))
            return fail(kGoldenCheckDiskMissing(report.path, machine->disk));
        auto info = qemuImg->info(machine->disk);
        if (!info) {
            if (!isImageLockError(info.error()))
                return fail(info.error());
            report.hazards.append(runningLock(
                u"The golden is running: a QEMU process holds the write lock on its disk, which is "
                u"changing "
                u"under any copy."_s,
                {machine->disk},
                u"Shut the golden down from inside the guest (poweroff) and check again. If no "
                u"QEMU of yours runs "
                u"it, find the process that has the disk open: fuser -v %1"_s.arg(machine->disk)));
            report.notes << u"the guest's files were not read: the golden is running"_s;
            return report;
        }
        disks.append({machine->disk, *info});
    } else {
        report.backend = u"vmware"_s;
        auto vmx = VmxDocument::load(report.path);
        if (!vmx)
            return fail(vmx.error());
        const QDir folder = fileInfo.absoluteDir();
        QStringList locks;
        QStringList suspended;
        for (const QString &entry :
             folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name)) {
            if (entry.endsWith(u".lck"_s, Qt::CaseInsensitive))
                locks << folder.filePath(entry);
            else if (entry.endsWith(u".vmss"_s, Qt::CaseInsensitive))
                suspended << folder.filePath(entry);
        }
        for (const VmxDisk &d : VmxDevices::disks(*vmx)) {
            if (!d.present)
                continue;
            const QString diskPath =
                VmxDevices::isAbsolutePath(d.fileName) || VmFolder::isDatastorePath(d.fileName)
                    ? d.fileName
                    : folder.filePath(d.fileName);
            report.disks << diskPath;
            if (QFileInfo::exists(diskPath + u".lck"_s) && !locks.contains(diskPath + u".lck"_s))
                locks << diskPath + u".lck"_s;
        }
        if (!locks.isEmpty()) {
            report.hazards.append(runningLock(
                u"The golden is open in VMware (it holds %1): its disks are changing under any copy."_s
                    .arg(locks.size() == 1 ? u"a lock"_s : u"%1 locks"_s.arg(locks.size())),
                locks,
                u"Power the golden off in VMware (shut the guest down from inside) and check "
                u"again. If VMware is "
                u"not running it, the locks are left from a crash: delete them."_s));
            report.notes << u"the guest's files were not read: the golden is open in VMware"_s;
            return report;
        }
        if (!suspended.isEmpty())
            report.hazards.append(
                {u"suspended"_s, GoldenHazard::Severity::Warning,
                 u"The golden is suspended: its disks are as they were at the suspend, with file "
                 u"systems still "
                 u"mounted, and every clone boots from that state."_s,
                 suspended,
                 u"Resume the golden in VMware, shut the guest down from inside (poweroff), and check again."_s});
        if (report.disks.isEmpty())
            return fail(kGoldenCheckNoDisk(report.path));
        // What `golden add` refuses (missing or twice-named disks, datastore paths, disks
        // of no format a clone can copy, no network adapter): the same reading, as hazards.
        if (auto refused = VmwareBackend(VmwareBackendConfig{}).inspectGolden(report.path);
            !refused) {
            report.hazards.append(
                {u"refused-at-add"_s,
                 GoldenHazard::Severity::Error,
                 refused.error(),
                 {report.path},
                 u"Correct the golden as the message says: vmeclone golden add refuses it as it "
                 u"is."_s});
            report.notes << u"the guest's files were not read: the golden cannot be added"_s;
            return report;
        } else if (refused->networkAdapters == 0) {
            report.hazards.append(
                {u"no-network"_s,
                 GoldenHazard::Severity::Error,
                 u"The golden has no network adapter: its clones would be given an address, a MAC "
                 u"and network settings for a NIC that does not exist, and could not announce "
                 u"themselves."_s,
                 {report.path},
                 u"Add a network adapter to the golden in VMware, or, if its clones need no "
                 u"network, add the golden allowing clones without a network."_s});
        }
        if (auto selection = VmFolder::inspect(report.path))
            report.notes << selection->notes;
        for (const QString &diskPath : std::as_const(report.disks)) {
            if (!QFileInfo::exists(diskPath))
                return fail(kGoldenCheckDiskMissing(report.path, diskPath));
            auto info = qemuImg->info(diskPath);
            if (!info)
                return fail(info.error());
            disks.append({diskPath, *info});
        }
    }

    const QString base = m_options.tempDir.isEmpty() ? QDir::tempPath() : m_options.tempDir;
    QTemporaryDir temp(QDir(base).filePath(u"vmeclone-golden-check-XXXXXX"_s));
    if (!temp.isValid())
        return refuse(Problem::NotWritable, Field::TempDir, base,
                      kGoldenCheckNoTempFolder(base, temp.errorString()));

    Look look;
    for (int i = 0; i < disks.size() && !look.found; ++i)
        if (auto looked = lookInto(disks[i], i, *qemuImg, temp, look, report); !looked)
            return looked.failure();
    if (!look.found) {
        QString why;
        if (!look.unreadable.isEmpty())
            why =
                u"the root file system is not on ext2/3/4, which is all this tool reads: %1"_s.arg(
                    look.unreadable.join(u"; "_s));
        else
            why = u"no ext2/3/4 file system with an /etc was found on %1"_s.arg(
                report.disks.join(u", "_s));
        if (!look.notRoot.isEmpty())
            why += u" (read, not the root: %1)"_s.arg(look.notRoot.join(u"; "_s));
        report.notes << u"cannot look inside: "_s + why;
        report.checksByHand = GuestHazards::checksByHand();
    }
    return report;
}

QJsonObject GoldenCheckReport::toJson() const {
    QJsonArray hazardArray;
    for (const GoldenHazard &h : hazards)
        hazardArray.append(h.toJson());
    return {{u"path"_s, path},
            {u"backend"_s, backend},
            {u"disks"_s, QJsonArray::fromStringList(disks)},
            {u"root_file_system"_s, rootFileSystem},
            {u"looked_inside"_s, lookedInside},
            {u"clean"_s, clean()},
            {u"hazards"_s, hazardArray},
            {u"notes"_s, QJsonArray::fromStringList(notes)},
            {u"checks_by_hand"_s, QJsonArray::fromStringList(checksByHand)}};
}

QString GoldenCheckReport::toText() const {
    QString text = u"golden %1 (%2)\n"_s.arg(path, backend == u"qemu" ? u"QEMU"_s : u"VMware"_s);
    for (const QString &d : disks)
        text += u"  disk: %1\n"_s.arg(d);
    if (!rootFileSystem.isEmpty())
        text += u"  root file system: %1\n"_s.arg(rootFileSystem);
    for (const GoldenHazard &h : hazards) {
        text += u"\n%1 %2: %3\n"_s.arg(GoldenHazard::severityName(h.severity), h.id, h.what);
        for (const QString &w : h.where)
            text += u"    in %1\n"_s.arg(w);
        text += u"    fix: %1\n"_s.arg(h.fix);
    }
    if (!notes.isEmpty())
        text += u"\n"_s;
    for (const QString &n : notes)
        text += u"note: %1\n"_s.arg(n);
    if (!checksByHand.isEmpty()) {
        text += u"check by hand inside the guest:\n"_s;
        for (const QString &c : checksByHand)
            text += u"  - %1\n"_s.arg(c);
    }
    if (clean())
        text += u"\nclean: no clone hazards found\n"_s;
    else if (!hazards.isEmpty())
        text += u"\n%1 clone hazard(s) found\n"_s.arg(hazards.size());
    return text;
}

} // namespace vmeclone
