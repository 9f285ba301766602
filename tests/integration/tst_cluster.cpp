// A head and its hosts over a real OpenSSH server (tests/support/ssh_server.h): the head
// (this machine, host "local") and two hosts lab1 and lab2, each a data folder of its own
// with its own golden registration and shard, reached over SSH on 127.0.0.1 inside the
// test's own network namespace. The same verbs, one level up: clone, list and release with
// --hosts; every host's own inventory is asked to confirm what the head says.

#include "support/ci_skip.h"
#include "support/cluster_fixture.h"
#include "support/own_network.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestCluster : public QObject {
    Q_OBJECT

    ClusterFixture m_cluster;
    QHash<QString, QString> m_planned;      // address -> host, as plan --hosts said
    QHash<QString, QString> m_plannedShard; // address -> the folder of its host's shard
    std::unique_ptr<CliRunner> &m_head = m_cluster.head;

    QString path(const QString &rel) const { return m_cluster.path(rel); }
    TestSshServer &sshd() const { return m_cluster.server(u"lab1"_s); }
    void freshConnections() { m_cluster.freshConnections(); }
    QHash<QString, QJsonObject> vmsOf(const QString &host) const { return m_cluster.vmsOf(host); }
    int foldersOn(const QString &host) const { return int(m_cluster.foldersOn(host).size()); }
    static QHash<QString, QJsonObject> byAddress(const QJsonArray &results) {
        return ClusterFixture::byAddress(results);
    }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
        const QString why =
            m_cluster.startServers({u"lab1"_s, u"lab2"_s}, ClusterFixture::Servers::Shared);
        if (!why.isEmpty())
            VMECLONE_SKIP_UNLESS_CI(qPrintable(why));
        m_cluster.setUpHosts();
    }

    void cleanupTestCase() { m_cluster.tearDown(); }

    // plan --hosts at the head: where each address would go, with nothing written on
    // any host or in the head's ledger; the clone that follows puts them exactly there.
    void planShowsTheHostOfEachAndWritesNothing() {
        const auto r = m_head->run({u"plan"_s, u"177-185"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const auto results = byAddress(r.json().object().value(u"results"_s).toArray());
        QCOMPARE(results.size(), 9);
        QSet<QString> hosts;
        for (const QJsonObject &o : results) {
            QCOMPARE(o.value(u"state"_s).toString(), u"planned"_s);
            hosts.insert(o.value(u"host"_s).toString());
            m_planned.insert(o.value(u"ip"_s).toString(), o.value(u"host"_s).toString());
        }
        QCOMPARE(hosts, (QSet<QString>{u"local"_s, u"lab1"_s, u"lab2"_s}));
        for (const QString &host : {u"local"_s, u"lab1"_s, u"lab2"_s}) {
            QCOMPARE(vmsOf(host).size(), 0);
            QCOMPARE(foldersOn(host), 0);
        }
        // And on which of its shards each host puts its share, as the host's own plan says
        // (asked directly here, not through the head): lab1 has a second shard, labelled,
        // which the head's plan names by its label.
        QVERIFY(QDir().mkpath(path(u"shard-lab1-fast"_s)));
        QCOMPARE(m_cluster.hosts.value(u"lab1"_s)
                     ->run({u"shard"_s, u"add"_s, path(u"shard-lab1-fast"_s)})
                     .exitCode,
                 0);
        QCOMPARE(m_cluster.hosts.value(u"lab1"_s)
                     ->run({u"shard"_s, u"label"_s, path(u"shard-lab1-fast"_s), u"fast"_s})
                     .exitCode,
                 0);
        const auto withShards =
            m_head->run({u"plan"_s, u"177-185"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(withShards.exitCode == 0, qPrintable(withShards.err));
        const auto planned = byAddress(withShards.json().object().value(u"results"_s).toArray());
        for (const QString &host : {u"local"_s, u"lab1"_s, u"lab2"_s}) {
            QStringList share;
            for (auto it = m_planned.cbegin(); it != m_planned.cend(); ++it)
                if (it.value() == host)
                    share << it.key();
            const auto own = m_cluster.hosts.value(host)->run(
                {u"plan"_s, share.join(u','), u"--golden"_s, u"tiny"_s, u"--json"_s});
            QVERIFY2(own.exitCode == 0, qPrintable(own.err));
            const QJsonArray vms = own.json().object().value(u"vms"_s).toArray();
            QCOMPARE(vms.size(), share.size());
            for (const QJsonValue &v : vms) {
                const QJsonObject o = v.toObject();
                const QString ip = o.value(u"ip"_s).toString();
                const QString label = o.value(u"shard_label"_s).toString();
                QCOMPARE(planned.value(ip).value(u"shard"_s).toString(),
                         label.isEmpty() ? o.value(u"shard"_s).toString() : label);
                m_plannedShard.insert(ip, o.value(u"shard"_s).toString());
            }
        }
        QCOMPARE(m_plannedShard.size(), 9);
        // Nothing in the ledger either: a host with VMs there could not be removed, and
        // the plain table names each host's share.
        const auto table = m_head->run({u"plan"_s, u"177-185"_s, u"--hosts"_s, u"all"_s});
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        QVERIFY2(QString::fromUtf8(table.out).contains(u"host lab1: "_s), table.out.constData());
        const auto ledger = m_head->run({u"list"_s, u"--here"_s, u"--json"_s});
        QCOMPARE(ledger.json().array().size(), 0);
        const auto fleet = m_head->run({u"list"_s, u"--json"_s});
        QVERIFY2(fleet.exitCode == 0, qPrintable(fleet.err));
        QCOMPARE(fleet.json().array().size(), 0);
    }

    // One command at the head: every VM lands on one host, each host's own inventory
    // holds exactly what the head says it placed there, with the derived MAC, and the
    // merged list carries the host of each.
    void cloneSpreadsOverTheHosts() {
        const auto r = m_head->run(
            {u"clone"_s, u"177-185"_s, u"--hosts"_s, u"all"_s, u"--no-start"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const auto results = byAddress(r.json().object().value(u"results"_s).toArray());
        QCOMPARE(results.size(), 9);
        QHash<QString, int> perHost;
        QSet<QString> macs;
        for (const QJsonObject &o : results) {
            const QString host = o.value(u"host"_s).toString();
            ++perHost[host];
            QVERIFY2(o.value(u"ok"_s).toBool(), qPrintable(o.value(u"message"_s).toString()));
            const QJsonObject there = vmsOf(host).value(o.value(u"ip"_s).toString());
            QVERIFY2(!there.isEmpty(),
                     qPrintable(host + u" lacks "_s + o.value(u"ip"_s).toString()));
            QCOMPARE(there.value(u"state"_s).toString(), u"configured"_s);
            QCOMPARE(there.value(u"mac"_s).toString(), o.value(u"mac"_s).toString());
            // On the shard the plan named.
            QCOMPARE(there.value(u"shard"_s).toString(),
                     m_plannedShard.value(o.value(u"ip"_s).toString()));
            macs.insert(there.value(u"mac"_s).toString());
        }
        QCOMPARE(macs.size(), 9);
        // The stable hash spreads nine addresses over three equal hosts: each gets some.
        QCOMPARE(perHost.size(), 3);
        int held = 0;
        for (const QString &host : {u"local"_s, u"lab1"_s, u"lab2"_s}) {
            QCOMPARE(vmsOf(host).size(), perHost.value(host));
            const qsizetype onFast = host == u"lab1"_s
                                         ? QDir(path(u"shard-lab1-fast"_s))
                                               .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                                               .size()
                                         : 0;
            QCOMPARE(foldersOn(host) + onFast, perHost.value(host));
            held += perHost.value(host);
        }
        QCOMPARE(held, 9);
        // A plain stop at the head of addresses placed on lab1 alone reaches nothing here,
        // and says where they are and what reaches them; lab1's VMs are left as they are.
        QStringList onLab1;
        for (const QJsonObject &o : results)
            if (o.value(u"host"_s).toString() == u"lab1"_s)
                onLab1 << o.value(u"ip"_s).toString();
        const auto plainStop = m_head->run({u"stop"_s, onLab1.join(u',')});
        QCOMPARE(plainStop.exitCode, 1);
        QVERIFY2(plainStop.err.contains(u"on lab1"_s) && plainStop.err.contains(u"--hosts all"_s),
                 qPrintable(plainStop.err));
        for (const QString &ip : std::as_const(onLab1))
            QCOMPARE(vmsOf(u"lab1"_s).value(ip).value(u"state"_s).toString(), u"configured"_s);
        // Where plan said (the same stable placement, nothing reserved in between).
        for (auto it = results.begin(); it != results.end(); ++it)
            QCOMPARE(it->value(u"host"_s).toString(),
                     m_planned.value(it->value(u"ip"_s).toString()));

        const auto list = m_head->run({u"list"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        const auto listed = byAddress(list.json().array());
        QCOMPARE(listed.size(), 9);
        for (auto it = results.begin(); it != results.end(); ++it)
            QCOMPARE(listed.value(it.key()).value(u"host"_s).toString(),
                     it->value(u"host"_s).toString());

        // A range narrows the fleet's listing on every host (refused before any host is
        // asked when it names nothing); --hosts local is this machine's share alone.
        const auto ranged =
            m_head->run({u"list"_s, u"177-179"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(ranged.exitCode == 0, qPrintable(ranged.err));
        QCOMPARE(byAddress(ranged.json().array()).size(), 3);
        for (const QJsonValue &v : ranged.json().array()) {
            const QString ip = v.toObject().value(u"ip"_s).toString();
            QVERIFY2(ip.endsWith(u".177"_s) || ip.endsWith(u".178"_s) || ip.endsWith(u".179"_s),
                     qPrintable(ip));
            QCOMPARE(v.toObject().value(u"host"_s).toString(), m_planned.value(ip));
        }
        const auto local = m_head->run({u"list"_s, u"--hosts"_s, u"local"_s, u"--json"_s});
        QVERIFY2(local.exitCode == 0, qPrintable(local.err));
        QCOMPARE(local.json().array().size(), perHost.value(u"local"_s));
        for (const QJsonValue &v : local.json().array())
            QCOMPARE(v.toObject().value(u"host"_s).toString(), u"local"_s);
        // A plain list on a head is the fleet's, as --hosts all; --here is this machine's
        // own VMs alone (what the head asks its own part), without a host; both together
        // are refused.
        const auto plain = m_head->run({u"list"_s, u"--json"_s});
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        const auto plainListed = byAddress(plain.json().array());
        QCOMPARE(plainListed.size(), 9);
        for (auto it = results.begin(); it != results.end(); ++it)
            QCOMPARE(plainListed.value(it.key()).value(u"host"_s).toString(),
                     it->value(u"host"_s).toString());
        const auto table = m_head->run({u"list"_s});
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        QVERIFY2(QString::fromUtf8(table.out).startsWith(u"HOST"_s), table.out.constData());
        QVERIFY2(QString::fromUtf8(table.out).contains(u"lab2"_s), table.out.constData());
        const auto here = m_head->run({u"list"_s, u"--here"_s, u"--json"_s});
        QVERIFY2(here.exitCode == 0, qPrintable(here.err));
        QCOMPARE(here.json().array().size(), perHost.value(u"local"_s));
        for (const QJsonValue &v : here.json().array())
            QVERIFY(!v.toObject().contains(u"host"_s));
        const auto both = m_head->run({u"list"_s, u"--here"_s, u"--hosts"_s, u"all"_s});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(u"--here"_s), qPrintable(both.err));
        const auto bad = m_head->run({u"list"_s, u"177-x"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(QString::fromUtf8(bad.out).contains(u"177-x"_s) || bad.err.contains(u"177-x"_s),
                 qPrintable(bad.err));
    }

    // export --hosts: one report of every host's VMs, each with its host, as JSON, CSV
    // and an Ansible inventory; HTML and PDF (one host's document) are refused.
    void exportMergesEveryHost() {
        const auto hostsSay = [&] {
            QHash<QString, QString> hostOf;
            for (const QString &host : m_cluster.allHosts())
                for (const QJsonObject &o : vmsOf(host))
                    hostOf.insert(o.value(u"ip"_s).toString(), host);
            return hostOf;
        }();
        QCOMPARE(hostsSay.size(), 9);

        auto r = m_head->run({u"export"_s, u"--hosts"_s, u"all"_s, u"--output"_s,
                              path(u"fleet.json"_s), u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().object().value(u"vms"_s).toInt(), 9);
        QFile json(path(u"fleet.json"_s));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(doc.value(u"hosts"_s).toArray().size(), 3);
        QCOMPARE(doc.value(u"host_errors"_s).toObject().size(), 0);
        const auto vms = byAddress(doc.value(u"vms"_s).toArray());
        QCOMPARE(vms.size(), 9);
        for (auto it = hostsSay.begin(); it != hostsSay.end(); ++it) {
            QCOMPARE(vms.value(it.key()).value(u"host"_s).toString(), it.value());
            QVERIFY(!vms.value(it.key()).value(u"mac"_s).toString().isEmpty());
        }

        // On a head a plain JSON export is the fleet's too; --here is this machine's VMs
        // alone; an HTML report (one machine's document) is this machine's, said so.
        r = m_head->run({u"export"_s, u"--output"_s, path(u"plain.json"_s)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile plain(path(u"plain.json"_s));
        QVERIFY(plain.open(QIODevice::ReadOnly));
        const QJsonObject plainDoc = QJsonDocument::fromJson(plain.readAll()).object();
        QCOMPARE(plainDoc.value(u"hosts"_s).toArray().size(), 3);
        QCOMPARE(byAddress(plainDoc.value(u"vms"_s).toArray()).size(), 9);
        r = m_head->run({u"export"_s, u"--here"_s, u"--output"_s, path(u"here.json"_s)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile here(path(u"here.json"_s));
        QVERIFY(here.open(QIODevice::ReadOnly));
        const QJsonDocument hereDoc = QJsonDocument::fromJson(here.readAll());
        QCOMPARE(hereDoc.object().value(u"hosts"_s), QJsonValue(QJsonValue::Undefined));
        qsizetype local = 0;
        for (auto it = hostsSay.begin(); it != hostsSay.end(); ++it)
            local += it.value() == u"local"_s ? 1 : 0;
        QCOMPARE(hereDoc.object().value(u"vms"_s).toArray().size(), local);
        r = m_head->run({u"export"_s, u"--output"_s, path(u"here.html"_s)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(u"this machine's VMs alone"_s), qPrintable(r.err));
        QVERIFY(QFileInfo(path(u"here.html"_s)).size() > 0);
        QCOMPARE(m_head
                     ->run({u"export"_s, u"--here"_s, u"--hosts"_s, u"all"_s, u"--output"_s,
                            path(u"both.json"_s)})
                     .exitCode,
                 2);
        QVERIFY(!QFileInfo::exists(path(u"both.json"_s)));

        r = m_head->run({u"export"_s, u"--hosts"_s, u"all"_s, u"--output"_s, path(u"fleet.csv"_s)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile csv(path(u"fleet.csv"_s));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(csv.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 10);
        const QStringList header = lines.first().split(u',');
        QCOMPARE(header.first(), u"host"_s);
        const qsizetype ipColumn = header.indexOf(u"ip"_s);
        QVERIFY(ipColumn > 0);
        for (const QString &line : lines.mid(1)) {
            const QStringList cells = line.split(u',');
            QCOMPARE(cells.first(), hostsSay.value(cells.value(ipColumn)));
        }

        r = m_head->run({u"export"_s, u"--hosts"_s, u"all"_s, u"--format"_s, u"ansible"_s,
                         u"--output"_s, path(u"fleet.yml"_s)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile yml(path(u"fleet.yml"_s));
        QVERIFY(yml.open(QIODevice::ReadOnly));
        const QString yaml = QString::fromUtf8(yml.readAll());
        for (const QString &host : m_cluster.allHosts())
            QVERIFY2(yaml.contains(u"host_"_s + host + u':'), qPrintable(yaml));
        QVERIFY2(yaml.contains(u"vmeclone_host: 'lab1'"_s), qPrintable(yaml));

        r = m_head->run(
            {u"export"_s, u"--hosts"_s, u"all"_s, u"--output"_s, path(u"fleet.html"_s)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"csv, json or ansible"_s), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path(u"fleet.html"_s)));
    }

    // The same command again makes nothing twice: each host finds what the plan made.
    void theSameCommandAgainMakesNothingTwice() {
        const auto r = m_head->run(
            {u"clone"_s, u"177-185"_s, u"--hosts"_s, u"all"_s, u"--no-start"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        int total = 0;
        for (const QString &host : {u"local"_s, u"lab1"_s, u"lab2"_s})
            total += vmsOf(host).size();
        QCOMPARE(total, 9);
    }

    // A host that cannot be reached: its VMs fail with the host named, the rest are made;
    // when it is back, the same command finishes what is missing.
    void anUnreachableHostFailsOnlyItsVms() {
        freshConnections(); // no master connection carries on past the dead server
        sshd().kill();
        const auto r = m_head->run(
            {u"clone"_s, u"186-194"_s, u"--hosts"_s, u"all"_s, u"--no-start"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        const auto results = byAddress(r.json().object().value(u"results"_s).toArray());
        QCOMPARE(results.size(), 9);
        int failed = 0;
        for (const QJsonObject &o : results) {
            const QString host = o.value(u"host"_s).toString();
            if (host == u"local"_s) {
                QVERIFY2(o.value(u"ok"_s).toBool(), qPrintable(o.value(u"message"_s).toString()));
                continue;
            }
            ++failed;
            QVERIFY(!o.value(u"ok"_s).toBool());
            QVERIFY2(o.value(u"message"_s).toString().contains(u"host "_s + host),
                     qPrintable(o.value(u"message"_s).toString()));
        }
        QVERIFY(failed > 0);
        QVERIFY(sshd().resume());
        const auto again = m_head->run(
            {u"clone"_s, u"186-194"_s, u"--hosts"_s, u"all"_s, u"--no-start"_s, u"--json"_s});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err + QString::fromUtf8(again.out)));
        int total = 0;
        for (const QString &host : {u"local"_s, u"lab1"_s, u"lab2"_s})
            total += vmsOf(host).size();
        QCOMPARE(total, 18);
    }

    // The head's ledger keeps a plain clone here off an address it placed on another host.
    void aPlainCloneHereKeepsOffAddressesPlacedElsewhere() {
        QString placed;
        for (const QJsonObject &o : vmsOf(u"lab1"_s))
            placed = o.value(u"ip"_s).toString();
        QVERIFY(!placed.isEmpty());
        const qsizetype onLab1 = vmsOf(u"lab1"_s).size();
        const auto r = m_head->run({u"clone"_s, placed, u"--no-start"_s, u"--json"_s});
        QVERIFY(r.exitCode != 0);
        const QString said = r.err + QString::fromUtf8(r.out);
        QVERIFY2(said.contains(u"on host lab1"_s), qPrintable(said));
        QCOMPARE(vmsOf(u"local"_s).value(placed), QJsonObject());
        QCOMPARE(vmsOf(u"lab1"_s).size(), onLab1);
    }

    // stop goes to every host: each VM is answered for by its own host.
    void stopReachesEveryHost() {
        const auto r = m_head->run({u"stop"_s, u"177-185"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const auto results = byAddress(r.json().object().value(u"results"_s).toArray());
        QCOMPARE(results.size(), 9);
        for (const QJsonObject &o : results) {
            QVERIFY2(o.value(u"ok"_s).toBool(), qPrintable(o.value(u"message"_s).toString()));
            const QJsonObject there =
                vmsOf(o.value(u"host"_s).toString()).value(o.value(u"ip"_s).toString());
            QCOMPARE(there.value(u"state"_s).toString(), u"stopped"_s);
        }
    }

    // The head's language reaches its hosts (VMECLONE_LANGUAGE, common/translations.h):
    // a refusal a host makes itself, here a folder already on its shard where the clone
    // would go, comes back in English from an English head and in Chinese from a Chinese
    // one. The test's sshd passes no environment on: the head has to ask for it.
    void aHostRefusesInTheHeadsLanguage() {
        // On both of lab1's shards (it has a second one since the first test), whichever
        // its plan picks; removed again however the test ends.
        const QString folder = path(u"shard-lab1/vm240"_s);
        const QString fast = path(u"shard-lab1-fast/vm240"_s);
        const std::shared_ptr<void> removed(nullptr, [&](void *) {
            QDir(folder).removeRecursively();
            QDir(fast).removeRecursively();
        });
        QVERIFY(QDir().mkpath(folder) && QDir().mkpath(fast));
        auto messageFrom = [&](const CliRunner &head) {
            const auto r = head.run({u"plan"_s, u"240"_s, u"--hosts"_s, u"lab1"_s, u"--json"_s});
            const auto results = byAddress(r.json().object().value(u"results"_s).toArray());
            const QJsonObject o = results.value(u"10.40.0.240"_s);
            [&] {
                QCOMPARE(o.value(u"host"_s).toString(), u"lab1"_s);
                QCOMPARE(o.value(u"state"_s).toString(), u"refused"_s);
            }();
            return o.value(u"message"_s).toString();
        };
        const QString english = messageFrom(*m_head);
        QVERIFY2(english.startsWith(u"host lab1: unavailable: the folder "_s), qPrintable(english));
        QVERIFY2(english.contains(u"/vm240 exists already"_s), qPrintable(english));
        CliRunner chineseHead = *m_head;
        chineseHead.setEnv(u"VMECLONE_LANGUAGE"_s, u"zh_CN"_s);
        const QString chinese = messageFrom(chineseHead);
        QVERIFY2(chinese.startsWith(u"主机 lab1：不可用：文件夹 "_s), qPrintable(chinese));
        QVERIFY2(chinese.contains(u"/vm240 已存在"_s), qPrintable(chinese));
    }

    void anUnknownHostIsRefused() {
        const auto r = m_head->run(
            {u"clone"_s, u"200-201"_s, u"--hosts"_s, u"lab1,nosuch"_s, u"--no-start"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"no host named 'nosuch'"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"--hosts"_s), qPrintable(r.err));
        QCOMPARE(vmsOf(u"lab1"_s).value(u"10.40.0.200"_s), QJsonObject());
    }

    // Release at the head: no file and no row on any host, and the ledger holds nothing
    // (a host with VMs in it cannot be removed).
    void releaseLeavesNothingAnywhere() {
        const auto r = m_head->run(
            {u"release"_s, u"177-194"_s, u"--hosts"_s, u"all"_s, u"--yes"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        for (const QString &host : {u"local"_s, u"lab1"_s, u"lab2"_s}) {
            QCOMPARE(vmsOf(host).size(), 0);
            QCOMPARE(foldersOn(host), 0);
        }
        QVERIFY(QDir(path(u"shard-lab1-fast"_s)).isEmpty(QDir::Dirs | QDir::NoDotAndDotDot));
        for (const QString &host : {u"lab1"_s, u"lab2"_s}) {
            const auto removed = m_head->run({u"host"_s, u"remove"_s, host});
            QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        }
    }

    // head -> sub-head -> hosts: a data folder whose one host "sub" is the head of before
    // (local, lab1, lab2). The same clone typed at the top reaches every host below, the
    // top's list names each VM's host through the sub-head, release leaves nothing.
    void aHeadOfHeadsRunsTheSameCommand() {
        for (const QString &host : {u"lab1"_s, u"lab2"_s}) {
            const auto r =
                m_head->run({u"host"_s, u"add"_s, host, sshd().destination(), u"--port"_s,
                             QString::number(sshd().port()), u"--home"_s, path(u"home-"_s + host),
                             u"--remote-command"_s, QStringLiteral(VMECLONE_CLI)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        CliRunner top(QStringLiteral(VMECLONE_CLI), path(u"home-top"_s));
        auto r = top.run({u"host"_s, u"add"_s, u"sub"_s, sshd().destination(), u"--port"_s,
                          QString::number(sshd().port()), u"--home"_s, path(u"home-local"_s),
                          u"--remote-command"_s, QStringLiteral(VMECLONE_CLI)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // The top's plan says, through the sub-head, which host below and which of its
        // shards each VM goes to ("lab1//…/shard-lab1"); the clone puts them there.
        r = top.run({u"plan"_s, u"200-208"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        QHash<QString, QString> below; // address → the host below sub
        for (const QJsonObject &o : byAddress(r.json().object().value(u"results"_s).toArray())) {
            QCOMPARE(o.value(u"host"_s).toString(), u"sub"_s);
            const QString shard = o.value(u"shard"_s).toString();
            const QString host = shard.section(u'/', 0, 0);
            QVERIFY2(shard.endsWith(u"/shard-"_s + host)
                         || (host == u"lab1"_s && shard == u"lab1/fast"_s),
                     qPrintable(shard));
            below.insert(o.value(u"ip"_s).toString(), host);
        }
        QCOMPARE(below.size(), 9);

        r = top.run(
            {u"clone"_s, u"200-208"_s, u"--hosts"_s, u"all"_s, u"--no-start"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const auto results = byAddress(r.json().object().value(u"results"_s).toArray());
        QCOMPARE(results.size(), 9);
        for (auto it = below.cbegin(); it != below.cend(); ++it)
            QVERIFY2(vmsOf(it.value()).contains(it.key()), qPrintable(it.key()));
        int made = 0;
        for (const QString &host : {u"local"_s, u"lab1"_s, u"lab2"_s})
            for (const QJsonObject &o : vmsOf(host))
                made += o.value(u"ip"_s).toString() >= u"10.40.0.200"_s ? 1 : 0;
        QCOMPARE(made, 9);

        const auto list = top.run({u"list"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QSet<QString> hosts;
        for (const QJsonObject &o : byAddress(list.json().array())) {
            const QString host = o.value(u"host"_s).toString();
            QVERIFY2(host == u"sub"_s || host.startsWith(u"sub/"_s), qPrintable(host));
            const QString subHost = host == u"sub"_s ? u"local"_s : host.mid(4);
            QVERIFY2(vmsOf(subHost).contains(o.value(u"ip"_s).toString()), qPrintable(host));
            hosts.insert(host);
        }
        QVERIFY2(hosts.size() >= 2, qPrintable(QStringList(hosts.begin(), hosts.end()).join(u' ')));

        r = top.run({u"release"_s, u"200-208"_s, u"--hosts"_s, u"all"_s, u"--yes"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        for (const QString &host : {u"local"_s, u"lab1"_s, u"lab2"_s}) {
            QCOMPARE(vmsOf(host).size(), 0);
            QCOMPARE(foldersOn(host), 0);
        }
        r = top.run({u"host"_s, u"remove"_s, u"sub"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // A host that has one of its own heads as a host: the request comes back to a data
    // folder it passed through, which refuses it as a cycle, named up to the head.
    void aCycleOfHeadsIsRefused() {
        auto lab1 = m_cluster.hosts.value(u"lab1"_s);
        auto r = lab1->run({u"host"_s, u"add"_s, u"up"_s, sshd().destination(), u"--port"_s,
                            QString::number(sshd().port()), u"--home"_s, path(u"home-local"_s),
                            u"--remote-command"_s, QStringLiteral(VMECLONE_CLI)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_head->run({u"list"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"cycle"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"host lab1"_s), qPrintable(r.err));
        r = lab1->run({u"host"_s, u"remove"_s, u"up"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_head->run({u"list"_s, u"--hosts"_s, u"all"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
