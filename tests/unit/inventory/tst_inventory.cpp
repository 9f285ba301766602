// Inventory on real SQLite files: schema, refusals and their messages, reserve() in
// one transaction (also with two connections in two threads racing), compare-and-set
// transitions, the listener's apply() and its state guard, events, data_version.

#include "inventory/inventory.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <latch>
#include <limits>
#include <thread>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// Documentation network, used only as data.
const Subnet kSubnet = Subnet::parse(u"192.0.2.0/24").value();

Ipv4Address host(quint32 suffix) {
    return *kSubnet.addressOfSuffix(suffix);
}

GoldenRecord makeGolden(const QString &name, const QString &path, quint32 suffix) {
    GoldenRecord g;
    g.name = name;
    g.backend = u"qemu"_s;
    g.path = path;
    g.subnet = kSubnet;
    g.address = host(suffix);
    g.gateway = host(1);
    g.diskBytes = 64 << 20;
    return g;
}

VmRecord makeVm(quint32 suffix, qint64 goldenId, qint64 shardId, const QString &shardPath) {
    VmRecord vm;
    vm.name = u"vm%1"_s.arg(suffix);
    vm.address = host(suffix);
    vm.mac = MacAddress::forIpv4(vm.address);
    vm.goldenId = goldenId;
    vm.shardId = shardId;
    vm.folder = shardPath + u"/vm%1"_s.arg(suffix);
    vm.cloneMode = u"linked"_s;
    vm.instance = u"instance-%1"_s.arg(suffix);
    return vm;
}

QList<VmRecord> makeVms(quint32 first, quint32 last, qint64 goldenId, qint64 shardId,
                        const QString &shardPath) {
    QList<VmRecord> out;
    for (quint32 s = first; s <= last; ++s)
        out.append(makeVm(s, goldenId, shardId, shardPath));
    return out;
}

QSet<quint32> addressesOf(const QList<VmRecord> &vms) {
    QSet<quint32> out;
    for (const auto &vm : vms)
        out.insert(vm.address.toUInt());
    return out;
}

// A second, raw connection to look at what is really stored.
class RawDb {
public:
    explicit RawDb(const QString &path) {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawDb() {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant scalar(const QString &sql) {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    bool run(const QString &sql) { return QSqlQuery(m_db).exec(sql); }

private:
    QString m_name = u"raw-%1"_s.arg(reinterpret_cast<quintptr>(this));
    QSqlDatabase m_db;
};

} // namespace

class TestInventory : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Inventory> m_inv;
    QString m_shardPath;
    qint64 m_goldenId = 0;
    qint64 m_shardId = 0;

    QString dbPath() const { return m_dir.filePath(u"inventory/inventory.db"_s); }

private Q_SLOTS:
    void init();
    void cleanup();

    void createsSchemaAndReopens();
    void upgradesSchemaOne(); // to the current schema
    void refusesNewerSchema();
    void addGoldenRefusals_data();
    void addGoldenRefusals();
    void addShardRefusals_data();
    void addShardRefusals();
    void shardLabels();
    void reserveTakesFreshAddresses();
    void reserveRefusesHeldIdentity_data();
    void reserveRefusesHeldIdentity();
    void reserveRefusesDuplicatesWithinOneBatch();
    void reserveIsOneTransaction_data();
    void reserveIsOneTransaction();
    void concurrentReservesTakeEachAddressOnce();
    void setStateAndTransition();
    void applyUpdatesRunningVm();
    void applyDoesNotMoveVmsThatMayNotSpeak_data();
    void applyDoesNotMoveVmsThatMayNotSpeak();
    void applyStateOnlyKeepsWhatWasSeen();
    void dataVersionChangesOnOtherCommits();
    void changeSequenceOrdersEveryCommit();
    void applyTellsWhatItWroteAndItsSequence();
    void removeShardAndGoldenRefusedWhileUsed();
    void hostsRoundTrip();
    void upgradesSchemaSixWithHosts();
    void eventsRoundTrip();
    void theEventLogKeepsTheNewest();
    void nullStringsAreStoredAsEmptyText();
};

void TestInventory::init() {
    QVERIFY(m_dir.isValid());
    QFile::remove(dbPath());
    QFile::remove(dbPath() + u"-wal"_s);
    QFile::remove(dbPath() + u"-shm"_s);
    auto inv = Inventory::open(dbPath());
    QVERIFY2(inv, qPrintable(inv.error()));
    m_inv = std::move(*inv);
    m_shardPath = m_dir.filePath(u"shard-a"_s);
    auto shard = m_inv->addShard(m_shardPath, 1.0);
    QVERIFY2(shard, qPrintable(shard.error()));
    m_shardId = *shard;
    auto golden =
        m_inv->addGolden(makeGolden(u"vm176"_s, m_dir.filePath(u"golden/vm176.json"_s), 176));
    QVERIFY2(golden, qPrintable(golden.error()));
    m_goldenId = *golden;
}

void TestInventory::cleanup() {
    m_inv.reset();
}

// An inventory written by schema 1 (no owner, console_address, dns) opens, gains the columns and
// keeps its rows.
void TestInventory::upgradesSchemaOne() {
    auto r = m_inv->reserve(makeVms(177, 178, m_goldenId, m_shardId, m_shardPath));
    QVERIFY2(r, qPrintable(r.error()));
    m_inv.reset();
    {
        RawDb raw(dbPath());
        QVERIFY(raw.run(u"ALTER TABLE vms DROP COLUMN owner"_s));
        QVERIFY(raw.run(u"ALTER TABLE goldens DROP COLUMN console_address"_s));
        QVERIFY(raw.run(u"ALTER TABLE goldens DROP COLUMN dns"_s));
        // Schema 6's change sequence: the triggers go first (they name the column).
        for (const auto &trigger :
             {u"vms_stamp_insert"_s, u"vms_stamp_update"_s, u"vms_stamp_delete"_s})
            QVERIFY(raw.run(u"DROP TRIGGER "_s + trigger));
        QVERIFY(raw.run(u"ALTER TABLE vms DROP COLUMN change_seq"_s));
        QVERIFY(raw.run(u"DROP TABLE changes"_s));
        QVERIFY(raw.run(u"DROP TABLE hosts"_s));                     // schema 7
        QVERIFY(raw.run(u"ALTER TABLE shards DROP COLUMN label"_s)); // schema 10
        QVERIFY(raw.run(u"ALTER TABLE goldens DROP COLUMN nics"_s)); // schema 11
        QVERIFY(raw.run(u"ALTER TABLE events DROP COLUMN code"_s));  // schema 12
        QVERIFY(raw.run(u"ALTER TABLE events DROP COLUMN args"_s));
        QVERIFY(raw.run(u"UPDATE meta SET value = '1' WHERE key = 'schema'"_s));
    }
    auto again = Inventory::open(dbPath());
    QVERIFY2(again, qPrintable(again.error()));
    m_inv = std::move(*again);
    auto vms = m_inv->vms();
    QVERIFY2(vms, qPrintable(vms.error()));
    QCOMPARE(vms->size(), 2);
    QVERIFY(m_inv->setOwner(vms->first().id, u"token"_s).ok());
    VmRecord asRead = vms->first();
    asRead.owner = u"token"_s;
    auto claimed = m_inv->claim(asRead, u"other"_s);
    QVERIFY(claimed && *claimed);
    auto twice = m_inv->claim(asRead, u"third"_s);
    QVERIFY(twice && !*twice);
    // A VM that moved on since it was read (its batch finished) is not claimed.
    QVERIFY(m_inv->setOwner(asRead.id, u"token"_s).ok());
    QVERIFY(m_inv->setState(asRead.id, asRead.state == VmState::Configured ? VmState::Stopped
                                                                           : VmState::Configured));
    auto moved = m_inv->claim(asRead, u"fourth"_s);
    QVERIFY(moved && !*moved);
    // The upgraded inventory stamps every change again.
    const qint64 before = *m_inv->changeSequence();
    QVERIFY(m_inv->setState(asRead.id, VmState::Stopped));
    QCOMPARE(*m_inv->changeSequence(), before + 1);
    QCOMPARE((*m_inv->stamp(asRead.id))->seq, before + 1);
    m_inv.reset();
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT value FROM meta WHERE key = 'schema'"_s).toString(), u"12"_s);
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM pragma_table_info('shards') WHERE name = 'label'"_s)
                 .toInt(),
             1);
    QCOMPARE(
        raw.scalar(
               u"SELECT count(*) FROM pragma_table_info('goldens') WHERE name = 'console_address'"_s)
            .toInt(),
        1);
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM pragma_table_info('goldens') WHERE name = 'dns'"_s)
                 .toInt(),
             1);
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM pragma_table_info('goldens') WHERE name = 'nics'"_s)
                 .toInt(),
             1);
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM pragma_table_info('events') WHERE name IN "
                        u"('code', 'args')"_s)
                 .toInt(),
             2);
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM pragma_table_info('hosts')"_s).toInt(), 8);
}

