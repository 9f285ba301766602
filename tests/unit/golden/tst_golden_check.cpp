// GoldenCheck on real fixture goldens: guest trees made into ext4 images with mke2fs -d,
// packed as qcow2 with a machine description (or as raw disks with a GPT/MBR table made by
// sfdisk, or as a VMware .vmx with a VMDK), then read back with qemu-img and debugfs.

#include "golden/golden_check.h"
#include "support/ci_skip.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using vmeclone::GoldenCheck;
using vmeclone::GoldenCheckOptions;
using vmeclone::GoldenCheckReport;
using vmeclone::GoldenHazard;

using Files = QMap<QString, QByteArray>; // guest path -> contents; "->target" makes a link

namespace {

QString tool(const QString &name) {
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {u"/sbin"_s, u"/usr/sbin"_s});
    return path;
}

// Runs a program with an argument list; fails the test with its output when it fails.
bool run(const QString &program, const QStringList &args, const QByteArray &input = {}) {
    QProcess p;
    p.setProgram(tool(program));
    p.setArguments(args);
    p.start();
    if (!p.waitForStarted())
        return false;
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60'000);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s: %s%s", qPrintable(program), qPrintable(args.join(u' ')),
                 p.readAllStandardOutput().constData(), p.readAllStandardError().constData());
        return false;
    }
    return true;
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// A small clean guest: busybox-like, the agent installed and started from rcS.
Files cleanGuest() {
    return {
        {u"/etc/passwd"_s, "root:x:0:0:root:/root:/bin/sh\n"},
        {u"/etc/hostname"_s, "vm176\n"},
        {u"/etc/init.d/rcS"_s, "#!/bin/sh\nmount -a\n/etc/init.d/vmeclone-agent start\n"},
        {u"/etc/init.d/vmeclone-agent"_s, "#!/bin/sh\n# chkconfig: 2345 90 10\n"},
        {u"/usr/sbin/vmeclone-agent"_s, "\x7f"
                                        "ELF stand-in\n"},
        {u"/var/lib/dhcp/.keep"_s, ""},
    };
}

void makeTree(const QString &root, const Files &files) {
    for (auto it = files.begin(); it != files.end(); ++it) {
        const QString host = root + it.key();
        QDir().mkpath(QFileInfo(host).path());
        if (it.value().startsWith("->")) {
            QFile::link(QString::fromUtf8(it.value().mid(2)), host);
            continue;
        }
        writeFile(host, it.value());
        if (it.key().startsWith(u"/usr/sbin/"_s) || it.key().startsWith(u"/etc/init.d/"_s))
            QFile::setPermissions(host, QFile::permissions(host) | QFile::ExeOwner | QFile::ExeGroup
                                            | QFile::ExeOther);
    }
}

// mke2fs -d: an ext4 file system from a folder, no mount, no root (at `offset` in `image`).
bool makeExt4(const QString &tree, const QString &image, qint64 offset = 0,
              const QString &size = u"16M"_s) {
    QStringList args{u"-q"_s, u"-F"_s, u"-t"_s, u"ext4"_s, u"-d"_s, tree};
    if (offset > 0)
        args << u"-E"_s << u"offset=%1"_s.arg(offset);
    return run(u"mke2fs"_s, args << image << size);
}

QString machineJson(const QString &folder, const QString &disk, const QString &format) {
    const QString path = QDir(folder).filePath(u"golden.json"_s);
    writeFile(
        path,
        u"{\"format\": \"vmeclone-qemu-machine\", \"version\": 1, \"name\": \"golden\", "
        u"\"memory_mb\": 128,"
        u" \"disk\": \"%1\", \"disk_format\": \"%2\", \"suffix\": 176, \"subnet\": \"192.168.1.0/24\"}\n"_s
            .arg(disk, format)
            .toUtf8());
    return path;
}

// A QEMU golden from a guest tree: ext4 on the whole disk, as qcow2.
QString qemuGolden(const QTemporaryDir &dir, const Files &files) {
    const QString tree = dir.filePath(u"tree"_s);
    makeTree(tree, files);
    const QString raw = dir.filePath(u"root.ext4"_s);
    if (!makeExt4(tree, raw))
        return {};
    if (!run(u"qemu-img"_s,
             {u"convert"_s, u"-O"_s, u"qcow2"_s, raw, dir.filePath(u"golden.qcow2"_s)}))
        return {};
    QFile::remove(raw);
    return machineJson(dir.path(), u"golden.qcow2"_s, u"qcow2"_s);
}

Files merged(Files base, const Files &extra, const QStringList &removed) {
    for (auto it = extra.begin(); it != extra.end(); ++it)
        base.insert(it.key(), it.value());
    for (const QString &r : removed)
        base.remove(r);
    return base;
}

