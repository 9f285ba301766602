#pragma once
// This host's IPv4 addresses, and which of them lie in a golden's subnet: where the
// guests of a VMware golden find the console when the operator typed none (GoldenRules,
// the console's dialogs). One filter for every caller, so they list the same candidates.

#include "net/ipv4.h"

#include <QList>
#include <QString>

#include <optional>

namespace vmeclone {

struct HostAddress {
    Ipv4Address address;
    QString interfaceName; // "eth0"; empty when not known
    bool loopback = false;

    bool operator==(const HostAddress &) const = default;
};

// The IPv4 addresses of this host's interfaces that are up (QNetworkInterface), with
// the interface's name: those of other interfaces first, the loopback's last, each group
// in the system's order of interfaces.
QList<HostAddress> hostAddresses();

// The addresses of `addresses` a guest in `subnet` may announce itself to: host addresses
// of the subnet (neither its network nor its broadcast address), but not `excluding` (the
// golden's own), each once, in the order given.
QList<HostAddress> candidatesIn(const QList<HostAddress> &addresses, const Subnet &subnet,
                                std::optional<Ipv4Address> excluding = std::nullopt);

} // namespace vmeclone
