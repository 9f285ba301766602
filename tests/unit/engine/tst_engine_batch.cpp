// Engine::clone as a batch on its own pool (parallelism 4), without starting anything:
// every VM moves planned -> copying -> configured in that order; a VM whose shard fills
// up mid-copy is rolled back (no row, no files) while the rest of the batch goes on; a
// cancelled batch leaves only complete VMs; the golden is never written. Real qcow2 disks
// made by qemu-img, a real SQLite inventory, a real size-limited tmpfs as the full shard.
// The threads make this the engine's test under ThreadSanitizer too.

#include "engine/engine.h"
#include "inventory/inventory.h"
#include "support/ci_skip.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <map>
#include <sched.h>
#include <sys/mount.h>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

constexpr int kParallelism = 4;

// What the observer saw, per VM, from the pool's threads.
class EventLog {
public:
    void add(const BatchEvent &e) {
        const QMutexLocker lock(&m_mutex);
        m_states[e.name].append(e.state);
        if (e.state == VmState::Copying)
            m_progress[e.name].append(e.progress);
    }
    QList<VmState> statesOf(const QString &name) const {
        const QMutexLocker lock(&m_mutex);
        return m_states.value(name);
    }
    QList<int> progressOf(const QString &name) const {
        const QMutexLocker lock(&m_mutex);
        return m_progress.value(name);
    }

private:
    mutable QMutex m_mutex;
    QHash<QString, QList<VmState>> m_states;
    QHash<QString, QList<int>> m_progress;
};

QByteArray sha256Of(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

} // namespace

class TstEngineBatch : public QObject {
    Q_OBJECT
public:
    explicit TstEngineBatch(bool privateMounts)
        : m_privateMounts(privateMounts) {}

private:
    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    // A fresh engine home with the golden and the given shards (created if missing).
    std::unique_ptr<Engine> engineWith(const QString &home, const QStringList &shards,
                                       const QString &subnet = u"192.168.1.0/24"_s) {
        EngineConfig config;
        config.home = path(home);
        config.parallelism = kParallelism;
        auto engine = std::make_unique<Engine>(config);
        if (auto s = engine->open(); !s) {
            qWarning("%s", qPrintable(s.error()));
            return {};
        }
        GoldenSpec spec;
        spec.path = m_golden;
        spec.suffix = 176;
        spec.subnet = subnet;
        if (auto g = engine->addGolden(spec); !g) {
            qWarning("%s", qPrintable(g.error()));
            return {};
        }
        for (const QString &shard : shards) {
            QDir().mkpath(shard);
            if (auto s = engine->addShard(shard, 1.0); !s) {
                qWarning("%s", qPrintable(s.error()));
                return {};
            }
        }
        return engine;
    }

    // Every VM of the batch is either complete (row configured, files there) or gone
    // without a trace (no row, no folder); returns the complete ones by name.
    QSet<QString> checkNothingHalfMade(Engine &engine, const ClonePlan &plan,
                                       const BatchResult &result) {
        QSet<QString> complete;
        const auto rows = engine.inventory().vms();
        if (!rows) {
            qWarning("%s", qPrintable(rows.error()));
            return {};
        }
        QHash<QString, VmRecord> byName;
        for (const auto &vm : *rows)
            byName.insert(vm.name, vm);
        QHash<Ipv4Address, BatchOutcome> outcomes;
        for (const auto &o : result.outcomes)
            outcomes.insert(o.address, o);
        for (const auto &item : plan.items) {
            const BatchOutcome o = outcomes.value(item.address);
            if (o.ok) {
                const VmRecord vm = byName.value(item.name);
                if (vm.state != VmState::Configured || vm.progress != 100
                    || vm.folder != item.folder
                    || !QFile::exists(item.folder + u"/machine.json"_s)) {
                    qWarning("%s reported done but is %s, %d%%, %s", qPrintable(item.name),
                             qPrintable(vmStateName(vm.state)), vm.progress, qPrintable(vm.folder));
                    return {};
                }
                complete.insert(item.name);
            } else if (byName.contains(item.name) || QFileInfo::exists(item.folder)) {
                qWarning("%s failed (%s) but left %s%s", qPrintable(item.name),
                         qPrintable(o.message), byName.contains(item.name) ? "its row " : "",
                         QFileInfo::exists(item.folder) ? "its folder" : "");
                return {};
            }
        }
        if (byName.size() != complete.size()) {
            qWarning("%lld rows for %lld complete VMs", qlonglong(byName.size()),
                     qlonglong(complete.size()));
            return {};
        }
        return complete;
    }