QStringList ids(const GoldenCheckReport &r) {
    QStringList out;
    for (const GoldenHazard &h : r.hazards)
        out << h.id;
    return out;
}

QString describe(const GoldenCheckReport &r) {
    return QString::fromUtf8(QJsonDocument(r.toJson()).toJson());
}

QStringList entriesOf(const QString &folder) {
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TstGoldenCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hazardFoundWithItsFix_data();
    void hazardFoundWithItsFix();
    void cleanGoldens_data();
    void cleanGoldens();
    void partitionedDisk_data();
    void partitionedDisk();
    void cannotLookInside_data();
    void cannotLookInside();
    void uncleanShutdown();
    void runningQemuGolden();
    void vmwareGolden();
    void vmwareGoldenWithLock_data();
    void vmwareGoldenWithLock();
    void badInput_data();
    void badInput();
    void vmwareRefusedAtAdd_data();
    void vmwareRefusedAtAdd();
    void textAndJson();
    void leavesNothingBehind();
};

void TstGoldenCheck::initTestCase() {
    for (const QString &t : {u"mke2fs"_s, u"debugfs"_s, u"qemu-img"_s, u"sfdisk"_s})
        if (tool(t).isEmpty())
            VMECLONE_SKIP_UNLESS_CI(
                qPrintable(u"%1 is not installed (e2fsprogs, qemu-utils, fdisk)"_s.arg(t)));
}

