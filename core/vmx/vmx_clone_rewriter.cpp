#include "vmx_clone_rewriter.h"

#include "common/failure_text.h"
#include "vmx/vmx_devices.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

const FailureSentence kVmxRewriterNoName{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the clone has no name: a name is needed for its displayName and files")};
const FailureSentence kVmxRewriterControlCharacter{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the clone name '%1' cannot be a file name (it contains 'a control character'); use "
    "letters, digits, '-', '_' and '.'")};
const FailureSentence kVmxRewriterBadCharacter{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the clone name '%1' cannot be a file name (it contains '%2'); use letters, digits, '-', "
    "'_' and '.'")};
const FailureSentence kVmxRewriterWindowsName{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the clone name '%1' cannot be a file name on Windows; choose another")};
const FailureSentence kVmxRewriterBadSlot{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "NIC slot %1 in a /%2 subnet is not a valid input")};
const FailureSentence kVmxRewriterNoMacRoom{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "ethernet%1 cannot get a static MAC of its own in a /%2 subnet: the MAC has room for %3 "
    "further NIC(s) there; use a subnet of /16 or narrower, or fewer NICs")};
const FailureSentence kVmxRewriterBadIp{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the identity of clone %1 has no valid ip ('%2')")};
const FailureSentence kVmxRewriterNoIp{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the identity of clone %1 has no valid ip (none)")};
const FailureSentence kVmxRewriterBadPrefix{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the identity of clone %1 has no valid prefix ('%2'): it needs the subnet's prefix length, "
    "1 to 32")};
const FailureSentence kVmxRewriterMacDisagrees{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the identity of clone %1 names the MAC '%2', but its ip %3 gives %4: the identity and the "
    ".vmx would disagree")};
const FailureSentence kVmxRewriterBadGateway{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the identity of clone %1 has an invalid gateway '%2'")};
const FailureSentence kVmxRewriterBadDns{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the identity of clone %1 has an invalid dns server '%2'")};
const FailureSentence kVmxRewriterBadKey{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the identity of clone %1 has the key '%2', which cannot be a guestinfo name (letters, "
    "digits, '-' and '_' only)")};
const FailureSentence kVmxRewriterBadNic{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the identity of clone %1 has %2=%3, which is not <mac>[,<ip>/<prefix>]")};
const FailureSentence kVmxRewriterNicMac{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 (clone %2): %3")};
const FailureSentence kVmxRewriterNicMacDisagrees{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the identity of clone %1 gives %2 the MAC %3, but its ip %4 gives %5: the identity and the "
    ".vmx would disagree")};
const FailureSentence kVmxRewriterNoSuchNic{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the identity of clone %1 describes ethernet%2, which %3 has not as a present NIC after its "
    "first")};
const FailureSentence kVmxRewriterNoDiskFile{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1: %2.fileName names the disk \"%3\", but clone %4 has no file for it: every disk of the "
    "golden must be copied or linked for a clone")};
const FailureSentence kVmxRewriterEmptyDiskName{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "clone %1: the new file name for the disk \"%2\" is empty")};
const FailureSentence kVmxRewriterSameDiskName{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "clone %1: the disks \"%2\" and \"%3\" would both become \"%4\"")};

constexpr int kMacBits = 22; // VMware's static range: 00:50:56 and 22 free bits

// Names Windows refuses for a file, whatever the extension.
bool isReservedWindowsName(const QString &name) {
    static const QRegularExpression reserved(u"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])$"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    return reserved.match(name).hasMatch();
}

Status checkName(const QString &name) {
    if (name.isEmpty())
        return fail(kVmxRewriterNoName());
    for (const QChar c : name) {
        if (c.unicode() < 0x20)
            return fail(kVmxRewriterControlCharacter(name));
        if (u"<>:\"/\\|?*"_s.contains(c))
            return fail(kVmxRewriterBadCharacter(name, QString(c)));
    }
    if (name == u"."_s || name == u".."_s || name.endsWith(u'.') || name.endsWith(u' ')
        || name.startsWith(u' ') || isReservedWindowsName(name))
        return fail(kVmxRewriterWindowsName(name));
    return {};
}

// The last component of a path written with '/' or '\\', without a final ".vmx".
QString vmxBaseName(const QString &fileName) {
    QString base =
        fileName.mid(std::max(fileName.lastIndexOf(u'/'), fileName.lastIndexOf(u'\\')) + 1);
    if (base.endsWith(u".vmx"_s, Qt::CaseInsensitive))
        base.chop(4);
    return base;
}

// KeyValueText keeps its order but has no iteration: read its text form back.
QList<QPair<QString, QString>> identityPairs(const protocol::KeyValueText &identity) {
    QList<QPair<QString, QString>> pairs;
    const QString text = QString::fromStdString(identity.toText());
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            pairs.append({line.left(eq), line.mid(eq + 1)});
    }
    return pairs;
}

