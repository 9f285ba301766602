#include "engine_service.h"

#include "common/failure_text.h"
#include "common/logging.h"
#include "inventory/liveness.h"

#include <QFileInfo>
#include <QPromise>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <future>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kEngineServiceAlreadyOpen{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the engine service is already open")};
const FailureSentence kEngineServiceNotOpen{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the engine is not open")};
const FailureSentence kEngineServiceShardWeight{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "a shard's weight must be greater than 0, not %1")};
const FailureSentence kEngineServiceNoBackend{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "this build has no %1 backend")};
const FailureSentence kEngineServiceCloneNeedsPlan{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "clone needs a plan")};

// How far one VM of a batch has come (0..1), from the step it reported last.
double fractionOf(EngineService::Operation op, bool startAfterClone, const BatchEvent &e) {
    using Op = EngineService::Operation;
    if (e.state == VmState::Failed || e.state == VmState::Released)
        return 1.0;
    switch (op) {
    case Op::Clone:
        switch (e.state) {
        case VmState::Copying:
            return 0.9 * e.progress / 100.0;
        case VmState::Configured:
            return startAfterClone ? 0.9 : 1.0;
        case VmState::Starting:
            return 0.95;
        case VmState::Booting:
        case VmState::Resuming:
            return 1.0;
        default:
            return 0.0;
        }
    case Op::Start:
        return e.state == VmState::Booting || e.state == VmState::Resuming ? 1.0
               : e.state == VmState::Starting                              ? 0.5
                                                                           : 0.0;
    case Op::Stop:
        return e.state == VmState::Stopped ? 1.0 : e.state == VmState::Stopping ? 0.5 : 0.0;
    case Op::Release:
        return e.state == VmState::Releasing ? 0.5 : 0.0;
    }
    return 0.0;
}

// Progress of one batch, fed from its pool threads.
struct Tracker {
    QMutex mutex;
    QHash<qint64, double> fraction;
    int lastPermille = -1;
};

} // namespace

EngineService::EngineService(EngineConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config)) {
    qRegisterMetaType<InventorySnapshot>();
    qRegisterMetaType<BatchResult>();
    qRegisterMetaType<QList<EventRecord>>();
    qRegisterMetaType<EngineService::Operation>();
}

EngineService::~EngineService() {
    QHash<int, Batch> batches;
    {
        QMutexLocker lock(&m_batchMutex);
        batches = std::exchange(m_batches, {});
    }
    for (const auto &b : std::as_const(batches))
        b.cancel->store(true);
    for (const auto &b : std::as_const(batches)) {
        b.thread->disconnect(this);
        b.thread->wait();
        delete b.thread;
    }
    if (m_thread) {
        // The engine and the timer belong to the worker thread: they go there. The flag
        // orders that before what follows here in a way ThreadSanitizer sees too (Qt's own
        // semaphore and QThread::wait() use futexes it does not watch).
        std::atomic_bool gone{false};
        QMetaObject::invokeMethod(
            m_worker,
            [this, &gone] {
                delete m_pollTimer;
                m_pollTimer = nullptr;
                m_engine.reset();
                gone.store(true, std::memory_order_release);
            },
            Qt::BlockingQueuedConnection);
        while (!gone.load(std::memory_order_acquire)) {
        } // already true: BlockingQueuedConnection returned after the call
        m_thread->quit();
        m_thread->wait();
        delete m_worker;
        delete m_thread;
    }
}

