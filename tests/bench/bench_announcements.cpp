// Signed announcements received, verified and applied by the listener, against a
// plain socket's receive rate in the same run. All traffic is on 127.0.0.1; the
// generator is bounded in count and time and stops by itself.
//
//   raw:      a plain recv() loop counting datagrams from an unpaced generator
//   listener: AnnouncementListener (decode, HMAC check, replay check, batched inventory
//             writes) from the same unpaced generator -> its maximum rate
//   paced:    the listener fed at a fixed rate (default 100,000/s) for N seconds -> loss
//
//   bench_announcements [--small] [--seconds N] [--rate R] [--vms N]
// prints metric=... lines.

#include "identity/cluster_secret.h"
#include "inventory/inventory.h"
#include "listener/announcement_listener.h"
#include "protocol/announcement.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <arpa/inet.h>
#include <atomic>
#include <cstdio>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "bench_announcements: %s\n", qPrintable(message));
    std::exit(1);
}

struct Datagrams {
    std::vector<std::vector<std::uint8_t>> bytes; // in sending order
    std::vector<int> vm;                          // which VM's socket sends it
};

// Every VM sends online heartbeats with rising sequence numbers, signed with its key.
Datagrams makeDatagrams(const ClusterSecret &secret, const QList<VmRecord> &vms,
                        std::size_t count) {
    Datagrams d;
    d.bytes.reserve(count);
    d.vm.reserve(count);
    std::vector<protocol::Digest> keys;
    std::vector<protocol::Announcement> base;
    for (const auto &vm : vms) {
        keys.push_back(secret.keyFor(vm));
        protocol::Announcement a;
        a.state = protocol::AgentState::Online;
        a.ip = vm.address.toUInt();
        a.mac = vm.mac.bytes();
        a.hostname = vm.name.toStdString();
        a.bootId.fill(static_cast<std::uint8_t>(vm.id));
        a.boots = static_cast<std::uint32_t>(2 + vm.id / 100000);
        a.detail = "eth0 " + vm.address.toString().toStdString() + "/24";
        base.push_back(a);
    }
    for (std::size_t i = 0; i < count; ++i) {
        const int v = static_cast<int>(i % base.size());
        auto &a = base[static_cast<std::size_t>(v)];
        a.sequence += 1;
        a.uptimeSeconds = static_cast<std::uint32_t>(i / 100000);
        d.bytes.push_back(protocol::encode(a, &keys[static_cast<std::size_t>(v)]));
        d.vm.push_back(v);
    }
    return d;
}

// Sends the datagrams from one socket per VM to 127.0.0.1:port; paced at `rate` per
// second when rate > 0. Returns how many were sent.
std::size_t generate(const Datagrams &d, int vmCount, quint16 port, double rate,
                     double maxSeconds) {
    std::vector<int> sockets;
    for (int i = 0; i < vmCount; ++i) {
        const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        if (fd < 0)
            die(u"socket() failed"_s);
        sockets.push_back(fd);
    }
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK); // loopback only, always
    timespec start{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    auto elapsed = [&] {
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        return static_cast<double>(now.tv_sec - start.tv_sec) + (now.tv_nsec - start.tv_nsec) / 1e9;
    };
    std::size_t sent = 0;
    constexpr std::size_t kBurst = 500;
    for (std::size_t i = 0; i < d.bytes.size(); i += kBurst) {
        if (rate > 0) {
            const double due = static_cast<double>(i) / rate;
            while (elapsed() < due) {
                const timespec pause{0, 200000};
                nanosleep(&pause, nullptr);
            }
        }
        if (elapsed() > maxSeconds)
            break;
        for (std::size_t j = i; j < std::min(i + kBurst, d.bytes.size()); ++j) {
            const auto &b = d.bytes[j];
            if (::sendto(sockets[static_cast<std::size_t>(d.vm[j])], b.data(), b.size(), 0,
                         reinterpret_cast<const sockaddr *>(&to), sizeof to)
                == static_cast<ssize_t>(b.size()))
                ++sent;
        }
    }
    for (int fd : sockets)
        ::close(fd);
    return sent;
}

double rawReceiveRate(const Datagrams &d, int vmCount) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int size = 4 * 1024 * 1024;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        die(u"bind failed"_s);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    const timeval timeout{0, 300000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::atomic<std::size_t> received{0};
    QElapsedTimer t;
    std::thread receiver([&] {
        char buffer[2048];
        std::size_t n = 0;
        while (::recv(fd, buffer, sizeof buffer, 0) > 0)
            ++n; // a plain receive: no parsing, as the baseline
        received = n;
    });
    t.start();
    generate(d, vmCount, ntohs(addr.sin_port), 0, 30);
    receiver.join();
    const double seconds = (t.nsecsElapsed() / 1e9) - 0.3; // minus the final timeout
    ::close(fd);
    return static_cast<double>(received.load()) / std::max(seconds, 1e-3);
}

struct ListenerRun {
    std::size_t sent = 0;
    quint64 accepted = 0;
    quint64 rejected = 0;
    double seconds = 0;
};

