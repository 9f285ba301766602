// The whole loop, for real: the demo golden is cloned three times by the vmeclone
// CLI; each clone boots under QEMU, reads its identity from fw_cfg, configures its
// address, reboots exactly once and announces itself online, signed, to a running
// `vmeclone listen`; forged and replayed announcements sent meanwhile change nothing
// and are counted; every datagram a real guest sent, replayed against a new clone at
// the same address, changes nothing and is counted; release leaves no file, no row
// and no process behind.
//
// Must run in a network namespace of its own (CTest starts it under unshare --net):
// QEMU's user networking would otherwise forward a guest's stray packets off this host.

#include "cli_runner.h"
#include "hypervisor/qmp_client.h"
#include "identity/cluster_secret.h"
#include "identity/mac_address.h"
#include "protocol/announcement.h"
#include "support/own_network.h"
#include "support/recording_relay.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

#include <atomic>
#include <future>
#include <thread>

using namespace Qt::StringLiterals;
using namespace vmeclone;


class TestEndToEnd : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{u"/tmp/vme-e2e-XXXXXX"_s}; // short: QMP socket paths must fit 108 bytes
    std::unique_ptr<CliRunner> m_cli;
    QProcess m_listener;
    QByteArray m_listenerLog; // its stderr, when started with --verbose
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

    // QEMU processes whose command line mentions this test's folder (or `folder`).
    int ourQemuProcesses(const QString &folder = {}) const {
        const QByteArray needle = (folder.isEmpty() ? m_dir.path() : folder).toUtf8();
        int n = 0;
        for (const auto &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
            QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
            if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(needle))
                ++n;
        }
        return n;
    }

    void send(const std::vector<std::uint8_t> &datagram) {
        QUdpSocket socket;
        socket.writeDatagram(reinterpret_cast<const char *>(datagram.data()),
                             static_cast<qint64>(datagram.size()), QHostAddress::LocalHost, m_port);
    }

    // True once the listener (started with --verbose) has judged a datagram from
    // 127.0.0.1:sourcePort and rejected it for `reason`.
    bool listenerRejected(quint16 sourcePort, const char *reason) {
        m_listenerLog += m_listener.readAllStandardError();
        return m_listenerLog.contains(QByteArray("rejected a datagram from 127.0.0.1:"
                                                 + QByteArray::number(sourcePort) + ": " + reason));
    }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
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
            m_cli->run({u"release"_s, u"177-181"_s});
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

    void guestsSayWhatTheInventorySays() {
        // Each guest asked from inside through qemu-guest-agent (list --guest): its host
        // name, the interface with its MAC and its address are the inventory's.
        const QStringList ips{u"192.168.1.177"_s, u"192.168.1.178"_s, u"192.168.1.179"_s};
        auto guests = m_cli->run({u"list"_s, u"177-179"_s, u"--guest"_s, u"--json"_s});
        QCOMPARE(guests.exitCode, 0);
        for (const QString &ip : ips) {
            const auto vm = byIp(guests.json().array(), ip);
            const auto guest = vm.value(u"guest"_s).toObject();
            QVERIFY2(!guest.contains(u"error"_s), qPrintable(guest.value(u"error"_s).toString()));
            QCOMPARE(guest.value(u"hostname"_s).toString(), vm.value(u"name"_s).toString());
            QCOMPARE(guest.value(u"os_id"_s).toString(), u"vmeclone-demo"_s);
            bool found = false;
            for (const auto &n : guest.value(u"interfaces"_s).toArray()) {
                const auto nic = n.toObject();
                if (nic.value(u"mac"_s).toString() != vm.value(u"mac"_s).toString())
                    continue;
                found = true;
                QVERIFY(nic.value(u"ipv4"_s).toArray().contains(ip));
            }
            QVERIFY2(found, qPrintable(ip));
            QCOMPARE(vm.value(u"guest_disagrees"_s).toArray(), QJsonArray());
        }
        // A guest whose name was changed inside (through the agent's own guest-exec) is
        // marked: the table names the field, the JSON says both sides.
        const QString folder =
            byIp(guests.json().array(), ips.last()).value(u"folder"_s).toString();
        auto rename = [&](const QString &name) {
            QmpClient agent;
            auto c = agent.connectToGuestAgent(folder + u"/qga.sock"_s);
            QVERIFY2(c, qPrintable(c.error()));
            auto pid = agent.execute(u"guest-exec"_s, QJsonObject{{u"path"_s, u"/bin/hostname"_s},
                                                                  {u"arg"_s, QJsonArray{name}}});
            QVERIFY2(pid, qPrintable(pid.error()));
            // Done when the guest says so. guest-exec-status is not waited on: in the demo
            // guest it answered "Invalid parameter 'pid'" or "exited": false for good.
            QString said;
            auto renamed = [&] {
                auto host = agent.execute(u"guest-get-host-name"_s);
                said = host ? host->value(u"host-name"_s).toString() : host.error();
                return said == name;
            };
            QTRY_VERIFY2(renamed(), qPrintable(said));
        };
        rename(u"renamed-inside"_s);
        const auto table = m_cli->run({u"list"_s, u"177-179"_s, u"--guest"_s});
        QVERIFY2(table.out.contains("differs: hostname"), table.out.constData());
        QCOMPARE(table.out.count("agrees"), 2);
        const auto marked =
            byIp(m_cli->run({u"list"_s, u"179"_s, u"--guest"_s, u"--json"_s}).json().array(),
                 ips.last());
        QCOMPARE(marked.value(u"guest_disagrees"_s).toArray().first().toString(),
                 u"hostname: the guest says renamed-inside, the inventory %1"_s.arg(
                     marked.value(u"name"_s).toString()));
        rename(marked.value(u"name"_s).toString());
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

    void replayOfARealGuestAgainstANewCloneChangesNothing() {
        const QString ip = u"192.168.1.181"_s;
        const quint32 address = Ipv4Address::parse(ip)->toUInt();

        // The console's listener again, on the console's port (the case before stopped
        // it to read its counts), now --verbose: it logs each rejection with its source,
        // which tells this case when a datagram has been judged.
        if (m_listener.state() != QProcess::NotRunning) {
            m_listener.terminate();
            QVERIFY(m_listener.waitForFinished(10000));
        }
        m_listener.readAllStandardOutput();
        m_listener.readAllStandardError();
        m_listenerLog.clear();
        m_listener.start(m_cli->program(), {u"listen"_s, u"--json"_s, u"--verbose"_s});
        QVERIFY(m_listener.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT((m_listenerLog += m_listener.readAllStandardError())
                                         .contains("listening for announcements on")
                                     || m_listener.state() != QProcess::Running,
                                 10000);
        QCOMPARE(m_listener.state(), QProcess::Running);

        // 181's guest is told the relay's port; the relay hands every datagram on to the
        // listener. No --wait-online: the clone listens nowhere itself (and could not
        // take the relay's unshared port); the listener follows the inventory.
        RecordingRelay relay(m_port);
        QVERIFY(relay.start());
        QVERIFY(relay.port() != m_port);
        const CliRunner relayCli(m_cli->program(), m_cli->home(), relay.port());
        auto r = relayCli.run({u"clone"_s, u"181"_s}, 180000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY_WITH_TIMEOUT(allOnline({ip}), 400000);
        const auto old = byIp(list(), ip);
        const QString oldFolder = old.value(u"folder"_s).toString();
        QCOMPARE(old.value(u"boots"_s).toInt(), 2);
        {
            QFile identity(oldFolder + u"/identity.conf"_s);
            QVERIFY(identity.open(QIODevice::ReadOnly));
            QVERIFY(identity.readAll().contains(
                QByteArray("\nport=" + QByteArray::number(relay.port()) + "\n")));
        }
        const QString oldKeyHex = guestKeyHex(oldFolder);
        protocol::Digest oldKey{};
        QVERIFY(protocol::fromHex(oldKeyHex.toStdString(), oldKey.data(), oldKey.size()));

        // A few heartbeats more, recorded and passed on.
        const auto decoded = [](const RecordingRelay::Datagram &d) {
            return protocol::decode(reinterpret_cast<const std::uint8_t *>(d.data.constData()),
                                    static_cast<std::size_t>(d.data.size()));
        };
        const auto onlineRecorded = [&] {
            const auto all = relay.recorded();
            return std::count_if(all.begin(), all.end(), [&](const auto &d) {
                return decoded(d).announcement.state == protocol::AgentState::Online;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(onlineRecorded() >= 4, 60000);

        // Released: the guest is gone with its QEMU; the relay passes on what it still
        // holds, then a fence, judged by the listener after all of them.
        r = m_cli->run({u"release"_s, u"181"_s}, 180000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(byIp(list(), ip).isEmpty());
        QCOMPARE(ourQemuProcesses(oldFolder), 0);
        relay.stop();
        QCOMPARE(relay.notForwarded(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(listenerRejected(relay.port(), "not-vmeclone"), 20000);

        // What was recorded is the real guest's: 181's address and MAC, signed with the
        // key its instance held, over both its boots.
        const auto recorded = relay.recorded();
        QVERIFY(!recorded.isEmpty());
        QVERIFY2(recorded.size() < 200, "over one source's burst: the rate limit would judge some");
        QMap<QString, int> states;
        QSet<QString> sources, boots;
        for (const auto &d : recorded) {
            QCOMPARE(d.from, QHostAddress(QHostAddress::LocalHost));
            const auto dec = decoded(d);
            QCOMPARE(dec.error, protocol::DecodeError::None);
            QVERIFY(dec.isSigned);
            QVERIFY(protocol::verify(reinterpret_cast<const std::uint8_t *>(d.data.constData()),
                                     dec, oldKey));
            QCOMPARE(dec.announcement.ip, address);
            QCOMPARE(MacAddress(dec.announcement.mac).toString(), old.value(u"mac"_s).toString());
            ++states[QString::fromLatin1(protocol::agentStateName(dec.announcement.state))];
            sources.insert(u"%1:%2"_s.arg(d.from.toString()).arg(d.fromPort));
            boots.insert(QString::fromStdString(
                protocol::toHex(dec.announcement.bootId.data(), dec.announcement.bootId.size())));
        }
        QVERIFY2(boots.size() >= 2, "the guest rebooted once: two boots were expected");

        // A new clone at the same address: new instance, same IP and MAC, not started.
        r = m_cli->run({u"clone"_s, u"181"_s, u"--no-start"_s}, 180000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto before = byIp(list(), ip);
        QCOMPARE(before.value(u"state"_s).toString(), u"configured"_s);
        QCOMPARE(before.value(u"mac"_s), old.value(u"mac"_s));
        QCOMPARE(before.value(u"boot_id"_s).toString(), QString());
        QCOMPARE(before.value(u"last_seen"_s).toString(), QString());
        QCOMPARE(before.value(u"boots"_s).toInt(), 0);
        const QString newKeyHex = guestKeyHex(before.value(u"folder"_s).toString());
        QVERIFY(!newKeyHex.isEmpty());
        QVERIFY(newKeyHex != oldKeyHex);

        // Every recorded datagram again, in order, from one socket, then the fence.
        QUdpSocket replayer;
        QVERIFY(replayer.bind(QHostAddress::LocalHost, 0));
        for (const auto &d : recorded)
            QCOMPARE(replayer.writeDatagram(d.data, QHostAddress::LocalHost, m_port),
                     d.data.size());
        QCOMPARE(replayer.writeDatagram(kFence, QHostAddress::LocalHost, m_port), kFence.size());
        QTRY_VERIFY_WITH_TIMEOUT(listenerRejected(replayer.localPort(), "not-vmeclone"), 20000);
        const QByteArray fromReplayer =
            "rejected a datagram from 127.0.0.1:" + QByteArray::number(replayer.localPort()) + ": ";
        const qsizetype replaysRejected = m_listenerLog.count(fromReplayer) - 1;
        const qsizetype replaysBadSignature =
            m_listenerLog.count(QByteArray(fromReplayer + "bad-signature"));

        // Stopped so its counts are printed (and anything it took is written first).
        m_listener.terminate();
        QVERIFY(m_listener.waitForFinished(10000));
        const QByteArray statsJson = m_listener.readAllStandardOutput();
        const auto stats = QJsonDocument::fromJson(statsJson).object();
        const auto rejected = stats.value(u"rejected"_s).toObject();
        qInfo().noquote() << u"recorded %1 datagrams of %2 (from %3; %4 boots; %5), replayed %1; "
                             "listener: %6"_s.arg(recorded.size())
                                 .arg(ip, QStringList(sources.values()).join(u", "_s))
                                 .arg(boots.size())
                                 .arg([&] {
                                     QStringList s;
                                     for (auto it = states.cbegin(); it != states.cend(); ++it)
                                         s << u"%1 %2"_s.arg(it.value()).arg(it.key());
                                     return s.join(u", "_s);
                                 }())
                                 .arg(QString::fromUtf8(
                                     QJsonDocument(stats).toJson(QJsonDocument::Compact)));
        m_listenerLog += m_listener.readAllStandardError();
        const QByteArray why = "listener's log:\n" + m_listenerLog;

        const auto after = byIp(list(), ip);
        QVERIFY2(after == before,
                 qPrintable(u"the new clone's row moved: %1 -> %2"_s.arg(
                     QString::fromUtf8(QJsonDocument(before).toJson(QJsonDocument::Compact)),
                     QString::fromUtf8(QJsonDocument(after).toJson(QJsonDocument::Compact)))));
        QCOMPARE(after.value(u"state"_s).toString(), u"configured"_s);
        // Each replayed datagram was rejected (none taken), for the new instance's key.
        QVERIFY2(replaysRejected == recorded.size(), why.constData());
        QVERIFY2(replaysBadSignature == recorded.size(), why.constData());
        // The counts: the replays are all the bad signatures (the live datagrams had
        // none); the two fences are all the not-vmeclone; nothing counted replayed.
        QVERIFY2(rejected.value(u"bad-signature"_s).toInt() == recorded.size(), why.constData());
        QVERIFY2(rejected.value(u"not-vmeclone"_s).toInt() == 2, why.constData());
        QVERIFY2(rejected.value(u"replayed"_s).toInt() == 0, why.constData());
        // Every datagram was received: the live ones, their replays, the fences (and the
        // heartbeats of 177-180 meanwhile).
        QVERIFY(stats.value(u"received"_s).toInt() >= 2 * recorded.size() + 2);
        QVERIFY(stats.value(u"accepted"_s).toInt() >= states.value(u"online"_s));

        r = m_cli->run({u"release"_s, u"181"_s}, 180000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(byIp(list(), ip).isEmpty());
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
