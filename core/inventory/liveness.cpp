#include "liveness.h"

#include "common/event_text.h"

using namespace Qt::StringLiterals;

namespace vmeclone {

void judgeLiveness(VmRecord &vm, const QDateTime &now, qint64 afterMs) {
    if (!vm.lastSeen.isValid())
        return;
    const qint64 silentMs = vm.lastSeen.msecsTo(now);
    if (vm.state == VmState::Online && silentMs >= afterMs) {
        vm.state = VmState::Unreachable;
        vm.reason = EventText::noHeartbeat(silentMs / 1000);
    } else if (vm.state == VmState::Unreachable && silentMs < afterMs
               && (!vm.stateChangedAt.isValid() || vm.lastSeen > vm.stateChangedAt)) {
        vm.state = VmState::Online;
        vm.reason.clear();
    }
}

void judgeLiveness(QList<VmRecord> &vms, const QDateTime &now, qint64 afterMs) {
    for (auto &vm : vms)
        judgeLiveness(vm, now, afterMs);
}

qint64 nextSilenceMs(const QList<VmRecord> &vms, qint64 afterMs) {
    qint64 next = 0;
    for (const auto &vm : vms) {
        if (vm.state != VmState::Online || !vm.lastSeen.isValid())
            continue;
        const qint64 at = vm.lastSeen.toMSecsSinceEpoch() + afterMs;
        if (next == 0 || at < next)
            next = at;
    }
    return next;
}

} // namespace vmeclone
