#include "qemu_img.h"

#include "common/child_process.h"
#include "common/failure_text.h"
#include "common/file_sync.h"
#include "common/logging.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <utility>

#if defined(Q_OS_UNIX)
#endif

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kQemuImgNotFound{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "qemu-img not found: install qemu-utils")};
const FailureSentence kQemuImgCannotRun{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot run %1 for %2: %3")};
const FailureSentence kQemuImgTimedOut{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "qemu-img %1 on %2 did not finish within %3 s and was stopped")};
const FailureSentence kQemuImgCrashed{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "qemu-img %1 on %2 crashed: %3")};
const FailureSentence kQemuImgNoBacking{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Backing file %1 does not exist: cannot create overlay %2 on it")};
const FailureSentence kQemuImgBackingNotFile{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Backing file %1 is not a regular file")};
const FailureSentence kQemuImgNeedsFormat{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Cannot create overlay %1: the format of backing file %2 is needed "
                         "(qcow2, raw, vmdk, ...)")};
const FailureSentence kQemuImgOverlayExists{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Overlay %1 exists already: refusing to overwrite it; remove it or "
                         "choose another name")};
const FailureSentence kQemuImgNoFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Folder %1 of overlay %2 does not exist: create it first")};
const FailureSentence kQemuImgPartExists{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 exists: another overlay creation is running or was interrupted; "
                         "remove it if none is running")};
