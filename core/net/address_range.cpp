#include "address_range.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

struct Interval {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
};

QString suffixesHint(const Subnet &subnet) {
    return AddressRange::tr("(suffixes %1-%2)")
        .arg(subnet.suffixOf(subnet.firstHost()))
        .arg(subnet.suffixOf(subnet.lastHost()));
}

bool isAsciiDigits(QStringView s) {
    return !s.isEmpty()
           && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// One end of a part: a suffix ("177") or a full address ("192.168.1.177").
Expected<Ipv4Address> resolveEndpoint(QStringView token, const Subnet &subnet) {
    if (token.contains(u'.')) {
        const auto address = Ipv4Address::parse(token);
        if (!address)
            return fail(
                AddressRange::tr("'%1' is not an IPv4 address: write four numbers 0-255, e.g. %2")
                    .arg(token, subnet.lastHost().toString()));
        if (!subnet.contains(*address))
            return fail(AddressRange::tr("%1 is outside %2: a range stays in one subnet %3")
                            .arg(address->toString(), subnet.toString(), suffixesHint(subnet)));
        if (*address == subnet.network())
            return fail(AddressRange::tr("%1 is the network address of %2 %3")
                            .arg(address->toString(), subnet.toString(), suffixesHint(subnet)));
        if (*address == subnet.broadcast())
            return fail(AddressRange::tr("%1 is the broadcast address of %2 %3")
                            .arg(address->toString(), subnet.toString(), suffixesHint(subnet)));
        return *address;
    }
    if (!isAsciiDigits(token))
        return fail(AddressRange::tr(
                        "'%1' is not a suffix or an address: write host numbers like %2 or %2-%3, "
                        "or addresses like %4")
                        .arg(token)
                        .arg(subnet.suffixOf(subnet.firstHost()))
                        .arg(subnet.suffixOf(subnet.lastHost()))
                        .arg(subnet.lastHost().toString()));
    // Ten digits cannot overflow 64 bits and already exceed every subnet's suffixes.
    std::uint64_t value = 0;
    for (const QChar c : token.left(11))
        value = value * 10 + (c.unicode() - u'0');
    const std::uint64_t broadcastSuffix = subnet.suffixOf(subnet.broadcast());
    if (token.size() > 10 || value > broadcastSuffix)
        return fail(AddressRange::tr("'%1' is not a host of %2 %3")
                        .arg(token, subnet.toString(), suffixesHint(subnet)));
    if (value == 0)
        return fail(AddressRange::tr("'%1' is the network address of %2 %3")
                        .arg(token, subnet.toString(), suffixesHint(subnet)));
    if (value == broadcastSuffix)
        return fail(AddressRange::tr("'%1' is the broadcast address of %2 %3")
                        .arg(token, subnet.toString(), suffixesHint(subnet)));
    // A leading zero may be meant as octal; refuse rather than guess.
    if (token.front() == u'0')
        return fail(AddressRange::tr("'%1' has a leading zero: write %2").arg(token).arg(value));
    return *subnet.addressOfSuffix(static_cast<std::uint32_t>(value));
}

Expected<Interval> parsePart(QStringView part, const Subnet &subnet, int maxCount) {
    const qsizetype dash = part.indexOf(u'-');
    if (dash < 0) {
        auto single = resolveEndpoint(part, subnet);
        if (!single)
            return fail(single.error());
        return Interval{single->toUInt(), single->toUInt()};
    }
    if (part.indexOf(u'-', dash + 1) >= 0)
        return fail(AddressRange::tr("'%1' has more than one '-': write FIRST-LAST, e.g. %2-%3")
                        .arg(part)
                        .arg(subnet.suffixOf(subnet.firstHost()))
                        .arg(subnet.suffixOf(subnet.lastHost())));
    const QStringView firstText = part.left(dash).trimmed();
    const QStringView lastText = part.mid(dash + 1).trimmed();
    if (firstText.isEmpty() || lastText.isEmpty())
        return fail(
            AddressRange::tr("'%1' lacks a number on one side of '-': write FIRST-LAST, e.g. %2-%3")
                .arg(part)
                .arg(subnet.suffixOf(subnet.firstHost()))
                .arg(subnet.suffixOf(subnet.lastHost())));
    const auto first = resolveEndpoint(firstText, subnet);
    if (!first)
        return fail(first.error());
    const auto last = resolveEndpoint(lastText, subnet);
    if (!last)
        return fail(last.error());
    if (*last < *first)
        return fail(
            AddressRange::tr("'%1' runs backwards: write %2-%3").arg(part, lastText, firstText));
    const std::uint64_t count = std::uint64_t(last->toUInt()) - first->toUInt() + 1;
    if (count > std::uint64_t(std::max(maxCount, 0)))
        return fail(
            AddressRange::tr("'%1' names %2 addresses, more than %3 at once: split it into smaller "
                             "ranges")
                .arg(part)
                .arg(count)
                .arg(maxCount));
    return Interval{first->toUInt(), last->toUInt()};
}

// "in use by vm180" -> ("in use", "vm180"), so that runs of such reasons can be said once:
// from the refusal's family and holder when it has them, else from the English words.
std::pair<QString, QString> splitReason(const RefusedAddress &refused) {
    if (!refused.family.isEmpty())
        return {refused.family, refused.holder};
    const QString &reason = refused.reason;
    const qsizetype by = reason.lastIndexOf(u" by "_s);
    if (by > 0) {
        const QString who = reason.mid(by + 4);
        if (!who.isEmpty() && !who.contains(u' '))
            return {reason.left(by), who};
    }
    return {reason, QString()};
}

} // namespace

