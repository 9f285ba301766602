// Engine::readGuests: each running QEMU guest asked through qemu-guest-agent what it says
// of itself (issue 13, item 4), several at once: each reading mostly waits on a guest.

#include "common/failure_text.h"
#include "engine/engine.h"
#include "engine/engine_failures.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {
// Guests asked at once: a reading is a few small round trips over a local socket, so
// this bounds sockets and threads, not CPU.
constexpr int kGuestsAtOnce = 8;

const FailureSentence kEngineGuestsOnlyQemu{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "only QEMU guests are asked (through qemu-guest-agent)")};
const FailureSentence kEngineGuestsNotRunning{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "not running (%1)")};
} // namespace

Engine::GuestReading Engine::readGuest(QemuBackend &qemu, const VmRecord &vm,
                                       const GoldenRecord &golden) {
    GuestReading r;
    r.vmId = vm.id;
    if (golden.backend != u"qemu")
        r.error = kEngineGuestsOnlyQemu();
    else if (!vmStateIsRunning(vm.state))
        r.error = kEngineGuestsNotRunning(vmStateName(vm.state));
    else if (auto view = qemu.guestView(vm)) {
        r.disagreements = disagreements(*view, vm, golden);
        r.view = std::move(*view);
    } else {
        r.error = view.error();
    }
    return r;
}

QList<Engine::GuestReading> Engine::readGuests(const QList<VmRecord> &vms,
                                               const std::atomic_bool *cancel) {
    auto goldens = m_inventory->goldens();
    QHash<qint64, GoldenRecord> goldenById;
    if (goldens) {
        for (const auto &g : *goldens)
            goldenById.insert(g.id, g);
    }
    QThreadPool pool;
    pool.setMaxThreadCount(kGuestsAtOnce);
    std::function<GuestReading(const VmRecord &)> read = [&](const VmRecord &vm) {
        if (!goldens || (cancel && cancel->load())) {
            GuestReading r;
            r.vmId = vm.id;
            r.error = !goldens ? goldens.error() : engine_failures::kCancelled();
            return r;
        }
        return readGuest(*m_qemu, vm, goldenById.value(vm.goldenId));
    };
    return QtConcurrent::blockingMapped<QList<GuestReading>>(&pool, vms, read);
}

} // namespace vmeclone