void TstGoldenCheck::hazardFoundWithItsFix_data() {
    QTest::addColumn<Files>("extra");
    QTest::addColumn<QStringList>("removed");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("fix");

    const QByteArray udev = "# This file was automatically generated by /lib/udev/write_net_rules\n"
                            "SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"?*\", "
                            "ATTR{address}==\"00:50:56:00:00:b0\", "
                            "ATTR{type}==\"1\", KERNEL==\"eth*\", NAME=\"eth0\"\n";
    QTest::newRow("stale udev rule")
        << Files{{u"/etc/udev/rules.d/70-persistent-net.rules"_s, udev}} << QStringList{}
        << u"udev-persistent-net"_s << u"warning"_s
        << u"/etc/udev/rules.d/70-persistent-net.rules"_s
        << u"rm -f /etc/udev/rules.d/70-persistent-net.rules"_s;
    QTest::newRow("ifcfg HWADDR")
        << Files{{u"/etc/sysconfig/network-scripts/ifcfg-eth0"_s,
                  "DEVICE=eth0\nHWADDR=00:50:56:00:00:B0\nONBOOT=yes\n"},
                 {u"/etc/sysconfig/network-scripts/ifcfg-lo"_s,
                  "DEVICE=lo\nHWADDR=00:00:00:00:00:00\n"}}
        << QStringList{} << u"ifcfg-hwaddr"_s << u"warning"_s
        << u"/etc/sysconfig/network-scripts/ifcfg-eth0"_s
        << u"sed -i '/^\\(HWADDR\\|MACADDR\\|UUID\\)=/d' /etc/sysconfig/network-scripts/ifcfg-eth0"_s;
    QTest::newRow("ifcfg UUID")
        << Files{{u"/etc/sysconfig/network-scripts/ifcfg-ens33"_s,
                  "TYPE=Ethernet\nUUID=6b0d3a4e-2f64-4bb3-9d6c-4c7e0e0e0e0e\nDEVICE=ens33\n"}}
        << QStringList{} << u"ifcfg-hwaddr"_s << u"warning"_s
        << u"/etc/sysconfig/network-scripts/ifcfg-ens33"_s << u"sed -i"_s;
    QTest::newRow("machine-id") << Files{{u"/etc/machine-id"_s,
                                          "4a1e0c5bd2a84c3e9a0f4f1d2b3c4d5e\n"}}
                                << QStringList{} << u"machine-id"_s << u"warning"_s
                                << u"/etc/machine-id"_s << u"truncate -s 0 /etc/machine-id"_s;
    QTest::newRow("D-Bus machine-id")
        << Files{{u"/var/lib/dbus/machine-id"_s, "4a1e0c5bd2a84c3e9a0f4f1d2b3c4d5e\n"}}
        << QStringList{} << u"machine-id"_s << u"warning"_s << u"/var/lib/dbus/machine-id"_s
        << u"ln -s /etc/machine-id"_s;
    // An absolute link is the guest's path: it resolves inside the golden, not on this host.
    QTest::newRow("machine-id through a link")
        << Files{{u"/etc/machine-id"_s, "->/var/lib/dbus/machine-id"},
                 {u"/var/lib/dbus/machine-id"_s, "4a1e0c5bd2a84c3e9a0f4f1d2b3c4d5e\n"}}
        << QStringList{} << u"machine-id"_s << u"warning"_s << u"/etc/machine-id"_s
        << u"truncate -s 0"_s;
    QTest::newRow("dhclient lease")
        << Files{{u"/var/lib/dhcp/dhclient.eth0.leases"_s,
                  "lease {\n  fixed-address 192.168.1.176;\n}\n"}}
        << QStringList{} << u"dhcp-leases"_s << u"warning"_s
        << u"/var/lib/dhcp/dhclient.eth0.leases"_s << u"rm -f /var/lib/dhcp/dhclient.eth0.leases"_s;
    QTest::newRow("RHEL dhclient lease")
        << Files{{u"/var/lib/dhclient/dhclient-eth0.leases"_s, "lease {}\n"}} << QStringList{}
        << u"dhcp-leases"_s << u"warning"_s << u"/var/lib/dhclient/dhclient-eth0.leases"_s
        << u"rm -f"_s;
    QTest::newRow("NetworkManager lease")
        << Files{{u"/var/lib/NetworkManager/internal-1b2c-eth0.lease"_s, "ADDRESS=192.168.1.176\n"}}
        << QStringList{} << u"dhcp-leases"_s << u"warning"_s
        << u"/var/lib/NetworkManager/internal-1b2c-eth0.lease"_s << u"rm -f"_s;
    QTest::newRow("SSH host keys")
        << Files{{u"/etc/ssh/ssh_host_ed25519_key"_s, "-----BEGIN OPENSSH PRIVATE KEY-----\n"},
                 {u"/etc/ssh/ssh_host_ed25519_key.pub"_s, "ssh-ed25519 AAAA\n"}}
        << QStringList{} << u"ssh-host-keys"_s << u"warning"_s << u"/etc/ssh/ssh_host_ed25519_key"_s
        << u"rm -f /etc/ssh/ssh_host_*"_s;
    QTest::newRow("SSH host keys, Debian")
        << Files{{u"/etc/ssh/ssh_host_rsa_key"_s, "key\n"}, {u"/etc/debian_version"_s, "12.8\n"}}
        << QStringList{} << u"ssh-host-keys"_s << u"warning"_s << u"/etc/ssh/ssh_host_rsa_key"_s
        << u"ssh-keygen -A"_s;
    QTest::newRow("no agent") << Files{} << QStringList{u"/usr/sbin/vmeclone-agent"_s}
                              << u"agent-missing"_s << u"error"_s << u"/usr/sbin/vmeclone-agent"_s
                              << u"tar.gz"_s;
    QTest::newRow("no agent, RHEL")
        << Files{{u"/etc/redhat-release"_s, "CentOS release 6.10 (Final)\n"}}
        << QStringList{u"/usr/sbin/vmeclone-agent"_s} << u"agent-missing"_s << u"error"_s
        << u"/usr/sbin/vmeclone-agent"_s << u"rpm -i vmeclone-agent"_s;
    QTest::newRow("no agent, Debian")
        << Files{{u"/etc/debian_version"_s, "12.8\n"}} << QStringList{u"/usr/sbin/vmeclone-agent"_s}
        << u"agent-missing"_s << u"error"_s << u"/usr/sbin/vmeclone-agent"_s
        << u"dpkg -i vmeclone-agent"_s;
    QTest::newRow("agent not started, busybox")
        << Files{{u"/etc/init.d/rcS"_s,
                  "#!/bin/sh\nmount -a\n# /etc/init.d/vmeclone-agent start\n"}}
        << QStringList{} << u"agent-not-enabled"_s << u"error"_s << u"/etc/init.d/rcS"_s
        << u"/etc/init.d/vmeclone-agent start"_s;
    QTest::newRow("agent not enabled, systemd")
        << Files{{u"/usr/lib/systemd/systemd"_s, "ELF"},
                 {u"/lib"_s, "->usr/lib"},
                 {u"/etc/systemd/system/multi-user.target.wants/sshd.service"_s,
                  "->/usr/lib/systemd/system/sshd.service"}}
        << QStringList{u"/etc/init.d/rcS"_s} << u"agent-not-enabled"_s << u"error"_s
        << u"/etc/systemd/system/multi-user.target.wants/vmeclone-agent.service"_s
        << u"systemctl enable vmeclone-agent.service"_s;
    QTest::newRow("agent not enabled, CentOS 6")
        << Files{{u"/etc/rc.d/rc3.d/S10network"_s, "->../init.d/network"},
                 {u"/etc/redhat-release"_s, "CentOS 6\n"}}
        << QStringList{u"/etc/init.d/rcS"_s} << u"agent-not-enabled"_s << u"error"_s
        << u"/etc/rc.d/rc3.d/S90vmeclone-agent"_s << u"chkconfig --add vmeclone-agent"_s;
    QTest::newRow("agent not enabled, Debian SysV")
        << Files{{u"/etc/rc3.d/S01ssh"_s, "->../init.d/ssh"}, {u"/etc/debian_version"_s, "7.11\n"}}
        << QStringList{u"/etc/init.d/rcS"_s} << u"agent-not-enabled"_s << u"error"_s
        << u"/etc/rc3.d/S01vmeclone-agent"_s << u"update-rc.d vmeclone-agent defaults"_s;
}

