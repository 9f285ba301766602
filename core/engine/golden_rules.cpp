#include "golden_rules.h"

#include "hypervisor/qemu_machine.h"
#include "hypervisor/vmware_backend.h"
#include "vmx/vmx_clone_rewriter.h"
#include "vmx/vmx_document.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace vmeclone {

const Error *GoldenVerdict::refusalOf(Field field) const {
    for (const Error &e : refusals)
        if (e.field == field)
            return &e;
    return nullptr;
}

Expected<QString> GoldenRules::backendFor(const QString &path) {
    if (path.trimmed().isEmpty())
        return refuse(
            Problem::Missing, Field::GoldenPath, path,
            GoldenRules::tr("no golden image given: give its machine description (.json) or .vmx"));
    const QFileInfo info(path);
    if (!info.isFile())
        return refuse(
            Problem::NotFound, Field::GoldenPath, path,
            GoldenRules::tr(
                "%1 does not exist: give the golden's machine description (.json) or .vmx")
                .arg(path));
    // What no log line or table should print raw (the path is kept and shown).
    if (hasHiddenCharacters(info.canonicalFilePath()))
        return refuse(
            Problem::ControlCharacters, Field::GoldenPath, path,
            GoldenRules::tr("the golden's path contains control characters: move it to a folder "
                            "with a plain name"));
    const QString suffix = info.suffix().toLower();
    if (suffix == u"json")
        return u"qemu"_s;
    if (suffix == u"vmx")
        return u"vmware"_s;
    return refuse(
        Problem::UnknownFormat, Field::GoldenPath, path,
        GoldenRules::tr("%1 is neither a QEMU machine description (.json) nor a VMware .vmx")
            .arg(path));
}

Expected<GoldenInspection> GoldenRules::describe(const QString &path, const QString &backend) {
    GoldenInspection said;
    if (backend == u"qemu") {
        auto machine = QemuMachine::fromFile(path);
        if (!machine)
            return refuse(Problem::Unreadable, Field::GoldenPath, path, machine.error());
        said.name = machine->name;
        said.subnet = machine->subnet;
        said.suffix = machine->suffix;
    } else if (backend == u"vmware") {
        auto vmx = VmxDocument::load(path);
        if (!vmx)
            return refuse(Problem::Unreadable, Field::GoldenPath, path, vmx.error());
        said = VmwareBackend::describeVmx(*vmx, path);
    }
    return said;
}

Expected<quint32> GoldenRules::suffixFrom(const QString &text) {
    const QString trimmed = text.trimmed();
    bool ok = false;
    const quint32 suffix = trimmed.toUInt(&ok);
    if (!ok)
        return refuse(Problem::NotANumber, Field::Suffix, trimmed,
                      GoldenRules::tr("the suffix '%1' is not a number (a host number like 176)")
                          .arg(trimmed));
    return suffix;
}

