// The built agent on fixture guest trees (--root): the files it writes, compared whole
// with expected trees; the datagrams it sends, decoded and verified with core's decoder;
// the commands it would run; idempotence; --check; heartbeat, SIGTERM and daemonising.

#include "agent_process.h"
#include "fixture_tree.h"
#include "protocol/announcement.h"

#include <QScopeGuard>
#include <QTest>

#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace vmeclone;
using namespace vmeclone::protocol;
using namespace vmeclone::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kStatePath = "var/lib/vmeclone/state";
constexpr const char *kCommandsPath = "var/log/vmeclone-agent.commands";
constexpr const char *kPidPath = "var/run/vmeclone-agent.pid";
constexpr const char *kFwCfgPath = "sys/firmware/qemu_fw_cfg/by_name/opt/vmeclone/identity/raw";

// Every fixture's key is derived from this cluster secret (00 01 .. 1f).
Digest keyFor(const QByteArray &ip) {
    std::uint8_t secret[32];
    for (std::size_t i = 0; i < sizeof secret; ++i)
        secret[i] = std::uint8_t(i);
    return vmKey(secret, sizeof secret, *parseIpv4(ip.toStdString()));
}

struct Received {
    Decoded decoded;
    bool verified = false;
};

QList<Received> decodeAll(const QList<QByteArray> &datagrams, const std::optional<Digest> &key) {
    QList<Received> out;
    for (const QByteArray &d : datagrams) {
        Received r;
        const auto *bytes = reinterpret_cast<const std::uint8_t *>(d.constData());
        r.decoded = decode(bytes, std::size_t(d.size()));
        r.verified = key && verify(bytes, r.decoded, *key);
        out.append(r);
    }
    return out;
}

// "booting, booting, configuring, ..." for messages.
QString statesOf(const QList<Received> &received) {
    QStringList names;
    for (const Received &r : received)
        names << QString::fromLatin1(agentStateName(r.decoded.announcement.state));
    return names.join(u", "_s);
}

QString describeDifference(const QMap<QString, QByteArray> &got,
                           const QMap<QString, QByteArray> &want) {
    QStringList lines;
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        if (!got.contains(it.key()))
            lines << u"missing: "_s + it.key();
        else if (got.value(it.key()) != it.value())
            lines << u"differs: "_s + it.key() + u"\n--- got:\n"_s
                         + QString::fromUtf8(got.value(it.key())) + u"--- want:\n"_s
                         + QString::fromUtf8(it.value());
    }
    for (auto it = got.cbegin(); it != got.cend(); ++it) {
        if (!want.contains(it.key()))
            lines << u"unexpected: "_s + it.key();
    }
    return lines.join(u'\n');
}

struct FileId {
    dev_t device = 0;
    ino_t inode = 0;
    qint64 mtimeNs = 0;
    bool operator==(const FileId &o) const {
        return device == o.device && inode == o.inode && mtimeNs == o.mtimeNs;
    }
};

// Identity of each file on disk: a file rewritten (even with the same bytes, by rename)
// gets a new inode.
QMap<QString, FileId> fileIds(const FixtureTree &tree) {
    QMap<QString, FileId> ids;
    const auto files = tree.snapshot();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        struct stat st {};
        if (::stat(QFile::encodeName(tree.path(it.key())).constData(), &st) == 0)
            ids.insert(it.key(), {st.st_dev, st.st_ino,
                                  qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec});
    }
    return ids;
}

QStringList rootArgs(const FixtureTree &tree, const QStringList &more = {}) {
    return QStringList{u"--root"_s, tree.root()} + more;
}

} // namespace

class TestAgentFixtures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstAndSecondRun_data();
    void firstAndSecondRun();
    void newInstanceWithSameSettingsRewritesNothing();
    void check_data();
    void check();
    void checkWithoutIdentity();
    void heartbeatUntilSigterm();
    void daemonisesAfterOnline();
    void stopDuringStartIsHonoured();
    void refusesBroadcastConsole();
    void badArguments_data();
    void badArguments();
    void version();
};

