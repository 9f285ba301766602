#include "net/ipv4.h"

#include <QTest>

using namespace Qt::StringLiterals;
using vmeclone::Ipv4Address;
using vmeclone::Subnet;

class TstIpv4 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void ordering();
    void subnetParse_data();
    void subnetParse();
    void subnetRefused_data();
    void subnetRefused();
    void subnetMembership_data();
    void subnetMembership();
    void subnetsOverlap();
    void suffixes();
    void nameServers_data();
    void nameServers();
};

void TstIpv4::parseValid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<uint>("value");
    QTest::newRow("zero") << u"0.0.0.0"_s << 0u;
    QTest::newRow("max") << u"255.255.255.255"_s << 0xFFFFFFFFu;
    QTest::newRow("design") << u"192.168.1.177"_s << 0xC0A801B1u;
    QTest::newRow("doc net") << u"203.0.113.9"_s << 0xCB007109u;
    QTest::newRow("zero octets") << u"10.0.0.1"_s << 0x0A000001u;
}

void TstIpv4::parseValid() {
    QFETCH(QString, text);
    QFETCH(uint, value);
    const auto parsed = Ipv4Address::parse(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->toUInt(), value);
    QCOMPARE(parsed->toString(), text); // round trip
}

void TstIpv4::parseInvalid_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("three parts") << u"192.168.1"_s;
    QTest::newRow("five parts") << u"192.168.1.1.1"_s;
    QTest::newRow("octet 256") << u"192.168.1.256"_s;
    QTest::newRow("leading zero") << u"192.168.01.1"_s;
    QTest::newRow("plus") << u"+192.168.1.1"_s;
    QTest::newRow("minus") << u"192.168.-1.1"_s;
    QTest::newRow("space inside") << u"192.168. 1.1"_s;
    QTest::newRow("trailing space") << u"192.168.1.1 "_s;
    QTest::newRow("trailing dot") << u"192.168.1.1."_s;
    QTest::newRow("empty part") << u"192..1.1"_s;
    QTest::newRow("four digits") << u"1921.168.1.1"_s;
    QTest::newRow("hex") << u"0xC0.168.1.1"_s;
    QTest::newRow("letters") << u"a.b.c.d"_s;
    QTest::newRow("arabic-indic digit") << u"192.168.1.\u0661"_s;
    QTest::newRow("fullwidth digit") << u"192.168.1.\uFF11"_s;
    QTest::newRow("cidr") << u"192.168.1.0/24"_s;
}

void TstIpv4::parseInvalid() {
    QFETCH(QString, text);
    QVERIFY(!Ipv4Address::parse(text).has_value());
}

void TstIpv4::ordering() {
    const Ipv4Address a(0xC0A80101u), b(0xC0A80102u), c(0x0A000001u);
    QVERIFY(a < b);
    QVERIFY(c < a); // numeric, not textual ("10." sorts after "1" as text)
    QCOMPARE(a, Ipv4Address(0xC0A80101u));
    QVERIFY(a != b);
    QCOMPARE(qHash(a, 7), qHash(Ipv4Address(0xC0A80101u), 7));
}

void TstIpv4::subnetParse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("network");
    QTest::addColumn<int>("prefix");
    QTest::addColumn<QString>("netmask");
    QTest::addColumn<QString>("broadcast");
    QTest::addColumn<QString>("firstHost");
    QTest::addColumn<QString>("lastHost");
    QTest::newRow("/24") << u"192.168.1.0/24"_s << u"192.168.1.0"_s << 24 << u"255.255.255.0"_s
                         << u"192.168.1.255"_s << u"192.168.1.1"_s << u"192.168.1.254"_s;
    QTest::newRow("/30") << u"198.51.100.4/30"_s << u"198.51.100.4"_s << 30 << u"255.255.255.252"_s
                         << u"198.51.100.7"_s << u"198.51.100.5"_s << u"198.51.100.6"_s;
    QTest::newRow("/8") << u"10.0.0.0/8"_s << u"10.0.0.0"_s << 8 << u"255.0.0.0"_s
                        << u"10.255.255.255"_s << u"10.0.0.1"_s << u"10.255.255.254"_s;
    QTest::newRow("/22") << u"203.0.112.0/22"_s << u"203.0.112.0"_s << 22 << u"255.255.252.0"_s
                         << u"203.0.115.255"_s << u"203.0.112.1"_s << u"203.0.115.254"_s;
    QTest::newRow("spaces around")
        << u" 192.168.1.0/24 "_s << u"192.168.1.0"_s << 24 << u"255.255.255.0"_s
        << u"192.168.1.255"_s << u"192.168.1.1"_s << u"192.168.1.254"_s;
}