std::optional<QString> identityValue(const protocol::KeyValueText &identity, const char *key) {
    const auto v = identity.get(key);
    if (!v)
        return std::nullopt;
    return QString::fromStdString(*v);
}

// A present NIC of the clone, as the metadata describes it.
struct MetadataNic {
    QString device; // "ethernet1" as the .vmx spells it
    QString name;   // the guest's interface name: the identity's for the first, else ethN
    MacAddress mac;
    // A further NIC's own address (the identity's nic<N>); none: left unconfigured.
    std::optional<Ipv4Address> address;
    int prefix = 0;
};

// A further NIC as the identity gives it: "nic<N>=<mac>[,<ip>/<prefix>]".
struct FurtherNic {
    MacAddress mac;
    std::optional<Ipv4Address> address;
    int prefix = 0;
};

std::optional<FurtherNic> parseFurtherNic(const QString &value) {
    const QStringList parts = value.split(u',');
    if (parts.size() > 2)
        return std::nullopt;
    FurtherNic nic;
    const auto mac = MacAddress::parse(parts[0]);
    if (!mac)
        return std::nullopt;
    nic.mac = *mac;
    if (parts.size() == 2) {
        const QStringList cidr = parts[1].split(u'/');
        bool ok = false;
        nic.prefix = cidr.value(1).toInt(&ok);
        nic.address = Ipv4Address::parse(cidr[0]);
        if (cidr.size() != 2 || !ok || nic.prefix < 1 || nic.prefix > 32 || !nic.address)
            return std::nullopt;
    }
    return nic;
}

QString furtherNicText(const MacAddress &mac, const std::optional<Ipv4Address> &address,
                       int prefix) {
    return address ? u"%1,%2/%3"_s.arg(mac.toString(), address->toString()).arg(prefix)
                   : mac.toString();
}

// cloud-init's VMware datasource metadata: JSON (which YAML readers accept too), with a
// network-config v2 describing every present NIC, matched by MAC. The first gets the
// clone's address, the default route and the name servers; the others are explicitly
// left without an address (dhcp4 and dhcp6 off, optional: the boot does not wait for
// them), as nothing on the golden says what they should have; "vmeclone-nics" says so in
// words. The default route is `to: 0.0.0.0/0`: netplan takes it as `to: default` (and
// deprecates gateway4), and cloud-init before 23.x (Debian 12's 22.4 included) renders
// it for eni and sysconfig, where it refuses "default" ("not a valid ip address").
QByteArray cloudInitMetadata(const QString &instance, const QString &hostname,
                             const QList<MetadataNic> &nics, Ipv4Address ip, int prefix,
                             const std::optional<Ipv4Address> &gateway,
                             const QList<Ipv4Address> &dns) {
    QJsonObject metadata;
    metadata.insert(u"instance-id"_s, instance);
    metadata.insert(u"local-hostname"_s, hostname);
    if (nics.isEmpty()) // no network to describe: cloud-init keeps its own fallback
        return QJsonDocument(metadata).toJson(QJsonDocument::Compact);
    QJsonObject ethernets;
    QJsonArray said;
    for (qsizetype i = 0; i < nics.size(); ++i) {
        const MetadataNic &n = nics[i];
        QJsonObject nic;
        nic.insert(u"match"_s, QJsonObject{{u"macaddress"_s, n.mac.toString()}});
        nic.insert(u"set-name"_s, n.name);
        nic.insert(u"dhcp4"_s, false);
        if (i == 0 || n.address) {
            nic.insert(u"addresses"_s,
                       QJsonArray{i == 0 ? u"%1/%2"_s.arg(ip.toString(), QString::number(prefix))
                                         : u"%1/%2"_s.arg(n.address->toString(),
                                                          QString::number(n.prefix))});
        }
        if (i == 0) {
            if (gateway)
                nic.insert(u"routes"_s, QJsonArray{QJsonObject{{u"to"_s, u"0.0.0.0/0"_s},
                                                               {u"via"_s, gateway->toString()}}});
            if (!dns.isEmpty()) {
                QJsonArray servers;
                for (const Ipv4Address &server : dns)
                    servers.append(server.toString());
                nic.insert(u"nameservers"_s, QJsonObject{{u"addresses"_s, servers}});
            }
        } else {
            nic.insert(u"dhcp6"_s, false);
            nic.insert(u"optional"_s, true);
        }
        ethernets.insert(n.name, nic);
        QJsonObject entry{{u"device"_s, n.device},
                          {u"interface"_s, n.name},
                          {u"mac"_s, n.mac.toString()},
                          {u"configured"_s, i == 0 || n.address.has_value()}};
        if (i > 0 && n.address)
            entry.insert(u"address"_s, u"%1/%2"_s.arg(n.address->toString()).arg(n.prefix));
        entry.insert(u"why"_s,
                     i == 0      ? u"the clone's address"_s
                     : n.address ? u"the golden's subnet for this NIC, at the clone's suffix"_s
                                 : u"left unconfigured: the golden has no settings for this NIC"_s);
        said.append(entry);
    }
    QJsonObject network;
    network.insert(u"version"_s, 2);
    network.insert(u"ethernets"_s, ethernets);
    metadata.insert(u"network"_s, network);
    metadata.insert(u"vmeclone-nics"_s, said);
    return QJsonDocument(metadata).toJson(QJsonDocument::Compact);
}

} // namespace

