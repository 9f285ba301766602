#pragma once
// What the engine's batches share, per VM and per step (engine.cpp, engine_steps.cpp):
// reporting a committed state to the observer, logging writes that cannot be acted on,
// each thread's own inventory connection, and why a VM could not be taken.

#include "common/logging.h"
#include "engine/engine.h"

#include <memory>

namespace vmeclone::batch {

// Reports a VM's step to the observer, after its state was committed, stamped with the
// inventory's change sequence as of that commit (BatchEvent::seq): read back from `inv`,
// the connection that wrote it. A row another actor moved on since (an agent spoke first)
// is stamped kSuperseded: what the step did is still told, and views keep the newer row.
void report(const BatchObserver &observer, Inventory &inv, const VmRecord &vm, VmState state,
            const QString &message = {}, int progress = 0);

// Logs a write the step cannot act on any more (what it concerns is reported either way),
// so that no failed write goes unsaid.
template <typename T>
void logLost(const Expected<T> &s, const QString &what) {
    if (!s)
        log::engine()->error("{}: {}", what.toStdString(), s.error().toStdString());
}
template <typename T>
void logLost(const Expected<T> &s, const VmRecord &vm) {
    logLost(s, vm.name);
}

// The inventory connection of the calling thread for `path`, opened on first use (Qt's
// SQL connections belong to one thread).
Expected<Inventory *> threadInventory(const QString &path);

// The states a start, stop or release may begin from: not being made, started, stopped
// or released by anyone.
extern const QList<VmState> kSettled;

// The event of a clone rolled back: an error with its reason, or, when the batch was
// cancelled, one info line saying so (a cancel is the operator's wish, not a failure).
Status addRollBackEvent(Inventory &inv, const VmRecord &vm, const QString &why, bool cancelled);

// Why `vm` could not be taken: what became of it since it was read.
QString movedOn(Inventory &inv, const VmRecord &vm, const QString &step);

} // namespace vmeclone::batch
