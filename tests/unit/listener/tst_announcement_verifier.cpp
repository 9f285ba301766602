// AnnouncementVerifier without sockets: every RejectReason from datagrams built with
// the real encoder and keys derived from a fixed cluster secret, replay rules across
// boots and reloads, and per-source rate limiting driven by the nowMs parameter.

#include "listener/announcement_verifier.h"

#include <QSet>
#include <QTest>

#include <vector>

using namespace Qt::StringLiterals;
using namespace vmeclone;

Q_DECLARE_METATYPE(vmeclone::RejectReason)
Q_DECLARE_METATYPE(vmeclone::VmState)

namespace {

// Documentation network, used only as data: nothing here opens a socket.
Ipv4Address ip(quint32 suffix) {
    return Ipv4Address(0xC6336400u + suffix);
} // 198.51.100.x

constexpr quint32 kSourceA = 0x7F000001; // 127.0.0.1
constexpr quint32 kSourceB = 0x7F000002;

ClusterSecret secret() {
    QByteArray bytes(32, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i);
    return ClusterSecret::fromBytes(bytes);
}

ClusterSecret otherSecret() {
    return ClusterSecret::fromBytes(QByteArray(32, '\x5a'));
}

VmRecord vm(qint64 id, quint32 suffix, VmState state = VmState::Online) {
    VmRecord r;
    r.id = id;
    r.name = u"vm%1"_s.arg(suffix);
    r.address = ip(suffix);
    r.mac = MacAddress::forIpv4(r.address);
    r.instance = u"i%1"_s.arg(suffix);
    r.state = state;
    return r;
}

protocol::BootId boot(std::uint8_t fill) {
    protocol::BootId b;
    b.fill(fill);
    return b;
}

protocol::Announcement announcement(quint32 suffix, std::uint8_t bootFill, std::uint64_t sequence,
                                    std::uint32_t boots = 1) {
    protocol::Announcement a;
    a.state = protocol::AgentState::Online;
    a.ip = ip(suffix).toUInt();
    a.mac = protocol::macForIpv4(a.ip);
    a.hostname = "vm" + std::to_string(suffix);
    a.bootId = boot(bootFill);
    a.sequence = sequence;
    a.uptimeSeconds = 10;
    a.boots = boots;
    a.detail = "eth0 configured";
    return a;
}

// Signed with the key of `keySuffix` under `s` (the VM's own key unless told).
std::vector<std::uint8_t> signedBy(const protocol::Announcement &a, const ClusterSecret &s,
                                   quint32 keySuffix) {
    const protocol::Digest key = s.keyFor(ip(keySuffix), u"i%1"_s.arg(keySuffix));
    return protocol::encode(a, &key);
}

std::vector<std::uint8_t> sign(const protocol::Announcement &a) {
    return signedBy(a, secret(), a.ip - 0xC6336400u);
}

Verdict check(AnnouncementVerifier &v, const std::vector<std::uint8_t> &d, qint64 nowMs = 1000,
              quint64 source = kSourceA) {
    return v.check(d.data(), d.size(), source, nowMs);
}

// The VMs every test starts with: two online, one stopped, one being released.
QList<VmRecord> fleet() {
    return {vm(1, 177), vm(2, 178), vm(3, 179, VmState::Stopped), vm(4, 180, VmState::Releasing)};
}

} // namespace

#define EXPECT_REJECTED(verdict, why)                                                              \
    do {                                                                                           \
        const Verdict v_ = (verdict);                                                              \
        QVERIFY2(!v_.accepted, "accepted, expected a rejection");                                  \
        QCOMPARE(rejectReasonName(v_.reason), rejectReasonName(why));                              \
    } while (false)

#define EXPECT_ACCEPTED(verdict)                                                                   \
    do {                                                                                           \
        const Verdict v_ = (verdict);                                                              \
        QVERIFY2(v_.accepted, rejectReasonName(v_.reason));                                        \
    } while (false)

class TestAnnouncementVerifier : public QObject {
    Q_OBJECT

    std::unique_ptr<AnnouncementVerifier> m_v;

    void reset(AnnouncementVerifier::Options options = {}) {
        m_v = std::make_unique<AnnouncementVerifier>(secret(), options);
        m_v->setVms(fleet());
    }

private Q_SLOTS:
    void init() { reset(); }

