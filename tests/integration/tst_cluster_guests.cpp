// The cluster end to end with real guests (issue 16, label guest): three hosts, each a
// real sshd in a network namespace of its own (tests/support/cluster_fixture.h,
// OnePerHost) with its own data folder, shard, listener and the demo golden; the head
// (this test's namespace, which holds no golden: `local` takes no part) runs
// `clone 177-185 --hosts all --wait-online`. Each host's vmeclone, run over ssh inside
// that host's namespace, starts its guests' QEMUs there; each guest announces to the
// host alias of its QEMU's user network, i.e. to 127.0.0.1 of its own host's namespace,
// where only that host's listener is. The head's `list --hosts all --json` then shows
// all nine online with their hosts and the MACs derived from their addresses
// (docs/design.md: 00:50:56 and the address's low 22 bits), and `release 177-185
// --hosts all` leaves no row, no clone file and no QEMU on any host, nor a row in the
// head's ledger.
//
// CTest runs it under unshare --net; the hosts' namespaces are made inside that one.

#include "support/ci_skip.h"
#include "support/cluster_fixture.h"
#include "support/own_network.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QStringList kHosts{u"lab1"_s, u"lab2"_s, u"lab3"_s};
constexpr int kFirst = 177, kLast = 185;

QString addressOf(int suffix) {
    return u"192.168.1.%1"_s.arg(suffix);
}

// The MAC docs/design.md derives from an IPv4 address: VMware's static range
// 00:50:56:00:00:00-00:50:56:3F:FF:FF, the address's low 22 bits in the last 22 bits.
QString derivedMac(const QString &ip) {
    const QStringList parts = ip.split(u'.');
    const quint32 a = (parts[0].toUInt() << 24) | (parts[1].toUInt() << 16)
                      | (parts[2].toUInt() << 8) | parts[3].toUInt();
    const quint32 low = a & 0x3FFFFFu;
    return u"00:50:56:%1:%2:%3"_s.arg((low >> 16) & 0xFF, 2, 16, QChar(u'0'))
        .arg((low >> 8) & 0xFF, 2, 16, QChar(u'0'))
        .arg(low & 0xFF, 2, 16, QChar(u'0'));
}

// The network namespace a process is in (its /proc/PID/ns/net link), empty when gone.
QString netNamespaceOf(qint64 pid) {
    char target[128] = {};
    const QByteArray link = "/proc/" + QByteArray::number(pid) + "/ns/net";
    const ssize_t n = ::readlink(link.constData(), target, sizeof target - 1);
    return n > 0 ? QString::fromLatin1(target, n) : QString();
}

} // namespace

class TestClusterGuests : public QObject {
    Q_OBJECT

    ClusterFixture m_cluster;
    QHash<QString, qint64> m_listenerOf; // host → the listener --start-listener started
    QHash<QString, QStringList> m_dataFolderBefore; // host → its data folder's files

    QString home(const QString &host) const { return m_cluster.path(u"home-"_s + host); }

    static QStringList filesUnder(const QString &dir) {
        QStringList files;
        QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next().mid(dir.size() + 1);
        files.sort();
        return files;
    }

    // A data folder's files (not its folders: owners/ stays, empty, once a batch ran
    // there), leaving out what changes with every command (SQLite's journal files) and
    // the listener's own log.
    static QStringList dataFolderFiles(const QString &dir) {
        QStringList files;
        QDirIterator it(dir, QDir::Files | QDir::System | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next().mid(dir.size() + 1);
            if (!f.endsWith(u"-wal"_s) && !f.endsWith(u"-shm"_s) && !f.endsWith(u"-journal"_s)
                && f != u"listener.log"_s)
                files << f;
        }
        files.sort();
        return files;
    }

