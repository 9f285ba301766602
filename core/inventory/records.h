#pragma once
// Rows of the inventory as plain values.

#include "identity/mac_address.h"
#include "inventory/golden_nics.h"
#include "inventory/vm_state.h"
#include "net/address_range.h"
#include "net/ipv4.h"
#include "placement/shard.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace vmeclone {

struct GoldenRecord {
    qint64 id = 0;
    QString name;    // unique: "vm176", "vmeclone-demo"
    QString backend; // "qemu" | "vmware"
    QString path;    // the machine description (.json) or the .vmx
    Subnet subnet;
    Ipv4Address address; // the golden's own address
    Ipv4Address gateway; // 0.0.0.0 when none
    QString namePrefix = QStringLiteral("vm");
    qint64 diskBytes = 0;       // allocated size of its disks: what a full clone copies
    Ipv4Address consoleAddress; // VMware: this host's address on the VMs' network; 0.0.0.0: the
                                // configured one
    QList<Ipv4Address> dns;     // name servers the clones get, in order (none by default)
    QString fingerprint;        // of its files when added or refreshed (GoldenFingerprint)
    QDateTime addedAt;
    QList<GoldenNic> nics; // VMware: further NICs with a subnet of their own (none by default)

    quint32 suffix() const { return subnet.suffixOf(address); }
};

struct VmRecord {
    qint64 id = 0;
    QString name;
    Ipv4Address address;
    MacAddress mac;
    qint64 goldenId = 0;
    qint64 shardId = 0;
    QString folder;    // absolute folder of its files, inside the shard
    QString cloneMode; // "linked" | "full"
    QString instance;  // identity instance handed to the guest
    VmState state = VmState::Planned;
    int progress = 0; // percent, while copying
    QString reason;   // failure reason, or the agent's last detail
    QString bootId;   // hex of the agent's current boot id
    qint64 lastSequence = 0;
    int boots = 0; // agent starts under this identity, as the agent counts them
    qint64 uptimeSeconds = 0;
    qint64 pid = 0; // hypervisor process, when the backend has one
    QDateTime createdAt;
    QDateTime stateChangedAt;
    QDateTime lastSeen; // last valid announcement
    QDateTime onlineAt; // first online of the current boot
    QString owner;      // token of the batch working on it (crash recovery); empty: none
    // How its key derives from the cluster secret: 2 (clones since schema 5) over its
    // address and instance, so a re-clone at the same address never accepts the old
    // guest's datagrams; 1 (clones made before) over the address alone, as their guests
    // were given it.
    int keyScheme = 2;
    // The inventory's change sequence of the last change to this row (any process):
    // views keep the newest they were told about and ignore anything older.
    qint64 changeSeq = 0;
};

// A VM in a head's ledger: placed on `host`, made there by the plan document `plan`.
struct ClusterVm {
    Ipv4Address address;
    MacAddress mac;
    QString name;
    QString host; // "local": this machine
    QString golden;
    QString plan;                              // the plan document's id (a UUID)
    QString state = QStringLiteral("planned"); // a VmState's name, as the host last said
    QString reason;
    QDateTime updatedAt;
};

// Another machine this one (the head) reaches over SSH to run vmeclone there: its own
// inventory, shards, goldens and listener stay its own (docs/hosts.md).
struct HostRecord {
    qint64 id = 0;
    QString name;        // unique (any case); "local" is this machine and is never stored
    QString destination; // what ssh is given: "[user@]address" (an alias of ~/.ssh/config too)
    int port = 0;        // SSH port; 0: ssh's own choice (the user's config, else 22)
    QString remoteHome;  // its data folder (--home there); empty: its default
    QString remoteCommand = QStringLiteral("vmeclone"); // the program run there
    double weight = 1.0;                                // relative share of new VMs, > 0
    QDateTime addedAt;

    // The address part of the destination (without "user@"), for messages.
    QString address() const { return destination.mid(destination.lastIndexOf(u'@') + 1); }
};

struct EventRecord {
    qint64 id = 0;
    QDateTime at;
    QString level;   // "info" | "warning" | "error"
    QString vmName;  // empty for batch-wide events
    QString message; // in English
    QString code = {}; // EventText's: empty when the message is all there is
    QStringList args = {};
};

} // namespace vmeclone