    void acceptsValid();
    void unsignedRefusedByDefault();
    void unsignedAcceptedUnverifiedWhenAllowed();
    void badSignatures_data();
    void badSignatures();
    void unknownVm();
    void macMismatch();
    void replayedSequence();
    void reorderedSequence();
    void newBootRetiresTheOldOne();
    void olderBootRefusedAfterRestart();
    void decodeErrors_data();
    void decodeErrors();
    void notRunning_data();
    void notRunning();
    void notRunningAfterStateUpdate();
    void floodFromOneSourceDoesNotStarveOthers();
    void rateLimitHoldsFromClockZero();
    void oneGuestWithManyPortsIsLimitedPerVm();
    void manyPortsOfOneAddressAreLimited();
    void setVmsKeepsLearntSequences();
    void setVmsForgetsAReplacedVm();
    void rejectReasonsHaveNames();
    void aReCloneAtTheSameAddressRefusesTheOldInstance();
    void clonesFromBeforeInstanceKeysKeepTheirKey();
};

// Finding 4: a released VM's datagrams must not count for the next clone at its
// address: the new instance has another key, so every old datagram fails its signature,
// however fresh its sequence number.
void TestAnnouncementVerifier::aReCloneAtTheSameAddressRefusesTheOldInstance() {
    const auto old = sign(announcement(177, 0x11, 5, 2));
    EXPECT_ACCEPTED(check(*m_v, old));
    VmRecord again = vm(9, 177, VmState::Booting);
    again.instance = u"the next clone"_s;
    m_v->setVms({again});
    EXPECT_REJECTED(check(*m_v, old), RejectReason::BadSignature);
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0x11, 6, 2))), RejectReason::BadSignature);
    const protocol::Digest key = secret().keyFor(ip(177), again.instance);
    const auto fresh = protocol::encode(announcement(177, 0x22, 1, 1), &key);
    EXPECT_ACCEPTED(check(*m_v, fresh));
}

// Clones made before instance keys (inventory schema < 5) hold a key over their address
// alone; the verifier keeps accepting it for them, and only for them.
void TestAnnouncementVerifier::clonesFromBeforeInstanceKeysKeepTheirKey() {
    VmRecord legacy = vm(1, 177);
    legacy.keyScheme = 1;
    m_v->setVms({legacy, vm(2, 178)});
    const protocol::Digest key177 = secret().keyFor(ip(177));
    EXPECT_ACCEPTED(check(*m_v, protocol::encode(announcement(177, 0x11, 1), &key177)));
    const protocol::Digest key178 = secret().keyFor(ip(178));
    EXPECT_REJECTED(check(*m_v, protocol::encode(announcement(178, 0x11, 1), &key178)),
                    RejectReason::BadSignature);
}

void TestAnnouncementVerifier::acceptsValid() {
    const auto a = announcement(177, 0x11, 1, 1);
    const Verdict v = check(*m_v, sign(a));
    QVERIFY2(v.accepted, rejectReasonName(v.reason));
    QVERIFY(v.verified);
    QVERIFY(v.newBoot);
    QCOMPARE(v.vmId, qint64(1));
    QCOMPARE(v.announcement.ip, a.ip);
    QCOMPARE(v.announcement.sequence, a.sequence);
    QVERIFY(v.announcement.bootId == a.bootId);
    QCOMPARE(v.announcement.hostname, a.hostname);
    QCOMPARE(v.announcement.detail, a.detail);
    QVERIFY(m_v->knows(ip(177)));
    QVERIFY(!m_v->knows(ip(200)));

    const Verdict next = check(*m_v, sign(announcement(177, 0x11, 2, 1)));
    QVERIFY(next.accepted);
    QVERIFY(!next.newBoot);
}

void TestAnnouncementVerifier::unsignedRefusedByDefault() {
    EXPECT_REJECTED(check(*m_v, protocol::encode(announcement(177, 0x11, 1), nullptr)),
                    RejectReason::Unsigned);
    // Refusing it did not consume the sequence: the signed datagram is still fresh.
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, 1))));
}

void TestAnnouncementVerifier::unsignedAcceptedUnverifiedWhenAllowed() {
    AnnouncementVerifier::Options o;
    o.allowUnsigned = true;
    reset(o);
    const Verdict v = check(*m_v, protocol::encode(announcement(177, 0x11, 1), nullptr));
    QVERIFY2(v.accepted, rejectReasonName(v.reason));
    QVERIFY(!v.verified);
    QCOMPARE(v.vmId, qint64(1));
    // Allowing unsigned guests does not let a bad signature through.
    EXPECT_REJECTED(check(*m_v, signedBy(announcement(177, 0x11, 2), otherSecret(), 177)),
                    RejectReason::BadSignature);
}

