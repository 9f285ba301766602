#include "identity/mac_address.h"

#include <QTest>

using namespace Qt::StringLiterals;
using vmeclone::Ipv4Address;
using vmeclone::MacAddress;
using vmeclone::Subnet;

class TstMacAddress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void forIpv4_data();
    void forIpv4();
    void roundTripsWholeSubnet_data();
    void roundTripsWholeSubnet();
    void rejectsForeign_data();
    void rejectsForeign();
    void parse_data();
    void parse();
    void parseInvalid_data();
    void parseInvalid();
};

void TstMacAddress::forIpv4_data() {
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("subnet");
    QTest::addColumn<QString>("mac");
    // Worked by hand: the low 22 bits of the address fill the MAC's last 22 bits.
    QTest::newRow("design vm177") << u"192.168.1.177"_s << u"192.168.1.0/24"_s
                                  << u"00:50:56:28:01:b1"_s;
    QTest::newRow("first host") << u"192.168.1.1"_s << u"192.168.1.0/24"_s
                                << u"00:50:56:28:01:01"_s;
    QTest::newRow("last host") << u"192.168.1.254"_s << u"192.168.1.0/24"_s
                               << u"00:50:56:28:01:fe"_s;
    QTest::newRow("doc net 3") << u"203.0.113.9"_s << u"203.0.113.0/24"_s << u"00:50:56:00:71:09"_s;
    QTest::newRow("doc net 2") << u"198.51.100.200"_s << u"198.51.100.0/24"_s
                               << u"00:50:56:33:64:c8"_s;
    QTest::newRow("/10 uses all 22 bits")
        << u"10.1.2.3"_s << u"10.0.0.0/10"_s << u"00:50:56:01:02:03"_s;
}

void TstMacAddress::forIpv4() {
    QFETCH(QString, ip);
    QFETCH(QString, subnet);
    QFETCH(QString, mac);
    const Ipv4Address address = *Ipv4Address::parse(ip);
    const MacAddress derived = MacAddress::forIpv4(address);
    QCOMPARE(derived.toString(), mac);
    QCOMPARE(derived, *MacAddress::parse(mac));
    const auto back = derived.toIpv4(*Subnet::parse(subnet));
    QVERIFY(back.has_value());
    QCOMPARE(*back, address);
}

void TstMacAddress::roundTripsWholeSubnet_data() {
    QTest::addColumn<QString>("subnet");
    QTest::newRow("/24") << u"192.168.1.0/24"_s;
    QTest::newRow("/22") << u"203.0.112.0/22"_s;
    QTest::newRow("/30") << u"198.51.100.4/30"_s;
}

void TstMacAddress::roundTripsWholeSubnet() {
    QFETCH(QString, subnet);
    const Subnet net = *Subnet::parse(subnet);
    QSet<QString> seen;
    for (std::uint32_t a = net.firstHost().toUInt(); a <= net.lastHost().toUInt(); ++a) {
        const MacAddress mac = MacAddress::forIpv4(Ipv4Address(a));
        QVERIFY(mac.toString().startsWith(u"00:50:56:"_s));
        QVERIFY(mac.bytes()[3] <= 0x3F); // inside VMware's static range
        QCOMPARE(mac.toIpv4(net), std::optional<Ipv4Address>(Ipv4Address(a)));
        seen.insert(mac.toString());
    }
    QCOMPARE(seen.size(), qsizetype(net.lastHost().toUInt() - net.firstHost().toUInt() + 1));
}

void TstMacAddress::rejectsForeign_data() {
    QTest::addColumn<QString>("mac");
    QTest::addColumn<QString>("subnet");
    QTest::newRow("generated VMware MAC") << u"00:0c:29:12:34:56"_s << u"192.168.1.0/24"_s;
    QTest::newRow("vCenter range") << u"00:50:56:80:01:b1"_s << u"192.168.1.0/24"_s;
    QTest::newRow("just above static range") << u"00:50:56:40:00:01"_s << u"192.168.1.0/24"_s;
    QTest::newRow("QEMU default") << u"52:54:00:12:34:56"_s << u"192.168.1.0/24"_s;
    QTest::newRow("other subnet's VM") << u"00:50:56:28:02:b1"_s << u"192.168.1.0/24"_s;
    QTest::newRow("network address") << u"00:50:56:28:01:00"_s << u"192.168.1.0/24"_s;
    QTest::newRow("broadcast address") << u"00:50:56:28:01:ff"_s << u"192.168.1.0/24"_s;
    QTest::newRow("subnet wider than 22 bits") << u"00:50:56:01:02:03"_s << u"10.0.0.0/8"_s;
    QTest::newRow("no subnet") << u"00:50:56:28:01:b1"_s << QString();
}

void TstMacAddress::rejectsForeign() {
    QFETCH(QString, mac);
    QFETCH(QString, subnet);
    const auto parsed = MacAddress::parse(mac);
    QVERIFY(parsed.has_value());
    const Subnet net = subnet.isEmpty() ? Subnet() : *Subnet::parse(subnet);
    QVERIFY(!parsed->toIpv4(net).has_value());
}

void TstMacAddress::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("lower") << u"00:50:56:28:01:b1"_s << u"00:50:56:28:01:b1"_s;
    QTest::newRow("upper") << u"00:50:56:28:01:B1"_s << u"00:50:56:28:01:b1"_s;
    QTest::newRow("dashes") << u"00-50-56-28-01-B1"_s << u"00:50:56:28:01:b1"_s;
    QTest::newRow("all ones") << u"FF:FF:FF:FF:FF:FF"_s << u"ff:ff:ff:ff:ff:ff"_s;
}

void TstMacAddress::parse() {
    QFETCH(QString, text);
    QFETCH(QString, formatted);
    const auto mac = MacAddress::parse(text);
    QVERIFY(mac.has_value());
    QCOMPARE(mac->toString(), formatted);
}

void TstMacAddress::parseInvalid_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << u"00:50:56:28:01"_s;
    QTest::newRow("long") << u"00:50:56:28:01:b1:00"_s;
    QTest::newRow("non-hex") << u"00:50:56:28:01:g1"_s;
    QTest::newRow("mixed separators") << u"00:50-56:28:01:b1"_s;
    QTest::newRow("no separators") << u"005056.2801b1"_s;
    QTest::newRow("spaces") << u" 00:50:56:28:01:b1"_s;
    QTest::newRow("fullwidth digit") << u"00:50:56:28:01:b\uFF11"_s;
    QTest::newRow("latin-1 lookalike") << u"00:50:56:28:01:b\u00B9"_s;
}

void TstMacAddress::parseInvalid() {
    QFETCH(QString, text);
    QVERIFY(!MacAddress::parse(text).has_value());
}

QTEST_GUILESS_MAIN(TstMacAddress)
#include "tst_mac_address.moc"
