// Batch create and release against the plain tools, on the same golden in the same run:
//   linked clone of 78 VMs (177-254) to "configured, ready to start"
//       baseline: 78 sequential `qemu-img create -f qcow2 -F qcow2 -b GOLDEN`
//   release of those 78 (not started, so nothing to stop)
//       baseline: `rm -rf` of 78 folders holding the same files
// Each side runs three times, alternating; the medians are printed as
//   metric=<name> baseline=<s> vmeclone=<s> ratio=<vmeclone/baseline> vms=<n>
//
//   bench_clone_batch [--small | --vms N] [FOLDER]
//       --small: 12 VMs, for CI; --vms N: N VMs (up to 4,000) on a /16, e.g. 1000

#include "engine/engine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "bench_clone_batch: %s\n", qPrintable(message));
    std::exit(1);
}

void run(const QString &program, const QStringList &arguments) {
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        die(u"%1 %2 failed: %3"_s.arg(program, arguments.join(u' '),
                                      QString::fromLocal8Bit(p.readAllStandardError())));
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void print(const char *metric, double baseline, double ours, int vms) {
    std::printf("metric=%s baseline=%.4f vmeclone=%.4f ratio=%.3f vms=%d\n", metric, baseline, ours,
                baseline > 0 ? ours / baseline : 0.0, vms);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool small = args.removeAll(u"--small"_s) > 0;
    int vms = small ? 12 : 78;
    if (const int at = args.indexOf(u"--vms"_s); at >= 0 && at + 1 < args.size()) {
        vms = args.at(at + 1).toInt();
        args.remove(at, 2);
        if (vms < 1 || vms > 4000)
            die(u"--vms takes 1 to 4000"_s);
    }
    QTemporaryDir tmp(args.isEmpty() ? QDir::tempPath() + u"/bench-clone-XXXXXX"_s
                                     : args.first() + u"/bench-clone-XXXXXX"_s);
    if (!tmp.isValid())
        die(u"cannot make a scratch folder"_s);
    // Up to 78 VMs: 177-254 of a /24, as operators type it; more: 10.20.1.0 onwards on a /16.
    const bool wide = vms > 78;
    const QString subnet = wide ? u"10.20.0.0/16"_s : u"192.168.1.0/24"_s;
    const auto nth = [wide](int i) {
        return wide ? u"10.20.%1.%2"_s.arg(1 + i / 256).arg(i % 256) : QString::number(177 + i);
    };
    const int count = vms;
    const QString range = nth(0) + u"-"_s + nth(count - 1);

    // A golden with some data: a linked clone's cost must not depend on it.
    const QString golden = tmp.filePath(u"golden/disk.qcow2"_s);
    QDir().mkpath(tmp.filePath(u"golden"_s));
    run(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, golden, u"1G"_s});
    run(u"qemu-io"_s, {u"-c"_s, u"write -P 0x5a 0 64M"_s, golden});
    {
        QFile json(tmp.filePath(u"golden/bench.json"_s));
        if (!json.open(QIODevice::WriteOnly))
            die(u"cannot write the machine description"_s);
        json.write(
            R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "bench", "memory_mb": 64,
                       "disk": "disk.qcow2", "disk_format": "qcow2", "suffix": 176, "subnet": ")"
            + subnet.toUtf8() + R"("})");
    }

    std::vector<double> baseClone, ourClone, baseRelease, ourRelease;
    for (int round = 0; round < 3; ++round) {
        // Baseline: the same overlays with qemu-img, one after the other, then rm -rf.
        const QString plain = tmp.filePath(u"plain-%1"_s.arg(round));
        QDir().mkpath(plain);
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < count; ++i) {
            const QString folder = plain + u"/vm%1"_s.arg(i);
            QDir().mkdir(folder);
            run(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"qcow2"_s,
                                u"-b"_s, golden, folder + u"/vm%1.qcow2"_s.arg(i)});
        }
        baseClone.push_back(t.nsecsElapsed() / 1e9);
        t.restart();
        run(u"rm"_s, {u"-rf"_s, plain});
        baseRelease.push_back(t.nsecsElapsed() / 1e9);

        // vmeclone: plan, reserve, link, configure; then release.
        EngineConfig config;
        config.home = tmp.filePath(u"home-%1"_s.arg(round));
        config.parallelism = 2;
        Engine engine(config);
        if (auto s = engine.open(); !s)
            die(s.error());
        for (const auto &shard : {u"shard-a"_s, u"shard-b"_s, u"shard-c"_s}) {
            const QString dir = tmp.filePath(shard + QString::number(round));
            QDir().mkpath(dir);
            if (auto s = engine.addShard(dir, 1.0); !s)
                die(s.error());
        }
        GoldenSpec spec;
        spec.path = tmp.filePath(u"golden/bench.json"_s);
        if (auto g = engine.addGolden(spec); !g)
            die(g.error());
        CloneOptions options;
        options.start = false;
        t.restart();
        auto plan = engine.plan(options, range);
        if (!plan || !plan->refused.isEmpty())
            die(plan ? plan->refusalSummary : plan.error());
        const double planned = t.nsecsElapsed() / 1e9;
        const BatchResult made = engine.clone(*plan, options, nullptr);
        std::fprintf(stderr, "plan %.3f s, clone %.3f s\n", planned,
                     t.nsecsElapsed() / 1e9 - planned);
        ourClone.push_back(t.nsecsElapsed() / 1e9);
        if (!made.ok())
            die(u"clone failed: %1"_s.arg(made.outcomes.isEmpty() ? QString()
                                                                  : made.outcomes.first().message));
        auto rows = engine.inventory().vms();
        if (!rows || rows->size() != count)
            die(u"expected %1 VMs"_s.arg(count));
        t.restart();
        const BatchResult released = engine.release(*rows);
        ourRelease.push_back(t.nsecsElapsed() / 1e9);
        if (!released.ok())
            die(u"release failed"_s);
    }
    print("linked_clone_batch", median(baseClone), median(ourClone), count);
    print("release_batch", median(baseRelease), median(ourRelease), count);
    return 0;
}
