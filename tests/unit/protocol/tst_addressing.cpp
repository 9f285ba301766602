// IPv4 and MAC text, the IP <-> static MAC derivation (DESIGN §3) and the per-VM key.

#include "protocol/addressing.h"

#include <QByteArray>
#include <QTest>

#include <string>

using namespace vmeclone::protocol;

namespace {

std::string_view view(const QByteArray &b) {
    return std::string_view(b.constData(), std::size_t(b.size()));
}

std::uint32_t ip(const char *text) {
    const auto parsed = parseIpv4(text);
    if (!parsed)
        qFatal("test data: bad IPv4 %s", text);
    return *parsed;
}

Mac mac(const char *text) {
    const auto parsed = parseMac(text);
    if (!parsed)
        qFatal("test data: bad MAC %s", text);
    return *parsed;
}

} // namespace

class TestAddressing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseIpv4Valid_data();
    void parseIpv4Valid();
    void parseIpv4Rejects_data();
    void parseIpv4Rejects();
    void parseMacValid_data();
    void parseMacValid();
    void parseMacRejects_data();
    void parseMacRejects();
    void macDerivation_data();
    void macDerivation();
    void staticMacRange_data();
    void staticMacRange();
    void ipv4ForMacRefuses_data();
    void ipv4ForMacRefuses();
    void vmKeyVectors_data();
    void vmKeyVectors();
    void vmKeyDiffersPerAddress();
};

void TestAddressing::parseIpv4Valid_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<quint32>("value");
    QTest::newRow("zero") << QByteArray("0.0.0.0") << quint32(0);
    QTest::newRow("all ones") << QByteArray("255.255.255.255") << quint32(0xFFFFFFFF);
    QTest::newRow("design golden") << QByteArray("192.168.1.176") << quint32(0xC0A801B0);
    QTest::newRow("design clone") << QByteArray("192.168.1.177") << quint32(0xC0A801B1);
    QTest::newRow("documentation") << QByteArray("203.0.113.5") << quint32(0xCB007105);
    QTest::newRow("ten") << QByteArray("10.0.0.1") << quint32(0x0A000001);
}

void TestAddressing::parseIpv4Valid() {
    QFETCH(QByteArray, text);
    QFETCH(quint32, value);
    const auto parsed = parseIpv4(view(text));
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, value);
    QCOMPARE(QByteArray::fromStdString(formatIpv4(value)), text);
}

void TestAddressing::parseIpv4Rejects_data() {
    QTest::addColumn<QByteArray>("text");
    for (const char *bad :
         {"",         "1.2.3",      "1.2.3.4.5", "256.1.1.1", "1.2.3.256",  "01.2.3.4", "1.2.3.04",
          "00.1.1.1", " 1.2.3.4",   "1.2.3.4 ",  "+1.2.3.4",  "1..3.4",     "1.2.3.",   ".1.2.3",
          "a.b.c.d",  "1.2.3.1000", "0x1.2.3.4", "1.2.3.-4",  "1.2.3.4/24", "1,2,3,4"})
        QTest::addRow("\"%s\"", bad) << QByteArray(bad);
}

void TestAddressing::parseIpv4Rejects() {
    QFETCH(QByteArray, text);
    QVERIFY(!parseIpv4(view(text)).has_value());
}

void TestAddressing::parseMacValid_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("formatted");
    QTest::newRow("lower colon") << QByteArray("00:50:56:28:01:b1")
                                 << QByteArray("00:50:56:28:01:b1");
    QTest::newRow("upper colon") << QByteArray("00:50:56:28:01:B1")
                                 << QByteArray("00:50:56:28:01:b1");
    QTest::newRow("dashes") << QByteArray("00-0C-29-AB-CD-EF") << QByteArray("00:0c:29:ab:cd:ef");
    QTest::newRow("broadcast") << QByteArray("ff:ff:ff:ff:ff:ff")
                               << QByteArray("ff:ff:ff:ff:ff:ff");
}

void TestAddressing::parseMacValid() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, formatted);
    const auto parsed = parseMac(view(text));
    QVERIFY(parsed.has_value());
    QCOMPARE(QByteArray::fromStdString(formatMac(*parsed)), formatted);
    QCOMPARE(parseMac(formatMac(*parsed)), parsed);
}