GoldenVerdict GoldenRules::check(const GoldenSpec &spec, const QString &backend,
                                 const GoldenInspection &said, const Context &context) {
    GoldenVerdict v;
    GoldenRecord &g = v.golden;
    g.backend = backend;
    g.path = QFileInfo(spec.path).canonicalFilePath();
    const auto refuse = [&v](Problem problem, Field field, const QString &value,
                             const QString &message) {
        v.refusals.append(vmeclone::refuse(problem, field, value, message));
    };

    // A name is printed in tables and logs: nothing that hides or rewrites the terminal.
    g.name = spec.name.isEmpty() ? said.name : spec.name;
    const QString whose =
        spec.name.isEmpty() ? GoldenRules::tr("from its description") : GoldenRules::tr("as given");
    if (g.name.isEmpty())
        refuse(Problem::Missing, Field::GoldenName, {},
               GoldenRules::tr("the golden %1 has no name: give it one").arg(spec.path));
    else if (hasHiddenCharacters(g.name))
        refuse(Problem::ControlCharacters, Field::GoldenName, g.name,
               GoldenRules::tr(
                   "the golden's name (%1) contains control characters (newlines, terminal "
                   "escapes): give it a plain name")
                   .arg(whose));
    else if (g.name.size() > kMaxNameLength)
        refuse(Problem::TooLong, Field::GoldenName, g.name,
               GoldenRules::tr(
                   "the golden's name (%1) is longer than %2 characters: give it a shorter one")
                   .arg(whose)
                   .arg(kMaxNameLength));

    // Clone names become folder names on the shards: nothing that could leave a shard
    // ("..", separators, absolute paths) or hide there (a leading dot). Anchored at the
    // true end: '$' alone also matches before a final newline.
    g.namePrefix = spec.namePrefix.isEmpty() ? u"vm"_s : spec.namePrefix;
    static const QRegularExpression safeName(
        QRegularExpression::anchoredPattern(u"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}"_s));
    if (!safeName.match(g.namePrefix).hasMatch() || g.namePrefix.contains(u".."_s))
        refuse(Problem::NotAFolderName, Field::NamePrefix, g.namePrefix,
               GoldenRules::tr(
                   "the name prefix '%1' cannot name folders: use up to 32 letters, digits, '-', "
                   "'_' and '.', starting with a letter or a digit")
                   .arg(g.namePrefix));

    // The subnet first: the suffix, gateway and console address are judged in it.
    bool haveSubnet = false;
    if (!spec.subnet.isEmpty()) {
        auto subnet = Subnet::parse(spec.subnet);
        if (subnet) {
            g.subnet = *subnet;
            haveSubnet = true;
        } else {
            refuse(Problem::NotASubnet, Field::Subnet, spec.subnet,
                   GoldenRules::tr("the subnet cannot be read: ") + subnet.error());
        }
    } else if (said.subnet) {
        g.subnet = *said.subnet;
        haveSubnet = true;
    } else {
        refuse(
            Problem::Missing, Field::Subnet, {},
            GoldenRules::tr("the golden %1 does not say its subnet: give it, e.g. 192.168.1.0/24")
                .arg(spec.path));
    }

    bool haveAddress = false;
    const std::optional<quint32> suffix = spec.suffix ? spec.suffix : said.suffix;
    if (!suffix) {
        refuse(Problem::Missing, Field::Suffix, {},
               GoldenRules::tr(
                   "the golden %1 does not say its own address: give its suffix, its host number "
                   "such as 176")
                   .arg(spec.path));
    } else if (haveSubnet) {
        const auto address = g.subnet.addressOfSuffix(*suffix);
        if (address && g.subnet.isHostAddress(*address)) {
            g.address = *address;
            haveAddress = true;
        } else {
            refuse(Problem::NotAHostAddress, Field::Suffix, QString::number(*suffix),
                   GoldenRules::tr("the suffix %1 %2is not a host of %3 (suffixes 1-%4)")
                       .arg(*suffix)
                       .arg(spec.suffix ? QString() : GoldenRules::tr("(from its description) "))
                       .arg(g.subnet.toString())
                       .arg(g.subnet.suffixOf(g.subnet.lastHost())));
        }
    }

    bool haveGateway = false;
    if (!spec.gateway.isEmpty()) {
        const auto gateway = Ipv4Address::parse(spec.gateway);
        if (!gateway)
            refuse(Problem::NotAnAddress, Field::Gateway, spec.gateway,
                   GoldenRules::tr("the gateway %1 is not an IPv4 address").arg(spec.gateway));
        else if (haveSubnet && !g.subnet.isHostAddress(*gateway))
            refuse(Problem::NotAHostAddress, Field::Gateway, spec.gateway,
                   GoldenRules::tr("the gateway %1 is not a host address of %2")
                       .arg(spec.gateway, g.subnet.toString()));
        else if (haveAddress && *gateway == g.address)
            refuse(Problem::GoldenOwnAddress, Field::Gateway, spec.gateway,
                   GoldenRules::tr("the gateway %1 is the golden's own address: give the router's")
                       .arg(spec.gateway));
        else if (haveSubnet) {
            g.gateway = *gateway;
            haveGateway = true;
        }
    }

    const NameServers dns = parseNameServers(spec.dns);
    if (!dns.invalid.isEmpty())
        refuse(Problem::NotAnAddress, Field::Dns, spec.dns,
               GoldenRules::tr("the name server '%1' is not an IPv4 address: give name servers as "
                               "IP[,IP...]")
                   .arg(dns.invalid));
    else if (dns.tooMany)
        refuse(Problem::TooMany, Field::Dns, spec.dns,
               GoldenRules::tr("at most %1 name servers (what the guests' resolv.conf uses)")
                   .arg(kMaxNameServers));
    g.dns = dns.servers;

    // VMware guests announce themselves to this host, at an address they must reach:
    // the same rules VmwareBackend applies before a clone, said when the golden is added.
    // (A QEMU guest reaches the console through QEMU's host alias: an address given for
    // one is only checked to be one.)
    if (!spec.consoleAddress.isEmpty()) {
        const auto console = Ipv4Address::parse(spec.consoleAddress);
        if (!console) {
            refuse(Problem::NotAnAddress, Field::ConsoleAddress, spec.consoleAddress,
                   GoldenRules::tr("the console address %1 is not an IPv4 address")
                       .arg(spec.consoleAddress));
        } else if (backend == u"vmware" && haveSubnet && g.subnet.contains(*console)) {
            if (haveAddress && *console == g.address)
                refuse(Problem::GoldenOwnAddress, Field::ConsoleAddress, spec.consoleAddress,
                       GoldenRules::tr(
                           "the console address %1 is the golden's own address: give this host's "
                           "address on the VMs' network")
                           .arg(spec.consoleAddress));
            else if (!g.subnet.isHostAddress(*console))
                refuse(Problem::NotAHostAddress, Field::ConsoleAddress, spec.consoleAddress,
                       GoldenRules::tr("the console address %1 is not a host address of %2")
                           .arg(spec.consoleAddress, g.subnet.toString()));
            else
                g.consoleAddress = *console;
        } else if (backend == u"vmware" && haveSubnet && !haveGateway
                   && !v.refusalOf(Field::Gateway)) {
            refuse(Problem::Unreachable, Field::ConsoleAddress, spec.consoleAddress,
                   GoldenRules::tr(
                       "the console address %1 is outside %2 and the golden has no gateway, so its "
                       "clones could not reach it: give an address in %2, or a gateway")
                       .arg(spec.consoleAddress, g.subnet.toString()));
        } else {
            g.consoleAddress = *console;
        }
    }
    if (backend == u"vmware" && haveSubnet && context.hostAddresses)
        v.consoleCandidates = candidatesIn(*context.hostAddresses, g.subnet,
                                           haveAddress ? std::optional(g.address) : std::nullopt);
    if (spec.consoleAddress.isEmpty() && backend == u"vmware") {
        // Found, not typed: this host's addresses in the golden's subnet.
        const QList<HostAddress> &candidates = v.consoleCandidates;
        QStringList listed;
        for (const HostAddress &a : candidates)
            listed << a.address.toString();
        if (candidates.size() == 1) {
            g.consoleAddress = candidates.first().address;
            v.consoleAddressFound = true;
        } else if (candidates.size() > 1 && context.processConsoleAddress.isEmpty()) {
            refuse(Problem::Ambiguous, Field::ConsoleAddress, {},
                   GoldenRules::tr(
                       "this host has %1 addresses in %2 (%3): VMware guests announce themselves "
                       "to one of them; choose it as the console address")
                       .arg(candidates.size())
                       .arg(g.subnet.toString(), listed.join(u", "_s)));
        } else if (context.processConsoleAddress.isEmpty() && !context.consoleAddressPerCommand) {
            refuse(Problem::Missing, Field::ConsoleAddress, {},
                   GoldenRules::tr(
                       "VMware guests announce themselves to this host: give its address on the "
                       "VMs' network as the console address%1")
                       .arg(haveSubnet && context.hostAddresses
                                ? GoldenRules::tr(" (this host has none in %1)")
                                      .arg(g.subnet.toString())
                                : QString()));
        }
    }

    // A NIC for the address the clone is planned: a golden without one is refused here,
    // not found out when its clones never announce themselves.
    if (backend == u"vmware" && said.networkAdapters == 0 && !spec.allowNoNetwork)
        refuse(Problem::Missing, Field::Network, {},
               GoldenRules::tr(
                   "the golden %1 has no network adapter: its clones would be given an address, a "
                   "MAC and network settings for a NIC that does not exist, and could not announce "
                   "themselves. Add a network adapter to the golden in VMware, or accept it "
                   "without one")
                   .arg(spec.path));

    // Every NIC of a clone gets a static MAC of its own; further NICs need room for their
    // slot in the MAC bits the subnet keeps fixed (VmxCloneRewriter::macForNic).
    if (haveSubnet && !v.refusalOf(Field::Subnet)) {
        for (const int slot : said.nicSlots) {
            auto mac = VmxCloneRewriter::macForNic(g.subnet.network(), g.subnet.prefix(), slot);
            if (!mac) {
                refuse(Problem::NotASubnet, Field::Subnet, g.subnet.toString(),
                       GoldenRules::tr("the golden %1: %2").arg(spec.path, mac.error()));
                break;
            }
        }
    }

    checkNics(spec, backend, said, haveSubnet && !v.refusalOf(Field::Subnet), v);
    inFormOrder(v.refusals); // whatever order the rules ran in
    return v;
}

