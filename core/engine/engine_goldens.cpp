// The engine's changes to a golden after it was added.

#include "engine/batch_support.h"
#include "engine/engine.h"
#include "engine/golden_rules.h"

using namespace Qt::StringLiterals;

namespace vmeclone {
using batch::logLost;

Expected<Engine::ConsoleChange> Engine::setConsoleAddress(const QString &name,
                                                          const QString &address) {
    if (auto s = mayWrite(); !s)
        return s.failure();
    auto found = m_inventory->goldenByName(name);
    if (!found)
        return found.failure();
    if (!found->has_value())
        return fail(u"no golden image named '%1': see 'vmeclone golden list'"_s.arg(name));
    const GoldenRecord golden = **found;
    if (golden.backend != u"vmware"_s)
        return fail(u"the golden %1 is a QEMU golden: its guests reach this host at QEMU's own "
                    u"host address, and only a VMware golden has a console address"_s.arg(name));
    GoldenInspection said;
    if (auto s = inspectAgain(golden, &said); !s)
        return s.failure();

    // The golden as it was added, with the new console address (none: found again).
    GoldenSpec spec;
    spec.path = golden.path;
    spec.suffix = golden.suffix();
    spec.subnet = golden.subnet.toString();
    if (golden.gateway.toUInt() != 0)
        spec.gateway = golden.gateway.toString();
    spec.name = golden.name;
    spec.namePrefix = golden.namePrefix;
    const bool automatic = address.trimmed().compare(u"auto"_s, Qt::CaseInsensitive) == 0;
    spec.consoleAddress = automatic ? QString() : address.trimmed();
    QStringList dns;
    for (const Ipv4Address &a : golden.dns)
        dns << a.toString();
    spec.dns = dns.join(u',');
    spec.allowNoNetwork = true; // accepted when it was added; not what changes here
    GoldenRules::Context context = goldenRulesContext(m_config);
    context.processConsoleAddress.clear(); // the golden's own, not this command's
    context.consoleAddressPerCommand = false;
    const GoldenVerdict verdict = GoldenRules::check(spec, golden.backend, said, context);
    if (const Error *refused = verdict.refusalOf(Field::ConsoleAddress))
        return *refused;
    if (verdict.golden.consoleAddress.toUInt() == 0)
        return fail(u"the golden %1: no console address found: give this host's address on "
                    u"the VMs' network"_s.arg(name));

    ConsoleChange out;
    out.before = golden.consoleAddress;
    out.found = automatic;
    out.golden = golden;
    out.golden.consoleAddress = verdict.golden.consoleAddress;
    if (auto s = m_inventory->setGoldenConsoleAddress(golden.id, out.golden.consoleAddress); !s)
        return s.failure();
    auto vms = m_inventory->vms();
    if (!vms)
        return vms.failure();
    for (const VmRecord &vm : *vms)
        if (vm.goldenId == golden.id)
            out.existingClones << vm.name;
    logLost(m_inventory->addEvent(u"info"_s, {},
                                  u"golden image %1: console address %2 (was %3)"_s.arg(
                                      golden.name, out.golden.consoleAddress.toString(),
                                      out.before.toUInt() ? out.before.toString() : u"none"_s)),
            golden.name);
    return out;
}

} // namespace vmeclone
