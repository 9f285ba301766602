#pragma once
// Ranges of clone addresses as operators write them: "177-254", "177,180-190",
// "192.168.1.177-192.168.1.254", "192.168.1.180", and mixes of these, with spaces
// allowed around ',' and '-'. Numbers are suffixes (host numbers) of the subnet.

#include "ipv4.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

namespace vmeclone {

// Why an address cannot be cloned, for programs: the clone dialog colours and groups
// refusals by it, the CLI's --json names it (refusalKindName). Set where the refusal
// is made; the reason's words are for people only.
enum class RefusalKind {
    Other,          // "other"
    InUse,          // "in-use": a VM has the address
    GoldenAddress,  // "golden-address": a golden image's own address
    HostAlias,      // "host-alias": QEMU's host alias (where the guests reach the console)
    DnsAlias,       // "dns-alias": QEMU's DNS alias
    ConsoleAddress, // "console-address": VMware: this host's address on the VMs' network
    MacInUse,       // "mac-in-use": a VM of another subnet has the MAC the address makes
    NameInUse,      // "name-in-use": a VM has the name the address makes
    FolderInUse,    // "folder-in-use": a VM has the folder the clone would get
    FolderExists,   // "folder-exists": the folder is on the shard already (not this one's)
    OutsideShard,   // "outside-shard": the clone's name would leave its shard
    NoShard,        // "no-shard": no (usable) disk shard
    NoRoom,         // "no-room": no shard has the room above its reserve
};
QString refusalKindName(RefusalKind kind);

struct RefusedAddress {
    Ipv4Address address;
    RefusalKind kind = RefusalKind::Other;
    QString reason; // e.g. "the golden image vm176's own address", "in use by vm180"
    // When the reason names who holds the address: the reason without it ("in use") and
    // who ("vm180"), so that a run of such reasons is said once in any language.
    QString family = {};
    QString holder = {};
};

// Addresses that cannot be cloned, each with why (its RefusedAddress names it again).
using TakenAddresses = QMap<Ipv4Address, RefusedAddress>;

struct RangeCheck {
    QList<Ipv4Address> accepted; // ascending, no duplicates
    QList<RefusedAddress> refused;
    // One line naming every refused address, merged into runs where reasons repeat:
    // "192.168.1.176 is the golden image vm176's own address; 180-182 are in use (vm180, vm181,
    // vm182)".
    QString refusalSummary(const Subnet &subnet) const;
};

class AddressRange {
    Q_DECLARE_TR_FUNCTIONS(AddressRange) // its messages are for people: the console translates them

public:
    // Syntax and subnet only: every address must be a host address of `subnet`
    // (not its network or broadcast address). The error names the offending part of
    // `text` and what is allowed, e.g. "'300' is not a host of 192.168.1.0/24
    // (suffixes 1-254)" or "'190-180' runs backwards: write 180-190".
    // Refuses ranges over `maxCount` addresses (a typo like 1-65534 on a /16).
    static Expected<QList<Ipv4Address>> parse(QStringView text, const Subnet &subnet,
                                              int maxCount = 4096);

    // Parses, then sorts out the addresses that are taken: `taken` maps an address to
    // why it cannot be used (the golden's own address, a VM in the inventory, an
    // address the backend reserves). A syntax error fails the whole call.
    static Expected<RangeCheck> check(QStringView text, const Subnet &subnet,
                                      const TakenAddresses &taken, int maxCount = 4096);

    // The compact form of a list of addresses: "177-180,182" (suffixes), used in
    // messages and reports.
    static QString format(const QList<Ipv4Address> &addresses, const Subnet &subnet);
};

} // namespace vmeclone