void TestAnnouncementVerifier::badSignatures_data() {
    QTest::addColumn<quint32>("claimed");   // the IP (and MAC) in the datagram
    QTest::addColumn<quint32>("keyOf");     // whose key signed it
    QTest::addColumn<bool>("otherCluster"); // a key from another cluster secret
    QTest::newRow("wrong key (other cluster)") << 177u << 177u << true;
    QTest::newRow("another VM's key") << 177u << 178u << false;
    QTest::newRow("key of .177 claiming .178") << 178u << 177u << false;
}

void TestAnnouncementVerifier::badSignatures() {
    QFETCH(quint32, claimed);
    QFETCH(quint32, keyOf);
    QFETCH(bool, otherCluster);
    const auto a = announcement(claimed, 0x11, 1);
    EXPECT_REJECTED(check(*m_v, signedBy(a, otherCluster ? otherSecret() : secret(), keyOf)),
                    RejectReason::BadSignature);
    // A flipped bit in a genuine datagram is refused the same way.
    auto tampered = sign(a);
    tampered[44] ^= 0x01; // uptime
    EXPECT_REJECTED(check(*m_v, tampered), RejectReason::BadSignature);
    // Neither attempt burnt the VM's sequence number.
    EXPECT_ACCEPTED(check(*m_v, sign(a)));
}

void TestAnnouncementVerifier::unknownVm() {
    EXPECT_REJECTED(check(*m_v, sign(announcement(200, 0x11, 1))), RejectReason::UnknownVm);
}

void TestAnnouncementVerifier::macMismatch() {
    auto a = announcement(177, 0x11, 1);
    a.mac = protocol::macForIpv4(ip(178).toUInt());
    EXPECT_REJECTED(check(*m_v, sign(a)), RejectReason::MacMismatch);
}

void TestAnnouncementVerifier::replayedSequence() {
    const auto d = sign(announcement(177, 0x11, 1));
    EXPECT_ACCEPTED(check(*m_v, d));
    EXPECT_REJECTED(check(*m_v, d), RejectReason::Replayed);
}

void TestAnnouncementVerifier::reorderedSequence() {
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, 5))));
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0x11, 4))), RejectReason::Replayed);
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, 6))));
    // Sequences are per VM: .178 may start at 1.
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(178, 0x11, 1))));
}

void TestAnnouncementVerifier::newBootRetiresTheOldOne() {
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0xA1, 1, 1))));
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0xA1, 2, 1))));
    const Verdict reboot = check(*m_v, sign(announcement(177, 0xB2, 1, 2)));
    QVERIFY2(reboot.accepted, rejectReasonName(reboot.reason));
    QVERIFY(reboot.newBoot);
    // The old boot is over, even with a sequence it never used.
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0xA1, 3, 1))), RejectReason::Replayed);
    // Even one claiming a later boot count: a retired boot id never comes back.
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0xA1, 3, 9))), RejectReason::Replayed);
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0xB2, 2, 2))));
}

void TestAnnouncementVerifier::olderBootRefusedAfterRestart() {
    // A new listener knows only what the inventory kept: boot 0xB2, sequence 10, boots 2.
    VmRecord r = vm(1, 177);
    r.bootId = QString::fromStdString(protocol::toHex(boot(0xB2).data(), 16));
    r.lastSequence = 10;
    r.boots = 2;
    m_v = std::make_unique<AnnouncementVerifier>(secret(), AnnouncementVerifier::Options{});
    m_v->setVms({r});

    // A boot it never saw, counting no higher than the current one: an old boot replayed.
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0xA1, 50, 1))), RejectReason::Replayed);
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0xC3, 50, 2))), RejectReason::Replayed);
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0xB2, 10, 2))), RejectReason::Replayed);
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0xB2, 11, 2))));
    const Verdict later = check(*m_v, sign(announcement(177, 0xD4, 1, 3)));
    QVERIFY2(later.accepted, rejectReasonName(later.reason));
    QVERIFY(later.newBoot);
}

void TestAnnouncementVerifier::decodeErrors_data() {
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<RejectReason>("reason");

    const auto good = sign(announcement(177, 0x11, 1));
    const QByteArray g(reinterpret_cast<const char *>(good.data()), qsizetype(good.size()));
    QTest::newRow("empty") << QByteArray() << RejectReason::Truncated;
    QTest::newRow("header cut") << g.left(30) << RejectReason::Truncated;
    QTest::newRow("signature cut") << g.left(g.size() - 1) << RejectReason::Truncated;
    QTest::newRow("trailing byte") << (g + 'x') << RejectReason::Oversized;
    QTest::newRow("over 512 bytes") << (g + QByteArray(600, '\0')) << RejectReason::Oversized;
    QByteArray magic = g;
    magic[0] = 'X';
    QTest::newRow("bad magic") << magic << RejectReason::BadMagic;
    QTest::newRow("not vmeclone at all")
        << QByteArray("GET / HTTP/1.0\r\n\r\n") << RejectReason::BadMagic;
    QByteArray version = g;
    version[4] = 2;
    QTest::newRow("unknown version") << version << RejectReason::UnknownVersion;
    QByteArray reserved = g;
    reserved[19] = 1;
    QTest::newRow("reserved byte set") << reserved << RejectReason::Malformed;
    QByteArray state = g;
    state[6] = 0x7f;
    QTest::newRow("unknown state") << state << RejectReason::Malformed;
    QByteArray flags = g;
    flags[5] = char(0x81);
    QTest::newRow("unknown flag") << flags << RejectReason::Malformed;
}

