#include "vm_change_queue.h"

namespace vmeclone {

void VmChangeQueue::push(VmChange change) {
    QMutexLocker lock(&m_mutex);
    m_changes.append(std::move(change));
}

void VmChangeQueue::push(QList<VmChange> changes) {
    QMutexLocker lock(&m_mutex);
    m_changes.append(std::move(changes));
}

QList<VmChange> VmChangeQueue::takeAll() {
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_changes, {});
}

qsizetype VmChangeQueue::size() const {
    QMutexLocker lock(&m_mutex);
    return m_changes.size();
}

} // namespace vmeclone