void TestAgentFixtures::initTestCase() {
    QVERIFY2(QFileInfo(AgentProcess::binary()).isExecutable(), VMECLONE_AGENT_BINARY);
}

void TestAgentFixtures::firstAndSecondRun_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QByteArray>("ip");
    QTest::addColumn<QByteArray>("mac");
    QTest::addColumn<QByteArray>("hostname");
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<quint32>("uptime");

    QTest::newRow("busybox, identity from fw_cfg")
        << u"busybox_fw_cfg"_s << QByteArray("192.168.1.177") << QByteArray("00:50:56:28:01:b1")
        << QByteArray("vm177") << true << 4u;
    QTest::newRow("debian ifupdown, identity from the kernel command line")
        << u"debian_cmdline"_s << QByteArray("192.168.1.180") << QByteArray("00:50:56:28:01:b4")
        << QByteArray("vm180") << true << 17u;
    QTest::newRow("busybox, address from the MAC only")
        << u"busybox_mac"_s << QByteArray("192.168.1.200") << QByteArray("00:50:56:28:01:c8")
        << QByteArray("vm200") << false << 3u;
}

void TestAgentFixtures::firstAndSecondRun() {
    QFETCH(QString, fixture);
    QFETCH(QByteArray, ip);
    QFETCH(QByteArray, mac);
    QFETCH(QByteArray, hostname);
    QFETCH(bool, isSigned);
    QFETCH(quint32, uptime);

    DatagramSink sink;
    QVERIFY(sink.isBound());
    FixtureTree tree;
    QVERIFY(tree.create(fixture, sink.port()));
    const std::optional<Digest> key = isSigned ? std::optional<Digest>(keyFor(ip)) : std::nullopt;

    const QList<QList<AgentState>> expectedStates = {
        {AgentState::Booting, AgentState::Configuring, AgentState::Rebooting},
        {AgentState::Booting, AgentState::Online}};
    const QStringList stages = {u"first-run"_s, u"second-run"_s};
    QMap<QString, FileId> idsAfterFirst;
    BootId firstBootId{};

    for (int run = 0; run < 2; ++run) {
        const AgentRun result = AgentProcess::run(rootArgs(tree, {u"--foreground"_s, u"--once"_s}));
        QVERIFY2(result.finished, "the agent did not exit");
        QVERIFY2(result.exitStatus == QProcess::NormalExit && result.exitCode == 0,
                 result.standardError.constData());

        // Files: the whole tree, against the expected tree of this stage.
        const auto got = tree.snapshot();
        const auto want = FixtureTree::snapshot(
            FixtureTree::expectedDir(fixture) + u'/' + stages[run], sink.port());
        QVERIFY2(!want.isEmpty(), "no expected tree");
        QVERIFY2(got == want, qPrintable(stages[run] + u":\n"_s + describeDifference(got, want)));
        QVERIFY2(!QFile::exists(tree.path(QString::fromLatin1(kPidPath))),
                 "the pid file outlived the agent");

        // Datagrams: each state change twice, sequence 1..n, one boot id, verified.
        QList<QByteArray> datagrams = sink.take();
        const QList<Received> received = decodeAll(datagrams, key);
        const QList<AgentState> &states = expectedStates[run];
        QCOMPARE(received.size(), states.size() * 2);
        for (int i = 0; i < received.size(); ++i) {
            const Received &r = received[i];
            const Announcement &a = r.decoded.announcement;
            QCOMPARE(decodeErrorName(r.decoded.error), "none");
            QVERIFY2(a.state == states[i / 2], qPrintable(statesOf(received)));
            QCOMPARE(a.sequence, std::uint64_t(i + 1));
            QCOMPARE(a.boots, std::uint32_t(run + 1));
            QCOMPARE(QByteArray::fromStdString(formatIpv4(a.ip)), ip);
            QCOMPARE(QByteArray::fromStdString(formatMac(a.mac)), mac);
            QCOMPARE(QByteArray::fromStdString(a.hostname), hostname);
            QCOMPARE(a.uptimeSeconds, uptime);
            QCOMPARE(r.decoded.isSigned, isSigned);
            QCOMPARE(r.verified, isSigned);
            QCOMPARE(a.bootId, received.first().decoded.announcement.bootId);
        }
        if (run == 0) {
            firstBootId = received.first().decoded.announcement.bootId;
            idsAfterFirst = fileIds(tree);
        } else {
            QVERIFY2(received.first().decoded.announcement.bootId != firstBootId,
                     "a new start must have a new boot id");
            // Idempotent: the second run rewrote nothing but its own state and log.
            const auto idsAfterSecond = fileIds(tree);
            for (auto it = idsAfterFirst.cbegin(); it != idsAfterFirst.cend(); ++it) {
                if (it.key() == QLatin1String(kStatePath)
                    || it.key() == QLatin1String(kCommandsPath))
                    continue;
                QVERIFY2(idsAfterSecond.value(it.key()) == it.value(),
                         qPrintable(u"rewritten on the second run: "_s + it.key()));
            }
        }
    }
}

