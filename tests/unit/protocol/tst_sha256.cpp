// SHA-256 against FIPS 180-4's examples and HMAC-SHA256 against RFC 4231's test cases.

#include "protocol/sha256.h"

#include <QByteArray>
#include <QTest>

#include <string>

using namespace vmeclone::protocol;

namespace {

QByteArray hexOf(const Digest &d, std::size_t bytes = 32) {
    return QByteArray::fromStdString(toHex(d.data(), bytes));
}

} // namespace

class TestSha256 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hash_data();
    void hash();
    void millionA();
    void incrementalMatchesOneShot_data();
    void incrementalMatchesOneShot();
    void finishResets();
    void hmac_data();
    void hmac();
    void constantTimeEqualDetectsEveryByte();
    void hexRoundTrip();
    void fromHexRejects_data();
    void fromHexRejects();
};

void TestSha256::hash_data() {
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("digest");
    QTest::newRow("abc") << QByteArray(
        "abc") << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("empty")
        << QByteArray()
        << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("448 bits")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("896 bits")
        << QByteArray(
               "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklm"
               "nopqrlmnopqrsmnopqrstnopqrstu")
        << QByteArray("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

void TestSha256::hash() {
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, digest);
    QCOMPARE(hexOf(Sha256::hash(message.constData(), std::size_t(message.size()))), digest);
}

void TestSha256::millionA() {
    // Fed in uneven pieces so the buffering across block boundaries is exercised too.
    const std::string piece(997, 'a');
    Sha256 h;
    std::size_t left = 1000000;
    while (left > 0) {
        const std::size_t n = std::min(left, piece.size());
        h.update(piece.data(), n);
        left -= n;
    }
    QCOMPARE(hexOf(h.finish()),
             QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

void TestSha256::incrementalMatchesOneShot_data() {
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("split");
    for (int length : {0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 200}) {
        for (int split : {0, 1, 55, 63, 64}) {
            if (split <= length)
                QTest::addRow("%d split at %d", length, split) << length << split;
        }
    }
}

void TestSha256::incrementalMatchesOneShot() {
    QFETCH(int, length);
    QFETCH(int, split);
    std::string message;
    for (int i = 0; i < length; ++i)
        message.push_back(char('A' + i % 26));
    Sha256 h;
    h.update(message.data(), std::size_t(split));
    h.update(message.data() + split, std::size_t(length - split));
    QCOMPARE(hexOf(h.finish()), hexOf(Sha256::hash(message.data(), message.size())));
}

void TestSha256::finishResets() {
    Sha256 h;
    h.update("xyz", 3);
    (void)h.finish();
    h.update("abc", 3);
    QCOMPARE(hexOf(h.finish()),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestSha256::hmac_data() {
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("bytes");
    QTest::addColumn<QByteArray>("mac");

    QTest::newRow("RFC 4231 case 1")
        << QByteArray(20, '\x0b') << QByteArray("Hi There") << 32
        << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("RFC 4231 case 2")
        << QByteArray("Jefe") << QByteArray("what do ya want for nothing?") << 32
        << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QTest::newRow("RFC 4231 case 3")
        << QByteArray(20, '\xaa') << QByteArray(50, '\xdd') << 32
        << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    QTest::newRow("RFC 4231 case 4")
        << QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819")
        << QByteArray(50, '\xcd') << 32
        << QByteArray("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    QTest::newRow("RFC 4231 case 5 (truncated to 128 bits)")
        << QByteArray(20, '\x0c') << QByteArray("Test With Truncation") << 16
        << QByteArray("a3b6167473100ee06e0c796c2955552b");
    QTest::newRow("RFC 4231 case 6")
        << QByteArray(131, '\xaa')
        << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First") << 32
        << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    QTest::newRow("RFC 4231 case 7")
        << QByteArray(131, '\xaa')
        << QByteArray("This is a test using a larger than block-size key and a larger than "
                      "block-size data. The key needs to be hashed before being used by the "
                      "HMAC algorithm.")
        << 32 << QByteArray("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

void TestSha256::hmac() {
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(int, bytes);
    QFETCH(QByteArray, mac);
    const Digest d = hmacSha256(key.constData(), std::size_t(key.size()), data.constData(),
                                std::size_t(data.size()));
    QCOMPARE(hexOf(d, std::size_t(bytes)), mac);
}

void TestSha256::constantTimeEqualDetectsEveryByte() {
    const Digest a = Sha256::hash("abc", 3);
    QVERIFY(constantTimeEqual(a.data(), a.data(), a.size()));
    for (std::size_t i = 0; i < a.size(); ++i) {
        Digest b = a;
        b[i] ^= 0x01;
        QVERIFY2(!constantTimeEqual(a.data(), b.data(), a.size()), qPrintable(QString::number(i)));
    }
}

void TestSha256::hexRoundTrip() {
    const std::uint8_t bytes[] = {0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
    const std::string hex = toHex(bytes, sizeof bytes);
    QCOMPARE(QByteArray::fromStdString(hex), QByteArray("00017f80abff"));
    std::uint8_t back[sizeof bytes] = {};
    QVERIFY(fromHex(hex, back, sizeof back));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(back), sizeof back),
             QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes));
    QVERIFY(fromHex("00017F80ABFF", back, sizeof back)); // upper case is accepted
    QCOMPARE(back[4], std::uint8_t{0xab});
}

void TestSha256::fromHexRejects_data() {
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<int>("outSize");
    QTest::newRow("odd length") << QByteArray("abc") << 2;
    QTest::newRow("non-hex digit") << QByteArray("0g") << 1;
    QTest::newRow("non-hex digit after valid ones") << QByteArray("000z") << 2;
    QTest::newRow("space") << QByteArray("0 ") << 1;
    QTest::newRow("sign") << QByteArray("+1") << 1;
    QTest::newRow("too short for the buffer") << QByteArray("00") << 2;
    QTest::newRow("too long for the buffer") << QByteArray("000000") << 2;
}

void TestSha256::fromHexRejects() {
    QFETCH(QByteArray, hex);
    QFETCH(int, outSize);
    std::uint8_t out[2] = {0x55, 0x55};
    QVERIFY(!fromHex(std::string_view(hex.constData(), std::size_t(hex.size())), out,
                     std::size_t(outSize)));
    // Nothing is written on failure.
    QCOMPARE(out[0], std::uint8_t{0x55});
    QCOMPARE(out[1], std::uint8_t{0x55});
}

QTEST_APPLESS_MAIN(TestSha256)
#include "tst_sha256.moc"