void TestInventory::createsSchemaAndReopens() {
    // init() created the folder "inventory/" and the file.
    QVERIFY(QFileInfo(dbPath()).isFile());
    QCOMPARE(m_inv->path(), QFileInfo(dbPath()).absoluteFilePath());
    auto r = m_inv->reserve(makeVms(177, 179, m_goldenId, m_shardId, m_shardPath));
    QVERIFY2(r, qPrintable(r.error()));
    QCOMPARE(r->taken.size(), 3);
    m_inv.reset();

    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(raw.scalar(u"SELECT value FROM meta WHERE key = 'schema'"_s).toString(), u"12"_s);
    }

    auto again = Inventory::open(dbPath());
    QVERIFY2(again, qPrintable(again.error()));
    m_inv = std::move(*again);
    auto goldens = m_inv->goldens();
    QVERIFY(goldens);
    QCOMPARE(goldens->size(), 1);
    const GoldenRecord g = goldens->first();
    QCOMPARE(g.name, u"vm176"_s);
    QCOMPARE(g.subnet, kSubnet);
    QCOMPARE(g.address, host(176));
    QCOMPARE(g.gateway, host(1));
    QCOMPARE(g.namePrefix, u"vm"_s);
    QCOMPARE(g.diskBytes, qint64(64 << 20));
    QVERIFY(g.addedAt.isValid());
    auto byName = m_inv->goldenByName(u"vm176"_s);
    QVERIFY(byName && byName->has_value());
    QCOMPARE((*byName)->id, m_goldenId);

    auto shards = m_inv->shards();
    QVERIFY(shards);
    QCOMPARE(shards->size(), 1);
    QCOMPARE(shards->first().path, m_shardPath);

    auto vms = m_inv->vms();
    QVERIFY(vms);
    QCOMPARE(vms->size(), 3);
    const VmRecord vm = vms->first();
    QCOMPARE(vm.name, u"vm177"_s);
    QCOMPARE(vm.address, host(177));
    QCOMPARE(vm.mac, MacAddress::forIpv4(host(177)));
    QCOMPARE(vm.folder, m_shardPath + u"/vm177"_s);
    QCOMPARE(vm.cloneMode, u"linked"_s);
    QCOMPARE(vm.instance, u"instance-177"_s);
    QCOMPARE(vmStateName(vm.state), u"planned"_s);
    QVERIFY(vm.createdAt.isValid());
    QVERIFY(!vm.lastSeen.isValid());
}

void TestInventory::refusesNewerSchema() {
    m_inv.reset();
    {
        RawDb raw(dbPath());
        QVERIFY(raw.run(u"UPDATE meta SET value = '99' WHERE key = 'schema'"_s));
    }
    auto inv = Inventory::open(dbPath());
    QVERIFY(!inv);
    QVERIFY2(inv.error().contains(QFileInfo(dbPath()).absoluteFilePath()), qPrintable(inv.error()));
    QVERIFY2(inv.error().contains(u"schema 99"_s), qPrintable(inv.error()));
    QVERIFY2(inv.error().contains(u"newer vmeclone"_s), qPrintable(inv.error()));
}