void TestAnnouncementVerifier::decodeErrors() {
    QFETCH(QByteArray, datagram);
    QFETCH(RejectReason, reason);
    const Verdict v = m_v->check(reinterpret_cast<const std::uint8_t *>(datagram.constData()),
                                 std::size_t(datagram.size()), kSourceA, 1000);
    EXPECT_REJECTED(v, reason);
}

void TestAnnouncementVerifier::notRunning_data() {
    QTest::addColumn<quint32>("suffix");
    QTest::addColumn<VmState>("state");
    QTest::newRow("stopped") << 179u << VmState::Stopped;
    QTest::newRow("releasing") << 180u << VmState::Releasing;
    QTest::newRow("planned") << 177u << VmState::Planned;
    QTest::newRow("copying") << 177u << VmState::Copying;
    QTest::newRow("stopping") << 177u << VmState::Stopping;
}

void TestAnnouncementVerifier::notRunning() {
    QFETCH(quint32, suffix);
    QFETCH(VmState, state);
    QList<VmRecord> vms = fleet();
    for (auto &r : vms) {
        if (r.address == ip(suffix))
            r.state = state;
    }
    m_v->setVms(vms);
    EXPECT_REJECTED(check(*m_v, sign(announcement(suffix, 0x11, 1))), RejectReason::NotRunning);
}

void TestAnnouncementVerifier::notRunningAfterStateUpdate() {
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, 1))));
    m_v->updateVmState(1, VmState::Releasing);
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0x11, 2))), RejectReason::NotRunning);
    m_v->updateVmState(1, VmState::Booting);
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, 3))));
}

void TestAnnouncementVerifier::floodFromOneSourceDoesNotStarveOthers() {
    AnnouncementVerifier::Options o;
    o.sourceBurst = 20;
    o.sourceRate = 10; // per second
    reset(o);
    qint64 now = 5000;
    std::uint64_t seq = 0;
    for (int i = 0; i < 20; ++i)
        EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, ++seq)), now, kSourceA));
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0x11, ++seq)), now, kSourceA),
                    RejectReason::RateLimited);
    // Garbage from the flooding source is also held back before it is even parsed.
    EXPECT_REJECTED(check(*m_v, {'x', 'y'}, now, kSourceA), RejectReason::RateLimited);
    // Another source still gets through at the same moment.
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(178, 0x22, 1)), now, kSourceB));

    // 100 ms later one token came back (10 per second), then none.
    now += 100;
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, ++seq)), now, kSourceA));
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0x11, ++seq)), now, kSourceA),
                    RejectReason::RateLimited);
    // After a long pause the bucket is full again, but no fuller than the burst.
    now += 60'000;
    int accepted = 0;
    for (int i = 0; i < 40; ++i)
        accepted +=
            check(*m_v, sign(announcement(177, 0x11, ++seq)), now, kSourceA).accepted ? 1 : 0;
    QCOMPARE(accepted, 20);
}

void TestAnnouncementVerifier::rateLimitHoldsFromClockZero() {
    // The listener's monotonic clock starts at 0: a flood in its first millisecond
    // must be limited like any other.
    AnnouncementVerifier::Options o;
    o.sourceBurst = 5;
    o.sourceRate = 1;
    reset(o);
    int accepted = 0;
    for (std::uint64_t seq = 1; seq <= 20; ++seq)
        accepted += check(*m_v, sign(announcement(177, 0x11, seq)), 0, kSourceA).accepted ? 1 : 0;
    QCOMPARE(accepted, 5);
}

