#pragma once
// The console as a head (docs/cluster.md): the VMs of the data folder's hosts, and what
// the console does to them. A worker thread of its own (never the GUI thread) opens the
// inventory and a ClusterHead over it, and every few seconds asks every host its VMs
// (ClusterHead::list, each host in parallel). Each host's answer goes into the VM table's
// queue (the same ordered feed as this machine's VMs) as a snapshot of that host's rows,
// keyed by host and address; a host that cannot be asked has its rows kept and greyed
// (VmChange::HostState), so its VMs read "host unreachable", not "unreachable". What each
// host said about itself (hostsChanged) feeds the Hosts panel.
//
// Start, stop and release of VMs on hosts, and clones over hosts, run on the same thread
// in the order asked, each followed by a fresh listing: one ordered stream of changes.
// Qt Core only.

#include "cluster/cluster_head.h"
#include "vm_change_queue.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>

#include <atomic>
#include <memory>

class QThread;
class QTimer;

namespace vmeclone {

// One host as the console last heard of it.
struct HostStatus {
    QString name;
    QString destination; // [user@]address, as added
    bool asked = false;  // asked at least once
    bool reachable = false;
    QString error; // why it could not be asked last time (empty: it answered)
    QDateTime lastContact;
    QMap<QString, int> vmsByState; // state name ("online") → VMs
    int vms = 0;
    qint64 bytesFree = -1; // over its usable shards (host self); -1: not known
    QString version;       // its vmeclone's
    bool listenerRunning = false;
};

// What an action on hosts came to.
struct HostActionResult {
    QString verb; // "start", "stop", "release", "clone"
    int done = 0;
    int failed = 0;
    QStringList problems; // one line per failed VM or host that could not be asked
};

class HostFeed : public QObject {
    Q_OBJECT
public:
    struct Config {
        QString inventoryPath;
        ClusterConfig cluster; // localProgram/localHome: host "local" in clones over hosts
        int intervalMs = 5000; // how often every host is asked
    };

    HostFeed(Config config, std::shared_ptr<VmChangeQueue> queue, QObject *parent = nullptr);
    // Cancels what runs and waits for the thread.
    ~HostFeed() override;

    // Starts the thread: the inventory is opened there and the hosts asked at once.
    void start();
    void refreshSoon();
    void setInterval(int ms);
    int interval() const { return m_intervalMs; }

    // Start, stop or release the given VMs of each host (host → addresses), each host's
    // as one `VERB ADDRESSES` there (ClusterHead::onRange); answered by actionFinished.
    void run(const QString &verb, const QMap<QString, QList<Ipv4Address>> &perHost);
    // A clone over hosts (ClusterHead::clone): `hosts` is "all" or NAME[,NAME...].
    void clone(const QString &hosts, const CloneOptions &options, const QString &range);
    // What a clone over hosts would do (ClusterHead::plan), without doing it; answered by
    // planned with the same tag.
    void plan(const QString &hosts, const CloneOptions &options, const QString &range,
              quint64 tag);

    // The thread the work runs on (tests check it is not the GUI's).
    QThread *thread() const { return m_thread; }
    // How many listings have been pushed (each host asked once per listing).
    int listings() const { return m_listings.load(); }

Q_SIGNALS:
    // After every listing: every host of the inventory (not "local"), in its order.
    void hostsChanged(const QList<vmeclone::HostStatus> &hosts);
    void actionFinished(const vmeclone::HostActionResult &result);
    void planned(quint64 tag, const vmeclone::ClusterResult &result);

private:
    void refresh();                // worker thread
    bool ensureOpen();             // worker thread
    QList<VmRow> rowsOf(const QString &host, const QJsonArray &vms);
    int numberOf(const QString &host);
    void finish(HostActionResult result, const ClusterResult &r);

    Config m_config;
    std::shared_ptr<VmChangeQueue> m_queue;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; // lives in m_thread
    QTimer *m_timer = nullptr;   // lives in m_thread
    int m_intervalMs = 5000;
    std::atomic_bool m_cancel{false};
    std::atomic_int m_listings{0};
    // Worker thread only:
    std::unique_ptr<Inventory> m_inventory;
    std::unique_ptr<ClusterHead> m_head;
    QHash<QString, int> m_numbers; // host → its number in the table's ids
    QHash<QString, HostStatus> m_status;
    QStringList m_shown; // hosts whose rows the table holds
};

} // namespace vmeclone

Q_DECLARE_METATYPE(vmeclone::HostStatus)
Q_DECLARE_METATYPE(vmeclone::HostActionResult)
Q_DECLARE_METATYPE(vmeclone::ClusterResult)