void TestInventory::addGoldenRefusals_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("path");
    QTest::addColumn<quint32>("suffix");
    QTest::addColumn<QString>("message");
    QTest::addColumn<Field>("field"); // the input refused, with its value
    QTest::addColumn<Problem>("problem");
    QTest::addColumn<QString>("value");

    const QString other = u"/goldens/other.json"_s;
    QTest::newRow("same name")
        << u"vm176"_s << other << 200u
        << u"a golden image named 'vm176' exists already: choose another name"_s
        << Field::GoldenName << Problem::Taken << u"vm176"_s;
    QTest::newRow("same path") << u"other"_s << u"GOLDEN"_s << 200u
                               << u"GOLDEN is already the golden image 'vm176'"_s
                               << Field::GoldenPath << Problem::Taken << u"GOLDEN"_s;
    QTest::newRow("same address")
        << u"other"_s << other << 176u
        << u"192.0.2.176 is already the address of the golden image 'vm176'"_s << Field::Suffix
        << Problem::Taken << u"176"_s;
    QTest::newRow("address of a VM")
        << u"other"_s << other << 180u << u"192.0.2.180 is in use by the VM vm180"_s
        << Field::Suffix << Problem::InUse << u"180"_s;
}

void TestInventory::addGoldenRefusals() {
    QFETCH(QString, name);
    QFETCH(QString, path);
    QFETCH(quint32, suffix);
    QFETCH(QString, message);
    QFETCH(Field, field);
    QFETCH(Problem, problem);
    QFETCH(QString, value);
    const QString goldenPath = m_dir.filePath(u"golden/vm176.json"_s);
    if (path == u"GOLDEN")
        path = goldenPath;
    message.replace(u"GOLDEN"_s, goldenPath);
    value.replace(u"GOLDEN"_s, goldenPath);

    auto r = m_inv->reserve({makeVm(180, m_goldenId, m_shardId, m_shardPath)});
    QVERIFY(r && r->taken.size() == 1);

    auto added = m_inv->addGolden(makeGolden(name, path, suffix));
    QVERIFY(!added);
    QCOMPARE(added.error(), message);
    QCOMPARE(added.failure().field, field);
    QCOMPARE(added.failure().problem, problem);
    QCOMPARE(added.failure().value, value);
    auto goldens = m_inv->goldens();
    QVERIFY(goldens);
    QCOMPARE(goldens->size(), 1);
}

void TestInventory::addShardRefusals_data() {
    QTest::addColumn<bool>("samePath");
    QTest::addColumn<double>("weight");
    QTest::addColumn<QString>("message");
    QTest::newRow("duplicate") << true << 2.0 << u"SHARD is already a disk shard"_s;
    QTest::newRow("weight 0") << false << 0.0
                              << u"shard weight 0 must be a finite number greater than 0"_s;
    QTest::newRow("negative weight")
        << false << -1.5 << u"shard weight -1.5 must be a finite number greater than 0"_s;
    QTest::newRow("NaN weight") << false << std::numeric_limits<double>::quiet_NaN()
                                << u"shard weight nan must be a finite number greater than 0"_s;
    QTest::newRow("infinite weight")
        << false << std::numeric_limits<double>::infinity()
        << u"shard weight inf must be a finite number greater than 0"_s;
}

void TestInventory::addShardRefusals() {
    QFETCH(bool, samePath);
    QFETCH(double, weight);
    QFETCH(QString, message);
    const QString path = samePath ? m_shardPath : m_dir.filePath(u"shard-b"_s);
    message.replace(u"SHARD"_s, m_shardPath);

    auto added = m_inv->addShard(path, weight);
    QVERIFY(!added);
    QCOMPARE(added.error(), message);
    auto shards = m_inv->shards();
    QVERIFY(shards);
    QCOMPARE(shards->size(), 1);

    // The same rule holds when changing a weight.
    if (!samePath) {
        auto s = m_inv->setShardWeight(m_shardId, weight);
        QVERIFY(!s);
        QCOMPARE(s.error(), message);
        QCOMPARE(m_inv->shards()->first().weight, 1.0);
    }
}

void TestInventory::shardLabels() {
    const QString other = m_dir.filePath(u"shard-b"_s);
    QVERIFY(QDir().mkpath(other));
    auto otherId = m_inv->addShard(other, 1.0);
    QVERIFY2(otherId, qPrintable(otherId.error()));
    QVERIFY(m_inv->setShardLabel(m_shardId, u"  fast ssd "_s).ok());
    QCOMPARE(m_inv->shards()->first().label, u"fast ssd"_s); // trimmed
    // Labels tell shards apart: another shard cannot have the same one.
    auto same = m_inv->setShardLabel(*otherId, u"fast ssd"_s);
    QVERIFY(!same);
    QVERIFY2(same.error().contains(m_shardPath) && same.error().contains(u"fast ssd"_s),
             qPrintable(same.error()));
    for (const QString &bad : {u"a/b"_s, u"line\nbreak"_s, QString(33, u'x')}) {
        auto refused = m_inv->setShardLabel(*otherId, bad);
        QVERIFY2(!refused, qPrintable(bad));
    }
    QCOMPARE(m_inv->shards()->last().label, QString());
    QVERIFY(!m_inv->setShardLabel(9999, u"x"_s)); // no such shard
    // Empty removes it, and the label is free again.
    QVERIFY(m_inv->setShardLabel(m_shardId, {}).ok());
    QVERIFY(m_inv->setShardLabel(*otherId, u"fast ssd"_s).ok());
    QCOMPARE(m_inv->shards()->first().label, QString());
    QCOMPARE(m_inv->shards()->last().label, u"fast ssd"_s);
}

