// Instant clones end to end through the real vmeclone CLI (issue 15), on the demo golden:
// `golden template` makes its template; `clone 177-180 --instant --wait-online` resumes
// four clones from it, all online, every announcement signed with its clone's key; among
// the four (and against the template) every MAC, address, hostname, machine-id and boot
// id differs (the machine-id and the boot id are 2 × 16 bytes the agent reads from
// /dev/urandom after the resume); the template's files are byte for byte unchanged after
// the clones ran and were released; release leaves no file, row or QEMU, the template
// stays. Then a CLI killed (VMECLONE_CRASH_AT) while an instant clone's QEMU waits for
// the template's state, or right after it resumed, is recovered as a resumed clone
// ("marked resuming"), which goes online without a boot.
//
// Must run in a network namespace of its own (CTest starts it under unshare --net).

#include "cli_runner.h"
#include "hypervisor/qemu_backend.h"
#include "identity/mac_address.h"
#include "protocol/announcement.h"
#include "support/ci_skip.h"
#include "support/instant_template.h"
#include "support/own_network.h"
#include "support/recording_relay.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestInstantCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir{u"/tmp/vme-inst-XXXXXX"_s}; // short: QMP socket paths fit 108 bytes
    std::unique_ptr<CliRunner> m_cli;               // the listener's port
    std::unique_ptr<RecordingRelay> m_relay;
    std::unique_ptr<CliRunner> m_relayCli; // guests are told the relay's port
    QProcess m_listener;
    QString m_template;
    QMap<QString, QByteArray> m_hashes; // the template's files as made

    QString path(const QString &rel) const { return m_dir.filePath(rel); }
    QJsonArray list() const { return m_cli->run({u"list"_s, u"--json"_s}).json().array(); }
    static QJsonObject byIp(const QJsonArray &vms, const QString &ip) {
        for (const auto &v : vms)
            if (v.toObject().value(u"ip"_s).toString() == ip)
                return v.toObject();
        return {};
    }
    QString stateOf(const QString &ip) const {
        return byIp(list(), ip).value(u"state"_s).toString();
    }
    static QByteArray console(const QString &folder) {
        QFile serial(QemuBackend::serialLog(folder));
        return serial.open(QIODevice::ReadOnly) ? serial.readAll() : QByteArray();
    }
    static QString machineId(const QByteArray &console) {
        return QRegularExpression(u"machine-id ([0-9a-f]{32})"_s)
            .match(QString::fromLatin1(console))
            .captured(1);
    }
    // QEMU processes whose command line mentions `needle`.
    static int qemuProcesses(const QString &needle) {
        int n = 0;
        for (const auto &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
            QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
            if (cmdline.open(QIODevice::ReadOnly)) {
                const QByteArray line = cmdline.readAll();
                if (line.startsWith("qemu-system") && line.contains(needle.toUtf8()))
                    ++n;
            }
        }
        return n;
    }
    void crashAt(const QString &point, const QStringList &args) {
        QProcess p;
        auto env = m_relayCli->environment();
        env.insert(u"VMECLONE_CRASH_AT"_s, point);
        p.setProcessEnvironment(env);
        p.start(m_relayCli->program(), args);
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitStatus() == QProcess::CrashExit,
                 qPrintable(u"did not die at %1: %2"_s.arg(
                     point, QString::fromUtf8(p.readAllStandardError()))));
    }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
        if (QStandardPaths::findExecutable(u"qemu-system-x86_64"_s).isEmpty())
            VMECLONE_SKIP_UNLESS_CI(
                "qemu-system-x86_64 is missing: apt-get install qemu-system-x86");
        QVERIFY2(QFileInfo::exists(QStringLiteral(VMECLONE_DEMO_GOLDEN)),
                 "the demo golden is missing: cmake --build build --target demo-golden");
        QVERIFY(m_dir.isValid());
        for (const auto &d : {u"home"_s, u"shard"_s})
            QVERIFY(QDir().mkpath(path(d)));
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        const quint16 port = probe.localPort();
        probe.close();
        m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s), port);
        // A listener process, as an operator's console would be; the relay stands where
        // the guests are told to announce and hands everything on to it.
        QByteArray said;
        QVERIFY2(m_cli->startListener(m_listener, {u"--json"_s}, &said), said.constData());
        m_relay = std::make_unique<RecordingRelay>(port);
        QVERIFY(m_relay->start());
        m_relayCli = std::make_unique<CliRunner>(m_cli->program(), m_cli->home(), m_relay->port());

        auto r = m_cli->run({u"golden"_s, u"add"_s, QStringLiteral(VMECLONE_DEMO_GOLDEN),
                             u"--suffix"_s, u"176"_s, u"--subnet"_s, u"192.168.1.0/24"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(m_cli->run({u"shard"_s, u"add"_s, path(u"shard"_s)}).exitCode, 0);
        m_template = path(u"home/templates/vmeclone-demo"_s);
    }

    void cleanupTestCase() {
        if (m_cli)
            m_cli->run({u"release"_s, u"177-182"_s});
        if (m_listener.state() == QProcess::Running) {
            m_listener.terminate();
            m_listener.waitForFinished(10000);
        }
    }

    void goldenTemplate() {
        QElapsedTimer clock;
        clock.start();
        auto r = m_cli->run({u"golden"_s, u"template"_s, u"vmeclone-demo"_s}, 300000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("template of vmeclone-demo made in"), r.out.constData());
        qInfo("golden template: %lld ms", static_cast<long long>(clock.elapsed()));
        QVERIFY(QFileInfo::exists(m_template + u"/made.json"_s));
        m_hashes = instant_test::templateHashes(m_template);
        for (const QByteArray &h : std::as_const(m_hashes))
            QVERIFY(!h.isEmpty());
        r = m_cli->run({u"golden"_s, u"template"_s, u"vmeclone-demo"_s});
        QVERIFY2(r.exitCode == 0 && r.out.contains("is up to date"), r.out.constData());
        QCOMPARE(instant_test::templateHashes(m_template), m_hashes);
        QVERIFY(m_relay->recorded().isEmpty()); // the template announces nothing
    }

    void fourInstantClonesOnline() {
        const qint64 click = m_relay->now();
        auto r = m_relayCli->run(
            {u"clone"_s, u"177-180"_s, u"--instant"_s, u"--wait-online"_s, u"240"_s}, 300000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        qInfo("clone 177-180 --instant --wait-online: %lld ms to all online",
              static_cast<long long>(m_relay->now() - click));
        const QJsonArray vms = list();
        QCOMPARE(vms.size(), 4);

        // Every datagram a clone sent is signed with its own key; the first online of each.
        QMap<quint32, protocol::Digest> keys;
        for (const auto &v : vms) {
            const auto vm = v.toObject();
            QCOMPARE(vm.value(u"state"_s).toString(), u"online"_s);
            QCOMPARE(vm.value(u"clone_mode"_s).toString(), u"instant"_s);
            QCOMPARE(vm.value(u"boots"_s).toInt(), 1);
            protocol::Digest key{};
            const std::string hex = guestKeyHex(vm.value(u"folder"_s).toString()).toStdString();
            QVERIFY(protocol::fromHex(hex, key.data(), key.size()));
            keys.insert(Ipv4Address::parse(vm.value(u"ip"_s).toString())->toUInt(), key);
        }
        QMap<quint32, protocol::Announcement> online;
        QMap<quint32, qint64> onlineAt;
        int signedCount = 0;
        for (const auto &d : m_relay->recorded()) {
            const auto *bytes = reinterpret_cast<const std::uint8_t *>(d.data.data());
            const auto decoded = protocol::decode(bytes, static_cast<std::size_t>(d.data.size()));
            QCOMPARE(decoded.error, protocol::DecodeError::None);
            QVERIFY(keys.contains(decoded.announcement.ip));
            QVERIFY2(protocol::verify(bytes, decoded, keys.value(decoded.announcement.ip)),
                     "an announcement not signed with its clone's key");
            ++signedCount;
            if (decoded.announcement.state == protocol::AgentState::Online
                && !online.contains(decoded.announcement.ip)) {
                online.insert(decoded.announcement.ip, decoded.announcement);
                onlineAt.insert(decoded.announcement.ip, d.atMs);
            }
        }
        QCOMPARE(online.size(), 4);
        qInfo("%d datagrams, every one signed with its clone's key", signedCount);

        // The template's own identity: its MAC and address are the golden's, its
        // hostname the golden disk's; it never announced and wrote no machine-id.
        const Ipv4Address goldenIp = *Ipv4Address::parse(u"192.168.1.176"_s);
        QSet<QString> macs{MacAddress::forIpv4(goldenIp).toString()};
        QSet<quint32> addresses{goldenIp.toUInt()};
        QSet<QString> hostnames{u"vm176"_s};
        QSet<QString> machineIds, bootIds;
        const QByteArray templateConsole = console(m_template);
        QVERIFY2(templateConsole.contains("template: stopped before any identity"),
                 templateConsole.constData());
        QVERIFY(machineId(templateConsole).isEmpty());
        for (const auto &v : vms) {
            const auto vm = v.toObject();
            const QString ip = vm.value(u"ip"_s).toString();
            const quint32 address = Ipv4Address::parse(ip)->toUInt();
            const protocol::Announcement a = online.value(address);
            const QString mac = QString::fromStdString(protocol::formatMac(a.mac));
            const QString hostname = QString::fromStdString(a.hostname);
            QCOMPARE(mac, vm.value(u"mac"_s).toString());
            QCOMPARE(hostname, vm.value(u"name"_s).toString());
            const QString bootId =
                QString::fromStdString(protocol::toHex(a.bootId.data(), a.bootId.size()));
            QCOMPARE(vm.value(u"boot_id"_s).toString(), bootId);
            QVERIFY2(vm.value(u"reason"_s).toString().contains(ip + u"/24"_s),
                     qPrintable(vm.value(u"reason"_s).toString()));
            const QByteArray log = console(vm.value(u"folder"_s).toString());
            QVERIFY2(log.contains("resumed as a clone"), log.constData());
            QVERIFY2(!log.contains("rebooting"), log.constData());
            // Its console starts at the resume: one identity read, no boot before it.
            QCOMPARE(log.count("identity from fw_cfg"), 1);
            const QString id = machineId(log);
            QVERIFY2(!id.isEmpty(), log.constData());
            QVERIFY2(!macs.contains(mac), qPrintable(mac));
            QVERIFY2(!addresses.contains(address), qPrintable(ip));
            QVERIFY2(!hostnames.contains(hostname), qPrintable(hostname));
            QVERIFY2(!machineIds.contains(id), qPrintable(id));
            QVERIFY2(!bootIds.contains(bootId), qPrintable(bootId));
            macs.insert(mac);
            addresses.insert(address);
            hostnames.insert(hostname);
            machineIds.insert(id);
            bootIds.insert(bootId);
            qInfo("%s: click -> online %lld ms; machine-id %s; boot id %s; PSS %lld KiB "
                  "(guest RAM 131072 KiB)",
                  qPrintable(hostname), static_cast<long long>(onlineAt.value(address) - click),
                  qPrintable(id), qPrintable(bootId),
                  static_cast<long long>(instant_test::pssKib(vm.value(u"pid"_s).toInteger())));
        }
        QCOMPARE(machineIds.size(), 4);
        QCOMPARE(bootIds.size(), 4);
    }

    void releaseLeavesTheTemplateAsMade() {
        auto r = m_cli->run({u"release"_s, u"177-180"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(list().size(), 0);
        QCOMPARE(QDir(path(u"shard"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 0);
        QCOMPARE(qemuProcesses(path(u"shard"_s)), 0);
        QVERIFY(QFileInfo::exists(m_template + u"/made.json"_s));
        QCOMPARE(instant_test::templateHashes(m_template), m_hashes);
    }

    // Killed while the clone's QEMU waits for the template's state (resuming) or right
    // after it resumed (started): the next command settles it as resuming, and it goes
    // online without booting.
    void killedWhileStartingIsRecoveredAsResuming_data() {
        QTest::addColumn<QString>("point");
        QTest::addColumn<QString>("ip");
        QTest::newRow("QEMU waits for the state") << u"resuming"_s << u"192.168.1.181"_s;
        QTest::newRow("resumed, not recorded") << u"started"_s << u"192.168.1.182"_s;
    }

    void killedWhileStartingIsRecoveredAsResuming() {
        QFETCH(QString, point);
        QFETCH(QString, ip);
        // The listener is held (SIGSTOP) until recovery has spoken: a clone that resumed
        // before the kill would otherwise be moved online from "starting" by it first.
        // What the guest announces meanwhile waits in its socket.
        QCOMPARE(::kill(static_cast<pid_t>(m_listener.processId()), SIGSTOP), 0);
        auto resume =
            qScopeGuard([&] { ::kill(static_cast<pid_t>(m_listener.processId()), SIGCONT); });
        crashAt(point, {u"clone"_s, ip, u"--instant"_s});
        const auto look = m_cli->run({u"list"_s});
        QVERIFY2(look.err.contains(u"needs recovery"_s), qPrintable(look.err));
        QCOMPARE(stateOf(ip), u"starting"_s);
        const auto settled = m_cli->run({u"recover"_s});
        QCOMPARE(settled.exitCode, 0);
        QVERIFY2(settled.err.contains(u"marked resuming"_s), qPrintable(settled.err));
        QVERIFY2(settled.err.contains(u"it resumed from its template"_s), qPrintable(settled.err));
        QCOMPARE(stateOf(ip), u"resuming"_s);
        resume.dismiss();
        QCOMPARE(::kill(static_cast<pid_t>(m_listener.processId()), SIGCONT), 0);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(ip), u"online"_s, 180000);
        const auto vm = byIp(list(), ip);
        QCOMPARE(vm.value(u"boots"_s).toInt(), 1);
        const QByteArray log = console(vm.value(u"folder"_s).toString());
        QVERIFY2(log.contains("resumed as a clone"), log.constData());
        QVERIFY2(!log.contains("rebooting"), log.constData());
        QVERIFY(!m_cli->run({u"recover"_s}).err.contains(u"recovered"_s));
        auto r = m_cli->run({u"release"_s, ip});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(list().size(), 0);
        QCOMPARE(instant_test::templateHashes(m_template), m_hashes);
    }
};

QTEST_GUILESS_MAIN(TestInstantCli)
#include "tst_instant_cli.moc"
