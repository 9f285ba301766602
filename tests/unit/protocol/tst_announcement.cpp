// The announcement wire format v1: round trips, every decode error, truncation and
// tampering, and a fixed signed datagram that pins the format byte for byte.

#include "protocol/announcement.h"

#include <QByteArray>
#include <QTest>

#include <vector>

using namespace vmeclone::protocol;

Q_DECLARE_METATYPE(vmeclone::protocol::DecodeError)

namespace {

// The cross vector. The agent prints the same datagram with
// `vmeclone-agent --emit-test-vector` (tests/unit/agent/tst_agent_cross_vectors checks
// that side); the hex below was computed independently with python's hmac/struct
// modules when the format was written, so neither implementation checks only itself.
//   cluster secret 00 01 .. 1f, key = HMAC-SHA256(secret, "192.168.1.177")
//   state Online, ip 192.168.1.177, mac 00:50:56:28:01:b1, hostname "vm177",
//   boot id 00 01 .. 0f, sequence 7, uptime 42, boots 2, detail "test vector"
constexpr char kVectorHex[] =
    "564d454301010405c0a801b10050562801b10b00000102030405060708090a0b0c0d0e0f0000000000"
    "0000070000002a00000002766d3137377465737420766563746f727ff7025a10d44f2df561a5ecc63c"
    "d5579d28f533d0ea6a76f02d533def3fa1ac";
constexpr char kVectorKeyHex[] = "0000a0e82b970bee05066ade40fc66b9e48f0ef2b2cc5db8211cc80052d6c653";

Digest vectorKey() {
    Digest key{};
    if (!fromHex(kVectorKeyHex, key.data(), key.size()))
        qFatal("bad key literal");
    return key;
}

Announcement vectorAnnouncement() {
    Announcement a;
    a.state = AgentState::Online;
    a.ip = *parseIpv4("192.168.1.177");
    a.mac = macForIpv4(a.ip);
    a.hostname = "vm177";
    for (std::size_t i = 0; i < a.bootId.size(); ++i)
        a.bootId[i] = static_cast<std::uint8_t>(i);
    a.sequence = 7;
    a.uptimeSeconds = 42;
    a.boots = 2;
    a.detail = "test vector";
    return a;
}

Announcement sample(AgentState state = AgentState::Configuring) {
    Announcement a;
    a.state = state;
    a.ip = *parseIpv4("203.0.113.9");
    a.mac = macForIpv4(a.ip);
    a.hostname = "clone-9";
    a.bootId.fill(0xA5);
    a.sequence = 0x0102030405060708ULL;
    a.uptimeSeconds = 0xFFFFFFFEu;
    a.boots = 3;
    a.detail = "eth0 203.0.113.9/24 gw 203.0.113.1";
    return a;
}

QByteArray bytes(const std::vector<std::uint8_t> &v) {
    return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size()));
}

Decoded decodeBytes(const QByteArray &b) {
    return decode(reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size()));
}

bool verifyBytes(const QByteArray &b, const Digest &key) {
    return verify(reinterpret_cast<const std::uint8_t *>(b.constData()), decodeBytes(b), key);
}

void compareAnnouncements(const Announcement &got, const Announcement &want) {
    QCOMPARE(int(got.state), int(want.state));
    QCOMPARE(got.ip, want.ip);
    QCOMPARE(got.mac, want.mac);
    QCOMPARE(QByteArray::fromStdString(got.hostname), QByteArray::fromStdString(want.hostname));
    QCOMPARE(got.bootId, want.bootId);
    QCOMPARE(got.sequence, want.sequence);
    QCOMPARE(got.uptimeSeconds, want.uptimeSeconds);
    QCOMPARE(got.boots, want.boots);
    QCOMPARE(QByteArray::fromStdString(got.detail), QByteArray::fromStdString(want.detail));
}

} // namespace