void TestAgentFixtures::newInstanceWithSameSettingsRewritesNothing() {
    // A clone handed a new instance with the same address configures again, but the
    // writers find their files already right and leave them alone.
    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"debian_cmdline"_s, sink.port()));
    const QStringList args = rootArgs(tree, {u"--foreground"_s, u"--once"_s});
    QCOMPARE(AgentProcess::run(args).exitCode, 0);
    const auto idsBefore = fileIds(tree);

    QByteArray cmdline = tree.read(u"proc/cmdline"_s);
    cmdline.replace("clone-180-0c1d", "clone-180-second");
    QVERIFY(tree.write(u"proc/cmdline"_s, cmdline));
    (void)sink.take();
    const AgentRun result = AgentProcess::run(args);
    QCOMPARE(result.exitCode, 0);

    for (const char *file : {"etc/network/interfaces", "etc/hostname", "etc/vmeclone/network.conf"})
        QVERIFY2(fileIds(tree).value(QString::fromLatin1(file))
                     == idsBefore.value(QString::fromLatin1(file)),
                 file);
    QCOMPARE(tree.read(QString::fromLatin1(kStatePath)),
             QByteArray("instance=clone-180-second\nboots=1\napplied=clone-180-second\n"));
    const QList<Received> received = decodeAll(sink.take(), keyFor("192.168.1.180"));
    QCOMPARE(received.size(), 6);
    QCOMPARE(int(received[2].decoded.announcement.state), int(AgentState::Configuring));
    QCOMPARE(received[0].decoded.announcement.boots, 1u);
}

void TestAgentFixtures::check_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QByteArray>("replaceFwCfg"); // empty: leave the fixture as it is
    QTest::addColumn<QStringList>("expectedLines");

    QTest::newRow("fw_cfg") << u"busybox_fw_cfg"_s << QByteArray()
                            << QStringList{u"identity from fw_cfg: 192.168.1.177/24 host vm177"_s,
                                           u"console   127.0.0.1:@PORT@, signed"_s,
                                           u"would: apply the network live, write the "
                                           "configuration (hostname, plain-ip), then reboot"_s};
    QTest::newRow("cmdline") << u"debian_cmdline"_s << QByteArray()
                             << QStringList{u"identity from cmdline: 192.168.1.180/24 host vm180"_s,
                                            u"(hostname, ifupdown, plain-ip)"_s};
    QTest::newRow("mac") << u"busybox_mac"_s << QByteArray()
                         << QStringList{u"cmdline: no vmeclone.* words in /proc/cmdline"_s,
                                        u"identity from mac: 192.168.1.200/24 host vm200"_s,
                                        u"unsigned (no key)"_s};
    QTest::newRow("fw_cfg wins over the kernel command line")
        << u"debian_cmdline"_s << QByteArray("ip=192.168.1.190\nprefix=24\n")
        << QStringList{u"identity from fw_cfg: 192.168.1.190/24 host vm190"_s};
    QTest::newRow("an invalid fw_cfg identity is named, the next channel used")
        << u"debian_cmdline"_s << QByteArray("ip=192.168.1.999\n")
        << QStringList{u"fw_cfg:  invalid identity in /sys/firmware/qemu_fw_cfg/by_name/opt/"
                       "vmeclone/identity/raw: ip \"192.168.1.999\" is not an IPv4 address"_s,
                       u"identity from cmdline: 192.168.1.180/24"_s};
}

