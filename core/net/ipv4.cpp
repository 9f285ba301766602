#include "ipv4.h"

#include "protocol/addressing.h"

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

constexpr std::uint32_t maskOf(int prefix) {
    return prefix <= 0 ? 0u : prefix >= 32 ? 0xFFFFFFFFu : ~((1u << (32 - prefix)) - 1u);
}

} // namespace

std::optional<Ipv4Address> Ipv4Address::parse(QStringView text) {
    // The protocol's parser is the one the guest agent uses, so console and agent agree
    // on every address. It reads bytes: refuse non-ASCII before converting.
    if (text.size() > 15)
        return std::nullopt;
    char ascii[15];
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].unicode() > 0x7F)
            return std::nullopt;
        ascii[i] = char(text[i].unicode());
    }
    const auto value = protocol::parseIpv4(std::string_view(ascii, size_t(text.size())));
    if (!value)
        return std::nullopt;
    return Ipv4Address(*value);
}

QString Ipv4Address::toString() const {
    return QString::fromStdString(protocol::formatIpv4(m_value));
}

Expected<Subnet> Subnet::parse(QStringView cidr) {
    const QStringView text = cidr.trimmed();
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return fail(
            u"'%1' is not a subnet: write it as NETWORK/PREFIX, e.g. 192.168.1.0/24"_s.arg(text));
    const auto network = Ipv4Address::parse(text.left(slash));
    if (!network)
        return fail(u"'%1' in '%2' is not an IPv4 address: write four numbers 0-255, e.g. "
                    "192.168.1.0/24"_s.arg(text.left(slash), text));
    const QStringView prefixText = text.mid(slash + 1);
    bool isNumber = !prefixText.isEmpty() && prefixText.size() <= 2;
    for (const QChar c : prefixText)
        isNumber = isNumber && c >= u'0' && c <= u'9';
    const int prefix = isNumber ? prefixText.toInt() : -1;
    if (prefix < 8 || prefix > 30)
        return fail(u"'/%1' in '%2' is not a usable prefix: write 8 to 30 (a /31 or /32 has no "
                    "room for clones)"_s.arg(prefixText, text));
    const Ipv4Address meant(network->toUInt() & maskOf(prefix));
    if (meant != *network)
        return fail(
            u"'%1' has host bits set: write the network, %2/%3"_s.arg(text, meant.toString())
                .arg(prefix));
    return fromNetwork(*network, prefix);
}

Subnet Subnet::fromNetwork(Ipv4Address network, int prefix) {
    Subnet s;
    s.m_prefix = prefix;
    s.m_network = Ipv4Address(network.toUInt() & maskOf(prefix));
    return s;
}

Ipv4Address Subnet::netmask() const {
    return Ipv4Address(maskOf(m_prefix));
}

Ipv4Address Subnet::broadcast() const {
    return Ipv4Address(m_network.toUInt() | ~maskOf(m_prefix));
}

Ipv4Address Subnet::firstHost() const {
    return Ipv4Address(m_network.toUInt() + 1);
}

Ipv4Address Subnet::lastHost() const {
    return Ipv4Address(broadcast().toUInt() - 1);
}

bool Subnet::contains(Ipv4Address a) const {
    return (a.toUInt() & maskOf(m_prefix)) == m_network.toUInt();
}

bool Subnet::overlaps(const Subnet &other) const {
    return contains(other.network()) || other.contains(m_network);
}

bool Subnet::isHostAddress(Ipv4Address a) const {
    // A /31 or /32 has no host addresses in the classic sense; Subnet::parse refuses them.
    return m_prefix > 0 && m_prefix <= 30 && contains(a) && a != m_network && a != broadcast();
}

std::optional<Ipv4Address> Subnet::addressOfSuffix(std::uint32_t suffix) const {
    if (suffix > ~maskOf(m_prefix))
        return std::nullopt;
    return Ipv4Address(m_network.toUInt() + suffix);
}

QString Subnet::toString() const {
    return m_network.toString() + u'/' + QString::number(m_prefix);
}

NameServers parseNameServers(QStringView text) {
    NameServers result;
    for (const QStringView part : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringView word = part.trimmed();
        const auto server = Ipv4Address::parse(word);
        if (!server || server->toUInt() == 0) {
            result.invalid = word.toString();
            return result;
        }
        result.servers.append(*server);
    }
    result.tooMany = result.servers.size() > kMaxNameServers;
    return result;
}

QString joinAddresses(const QList<Ipv4Address> &addresses) {
    QStringList parts;
    for (const Ipv4Address &a : addresses)
        parts << a.toString();
    return parts.join(u',');
}

} // namespace vmeclone
