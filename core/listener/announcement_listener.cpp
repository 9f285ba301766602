#include "announcement_listener.h"

#include "common/failure_text.h"
#include "common/logging.h"

#include <QDateTime>
#include <QNetworkInterface>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

std::optional<VmState> stateFor(protocol::AgentState s) {
    using protocol::AgentState;
    switch (s) {
    case AgentState::Booting:
        return VmState::Booting;
    case AgentState::Configuring:
        return VmState::Configuring;
    case AgentState::Rebooting:
        return VmState::Rebooting;
    case AgentState::Online:
        return VmState::Online;
    case AgentState::Failed:
        return VmState::Failed;
    case AgentState::Stopping:
        return VmState::Stopping;
    }
    return std::nullopt;
}

} // namespace

quint64 ListenerStats::rejectedTotal() const {
    quint64 n = 0;
    for (auto r : rejected)
        n += r;
    return n;
}

AnnouncementListener::AnnouncementListener(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    m_flushTimer.setInterval(m_options.flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &AnnouncementListener::flush);
    m_stateFlush.setSingleShot(true);
    m_stateFlush.setInterval(10);
    connect(&m_stateFlush, &QTimer::timeout, this, &AnnouncementListener::flush);
}

AnnouncementListener::~AnnouncementListener() {
    // Only a listener that listened writes at its end: one that found the port taken (a
    // second console) must not judge liveness, or mark anything at all.
    if (m_inventory && !m_endpoints.isEmpty()) {
        flush();
        summariseHeldEvents(m_clock.elapsed(), true);
    }
    for (auto &e : m_endpoints)
        closeEndpoint(e);
}

Status AnnouncementListener::start() {
    auto secret = ClusterSecret::loadOrCreate(m_options.secretPath);
    if (!secret)
        return fail(secret.error());
    auto inventory = Inventory::open(m_options.inventoryPath);
    if (!inventory)
        return fail(inventory.error());
    m_inventory = std::move(*inventory);
    if (!m_inventory->readOnlyReason().isEmpty()) {
        const QString why = m_inventory->readOnlyReason();
        m_inventory.reset(); // nothing to flush at the end
        return fail(u"cannot record the guests' states: "_s + why);
    }
    m_verifier = std::make_unique<AnnouncementVerifier>(*secret, m_options.verifier);
    m_clock.start();
    reloadVms();

    auto primary = openEndpoint(m_options.address.toIPv4Address(), m_options.port);
    if (!primary)
        return fail(primary.error());
    m_endpoints.append(*primary);
    m_stats.listeningOn = {u"%1:%2"_s.arg(m_options.address.toString()).arg(m_port)};
    followAddresses();
    m_flushTimer.start();
    log::listener()->info(
        "{}",
        LogText::tr("listening for announcements on %1").arg(m_stats.listeningOn.join(u", "_s)));
    return {};
}

Expected<AnnouncementListener::Endpoint> AnnouncementListener::openEndpoint(quint32 address,
                                                                            quint16 port) {
    const auto cannot = [&](const QString &why) {
        return fail(u"cannot listen for announcements on %1:%2: %3"_s.arg(
            QHostAddress(address).toString(), QString::number(port), why));
    };
    // Our own socket, drained 64 datagrams per system call (recvmmsg): QUdpSocket's
    // one call per datagram caps the listener well below what guests can send.
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return cannot(QString::fromLocal8Bit(std::strerror(errno)));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(address);
    // No SO_REUSEADDR/SO_REUSEPORT: a second listener on the port must fail loudly,
    // not silently split the guests' datagrams with the first.
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0) {
        const int error = errno;
        ::close(fd);
        return cannot(error == EADDRINUSE ? u"the port is in use by another listener"_s
                                          : QString::fromLocal8Bit(std::strerror(error)));
    }
    // Bursts from hundreds of booting guests overflow the default receive buffer; as
    // root the limit of net.core.rmem_max can be passed.
    const int size = m_options.receiveBufferBytes;
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    if (m_port == 0)
        m_port = ntohs(addr.sin_port);
    Endpoint e;
    e.address = address;
    e.fd = fd;
    e.notifier = new QSocketNotifier(static_cast<qintptr>(fd), QSocketNotifier::Read, this);
    connect(e.notifier, &QSocketNotifier::activated, this, [this, fd] { readPending(fd); });
    return e;
}

