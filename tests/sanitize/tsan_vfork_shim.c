// Linked into every executable of the TSan build only (run-sanitizers.sh tsan).
// QProcess (Qt 6.4) starts children with clone(CLONE_VM | CLONE_VFORK | CLONE_PIDFD), and
// clang 14's TSan clone interceptor fails a CHECK in such a child ("!thr->slot"), so no
// test that starts a process could run. This clone() takes the place of TSan's weak one
// and hands TSan the same call without CLONE_VM | CLONE_VFORK: an ordinary fork, which
// TSan handles (it turns vfork() into fork() itself). QProcess's child only sets up its
// descriptors and calls exec, reporting failure through a pipe, so it works unchanged.
#define _GNU_SOURCE
#include <sched.h>
#include <stdarg.h>
#include <sys/types.h>

int __interceptor_clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...) {
    va_list ap;
    va_start(ap, arg);
    pid_t *parentTid = va_arg(ap, pid_t *);
    void *tls = va_arg(ap, void *);
    pid_t *childTid = va_arg(ap, pid_t *);
    va_end(ap);
    return __interceptor_clone(fn, stack, flags & ~(CLONE_VM | CLONE_VFORK), arg, parentTid, tls,
                               childTid);
}
