#include "vm_folder.h"

#include "common/failure_text.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

const FailureSentence kVmFolderInUse{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is in use: VMware's lock %2 is in %3. Power the golden off in VMware and try again; if "
    "VMware is not running it (the lock is left from a crash), delete %2 first")};
const FailureSentence kVmFolderDatastorePath{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 names the disk \"%2\" (%3.fileName), an ESXi datastore path: copy the VM's files to "
    "this host and point the disk at them")};
const FailureSentence kVmFolderDiskTwice{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 names the disk \"%2\" twice (%3 and %4): VMware cannot open one disk twice; remove one "
    "of the devices or give it its own disk")};
const FailureSentence kVmFolderDiskNotInFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 names the disk \"%2\" (%3.fileName), which is not in %4: restore the disk or correct "
    "the .vmx")};
const FailureSentence kVmFolderDiskMissing{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 names the disk \"%2\" (%3.fileName), which does not exist: restore the disk or "
    "correct the .vmx")};

bool isPlainName(const QString &path) {
    return !path.contains(u'/') && !path.contains(u'\\');
}

QString folderOf(const QString &vmxPath) {
    const QString folder = QFileInfo(vmxPath).path();
    return folder.isEmpty() ? u"."_s : folder;
}

QString joinPath(const QString &folder, const QString &name) {
    return VmxDevices::isAbsolutePath(name) ? name : QDir(folder).filePath(name);
}

QString lockMessage(const QString &vmxPath, const QString &lock, const QString &where) {
    return kVmFolderInUse(vmxPath, lock, where);
}

QString datastoreMessage(const QString &vmxPath, const VmxDisk &disk) {
    return kVmFolderDatastorePath(vmxPath, disk.fileName, disk.device);
}

} // namespace

bool VmFolder::isDatastorePath(const QString &fileName) {
    static const QRegularExpression datastore(u"^\\s*\\[[^\\]]+\\]"_s);
    return datastore.match(fileName).hasMatch();
}

QString VmFolder::neverCopiedReason(const QString &name, bool isDir) {
    const auto is = [&](const char16_t *suffix) {
        return name.endsWith(QStringView(suffix), Qt::CaseInsensitive);
    };
    if (is(u".lck"))
        return u"a lock: VMware has the VM open"_s;
    if (isDir && name.compare(u"caches"_s, Qt::CaseInsensitive) == 0)
        return u"VMware's caches"_s;
    if (is(u".vmss"))
        return u"suspended state"_s;
    if (is(u".vmem"))
        return u"guest memory"_s;
    if (is(u".vmsn"))
        return u"snapshot state"_s;
    if (is(u".vmsd"))
        return u"snapshot database (a clone starts with no snapshots)"_s;
    if (is(u".log"))
        return u"a log"_s;
    if (is(u".scoreboard"))
        return u"statistics of a run"_s;
    if (is(u".vswp"))
        return u"swap of a run"_s;
    if (is(u".hlog"))
        return u"migration log"_s;
    if (is(u".dmp"))
        return u"a crash dump"_s;
    if (is(u"~"))
        return u"a backup copy"_s;
    return {};
}