class TestAnnouncement : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void headerLayout();
    void cutsLongFields();
    void decodeErrors_data();
    void decodeErrors();
    void everyTruncationIsRefused_data();
    void everyTruncationIsRefused();
    void everyFlippedBitFailsVerify();
    void wrongKeyFailsVerify();
    void unsignedDecodesAsUnsigned();
    void fixedVectorEncodes();
    void fixedVectorDecodesAndVerifies();
    void names();
};

void TestAnnouncement::roundTrip_data() {
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("sign");
    QTest::addColumn<QByteArray>("hostname");
    QTest::addColumn<QByteArray>("detail");
    for (int state = 1; state <= 6; ++state) {
        for (bool sign : {false, true}) {
            QTest::addRow("%s %s", agentStateName(AgentState(state)), sign ? "signed" : "unsigned")
                << state << sign << QByteArray("vm177") << QByteArray("detail");
        }
    }
    QTest::newRow("empty fields") << 4 << true << QByteArray() << QByteArray();
    QTest::newRow("longest fields") << 5 << true << QByteArray(63, 'h') << QByteArray(200, 'd');
    QTest::newRow("UTF-8 detail") << 5 << false << QByteArray("vm1")
                                  << QByteArray("kein Platz auf \xc3\xbc \xe7\xa3\x81\xe7\x9b\x98");
}

void TestAnnouncement::roundTrip() {
    QFETCH(int, state);
    QFETCH(bool, sign);
    QFETCH(QByteArray, hostname);
    QFETCH(QByteArray, detail);
    Announcement a = sample(AgentState(state));
    a.hostname = hostname.toStdString();
    a.detail = detail.toStdString();
    const Digest key = vectorKey();
    const QByteArray wire = bytes(encode(a, sign ? &key : nullptr));
    QCOMPARE(std::size_t(wire.size()), kHeaderSize + std::size_t(hostname.size())
                                           + std::size_t(detail.size())
                                           + (sign ? kSignatureSize : 0));
    const Decoded d = decodeBytes(wire);
    QCOMPARE(int(d.error), int(DecodeError::None));
    QCOMPARE(d.isSigned, sign);
    compareAnnouncements(d.announcement, a);
    if (sign) {
        QCOMPARE(d.signedLength, std::size_t(wire.size()) - kSignatureSize);
        QVERIFY(verifyBytes(wire, key));
    }
}

void TestAnnouncement::headerLayout() {
    // Offsets from the table in announcement.h, checked on an unsigned datagram.
    const QByteArray wire = bytes(encode(sample(AgentState::Rebooting), nullptr));
    QCOMPARE(wire.left(4), QByteArray("VMEC"));
    QCOMPARE(int(wire[4]), 1);
    QCOMPARE(int(wire[5]), 0);
    QCOMPARE(int(wire[6]), 3);
    QCOMPARE(int(wire[7]), 7);
    QCOMPARE(wire.mid(8, 4).toHex(), QByteArray("cb007109"));
    QCOMPARE(wire.mid(12, 6).toHex(), QByteArray("005056007109"));
    QCOMPARE(int(wire[18]), 34);
    QCOMPARE(int(wire[19]), 0);
    QCOMPARE(wire.mid(20, 16), QByteArray(16, '\xa5'));
    QCOMPARE(wire.mid(36, 8).toHex(), QByteArray("0102030405060708"));
    QCOMPARE(wire.mid(44, 4).toHex(), QByteArray("fffffffe"));
    QCOMPARE(wire.mid(48, 4).toHex(), QByteArray("00000003"));
    QCOMPARE(wire.mid(52, 7), QByteArray("clone-9"));
    QCOMPARE(wire.mid(59), QByteArray("eth0 203.0.113.9/24 gw 203.0.113.1"));
}

