#pragma once
// A head: the same verbs, one level up (docs/cluster.md). It places a batch's VMs on its
// hosts (host_placement.h), reserves their addresses in its own ledger before any host is
// asked (Inventory::reserveCluster), sends each host its part as a plan document
// (`vmeclone apply - --json-lines` over SSH; this machine, host "local", runs its own
// vmeclone directly) and streams each host's progress back. Each host stays autonomous:
// its inventory is the truth for its VMs, and the ledger converges to what hosts report.
// A head can itself be a host of a higher head: it runs the same commands.
//
// Blocking calls, for a command-line process or a worker thread; hosts are worked on in
// parallel, the observer is called from their threads.

#include "cluster/host_names.h"
#include "cluster/ssh_transport.h"
#include "common/expected.h"
#include "engine/engine.h"
#include "inventory/inventory.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

namespace vmeclone {

struct ClusterConfig {
    QString localProgram; // this machine's vmeclone, run for host "local"
    QString localHome;    // and its data folder
    SshOptions ssh = SshOptions::fromEnvironment();
    // A host silent this long while it works is given up (its VMs failed, rerun resumes).
    std::chrono::milliseconds silence{std::chrono::minutes(10)};
    // The data folders (their ids) a request passed through down to this head, this
    // one's last: a host that finds its own id in it refuses (a cycle of heads).
    QStringList via;
};

// One step of a VM on a host, as the host reported it (from the host's thread).
struct ClusterEvent {
    QString host;
    Ipv4Address address;
    QString name;
    QString state;
    int progress = 0;
    QString message;
};
using ClusterObserver = std::function<void(const ClusterEvent &)>;

struct ClusterOutcome {
    QString host; // empty: refused before any host was asked
    Ipv4Address address;
    QString name;
    MacAddress mac;
    bool ok = false;
    QString state;
    QString message;
    // plan only: the shard the host's own plan puts a planned VM on (its label, else its
    // folder; "SUBHOST/shard" through a host that is itself a head). Empty: not known.
    QString shard = {};
};

struct ClusterResult {
    QList<ClusterOutcome> outcomes;     // by address
    QHash<QString, QString> hostErrors; // host → why it could not be worked on
    QString refused; // the whole request was refused (nothing was asked of any host)
    bool cancelled = false;
    int failures() const;
    bool ok() const { return !cancelled && refused.isEmpty() && failures() == 0; }
};

// Every VM of every host asked, as its host lists it (`list --json` there) with "host"
// added; hosts that could not be asked are in hostErrors.
struct ClusterListing {
    QJsonArray vms;
    QHash<QString, QString> hostErrors;
};

class ClusterHead {
public:
    ClusterHead(Inventory &inventory, ClusterConfig config);

    // "all": this machine and every host of the inventory; else NAME[,NAME...], where
    // "local" is this machine. Fails naming a host the inventory does not know.
    Expected<QList<HostRecord>> hosts(const QString &spec) const;

    // Clones `range` of the golden (by name; empty: the one golden the hosts hold) over
    // `hosts`: a host that holds no such golden is left out when every host was asked for
    // ("all"), and refused when named. A host that cannot be reached has its VMs failed
    // with its error and the rest goes on; the same call again finishes what is missing.
    ClusterResult clone(const QList<HostRecord> &hosts, const CloneOptions &options,
                        const QString &range, bool allHosts, const std::atomic_bool *cancel,
                        const ClusterObserver &observer = {});
    // What clone would do, without writing anything or asking a host to: each address
    // with the host it goes to ("planned"), resumes on ("resumed on host X") or why it
    // is refused. The hosts are asked what they hold, as clone asks them.
    ClusterResult plan(const QList<HostRecord> &hosts, const CloneOptions &options,
                       const QString &range, bool allHosts);
    // Runs `VERB RANGE` (start, stop or release) on every host; the ledger takes what
    // they hold afterwards (it forgets what they released).
    ClusterResult onRange(const QString &verb, const QList<HostRecord> &hosts, const QString &range,
                          const std::atomic_bool *cancel);
    // Asks every host for its VMs; the ledger takes the states they report and forgets
    // settled VMs a host no longer holds. `listOptions` go to each host's `list --json`
    // (--guest).
    ClusterListing list(const QList<HostRecord> &hosts, const QStringList &listOptions = {});
    // The VMs the ledger places on the hosts of `hostErrors` (hosts that could not be
    // asked), as rows of `list --json`: "host", "ip", "name", "mac", "golden", "state"
    // "unknown", "host_unreachable" true, "reason" the host's error, "last_state" the
    // state its host last reported.
    QJsonArray unreachableRows(const QHash<QString, QString> &hostErrors) const;

private:
    // Steps 1-3 of clone and plan: the hosts asked, the golden agreed, the addresses
    // checked and placed. Empty (result.refused says why) when the request is refused;
    // addresses refused one by one are in result.outcomes.
    struct Placed {
        QString golden;
        QList<ClusterVm> vms;
    };
    // The hosts' own placement of their planned shares, asked read-only (`plan ADDRESSES
    // --json` on each, in parallel): each outcome's shard; an address a host refuses is
    // refused with its reason, as the clone would be.
    void planShards(const QList<HostRecord> &hosts, const QString &golden,
                    const CloneOptions &options, ClusterResult &result);
    std::optional<Placed> place(const QList<HostRecord> &hosts, const CloneOptions &options,
                                const QString &range, bool allHosts, ClusterResult &result);
    struct Run {
        ChildRun child;
        QString error; // empty when the command there succeeded
    };
    Run runOn(const HostRecord &host, const QStringList &arguments, const QByteArray &input,
              const std::function<void(const QByteArray &)> &onLine,
              const std::atomic_bool *cancel) const;
    void reconcile(const QString &host, const QJsonArray &vms);
    // A remote host is told the chain of heads so far (--via): one that has hosts of its
    // own goes on to all of them. This machine runs the verb on its own.
    QStringList headArguments(const HostRecord &host, QStringList arguments) const;

    Inventory &m_inventory;
    ClusterConfig m_config;
    SshTransport m_ssh;
};

} // namespace vmeclone
