// VMDK linked clones: the cost of one must not grow with the size of the golden. N clones
// of a 1 GiB and of a 64 GiB monolithicSparse golden (made by qemu-img, a little data
// written), alternately, three rounds each; the medians per clone are reported, the 1 GiB
// time as the baseline and 64 GiB / 1 GiB as the ratio (goal: at most 2). Also against
// what an operator would run otherwise, `qemu-img create -f vmdk -b golden -F vmdk`, on
// the 64 GiB golden. Every clone ends on disk (fsynced), as vmeclone leaves it.
//
//   bench_vmdk_linked [--small] [FOLDER]
// prints:
//   metric=vmdk_linked_clone_64g_vs_1g baseline=<s> vmeclone=<s> ratio=<64g/1g> clones=N
//       child_bytes_1g=<n> child_allocated_1g=<n> child_bytes_64g=<n> child_allocated_64g=<n>
//   metric=vmdk_linked_clone_vs_qemu_img baseline=<s> vmeclone=<s> ratio=<vmeclone/qemu-img>

#include "vmdk/vmdk_cloner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <sys/stat.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

constexpr qint64 kGiB = 1024LL * 1024 * 1024;
constexpr int kRounds = 3;

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "bench_vmdk_linked: %s\n", qPrintable(message));
    std::exit(1);
}

void run(const QString &program, const QStringList &arguments) {
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        die(u"%1 %2 failed: %3"_s.arg(program, arguments.join(u' '),
                                      QString::fromLocal8Bit(p.readAllStandardError())));
}

QString makeGolden(const QDir &dir, const QString &name, qint64 size) {
    QDir().mkpath(dir.filePath(name));
    const QString path = dir.filePath(name + u"/golden.vmdk"_s);
    run(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"vmdk"_s, path, QString::number(size)});
    run(u"qemu-io"_s, {u"-f"_s, u"vmdk"_s, u"-c"_s, u"write -P 0x5a 1M 4M"_s, path});
    return path;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Seconds per clone for `n` clones made by `make(folder, index)` into a fresh folder.
double perClone(const QString &folder, int n, const std::function<void(int)> &make) {
    QDir(folder).removeRecursively();
    QDir().mkpath(folder);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i)
        make(i);
    return double(timer.nsecsElapsed()) / 1e9 / n;
}

qint64 allocated(const QString &path) {
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.st_blocks) * 512 : -1;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    const bool small = arguments.removeAll(u"--small"_s) > 0;
    if (arguments.size() > 1 || (arguments.size() == 1 && arguments[0].startsWith(u'-')))
        die(u"usage: bench_vmdk_linked [--small] [FOLDER]"_s);
    std::optional<QTemporaryDir> temporary;
    if (arguments.isEmpty())
        temporary.emplace();
    else
        temporary.emplace(QDir(arguments[0]).filePath(u"bench_vmdk_linked-XXXXXX"_s));
    if (!temporary->isValid())
        die(u"cannot make a folder in %1: %2"_s.arg(arguments.value(0, QDir::tempPath()),
                                                    temporary->errorString()));
    const QDir dir(temporary->path());
    const int n = small ? 5 : 50;

    const QString small1g = makeGolden(dir, u"golden-1g"_s, kGiB);
    const QString big64g = makeGolden(dir, u"golden-64g"_s, 64 * kGiB);
    const QString clones = dir.filePath(u"clones"_s);

    auto ours = [&](const QString &golden) {
        return [&, golden](int i) {
            const auto r = VmdkCloner::linkedClone(golden, clones, u"vm%1"_s.arg(i));
            if (!r.ok())
                die(r.error());
        };
    };
    auto qemuImg = [&](int i) {
        const QString child = QDir(clones).filePath(u"vm%1.vmdk"_s.arg(i));
        run(u"qemu-img"_s,
            {u"create"_s, u"-q"_s, u"-f"_s, u"vmdk"_s, u"-b"_s, big64g, u"-F"_s, u"vmdk"_s, child});
        run(u"sync"_s, {child});
    };

    std::vector<double> t1, t64, tq;
    for (int round = 0; round < kRounds; ++round) {
        t1.push_back(perClone(clones, n, ours(small1g)));
        t64.push_back(perClone(clones, n, ours(big64g)));
        tq.push_back(perClone(clones, n, qemuImg));
        std::fprintf(stderr,
                     "round %d: 1 GiB %.6f s, 64 GiB %.6f s, qemu-img 64 GiB %.6f s per clone\n",
                     round + 1, t1.back(), t64.back(), tq.back());
    }

    // The children themselves: their length (pre-allocated tables) and what they use.
    QDir(clones).removeRecursively();
    QDir().mkpath(clones);
    const auto child1 = VmdkCloner::linkedClone(small1g, clones, u"size-1g"_s);
    const auto child64 = VmdkCloner::linkedClone(big64g, clones, u"size-64g"_s);
    if (!child1.ok() || !child64.ok())
        die(child1.ok() ? child64.error() : child1.error());
    const QString p1 = child1->descriptorPath;
    const QString p64 = child64->descriptorPath;

    const double b = median(t1);
    const double v = median(t64);
    const double q = median(tq);
    std::printf("metric=vmdk_linked_clone_64g_vs_1g baseline=%.6f vmeclone=%.6f ratio=%.2f "
                "clones=%d child_bytes_1g=%lld child_allocated_1g=%lld child_bytes_64g=%lld "
                "child_allocated_64g=%lld\n",
                b, v, v / b, n, static_cast<long long>(QFileInfo(p1).size()),
                static_cast<long long>(allocated(p1)),
                static_cast<long long>(QFileInfo(p64).size()),
                static_cast<long long>(allocated(p64)));
    std::printf("metric=vmdk_linked_clone_vs_qemu_img baseline=%.6f vmeclone=%.6f ratio=%.2f "
                "clones=%d size=64GiB\n",
                q, v, v / q, n);
    std::fflush(stdout);
    return 0;
}
