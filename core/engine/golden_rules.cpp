#include "golden_rules.h"

#include "hypervisor/qemu_machine.h"
#include "hypervisor/vmware_backend.h"
#include "vmx/vmx_clone_rewriter.h"
#include "vmx/vmx_document.h"

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
        return refuse(Problem::Missing, Field::GoldenPath, path,
                      u"no golden image given: give its machine description (.json) or .vmx"_s);
    const QFileInfo info(path);
    if (!info.isFile())
        return refuse(
            Problem::NotFound, Field::GoldenPath, path,
            u"%1 does not exist: give the golden's machine description (.json) or .vmx"_s.arg(
                path));
    // What no log line or table should print raw (the path is kept and shown).
    if (hasHiddenCharacters(info.canonicalFilePath()))
        return refuse(Problem::ControlCharacters, Field::GoldenPath, path,
                      u"the golden's path contains control characters: move it to a folder "
                      u"with a plain name"_s);
    const QString suffix = info.suffix().toLower();
    if (suffix == u"json")
        return u"qemu"_s;
    if (suffix == u"vmx")
        return u"vmware"_s;
    return refuse(
        Problem::UnknownFormat, Field::GoldenPath, path,
        u"%1 is neither a QEMU machine description (.json) nor a VMware .vmx"_s.arg(path));
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
                      u"the suffix '%1' is not a number (a host number like 176)"_s.arg(trimmed));
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
    const QString whose = spec.name.isEmpty() ? u"from its description"_s : u"as given"_s;
    if (g.name.isEmpty())
        refuse(Problem::Missing, Field::GoldenName, {},
               u"the golden %1 has no name: give it one"_s.arg(spec.path));
    else if (hasHiddenCharacters(g.name))
        refuse(Problem::ControlCharacters, Field::GoldenName, g.name,
               u"the golden's name (%1) contains control characters (newlines, terminal "
               u"escapes): give it a plain name"_s.arg(whose));
    else if (g.name.size() > kMaxNameLength)
        refuse(Problem::TooLong, Field::GoldenName, g.name,
               u"the golden's name (%1) is longer than %2 characters: give it a shorter one"_s
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
               u"the name prefix '%1' cannot name folders: use up to 32 letters, digits, '-', "
               u"'_' and '.', starting with a letter or a digit"_s.arg(g.namePrefix));

    // The subnet first: the suffix, gateway and console address are judged in it.
    bool haveSubnet = false;
    if (!spec.subnet.isEmpty()) {
        auto subnet = Subnet::parse(spec.subnet);
        if (subnet) {
            g.subnet = *subnet;
            haveSubnet = true;
        } else {
            refuse(Problem::NotASubnet, Field::Subnet, spec.subnet,
                   u"the subnet cannot be read: "_s + subnet.error());
        }
    } else if (said.subnet) {
        g.subnet = *said.subnet;
        haveSubnet = true;
    } else {
        refuse(Problem::Missing, Field::Subnet, {},
               u"the golden %1 does not say its subnet: give it, e.g. 192.168.1.0/24"_s.arg(
                   spec.path));
    }

    bool haveAddress = false;
    const std::optional<quint32> suffix = spec.suffix ? spec.suffix : said.suffix;
    if (!suffix) {
        refuse(Problem::Missing, Field::Suffix, {},
               u"the golden %1 does not say its own address: give its suffix, its host number "
               u"such as 176"_s.arg(spec.path));
    } else if (haveSubnet) {
        const auto address = g.subnet.addressOfSuffix(*suffix);
        if (address && g.subnet.isHostAddress(*address)) {
            g.address = *address;
            haveAddress = true;
        } else {
            refuse(Problem::NotAHostAddress, Field::Suffix, QString::number(*suffix),
                   u"the suffix %1 %2is not a host of %3 (suffixes 1-%4)"_s.arg(*suffix)
                       .arg(spec.suffix ? QString() : u"(from its description) "_s)
                       .arg(g.subnet.toString())
                       .arg(g.subnet.suffixOf(g.subnet.lastHost())));
        }
    }

    bool haveGateway = false;
    if (!spec.gateway.isEmpty()) {
        const auto gateway = Ipv4Address::parse(spec.gateway);
        if (!gateway)
            refuse(Problem::NotAnAddress, Field::Gateway, spec.gateway,
                   u"the gateway %1 is not an IPv4 address"_s.arg(spec.gateway));
        else if (haveSubnet && !g.subnet.isHostAddress(*gateway))
            refuse(Problem::NotAHostAddress, Field::Gateway, spec.gateway,
                   u"the gateway %1 is not a host address of %2"_s.arg(spec.gateway,
                                                                       g.subnet.toString()));
        else if (haveAddress && *gateway == g.address)
            refuse(Problem::GoldenOwnAddress, Field::Gateway, spec.gateway,
                   u"the gateway %1 is the golden's own address: give the router's"_s.arg(
                       spec.gateway));
        else if (haveSubnet) {
            g.gateway = *gateway;
            haveGateway = true;
        }
    }

    const NameServers dns = parseNameServers(spec.dns);
    if (!dns.invalid.isEmpty())
        refuse(Problem::NotAnAddress, Field::Dns, spec.dns,
               u"the name server '%1' is not an IPv4 address: give name servers as "
               u"IP[,IP...]"_s.arg(dns.invalid));
    else if (dns.tooMany)
        refuse(
            Problem::TooMany, Field::Dns, spec.dns,
            u"at most %1 name servers (what the guests' resolv.conf uses)"_s.arg(kMaxNameServers));
    g.dns = dns.servers;

    // VMware guests announce themselves to this host, at an address they must reach:
    // the same rules VmwareBackend applies before a clone, said when the golden is added.
    // (A QEMU guest reaches the console through QEMU's host alias: an address given for
    // one is only checked to be one.)
    if (!spec.consoleAddress.isEmpty()) {
        const auto console = Ipv4Address::parse(spec.consoleAddress);
        if (!console) {
            refuse(Problem::NotAnAddress, Field::ConsoleAddress, spec.consoleAddress,
                   u"the console address %1 is not an IPv4 address"_s.arg(spec.consoleAddress));
        } else if (backend == u"vmware" && haveSubnet && g.subnet.contains(*console)) {
            if (haveAddress && *console == g.address)
                refuse(Problem::GoldenOwnAddress, Field::ConsoleAddress, spec.consoleAddress,
                       u"the console address %1 is the golden's own address: give this host's "
                       u"address on the VMs' network"_s.arg(spec.consoleAddress));
            else if (!g.subnet.isHostAddress(*console))
                refuse(Problem::NotAHostAddress, Field::ConsoleAddress, spec.consoleAddress,
                       u"the console address %1 is not a host address of %2"_s.arg(
                           spec.consoleAddress, g.subnet.toString()));
            else
                g.consoleAddress = *console;
        } else if (backend == u"vmware" && haveSubnet && !haveGateway
                   && !v.refusalOf(Field::Gateway)) {
            refuse(Problem::Unreachable, Field::ConsoleAddress, spec.consoleAddress,
                   u"the console address %1 is outside %2 and the golden has no gateway, so its "
                   u"clones could not reach it: give an address in %2, or a gateway"_s.arg(
                       spec.consoleAddress, g.subnet.toString()));
        } else {
            g.consoleAddress = *console;
        }
    } else if (backend == u"vmware") {
        // Found, not typed: this host's addresses in the golden's subnet.
        QList<Ipv4Address> candidates;
        if (haveSubnet && context.hostAddresses)
            for (const Ipv4Address &a : *context.hostAddresses)
                if (g.subnet.isHostAddress(a) && !(haveAddress && a == g.address)
                    && !candidates.contains(a))
                    candidates.append(a);
        QStringList listed;
        for (const Ipv4Address &a : candidates)
            listed << a.toString();
        if (candidates.size() == 1) {
            g.consoleAddress = candidates.first();
            v.consoleAddressFound = true;
        } else if (candidates.size() > 1 && context.processConsoleAddress.isEmpty()) {
            refuse(Problem::Ambiguous, Field::ConsoleAddress, {},
                   u"this host has %1 addresses in %2 (%3): VMware guests announce themselves "
                   u"to one of them; choose it as the console address"_s.arg(candidates.size())
                       .arg(g.subnet.toString(), listed.join(u", "_s)));
        } else if (context.processConsoleAddress.isEmpty() && !context.consoleAddressPerCommand) {
            refuse(Problem::Missing, Field::ConsoleAddress, {},
                   u"VMware guests announce themselves to this host: give its address on the "
                   u"VMs' network as the console address%1"_s.arg(
                       haveSubnet && context.hostAddresses
                           ? u" (this host has none in %1)"_s.arg(g.subnet.toString())
                           : QString()));
        }
    }

    // A NIC for the address the clone is planned: a golden without one is refused here,
    // not found out when its clones never announce themselves.
    if (backend == u"vmware" && said.networkAdapters == 0 && !spec.allowNoNetwork)
        refuse(Problem::Missing, Field::Network, {},
               u"the golden %1 has no network adapter: its clones would be given an address, a "
               u"MAC and network settings for a NIC that does not exist, and could not announce "
               u"themselves. Add a network adapter to the golden in VMware, or accept it "
               u"without one"_s.arg(spec.path));

    // Every NIC of a clone gets a static MAC of its own; further NICs need room for their
    // slot in the MAC bits the subnet keeps fixed (VmxCloneRewriter::macForNic).
    if (haveSubnet && !v.refusalOf(Field::Subnet)) {
        for (const int slot : said.nicSlots) {
            auto mac = VmxCloneRewriter::macForNic(g.subnet.network(), g.subnet.prefix(), slot);
            if (!mac) {
                refuse(Problem::NotASubnet, Field::Subnet, g.subnet.toString(),
                       u"the golden %1: %2"_s.arg(spec.path, mac.error()));
                break;
            }
        }
    }

    inFormOrder(v.refusals); // whatever order the rules ran in
    return v;
}

void GoldenRules::inFormOrder(QList<Error> &refusals) {
    static const QList<Field> order{Field::GoldenPath, Field::GoldenName,     Field::NamePrefix,
                                    Field::Suffix,     Field::Subnet,         Field::Gateway,
                                    Field::Dns,        Field::ConsoleAddress, Field::Network};
    std::stable_sort(refusals.begin(), refusals.end(), [](const Error &a, const Error &b) {
        return order.indexOf(a.field) < order.indexOf(b.field);
    });
}

} // namespace vmeclone
