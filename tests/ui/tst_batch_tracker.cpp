// BatchTracker: a batch followed until each VM reaches its goal, the breakdown by state,
// the range text, and the history kept.

#include "batch_tracker.h"
#include "common/translations.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestBatchTracker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Translations::install(u"en"_s); }

    void followsUntilEveryVmIsOnline() {
        QHash<qint64, VmState> states{{1, VmState::Booting},
                                      {2, VmState::Rebooting},
                                      {3, VmState::Online},
                                      {4, VmState::Booting}};
        const BatchTracker::StateOf stateOf = [&](qint64 id) -> std::optional<VmState> {
            if (!states.contains(id))
                return std::nullopt;
            return states.value(id);
        };
        BatchTracker t;
        BatchRecord r;
        r.id = 7;
        r.operation = u"Clone"_s;
        t.follow(r, VmState::Online, {1, 2, 3, 4}, 1500);
        QVERIFY(t.follows(7));
        auto p = t.progress(7, stateOf);
        QCOMPARE(p.total, 4);
        QCOMPARE(p.reached, 1);
        QCOMPARE(p.failed, 0);
        QVERIFY(!p.settled());
        QCOMPARE(p.permille(), 250);
        // The goal first, then the rest in the order of a VM's life.
        QCOMPARE(BatchTracker::breakdown(p), u"1 online, 2 booting, 1 rebooting"_s);

        states[1] = VmState::Online;
        states[2] = VmState::Failed;
        states.remove(4); // released by someone else meanwhile: it will not get there
        p = t.progress(7, stateOf);
        QCOMPARE(p.reached, 2);
        QCOMPARE(p.failed, 2);
        QVERIFY(p.settled());
        QCOMPARE(BatchTracker::breakdown(p), u"2 online, 1 failed, 1 gone"_s);
        const BatchRecord done = t.finish(7, BatchTracker::breakdown(p));
        QVERIFY(!t.follows(7));
        QVERIFY(done.tookMs >= 1500); // the time before it was followed counts
        QCOMPARE(t.history().size(), 1);
        QCOMPARE(t.history().first().result, u"2 online, 1 failed, 1 gone"_s);
    }

    void rangeText_data() {
        QTest::addColumn<QStringList>("addresses");
        QTest::addColumn<QString>("text");
        QTest::newRow("one") << QStringList{u"192.0.2.177"_s} << u"192.0.2.177"_s;
        QTest::newRow("a run, unsorted, twice")
            << QStringList{u"192.0.2.179"_s, u"192.0.2.177"_s, u"192.0.2.178"_s, u"192.0.2.177"_s}
            << u"192.0.2.177–179"_s;
        QTest::newRow("two runs") << QStringList{u"192.0.2.1"_s, u"192.0.2.2"_s, u"192.0.2.9"_s}
                                  << u"192.0.2.1–2, 192.0.2.9"_s;
        QTest::newRow("across a /24")
            << QStringList{u"10.0.0.255"_s, u"10.0.1.0"_s} << u"10.0.0.255–10.0.1.0"_s;
    }

    void rangeText() {
        QFETCH(QStringList, addresses);
        QFETCH(QString, text);
        QList<quint32> values;
        for (const QString &a : addresses) {
            const QStringList o = a.split(u'.');
            values << (o[0].toUInt() << 24 | o[1].toUInt() << 16 | o[2].toUInt() << 8
                       | o[3].toUInt());
        }
        QCOMPARE(BatchTracker::rangeText(values), text);
    }

    void historyKeepsTheNewestFirstAndIsBounded() {
        BatchTracker t;
        for (int i = 1; i <= BatchTracker::kHistoryKept + 5; ++i) {
            BatchRecord r;
            r.id = i;
            t.record(r);
        }
        QCOMPARE(t.history().size(), BatchTracker::kHistoryKept);
        QCOMPARE(t.history().first().id, BatchTracker::kHistoryKept + 5);
    }
};

QTEST_MAIN(TestBatchTracker)
#include "tst_batch_tracker.moc"