void GoldenRules::checkNics(const GoldenSpec &spec, const QString &backend,
                            const GoldenInspection &said, bool haveSubnet, GoldenVerdict &v) {
    // Further NICs with a subnet of their own: each clone gets its own suffix there, so the
    // subnet must be at least as wide as the golden's and apart from it. Refused whole at
    // the first bad rule: a golden with half of its NIC rules is not what was asked.
    GoldenRecord &g = v.golden;
    const auto refuse = [&v](Problem problem, const QString &value, const QString &message) {
        v.refusals.append(vmeclone::refuse(problem, Field::Nics, value, message));
    };
    if (!spec.nics.isEmpty() && backend != u"vmware") {
        refuse(Problem::UnknownFormat, spec.nics.join(u' '),
               GoldenRules::tr("only a VMware golden has further NICs: a QEMU golden's clones "
                               "have the one NIC vmeclone gives them"));
        return;
    }
    QList<GoldenNic> nics;
    QList<int> named;
    for (const QString &rule : spec.nics) {
        const qsizetype eq = rule.indexOf(u'=');
        const QString device = rule.left(eq).trimmed();
        const QString value = eq < 0 ? QString() : rule.mid(eq + 1).trimmed();
        const auto slot = nicSlotOf(device);
        if (eq < 0 || !slot || value.isEmpty()) {
            refuse(Problem::NotASubnet, rule,
                   GoldenRules::tr("'%1' does not say a NIC's subnet: write ethernetN=CIDR (e.g. "
                                   "ethernet1=10.0.5.0/24), or ethernetN=none to leave it "
                                   "unconfigured")
                       .arg(rule));
            return;
        }
        if (!said.nicSlots.contains(*slot)) {
            QStringList present;
            for (const int n : said.nicSlots)
                present << u"ethernet%1"_s.arg(n);
            refuse(
                Problem::NotFound, rule,
                GoldenRules::tr("the golden %1 has no %2 after its first NIC (%3): give a "
                                "present NIC other than the one the clone's address goes on")
                    .arg(spec.path, device,
                         present.isEmpty()
                             ? GoldenRules::tr("it has no further NIC")
                             : GoldenRules::tr("its further NICs: %1").arg(present.join(u", "_s))));
            return;
        }
        if (named.contains(*slot)) {
            refuse(Problem::TooMany, rule,
                   GoldenRules::tr("%1 is given twice: give each NIC one subnet").arg(device));
            return;
        }
        named.append(*slot);
        if (value.compare(u"none"_s, Qt::CaseInsensitive) == 0)
            continue; // left unconfigured, as every NIC without a rule
        const auto subnet = Subnet::parse(value);
        if (!subnet) {
            refuse(
                Problem::NotASubnet, rule,
                GoldenRules::tr("%1: the subnet cannot be read: %2").arg(device, subnet.error()));
            return;
        }
        if (haveSubnet) {
            if (subnet->overlaps(g.subnet)) {
                refuse(Problem::Taken, rule,
                       GoldenRules::tr("%1's subnet %2 overlaps the golden's own %3: give the "
                                       "NIC a network of its own")
                           .arg(device, subnet->toString(), g.subnet.toString()));
                return;
            }
            if (subnet->prefix() > g.subnet.prefix()) {
                refuse(Problem::NotASubnet, rule,
                       GoldenRules::tr("%1's subnet %2 is narrower than the golden's %3: a "
                                       "clone takes its own suffix there, so it must be /%4 or "
                                       "wider")
                           .arg(device, subnet->toString(), g.subnet.toString())
                           .arg(g.subnet.prefix()));
                return;
            }
        }
        for (const GoldenNic &other : nics) {
            if (subnet->overlaps(other.subnet)) {
                refuse(
                    Problem::Taken, rule,
                    GoldenRules::tr("%1's subnet %2 overlaps %3's %4: give each NIC a network "
                                    "of its own")
                        .arg(device, subnet->toString(), other.device(), other.subnet.toString()));
                return;
            }
        }
        nics.append({*slot, *subnet});
    }
    std::sort(nics.begin(), nics.end(),
              [](const GoldenNic &a, const GoldenNic &b) { return a.slot < b.slot; });
    g.nics = nics;
}

