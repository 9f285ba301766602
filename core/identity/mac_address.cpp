#include "mac_address.h"

namespace vmeclone {

std::optional<MacAddress> MacAddress::parse(QStringView text) {
    // The protocol parser reads bytes; a non-ASCII character cannot be part of a MAC, and
    // must not turn into one by a lossy conversion.
    for (const QChar c : text)
        if (c.unicode() > 0x7F)
            return std::nullopt;
    const QByteArray ascii = text.toLatin1();
    const auto bytes =
        protocol::parseMac(std::string_view(ascii.constData(), size_t(ascii.size())));
    if (!bytes)
        return std::nullopt;
    return MacAddress(*bytes);
}

MacAddress MacAddress::forIpv4(Ipv4Address ip) {
    return MacAddress(protocol::macForIpv4(ip.toUInt()));
}

std::optional<Ipv4Address> MacAddress::toIpv4(const Subnet &subnet) const {
    if (subnet.isNull())
        return std::nullopt;
    const auto ip = protocol::ipv4ForMac(m_bytes, subnet.network().toUInt(), subnet.prefix());
    if (!ip)
        return std::nullopt;
    return Ipv4Address(*ip);
}

QString MacAddress::toString() const {
    return QString::fromStdString(protocol::formatMac(m_bytes));
}

} // namespace vmeclone
