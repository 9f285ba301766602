// The whole loop, for real: the demo golden is cloned three times by the vmeclone
// CLI; each clone boots under QEMU, reads its identity from fw_cfg, configures its
// address, reboots exactly once and announces itself online, signed, to a running
// `vmeclone listen`; forged and replayed announcements sent meanwhile change nothing
// and are counted; release leaves no file, no row and no process behind.
//
// Must run in a network namespace of its own (CTest starts it under unshare --net):
// QEMU's user networking would otherwise forward a guest's stray packets off this host.

#include "cli_runner.h"
#include "identity/cluster_secret.h"
#include "identity/mac_address.h"
#include "protocol/announcement.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestEndToEnd : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{u"/tmp/vme-e2e-XXXXXX"_s}; // short: QMP socket paths must fit 108 bytes
    std::unique_ptr<CliRunner> m_cli;
    QProcess m_listener;
    quint16 m_port = 0;
    QMap<QString, QString> m_plannedShard;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    QJsonArray list() const { return m_cli->run({u"list"_s, u"--json"_s}).json().array(); }

    static QJsonObject byIp(const QJsonArray &vms, const QString &ip) {
        for (const auto &v : vms)
            if (v.toObject().value(u"ip"_s).toString() == ip)
                return v.toObject();
        return {};
    }

    QStringList filesUnder(const QString &dir) const {
        QStringList files;
        QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

    // QEMU processes whose command line mentions this test's folder.
    int ourQemuProcesses() const {
        int n = 0;
        for (const auto &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
            QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
            if (cmdline.open(QIODevice::ReadOnly)
                && cmdline.readAll().contains(m_dir.path().toUtf8()))
                ++n;
        }
        return n;
    }

    void send(const std::vector<std::uint8_t> &datagram) {
        QUdpSocket socket;
        socket.writeDatagram(reinterpret_cast<const char *>(datagram.data()),
                             static_cast<qint64>(datagram.size()), QHostAddress::LocalHost, m_port);
    }

private Q_SLOTS:
    void initTestCase() {
        // Refuse to boot guests where their packets could leave this host.
        // (/sys/class/net shows the namespace sysfs was mounted in, not ours.)
        QStringList interfaces;
        for (const auto &i : QNetworkInterface::allInterfaces())
            interfaces << i.name();
        if (interfaces != QStringList{u"lo"_s})
            QFAIL(qPrintable(
                u"run me in a fresh network namespace (unshare --net), not beside %1"_s.arg(
                    interfaces.join(u", "_s))));
        QVERIFY(QFile::exists(QStringLiteral(VMECLONE_DEMO_GOLDEN)));
        QVERIFY(m_dir.isValid());
        for (const auto &d : {u"home"_s, u"shard-a"_s, u"shard-b"_s})
            QVERIFY(QDir().mkpath(path(d)));

        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        m_port = probe.localPort();
        probe.close();
        m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s), m_port);

        // A separate listener process, as an operator's console would be: the clone
        // finds the port taken and follows the states in the inventory.
        m_listener.setProcessEnvironment(m_cli->environment());
        m_listener.start(m_cli->program(), {u"listen"_s, u"--json"_s});
        QVERIFY(m_listener.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += m_listener.readAllStandardError()).contains("listening")
                                     || m_listener.state() != QProcess::Running,
                                 10000);
        QCOMPARE(m_listener.state(), QProcess::Running);
    }

    void cleanupTestCase() {
        // Whatever failed, no guest outlives the test.
        if (m_cli)
            m_cli->run({u"release"_s, u"177-180"_s});
        if (m_listener.state() == QProcess::Running) {
            m_listener.terminate();
            m_listener.waitForFinished(10000);
        }
    }

    void addGoldenAndShards() {
        auto r = m_cli->run({u"golden"_s, u"add"_s, QStringLiteral(VMECLONE_DEMO_GOLDEN),
                             u"--suffix"_s, u"176"_s, u"--subnet"_s, u"192.168.1.0/24"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(m_cli->run({u"shard"_s, u"add"_s, path(u"shard-a"_s)}).exitCode, 0);
        QCOMPARE(m_cli->run({u"shard"_s, u"add"_s, path(u"shard-b"_s)}).exitCode, 0);
        r = m_cli->run({u"plan"_s, u"177-179"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const auto &v : r.json().object().value(u"vms"_s).toArray())
            m_plannedShard.insert(v.toObject().value(u"ip"_s).toString(),
                                  v.toObject().value(u"shard"_s).toString());
        QCOMPARE(m_plannedShard.size(), 3);
    }

    // Runs the CLI with VMECLONE_CRASH_AT=point and checks it really died there.
    void crashAt(const QString &point, const QStringList &args) {
        QProcess p;
        auto env = m_cli->environment();
        env.insert(u"VMECLONE_CRASH_AT"_s, point);
        p.setProcessEnvironment(env);
        p.start(m_cli->program(), args);
        QVERIFY(p.waitForFinished(600000));
        QVERIFY2(p.exitStatus() == QProcess::CrashExit,
                 qPrintable(u"did not die at %1: %2"_s.arg(
                     point, QString::fromUtf8(p.readAllStandardError()))));
    }

    bool allOnline(const QStringList &ips) const {
        const auto vms = list();
        return std::all_of(ips.begin(), ips.end(), [&](const QString &ip) {
            return byIp(vms, ip).value(u"state"_s).toString() == u"online";
        });
    }

    void cloneThreeAndWaitOnline() {
        // The CLI is killed (SIGKILL) while it waits for the announcements: the guests
        // and the listener go on, and nothing is left in flight.
        crashAt(u"announcing"_s, {u"clone"_s, u"177-179"_s, u"--wait-online"_s, u"400"_s});
        const QStringList ips{u"192.168.1.177"_s, u"192.168.1.178"_s, u"192.168.1.179"_s};
        QTRY_VERIFY_WITH_TIMEOUT(allOnline(ips), 400000);
        QVERIFY(!m_cli->run({u"list"_s}).err.contains(u"recovered"_s));

        const auto vms = list();
        QCOMPARE(vms.size(), 3);
        for (int suffix = 177; suffix <= 179; ++suffix) {
            const QString ip = u"192.168.1.%1"_s.arg(suffix);
            const auto vm = byIp(vms, ip);
            QCOMPARE(vm.value(u"state"_s).toString(), u"online"_s);
            QCOMPARE(vm.value(u"mac"_s).toString(),
                     MacAddress::forIpv4(*Ipv4Address::parse(ip)).toString());
            QCOMPARE(vm.value(u"shard"_s).toString(), m_plannedShard.value(ip));
            // The agent configured the address it was given, and says so once online.
            QVERIFY2(vm.value(u"reason"_s).toString().contains(ip + u"/24"_s),
                     qPrintable(vm.value(u"reason"_s).toString()));
            // Booted twice: the first boot applied the identity and rebooted once.
            QCOMPARE(vm.value(u"boots"_s).toInt(), 2);
            QFile serial(vm.value(u"folder"_s).toString() + u"/serial.log"_s);
            QVERIFY(serial.open(QIODevice::ReadOnly));
            const QByteArray log = serial.readAll();
            QCOMPARE(log.count("identity from fw_cfg"), 2);
            QCOMPARE(log.count("rebooting to apply instance"), 1);
        }
    }

    void killedRightAfterStartIsRecovered() {
        // Killed between starting QEMU and recording it: the next command finds the VM
        // "starting" with a dead owner, sees it runs, and settles it as booting.
        crashAt(u"started"_s, {u"clone"_s, u"180"_s});
        // list only reports; recover (or any changing command) settles it.
        const auto look = m_cli->run({u"list"_s});
        QVERIFY2(look.err.contains(u"needs recovery"_s), qPrintable(look.err));
        const auto settled = m_cli->run({u"recover"_s});
        QVERIFY2(settled.err.contains(u"recovered vm180"_s)
                     && settled.err.contains(u"marked booting"_s),
                 qPrintable(settled.err));
        const auto r = m_cli->run({u"list"_s, u"--json"_s});
        const QString state =
            byIp(r.json().array(), u"192.168.1.180"_s).value(u"state"_s).toString();
        QVERIFY2(state == u"booting" || state == u"configuring" || state == u"rebooting"
                     || state == u"online",
                 qPrintable(state));
        QTRY_VERIFY_WITH_TIMEOUT(allOnline({u"192.168.1.180"_s}), 400000);
    }

    void forgedAndReplayedAnnouncementsChangeNothing() {
        const auto before = list();
        const auto vm177 = byIp(before, u"192.168.1.177"_s);
        const Ipv4Address ip177 = *Ipv4Address::parse(u"192.168.1.177");
        const Ipv4Address ip178 = *Ipv4Address::parse(u"192.168.1.178");

        protocol::Announcement a;
        a.state = protocol::AgentState::Failed;
        a.ip = ip177.toUInt();
        a.mac = MacAddress::forIpv4(ip177).bytes();
        a.hostname = "vm177";
        a.detail = "forged";
        a.boots = 99;
        a.sequence = 1;
        QRandomGenerator::global()->generate(a.bootId.begin(), a.bootId.end());

        // 1. Signed with a key that is not the VM's.
        protocol::Digest wrongKey{};
        QRandomGenerator::global()->generate(wrongKey.begin(), wrongKey.end());
        send(protocol::encode(a, &wrongKey));
        // 2. Signed with another VM's (178's) real key, claiming to be 177.
        auto secret = ClusterSecret::loadOrCreate(path(u"home/cluster.secret"_s));
        QVERIFY(secret.ok());
        auto keyOf = [&](const QString &ip) {
            protocol::Digest key{};
            const QString hex = guestKeyHex(byIp(before, ip).value(u"folder"_s).toString());
            protocol::fromHex(hex.toStdString(), key.data(), key.size());
            return key;
        };
        const protocol::Digest key178 = keyOf(u"192.168.1.178"_s);
        send(protocol::encode(a, &key178));
        // 3. A replay: 177's real key and current boot, but a sequence already used.
        const protocol::Digest key177 = keyOf(u"192.168.1.177"_s);
        QVERIFY(protocol::fromHex(vm177.value(u"boot_id"_s).toString().toStdString(),
                                  a.bootId.data(), a.bootId.size()));
        a.boots = static_cast<std::uint32_t>(vm177.value(u"boots"_s).toInt());
        a.sequence = 1;
        send(protocol::encode(a, &key177));

        // Heartbeats keep arriving meanwhile; wait until the listener has taken a few
        // more, then check nothing moved.
        const QString lastSeen = vm177.value(u"last_seen"_s).toString();
        QTRY_VERIFY_WITH_TIMEOUT(
            byIp(list(), u"192.168.1.177"_s).value(u"last_seen"_s).toString() != lastSeen, 20000);
        const auto after = list();
        for (int suffix = 177; suffix <= 180; ++suffix) {
            const QString ip = u"192.168.1.%1"_s.arg(suffix);
            QCOMPARE(byIp(after, ip).value(u"state"_s).toString(), u"online"_s);
            QCOMPARE(byIp(after, ip).value(u"boots"_s).toInt(), 2);
            QCOMPARE(byIp(after, ip).value(u"boot_id"_s), byIp(before, ip).value(u"boot_id"_s));
        }

        m_listener.terminate();
        QVERIFY(m_listener.waitForFinished(10000));
        const auto stats = QJsonDocument::fromJson(m_listener.readAllStandardOutput()).object();
        const auto rejected = stats.value(u"rejected"_s).toObject();
        QCOMPARE(rejected.value(u"bad-signature"_s).toInt(), 2);
        QCOMPARE(rejected.value(u"replayed"_s).toInt(), 1);
        QVERIFY(stats.value(u"accepted"_s).toInt() >= 4 * 4);
    }

    void releaseLeavesNothing() {
        const auto r = m_cli->run({u"release"_s, u"177-180"_s}, 180000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(list().size(), 0);
        QCOMPARE(filesUnder(path(u"shard-a"_s)), QStringList());
        QCOMPARE(filesUnder(path(u"shard-b"_s)), QStringList());
        QCOMPARE(ourQemuProcesses(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_end_to_end.moc"
