#include "net/address_range.h"

#include <QTest>

using namespace Qt::StringLiterals;
using vmeclone::AddressRange;
using vmeclone::Ipv4Address;
using vmeclone::RangeCheck;
using vmeclone::RefusedAddress;
using vmeclone::RefusalKind;
using vmeclone::TakenAddresses;
using vmeclone::Subnet;

using Suffixes = QList<uint>;

namespace {

Suffixes run(uint first, uint last) {
    Suffixes s;
    for (uint i = first; i <= last; ++i)
        s.append(i);
    return s;
}

const Subnet &lan() {
    static const Subnet s = *Subnet::parse(u"192.168.1.0/24");
    return s;
}

Ipv4Address host(uint suffix) {
    return *lan().addressOfSuffix(suffix);
}

Suffixes suffixesOf(const QList<Ipv4Address> &addresses, const Subnet &subnet) {
    Suffixes s;
    for (const Ipv4Address a : addresses)
        s.append(subnet.suffixOf(a));
    return s;
}

} // namespace

class TstAddressRange : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void widerSubnet();
    void maxCount();
    void noSubnet();
    void format_data();
    void format();
    void check();
    void checkSyntaxErrorFailsWholeCall();
    void refusalSummary_data();
    void refusalSummary();
};

void TstAddressRange::parseValid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Suffixes>("expected");
    QTest::newRow("design range") << u"177-254"_s << run(177, 254);
    QTest::newRow("list and range") << u"177,180-190"_s << (Suffixes{177} + run(180, 190));
    QTest::newRow("full addresses") << u"192.168.1.177-192.168.1.254"_s << run(177, 254);
    QTest::newRow("single suffix") << u"180"_s << Suffixes{180};
    QTest::newRow("single address") << u"192.168.1.180"_s << Suffixes{180};
    QTest::newRow("mixed forms") << u"192.168.1.10-12,20"_s << (run(10, 12) + Suffixes{20});
    QTest::newRow("suffix to address") << u"10-192.168.1.12"_s << run(10, 12);
    QTest::newRow("spaces around separators")
        << u" 177 , 180 - 182 ,\t190 "_s << (Suffixes{177} + run(180, 182) + Suffixes{190});
    QTest::newRow("one-address range") << u"5-5"_s << Suffixes{5};
    QTest::newRow("duplicates merged") << u"180,180,179-181,181"_s << run(179, 181);
    QTest::newRow("overlapping ranges") << u"10-20,15-25"_s << run(10, 25);
    QTest::newRow("unsorted input sorted") << u"200,3,100-101"_s << Suffixes{3, 100, 101, 200};
    QTest::newRow("edges of the subnet") << u"1,254"_s << Suffixes{1, 254};
    QTest::newRow("whole subnet") << u"1-254"_s << run(1, 254);
}

void TstAddressRange::parseValid() {
    QFETCH(QString, text);
    QFETCH(Suffixes, expected);
    const auto parsed = AddressRange::parse(text, lan());
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error()));
    QCOMPARE(suffixesOf(*parsed, lan()), expected);
    for (const Ipv4Address a : *parsed)
        QVERIFY(lan().isHostAddress(a));
}