void TstIpv4::subnetParse() {
    QFETCH(QString, text);
    QFETCH(QString, network);
    QFETCH(int, prefix);
    QFETCH(QString, netmask);
    QFETCH(QString, broadcast);
    QFETCH(QString, firstHost);
    QFETCH(QString, lastHost);
    const auto subnet = Subnet::parse(text);
    QVERIFY2(subnet.ok(), qPrintable(subnet.ok() ? QString() : subnet.error()));
    QCOMPARE(subnet->network().toString(), network);
    QCOMPARE(subnet->prefix(), prefix);
    QCOMPARE(subnet->netmask().toString(), netmask);
    QCOMPARE(subnet->broadcast().toString(), broadcast);
    QCOMPARE(subnet->firstHost().toString(), firstHost);
    QCOMPARE(subnet->lastHost().toString(), lastHost);
    QCOMPARE(subnet->toString(), text.trimmed());
    QVERIFY(!subnet->isNull());
}

void TstIpv4::subnetRefused_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("host bits") << u"192.168.1.5/24"_s
                               << u"'192.168.1.5/24' has host bits set: write the network, "
                                  "192.168.1.0/24"_s;
    QTest::newRow("host bits /22") << u"203.0.113.0/22"_s
                                   << u"'203.0.113.0/22' has host bits set: write the network, "
                                      "203.0.112.0/22"_s;
    QTest::newRow("/31") << u"192.168.1.0/31"_s
                         << u"'/31' in '192.168.1.0/31' is not a usable prefix: write 8 to 30 (a "
                            "/31 or /32 has no room for clones)"_s;
    QTest::newRow("/7") << u"10.0.0.0/7"_s
                        << u"'/7' in '10.0.0.0/7' is not a usable prefix: write 8 to 30 (a /31 "
                           "or /32 has no room for clones)"_s;
    QTest::newRow("prefix text") << u"192.168.1.0/ab"_s
                                 << u"'/ab' in '192.168.1.0/ab' is not a usable prefix: write 8 "
                                    "to 30 (a /31 or /32 has no room for clones)"_s;
    QTest::newRow("no prefix") << u"192.168.1.0"_s
                               << u"'192.168.1.0' is not a subnet: write it as NETWORK/PREFIX, "
                                  "e.g. 192.168.1.0/24"_s;
    QTest::newRow("bad network") << u"192.168.1.300/24"_s
                                 << u"'192.168.1.300' in '192.168.1.300/24' is not an IPv4 "
                                    "address: write four numbers 0-255, e.g. 192.168.1.0/24"_s;
    QTest::newRow("netmask form") << u"192.168.1.0/255.255.255.0"_s
                                  << u"'/255.255.255.0' in '192.168.1.0/255.255.255.0' is not a "
                                     "usable prefix: write 8 to 30 (a /31 or /32 has no room "
                                     "for clones)"_s;
}

void TstIpv4::subnetRefused() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto subnet = Subnet::parse(text);
    QVERIFY(!subnet.ok());
    QCOMPARE(subnet.error(), message);
}

void TstIpv4::subnetMembership_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("contains");
    QTest::addColumn<bool>("isHost");
    QTest::newRow("network") << u"192.168.1.0"_s << true << false;
    QTest::newRow("first") << u"192.168.1.1"_s << true << true;
    QTest::newRow("middle") << u"192.168.1.177"_s << true << true;
    QTest::newRow("last") << u"192.168.1.254"_s << true << true;
    QTest::newRow("broadcast") << u"192.168.1.255"_s << true << false;
    QTest::newRow("next subnet") << u"192.168.2.1"_s << false << false;
    QTest::newRow("previous subnet") << u"192.168.0.254"_s << false << false;
}

