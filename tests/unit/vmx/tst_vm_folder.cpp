#include "vmx/vm_folder.h"
#include "vmx_corpus.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using vmeclone::VmFolder;
using vmeclone::VmFolderEntry;
using vmeclone::VmFolderSelection;
using vmeclone::VmxDocument;

namespace {

void touch(const QString &path, const QByteArray &bytes = "x") {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// A golden folder as VMware leaves it after a run with snapshots and a suspend.
QString makeGolden(const QTemporaryDir &dir) {
    const QString vmx = dir.filePath(u"vm176.vmx"_s);
    touch(vmx, vmx_corpus::read(u"multi_nic_multi_disk.vmx"_s));
    for (const char *name :
         {"vm176.vmdk", "vm176-data.vmdk", "vm176-sata.vmdk", "vm176-ide.vmdk", "vm176-nvme.vmdk",
          "vm176-s001.vmdk", "vm176-multi.nvram", "vmware.log", "vmware-1.log", "vm176.vmsd",
          "vm176-Snapshot1.vmsn", "vm176-a1b2.vmss", "vm176-a1b2.vmem", "vm176.scoreboard",
          "vm176.vmx~", "vm176-a1b2.vswp", "notes.txt", "tools.iso"})
        touch(dir.filePath(QString::fromLatin1(name)));
    QDir(dir.path()).mkdir(u"caches"_s);
    return vmx;
}

QStringList names(const QList<vmeclone::VmFolderSkip> &skips) {
    QStringList out;
    for (const auto &s : skips)
        out << s.name;
    out.sort();
    return out;
}

} // namespace

class TstVmFolder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void neverCopiedReason_data();
    void neverCopiedReason();
    void inspectSelects();
    void refusesLockedGolden_data();
    void refusesLockedGolden();
    void refusesMissingDisk();
    void diskOutsideTheFolder();
    void selectAloneTouchesNoFiles();
    void impliedNvramIsNotUnneeded();
    void refusesDatastorePath();
    void refusesDiskNamedTwice();
    void missingNvramAndVmxfAreNotes();
    void countsNetworkAdapters();
};

void TstVmFolder::neverCopiedReason_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("isDir");
    QTest::addColumn<bool>("never");
    QTest::newRow("lock folder") << u"vm176.vmx.lck"_s << true << true;
    QTest::newRow("lock file") << u"vm176.vmdk.LCK"_s << false << true;
    QTest::newRow("vmss") << u"vm176-a1.vmss"_s << false << true;
    QTest::newRow("vmem") << u"vm176-a1.vmem"_s << false << true;
    QTest::newRow("vmsn") << u"vm176-Snapshot1.vmsn"_s << false << true;
    QTest::newRow("vmsd") << u"vm176.vmsd"_s << false << true;
    QTest::newRow("log") << u"vmware.log"_s << false << true;
    QTest::newRow("numbered log") << u"vmware-2.log"_s << false << true;
    QTest::newRow("upper-case log") << u"VMWARE.LOG"_s << false << true;
    QTest::newRow("scoreboard") << u"vmware-0.scoreboard"_s << false << true;
    QTest::newRow("swap") << u"vm176-a1.vswp"_s << false << true;
    QTest::newRow("hlog") << u"vm176-a1.hlog"_s << false << true;
    QTest::newRow("dump") << u"vmware-vmx-1234.dmp"_s << false << true;
    QTest::newRow("backup") << u"vm176.vmx~"_s << false << true;
    QTest::newRow("caches") << u"caches"_s << true << true;
    QTest::newRow("a file called caches") << u"caches"_s << false << false;
    QTest::newRow("disk") << u"vm176.vmdk"_s << false << false;
    QTest::newRow("nvram") << u"vm176.nvram"_s << false << false;
    QTest::newRow("vmxf") << u"vm176.vmxf"_s << false << false;
    QTest::newRow("vmx") << u"vm176.vmx"_s << false << false;
    QTest::newRow("log in the middle") << u"catalog.vmdk"_s << false << false;
}