void TestAnnouncement::cutsLongFields() {
    Announcement a = sample();
    a.hostname = std::string(80, 'h');
    // 199 ASCII bytes then a 3-byte character: cutting at 200 would split it.
    a.detail = std::string(199, 'd') + "\xe7\xa3\x81" + "tail";
    const Decoded d = decodeBytes(bytes(encode(a, nullptr)));
    QCOMPARE(int(d.error), int(DecodeError::None));
    QCOMPARE(d.announcement.hostname.size(), kMaxHostname);
    QCOMPARE(QByteArray::fromStdString(d.announcement.detail), QByteArray(199, 'd'));

    a.detail = std::string(198, 'd') + "\xc3\xbc" + "tail"; // fits exactly at 200
    const Decoded exact = decodeBytes(bytes(encode(a, nullptr)));
    QCOMPARE(QByteArray::fromStdString(exact.announcement.detail),
             QByteArray(198, 'd') + "\xc3\xbc");
}

void TestAnnouncement::decodeErrors_data() {
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<DecodeError>("error");

    const Digest key = vectorKey();
    const QByteArray good = bytes(encode(sample(), nullptr));
    const QByteArray goodSigned = bytes(encode(sample(), &key));
    auto patched = [](QByteArray b, int offset, char value) {
        b[offset] = value;
        return b;
    };
    auto withFields = [](const char *hostname, const char *detail) {
        Announcement a = sample();
        a.hostname = hostname;
        a.detail = detail;
        return bytes(encode(a, nullptr));
    };

    QTest::newRow("empty") << QByteArray() << DecodeError::Truncated;
    QTest::newRow("three bytes of magic") << QByteArray("VME") << DecodeError::Truncated;
    QTest::newRow("header cut") << good.left(51) << DecodeError::Truncated;
    QTest::newRow("hostname cut") << good.left(55) << DecodeError::Truncated;
    QTest::newRow("signature cut") << goodSigned.chopped(1) << DecodeError::Truncated;
    QTest::newRow("lengths say more") << patched(good, 18, 35) << DecodeError::Truncated;
    QTest::newRow("flag says signed, no trailer") << patched(good, 5, 1) << DecodeError::Truncated;

    QTest::newRow("over the maximum")
        << QByteArray(int(kMaxDatagram) + 1, 'V') << DecodeError::Oversized;
    QTest::newRow("one byte extra") << good + 'x' << DecodeError::Oversized;
    QTest::newRow("lengths say less") << patched(good, 18, 33) << DecodeError::Oversized;
    QTest::newRow("unsigned flag with trailer")
        << patched(goodSigned, 5, 0) << DecodeError::Oversized;

    QTest::newRow("wrong magic") << patched(good, 3, 'X') << DecodeError::BadMagic;
    QTest::newRow("short, wrong magic") << QByteArray("ABCDE") << DecodeError::BadMagic;
    QTest::newRow("version 0") << patched(good, 4, 0) << DecodeError::UnknownVersion;
    QTest::newRow("version 2") << patched(good, 4, 2) << DecodeError::UnknownVersion;

    QTest::newRow("state 0") << patched(good, 6, 0) << DecodeError::Malformed;
    QTest::newRow("state 7") << patched(good, 6, 7) << DecodeError::Malformed;
    QTest::newRow("unknown flag") << patched(good, 5, 2) << DecodeError::Malformed;
    QTest::newRow("hostname length 64") << patched(good, 7, 64) << DecodeError::Malformed;
    QTest::newRow("detail length 201") << patched(good, 18, char(201)) << DecodeError::Malformed;
    QTest::newRow("reserved set") << patched(good, 19, 1) << DecodeError::Malformed;
    QTest::newRow("space in hostname") << withFields("vm 177", "") << DecodeError::Malformed;
    QTest::newRow("control in hostname") << withFields("vm\n177", "") << DecodeError::Malformed;
    QTest::newRow("non-ASCII hostname") << withFields("vm\xc3\xbc", "") << DecodeError::Malformed;
    QTest::newRow("detail: bad lead byte") << withFields("vm", "a\xff") << DecodeError::Malformed;
    QTest::newRow("detail: overlong") << withFields("vm", "\xc0\x80") << DecodeError::Malformed;
    QTest::newRow("detail: surrogate")
        << withFields("vm", "\xed\xa0\x80") << DecodeError::Malformed;
    QTest::newRow("detail: cut sequence")
        << withFields("vm", "x\xe7\xa3") << DecodeError::Malformed;
    QTest::newRow("detail: beyond U+10FFFF")
        << withFields("vm", "\xf4\x90\x80\x80") << DecodeError::Malformed;
}

