#pragma once
// The UDP endpoint guests announce themselves to. Verifies every datagram
// (AnnouncementVerifier), turns accepted ones into VM state changes, and writes them
// to the inventory in one transaction per tick before telling anyone. Also marks
// online VMs unreachable when their heartbeats stop. A rejected datagram that names a VM
// (a bad signature or MAC, a replay, too many) becomes a warning among that VM's events,
// with why and from where, within a budget per VM and minute.
//
// Lives in one thread (the one that calls start()); its Inventory connection too.

#include "inventory/inventory.h"
#include "listener/announcement_verifier.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <array>
#include <memory>

namespace vmeclone {

struct ListenerStats {
    quint64 received = 0;
    quint64 accepted = 0; // counted when their effect is committed to the inventory
    std::array<quint64, kRejectReasonCount> rejected{};
    quint64 eventsHeld = 0;  // state changes past a VM's event budget: summarised, not logged
    QStringList listeningOn; // "127.0.0.1:9176", and the goldens' console addresses here
    quint64 rejectedTotal() const;
};

class AnnouncementListener : public QObject {
    Q_OBJECT
public:
    struct Options {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 9176;
        QString inventoryPath;
        QString secretPath;
        AnnouncementVerifier::Options verifier;
        int flushIntervalMs = 100;      // one inventory transaction per tick
        int unreachableAfterMs = 15000; // no heartbeat for this long: unreachable
        int receiveBufferBytes = 4 * 1024 * 1024;
        // Also listen on every console address of the registered goldens that is an
        // address of this host (VMware guests on a bridged or host-only network send
        // there), followed as goldens and the host's addresses change.
        bool followConsoleAddresses = true;
        int addressCheckIntervalMs = 2000;
        // State-change events written per VM and minute; past it they are counted and
        // summarised once the minute is over (the VM's row still follows every change).
        int eventsPerVmPerMinute = 30;
    };

    explicit AnnouncementListener(Options options, QObject *parent = nullptr);
    ~AnnouncementListener() override;

    // Opens the inventory and binds the socket. Fails naming the address and port
    // when another process listens there already.
    Status start();
    quint16 port() const;
    const ListenerStats &stats() const { return m_stats; }
    QStringList listeningOn() const { return m_stats.listeningOn; }

    // Re-reads the VMs from the inventory (new clones, released ones).
    void reloadVms();

    // Applies pending changes now (tests and shutdown).
    void flush();

Q_SIGNALS:
    // After the tick's changes were committed: one list per tick.
    void vmsUpdated(const QList<vmeclone::VmUpdate> &updates);
    void statsChanged(const vmeclone::ListenerStats &stats);
    // The addresses listened on changed (a golden's console address came or went).
    void listeningOnChanged(const QStringList &endpoints);

private:
    struct Endpoint {
        quint32 address = 0;
        int fd = -1;
        QSocketNotifier *notifier = nullptr;
    };
    Expected<Endpoint> openEndpoint(quint32 address, quint16 port);
    void closeEndpoint(Endpoint &endpoint);
    // Binds the goldens' console addresses that are this host's, drops the others.
    void followAddresses();
    void readPending(int fd);
    void process(const std::uint8_t *data, std::size_t size, quint32 sender, quint16 senderPort,
                 qint64 now);
    void accept(const Verdict &verdict);
    void markUnreachable();
    // Reloads the VMs when another process committed to the inventory since the last
    // look (SQLite's data_version): released, re-made and started VMs are seen within a
    // tick, not only after a guest's datagram was rejected. True when it reloaded.
    bool followInventory();

    Options m_options;
    std::unique_ptr<Inventory> m_inventory;
    std::unique_ptr<AnnouncementVerifier> m_verifier;
    QList<Endpoint> m_endpoints; // the first: Options::address
    QSet<quint32> m_warnedAddresses;
    qint64 m_lastAddressCheckMs = -1'000'000;
    quint16 m_port = 0;
    struct EventBudget {
        qint64 windowStartMs = 0;
        int written = 0;
        int held = 0;
    };
    QHash<qint64, EventBudget> m_eventBudgets;
    // Rejected datagrams that name a VM, logged as its events within a budget of their own
    // (a flood of forgeries cannot hide its state changes): at most this many a minute.
    static constexpr int kRejectionsPerVmPerMinute = 5;
    QHash<qint64, EventBudget> m_rejectionBudgets;
    QList<QPair<qint64, EventText>> m_pendingRejections; // within budget, written at the tick
    void writeRejection(const Verdict &v, quint32 sender, quint16 senderPort, qint64 nowMs);
    quint64 m_pendingAccepted = 0;
    // Writes a VM's event unless its budget for the minute is spent.
    void writeEvent(qint64 vmId, const EventText &event, qint64 nowMs);
    void summariseHeldEvents(qint64 nowMs, bool all);
    qint64 m_nowWallMs = 0; // wall clock of the datagrams being read
    QTimer m_flushTimer;
    QTimer m_stateFlush; // a state change is written within ~10 ms; heartbeats wait for the tick
    QElapsedTimer m_clock;
    qint64 m_lastReloadMs = -1'000'000;
    qint64 m_lastFollowMs = -1'000'000;
    qint64 m_dataVersion = -1;
    QHash<qint64, VmUpdate> m_pending;     // per VM: the latest word of this tick
    QHash<qint64, qint64> m_pendingSeenMs; // per VM: wall-clock ms of that word
    QList<QPair<qint64, EventText>> m_pendingEvents;
    QHash<qint64, VmState> m_states; // what the inventory holds now
    QHash<qint64, QString> m_names;
    QHash<qint64, qint64> m_lastSeenMs; // monotonic, for unreachable
    ListenerStats m_stats;
    bool m_statsDirty = false;
};

} // namespace vmeclone

Q_DECLARE_METATYPE(vmeclone::ListenerStats)