void TestAgentFixtures::check() {
    QFETCH(QString, fixture);
    QFETCH(QByteArray, replaceFwCfg);
    QFETCH(QStringList, expectedLines);

    const quint16 port = 9176;
    FixtureTree tree;
    QVERIFY(tree.create(fixture, port));
    if (!replaceFwCfg.isEmpty())
        QVERIFY(tree.write(QString::fromLatin1(kFwCfgPath), replaceFwCfg));
    const auto before = tree.snapshot();

    const AgentRun result = AgentProcess::run(rootArgs(tree, {u"--check"_s}));
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.standardOutput);
    for (QString line : expectedLines) {
        line.replace(u"@PORT@"_s, QString::number(port));
        QVERIFY2(out.contains(line), qPrintable(u"missing \""_s + line + u"\" in:\n"_s + out));
    }
    QVERIFY2(tree.snapshot() == before, "--check changed the tree");
    QVERIFY(!QDir(tree.path(u"var"_s)).exists());
}

void TestAgentFixtures::checkWithoutIdentity() {
    FixtureTree tree;
    QVERIFY(tree.write(u"proc/cmdline"_s, "quiet\n"));
    const AgentRun result = AgentProcess::run(rootArgs(tree, {u"--check"_s}));
    QCOMPARE(result.exitCode, 1);
    const QString out = QString::fromUtf8(result.standardOutput);
    for (const QString &line :
         {u"fw_cfg:  no /sys/firmware/qemu_fw_cfg/by_name/opt/vmeclone/identity/raw"_s,
          u"cmdline: no vmeclone.* words in /proc/cmdline"_s,
          u"mac:     no subnet in the agent config"_s, u"no identity found"_s})
        QVERIFY2(out.contains(line), qPrintable(u"missing \""_s + line + u"\" in:\n"_s + out));

    // The boot flow says the same and exits 1 without leaving anything behind.
    const AgentRun boot = AgentProcess::run(rootArgs(tree, {u"--foreground"_s}));
    QCOMPARE(boot.exitCode, 1);
    QVERIFY(boot.standardError.contains("no identity found"));
    QCOMPARE(tree.snapshot().keys(), QStringList{u"proc/cmdline"_s});
}