    // QEMU processes whose command line mentions this test's folder.
    QList<qint64> ourQemus() const {
        const QByteArray needle = m_cluster.path({}).toUtf8();
        QList<qint64> found;
        for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
            QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
            if (pid.toLongLong() > 0 && cmdline.open(QIODevice::ReadOnly)) {
                const QByteArray words = cmdline.readAll();
                if (words.startsWith("qemu-system") || words.contains("/qemu-system"))
                    if (words.contains(needle))
                        found << pid.toLongLong();
            }
        }
        return found;
    }

    // Rows of the head's ledger (cluster_vms in its inventory).
    int ledgerRows() const {
        QProcess q;
        q.start(u"sqlite3"_s, {u"-cmd"_s, u".timeout 10000"_s,
                               home(u"local"_s) + u"/inventory.sqlite"_s,
                               u"SELECT count(*) FROM cluster_vms"_s});
        if (!q.waitForFinished(30000) || q.exitCode() != 0)
            return -1;
        return q.readAllStandardOutput().trimmed().toInt();
    }

    QStringList range() const {
        QStringList ips;
        for (int s = kFirst; s <= kLast; ++s)
            ips << addressOf(s);
        return ips;
    }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
        QVERIFY2(QFile::exists(QStringLiteral(VMECLONE_DEMO_GOLDEN)),
                 "the demo golden is missing: run the demo_golden test first");
        if (QStandardPaths::findExecutable(u"sqlite3"_s).isEmpty())
            VMECLONE_SKIP_UNLESS_CI("sqlite3 is missing: install sqlite3");
        const QString why = m_cluster.startServers(kHosts, ClusterFixture::Servers::OnePerHost);
        if (!why.isEmpty())
            VMECLONE_SKIP_UNLESS_CI(qPrintable(why));
        m_cluster.freshConnections();
        // The demo golden on every remote host (the same files, registered by each host's
        // own vmeclone); the head holds none, so `--hosts all` leaves `local` out.
        m_cluster.setUpHostsWith({QStringLiteral(VMECLONE_DEMO_GOLDEN), u"--suffix"_s, u"176"_s,
                                  u"--subnet"_s, u"192.168.1.0/24"_s},
                                 kHosts);
        if (QTest::currentTestFailed())
            return;
        // Each host's listener, started by the head over ssh: it runs in the host's
        // namespace, where its guests' announcements arrive.
        for (const QString &host : kHosts) {
            const auto r = m_cluster.head->run(
                {u"host"_s, u"check"_s, host, u"--start-listener"_s, u"--json"_s});
            const qint64 pid = r.json()
                                   .object()
                                   .value(u"listener_started"_s)
                                   .toObject()
                                   .value(u"pid"_s)
                                   .toInteger();
            if (pid > 0)
                m_listenerOf.insert(host, pid);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
            QVERIFY(pid > 0);
            QCOMPARE(netNamespaceOf(pid), netNamespaceOf(m_cluster.server(host).processId()));
            QVERIFY(netNamespaceOf(pid) != netNamespaceOf(::getpid()));
        }
        for (const QString &host : kHosts)
            m_dataFolderBefore.insert(host, dataFolderFiles(home(host)));
    }

    void cleanupTestCase() {
        // Whatever failed, no guest and no listener outlives the test.
        for (const QString &host : kHosts)
            if (auto cli = m_cluster.hosts.value(host))
                cli->run({u"release"_s, u"%1-%2"_s.arg(kFirst).arg(kLast), u"--yes"_s}, 300000);
        for (const qint64 pid : std::as_const(m_listenerOf))
            ::kill(pid_t(pid), SIGTERM);
        m_cluster.tearDown();
    }

    // clone --hosts all --wait-online from the head: every guest boots on its host and
    // announces to that host's listener; the head waits until all nine are online.
    void cloneNineOnlineOverThreeHosts() {
        m_cluster.freshConnections();
        QElapsedTimer took;
        took.start();
        const auto r = m_cluster.head->run({u"clone"_s, u"%1-%2"_s.arg(kFirst).arg(kLast),
                                            u"--hosts"_s, u"all"_s, u"--wait-online"_s,
                                            u"600"_s, u"--json"_s},
                                           700000);
        const qint64 ms = took.elapsed();
        qInfo().noquote() << u"clone %1-%2 --hosts all --wait-online: %3 s, exit %4"_s.arg(kFirst)
                                 .arg(kLast)
                                 .arg(double(ms) / 1000.0, 0, 'f', 1)
                                 .arg(r.exitCode);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const QJsonObject doc = r.json().object();
        const auto results = ClusterFixture::byAddress(doc.value(u"results"_s).toArray());
        QCOMPARE(results.size(), 9);
        const QJsonObject waited = doc.value(u"wait_online"_s).toObject();
        QCOMPARE(waited.value(u"timed_out"_s).toBool(), false);
        int online = 0;
        const QJsonObject perHost = waited.value(u"hosts"_s).toObject();
        for (auto it = perHost.begin(); it != perHost.end(); ++it) {
            QVERIFY2(kHosts.contains(it.key()), qPrintable(it.key()));
            online += int(it.value().toObject().value(u"online"_s).toArray().size());
            QCOMPARE(it.value().toObject().value(u"waiting"_s).toArray().size(), 0);
            QCOMPARE(it.value().toObject().value(u"failed"_s).toArray().size(), 0);
        }
        QCOMPARE(online, 9);
        for (const QString &ip : range()) {
            const QJsonObject o = results.value(ip);
            QVERIFY2(o.value(u"ok"_s).toBool(), qPrintable(ip + u": "_s + o.value(u"message"_s)
                                                                        .toString()));
            QVERIFY2(kHosts.contains(o.value(u"host"_s).toString()),
                     qPrintable(ip + u" on "_s + o.value(u"host"_s).toString()));
        }
    }

    // The head's list: all nine online, each with the host whose own inventory holds it
    // and the MAC derived from its address; each guest's QEMU runs in its host's namespace.
    void headListsNineOnlineWithHostsAndMacs() {
        const auto r = m_cluster.head->run({u"list"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto listed = ClusterFixture::byAddress(r.json().array());
        QCOMPARE(listed.size(), 9);
        QHash<QString, QString> heldBy; // address → the host whose inventory holds it
        for (const QString &host : kHosts) {
            const auto own = m_cluster.vmsOf(host);
            for (auto it = own.begin(); it != own.end(); ++it) {
                QVERIFY2(!heldBy.contains(it.key()), qPrintable(it.key() + u" twice"_s));
                heldBy.insert(it.key(), host);
            }
        }
        QMap<QString, int> hostsUsed; // host → VMs
        for (const QString &ip : range()) {
            const QJsonObject vm = listed.value(ip);
            const QString host = vm.value(u"host"_s).toString();
            QCOMPARE(vm.value(u"state"_s).toString(), u"online"_s);
            QCOMPARE(host, heldBy.value(ip));
            QCOMPARE(vm.value(u"mac"_s).toString().toLower(), derivedMac(ip));
            QCOMPARE(vm.value(u"name"_s).toString(), u"vm"_s + ip.section(u'.', 3));
            // Booted twice (the identity applied, one reboot), configured as told.
            QCOMPARE(vm.value(u"boots"_s).toInt(), 2);
            QVERIFY2(vm.value(u"reason"_s).toString().contains(ip + u"/24"_s),
                     qPrintable(vm.value(u"reason"_s).toString()));
            // Its clone lies on its host's shard, and its QEMU runs in its host's namespace.
            const QString folder = vm.value(u"folder"_s).toString();
            QVERIFY2(folder.startsWith(m_cluster.path(u"shard-"_s + host) + u'/'),
                     qPrintable(folder));
            QFile pidFile(folder + u"/qemu.pid"_s);
            QVERIFY2(pidFile.open(QIODevice::ReadOnly), qPrintable(pidFile.fileName()));
            const qint64 qemu = pidFile.readAll().trimmed().toLongLong();
            QVERIFY(qemu > 0);
            QCOMPARE(netNamespaceOf(qemu), netNamespaceOf(m_cluster.server(host).processId()));
            ++hostsUsed[host];
        }
        QCOMPARE(ourQemus().size(), 9);
        QStringList shares;
        for (auto it = hostsUsed.cbegin(); it != hostsUsed.cend(); ++it)
            shares << u"%1: %2"_s.arg(it.key()).arg(it.value());
        qInfo().noquote() << u"VMs per host:"_s << shares.join(u", "_s);
        QVERIFY2(hostsUsed.size() >= 2, "nine addresses over three hosts went to one only");
    }

    // release from the head: no row and no clone file on any host, no QEMU, nothing
    // left in the head's ledger.
    void releaseLeavesNothingAnywhere() {
        QVERIFY(ledgerRows() == 9);
        QElapsedTimer took;
        took.start();
        const auto r = m_cluster.head->run({u"release"_s, u"%1-%2"_s.arg(kFirst).arg(kLast),
                                            u"--hosts"_s, u"all"_s, u"--yes"_s, u"--json"_s},
                                           300000);
        qInfo().noquote() << u"release %1-%2 --hosts all: %3 s, exit %4"_s.arg(kFirst)
                                 .arg(kLast)
                                 .arg(double(took.elapsed()) / 1000.0, 0, 'f', 1)
                                 .arg(r.exitCode);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const auto listed = m_cluster.head->run({u"list"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QCOMPARE(listed.json().array().size(), 0);
        for (const QString &host : kHosts) {
            QCOMPARE(m_cluster.vmsOf(host).size(), 0);
            QCOMPARE(filesUnder(m_cluster.path(u"shard-"_s + host)), QStringList());
            QCOMPARE(dataFolderFiles(home(host)).join(u' '),
                     m_dataFolderBefore.value(host).join(u' '));
        }
        QCOMPARE(ledgerRows(), 0);
        QCOMPARE(m_cluster.vmsOf(u"local"_s).size(), 0);
        QCOMPARE(ourQemus(), QList<qint64>());
    }
};

QTEST_GUILESS_MAIN(TestClusterGuests)
#include "tst_cluster_guests.moc"