    // planned, then copying (progress never going back), then configured (done) or
    // released (rolled back).
    void checkTransitions(const EventLog &log, const QString &name, bool done) {
        const QList<VmState> states = log.statesOf(name);
        QVERIFY2(states.size() >= 2, qPrintable(name));
        QCOMPARE(states.first(), VmState::Planned);
        QCOMPARE(states.last(), done ? VmState::Configured : VmState::Released);
        for (qsizetype i = 1; i + 1 < states.size(); ++i)
            QCOMPARE(states[i], VmState::Copying);
        const QList<int> progress = log.progressOf(name);
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    }

    QTemporaryDir m_dir;
    QString m_golden;
    QString m_goldenDisk;
    QByteArray m_goldenHash;
    const bool m_privateMounts;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(u"golden"_s)));
        m_goldenDisk = path(u"golden/disk.qcow2"_s);
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   m_goldenDisk, u"64M"_s}),
                 0);
        // 8 MiB of data: a full clone copies that much, a linked one none of it.
        QCOMPARE(QProcess::execute(u"qemu-io"_s, {u"-c"_s, u"write -P 0x5a 0 8M"_s, m_goldenDisk}),
                 0);
        m_golden = path(u"golden/tiny.json"_s);
        QFile json(m_golden);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(
            R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny", "memory_mb": 64,
                       "disk": "disk.qcow2", "disk_format": "qcow2"})");
        json.close();
        m_goldenHash = sha256Of(m_goldenDisk);
        QVERIFY(!m_goldenHash.isEmpty());
    }

    void cleanupTestCase() {
        // Never written, whatever the batches did.
        QCOMPARE(sha256Of(m_goldenDisk), m_goldenHash);
    }

    void linkedBatchMovesEveryVmThroughItsStates() {
        auto engine = engineWith(u"home-linked"_s, {path(u"linked-a"_s), path(u"linked-b"_s)});
        QVERIFY(engine);
        CloneOptions options;
        options.start = false;
        const auto plan = engine->plan(options, u"177-188"_s);
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan->items.size(), 12);

        EventLog log;
        const BatchResult result =
            engine->clone(*plan, options, nullptr, [&log](const BatchEvent &e) { log.add(e); });
        QVERIFY2(result.ok(), qPrintable(result.outcomes.value(0).message));
        QCOMPARE(result.outcomes.size(), 12);
        const QSet<QString> complete = checkNothingHalfMade(*engine, *plan, result);
        QCOMPARE(complete.size(), 12);
        for (const auto &item : plan->items)
            checkTransitions(log, item.name, true);
        // A linked clone reads as its golden.
        const ClonePlanItem &first = plan->items.first();
        QCOMPARE(
            QProcess::execute(u"qemu-img"_s, {u"compare"_s, u"-q"_s, m_goldenDisk,
                                              first.folder + u"/"_s + first.name + u".qcow2"_s}),
            0);

        // Release gives everything back, from the same pool.
        const auto vms = engine->vmsInRange(u"177-188"_s);
        QVERIFY(vms);
        const BatchResult released = engine->release(*vms);
        QVERIFY(released.ok());
        QVERIFY(engine->inventory().vms()->isEmpty());
        for (const auto &item : plan->items)
            QVERIFY2(!QFileInfo::exists(item.folder), qPrintable(item.folder));
    }

    void fullShardRollsBackOnlyTheVmsThatDoNotFit() {
        if (!m_privateMounts)
            VMECLONE_SKIP_UNLESS_CI("needs a mount namespace of its own (run as root) for the small tmpfs shard");
        const QString small = path(u"full-small"_s);
        QVERIFY(QDir().mkpath(small));
        // 20 MiB: room for two full clones of the 8 MiB golden, not for four.
        QVERIFY2(mount("tmpfs", small.toLocal8Bit().constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                       "size=20m")
                     == 0,
                 strerror(errno));
        auto engine = engineWith(u"home-full"_s, {path(u"full-big"_s), small});
        QVERIFY(engine);
        CloneOptions options;
        options.start = false;
        options.mode = u"full"_s;
        auto plan = engine->plan(options, u"177-184"_s);
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan->items.size(), 8);
        // Placement keeps a margin, so it would not put four there itself: the test does,
        // as if the drive filled up between the plan and the copy.
        Shard smallShard;
        for (const auto &s : plan->shards)
            if (s.shard.path == QDir(small).canonicalPath())
                smallShard = s.shard;
        QVERIFY(smallShard.id != 0);
        for (qsizetype i = 0; i < plan->items.size(); ++i) {
            if (i % 2 == 0) {
                plan->items[i].shard = smallShard;
                plan->items[i].folder = QDir(smallShard.path).filePath(plan->items[i].name);
            }
        }

        EventLog log;
        const BatchResult result =
            engine->clone(*plan, options, nullptr, [&log](const BatchEvent &e) { log.add(e); });
        QCOMPARE(result.outcomes.size(), 8);
        QVERIFY(!result.cancelled);
        const QSet<QString> complete = checkNothingHalfMade(*engine, *plan, result);
        int doneOnSmall = 0;
        int failedOnSmall = 0;
        for (const auto &item : plan->items) {
            const bool onSmall = item.shard.id == smallShard.id;
            const bool done = complete.contains(item.name);
            checkTransitions(log, item.name, done);
            if (!onSmall) {
                QVERIFY2(done, qPrintable(item.name + u" on the big shard failed"_s));
                continue;
            }
            done ? ++doneOnSmall : ++failedOnSmall;
            if (!done) {
                const auto o =
                    std::find_if(result.outcomes.begin(), result.outcomes.end(),
                                 [&](const auto &x) { return x.address == item.address; });
                QVERIFY2(o->message.contains(smallShard.path), qPrintable(o->message));
            }
        }
        QVERIFY2(doneOnSmall >= 1 && doneOnSmall <= 2, qPrintable(QString::number(doneOnSmall)));
        QVERIFY(failedOnSmall >= 2);

        engine.reset();
        QCOMPARE(umount2(small.toLocal8Bit().constData(), MNT_DETACH), 0);
    }

    void fullCopiesTakeOneStreamPerDrive() {
        // Two shards on the drive of the temporary folder, four pool threads: the copies
        // still run one after the other, each VM waiting in "planned" for the drive.
        auto engine = engineWith(u"home-streams"_s, {path(u"streams-a"_s), path(u"streams-b"_s)});
        QVERIFY(engine);
        CloneOptions options;
        options.start = false;
        options.mode = u"full"_s;
        const auto plan = engine->plan(options, u"177-182"_s);
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan->shards.size(), 2);
        QCOMPARE(plan->shards[0].deviceId, plan->shards[1].deviceId);

        QMutex mutex;
        QSet<QString> copying;
        qsizetype most = 0;
        EventLog log;
        const BatchResult result = engine->clone(*plan, options, nullptr, [&](const BatchEvent &e) {
            log.add(e);
            const QMutexLocker lock(&mutex);
            if (e.state == VmState::Copying)
                copying.insert(e.name);
            else
                copying.remove(e.name);
            most = std::max(most, copying.size());
        });
        QVERIFY2(result.ok(), qPrintable(result.outcomes.value(0).message));
        QCOMPARE(checkNothingHalfMade(*engine, *plan, result).size(), 6);
        for (const auto &item : plan->items)
            checkTransitions(log, item.name, true);
        QCOMPARE(most, qsizetype(1));

        const auto vms = engine->vmsInRange(u"177-182"_s);
        QVERIFY(vms);
        QVERIFY(engine->release(*vms).ok());
    }

    // A batch of three steps (256, 256, 44 VMs), cancelled when the first VM is configured.
    // Steps overlap (a step's fsyncs and commit run while the next step's files are made),
    // yet each VM is configured in the inventory, read by another connection, before it is
    // reported so; the first step is whole, the last never begun, and nothing is half-made.
    void stepsAreCommittedBeforeTheyAreReported() {
        auto engine = engineWith(u"home-steps"_s, {path(u"steps-a"_s)}, u"10.20.0.0/16"_s);
        QVERIFY(engine);
        CloneOptions options;
        options.start = false;
        const auto plan = engine->plan(options, u"10.20.1.0-10.20.3.43"_s);
        QVERIFY2(plan, qPrintable(plan.error()));
        QVERIFY2(plan->refused.isEmpty(), qPrintable(plan->refusalSummary));
        QCOMPARE(plan->items.size(), 556);
        auto reader = Inventory::open(path(u"home-steps/inventory.sqlite"_s));
        QVERIFY2(reader, qPrintable(reader.error()));

        std::atomic_bool cancel{false};
        EventLog log;
        int configured = 0;
        QStringList reportedFirst; // reported configured while another reader saw otherwise
        const BatchResult result = engine->clone(*plan, options, &cancel, [&](const BatchEvent &e) {
            log.add(e);
            if (e.state != VmState::Configured)
                return;
            if (++configured == 1)
                cancel = true;
            const auto row = (*reader)->vm(e.vmId);
            if (!row || !*row || (**row).state != VmState::Configured)
                reportedFirst << e.name;
        });
        QVERIFY(result.cancelled);
        QCOMPARE(result.outcomes.size(), 556);
        QVERIFY2(reportedFirst.isEmpty(), qPrintable(reportedFirst.join(u", "_s)));
        const QSet<QString> complete = checkNothingHalfMade(*engine, *plan, result);
        QVERIFY(complete.size() >= 256);
        QVERIFY2(complete.size() <= 512, "the cancel did not stop the last step");
        for (qsizetype i = 0; i < plan->items.size(); ++i) {
            const QString &name = plan->items.at(i).name;
            QVERIFY2(i >= 256 || complete.contains(name), qPrintable(name));
            QVERIFY2(i < 512 || !complete.contains(name), qPrintable(name));
            checkTransitions(log, name, complete.contains(name));
        }
    }

    void cancelledBatchLeavesOnlyCompleteVms() {
        auto engine = engineWith(u"home-cancel"_s, {path(u"cancel-a"_s)});
        QVERIFY(engine);
        CloneOptions options;
        options.start = false;
        options.mode = u"full"_s;
        const auto plan = engine->plan(options, u"177-192"_s);
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan->items.size(), 16);

        std::atomic_bool cancel{false};
        EventLog log;
        const BatchResult result = engine->clone(*plan, options, &cancel, [&](const BatchEvent &e) {
            log.add(e);
            if (e.state == VmState::Configured)
                cancel = true; // the operator presses Cancel as the first VM is done
        });
        QVERIFY(result.cancelled);
        QCOMPARE(result.outcomes.size(), 16);
        // A VM that did not get made gives its address back.
        const auto taken = engine->inventory().takenAddresses();
        QVERIFY(taken);
        QStringList kept;
        for (const auto &o : result.outcomes)
            if (!o.ok && taken->contains(o.address))
                kept << o.name + u" ("_s + o.message + u')';
        QVERIFY2(kept.isEmpty(), qPrintable(kept.join(u", "_s)));
        const QSet<QString> complete = checkNothingHalfMade(*engine, *plan, result);
        QVERIFY(!complete.isEmpty());
        QVERIFY2(complete.size() < 16, "the cancel came too late to stop anything");
    }
};

int main(int argc, char **argv) {
    // A mount namespace of its own, entered while this is the only thread: the tmpfs shard
    // goes away with the process, even when a test crashes.
    const bool privateMounts = unshare(CLONE_NEWNS) == 0
                               && mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
    QCoreApplication app(argc, argv);
    TstEngineBatch test(privateMounts);
    return QTest::qExec(&test, argc, argv);
}

#include "tst_engine_batch.moc"