void TestAgentFixtures::heartbeatUntilSigterm() {
    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_fw_cfg"_s, sink.port()));
    QByteArray identity = tree.read(QString::fromLatin1(kFwCfgPath));
    identity.replace("heartbeat=2", "heartbeat=1");
    QVERIFY(tree.write(QString::fromLatin1(kFwCfgPath), identity));
    QCOMPARE(AgentProcess::run(rootArgs(tree, {u"--foreground"_s, u"--once"_s})).exitCode, 0);
    (void)sink.take();

    QProcess agent;
    agent.start(AgentProcess::binary(), rootArgs(tree, {u"--foreground"_s}));
    QVERIFY(agent.waitForStarted());
    // Booting x2, Online x2, then two heartbeats.
    QList<QByteArray> datagrams;
    QVERIFY2(sink.waitFor(6, datagrams), qPrintable(statesOf(decodeAll(datagrams, {}))));
    QCOMPARE(tree.read(QString::fromLatin1(kPidPath)),
             QByteArray::number(agent.processId()) + '\n');

    agent.terminate(); // SIGTERM
    QVERIFY(agent.waitForFinished(20000));
    QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
    QCOMPARE(agent.exitCode(), 0);
    datagrams += sink.take();
    const QList<Received> received = decodeAll(datagrams, keyFor("192.168.1.177"));
    QVERIFY(received.size() >= 8);
    for (int i = 0; i < received.size(); ++i) {
        QVERIFY(received[i].verified);
        QCOMPARE(received[i].decoded.announcement.sequence, std::uint64_t(i + 1));
    }
    QCOMPARE(int(received[4].decoded.announcement.state), int(AgentState::Online));
    QCOMPARE(int(received[5].decoded.announcement.state), int(AgentState::Online));
    QCOMPARE(int(received.last().decoded.announcement.state), int(AgentState::Stopping));
    QCOMPARE(int(received[received.size() - 2].decoded.announcement.state),
             int(AgentState::Stopping));
    QVERIFY(!QFile::exists(tree.path(QString::fromLatin1(kPidPath))));
}

void TestAgentFixtures::daemonisesAfterOnline() {
    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_mac"_s, sink.port()));
    QCOMPARE(AgentProcess::run(rootArgs(tree, {u"--foreground"_s, u"--once"_s})).exitCode, 0);
    (void)sink.take();

    // Without --foreground the started process returns once the guest is online.
    const AgentRun started = AgentProcess::run(rootArgs(tree));
    QVERIFY(started.finished);
    QCOMPARE(started.exitCode, 0);
    QList<QByteArray> datagrams = sink.take();
    QCOMPARE(datagrams.size(), 4);
    const QByteArray pidText = tree.read(QString::fromLatin1(kPidPath)).trimmed();
    bool ok = false;
    const qint64 daemon = pidText.toLongLong(&ok);
    QVERIFY2(ok && daemon > 1, pidText.constData());
    QCOMPARE(::kill(pid_t(daemon), 0), 0);
    // Do not leave a daemon behind when a check below fails.
    const auto reap = qScopeGuard([&] {
        if (QFile::exists(tree.path(QString::fromLatin1(kPidPath))))
            ::kill(pid_t(daemon), SIGKILL);
    });

    // The daemon keeps the heartbeat and stops on SIGTERM, removing its pid file.
    QVERIFY(sink.waitFor(1, datagrams));
    QCOMPARE(::kill(pid_t(daemon), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(tree.path(QString::fromLatin1(kPidPath))), 20000);
    QVERIFY(sink.waitFor(2, datagrams));
    const QList<Received> received = decodeAll(datagrams, {});
    QCOMPARE(int(received.last().decoded.announcement.state), int(AgentState::Stopping));
    QVERIFY(!received.last().decoded.isSigned);
}

void TestAgentFixtures::stopDuringStartIsHonoured() {
    // SIGTERM reaches the agent before it is online (the init script's stop at an early
    // power-off). It must stop then, not hand the daemon a start with the signal lost.
    // To hold the agent at a known point, /proc/uptime is a FIFO: every announcement
    // reads it, so the agent waits there until the test feeds it.
    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_mac"_s, sink.port()));
    QCOMPARE(AgentProcess::run(rootArgs(tree, {u"--foreground"_s, u"--once"_s})).exitCode, 0);
    (void)sink.take();
    const QByteArray fifo = QFile::encodeName(tree.path(u"proc/uptime"_s));
    QVERIFY(QFile::remove(tree.path(u"proc/uptime"_s)));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);

    // The feeder answers each read of the FIFO, but the first only once `go` is set.
    std::promise<void> go;
    std::shared_future<void> started = go.get_future().share();
    std::atomic_bool stopFeeding{false};
    std::thread feeder([&] {
        // A reopen can pair with a reader about to close: a write then fails with EPIPE,
        // which must not kill the test with SIGPIPE.
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
        while (!stopFeeding) {
            const int fd = ::open(fifo.constData(), O_WRONLY); // waits for a reader
            if (fd < 0)
                return;
            started.wait();
            if (!stopFeeding)
                (void)!::write(fd, "7.00 1.00\n", 10);
            ::close(fd);
        }
    });
    bool released = false;
    const auto release = [&] {
        if (!released)
            go.set_value();
        released = true;
    };
    const auto joinFeeder = qScopeGuard([&] {
        stopFeeding = true;
        release();
        const int fd = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK); // unblocks the feeder
        feeder.join();
        if (fd >= 0)
            ::close(fd);
    });

    QProcess agent; // no --foreground: it would go to the background once online
    agent.start(AgentProcess::binary(), rootArgs(tree));
    QVERIFY(agent.waitForStarted());
    const auto reap = qScopeGuard([&] { // a daemon left behind by a failure
        const qint64 left = tree.read(QString::fromLatin1(kPidPath)).trimmed().toLongLong();
        if (left > 1)
            ::kill(pid_t(left), SIGKILL);
    });
    // The pid file is written before the first announcement, so the agent is blocked in
    // or before that announcement when it appears, with SIGTERM blocked.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(tree.path(QString::fromLatin1(kPidPath))), 20000);
    QVERIFY(sink.take().isEmpty());
    QCOMPARE(::kill(pid_t(agent.processId()), SIGTERM), 0);
    release();
    QVERIFY(agent.waitForFinished(20000));
    QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
    QCOMPARE(agent.exitCode(), 0);

    const QList<Received> received = decodeAll(sink.take(), {});
    QCOMPARE(statesOf(received), u"booting, booting, online, online, stopping, stopping"_s);
    QCOMPARE(received.first().decoded.announcement.uptimeSeconds, 7u);
    QVERIFY2(!QFile::exists(tree.path(QString::fromLatin1(kPidPath))), "a daemon was left running");
}