void TestAddressing::parseMacRejects_data() {
    QTest::addColumn<QByteArray>("text");
    for (const char *bad :
         {"", "00:50:56:28:01", "00:50:56:28:01:b1:00", "00:50:56:28:01:b", "00:50-56:28:01:b1",
          "00.50.56.28.01.b1", "0050562801b1", "00:50:56:28:01:g1", "00:50:56:28:01:b1 ",
          " 00:50:56:28:01:b1", "0:50:56:28:01:b1a"})
        QTest::addRow("\"%s\"", bad) << QByteArray(bad);
}

void TestAddressing::parseMacRejects() {
    QFETCH(QByteArray, text);
    QVERIFY(!parseMac(view(text)).has_value());
}

void TestAddressing::macDerivation_data() {
    QTest::addColumn<QByteArray>("address");
    QTest::addColumn<QByteArray>("network");
    QTest::addColumn<int>("prefix");
    QTest::addColumn<QByteArray>("expectedMac");
    // Expected MACs computed independently (python: low 22 bits of the address).
    QTest::newRow("/24 design clone") << QByteArray("192.168.1.177") << QByteArray("192.168.1.0")
                                      << 24 << QByteArray("00:50:56:28:01:b1");
    QTest::newRow("/24 last host") << QByteArray("192.168.1.254") << QByteArray("192.168.1.0") << 24
                                   << QByteArray("00:50:56:28:01:fe");
    QTest::newRow("/24 documentation") << QByteArray("203.0.113.7") << QByteArray("203.0.113.0")
                                       << 24 << QByteArray("00:50:56:00:71:07");
    QTest::newRow("/16 ten") << QByteArray("10.0.0.5") << QByteArray("10.0.0.0") << 16
                             << QByteArray("00:50:56:00:00:05");
    QTest::newRow("/16 private") << QByteArray("172.16.5.9") << QByteArray("172.16.0.0") << 16
                                 << QByteArray("00:50:56:10:05:09");
    QTest::newRow("/10 top of range") << QByteArray("10.63.255.254") << QByteArray("10.0.0.0") << 10
                                      << QByteArray("00:50:56:3f:ff:fe");
    QTest::newRow("/10 shared space") << QByteArray("100.127.1.2") << QByteArray("100.64.0.0") << 10
                                      << QByteArray("00:50:56:3f:01:02");
    QTest::newRow("/30") << QByteArray("198.51.100.1") << QByteArray("198.51.100.0") << 30
                         << QByteArray("00:50:56:33:64:01");
    QTest::newRow("/32") << QByteArray("198.51.100.9") << QByteArray("198.51.100.9") << 32
                         << QByteArray("00:50:56:33:64:09");
}

void TestAddressing::macDerivation() {
    QFETCH(QByteArray, address);
    QFETCH(QByteArray, network);
    QFETCH(int, prefix);
    QFETCH(QByteArray, expectedMac);
    const Mac derived = macForIpv4(ip(address.constData()));
    QCOMPARE(QByteArray::fromStdString(formatMac(derived)), expectedMac);
    QVERIFY(isVmeStaticMac(derived));
    const auto back = ipv4ForMac(derived, ip(network.constData()), prefix);
    QVERIFY(back.has_value());
    QCOMPARE(QByteArray::fromStdString(formatIpv4(*back)), address);
}

void TestAddressing::staticMacRange_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("expected");
    QTest::newRow("bottom of range") << QByteArray("00:50:56:00:00:00") << true;
    QTest::newRow("top of range") << QByteArray("00:50:56:3f:ff:ff") << true;
    QTest::newRow("above range") << QByteArray("00:50:56:40:00:00") << false;
    QTest::newRow("vCenter range") << QByteArray("00:50:56:80:00:01") << false;
    QTest::newRow("generated") << QByteArray("00:0c:29:12:34:56") << false;
    QTest::newRow("other vendor") << QByteArray("52:54:00:12:34:56") << false;
    QTest::newRow("near OUI") << QByteArray("00:50:57:00:00:01") << false;
}

