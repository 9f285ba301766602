// VmTableModel under a fake feed: inserts, state changes, removals and snapshots
// posted to its queue, always checked by QAbstractItemModelTester; a flood of
// changes costs a bounded number of dataChanged signals.

#include "shard_names.h"
#include "vm_table_filter.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

const Subnet kNet = *Subnet::parse(u"192.0.2.0/24");

VmRow makeRow(qint64 id, quint32 suffix, VmState state = VmState::Planned, qint64 seq = 0) {
    VmRow r;
    r.id = id;
    r.seq = seq;
    r.suffix = suffix;
    r.address = *kNet.addressOfSuffix(suffix);
    r.name = u"vm%1"_s.arg(suffix);
    r.mac = MacAddress::forIpv4(r.address);
    r.shard = u"/srv/shard-a"_s;
    r.state = state;
    return r;
}

QList<int> roles(const QList<QVariant> &args) {
    return args.at(2).value<QList<int>>();
}

} // namespace

class TestVmTableModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<VmTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    void fill(int n, qint64 firstId = 1) {
        QList<VmChange> changes;
        for (int i = 0; i < n; ++i)
            changes.append(VmChange::upsert(makeRow(firstId + i, static_cast<quint32>(10 + i))));
        m_model->queue()->push(changes);
        m_model->drain();
    }

