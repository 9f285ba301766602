// The console under load, offscreen: 10,000 VMs in the inventory and the table, and
// 10,000 state changes a second for 10 s from another thread (as the listener and the
// batches post them). Prints the time to the first paint of the full table, the event
// loop's latency (p50/p99 of how late a 10 ms timer fires), and the peak RSS.
//
// Then, in the same run, the console as a head (issue 16): 100 hosts x 1,000 VMs as the
// host feed posts them (a snapshot per host, keyed by host and address), first paint of
// all 100,000 rows, then every host's snapshot again every 5 s (as the feed's listing),
// 10,000 state changes a second and one host dropping out and back each second; its
// figures and their ratio to the first part's (the baseline).
//
//   bench_gui [--small]        (--small: 2,000 VMs, 2 s; 10 hosts x 200 VMs)

#include "engine/engine_service.h"
#include "inventory/inventory.h"
#include "main_window.h"
#include "vm_change.h"
#include "vm_change_queue.h"
#include "vm_table_model.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "bench_gui: %s\n", qPrintable(message));
    std::exit(1);
}

long peakRssKiB() {
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

// Notes the first paint of the table's viewport once the table is full.
class PaintWatch : public QObject {
public:
    PaintWatch(QTableView *view, int rows)
        : m_view(view)
        , m_rows(rows) {
        view->viewport()->installEventFilter(this);
    }
    bool painted = false;

protected:
    bool eventFilter(QObject *o, QEvent *e) override {
        if (e->type() == QEvent::Paint && m_view->model()->rowCount() >= m_rows)
            painted = true;
        return QObject::eventFilter(o, e);
    }

private:
    QTableView *m_view;
    int m_rows;
};


struct LoopFigures {
    double p50 = 0, p99 = 0, max = 0;
};

// How late a 10 ms timer fires while `produce` runs on another thread.
LoopFigures underLoad(QApplication &app, const std::function<void(std::atomic_bool &)> &produce) {
    std::atomic_bool stop{false};
    QThread *producer = QThread::create([&] { produce(stop); });
    std::vector<double> lateness;
    QElapsedTimer tick;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    qint64 expected = 10;
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 now = tick.elapsed();
        lateness.push_back(static_cast<double>(std::max<qint64>(0, now - expected)));
        expected = now + 10;
    });
    tick.start();
    probe.start();
    producer->start();
    while (producer->isRunning())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    producer->wait();
    delete producer;
    probe.stop();
    std::sort(lateness.begin(), lateness.end());
    const auto pct = [&](double p) {
        return lateness.empty() ? -1.0 : lateness[static_cast<size_t>(p * (lateness.size() - 1))];
    };
    return {pct(0.5), pct(0.99), pct(1.0)};
}

// The rows the host feed posts for host `h` (HostFeed::rowsOf), in a mix of states.
QList<VmRow> hostRows(int h, int perHost, const Subnet &subnet) {
    static const VmState states[] = {VmState::Online, VmState::Configured, VmState::Booting,
                                     VmState::Stopped};
    QList<VmRow> rows;
    rows.reserve(perHost);
    for (int i = 0; i < perHost; ++i) {
        VmRow r;
        r.host = u"host%1"_s.arg(h, 3, 10, QLatin1Char('0'));
        r.address = *subnet.addressOfSuffix(static_cast<quint32>(h * perHost + i + 10));
        r.id = VmRow::remoteId(h, r.address);
        r.suffix = subnet.suffixOf(r.address);
        r.name = u"vm%1"_s.arg(r.suffix);
        r.mac = MacAddress::forIpv4(r.address);
        r.shard = u"/srv/shard-a"_s;
        r.state = states[i % 4];
        r.lastSeen = QDateTime::currentDateTime();
        rows.append(r);
    }
    return rows;
}

} // namespace