void TestInventory::reserveTakesFreshAddresses() {
    auto r = m_inv->reserve(makeVms(177, 181, m_goldenId, m_shardId, m_shardPath));
    QVERIFY2(r, qPrintable(r.error()));
    QCOMPARE(r->taken.size(), 5);
    QVERIFY(r->refused.isEmpty());
    QSet<qint64> ids;
    for (const auto &vm : r->taken) {
        QVERIFY(vm.id > 0);
        ids.insert(vm.id);
        QCOMPARE(vmStateName(vm.state), u"planned"_s);
        auto stored = m_inv->vm(vm.id);
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->address, vm.address);
        QCOMPARE((*stored)->name, vm.name);
        auto byAddress = m_inv->vmByAddress(vm.address);
        QVERIFY(byAddress && byAddress->has_value());
        QCOMPARE((*byAddress)->id, vm.id);
    }
    QCOMPARE(ids.size(), 5);

    auto taken = m_inv->takenAddresses();
    QVERIFY(taken);
    QCOMPARE(taken->size(), 6);
    QCOMPARE(taken->value(host(176)).reason, u"the golden image vm176's own address"_s);
    QCOMPARE(taken->value(host(176)).kind, RefusalKind::GoldenAddress);
    QCOMPARE(taken->value(host(179)).reason, u"in use by vm179"_s);
    QCOMPARE(taken->value(host(179)).kind, RefusalKind::InUse);
    auto none = m_inv->vmByAddress(host(200));
    QVERIFY(none && !none->has_value());
}

void TestInventory::reserveRefusesHeldIdentity_data() {
    QTest::addColumn<quint32>("suffix");
    QTest::addColumn<quint32>("macOf");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("folder"); // relative to the shard
    QTest::addColumn<QString>("reason");
    QTest::addColumn<RefusalKind>("kind");

    QTest::newRow("address") << 180u << 250u << u"other"_s << u"other"_s << u"in use by vm180"_s
                             << RefusalKind::InUse;
    QTest::newRow("MAC") << 190u << 180u << u"other"_s << u"other"_s
                         << u"unavailable: its MAC 00:50:56:00:02:b4 is in use by vm180"_s
                         << RefusalKind::MacInUse;
    QTest::newRow("name") << 191u << 191u << u"vm180"_s << u"other"_s
                          << u"unavailable: the name vm180 is in use"_s << RefusalKind::NameInUse;
    QTest::newRow("folder") << 192u << 192u << u"other"_s << u"vm180"_s
                            << u"the folder SHARD/vm180 is in use by vm180"_s
                            << RefusalKind::FolderInUse;
    QTest::newRow("golden's address")
        << 176u << 176u << u"other"_s << u"other"_s << u"the golden image vm176's own address"_s
        << RefusalKind::GoldenAddress;
}

void TestInventory::reserveRefusesHeldIdentity() {
    QFETCH(quint32, suffix);
    QFETCH(quint32, macOf);
    QFETCH(QString, name);
    QFETCH(QString, folder);
    QFETCH(QString, reason);
    QFETCH(RefusalKind, kind);
    reason.replace(u"SHARD"_s, m_shardPath);

    auto first = m_inv->reserve({makeVm(180, m_goldenId, m_shardId, m_shardPath)});
    QVERIFY(first && first->taken.size() == 1);

    VmRecord vm = makeVm(suffix, m_goldenId, m_shardId, m_shardPath);
    vm.mac = MacAddress::forIpv4(host(macOf));
    vm.name = name;
    vm.folder = m_shardPath + u'/' + folder;
    // A fresh address in the same batch is still taken.
    const VmRecord fresh = makeVm(200, m_goldenId, m_shardId, m_shardPath);
    auto r = m_inv->reserve({vm, fresh});
    QVERIFY2(r, qPrintable(r.error()));
    QCOMPARE(r->refused.size(), 1);
    QCOMPARE(r->refused.first().address, host(suffix));
    QCOMPARE(r->refused.first().reason, reason);
    QCOMPARE(r->refused.first().kind, kind);
    QCOMPARE(r->taken.size(), 1);
    QCOMPARE(r->taken.first().address, fresh.address);

    auto vms = m_inv->vms();
    QVERIFY(vms);
    QCOMPARE(addressesOf(*vms), (QSet<quint32>{host(180).toUInt(), host(200).toUInt()}));
}

void TestInventory::reserveRefusesDuplicatesWithinOneBatch() {
    const VmRecord vm = makeVm(177, m_goldenId, m_shardId, m_shardPath);
    auto r = m_inv->reserve({vm, vm});
    QVERIFY2(r, qPrintable(r.error()));
    QCOMPARE(r->taken.size(), 1);
    QCOMPARE(r->refused.size(), 1);
    QCOMPARE(r->refused.first().reason, u"in use by vm177"_s);
    QCOMPARE(r->refused.first().kind, RefusalKind::InUse);
}

void TestInventory::reserveIsOneTransaction_data() {
    QTest::addColumn<QString>("breakWhat");
    QTest::newRow("CHECK: bad clone mode") << u"clone_mode"_s;
    QTest::newRow("foreign key: unknown golden") << u"golden"_s;
    QTest::newRow("foreign key: unknown shard") << u"shard"_s;
    QTest::newRow("UNIQUE: instance") << u"instance"_s;
}

void TestInventory::reserveIsOneTransaction() {
    QFETCH(QString, breakWhat);
    QList<VmRecord> batch = makeVms(177, 181, m_goldenId, m_shardId, m_shardPath);
    VmRecord &bad = batch[3]; // .180: three rows are inserted before it fails
    if (breakWhat == u"clone_mode")
        bad.cloneMode = u"bogus"_s;
    else if (breakWhat == u"golden")
        bad.goldenId = 9999;
    else if (breakWhat == u"shard")
        bad.shardId = 9999;
    else
        bad.instance = batch[0].instance;

    auto r = m_inv->reserve(batch);
    QVERIFY(!r);
    QVERIFY2(r.error().startsWith(u"cannot reserve 192.0.2.180: "_s), qPrintable(r.error()));

    // Nothing of the batch is left, and the connection is not stuck in a transaction.
    auto vms = m_inv->vms();
    QVERIFY(vms);
    QVERIFY(vms->isEmpty());
    batch[3] = makeVm(180, m_goldenId, m_shardId, m_shardPath);
    auto again = m_inv->reserve(batch);
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(again->taken.size(), 5);
}

