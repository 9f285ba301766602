// DiskCopier against the tools an operator would use otherwise, on the same files in
// the same run: `cp --sparse=always` for a sparse golden, `dd bs=4M` for a dense one.
// Every side ends with the copy on disk (DiskCopier fsyncs; cp is followed by
// `sync FILE`, which fsyncs that file; dd runs with conv=fsync). The page cache is not
// dropped: baseline and vmeclone run alternately, three times each, and the medians
// are reported, so both see the same cache.
//
//   bench_disk_copy [--small] [FOLDER]
// prints one line per metric:
//   metric=<name> baseline=<s> vmeclone=<s> ratio=<vmeclone/baseline> bytes=<n> data_bytes=<n>

#include "clone/disk_copier.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr int kRuns = 3;

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "bench_disk_copy: %s\n", qPrintable(message));
    std::exit(1);
}

void run(const QString &program, const QStringList &arguments) {
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        die(u"%1 %2 failed: %3"_s.arg(program, arguments.join(u' '),
                                      QString::fromLocal8Bit(p.readAllStandardError())));
}

// Random bytes (zeros would let a zero-detecting copier cheat) at the given places of a
// file of `size` bytes, flushed so no copy pays for writing back its source.
void makeImage(const QString &path, qint64 size, qint64 chunk, qint64 stride) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) || !f.resize(size))
        die(u"cannot create %1: %2"_s.arg(path, f.errorString()));
    QByteArray bytes(chunk, Qt::Uninitialized);
    QRandomGenerator random(42);
    for (qint64 offset = 0; offset < size; offset += stride) {
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), chunk / 4);
        if (!f.seek(offset) || f.write(bytes) != chunk)
            die(u"cannot write %1: %2"_s.arg(path, f.errorString()));
    }
    f.flush();
    ::fsync(f.handle());
}

double seconds(const std::function<void()> &work) {
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e9;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void measure(const QString &metric, const QString &source, const QString &destination,
             const std::function<void()> &baseline) {
    std::vector<double> base;
    std::vector<double> ours;
    for (int i = 0; i < kRuns; ++i) {
        QFile::remove(destination);
        base.push_back(seconds(baseline));
        QFile::remove(destination);
        ours.push_back(seconds([&] {
            const Status status = DiskCopier::copyFile(source, destination);
            if (!status.ok())
                die(status.error());
        }));
        std::fprintf(stderr, "%s run %d: baseline %.3f s, vmeclone %.3f s\n", qPrintable(metric),
                     i + 1, base.back(), ours.back());
    }
    // The copy must be right for its time to mean anything.
    run(u"cmp"_s, {u"--quiet"_s, source, destination});
    QFile::remove(destination);

    const double b = median(base);
    const double v = median(ours);
    std::printf("metric=%s baseline=%.3f vmeclone=%.3f ratio=%.2f bytes=%lld data_bytes=%lld\n",
                qPrintable(metric), b, v, v / b, static_cast<long long>(QFile(source).size()),
                static_cast<long long>(DiskCopier::dataBytes(source).value()));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    const bool small = arguments.removeAll(u"--small"_s) > 0;
    if (arguments.size() > 1 || (arguments.size() == 1 && arguments[0].startsWith(u'-')))
        die(u"usage: bench_disk_copy [--small] [FOLDER]"_s);

    // A folder of its own, removed at the end, inside FOLDER (the shard to measure) or /tmp.
    std::optional<QTemporaryDir> temporary;
    if (arguments.isEmpty())
        temporary.emplace();
    else
        temporary.emplace(QDir(arguments[0]).filePath(u"bench_disk_copy-XXXXXX"_s));
    if (!temporary->isValid())
        die(u"cannot make a folder in %1: %2"_s.arg(arguments.value(0, QDir::tempPath()),
                                                    temporary->errorString()));
    const QString folder = temporary->path();
    const QDir dir(folder);

    // Sparse golden: a quarter data, in 8 MiB runs every 32 MiB (small: 1 MiB every 4 MiB).
    const qint64 sparseSize = small ? 64 * kMiB : 2048 * kMiB;
    const qint64 denseSize = small ? 32 * kMiB : 1024 * kMiB;
    const QString sparse = dir.filePath(u"golden-sparse.raw"_s);
    const QString dense = dir.filePath(u"golden-dense.raw"_s);
    makeImage(sparse, sparseSize, small ? kMiB : 8 * kMiB, small ? 4 * kMiB : 32 * kMiB);
    makeImage(dense, denseSize, 4 * kMiB, 4 * kMiB);

    const QString copy = dir.filePath(u"clone.raw"_s);
    measure(u"copy_sparse"_s, sparse, copy, [&] {
        run(u"cp"_s, {u"--sparse=always"_s, sparse, copy});
        run(u"sync"_s, {copy});
    });
    measure(u"copy_dense"_s, dense, copy, [&] {
        run(u"dd"_s,
            {u"if="_s + dense, u"of="_s + copy, u"bs=4M"_s, u"conv=fsync"_s, u"status=none"_s});
    });
    return 0;
}