Status EngineService::open() {
    if (m_thread)
        return fail(kEngineServiceAlreadyOpen());
    m_thread = new QThread;
    m_thread->setObjectName(u"vmeclone-engine-service"_s);
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    // The engine is opened in the thread's first breath (QThread::started, before its
    // event loop) and the answer comes back through a std::promise, not through a
    // Qt::BlockingQueuedConnection: what this thread wrote before start() is ordered by
    // the thread's creation, and the answer by the promise, both of which
    // ThreadSanitizer sees. Qt's own hand-over (a semaphore inside an uninstrumented
    // libQt6Core) it does not, and the caller's stack, reused at once, looked raced.
    std::promise<Status> opened;
    std::future<Status> answer = opened.get_future();
    connect(
        m_thread, &QThread::started, m_worker,
        [this, &opened] {
            auto engine = std::make_unique<Engine>(m_config);
            if (auto s = engine->open(); !s) {
                opened.set_value(s);
                return;
            }
            m_engine = std::move(engine);
            m_pollTimer = new QTimer;
            m_pollTimer->setInterval(1000);
            connect(m_pollTimer, &QTimer::timeout, m_worker, [this] { poll(false); });
            m_pollTimer->start();
            opened.set_value(Status());
        },
        static_cast<Qt::ConnectionType>(Qt::SingleShotConnection | Qt::DirectConnection));
    m_thread->start();
    const Status status = answer.get();
    if (!status)
        return status;
    // A console (or CLI) that died mid-batch left VMs half-made or half-released: settle
    // them as the CLI does, after the window is up (stopping a VM can take its grace
    // time), and say what was done in the log.
    QMetaObject::invokeMethod(m_worker, [this] {
        const bool readOnly = !m_engine->inventory().readOnlyReason().isEmpty();
        auto recovered = m_engine->recover(readOnly ? Engine::RecoveryMode::ReportOnly
                                                    : Engine::RecoveryMode::Repair);
        if (!recovered) {
            log::engine()->error("{}",
                                 LogText::tr("recovery: %1").arg(failureText(recovered.error())));
            return;
        }
        // Repairs were said by the engine, with their events; what a read-only inventory
        // only reports (no event can be written) is said here.
        if (readOnly) {
            for (const auto &r : *recovered)
                log::engine()->warn(
                    "{}", LogText::tr("recovered %1: %2 (%3)").arg(r.name, r.action, r.detail));
        }
        if (!recovered->isEmpty())
            poll(true);
    });
    return status;
}