QString refusalKindName(RefusalKind kind) {
    switch (kind) { // no default: an unnamed new kind is a compiler warning
    case RefusalKind::Other:
        return u"other"_s;
    case RefusalKind::InUse:
        return u"in-use"_s;
    case RefusalKind::GoldenAddress:
        return u"golden-address"_s;
    case RefusalKind::HostAlias:
        return u"host-alias"_s;
    case RefusalKind::DnsAlias:
        return u"dns-alias"_s;
    case RefusalKind::ConsoleAddress:
        return u"console-address"_s;
    case RefusalKind::MacInUse:
        return u"mac-in-use"_s;
    case RefusalKind::NameInUse:
        return u"name-in-use"_s;
    case RefusalKind::FolderInUse:
        return u"folder-in-use"_s;
    case RefusalKind::FolderExists:
        return u"folder-exists"_s;
    case RefusalKind::OutsideShard:
        return u"outside-shard"_s;
    case RefusalKind::NoShard:
        return u"no-shard"_s;
    case RefusalKind::NoRoom:
        return u"no-room"_s;
    }
    return u"other"_s;
}

Expected<QList<Ipv4Address>> AddressRange::parse(QStringView text, const Subnet &subnet,
                                                 int maxCount) {
    if (subnet.isNull())
        return fail(AddressRange::tr(
                        "no subnet to read the range '%1' in: set the golden image's subnet first")
                        .arg(text));
    if (text.trimmed().isEmpty())
        return fail(
            AddressRange::tr("the range is empty: write suffixes like %1-%2, or addresses like %3")
                .arg(subnet.suffixOf(subnet.firstHost()))
                .arg(subnet.suffixOf(subnet.lastHost()))
                .arg(subnet.lastHost().toString()));

    std::vector<Interval> intervals;
    for (const QStringView rawPart : text.split(u',')) {
        const QStringView part = rawPart.trimmed();
        if (part.isEmpty())
            return fail(
                AddressRange::tr("'%1' has an empty part between commas: remove the extra ','")
                    .arg(text.trimmed()));
        auto interval = parsePart(part, subnet, maxCount);
        if (!interval)
            return fail(interval.error());
        intervals.push_back(*interval);
    }

    // Merge before expanding so that "1-4000,1-4000" counts 4000, and no list is built
    // for a range that will be refused.
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval &a, const Interval &b) { return a.first < b.first; });
    std::vector<Interval> merged;
    for (const Interval &i : intervals) {
        if (!merged.empty() && std::uint64_t(i.first) <= std::uint64_t(merged.back().last) + 1)
            merged.back().last = std::max(merged.back().last, i.last);
        else
            merged.push_back(i);
    }
    std::uint64_t total = 0;
    for (const Interval &i : merged)
        total += std::uint64_t(i.last) - i.first + 1;
    if (total > std::uint64_t(std::max(maxCount, 0)))
        return fail(
            AddressRange::tr("'%1' names %2 addresses, more than %3 at once: split it into smaller "
                             "batches")
                .arg(text.trimmed())
                .arg(total)
                .arg(maxCount));

    QList<Ipv4Address> addresses;
    addresses.reserve(qsizetype(total));
    for (const Interval &i : merged)
        for (std::uint64_t a = i.first; a <= i.last; ++a)
            addresses.append(Ipv4Address(static_cast<std::uint32_t>(a)));
    return addresses;
}