void TestAgentFixtures::refusesBroadcastConsole() {
    // Configuring still happens; only the announcements are refused, with the reason.
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_mac"_s, 9176));
    QByteArray config = tree.read(u"etc/vmeclone/agent.conf"_s);
    config.replace("console=127.0.0.1", "console=192.168.1.255");
    QVERIFY(tree.write(u"etc/vmeclone/agent.conf"_s, config));
    const AgentRun result = AgentProcess::run(rootArgs(tree, {u"--foreground"_s, u"--once"_s}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.standardError.contains("not announcing: console 192.168.1.255 is the "
                                           "broadcast address of this guest's subnet"),
             result.standardError.constData());
    QCOMPARE(tree.read(u"etc/hostname"_s), QByteArray("vm200\n"));
}

void TestAgentFixtures::badArguments_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown option")
        << QStringList{u"--frobnicate"_s} << QByteArray("unknown argument \"--frobnicate\"");
    QTest::newRow("missing value")
        << QStringList{u"--root"_s} << QByteArray("--root needs a value");
    QTest::newRow("empty value") << QStringList{u"--config="_s}
                                 << QByteArray("--config needs a non-empty value");
}

void TestAgentFixtures::badArguments() {
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const AgentRun result = AgentProcess::run(args);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.standardError.contains(message), result.standardError.constData());
}

void TestAgentFixtures::version() {
    const AgentRun result = AgentProcess::run({u"--version"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.standardOutput, QByteArray("vmeclone-agent " VMECLONE_VERSION "\n"));
    const AgentRun help = AgentProcess::run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.standardOutput.startsWith("Usage: vmeclone-agent"));
}

QTEST_GUILESS_MAIN(TestAgentFixtures)
#include "tst_agent_fixtures.moc"
