// Time to online of the demo guest: click -> online, split into what vmeclone does and
// what QEMU and the guest do, measured in the same run on real guests:
//   vmeclone's share = (click -> the VMs' QEMU processes are started: plan, reserve,
//                       overlay, identity, configuration, QEMU launch), per VM
//                    + (an online announcement's arrival -> written and visible),
//                       measured on the same listener with a synthetic datagram
//   the guest's own  = (QEMU started -> its online announcement is visible) - the above
// Needs the demo golden and runs its guests in a fresh network namespace
// (run-benchmarks.sh starts it under `unshare --net`).
//
//   bench_time_to_online DEMO_GOLDEN_JSON [--vms N]

#include "engine/engine.h"
#include "hypervisor/qemu_backend.h"
#include "listener/announcement_listener.h"
#include "protocol/announcement.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkInterface>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <vector>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "bench_time_to_online: %s\n", qPrintable(message));
    std::exit(1);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        die(u"usage: bench_time_to_online DEMO_GOLDEN_JSON [--vms N]"_s);
    const QString golden = args[1];
    const int vms =
        args.contains(u"--vms"_s) ? args.value(args.indexOf(u"--vms"_s) + 1).toInt() : 2;
    for (const auto &i : QNetworkInterface::allInterfaces()) {
        if (i.name() != u"lo")
            die(u"run me in a fresh network namespace (unshare --net): guests would reach %1"_s.arg(
                i.name()));
    }
    QTemporaryDir tmp(u"/tmp/vme-tto-XXXXXX"_s);
    QDir().mkpath(tmp.filePath(u"shard"_s));

    AnnouncementListener::Options lo;
    lo.port = 0;
    lo.inventoryPath = tmp.filePath(u"home/inventory.sqlite"_s);
    lo.secretPath = tmp.filePath(u"home/cluster.secret"_s);
    AnnouncementListener listener(lo);
    if (auto s = listener.start(); !s)
        die(s.error());

    std::mutex mutex;
    QHash<qint64, qint64> startedAt; // VM id -> ms since click
    QHash<qint64, qint64> onlineAt;
    QElapsedTimer clock;
    std::atomic_bool cloned{false};
    QString failure;
    qint64 clickToAllStarted = 0;
    qint64 qemuLaunch = 0;
    QThread *worker = QThread::create([&] {
        EngineConfig config;
        config.home = tmp.filePath(u"home"_s);
        config.listenerPort = listener.port();
        config.qemu.listenerPort = listener.port();
        config.heartbeatSeconds = 2;
        config.parallelism = 1; // one after the other, so the parts add up per VM
        Engine engine(config);
        if (auto s = engine.open(); !s) {
            failure = s.error();
            return;
        }
        GoldenSpec spec;
        spec.path = golden;
        if (auto g = engine.addGolden(spec); !g) {
            failure = g.error();
            return;
        }
        if (auto s = engine.addShard(tmp.filePath(u"shard"_s), 1); !s) {
            failure = s.error();
            return;
        }
        clock.start(); // the click
        CloneOptions options;
        auto plan = engine.plan(options, u"177-%1"_s.arg(176 + vms));
        if (!plan || !plan->refused.isEmpty()) {
            failure = plan ? plan->refusalSummary : plan.error();
            return;
        }
        const BatchResult r = engine.clone(*plan, options, nullptr, [&](const BatchEvent &e) {
            if (e.state == VmState::Booting) {
                std::lock_guard lock(mutex);
                startedAt.insert(e.vmId, clock.elapsed());
            }
        });
        clickToAllStarted = clock.elapsed();
        if (auto *qemu = dynamic_cast<QemuBackend *>(engine.backendFor(plan->golden)))
            qemuLaunch = qemu->launchMilliseconds();
        if (!r.ok())
            failure = r.outcomes.isEmpty() ? u"clone failed"_s : r.outcomes.first().message;
        cloned = true;
    });
    QObject::connect(&listener, &AnnouncementListener::vmsUpdated, &app,
                     [&](const QList<VmUpdate> &updates) {
                         for (const auto &u : updates) {
                             if (u.state == VmState::Online && !onlineAt.contains(u.vmId))
                                 onlineAt.insert(u.vmId, clock.elapsed());
                         }
                     });
    worker->start();
    QEventLoop loop;
    QTimer poll;
    QElapsedTimer deadline;
    deadline.start();
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if ((cloned && (!failure.isEmpty() || onlineAt.size() == vms))
            || deadline.elapsed() > 600000)
            loop.quit();
    });
    poll.start(20);
    loop.exec();
    worker->wait();
    delete worker;
    if (!failure.isEmpty())
        die(failure);
    if (onlineAt.size() != vms)
        die(u"only %1 of %2 came online in 10 minutes"_s.arg(onlineAt.size()).arg(vms));

    // The listener's own latency, on the same listener: valid announcements of one of the
    // (now online) VMs that change its state (rebooting, online, ...), from the send to
    // the moment the change is written and told.
    std::vector<double> latencies;
    {
        auto inventory = Inventory::open(lo.inventoryPath);
        auto secret = ClusterSecret::loadOrCreate(lo.secretPath);
        auto rows = (*inventory)->vms();
        const VmRecord vm = rows->first();
        const protocol::Digest key = secret->keyFor(vm);
        protocol::Announcement a;
        a.state = protocol::AgentState::Online;
        a.ip = vm.address.toUInt();
        a.mac = vm.mac.bytes();
        a.hostname = vm.name.toStdString();
        a.bootId.fill(0x42);
        a.boots = static_cast<std::uint32_t>(vm.boots + 1000); // a later agent start: accepted
        QUdpSocket sender;
        for (int i = 0; i < 20; ++i) {
            a.sequence = static_cast<std::uint64_t>(i + 1);
            a.state = i % 2 == 0 ? protocol::AgentState::Rebooting : protocol::AgentState::Online;
            const auto datagram = protocol::encode(a, &key);
            QElapsedTimer t;
            QEventLoop wait;
            bool seen = false;
            auto c = QObject::connect(&listener, &AnnouncementListener::vmsUpdated, &wait, [&] {
                seen = true;
                wait.quit();
            });
            QTimer::singleShot(2000, &wait, &QEventLoop::quit);
            t.start();
            sender.writeDatagram(reinterpret_cast<const char *>(datagram.data()),
                                 static_cast<qint64>(datagram.size()), QHostAddress::LocalHost,
                                 listener.port());
            wait.exec();
            QObject::disconnect(c);
            if (seen)
                latencies.push_back(t.nsecsElapsed() / 1e6);
        }
    }
    std::sort(latencies.begin(), latencies.end());
    const double listenerMs = latencies.empty() ? -1 : latencies[latencies.size() / 2];

    double guestMs = 0;
    for (auto it = onlineAt.cbegin(); it != onlineAt.cend(); ++it)
        guestMs += static_cast<double>(it.value() - startedAt.value(it.key()));
    guestMs /= vms;
    const double startPerVm = static_cast<double>(clickToAllStarted) / vms;
    const double launchPerVm = static_cast<double>(qemuLaunch) / vms;
    const double share = startPerVm - launchPerVm + listenerMs;
    std::printf(
        "metric=time_to_online vms=%d click_to_started_per_vm_ms=%.1f of_which_qemu_launch_ms=%.1f "
        "listener_latency_ms=%.1f vmeclone_share_per_vm_ms=%.1f guest_own_ms=%.0f "
        "(QEMU started -> online, two boots) goal_share_ms=100 met=%s\n",
        vms, startPerVm, launchPerVm, listenerMs, share, guestMs - listenerMs,
        share <= 100 ? "yes" : "no");

    auto inventory = Inventory::open(lo.inventoryPath);
    Engine cleanup([&] {
        EngineConfig c;
        c.home = tmp.filePath(u"home"_s);
        return c;
    }());
    if (cleanup.open()) {
        auto all = cleanup.inventory().vms();
        if (all)
            cleanup.release(*all);
    }
    return 0;
}