void AnnouncementListener::closeEndpoint(Endpoint &e) {
    delete e.notifier;
    e.notifier = nullptr;
    if (e.fd >= 0)
        ::close(e.fd);
    e.fd = -1;
}

void AnnouncementListener::followAddresses() {
    m_lastAddressCheckMs = m_clock.elapsed();
    const quint32 primary = m_options.address.toIPv4Address();
    if (!m_options.followConsoleAddresses || m_options.address == QHostAddress::AnyIPv4)
        return;
    auto goldens = m_inventory->goldens();
    if (!goldens) {
        log::listener()->error("{}", LogText::tr("cannot read the goldens' console addresses: %1")
                                         .arg(failureText(goldens.error())));
        return;
    }
    QSet<quint32> local;
    for (const QHostAddress &a : QNetworkInterface::allAddresses())
        if (a.protocol() == QAbstractSocket::IPv4Protocol)
            local.insert(a.toIPv4Address());
    QHash<quint32, QString> wanted; // address -> a golden that sends there
    for (const auto &g : *goldens) {
        const quint32 a = g.consoleAddress.toUInt();
        if (a == 0 || a == primary || wanted.contains(a))
            continue;
        if (!local.contains(a)) {
            if (!m_warnedAddresses.contains(a)) {
                m_warnedAddresses.insert(a);
                log::listener()->warn(
                    "{}", LogText::tr("the golden %1's console address %2 is not an address of "
                                      "this host: its guests cannot be heard here")
                              .arg(g.name, g.consoleAddress.toString()));
            }
            continue;
        }
        wanted.insert(a, g.name);
    }
    bool changed = false;
    for (qsizetype i = m_endpoints.size() - 1; i >= 1; --i) {
        if (wanted.contains(m_endpoints[i].address))
            continue;
        log::listener()->info(
            "{}", LogText::tr("no longer listening on %1:%2 (no golden's console address)")
                      .arg(QHostAddress(m_endpoints[i].address).toString())
                      .arg(m_port));
        closeEndpoint(m_endpoints[i]);
        m_endpoints.removeAt(i);
        changed = true;
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (std::any_of(m_endpoints.cbegin(), m_endpoints.cend(),
                        [&](const Endpoint &e) { return e.address == it.key(); }))
            continue;
        auto e = openEndpoint(it.key(), m_port);
        if (!e) {
            if (!m_warnedAddresses.contains(it.key())) {
                m_warnedAddresses.insert(it.key());
                log::listener()->error("{}",
                                       LogText::tr("%1 (the console address of the golden %2)")
                                           .arg(failureText(e.error()), it.value()));
            }
            continue;
        }
        m_warnedAddresses.remove(it.key());
        m_endpoints.append(*e);
        log::listener()->info(
            "{}", LogText::tr("listening for announcements on %1:%2 too (the console address of "
                              "the golden %3)")
                      .arg(QHostAddress(it.key()).toString())
                      .arg(m_port)
                      .arg(it.value()));
        changed = true;
    }
    if (!changed)
        return;
    QStringList on;
    for (const auto &e : std::as_const(m_endpoints))
        on << u"%1:%2"_s.arg(QHostAddress(e.address).toString()).arg(m_port);
    m_stats.listeningOn = on;
    m_statsDirty = true;
    Q_EMIT listeningOnChanged(on);
}

quint16 AnnouncementListener::port() const {
    return m_port;
}

bool AnnouncementListener::followInventory() {
    m_lastFollowMs = m_clock.elapsed();
    auto version = m_inventory->dataVersion();
    if (!version) {
        log::listener()->error("{}", LogText::tr("cannot read the inventory's version: %1")
                                         .arg(failureText(version.error())));
        return false;
    }
    if (*version == m_dataVersion)
        return false;
    m_dataVersion = *version;
    reloadVms();
    return true;
}

