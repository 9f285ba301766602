// StatusBoard: counts per state, a row per batch with progress, ETA and Cancel.

#include "status_board.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestStatusBoard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eta_data() {
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<int>("permille");
        QTest::addColumn<QString>("text");
        QTest::newRow("nothing done yet") << qint64(5000) << 0 << QString();
        QTest::newRow("too early to tell") << qint64(500) << 500 << QString();
        QTest::newRow("half in 10 s") << qint64(10000) << 500 << u"ETA 10 s"_s;
        QTest::newRow("a quarter in 30 s") << qint64(30000) << 250 << u"ETA 1 min 30 s"_s;
        QTest::newRow("a tenth in 10 min") << qint64(600000) << 100 << u"ETA 1 h 30 min"_s;
        QTest::newRow("done") << qint64(10000) << 1000 << QString();
    }

    void eta() {
        QFETCH(qint64, elapsedMs);
        QFETCH(int, permille);
        QFETCH(QString, text);
        QCOMPARE(StatusBoard::etaText(elapsedMs, permille), text);
    }

    void counts() {
        StatusBoard board;
        board.setCounts({{VmState::Online, 3}, {VmState::Failed, 1}});
        QCOMPARE(board.findChild<QLabel *>(u"count-online"_s)->text(), u"3"_s);
        QCOMPARE(board.findChild<QLabel *>(u"count-failed"_s)->text(), u"1"_s);
        QCOMPARE(board.findChild<QLabel *>(u"count-copying"_s)->text(), u"0"_s);
        QCOMPARE(board.count(VmState::Online), 3);
    }

    // "Rejected packets" (issue 14, item 5): the late packets of guests whose VMs stop or
    // are released are shown apart as expected; the tooltip breaks the count down by reason.
    void rejectedPacketsByReason() {
        StatusBoard board;
        QLabel *label = board.findChild<QLabel *>(u"rejectedPackets"_s);
        QVERIFY(label);
        std::array<quint64, kRejectReasonCount> rejected{};
        board.setRejected(rejected);
        QCOMPARE(label->text(), u"0"_s);
        QVERIFY(label->toolTip().contains(u"refused"_s));

        rejected[static_cast<size_t>(RejectReason::NotRunning)] = 12;
        board.setRejected(rejected);
        QCOMPARE(label->text(), u"0 (and 12 expected)"_s);
        QVERIFY2(label->toolTip().contains(u"being released (expected): 12"_s),
                 qPrintable(label->toolTip()));

        rejected[static_cast<size_t>(RejectReason::BadSignature)] = 2;
        rejected[static_cast<size_t>(RejectReason::Replayed)] = 1;
        board.setRejected(rejected);
        QCOMPARE(label->text(), u"3 (and 12 expected)"_s);
        const QString tip = label->toolTip();
        QVERIFY2(
            tip.contains(u"bad signature (wrong key, or an address that is not the key's): 2"_s),
            qPrintable(tip));
        QVERIFY2(tip.contains(u"replayed (an old sequence number or boot): 1"_s), qPrintable(tip));
        QVERIFY2(!tip.contains(u"truncated"_s), qPrintable(tip)); // only reasons that occurred
        // Every reason has words of its own, not the protocol's name.
        for (int i = 0; i < kRejectReasonCount; ++i) {
            const auto reason = static_cast<RejectReason>(i);
            QVERIFY(StatusBoard::rejectReasonText(reason)
                    != QString::fromLatin1(rejectReasonName(reason)));
        }
    }

    void batchRowsAndCancel() {
        StatusBoard board;
        QSignalSpy cancel(&board, &StatusBoard::cancelRequested);
        board.addBatch(7, u"Clone"_s, 78);
        board.addBatch(8, u"Release"_s, 3);
        board.updateBatch(7, 39, 78, 500);
        QWidget *row = board.findChild<QWidget *>(u"batch-7"_s);
        QVERIFY(row);
        QCOMPARE(row->findChild<QProgressBar *>()->value(), 500);
        row->findChild<QPushButton *>(u"cancelBatch"_s)->click();
        QCOMPARE(cancel.count(), 1);
        QCOMPARE(cancel.first().at(0).toInt(), 7);
        QVERIFY(!row->findChild<QPushButton *>(u"cancelBatch"_s)->isEnabled());
        board.removeBatch(7);
        QTRY_VERIFY(!board.findChild<QWidget *>(u"batch-7"_s));
        QVERIFY(board.findChild<QWidget *>(u"batch-8"_s));
    }
};

QTEST_MAIN(TestStatusBoard)
#include "tst_status_board.moc"
