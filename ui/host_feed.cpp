#include "host_feed.h"

#include "cluster/host_self.h"
#include "common/failure_text.h"
#include "common/logging.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <future>
#include <vector>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

// The host a row's host name is asked through: "sub" for "sub/lab1".
QString topHost(const QString &host) {
    return host.section(u'/', 0, 0);
}

// A verb of the hosts' CLI (HostResult::verb) as the log pane says it.
QString verbText(const QString &verb) {
    if (verb == u"start"_s)
        return HostFeed::tr("start");
    if (verb == u"stop"_s)
        return HostFeed::tr("stop");
    if (verb == u"release"_s)
        return HostFeed::tr("release");
    if (verb == u"clone"_s)
        return HostFeed::tr("clone");
    return verb;
}

VmState busyStateOf(const QString &verb) {
    return verb == u"start"_s  ? VmState::Starting
           : verb == u"stop"_s ? VmState::Stopping
                               : VmState::Releasing;
}

} // namespace

HostFeed::HostFeed(Config config, std::shared_ptr<VmChangeQueue> queue, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_queue(std::move(queue))
    , m_intervalMs(m_config.intervalMs) {
    qRegisterMetaType<HostStatus>();
    qRegisterMetaType<QList<HostStatus>>();
    qRegisterMetaType<HostActionResult>();
    qRegisterMetaType<ClusterResult>();
}

HostFeed::~HostFeed() {
    if (!m_thread)
        return;
    m_cancel.store(true);
    // The timer, the head and the inventory belong to the worker thread: they go there,
    // after whatever it is doing now (a listing or an action, cancelled).
    // A promise rather than Qt::BlockingQueuedConnection: both wait the same, but Qt's
    // semaphore is invisible to ThreadSanitizer, and this thread then destroys the members
    // the worker has just reset.
    // The promise is handed over through an atomic too: Qt's event queue passes the
    // functor under a futex TSan does not see, so without it the promise made here and
    // set there looked unordered to it (a report seen in CI, now and then).
    std::promise<void> released;
    std::future<void> done = released.get_future();
    std::atomic<std::promise<void> *> handed{nullptr};
    handed.store(&released, std::memory_order_release);
    QMetaObject::invokeMethod(m_worker, [this, &handed] {
        delete m_timer;
        m_timer = nullptr;
        m_head.reset();
        m_inventory.reset();
        handed.load(std::memory_order_acquire)->set_value();
    });
    done.wait();
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

void HostFeed::start() {
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(u"vmeclone-host-feed"_s);
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, [this] {
        m_timer = new QTimer;
        m_timer->setInterval(m_intervalMs);
        connect(m_timer, &QTimer::timeout, m_worker, [this] { refresh(); });
        m_timer->start();
        refresh();
    });
    m_thread->start();
}

void HostFeed::refreshSoon() {
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [this] { refresh(); });
}

void HostFeed::setInterval(int ms) {
    m_intervalMs = qMax(50, ms);
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [this, ms = m_intervalMs] {
            if (m_timer)
                m_timer->start(ms);
        });
}

bool HostFeed::ensureOpen() {
    if (m_head)
        return true;
    auto inventory = Inventory::open(m_config.inventoryPath);
    if (!inventory) {
        log::hosts()->error("{}", tr("cannot open the inventory to ask the hosts: %1")
                                      .arg(failureText(inventory.error())));
        return false;
    }
    m_inventory = std::move(*inventory);
    m_head = std::make_unique<ClusterHead>(*m_inventory, m_config.cluster);
    return true;
}

int HostFeed::numberOf(const QString &host) {
    const auto it = m_numbers.constFind(host);
    if (it != m_numbers.constEnd())
        return *it;
    const int n = static_cast<int>(m_numbers.size());
    m_numbers.insert(host, n);
    return n;
}

