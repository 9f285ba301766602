#pragma once
// Turns a golden's .vmx into a clone's (DESIGN §5), so VMware Player starts the clone
// without the "moved or copied?" question, with no MAC shared with any other clone,
// on its own disks, and with the identity its guest needs. Pure: no files are touched;
// the caller copies the files the result names and saves the document.
//
// What changes, and nothing else (every other line keeps its bytes):
// - displayName = the clone's name.
// - uuid.bios, uuid.location, vc.uuid removed; uuid.action = "create" and
//   msg.autoAnswer = "TRUE": VMware makes new UUIDs and asks nothing.
// - Every NIC: generatedAddress and generatedAddressOffset removed (a generated MAC is
//   made from uuid.bios, so copies would collide). Every present NIC: addressType =
//   "static" and address = macForNic(); pciSlotNumber is kept (it fixes the guest's
//   interface name).
// - Every present hard disk's fileName (VmxDevices::disks) is replaced from the disk
//   map. A CD-ROM image named relative to the golden's folder is pointed there by an
//   absolute path (clones share it read-only); other devices keep their files.
// - checkpoint.vmState = "" (the suspend file is not copied); sched.swap.derivedName,
//   migrate.hostLog, vmci0.id, every *.sasWWID, vm.genid and vm.genidX removed (stale
//   or unique per VM; VMware makes new ones); vmxstats.filename removed (VMware names a
//   new one; the golden's may be an absolute path into the golden's folder); and every
//   identityBearingKeys() key removed (docs/vmware-goldens.md: the list, and why).
// - nvram = "<name>.nvram" and, when present, extendedConfigFile = "<name>.vmxf": the
//   golden's files are copied under these names when they exist (VmxClone::copies); when
//   they do not, VMware makes them under these names at the clone's first start.
// - Identity for the guest: every key of the identity as guestinfo.vmeclone.<key>
//   (ip, prefix, gateway, dns, hostname, mac, console, port, key, instance, heartbeat,
//   version), the golden's own guestinfo.vmeclone.* removed first, and every further
//   present NIC for vmeclone-agent: nics = their N (of ethernetN) as a comma list, and
//   nic<N> = "<mac>" or "<mac>,<ip>/<prefix>"; and cloud-init's
//   guestinfo.metadata (base64 of JSON, which is YAML too: instance-id, local-hostname,
//   network = network-config v2 of every present NIC matched by its MAC: the first,
//   named by the identity's interface (eth0), with the address, a default route
//   `to: 0.0.0.0/0` and the name servers; the others eth1, eth2, ... with the address the
//   identity's nic<N> gives them (from the golden's subnet for ethernetN,
//   Engine::identityFor) and no route or name server, or explicitly without an address
//   where it gives none; "vmeclone-nics" in the metadata says which and why; none at all
//   without a present NIC) with
//   guestinfo.metadata.encoding = "base64". The golden's guestinfo.userdata and
//   vendordata are kept: they are the operator's, for every clone alike.

#include "common/expected.h"
#include "identity/mac_address.h"
#include "net/ipv4.h"
#include "protocol/identity_document.h"
#include "vmx/vmx_document.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace vmeclone {

struct VmxCloneSpec {
    // displayName, and the base name of the clone's files (<name>.vmx, .nvram, .vmxf).
    // A file name: no path separators, no characters Windows refuses in names.
    QString name;
    // As Engine::identityFor builds it. Needed: ip and prefix (a MAC, if given, must be
    // the one derived from ip); used when present: gateway, dns (comma list), hostname
    // (defaults to name), instance (defaults to name), and any other key (written to
    // guestinfo only).
    protocol::KeyValueText identity;
    // Golden disk → clone disk: the key is the fileName value exactly as the golden's
    // .vmx writes it; the value is written as the clone's fileName (normally a name in
    // the clone's folder). Every present hard disk must have an entry.
    QMap<QString, QString> disks;
};

struct VmxFileCopy {
    QString from;         // as the golden's .vmx names it: relative to its folder or absolute
    QString to;           // a name in the clone's folder
    bool required = true; // false: VMware's implied name; copy it when it exists
};

struct VmxClone {
    VmxDocument document;
    QString vmxFileName;       // "<name>.vmx": save the document under this name
    QList<VmxFileCopy> copies; // nvram and vmxf: golden file → clone file
    QStringList warnings;      // things the operator should know; the clone is still valid
};

class VmxCloneRewriter {
public:
    // Errors name the input at fault: a bad name or identity, a present disk missing
    // from the map, two disks mapped to one name, a NIC the MAC scheme cannot number.
    static Expected<VmxClone> rewrite(const VmxDocument &golden, const VmxCloneSpec &spec);

    // The static MAC of the clone's NIC in `slot`. Slot 0 is the primary NIC (the
    // lowest-numbered present ethernetN, normally ethernet0): MacAddress::forIpv4(ip),
    // which the guest and cloud-init look for. Every other present ethernetN uses slot N:
    // the same MAC with N XORed into its bits 16..21 (byte 3), or, in a subnet wider than
    // /16, into the lowest of its bits that are fixed across the subnet. So all MACs stay
    // inside 00:50:56:00:00:00–00:50:56:3F:FF:FF, and no two NICs of any two clones of one
    // subnet share a MAC: clones differ in the host bits, slots in the fixed bits.
    // Fails when slot N does not fit in the subnet's fixed MAC bits (prefix - 10 bits,
    // at most 6: slots up to 63 from /16 on, up to 3 in a /12, none in a /10).
    static Expected<MacAddress> macForNic(Ipv4Address ip, int prefix, int slot);

    // The keys of `vmx` that carry the golden's identity somewhere else (vCenter, NSX,
    // VMware Tools' last report, a device's own id) and are dropped from a clone, so
    // VMware and the guest make new ones: viv.moid, root-disk-uuid, ethernetN.externalId,
    // nvp.vm-uuid, nvp.iface-id.*, guestinfo.appInfo, guestinfo.vmtools.*,
    // guestInfo.detailed.data, every *.sasWWID and every device's *uuid key
    // (nvme0.subnqnUUID, scsi0:0.uuid). As spelled in the file, in file order per rule.
    static QStringList identityBearingKeys(const VmxDocument &vmx);
};

} // namespace vmeclone
