// Fuzzes AddressRange::parse/check/format, what reads the range an operator types.
// Input: byte 0 picks the subnet, byte 1 the count limit, the rest is the text (UTF-8).
// Properties of an accepted range: every address is a host address of the subnet, the
// list is ascending without duplicates and within the limit, format() of it parses back
// to the same list, and check() splits it into accepted and refused exactly by `taken`.

#include "common/logging.h"
#include "fuzz_check.h"
#include "net/address_range.h"

#include <QList>
#include <QString>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

struct Fixture {
    QList<Subnet> subnets;
    std::array<int, 6> limits{4096, 1, 2, 16, 254, 65536};
};

const Fixture &fixture() {
    static const Fixture f = [] {
        Fixture out;
        // The design's subnet, documentation nets, and the widest and narrowest allowed.
        for (const auto &cidr : {u"192.168.1.0/24"_s, u"198.51.100.0/30"_s, u"203.0.113.128/25"_s,
                                 u"10.0.0.0/8"_s, u"172.16.0.0/12"_s, u"192.0.2.64/26"_s}) {
            auto subnet = Subnet::parse(cidr);
            FUZZ_CHECK(subnet.ok());
            out.subnets.append(*subnet);
        }
        return out;
    }();
    return f;
}

// The golden's own address, a VM, and the last host: reasons as the engine words them.
TakenAddresses takenIn(const Subnet &subnet) {
    TakenAddresses taken;
    const auto add = [&taken](Ipv4Address a, RefusalKind kind, const QString &reason) {
        taken.insert(a, {a, kind, reason});
    };
    const std::uint32_t first = subnet.firstHost().toUInt();
    add(Ipv4Address(first), RefusalKind::GoldenAddress, u"the golden image vm1's own address"_s);
    if (subnet.lastHost().toUInt() > first + 1)
        add(Ipv4Address(first + 1), RefusalKind::InUse, u"in use by vm2"_s);
    add(subnet.lastHost(), RefusalKind::DnsAlias, u"QEMU's DNS alias"_s);
    return taken;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    log::setup(spdlog::level::off);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 2)
        return 0;
    const Fixture &f = fixture();
    const Subnet &subnet = f.subnets[data[0] % f.subnets.size()];
    const int maxCount = f.limits[data[1] % f.limits.size()];
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));

    const auto parsed = AddressRange::parse(text, subnet, maxCount);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().isEmpty());
        FUZZ_CHECK(!AddressRange::check(text, subnet, {}, maxCount).ok());
        return 0;
    }
    const QList<Ipv4Address> &addresses = *parsed;
    FUZZ_CHECK(!addresses.isEmpty());
    FUZZ_CHECK(addresses.size() <= maxCount);
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        FUZZ_CHECK(subnet.isHostAddress(addresses[i]));
        FUZZ_CHECK(i == 0 || addresses[i - 1] < addresses[i]);
    }

    const QString compact = AddressRange::format(addresses, subnet);
    const auto reparsed = AddressRange::parse(compact, subnet, int(addresses.size()));
    FUZZ_CHECK(reparsed.ok());
    FUZZ_CHECK(*reparsed == addresses);

    const TakenAddresses taken = takenIn(subnet);
    const auto checked = AddressRange::check(text, subnet, taken, maxCount);
    FUZZ_CHECK(checked.ok());
    FUZZ_CHECK(checked->accepted.size() + checked->refused.size() == addresses.size());
    const auto listed = [&addresses](Ipv4Address a) {
        return std::binary_search(addresses.begin(), addresses.end(), a);
    };
    for (const Ipv4Address a : checked->accepted)
        FUZZ_CHECK(!taken.contains(a) && listed(a));
    for (const RefusedAddress &r : checked->refused)
        FUZZ_CHECK(taken.value(r.address).reason == r.reason
                   && taken.value(r.address).kind == r.kind && listed(r.address));
    FUZZ_CHECK(checked->refusalSummary(subnet).isEmpty() == checked->refused.isEmpty());
    return 0;
}
