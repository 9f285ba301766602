#include "common/file_sync.h"

#include "common/failure_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <cerrno>
#include <cstring>
#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kFileSyncCannotFlush{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot make %1 durable (FlushFileBuffers): %2")};
const FailureSentence kFileSyncCannotFsync{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot make %1 durable (fsync): %2")};

// Empty when `path` (a file or a folder) is durable.
QString syncOne(const QString &path) {
#ifdef Q_OS_WIN
    // A folder's entries are durable with the files' metadata on NTFS; a file is flushed
    // through its own handle.
    if (QFileInfo(path).isDir())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !syncOpenFile(file))
        return kFileSyncCannotFlush(path, file.errorString());
    return {};
#else
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        return kFileSyncCannotFsync(path, why);
    }
    ::close(fd);
    return {};
#endif
}

} // namespace

Status syncPath(const QString &path) {
    const QString error = syncOne(path);
    if (!error.isEmpty())
        return fail(error);
    return {};
}

bool syncOpenFile(QFile &file) {
    if (!file.flush())
        return false;
#ifdef Q_OS_WIN
    return ::FlushFileBuffers(reinterpret_cast<HANDLE>(::_get_osfhandle(file.handle()))) != 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

Status syncFolders(const QStringList &folders, int parallel) {
    QStringList paths;
    QSet<QString> parents;
    for (const auto &folder : folders) {
        for (const auto &file :
             QDir(folder).entryInfoList(QDir::Files | QDir::Hidden | QDir::System))
            paths.append(file.absoluteFilePath());
        paths.append(folder);
        parents.insert(QFileInfo(folder).absolutePath());
    }
    paths += QStringList(parents.cbegin(), parents.cend()); // after: their entries name the folders
    QThreadPool pool;
    pool.setMaxThreadCount(qMax(1, parallel));
    std::function<QString(const QString &)> sync = &syncOne;
    const QStringList errors = QtConcurrent::blockingMapped<QStringList>(&pool, paths, sync);
    for (const auto &e : errors)
        if (!e.isEmpty())
            return fail(e);
    return {};
}

} // namespace vmeclone