ListenerRun listenerRun(const QString &home, const Datagrams &d, int vmCount, double rate,
                        double maxSeconds) {
    AnnouncementListener::Options o;
    o.port = 0;
    o.inventoryPath = home + u"/inventory.sqlite"_s;
    o.secretPath = home + u"/cluster.secret"_s;
    o.verifier.sourceBurst = 1e9; // the generator is one trusted source per VM here
    o.verifier.sourceRate = 1e9;
    o.verifier.vmBurst = 1e9; // 100 per VM and second: the verifier's speed, not its limits
    o.verifier.vmRate = 1e9;
    o.unreachableAfterMs = 60000;
    AnnouncementListener listener(o);
    if (auto s = listener.start(); !s)
        die(s.error());
    ListenerRun r;
    QElapsedTimer t;
    t.start();
    std::atomic_bool done{false};
    std::thread generator([&] {
        r.sent = generate(d, vmCount, listener.port(), rate, maxSeconds);
        done = true;
    });
    QEventLoop loop;
    QTimer poll;
    quint64 lastSeen = 0;
    int quietTicks = 0;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const quint64 seen = listener.stats().received;
        quietTicks = seen == lastSeen ? quietTicks + 1 : 0;
        lastSeen = seen;
        if (done && (seen >= r.sent || quietTicks >= 5))
            loop.quit();
    });
    poll.start(50);
    loop.exec();
    generator.join();
    listener.flush();
    r.seconds = t.nsecsElapsed() / 1e9;
    r.accepted = listener.stats().accepted;
    r.rejected = listener.stats().rejectedTotal();
    return r;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, double fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1].toDouble() : fallback;
    };
    const bool small = args.contains(u"--small"_s);
    const double seconds = option(u"--seconds"_s, small ? 1 : 10);
    const double rate = option(u"--rate"_s, 100000);
    const int vmCount = static_cast<int>(option(u"--vms"_s, small ? 200 : 1000));

    QTemporaryDir tmp;
    const QString home = tmp.path();
    auto inventory = Inventory::open(home + u"/inventory.sqlite"_s);
    auto secret = ClusterSecret::loadOrCreate(home + u"/cluster.secret"_s);
    if (!inventory || !secret)
        die(!inventory ? inventory.error() : secret.error());
    QDir().mkpath(home + u"/shard"_s);
    auto shard = (*inventory)->addShard(home + u"/shard"_s, 1);
    GoldenRecord g;
    g.name = u"bench"_s;
    g.backend = u"qemu"_s;
    g.path = home + u"/golden.json"_s;
    g.subnet = *Subnet::parse(u"10.0.0.0/16");
    g.address = *g.subnet.addressOfSuffix(1);
    auto goldenId = (*inventory)->addGolden(g);
    if (!shard || !goldenId)
        die(u"cannot set up the inventory"_s);
    QList<VmRecord> rows;
    for (int i = 0; i < vmCount; ++i) {
        VmRecord vm;
        vm.address = *g.subnet.addressOfSuffix(static_cast<quint32>(10 + i));
        vm.name = u"vm%1"_s.arg(i);
        vm.mac = MacAddress::forIpv4(vm.address);
        vm.goldenId = *goldenId;
        vm.shardId = *shard;
        vm.folder = home + u"/shard/"_s + vm.name;
        vm.cloneMode = u"linked"_s;
        vm.instance = u"i%1"_s.arg(i);
        rows.append(vm);
    }
    auto reserved = (*inventory)->reserve(rows);
    if (!reserved || reserved->taken.size() != vmCount)
        die(u"cannot reserve the VMs"_s);
    for (const auto &vm : reserved->taken)
        (void)(*inventory)->setState(vm.id, VmState::Online);

    const std::size_t count = static_cast<std::size_t>(rate * seconds);
    const Datagrams datagrams = makeDatagrams(*secret, reserved->taken, count);

    const double raw = rawReceiveRate(datagrams, vmCount);
    std::printf("metric=raw_receive rate_per_s=%.0f datagrams=%zu\n", raw, count);
    std::fflush(stdout);

    // Each run needs fresh sequence numbers above the last: new datagrams per run.
    const Datagrams unpaced = makeDatagrams(*secret, reserved->taken, count);
    const ListenerRun max = listenerRun(home, unpaced, vmCount, 0, seconds * 3);
    const double maxRate = static_cast<double>(max.accepted) / max.seconds;
    std::printf("metric=listener_max baseline_raw_per_s=%.0f vmeclone_per_s=%.0f ratio=%.3f "
                "goal_ratio=0.33 "
                "sent=%zu accepted=%llu rejected=%llu\n",
                raw, maxRate, maxRate / raw, max.sent,
                static_cast<unsigned long long>(max.accepted),
                static_cast<unsigned long long>(max.rejected));
    std::fflush(stdout);

    auto shifted = reserved->taken;
    for (auto &vm : shifted)
        vm.id += 100000; // another boot id per VM: sequences start afresh without replays
    const Datagrams paced = makeDatagrams(*secret, shifted, count);
    const ListenerRun p = listenerRun(home, paced, vmCount, rate, seconds + 1);
    const double pacedRate = static_cast<double>(p.accepted) / seconds;
    std::printf("metric=listener_paced target_per_s=%.0f accepted_per_s=%.0f sent=%zu "
                "accepted=%llu lost=%lld "
                "goal=zero-loss-at-100000 met=%s\n",
                rate, pacedRate, p.sent, static_cast<unsigned long long>(p.accepted),
                static_cast<long long>(p.sent) - static_cast<long long>(p.accepted),
                (p.accepted == p.sent && rate >= 100000) ? "yes" : "no");
    return 0;
}