QList<VmRow> HostFeed::rowsOf(const QString &host, const QJsonArray &vms) {
    QList<VmRow> rows;
    rows.reserve(vms.size());
    for (const auto &v : vms) {
        const QJsonObject o = v.toObject();
        const auto address = Ipv4Address::parse(o.value(u"ip"_s).toString());
        if (!address)
            continue;
        VmRow r;
        r.host = o.value(u"host"_s).toString(host);
        r.id = VmRow::remoteId(numberOf(r.host), *address);
        r.name = o.value(u"name"_s).toString();
        r.address = *address;
        r.suffix = static_cast<quint32>(o.value(u"suffix"_s).toInteger());
        r.mac =
            MacAddress::parse(o.value(u"mac"_s).toString()).value_or(MacAddress::forIpv4(*address));
        r.shard = o.value(u"shard"_s).toString();
        r.state = vmStateFromName(o.value(u"state"_s).toString()).value_or(VmState::Failed);
        r.progress = o.value(u"progress"_s).toInt();
        r.reason = o.value(u"reason"_s).toString();
        r.boots = o.value(u"boots"_s).toInt();
        r.uptimeSeconds = o.value(u"uptime_seconds"_s).toInteger();
        r.lastSeen = QDateTime::fromString(o.value(u"last_seen"_s).toString(), Qt::ISODateWithMs);
        rows.append(r);
    }
    return rows;
}

void HostFeed::refresh() {
    if (m_cancel.load() || !ensureOpen())
        return;
    auto hosts = m_inventory->hosts();
    if (!hosts) {
        log::hosts()->error("{}", tr("cannot read the hosts: %1").arg(failureText(hosts.error())));
        return;
    }
    QStringList names;
    for (const HostRecord &h : *hosts)
        names << h.name;
    // Hosts removed since: their rows go.
    for (const QString &gone : std::as_const(m_shown))
        if (!names.contains(gone)) {
            m_queue->push(VmChange::hostSnapshot(gone, {}));
            m_status.remove(gone);
        }
    m_shown = names;

    QList<HostStatus> shown;
    if (!hosts->isEmpty()) {
        const ClusterListing listing = m_head->list(*hosts);
        // What each host that answered says of itself (free space, version), in parallel.
        const SshTransport ssh(m_config.cluster.ssh);
        std::vector<std::pair<QString, std::future<Expected<HostSelf>>>> selves;
        for (const HostRecord &h : *hosts)
            if (!listing.hostErrors.contains(h.name))
                selves.emplace_back(
                    h.name, std::async(std::launch::async, [&ssh, h] { return askHost(ssh, h); }));
        QHash<QString, QJsonArray> vmsOf;
        for (const auto &v : listing.vms)
            vmsOf[topHost(v.toObject().value(u"host"_s).toString())].append(v);
        const QDateTime now = QDateTime::currentDateTime();
        for (const HostRecord &h : *hosts) {
            HostStatus &s = m_status[h.name];
            s.name = h.name;
            s.destination = h.destination;
            s.asked = true;
            if (const auto e = listing.hostErrors.constFind(h.name);
                e != listing.hostErrors.constEnd()) {
                if (s.reachable || s.error != *e)
                    log::hosts()->warn(
                        "{}", tr("host %1 cannot be asked: %2").arg(h.name, failureText(*e)));
                s.reachable = false;
                s.error = *e;
                m_queue->push(VmChange::hostState(h.name, false, *e));
                continue;
            }
            if (!s.reachable && !s.error.isEmpty())
                log::hosts()->info("{}", tr("host %1 answers again").arg(h.name));
            s.reachable = true;
            s.error.clear();
            s.lastContact = now;
            const QJsonArray vms = vmsOf.value(h.name);
            s.vms = static_cast<int>(vms.size());
            s.vmsByState.clear();
            for (const auto &v : vms)
                ++s.vmsByState[v.toObject().value(u"state"_s).toString()];
            m_queue->push(VmChange::hostSnapshot(h.name, rowsOf(h.name, vms)));
        }
        for (auto &[name, future] : selves) {
            const Expected<HostSelf> self = future.get();
            HostStatus &s = m_status[name];
            if (self) {
                s.bytesFree = self->bytesFree();
                s.version = self->version;
                s.listenerRunning = self->listenerRunning;
            }
        }
        for (const HostRecord &h : *hosts)
            shown << m_status.value(h.name);
    }
    m_listings.fetch_add(1);
    Q_EMIT hostsChanged(shown);
}

