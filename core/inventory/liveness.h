#pragma once
// Whether a VM is heard from, judged at read time from the last heartbeat any process
// recorded (vms.last_seen), by whichever process reads it: two consoles, `vmeclone
// listen` and the CLI judge the same rows by the same rule and so always agree. Only
// the process that holds the listener port writes liveness (the 'unreachable' state and
// its event); a reader never writes it, so closing a console that does not hold the
// port changes nothing, and a heartbeat recorded after a wrong 'unreachable' shows the
// VM online at once, before anyone rewrites the row.

#include "inventory/records.h"

#include <QDateTime>
#include <QList>

namespace vmeclone {

// How long an online VM may stay silent: three heartbeats missed, plus a second of slack.
constexpr qint64 unreachableAfterMs(int heartbeatSeconds) {
    return heartbeatSeconds * 3000LL + 1000;
}

// What the last heartbeat says now: online, silent for `afterMs` → unreachable ("no
// heartbeat for N s"); unreachable, heard within `afterMs` and after it was marked →
// online. Every other state is a step of the engine's and left as it is.
void judgeLiveness(VmRecord &vm, const QDateTime &now, qint64 afterMs);
void judgeLiveness(QList<VmRecord> &vms, const QDateTime &now, qint64 afterMs);
// When the first of these (judged) VMs will go silent for `afterMs`, in ms since the
// epoch; 0 when none is online: a view re-reads then even if nobody wrote anything.
qint64 nextSilenceMs(const QList<VmRecord> &vms, qint64 afterMs);

} // namespace vmeclone