void TstVmFolder::neverCopiedReason() {
    QFETCH(QString, name);
    QFETCH(bool, isDir);
    QFETCH(bool, never);
    QCOMPARE(!VmFolder::neverCopiedReason(name, isDir).isEmpty(), never);
}

void TstVmFolder::inspectSelects() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString vmx = makeGolden(dir);
    const auto selection = VmFolder::inspect(vmx);
    QVERIFY2(selection.ok(), qPrintable(selection.error()));
    QCOMPARE(selection->vmxPath, vmx);

    QStringList disks;
    for (const auto &disk : selection->disks)
        disks << disk.disk.device + u'=' + disk.path;
    QCOMPARE(disks, (QStringList{u"scsi0:0="_s + dir.filePath(u"vm176.vmdk"_s),
                                 u"scsi0:1="_s + dir.filePath(u"vm176-data.vmdk"_s),
                                 u"sata0:0="_s + dir.filePath(u"vm176-sata.vmdk"_s),
                                 u"ide0:0="_s + dir.filePath(u"vm176-ide.vmdk"_s),
                                 u"nvme0:0="_s + dir.filePath(u"vm176-nvme.vmdk"_s)}));
    QCOMPARE(names(selection->skipped),
             (QStringList{u"caches"_s, u"vm176-Snapshot1.vmsn"_s, u"vm176-a1b2.vmem"_s,
                          u"vm176-a1b2.vmss"_s, u"vm176-a1b2.vswp"_s, u"vm176.scoreboard"_s,
                          u"vm176.vmsd"_s, u"vm176.vmx~"_s, u"vmware-1.log"_s, u"vmware.log"_s}));
    // The nvram is the rewriter's to copy; an extent of a disk is the VMDK code's to find.
    QCOMPARE(names(selection->unneeded),
             (QStringList{u"notes.txt"_s, u"tools.iso"_s, u"vm176-s001.vmdk"_s}));
    QCOMPARE(selection->warnings.size(), 2);
    QVERIFY2(selection->warnings[0].contains(u"is suspended"_s),
             qPrintable(selection->warnings[0]));
    QVERIFY2(selection->warnings[1].contains(u"has snapshots"_s),
             qPrintable(selection->warnings[1]));
}

void TstVmFolder::refusesLockedGolden_data() {
    QTest::addColumn<QString>("lock");
    QTest::addColumn<bool>("isDir");
    QTest::newRow("vmx lock folder") << u"vm176.vmx.lck"_s << true;
    QTest::newRow("disk lock folder") << u"vm176-ide.vmdk.lck"_s << true;
    QTest::newRow("lock file (older VMware)") << u"vm176.vmem.lck"_s << false;
}

void TstVmFolder::refusesLockedGolden() {
    QFETCH(QString, lock);
    QFETCH(bool, isDir);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString vmx = makeGolden(dir);
    if (isDir) {
        QVERIFY(QDir(dir.path()).mkdir(lock));
        touch(dir.filePath(lock + u"/M12345.lck"_s));
    } else {
        touch(dir.filePath(lock));
    }
    const auto selection = VmFolder::inspect(vmx);
    QVERIFY(!selection.ok());
    QCOMPARE(selection.error(),
             u"%1 is in use: VMware's lock %2 is in %3. Power the golden off in VMware and try "
             u"again; if VMware is not running it (the lock is left from a crash), delete %2 "
             u"first"_s.arg(vmx, lock, dir.path()));
}

void TstVmFolder::refusesMissingDisk() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString vmx = makeGolden(dir);
    QVERIFY(QFile::remove(dir.filePath(u"vm176-nvme.vmdk"_s)));
    const auto selection = VmFolder::inspect(vmx);
    QVERIFY(!selection.ok());
    QCOMPARE(selection.error(),
             u"%1 names the disk \"vm176-nvme.vmdk\" (nvme0:0.fileName), which "
             u"is not in %2: restore the disk or correct the .vmx"_s.arg(vmx, dir.path()));
}

