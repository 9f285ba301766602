#pragma once
// The agent's log: one line per step on stderr, which the init script copies to the
// console and a log file. One write(2) per line so lines from two processes never mix.

namespace vmeclone::agent {

void agentLog(const char *format, ...) __attribute__((format(printf, 1, 2)));

} // namespace vmeclone::agent
