#pragma once
// The thread-safe mailbox between producers (pool threads, the listener's thread,
// the inventory poller) and the VM table model, which drains it on a timer in the
// GUI thread: producers never touch the model, and the GUI sees one batch per tick.

#include "vm_change.h"

#include <QList>
#include <QMutex>

namespace vmeclone {

class VmChangeQueue {
public:
    void push(VmChange change);
    void push(QList<VmChange> changes);
    // Everything posted so far, in order; the queue is empty afterwards.
    QList<VmChange> takeAll();
    qsizetype size() const;

private:
    mutable QMutex m_mutex;
    QList<VmChange> m_changes;
};

} // namespace vmeclone
