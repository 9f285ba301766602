// Faults of a cluster (issue 16, item 5), each its own test on the fixture of tst_cluster
// (tests/support/cluster_fixture.h) with one real sshd per host, each on the host end of
// a veth pair in the test's own network namespace: a host's sshd killed mid-batch, a
// host's link taken down and brought back, the head SIGKILLed mid-batch, two heads racing.
// Also clone --hosts --wait-online, waiting on states set in the hosts' inventories.
// Mid-batch is an engine pause point (VMECLONE_PAUSE_AT=planned, sent on by ssh; each
// host waits on a pause file of its own), never a time.

#include "support/ci_skip.h"
#include "support/cluster_fixture.h"
#include "support/own_network.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestClusterFaults : public QObject {
    Q_OBJECT

    ClusterFixture m_cluster;

    static QStringList cloneArgs(const QString &range, const QString &hosts = u"all"_s) {
        return {u"clone"_s, range, u"--hosts"_s, hosts, u"--no-start"_s, u"--json"_s};
    }

    // Starts `cli` on `args` with every host's apply stopping at the pause point
    // "planned" (the remote ones on their own pause files; this machine's own on
    // `localPause`, or not at all when empty), in a process group of its own.
    static void startPaused(QProcess &p, const CliRunner &cli, const QStringList &args,
                            const QString &localPause = {}) {
        auto env = cli.environment();
        env.insert(u"VMECLONE_PAUSE_AT"_s, u"planned"_s);
        env.remove(u"VMECLONE_PAUSE_FILE"_s);
        if (!localPause.isEmpty())
            env.insert(u"VMECLONE_PAUSE_FILE"_s, localPause);
        p.setProcessEnvironment(env);
        p.setChildProcessModifier([] { ::setpgid(0, 0); });
        p.start(cli.program(), args);
    }

    bool pausedOn(const QStringList &files, const QProcess &p) const {
        return QTest::qWaitFor(
                   [&] {
                       if (p.state() == QProcess::NotRunning)
                           return true;
                       for (const QString &f : files)
                           if (!QFileInfo::exists(f))
                               return false;
                       return true;
                   },
                   60000)
               && p.state() != QProcess::NotRunning;
    }

    // A vmeclone still running under a host's sshd (an apply its head left behind).
    bool applyRunsOn(const QString &host) const {
        const QString cli = QFileInfo(QStringLiteral(VMECLONE_CLI)).canonicalFilePath();
        for (const pid_t pid : m_cluster.server(host).sessionProcesses())
            if (QFileInfo(u"/proc/%1/exe"_s.arg(pid)).canonicalFilePath() == cli)
                return true;
        return false;
    }

    // How many addresses 10.40.0.FROM..TO `hostOf` holds.
    static int heldOf(const QHash<QString, QString> &hostOf, int from, int to) {
        int n = 0;
        for (int suffix = from; suffix <= to; ++suffix)
            n += hostOf.contains(u"10.40.0.%1"_s.arg(suffix)) ? 1 : 0;
        return n;
    }

    static CliResult finished(QProcess &p) {
        CliResult r;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            r.err = u"timed out"_s;
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Across every host: no address and no MAC twice, each host's rows and clone
    // folders the same, and the head's ledger placing each address of `range` on the
    // host that holds it. Returns the addresses held, with their host.
    QHash<QString, QString> checkNoTwiceNoOrphan(const QString &range) {
        QHash<QString, QString> hostOf;
        QSet<QString> macs;
        for (const QString &host : m_cluster.allHosts()) {
            const auto vms = m_cluster.vmsOf(host);
            QSet<QString> folders;
            for (const QJsonObject &vm : vms) {
                const QString ip = vm.value(u"ip"_s).toString();
                [&] {
                    QVERIFY2(!hostOf.contains(ip),
                             qPrintable(ip + u" on "_s + hostOf.value(ip) + u" and on "_s + host));
                    const QString mac = vm.value(u"mac"_s).toString();
                    QVERIFY2(!macs.contains(mac), qPrintable(mac + u" twice"_s));
                    macs.insert(mac);
                }();
                hostOf.insert(ip, host);
                folders.insert(QFileInfo(vm.value(u"folder"_s).toString()).fileName());
            }
            const QStringList there = m_cluster.foldersOn(host);
            if (QSet<QString>(there.begin(), there.end()) != folders)
                qWarning() << host << "folders" << there << "rows" << folders;
            [&] {
                QCOMPARE(QSet<QString>(there.begin(), there.end()), folders);
            }();
        }
        // The ledger: plan says where each address is placed ("resumed on host X").
        const auto plan =
            m_cluster.head->run({u"plan"_s, range, u"--hosts"_s, u"all"_s, u"--json"_s});
        for (const QJsonValue &v : plan.json().object().value(u"results"_s).toArray()) {
            const QJsonObject o = v.toObject();
            const QString ip = o.value(u"ip"_s).toString();
            if (hostOf.contains(ip))
                [&] {
                    QCOMPARE(o.value(u"host"_s).toString(), hostOf.value(ip));
                    QVERIFY2(o.value(u"message"_s).toString().startsWith(u"resumed on host"_s),
                             qPrintable(ip + u": "_s + o.value(u"message"_s).toString()));
                }();
        }
        return hostOf;
    }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
        const QString why =
            m_cluster.startServers({u"lab1"_s, u"lab2"_s}, ClusterFixture::Servers::OnePerHost);
        if (!why.isEmpty())
            VMECLONE_SKIP_UNLESS_CI(qPrintable(why));
        m_cluster.setUpHosts();
    }

    void cleanupTestCase() { m_cluster.tearDown(); }

    // lab1's sshd and everything it runs killed while lab1 and lab2 wait at "planned":
    // lab1's VMs fail naming lab1, the rest are made; with sshd back the same command
    // completes, no address twice and no orphan anywhere.
    void aHostsSshdKilledMidBatch() {
        m_cluster.freshConnections();
        QProcess head;
        startPaused(head, *m_cluster.head, cloneArgs(u"177-185"_s));
        QVERIFY(pausedOn({m_cluster.pauseFile(u"lab1"_s), m_cluster.pauseFile(u"lab2"_s)}, head));
        m_cluster.server(u"lab1"_s).killWithSessions();
        QVERIFY(QFile::remove(m_cluster.pauseFile(u"lab1"_s)));
        QVERIFY(QFile::remove(m_cluster.pauseFile(u"lab2"_s)));
        const CliResult r = finished(head);
        QCOMPARE(r.exitCode, 1);
        const auto results =
            ClusterFixture::byAddress(r.json().object().value(u"results"_s).toArray());
        QCOMPARE(results.size(), 9);
        QSet<QString> hosts;
        for (const QJsonObject &o : results) {
            const QString host = o.value(u"host"_s).toString();
            hosts.insert(host);
            const QString message = o.value(u"message"_s).toString();
            if (host == u"lab1"_s) {
                QVERIFY2(!o.value(u"ok"_s).toBool(), qPrintable(message));
                QVERIFY2(message.contains(u"host lab1"_s), qPrintable(message));
            } else {
                QVERIFY2(o.value(u"ok"_s).toBool(), qPrintable(host + u": "_s + message));
            }
        }
        QCOMPARE(hosts.size(), 3);

        QVERIFY(m_cluster.server(u"lab1"_s).resume());
        m_cluster.freshConnections();
        const auto again = m_cluster.head->run(cloneArgs(u"177-185"_s));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err + QString::fromUtf8(again.out)));
        QCOMPARE(heldOf(checkNoTwiceNoOrphan(u"177-185"_s), 177, 185), 9);
    }

    // lab2's link down: a batch fails only lab2's VMs, naming lab2; link up: the
    // head's list converges to what every host holds, nothing restarted, and the
    // same command finishes the batch.
    void aHostsLinkDownAndBack() {
        m_cluster.freshConnections(); // no master connection rides over the outage
        QVERIFY(ClusterFixture::ip(
            {u"link"_s, u"set"_s, ClusterFixture::linkOf(u"lab2"_s), u"down"_s}));
        const auto r = m_cluster.head->run(cloneArgs(u"186-194"_s));
        QCOMPARE(r.exitCode, 1);
        const auto results =
            ClusterFixture::byAddress(r.json().object().value(u"results"_s).toArray());
        QCOMPARE(results.size(), 9);
        int failed = 0;
        for (const QJsonObject &o : results) {
            const QString host = o.value(u"host"_s).toString();
            const QString message = o.value(u"message"_s).toString();
            if (host != u"lab2"_s) {
                QVERIFY2(o.value(u"ok"_s).toBool(), qPrintable(host + u": "_s + message));
                continue;
            }
            ++failed;
            QVERIFY(!o.value(u"ok"_s).toBool());
            QVERIFY2(message.contains(u"host lab2"_s), qPrintable(message));
        }
        QVERIFY(failed > 0);
        // While it is down, list names lab2 as the host it could not ask, and lists the
        // VMs the ledger places there with host lab2, state unknown and lab2's error;
        // the other hosts' VMs as those hosts say.
        const auto during = m_cluster.head->run({u"list"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QCOMPARE(during.exitCode, 1);
        QVERIFY2(during.err.contains(u"lab2"_s), qPrintable(during.err));
        const auto duringRows = ClusterFixture::byAddress(during.json().array());
        const auto onLab2 = m_cluster.vmsOf(u"lab2"_s); // its own inventory, read here
        QVERIFY(!onLab2.isEmpty());
        for (auto it = onLab2.begin(); it != onLab2.end(); ++it) {
            const QJsonObject row = duringRows.value(it.key());
            QCOMPARE(row.value(u"host"_s).toString(), u"lab2"_s);
            QCOMPARE(row.value(u"state"_s).toString(), u"unknown"_s);
            QCOMPARE(row.value(u"host_unreachable"_s).toBool(), true);
            QCOMPARE(row.value(u"mac"_s), it->value(u"mac"_s));
            const QString reason = row.value(u"reason"_s).toString();
            QVERIFY2(reason.startsWith(u"host lab2 ("_s) && reason.contains(u"unreachable"_s),
                     qPrintable(reason));
        }
        for (const QString &host : {u"local"_s, u"lab1"_s})
            for (const QJsonObject &vm : m_cluster.vmsOf(host)) {
                const QJsonObject row = duringRows.value(vm.value(u"ip"_s).toString());
                QCOMPARE(row.value(u"host"_s).toString(), host);
                QCOMPARE(row.value(u"state"_s), vm.value(u"state"_s));
                QVERIFY(!row.contains(u"host_unreachable"_s));
            }

        QVERIFY(
            ClusterFixture::ip({u"link"_s, u"set"_s, ClusterFixture::linkOf(u"lab2"_s), u"up"_s}));
        m_cluster.freshConnections();
        const auto list = m_cluster.head->run({u"list"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        const auto listed = ClusterFixture::byAddress(list.json().array());
        int held = 0;
        for (const QString &host : m_cluster.allHosts()) {
            const auto vms = m_cluster.vmsOf(host);
            held += int(vms.size());
            for (auto it = vms.begin(); it != vms.end(); ++it) {
                QCOMPARE(listed.value(it.key()).value(u"host"_s).toString(), host);
                QCOMPARE(listed.value(it.key()).value(u"state"_s).toString(),
                         it->value(u"state"_s).toString());
            }
        }
        QCOMPARE(listed.size(), held);
        const auto again = m_cluster.head->run(cloneArgs(u"186-194"_s));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err + QString::fromUtf8(again.out)));
        QCOMPARE(heldOf(checkNoTwiceNoOrphan(u"186-194"_s), 186, 194), 9);
    }

    // The head's machine dies (the head and this machine's own apply, one process group
    // SIGKILLed) while every host waits at "planned"; the remote applies it left behind
    // run on. The same command again: no address or MAC twice, no VM orphaned on any
    // host, the ledger placing each VM where it is.
    void theHeadKilledMidBatch() {
        m_cluster.freshConnections();
        const QString localPause = m_cluster.pauseFile(u"local"_s);
        QProcess head;
        startPaused(head, *m_cluster.head, cloneArgs(u"195-203"_s), localPause);
        QVERIFY(pausedOn(
            {localPause, m_cluster.pauseFile(u"lab1"_s), m_cluster.pauseFile(u"lab2"_s)}, head));
        QCOMPARE(::kill(-pid_t(head.processId()), SIGKILL), 0);
        QVERIFY(head.waitForFinished(30000));
        for (const QString &host : m_cluster.allHosts())
            QVERIFY(QFile::remove(m_cluster.pauseFile(host)));
        for (const QString &host : m_cluster.remoteHosts())
            QVERIFY2(QTest::qWaitFor([&] { return !applyRunsOn(host); }, 60000), qPrintable(host));

        m_cluster.freshConnections();
        const auto again = m_cluster.head->run(cloneArgs(u"195-203"_s));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err + QString::fromUtf8(again.out)));
        const auto results =
            ClusterFixture::byAddress(again.json().object().value(u"results"_s).toArray());
        QCOMPARE(results.size(), 9);
        const auto hostOf = checkNoTwiceNoOrphan(u"195-203"_s);
        QCOMPARE(heldOf(hostOf, 195, 203), 9);
        for (auto it = results.begin(); it != results.end(); ++it)
            QCOMPARE(hostOf.value(it.key()), it->value(u"host"_s).toString());
    }

    // Two heads (data folders of their own) with the same hosts, started together on
    // overlapping ranges: each address is made once, by one head.
    void twoHeadsRaceOnSharedHosts() {
        m_cluster.freshConnections();
        CliRunner a(QStringLiteral(VMECLONE_CLI), m_cluster.path(u"home-headA"_s));
        CliRunner b(QStringLiteral(VMECLONE_CLI), m_cluster.path(u"home-headB"_s));
        for (const CliRunner *head : {&a, &b})
            for (const QString &host : m_cluster.remoteHosts())
                m_cluster.addHostTo(*head, host, host);
        QProcess pa, pb;
        pa.setProcessEnvironment(a.environment());
        pb.setProcessEnvironment(b.environment());
        pa.start(a.program(), cloneArgs(u"204-219"_s, u"lab1,lab2"_s));
        pb.start(b.program(), cloneArgs(u"212-227"_s, u"lab1,lab2"_s));
        const CliResult ra = finished(pa), rb = finished(pb);
        QVERIFY2(ra.exitCode == 0 || ra.exitCode == 1, qPrintable(ra.err));
        QVERIFY2(rb.exitCode == 0 || rb.exitCode == 1, qPrintable(rb.err));
        QSet<QString> madeBy;
        for (const CliResult *r : {&ra, &rb})
            for (const QJsonValue &v : r->json().object().value(u"results"_s).toArray())
                if (v.toObject().value(u"ok"_s).toBool()) {
                    const QString ip = v.toObject().value(u"ip"_s).toString();
                    QVERIFY2(!madeBy.contains(ip), qPrintable(ip + u" made by both heads"_s));
                    madeBy.insert(ip);
                }
        // Each address of both ranges made once: by one head, on one host.
        QCOMPARE(madeBy.size(), 24);
        QHash<QString, QString> hostOf;
        QSet<QString> macs;
        for (const QString &host : m_cluster.remoteHosts())
            for (const QJsonObject &vm : m_cluster.vmsOf(host)) {
                const QString ip = vm.value(u"ip"_s).toString();
                if (ip < u"10.40.0.204"_s)
                    continue;
                QVERIFY2(!hostOf.contains(ip), qPrintable(ip + u" twice"_s));
                hostOf.insert(ip, host);
                const QString mac = vm.value(u"mac"_s).toString();
                QVERIFY2(!macs.contains(mac), qPrintable(mac + u" twice"_s));
                macs.insert(mac);
            }
        QCOMPARE(QSet<QString>(hostOf.keyBegin(), hostOf.keyEnd()), madeBy);
    }

    // clone --hosts --wait-online: the head asks the hosts until every VM made is online
    // or failed, and says it per host. The guests are blank (qemu finds nothing to boot):
    // their states are set in the hosts' own inventories, as their listeners would.
    void waitOnlineReportsEachHost() {
        m_cluster.freshConnections();
        QProcess head;
        head.setProcessEnvironment(m_cluster.head->environment());
        head.start(m_cluster.head->program(), {u"clone"_s, u"230-232"_s, u"--hosts"_s, u"all"_s,
                                               u"--wait-online"_s, u"120"_s, u"--json"_s});
        // Each started on its host (booting: nothing announces).
        QHash<QString, QString> hostOf;
        QVERIFY(QTest::qWaitFor(
            [&] {
                hostOf.clear();
                for (const QString &host : m_cluster.allHosts())
                    for (const QJsonObject &vm : m_cluster.vmsOf(host))
                        if (vm.value(u"ip"_s).toString() >= u"10.40.0.230"_s
                            && vm.value(u"state"_s).toString() == u"booting"_s)
                            hostOf.insert(vm.value(u"name"_s).toString(), host);
                return hostOf.size() == 3 || head.state() == QProcess::NotRunning;
            },
            60000));
        QVERIFY2(hostOf.size() == 3, head.readAllStandardError().constData());
        auto setState = [&](const QString &name, const QString &state) {
            return QProcess::execute(
                       u"sqlite3"_s,
                       {u"-cmd"_s, u".timeout 10000"_s,
                        m_cluster.path(u"home-"_s + hostOf.value(name) + u"/inventory.sqlite"_s),
                        u"UPDATE vms SET state = '%1' WHERE name = '%2'"_s.arg(state, name)})
                   == 0;
        };
        QVERIFY(setState(u"vm230"_s, u"failed"_s));
        QVERIFY(setState(u"vm231"_s, u"online"_s));
        QVERIFY(setState(u"vm232"_s, u"online"_s));
        const CliResult r = finished(head);
        QCOMPARE(r.exitCode, 1); // vm230 failed
        const QJsonObject waited = r.json().object().value(u"wait_online"_s).toObject();
        QCOMPARE(waited.value(u"timed_out"_s).toBool(), false);
        const QJsonObject perHost = waited.value(u"hosts"_s).toObject();
        QStringList online, failed;
        for (auto it = perHost.begin(); it != perHost.end(); ++it) {
            const QJsonObject w = it.value().toObject();
            QCOMPARE(w.value(u"waiting"_s).toArray().size(), 0);
            for (const auto &n : w.value(u"online"_s).toArray()) {
                QCOMPARE(hostOf.value(n.toString()), it.key());
                online << n.toString();
            }
            for (const auto &n : w.value(u"failed"_s).toArray()) {
                QCOMPARE(hostOf.value(n.toString()), it.key());
                failed << n.toString();
            }
        }
        online.sort();
        QCOMPARE(online, (QStringList{u"vm231"_s, u"vm232"_s}));
        QCOMPARE(failed, QStringList{u"vm230"_s});

        // One that never comes online: the time named, with its host.
        const auto late = m_cluster.head->run(
            {u"clone"_s, u"233"_s, u"--hosts"_s, u"all"_s, u"--wait-online"_s, u"2"_s});
        QCOMPARE(late.exitCode, 1);
        QString lateHost;
        for (const QString &host : m_cluster.allHosts())
            if (m_cluster.vmsOf(host).contains(u"10.40.0.233"_s))
                lateHost = host;
        QVERIFY(!lateHost.isEmpty());
        QVERIFY2(late.err.contains(
                     u"host %1: 0 online, 0 failed; not online within 2 s: vm233"_s.arg(lateHost)),
                 qPrintable(late.err));

        const auto released = m_cluster.head->run(
            {u"release"_s, u"230-233"_s, u"--hosts"_s, u"all"_s, u"--yes"_s, u"--json"_s});
        QVERIFY2(released.exitCode == 0, qPrintable(released.err));
    }
};

QTEST_GUILESS_MAIN(TestClusterFaults)
#include "tst_cluster_faults.moc"
