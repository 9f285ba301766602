// DiskCopier on real files made with qemu-img, on the real filesystems of this machine
// (ext4 for copy_file_range, tmpfs mounts for the read/write path, full disks and
// read-only folders).

#include "support/ci_skip.h"
#include "clone/disk_copier.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// QVERIFY2 builds its message even when the check passes, and error() is only valid
// on a failure.
template <typename E>
QByteArray why(const E &e) {
    return e.ok() ? QByteArray() : e.error().toLocal8Bit();
}
#define QVERIFY_OK(e) QVERIFY2((e).ok(), why(e).constData())

constexpr qint64 kKiB = 1024;
constexpr qint64 kMiB = 1024 * kKiB;
constexpr qint64 kGiB = 1024 * kMiB;

// (offset, length) pairs written with random bytes into an otherwise empty raw image.
using Writes = QList<QPair<qint64, qint64>>;

QString makeRaw(const QString &path, qint64 size) {
    QProcess p;
    p.start(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, path, QString::number(size)});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return u"qemu-img create %1 failed: %2"_s.arg(
            path, QString::fromLocal8Bit(p.readAllStandardError()));
    return {};
}

QString writeData(const QString &path, const Writes &writes, quint32 seed = 1) {
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return f.errorString();
    QRandomGenerator random(seed);
    for (const auto &[offset, length] : writes) {
        QByteArray bytes(length, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), length / 4);
        for (qint64 i = length / 4 * 4; i < length; ++i)
            bytes[i] = 'x';
        if (!f.seek(offset) || f.write(bytes) != length)
            return f.errorString();
    }
    return {};
}

// Bytes the filesystem has allocated for the file.
qint64 allocated(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return qint64(st.st_blocks) * 512;
}

QByteArray md5(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Md5);
    hash.addData(&f);
    return hash.result().toHex();
}

// Empty when both files hold the same bytes, else where they first differ.
QString difference(const QString &a, const QString &b) {
    QFile fa(a), fb(b);
    if (!fa.open(QIODevice::ReadOnly) || !fb.open(QIODevice::ReadOnly))
        return u"cannot open %1 or %2"_s.arg(a, b);
    if (fa.size() != fb.size())
        return u"sizes differ: %1 vs %2"_s.arg(fa.size()).arg(fb.size());
    for (qint64 offset = 0;; offset += 8 * kMiB) {
        const QByteArray x = fa.read(8 * kMiB);
        const QByteArray y = fb.read(8 * kMiB);
        if (x != y)
            return u"contents differ in the 8 MiB block at offset %1"_s.arg(offset);
        if (x.isEmpty())
            return {};
    }
}

bool noPartFiles(const QString &folder) {
    return QDir(folder).entryList({u"*.part"_s}, QDir::Files | QDir::Hidden).isEmpty();
}

// A tmpfs of its own: a real second filesystem (copy_file_range cannot cross into it),
// one that can run full, or one that is read-only. Needs root; tests skip without it.
class TmpfsMount {
public:
    explicit TmpfsMount(const char *size) {
        const QByteArray options = QByteArray("size=") + size + ",mode=0755";
        if (::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs",
                    MS_NOSUID | MS_NODEV, options.constData())
            == 0)
            m_mounted = true;
        else
            m_error = qt_error_string(errno);
    }
    ~TmpfsMount() {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
    }
    bool remountReadOnly() {
        return ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs",
                       MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr)
               == 0;
    }
    bool mounted() const { return m_mounted; }
    QString error() const { return m_error; }
    QString path() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_error;
};

#define REQUIRE_MOUNT(m)                                                                           \
    if (!(m).mounted())                                                                            \
    VMECLONE_SKIP_UNLESS_CI(qPrintable(u"cannot mount a tmpfs here (needs root): "_s + (m).error()))

struct ProgressLog {
    QList<QPair<qint64, qint64>> calls;
    DiskCopier::Progress callback() {
        return [this](qint64 done, qint64 total) {
            calls.append({done, total});
        };
    }
};

} // namespace