void TestInventory::concurrentReservesTakeEachAddressOnce() {
    // Each thread has its own connection (as two processes would) and reserves its
    // range in small batches; both ranges start at .20 and begin at the same moment, so
    // the two fight over the same addresses batch after batch.
    struct Outcome {
        QString error;
        QList<VmRecord> taken;
        QList<RefusedAddress> refused;
    };
    const QString path = dbPath();
    const QString shardPath = m_shardPath;
    const qint64 goldenId = m_goldenId;
    const qint64 shardId = m_shardId;
    std::latch go(2);
    auto worker = [&](quint32 first, quint32 last, Outcome &out) {
        auto inv = Inventory::open(path);
        if (!inv) {
            out.error = inv.error();
            go.count_down();
            return;
        }
        go.arrive_and_wait();
        for (quint32 s = first; s <= last; s += 5) {
            auto r = (*inv)->reserve(makeVms(s, qMin(s + 4, last), goldenId, shardId, shardPath));
            if (!r) {
                out.error = r.error();
                return;
            }
            out.taken += r->taken;
            out.refused += r->refused;
        }
    };
    Outcome a, b;
    std::thread ta(worker, 20u, 200u, std::ref(a));
    std::thread tb(worker, 20u, 250u, std::ref(b));
    ta.join();
    tb.join();
    QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
    QVERIFY2(b.error.isEmpty(), qPrintable(b.error));

    auto checkCovers = [](const Outcome &o, quint32 first, quint32 last) {
        QSet<quint32> seen;
        for (const auto &vm : o.taken) {
            if (seen.contains(vm.address.toUInt()))
                return false;
            seen.insert(vm.address.toUInt());
        }
        for (const auto &r : o.refused) {
            if (seen.contains(r.address.toUInt()))
                return false;
            seen.insert(r.address.toUInt());
        }
        QSet<quint32> want;
        for (quint32 s = first; s <= last; ++s)
            want.insert(host(s).toUInt());
        return seen == want;
    };
    QVERIFY(checkCovers(a, 20, 200));
    QVERIFY(checkCovers(b, 20, 250));

    const QSet<quint32> takenA = addressesOf(a.taken);
    const QSet<quint32> takenB = addressesOf(b.taken);
    QVERIFY(!takenA.intersects(takenB));
    QSet<quint32> all;
    for (quint32 s = 20; s <= 250; ++s) {
        if (s != 176)
            all.insert(host(s).toUInt());
    }
    QCOMPARE(takenA + takenB, all);
    for (const auto &r : a.refused + b.refused) {
        const QString want = r.address == host(176)
                                 ? u"the golden image vm176's own address"_s
                                 : u"in use by vm%1"_s.arg(kSubnet.suffixOf(r.address));
        QCOMPARE(r.reason, want);
    }
    auto vms = m_inv->vms();
    QVERIFY(vms);
    QCOMPARE(addressesOf(*vms), all);
}

void TestInventory::setStateAndTransition() {
    auto r = m_inv->reserve({makeVm(177, m_goldenId, m_shardId, m_shardPath)});
    QVERIFY(r && r->taken.size() == 1);
    const qint64 id = r->taken.first().id;

    QVERIFY(m_inv->setState(id, VmState::Copying, {}, 40));
    auto vm = m_inv->vm(id);
    QCOMPARE(vmStateName((*vm)->state), u"copying"_s);
    QCOMPARE((*vm)->progress, 40);
    QVERIFY(m_inv->setProgress(id, 75));
    QCOMPARE((*m_inv->vm(id))->progress, 75);
    QVERIFY(m_inv->setPid(id, 4242));
    QCOMPARE((*m_inv->vm(id))->pid, qint64(4242));

    auto missing = m_inv->setState(9999, VmState::Failed, u"x"_s);
    QVERIFY(!missing);
    QCOMPARE(missing.error(), u"no VM with id 9999 in the inventory"_s);

    auto moved = m_inv->transition(id, VmState::Copying, VmState::Configured, u"copied"_s);
    QVERIFY(moved);
    QVERIFY(*moved);
    vm = m_inv->vm(id);
    QCOMPARE(vmStateName((*vm)->state), u"configured"_s);
    QCOMPARE((*vm)->reason, u"copied"_s);
    QCOMPARE((*vm)->progress, 0);

    // The state moved on: a second compare-and-set from the old state does nothing.
    auto stale = m_inv->transition(id, VmState::Copying, VmState::Failed, u"late"_s);
    QVERIFY(stale);
    QVERIFY(!*stale);
    vm = m_inv->vm(id);
    QCOMPARE(vmStateName((*vm)->state), u"configured"_s);
    QCOMPARE((*vm)->reason, u"copied"_s);

    auto unknown = m_inv->transition(9999, VmState::Planned, VmState::Copying);
    QVERIFY(unknown);
    QVERIFY(!*unknown);
}