bool GoldenRules::isAutomatic(const QString &address) {
    return address.trimmed().isEmpty()
           || address.trimmed().compare(u"auto"_s, Qt::CaseInsensitive) == 0;
}

Expected<Ipv4Address> GoldenRules::consoleAddressFor(const GoldenRecord &golden,
                                                     const QString &address,
                                                     const GoldenInspection &said,
                                                     const Context &context) {
    // The golden as it was added, with the new console address (none: found again).
    GoldenSpec spec;
    spec.path = golden.path;
    spec.suffix = golden.suffix();
    spec.subnet = golden.subnet.toString();
    if (golden.gateway.toUInt() != 0)
        spec.gateway = golden.gateway.toString();
    spec.name = golden.name;
    spec.namePrefix = golden.namePrefix;
    spec.consoleAddress = isAutomatic(address) ? QString() : address.trimmed();
    spec.dns = joinAddresses(golden.dns);
    spec.allowNoNetwork = true; // accepted when it was added; not what changes here
    Context own = context;
    own.processConsoleAddress.clear(); // the golden's own, not a command's
    own.consoleAddressPerCommand = false;
    const GoldenVerdict verdict = check(spec, golden.backend, said, own);
    if (const Error *refused = verdict.refusalOf(Field::ConsoleAddress))
        return *refused;
    if (verdict.golden.consoleAddress.toUInt() == 0)
        return refuse(Problem::Missing, Field::ConsoleAddress, address,
                      GoldenRules::tr("the golden %1: no console address found: give this "
                                      "host's address on the VMs' network")
                          .arg(golden.name));
    return verdict.golden.consoleAddress;
}

void GoldenRules::inFormOrder(QList<Error> &refusals) {
    static const QList<Field> order{
        Field::GoldenPath, Field::GoldenName, Field::NamePrefix,     Field::Suffix,  Field::Subnet,
        Field::Gateway,    Field::Dns,        Field::ConsoleAddress, Field::Network, Field::Nics};
    std::stable_sort(refusals.begin(), refusals.end(), [](const Error &a, const Error &b) {
        return order.indexOf(a.field) < order.indexOf(b.field);
    });
}

} // namespace vmeclone