void TstGoldenCheck::hazardFoundWithItsFix() {
    QFETCH(Files, extra);
    QFETCH(QStringList, removed);
    QFETCH(QString, id);
    QFETCH(QString, severity);
    QFETCH(QString, where);
    QFETCH(QString, fix);

    QTemporaryDir dir;
    const QString golden = qemuGolden(dir, merged(cleanGuest(), extra, removed));
    QVERIFY(!golden.isEmpty());
    auto report = GoldenCheck().run(golden);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->lookedInside, qPrintable(describe(*report)));
    QCOMPARE(report->rootFileSystem, u"golden.qcow2, whole disk (ext4)"_s);
    // Exactly the hazard of the row: no other finding on an otherwise clean golden.
    QCOMPARE(ids(*report), QStringList{id});
    const GoldenHazard &h = report->hazards.first();
    QCOMPARE(GoldenHazard::severityName(h.severity), severity);
    QVERIFY2(h.where.contains(where), qPrintable(h.where.join(u", "_s)));
    QVERIFY2(h.fix.contains(fix), qPrintable(h.fix));
    QVERIFY(!h.what.isEmpty());
    QVERIFY(!report->clean());
}

void TstGoldenCheck::cleanGoldens_data() {
    QTest::addColumn<Files>("extra");
    QTest::addColumn<QStringList>("removed");

    QTest::newRow("busybox, started from rcS") << Files{} << QStringList{};
    QTest::newRow("systemd, enabled")
        << Files{{u"/usr/lib/systemd/systemd"_s, "ELF"},
                 {u"/etc/systemd/system/multi-user.target.wants/vmeclone-agent.service"_s,
                  "->/lib/systemd/system/vmeclone-agent.service"},
                 {u"/etc/machine-id"_s, ""},
                 {u"/var/lib/dbus/machine-id"_s, "->/etc/machine-id"}}
        << QStringList{u"/etc/init.d/rcS"_s};
    QTest::newRow("CentOS 6, chkconfig")
        << Files{{u"/etc/rc.d/rc3.d/S90vmeclone-agent"_s, "->../init.d/vmeclone-agent"},
                 {u"/etc/redhat-release"_s, "CentOS release 6.10 (Final)\n"},
                 {u"/etc/sysconfig/network-scripts/ifcfg-eth0"_s,
                  "DEVICE=eth0\nBOOTPROTO=none\n# HWADDR=00:50:56:00:00:b0\n"},
                 {u"/etc/sysconfig/network-scripts/ifcfg-lo"_s, "DEVICE=lo\n"},
                 {u"/etc/udev/rules.d/70-persistent-net.rules"_s,
                  "# no rules: the generator was switched off\n"}}
        << QStringList{u"/etc/init.d/rcS"_s};
    QTest::newRow("OpenRC") << Files{{u"/etc/runlevels/default/vmeclone-agent"_s,
                                      "->/etc/init.d/vmeclone-agent"}}
                            << QStringList{u"/etc/init.d/rcS"_s};
    QTest::newRow("machine-id uninitialized")
        << Files{{u"/etc/machine-id"_s, "uninitialized\n"}} << QStringList{};
    // A link to a path the golden lacks must not be read on this host (which has it).
    QTest::newRow("machine-id link out of the golden")
        << Files{{u"/etc/machine-id"_s, "->/etc/os-release"}} << QStringList{};
    QTest::newRow("empty lease, public key only")
        << Files{{u"/var/lib/dhcp/dhclient.leases"_s, ""},
                 {u"/etc/ssh/ssh_host_rsa_key.pub"_s, "ssh-rsa AAAA\n"},
                 {u"/etc/ssh/sshd_config"_s, "PermitRootLogin no\n"}}
        << QStringList{};
}

void TstGoldenCheck::cleanGoldens() {
    QFETCH(Files, extra);
    QFETCH(QStringList, removed);
    QTemporaryDir dir;
    const QString golden = qemuGolden(dir, merged(cleanGuest(), extra, removed));
    QVERIFY(!golden.isEmpty());
    auto report = GoldenCheck().run(golden);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(describe(*report)));
    QVERIFY(report->notes.isEmpty());
}