void TestInventory::applyUpdatesRunningVm() {
    auto r = m_inv->reserve(makeVms(177, 178, m_goldenId, m_shardId, m_shardPath));
    QVERIFY(r && r->taken.size() == 2);
    const qint64 id = r->taken[0].id;
    const qint64 other = r->taken[1].id;
    QVERIFY(m_inv->setState(id, VmState::Booting));
    QVERIFY(m_inv->setState(other, VmState::Online));

    const QDateTime seen = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123);
    VmUpdate u;
    u.vmId = id;
    u.state = VmState::Online;
    u.reason = u"eth0 192.0.2.177/24"_s;
    u.bootId = u"000102030405060708090a0b0c0d0e0f"_s;
    u.lastSequence = 5;
    u.boots = 2;
    u.uptimeSeconds = 30;
    u.lastSeen = seen;
    u.wentOnline = true;
    VmUpdate heartbeat; // no state change: only what was seen
    heartbeat.vmId = other;
    heartbeat.bootId = u"ffeeddccbbaa99887766554433221100"_s;
    heartbeat.lastSequence = 77;
    heartbeat.boots = 1;
    heartbeat.uptimeSeconds = 600;
    heartbeat.lastSeen = seen;
    QVERIFY(m_inv->apply({u, heartbeat}));

    const VmRecord vm = **m_inv->vm(id);
    QCOMPARE(vmStateName(vm.state), u"online"_s);
    QCOMPARE(vm.reason, u"eth0 192.0.2.177/24"_s);
    QCOMPARE(vm.bootId, u.bootId);
    QCOMPARE(vm.lastSequence, qint64(5));
    QCOMPARE(vm.boots, 2);
    QCOMPARE(vm.uptimeSeconds, qint64(30));
    QCOMPARE(vm.lastSeen, seen);
    QVERIFY(vm.onlineAt.isValid());

    const VmRecord hb = **m_inv->vm(other);
    QCOMPARE(vmStateName(hb.state), u"online"_s);
    QCOMPARE(hb.bootId, heartbeat.bootId);
    QCOMPARE(hb.lastSequence, qint64(77));
    QCOMPARE(hb.uptimeSeconds, qint64(600));
    QVERIFY(!hb.onlineAt.isValid()); // wentOnline was not set

    QVERIFY(m_inv->apply({})); // nothing to do is fine
}

void TestInventory::applyDoesNotMoveVmsThatMayNotSpeak_data() {
    QTest::addColumn<QString>("state");
    for (const auto *s :
         {u"releasing", u"stopping", u"stopped", u"planned", u"copying", u"configured"})
        QTest::newRow(QString::fromUtf16(s).toUtf8().constData()) << QString::fromUtf16(s);
}

void TestInventory::applyDoesNotMoveVmsThatMayNotSpeak() {
    QFETCH(QString, state);
    auto r = m_inv->reserve(makeVms(177, 178, m_goldenId, m_shardId, m_shardPath));
    QVERIFY(r && r->taken.size() == 2);
    const qint64 held = r->taken[0].id;
    const qint64 running = r->taken[1].id;
    QVERIFY(m_inv->setState(held, *vmStateFromName(state), u"operator"_s));
    QVERIFY(m_inv->setState(running, VmState::Booting));

    auto online = [](qint64 id) {
        VmUpdate u;
        u.vmId = id;
        u.state = VmState::Online;
        u.reason = u"late"_s;
        u.bootId = u"000102030405060708090a0b0c0d0e0f"_s;
        u.lastSequence = 9;
        u.boots = 1;
        u.lastSeen = QDateTime::currentDateTime();
        u.wentOnline = true;
        return u;
    };
    QVERIFY(m_inv->apply({online(held), online(running)}));

    const VmRecord h = **m_inv->vm(held);
    QCOMPARE(vmStateName(h.state), state);
    QCOMPARE(h.reason, u"operator"_s);
    QVERIFY(!h.onlineAt.isValid());
    // The same batch still moved the VM that may speak.
    QCOMPARE(vmStateName((*m_inv->vm(running))->state), u"online"_s);
}

void TestInventory::applyStateOnlyKeepsWhatWasSeen() {
    // The listener marks a VM unreachable with an update that carries only the state:
    // the boot, sequence and last-seen time must survive it (they refuse replays).
    auto r = m_inv->reserve({makeVm(177, m_goldenId, m_shardId, m_shardPath)});
    QVERIFY(r && r->taken.size() == 1);
    const qint64 id = r->taken.first().id;
    QVERIFY(m_inv->setState(id, VmState::Booting));
    VmUpdate seen;
    seen.vmId = id;
    seen.state = VmState::Online;
    seen.bootId = u"000102030405060708090a0b0c0d0e0f"_s;
    seen.lastSequence = 12;
    seen.boots = 3;
    seen.uptimeSeconds = 99;
    seen.lastSeen = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000);
    seen.wentOnline = true;
    QVERIFY(m_inv->apply({seen}));

    VmUpdate unreachable;
    unreachable.vmId = id;
    unreachable.state = VmState::Unreachable;
    unreachable.reason = u"no heartbeat for 15 s"_s;
    QVERIFY(m_inv->apply({unreachable}));

    const VmRecord vm = **m_inv->vm(id);
    QCOMPARE(vmStateName(vm.state), u"unreachable"_s);
    QCOMPARE(vm.reason, u"no heartbeat for 15 s"_s);
    QCOMPARE(vm.bootId, seen.bootId);
    QCOMPARE(vm.lastSequence, qint64(12));
    QCOMPARE(vm.boots, 3);
    QCOMPARE(vm.uptimeSeconds, qint64(99));
    QCOMPARE(vm.lastSeen, seen.lastSeen);
}

void TestInventory::dataVersionChangesOnOtherCommits() {
    auto other = Inventory::open(dbPath());
    QVERIFY2(other, qPrintable(other.error()));
    auto before = m_inv->dataVersion();
    QVERIFY(before);
    QCOMPARE(*m_inv->dataVersion(), *before); // nothing happened
    QVERIFY((*other)->addEvent(u"info"_s, {}, u"from another connection"_s));
    auto after = m_inv->dataVersion();
    QVERIFY(after);
    QVERIFY(*after != *before);
}