void AnnouncementListener::reloadVms() {
    auto vms = m_inventory->vms();
    if (!vms) {
        log::listener()->error(
            "{}", LogText::tr("cannot read the VMs: %1").arg(failureText(vms.error())));
        return;
    }
    m_lastReloadMs = m_clock.elapsed();
    m_verifier->setVms(*vms);
    const qint64 nowWall = QDateTime::currentMSecsSinceEpoch();
    const qint64 nowMono = m_clock.elapsed();
    QHash<qint64, VmState> states;
    QHash<qint64, QString> names;
    for (const auto &vm : *vms) {
        // A change of this tick not yet written wins over what the inventory says.
        auto pending = m_pending.constFind(vm.id);
        VmState state = vm.state;
        if (pending != m_pending.constEnd() && pending->state)
            state = *pending->state;
        states.insert(vm.id, state);
        names.insert(vm.id, vm.name);
        m_verifier->updateVmState(vm.id, state);
        // Heard no earlier than this listener started: heartbeats sent while no process
        // listened were not missed by the guest, and a listener that has just started
        // gives every VM one full window before it calls it unreachable.
        if (!m_lastSeenMs.contains(vm.id) && vm.lastSeen.isValid())
            m_lastSeenMs.insert(
                vm.id, std::max<qint64>(0, nowMono - (nowWall - vm.lastSeen.toMSecsSinceEpoch())));
    }
    m_states = std::move(states);
    m_names = std::move(names);
}

void AnnouncementListener::readPending(int fd) {
    const qint64 now = m_clock.elapsed();
    m_nowWallMs = QDateTime::currentMSecsSinceEpoch();
#ifdef Q_OS_LINUX
    constexpr int kBatch = 64;
    static thread_local std::array<std::array<std::uint8_t, protocol::kMaxDatagram + 1>, kBatch>
        buffers;
    std::array<mmsghdr, kBatch> messages{};
    std::array<iovec, kBatch> vectors{};
    std::array<sockaddr_in, kBatch> senders{};
    for (int i = 0; i < kBatch; ++i) {
        vectors[i] = {buffers[i].data(), buffers[i].size()};
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
        messages[i].msg_hdr.msg_name = &senders[i];
        messages[i].msg_hdr.msg_namelen = sizeof(sockaddr_in);
    }
    while (true) {
        const int n = ::recvmmsg(fd, messages.data(), kBatch, MSG_DONTWAIT, nullptr);
        if (n <= 0)
            break;
        for (int i = 0; i < n; ++i) {
            // A datagram cut by the buffer is over kMaxDatagram: pass its true length.
            const bool cut = messages[i].msg_hdr.msg_flags & MSG_TRUNC;
            const std::size_t size = cut ? protocol::kMaxDatagram + 1 : messages[i].msg_len;
            process(buffers[i].data(), size, ntohl(senders[i].sin_addr.s_addr),
                    ntohs(senders[i].sin_port), now);
            messages[i].msg_hdr.msg_namelen = sizeof(sockaddr_in);
        }
        if (n < kBatch)
            break;
    }
#else
    std::array<std::uint8_t, protocol::kMaxDatagram + 1> buffer;
    while (true) {
        sockaddr_in sender{};
        socklen_t len = sizeof sender;
        const ssize_t n = ::recvfrom(fd, buffer.data(), buffer.size(), MSG_DONTWAIT,
                                     reinterpret_cast<sockaddr *>(&sender), &len);
        if (n < 0)
            break;
        process(buffer.data(), static_cast<std::size_t>(n), ntohl(sender.sin_addr.s_addr),
                ntohs(sender.sin_port), now);
    }
#endif
}

void AnnouncementListener::process(const std::uint8_t *data, std::size_t size, quint32 sender,
                                   quint16 senderPort, qint64 now) {
    ++m_stats.received;
    m_statsDirty = true;
    const quint64 source = AnnouncementVerifier::sourceKey(sender, senderPort);
    Verdict v = m_verifier->check(data, size, source, now);
    if (!v.accepted && (v.reason == RejectReason::UnknownVm || v.reason == RejectReason::NotRunning)
        && now - m_lastFollowMs >= 20 && followInventory()) {
        // Another process has just cloned or started it: judged by the rows as they are.
        v = m_verifier->check(data, size, source, now);
    }
    if (v.accepted) {
        ++m_pendingAccepted; // counted once written (flush)
        accept(v);
    } else {
        ++m_stats.rejected[static_cast<int>(v.reason)];
        log::listener()->debug("rejected a datagram from {}:{}: {}",
                               QHostAddress(sender).toString(), senderPort,
                               rejectReasonName(v.reason));
        // Those naming a VM are its events, except what a stop or release leaves in flight
        // (a heartbeat sent just before, counted in the status bar as expected).
        if (v.vmId != 0 && v.reason != RejectReason::NotRunning)
            writeRejection(v, sender, senderPort, now);
    }
}

