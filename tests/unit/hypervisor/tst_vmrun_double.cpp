// The vmrun contract double itself (tests/vmrun-double), run as a child process: it
// accepts only the documented command lines, answers in VMware's form ("Error: ..." on
// stdout, exit code 255), keeps one state across calls (also concurrent ones), and
// refuses to start what VMware would refuse or stop at a question on. The VMware
// backend's tests lean on these checks, so they must hold.

#include "vmware_fixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vmware_fixture;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
};

} // namespace

class TestVmrunDouble : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString &relative) const { return m_dir->filePath(relative); }

    Run vmrun(const QStringList &args, const QMap<QString, QString> &env = {}) const {
        QProcess p;
        auto e = QProcessEnvironment::systemEnvironment();
        e.insert(u"FAKE_VMRUN_STATE"_s, path(u"state"_s));
        for (auto it = env.begin(); it != env.end(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(FAKE_VMRUN), args);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        return r;
    }

    QString makeVm(const QString &name, const QString &mac, const QStringList &extra = {},
                   const QStringList &drop = {}) {
        const QString folder = path(name);
        QDir().mkpath(folder);
        if (!makeFlatDisk(folder, name)
            || !writeFile(folder + u'/' + name + u".vmx"_s,
                          vmxText(name, name + u".vmdk"_s, mac, extra, drop)))
            qFatal("cannot write the fixture VM %s", qPrintable(name));
        return folder + u'/' + name + u".vmx"_s;
    }

    QStringList running() const {
        const Run r = vmrun({u"-T"_s, u"player"_s, u"list"_s});
        QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        return lines.mid(1);
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void commandLines_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("no -T") << QStringList{u"list"_s} << u"-T"_s;
        QTest::newRow("unknown product") << QStringList{u"-T"_s, u"esx"_s, u"list"_s} << u"esx"_s;
        QTest::newRow("no verb") << QStringList{u"-T"_s, u"ws"_s} << u"Unrecognized command"_s;
        QTest::newRow("unknown verb")
            << QStringList{u"-T"_s, u"ws"_s, u"launch"_s} << u"Unrecognized command: launch"_s;
        QTest::newRow("list with an argument")
            << QStringList{u"-T"_s, u"ws"_s, u"list"_s, u"x"_s} << u"Invalid arguments"_s;
        QTest::newRow("start without vmx")
            << QStringList{u"-T"_s, u"player"_s, u"start"_s} << u"Invalid arguments"_s;
        QTest::newRow("start with a third word")
            << QStringList{u"-T"_s, u"player"_s, u"start"_s, u"/x.vmx"_s, u"headless"_s}
            << u"Invalid arguments"_s;
        QTest::newRow("stop with a bad mode")
            << QStringList{u"-T"_s, u"player"_s, u"stop"_s, u"/x.vmx"_s, u"now"_s}
            << u"Invalid arguments"_s;
        QTest::newRow("ip with a bad flag")
            << QStringList{u"-T"_s, u"player"_s, u"getGuestIPAddress"_s, u"/x.vmx"_s, u"-now"_s}
            << u"Invalid arguments"_s;
        QTest::newRow("clone on Player")
            << QStringList{u"-T"_s, u"player"_s, u"clone"_s, u"/a.vmx"_s, u"/b.vmx"_s, u"full"_s}
            << u"The operation is not supported"_s;
        QTest::newRow("snapshot on Player")
            << QStringList{u"-T"_s, u"player"_s, u"snapshot"_s, u"/a.vmx"_s, u"s1"_s}
            << u"The operation is not supported"_s;
        QTest::newRow("snapshot on Workstation")
            << QStringList{u"-T"_s, u"ws"_s, u"snapshot"_s, u"/a.vmx"_s, u"s1"_s}
            << u"does not use"_s;
        QTest::newRow("reset") << QStringList{u"-T"_s, u"ws"_s, u"reset"_s, u"/a.vmx"_s}
                               << u"does not use"_s;
        QTest::newRow("relative vmx")
            << QStringList{u"-T"_s, u"ws"_s, u"start"_s, u"a.vmx"_s}
            << u"Cannot open VM: a.vmx, The virtual machine cannot be found"_s;
    }

    void commandLines() {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        const Run r = vmrun(args);
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.startsWith(u"Error: "_s) && r.out.contains(error), qPrintable(r.out));
    }

    // Workstation's linked clone of a named snapshot: the only clone command line vmeclone
    // uses (clone --vmware-clone); every other shape is refused as vmrun refuses it.
    void cloneOnWorkstation() {
        const QString g = makeVm(u"g"_s, u"00:50:56:00:00:09"_s);
        QVERIFY(writeFile(path(u"g/g.vmsd"_s),
                          "snapshot.current = \"1\"\nsnapshot0.uid = \"1\"\n"
                          "snapshot0.displayName = \"base\"\nsnapshot0.numDisks = \"1\"\n"
                          "snapshot0.disk0.fileName = \"g.vmdk\"\n"
                          "snapshot0.disk0.node = \"scsi0:0\"\nsnapshot.numSnapshots = \"1\"\n"));
        const QString c = path(u"c/c.vmx"_s);
        const auto refused = [&](const QStringList &rest, const QString &error) {
            const Run r = vmrun(QStringList{u"-T"_s, u"ws"_s, u"clone"_s, g} + rest);
            QCOMPARE(r.exitCode, 255);
            QVERIFY2(r.out.startsWith(u"Error: "_s) && r.out.contains(error), qPrintable(r.out));
            QVERIFY(!QFileInfo::exists(c));
        };
        refused({c, u"full"_s, u"-cloneName=c"_s}, u"vmeclone makes full clones itself"_s);
        refused({c, u"linked"_s, u"-cloneName=c"_s}, u"name the snapshot"_s);
        refused({c, u"linked"_s, u"-snapshot=other"_s}, u"has no snapshot named \"other\""_s);
        refused({u"c.vmx"_s, u"linked"_s, u"-snapshot=base"_s}, u"absolute .vmx path"_s);
        refused({c, u"linked"_s, u"-snapshot=base"_s, u"-now"_s}, u"Invalid arguments"_s);

        const Run made = vmrun({u"-T"_s, u"ws"_s, u"clone"_s, g, c, u"linked"_s,
                                u"-snapshot=base"_s, u"-cloneName=c"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(made.out));
        QFile vmx(c);
        QVERIFY(vmx.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(vmx.readAll());
        QVERIFY2(text.contains(u"displayName = \"c\""_s), qPrintable(text));
        QVERIFY2(text.contains(u"scsi0:0.fileName = \"g-cl1.vmdk\""_s), qPrintable(text));
        QVERIFY(QFileInfo::exists(path(u"c/g-cl1.vmdk"_s)));
        // It starts (a child whose parent opens), and a second clone to the same path is
        // refused.
        QCOMPARE(vmrun({u"-T"_s, u"ws"_s, u"start"_s, c}).exitCode, 0);
        QCOMPARE(
            vmrun({u"-T"_s, u"ws"_s, u"clone"_s, g, c, u"linked"_s, u"-snapshot=base"_s}).exitCode,
            255);
    }

    void startListStop() {
        const QString a = makeVm(u"a"_s, u"00:50:56:00:00:01"_s);
        const QString b = makeVm(u"b"_s, u"00:50:56:00:00:02"_s);
        QCOMPARE(vmrun({u"-T"_s, u"player"_s, u"list"_s}).out, u"Total running VMs: 0\n"_s);
        QCOMPARE(vmrun({u"-T"_s, u"player"_s, u"start"_s, a, u"nogui"_s}).exitCode, 0);
        QCOMPARE(vmrun({u"-T"_s, u"ws"_s, u"start"_s, b}).exitCode, 0);
        QCOMPARE(vmrun({u"-T"_s, u"player"_s, u"list"_s}).out,
                 u"Total running VMs: 2\n%1\n%2\n"_s.arg(a, b));
        // VMware's locks beside the .vmx and the disk while it runs.
        QVERIFY(QFileInfo(a + u".lck"_s).isDir());
        QVERIFY(QFileInfo(path(u"a/a.vmdk.lck"_s)).isDir());

        Run again = vmrun({u"-T"_s, u"player"_s, u"start"_s, a, u"nogui"_s});
        QCOMPARE(again.exitCode, 255);
        QCOMPARE(
            again.out,
            u"Error: The virtual machine should not be powered on. It is already running.\n"_s);

        QCOMPARE(vmrun({u"-T"_s, u"player"_s, u"stop"_s, a, u"soft"_s}).exitCode, 0);
        QVERIFY(!QFileInfo::exists(a + u".lck"_s));
        QVERIFY(!QFileInfo::exists(path(u"a/a.vmdk.lck"_s)));
        const Run off = vmrun({u"-T"_s, u"player"_s, u"stop"_s, a, u"hard"_s});
        QCOMPARE(off.exitCode, 255);
        QCOMPARE(off.out, u"Error: The virtual machine is not powered on: %1\n"_s.arg(a));
        QCOMPARE(running(), QStringList{b});
    }

    void refusesWhatVmwareRefuses_data() {
        QTest::addColumn<QString>("mac");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QStringList>("drop");
        QTest::addColumn<QString>("error");
        const QString mac = u"00:50:56:00:01:00"_s;
        QTest::newRow("generated MAC")
            << mac << QStringList{} << QStringList{u"ethernet0.addressType"_s} << u"addressType"_s;
        QTest::newRow("MAC above the static range")
            << u"00:50:56:40:00:01"_s << QStringList{} << QStringList{}
            << u"00:50:56:40:00:01 is not an allowed static Ethernet address"_s;
        QTest::newRow("generated-range MAC set static")
            << u"00:0c:29:01:02:03"_s << QStringList{} << QStringList{}
            << u"not an allowed static Ethernet address"_s;
        QTest::newRow("not a MAC") << u"00:50:56:00:01"_s << QStringList{} << QStringList{}
                                   << u"Invalid MAC address specified"_s;
        QTest::newRow("two NICs, one MAC")
            << mac
            << QStringList{u"ethernet1.present = \"TRUE\""_s,
                           u"ethernet1.addressType = \"static\""_s,
                           u"ethernet1.address = \"00:50:56:00:01:00\""_s}
            << QStringList{} << u"used by another adapter"_s;
        QTest::newRow("missing disk")
            << mac
            << QStringList{u"scsi0:1.present = \"TRUE\""_s, u"scsi0:1.fileName = \"data.vmdk\""_s}
            << QStringList{} << u"Cannot open the disk"_s;
        QTest::newRow("moved or copied?")
            << mac
            << QStringList{u"uuid.location = \"56 4d 1a 2b 3c 4d 5e 6f-70 81 92 a3 b4 c5 d6 e7\""_s}
            << QStringList{u"uuid.action"_s} << u"moved or copied"_s;
        QTest::newRow("unreadable .vmx")
            << mac << QStringList{u"this is no vmx line"_s} << QStringList{}
            << u"Cannot read the virtual machine configuration file"_s;
    }

    void refusesWhatVmwareRefuses() {
        QFETCH(QString, mac);
        QFETCH(QStringList, extra);
        QFETCH(QStringList, drop);
        QFETCH(QString, error);
        const QString vmx = makeVm(u"bad"_s, mac, extra, drop);
        const Run r = vmrun({u"-T"_s, u"player"_s, u"start"_s, vmx, u"nogui"_s});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.startsWith(u"Error: "_s) && r.out.contains(error), qPrintable(r.out));
        QVERIFY(running().isEmpty());
        QVERIFY(!QFileInfo::exists(vmx + u".lck"_s));
    }

    void acceptsWhatVmwareAccepts_data() {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("plain") << QStringList{};
        QTest::newRow("uuid.location with uuid.action create") << QStringList{
            u"uuid.location = \"56 4d 1a 2b 3c 4d 5e 6f-70 81 92 a3 b4 c5 d6 e7\""_s};
        QTest::newRow("absent NIC with a generated MAC") << QStringList{
            u"ethernet1.present = \"FALSE\""_s, u"ethernet1.addressType = \"generated\""_s};
        QTest::newRow("disk not present") << QStringList{u"scsi0:2.present = \"FALSE\""_s,
                                                         u"scsi0:2.fileName = \"nothing.vmdk\""_s};
        QTest::newRow("escaped quote in a value")
            << QStringList{u"annotation = \"say |22hi|22\""_s};
    }

    void acceptsWhatVmwareAccepts() {
        QFETCH(QStringList, extra);
        const QString vmx = makeVm(u"good"_s, u"00:50:56:3f:ff:fe"_s, extra);
        const Run r = vmrun({u"-T"_s, u"player"_s, u"start"_s, vmx, u"nogui"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QCOMPARE(running(), QStringList{vmx});
    }

    void diskChainIsChecked() {
        // A child whose parentCID no longer matches its parent's CID (the parent was
        // written after the child was made): VMware refuses to open it.
        const QString vmx = makeVm(u"child"_s, u"00:50:56:00:02:00"_s, {}, {});
        const QString folder = path(u"child"_s);
        QVERIFY(makeFlatDisk(folder, u"base"_s, 1, u"0aaaaaaa"_s));
        const QByteArray child =
            "# Disk DescriptorFile\nversion=1\nCID=bbbbbbbb\nparentCID=cccccccc\n"
            "createType=\"monolithicFlat\"\nparentFileNameHint=\"base.vmdk\"\n"
            "RW 2048 FLAT \"child-flat.vmdk\" 0\n";
        QVERIFY(writeFile(folder + u"/child.vmdk"_s, child));
        Run r = vmrun({u"-T"_s, u"player"_s, u"start"_s, vmx, u"nogui"_s});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.contains(
                     u"The parent virtual disk has been modified since the child was created"_s),
                 qPrintable(r.out));
        // With the right parentCID it opens (CIDs are numbers: qemu-img drops leading zeros).
        QVERIFY(writeFile(folder + u"/child.vmdk"_s,
                          QByteArray(child).replace("parentCID=cccccccc", "parentCID=aaaaaaa")));
        r = vmrun({u"-T"_s, u"player"_s, u"start"_s, vmx, u"nogui"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        // And a missing parent is refused.
        QCOMPARE(vmrun({u"-T"_s, u"player"_s, u"stop"_s, vmx, u"hard"_s}).exitCode, 0);
        QVERIFY(QFile::remove(folder + u"/base.vmdk"_s));
        r = vmrun({u"-T"_s, u"player"_s, u"start"_s, vmx, u"nogui"_s});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.contains(u"Cannot open the disk"_s) && r.out.contains(u"base.vmdk"_s),
                 qPrintable(r.out));
    }

    void duplicateMacAmongRunningVms() {
        const QString a = makeVm(u"a"_s, u"00:50:56:00:00:07"_s);
        const QString b = makeVm(u"b"_s, u"00:50:56:00:00:07"_s);
        QCOMPARE(vmrun({u"-T"_s, u"player"_s, u"start"_s, a, u"nogui"_s}).exitCode, 0);
        const Run r = vmrun({u"-T"_s, u"player"_s, u"start"_s, b, u"nogui"_s});
        QCOMPARE(r.exitCode, 255);
        QVERIFY2(r.out.contains(u"00:50:56:00:00:07"_s) && r.out.contains(a), qPrintable(r.out));
        // Once the first is off the second may use its MAC.
        QCOMPARE(vmrun({u"-T"_s, u"player"_s, u"stop"_s, a, u"hard"_s}).exitCode, 0);
        QCOMPARE(vmrun({u"-T"_s, u"player"_s, u"start"_s, b, u"nogui"_s}).exitCode, 0);
    }

    void lockHeldByAnotherVm() {
        const QString vmx = makeVm(u"locked"_s, u"00:50:56:00:00:09"_s);
        QVERIFY(QDir().mkpath(vmx + u".lck"_s));
        const Run r = vmrun({u"-T"_s, u"player"_s, u"start"_s, vmx, u"nogui"_s});
        QCOMPARE(r.exitCode, 255);
        QCOMPARE(r.out, u"Error: The file is already in use\n"_s);
    }

    void concurrentCallsShareOneState() {
        constexpr int kVms = 8;
        QList<QString> vmxs;
        for (int i = 0; i < kVms; ++i)
            vmxs << makeVm(u"c%1"_s.arg(i), u"00:50:56:00:10:%1"_s.arg(i, 2, 10, QLatin1Char('0')));
        QList<QProcess *> starts;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(u"FAKE_VMRUN_STATE"_s, path(u"state"_s));
        for (const QString &vmx : vmxs) {
            auto *p = new QProcess(this);
            p->setProcessEnvironment(env);
            p->start(QStringLiteral(FAKE_VMRUN),
                     {u"-T"_s, u"player"_s, u"start"_s, vmx, u"nogui"_s});
            starts << p;
        }
        for (QProcess *p : starts) {
            QVERIFY(p->waitForFinished(60000));
            QCOMPARE(p->exitCode(), 0);
            delete p;
        }
        QStringList listed = running();
        listed.sort();
        QStringList expected = vmxs;
        expected.sort();
        QCOMPARE(listed, expected);
    }

    void guestIpAddress() {
        const QString vmx = makeVm(u"ip"_s, u"00:50:56:00:00:0a"_s);
        Run r = vmrun({u"-T"_s, u"player"_s, u"getGuestIPAddress"_s, vmx});
        QCOMPARE(r.exitCode, 255);
        QCOMPARE(r.out, u"Error: The virtual machine is not powered on: %1\n"_s.arg(vmx));
        QCOMPARE(vmrun({u"-T"_s, u"player"_s, u"start"_s, vmx, u"nogui"_s}).exitCode, 0);
        r = vmrun({u"-T"_s, u"player"_s, u"getGuestIPAddress"_s, vmx});
        QCOMPARE(r.exitCode, 255);
        QCOMPARE(
            r.out,
            u"Error: The VMware Tools are not running in the virtual machine: %1\n"_s.arg(vmx));
        r = vmrun({u"-T"_s, u"player"_s, u"getGuestIPAddress"_s, vmx, u"-wait"_s},
                  {{u"FAKE_VMRUN_IP"_s, u"192.0.2.10"_s}});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, u"192.0.2.10\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestVmrunDouble)
#include "tst_vmrun_double.moc"