QStringList VmxCloneRewriter::identityBearingKeys(const VmxDocument &vmx) {
    // docs/vmware-goldens.md says why each goes. Names as VMware compares them: whole,
    // case-insensitive (keysMatching anchors the pattern).
    static const QList<QRegularExpression> patterns{
        // vCenter's managed object id of the golden, and a root disk's id some tools set.
        QRegularExpression(u"viv\\.moid"_s),
        QRegularExpression(u"root-disk-uuid"_s),
        // NSX: the logical port and VM the golden's NICs are attached as.
        QRegularExpression(u"ethernet\\d+\\.externalId"_s),
        QRegularExpression(u"nvp\\.vm-uuid"_s),
        QRegularExpression(u"nvp\\.iface-id\\..*"_s),
        // What the golden's VMware Tools last published about the golden's guest.
        QRegularExpression(u"guestinfo\\.appInfo"_s),
        QRegularExpression(u"guestinfo\\.vmtools\\..*"_s),
        QRegularExpression(u"guestInfo\\.detailed\\.data"_s),
        // SAS world-wide ids of the controllers.
        QRegularExpression(u".*\\.sasWWID"_s),
        // Any id of a device: nvme0.subnqnUUID, scsi0:0.uuid, ethernet0.uuid, ... (a
        // device is letters and a number, with ":M" for a disk slot).
        QRegularExpression(u"[a-z]+\\d+(:\\d+)?\\.([^.]+\\.)*[^.]*uuid"_s,
                           QRegularExpression::CaseInsensitiveOption),
    };
    QStringList keys;
    for (const QRegularExpression &pattern : patterns)
        for (const QString &key : vmx.keysMatching(pattern))
            if (!keys.contains(key, Qt::CaseInsensitive))
                keys.append(key);
    return keys;
}

Expected<MacAddress> VmxCloneRewriter::macForNic(Ipv4Address ip, int prefix, int slot) {
    const MacAddress primary = MacAddress::forIpv4(ip);
    if (slot == 0)
        return primary;
    if (slot < 0 || prefix < 0 || prefix > 32)
        return fail(kVmxRewriterBadSlot(slot, prefix));
    // The slot goes into bits that are the same for every address of the subnet, so it
    // can never turn one clone's MAC into another's.
    const int shift = std::max(16, 32 - prefix);
    const std::uint32_t bits = std::uint32_t(slot) << shift;
    if (shift >= kMacBits || bits >= (1u << kMacBits) || (bits >> shift) != std::uint32_t(slot))
        return fail(kVmxRewriterNoMacRoom(slot, prefix,
                                          shift >= kMacBits ? 0 : (1 << (kMacBits - shift)) - 1));
    protocol::Mac bytes = primary.bytes();
    bytes[3] ^= static_cast<std::uint8_t>(bits >> 16);
    bytes[4] ^= static_cast<std::uint8_t>(bits >> 8);
    bytes[5] ^= static_cast<std::uint8_t>(bits);
    return MacAddress(bytes);
}