void TstAddressRange::parseInvalid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("suffix too big")
        << u"177,300"_s << u"'300' is not a host of 192.168.1.0/24 (suffixes 1-254)"_s;
    QTest::newRow("huge suffix") << u"99999999999999999999"_s
                                 << u"'99999999999999999999' is not a host of 192.168.1.0/24 "
                                    "(suffixes 1-254)"_s;
    QTest::newRow("suffix 0") << u"0-10"_s
                              << u"'0' is the network address of 192.168.1.0/24 (suffixes "
                                 "1-254)"_s;
    QTest::newRow("suffix 255") << u"250-255"_s
                                << u"'255' is the broadcast address of 192.168.1.0/24 "
                                   "(suffixes 1-254)"_s;
    QTest::newRow("network address")
        << u"192.168.1.0"_s
        << u"192.168.1.0 is the network address of 192.168.1.0/24 (suffixes 1-254)"_s;
    QTest::newRow("broadcast address")
        << u"192.168.1.200-192.168.1.255"_s
        << u"192.168.1.255 is the broadcast address of 192.168.1.0/24 (suffixes 1-254)"_s;
    QTest::newRow("other subnet")
        << u"177,192.168.2.5"_s
        << u"192.168.2.5 is outside 192.168.1.0/24: a range stays in one subnet (suffixes "
           "1-254)"_s;
    QTest::newRow("range across subnets")
        << u"192.168.1.250-192.168.2.3"_s
        << u"192.168.2.3 is outside 192.168.1.0/24: a range stays in one subnet (suffixes "
           "1-254)"_s;
    QTest::newRow("backwards") << u"190-180"_s << u"'190-180' runs backwards: write 180-190"_s;
    QTest::newRow("backwards with spaces")
        << u"177, 190 - 180"_s << u"'190 - 180' runs backwards: write 180-190"_s;
    QTest::newRow("backwards addresses")
        << u"192.168.1.9-192.168.1.3"_s
        << u"'192.168.1.9-192.168.1.3' runs backwards: write 192.168.1.3-192.168.1.9"_s;
    QTest::newRow("bad address") << u"192.168.1.300"_s
                                 << u"'192.168.1.300' is not an IPv4 address: write four "
                                    "numbers 0-255, e.g. 192.168.1.254"_s;
    QTest::newRow("short address") << u"192.168.1"_s
                                   << u"'192.168.1' is not an IPv4 address: write four numbers "
                                      "0-255, e.g. 192.168.1.254"_s;
    QTest::newRow("word") << u"all"_s
                          << u"'all' is not a suffix or an address: write host numbers like 1 "
                             "or 1-254, or addresses like 192.168.1.254"_s;
    QTest::newRow("space inside number")
        << u"1 77"_s
        << u"'1 77' is not a suffix or an address: write host numbers like 1 or 1-254, or "
           "addresses like 192.168.1.254"_s;
    QTest::newRow("non-ascii digit")
        << u"\u0661\u0667\u0667"_s
        << u"'\u0661\u0667\u0667' is not a suffix or an address: write host numbers like 1 or "
           "1-254, or addresses like 192.168.1.254"_s;
    QTest::newRow("leading zero") << u"0177"_s << u"'0177' has a leading zero: write 177"_s;
    QTest::newRow("negative") << u"-5"_s
                              << u"'-5' lacks a number on one side of '-': write FIRST-LAST, "
                                 "e.g. 1-254"_s;
    QTest::newRow("open range") << u"177-"_s
                                << u"'177-' lacks a number on one side of '-': write "
                                   "FIRST-LAST, e.g. 1-254"_s;
    QTest::newRow("two dashes") << u"1-2-3"_s
                                << u"'1-2-3' has more than one '-': write FIRST-LAST, e.g. "
                                   "1-254"_s;
    QTest::newRow("empty") << u""_s
                           << u"the range is empty: write suffixes like 1-254, or addresses "
                              "like 192.168.1.254"_s;
    QTest::newRow("blank") << u"   "_s
                           << u"the range is empty: write suffixes like 1-254, or addresses "
                              "like 192.168.1.254"_s;
    QTest::newRow("double comma") << u"177,,180"_s
                                  << u"'177,,180' has an empty part between commas: remove the "
                                     "extra ','"_s;
    QTest::newRow("trailing comma") << u"177, "_s
                                    << u"'177,' has an empty part between commas: remove the "
                                       "extra ','"_s;
    QTest::newRow("semicolon") << u"177;180"_s
                               << u"'177;180' is not a suffix or an address: write host numbers "
                                  "like 1 or 1-254, or addresses like 192.168.1.254"_s;
    QTest::newRow("cidr") << u"192.168.1.0/24"_s
                          << u"'192.168.1.0/24' is not an IPv4 address: write four numbers "
                             "0-255, e.g. 192.168.1.254"_s;
}

