#pragma once
// Test hook for crash consistency: when VMECLONE_CRASH_AT names this point, the process
// kills itself (SIGKILL: no cleanup, as a power cut would) the first time it passes.
// Points: planned, mid-copy, copied, configured, started, announcing, releasing.

namespace vmeclone {

void crashPoint(const char *name);

} // namespace vmeclone
