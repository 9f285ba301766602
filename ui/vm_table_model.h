#pragma once
// The live VM table. Producers post VmChanges into a VmChangeQueue from any thread;
// a timer in the GUI thread (at most ~10 Hz) drains it and applies the whole batch:
// removals as merged row ranges, changed rows sorted and merged into ranges with one
// dataChanged per range naming its roles, new rows with one beginInsertRows. So
// thousands of events per second cost the view a handful of signals.

#include "vm_change.h"
#include "vm_change_queue.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <memory>
#include <vector>

namespace vmeclone {

class VmTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SuffixColumn,
        IpColumn,
        NameColumn,
        HostColumn, // the host that holds it ("local": this machine), docs/cluster.md
        MacColumn,
        ShardColumn,
        StateColumn,
        ProgressColumn,
        BootsColumn,
        HeartbeatColumn,
        UptimeColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // raw value of the cell (numbers, msecs), for sorting
        StateRole,               // VmState as int
        ProgressRole,            // percent while copying, else -1
        IdRole,                  // inventory id
        StateNameRole,           // "online": the untranslated name
        HostRole,                // "local" or the host's name, untranslated
        HostUnreachableRole,     // bool: its host could not be asked (the row is as last known)
    };

    explicit VmTableModel(QObject *parent = nullptr);
    ~VmTableModel() override;

    // Where producers post; safe to keep and use from any thread, also after the
    // model is gone.
    std::shared_ptr<VmChangeQueue> queue() const { return m_queue; }

    // The drain timer's interval (default 100 ms: at most 10 batches a second).
    void setDrainInterval(int ms);
    int drainInterval() const { return m_drainTimer.interval(); }
    // The shards' short names (shardShortNames) the Shard column shows.
    void setShardNames(const QHash<QString, QString> &names);
    // How often "3 s ago" and uptimes are refreshed (0: never; default 1000 ms).
    void setClockInterval(int ms);

    // Applies everything queued now (the timer calls this).
    void drain();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const VmRow *rowById(qint64 id) const;
    const VmRow &rowAt(int row) const { return m_rows[static_cast<size_t>(row)]; }
    QModelIndex indexOfId(qint64 id, int column = 0) const;
    // Counts per state over all rows.
    QHash<VmState, int> stateCounts() const;

    static QString agoText(const QDateTime &t, const QDateTime &now);
    static QString durationText(qint64 seconds);

Q_SIGNALS:
    // After a drain that changed something: how many changes it applied.
    void changesApplied(int changes);

private:
    struct Touched {
        unsigned columns = 0; // bit per Column
        QList<int> roles;
    };
    void applyFields(VmRow &target, const VmRow &source, unsigned fields, Touched *touched);
    void refreshClock();
    // Hosts as numbers, so a host's snapshot finds its rows without comparing names.
    int hostKeyOf(const QString &host);
    // Per host number: whether its rows belong to `scope` (VmRow::inScope).
    std::vector<char> scopeMask(const QString &scope) const;

    // Rows per host number (m_rows only), recounted when rows come, go or change host.
    void recountHosts();

    std::shared_ptr<VmChangeQueue> m_queue;
    std::vector<VmRow> m_rows;
    QHash<qint64, int> m_rowOfId;
    QHash<qint64, qint64> m_seq;    // per VM id: the newest change sequence applied (VmChange::seq)
    QHash<QString, int> m_hostKeys; // host name -> its number (VmRow::hostKey)
    std::vector<int> m_rowsOfHostKey;     // per host number: how many of m_rows it holds
    std::vector<int> m_rowsInState;       // per VmState: how many of m_rows are in it
    QHash<QString, QString> m_shardNames; // shard path -> short name
    QTimer m_drainTimer;
    QTimer m_clockTimer;
};

} // namespace vmeclone