void TestAddressing::staticMacRange() {
    QFETCH(QByteArray, text);
    QFETCH(bool, expected);
    QCOMPARE(isVmeStaticMac(mac(text.constData())), expected);
}

void TestAddressing::ipv4ForMacRefuses_data() {
    QTest::addColumn<QByteArray>("macText");
    QTest::addColumn<QByteArray>("network");
    QTest::addColumn<int>("prefix");
    QTest::newRow("/9 is wider than 22 bits")
        << QByteArray("00:50:56:00:00:05") << QByteArray("10.0.0.0") << 9;
    QTest::newRow("/0") << QByteArray("00:50:56:00:00:05") << QByteArray("0.0.0.0") << 0;
    QTest::newRow("prefix 33") << QByteArray("00:50:56:28:01:b1") << QByteArray("192.168.1.0")
                               << 33;
    QTest::newRow("negative prefix")
        << QByteArray("00:50:56:28:01:b1") << QByteArray("192.168.1.0") << -1;
    QTest::newRow("not a static MAC")
        << QByteArray("00:0c:29:28:01:b1") << QByteArray("192.168.1.0") << 24;
    QTest::newRow("fourth byte over 0x3f")
        << QByteArray("00:50:56:68:01:b1") << QByteArray("192.168.1.0") << 24;
    QTest::newRow("derived from another subnet")
        << QByteArray("00:50:56:28:02:05") << QByteArray("192.168.1.0") << 24;
    QTest::newRow("network address")
        << QByteArray("00:50:56:28:01:00") << QByteArray("192.168.1.0") << 24;
    QTest::newRow("broadcast address")
        << QByteArray("00:50:56:28:01:ff") << QByteArray("192.168.1.0") << 24;
    QTest::newRow("/16 network address")
        << QByteArray("00:50:56:00:00:00") << QByteArray("10.0.0.0") << 16;
}

void TestAddressing::ipv4ForMacRefuses() {
    QFETCH(QByteArray, macText);
    QFETCH(QByteArray, network);
    QFETCH(int, prefix);
    QVERIFY(!ipv4ForMac(mac(macText.constData()), ip(network.constData()), prefix).has_value());
}

void TestAddressing::vmKeyVectors_data() {
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("address");
    QTest::addColumn<QByteArray>("key");
    // Computed at authoring time with:
    //   echo -n 192.168.1.177 | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102...1f
    // and python3 hmac.new(secret, ip.encode(), hashlib.sha256) for the others.
    QByteArray counting(32, '\0');
    for (int i = 0; i < 32; ++i)
        counting[i] = char(i);
    QTest::newRow("counting secret, design clone")
        << counting << QByteArray("192.168.1.177")
        << QByteArray("0000a0e82b970bee05066ade40fc66b9e48f0ef2b2cc5db8211cc80052d6c653");
    QTest::newRow("counting secret, documentation address")
        << counting << QByteArray("203.0.113.5")
        << QByteArray("6bd391d5f7201813140a19d56246f7a99a9e595eb410f34c7b5ff73ddc97d5ed");
    QTest::newRow("text secret")
        << QByteArray("vmeclone-test-secret") << QByteArray("10.0.0.1")
        << QByteArray("3228e3028f13e1be9da8ae6101a071fbf84377539cdfdc9cdc76fb156eec0e68");
}

void TestAddressing::vmKeyVectors() {
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, address);
    QFETCH(QByteArray, key);
    const Digest d = vmKey(reinterpret_cast<const std::uint8_t *>(secret.constData()),
                           std::size_t(secret.size()), ip(address.constData()));
    QCOMPARE(QByteArray::fromStdString(toHex(d.data(), d.size())), key);
}

void TestAddressing::vmKeyDiffersPerAddress() {
    const std::uint8_t secret[4] = {1, 2, 3, 4};
    QVERIFY(vmKey(secret, sizeof secret, ip("192.168.1.177"))
            != vmKey(secret, sizeof secret, ip("192.168.1.178")));
}

QTEST_APPLESS_MAIN(TestAddressing)
#include "tst_addressing.moc"
