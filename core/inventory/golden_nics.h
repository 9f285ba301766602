#pragma once
// A VMware golden's further NICs (ethernet1, ethernet2, ...) with a subnet of their own:
// each clone gets, on that NIC, the address with its own suffix in that subnet (clone .177
// of 192.168.1.0/24 is 10.0.5.177 on an ethernet1 in 10.0.5.0/24). A further NIC without
// such a rule is left unconfigured, and its clones' metadata says so. The rules are judged
// when the golden is added (GoldenRules), so everything here trusts its input.

#include "net/ipv4.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace vmeclone {

struct GoldenNic {
    int slot = 0;  // N of ethernetN, 1..63
    Subnet subnet; // the clones' addresses on this NIC: their own suffix in it

    QString device() const { return QStringLiteral("ethernet%1").arg(slot); }
    // The address a clone with this suffix has on the NIC (the rules keep the subnet at
    // least as wide as the golden's, so every clone's suffix is a host of it).
    Ipv4Address addressFor(quint32 suffix) const;
    bool operator==(const GoldenNic &) const = default;
};

// "ethernet1=10.0.5.0/24,ethernet2=10.0.6.0/24": how the inventory keeps them (empty: none).
QString goldenNicsText(const QList<GoldenNic> &nics);
// The inventory's text back; a word that is not "ethernetN=CIDR" is skipped.
QList<GoldenNic> parseGoldenNics(QStringView text);
// "ethernet1" -> 1 (0..63, as VMware numbers NICs); nullopt for anything else.
std::optional<int> nicSlotOf(QStringView device);

} // namespace vmeclone