void TstVmFolder::diskOutsideTheFolder() {
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    QVERIFY(dir.isValid() && elsewhere.isValid());
    const QString disk = elsewhere.filePath(u"shared-base.vmdk"_s);
    const QString vmx = dir.filePath(u"vm176.vmx"_s);
    touch(vmx, "scsi0.present = \"TRUE\"\nscsi0:0.present = \"TRUE\"\nscsi0:0.fileName = \""
                   + disk.toUtf8() + "\"\n");

    auto selection = VmFolder::inspect(vmx);
    QVERIFY(!selection.ok());
    QVERIFY2(selection.error().contains(u"names the disk \"%1\" (scsi0:0.fileName), which does "
                                        u"not exist"_s.arg(disk)),
             qPrintable(selection.error()));

    touch(disk);
    selection = VmFolder::inspect(vmx);
    QVERIFY2(selection.ok(), qPrintable(selection.error()));
    QCOMPARE(selection->disks.size(), 1);
    QCOMPARE(selection->disks.first().path, disk);

    QVERIFY(QDir(elsewhere.path()).mkdir(u"shared-base.vmdk.lck"_s));
    selection = VmFolder::inspect(vmx);
    QVERIFY(!selection.ok());
    QVERIFY2(selection.error().contains(
                 u"VMware's lock shared-base.vmdk.lck is in %1"_s.arg(elsewhere.path())),
             qPrintable(selection.error()));
}

void TstVmFolder::selectAloneTouchesNoFiles() {
    // A Windows golden read elsewhere: absolute Windows paths are kept, not resolved.
    auto vmx = VmxDocument::load(vmx_corpus::path(u"escapes_windows_paths.vmx"_s));
    QVERIFY2(vmx.ok(), qPrintable(vmx.error()));
    const auto selection = VmFolder::select(*vmx, u"D:/VMs/vm176/vm176.vmx"_s,
                                            {VmFolderEntry{u"vm176.vmx"_s, false},
                                             VmFolderEntry{u"vm176.nvram"_s, false},
                                             VmFolderEntry{u"vmware.log"_s, false}});
    QVERIFY2(selection.ok(), qPrintable(selection.error()));
    QCOMPARE(selection->disks.size(), 1);
    QCOMPARE(selection->disks.first().path, u"D:\\VMs\\vm176\\vm176-disk1.vmdk"_s);
    QCOMPARE(names(selection->skipped), QStringList{u"vmware.log"_s});
    QCOMPARE(names(selection->unneeded), QStringList());
    QCOMPARE(selection->warnings, QStringList());
}

void TstVmFolder::impliedNvramIsNotUnneeded() {
    auto vmx = VmxDocument::load(vmx_corpus::path(u"ws5_no_encoding.vmx"_s));
    QVERIFY2(vmx.ok(), qPrintable(vmx.error()));
    const auto selection = VmFolder::select(*vmx, u"/vms/vm176/vm176.vmx"_s,
                                            {VmFolderEntry{u"vm176.vmx"_s, false},
                                             VmFolderEntry{u"vm176.vmdk"_s, false},
                                             VmFolderEntry{u"vm176.nvram"_s, false}});
    QVERIFY2(selection.ok(), qPrintable(selection.error()));
    QCOMPARE(selection->disks.first().path, u"/vms/vm176/vm176.vmdk"_s);
    QCOMPARE(names(selection->unneeded), QStringList());
}

void TstVmFolder::refusesDatastorePath() {
    // As ESXi writes a disk on another datastore: a datastore name in brackets.
    VmxDocument vmx;
    vmx.set(u"scsi0:0.present"_s, u"TRUE"_s);
    vmx.set(u"scsi0:0.fileName"_s, u"[datastore1] vm176/vm176.vmdk"_s);
    const auto selection = VmFolder::select(
        vmx, u"/vms/vm176/vm176.vmx"_s,
        {VmFolderEntry{u"vm176.vmx"_s, false}, VmFolderEntry{u"vm176.vmdk"_s, false}});
    QVERIFY(!selection.ok());
    QCOMPARE(selection.error(),
             u"/vms/vm176/vm176.vmx names the disk \"[datastore1] vm176/vm176.vmdk\" "
             u"(scsi0:0.fileName), an ESXi datastore path: copy the VM's files to this host and "
             u"point the disk at them"_s);
    QVERIFY(VmFolder::isDatastorePath(u"[SSD datastore] a b/c.vmdk"_s));
    QVERIFY(!VmFolder::isDatastorePath(u"vm176[1].vmdk"_s));
    QVERIFY(!VmFolder::isDatastorePath(u"/vms/[x]/vm176.vmdk"_s));
}

