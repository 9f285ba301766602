// The head's ledger (Inventory::reserveCluster): what it takes, resumes and refuses, and
// that a schema-7 inventory gains it. Real SQLite files in a temporary folder.

#include "inventory/inventory.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// Documentation networks, used only as data.
Ipv4Address at(const char *text) {
    return *Ipv4Address::parse(QString::fromLatin1(text));
}

ClusterVm wanted(const char *address, const QString &host, const QString &golden = u"tiny"_s,
                 const QString &plan = u"plan-1"_s) {
    ClusterVm vm;
    vm.address = at(address);
    vm.mac = MacAddress::forIpv4(vm.address);
    vm.name = u"vm"_s + QString::fromLatin1(address).section(u'.', -1);
    vm.host = host;
    vm.golden = golden;
    vm.plan = plan;
    return vm;
}

} // namespace

class TestClusterLedger : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Inventory> m_inv;
    QString dbPath() const { return m_dir.filePath(u"inventory.sqlite"_s); }

private Q_SLOTS:
    void init() {
        QFile::remove(dbPath());
        auto inv = Inventory::open(dbPath());
        QVERIFY2(inv, qPrintable(inv.error()));
        m_inv = std::move(*inv);
    }

    void takesResumesAndRefuses() {
        auto first = m_inv->reserveCluster(
            {wanted("192.0.2.177", u"lab1"_s), wanted("192.0.2.178", u"lab2"_s)});
        QVERIFY2(first, qPrintable(first.error()));
        QCOMPARE(first->taken.size(), 2);
        QVERIFY(first->resumed.isEmpty() && first->refused.isEmpty());

        // The same addresses again (a rerun, a head that died): resumed with the plan and
        // host they were first sent to, not taken a second time.
        auto again =
            m_inv->reserveCluster({wanted("192.0.2.177", u"lab2"_s, u"tiny"_s, u"plan-2"_s),
                                   wanted("192.0.2.179", u"lab1"_s, u"tiny"_s, u"plan-2"_s)});
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->resumed.size(), 1);
        QCOMPARE(again->resumed.first().plan, u"plan-1"_s);
        QCOMPARE(again->resumed.first().host, u"lab1"_s);
        QCOMPARE(again->taken.size(), 1);

        // Another golden at a held address; an address of another subnet whose MAC (its low 22
        // bits) is held.
        auto clash = m_inv->reserveCluster(
            {wanted("192.0.2.178", u"lab1"_s, u"other"_s), wanted("10.0.2.177", u"lab1"_s)});
        QVERIFY2(clash, qPrintable(clash.error()));
        QCOMPARE(clash->refused.size(), 2);
        QCOMPARE(clash->refused[0].kind, RefusalKind::InUse);
        QVERIFY2(clash->refused[0].reason.contains(u"lab2"_s),
                 qPrintable(clash->refused[0].reason));
        QCOMPARE(clash->refused[1].kind, RefusalKind::MacInUse);
        QCOMPARE(m_inv->clusterVms()->size(), 3);
        QCOMPARE(*m_inv->vmsOnHost(u"LAB1"_s), 2); // host names compare in any case
    }

    void followsWhatTheHostsSay() {
        QVERIFY(m_inv->reserveCluster({wanted("192.0.2.177", u"lab1"_s)}));
        // A state for another plan's VM at the address is not taken.
        QVERIFY(m_inv->setClusterState(at("192.0.2.177"), u"plan-9"_s, u"online"_s));
        QCOMPARE(m_inv->clusterVms()->first().state, u"planned"_s);
        QVERIFY(m_inv->setClusterState(at("192.0.2.177"), u"plan-1"_s, u"configured"_s));
        QCOMPARE(m_inv->clusterVms()->first().state, u"configured"_s);
        // Removal names the host: another host's VM at the address stays.
        QVERIFY(m_inv->removeClusterVm(at("192.0.2.177"), u"lab2"_s));
        QCOMPARE(m_inv->clusterVms()->size(), 1);
        QVERIFY(m_inv->removeClusterVm(at("192.0.2.177"), u"lab1"_s));
        QCOMPARE(m_inv->clusterVms()->size(), 0);
        QVERIFY(m_inv->removeHost(u"lab1"_s).error().contains(u"no host named"_s));
    }

    // A schema-7 inventory (before the ledger) gains it on open.
    void upgradesSchemaSeven() {
        m_inv.reset();
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"DROP TABLE cluster_vms"_s));
            QVERIFY(q.exec(u"UPDATE meta SET value = '7' WHERE key = 'schema'"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
        auto inv = Inventory::open(dbPath());
        QVERIFY2(inv, qPrintable(inv.error()));
        m_inv = std::move(*inv);
        QVERIFY(m_inv->reserveCluster({wanted("192.0.2.177", u"lab1"_s)}));
        QCOMPARE(m_inv->clusterVms()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClusterLedger)
#include "tst_cluster_ledger.moc"
