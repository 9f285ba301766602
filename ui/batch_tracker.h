#pragma once
// Batches followed until every VM reaches its goal (issue 14, item 1): a clone that
// starts its VMs, or a start, is done for the operator when the VMs are online, not
// when their QEMUs run. The engine's batch ends at "started"; the tracker then follows
// the VMs' states as the table shows them, counts each one that reached its goal or
// failed, breaks the rest down by state, and says when the batch has settled. It keeps
// the history of finished batches (operation, range, started, took, result, failures).

#include "inventory/vm_state.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace vmeclone {

struct BatchRecord {
    int id = 0;
    QString operation; // as shown: "Clone", "Start", ...
    QString range;     // the VMs' addresses, "192.0.2.177–180"
    QDateTime started;
    qint64 tookMs = 0;
    QString result;       // "4 online", "3 online, 1 failed", ...
    QStringList failures; // "vm178 (192.0.2.178): why"
};

class BatchTracker {
public:
    struct Progress {
        int total = 0;
        int reached = 0;             // at the goal
        int failed = 0;              // failed, or gone (released by someone else)
        QHash<VmState, int> byState; // every VM, by its state now
        bool settled() const { return reached + failed >= total; }
        int permille() const { return total > 0 ? (reached + failed) * 1000 / total : 1000; }
    };
    // A VM's state now; nullopt: the table has no such VM (any more).
    using StateOf = std::function<std::optional<VmState>(qint64 vmId)>;

    // Follows `vmIds` of batch `record.id` until each is `goal` (or failed, or gone);
    // `failures` are the batch's VMs that failed before (the engine's own failures).
    void follow(BatchRecord record, VmState goal, const QList<qint64> &vmIds, qint64 startedMsAgo);
    bool follows(int id) const { return m_followed.contains(id); }
    QList<int> followed() const { return m_followed.keys(); }
    Progress progress(int id, const StateOf &stateOf) const;
    // Ends following `id`: into the history with `result` (and the time it took).
    BatchRecord finish(int id, const QString &result);
    // A batch that needs no following goes straight into the history.
    void record(const BatchRecord &record);

    const QList<BatchRecord> &history() const { return m_history; }
    qint64 elapsedMs(int id) const;
    QString operationOf(int id) const { return m_followed.value(id).record.operation; }

    // "12 online, 3 rebooting, 1 failed": states in the order of their life cycle.
    static QString breakdown(const Progress &progress);
    // The addresses as a short range: "192.0.2.177–180", "192.0.2.177, 192.0.2.190".
    static QString rangeText(QList<quint32> addresses);

    static constexpr int kHistoryKept = 200;

private:
    struct Followed {
        BatchRecord record;
        VmState goal = VmState::Online;
        QList<qint64> vmIds;
        QElapsedTimer clock;
        qint64 before = 0; // ms the batch ran before it was followed
    };
    QHash<int, Followed> m_followed;
    QList<BatchRecord> m_history; // newest first
};

} // namespace vmeclone