const FailureSentence kQemuImgCannotCreate{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot create overlay %1 on backing file %2: %3")};
const FailureSentence kQemuImgCannotRename{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "Cannot rename %1 to %2: it appeared meanwhile or the folder is not writable")};
const FailureSentence kQemuImgNoImage{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Disk image %1 does not exist")};
const FailureSentence kQemuImgCannotRead{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot read disk image %1: %2")};
const FailureSentence kQemuImgBadJson{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "qemu-img info on %1 gave output that is not the expected JSON: %2")};
const FailureSentence kQemuImgCorrupt{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Disk image %1 is corrupt: %2")};
const FailureSentence kQemuImgCannotCheck{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot check disk image %1: %2")};
const FailureSentence kQemuImgCannotCompare{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot compare %1 and %2: %3")};

// qemu-img's own words, passed on verbatim: operators search the web for them.
QString trimmedOutput(const QByteArray &bytes) {
    QString text = QString::fromLocal8Bit(bytes).trimmed();
    constexpr int kMax = 4000; // a corrupt image can list thousands of clusters
    if (text.size() > kMax)
        text = text.left(kMax) + u" [...]"_s;
    return text;
}

} // namespace

Expected<QemuImg> QemuImg::find(const QStringList &searchPaths, std::chrono::milliseconds timeout) {
    const QString program = QStandardPaths::findExecutable(u"qemu-img"_s, searchPaths);
    if (program.isEmpty())
        return fail(kQemuImgNotFound());
    return QemuImg(program, timeout);
}

QemuImg::QemuImg(QString program, std::chrono::milliseconds timeout)
    : m_program(std::move(program))
    , m_timeout(timeout) {}

Expected<QemuImg::Result> QemuImg::run(const QStringList &arguments, const QString &subject) const {
    const QString command = arguments.value(0);
    const ChildRun run = runChild(m_program, arguments, m_timeout);
    switch (run.outcome) {
    case ChildRun::Outcome::CannotStart:
        return fail(kQemuImgCannotRun(m_program, subject, run.error));
    case ChildRun::Outcome::TimedOut:
        return fail(
            kQemuImgTimedOut(command, subject, QString::number(m_timeout.count() / 1000.0)));
    case ChildRun::Outcome::Crashed:
        return fail(kQemuImgCrashed(command, subject, trimmedOutput(run.err)));
    case ChildRun::Outcome::Finished:
        break;
    }
    return Result{run.exitCode, run.out, trimmedOutput(run.err)};
}

Status QemuImg::createOverlay(const QString &backingFile, const QString &backingFormat,
                              const QString &overlayPath) const {
    const QFileInfo backing(backingFile);
    const QString overlay = QFileInfo(overlayPath).absoluteFilePath();
    if (!backing.exists())
        return fail(kQemuImgNoBacking(backingFile, overlay));
    if (!backing.isFile())
        return fail(kQemuImgBackingNotFile(backingFile));
    if (backingFormat.isEmpty())
        return fail(kQemuImgNeedsFormat(overlay, backingFile));
    if (QFileInfo::exists(overlay))
        return fail(kQemuImgOverlayExists(overlay));
    const QFileInfo folder(QFileInfo(overlay).absolutePath());
    if (!folder.isDir())
        return fail(kQemuImgNoFolder(folder.absoluteFilePath(), overlay));
    const QString part = overlay + u".part"_s;
    if (QFileInfo::exists(part))
        return fail(kQemuImgPartExists(part));

    // An absolute backing name keeps the overlay valid wherever it is opened from.
    auto result = run({u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, backingFormat, u"-b"_s,
                       backing.absoluteFilePath(), part},
                      overlay);
    if (!result) {
        QFile::remove(part);
        return fail(result.error());
    }
    if (result->exitCode != 0) {
        QFile::remove(part);
        return fail(
            kQemuImgCannotCreate(overlay, backing.absoluteFilePath(), result->standardError));
    }
    (void)syncPath(part); // best effort, as before: the rename below is what matters
    // QFile::rename never replaces an existing file.
    if (!QFile::rename(part, overlay)) {
        QFile::remove(part);
        return fail(kQemuImgCannotRename(part, overlay));
    }
    log::qemu()->debug("overlay {} on {} ({})", overlay, backing.absoluteFilePath(), backingFormat);
    return {};
}

Expected<ImageInfo> QemuImg::info(const QString &path) const {
    if (!QFileInfo::exists(path))
        return fail(kQemuImgNoImage(path));
    auto result = run({u"info"_s, u"--output=json"_s, path}, path);
    if (!result)
        return fail(result.error());
    if (result->exitCode != 0)
        return fail(kQemuImgCannotRead(path, result->standardError));
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(result->standardOutput, &error);
    const QJsonObject o = json.object();
    if (error.error != QJsonParseError::NoError || !o.contains(u"format"_s))
        return fail(kQemuImgBadJson(path, trimmedOutput(result->standardOutput)));
    ImageInfo info;
    info.filename = o.value(u"filename"_s).toString();
    info.format = o.value(u"format"_s).toString();
    info.virtualSize = o.value(u"virtual-size"_s).toInteger();
    info.actualSize = o.value(u"actual-size"_s).toInteger();
    info.backingFilename = o.value(u"backing-filename"_s).toString();
    info.fullBackingFilename = o.value(u"full-backing-filename"_s).toString();
    info.backingFormat = o.value(u"backing-filename-format"_s).toString();
    info.dirty = o.value(u"dirty-flag"_s).toBool();
    return info;
}

Status QemuImg::check(const QString &path) const {
    if (!QFileInfo::exists(path))
        return fail(kQemuImgNoImage(path));
    auto result = run({u"check"_s, path}, path);
    // check prints its findings on stdout and its failures on stderr.
    const auto details = [](const Result &r) {
        return QString(trimmedOutput(r.standardOutput) + u'\n' + r.standardError).trimmed();
    };
    if (!result)
        return fail(result.error());
    // Exit codes documented in qemu-img(1): 0 clean, 1 check failed, 2 corrupt,
    // 3 leaked clusters only, 63 format without checks.
    switch (result->exitCode) {
    case 0:
        return {};
    case 3:
        log::qemu()->info(
            "{}", LogText::tr("%1 has leaked clusters (space only, data intact)").arg(path));
        return {};
    case 63:
        log::qemu()->debug("{}: format has no consistency checks", path);
        return {};
    case 2:
        return fail(kQemuImgCorrupt(path, details(*result)));
    default:
        return fail(kQemuImgCannotCheck(path, details(*result)));
    }
}

Expected<bool> QemuImg::compare(const QString &first, const QString &second) const {
    for (const QString &path : {first, second}) {
        if (!QFileInfo::exists(path))
            return fail(kQemuImgNoImage(path));
    }
    const QString subject = u"%1 and %2"_s.arg(first, second);
    auto result = run({u"compare"_s, first, second}, subject);
    if (!result)
        return fail(result.error());
    // 0 identical, 1 different, 2 and up: could not open or read an image.
    if (result->exitCode == 0 || result->exitCode == 1)
        return result->exitCode == 0;
    return fail(kQemuImgCannotCompare(first, second, result->standardError));
}

} // namespace vmeclone