template <typename R, typename F>
QFuture<R> EngineService::onEngine(F work) {
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    if (!m_worker) {
        promise->addResult(R(fail(kEngineServiceNotOpen())));
        promise->finish();
        return future;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [this, promise, work = std::move(work)]() mutable {
            if (!m_engine)
                promise->addResult(R(fail(kEngineServiceNotOpen())));
            else
                promise->addResult(work(*m_engine));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<Expected<ClonePlan>> EngineService::plan(const CloneOptions &options,
                                                 const QString &range) {
    return onEngine<Expected<ClonePlan>>(
        [options, range](Engine &e) { return e.plan(options, range); });
}

QFuture<Expected<GoldenRecord>> EngineService::addGolden(const GoldenSpec &spec) {
    return onEngine<Expected<GoldenRecord>>([this, spec](Engine &e) {
        m_forceRefresh = true;
        return e.addGolden(spec);
    });
}

QFuture<Status> EngineService::removeGolden(qint64 id) {
    return onEngine<Status>([this, id](Engine &e) {
        m_forceRefresh = true;
        return e.inventory().removeGolden(id);
    });
}

QFuture<Expected<Engine::ConsoleChange>> EngineService::setConsoleAddress(const QString &golden,
                                                                          const QString &address) {
    return onEngine<Expected<Engine::ConsoleChange>>([this, golden, address](Engine &e) {
        m_forceRefresh = true;
        return e.setConsoleAddress(golden, address);
    });
}

QFuture<Expected<Shard>> EngineService::addShard(const QString &path, double weight) {
    return onEngine<Expected<Shard>>([this, path, weight](Engine &e) {
        m_forceRefresh = true;
        return e.addShard(path, weight);
    });
}

QFuture<Status> EngineService::removeShard(qint64 id) {
    return onEngine<Status>([this, id](Engine &e) {
        m_forceRefresh = true;
        return e.inventory().removeShard(id);
    });
}

QFuture<Status> EngineService::setShardWeight(qint64 id, double weight) {
    return onEngine<Status>([this, id, weight](Engine &e) -> Status {
        if (!(weight > 0))
            return fail(kEngineServiceShardWeight(weight));
        m_forceRefresh = true;
        return e.inventory().setShardWeight(id, weight);
    });
}

QFuture<Status> EngineService::setShardLabel(qint64 id, const QString &label) {
    return onEngine<Status>([this, id, label](Engine &e) {
        m_forceRefresh = true;
        return e.inventory().setShardLabel(id, label);
    });
}

QFuture<Expected<InventorySnapshot>> EngineService::snapshot() {
    return onEngine<Expected<InventorySnapshot>>([this](Engine &) { return readSnapshot(); });
}

QFuture<Expected<QList<VmRecord>>> EngineService::vmsInRange(const QString &range) {
    return onEngine<Expected<QList<VmRecord>>>([range](Engine &e) { return e.vmsInRange(range); });
}

QFuture<Engine::GuestReading> EngineService::readGuest(const VmRecord &vm,
                                                       const GoldenRecord &golden) {
    return QtConcurrent::run([qemu = m_config.qemu, vm, golden] {
        QemuBackend backend(qemu);
        return Engine::readGuest(backend, vm, golden);
    });
}

QFuture<Expected<QList<VmRecord>>> EngineService::vmsById(const QList<qint64> &ids) {
    return onEngine<Expected<QList<VmRecord>>>([ids](Engine &e) -> Expected<QList<VmRecord>> {
        auto vms = e.inventory().vms();
        if (!vms)
            return fail(vms.error());
        const QSet<qint64> wanted(ids.begin(), ids.end());
        QList<VmRecord> out;
        for (const auto &vm : *vms) {
            if (wanted.contains(vm.id))
                out.append(vm);
        }
        return out;
    });
}

Expected<InventorySnapshot> EngineService::readSnapshot() {
    Inventory &inv = m_engine->inventory();
    InventorySnapshot s;
    auto goldens = inv.goldens();
    if (!goldens)
        return fail(goldens.error());
    s.goldens = *goldens;
    auto shards = m_engine->shardStatus();
    if (!shards)
        return fail(shards.error());
    s.shards = *shards;
    auto vms = inv.vmsAt();
    if (!vms)
        return fail(vms.error());
    s.vms = std::move(vms->vms);
    s.seq = vms->seq;
    const qint64 silentAfter = unreachableAfterMs(m_config.heartbeatSeconds);
    judgeLiveness(s.vms, QDateTime::currentDateTime(), silentAfter);
    m_nextSilenceMs = nextSilenceMs(s.vms, silentAfter);
    s.dataVersion = m_lastVersion;
    // Inspecting a golden reads its disk's header (qemu-img): only when the list changed.
    QString key;
    for (const auto &g : s.goldens)
        key += g.path + u'\n';
    if (key != m_goldenKey) {
        m_goldenKey = key;
        m_goldenProblemCache.clear();
        for (const auto &g : s.goldens) {
            HypervisorBackend *backend = m_engine->backendFor(g);
            if (!backend) {
                m_goldenProblemCache.insert(g.path, kEngineServiceNoBackend(g.backend));
                continue;
            }
            auto inspection = backend->inspectGolden(g.path);
            if (!inspection)
                m_goldenProblemCache.insert(g.path, inspection.error());
        }
    }
    for (const auto &g : s.goldens) {
        if (m_goldenProblemCache.contains(g.path))
            s.goldenProblems.insert(g.id, m_goldenProblemCache.value(g.path));
    }
    return s;
}

void EngineService::poll(bool force) {
    // Nothing is published before the first refreshSoon(): a snapshot or events emitted
    // before the window connected would reach nobody, and the events would count as
    // shown (the recovery's, made right after open, were lost from the log that way).
    if (!m_engine || !m_refreshAsked)
        return;
    auto version = m_engine->inventory().dataVersion();
    if (!version)
        return;
    const bool forced = m_forceRefresh.exchange(false);
    // Liveness is judged when read: a VM going silent changes no row, only the clock.
    const bool silenceDue =
        m_nextSilenceMs != 0 && QDateTime::currentMSecsSinceEpoch() >= m_nextSilenceMs;
    if (!force && !forced && !silenceDue && *version == m_lastVersion)
        return;
    m_lastVersion = *version;
    auto snap = readSnapshot();
    if (!snap) {
        log::engine()->warn(
            "{}", LogText::tr("cannot read the inventory: %1").arg(failureText(snap.error())));
        return;
    }
    Q_EMIT inventoryChanged(*snap);

    auto events = m_engine->inventory().events(qMax<qint64>(0, m_lastEventId), 100000);
    if (events && !events->isEmpty()) {
        // At start, the recent history only.
        if (m_lastEventId < 0 && events->size() > 200)
            *events = events->mid(events->size() - 200);
        m_lastEventId = events->last().id;
        Q_EMIT eventsAdded(*events);
    } else if (events && m_lastEventId < 0) {
        m_lastEventId = 0;
    }
}

void EngineService::setPollInterval(int ms) {
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [this, ms] {
        if (!m_pollTimer)
            return;
        if (ms <= 0)
            m_pollTimer->stop();
        else
            m_pollTimer->start(ms);
    });
}

void EngineService::refreshSoon() {
    m_forceRefresh = true;
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [this] {
            m_refreshAsked = true;
            poll(false);
        });
}

QString EngineService::operationName(Operation operation) {
    switch (operation) {
    case Operation::Clone:
        return u"clone"_s;
    case Operation::Start:
        return u"start"_s;
    case Operation::Stop:
        return u"stop"_s;
    case Operation::Release:
        return u"release"_s;
    }
    return {};
}

// ---- batches -----------------------------------------------------------------------

int EngineService::startBatch(
    Operation operation, int total,
    std::function<BatchResult(Engine &, const std::atomic_bool *, const BatchObserver &)> work,
    const BatchObserver &observer) {
    auto cancel = std::make_shared<std::atomic_bool>(false);
    int id = 0;
    {
        QMutexLocker lock(&m_batchMutex);
        id = m_nextBatchId++;
    }
    auto tracker = std::make_shared<Tracker>();
    const bool startAfter = total < 0; // clone passes -count when it starts the VMs
    total = qAbs(total);
    BatchObserver tracked = [this, id, total, operation, startAfter, observer,
                             tracker](const BatchEvent &e) {
        if (observer)
            observer(e);
        int permille = 0;
        int done = 0;
        {
            QMutexLocker lock(&tracker->mutex);
            tracker->fraction.insert(e.vmId, fractionOf(operation, startAfter, e));
            double sum = 0;
            for (double f : std::as_const(tracker->fraction)) {
                sum += f;
                if (f >= 1.0)
                    ++done;
            }
            permille = total > 0 ? static_cast<int>(sum * 1000.0 / total) : 1000;
            if (permille == tracker->lastPermille)
                return;
            tracker->lastPermille = permille;
        }
        Q_EMIT batchProgress(id, done, total, permille);
    };
    QThread *thread =
        QThread::create([this, id, operation, work = std::move(work), cancel, tracked] {
            Engine engine(m_config);
            BatchResult result;
            if (auto s = engine.open(); !s) {
                log::engine()->error("{}", LogText::tr("batch %1: cannot open the engine: %2")
                                               .arg(id)
                                               .arg(failureText(s.error())));
                result.outcomes.append(BatchOutcome{{}, {}, false, s.error()});
            } else {
                result = work(engine, cancel.get(), tracked);
            }
            Q_EMIT batchFinished(id, operation, result);
        });
    thread->setObjectName(u"vmeclone-batch-%1"_s.arg(id));
    connect(thread, &QThread::finished, this, [this, id] {
        QThread *t = nullptr;
        {
            QMutexLocker lock(&m_batchMutex);
            t = m_batches.take(id).thread;
        }
        if (t) {
            t->wait();
            t->deleteLater();
        }
    });
    {
        QMutexLocker lock(&m_batchMutex);
        m_batches.insert(id, Batch{thread, cancel});
    }
    Q_EMIT batchStarted(id, operation, total);
    thread->start();
    return id;
}

int EngineService::clone(const ClonePlan &plan, const CloneOptions &options,
                         const BatchObserver &observer) {
    const int total = static_cast<int>(plan.items.size());
    return startBatch(
        Operation::Clone, options.start ? -total : total,
        [plan, options](Engine &e, const std::atomic_bool *cancel, const BatchObserver &o) {
            return e.clone(plan, options, cancel, o);
        },
        observer);
}

int EngineService::run(Operation operation, const QList<VmRecord> &vms,
                       const BatchObserver &observer) {
    // The cancel flag reaches every VM: those not begun when it is raised are left as
    // they are and reported as not done.
    return startBatch(
        operation, static_cast<int>(vms.size()),
        [operation, vms](Engine &e, const std::atomic_bool *cancel, const BatchObserver &o) {
            switch (operation) {
            case Operation::Start:
                return e.start(vms, cancel, o);
            case Operation::Stop:
                return e.stop(vms, cancel, o);
            case Operation::Release:
                return e.release(vms, cancel, o);
            case Operation::Clone: // needs a plan: clone() is the way
                break;
            }
            BatchResult r;
            for (const auto &vm : vms)
                r.outcomes.append(
                    BatchOutcome{vm.address, vm.name, false, kEngineServiceCloneNeedsPlan()});
            return r;
        },
        observer);
}

void EngineService::cancel(int batchId) {
    QMutexLocker lock(&m_batchMutex);
    if (auto it = m_batches.constFind(batchId); it != m_batches.constEnd())
        it->cancel->store(true);
}

void EngineService::cancelAll() {
    QMutexLocker lock(&m_batchMutex);
    for (const auto &b : std::as_const(m_batches))
        b.cancel->store(true);
}

QList<int> EngineService::runningBatches() const {
    QMutexLocker lock(&m_batchMutex);
    return m_batches.keys();
}

} // namespace vmeclone