void TestAnnouncement::decodeErrors() {
    QFETCH(QByteArray, wire);
    QFETCH(DecodeError, error);
    const Decoded d = decodeBytes(wire);
    QCOMPARE(decodeErrorName(d.error), decodeErrorName(error));
    QVERIFY(!d.isSigned);
    QVERIFY(!verifyBytes(wire, vectorKey()));
}

void TestAnnouncement::everyTruncationIsRefused_data() {
    QTest::addColumn<bool>("sign");
    QTest::newRow("unsigned") << false;
    QTest::newRow("signed") << true;
}

void TestAnnouncement::everyTruncationIsRefused() {
    QFETCH(bool, sign);
    const Digest key = vectorKey();
    // Copied into exact-size heap buffers so AddressSanitizer catches any read past the end.
    const std::vector<std::uint8_t> wire = encode(sample(), sign ? &key : nullptr);
    for (std::size_t length = 0; length < wire.size(); ++length) {
        const std::vector<std::uint8_t> cut(wire.begin(), wire.begin() + std::ptrdiff_t(length));
        const Decoded d = decode(cut.data(), cut.size());
        QVERIFY2(d.error == DecodeError::Truncated,
                 qPrintable(QStringLiteral("length %1: %2")
                                .arg(length)
                                .arg(QString::fromLatin1(decodeErrorName(d.error)))));
    }
}

void TestAnnouncement::everyFlippedBitFailsVerify() {
    const Digest key = vectorKey();
    const QByteArray wire = bytes(encode(sample(), &key));
    QVERIFY(verifyBytes(wire, key));
    for (int byte = 0; byte < wire.size(); ++byte) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray tampered = wire;
            tampered[byte] = char(tampered[byte] ^ (1 << bit));
            QVERIFY2(!verifyBytes(tampered, key),
                     qPrintable(QStringLiteral("byte %1 bit %2").arg(byte).arg(bit)));
        }
    }
}

void TestAnnouncement::wrongKeyFailsVerify() {
    const Digest key = vectorKey();
    Digest other = key;
    other[31] ^= 0x80;
    const QByteArray wire = bytes(encode(sample(), &key));
    QVERIFY(verifyBytes(wire, key));
    QVERIFY(!verifyBytes(wire, other));
    QVERIFY(!verifyBytes(wire, Digest{}));
}

void TestAnnouncement::unsignedDecodesAsUnsigned() {
    const QByteArray wire = bytes(encode(sample(), nullptr));
    const Decoded d = decodeBytes(wire);
    QCOMPARE(int(d.error), int(DecodeError::None));
    QVERIFY(!d.isSigned);
    QCOMPARE(int(wire[5]), 0);
    QVERIFY(!verifyBytes(wire, vectorKey()));
}

void TestAnnouncement::fixedVectorEncodes() {
    const Digest key = vectorKey();
    QCOMPARE(bytes(encode(vectorAnnouncement(), &key)).toHex(), QByteArray(kVectorHex));
}

void TestAnnouncement::fixedVectorDecodesAndVerifies() {
    const QByteArray wire = QByteArray::fromHex(kVectorHex);
    QCOMPARE(wire.size(), 52 + 5 + 11 + 32);
    const Decoded d = decodeBytes(wire);
    QCOMPARE(int(d.error), int(DecodeError::None));
    QVERIFY(d.isSigned);
    compareAnnouncements(d.announcement, vectorAnnouncement());
    QVERIFY(verifyBytes(wire, vectorKey()));
}

void TestAnnouncement::names() {
    QCOMPARE(agentStateName(AgentState::Online), "online");
    QCOMPARE(agentStateName(AgentState::Stopping), "stopping");
    QCOMPARE(decodeErrorName(DecodeError::BadMagic), "bad magic");
}

QTEST_APPLESS_MAIN(TestAnnouncement)
#include "tst_announcement.moc"