private Q_SLOTS:
    void init() {
        m_model = std::make_unique<VmTableModel>();
        m_model->setClockInterval(0);
        m_model->setDrainInterval(3'600'000); // tests drain by hand unless they say otherwise
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup() {
        m_tester.reset();
        m_model.reset();
    }

    void insertsArriveAsOneBatch() {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        fill(50);
        QCOMPARE(m_model->rowCount(), 50);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 49);
        QCOMPARE(m_model->index(3, VmTableModel::NameColumn).data().toString(), u"vm13"_s);
        QCOMPARE(m_model->index(3, VmTableModel::IpColumn).data().toString(), u"192.0.2.13"_s);
        QCOMPARE(m_model->index(3, VmTableModel::MacColumn).data().toString(),
                 MacAddress::forIpv4(*kNet.addressOfSuffix(13)).toString());
    }

    // Issue 14, item 3: shards by a short name that still tells them apart.
    void shardsHaveShortDistinctNames() {
        const QHash<QString, QString> names = shardShortNames(
            {u"/srv/ssd-a"_s, u"/srv/a/shard"_s, u"/mnt/b/shard"_s, u"/x/b/c"_s, u"/b/c/"_s});
        QCOMPARE(names.value(u"/srv/ssd-a"_s), u"ssd-a"_s);
        QCOMPARE(names.value(u"/srv/a/shard"_s), u"a/shard"_s);
        QCOMPARE(names.value(u"/mnt/b/shard"_s), u"b/shard"_s);
        // One path is the tail of the other: both are said whole.
        QCOMPARE(names.value(u"/x/b/c"_s), u"/x/b/c"_s);
        QCOMPARE(names.value(u"/b/c/"_s), u"/b/c"_s);
        QSet<QString> distinct(names.cbegin(), names.cend());
        QCOMPARE(distinct.size(), names.size());
        // A label names its shard; a folder whose name reads as a label is said longer.
        const QHash<QString, QString> labelled = shardShortNames(
            {u"/srv/a/shard"_s, u"/mnt/b/shard"_s, u"/x/fast"_s}, {{u"/srv/a/shard"_s, u"fast"_s}});
        QCOMPARE(labelled.value(u"/srv/a/shard"_s), u"fast"_s);
        QCOMPARE(labelled.value(u"/mnt/b/shard"_s), u"shard"_s);
        QCOMPARE(labelled.value(u"/x/fast"_s), u"/x/fast"_s);
        // A path not among them: its folder's own name.
        QCOMPARE(shardShortName(names, u"/data/shard-z/"_s), u"shard-z"_s);

        fill(1);
        QCOMPARE(m_model->index(0, VmTableModel::ShardColumn).data().toString(), u"shard-a"_s);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setShardNames(shardShortNames({u"/srv/shard-a"_s, u"/mnt/disk2/shard-a"_s}));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_model->index(0, VmTableModel::ShardColumn).data().toString(),
                 u"/srv/shard-a"_s); // "disk2/shard-a" is the other one
        QCOMPARE(m_model->index(0, VmTableModel::ShardColumn).data(Qt::ToolTipRole).toString(),
                 u"/srv/shard-a"_s);
    }

    void nothingQueuedEmitsNothing() {
        fill(3);
        QSignalSpy applied(m_model.get(), &VmTableModel::changesApplied);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->drain();
        QCOMPARE(applied.count(), 0);
        QCOMPARE(changed.count(), 0);
        // The same values again change nothing either.
        m_model->queue()->push(VmChange::upsert(makeRow(2, 11)));
        m_model->drain();
        QCOMPARE(applied.count(), 1);
        QCOMPARE(changed.count(), 0);
    }

    void stateChangeNamesItsRoles() {
        fill(10);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->queue()->push(VmChange::state(4, VmState::Failed, u"disk full"_s));
        m_model->drain();
        QCOMPARE(changed.count(), 1);
        const auto args = changed.first();
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 3);
        QCOMPARE(bottomRight.row(), 3);
        QVERIFY(topLeft.column() <= VmTableModel::StateColumn);
        QVERIFY(bottomRight.column() >= VmTableModel::DetailColumn);
        const QList<int> r = roles(args);
        QVERIFY(!r.isEmpty());
        for (int role :
             {int(Qt::DisplayRole), int(Qt::DecorationRole), int(Qt::ForegroundRole),
              int(VmTableModel::StateRole), int(VmTableModel::SortRole), int(Qt::ToolTipRole)})
            QVERIFY2(r.contains(role), qPrintable(u"role %1 missing"_s.arg(role)));
        const QModelIndex state = m_model->index(3, VmTableModel::StateColumn);
        QCOMPARE(state.data(VmTableModel::StateNameRole).toString(), u"failed"_s);
        QCOMPARE(state.data(Qt::ToolTipRole).toString(), u"disk full"_s);
        QCOMPARE(m_model->index(3, VmTableModel::DetailColumn).data().toString(), u"disk full"_s);
    }

    void progressChangeTouchesOnlyProgress() {
        fill(5);
        m_model->queue()->push(VmChange::state(2, VmState::Copying));
        m_model->drain();
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        VmChange c;
        c.row.id = 2;
        c.row.progress = 42;
        c.fields = VmChange::Progress;
        m_model->queue()->push(c);
        m_model->drain();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().column(),
                 int(VmTableModel::ProgressColumn));
        QCOMPARE(changed.first().at(1).value<QModelIndex>().column(),
                 int(VmTableModel::ProgressColumn));
        QVERIFY(roles(changed.first()).contains(VmTableModel::ProgressRole));
        QVERIFY(!roles(changed.first()).contains(Qt::DecorationRole));
        QCOMPARE(m_model->index(1, VmTableModel::ProgressColumn)
                     .data(VmTableModel::ProgressRole)
                     .toInt(),
                 42);
    }

    void changedRowsMergeIntoRanges_data() {
        QTest::addColumn<QList<qint64>>("ids");
        QTest::addColumn<int>("signals");
        QTest::newRow("one row") << QList<qint64>{5} << 1;
        QTest::newRow("adjacent") << QList<qint64>{5, 6, 7} << 1;
        QTest::newRow("adjacent, posted out of order") << QList<qint64>{7, 5, 6} << 1;
        QTest::newRow("two runs") << QList<qint64>{1, 2, 8, 9} << 2;
        QTest::newRow("scattered") << QList<qint64>{1, 3, 5, 7} << 4;
        QTest::newRow("all") << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 1;
    }

    void changedRowsMergeIntoRanges() {
        QFETCH(QList<qint64>, ids);
        QFETCH(int, signals);
        fill(10);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        for (qint64 id : ids)
            m_model->queue()->push(VmChange::state(id, VmState::Online));
        m_model->drain();
        QCOMPARE(changed.count(), signals);
        for (qint64 id : ids)
            QCOMPARE(m_model->rowById(id)->state, VmState::Online);
    }

    void removalsAreBatched_data() {
        QTest::addColumn<QList<qint64>>("ids");
        QTest::addColumn<int>("signals");
        QTest::newRow("one") << QList<qint64>{4} << 1;
        QTest::newRow("a run") << QList<qint64>{3, 4, 5} << 1;
        QTest::newRow("two runs") << QList<qint64>{1, 2, 9, 10} << 2;
        QTest::newRow("every other") << QList<qint64>{2, 4, 6} << 3;
        QTest::newRow("everything") << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 1;
    }

    void removalsAreBatched() {
        QFETCH(QList<qint64>, ids);
        QFETCH(int, signals);
        fill(10);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        for (qint64 id : ids)
            m_model->queue()->push(VmChange::remove(id));
        m_model->drain();
        QCOMPARE(removed.count(), signals);
        QCOMPARE(m_model->rowCount(), 10 - ids.size());
        for (qint64 id = 1; id <= 10; ++id) {
            QCOMPARE(m_model->rowById(id) == nullptr, ids.contains(id));
            if (!ids.contains(id))
                QCOMPARE(m_model->indexOfId(id).data(VmTableModel::IdRole).toLongLong(), id);
        }
    }

    void mixedFeedKeepsTheModelConsistent() {
        fill(20);
        // One batch: changes, removals, an insert removed again, a re-upsert of a removed row.
        auto q = m_model->queue();
        q->push(VmChange::state(3, VmState::Copying));
        q->push(VmChange::remove(4));
        q->push(VmChange::upsert(makeRow(100, 200)));
        q->push(VmChange::remove(100));
        q->push(VmChange::remove(5));
        q->push(VmChange::upsert(makeRow(5, 14, VmState::Online)));
        q->push(VmChange::upsert(makeRow(101, 201, VmState::Booting)));
        VmChange orphan; // an update for a VM nobody knows, without a name: ignored
        orphan.row.id = 999;
        orphan.fields = VmChange::State;
        q->push(orphan);
        VmChange fromBatch; // a batch event for a new VM: its row appears at once
        fromBatch.row = makeRow(102, 202, VmState::Planned);
        fromBatch.fields = VmChange::State;
        q->push(fromBatch);
        m_model->drain();
        QCOMPARE(m_model->rowCount(), 21);
        QVERIFY(!m_model->rowById(4));
        QVERIFY(!m_model->rowById(100));
        QVERIFY(!m_model->rowById(999));
        QCOMPARE(m_model->rowById(5)->state, VmState::Online);
        QCOMPARE(m_model->rowById(101)->state, VmState::Booting);
        QCOMPARE(m_model->rowById(102)->name, u"vm202"_s);

        // A snapshot: what the inventory holds now. Rows 1-10 go, 11 changes, 300 is new.
        QList<VmRow> snapshot;
        for (qint64 id = 11; id <= 20; ++id)
            snapshot.append(makeRow(id, static_cast<quint32>(id + 9),
                                    id == 11 ? VmState::Stopped : VmState::Planned));
        snapshot.append(makeRow(300, 250, VmState::Online));
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        q->push(VmChange::snapshot(snapshot));
        m_model->drain();
        QCOMPARE(m_model->rowCount(), 11);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(removed.count() >= 1);
        QCOMPARE(m_model->rowById(11)->state, VmState::Stopped);
        QCOMPARE(m_model->rowById(300)->suffix, 250u);
        for (qint64 id : {1, 3, 5, 10, 101, 102})
            QVERIFY(!m_model->rowById(id));
    }

    void timerDrainsWithoutHelp() {
        m_model->setDrainInterval(10);
        m_model->queue()->push(VmChange::upsert(makeRow(1, 10)));
        QTRY_COMPARE(m_model->rowCount(), 1);
    }

    void tenThousandStateChangesCostBoundedSignals() {
        constexpr int kRows = 200;
        constexpr int kChanges = 10'000;
        fill(kRows);
        m_model->setDrainInterval(20);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy ticks(m_model.get(), &VmTableModel::changesApplied);

        // A producer thread sweeps over the rows, as a batch's pool threads would:
        // every change is real (its reason is new), so no row is skipped.
        const auto queue = m_model->queue();
        const QList<VmState> states{VmState::Copying, VmState::Configured,  VmState::Starting,
                                    VmState::Booting, VmState::Configuring, VmState::Rebooting,
                                    VmState::Online};
        std::unique_ptr<QThread> producer(QThread::create([&] {
            for (int n = 0; n < kChanges; ++n)
                queue->push(VmChange::state(1 + n % kRows, states[(n / kRows) % states.size()],
                                            u"step %1"_s.arg(n)));
        }));
        producer->start();
        QVERIFY(producer->wait(60000));
        auto appliedSoFar = [&] {
            int sum = 0;
            for (const auto &t : ticks)
                sum += t.at(0).toInt();
            return sum;
        };
        QTRY_COMPARE_WITH_TIMEOUT(appliedSoFar(), kChanges, 30000);

        // A tick sees a contiguous stretch of the sweep: at most two merged ranges.
        QVERIFY(ticks.count() >= 1);
        QVERIFY2(
            changed.count() <= 2 * ticks.count(),
            qPrintable(u"%1 dataChanged for %2 ticks"_s.arg(changed.count()).arg(ticks.count())));
        QVERIFY(changed.count() < kChanges / 10);
        for (int id = 1; id <= kRows; ++id) {
            const int last = kChanges - kRows + (id - 1);
            QCOMPARE(m_model->rowById(id)->reason, u"step %1"_s.arg(last));
            QCOMPARE(m_model->rowById(id)->state, states[(last / kRows) % states.size()]);
        }

        // All queued before one tick: one signal for the whole table.
        changed.clear();
        m_model->setDrainInterval(3'600'000);
        for (int n = 0; n < kChanges; ++n)
            queue->push(VmChange::state(1 + n % kRows, VmState::Failed, u"again %1"_s.arg(n)));
        m_model->drain();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), kRows - 1);
    }

    void sortsOnRawValues_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("tableFilter"); // the console's proxy (its own lessThan)
        for (const bool filter : {false, true}) {
            const char *proxy = filter ? "VmTableFilter" : "QSortFilterProxyModel";
            QTest::addRow("suffix, %s", proxy) << int(VmTableModel::SuffixColumn) << filter;
            QTest::addRow("ip, %s", proxy) << int(VmTableModel::IpColumn) << filter;
            QTest::addRow("name, %s", proxy) << int(VmTableModel::NameColumn) << filter;
            QTest::addRow("state, %s", proxy) << int(VmTableModel::StateColumn) << filter;
            QTest::addRow("boots, %s", proxy) << int(VmTableModel::BootsColumn) << filter;
        }
    }

    void sortsOnRawValues() {
        QFETCH(int, column);
        QFETCH(bool, tableFilter);
        // As text, 100 < 20 < 9; as numbers 9 < 20 < 100. States and boots in that order too
        // (configured < booting < online; 2 < 10 < 11).
        VmRow a = makeRow(1, 100, VmState::Online);
        a.boots = 11;
        VmRow b = makeRow(2, 9, VmState::Configured);
        b.boots = 2;
        VmRow c = makeRow(3, 20, VmState::Booting);
        c.boots = 10;
        m_model->queue()->push({VmChange::upsert(a), VmChange::upsert(b), VmChange::upsert(c)});
        m_model->drain();
        std::unique_ptr<QSortFilterProxyModel> proxy =
            tableFilter ? std::make_unique<VmTableFilter>()
                        : std::make_unique<QSortFilterProxyModel>();
        proxy->setSourceModel(m_model.get());
        proxy->setSortRole(VmTableModel::SortRole);
        proxy->sort(column, Qt::AscendingOrder);
        QCOMPARE(proxy->index(0, VmTableModel::SuffixColumn).data().toInt(), 9);
        QCOMPARE(proxy->index(1, VmTableModel::SuffixColumn).data().toInt(), 20);
        QCOMPARE(proxy->index(2, VmTableModel::SuffixColumn).data().toInt(), 100);
        proxy->sort(column, Qt::DescendingOrder);
        QCOMPARE(proxy->index(0, VmTableModel::SuffixColumn).data().toInt(), 100);
    }

    // A long random feed over this machine and three hosts (one below another), drained in
    // batches of any size: after each, the table holds exactly the VMs a plain replay of the
    // same changes holds, in the same states, and stateCounts() agrees with a count of them.
    // (The model skips walking a host's rows when its snapshot names them all, and keeps
    // the state counts as rows change: this is what both must equal.)
    void aRandomFeedMatchesAReplay() {
        QRandomGenerator random(20261206);
        const QStringList hosts{QString(), u"lab1"_s, u"lab2"_s, u"lab1/sub"_s};
        const VmState states[] = {VmState::Planned, VmState::Configured, VmState::Booting,
                                  VmState::Online,  VmState::Stopped,    VmState::Failed};
        struct Known {
            QString host;
            VmState state;
        };
        QHash<qint64, Known> replay;
        // Ids: this machine's 1..40; a host's its number and suffix; a few ids move host.
        const auto rowFor = [&](qint64 id, const QString &host, VmState state) {
            const quint32 suffix = 2 + static_cast<quint32>(std::abs(id) % 200);
            VmRow r = makeRow(id, suffix, state);
            r.host = host;
            return r;
        };
        const auto randomId = [&](const QString &host) -> qint64 {
            if (host.isEmpty())
                return 1 + random.bounded(40);
            const int number = static_cast<int>(hosts.indexOf(host));
            return VmRow::remoteId(number, *kNet.addressOfSuffix(2 + random.bounded(40)));
        };
        auto q = m_model->queue();
        for (int round = 0; round < 300; ++round) {
            const int changes = 1 + random.bounded(12);
            for (int k = 0; k < changes; ++k) {
                const QString host = hosts.at(random.bounded(hosts.size()));
                const VmState state = states[random.bounded(6)];
                switch (random.bounded(10)) {
                case 0:
                case 1:
                case 2: { // a VM appears or is rewritten (now and then on another host)
                    const qint64 id = randomId(host);
                    const QString on =
                        random.bounded(20) == 0 ? hosts.at(random.bounded(hosts.size())) : host;
                    q->push(VmChange::upsert(rowFor(id, on, state)));
                    replay.insert(id, Known{on, state});
                    break;
                }
                case 3:
                case 4: { // a state change of a VM that may or may not be there
                    const qint64 id = randomId(host);
                    q->push(VmChange::state(id, state));
                    if (replay.contains(id))
                        replay[id].state = state;
                    break;
                }
                case 5: {
                    const qint64 id = randomId(host);
                    q->push(VmChange::remove(id));
                    replay.remove(id);
                    break;
                }
                case 6: { // a host says it cannot be asked: rows stay
                    q->push(VmChange::hostState(host, random.bounded(2) == 0, u"down"_s));
                    break;
                }
                default: { // a snapshot of the host: most of its VMs, some new ones
                    QList<VmRow> rows;
                    QSet<qint64> named;
                    for (auto it = replay.cbegin(); it != replay.cend(); ++it)
                        if (VmRow::inScope(it->host, host) && random.bounded(8) != 0) {
                            rows.append(rowFor(it.key(), it->host, it->state));
                            named.insert(it.key());
                        }
                    for (int n = random.bounded(3); n > 0; --n) {
                        const qint64 id = randomId(host);
                        if (named.contains(id) || (replay.contains(id) && replay[id].host != host))
                            continue;
                        rows.append(rowFor(id, host, state));
                        named.insert(id);
                    }
                    q->push(host.isEmpty() ? VmChange::snapshot(rows)
                                           : VmChange::hostSnapshot(host, rows));
                    for (auto it = replay.begin(); it != replay.end();)
                        it = VmRow::inScope(it->host, host) && !named.contains(it.key())
                                 ? replay.erase(it)
                                 : std::next(it);
                    for (const VmRow &r : std::as_const(rows))
                        replay.insert(r.id, Known{r.host, r.state});
                    break;
                }
                }
            }
            m_model->drain();

            if (m_model->rowCount() != replay.size()) {
                for (int r = 0; r < m_model->rowCount(); ++r)
                    if (!replay.contains(m_model->rowAt(r).id))
                        qWarning() << "round" << round << "extra" << m_model->rowAt(r).id
                                   << m_model->rowAt(r).host;
            }
            QCOMPARE(m_model->rowCount(), replay.size());
            QHash<VmState, int> counted;
            for (auto it = replay.cbegin(); it != replay.cend(); ++it) {
                const VmRow *row = m_model->rowById(it.key());
                QVERIFY2(
                    row,
                    qPrintable(u"round %1: VM %2 of '%3' is missing"_s.arg(round).arg(it.key()).arg(
                        it->host)));
                QCOMPARE(row->host, it->host);
                QCOMPARE(row->state, it->state);
                ++counted[it->state];
            }
            QCOMPARE(m_model->stateCounts(), counted);
        }
    }

    void heartbeatText_data() {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << qint64(0) << u"0 s ago"_s;
        QTest::newRow("3 s") << qint64(3) << u"3 s ago"_s;
        QTest::newRow("2 min") << qint64(150) << u"2 min ago"_s;
        QTest::newRow("5 h") << qint64(5 * 3600 + 10) << u"5 h ago"_s;
        QTest::newRow("2 d") << qint64(2 * 86400 + 5) << u"2 d ago"_s;
    }

    void heartbeatText() {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, text);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000);
        QCOMPARE(VmTableModel::agoText(now.addSecs(-secondsAgo), now), text);
        QCOMPARE(VmTableModel::agoText(QDateTime(), now), u"—"_s);
    }

    void clockRefreshIsOneSignal() {
        fill(30);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setClockInterval(10);
        QVERIFY(changed.wait(5000));
        m_model->setClockInterval(0);
        const auto args = changed.first();
        QCOMPARE(args.at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(args.at(1).value<QModelIndex>().row(), 29);
        QCOMPARE(args.at(0).value<QModelIndex>().column(), int(VmTableModel::HeartbeatColumn));
        QCOMPARE(args.at(1).value<QModelIndex>().column(), int(VmTableModel::UptimeColumn));
    }

    // Issue "One truth…": views order every change by the inventory's change sequence.
    // A snapshot read before a state change (the engine thread's read, at sequence 150)
    // but delivered after it (the batch's event, 200) never rolls the row back, nor
    // removes a row an event just added (210); a snapshot read after both applies.
    void aStaleSnapshotNeverRollsARowBack() {
        VmChange first = VmChange::snapshot({makeRow(1, 10, VmState::Configured, 100)});
        first.seq = 100;
        m_model->queue()->push(first);
        m_model->drain();
        QCOMPARE(stateOf(1), u"configured"_s);

        VmChange booting = VmChange::state(1, VmState::Booting);
        booting.seq = 200;
        VmChange added = VmChange::upsert(makeRow(2, 11, VmState::Planned, 210)); // a new clone
        added.seq = 210;
        VmChange stale = VmChange::snapshot({makeRow(1, 10, VmState::Configured, 100)});
        stale.seq = 150; // read before both, delivered after them
        m_model->queue()->push({booting, added});
        m_model->drain();
        m_model->queue()->push(stale);
        m_model->drain();
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(stateOf(1), u"booting"_s);
        QCOMPARE(stateOf(2), u"planned"_s);

        // An event older than what the row holds (a superseded step) changes nothing.
        VmChange late = VmChange::state(1, VmState::Starting);
        late.seq = 190;
        VmChange superseded = VmChange::state(1, VmState::Starting);
        superseded.seq = VmChange::kSuperseded;
        m_model->queue()->push({late, superseded});
        m_model->drain();
        QCOMPARE(stateOf(1), u"booting"_s);

        VmChange fresh = VmChange::snapshot({makeRow(1, 10, VmState::Online, 250)});
        fresh.seq = 300; // read after both: it holds everything (vm11 was released at 260)
        m_model->queue()->push(fresh);
        m_model->drain();
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(stateOf(1), u"online"_s);
    }

    // A VM released (its removal at sequence 400) is not brought back by a snapshot read
    // before the release and delivered after it; a snapshot read later agrees.
    void aStaleSnapshotNeverBringsBackARemovedVm() {
        VmChange first = VmChange::snapshot(
            {makeRow(1, 10, VmState::Online, 100), makeRow(2, 11, VmState::Online, 101)});
        first.seq = 101;
        m_model->queue()->push(first);
        m_model->drain();
        QCOMPARE(m_model->rowCount(), 2);
        VmChange gone = VmChange::remove(2);
        gone.seq = 400;
        VmChange stale = VmChange::snapshot(
            {makeRow(1, 10, VmState::Online, 100), makeRow(2, 11, VmState::Releasing, 350)});
        stale.seq = 350;
        m_model->queue()->push(gone);
        m_model->drain();
        m_model->queue()->push(stale);
        m_model->drain();
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(stateOf(2), QString());
        VmChange fresh = VmChange::snapshot({makeRow(1, 10, VmState::Stopped, 420)});
        fresh.seq = 420;
        m_model->queue()->push(fresh);
        m_model->drain();
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(stateOf(1), u"stopped"_s);
    }

    // Each host's VMs are a snapshot of their own: this machine's snapshot leaves the
    // hosts' rows alone and a host's leaves this machine's and the other hosts'; a host
    // that cannot be asked keeps its rows, greyed "host unreachable", until it answers.
    void hostsHaveSnapshotsOfTheirOwn() {
        const auto remote = [](const QString &host, int number, quint32 suffix, VmState state) {
            VmRow r = makeRow(0, suffix, state);
            r.host = host;
            r.id = VmRow::remoteId(number, r.address);
            return r;
        };
        VmChange local = VmChange::snapshot({makeRow(1, 10, VmState::Online, 100)});
        local.seq = 100;
        m_model->queue()->push(local);
        m_model->queue()->push(VmChange::hostSnapshot(
            u"lab1"_s, {remote(u"lab1"_s, 0, 20, VmState::Configured),
                        remote(u"lab1"_s, 0, 21, VmState::Online)}));
        m_model->queue()->push(VmChange::hostSnapshot(
            u"lab2"_s, {remote(u"lab2"_s, 1, 30, VmState::Online)}));
        m_model->drain();
        QCOMPARE(m_model->rowCount(), 4);
        const auto hostOf = [this](quint32 suffix) {
            for (int r = 0; r < m_model->rowCount(); ++r)
                if (m_model->index(r, VmTableModel::SuffixColumn).data().toUInt() == suffix)
                    return m_model->index(r, VmTableModel::HostColumn).data().toString();
            return QString();
        };
        QCOMPARE(hostOf(10), u"local"_s);
        QCOMPARE(hostOf(20), u"lab1"_s);
        QCOMPARE(hostOf(30), u"lab2"_s);

        // This machine's next snapshot (without VM 1) and lab1's (without .20).
        VmChange later = VmChange::snapshot({});
        later.seq = 200;
        m_model->queue()->push(later);
        m_model->queue()->push(VmChange::hostSnapshot(
            u"lab1"_s, {remote(u"lab1"_s, 0, 21, VmState::Stopped)}));
        m_model->drain();
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(hostOf(10), QString());
        QCOMPARE(hostOf(21), u"lab1"_s);
        QCOMPARE(hostOf(30), u"lab2"_s);

        // lab2 drops out: its row stays, greyed, its state text says the host, not the VM.
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->queue()->push(VmChange::hostState(u"lab2"_s, false, u"host lab2: refused"_s));
        m_model->drain();
        QCOMPARE(changed.size(), 1);
        const auto row = [this](quint32 suffix) {
            for (int r = 0; r < m_model->rowCount(); ++r)
                if (m_model->index(r, VmTableModel::SuffixColumn).data().toUInt() == suffix)
                    return r;
            return -1;
        };
        const QModelIndex lab2 = m_model->index(row(30), VmTableModel::StateColumn);
        QCOMPARE(lab2.data().toString(), u"host unreachable"_s);
        QVERIFY(lab2.data(VmTableModel::HostUnreachableRole).toBool());
        QCOMPARE(lab2.data(VmTableModel::StateNameRole).toString(), u"online"_s); // last known
        QCOMPARE(lab2.data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::gray));
        QVERIFY(lab2.data(Qt::ToolTipRole).toString().contains(u"host lab2: refused"_s));
        const QModelIndex lab1 = m_model->index(row(21), VmTableModel::StateColumn);
        QCOMPARE(lab1.data().toString(), u"stopped"_s);
        QVERIFY(!lab1.data(VmTableModel::HostUnreachableRole).toBool());
        // The same again changes nothing; lab2 answering again clears it.
        changed.clear();
        m_model->queue()->push(VmChange::hostState(u"lab2"_s, false, u"host lab2: refused"_s));
        m_model->drain();
        QCOMPARE(changed.size(), 0);
        m_model->queue()->push(VmChange::hostSnapshot(
            u"lab2"_s, {remote(u"lab2"_s, 1, 30, VmState::Online)}));
        m_model->drain();
        QCOMPARE(m_model->index(row(30), VmTableModel::StateColumn).data().toString(),
                 u"online"_s);

        // The host filter: one host's rows only, "local" this machine's.
        VmTableFilter filter;
        filter.setSourceModel(m_model.get());
        QCOMPARE(filter.rowCount(), 2);
        filter.setHost(u"lab1"_s);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, VmTableModel::HostColumn).data().toString(), u"lab1"_s);
        filter.setHost(u"local"_s);
        QCOMPARE(filter.rowCount(), 0);
        filter.setHost(QString());
        QCOMPARE(filter.rowCount(), 2);
    }

private:
    QString stateOf(qint64 id) const { // VM 1 is vm10, VM 2 vm11 (makeRow)
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (m_model->index(r, VmTableModel::NameColumn).data().toString()
                == u"vm%1"_s.arg(9 + id))
                return m_model->index(r, VmTableModel::StateColumn)
                    .data(VmTableModel::StateNameRole)
                    .toString();
        }
        return QString();
    }
};

QTEST_MAIN(TestVmTableModel)
#include "tst_vm_table_model.moc"