void TstGoldenCheck::partitionedDisk_data() {
    QTest::addColumn<QByteArray>("table"); // sfdisk script
    QTest::addColumn<qint64>("bootOffset");
    QTest::addColumn<qint64>("rootOffset");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("root");

    const QByteArray gpt =
        "label: gpt\nstart=2048, size=16384, type=L\nstart=18432, size=32768, type=L\n";
    const QByteArray mbr =
        "label: dos\nstart=2048, size=16384, type=83\nstart=18432, size=32768, type=83\n";
    // /boot primary, then an extended partition holding the root as logical partition 5.
    const QByteArray logical =
        "label: dos\nstart=2048, size=16384, type=83\nstart=18432, size=34816, type=5\n"
        "start=20480, size=32768, type=83\n";
    QTest::newRow("GPT, raw") << gpt << 2048LL * 512 << 18432LL * 512 << u"raw"_s
                              << u"disk.img, partition 2 (ext4)"_s;
    QTest::newRow("GPT, qcow2") << gpt << 2048LL * 512 << 18432LL * 512 << u"qcow2"_s
                                << u"disk.img, partition 2 (ext4)"_s;
    QTest::newRow("MBR, raw") << mbr << 2048LL * 512 << 18432LL * 512 << u"raw"_s
                              << u"disk.img, partition 2 (ext4)"_s;
    QTest::newRow("MBR logical, qcow2") << logical << 2048LL * 512 << 20480LL * 512 << u"qcow2"_s
                                        << u"disk.img, partition 5 (ext4)"_s;
}

void TstGoldenCheck::partitionedDisk() {
    QFETCH(QByteArray, table);
    QFETCH(qint64, bootOffset);
    QFETCH(qint64, rootOffset);
    QFETCH(QString, format);
    QFETCH(QString, root);

    QTemporaryDir dir;
    const QString disk = dir.filePath(u"disk.img"_s);
    QVERIFY(run(u"truncate"_s, {u"-s"_s, u"32M"_s, disk}));
    QVERIFY(run(u"sfdisk"_s, {u"-q"_s, disk}, table));
    // /boot first (an ext4 without /etc: read, then passed over), the root second.
    makeTree(dir.filePath(u"boot"_s),
             {{u"/vmlinuz"_s, "kernel"}, {u"/grub/grub.cfg"_s, "menuentry"}});
    QVERIFY(makeExt4(dir.filePath(u"boot"_s), disk, bootOffset, u"8M"_s));
    makeTree(
        dir.filePath(u"root"_s),
        merged(cleanGuest(), {{u"/etc/machine-id"_s, "0123456789abcdef0123456789abcdef\n"}}, {}));
    QVERIFY(makeExt4(dir.filePath(u"root"_s), disk, rootOffset, u"16M"_s));
    if (format == u"qcow2") {
        QVERIFY(run(u"qemu-img"_s, {u"convert"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s, disk,
                                    disk + u".qcow2"_s}));
        QVERIFY(QFile::remove(disk));
        QVERIFY(QFile::rename(disk + u".qcow2"_s, disk));
    }
    const QString golden = machineJson(dir.path(), u"disk.img"_s, format);

    auto report = GoldenCheck().run(golden);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(report->rootFileSystem, root);
    QCOMPARE(ids(*report), QStringList{u"machine-id"_s});
}

void TstGoldenCheck::cannotLookInside_data() {
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<qint64>("at"); // inside the partition
    QTest::addColumn<QString>("named");

    QTest::newRow("LVM") << QByteArray("LABELONE\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0LVM2 001", 32)
                         << 512LL << u"LVM2 member"_s;
    QTest::newRow("XFS") << QByteArray("XFSB") << 0LL << u"xfs"_s;
    QTest::newRow("unknown") << QByteArray("nothing known") << 0LL
                             << u"not a file system this tool knows"_s;
}

void TstGoldenCheck::cannotLookInside() {
    QFETCH(QByteArray, signature);
    QFETCH(qint64, at);
    QFETCH(QString, named);

    // CentOS's default layout: /boot on partition 1, everything else in LVM on partition 2.
    QTemporaryDir dir;
    const QString disk = dir.filePath(u"disk.img"_s);
    QVERIFY(run(u"truncate"_s, {u"-s"_s, u"16M"_s, disk}));
    QVERIFY(run(u"sfdisk"_s, {u"-q"_s, disk},
                "label: dos\nstart=2048, size=8192, type=83\nstart=10240, type=8e\n"));
    makeTree(dir.filePath(u"boot"_s), {{u"/vmlinuz"_s, "kernel"}});
    QVERIFY(makeExt4(dir.filePath(u"boot"_s), disk, 2048 * 512, u"4M"_s));
    QFile f(disk);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(10240 * 512 + at));
    QCOMPARE(f.write(signature), signature.size());
    f.close();

    auto report = GoldenCheck().run(machineJson(dir.path(), u"disk.img"_s, u"raw"_s));
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY(!report->lookedInside);
    QVERIFY(!report->clean());
    QVERIFY(report->hazards.isEmpty());
    QCOMPARE(report->notes.size(), 1);
    const QString note = report->notes.first();
    QVERIFY2(note.startsWith(u"cannot look inside: "_s), qPrintable(note));
    QVERIFY2(note.contains(u"disk.img, partition 2 (%1)"_s.arg(named)), qPrintable(note));
    QVERIFY2(note.contains(u"disk.img, partition 1 (ext4)"_s),
             qPrintable(note)); // read: not the root
    QVERIFY(report->checksByHand.size() >= 5);
    QVERIFY(report->toText().contains(u"check by hand"_s));
}