void HostFeed::run(const QString &verb, const QMap<QString, QList<Ipv4Address>> &perHost) {
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [this, verb, perHost] {
        HostActionResult result;
        result.verb = verb;
        ClusterResult all;
        if (!ensureOpen())
            return;
        // Each host's VMs as one range there, the hosts one after another (the ledger
        // is this thread's); their rows show the step at once.
        QMap<QString, QList<Ipv4Address>> byTop;
        QList<VmChange> busy;
        for (auto it = perHost.begin(); it != perHost.end(); ++it) {
            byTop[topHost(it.key())] += it.value();
            for (const Ipv4Address &a : it.value())
                busy << VmChange::state(VmRow::remoteId(numberOf(it.key()), a), busyStateOf(verb));
        }
        m_queue->push(std::move(busy));
        for (auto it = byTop.begin(); it != byTop.end() && !m_cancel.load(); ++it) {
            auto hosts = m_head->hosts(it.key());
            if (!hosts) {
                all.hostErrors.insert(it.key(), hosts.error());
                continue;
            }
            QStringList range;
            for (const Ipv4Address &a : it.value())
                range << a.toString();
            log::hosts()->info("{}", tr("%1: %n VM(s) on host %2", nullptr, int(it.value().size()))
                                         .arg(verbText(verb), it.key()));
            const ClusterResult r = m_head->onRange(verb, *hosts, range.join(u','), &m_cancel);
            all.outcomes += r.outcomes;
            all.hostErrors.insert(r.hostErrors);
        }
        refresh();
        finish(result, all);
    });
}

void HostFeed::clone(const QString &hostsSpec, const CloneOptions &options, const QString &range) {
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [this, hostsSpec, options, range] {
        HostActionResult result;
        result.verb = u"clone"_s;
        if (!ensureOpen())
            return;
        auto hosts = m_head->hosts(hostsSpec);
        if (!hosts) {
            result.problems << failureText(hosts.error());
            ++result.failed;
            Q_EMIT actionFinished(result);
            return;
        }
        const bool all = hostsSpec.trimmed().compare(u"all"_s, Qt::CaseInsensitive) == 0;
        log::hosts()->info("{}", tr("cloning %1 over hosts %2").arg(range, hostsSpec));
        // Each step as the hosts report it (from their threads, one at a time); this
        // machine's own VMs come with its inventory, as every local clone's do.
        const auto queue = m_queue;
        QHash<QString, int> numbers;
        for (const HostRecord &h : *hosts)
            numbers.insert(h.name, numberOf(h.name));
        const ClusterResult r = m_head->clone(
            *hosts, options, range, all, &m_cancel, [queue, numbers](const ClusterEvent &e) {
                if (isLocalHost(e.host) || !numbers.contains(e.host))
                    return;
                VmChange c;
                c.kind = VmChange::Kind::Update;
                c.fields = VmChange::State | VmChange::Reason | VmChange::Progress;
                c.row.id = VmRow::remoteId(numbers.value(e.host), e.address);
                c.row.host = e.host;
                c.row.name = e.name;
                c.row.address = e.address;
                c.row.suffix = e.address.toUInt() & 0xff;
                c.row.mac = MacAddress::forIpv4(e.address);
                c.row.state = vmStateFromName(e.state).value_or(VmState::Failed);
                c.row.progress = e.progress;
                c.row.reason = e.message;
                queue->push(std::move(c));
            });
        if (!r.refused.isEmpty()) {
            result.problems << r.refused;
            ++result.failed;
        }
        refresh();
        finish(result, r);
    });
}

void HostFeed::plan(const QString &hostsSpec, const CloneOptions &options, const QString &range,
                    quint64 tag) {
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [this, hostsSpec, options, range, tag] {
        ClusterResult r;
        if (!ensureOpen())
            return;
        auto hosts = m_head->hosts(hostsSpec);
        if (!hosts)
            r.refused = failureText(hosts.error());
        else
            r = m_head->plan(*hosts, options, range,
                             hostsSpec.trimmed().compare(u"all"_s, Qt::CaseInsensitive) == 0);
        Q_EMIT planned(tag, r);
    });
}

void HostFeed::finish(HostActionResult result, const ClusterResult &r) {
    for (const ClusterOutcome &o : r.outcomes) {
        if (o.ok) {
            ++result.done;
            continue;
        }
        ++result.failed;
        result.problems << u"%1 %2 (%3): %4"_s.arg(o.host.isEmpty() ? u"-"_s : o.host,
                                                   o.address.toString(), o.name,
                                                   failureText(o.message));
    }
    for (auto it = r.hostErrors.begin(); it != r.hostErrors.end(); ++it) {
        ++result.failed;
        result.problems << it.value();
    }
    for (const QString &p : std::as_const(result.problems))
        log::hosts()->warn("{}", tr("%1: %2").arg(verbText(result.verb), p));
    log::hosts()->info("{}", tr("%1 on hosts finished: %2 done, %3 failed")
                                 .arg(verbText(result.verb))
                                 .arg(result.done)
                                 .arg(result.failed));
    Q_EMIT actionFinished(result);
}

} // namespace vmeclone