// Issue "Nothing lost…", finding 6: a guest holding only its own key, sending from 256
// ports, cannot change its VM's state faster than the VM's budget; others' datagrams
// (forged ones included) neither spend that budget nor are held back by it.
void TestAnnouncementVerifier::oneGuestWithManyPortsIsLimitedPerVm() {
    AnnouncementVerifier::Options o;
    o.vmBurst = 30;
    o.vmRate = 10;
    reset(o);
    const qint64 now = 5000;
    // A forged flood first: it must not spend 177's budget.
    protocol::Announcement forged = announcement(177, 0x11, 1);
    for (int i = 0; i < 200; ++i)
        EXPECT_REJECTED(check(*m_v, signedBy(forged, secret(), 178), now,
                              AnnouncementVerifier::sourceKey(kSourceA, quint16(40000 + i % 256))),
                        RejectReason::BadSignature);
    std::uint64_t seq = 0;
    int accepted = 0;
    for (int i = 0; i < 1000; ++i) {
        const Verdict v = check(*m_v, sign(announcement(177, 0x11, ++seq)), now,
                                AnnouncementVerifier::sourceKey(kSourceA, quint16(1000 + i % 256)));
        if (v.accepted)
            ++accepted;
        else
            QCOMPARE(rejectReasonName(v.reason), rejectReasonName(RejectReason::VmRateLimited));
    }
    QCOMPARE(accepted, 30);
    // Another VM at the same moment is not held back.
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(178, 0x22, 1)), now,
                          AnnouncementVerifier::sourceKey(kSourceA, 999)));
    // A held-back datagram was not taken as seen: a second later its VM goes on.
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, ++seq)), now + 1000,
                          AnnouncementVerifier::sourceKey(kSourceA, 1)));
}

// A bridged guest (its own address, not loopback) with many sockets is limited as one
// address; loopback, where every QEMU guest arrives from, is limited per port only.
void TestAnnouncementVerifier::manyPortsOfOneAddressAreLimited() {
    AnnouncementVerifier::Options o;
    o.addressBurst = 50;
    o.addressRate = 1;
    reset(o);
    const quint32 bridged = 0xC6336401; // 198.51.100.1
    int passed = 0;
    for (int i = 0; i < 512; ++i) {
        const Verdict w = m_v->check(reinterpret_cast<const std::uint8_t *>("x"), 1,
                                     AnnouncementVerifier::sourceKey(bridged, quint16(2000 + i)),
                                     5000);
        if (w.reason != RejectReason::RateLimited)
            ++passed;
    }
    QCOMPARE(passed, 50);
    int loopback = 0;
    for (int i = 0; i < 512; ++i) {
        const Verdict w = m_v->check(reinterpret_cast<const std::uint8_t *>("x"), 1,
                                     AnnouncementVerifier::sourceKey(kSourceA, quint16(2000 + i)),
                                     5000);
        if (w.reason != RejectReason::RateLimited)
            ++loopback;
    }
    QCOMPARE(loopback, 512);
}

void TestAnnouncementVerifier::setVmsKeepsLearntSequences() {
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, 1))));
    const auto fifth = sign(announcement(177, 0x11, 5));
    EXPECT_ACCEPTED(check(*m_v, fifth));
    // Reloaded from an inventory that has not yet been written (no boot id in it).
    m_v->setVms(fleet());
    EXPECT_REJECTED(check(*m_v, fifth), RejectReason::Replayed);
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, 6))));
    // A reload does apply a new state.
    QList<VmRecord> vms = fleet();
    vms[0].state = VmState::Releasing;
    m_v->setVms(vms);
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0x11, 7))), RejectReason::NotRunning);
}

void TestAnnouncementVerifier::setVmsForgetsAReplacedVm() {
    // .177 released and cloned again: a new row (id 9) at the same address.
    EXPECT_ACCEPTED(check(*m_v, sign(announcement(177, 0x11, 5, 3))));
    QList<VmRecord> vms = fleet();
    vms[0].id = 9;
    m_v->setVms(vms);
    const Verdict v = check(*m_v, sign(announcement(177, 0x22, 1, 1)));
    QVERIFY2(v.accepted, rejectReasonName(v.reason));
    QCOMPARE(v.vmId, qint64(9));
    // Removed from the inventory: unknown from now on.
    m_v->setVms({});
    EXPECT_REJECTED(check(*m_v, sign(announcement(177, 0x22, 2, 1))), RejectReason::UnknownVm);
}

void TestAnnouncementVerifier::rejectReasonsHaveNames() {
    QSet<QByteArray> names;
    for (int i = 0; i < kRejectReasonCount; ++i) {
        const QByteArray name = rejectReasonName(static_cast<RejectReason>(i));
        QVERIFY(!name.isEmpty());
        QVERIFY2(name != "unknown", "a reason without a name");
        names.insert(name);
    }
    QCOMPARE(names.size(), kRejectReasonCount);
}

QTEST_GUILESS_MAIN(TestAnnouncementVerifier)
#include "tst_announcement_verifier.moc"