void TstAddressRange::parseInvalid() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto parsed = AddressRange::parse(text, lan());
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error(), message);
}

void TstAddressRange::widerSubnet() {
    // Suffixes are host numbers of the subnet, so on a /22 they run past 255.
    const Subnet subnet = *Subnet::parse(u"203.0.112.0/22");
    const auto parsed = AddressRange::parse(u"254-258", subnet);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->size(), 5);
    QCOMPARE(parsed->first().toString(), u"203.0.112.254"_s);
    QCOMPARE(parsed->at(2).toString(), u"203.0.113.0"_s); // a host address on a /22
    QCOMPARE(parsed->last().toString(), u"203.0.113.2"_s);

    const auto tooFar = AddressRange::parse(u"1024", subnet);
    QVERIFY(!tooFar.ok());
    QCOMPARE(tooFar.error(), u"'1024' is not a host of 203.0.112.0/22 (suffixes 1-1022)"_s);
}

void TstAddressRange::maxCount() {
    const Subnet wide = *Subnet::parse(u"10.0.0.0/16");
    const auto typo = AddressRange::parse(u"1-65534", wide);
    QVERIFY(!typo.ok());
    QCOMPARE(typo.error(), u"'1-65534' names 65534 addresses, more than 4096 at once: split it "
                           "into smaller ranges"_s);

    const auto total = AddressRange::parse(u"1-3000, 4001-6000", wide);
    QVERIFY(!total.ok());
    QCOMPARE(total.error(), u"'1-3000, 4001-6000' names 5000 addresses, more than 4096 at once: "
                            "split it into smaller batches"_s);

    // Overlaps count once.
    const auto overlapping = AddressRange::parse(u"1-4000,1-4000,100-200", wide);
    QVERIFY(overlapping.ok());
    QCOMPARE(overlapping->size(), 4000);

    QVERIFY(AddressRange::parse(u"1-10", lan(), 10).ok());
    const auto overSmallLimit = AddressRange::parse(u"1-11", lan(), 10);
    QVERIFY(!overSmallLimit.ok());
    QCOMPARE(overSmallLimit.error(), u"'1-11' names 11 addresses, more than 10 at once: split it "
                                     "into smaller ranges"_s);
}

void TstAddressRange::noSubnet() {
    const auto parsed = AddressRange::parse(u"177", Subnet());
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error(),
             u"no subnet to read the range '177' in: set the golden image's subnet first"_s);
}

void TstAddressRange::format_data() {
    QTest::addColumn<Suffixes>("suffixes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << Suffixes{} << QString();
    QTest::newRow("single") << Suffixes{180} << u"180"_s;
    QTest::newRow("run and single") << (run(177, 180) + Suffixes{182}) << u"177-180,182"_s;
    QTest::newRow("pair") << Suffixes{7, 8} << u"7-8"_s;
    QTest::newRow("unsorted with duplicates") << Suffixes{9, 3, 4, 9, 5} << u"3-5,9"_s;
    QTest::newRow("design") << run(177, 254) << u"177-254"_s;
}

void TstAddressRange::format() {
    QFETCH(Suffixes, suffixes);
    QFETCH(QString, expected);
    QList<Ipv4Address> addresses;
    for (const uint s : suffixes)
        addresses.append(host(s));
    QCOMPARE(AddressRange::format(addresses, lan()), expected);
    // What format writes, parse reads back.
    if (!expected.isEmpty())
        QCOMPARE(
            suffixesOf(*AddressRange::parse(expected, lan()), lan()),
            suffixesOf(*AddressRange::parse(AddressRange::format(addresses, lan()), lan()), lan()));
}

void TstAddressRange::check() {
    const TakenAddresses taken{
        {host(176),
         {host(176), RefusalKind::GoldenAddress, u"the golden image vm176's own address"_s}},
        {host(180), {host(180), RefusalKind::InUse, u"in use by vm180"_s}},
        {host(181), {host(181), RefusalKind::InUse, u"in use by vm181"_s}},
        // outside the range asked for: irrelevant
        {host(200), {host(200), RefusalKind::InUse, u"in use by vm200"_s}},
    };
    const auto result = AddressRange::check(u"176-182", lan(), taken);
    QVERIFY(result.ok());
    QCOMPARE(suffixesOf(result->accepted, lan()), (Suffixes{177, 178, 179, 182}));
    QCOMPARE(result->refused.size(), 3);
    QCOMPARE(result->refused[0].address, host(176));
    QCOMPARE(result->refused[0].reason, u"the golden image vm176's own address"_s);
    QCOMPARE(result->refused[0].kind, RefusalKind::GoldenAddress);
    QCOMPARE(result->refused[1].address, host(180));
    QCOMPARE(result->refused[1].kind, RefusalKind::InUse);
    QCOMPARE(result->refused[2].reason, u"in use by vm181"_s);
    QCOMPARE(result->refusalSummary(lan()),
             u"192.168.1.176 is the golden image vm176's own address; 180-181 are in use "
             "(vm180, vm181)"_s);

    const auto free = AddressRange::check(u"1-3", lan(), taken);
    QVERIFY(free.ok());
    QCOMPARE(suffixesOf(free->accepted, lan()), (Suffixes{1, 2, 3}));
    QVERIFY(free->refused.isEmpty());
    QCOMPARE(free->refusalSummary(lan()), QString());
}

void TstAddressRange::checkSyntaxErrorFailsWholeCall() {
    const auto result = AddressRange::check(u"177,300", lan(), {});
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), u"'300' is not a host of 192.168.1.0/24 (suffixes 1-254)"_s);
}