void AnnouncementListener::writeRejection(const Verdict &v, quint32 sender, quint16 senderPort,
                                          qint64 nowMs) {
    EventBudget &b = m_rejectionBudgets[v.vmId];
    if (b.written == 0 && b.held == 0)
        b.windowStartMs = nowMs;
    if (b.written >= kRejectionsPerVmPerMinute) {
        ++b.held;
        return;
    }
    ++b.written;
    // Written at the tick (flush), not on the path that reads datagrams.
    m_pendingRejections.append(
        {v.vmId, EventText::make(u"rejected"_s, {QString::fromLatin1(rejectReasonName(v.reason)),
                                                 u"%1:%2"_s.arg(QHostAddress(sender).toString(),
                                                                QString::number(senderPort))})});
}

void AnnouncementListener::accept(const Verdict &v) {
    const auto &a = v.announcement;
    VmUpdate &u = m_pending[v.vmId];
    u.vmId = v.vmId;
    // Text conversions once per VM and tick, not per datagram (the hot path).
    if (v.newBoot || u.bootId.isEmpty())
        u.bootId = QString::fromStdString(protocol::toHex(a.bootId.data(), a.bootId.size()));
    u.lastSequence = static_cast<qint64>(a.sequence);
    u.boots = static_cast<int>(a.boots);
    u.uptimeSeconds = a.uptimeSeconds;
    m_pendingSeenMs.insert(v.vmId, m_nowWallMs); // becomes u.lastSeen at the flush
    m_lastSeenMs.insert(v.vmId, m_clock.elapsed());

    const auto next = stateFor(a.state);
    const VmState current = m_states.value(v.vmId, VmState::Booting);
    if (!next || *next == current)
        return;
    // An instant clone resumed (it never boots): until it is online, what its agent says
    // on the way (booting, configuring) is all "resuming" (docs/instant-clones.md).
    if (current == VmState::Resuming
        && (*next == VmState::Booting || *next == VmState::Configuring
            || *next == VmState::Rebooting))
        return;
    u.state = next;
    u.reason = QString::fromStdString(a.detail);
    // Operators wait for state changes (a clone coming online), not for heartbeats:
    // write them at once, coalescing a burst of them into one transaction.
    if (!m_stateFlush.isActive())
        m_stateFlush.start();
    // online_at is the first online of the current boot: a heartbeat that returns
    // after 'unreachable' within the same boot keeps it.
    if (*next == VmState::Online && (v.newBoot || current != VmState::Unreachable))
        u.wentOnline = true;
    m_states.insert(v.vmId, *next);
    m_verifier->updateVmState(v.vmId, *next);
    m_pendingEvents.append(
        {v.vmId, EventText::make(u"state"_s, {vmStateName(*next), QString::fromStdString(a.detail),
                                              v.verified ? QString() : u"unsigned"_s})});
}

void AnnouncementListener::markUnreachable() {
    const qint64 now = m_clock.elapsed();
    for (auto it = m_states.begin(); it != m_states.end(); ++it) {
        if (it.value() != VmState::Online)
            continue;
        const qint64 seen = m_lastSeenMs.value(it.key(), now);
        if (now - seen < m_options.unreachableAfterMs)
            continue;
        VmUpdate &u = m_pending[it.key()];
        u.vmId = it.key();
        u.state = VmState::Unreachable;
        const qint64 silent = (now - seen) / 1000;
        u.reason = EventText::noHeartbeat(silent);
        it.value() = VmState::Unreachable;
        m_verifier->updateVmState(it.key(), VmState::Unreachable);
        m_pendingEvents.append(
            {it.key(), EventText::make(u"unreachable"_s, {QString::number(silent)})});
    }
}

