#include "disk_copier.h"

#include "common/failure_text.h"
#include "common/logging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QStorageInfo>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#else
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kDiskCopierCannotReadLayout{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot read the layout of %1: %2")};
const FailureSentence kDiskCopierCannotOpenSource{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot open source disk %1: %2")};
const FailureSentence kDiskCopierSourceMissing{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot open source disk %1: it does not exist")};
const FailureSentence kDiskCopierCannotStatSource{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot stat source disk %1: %2")};
const FailureSentence kDiskCopierSourceNotRegular{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Source disk %1 is not a regular file")};
const FailureSentence kDiskCopierDestinationExists{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Destination %1 exists already: refusing to overwrite it; remove it or "
                         "choose another name")};
const FailureSentence kDiskCopierNoDestinationFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Destination folder %1 does not exist: create it first")};
const FailureSentence kDiskCopierCancelled{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Copy of %1 to %2 cancelled")};
const FailureSentence kDiskCopierCannotCopy{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot copy %1 to %2: %3")};
const FailureSentence kDiskCopierCannotRead{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot read %1: %2")};
const FailureSentence kDiskCopierCannotWrite{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot write %1: %2")};
const FailureSentence kDiskCopierSourceShrank{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Source disk %1 shrank while it was being copied: is a VM using it?")};
const FailureSentence kDiskCopierPartExists{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 exists: another copy to %2 is running or was interrupted; remove "
                         "it if none is running")};
const FailureSentence kDiskCopierCannotCreatePart{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Cannot create %1 in folder %2: %3; check that the folder is writable")};
const FailureSentence kDiskCopierCannotSize{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot size %1 to %2 bytes: %3")};
const FailureSentence kDiskCopierSourceChangedSize{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "Source disk %1 changed size while it was being copied: is a VM using it?")};
const FailureSentence kDiskCopierCannotFlush{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot flush %1 to disk: %2")};
const FailureSentence kDiskCopierCannotClose{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot close %1: %2")};
const FailureSentence kDiskCopierCannotRenameWhy{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot rename %1 to %2: %3")};
const FailureSentence kDiskCopierCannotRename{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot rename %1 to %2")};
const FailureSentence kDiskCopierNoSpaceHint{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 (shard %2: needs %3, %4 free); free space there or choose another shard")};
const FailureSentence kDiskCopierBothPaths{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot copy '%1' to '%2': both paths must be given")};
const FailureSentence kDiskCopierNamedTwice{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Destination %1 is named twice in one copy")};

constexpr qint64 kMiB = 1024 * 1024;

QString sizeText(qint64 bytes) {
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

bool cancelled(const std::atomic_bool *cancel) {
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

// Throttles progress to whole-percent steps: a GUI fed one call per chunk would
// drown in events while copying a 100 GiB disk.
class ProgressMeter {
public:
    ProgressMeter(qint64 total, const DiskCopier::Progress &callback)
        : m_total(total)
        , m_callback(callback) {}

    void add(qint64 bytes) {
        m_done += bytes;
        if (!m_callback || m_total <= 0 || m_done >= m_total)
            return;
        const qint64 percent = m_done * 100 / m_total;
        if (percent > m_lastPercent) {
            m_lastPercent = percent;
            m_callback(m_done, m_total);
        }
    }

    void finish() {
        if (m_callback)
            m_callback(m_total, m_total);
    }

private:
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_lastPercent = 0;
    const DiskCopier::Progress &m_callback;
};

// Chunks of about one percent of the job, so cancel and progress stay responsive,
// but never so small that system-call overhead shows.
qint64 chunkSizeFor(qint64 totalBytes) {
    const qint64 onePercent = (totalBytes / 100 + kMiB - 1) / kMiB * kMiB;
    return std::clamp(onePercent, kMiB, 64 * kMiB);
}

struct Failure {
    QString message;
    bool noSpace = false; // the filesystem ran full: the caller adds needed vs free
};

struct Extent {
    qint64 offset = 0;
    qint64 length = 0;
};

#if defined(Q_OS_LINUX)

QString errnoText(int error) {
    return qt_error_string(error);
}

bool isNoSpace(int error) {
    return error == ENOSPC || error == EDQUOT;
}

class Fd {
public:
    Fd() = default;
    explicit Fd(int fd)
        : m_fd(fd) {}
    Fd(Fd &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1)) {}
    Fd &operator=(Fd &&other) noexcept {
        if (this != &other) {
            reset();
            m_fd = std::exchange(other.m_fd, -1);
        }
        return *this;
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    ~Fd() { reset(); }

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    void reset() {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    // close() can report a late write error (NFS): the caller must see it.
    int close() { return ::close(std::exchange(m_fd, -1)); }

private:
    int m_fd = -1;
};

struct Job {
    QString source;
    QString destination;
    QString part;
    Fd sourceFd;
    mode_t mode = 0644;
    qint64 size = 0;
    qint64 dataBytes = 0;
    std::vector<Extent> extents;
};

QByteArray native(const QString &path) {
    return QFile::encodeName(path);
}

// The data regions of an open file. A filesystem without SEEK_DATA support reports
// the whole file as data (the kernel's generic behaviour), which is still correct.
Expected<std::vector<Extent>> dataExtents(int fd, qint64 size, const QString &path) {
    std::vector<Extent> extents;
    off_t pos = 0;
    while (pos < size) {
        const off_t data = ::lseek(fd, pos, SEEK_DATA);
        if (data < 0) {
            if (errno == ENXIO)
                break;
            return fail(kDiskCopierCannotReadLayout(path, errnoText(errno)));
        }
        if (data >= size)
            break;
        off_t hole = ::lseek(fd, data, SEEK_HOLE);
        if (hole < 0)
            return fail(kDiskCopierCannotReadLayout(path, errnoText(errno)));
        hole = std::min<off_t>(hole, size);
        extents.push_back({data, hole - data});
        pos = hole;
    }
    return extents;
}

Status prepare(Job &job) {
    const QByteArray src = native(job.source);
    Fd fd(::open(src.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!fd.valid())
        return fail(kDiskCopierCannotOpenSource(job.source, errnoText(errno)));
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        return fail(kDiskCopierCannotStatSource(job.source, errnoText(errno)));
    if (!S_ISREG(st.st_mode))
        return fail(kDiskCopierSourceNotRegular(job.source));
    job.size = st.st_size;
    // Keep restrictive modes of the golden, but a clone's disk must be writable.
    job.mode = (st.st_mode & 0777) | S_IWUSR | S_IRUSR;
    auto extents = dataExtents(fd.get(), job.size, job.source);
    if (!extents)
        return fail(extents.error());
    job.extents = std::move(extents.value());
    job.dataBytes = 0;
    for (const Extent &e : job.extents)
        job.dataBytes += e.length;
    job.sourceFd = std::move(fd);

    struct stat dst {};
    if (::lstat(native(job.destination).constData(), &dst) == 0)
        return fail(kDiskCopierDestinationExists(job.destination));
    const QString folder = QFileInfo(job.destination).absolutePath();
    struct stat dir {};
    if (::stat(native(folder).constData(), &dir) != 0 || !S_ISDIR(dir.st_mode))
        return fail(kDiskCopierNoDestinationFolder(folder));
    return {};
}

// Linux's "no replace" rename: a destination that appeared meanwhile is never clobbered.
int renameNoReplace(const QByteArray &from, const QByteArray &to) {
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
    // Filesystems without RENAME_NOREPLACE: link() refuses an existing name too.
    if (::link(from.constData(), to.constData()) == 0) {
        ::unlink(from.constData());
        return 0;
    }
    return errno;
}

void syncFolder(const QString &folder) {
    Fd dir(::open(native(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.valid())
        ::fsync(dir.get());
}

bool fallsBackToReadWrite(int error) {
    return error == EXDEV || error == ENOSYS || error == EINVAL || error == EOPNOTSUPP;
}

// Copies one extent with copy_file_range (in-kernel, no user-space buffer) or, when the
// filesystems cannot do that, with pread/pwrite through `buffer`.
std::optional<Failure> copyExtent(Job &job, int dst, const Extent &extent, qint64 chunk,
                                  bool &useCopyRange, QByteArray &buffer,
                                  const std::atomic_bool *cancel, ProgressMeter &meter) {
    const int src = job.sourceFd.get();
    qint64 offset = extent.offset;
    const qint64 end = extent.offset + extent.length;
    while (offset < end) {
        if (cancelled(cancel))
            return Failure{kDiskCopierCancelled(job.source, job.destination)};
        qint64 copied = 0;
        if (useCopyRange) {
            loff_t in = offset;
            loff_t out = offset;
            const ssize_t n = ::copy_file_range(
                src, &in, dst, &out, static_cast<size_t>(std::min(chunk, end - offset)), 0);
            if (n < 0) {
                const int error = errno;
                if (error == EINTR)
                    continue;
                if (fallsBackToReadWrite(error)) {
                    log::clone()->debug("copy_file_range {} -> {}: {}; using read/write",
                                        job.source, job.part, errnoText(error));
                    useCopyRange = false;
                    continue;
                }
                return Failure{kDiskCopierCannotCopy(job.source, job.part, errnoText(error)),
                               isNoSpace(error)};
            }
            copied = n;
        } else {
            if (buffer.isEmpty())
                buffer.resize(4 * kMiB);
            const qint64 want = std::min<qint64>({chunk, end - offset, buffer.size()});
            const ssize_t n = ::pread(src, buffer.data(), static_cast<size_t>(want), offset);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return Failure{kDiskCopierCannotRead(job.source, errnoText(errno))};
            }
            for (ssize_t written = 0; written < n;) {
                const ssize_t w = ::pwrite(dst, buffer.constData() + written,
                                           static_cast<size_t>(n - written), offset + written);
                if (w < 0) {
                    const int error = errno;
                    if (error == EINTR)
                        continue;
                    return Failure{kDiskCopierCannotWrite(job.part, errnoText(error)),
                                   isNoSpace(error)};
                }
                written += w;
            }
            copied = n;
        }
        if (copied == 0)
            return Failure{kDiskCopierSourceShrank(job.source)};
        offset += copied;
        meter.add(copied);
    }
    return std::nullopt;
}

// Writes `job.part`, syncs it and renames it to the destination. Removes the part on
// any failure.
std::optional<Failure> copyJob(Job &job, qint64 chunk, const std::atomic_bool *cancel,
                               ProgressMeter &meter) {
    const QByteArray part = native(job.part);
    Fd dst(::open(part.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, job.mode));
    if (!dst.valid()) {
        const int error = errno;
        const QString folder = QFileInfo(job.destination).absolutePath();
        if (error == EEXIST)
            return Failure{kDiskCopierPartExists(job.part, job.destination)};
        return Failure{kDiskCopierCannotCreatePart(job.part, folder, errnoText(error)),
                       isNoSpace(error)};
    }
    auto failed = [&](Failure failure) {
        dst.reset();
        ::unlink(part.constData());
        return std::optional<Failure>(std::move(failure));
    };

    const int src = job.sourceFd.get();
    ::posix_fadvise(src, 0, 0, POSIX_FADV_SEQUENTIAL);
    const char *method = "reflink";
    if (::ioctl(dst.get(), FICLONE, src) == 0) {
        meter.add(job.dataBytes);
    } else {
        if (::ftruncate(dst.get(), job.size) != 0) {
            const int error = errno;
            return failed(
                {kDiskCopierCannotSize(job.part, job.size, errnoText(error)), isNoSpace(error)});
        }
        bool useCopyRange = true;
        QByteArray buffer;
        for (const Extent &extent : job.extents) {
            if (auto failure =
                    copyExtent(job, dst.get(), extent, chunk, useCopyRange, buffer, cancel, meter))
                return failed(std::move(*failure));
        }
        method = useCopyRange ? "copy_file_range" : "read/write";
    }

    struct stat st {};
    if (::fstat(src, &st) == 0 && st.st_size != job.size)
        return failed({kDiskCopierSourceChangedSize(job.source)});
    if (::fsync(dst.get()) != 0) {
        const int error = errno;
        return failed({kDiskCopierCannotFlush(job.part, errnoText(error)), isNoSpace(error)});
    }
    // The clone's data is on disk; keep the page cache for the golden, which the
    // next clone reads again.
    ::posix_fadvise(dst.get(), 0, 0, POSIX_FADV_DONTNEED);
    if (dst.close() != 0) {
        const int error = errno;
        return failed({kDiskCopierCannotClose(job.part, errnoText(error)), isNoSpace(error)});
    }
    if (const int error = renameNoReplace(part, native(job.destination)); error != 0) {
        ::unlink(part.constData());
        return Failure{kDiskCopierCannotRenameWhy(job.part, job.destination, errnoText(error))};
    }
    syncFolder(QFileInfo(job.destination).absolutePath());
    log::clone()->debug("copied {} -> {} ({} of data, {})", job.source, job.destination,
                        sizeText(job.dataBytes), method);
    return std::nullopt;
}

void removeFile(const QString &path) {
    ::unlink(native(path).constData());
}

#else // Portable fallback (Windows is a future host): whole-file copy through QFile.

struct Job {
    QString source;
    QString destination;
    QString part;
    qint64 size = 0;
    qint64 dataBytes = 0;
};

Status prepare(Job &job) {
    const QFileInfo source(job.source);
    if (!source.exists())
        return fail(kDiskCopierSourceMissing(job.source));
    if (!source.isFile())
        return fail(kDiskCopierSourceNotRegular(job.source));
    job.size = job.dataBytes = source.size();
    if (QFileInfo::exists(job.destination))
        return fail(kDiskCopierDestinationExists(job.destination));
    const QFileInfo folder(QFileInfo(job.destination).absolutePath());
    if (!folder.isDir())
        return fail(kDiskCopierNoDestinationFolder(folder.absoluteFilePath()));
    return {};
}

bool syncToDisk(QFile &file) {
    if (!file.flush())
        return false;
#if defined(Q_OS_WIN)
    return ::_commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

std::optional<Failure> copyJob(Job &job, qint64 chunk, const std::atomic_bool *cancel,
                               ProgressMeter &meter) {
    QFile in(job.source);
    if (!in.open(QIODevice::ReadOnly))
        return Failure{kDiskCopierCannotOpenSource(job.source, in.errorString())};
    if (QFileInfo::exists(job.part))
        return Failure{kDiskCopierPartExists(job.part, job.destination)};
    QFile out(job.part);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Failure{kDiskCopierCannotCreatePart(
            job.part, QFileInfo(job.destination).absolutePath(), out.errorString())};
    auto failed = [&](QString message) {
        out.close();
        QFile::remove(job.part);
        return std::optional<Failure>(Failure{std::move(message), false});
    };
    QByteArray buffer(static_cast<int>(std::min<qint64>(chunk, 4 * kMiB)), Qt::Uninitialized);
    while (!in.atEnd()) {
        if (cancelled(cancel))
            return failed(kDiskCopierCancelled(job.source, job.destination));
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n < 0)
            return failed(kDiskCopierCannotRead(job.source, in.errorString()));
        if (out.write(buffer.constData(), n) != n)
            return failed(kDiskCopierCannotWrite(job.part, out.errorString()));
        meter.add(n);
    }
    if (!syncToDisk(out))
        return failed(kDiskCopierCannotFlush(job.part, out.errorString()));
    out.close();
    // QFile::rename never replaces an existing file.
    if (!QFile::rename(job.part, job.destination)) {
        QFile::remove(job.part);
        return Failure{kDiskCopierCannotRename(job.part, job.destination)};
    }
    return std::nullopt;
}

void removeFile(const QString &path) {
    QFile::remove(path);
}

#endif

// Adds what the operator needs to decide: how much the job needs where, and how much
// is free there now that the partial files are gone.
QString withSpaceHint(const QString &message, const std::vector<Job> &jobs, const Job &failed) {
    const QString folder = QFileInfo(failed.destination).absolutePath();
    const QStorageInfo storage(folder);
    qint64 needed = 0;
    for (const Job &job : jobs) {
        if (QStorageInfo(QFileInfo(job.destination).absolutePath()).rootPath()
            == storage.rootPath())
            needed += job.dataBytes;
    }
    return kDiskCopierNoSpaceHint(message, folder, sizeText(needed),
                                  sizeText(storage.bytesAvailable()));
}

} // namespace

Status DiskCopier::copyFile(const QString &source, const QString &destination,
                            const std::atomic_bool *cancel, const Progress &progress) {
    return copyFiles({{source, destination}}, cancel, progress);
}

Status DiskCopier::copyFiles(const QList<QPair<QString, QString>> &sourceToDestination,
                             const std::atomic_bool *cancel, const Progress &progress) {
    std::vector<Job> jobs;
    jobs.reserve(static_cast<size_t>(sourceToDestination.size()));
    QSet<QString> destinations;
    for (const auto &[source, destination] : sourceToDestination) {
        if (source.isEmpty() || destination.isEmpty())
            return fail(kDiskCopierBothPaths(source, destination));
        const QString absolute = QFileInfo(destination).absoluteFilePath();
        if (destinations.contains(absolute))
            return fail(kDiskCopierNamedTwice(destination));
        destinations.insert(absolute);
        Job job;
        job.source = source;
        job.destination = absolute;
        job.part = absolute + partSuffix();
        if (Status ok = prepare(job); !ok)
            return ok;
        jobs.push_back(std::move(job));
    }

    qint64 total = 0;
    for (const Job &job : jobs)
        total += job.dataBytes;
    ProgressMeter meter(total, progress);
    const qint64 chunk = chunkSizeFor(total);
    QElapsedTimer timer;
    timer.start();

    for (size_t i = 0; i < jobs.size(); ++i) {
        if (auto failure = copyJob(jobs[i], chunk, cancel, meter)) {
            // All or nothing: the files this call already finished go as well.
            for (size_t done = 0; done < i; ++done)
                removeFile(jobs[done].destination);
            const QString message = failure->noSpace
                                        ? withSpaceHint(failure->message, jobs, jobs[i])
                                        : failure->message;
            log::clone()->warn("{}", failureText(message));
            return fail(message);
        }
    }
    meter.finish();
    log::clone()->info("{}", LogText::tr("copied %n file(s), %1 of data, in %2 ms", nullptr,
                                         static_cast<int>(jobs.size()))
                                 .arg(sizeText(total))
                                 .arg(timer.elapsed()));
    return {};
}

Expected<qint64> DiskCopier::dataBytes(const QString &source) {
#if defined(Q_OS_LINUX)
    Fd fd(::open(native(source).constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!fd.valid())
        return fail(kDiskCopierCannotOpenSource(source, errnoText(errno)));
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return fail(kDiskCopierSourceNotRegular(source));
    auto extents = dataExtents(fd.get(), st.st_size, source);
    if (!extents)
        return fail(extents.error());
    qint64 bytes = 0;
    for (const Extent &e : extents.value())
        bytes += e.length;
    return bytes;
#else
    const QFileInfo info(source);
    if (!info.isFile())
        return fail(kDiskCopierSourceNotRegular(source));
    return info.size();
#endif
}

} // namespace vmeclone
