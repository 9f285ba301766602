#pragma once
// IPv4 addresses and subnets as the operator types them.

#include "common/expected.h"

#include <QHashFunctions>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <compare>
#include <cstdint>
#include <optional>

namespace vmeclone {

class Ipv4Address {
public:
    constexpr Ipv4Address() = default;
    constexpr explicit Ipv4Address(std::uint32_t value)
        : m_value(value) {}

    // Strict dotted quad ("192.168.1.7"); nullopt otherwise.
    static std::optional<Ipv4Address> parse(QStringView text);

    constexpr std::uint32_t toUInt() const { return m_value; }
    QString toString() const;

    constexpr auto operator<=>(const Ipv4Address &) const = default;

private:
    std::uint32_t m_value = 0;
};

inline size_t qHash(Ipv4Address a, size_t seed = 0) noexcept {
    return ::qHash(a.toUInt(), seed);
}

class Subnet {
public:
    Subnet() = default;
    // "192.168.1.0/24". Host bits set ("192.168.1.5/24") are refused, naming the
    // network meant; prefixes outside 8..30 are refused (no room for clones otherwise).
    static Expected<Subnet> parse(QStringView cidr);
    // No checks beyond clearing host bits of `network`: for values already validated.
    static Subnet fromNetwork(Ipv4Address network, int prefix);
    bool isNull() const { return m_prefix == 0; } // default-constructed: no subnet

    Ipv4Address network() const { return m_network; }
    int prefix() const { return m_prefix; }
    Ipv4Address netmask() const;
    Ipv4Address broadcast() const;
    Ipv4Address firstHost() const; // network + 1
    Ipv4Address lastHost() const;  // broadcast - 1
    bool contains(Ipv4Address a) const;
    bool isHostAddress(Ipv4Address a) const; // inside, and neither network nor broadcast
    // Whether the two share any address (one contains the other's network).
    bool overlaps(const Subnet &other) const;

    // A suffix is the host number: address - network (177 in 192.168.1.0/24 is .177).
    std::uint32_t suffixOf(Ipv4Address a) const { return a.toUInt() - m_network.toUInt(); }
    // nullopt when the suffix lies outside the subnet; 0 and the broadcast suffix give
    // the network and broadcast addresses (callers check isHostAddress).
    std::optional<Ipv4Address> addressOfSuffix(std::uint32_t suffix) const;

    QString toString() const; // "192.168.1.0/24"
    bool operator==(const Subnet &) const = default;

private:
    Ipv4Address m_network;
    int m_prefix = 0;
};

// Name servers as the operator types them: "IP[,IP...]", spaces allowed, up to
// kMaxNameServers (what resolv.conf uses). Callers word the refusal in their own terms.
inline constexpr int kMaxNameServers = 3;
struct NameServers {
    QList<Ipv4Address> servers;
    QString invalid;      // the first word that is not an address; empty when none
    bool tooMany = false; // more than kMaxNameServers
    bool ok() const { return invalid.isEmpty() && !tooMany; }
};
NameServers parseNameServers(QStringView text);
// "192.0.2.53,192.0.2.54": how the inventory keeps a list and the identity carries it.
QString joinAddresses(const QList<Ipv4Address> &addresses);

} // namespace vmeclone

Q_DECLARE_METATYPE(vmeclone::Ipv4Address)
