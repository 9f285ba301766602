#pragma once
// A NIC's MAC as Qt code sees it; the derivation itself lives in protocol/addressing.h
// so the guest agent computes exactly the same thing.

#include "net/ipv4.h"
#include "protocol/addressing.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace vmeclone {

class MacAddress {
public:
    MacAddress() = default;
    explicit MacAddress(const protocol::Mac &bytes)
        : m_bytes(bytes) {}

    // Strict: six hex pairs separated by ':' or '-' (protocol::parseMac); no spaces.
    static std::optional<MacAddress> parse(QStringView text);
    // The static MAC of the VM with this address (DESIGN §3), reversible in its subnet.
    static MacAddress forIpv4(Ipv4Address ip);
    // The address this MAC was derived from, inside `subnet`; nullopt when not ours.
    std::optional<Ipv4Address> toIpv4(const Subnet &subnet) const;

    const protocol::Mac &bytes() const { return m_bytes; }
    QString toString() const; // "00:50:56:28:01:b1" (the MAC of 192.168.1.177)
    bool operator==(const MacAddress &) const = default;

private:
    protocol::Mac m_bytes{};
};

} // namespace vmeclone