Expected<RangeCheck> AddressRange::check(QStringView text, const Subnet &subnet,
                                         const TakenAddresses &taken, int maxCount) {
    auto addresses = parse(text, subnet, maxCount);
    if (!addresses)
        return fail(addresses.error());
    RangeCheck result;
    for (const Ipv4Address a : *addresses) {
        const auto it = taken.constFind(a);
        if (it == taken.cend())
            result.accepted.append(a);
        else
            result.refused.append(*it); // its family and holder too: the summary groups by them
    }
    return result;
}

QString AddressRange::format(const QList<Ipv4Address> &addresses, const Subnet &subnet) {
    QList<Ipv4Address> sorted = addresses;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());

    const auto name = [&subnet](Ipv4Address a) {
        return !subnet.isNull() && subnet.contains(a) ? QString::number(subnet.suffixOf(a))
                                                      : a.toString();
    };
    QStringList parts;
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        // A run continues while addresses are consecutive and stay named as suffixes.
        while (j + 1 < sorted.size() && sorted[j + 1].toUInt() == sorted[j].toUInt() + 1
               && subnet.contains(sorted[j + 1]) == subnet.contains(sorted[i]))
            ++j;
        parts.append(i == j ? name(sorted[i]) : name(sorted[i]) + u'-' + name(sorted[j]));
        i = j + 1;
    }
    return parts.join(u',');
}

QString RangeCheck::refusalSummary(const Subnet &subnet) const {
    struct Group {
        QString family;
        QList<Ipv4Address> addresses;
        QStringList reasons;
        QStringList details;
    };
    QList<RefusedAddress> sorted = refused;
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [](const RefusedAddress &a, const RefusedAddress &b) { return a.address < b.address; });
    QList<Group> groups;
    for (const RefusedAddress &r : sorted) {
        const auto [family, detail] = splitReason(r);
        // An init-capture, not [&family]: clang before 16 cannot capture a structured binding.
        auto group = std::find_if(groups.begin(), groups.end(),
                                  [&f = family](const Group &g) { return g.family == f; });
        if (group == groups.end()) {
            groups.append(Group{family, {}, {}, {}});
            group = groups.end() - 1;
        }
        if (!group->addresses.isEmpty() && group->addresses.constLast() == r.address)
            continue; // the same address listed twice
        group->addresses.append(r.address);
        group->reasons.append(r.reason);
        if (!detail.isEmpty())
            group->details.append(detail);
    }

    constexpr qsizetype maxDetails = 10; // a line for humans, not an inventory dump
    QStringList sentences;
    for (const Group &g : std::as_const(groups)) {
        if (g.addresses.size() == 1) {
            sentences.append(AddressRange::tr("%1 is %2")
                                 .arg(g.addresses.constFirst().toString(), g.reasons.constFirst()));
            continue;
        }
        const QString list = AddressRange::format(g.addresses, subnet);
        const bool sameReason =
            std::all_of(g.reasons.cbegin(), g.reasons.cend(),
                        [&g](const QString &r) { return r == g.reasons.constFirst(); });
        if (sameReason || g.details.isEmpty()) {
            sentences.append(AddressRange::tr("%1 are %2").arg(list, g.reasons.constFirst()));
            continue;
        }
        QStringList shown = g.details.mid(0, maxDetails);
        if (g.details.size() > maxDetails)
            shown.append(AddressRange::tr("and %1 more").arg(g.details.size() - maxDetails));
        sentences.append(AddressRange::tr("%1 are %2 (%3)")
                             .arg(list, g.family, shown.join(AddressRange::tr(", "))));
    }
    return sentences.join(AddressRange::tr("; ", "between the sentences of a refusal summary"));
}

} // namespace vmeclone
