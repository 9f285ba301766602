#include "engine/batch_support.h"

#include "common/failure_text.h"
#include "common/logging.h"

#include <QThread>

#include <map>

using namespace Qt::StringLiterals;

namespace vmeclone::batch {
namespace {
const FailureSentence kBatchSupportCannotReadInventory{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: cannot read the inventory (%2): not %3")};
const FailureSentence kBatchSupportReleasedMeanwhile{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 was released by another actor since it was read: not %2")};
const FailureSentence kBatchSupportChangedMeanwhile{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 is %2 now (another actor changed it since it was read): not %3")};
// The steps those sentences (and the engine's "cancelled: not %1", "%1 is %2 by another
// batch") take as arguments, said in the reader's language in their place (failure_text.h
// matches a whole argument too); the states' names they take are vm_state.cpp's.
[[maybe_unused]] const FailureSentence kBatchSupportSteps[] = {
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "started")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "stopped")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "released")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "marked stopped")},
};
} // namespace

// Reports a VM's step to the observer, after its state was committed, stamped with the
// inventory's change sequence as of that commit (BatchEvent::seq): read back from `inv`,
// the connection that wrote it. A row another actor moved on since (an agent spoke first)
// is stamped kSuperseded: what the step did is still told, and views keep the newer row.
Status addRollBackEvent(Inventory &inv, const VmRecord &vm, const QString &why, bool cancelled) {
    if (cancelled)
        return inv.addEvent(u"info"_s, vm.name, EventText::make(u"clone-cancelled"_s, {}));
    return inv.addEvent(u"error"_s, vm.name, EventText::make(u"clone-failed"_s, {why}));
}

void report(const BatchObserver &observer, Inventory &inv, const VmRecord &vm, VmState state,
            const QString &message, int progress) {
    if (!observer)
        return;
    qint64 seq = BatchEvent::kSuperseded;
    if (auto stamp = inv.stamp(vm.id); !stamp) {
        log::engine()->error("{}", LogText::tr("%1: cannot read its change sequence: %2")
                                       .arg(vm.name, failureText(stamp.error())));
    } else if (!stamp->has_value()) {
        // Gone (released, rolled back): ids are never reused, so nothing newer can follow.
        if (auto now = inv.changeSequence(); now)
            seq = *now;
    } else if ((*stamp)->state == state) {
        seq = (*stamp)->seq;
    }
    observer(BatchEvent{vm.id, vm.name, vm.address, state, progress, message, seq});
}

// The inventory connection of the calling thread for `path`, opened on first use (Qt's
// SQL connections belong to one thread). They are closed in that thread when its QThread
// finishes: QThread::wait(), and so QThreadPool's destructor, returns only after that,
// whereas C++ thread_local destructors run later and raced the process's exit against
// Qt's own statics (a crash at exit, one CLI run in three). Threads Qt did not start
// (main, adopted) close them in their thread_local destructor instead.
namespace {
using Connections = std::map<QString, std::unique_ptr<Inventory>>;
thread_local Connections *connections = nullptr; // trivial: safe to touch in any order

void closeConnections() {
    delete connections;
    connections = nullptr;
}
} // namespace

Expected<Inventory *> threadInventory(const QString &path) {
    struct CloseAtThreadExit {
        ~CloseAtThreadExit() { closeConnections(); }
    };
    thread_local CloseAtThreadExit closer;
    if (!connections) {
        connections = new Connections;
        QObject::connect(QThread::currentThread(), &QThread::finished, &closeConnections);
    }
    auto &inventory = (*connections)[path];
    if (!inventory) {
        auto opened = Inventory::open(path);
        if (!opened) {
            connections->erase(path);
            return Error{opened.error()};
        }
        inventory = std::move(*opened);
    }
    return inventory.get();
}

// The states a start, stop or release may begin from: not being made, started, stopped
// or released by anyone.
const QList<VmState> kSettled{VmState::Configured,  VmState::Booting,  VmState::Configuring,
                              VmState::Rebooting,   VmState::Resuming, VmState::Online,
                              VmState::Unreachable, VmState::Stopped,  VmState::Failed};

// Why `vm` could not be taken: what became of it since it was read.
QString movedOn(Inventory &inv, const VmRecord &vm, const QString &step) {
    auto now = inv.vm(vm.id);
    if (!now)
        return kBatchSupportCannotReadInventory(vm.name, now.error(), step);
    if (!now->has_value() || (*now)->instance != vm.instance)
        return kBatchSupportReleasedMeanwhile(vm.name, step);
    return kBatchSupportChangedMeanwhile(vm.name, vmStateName((*now)->state), step);
}

} // namespace vmeclone::batch
