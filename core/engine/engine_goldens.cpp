// The engine's goldens: adding one (its rules, GoldenRules), checking it again, accepting
// its files as they are now, and changing it after it was added.

#include "common/failure_text.h"
#include "engine/batch_support.h"
#include "engine/engine.h"
#include "engine/engine_failures.h"
#include "engine/golden_rules.h"
#include "golden/golden_fingerprint.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace vmeclone {
using batch::logLost;

namespace {
const FailureSentence kEngineGoldenRunning{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 is running: another process holds the write lock on its disk, which is "
    "changing under any copy. Shut it down from inside the guest (poweroff), or find the "
    "process: fuser -v %2")};
const FailureSentence kEngineGoldenSays{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the golden %1: %2")};
const FailureSentence kEngineGoldenChanged{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 changed since it was added: %2. Clones made now would differ from those "
    "made before (and linked clones of it see the change). If the change is meant, accept "
    "it: vmeclone golden refresh %1")};
const FailureSentence kEngineGoldensQemuNoConsole{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 is a QEMU golden: its guests reach this host at QEMU's own host address, "
    "and only a VMware golden has a console address")};
} // namespace

GoldenRules::Context Engine::goldenRulesContext(const EngineConfig &config) {
    return GoldenRules::Context{config.vmware.consoleAddress,
                                config.vmware.consoleAddressPerCommand,
                                config.hostAddresses ? *config.hostAddresses : hostAddresses()};
}

Expected<GoldenRecord> Engine::addGolden(const GoldenSpec &spec) {
    if (auto s = mayWrite(); !s)
        return s.failure();
    auto backendId = GoldenRules::backendFor(spec.path);
    if (!backendId)
        return backendId.failure();
    HypervisorBackend *backend =
        *backendId == u"vmware" ? static_cast<HypervisorBackend *>(m_vmware.get()) : m_qemu.get();
    auto inspection = backend->inspectGolden(QFileInfo(spec.path).absoluteFilePath());
    if (!inspection)
        return inspection.failure();
    const GoldenVerdict verdict =
        GoldenRules::check(spec, backend->id(), *inspection, goldenRulesContext(m_config));
    if (!verdict.ok())
        return verdict.refusals.first();
    GoldenRecord g = verdict.golden;
    g.diskBytes = inspection->allocatedBytes;
    auto fingerprint = GoldenFingerprint::of(inspection->files);
    if (!fingerprint)
        return fingerprint.failure();
    g.fingerprint = fingerprint->toText();
    auto id = m_inventory->addGolden(g);
    if (!id)
        return id.failure();
    g.id = *id;
    logLost(m_inventory->addEvent(
                u"info"_s, {},
                EventText::make(u"golden-added"_s,
                                {g.name, g.path, g.address.toString(), g.subnet.toString()})),
            g.name);
    return g;
}

Status Engine::inspectAgain(const GoldenRecord &golden, GoldenInspection *out) {
    HypervisorBackend *backend = backendFor(golden);
    if (!backend)
        return fail(engine_failures::kUnknownBackend(golden.name, golden.backend));
    auto inspection = backend->inspectGolden(golden.path);
    if (!inspection) {
        if (isImageLockError(inspection.error()))
            return fail(kEngineGoldenRunning(golden.name, QFileInfo(golden.path).absolutePath()));
        return fail(kEngineGoldenSays(golden.name, inspection.error()));
    }
    *out = *inspection;
    return {};
}

Status Engine::verifyGolden(const GoldenRecord &golden) {
    GoldenInspection inspection;
    if (auto s = inspectAgain(golden, &inspection); !s)
        return s;
    auto now = GoldenFingerprint::of(inspection.files);
    if (!now)
        return fail(kEngineGoldenSays(golden.name, now.error()));
    auto accepted = GoldenFingerprint::parse(golden.fingerprint);
    if (!accepted)
        return fail(kEngineGoldenSays(golden.name, accepted.error()));
    if (accepted->files().isEmpty()) {
        // Added before fingerprints existed: what it is now becomes what was accepted.
        if (auto s = m_inventory->setGoldenFingerprint(golden.id, now->toText()); !s)
            return fail(s.error());
        logLost(m_inventory->addEvent(u"info"_s, {},
                                      EventText::make(u"golden-fingerprinted"_s, {golden.name})),
                golden.name);
        return {};
    }
    const QString difference = now->differenceFrom(*accepted);
    if (difference.isEmpty())
        return {};
    return fail(kEngineGoldenChanged(golden.name, difference));
}

Expected<Engine::GoldenRefresh> Engine::refreshGolden(const QString &name) {
    if (auto s = mayWrite(); !s)
        return fail(s.error());
    auto found = m_inventory->goldenByName(name);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(engine_failures::kNoGoldenNamed(name));
    GoldenRecord golden = **found;
    GoldenInspection inspection;
    if (auto s = inspectAgain(golden, &inspection); !s)
        return fail(s.error());
    auto now = GoldenFingerprint::of(inspection.files);
    if (!now)
        return fail(kEngineGoldenSays(golden.name, now.error()));
    GoldenRefresh out;
    auto accepted = GoldenFingerprint::parse(golden.fingerprint);
    if (accepted && !accepted->files().isEmpty())
        out.change = now->differenceFrom(*accepted);
    if (auto s = m_inventory->setGoldenFingerprint(golden.id, now->toText()); !s)
        return fail(s.error());
    auto vms = m_inventory->vms();
    if (!vms)
        return fail(vms.error());
    for (const auto &vm : *vms)
        if (vm.goldenId == golden.id && vm.cloneMode == u"linked"_s)
            out.linkedClones << vm.name;
    golden.fingerprint = now->toText();
    out.golden = golden;
    logLost(m_inventory->addEvent(
                u"info"_s, {},
                out.change.isEmpty()
                    ? EventText::make(u"golden-refreshed-unchanged"_s, {golden.name})
                    : EventText::make(u"golden-refreshed"_s, {golden.name, out.change})),
            golden.name);
    return out;
}

Expected<Engine::ConsoleChange> Engine::setConsoleAddress(const QString &name,
                                                          const QString &address) {
    if (auto s = mayWrite(); !s)
        return s.failure();
    auto found = m_inventory->goldenByName(name);
    if (!found)
        return found.failure();
    if (!found->has_value())
        return fail(engine_failures::kNoGoldenNamed(name));
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
