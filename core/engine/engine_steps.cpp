// Batches in steps. A linked clone writes a few KiB and a release of a VM that is not
// running deletes a few files, so what such batches cost is the inventory's commits: one
// WAL fsync each, three per VM when every VM was committed on its own (78 VMs took 0.3 s,
// 1,000 took 2.8 s). Here a whole step of VMs (up to kStepVms) moves through each state in
// one transaction, and the step's files are made or deleted in parallel between two
// commits; a step's fsyncs and its "configured" commit run while the next step's files
// are made. What the per-VM batches promise still holds:
// - every state is committed before it is reported;
// - a clone's files are made durable (fsyncs of the whole step side by side, sharing the
//   file system's journal commits: syncFolders) before the commit that calls them
//   configured;
// - recovery after a crash at any point is the same: a planned or copying VM rolls back,
//   a releasing one is released (Engine::recover), whoever crashed.

#include "common/failure_text.h"
#include "common/file_sync.h"
#include "engine/batch_support.h"
#include "engine/crash_point.h"
#include "engine/engine.h"
#include "engine/engine_failures.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace vmeclone {
using namespace batch;

namespace {

const FailureSentence kEngineStepsNothingDeleted{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: nothing was deleted")};

// VMs per step: large enough that a commit's fsync is shared by many VMs, small enough
// that a big batch still shows its progress step by step.
constexpr qsizetype kStepVms = 256;
// Threads that make or delete a step's files: the work is waiting on the file system.
constexpr int kFileThreads = 8;

struct Failure {
    VmRecord vm;
    Error error;
};

BatchOutcome failed(const VmRecord &vm, const Error &error) {
    BatchOutcome outcome{vm.address, vm.name, false, error.message};
    outcome.field = error.field;
    return outcome;
}

} // namespace

QList<BatchOutcome> Engine::cloneInSteps(const QList<VmRecord> &planned, const CloneSteps &c,
                                         const std::atomic_bool *cancel,
                                         const BatchObserver &observer,
                                         QList<VmRecord> *configured) {
    Inventory &inv = *m_inventory;
    QList<BatchOutcome> outcomes;
    const auto isCancelled = [cancel] {
        return cancel && cancel->load();
    };

    // VMs whose files do not exist (never made, or removed by the backend's own
    // all-or-nothing): rows removed, addresses given back, in one commit.
    const auto rollBack = [&](const QList<Failure> &failures) {
        if (failures.isEmpty())
            return;
        const Status removed = inv.inOneTransaction([&]() -> Status {
            for (const Failure &f : failures) {
                if (auto r = inv.removeOwned(f.vm, f.vm.owner); !r)
                    return r.failure();
                if (auto e = addRollBackEvent(inv, f.vm, f.error.message, isCancelled()); !e)
                    return e;
            }
            return {};
        });
        for (const Failure &f : failures) {
            logLost(removed, f.vm); // the rows stay in flight: recovery removes them
            report(observer, inv, f.vm, VmState::Released, f.error.message);
            outcomes.append(failed(f.vm, f.error));
            outcomes.last().cancelled = isCancelled();
        }
    };

    // Making a linked clone's files waits on the file system far more than it computes:
    // more threads than cores keep the journal busy (one shared commit for many).
    QThreadPool fileWork;
    fileWork.setMaxThreadCount(qMax(m_config.parallelism, kFileThreads));
    // A step's fsyncs run while the next step's files are made (one thread: syncFolders
    // fans out itself); its "configured" commit is written in the meantime too.
    QThreadPool syncWork;
    syncWork.setMaxThreadCount(1);
    QThreadPool driveWork; // waits for a step's files (blockingMapped) while this thread commits
    driveWork.setMaxThreadCount(1);

    // A step whose files were made: durable, then configured, then reported.
    struct Made {
        QList<VmRecord> whole;
        QList<Failure> failures;
        QFuture<Status> synced;
    };
    std::optional<Made> pending;
    const auto finish = [&]() {
        if (!pending)
            return;
        Made m = std::move(*pending);
        pending.reset();
        // Files that might not survive a power cut are deleted, not called configured.
        const auto unmake = [&](const Error &why) {
            for (const auto &vm : std::as_const(m.whole)) {
                logLost(c.backend->deleteClone(vm), vm);
                m.failures.append(Failure{vm, why});
            }
            m.whole.clear();
        };
        // 3. Durable before any state says they exist.
        if (m.synced.isValid())
            if (const Status s = m.synced.result(); !s)
                unmake(s.failure());
        // 4. The whole step is configured, in one commit.
        if (!m.whole.isEmpty()) {
            const Status done = inv.inOneTransaction([&]() -> Status {
                for (const auto &vm : std::as_const(m.whole))
                    if (auto s = inv.setState(vm.id, VmState::Configured, {}, 100); !s)
                        return s;
                return {};
            });
            if (!done)
                unmake(done.failure());
        }
        rollBack(m.failures);
        for (const auto &vm : std::as_const(m.whole)) {
            report(observer, inv, vm, VmState::Configured);
            VmRecord now = vm;
            now.state = VmState::Configured;
            configured->append(now);
            outcomes.append(BatchOutcome{vm.address, vm.name, true, u"configured"_s});
        }
        crashPoint("configured");
    };

    for (qsizetype from = 0; from < planned.size(); from += kStepVms) {
        const QList<VmRecord> step = planned.mid(from, kStepVms);
        if (isCancelled()) {
            finish();
            QList<Failure> all;
            for (const auto &vm : step)
                all.append(Failure{vm, fail(engine_failures::kCancelled())});
            rollBack(all);
            continue;
        }

        // 1. The whole step is copying, in one commit.
        const Status copying = inv.inOneTransaction([&]() -> Status {
            for (const auto &vm : step)
                if (auto s = inv.setState(vm.id, VmState::Copying); !s)
                    return s;
            return {};
        });
        if (!copying) {
            finish();
            QList<Failure> all;
            for (const auto &vm : step)
                all.append(Failure{vm, copying.failure()});
            rollBack(all);
            continue;
        }
        for (const auto &vm : step)
            report(observer, inv, vm, VmState::Copying);

        // 2. The files, in parallel; no inventory write on those threads. Meanwhile this
        // thread finishes the step before (its fsyncs ran beside these files).
        std::function<Status(const VmRecord &)> make = [&](const VmRecord &vm) -> Status {
            if (isCancelled())
                return fail(engine_failures::kCancelled());
            CloneRequest request{c.golden, vm,
                                 identityFor(c.golden, c.items.value(vm.address), vm.instance),
                                 c.dataFolderId, c.templateFolder};
            request.deferSync = true;
            request.byVmware = c.byVmware;
            const ProgressFn progress = [](qint64 done, qint64 total) {
                if (done * 2 >= total)
                    crashPoint("mid-copy");
            };
            return c.backend->createClone(request, cancel, progress);
        };
        // Driven from a thread of its own with blockingMapped: QtConcurrent::mapped's
        // asynchronous kernel deletes itself on the last worker, which ThreadSanitizer
        // reports as a race on its vptr (Qt's own atomics are not instrumented).
        QFuture<QList<Status>> making = QtConcurrent::run(&driveWork, [&] {
            return QtConcurrent::blockingMapped<QList<Status>>(&fileWork, step, make);
        });
        finish();
        const QList<Status> made = making.result();
        crashPoint("copied");

        Made next;
        QStringList folders;
        for (qsizetype i = 0; i < step.size(); ++i) {
            if (made.at(i)) {
                next.whole.append(step.at(i));
                folders.append(step.at(i).folder);
            } else {
                next.failures.append(Failure{step.at(i), made.at(i).failure()});
            }
        }
        if (!folders.isEmpty())
            next.synced = QtConcurrent::run(&syncWork, [folders] { return syncFolders(folders); });
        pending = std::move(next);
    }
    finish();
    return outcomes;
}

BatchResult Engine::release(const QList<VmRecord> &vms, const std::atomic_bool *cancel,
                            const BatchObserver &observer) {
    const SettledJobs jobs = settledJobs();
    Inventory &inv = *m_inventory;
    const QString path = m_config.inventoryPath();
    const QString step = u"released"_s;
    BatchResult result;

    for (qsizetype from = 0; from < vms.size(); from += kStepVms) {
        const QList<VmRecord> chunk = vms.mid(from, kStepVms);
        if (!jobs.error.isEmpty() || (cancel && cancel->load())) {
            const QString why =
                jobs.error.isEmpty() ? engine_failures::kCancelledNot(step) : jobs.error;
            for (const auto &vm : chunk)
                result.outcomes.append(BatchOutcome{vm.address, vm.name, false, why});
            continue;
        }

        pausePoint("release-taking");
        // 1. Take each VM as it was read (compare-and-set), the whole step in one commit.
        QList<VmRecord> held;
        QList<VmState> was; // each held VM's state before: a cancel gives it back
        QList<BatchOutcome> refused;
        const Status took = inv.inOneTransaction([&]() -> Status {
            held.clear();
            was.clear();
            refused.clear();
            for (const auto &vm : chunk) {
                const auto refuse = [&](const QString &why) {
                    refused.append(BatchOutcome{vm.address, vm.name, false, why});
                };
                if (!backendFor(jobs.goldenById.value(vm.goldenId))) {
                    refuse(engine_failures::kGoldenMissing());
                    continue;
                }
                if (!kSettled.contains(vm.state)) {
                    refuse(engine_failures::kBusyInBatch(vm.name, vmStateName(vm.state)));
                    continue;
                }
                auto taken = inv.take(vm, kSettled, VmState::Releasing, jobs.token);
                if (!taken)
                    return taken.failure();
                if (!*taken) {
                    refuse(movedOn(inv, vm, step));
                    continue;
                }
                VmRecord mine = vm;
                mine.state = VmState::Releasing;
                mine.owner = jobs.token;
                held.append(mine);
                was.append(vm.state);
            }
            return {};
        });
        if (!took) {
            for (const auto &vm : chunk)
                result.outcomes.append(BatchOutcome{vm.address, vm.name, false,
                                                    engine_failures::kNothingDone(took.error())});
            continue;
        }
        result.outcomes += refused;
        for (const auto &vm : std::as_const(held))
            report(observer, inv, vm, VmState::Releasing);

        // 2. Stop and delete, in parallel; no inventory write here. A cancel stops VMs not
        // begun yet (they get their state back); a VM begun is finished.
        struct Dropped {
            Status status;
            QString movedOn; // not ours any more: nothing was deleted, nothing is written
            bool cancelled = false;
        };
        std::function<Dropped(const VmRecord &)> drop = [&](const VmRecord &vm) -> Dropped {
            if (cancel && cancel->load())
                return Dropped{{}, {}, true};
            crashPoint("releasing");
            pausePoint("releasing");
            HypervisorBackend *backend = backendFor(jobs.goldenById.value(vm.goldenId));
            if (auto s = backend->stop(vm, m_config.stopGrace); !s)
                return Dropped{s, {}};
            // Still ours, still this instance, right before the files go.
            auto own = threadInventory(path);
            if (!own)
                return Dropped{fail(kEngineStepsNothingDeleted(own.error())), {}};
            auto holds = (*own)->holds(vm, vm.owner);
            if (!holds)
                return Dropped{fail(kEngineStepsNothingDeleted(holds.error())), {}};
            if (!*holds)
                return Dropped{{}, movedOn(**own, vm, step)};
            return Dropped{backend->deleteClone(vm), {}};
        };
        const QList<Dropped> dropped =
            QtConcurrent::blockingMapped<QList<Dropped>>(m_pool.get(), held, drop);

        // 3. Rows removed (or failed, with why), the whole step in one commit.
        const Status written = inv.inOneTransaction([&]() -> Status {
            for (qsizetype i = 0; i < held.size(); ++i) {
                const VmRecord &vm = held.at(i);
                const Dropped &d = dropped.at(i);
                if (!d.movedOn.isEmpty())
                    continue;
                if (d.cancelled) {
                    if (auto m = inv.moveOwned(vm, vm.owner, VmState::Releasing, was.at(i)); !m)
                        return m.failure();
                } else if (d.status) {
                    if (auto r = inv.removeOwned(vm, vm.owner); !r)
                        return r.failure();
                    if (auto e =
                            inv.addEvent(u"info"_s, vm.name, EventText::make(u"released"_s, {}));
                        !e)
                        return e;
                } else {
                    if (auto m = inv.moveOwned(vm, vm.owner, VmState::Releasing, VmState::Failed,
                                               d.status.error());
                        !m)
                        return m.failure();
                    if (auto e = inv.addEvent(u"error"_s, vm.name, d.status.error()); !e)
                        return e;
                }
            }
            return {};
        });
        for (qsizetype i = 0; i < held.size(); ++i) {
            const VmRecord &vm = held.at(i);
            const Dropped &d = dropped.at(i);
            if (!d.movedOn.isEmpty()) {
                result.outcomes.append(BatchOutcome{vm.address, vm.name, false, d.movedOn});
            } else if (d.cancelled && written) {
                report(observer, inv, vm, was.at(i));
                result.outcomes.append(
                    BatchOutcome{vm.address, vm.name, false, engine_failures::kCancelledNot(step)});
            } else if (!written) {
                // Left releasing: the next command's recovery finishes it once this
                // process is gone (its files may already be deleted).
                logLost(written, vm);
                result.outcomes.append(failed(vm, written.failure()));
            } else if (d.status) {
                report(observer, inv, vm, VmState::Released);
                result.outcomes.append(BatchOutcome{vm.address, vm.name, true, step});
            } else {
                report(observer, inv, vm, VmState::Failed, d.status.error());
                result.outcomes.append(failed(vm, d.status.failure()));
            }
        }
    }
    result.cancelled = cancel && cancel->load();
    std::stable_sort(result.outcomes.begin(), result.outcomes.end(),
                     [](const auto &a, const auto &b) { return a.address < b.address; });
    recordBatch(step, static_cast<int>(vms.size()), result);
    return result;
}

} // namespace vmeclone