void TstGoldenCheck::uncleanShutdown() {
    QTemporaryDir dir;
    const QString tree = dir.filePath(u"tree"_s);
    makeTree(tree, cleanGuest());
    const QString raw = dir.filePath(u"golden.raw"_s);
    QVERIFY(makeExt4(tree, raw));
    // What a power cut leaves: the journal flagged as holding changes not yet written.
    QVERIFY(run(u"debugfs"_s, {u"-w"_s, u"-R"_s, u"feature needs_recovery"_s, raw}));
    auto report = GoldenCheck().run(machineJson(dir.path(), u"golden.raw"_s, u"raw"_s));
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(ids(*report), QStringList{u"unclean-shutdown"_s});
    QVERIFY(report->hazards.first().fix.contains(u"shut it down from inside"_s));
}

void TstGoldenCheck::runningQemuGolden() {
    const QString qemu = tool(u"qemu-system-x86_64"_s);
    if (qemu.isEmpty())
        VMECLONE_SKIP_UNLESS_CI("qemu-system-x86_64 is not installed");
    QTemporaryDir dir;
    const QString golden = qemuGolden(dir, cleanGuest());
    QVERIFY(!golden.isEmpty());
    // No guest boots: "-machine none" only opens the disk, taking QEMU's write lock.
    QProcess q;
    q.start(qemu,
            {u"-machine"_s, u"none"_s, u"-nodefaults"_s, u"-display"_s, u"none"_s, u"-drive"_s,
             u"file=%1,if=none,id=d0,format=qcow2"_s.arg(dir.filePath(u"golden.qcow2"_s)),
             u"-monitor"_s, u"stdio"_s});
    QVERIFY(q.waitForStarted());
    auto stop = qScopeGuard([&] {
        q.kill();
        q.waitForFinished();
    });
    // Wait until QEMU has opened its disk (its monitor prompts then), so that the one check
    // below sees the lock; a check run before that looks inside the whole disk, slowly on
    // a loaded machine, and finds nothing.
    QByteArray monitor;
    QTRY_VERIFY_WITH_TIMEOUT((monitor += q.readAllStandardOutput()).contains("(qemu)")
                                 || q.state() != QProcess::Running,
                             120'000);
    QVERIFY2(q.state() == QProcess::Running, q.readAllStandardError().constData());
    auto checked = GoldenCheck().run(golden);
    QVERIFY2(checked.ok(), qPrintable(checked.error()));
    const std::optional<GoldenCheckReport> report = *checked;
    QCOMPARE(ids(*report), QStringList{u"running-lock"_s});
    QCOMPARE(report->hazards.first().severity, GoldenHazard::Severity::Error);
    QVERIFY(report->hazards.first().where.contains(dir.filePath(u"golden.qcow2"_s)));
    QVERIFY(report->hazards.first().fix.contains(u"Shut the golden down"_s));
    QVERIFY(!report->lookedInside);
    stop.dismiss();
    q.kill();
    q.waitForFinished();
    // Once QEMU is gone the same golden is clean.
    auto after = GoldenCheck().run(golden);
    QVERIFY2(after.ok(), qPrintable(after.error()));
    QVERIFY2(after->clean(), qPrintable(describe(*after)));
}

namespace {

QString vmwareGolden(const QTemporaryDir &dir, const Files &files) {
    makeTree(dir.filePath(u"tree"_s), files);
    const QString raw = dir.filePath(u"root.ext4"_s);
    if (!makeExt4(dir.filePath(u"tree"_s), raw))
        return {};
    const QString folder = dir.filePath(u"vm176"_s);
    QDir().mkpath(folder);
    if (!run(u"qemu-img"_s,
             {u"convert"_s, u"-O"_s, u"vmdk"_s, u"-o"_s, u"subformat=monolithicSparse"_s, raw,
              QDir(folder).filePath(u"vm176.vmdk"_s)}))
        return {};
    QFile::remove(raw);
    const QString vmx = QDir(folder).filePath(u"vm176.vmx"_s);
    writeFile(vmx,
              ".encoding = \"UTF-8\"\nconfig.version = \"8\"\nvirtualHW.version = \"16\"\n"
              "displayName = \"vm176\"\nscsi0.present = \"TRUE\"\nscsi0.virtualDev = \"lsilogic\"\n"
              "scsi0:0.present = \"TRUE\"\nscsi0:0.fileName = \"vm176.vmdk\"\n"
              "ide1:0.present = \"TRUE\"\nide1:0.deviceType = \"cdrom-image\"\nide1:0.fileName = "
              "\"tools.iso\"\n"
              "ethernet0.present = \"TRUE\"\nethernet0.addressType = \"generated\"\n");
    return vmx;
}

} // namespace

void TstGoldenCheck::vmwareGolden() {
    QTemporaryDir dir;
    const QString vmx =
        ::vmwareGolden(dir, merged(cleanGuest(), {{u"/etc/ssh/ssh_host_rsa_key"_s, "key"}}, {}));
    QVERIFY(!vmx.isEmpty());
    auto report = GoldenCheck().run(vmx);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(report->backend, u"vmware"_s);
    QCOMPARE(report->disks, QStringList{QFileInfo(vmx).dir().filePath(u"vm176.vmdk"_s)});
    QCOMPARE(report->rootFileSystem, u"vm176.vmdk, whole disk (ext4)"_s);
    QCOMPARE(ids(*report), QStringList{u"ssh-host-keys"_s});
}

void TstGoldenCheck::vmwareGoldenWithLock_data() {
    QTest::addColumn<QString>("entry");
    QTest::addColumn<bool>("isDir");
    QTest::addColumn<QString>("id");

    QTest::newRow(".lck folder of the disk") << u"vm176.vmdk.lck"_s << true << u"running-lock"_s;
    QTest::newRow(".lck folder of the .vmx") << u"vm176.vmx.lck"_s << true << u"running-lock"_s;
    QTest::newRow("suspended") << u"vm176-a1b2.vmss"_s << false << u"suspended"_s;
}

void TstGoldenCheck::vmwareGoldenWithLock() {
    QFETCH(QString, entry);
    QFETCH(bool, isDir);
    QFETCH(QString, id);

    QTemporaryDir dir;
    const QString vmx = ::vmwareGolden(dir, cleanGuest());
    QVERIFY(!vmx.isEmpty());
    const QString path = QFileInfo(vmx).dir().filePath(entry);
    if (isDir) {
        QVERIFY(QDir().mkpath(path));
        writeFile(path + u"/M12345.lck"_s, "lock");
    } else {
        writeFile(path, "suspended state");
    }
    auto report = GoldenCheck().run(vmx);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(ids(*report), QStringList{id});
    QVERIFY2(report->hazards.first().where.contains(path),
             qPrintable(report->hazards.first().where.join(u' ')));
    if (id == u"running-lock") {
        QCOMPARE(report->hazards.first().severity, GoldenHazard::Severity::Error);
        QVERIFY(report->hazards.first().fix.contains(u"Power the golden off in VMware"_s));
        QVERIFY(!report->lookedInside); // a running golden's disk is not read
    } else {
        QVERIFY(report->lookedInside);
        QVERIFY(report->hazards.first().fix.contains(u"shut the guest down from inside"_s));
    }
}

void TstGoldenCheck::badInput_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing") << u"nosuch.json"_s << QByteArray() << u"does not exist"_s;
    QTest::newRow("not a golden") << u"golden.txt"_s << QByteArray("x")
                                  << u"neither a QEMU machine description"_s;
    QTest::newRow("not a machine") << u"golden.json"_s << QByteArray("{\"format\": \"other\"}")
                                   << u"is not a vmeclone QEMU machine description"_s;
    QTest::newRow("disk missing")
        << u"golden.json"_s
        << QByteArray(
               "{\"format\": \"vmeclone-qemu-machine\", \"version\": 1, \"disk\": \"gone.qcow2\"}")
        << u"does not exist"_s;
    QTest::newRow("vmx without disks")
        << u"vm.vmx"_s << QByteArray("displayName = \"vm\"\n") << u"names no hard disk"_s;
}

