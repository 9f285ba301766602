#include "debugfs.h"

#include "common/child_process.h"
#include "common/failure_text.h"
#include "common/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <utility>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kDebugfsNotFound{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "debugfs not found: install e2fsprogs (it reads the golden's files without mounting its "
    "disk)")};
const FailureSentence kDebugfsBadImageName{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1: debugfs cannot open a file whose name holds '?' or '\"': rename it")};
const FailureSentence kDebugfsBadFolderName{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1: a folder whose name holds '\"' cannot receive debugfs' files")};
const FailureSentence kDebugfsCannotCreateFolder{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot create the folder %1 for the golden's files")};
const FailureSentence kDebugfsCannotWriteCommands{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot write debugfs' command file in %1")};
const FailureSentence kDebugfsTimedOut{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "debugfs did not finish reading %1 within %2 s and was stopped")};
const FailureSentence kDebugfsCannotOpen{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "debugfs cannot open the file system at byte %1 of %2: %3")};
const FailureSentence kDebugfsFailed{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "debugfs failed on %1 (exit %2): %3")};

// debugfs splits its command lines at blanks and honours double quotes.
QString quoted(const QString &path) {
    return u'"' + path + u'"';
}

} // namespace

Expected<Debugfs> Debugfs::find(std::chrono::milliseconds timeout) {
    QString program = QStandardPaths::findExecutable(u"debugfs"_s);
    if (program.isEmpty())
        program = QStandardPaths::findExecutable(u"debugfs"_s, {u"/sbin"_s, u"/usr/sbin"_s});
    if (program.isEmpty())
        return fail(kDebugfsNotFound());
    return Debugfs(program, timeout);
}

Debugfs::Debugfs(QString program, std::chrono::milliseconds timeout)
    : m_program(std::move(program))
    , m_timeout(timeout) {}

Status Debugfs::dump(const QString &image, qint64 offset, const QStringList &guestPaths,
                     const QString &destination) const {
    // debugfs takes io options after a '?' in the device name, so a '?' of the image's own
    // name would be misread: such images are opened through a link with a plain name.
    if (image.contains(u'?') || image.contains(u'"'))
        return fail(kDebugfsBadImageName(image));
    if (destination.contains(u'"'))
        return fail(kDebugfsBadFolderName(destination));

    QString script;
    for (const QString &path : guestPaths) {
        // rdump puts /var/lib/dhcp into DEST/dhcp: give each its parent folder first.
        const QString parent = QDir(destination).filePath(QFileInfo(path).path().mid(1));
        if (!QDir().mkpath(parent))
            return fail(kDebugfsCannotCreateFolder(parent));
        script += u"rdump %1 %2\n"_s.arg(quoted(path), quoted(parent));
    }
    QTemporaryFile commands(QDir(destination).filePath(u".debugfs-commands.XXXXXX"_s));
    if (!commands.open() || commands.write(script.toUtf8()) != script.toUtf8().size()
        || !commands.flush())
        return fail(kDebugfsCannotWriteCommands(destination));

    const QString device = offset > 0 ? u"%1?offset=%2"_s.arg(image).arg(offset) : image;
    // -c: catastrophic mode, read-only without reading the bitmaps: faster, and it never
    // writes. The file system is opened read-only anyway (no -w).
    const ChildRun run =
        runChild(m_program, {u"-c"_s, u"-f"_s, commands.fileName(), device}, m_timeout);
    if (run.outcome == ChildRun::Outcome::CannotStart)
        return fail(failures::kCannotRun(m_program, run.error));
    if (run.outcome == ChildRun::Outcome::TimedOut)
        return fail(kDebugfsTimedOut(image, m_timeout.count() / 1000));
    const QString errors = QString::fromLocal8Bit(run.err);
    // debugfs exits 0 even when it cannot open the file system; its words say so.
    for (const QString &line : errors.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.contains(u"while trying to open"_s) || line.contains(u"while opening filesystem"_s)
            || line.contains(u"Bad magic number"_s))
            return fail(kDebugfsCannotOpen(offset, image, line.trimmed()));
    }
    if (!run.succeeded())
        return fail(kDebugfsFailed(image, run.exitCode, errors.trimmed()));
    return {};
}

} // namespace vmeclone
