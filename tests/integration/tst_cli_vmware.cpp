// The vmeclone CLI on a VMware golden (a .vmx folder with real VMDKs), with the vmrun
// contract double as VMware's vmrun (given by VMECLONE_VMRUN): golden add, clone (the
// double starts every clone only when VMware would: static MACs of VMware's range, no
// duplicate, every disk and chain openable, no "moved or copied?" question), list,
// stop, start, release; refusals write nothing, release leaves nothing, and the golden's
// bytes never change.

#include "cli_runner.h"
#include "identity/mac_address.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const char kGoldenVmx[] = R"(.encoding = "UTF-8"
config.version = "8"
virtualHW.version = "19"
displayName = "vm176"
guestOS = "centos7-64"
memsize = "512"
nvram = "vm176.nvram"
scsi0.present = "TRUE"
scsi0.virtualDev = "lsilogic"
scsi0:0.present = "TRUE"
scsi0:0.fileName = "vm176.vmdk"
ethernet0.present = "TRUE"
ethernet0.connectionType = "bridged"
ethernet0.virtualDev = "e1000"
ethernet0.addressType = "generated"
ethernet0.generatedAddress = "00:0c:29:c5:d6:e7"
ethernet0.generatedAddressOffset = "0"
ethernet0.pciSlotNumber = "33"
uuid.bios = "56 4d 1a 2b 3c 4d 5e 6f-70 81 92 a3 b4 c5 d6 e7"
uuid.location = "56 4d 1a 2b 3c 4d 5e 6f-70 81 92 a3 b4 c5 d6 e7"
cleanShutdown = "TRUE"
)";

bool writeFile(const QString &path, const QByteArray &content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QMap<QString, QByteArray> hashTree(const QString &folder) {
    QMap<QString, QByteArray> out;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (f.open(QIODevice::ReadOnly))
            hash.addData(&f);
        out.insert(QDir(folder).relativeFilePath(path), hash.result().toHex());
    }
    return out;
}

} // namespace