void TstGoldenCheck::badInput() {
    QFETCH(QString, name);
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    if (!contents.isEmpty())
        writeFile(path, contents);
    auto report = GoldenCheck().run(path);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().contains(message), qPrintable(report.error()));
    QVERIFY2(report.error().contains(name), qPrintable(report.error()));
}

// What `golden add` refuses is reported here too, as an error hazard naming the cause.
void TstGoldenCheck::vmwareRefusedAtAdd_data() {
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("cause");
    QTest::newRow("disk missing")
        << QByteArray("scsi0:0.fileName = \"vm176.vmdk\"")
        << QByteArray("scsi0:0.fileName = \"gone.vmdk\"") << u"refused-at-add"_s
        << u"names the disk \"gone.vmdk\" (scsi0:0.fileName), which is not in"_s;
    QTest::newRow("datastore path")
        << QByteArray("scsi0:0.fileName = \"vm176.vmdk\"")
        << QByteArray("scsi0:0.fileName = \"[datastore1] vm176/vm176.vmdk\"") << u"refused-at-add"_s
        << u"an ESXi datastore path: copy the VM's files to this host"_s;
    QTest::newRow("disk named twice")
        << QByteArray("scsi0:0.fileName = \"vm176.vmdk\"\n")
        << QByteArray("scsi0:0.fileName = \"vm176.vmdk\"\nscsi0:1.present = \"TRUE\"\n"
                      "scsi0:1.fileName = \"vm176.vmdk\"\n")
        << u"refused-at-add"_s << u"names the disk \"vm176.vmdk\" twice (scsi0:0 and scsi0:1)"_s;
    QTest::newRow("no network adapter")
        << QByteArray("ethernet0.present = \"TRUE\"") << QByteArray("ethernet0.present = \"FALSE\"")
        << u"no-network"_s << u"no network adapter"_s;
}

