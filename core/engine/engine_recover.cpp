// Recovery after a process died mid-step (Engine::recover): each VM it left in a step is
// settled by what is on disk and running; a VM left "starting" by whether its hypervisor
// runs it, and an instant clone by whether its QEMU resumed it from its template
// (docs/instant-clones.md, "Recovery"); clone folders no VM owns are removed.
#include "common/failure_text.h"
#include "common/logging.h"
#include "engine/batch_support.h"
#include "engine/engine.h"
#include "inventory/clone_marker.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace vmeclone {
using namespace batch;

namespace {
const FailureSentence kEngineCannotDeleteFolder{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot delete %1")};
} // namespace

Expected<QList<Engine::Recovery>> Engine::recover(RecoveryMode mode) {
    if (mode == RecoveryMode::Repair)
        if (auto s = mayWrite(); !s)
            return fail(s.error());
    auto vms = m_inventory->vms();
    if (!vms)
        return fail(vms.error());
    auto goldens = m_inventory->goldens();
    if (!goldens)
        return fail(goldens.error());
    QHash<qint64, GoldenRecord> goldenById;
    for (const auto &g : *goldens)
        goldenById.insert(g.id, g);

    QList<Recovery> done;
    QSet<QString> deadOwners;
    for (const auto &vm : *vms) {
        const bool inFlight = vm.state == VmState::Planned || vm.state == VmState::Copying
                              || vm.state == VmState::Starting || vm.state == VmState::Stopping
                              || vm.state == VmState::Releasing;
        if (!inFlight || !BatchOwner::isAbandoned(m_config.home, vm.owner))
            continue;
        // Read again after the owner was found gone: a batch that finished the VM and
        // exited since the rows were read also removed its lock. Only a row still in
        // flight under that owner now was left by a process that died.
        if (auto again = m_inventory->vm(vm.id);
            !again || !again->has_value() || (*again)->state != vm.state
            || (*again)->owner != vm.owner || (*again)->instance != vm.instance)
            continue;
        if (mode == RecoveryMode::ReportOnly) {
            done.append(Recovery{vm.name, vm.address, u"needs recovery"_s,
                                 u"interrupted while %1; the next command that changes "
                                 u"something settles it"_s.arg(vmStateName(vm.state))});
            continue;
        }
        auto token = ownerToken();
        if (!token)
            return fail(token.error());
        auto claimed = m_inventory->claim(vm, *token);
        if (!claimed)
            return fail(claimed.error());
        if (!*claimed)
            continue; // another process recovers it, or it moved on since it was read
        deadOwners.insert(vm.owner);
        HypervisorBackend *backend = backendFor(goldenById.value(vm.goldenId));
        Recovery r{vm.name, vm.address, {}, {}};
        const QString was = vmStateName(vm.state);
        auto removeEverything = [&]() -> Status {
            if (backend) {
                if (auto s = backend->stop(vm, m_config.stopGrace); !s)
                    return s;
            }
            // A half-made clone may lack the files deleteClone looks for: the folder is
            // ours because the row names it, and only its own folder is removed.
            if (QDir(vm.folder).exists() && !QDir(vm.folder).removeRecursively())
                return fail(kEngineCannotDeleteFolder(vm.folder));
            return m_inventory->removeVm(vm.id);
        };
        switch (vm.state) {
        case VmState::Planned:
        case VmState::Copying:
        case VmState::Releasing: {
            if (auto s = removeEverything(); !s) {
                logLost(m_inventory->setState(vm.id, VmState::Failed,
                                              EventText::recoveryFailed(s.error())),
                        vm);
                r.action = u"failed"_s;
                r.detail = s.error();
            } else {
                r.action = vm.state == VmState::Releasing ? u"released"_s : u"rolled back"_s;
                r.detail = u"interrupted while %1: files and row removed, address free"_s.arg(was);
            }
            break;
        }
        case VmState::Starting:
            recoverStarting(vm, backend, r); // engine_recover.cpp
            break;
        case VmState::Stopping: {
            Status s = backend ? backend->stop(vm, m_config.stopGrace) : Status();
            logLost(m_inventory->setState(vm.id, s ? VmState::Stopped : VmState::Failed,
                                          s ? QString() : s.error()),
                    vm);
            r.action = s ? u"marked stopped"_s : u"failed"_s;
            r.detail = s ? u"interrupted while stopping; stopped"_s : s.error();
            break;
        }
        default:
            break;
        }
        logLost(m_inventory->setOwner(vm.id, QString()), vm);
        logLost(m_inventory->addEvent(r.action == u"failed" ? u"error"_s : u"warning"_s, vm.name,
                                      EventText::make(u"recovered"_s, {r.action, r.detail})),
                vm);
        log::echo()->warn("recovered {}: {} ({})", vm.name, r.action, r.detail);
        done.append(r);
    }
    for (const auto &owner : deadOwners)
        BatchOwner::forget(m_config.home, owner);

    recoverTemplates(mode, &done);

    // Clone folders nobody owns: only folders whose mark names this data folder and an
    // instance no row holds. A shard may be shared with other data folders: their
    // folders carry their own id and are never touched; unmarked or old-style marks are
    // reported, not removed. The rows are read after the folders are listed: a batch
    // inserts a VM's row before it makes the folder, so a folder listed here whose row
    // another process is making right now is still found in the rows, and is left alone.
    auto shards = m_inventory->shards();
    if (!shards)
        return done;
    struct Candidate {
        QString folder;
        CloneMarker marker;
    };
    QList<Candidate> candidates;
    for (const auto &shard : *shards) {
        for (const auto &entry :
             QDir(shard.path).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString folder = QDir::cleanPath(entry.absoluteFilePath());
            if (auto marker = CloneMarker::readFrom(folder))
                candidates.append(Candidate{folder, *marker});
        }
    }
    if (candidates.isEmpty())
        return done;
    auto current = m_inventory->vms();
    if (!current)
        return fail(current.error());
    QSet<QString> ownedFolders, ownedInstances;
    for (const auto &vm : *current) {
        ownedFolders.insert(QDir::cleanPath(vm.folder));
        ownedInstances.insert(vm.instance);
    }
    const QString self = m_inventory->dataFolderId();
    for (const auto &c : std::as_const(candidates)) {
        if (ownedFolders.contains(c.folder) || c.marker.dataFolderId != self
            || ownedInstances.contains(c.marker.instance))
            continue;
        const QString name = QFileInfo(c.folder).fileName();
        // Read again just before acting: a release may have removed the folder since it
        // was listed, or a clone re-made it (with another instance, whose row exists).
        const auto again = CloneMarker::readFrom(c.folder);
        if (!again || again->instance != c.marker.instance || again->dataFolderId != self)
            continue;
        if (auto held = m_inventory->hasInstance(c.marker.instance); !held || *held)
            continue;
        if (mode == RecoveryMode::ReportOnly) {
            done.append(Recovery{
                name,
                {},
                u"orphan folder"_s,
                u"%1 is a clone folder of this data folder with no inventory "
                u"row; the next command that changes something removes it"_s.arg(c.folder)});
            continue;
        }
        if (!QDir(c.folder).exists() || !QDir(c.folder).removeRecursively())
            continue;
        done.append(Recovery{name, {}, u"removed orphan folder"_s, c.folder});
        logLost(m_inventory->addEvent(u"warning"_s, name,
                                      EventText::make(u"orphan-removed"_s, {c.folder})),
                name);
    }
    return done;
}

void Engine::recoverStarting(const VmRecord &vm, HypervisorBackend *backend, Recovery &r) {
    if (backend && backend == m_qemu.get() && vm.cloneMode == u"instant") {
        auto how = m_qemu->settleInterruptedStart(vm);
        if (!how) {
            // A resume that cannot be finished must not linger half-done: stopped, failed.
            if (auto s = m_qemu->stop(vm, std::chrono::milliseconds(0)); !s)
                log::get("engine")->warn("{}: {}", vm.name, s.error());
            batch::logLost(m_inventory->setState(vm.id, VmState::Failed,
                                                 EventText::recoveryFailed(how.error())),
                           vm.name);
            r.action = u"failed"_s;
            r.detail = how.error();
            return;
        }
        switch (*how) {
        case QemuBackend::StartedAs::Resumed:
            batch::logLost(m_inventory->setState(vm.id, VmState::Resuming), vm.name);
            r.action = u"marked resuming"_s;
            r.detail = u"interrupted while starting; it resumed from its template"_s;
            return;
        case QemuBackend::StartedAs::Booted:
            batch::logLost(m_inventory->setState(vm.id, VmState::Booting), vm.name);
            r.action = u"marked booting"_s;
            r.detail = u"interrupted while starting; it runs"_s;
            return;
        case QemuBackend::StartedAs::NotRunning:
            break;
        }
        batch::logLost(m_inventory->setState(vm.id, VmState::Configured), vm.name);
        r.action = u"marked configured"_s;
        r.detail = QemuBackend::resumesOnStart(vm)
                       ? u"interrupted while starting; it did not start: its next start "
                         u"resumes it from its template"_s
                       : u"interrupted while starting; it did not start: start it again"_s;
        return;
    }
    const auto isRunning = backend ? backend->isRunning(vm) : Expected<bool>(false);
    const bool running = isRunning.ok() && *isRunning;
    const VmState next = running ? VmState::Booting : VmState::Configured;
    batch::logLost(m_inventory->setState(vm.id, next), vm.name);
    r.action = running ? u"marked booting"_s : u"marked configured"_s;
    r.detail = running ? u"interrupted while starting; it runs"_s
                       : u"interrupted while starting; it did not start: start it again"_s;
}

} // namespace vmeclone
