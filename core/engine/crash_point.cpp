#include "crash_point.h"

#include "common/logging.h"

#include <QByteArray>

#include <csignal>
#include <cstring>

namespace vmeclone {

void crashPoint(const char *name)
{
    static const QByteArray wanted = qgetenv("VMECLONE_CRASH_AT");
    if (wanted.isEmpty() || wanted != name)
        return;
    log::get("engine")->warn("VMECLONE_CRASH_AT={}: killing this process", name);
    log::get("engine")->flush();
#ifdef SIGKILL
    std::raise(SIGKILL);
#else
    std::abort();
#endif
}

} // namespace vmeclone
