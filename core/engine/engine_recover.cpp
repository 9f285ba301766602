// Recovery of a VM a dead process left "starting" (Engine::recover): settled by whether
// its hypervisor runs it, and an instant clone by whether its QEMU resumed it from its
// template (docs/instant-clones.md, "Recovery").
#include "common/logging.h"
#include "engine/batch_support.h"
#include "engine/engine.h"

using namespace Qt::StringLiterals;

namespace vmeclone {

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