Expected<VmxClone> VmxCloneRewriter::rewrite(const VmxDocument &golden, const VmxCloneSpec &spec) {
    if (auto ok = checkName(spec.name); !ok)
        return fail(ok.error());
    const QString who = u"clone %1"_s.arg(spec.name);

    // The identity: what the guest is told, and what the MACs derive from.
    const auto ipText = identityValue(spec.identity, "ip");
    const auto ip = ipText ? Ipv4Address::parse(*ipText) : std::nullopt;
    if (!ip)
        return fail(ipText ? kVmxRewriterBadIp(spec.name, *ipText) : kVmxRewriterNoIp(spec.name));
    bool prefixOk = false;
    const int prefix = identityValue(spec.identity, "prefix").value_or(QString()).toInt(&prefixOk);
    if (!prefixOk || prefix < 1 || prefix > 32)
        return fail(kVmxRewriterBadPrefix(
            spec.name, identityValue(spec.identity, "prefix").value_or(QString())));
    const MacAddress primaryMac = MacAddress::forIpv4(*ip);
    if (const auto macText = identityValue(spec.identity, "mac")) {
        const auto mac = MacAddress::parse(*macText);
        if (!mac || *mac != primaryMac)
            return fail(kVmxRewriterMacDisagrees(spec.name, *macText, ip->toString(),
                                                 primaryMac.toString()));
    }
    std::optional<Ipv4Address> gateway;
    if (const auto text = identityValue(spec.identity, "gateway"); text && !text->isEmpty()) {
        gateway = Ipv4Address::parse(*text);
        if (!gateway)
            return fail(kVmxRewriterBadGateway(spec.name, *text));
    }
    QList<Ipv4Address> dns;
    for (const QString &part :
         identityValue(spec.identity, "dns").value_or(QString()).split(u',', Qt::SkipEmptyParts)) {
        const auto server = Ipv4Address::parse(part.trimmed());
        if (!server)
            return fail(kVmxRewriterBadDns(spec.name, part));
        dns.append(*server);
    }
    const auto pairs = identityPairs(spec.identity);
    static const QRegularExpression plainKey(u"^[A-Za-z0-9_-]+$"_s);
    for (const auto &[key, value] : pairs)
        if (!plainKey.match(key).hasMatch())
            return fail(kVmxRewriterBadKey(spec.name, key));
    // Further NICs the identity gives an address: "nic<N>=<mac>,<ip>/<prefix>".
    QMap<int, FurtherNic> givenNics;
    static const QRegularExpression nicKey(u"^nic([1-9][0-9]?)$"_s);
    for (const auto &[key, value] : pairs) {
        const auto m = nicKey.match(key);
        if (!m.hasMatch())
            continue;
        const auto nic = parseFurtherNic(value);
        if (!nic)
            return fail(kVmxRewriterBadNic(spec.name, key, value));
        givenNics.insert(m.captured(1).toInt(), *nic);
    }

    VmxClone clone;
    clone.document = golden;
    clone.vmxFileName = spec.name + u".vmx"_s;
    VmxDocument &doc = clone.document;
    const QString goldenName = golden.fileName();

    doc.set(u"displayName"_s, spec.name);

    // New UUIDs without the "moved or copied?" question. uuid.action first, so it lands
    // next to the uuid.* lines it replaces.
    doc.set(u"uuid.action"_s, u"create"_s);
    for (const QString &key : {u"uuid.bios"_s, u"uuid.location"_s, u"vc.uuid"_s})
        doc.remove(key);
    doc.set(u"msg.autoAnswer"_s, u"TRUE"_s);

    // NICs: a static MAC each, derived from the clone's address.
    const QList<VmxNic> nics = VmxDevices::nics(golden);
    QList<MetadataNic> metadataNics; // present NICs, the primary first
    const auto primary =
        std::find_if(nics.begin(), nics.end(), [](const VmxNic &n) { return n.present; });
    QList<int> furtherSlots;        // present NICs after the primary, by N of ethernetN
    QMap<int, QString> furtherText; // N -> the identity's nic<N> for the guest
    for (const VmxNic &nic : nics) {
        doc.remove(nic.device + u".generatedAddress"_s);
        doc.remove(nic.device + u".generatedAddressOffset"_s);
        if (!nic.present)
            continue;
        const int slot = nic.index == primary->index ? 0 : nic.index;
        const auto mac = macForNic(*ip, prefix, slot);
        if (!mac)
            return fail(kVmxRewriterNicMac(goldenName, spec.name, mac.error()));
        doc.set(nic.device + u".addressType"_s, u"static"_s);
        doc.set(nic.device + u".address"_s, mac->toString());
        MetadataNic entry{nic.device, {}, *mac, std::nullopt, 0};
        if (slot != 0) {
            // The identity may give this NIC an address (Engine::identityFor, from the
            // golden's rule for it); what the guest is told of it is completed below.
            const auto it = givenNics.constFind(slot);
            if (it != givenNics.cend()) {
                if (it->mac != *mac)
                    return fail(kVmxRewriterNicMacDisagrees(spec.name, nic.device,
                                                            it->mac.toString(), ip->toString(),
                                                            mac->toString()));
                entry.address = it->address;
                entry.prefix = it->prefix;
                givenNics.remove(slot);
            }
            furtherSlots.append(slot);
            furtherText.insert(slot, furtherNicText(*mac, entry.address, entry.prefix));
        }
        metadataNics.append(entry);
    }
    if (!givenNics.isEmpty())
        return fail(kVmxRewriterNoSuchNic(spec.name, givenNics.firstKey(), goldenName));
    if (primary == nics.end())
        clone.warnings.append(u"%1 has no present network adapter: the clone's guest cannot "
                              u"announce itself"_s.arg(goldenName));

    // Disks: every present hard disk onto the clone's own file.
    QSet<QString> usedDisks;
    QMap<QString, QString> newNameOwner; // clone file name -> golden file name
    for (const VmxDisk &disk : VmxDevices::disks(golden)) {
        const auto it = spec.disks.constFind(disk.fileName);
        if (it == spec.disks.cend()) {
            if (disk.present)
                return fail(
                    kVmxRewriterNoDiskFile(goldenName, disk.device, disk.fileName, spec.name));
            clone.warnings.append(u"%1: %2 is not present; its fileName \"%3\" is left as it "
                                  u"is"_s.arg(goldenName, disk.device, disk.fileName));
            continue;
        }
        if (it->isEmpty())
            return fail(kVmxRewriterEmptyDiskName(spec.name, disk.fileName));
        const QString owner = newNameOwner.value(*it);
        if (!owner.isEmpty() && owner != disk.fileName)
            return fail(kVmxRewriterSameDiskName(spec.name, owner, disk.fileName, *it));
        newNameOwner.insert(*it, disk.fileName);
        usedDisks.insert(disk.fileName);
        doc.set(disk.device + u".fileName"_s, *it);
    }
    for (auto it = spec.disks.cbegin(); it != spec.disks.cend(); ++it)
        if (!usedDisks.contains(it.key()))
            clone.warnings.append(u"%1: the disk \"%2\" is not a disk %3 uses; it was not "
                                  u"renamed"_s.arg(who, it.key(), goldenName));

    // CD-ROM images stay shared where they are: a relative name would point into the
    // clone's folder, which has none.
    const qsizetype cut = std::max(goldenName.lastIndexOf(u'/'), goldenName.lastIndexOf(u'\\'));
    for (const VmxDisk &image : VmxDevices::cdromImages(golden)) {
        if (image.fileName.isEmpty() || VmxDevices::isAbsolutePath(image.fileName))
            continue;
        if (cut < 0 || !VmxDevices::isAbsolutePath(goldenName)) {
            clone.warnings.append(u"%1: the CD-ROM image \"%2\" (%3) is named relative to a "
                                  u"folder this .vmx did not come from: the clone's drive finds "
                                  u"no image"_s.arg(goldenName, image.fileName, image.device));
            continue;
        }
        doc.set(image.device + u".fileName"_s, goldenName.left(cut + 1) + image.fileName);
    }

    // Stale state of the golden's last run, and ids that must be unique per VM.
    if (doc.contains(u"checkpoint.vmState"_s))
        doc.set(u"checkpoint.vmState"_s, QString());
    for (const QString &key : {u"sched.swap.derivedName"_s, u"migrate.hostLog"_s, u"vmci0.id"_s,
                               u"vm.genid"_s, u"vm.genidX"_s, u"vmxstats.filename"_s})
        doc.remove(key);
    for (const QString &key : identityBearingKeys(doc))
        doc.remove(key);

    // nvram and vmxf under the clone's name, so its folder is consistent whatever the
    // .vmx file is called. Without an nvram key VMware uses "<vmx base name>.nvram".
    const QString nvramFrom = doc.value(u"nvram"_s);
    clone.copies.append(
        VmxFileCopy{nvramFrom.isEmpty() ? vmxBaseName(goldenName) + u".nvram"_s : nvramFrom,
                    spec.name + u".nvram"_s, !nvramFrom.isEmpty()});
    doc.set(u"nvram"_s, spec.name + u".nvram"_s);
    if (const QString vmxf = doc.value(u"extendedConfigFile"_s); !vmxf.isEmpty()) {
        clone.copies.append(VmxFileCopy{vmxf, spec.name + u".vmxf"_s, true});
        doc.set(u"extendedConfigFile"_s, spec.name + u".vmxf"_s);
    }

    // The identity, for vmeclone-agent and for cloud-init.
    for (const QString &key : doc.keysMatching(QRegularExpression(u"guestinfo\\.vmeclone\\..*"_s)))
        doc.remove(key);
    // Every further NIC is told to the guest: "nics" lists them, "nic<N>" gives each its
    // MAC and, where the golden has a rule for it, its address (vmeclone-agent applies
    // them; guest-agent/README.md).
    for (const auto &[key, value] : pairs)
        if (key != u"nics"_s && !nicKey.match(key).hasMatch())
            doc.set(u"guestinfo.vmeclone."_s + key, value);
    if (!furtherSlots.isEmpty()) {
        QStringList listed;
        for (const int slot : furtherSlots)
            listed << QString::number(slot);
        doc.set(u"guestinfo.vmeclone.nics"_s, listed.join(u','));
        for (const int slot : furtherSlots)
            doc.set(u"guestinfo.vmeclone.nic%1"_s.arg(slot), furtherText.value(slot));
    }
    const QString hostname = identityValue(spec.identity, "hostname").value_or(spec.name);
    const QString instance = identityValue(spec.identity, "instance").value_or(spec.name);
    const QString interfaceName = identityValue(spec.identity, "interface").value_or(u"eth0"_s);
    // The primary NIC is the first present one (nics() is ordered by N), named as the
    // identity says; the others ethN in their order, skipping the primary's name.
    int next = 1;
    for (qsizetype i = 1; i < metadataNics.size(); ++i) {
        while (u"eth%1"_s.arg(next) == interfaceName)
            ++next;
        metadataNics[i].name = u"eth%1"_s.arg(next++);
    }
    if (!metadataNics.isEmpty())
        metadataNics[0].name = interfaceName;
    const QByteArray metadata =
        cloudInitMetadata(instance, hostname, metadataNics, *ip, prefix, gateway, dns);
    doc.set(u"guestinfo.metadata"_s, QString::fromLatin1(metadata.toBase64()));
    doc.set(u"guestinfo.metadata.encoding"_s, u"base64"_s);

    const QString workingDir = doc.value(u"workingDir"_s);
    if (workingDir.startsWith(u'/') || workingDir.startsWith(u'\\')
        || (workingDir.size() > 1 && workingDir[1] == u':'))
        clone.warnings.append(u"%1: workingDir is the absolute folder \"%2\": every clone "
                              u"keeps its swap and snapshots there"_s.arg(goldenName, workingDir));
    if (doc.encoding() != golden.encoding())
        clone.warnings.append(u"%1: its %2 could not hold the clone's values; the clone's .vmx "
                              u"is UTF-8"_s.arg(goldenName, golden.encoding()));
    return clone;
}

} // namespace vmeclone
