// Issue "One truth for every VM's state", the case that started it: console A holds the
// listener port while three VMs send heartbeats; console B is opened on the same data
// folder (its listener cannot bind) and closed, twice: once in this process and once as
// a real vmeclone-console process closed by SIGTERM. No VM leaves `online` in A's table, in B's, or
// in `vmeclone list --json`, for several liveness windows. Then a wrong `unreachable` written into
// the rows (what B's close used to write) is corrected by the next heartbeat, and when the
// heartbeats stop every reader agrees the VMs are unreachable.
//
// The guests are played by a QUdpSocket sending signed datagrams to 127.0.0.1; the VMs'
// addresses (198.51.100.x) are data inside them.

#include "common/translations.h"
#include "engine/engine_service.h"
#include "identity/cluster_secret.h"
#include "inventory/inventory.h"
#include "inventory/liveness.h"
#include "listener_thread.h"
#include "main_window.h"
#include "protocol/announcement.h"
#include "table_states.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

const Subnet kSubnet = Subnet::parse(u"198.51.100.0/24"_s).value();
constexpr quint32 kFirst = 177, kCount = 3;

QMap<QString, QString> all(const QString &state) {
    QMap<QString, QString> out;
    for (quint32 s = kFirst; s < kFirst + kCount; ++s)
        out.insert(u"vm%1"_s.arg(s), state);
    return out;
}

} // namespace

