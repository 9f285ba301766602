#include "host_addresses.h"

#include <QNetworkInterface>

namespace vmeclone {

QList<HostAddress> hostAddresses() {
    QList<HostAddress> others, loopback;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces()) {
        if (!interface.flags().testFlag(QNetworkInterface::IsUp))
            continue;
        const bool isLoopback = interface.flags().testFlag(QNetworkInterface::IsLoopBack);
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            if (entry.ip().protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            HostAddress a{Ipv4Address(entry.ip().toIPv4Address()), interface.name(), isLoopback};
            (isLoopback ? loopback : others).append(a);
        }
    }
    return others + loopback;
}

QList<HostAddress> candidatesIn(const QList<HostAddress> &addresses, const Subnet &subnet,
                                std::optional<Ipv4Address> excluding) {
    QList<HostAddress> out;
    if (subnet.isNull())
        return out;
    for (const HostAddress &a : addresses) {
        if (!subnet.isHostAddress(a.address) || a.address == excluding)
            continue;
        const bool listed = std::any_of(out.cbegin(), out.cend(), [&a](const HostAddress &b) {
            return b.address == a.address;
        });
        if (!listed)
            out.append(a);
    }
    return out;
}

} // namespace vmeclone