class TestCliVmware : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CliRunner> m_cli;
    QString m_golden;
    QMap<QString, QByteArray> m_goldenHashes;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    QStringList shardEntries() const {
        QStringList out;
        for (const auto &shard : {u"shard1"_s, u"shard2"_s}) {
            QDirIterator it(path(shard), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                out << it.next();
        }
        return out;
    }

    QJsonArray list() const {
        const auto r = m_cli->run({u"list"_s, u"--json"_s});
        [&] {
            QCOMPARE(r.exitCode, 0);
        }();
        return r.json().array();
    }

    // What the double says runs (its own list, as VMware's vmrun would print it).
    QStringList vmwareRunning() const {
        QProcess p;
        p.start(QStringLiteral(FAKE_VMRUN), {u"-T"_s, u"player"_s, u"list"_s});
        p.waitForFinished(60000);
        QStringList lines =
            QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        return lines.mid(1);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        for (const auto &folder :
             {u"golden/vm176"_s, u"locked/vm190"_s, u"shard1"_s, u"shard2"_s, u"bin"_s})
            QVERIFY(QDir().mkpath(path(folder)));
        m_golden = path(u"golden/vm176/vm176.vmx"_s);
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"vmdk"_s,
                                                   u"-o"_s, u"subformat=monolithicSparse"_s,
                                                   path(u"golden/vm176/vm176.vmdk"_s), u"64M"_s}),
                 0);
        QCOMPARE(
            QProcess::execute(u"qemu-io"_s, {u"-f"_s, u"vmdk"_s, u"-c"_s, u"write -P 0x5a 1M 2M"_s,
                                             path(u"golden/vm176/vm176.vmdk"_s)}),
            0);
        QVERIFY(writeFile(m_golden, kGoldenVmx));
        QVERIFY(writeFile(path(u"golden/vm176/vm176.nvram"_s), QByteArray(8684, '\x01')));
        QVERIFY(writeFile(path(u"golden/vm176/vmware.log"_s), "a log\n"));
        m_goldenHashes = hashTree(path(u"golden"_s));

        // A golden VMware has open: its .vmx has a lock folder.
        QVERIFY(writeFile(path(u"locked/vm190/vm190.vmx"_s),
                          QByteArray(kGoldenVmx).replace("vm176", "vm190")));
        QVERIFY(
            QFile::copy(path(u"golden/vm176/vm176.vmdk"_s), path(u"locked/vm190/vm190.vmdk"_s)));
        QVERIFY(QDir().mkpath(path(u"locked/vm190/vm190.vmx.lck"_s)));

        // The double, named vmrun, as an operator would point at VMware's.
        QVERIFY(QFile::link(QStringLiteral(FAKE_VMRUN), path(u"bin/vmrun"_s)));
        qputenv("VMECLONE_VMRUN", path(u"bin/vmrun"_s).toUtf8());
        qputenv("FAKE_VMRUN_STATE", path(u"vmrun.state"_s).toUtf8());
        qputenv("FAKE_VMRUN_LOG", path(u"vmrun.log"_s).toUtf8());
        qunsetenv("VMECLONE_CONSOLE_ADDRESS");
        qunsetenv("VMECLONE_VMWARE_TYPE");
        m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad product type")
            << QStringList{u"plan"_s, u"177"_s, u"--vmware-type"_s, u"fusion"_s}
            << u"--vmware-type fusion"_s;
        QTest::newRow("bad console address")
            << QStringList{u"start"_s, u"177"_s, u"--console-address"_s, u"gateway"_s}
            << u"--console-address gateway"_s;
    }

    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r = m_cli->run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void goldenAdd() {
        auto r = m_cli->run({u"golden"_s, u"add"_s, path(u"locked/vm190/vm190.vmx"_s),
                             u"--suffix"_s, u"190"_s, u"--subnet"_s, u"192.0.2.0/24"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"vm190.vmx.lck"_s), qPrintable(r.err));

        r = m_cli->run({u"golden"_s, u"add"_s, m_golden, u"--suffix"_s, u"176"_s, u"--subnet"_s,
                        u"192.0.2.0/24"_s, u"--dns"_s, u"192.0.2.53,nameserver"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--dns 192.0.2.53,nameserver: the name server 'nameserver' is "
                                u"not an IPv4 address"_s),
                 qPrintable(r.err));

        // The form the operators use: the .vmx, its suffix and subnet; --console-address
        // is where its clones reach this host; --dns the name servers they get.
        r = m_cli->run({u"golden"_s, u"add"_s, m_golden, u"--suffix"_s, u"176"_s, u"--subnet"_s,
                        u"192.0.2.0/24"_s, u"--console-address"_s, u"192.0.2.10"_s, u"--dns"_s,
                        u"192.0.2.53, 198.51.100.53"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto golden = r.json().object();
        QCOMPARE(golden.value(u"backend"_s).toString(), u"vmware"_s);
        QCOMPARE(golden.value(u"name"_s).toString(), u"vm176"_s);
        QCOMPARE(golden.value(u"ip"_s).toString(), u"192.0.2.176"_s);
        QVERIFY(golden.value(u"disk_bytes"_s).toDouble() >= 2 * 1024 * 1024);
        QCOMPARE(golden.value(u"dns"_s).toArray(),
                 (QJsonArray{u"192.0.2.53"_s, u"198.51.100.53"_s}));

        QCOMPARE(m_cli->run({u"shard"_s, u"add"_s, path(u"shard1"_s)}).exitCode, 0);
        QCOMPARE(m_cli->run({u"shard"_s, u"add"_s, path(u"shard2"_s)}).exitCode, 0);
    }

    void goldenKeepsItsConsoleAddress() {
        // Given once at `golden add`, the address is kept: a plan needs no option and
        // keeps it for the console (refused as a clone address).
        auto r = m_cli->run({u"plan"_s, u"9-11"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        const auto refused = r.json().object().value(u"refused"_s).toArray();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.at(0).toObject().value(u"ip"_s).toString(), u"192.0.2.10"_s);
        r = m_cli->run({u"golden"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.json().array().at(0).toObject().value(u"console_address"_s).toString(),
                 u"192.0.2.10"_s);
    }

    void cloneNeedsConsoleAddress() {
        // A golden added without one cannot be cloned until it is given.
        QVERIFY(QDir().mkpath(path(u"second"_s)));
        for (const auto &file : QDir(QFileInfo(m_golden).absolutePath()).entryList(QDir::Files))
            QVERIFY(QFile::copy(QFileInfo(m_golden).absolutePath() + u"/"_s + file,
                                path(u"second/"_s + file)));
        auto r = m_cli->run(
            {u"golden"_s, u"add"_s, path(u"second/"_s + QFileInfo(m_golden).fileName()),
             u"--name"_s, u"second"_s, u"--suffix"_s, u"5"_s, u"--subnet"_s, u"198.51.100.0/24"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_cli->run({u"clone"_s, u"177"_s, u"--golden"_s, u"second"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--console-address"_s), qPrintable(r.err));
        QCOMPARE(list().size(), 0);
        QCOMPARE(shardEntries(), QStringList{});
        QCOMPARE(vmwareRunning(), QStringList{});

        // Given later with one command, judged as at golden add; kept with the golden.
        r = m_cli->run({u"golden"_s, u"console-address"_s, u"second"_s, u"10.9.9.9"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"10.9.9.9 is outside 198.51.100.0/24"_s), qPrintable(r.err));
        r = m_cli->run({u"golden"_s, u"console-address"_s, u"second"_s, u"198.51.100.5"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"the golden's own address"_s), qPrintable(r.err));
        r = m_cli->run(
            {u"golden"_s, u"console-address"_s, u"second"_s, u"198.51.100.7"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().object().value(u"console_address"_s).toString(), u"198.51.100.7"_s);
        QCOMPARE(r.json().object().value(u"console_address_before"_s).toString(), u"none"_s);
        r = m_cli->run({u"plan"_s, u"7"_s, u"--golden"_s, u"second"_s, u"--json"_s});
        QCOMPARE(r.json()
                     .object()
                     .value(u"refused"_s)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"kind"_s)
                     .toString(),
                 u"console-address"_s);
        r = m_cli->run({u"golden"_s, u"console-address"_s, u"vm176x"_s, u"auto"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"no golden image named 'vm176x'"_s), qPrintable(r.err));

        r = m_cli->run({u"golden"_s, u"remove"_s, u"second"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(m_cli->run({u"golden"_s, u"list"_s, u"--json"_s}).json().array().size(), 1);
    }

    void cloneRange() {
        qputenv("VMECLONE_CONSOLE_ADDRESS", "192.0.2.10");
        // The console's own address is not given to a clone (a plan with refusals exits 1).
        auto r = m_cli->run({u"plan"_s, u"9-11"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().object().value(u"vms"_s).toArray().size(), 2);
        const auto refused = r.json().object().value(u"refused"_s).toArray();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.at(0).toObject().value(u"ip"_s).toString(), u"192.0.2.10"_s);

        r = m_cli->run({u"clone"_s, u"177-179"_s, u"--full"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        QVERIFY(r.json().object().value(u"ok"_s).toBool());

        const auto vms = list();
        QCOMPARE(vms.size(), 3);
        QStringList expectedRunning;
        for (const auto &value : vms) {
            const auto vm = value.toObject();
            const QString ip = vm.value(u"ip"_s).toString();
            const auto mac = vmeclone::MacAddress::forIpv4(*vmeclone::Ipv4Address::parse(ip));
            QCOMPARE(vm.value(u"mac"_s).toString(), mac.toString());
            QCOMPARE(vm.value(u"state"_s).toString(), u"booting"_s);
            QCOMPARE(vm.value(u"clone_mode"_s).toString(), u"full"_s);
            const QString vmx = vm.value(u"folder"_s).toString() + u'/'
                                + vm.value(u"name"_s).toString() + u".vmx"_s;
            QFile file(vmx);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            QVERIFY2(text.contains(u"ethernet0.address = \"%1\""_s.arg(mac.toString()),
                                   Qt::CaseInsensitive),
                     qPrintable(text));
            QVERIFY2(text.contains(u"guestinfo.vmeclone.ip = \"%1\""_s.arg(ip)), qPrintable(text));
            QVERIFY2(text.contains(u"guestinfo.vmeclone.console = \"192.0.2.10\""_s),
                     qPrintable(text));
            QVERIFY2(text.contains(u"guestinfo.vmeclone.dns = \"192.0.2.53,198.51.100.53\""_s),
                     qPrintable(text));
            expectedRunning << vmx;
        }
        QStringList running = vmwareRunning();
        running.sort();
        expectedRunning.sort();
        QCOMPARE(running, expectedRunning);
    }

    void stopAndStart() {
        auto r = m_cli->run({u"stop"_s, u"177-179"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const auto &value : list())
            QCOMPARE(value.toObject().value(u"state"_s).toString(), u"stopped"_s);
        QCOMPARE(vmwareRunning(), QStringList{});

        r = m_cli->run({u"start"_s, u"178"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList running = vmwareRunning();
        QCOMPARE(running.size(), 1);
        QVERIFY2(running.first().endsWith(u"/vm178/vm178.vmx"_s), qPrintable(running.first()));
    }

    void releaseLeavesNothing() {
        const auto r = m_cli->run({u"release"_s, u"177-179"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(list().size(), 0);
        QCOMPARE(shardEntries(), QStringList{});
        QCOMPARE(vmwareRunning(), QStringList{});
        QCOMPARE(hashTree(path(u"golden"_s)), m_goldenHashes);
    }

    void linkedClonesToo() {
        auto r = m_cli->run({u"clone"_s, u"180-181"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(vmwareRunning().size(), 2);
        for (const auto &value : list())
            QCOMPARE(value.toObject().value(u"clone_mode"_s).toString(), u"linked"_s);
        r = m_cli->run({u"release"_s, u"180-181"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(shardEntries(), QStringList{});
        QCOMPARE(vmwareRunning(), QStringList{});
        QCOMPARE(hashTree(path(u"golden"_s)), m_goldenHashes);
    }

    // Goldens as operators have them. A golden never powered on here names an .nvram and
    // a .vmxf it lacks: it is added and cloned (VMware makes both for each clone). What
    // `clone` could not do is refused at `golden add`, naming the cause.
    void realWorldGoldens() {
        const QString disk = path(u"golden/vm176/vm176.vmdk"_s);
        const auto makeGolden = [&](const QString &name, QByteArray vmx) -> QString {
            const QString folder = path(u"real/"_s + name);
            QDir().mkpath(folder);
            // Under its own name: a monolithicSparse disk's embedded descriptor names it.
            QFile::copy(disk, folder + u"/vm176.vmdk"_s);
            writeFile(folder + u'/' + name + u".vmx"_s, vmx);
            return folder + u'/' + name + u".vmx"_s;
        };
        const QByteArray base =
            QByteArray(kGoldenVmx)
                .replace("nvram = \"vm176.nvram\"\n",
                         "nvram = \"vm176.nvram\"\nextendedConfigFile = \"vm176.vmxf\"\n");
        const QString neverOn = makeGolden(u"neveron"_s, base);
        const QString noNic =
            makeGolden(u"nonic"_s, QByteArray(base).replace("ethernet0.present = \"TRUE\"",
                                                            "ethernet0.present = \"FALSE\""));
        const QString twice =
            makeGolden(u"twice"_s, QByteArray(base)
                                       + "scsi0:1.present = \"TRUE\"\nscsi0:1.fileName = "
                                         "\"vm176.vmdk\"\n");
        const QString esxi =
            makeGolden(u"esxi"_s, QByteArray(base).replace("\"vm176.vmdk\"",
                                                           "\"[datastore1] esxi/vm176.vmdk\""));
        const auto add = [&](const QString &vmx, const QString &name, const QString &suffix,
                             const QStringList &more = {}) {
            return m_cli->run(QStringList{u"golden"_s, u"add"_s, vmx, u"--name"_s, name,
                                          u"--suffix"_s, suffix, u"--subnet"_s, u"203.0.113.0/24"_s,
                                          u"--console-address"_s, u"203.0.113.1"_s,
                                          u"--name-prefix"_s, name}
                              + more);
        };
        const auto goldens = [&] {
            return m_cli->run({u"golden"_s, u"list"_s, u"--json"_s}).json().array().size();
        };
        const qsizetype before = goldens();

        auto r = add(noNic, u"nonic"_s, u"20"_s);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"has no network adapter"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"--allow-no-network"_s), qPrintable(r.err));
        r = add(twice, u"twice"_s, u"21"_s);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"names the disk \"vm176.vmdk\" twice (scsi0:0 and scsi0:1)"_s),
                 qPrintable(r.err));
        r = add(esxi, u"esxi"_s, u"22"_s);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"\"[datastore1] esxi/vm176.vmdk\" (scsi0:0.fileName), an ESXi "
                                u"datastore path: copy the VM's files to this host and point the "
                                u"disk at them"_s),
                 qPrintable(r.err));
        QCOMPARE(goldens(), before);

        // No console address given: this host's one address in the golden's subnet is
        // found and used (loopback: the only subnet a test can be sure this host has one
        // address in).
        const QByteArray console = qgetenv("VMECLONE_CONSOLE_ADDRESS"); // cloneRange's
        qunsetenv("VMECLONE_CONSOLE_ADDRESS");
        r = m_cli->run({u"golden"_s, u"add"_s, neverOn, u"--name"_s, u"loopback"_s, u"--suffix"_s,
                        u"5"_s, u"--subnet"_s, u"127.0.0.0/8"_s});
        qputenv("VMECLONE_CONSOLE_ADDRESS", console);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("console address 127.0.0.1: this host's only address in "
                                "127.0.0.0/8"),
                 r.out.constData());
        QVERIFY2(m_cli->run({u"golden"_s, u"remove"_s, u"loopback"_s}).exitCode == 0, "remove");

        r = add(noNic, u"nonic"_s, u"20"_s, {u"--allow-no-network"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(m_cli->run({u"golden"_s, u"remove"_s, u"nonic"_s}).exitCode == 0, "remove");

        const auto goldenBytes = hashTree(path(u"real/neveron"_s));
        r = add(neverOn, u"neveron"_s, u"23"_s);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The type detected, and why: a lone vmrun is Workstation Pro's (Player is
        // discontinued).
        QVERIFY2(QString::fromUtf8(r.out).contains(
                     u"VMware: %1 -T ws (neither Workstation's "_s.arg(path(u"bin/vmrun"_s))),
                 r.out.constData());
        for (const QString &mode : {u"--full"_s, u"--linked"_s}) {
            r = m_cli->run({u"clone"_s, u"30"_s, u"--golden"_s, u"neveron"_s, mode});
            QVERIFY2(r.exitCode == 0, qPrintable(mode + r.err));
            const auto vms = list();
            QCOMPARE(vms.size(), 1);
            const QString folder = vms.first().toObject().value(u"folder"_s).toString();
            QFile file(folder + u"/neveron30.vmx"_s);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            // Its own names, for VMware to make the files under.
            QVERIFY2(text.contains(u"nvram = \"neveron30.nvram\""_s), qPrintable(text));
            QVERIFY2(text.contains(u"extendedConfigFile = \"neveron30.vmxf\""_s), qPrintable(text));
            QVERIFY(!QFileInfo::exists(folder + u"/neveron30.nvram"_s));
            QVERIFY(!QFileInfo::exists(folder + u"/neveron30.vmxf"_s));
            QCOMPARE(vmwareRunning(), QStringList{folder + u"/neveron30.vmx"_s});
            r = m_cli->run({u"release"_s, u"30"_s});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QCOMPARE(shardEntries(), QStringList{});
        }
        QCOMPARE(hashTree(path(u"real/neveron"_s)), goldenBytes);
    }

    // vmrun's quirk: folders with spaces, Chinese and other non-ASCII names (a golden in
    // "黄金 镜像/Müller VM", a shard and a data folder named alike) clone, full and linked,
    // start on the double under those paths, and release to nothing.
    void nonAsciiAndSpacedPaths() {
        const QString folder = path(u"黄金 镜像/Müller VM"_s);
        const QString vmx = folder + u"/Müller VM.vmx"_s;
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(path(u"golden/vm176/vm176.vmdk"_s), folder + u"/vm176.vmdk"_s));
        QVERIFY(writeFile(vmx, kGoldenVmx));
        const auto goldenBytes = hashTree(path(u"黄金 镜像"_s));
        CliRunner cli(QStringLiteral(VMECLONE_CLI), path(u"数据 home"_s));
        auto r = cli.run({u"golden"_s, u"add"_s, vmx, u"--name"_s, u"muller"_s, u"--suffix"_s,
                          u"176"_s, u"--subnet"_s, u"192.0.2.0/24"_s, u"--console-address"_s,
                          u"192.0.2.10"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString shard = path(u"分片 Ærø 1"_s);
        QVERIFY(QDir().mkpath(shard));
        r = cli.run({u"shard"_s, u"add"_s, shard});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QString &mode : {u"--full"_s, u"--linked"_s}) {
            r = cli.run({u"clone"_s, u"40-41"_s, mode, u"--json"_s});
            QVERIFY2(r.exitCode == 0, qPrintable(mode + r.err + QString::fromUtf8(r.out)));
            const auto vms = cli.run({u"list"_s, u"--json"_s}).json().array();
            QCOMPARE(vms.size(), 2);
            QStringList expected;
            for (const auto &value : vms) {
                const auto vm = value.toObject();
                const QString vmFolder = vm.value(u"folder"_s).toString();
                QVERIFY2(vmFolder.startsWith(shard + u'/'), qPrintable(vmFolder));
                expected << vmFolder + u'/' + vm.value(u"name"_s).toString() + u".vmx"_s;
            }
            QStringList running = vmwareRunning();
            running.sort();
            expected.sort();
            QCOMPARE(running, expected);
            r = cli.run({u"release"_s, u"40-41"_s});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QCOMPARE(QDir(shard).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                     QStringList{});
            QCOMPARE(vmwareRunning(), QStringList{});
        }
        QCOMPARE(hashTree(path(u"黄金 镜像"_s)), goldenBytes);
    }

    // clone --vmware-clone: Workstation Pro makes each linked clone (vmrun -T ws clone ...
    // linked -snapshot=<the golden's current snapshot>), and its .vmx gets vmeclone's
    // rewrite. Refused before anything is made when the golden has no snapshot or the
    // product has no clone command.
    void vmwareMadeLinkedClones() {
        const QString folder = path(u"snap/vm175"_s);
        QVERIFY(QDir().mkpath(folder));
        // Under its own name: a monolithicSparse disk's embedded descriptor names it.
        QVERIFY(QFile::copy(path(u"golden/vm176/vm176.vmdk"_s), folder + u"/vm176.vmdk"_s));
        // The golden runs on a delta over the snapshot's disk, as VMware leaves it.
        QProcess qemuImg;
        qemuImg.setWorkingDirectory(folder);
        qemuImg.start(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"vmdk"_s, u"-o"_s,
                                      u"subformat=monolithicSparse"_s, u"-b"_s, u"vm176.vmdk"_s,
                                      u"-F"_s, u"vmdk"_s, u"vm176-000001.vmdk"_s});
        QVERIFY(qemuImg.waitForFinished(60000) && qemuImg.exitCode() == 0);
        QVERIFY(writeFile(folder + u"/vm175.vmx"_s,
                          QByteArray(kGoldenVmx)
                              .replace("vm176", "vm175")
                              .replace("\"vm175.vmdk\"", "\"vm176-000001.vmdk\"")));
        QVERIFY(writeFile(folder + u"/vm175.vmsd"_s,
                          ".encoding = \"UTF-8\"\nsnapshot.lastUID = \"1\"\n"
                          "snapshot.current = \"1\"\nsnapshot0.uid = \"1\"\n"
                          "snapshot0.filename = \"vm175-Snapshot1.vmsn\"\n"
                          "snapshot0.displayName = \"prepared\"\nsnapshot0.type = \"1\"\n"
                          "snapshot0.numDisks = \"1\"\n"
                          "snapshot0.disk0.fileName = \"vm176.vmdk\"\n"
                          "snapshot0.disk0.node = \"scsi0:0\"\nsnapshot.numSnapshots = \"1\"\n"));
        const auto goldenBytes = hashTree(path(u"snap"_s));
        auto r =
            m_cli->run({u"golden"_s, u"add"_s, folder + u"/vm175.vmx"_s, u"--name"_s, u"snap"_s,
                        u"--suffix"_s, u"175"_s, u"--subnet"_s, u"192.0.2.0/24"_s,
                        u"--console-address"_s, u"192.0.2.10"_s, u"--name-prefix"_s, u"snap"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const qsizetype before = list().size();

        // Refused, with nothing made: no snapshot; a product without clone; other modes.
        r = m_cli->run({u"clone"_s, u"60"_s, u"--golden"_s, u"vm176"_s, u"--vmware-clone"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"has no snapshot (no vm176.vmsd): vmrun's linked clone starts "
                                u"from a snapshot of the golden; take one in Workstation Pro"_s),
                 qPrintable(r.err));
        r = m_cli->run({u"clone"_s, u"60"_s, u"--golden"_s, u"snap"_s, u"--vmware-clone"_s,
                        u"--vmware-type"_s, u"player"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"linked clones made by VMware need vmrun -T ws"_s),
                 qPrintable(r.err));
        r = m_cli->run(
            {u"clone"_s, u"60"_s, u"--golden"_s, u"snap"_s, u"--vmware-clone"_s, u"--full"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--vmware-clone makes linked clones"_s), qPrintable(r.err));
        QCOMPARE(list().size(), before);
        QCOMPARE(shardEntries(), QStringList{});

        QFile::remove(path(u"vmrun.log"_s));
        r = m_cli->run({u"clone"_s, u"60-61"_s, u"--golden"_s, u"snap"_s, u"--vmware-clone"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile log(path(u"vmrun.log"_s));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString calls = QString::fromUtf8(log.readAll());
        QCOMPARE(calls.count(u"\tclone\t"_s), 2);
        QStringList running = vmwareRunning();
        QCOMPARE(running.size(), 2);
        for (const auto &value : list()) {
            const auto vm = value.toObject();
            const QString name = vm.value(u"name"_s).toString();
            const QString vmFolder = vm.value(u"folder"_s).toString();
            const QString vmx = vmFolder + u'/' + name + u".vmx"_s;
            QVERIFY2(calls.contains(u"-T\tws\tclone\t%1\t%2\tlinked\t-snapshot=prepared\t"
                                    u"-cloneName=%3\n"_s.arg(folder + u"/vm175.vmx"_s, vmx, name)),
                     qPrintable(calls));
            QVERIFY(running.contains(vmx));
            QFile file(vmx);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            // VMware's child disk over the snapshot's disk, and vmeclone's identity.
            QVERIFY2(text.contains(u"scsi0:0.fileName = \"vm176-cl1.vmdk\""_s), qPrintable(text));
            QVERIFY2(text.contains(
                         u"guestinfo.vmeclone.ip = \"%1\""_s.arg(vm.value(u"ip"_s).toString())),
                     qPrintable(text));
            QVERIFY2(
                text.contains(u"ethernet0.address = \"%1\""_s.arg(vm.value(u"mac"_s).toString())),
                qPrintable(text));
            QVERIFY2(text.contains(u"displayName = \"%1\""_s.arg(name)), qPrintable(text));
            QProcess check;
            check.start(u"qemu-img"_s, {u"check"_s, vmFolder + u"/vm176-cl1.vmdk"_s});
            QVERIFY(check.waitForFinished(60000));
            QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().constData());
            QProcess info;
            info.start(u"qemu-img"_s, {u"info"_s, vmFolder + u"/vm176-cl1.vmdk"_s});
            QVERIFY(info.waitForFinished(60000));
            QVERIFY(QString::fromUtf8(info.readAllStandardOutput())
                        .contains(u"backing file: "_s + folder + u"/vm176.vmdk"_s));
        }
        r = m_cli->run({u"release"_s, u"60-61"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(shardEntries(), QStringList{});
        QCOMPARE(vmwareRunning(), QStringList{});
        QCOMPARE(hashTree(path(u"snap"_s)), goldenBytes);
        QVERIFY2(m_cli->run({u"golden"_s, u"remove"_s, u"snap"_s}).exitCode == 0, "remove");
    }

    // A golden with three NICs: ethernet1 given a subnet of its own at `golden add`,
    // ethernet2 left unconfigured. Every overlap that could give two clones one address is
    // refused there, and the clone's guest is told both NICs, each with its own MAC.
    void furtherNicsGetTheirSubnet() {
        const QString folder = path(u"real/threenics"_s);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(path(u"golden/vm176/vm176.vmdk"_s), folder + u"/vm176.vmdk"_s));
        QByteArray vmx(kGoldenVmx);
        for (const char *n : {"1", "2"})
            vmx += QByteArray("ethernet") + n + ".present = \"TRUE\"\nethernet" + n
                   + ".connectionType = \"hostonly\"\nethernet" + n
                   + ".addressType = \"generated\"\n";
        const QString golden = folder + u"/threenics.vmx"_s;
        QVERIFY(writeFile(golden, vmx));
        const auto add = [&](const QStringList &nics) {
            QStringList args{u"golden"_s,
                             u"add"_s,
                             golden,
                             u"--name"_s,
                             u"three"_s,
                             u"--suffix"_s,
                             u"176"_s,
                             u"--subnet"_s,
                             u"198.51.100.0/24"_s,
                             u"--console-address"_s,
                             u"198.51.100.1"_s,
                             u"--name-prefix"_s,
                             u"three"_s,
                             u"--json"_s};
            for (const QString &nic : nics)
                args << u"--nic"_s << nic;
            return m_cli->run(args);
        };
        const auto goldens = [&] {
            return m_cli->run({u"golden"_s, u"list"_s, u"--json"_s}).json().array().size();
        };
        const qsizetype before = goldens();
        // Into the subnet of the golden vm176 (goldenAdd): its clones' addresses.
        auto r = add({u"ethernet1=192.0.2.0/24"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--nic ethernet1=192.0.2.0/24: ethernet1's subnet 192.0.2.0/24 "
                                u"overlaps 192.0.2.0/24, the subnet of the golden image 'vm176'"_s),
                 qPrintable(r.err));
        r = add({u"ethernet3=198.18.5.0/24"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"has no ethernet3 after its first NIC (its further NICs: "
                                u"ethernet1, ethernet2)"_s),
                 qPrintable(r.err));
        QCOMPARE(goldens(), before);

        r = add({u"ethernet1=198.18.5.0/24"_s, u"ethernet2=none"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().object().value(u"nics"_s).toArray(),
                 (QJsonArray{QJsonObject{{u"device"_s, u"ethernet1"_s},
                                         {u"subnet"_s, u"198.18.5.0/24"_s}}}));
        // Another golden cannot take the NIC's network as its own.
        r = m_cli->run({u"golden"_s, u"add"_s, path(u"real/nonic/nonic.vmx"_s), u"--name"_s,
                        u"wide"_s, u"--suffix"_s, u"9"_s, u"--subnet"_s, u"198.18.0.0/16"_s,
                        u"--allow-no-network"_s, u"--console-address"_s, u"198.18.0.1"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"the subnet 198.18.0.0/16 overlaps 198.18.5.0/24, the subnet of "
                                u"ethernet1 of the golden image 'three'"_s),
                 qPrintable(r.err));

        r = m_cli->run({u"clone"_s, u"40"_s, u"--golden"_s, u"three"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto vms = list();
        QCOMPARE(vms.size(), 1);
        QFile file(vms.first().toObject().value(u"folder"_s).toString() + u"/three40.vmx"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const auto value = [&](const QString &key) {
            const QString start = key + u" = \""_s;
            const qsizetype at = text.indexOf(start);
            return at < 0 ? QString()
                          : text.mid(at + start.size(),
                                     text.indexOf(u'"', at + start.size()) - at - start.size());
        };
        const QString mac1 = value(u"ethernet1.address"_s);
        const QString mac2 = value(u"ethernet2.address"_s);
        QVERIFY(!mac1.isEmpty() && !mac2.isEmpty() && mac1 != mac2);
        QCOMPARE(value(u"guestinfo.vmeclone.ip"_s), u"198.51.100.40"_s);
        QCOMPARE(value(u"guestinfo.vmeclone.nics"_s), u"1,2"_s);
        QCOMPARE(value(u"guestinfo.vmeclone.nic1"_s), mac1 + u",198.18.5.40/24"_s);
        QCOMPARE(value(u"guestinfo.vmeclone.nic2"_s), mac2);
        const QJsonObject metadata =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(value(u"guestinfo.metadata"_s).toLatin1()))
                .object();
        const QJsonArray said = metadata.value(u"vmeclone-nics"_s).toArray();
        QCOMPARE(said.size(), 3);
        QCOMPARE(said[1].toObject().value(u"address"_s).toString(), u"198.18.5.40/24"_s);
        QCOMPARE(said[2].toObject().value(u"configured"_s).toBool(), false);
        QCOMPARE(vmwareRunning().size(), 1);
        r = m_cli->run({u"release"_s, u"40"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(shardEntries(), QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestCliVmware)
#include "tst_cli_vmware.moc"
