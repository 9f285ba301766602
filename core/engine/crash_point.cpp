#include "crash_point.h"

#include "common/logging.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

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

void pausePoint(const char *name)
{
    static const QByteArray wanted = qgetenv("VMECLONE_PAUSE_AT");
    if (wanted.isEmpty() || wanted != name)
        return;
    const QString file = qEnvironmentVariable("VMECLONE_PAUSE_FILE");
    if (file.isEmpty())
        return;
    {
        QFile marker(file);
        if (!marker.open(QIODevice::WriteOnly))
            return;
    }
    log::get("engine")->warn("VMECLONE_PAUSE_AT={}: waiting until {} is removed", name, file);
    QDeadlineTimer deadline(5 * 60 * 1000);
    while (QFile::exists(file) && !deadline.hasExpired())
        QThread::msleep(20);
}

} // namespace vmeclone