class TestTwoConsoles : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir{u"/tmp/vme-two-XXXXXX"_s};
    EngineConfig m_config;
    std::unique_ptr<Inventory> m_inv; // the test's own connection (another process, to SQLite)
    std::optional<ClusterSecret> m_secret;
    QList<VmRecord> m_vms;
    QUdpSocket m_guests;
    QTimer m_heartbeats;
    std::uint64_t m_sequence = 0;

    std::unique_ptr<EngineService> m_serviceA;
    std::unique_ptr<ListenerThread> m_listenerA;
    std::unique_ptr<MainWindow> m_windowA;

    QString home() const { return m_dir.filePath(u"home"_s); }

    // A console's listener on this data folder, as console_main.cpp sets it up.
    AnnouncementListener::Options listenerOptions() const {
        AnnouncementListener::Options o;
        o.address = QHostAddress::LocalHost;
        o.port = m_config.listenerPort;
        o.inventoryPath = m_config.inventoryPath();
        o.secretPath = m_config.secretPath();
        o.unreachableAfterMs = static_cast<int>(unreachableAfterMs(m_config.heartbeatSeconds));
        o.flushIntervalMs = 50;
        return o;
    }

    void sendHeartbeats() {
        ++m_sequence;
        for (const auto &vm : std::as_const(m_vms)) {
            protocol::Announcement a;
            a.state = protocol::AgentState::Online;
            a.ip = vm.address.toUInt();
            a.mac = protocol::macForIpv4(a.ip);
            a.hostname = vm.name.toStdString();
            a.bootId.fill(0xA1);
            a.sequence = m_sequence;
            a.uptimeSeconds = static_cast<std::uint32_t>(m_sequence);
            a.boots = 1;
            a.detail = "eth0 up";
            const protocol::Digest key = m_secret->keyFor(vm.address, vm.instance);
            const auto bytes = protocol::encode(a, &key);
            m_guests.writeDatagram(reinterpret_cast<const char *>(bytes.data()),
                                   qint64(bytes.size()), QHostAddress::LocalHost,
                                   m_config.listenerPort);
        }
    }

    // What `vmeclone list --json` says, by VM name.
    QMap<QString, QString> listed() const {
        QProcess cli;
        cli.start(QStringLiteral(VMECLONE_CLI), {u"--home"_s, home(), u"list"_s, u"--json"_s});
        if (!cli.waitForFinished(30000) || cli.exitCode() != 0)
            return {{u"error"_s, QString::fromUtf8(cli.readAllStandardError())}};
        QMap<QString, QString> out;
        for (const auto &v : QJsonDocument::fromJson(cli.readAllStandardOutput()).array())
            out.insert(v[u"name"_s].toString(), v[u"state"_s].toString());
        return out;
    }

    // For `ms`, every state A's table shows (sampled as events come) stays `online`.
    void everyVmStaysOnlineInA(int ms, const char *when) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            QTest::qWait(100); // the span under watch, sampled while events are processed
            const auto states = tableStates(*m_windowA);
            if (states != all(u"online"_s))
                QFAIL(qPrintable(u"%1: console A shows %2"_s.arg(
                    QString::fromLatin1(when),
                    QStringList(states.begin(), states.end()).join(u", "_s))));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        Translations::install(u"en"_s);
        QVERIFY(m_dir.isValid());
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        m_config.listenerPort = probe.localPort();
        probe.close();
        m_config.home = home();
        m_config.qemu.listenerPort = m_config.listenerPort;
        m_config.heartbeatSeconds = 1; // liveness window: 4 s
        m_config.parallelism = 1;

        m_serviceA = std::make_unique<EngineService>(m_config);
        QVERIFY2(m_serviceA->open().ok(), "console A cannot open the data folder");
        auto inv = Inventory::open(m_config.inventoryPath());
        QVERIFY2(inv, qPrintable(inv.error()));
        m_inv = std::move(*inv);
        auto secret = ClusterSecret::loadOrCreate(m_config.secretPath());
        QVERIFY2(secret, qPrintable(secret.error()));
        m_secret = *secret;

        // Three VMs as a batch leaves them, online; their guests speak from now on.
        GoldenRecord g;
        g.name = u"golden"_s;
        g.backend = u"qemu"_s;
        g.path = m_dir.filePath(u"golden.json"_s);
        g.subnet = kSubnet;
        g.address = *kSubnet.addressOfSuffix(10);
        g.namePrefix = u"vm"_s;
        auto goldenId = m_inv->addGolden(g);
        QVERIFY2(goldenId, qPrintable(goldenId.error()));
        auto shardId = m_inv->addShard(m_dir.filePath(u"shard"_s), 1.0);
        QVERIFY2(shardId, qPrintable(shardId.error()));
        QList<VmRecord> rows;
        for (quint32 s = kFirst; s < kFirst + kCount; ++s) {
            VmRecord vm;
            vm.name = u"vm%1"_s.arg(s);
            vm.address = *kSubnet.addressOfSuffix(s);
            vm.mac = MacAddress::forIpv4(vm.address);
            vm.goldenId = *goldenId;
            vm.shardId = *shardId;
            vm.folder = m_dir.filePath(u"shard/"_s + vm.name);
            vm.cloneMode = u"linked"_s;
            vm.instance = u"instance-%1"_s.arg(s);
            rows.append(vm);
        }
        auto reserved = m_inv->reserve(rows);
        QVERIFY(reserved && reserved->taken.size() == int(kCount));
        m_vms = reserved->taken;
        for (const auto &vm : std::as_const(m_vms))
            QVERIFY(m_inv->setState(vm.id, VmState::Booting));

        m_listenerA = std::make_unique<ListenerThread>(listenerOptions());
        const Status listening = m_listenerA->start();
        QVERIFY2(listening.ok(), qPrintable(listening.error()));

        ConsoleOptions options;
        options.home = home();
        m_windowA = std::make_unique<MainWindow>(m_serviceA.get(), options);
        m_windowA->attachListener(m_listenerA.get());
        m_windowA->show();

        connect(&m_heartbeats, &QTimer::timeout, this, &TestTwoConsoles::sendHeartbeats);
        m_heartbeats.start(400);
        QTRY_COMPARE_WITH_TIMEOUT(tableStates(*m_windowA), all(u"online"_s), 15000);
    }

    void cleanupTestCase() {
        m_heartbeats.stop();
        m_windowA.reset();
        m_listenerA.reset();
        m_serviceA.reset();
    }

    // Console B in this process: its listener cannot bind; it shows the fleet as A does,
    // and closing it changes no row.
    void aSecondConsoleOpenedAndClosedChangesNothing() {
        {
            EngineService serviceB(m_config);
            QVERIFY(serviceB.open().ok());
            ListenerThread listenerB(listenerOptions());
            const Status listening = listenerB.start();
            QVERIFY2(!listening.ok(), "console B bound the port console A holds");
            ConsoleOptions options;
            options.home = home();
            MainWindow windowB(&serviceB, options);
            windowB.attachListener(nullptr, listening.error());
            windowB.show();
            QTRY_COMPARE_WITH_TIMEOUT(tableStates(windowB), all(u"online"_s), 15000);
            everyVmStaysOnlineInA(1500, "while B is open");
            QCOMPARE(tableStates(windowB), all(u"online"_s));
        } // B closes: window, listener thread, engine service
        everyVmStaysOnlineInA(9000, "after B closed (two liveness windows)");
        QCOMPARE(listed(), all(u"online"_s));
    }

    // The same with B a real console process: it opens, shows the fleet, and is closed by
    // SIGTERM (as `kill` or a logout closes it), cleanly, having written nothing.
    void aSecondConsoleProcessChangesNothing() {
        QProcess consoleB;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"VMECLONE_HEARTBEAT"_s, u"1"_s);
        consoleB.setProcessEnvironment(env);
        consoleB.setProcessChannelMode(QProcess::MergedChannels);
        QByteArray output;
        connect(&consoleB, &QProcess::readyRead, this, [&] { output += consoleB.readAll(); });
        consoleB.start(QStringLiteral(VMECLONE_CONSOLE),
                       {u"--home"_s, home(), u"--port"_s, QString::number(m_config.listenerPort),
                        u"--language"_s, u"en"_s});
        QVERIFY(consoleB.waitForStarted());
        // Up once it says where it listens (it cannot: A holds the port) and who it is.
        QElapsedTimer t;
        t.start();
        while (!output.contains("vmeclone console") && t.elapsed() < 30000
               && consoleB.state() == QProcess::Running)
            everyVmStaysOnlineInA(100, "while console B starts");
        QVERIFY2(output.contains("relying on the process that listens"), output.constData());
        everyVmStaysOnlineInA(2000, "while console B runs");
        consoleB.terminate(); // SIGTERM
        t.restart();
        while (consoleB.state() != QProcess::NotRunning && t.elapsed() < 30000)
            everyVmStaysOnlineInA(100, "while console B closes");
        QCOMPARE(consoleB.exitStatus(), QProcess::NormalExit);
        QVERIFY2(consoleB.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("SIGTERM: closing the console"), output.constData());
        everyVmStaysOnlineInA(9000, "after console B closed");
        QCOMPARE(listed(), all(u"online"_s));
    }

    // A wrong `unreachable` in the rows (another process's mistake) is shown as online as
    // soon as a heartbeat is recorded after it, and A's listener writes it right.
    void aHeartbeatCorrectsAWrongUnreachableAtOnce() {
        for (const auto &vm : std::as_const(m_vms))
            QVERIFY(m_inv->setState(vm.id, VmState::Unreachable, u"no heartbeat for 142 s"_s));
        QTRY_COMPARE_WITH_TIMEOUT(listed(), all(u"online"_s), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(tableStates(*m_windowA), all(u"online"_s), 3000);
        for (const auto &vm : std::as_const(m_vms))
            QTRY_COMPARE_WITH_TIMEOUT(vmStateName((*m_inv->vm(vm.id))->state), u"online"_s, 3000);
    }

    // Liveness still works the other way: silent guests are unreachable for every reader.
    void silentVmsAreUnreachableForEveryReader() {
        m_heartbeats.stop();
        QTRY_COMPARE_WITH_TIMEOUT(tableStates(*m_windowA), all(u"unreachable"_s), 10000);
        QCOMPARE(listed(), all(u"unreachable"_s));
    }
};

QTEST_MAIN(TestTwoConsoles)
#include "tst_two_consoles.moc"