// Every insert, change and removal of a VM row, by any connection, moves the one counter
// on by one; a row carries the sequence of its last change; vmsAt() reads rows and
// counter as of one commit.
void TestInventory::changeSequenceOrdersEveryCommit() {
    const qint64 start = *m_inv->changeSequence();
    auto r = m_inv->reserve(makeVms(177, 178, m_goldenId, m_shardId, m_shardPath));
    QVERIFY(r && r->taken.size() == 2);
    const qint64 a = r->taken[0].id, b = r->taken[1].id;
    auto read = m_inv->vmsAt();
    QVERIFY2(read, qPrintable(read.error()));
    QCOMPARE(read->seq, start + 2);
    QCOMPARE(read->vms[0].changeSeq, start + 1);
    QCOMPARE(read->vms[1].changeSeq, start + 2);

    auto other = Inventory::open(dbPath()); // another process, as far as SQLite can tell
    QVERIFY2(other, qPrintable(other.error()));
    QVERIFY((*other)->setState(b, VmState::Copying));
    QVERIFY((*other)->setProgress(b, 40));
    QVERIFY(m_inv->setState(a, VmState::Failed, u"disk full"_s));
    QCOMPARE(*m_inv->changeSequence(), start + 5);
    QCOMPARE((*m_inv->stamp(b))->seq, start + 4);
    QCOMPARE(vmStateName((*m_inv->stamp(b))->state), u"copying"_s);
    QCOMPARE((*m_inv->stamp(a))->seq, start + 5);

    // A compare-and-set that does not match changes nothing, so stamps nothing.
    auto moved = m_inv->transition(a, VmState::Starting, VmState::Booting);
    QVERIFY(moved && !*moved);
    QCOMPARE(*m_inv->changeSequence(), start + 5);

    QVERIFY((*other)->removeVm(a));
    QCOMPARE(*m_inv->changeSequence(), start + 6);
    QVERIFY(!m_inv->stamp(a)->has_value());
    read = m_inv->vmsAt();
    QVERIFY(read && read->vms.size() == 1);
    QCOMPARE(read->seq, start + 6);
    QCOMPARE(read->vms[0].changeSeq, start + 4);
}

// The listener's batch: each update learns the sequence of its own commit and whether its
// state was written (a VM being stopped keeps its state; its sighting is still recorded).
void TestInventory::applyTellsWhatItWroteAndItsSequence() {
    auto r = m_inv->reserve(makeVms(177, 178, m_goldenId, m_shardId, m_shardPath));
    QVERIFY(r && r->taken.size() == 2);
    const qint64 a = r->taken[0].id, b = r->taken[1].id;
    QVERIFY(m_inv->setState(a, VmState::Booting));
    QVERIFY(m_inv->setState(b, VmState::Stopping));
    QList<VmUpdate> updates(2);
    for (int i = 0; i < 2; ++i) {
        updates[i].vmId = i == 0 ? a : b;
        updates[i].state = VmState::Online;
        updates[i].lastSeen = QDateTime::currentDateTime();
    }
    QVERIFY(m_inv->apply(updates));
    QVERIFY(updates[0].stateWritten);
    QVERIFY(!updates[1].stateWritten);
    QCOMPARE(updates[0].seq, (*m_inv->stamp(a))->seq);
    QCOMPARE(updates[1].seq, (*m_inv->stamp(b))->seq);
    QVERIFY(updates[0].seq > 0 && updates[1].seq > updates[0].seq);
    QCOMPARE(vmStateName((*m_inv->stamp(b))->state), u"stopping"_s);
    QCOMPARE(updates[1].seq, *m_inv->changeSequence());
}

// Hosts: stored as given, names unique in any case, removed by name; weights checked.
void TestInventory::hostsRoundTrip() {
    HostRecord h;
    h.name = u"lab1"_s;
    h.destination = u"admin@192.0.2.10"_s;
    h.port = 2222;
    h.remoteHome = u"/srv/vmeclone"_s;
    h.remoteCommand = u"/opt/vmeclone/bin/vmeclone"_s;
    h.weight = 2.5;
    auto id = m_inv->addHost(h);
    QVERIFY2(id, qPrintable(id.error()));
    HostRecord plain;
    plain.name = u"lab0"_s;
    plain.destination = u"lab0.example"_s;
    QVERIFY(m_inv->addHost(plain));

    auto hosts = m_inv->hosts();
    QVERIFY2(hosts, qPrintable(hosts.error()));
    QCOMPARE(hosts->size(), 2);
    QCOMPARE(hosts->at(0).name, u"lab0"_s); // by name
    QCOMPARE(hosts->at(0).port, 0);
    QCOMPARE(hosts->at(0).remoteHome, QString());
    QCOMPARE(hosts->at(0).remoteCommand, u"vmeclone"_s);
    QCOMPARE(hosts->at(0).weight, 1.0);
    const HostRecord stored = hosts->at(1);
    QCOMPARE(stored.id, *id);
    QCOMPARE(stored.destination, h.destination);
    QCOMPARE(stored.address(), u"192.0.2.10"_s);
    QCOMPARE(stored.port, 2222);
    QCOMPARE(stored.remoteHome, h.remoteHome);
    QCOMPARE(stored.remoteCommand, h.remoteCommand);
    QCOMPARE(stored.weight, 2.5);
    QVERIFY(stored.addedAt.isValid());

    auto byName = m_inv->hostByName(u"LAB1"_s);
    QVERIFY(byName && byName->has_value());
    QCOMPARE((*byName)->name, u"lab1"_s);
    auto twice = m_inv->addHost(h);
    QVERIFY(!twice);
    QVERIFY2(twice.error().contains(u"exists already"_s), qPrintable(twice.error()));
    h.name = u"LAB1"_s;
    QVERIFY(!m_inv->addHost(h));
    h.name = u"lab2"_s;
    h.weight = 0;
    auto weightless = m_inv->addHost(h);
    QVERIFY(!weightless);
    QVERIFY2(weightless.error().contains(u"weight"_s), qPrintable(weightless.error()));

    QCOMPARE(*m_inv->vmsOnHost(u"lab1"_s), 0);
    QVERIFY(m_inv->removeHost(u"lab1"_s));
    auto gone = m_inv->removeHost(u"lab1"_s);
    QVERIFY(!gone);
    QVERIFY2(gone.error().contains(u"no host named 'lab1'"_s), qPrintable(gone.error()));
    QCOMPARE(m_inv->hosts()->size(), 1);
}

