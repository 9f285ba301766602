#pragma once
// Test hook for crash consistency: when VMECLONE_CRASH_AT names this point, the process
// kills itself (SIGKILL: no cleanup, as a power cut would) the first time it passes.
// Points: planned, mid-copy, copied, configured, resuming (an instant clone's QEMU launched,
// its template's state not yet loaded), started, announcing, releasing.

namespace vmeclone {

void crashPoint(const char *name);

// Test hook for faults from outside: when VMECLONE_PAUSE_AT names this point, the
// process creates the file named by VMECLONE_PAUSE_FILE and waits (up to 5 minutes)
// until the test removes it — e.g. to fill a shard between planning and copying.
void pausePoint(const char *name);

} // namespace vmeclone