void TstVmFolder::refusesDiskNamedTwice() {
    VmxDocument vmx;
    vmx.set(u"scsi0:0.present"_s, u"TRUE"_s);
    vmx.set(u"scsi0:0.fileName"_s, u"vm176.vmdk"_s);
    vmx.set(u"scsi0:1.present"_s, u"TRUE"_s);
    vmx.set(u"scsi0:1.fileName"_s, u"vm176.vmdk"_s);
    const QList<VmFolderEntry> entries{VmFolderEntry{u"vm176.vmx"_s, false},
                                       VmFolderEntry{u"vm176.vmdk"_s, false}};
    auto selection = VmFolder::select(vmx, u"/vms/vm176/vm176.vmx"_s, entries);
    QVERIFY(!selection.ok());
    QCOMPARE(selection.error(),
             u"/vms/vm176/vm176.vmx names the disk \"vm176.vmdk\" twice (scsi0:0 and scsi0:1): "
             u"VMware cannot open one disk twice; remove one of the devices or give it its own "
             u"disk"_s);
    // A device that is not present names nothing.
    vmx.set(u"scsi0:1.present"_s, u"FALSE"_s);
    selection = VmFolder::select(vmx, u"/vms/vm176/vm176.vmx"_s, entries);
    QVERIFY2(selection.ok(), qPrintable(selection.error()));
    QCOMPARE(selection->disks.size(), 1);
}

void TstVmFolder::missingNvramAndVmxfAreNotes() {
    // A golden never powered on here: the .vmx names an .nvram and a .vmxf it lacks.
    VmxDocument vmx;
    vmx.set(u"nvram"_s, u"vm176.nvram"_s);
    vmx.set(u"extendedConfigFile"_s, u"vm176.vmxf"_s);
    vmx.set(u"scsi0:0.present"_s, u"TRUE"_s);
    vmx.set(u"scsi0:0.fileName"_s, u"vm176.vmdk"_s);
    auto selection = VmFolder::select(
        vmx, u"/vms/vm176/vm176.vmx"_s,
        {VmFolderEntry{u"vm176.vmx"_s, false}, VmFolderEntry{u"vm176.vmdk"_s, false}});
    QVERIFY2(selection.ok(), qPrintable(selection.error()));
    QCOMPARE(selection->notes.size(), 2);
    QVERIFY2(selection->notes[0].contains(u"names the firmware settings \"vm176.nvram\" (nvram), "
                                          u"which is not there"_s),
             qPrintable(selection->notes[0]));
    QVERIFY2(selection->notes[1].contains(u"\"vm176.vmxf\" (extendedConfigFile)"_s),
             qPrintable(selection->notes[1]));
    QCOMPARE(selection->warnings, QStringList());
    // With both there: nothing to note.
    selection = VmFolder::select(
        vmx, u"/vms/vm176/vm176.vmx"_s,
        {VmFolderEntry{u"vm176.vmx"_s, false}, VmFolderEntry{u"vm176.vmdk"_s, false},
         VmFolderEntry{u"vm176.nvram"_s, false}, VmFolderEntry{u"vm176.vmxf"_s, false}});
    QVERIFY2(selection.ok(), qPrintable(selection.error()));
    QCOMPARE(selection->notes, QStringList());
}

void TstVmFolder::countsNetworkAdapters() {
    // ethernet0, 1 and 3 are present; ethernet2 is not.
    QTemporaryDir dir;
    const auto selection = VmFolder::inspect(makeGolden(dir));
    QVERIFY2(selection.ok(), qPrintable(selection.error()));
    QCOMPARE(selection->networkAdapters, 3);
}

QTEST_GUILESS_MAIN(TstVmFolder)
#include "tst_vm_folder.moc"