void TstIpv4::subnetMembership() {
    QFETCH(QString, address);
    QFETCH(bool, contains);
    QFETCH(bool, isHost);
    const Subnet subnet = *Subnet::parse(u"192.168.1.0/24");
    const Ipv4Address a = *Ipv4Address::parse(address);
    QCOMPARE(subnet.contains(a), contains);
    QCOMPARE(subnet.isHostAddress(a), isHost);
}

void TstIpv4::suffixes() {
    const Subnet subnet = *Subnet::parse(u"192.168.1.0/24");
    QCOMPARE(subnet.suffixOf(*Ipv4Address::parse(u"192.168.1.177")), 177u);
    QCOMPARE(subnet.addressOfSuffix(177)->toString(), u"192.168.1.177"_s);
    QCOMPARE(subnet.addressOfSuffix(0)->toString(), u"192.168.1.0"_s);
    QCOMPARE(subnet.addressOfSuffix(255)->toString(), u"192.168.1.255"_s);
    QVERIFY(!subnet.addressOfSuffix(256).has_value());

    const Subnet wide = *Subnet::parse(u"10.0.0.0/16");
    QCOMPARE(wide.addressOfSuffix(300)->toString(), u"10.0.1.44"_s);
    QCOMPARE(wide.suffixOf(*Ipv4Address::parse(u"10.0.1.44")), 300u);
    QVERIFY(!wide.addressOfSuffix(65536).has_value());

    QVERIFY(Subnet().isNull());
    QCOMPARE(Subnet::fromNetwork(*Ipv4Address::parse(u"192.168.1.77"), 24), subnet);
}

void TstIpv4::nameServers_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("joined"); // the servers read, joined
    QTest::addColumn<QString>("invalid");
    QTest::addColumn<bool>("tooMany");
    QTest::newRow("none") << u""_s << u""_s << u""_s << false;
    QTest::newRow("one") << u"192.0.2.53"_s << u"192.0.2.53"_s << u""_s << false;
    QTest::newRow("spaces, empty parts")
        << u" 192.0.2.53 ,,198.51.100.53"_s << u"192.0.2.53,198.51.100.53"_s << u""_s << false;
    QTest::newRow("a name") << u"192.0.2.53, ns1"_s << u"192.0.2.53"_s << u"ns1"_s << false;
    QTest::newRow("0.0.0.0") << u"0.0.0.0"_s << u""_s << u"0.0.0.0"_s << false;
    QTest::newRow("three") << u"192.0.2.1,192.0.2.2,192.0.2.3"_s
                           << u"192.0.2.1,192.0.2.2,192.0.2.3"_s << u""_s << false;
    QTest::newRow("four") << u"192.0.2.1,192.0.2.2,192.0.2.3,192.0.2.4"_s
                          << u"192.0.2.1,192.0.2.2,192.0.2.3,192.0.2.4"_s << u""_s << true;
}

void TstIpv4::nameServers() {
    QFETCH(QString, text);
    QFETCH(QString, joined);
    QFETCH(QString, invalid);
    QFETCH(bool, tooMany);
    const vmeclone::NameServers dns = vmeclone::parseNameServers(text);
    QCOMPARE(vmeclone::joinAddresses(dns.servers), joined);
    QCOMPARE(dns.invalid, invalid);
    QCOMPARE(dns.tooMany, tooMany);
    QCOMPARE(dns.ok(), invalid.isEmpty() && !tooMany);
}

void TstIpv4::subnetsOverlap() {
    const auto net = [](const char *cidr) {
        return *Subnet::parse(QString::fromLatin1(cidr));
    };
    QVERIFY(net("10.0.0.0/16").overlaps(net("10.0.5.0/24"))); // the wider contains the other
    QVERIFY(net("10.0.5.0/24").overlaps(net("10.0.0.0/16"))); // either way round
    QVERIFY(net("10.0.5.0/24").overlaps(net("10.0.5.0/24")));
    QVERIFY(!net("10.0.5.0/24").overlaps(net("10.0.6.0/24")));
    QVERIFY(!net("10.0.4.0/24").overlaps(net("10.0.5.0/25")));
}

QTEST_GUILESS_MAIN(TstIpv4)
#include "tst_ipv4.moc"
