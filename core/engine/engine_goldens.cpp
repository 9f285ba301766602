// The engine's changes to a golden after it was added.

#include "common/failure_text.h"
#include "engine/batch_support.h"
#include "engine/engine.h"
#include "engine/golden_rules.h"

using namespace Qt::StringLiterals;

namespace vmeclone {
using batch::logLost;

namespace {
const FailureSentence kEngineGoldensNoGoldenNamed{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "no golden image named '%1': see 'vmeclone golden list'")};
const FailureSentence kEngineGoldensQemuNoConsole{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 is a QEMU golden: its guests reach this host at QEMU's own host address, "
    "and only a VMware golden has a console address")};
} // namespace

Expected<Engine::ConsoleChange> Engine::setConsoleAddress(const QString &name,
                                                          const QString &address) {
    if (auto s = mayWrite(); !s)
        return s.failure();
    auto found = m_inventory->goldenByName(name);
    if (!found)
        return found.failure();
    if (!found->has_value())
        return fail(kEngineGoldensNoGoldenNamed(name));
    const GoldenRecord golden = **found;
    if (golden.backend != u"vmware"_s)
        return fail(kEngineGoldensQemuNoConsole(name));
    GoldenInspection said;
    if (auto s = inspectAgain(golden, &said); !s)
        return s.failure();

    const auto judged =
        GoldenRules::consoleAddressFor(golden, address, said, goldenRulesContext(m_config));
    if (!judged)
        return judged.failure();

    ConsoleChange out;
    out.before = golden.consoleAddress;
    out.found = GoldenRules::isAutomatic(address);
    out.golden = golden;
    out.golden.consoleAddress = *judged;
    if (auto s = m_inventory->setGoldenConsoleAddress(golden.id, out.golden.consoleAddress); !s)
        return s.failure();
    auto vms = m_inventory->vms();
    if (!vms)
        return vms.failure();
    for (const VmRecord &vm : *vms)
        if (vm.goldenId == golden.id)
            out.existingClones << vm.name;
    logLost(m_inventory->addEvent(
                u"info"_s, {},
                EventText::make(u"console-address"_s,
                                {golden.name, out.golden.consoleAddress.toString(),
                                 out.before.toUInt() ? out.before.toString() : QString()})),
            golden.name);
    return out;
}

} // namespace vmeclone
