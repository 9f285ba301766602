// Liveness judged at read time from the last recorded heartbeat (core/inventory/liveness):
// the same rows give every reader the same states, and a heartbeat recorded after a wrong
// 'unreachable' shows the VM online before anyone rewrites the row.

#include "inventory/liveness.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestLiveness : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void judges_data();
    void judges();
    void nextSilenceIsTheEarliestOnlineVm();
};

namespace {
const QDateTime kNow = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000);
constexpr qint64 kAfter = 16'000; // heartbeat 5 s: three missed and a second
} // namespace

void TestLiveness::judges_data() {
    QTest::addColumn<QString>("stored");
    QTest::addColumn<qint64>("silentMs");    // now - last_seen; -1: never seen
    QTest::addColumn<qint64>("markedAgoMs"); // now - state_changed_at
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("reason");

    QTest::newRow("online, heard 2 s ago")
        << u"online"_s << 2'000LL << 60'000LL << u"online"_s << u"eth0 up"_s;
    QTest::newRow("online, silent 15.9 s")
        << u"online"_s << 15'900LL << 60'000LL << u"online"_s << u"eth0 up"_s;
    QTest::newRow("online, silent 16 s")
        << u"online"_s << 16'000LL << 60'000LL << u"unreachable"_s << u"no heartbeat for 16 s"_s;
    QTest::newRow("online, silent 142 s")
        << u"online"_s << 142'000LL << 200'000LL << u"unreachable"_s << u"no heartbeat for 142 s"_s;
    // The two-console case: a row marked unreachable by mistake while the guest speaks.
    QTest::newRow("unreachable, heard since")
        << u"unreachable"_s << 1'000LL << 5'000LL << u"online"_s << QString();
    QTest::newRow("unreachable, heard before it was marked")
        << u"unreachable"_s << 3'000LL << 1'000LL << u"unreachable"_s << u"eth0 up"_s;
    QTest::newRow("unreachable, silent")
        << u"unreachable"_s << 30'000LL << 5'000LL << u"unreachable"_s << u"eth0 up"_s;
    QTest::newRow("booting, silent: the engine's step")
        << u"booting"_s << 100'000LL << 100'000LL << u"booting"_s << u"eth0 up"_s;
    QTest::newRow("stopped, silent")
        << u"stopped"_s << 100'000LL << 100'000LL << u"stopped"_s << u"eth0 up"_s;
    QTest::newRow("online, never seen")
        << u"online"_s << -1LL << 100'000LL << u"online"_s << u"eth0 up"_s;
}

void TestLiveness::judges() {
    QFETCH(QString, stored);
    QFETCH(qint64, silentMs);
    QFETCH(qint64, markedAgoMs);
    QFETCH(QString, shown);
    QFETCH(QString, reason);
    VmRecord vm;
    vm.state = *vmStateFromName(stored);
    vm.reason = u"eth0 up"_s;
    if (silentMs >= 0)
        vm.lastSeen = kNow.addMSecs(-silentMs);
    vm.stateChangedAt = kNow.addMSecs(-markedAgoMs);
    judgeLiveness(vm, kNow, kAfter);
    QCOMPARE(vmStateName(vm.state), shown);
    QCOMPARE(vm.reason, reason);
}

void TestLiveness::nextSilenceIsTheEarliestOnlineVm() {
    QList<VmRecord> vms(4);
    vms[0].state = VmState::Online;
    vms[0].lastSeen = kNow.addMSecs(-1'000);
    vms[1].state = VmState::Online;
    vms[1].lastSeen = kNow.addMSecs(-9'000); // goes silent first
    vms[2].state = VmState::Booting;         // not judged
    vms[2].lastSeen = kNow.addMSecs(-15'000);
    vms[3].state = VmState::Unreachable;
    vms[3].lastSeen = kNow.addMSecs(-60'000);
    QCOMPARE(nextSilenceMs(vms, kAfter), kNow.toMSecsSinceEpoch() - 9'000 + kAfter);
    QCOMPARE(nextSilenceMs({}, kAfter), qint64(0));
}

QTEST_GUILESS_MAIN(TestLiveness)
#include "tst_liveness.moc"