void TstGoldenCheck::vmwareRefusedAtAdd() {
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, id);
    QFETCH(QString, cause);
    QTemporaryDir dir;
    const QString vmx = ::vmwareGolden(dir, cleanGuest());
    QVERIFY(!vmx.isEmpty());
    QFile file(vmx);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    QVERIFY(text.contains(from));
    writeFile(vmx, text.replace(from, to));
    auto report = GoldenCheck().run(vmx);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY(!report->clean());
    QCOMPARE(ids(*report).first(), id);
    QCOMPARE(report->hazards.first().severity, vmeclone::GoldenHazard::Severity::Error);
    QVERIFY2(report->hazards.first().what.contains(cause),
             qPrintable(report->hazards.first().what));
}

void TstGoldenCheck::textAndJson() {
    QTemporaryDir dir;
    const QString golden = qemuGolden(
        dir, merged(cleanGuest(), {{u"/etc/machine-id"_s, "0123456789abcdef0123456789abcdef\n"}},
                    {u"/usr/sbin/vmeclone-agent"_s}));
    auto report = GoldenCheck().run(golden);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    const QJsonObject json = report->toJson();
    QCOMPARE(json.value(u"clean"_s).toBool(), false);
    QCOMPARE(json.value(u"looked_inside"_s).toBool(), true);
    QCOMPARE(json.value(u"backend"_s).toString(), u"qemu"_s);
    const QJsonArray hazards = json.value(u"hazards"_s).toArray();
    QCOMPARE(hazards.size(), 2);
    QCOMPARE(hazards[0].toObject().value(u"id"_s).toString(), u"agent-missing"_s);
    QCOMPARE(hazards[0].toObject().value(u"severity"_s).toString(), u"error"_s);
    QCOMPARE(hazards[1].toObject().value(u"where"_s).toArray().first().toString(),
             u"/etc/machine-id"_s);
    const QString text = report->toText();
    QVERIFY2(text.contains(u"error agent-missing: "_s), qPrintable(text));
    QVERIFY2(text.contains(u"    in /etc/machine-id\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"    fix: Empty it"_s), qPrintable(text));
    QVERIFY2(text.contains(u"2 clone hazard(s) found"_s), qPrintable(text));
}

void TstGoldenCheck::leavesNothingBehind() {
    QTemporaryDir dir;
    const QString golden = qemuGolden(dir, cleanGuest());
    QTemporaryDir temp;
    const QStringList goldenBefore = entriesOf(dir.path());
    GoldenCheckOptions options;
    options.tempDir = temp.path();
    auto report = GoldenCheck(options).run(golden);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY(report->clean());
    QCOMPARE(entriesOf(temp.path()), QStringList{});
    QCOMPARE(entriesOf(dir.path()), goldenBefore);
    // A temp folder that cannot be made is named in the error, as a refusal of that
    // input (the CLI names its --temp-dir).
    options.tempDir = dir.filePath(u"golden.json/not-a-folder"_s);
    auto refused = GoldenCheck(options).run(golden);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(options.tempDir), qPrintable(refused.error()));
    QCOMPARE(refused.failure().field, vmeclone::Field::TempDir);
    QCOMPARE(refused.failure().problem, vmeclone::Problem::NotWritable);
    QCOMPARE(refused.failure().value, options.tempDir);
}

QTEST_GUILESS_MAIN(TstGoldenCheck)
#include "tst_golden_check.moc"