void AnnouncementListener::flush() {
    if (!m_inventory)
        return;
    if (followInventory()
        || m_clock.elapsed() - m_lastAddressCheckMs >= m_options.addressCheckIntervalMs)
        followAddresses(); // a golden added or removed, an address of this host changed
    summariseHeldEvents(m_clock.elapsed(), false);
    markUnreachable();
    if (!m_pending.isEmpty()) {
        for (auto it = m_pendingSeenMs.cbegin(); it != m_pendingSeenMs.cend(); ++it) {
            if (auto u = m_pending.find(it.key()); u != m_pending.end())
                u->lastSeen = QDateTime::fromMSecsSinceEpoch(it.value());
        }
        m_pendingSeenMs.clear();
        QList<VmUpdate> updates = m_pending.values();
        if (auto s = m_inventory->apply(updates); !s) {
            log::listener()->error(
                "{}", LogText::tr("cannot write %n announcement(s) to the inventory: %1", nullptr,
                                  static_cast<int>(updates.size()))
                          .arg(failureText(s.error())));
            return; // kept pending: retried next tick
        }
        // apply() leaves alone a VM that another process moved meanwhile (stopping,
        // releasing, removed): tell only the state changes that were written.
        QSet<qint64> notMoved;
        for (auto &u : updates) {
            if (!u.state || u.stateWritten)
                continue;
            notMoved.insert(u.vmId);
            u.state.reset();
            u.reason.clear();
            u.wentOnline = false;
        }
        m_stats.accepted += m_pendingAccepted;
        m_pendingAccepted = 0;
        m_statsDirty = true;
        const qint64 nowMs = m_clock.elapsed();
        for (const auto &[vmId, message] : std::as_const(m_pendingEvents)) {
            if (!notMoved.contains(vmId))
                writeEvent(vmId, message, nowMs);
        }
        m_pending.clear();
        m_pendingEvents.clear();
        if (!notMoved.isEmpty())
            reloadVms(); // learn their real states, so their guests are judged by them
        Q_EMIT vmsUpdated(updates);
    }
    for (const auto &[vmId, event] : std::as_const(m_pendingRejections)) {
        const QString name = m_names.value(vmId);
        log::echo()->warn("{}: {}", name, event.english);
        if (auto s = m_inventory->addEvent(u"warning"_s, name, event); !s)
            log::listener()->error("{}", LogText::tr("%1: cannot log '%2': %3")
                                             .arg(name, event.english, failureText(s.error())));
    }
    m_pendingRejections.clear();
    if (m_statsDirty) {
        m_statsDirty = false;
        Q_EMIT statsChanged(m_stats);
    }
}

void AnnouncementListener::writeEvent(qint64 vmId, const EventText &event, qint64 nowMs) {
    const QString &message = event.english;
    EventBudget &b = m_eventBudgets[vmId];
    if (b.written == 0 && b.held == 0)
        b.windowStartMs = nowMs;
    const QString name = m_names.value(vmId);
    if (b.written >= m_options.eventsPerVmPerMinute) {
        ++b.held;
        ++m_stats.eventsHeld;
        m_statsDirty = true;
        return;
    }
    ++b.written;
    log::echo()->info("{}: {}", name, message);
    if (auto s = m_inventory->addEvent(u"info"_s, name, event); !s)
        log::listener()->error(
            "{}",
            LogText::tr("%1: cannot log '%2': %3").arg(name, message, failureText(s.error())));
}

void AnnouncementListener::summariseHeldEvents(qint64 nowMs, bool all) {
    // Each budget whose minute is over (or all, at the end) says once what it held.
    const auto summarise = [&](QHash<qint64, EventBudget> &budgets, const QString &code,
                               int perMinute) {
        for (auto it = budgets.begin(); it != budgets.end();) {
            if (!all && nowMs - it->windowStartMs < 60'000) {
                ++it;
                continue;
            }
            if (it->held > 0) {
                const QString name = m_names.value(it.key());
                const EventText event =
                    EventText::make(code, {QString::number(it->held), QString::number(perMinute)});
                log::echo()->warn("{}: {}", name, event.english);
                if (auto s = m_inventory->addEvent(u"warning"_s, name, event); !s)
                    log::listener()->error("{}",
                                           LogText::tr("%1: cannot log '%2': %3")
                                               .arg(name, event.english, failureText(s.error())));
            }
            it = budgets.erase(it);
        }
    };
    summarise(m_rejectionBudgets, u"held-rejections"_s, kRejectionsPerVmPerMinute);
    summarise(m_eventBudgets, u"held-states"_s, m_options.eventsPerVmPerMinute);
}

} // namespace vmeclone