Expected<VmFolderSelection> VmFolder::select(const VmxDocument &vmx, const QString &vmxPath,
                                             const QList<VmFolderEntry> &entries) {
    const QString folder = folderOf(vmxPath);
    for (const VmFolderEntry &entry : entries)
        if (entry.name.endsWith(u".lck"_s, Qt::CaseInsensitive))
            return fail(lockMessage(vmxPath, entry.name, folder));

    QSet<QString> names;
    for (const VmFolderEntry &entry : entries)
        names.insert(entry.name);

    VmFolderSelection selection;
    selection.vmxPath = vmxPath;
    QSet<QString> named; // entries the clone takes or the rewriter's copy plan names
    named.insert(QFileInfo(vmxPath).fileName());
    QMap<QString, QString> deviceOf; // disk file name -> the first device naming it
    for (const VmxDisk &disk : VmxDevices::disks(vmx)) {
        if (!disk.present)
            continue;
        if (isDatastorePath(disk.fileName))
            return fail(datastoreMessage(vmxPath, disk));
        const QString key = joinPath(folder, disk.fileName);
        if (const auto first = deviceOf.constFind(key); first != deviceOf.cend())
            return fail(kVmFolderDiskTwice(vmxPath, disk.fileName, *first, disk.device));
        deviceOf.insert(key, disk.device);
        if (isPlainName(disk.fileName)) {
            if (!names.contains(disk.fileName))
                return fail(kVmFolderDiskNotInFolder(vmxPath, disk.fileName, disk.device, folder));
            named.insert(disk.fileName);
        }
        selection.disks.append(VmFolderDisk{disk, joinPath(folder, disk.fileName)});
    }
    QString nvram = vmx.value(u"nvram"_s);
    const bool nvramNamed = !nvram.isEmpty();
    if (nvram.isEmpty())
        nvram = QFileInfo(vmxPath).completeBaseName() + u".nvram"_s;
    named.insert(nvram);
    const QString vmxf = vmx.value(u"extendedConfigFile"_s);
    named.insert(vmxf);
    // Only the disks and the .vmx are essential: VMware makes a missing .nvram (the
    // firmware's settings) and .vmxf (team and folder data) afresh at the first start.
    const auto noteMissing = [&](const QString &name, const QString &key, const QString &what) {
        if (name.isEmpty() || (isPlainName(name) && names.contains(name)))
            return;
        if (!isPlainName(name))
            return; // elsewhere: looked for when the clone copies it (this reads no files)
        selection.notes.append(u"%1 names the %2 \"%3\" (%4), which is not there: each clone's "
                               u".vmx names its own and VMware makes it at the clone's first "
                               u"start"_s.arg(vmxPath, what, name, key));
    };
    if (nvramNamed)
        noteMissing(nvram, u"nvram"_s, u"firmware settings"_s);
    noteMissing(vmxf, u"extendedConfigFile"_s, u"extended configuration"_s);
    for (const VmxNic &nic : VmxDevices::nics(vmx))
        selection.networkAdapters += nic.present ? 1 : 0;
    QSet<QString> images; // clones use them where they are (the rewriter points there)
    for (const VmxDisk &image : VmxDevices::cdromImages(vmx))
        images.insert(image.fileName);

    bool suspended = !vmx.value(u"checkpoint.vmState"_s).isEmpty();
    bool snapshots = false;
    for (const VmFolderEntry &entry : entries) {
        if (named.contains(entry.name))
            continue;
        const QString reason = neverCopiedReason(entry.name, entry.isDir);
        if (!reason.isEmpty()) {
            selection.skipped.append(VmFolderSkip{entry.name, reason});
            suspended = suspended || entry.name.endsWith(u".vmss"_s, Qt::CaseInsensitive);
            snapshots = snapshots || entry.name.endsWith(u".vmsn"_s, Qt::CaseInsensitive);
            continue;
        }
        QString why = u"not named by the .vmx"_s;
        if (images.contains(entry.name))
            why = u"a CD-ROM image: clones use it where it is"_s;
        else if (entry.name.endsWith(u".vmdk"_s, Qt::CaseInsensitive))
            why = u"a disk file the .vmx does not name: copied only when a named disk's extents "
                  u"or parent chain use it"_s;
        selection.unneeded.append(VmFolderSkip{entry.name, why});
    }
    if (suspended)
        selection.warnings.append(u"%1 is suspended: its disks are as they were at suspend, so "
                                  u"clones boot as after a power cut; power the golden off "
                                  u"cleanly for clean clones"_s.arg(vmxPath));
    if (snapshots)
        selection.warnings.append(u"%1 has snapshots: clones start from its current state and "
                                  u"have no snapshots"_s.arg(vmxPath));
    return selection;
}

Expected<VmFolderSelection> VmFolder::inspect(const QString &vmxPath) {
    auto vmx = VmxDocument::load(vmxPath);
    if (!vmx)
        return fail(vmx.error());
    const QString folder = folderOf(vmxPath);
    QList<VmFolderEntry> entries;
    const QFileInfoList infos = QDir(folder).entryInfoList(
        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo &info : infos)
        entries.append(VmFolderEntry{info.fileName(), info.isDir()});
    auto selection = select(*vmx, vmxPath, entries);
    if (!selection)
        return selection;
    for (const VmFolderDisk &disk : selection->disks) {
        if (isPlainName(disk.disk.fileName))
            continue; // checked in the listing
        if (!QFileInfo::exists(disk.path))
            return fail(kVmFolderDiskMissing(vmxPath, disk.path, disk.disk.device));
        if (QFileInfo::exists(disk.path + u".lck"_s))
            return fail(lockMessage(vmxPath, QFileInfo(disk.path).fileName() + u".lck"_s,
                                    QFileInfo(disk.path).path()));
    }
    return selection;
}

} // namespace vmeclone