class TestDiskCopier : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (QStandardPaths::findExecutable(u"qemu-img"_s).isEmpty())
            VMECLONE_SKIP_UNLESS_CI("qemu-img is needed to make test images: install qemu-utils");
    }

    void copiesSparseImage_data() {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<Writes>("writes");
        QTest::newRow("empty file") << qint64(0) << Writes{};
        QTest::newRow("all hole") << 4 * kMiB << Writes{};
        QTest::newRow("one block at start") << 4 * kMiB << Writes{{0, 4 * kKiB}};
        QTest::newRow("data at a few offsets") << 64 * kMiB
                                               << Writes{{0, 64 * kKiB},
                                                         {3 * kMiB, 1 * kMiB},
                                                         {17 * kMiB + 4 * kKiB, 300 * kKiB},
                                                         {40 * kMiB, 8 * kMiB},
                                                         {64 * kMiB - 4 * kKiB, 4 * kKiB}};
        QTest::newRow("dense") << 8 * kMiB << Writes{{0, 8 * kMiB}};
        QTest::newRow("size not a block multiple")
            << 3 * kMiB + 7 << Writes{{kMiB, 5}, {3 * kMiB, 7}};
    }

    void copiesSparseImage() {
        QFETCH(qint64, size);
        QFETCH(Writes, writes);
        QTemporaryDir dir;
        const QString source = dir.filePath(u"golden.raw"_s);
        const QString copy = dir.filePath(u"clone.raw"_s);
        QFile(source).open(QIODevice::WriteOnly);
        if (size > 0 && size % 512 == 0) {
            const QString error = makeRaw(source, size);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        } else {
            QVERIFY(QFile(source).resize(size));
        }
        const QString error = writeData(source, writes);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qint64 written = 0;
        for (const auto &w : writes)
            written += w.second;
        const QByteArray sourceHash = md5(source);
        const QDateTime sourceTime = QFileInfo(source).lastModified();

        ProgressLog log;
        const Status status = DiskCopier::copyFile(source, copy, nullptr, log.callback());
        QVERIFY_OK(status);

        const QString diff = difference(source, copy);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // Holes stay holes: the copy allocates no more than the source (plus a block
        // of slack for the partial block at the end).
        QVERIFY2(
            allocated(copy) <= allocated(source) + 4 * kKiB,
            qPrintable(
                u"copy allocates %1, source %2"_s.arg(allocated(copy)).arg(allocated(source))));
        QCOMPARE(md5(source), sourceHash);
        QCOMPARE(QFileInfo(source).lastModified(), sourceTime);
        QVERIFY(noPartFiles(dir.path()));

        const auto data = DiskCopier::dataBytes(source);
        QVERIFY_OK(data);
        // qemu-img allocates the first block of a raw image (for its alignment probe);
        // the rest of the slack is block rounding of each write.
        QVERIFY(*data >= written);
        QVERIFY(*data <= written + qint64(writes.size() + 1) * 8 * kKiB);
        QVERIFY(!log.calls.isEmpty());
        QCOMPARE(log.calls.last(), qMakePair(*data, *data));
    }

    // The brief's reference case: a 2 GiB golden with a quarter of it data.
    void copiesLargeSparseImage() {
        QTemporaryDir dir;
        const QString source = dir.filePath(u"golden.raw"_s);
        const QString copy = dir.filePath(u"clone.raw"_s);
        QString error = makeRaw(source, 2 * kGiB);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Writes writes;
        for (qint64 offset = 0; offset < 2 * kGiB; offset += 32 * kMiB)
            writes.append({offset + 4 * kMiB, 8 * kMiB});
        error = writeData(source, writes, 7);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto data = DiskCopier::dataBytes(source);
        QVERIFY_OK(data);
        QVERIFY(*data >= 512 * kMiB && *data <= 512 * kMiB + 4 * kKiB); // + qemu-img's first block

        ProgressLog log;
        const Status status = DiskCopier::copyFile(source, copy, nullptr, log.callback());
        QVERIFY_OK(status);
        const QString diff = difference(source, copy);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY2(
            allocated(copy) <= allocated(source) + 64 * kKiB,
            qPrintable(
                u"copy allocates %1, source %2"_s.arg(allocated(copy)).arg(allocated(source))));
        QVERIFY(log.calls.size() <= 101);
        QCOMPARE(log.calls.last(), qMakePair(*data, *data));
    }

    // One progress call per percent at most, not one per chunk: 400 extents here.
    void progressIsThrottled() {
        QTemporaryDir dir;
        const QString source = dir.filePath(u"golden.raw"_s);
        QString error = makeRaw(source, 100 * kMiB);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Writes writes;
        for (qint64 i = 0; i < 400; ++i)
            writes.append({i * 256 * kKiB, 16 * kKiB});
        error = writeData(source, writes);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const qint64 total = 400 * 16 * kKiB;
        QCOMPARE(DiskCopier::dataBytes(source).value(), total);

        ProgressLog log;
        const Status status =
            DiskCopier::copyFile(source, dir.filePath(u"clone.raw"_s), nullptr, log.callback());
        QVERIFY_OK(status);
        QVERIFY2(log.calls.size() <= 101, qPrintable(QString::number(log.calls.size())));
        QVERIFY(log.calls.size() >= 50); // and it does report along the way
        qint64 previous = 0;
        for (const auto &[done, all] : log.calls) {
            QCOMPARE(all, total);
            QVERIFY(done > previous);
            QVERIFY(done * 100 / total > previous * 100 / total); // a new percent each time
            previous = done;
        }
        QCOMPARE(previous, total);
    }

    void cancelRemovesPartialFile_data() {
        QTest::addColumn<int>("cancelAtPercent");
        QTest::newRow("before the start") << 0;
        QTest::newRow("at 30 %") << 30;
    }

    void cancelRemovesPartialFile() {
        QFETCH(int, cancelAtPercent);
        QTemporaryDir dir;
        const QString source = dir.filePath(u"golden.raw"_s);
        const QString copy = dir.filePath(u"clone.raw"_s);
        QString error = makeRaw(source, 64 * kMiB);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = writeData(source, {{0, 64 * kMiB}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QByteArray sourceHash = md5(source);

        std::atomic_bool cancel = cancelAtPercent == 0;
        qint64 lastDone = 0;
        const Status status =
            DiskCopier::copyFile(source, copy, &cancel, [&](qint64 done, qint64 total) {
                lastDone = done;
                if (done * 100 >= total * cancelAtPercent)
                    cancel = true;
            });
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(u"cancelled"_s), qPrintable(status.error()));
        QVERIFY2(status.error().contains(copy), qPrintable(status.error()));
        QVERIFY(!QFileInfo::exists(copy));
        QVERIFY(noPartFiles(dir.path()));
        QVERIFY(lastDone < 64 * kMiB);
        if (cancelAtPercent > 0)
            QVERIFY(lastDone >= 64 * kMiB * cancelAtPercent / 100);
        QCOMPARE(md5(source), sourceHash);
    }

    void refusesExistingDestination() {
        QTemporaryDir dir;
        const QString source = dir.filePath(u"golden.raw"_s);
        const QString copy = dir.filePath(u"clone.raw"_s);
        QVERIFY(makeRaw(source, kMiB).isEmpty());
        QFile existing(copy);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
        existing.close();

        const Status status = DiskCopier::copyFile(source, copy);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(copy) && status.error().contains(u"exists"_s),
                 qPrintable(status.error()));
        QFile kept(copy);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("keep me"));
        QVERIFY(noPartFiles(dir.path()));
    }

    // A ".part" file is someone else's copy in flight (or an interrupted one): it is
    // neither used nor deleted.
    void refusesLeftoverPartFile() {
        QTemporaryDir dir;
        const QString source = dir.filePath(u"golden.raw"_s);
        const QString copy = dir.filePath(u"clone.raw"_s);
        QVERIFY(makeRaw(source, kMiB).isEmpty());
        QFile part(copy + DiskCopier::partSuffix());
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write("in flight");
        part.close();

        const Status status = DiskCopier::copyFile(source, copy);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(part.fileName()), qPrintable(status.error()));
        QVERIFY(!QFileInfo::exists(copy));
        QCOMPARE(QFileInfo(part.fileName()).size(), 9);
    }

    void badPathsAreNamed_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("named");
        QTest::newRow("missing source") << u"missing.raw"_s << u"clone.raw"_s << u"missing.raw"_s;
        QTest::newRow("source is a folder") << u"folder"_s << u"clone.raw"_s << u"folder"_s;
        QTest::newRow("missing destination folder")
            << u"golden.raw"_s << u"nowhere/clone.raw"_s << u"nowhere"_s;
        QTest::newRow("empty destination") << u"golden.raw"_s << QString() << u"golden.raw"_s;
    }

    void badPathsAreNamed() {
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(QString, named);
        QTemporaryDir dir;
        QVERIFY(makeRaw(dir.filePath(u"golden.raw"_s), kMiB).isEmpty());
        QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
        const Status status = DiskCopier::copyFile(
            dir.filePath(source), destination.isEmpty() ? QString() : dir.filePath(destination));
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(dir.filePath(named)), qPrintable(status.error()));
        QVERIFY(noPartFiles(dir.path()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"golden.raw"_s});
    }

    void readOnlyDestinationFolderIsNamed() {
        QTemporaryDir dir;
        const QString source = dir.filePath(u"golden.raw"_s);
        QVERIFY(makeRaw(source, kMiB).isEmpty());
        QVERIFY(writeData(source, {{0, 4 * kKiB}}).isEmpty());
        // Root ignores mode bits, so as root the folder is a read-only mount instead.
        TmpfsMount mount("1m");
        QString folder;
        QDir(dir.path()).mkdir(u"locked"_s);
        if (::geteuid() == 0) {
            REQUIRE_MOUNT(mount);
            QVERIFY(mount.remountReadOnly());
            folder = mount.path();
        } else {
            folder = dir.filePath(u"locked"_s);
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        }
        const QString copy = folder + u"/clone.raw"_s;
        const Status status = DiskCopier::copyFile(source, copy);
        QFile::setPermissions(dir.filePath(u"locked"_s),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(u"folder "_s + folder), qPrintable(status.error()));
        QVERIFY(!QFileInfo::exists(copy));
    }

    // The source is opened read-only: a golden on a read-only filesystem copies fine.
    void copiesFromReadOnlyFilesystem() {
        TmpfsMount mount("16m");
        REQUIRE_MOUNT(mount);
        const QString source = mount.file(u"golden.raw"_s);
        QVERIFY(makeRaw(source, 8 * kMiB).isEmpty());
        QVERIFY(writeData(source, {{kMiB, 2 * kMiB}}).isEmpty());
        QVERIFY(mount.remountReadOnly());
        QTemporaryDir dir;
        const QString copy = dir.filePath(u"clone.raw"_s);
        const Status status = DiskCopier::copyFile(source, copy);
        QVERIFY_OK(status);
        const QString diff = difference(source, copy);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // ext4 to tmpfs: copy_file_range refuses to cross filesystems, the read/write path
    // takes over and must keep holes too.
    void copiesAcrossFilesystems() {
        TmpfsMount mount("64m");
        REQUIRE_MOUNT(mount);
        QTemporaryDir dir;
        const QString source = dir.filePath(u"golden.raw"_s);
        QVERIFY(makeRaw(source, 256 * kMiB).isEmpty());
        QVERIFY(writeData(source, {{0, 4 * kMiB},
                                   {100 * kMiB, 5 * kMiB + 3 * kKiB},
                                   {256 * kMiB - 8 * kKiB, 8 * kKiB}})
                    .isEmpty());
        const QString copy = mount.file(u"clone.raw"_s);
        ProgressLog log;
        const Status status = DiskCopier::copyFile(source, copy, nullptr, log.callback());
        QVERIFY_OK(status);
        const QString diff = difference(source, copy);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY2(
            allocated(copy) <= allocated(source) + 64 * kKiB,
            qPrintable(
                u"copy allocates %1, source %2"_s.arg(allocated(copy)).arg(allocated(source))));
        QCOMPARE(log.calls.last().first, DiskCopier::dataBytes(source).value());
    }

    // On a filesystem with reflinks the copy shares the golden's blocks: it costs no
    // space at all. btrfs on a loop device stands in for the XFS/btrfs shards of users.
    void reflinksWhereTheFilesystemCan() {
        const QString mkfs =
            QStandardPaths::findExecutable(u"mkfs.btrfs"_s, {u"/usr/sbin"_s, u"/sbin"_s});
        if (mkfs.isEmpty())
            VMECLONE_SKIP_UNLESS_CI("mkfs.btrfs not found (install btrfs-progs): the reflink path is not tested");
        QTemporaryDir dir;
        const QString image = dir.filePath(u"btrfs.img"_s);
        QFile file(image);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.resize(300 * kMiB));
        file.close();
        QProcess p;
        p.start(mkfs, {u"-q"_s, image});
        QVERIFY(p.waitForFinished(60000) && p.exitCode() == 0);
        const QString folder = dir.filePath(u"shard"_s);
        QVERIFY(QDir().mkdir(folder));
        p.start(u"mount"_s, {u"-o"_s, u"loop"_s, image, folder});
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            VMECLONE_SKIP_UNLESS_CI(qPrintable(u"cannot mount a loop device here (needs root): "_s
                             + QString::fromLocal8Bit(p.readAllStandardError())));
        const auto unmount =
            qScopeGuard([&] { ::umount2(QFile::encodeName(folder).constData(), MNT_DETACH); });
        const QString source = folder + u"/golden.raw"_s;
        QVERIFY(QFile(source).open(QIODevice::WriteOnly));
        QVERIFY(writeData(source, {{0, 64 * kMiB}}).isEmpty());
        auto settledFree = [&] {
            const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
            ::syncfs(fd);
            ::close(fd);
            return QStorageInfo(folder).bytesAvailable();
        };
        const qint64 freeBefore = settledFree();

        ProgressLog log;
        const QString copy = folder + u"/clone.raw"_s;
        const Status status = DiskCopier::copyFile(source, copy, nullptr, log.callback());
        QVERIFY_OK(status);
        const QString diff = difference(source, copy);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const qint64 used = freeBefore - settledFree();
        QVERIFY2(used < 8 * kMiB, qPrintable(u"the copy used %1 bytes"_s.arg(used)));
        QCOMPARE(log.calls.last(), qMakePair(64 * kMiB, 64 * kMiB));
    }

    void fullShardIsExplained_data() {
        QTest::addColumn<bool>("sourceOnShard");
        // ext4 -> tmpfs runs out in pwrite; tmpfs -> same tmpfs in copy_file_range.
        QTest::newRow("read/write path") << false;
        QTest::newRow("copy_file_range path") << true;
    }

    void fullShardIsExplained() {
        QFETCH(bool, sourceOnShard);
        TmpfsMount mount(sourceOnShard ? "24m" : "8m");
        REQUIRE_MOUNT(mount);
        QTemporaryDir dir;
        const QString source =
            sourceOnShard ? mount.file(u"golden.raw"_s) : dir.filePath(u"golden.raw"_s);
        QVERIFY(makeRaw(source, 16 * kMiB).isEmpty());
        QVERIFY(writeData(source, {{0, 16 * kMiB}}).isEmpty());
        const qint64 freeBefore = QStorageInfo(mount.path()).bytesAvailable();
        QVERIFY(freeBefore < 16 * kMiB);

        const QString copy = mount.file(u"clone.raw"_s);
        const Status status = DiskCopier::copyFile(source, copy);
        QVERIFY(!status.ok());
        const QString expected = u"shard %1: needs 16.0 MiB, "_s.arg(mount.path());
        QVERIFY2(status.error().contains(expected), qPrintable(status.error()));
        QVERIFY2(status.error().contains(u"MiB free"_s), qPrintable(status.error()));
        QVERIFY2(status.error().contains(qt_error_string(ENOSPC)), qPrintable(status.error()));
        QVERIFY(!QFileInfo::exists(copy));
        QVERIFY(noPartFiles(mount.path()));
        QCOMPARE(QStorageInfo(mount.path()).bytesAvailable(), freeBefore);
    }

    void copiesSeveralFilesAsOneJob() {
        QTemporaryDir dir;
        QList<QPair<QString, QString>> files;
        const QList<Writes> layouts = {
            {{0, 3 * kMiB}}, {}, {{kMiB, 64 * kKiB}, {20 * kMiB, 2 * kMiB}}};
        qint64 total = 0;
        for (int i = 0; i < layouts.size(); ++i) {
            const QString source = dir.filePath(u"golden-s%1.vmdk"_s.arg(i + 1));
            QVERIFY(makeRaw(source, 32 * kMiB).isEmpty());
            QVERIFY(writeData(source, layouts[i], quint32(i)).isEmpty());
            total += DiskCopier::dataBytes(source).value();
            files.append({source, dir.filePath(u"clone-s%1.vmdk"_s.arg(i + 1))});
        }
        ProgressLog log;
        const Status status = DiskCopier::copyFiles(files, nullptr, log.callback());
        QVERIFY_OK(status);
        for (const auto &[source, copy] : files) {
            const QString diff = difference(source, copy);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        for (const auto &call : log.calls)
            QCOMPARE(call.second, total);
        QCOMPARE(log.calls.last().first, total);
    }

    // A failure in the second file takes the finished first one away too.
    void severalFilesAreAllOrNothing() {
        QTemporaryDir dir;
        const QString first = dir.filePath(u"golden-s1.raw"_s);
        const QString second = dir.filePath(u"golden-s2.raw"_s);
        QVERIFY(makeRaw(first, 8 * kMiB).isEmpty());
        QVERIFY(writeData(first, {{0, 8 * kMiB}}).isEmpty());
        QVERIFY(makeRaw(second, 24 * kMiB).isEmpty());
        QVERIFY(writeData(second, {{0, 24 * kMiB}}).isEmpty());
        const QList<QPair<QString, QString>> files = {{first, dir.filePath(u"clone-s1.raw"_s)},
                                                      {second, dir.filePath(u"clone-s2.raw"_s)}};
        std::atomic_bool cancel = false;
        bool firstWasDone = false;
        const Status status = DiskCopier::copyFiles(files, &cancel, [&](qint64 done, qint64 total) {
            firstWasDone = QFileInfo::exists(files[0].second);
            if (done * 100 >= total * 70)
                cancel = true;
        });
        QVERIFY(!status.ok());
        QVERIFY(firstWasDone); // the cancel hit the second file
        QVERIFY(!QFileInfo::exists(files[0].second));
        QVERIFY(!QFileInfo::exists(files[1].second));
        QVERIFY(noPartFiles(dir.path()));
    }

    void severalFilesAreCheckedBeforeCopying() {
        QTemporaryDir dir;
        const QString source = dir.filePath(u"golden.raw"_s);
        QVERIFY(makeRaw(source, kMiB).isEmpty());
        const QString taken = dir.filePath(u"taken.raw"_s);
        QVERIFY(QFile(taken).open(QIODevice::WriteOnly));
        const QString fresh = dir.filePath(u"fresh.raw"_s);

        Status status = DiskCopier::copyFiles({{source, fresh}, {source, taken}});
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(taken), qPrintable(status.error()));
        QVERIFY(!QFileInfo::exists(fresh)); // nothing was written before the check

        status = DiskCopier::copyFiles({{source, fresh}, {source, fresh}});
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(u"twice"_s), qPrintable(status.error()));
        QVERIFY(!QFileInfo::exists(fresh));
    }
};

QTEST_GUILESS_MAIN(TestDiskCopier)
#include "tst_disk_copier.moc"
