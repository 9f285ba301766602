#pragma once
// The engine for an event-driven program (the console). Owns an Engine in a named
// worker thread ("vmeclone-engine-service") for quick requests (plan, add a golden
// or shard, read the inventory), each answered through a QFuture; runs every batch
// in a named thread of its own with its own Engine (and so its own pool), one cancel
// flag per batch. Watches the inventory's data version and publishes a snapshot when
// any process (this one, the CLI, a listener) committed. Qt Core only: no widgets.

#include "engine/engine.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>

class QThread;
class QTimer;

namespace vmeclone {

struct InventorySnapshot {
    QList<GoldenRecord> goldens;
    QList<ShardStatus> shards;
    QList<VmRecord> vms;
    QHash<qint64, QString> goldenProblems; // why a golden cannot be cloned now (running, missing)
    qint64 dataVersion = 0;
    // The inventory's change sequence the VMs were read at (Inventory::vmsAt); each VM
    // carries its own (VmRecord::changeSeq). States are as judged when read: liveness
    // from the last heartbeat (judgeLiveness).
    qint64 seq = 0;
};

class EngineService : public QObject {
    Q_OBJECT
public:
    enum class Operation { Clone, Start, Stop, Release };

    explicit EngineService(EngineConfig config, QObject *parent = nullptr);
    // Cancels every batch and waits for them, then stops the worker thread.
    ~EngineService() override;

    // Starts the worker thread and opens the engine there; blocks until it is open.
    Status open();
    const EngineConfig &config() const { return m_config; }

    QFuture<Expected<ClonePlan>> plan(const CloneOptions &options, const QString &range);
    QFuture<Expected<GoldenRecord>> addGolden(const GoldenSpec &spec);
    QFuture<Status> removeGolden(qint64 id);
    // Engine::setConsoleAddress: `address`, or empty or "auto" (found again).
    QFuture<Expected<Engine::ConsoleChange>> setConsoleAddress(const QString &golden,
                                                               const QString &address);
    QFuture<Expected<Shard>> addShard(const QString &path, double weight);
    QFuture<Status> removeShard(qint64 id);
    QFuture<Status> setShardWeight(qint64 id, double weight);
    QFuture<Status> setShardLabel(qint64 id, const QString &label); // empty: no label
    QFuture<Expected<InventorySnapshot>> snapshot();
    QFuture<Expected<QList<VmRecord>>> vmsInRange(const QString &range);
    QFuture<Expected<QList<VmRecord>>> vmsById(const QList<qint64> &ids);
    // What `vm`'s running guest says of itself (Engine::readGuest). Runs on a pool
    // thread, not the engine's: a guest that does not answer holds no other request.
    QFuture<Engine::GuestReading> readGuest(const VmRecord &vm, const GoldenRecord &golden);

    // Starts a batch in its own thread; returns its id. `observer` is called from the
    // batch's pool threads.
    int clone(const ClonePlan &plan, const CloneOptions &options,
              const BatchObserver &observer = {});
    int run(Operation operation, const QList<VmRecord> &vms, const BatchObserver &observer = {});
    // Asks a batch to stop: VMs not yet begun are skipped, a copy in flight is undone.
    void cancel(int batchId);
    void cancelAll();
    QList<int> runningBatches() const;

    // How often the inventory's data version is checked (default 1000 ms; 0: never).
    void setPollInterval(int ms);
    // Publishes a fresh snapshot soon, changed or not (also the first one: call it
    // once connected to inventoryChanged and eventsAdded; nothing is published before,
    // so the first call brings the recent events, the recovery's among them).
    void refreshSoon();

    static QString operationName(Operation operation); // "clone", "start", ...

Q_SIGNALS:
    void inventoryChanged(const vmeclone::InventorySnapshot &snapshot);
    // Operator-facing events written by anyone since the last call (oldest first).
    void eventsAdded(const QList<vmeclone::EventRecord> &events);
    void batchStarted(int batchId, vmeclone::EngineService::Operation operation, int total);
    // Emitted only when the permille changes; `done` counts finished VMs.
    void batchProgress(int batchId, int done, int total, int permille);
    void batchFinished(int batchId, vmeclone::EngineService::Operation operation,
                       const vmeclone::BatchResult &result);

private:
    template <typename R, typename F>
    QFuture<R> onEngine(F work);
    int startBatch(
        Operation operation, int total,
        std::function<BatchResult(Engine &, const std::atomic_bool *, const BatchObserver &)> work,
        const BatchObserver &observer);
    void poll(bool force);
    Expected<InventorySnapshot> readSnapshot();

    struct Batch {
        QThread *thread = nullptr;
        std::shared_ptr<std::atomic_bool> cancel;
    };

    EngineConfig m_config;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;   // lives in m_thread; the engine's requests run in its context
    QTimer *m_pollTimer = nullptr; // lives in m_thread
    std::unique_ptr<Engine> m_engine;
    qint64 m_lastVersion = -1;
    qint64 m_nextSilenceMs = 0; // when an online VM goes silent (nextSilenceMs): read again then
    qint64 m_lastEventId = -1;
    QHash<QString, QString> m_goldenProblemCache; // path -> problem, refreshed with the golden list
    QString m_goldenKey;
    std::atomic_bool m_forceRefresh{false};
    bool m_refreshAsked = false; // worker thread only: refreshSoon() was called

    mutable QMutex m_batchMutex;
    QHash<int, Batch> m_batches;
    int m_nextBatchId = 1;
};

} // namespace vmeclone

Q_DECLARE_METATYPE(vmeclone::InventorySnapshot)
Q_DECLARE_METATYPE(vmeclone::BatchResult)