// A schema-6 inventory (before hosts) gains the hosts table and keeps its rows.
void TestInventory::upgradesSchemaSixWithHosts() {
    auto r = m_inv->reserve(makeVms(177, 177, m_goldenId, m_shardId, m_shardPath));
    QVERIFY2(r, qPrintable(r.error()));
    m_inv.reset();
    {
        RawDb raw(dbPath());
        QVERIFY(raw.run(u"DROP TABLE hosts"_s));
        QVERIFY(raw.run(u"UPDATE meta SET value = '6' WHERE key = 'schema'"_s));
    }
    auto again = Inventory::open(dbPath());
    QVERIFY2(again, qPrintable(again.error()));
    m_inv = std::move(*again);
    QCOMPARE(m_inv->vms()->size(), 1);
    QCOMPARE(m_inv->hosts()->size(), 0);
    HostRecord h;
    h.name = u"lab1"_s;
    h.destination = u"192.0.2.10"_s;
    QVERIFY(m_inv->addHost(h));
    m_inv.reset();
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT value FROM meta WHERE key = 'schema'"_s).toString(), u"12"_s);
}

void TestInventory::removeShardAndGoldenRefusedWhileUsed() {
    auto r = m_inv->reserve(makeVms(177, 178, m_goldenId, m_shardId, m_shardPath));
    QVERIFY(r && r->taken.size() == 2);

    auto s = m_inv->removeShard(m_shardId);
    QVERIFY(!s);
    QCOMPARE(s.error(), u"2 VMs live on this shard: release them first"_s);
    auto g = m_inv->removeGolden(m_goldenId);
    QVERIFY(!g);
    QCOMPARE(g.error(), u"2 VMs are clones of this golden image: release them first"_s);
    QCOMPARE(m_inv->shards()->size(), 1);
    QCOMPARE(m_inv->goldens()->size(), 1);

    for (const auto &vm : r->taken)
        QVERIFY(m_inv->removeVm(vm.id));
    QVERIFY(m_inv->removeShard(m_shardId));
    QVERIFY(m_inv->removeGolden(m_goldenId));
    QVERIFY(m_inv->shards()->isEmpty());
    QVERIFY(m_inv->goldens()->isEmpty());
}

// Issue "Nothing lost…", finding 6: the event log is bounded: past kMaxEvents the
// oldest go as new ones come, whoever writes them.
void TestInventory::theEventLogKeepsTheNewest() {
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"filler"_s);
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i "
                        u"< %1) INSERT INTO events(at, level, vm_name, message) SELECT 0, 'info', "
                        u"'vm177', 'old ' || i FROM n"_s.arg(Inventory::kMaxEvents + 10)),
                 qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"filler"_s);
    QVERIFY(m_inv->addEvent(u"info"_s, u"vm177"_s, u"the newest"_s));
    auto oldest = m_inv->events(0, 1);
    QVERIFY(oldest);
    QCOMPARE(oldest->first().message, u"old 12"_s); // 11 oldest went for 11 over the cap
    auto count = m_inv->events(0, int(Inventory::kMaxEvents) + 100);
    QVERIFY(count);
    QCOMPARE(count->size(), qsizetype(Inventory::kMaxEvents));
    QCOMPARE(count->last().message, u"the newest"_s);
}

void TestInventory::eventsRoundTrip() {
    const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
    QVERIFY(m_inv->addEvent(u"info"_s, u"vm177"_s, u"online: eth0 192.0.2.177/24"_s));
    QVERIFY(m_inv->addEvent(u"error"_s, {}, u"batch 177-180 failed: disk full"_s));
    QVERIFY(m_inv->addEvent(u"warning"_s, u"vm178"_s, u"unreachable: no heartbeat for 15 s"_s));

    auto all = m_inv->events();
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).level, u"info"_s);
    QCOMPARE(all->at(0).vmName, u"vm177"_s);
    QCOMPARE(all->at(0).message, u"online: eth0 192.0.2.177/24"_s);
    QVERIFY(all->at(0).at >= before);
    QCOMPARE(all->at(1).level, u"error"_s);
    QVERIFY(all->at(1).vmName.isEmpty());
    QVERIFY(all->at(0).id < all->at(1).id && all->at(1).id < all->at(2).id);

    auto after = m_inv->events(all->at(0).id);
    QVERIFY(after);
    QCOMPARE(after->size(), 2);
    QCOMPARE(after->first().id, all->at(1).id);
    auto limited = m_inv->events(0, 1);
    QVERIFY(limited);
    QCOMPARE(limited->size(), 1);
    QCOMPARE(limited->first().id, all->at(0).id);
}

void TestInventory::nullStringsAreStoredAsEmptyText() {
    GoldenRecord g = makeGolden(u"nulls"_s, m_dir.filePath(u"nulls.json"_s), 10);
    g.backend = QString();
    g.namePrefix = QString();
    auto added = m_inv->addGolden(g);
    QVERIFY2(added, qPrintable(added.error()));

    auto r = m_inv->reserve({makeVm(177, m_goldenId, m_shardId, m_shardPath)});
    QVERIFY(r && r->taken.size() == 1);
    const qint64 id = r->taken.first().id;
    QVERIFY(m_inv->setState(id, VmState::Booting, QString()));
    auto moved = m_inv->transition(id, VmState::Booting, VmState::Configuring, QString());
    QVERIFY(moved && *moved);
    VmUpdate u;
    u.vmId = id;
    u.state = VmState::Online;
    u.lastSeen = QDateTime::currentDateTime(); // bootId and reason stay null
    QVERIFY(m_inv->apply({u}));
    QVERIFY(m_inv->addEvent(u"info"_s, QString(), u"no VM"_s));

    m_inv.reset();
    RawDb raw(dbPath());
    QCOMPARE(
        raw.scalar(
               u"SELECT typeof(backend) || typeof(name_prefix) FROM goldens WHERE name = 'nulls'"_s)
            .toString(),
        u"texttext"_s);
    QCOMPARE(
        raw.scalar(
               u"SELECT typeof(reason) || typeof(boot_id) || ':' || reason || boot_id FROM vms"_s)
            .toString(),
        u"texttext:"_s);
    QCOMPARE(raw.scalar(u"SELECT typeof(vm_name) || ':' || vm_name FROM events"_s).toString(),
             u"text:"_s);
}

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