using Refusals = QList<RefusedAddress>;

void TstAddressRange::refusalSummary_data() {
    QTest::addColumn<Refusals>("refused");
    QTest::addColumn<QString>("expected");
    QTest::newRow("header example")
        << Refusals{{host(176), RefusalKind::GoldenAddress, u"the golden image vm176's own address"_s},
                    {host(180), RefusalKind::InUse, u"in use by vm180"_s},
                    {host(181), RefusalKind::InUse, u"in use by vm181"_s},
                    {host(182), RefusalKind::InUse, u"in use by vm182"_s}}
        << u"192.168.1.176 is the golden image vm176's own address; 180-182 are in use (vm180, "
           "vm181, vm182)"_s;
    QTest::newRow("same reason merged")
        << Refusals{{host(10), RefusalKind::HostAlias, u"reserved by the backend"_s},
                    {host(11), RefusalKind::HostAlias, u"reserved by the backend"_s},
                    {host(13), RefusalKind::HostAlias, u"reserved by the backend"_s}}
                                        << u"10-11,13 are reserved by the backend"_s;
    QTest::newRow("order of input irrelevant")
        << Refusals{{host(182), RefusalKind::InUse, u"in use by vm182"_s},
                    {host(176), RefusalKind::GoldenAddress, u"the golden image vm176's own address"_s},
                    {host(180), RefusalKind::InUse, u"in use by vm180"_s}}
        << u"192.168.1.176 is the golden image vm176's own address; 180,182 are in use (vm180, "
           "vm182)"_s;
    QTest::newRow("single in use")
        << Refusals{{host(9), RefusalKind::InUse, u"in use by vm9"_s}}
        << u"192.168.1.9 is in use by vm9"_s;
    Refusals many;
    for (uint s = 1; s <= 12; ++s)
        many.append({host(s), RefusalKind::InUse, u"in use by vm%1"_s.arg(s)});
    QTest::newRow("long list cut")
        << many
        << u"1-12 are in use (vm1, vm2, vm3, vm4, vm5, vm6, vm7, vm8, vm9, vm10, and 2 more)"_s;
}

void TstAddressRange::refusalSummary() {
    QFETCH(Refusals, refused);
    QFETCH(QString, expected);
    RangeCheck check;
    check.refused = refused;
    QCOMPARE(check.refusalSummary(lan()), expected);
}

QTEST_GUILESS_MAIN(TstAddressRange)
#include "tst_address_range.moc"