int main(int argc, char **argv) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const bool small = app.arguments().contains(u"--small"_s);
    const int vmCount = small ? 2000 : 10000;
    const int seconds = small ? 2 : 10;
    const int perSecond = 10000;

    QTemporaryDir tmp;
    const QString home = tmp.filePath(u"home"_s);
    {
        auto inventory = Inventory::open(home + u"/inventory.sqlite"_s);
        if (!inventory)
            die(inventory.error());
        QDir().mkpath(tmp.filePath(u"shard"_s));
        auto shard = (*inventory)->addShard(tmp.filePath(u"shard"_s), 1);
        GoldenRecord g;
        g.name = u"bench"_s;
        g.backend = u"qemu"_s;
        g.path = tmp.filePath(u"golden.json"_s);
        g.subnet = *Subnet::parse(u"10.0.0.0/16");
        g.address = *g.subnet.addressOfSuffix(1);
        auto golden = (*inventory)->addGolden(g);
        if (!shard || !golden)
            die(u"cannot set up the inventory"_s);
        QList<VmRecord> rows;
        for (int i = 0; i < vmCount; ++i) {
            VmRecord vm;
            vm.address = *g.subnet.addressOfSuffix(static_cast<quint32>(10 + i));
            vm.name = u"vm%1"_s.arg(10 + i);
            vm.mac = MacAddress::forIpv4(vm.address);
            vm.goldenId = *golden;
            vm.shardId = *shard;
            vm.folder = tmp.filePath(u"shard/"_s) + vm.name;
            vm.cloneMode = u"linked"_s;
            vm.instance = u"i%1"_s.arg(i);
            rows.append(vm);
        }
        auto reserved = (*inventory)->reserve(rows);
        if (!reserved || reserved->taken.size() != vmCount)
            die(u"cannot reserve the VMs"_s);
        // A mix of states, in one statement.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench"_s);
        db.setDatabaseName(home + u"/inventory.sqlite"_s);
        db.open();
        QSqlQuery(db).exec(
            u"UPDATE vms SET state = CASE id % 4 WHEN 0 THEN 'online' WHEN 1 THEN 'booting' "
            u"WHEN 2 THEN 'configured' ELSE 'stopped' END, boots = id % 3, "
            u"last_seen = strftime('%s','now') * 1000"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"bench"_s);

    // First paint: from opening the service to the table painted full.
    QElapsedTimer t;
    t.start();
    EngineConfig config;
    config.home = home;
    EngineService service(config);
    if (auto s = service.open(); !s)
        die(s.error());
    ConsoleOptions options;
    options.home = home;
    options.setUpDefaults = false;
    MainWindow window(&service, options);
    window.resize(1400, 900);
    PaintWatch watch(window.table(), vmCount);
    window.show();
    while (!watch.painted && t.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    const double firstPaintMs = t.nsecsElapsed() / 1e6;
    if (!watch.painted)
        die(u"the table never showed %1 rows"_s.arg(vmCount));

    // Load: 10,000 state changes a second from another thread, in 10 ms slices.
    auto queue = window.model()->queue();
    const LoopFigures base = underLoad(app, [&](std::atomic_bool &stop) {
        const VmState states[] = {VmState::Booting, VmState::Configuring, VmState::Rebooting,
                                  VmState::Online};
        QElapsedTimer clock;
        clock.start();
        qint64 sent = 0;
        quint32 n = 0;
        while (!stop && clock.elapsed() < seconds * 1000) {
            const qint64 due = clock.elapsed() * perSecond / 1000;
            QList<VmChange> batch;
            for (; sent < due; ++sent, ++n)
                batch.append(VmChange::state(
                    static_cast<qint64>(1 + n % static_cast<quint32>(vmCount)), states[n % 4]));
            if (!batch.isEmpty())
                queue->push(std::move(batch));
            QThread::msleep(10);
        }
    });
    const auto pct = [&](double p) { return p == 0.5 ? base.p50 : p == 0.99 ? base.p99 : base.max; };
    const long rss = peakRssKiB();
    std::printf("metric=gui_first_paint vms=%d ms=%.0f goal_ms=1000 met=%s\n", vmCount,
                firstPaintMs, firstPaintMs <= 1000 ? "yes" : "no");
    std::printf("metric=gui_event_loop_latency changes_per_s=%d seconds=%d p50_ms=%.1f p99_ms=%.1f "
                "max_ms=%.1f "
                "goal_p99_ms=50 met=%s\n",
                perSecond, seconds, pct(0.5), pct(0.99), pct(1.0), pct(0.99) <= 50 ? "yes" : "no");
    std::printf("metric=gui_peak_rss mib=%.1f goal_mib=200 met=%s\n", rss / 1024.0,
                rss / 1024.0 <= 200 ? "yes" : "no");
    // The console as a head: 100 hosts x 1,000 VMs, on a data folder of its own.
    const int hostCount = small ? 10 : 100;
    const int perHost = small ? 200 : 1000;
    const int remoteRows = hostCount * perHost;
    const Subnet wide = *Subnet::parse(u"10.128.0.0/9");
    std::vector<QList<VmRow>> byHost;
    for (int h = 0; h < hostCount; ++h)
        byHost.push_back(hostRows(h, perHost, wide));
    const QString headHome = tmp.filePath(u"head"_s);
    {
        // A shard of its own, so the window shows its table, not the first-run screen.
        auto inventory = Inventory::open(headHome + u"/inventory.sqlite"_s);
        QDir().mkpath(tmp.filePath(u"head-shard"_s));
        if (!inventory || !(*inventory)->addShard(tmp.filePath(u"head-shard"_s), 1))
            die(u"cannot set up the head's inventory"_s);
    }
    // First paint as in the baseline: from opening the service to the table painted full.
    QElapsedTimer firstHosts;
    firstHosts.start();
    EngineConfig headConfig;
    headConfig.home = headHome;
    EngineService headService(headConfig);
    if (auto s = headService.open(); !s)
        die(s.error());
    ConsoleOptions headOptions;
    headOptions.home = headHome;
    headOptions.setUpDefaults = false;
    MainWindow head(&headService, headOptions);
    head.resize(1400, 900);
    head.show();
    auto headQueue = head.model()->queue();
    PaintWatch headWatch(head.table(), remoteRows);
    for (int h = 0; h < hostCount; ++h)
        headQueue->push(VmChange::hostSnapshot(byHost[size_t(h)].first().host, byHost[size_t(h)]));
    while (!headWatch.painted && firstHosts.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    const double hostsPaintMs = firstHosts.nsecsElapsed() / 1e6;
    if (!headWatch.painted)
        die(u"the head's table never showed %1 rows"_s.arg(remoteRows));

    const LoopFigures hosts = underLoad(app, [&](std::atomic_bool &stop) {
        const VmState states[] = {VmState::Booting, VmState::Configuring, VmState::Rebooting,
                                  VmState::Online};
        QElapsedTimer clock;
        clock.start();
        qint64 sent = 0, snapshots = 0, drops = 0;
        quint32 n = 0;
        while (!stop && clock.elapsed() < seconds * 1000) {
            const qint64 now = clock.elapsed();
            // State changes, as a clone over hosts streams them.
            QList<VmChange> batch;
            for (const qint64 due = now * perSecond / 1000; sent < due; ++sent, ++n) {
                const VmRow &r = byHost[n % quint32(hostCount)][int(n / quint32(hostCount) % quint32(perHost))];
                batch.append(VmChange::state(r.id, states[n % 4]));
            }
            // Each host's listing every 5 s, spread over the 5 s.
            for (const qint64 due = now * hostCount / 5000; snapshots < due; ++snapshots) {
                const auto &rows = byHost[size_t(snapshots % hostCount)];
                batch.append(VmChange::hostSnapshot(rows.first().host, rows));
            }
            // One host drops out and comes back each second.
            for (const qint64 due = now / 500; drops < due; ++drops) {
                const QString host = byHost[size_t(drops / 2 % hostCount)].first().host;
                batch.append(drops % 2 == 0 ? VmChange::hostState(host, false, u"host down"_s)
                                            : VmChange::hostState(host, true));
            }
            if (!batch.isEmpty())
                headQueue->push(std::move(batch));
            QThread::msleep(10);
        }
    });
    const long headRss = peakRssKiB();
    std::printf("metric=gui_hosts_first_paint hosts=%d vms=%d ms=%.0f goal_ms=1000 met=%s "
                "baseline_ms=%.0f ratio=%.2f\n",
                hostCount, remoteRows, hostsPaintMs, hostsPaintMs <= 1000 ? "yes" : "no",
                firstPaintMs, firstPaintMs > 0 ? hostsPaintMs / firstPaintMs : 0.0);
    std::printf("metric=gui_hosts_event_loop_latency hosts=%d vms=%d changes_per_s=%d "
                "snapshots_per_s=%.0f seconds=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f "
                "goal_p99_ms=50 met=%s baseline_p99_ms=%.1f ratio=%.2f\n",
                hostCount, remoteRows, perSecond, hostCount / 5.0, seconds, hosts.p50, hosts.p99,
                hosts.max, hosts.p99 <= 50 ? "yes" : "no", base.p99,
                base.p99 > 0 ? hosts.p99 / base.p99 : 0.0);
    std::printf("metric=gui_hosts_peak_rss mib=%.1f\n", headRss / 1024.0);
    return 0;
}
