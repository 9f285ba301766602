// Instant clones against cold clones of a QEMU golden (the demo one by default), in one run (issue
// 15): the same number of clones of each kind, all started from one "click" (clone files made,
// QEMUs started one after the other), each timed from the click to its online
// announcement; then the memory each running QEMU adds (PSS and RSS from /proc), next
// to the guest's RAM size. The instant clones' template is made before the click (as
// `vmeclone golden template` would) and its time is shown apart. Then, with --instant-vms,
// a larger batch of instant clones alone (the "20 online in 15 s" figure).
//
// Drives QemuBackend directly (placement, inventory and the listener are not in the
// path; bench_time_to_online measures those). Needs a golden with the agent and runs its guests
// in a fresh network namespace (run-benchmarks.sh starts it under `unshare --net`).
//
//   bench_instant GOLDEN_JSON [--vms N] [--instant-vms M]

#include "hypervisor/qemu_backend.h"
#include "identity/mac_address.h"
#include "protocol/announcement.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QSet>
#include <QTemporaryDir>
#include <QUdpSocket>

#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "bench_instant: %s\n", qPrintable(message));
    std::exit(1);
}

// "Pss:" or "Rss:" of a process from /proc/PID/smaps_rollup, in KiB.
qint64 memoryKib(qint64 pid, const QByteArray &field) {
    QFile file(u"/proc/%1/smaps_rollup"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field).append(':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

const QString kTemplateRamPart =
    u"the template's RAM file (shared pages' share + pages copied on write)"_s;
const QString kGuestRamPart = u"anonymous guest RAM"_s;
const QString kTranslationCachePart = u"TCG's translation cache (a mapping of 256 MiB or more)"_s;

// A QEMU's PSS by part, from /proc/PID/smaps, in KiB: where a clone's memory goes.
QMap<QString, qint64> memoryParts(qint64 pid, int guestMib) {
    QMap<QString, qint64> parts;
    QFile file(u"/proc/%1/smaps"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return parts;
    QString part;
    qint64 sizeKib = 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 5 && fields[0].contains('-') && !fields[0].endsWith(':')) {
            // A mapping's header: "start-end perms offset dev inode [path]".
            const QList<QByteArray> range = fields[0].split('-');
            sizeKib =
                (range.value(1).toULongLong(nullptr, 16) - range.value(0).toULongLong(nullptr, 16))
                / 1024;
            const QString path = QString::fromUtf8(fields.value(5));
            if (path.endsWith(u"/template.ram"_s))
                part = kTemplateRamPart;
            else if (path.contains(u"qemu-system"_s))
                part = u"QEMU's binary"_s;
            else if (path.contains(u".so"_s))
                part = u"shared libraries"_s;
            else if (path == u"[heap]"_s)
                part = u"heap"_s;
            else if (!path.isEmpty() && !path.startsWith(u"/memfd:"_s))
                part = u"other (%1)"_s.arg(path);
            else if (sizeKib == qint64{guestMib} * 1024)
                part = kGuestRamPart;
            else if (sizeKib >= 256 * 1024)
                part = kTranslationCachePart;
            else
                part = u"other anonymous"_s;
        } else if (line.startsWith("Pss:")) {
            parts[part] += fields.value(1).toLongLong();
        }
    }
    return parts;
}

struct Batch {
    QList<qint64> onlineMs;  // click -> online, per VM
    QList<qint64> runningMs; // its own start() call: QEMU launched (and, instant, resumed)
    QList<qint64> afterMs;   // start() returned -> online: the guest's share
    qint64 allOnlineMs = 0;
    QList<qint64> pssKib, rssKib;
    QMap<QString, qint64> partsKib; // summed over the batch's QEMUs
};

class Bench {
public:
    Bench(const QString &golden, QTemporaryDir &dir)
        : m_dir(dir) {
        // The golden's own machine file says its name, subnet, address and memory (the demo
        // golden or a packaging/debian-golden one).
        QFile file(golden);
        if (!file.open(QIODevice::ReadOnly))
            die(u"cannot read %1"_s.arg(golden));
        const QJsonObject machine = QJsonDocument::fromJson(file.readAll()).object();
        m_guestMib = machine.value(u"memory_mb"_s).toInt();
        auto subnet = Subnet::parse(machine.value(u"subnet"_s).toString());
        if (m_guestMib <= 0 || !subnet)
            die(u"%1 is not a QEMU golden's machine file (memory_mb, subnet)"_s.arg(golden));
        m_golden.name = machine.value(u"name"_s).toString();
        m_golden.backend = u"qemu"_s;
        m_golden.path = golden;
        m_golden.subnet = *subnet;
        m_golden.address =
            *subnet->addressOfSuffix(static_cast<quint32>(machine.value(u"suffix"_s).toInt()));
        if (!m_listener.bind(QHostAddress::LocalHost, 0))
            die(u"cannot bind a UDP port on 127.0.0.1"_s);
    }

    qint64 makeTemplate() {
        protocol::KeyValueText identity;
        identity.set("version", "1");
        identity.set("template", "yes");
        QElapsedTimer clock;
        clock.start();
        if (auto s = m_backend.makeTemplate(m_golden, templateFolder(), identity,
                                            "vmeclone-agent: template: stopped",
                                            std::chrono::minutes(5));
            !s)
            die(s.error());
        return clock.elapsed();
    }

    // `count` clones of mode "linked" (cold) or "instant", clicked at once.
    Batch run(const QString &mode, int count) {
        QList<VmRecord> vms;
        for (int i = 0; i < count; ++i) {
            VmRecord vm;
            const quint32 suffix = m_nextSuffix++;
            vm.name = u"vm%1"_s.arg(suffix);
            vm.address = *m_golden.subnet.addressOfSuffix(suffix);
            vm.mac = MacAddress::forIpv4(vm.address);
            vm.folder = m_dir.filePath(vm.name);
            vm.cloneMode = mode;
            vm.instance = u"bench-%1"_s.arg(suffix);
            vms.append(vm);
        }
        Batch batch;
        QHash<quint32, qint64> online; // by address: ms after the click
        QSet<quint32> mine;
        for (const VmRecord &vm : vms)
            mine.insert(vm.address.toUInt());
        while (m_listener.hasPendingDatagrams()) // an earlier batch's last heartbeats
            m_listener.receiveDatagram();
        QElapsedTimer click;
        click.start();
        QHash<quint32, qint64> pids, running;
        for (const VmRecord &vm : vms) {
            CloneRequest request;
            request.golden = m_golden;
            request.vm = vm;
            request.templateFolder = templateFolder();
            request.dataFolderId = u"bench"_s;
            request.identity.set("version", "1");
            request.identity.set("instance", vm.instance.toStdString());
            request.identity.set("ip", vm.address.toString().toStdString());
            request.identity.set("prefix", "24");
            request.identity.set("hostname", vm.name.toStdString());
            request.identity.set("mac", vm.mac.toString().toStdString());
            request.identity.set("console",
                                 m_golden.subnet.addressOfSuffix(2)->toString().toStdString());
            request.identity.set("port", std::to_string(m_listener.localPort()));
            if (auto s = m_backend.createClone(request, nullptr, {}); !s)
                die(s.error());
        }
        for (const VmRecord &vm : vms) {
            const qint64 before = click.elapsed();
            auto pid = m_backend.start(vm, m_golden);
            if (!pid)
                die(pid.error());
            pids.insert(vm.address.toUInt(), *pid);
            batch.runningMs.append(click.elapsed() - before);
            running.insert(vm.address.toUInt(), click.elapsed());
            drain(online, mine, click);
        }
        QDeadlineTimer deadline(15 * 60 * 1000);
        while (online.size() < count && !deadline.hasExpired()) {
            m_listener.waitForReadyRead(1000);
            drain(online, mine, click);
        }
        if (online.size() < count)
            die(u"%1 of %2 %3 clones came online within 15 minutes"_s.arg(online.size())
                    .arg(count)
                    .arg(mode));
        for (const VmRecord &vm : vms) {
            batch.onlineMs.append(online.value(vm.address.toUInt()));
            batch.afterMs.append(online.value(vm.address.toUInt())
                                 - running.value(vm.address.toUInt()));
            batch.allOnlineMs = std::max(batch.allOnlineMs, online.value(vm.address.toUInt()));
            batch.pssKib.append(memoryKib(pids.value(vm.address.toUInt()), "Pss"));
            batch.rssKib.append(memoryKib(pids.value(vm.address.toUInt()), "Rss"));
            const auto parts = memoryParts(pids.value(vm.address.toUInt()), m_guestMib);
            for (auto it = parts.begin(); it != parts.end(); ++it)
                batch.partsKib[it.key()] += it.value();
        }
        for (const VmRecord &vm : vms) {
            if (auto s = m_backend.stop(vm, std::chrono::milliseconds(0)); !s)
                die(s.error());
            if (auto s = m_backend.deleteClone(vm); !s)
                die(s.error());
        }
        return batch;
    }

    int guestMib() const { return m_guestMib; }

private:
    QString templateFolder() const { return m_dir.filePath(u"template"_s); }

    void drain(QHash<quint32, qint64> &online, const QSet<quint32> &mine,
               const QElapsedTimer &click) {
        while (m_listener.hasPendingDatagrams()) {
            const QByteArray data = m_listener.receiveDatagram().data();
            const auto d = protocol::decode(reinterpret_cast<const std::uint8_t *>(data.data()),
                                            static_cast<std::size_t>(data.size()));
            if (d.error == protocol::DecodeError::None
                && d.announcement.state == protocol::AgentState::Online
                && mine.contains(d.announcement.ip) && !online.contains(d.announcement.ip))
                online.insert(d.announcement.ip, click.elapsed());
        }
    }

    QTemporaryDir &m_dir;
    GoldenRecord m_golden;
    int m_guestMib = 0;
    QemuBackend m_backend{[] {
        QemuBackendConfig c;
        // VMECLONE_QEMU_ACCEL as the CLI takes it ("tcg,tb-size=32"): to compare settings.
        if (const QString accel = qEnvironmentVariable("VMECLONE_QEMU_ACCEL"); !accel.isEmpty())
            c.accel = accel;
        return c;
    }()};
    QUdpSocket m_listener;
    quint32 m_nextSuffix = 10;
};

double mean(const QList<qint64> &values) {
    double sum = 0;
    for (qint64 v : values)
        sum += static_cast<double>(v);
    return values.isEmpty() ? 0 : sum / static_cast<double>(values.size());
}

void print(const char *what, const Batch &b, int guestMib) {
    std::printf("%-8s %2lld VMs: click -> online mean %.0f ms (min %lld, max %lld); all online "
                "%lld ms; per QEMU PSS %.1f MiB (%.0f %% of the guest's %d MiB), RSS %.1f MiB\n",
                what, static_cast<long long>(b.onlineMs.size()), mean(b.onlineMs),
                static_cast<long long>(*std::min_element(b.onlineMs.begin(), b.onlineMs.end())),
                static_cast<long long>(*std::max_element(b.onlineMs.begin(), b.onlineMs.end())),
                static_cast<long long>(b.allOnlineMs), mean(b.pssKib) / 1024,
                100.0 * mean(b.pssKib) / 1024 / guestMib, guestMib, mean(b.rssKib) / 1024);
    std::printf("         where it goes, per VM: start() (QEMU launched%s) mean %.0f ms; from its "
                "return to online mean %.0f ms\n",
                std::strcmp(what, "cold") == 0 ? "" : ", state loaded, resumed", mean(b.runningMs),
                mean(b.afterMs));
    std::printf("         PSS per QEMU by part:");
    for (auto it = b.partsKib.begin(); it != b.partsKib.end(); ++it) {
        std::printf(" %s %.1f MiB;", qPrintable(it.key()),
                    static_cast<double>(it.value()) / 1024 / b.pssKib.size());
    }
    std::printf("\n");
    // Two shares of the same PSS the goal can be read against: the guest's RAM alone (what
    // instant clones share), and all but TCG's translation cache, which only a QEMU without
    // KVM has (one per process, filled again after a resume by every code path the guest runs).
    const double perVm = 1024.0 * static_cast<double>(b.pssKib.size());
    const double guestRam =
        static_cast<double>(b.partsKib.value(kGuestRamPart) + b.partsKib.value(kTemplateRamPart))
        / perVm;
    const double withoutCache =
        mean(b.pssKib) / 1024
        - static_cast<double>(b.partsKib.value(kTranslationCachePart)) / perVm;
    std::printf("         per QEMU: the guest's RAM %.1f MiB (%.0f %%); all but the translation "
                "cache %.1f MiB (%.0f %%)\n",
                guestRam, 100.0 * guestRam / guestMib, withoutCache,
                100.0 * withoutCache / guestMib);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        die(u"usage: bench_instant GOLDEN_JSON [--vms N] [--instant-vms M]"_s);
    auto option = [&](const QString &name, int fallback) {
        return args.contains(name) ? args.value(args.indexOf(name) + 1).toInt() : fallback;
    };
    const int vms = option(u"--vms"_s, 2);
    const int more = option(u"--instant-vms"_s, 0);
    for (const auto &i : QNetworkInterface::allInterfaces()) {
        if (i.name() != u"lo")
            die(u"run me in a fresh network namespace (unshare --net): guests would reach %1"_s.arg(
                i.name()));
    }
    QTemporaryDir dir(u"/tmp/vme-instant-XXXXXX"_s);
    Bench bench(args[1], dir);

    const qint64 templateMs = bench.makeTemplate();
    std::printf("template made in %lld ms (before the click, once per golden)\n",
                static_cast<long long>(templateMs));
    const Batch cold = bench.run(u"linked"_s, vms);
    print("cold", cold, bench.guestMib());
    const Batch instant = bench.run(u"instant"_s, vms);
    print("instant", instant, bench.guestMib());
    std::printf("ratio instant/cold, click -> online per VM: %.3f\n",
                mean(instant.onlineMs) / mean(cold.onlineMs));
    if (more > 0) {
        const Batch many = bench.run(u"instant"_s, more);
        print("instant", many, bench.guestMib());
    }
    return 0;
}
