// The CLI's shared pieces: output, signals, the engine as a command opens it, waiting online.

#include "cli/cli_common.h"

#include "cli/table.h"
#include "common/logging.h"
#include "common/text_format.h"
#include "engine/crash_point.h"
#include "engine/engine.h"
#include "golden/golden_check.h"
#include "inventory/liveness.h"
#include "listener/announcement_listener.h"
#include "net/address_range.h"
#include "report/inventory_report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <functional>
#include <iostream>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace Qt::StringLiterals;

namespace vmeclone::cli {

std::atomic_bool g_interrupted{false};

void onSignal(int) {
    g_interrupted = true;
}

QMutex g_outputMutex;

namespace {
bool g_stdoutClosed = false; // under g_outputMutex
} // namespace

void out(const QString &text) {
    QMutexLocker lock(&g_outputMutex);
    if (g_stdoutClosed)
        return;
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), stdout);
    if (std::fflush(stdout) != 0 && errno == EPIPE) {
        // The reader went away (`| head -1`; SIGPIPE is ignored, see run()): the command
        // goes on to its end, and its exit code still says how that went.
        g_stdoutClosed = true;
        std::clearerr(stdout);
        const QByteArray note = "vmeclone: standard output was closed by its reader; the rest "
                                "of the output is dropped, the command goes on\n";
        std::fwrite(note.constData(), 1, static_cast<size_t>(note.size()), stderr);
        std::fflush(stderr);
    }
}

void err(const QString &text) {
    QMutexLocker lock(&g_outputMutex);
    const QByteArray b = (text.endsWith(u'\n') ? text : text + u'\n').toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), stderr);
    std::fflush(stderr);
}

EngineConfig engineConfig(const Globals &g) {
    EngineConfig c;
    c.home = g.home;
    c.listenerPort = g.port;
    c.qemu.listenerPort = g.port;
    c.vmware.vmrun = g.vmrun;
    c.vmware.type = g.vmwareType;
    c.vmware.consoleAddress = g.consoleAddress;
    // --console-address and VMECLONE_CONSOLE_ADDRESS work on every command: a VMware golden
    // may be added without one and given it when cloned.
    c.vmware.consoleAddressPerCommand = true;
    c.parallelism = g.parallelism > 0 ? g.parallelism : qMax(2, QThread::idealThreadCount());
    if (const QString accel = qEnvironmentVariable("VMECLONE_QEMU_ACCEL"); !accel.isEmpty())
        c.qemu.accel = accel;
    bool ok = false;
    if (const int hb = qEnvironmentVariableIntValue("VMECLONE_HEARTBEAT", &ok); ok && hb > 0)
        c.heartbeatSeconds = hb;
    // Seconds a stop waits after the power button before forcing the VM off (default 20).
    if (const int grace = qEnvironmentVariableIntValue("VMECLONE_STOP_GRACE", &ok);
        ok && grace >= 0)
        c.stopGrace = std::chrono::seconds(grace);
    // Space kept free on every shard, in MiB (default: the larger of 1 GiB and 5 %).
    if (const int mib = qEnvironmentVariableIntValue("VMECLONE_SHARD_RESERVE_MIB", &ok);
        ok && mib >= 0) {
        c.placement.reserveBytes = qint64(mib) * 1024 * 1024;
        c.placement.reserveFraction = 0;
    }
    return c;
}

void printJson(const QJsonValue &value) {
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

// Prints the VM table (or JSON) from the inventory.
QString guestSummary(const QJsonObject &row) {
    if (!row.contains(u"guest"_s)) // a host that could not be asked
        return {};
    const QJsonObject guest = row.value(u"guest"_s).toObject();
    if (guest.contains(u"error"_s))
        return guest.value(u"error"_s).toString();
    const QJsonArray differs = row.value(u"guest_disagrees"_s).toArray();
    if (differs.isEmpty())
        return u"agrees"_s;
    QStringList fields;
    for (const auto &d : differs)
        fields << disagreementField(d.toString());
    return u"differs: "_s + fields.join(u", "_s);
}

namespace {
void addGuestReading(QJsonObject &row, const Engine::GuestReading &r) {
    row.insert(u"guest"_s, r.view ? r.view->toJson() : QJsonObject{{u"error"_s, r.error}});
    row.insert(u"guest_disagrees"_s, QJsonArray::fromStringList(r.disagreements));
}
} // namespace

int printVms(Engine &engine, const Globals &g, const QList<VmRecord> *only, bool askGuests) {
    auto vms = engine.inventory().vms();
    auto goldens = engine.inventory().goldens();
    auto shards = engine.inventory().shards();
    if (!vms || !goldens || !shards) {
        err(!vms ? vms.error() : !goldens ? goldens.error() : shards.error());
        return kFailed;
    }
    // As every view judges it: liveness from the last heartbeat any process recorded.
    judgeLiveness(*vms, QDateTime::currentDateTime(),
                  unreachableAfterMs(engine.config().heartbeatSeconds));
    QHash<qint64, GoldenRecord> goldenById;
    for (const auto &x : *goldens)
        goldenById.insert(x.id, x);
    QHash<qint64, Shard> shardById;
    for (const auto &x : *shards)
        shardById.insert(x.id, x);
    QList<VmRecord> shown;
    if (only) {
        QSet<qint64> wanted;
        for (const auto &vm : *only)
            wanted.insert(vm.id);
        for (const auto &vm : std::as_const(*vms)) {
            if (wanted.contains(vm.id))
                shown << vm;
        }
    } else {
        shown = *vms;
    }
    QHash<qint64, Engine::GuestReading> guests;
    if (askGuests) {
        for (auto &r : engine.readGuests(shown, &g_interrupted))
            guests.insert(r.vmId, std::move(r));
    }
    if (g.json) {
        QJsonArray array;
        for (const auto &vm : std::as_const(shown)) {
            QJsonObject o = InventoryReport::vmJson(vm, goldenById.value(vm.goldenId),
                                                    shardById.value(vm.shardId));
            if (askGuests)
                addGuestReading(o, guests[vm.id]);
            array.append(o);
        }
        printJson(array);
        return kOk;
    }
    QStringList columns{u"NAME"_s,  u"IP"_s,    u"MAC"_s,       u"STATE"_s,
                        u"SHARD"_s, u"BOOTS"_s, u"LAST SEEN"_s, u"DETAIL"_s};
    if (askGuests)
        columns << u"GUEST"_s;
    Table table(columns);
    for (const auto &vm : std::as_const(shown)) {
        QString state = vmStateName(vm.state);
        if (vm.state == VmState::Copying)
            state += u" %1%"_s.arg(vm.progress);
        QStringList row{vm.name,
                        vm.address.toString(),
                        vm.mac.toString(),
                        state,
                        shardById.value(vm.shardId).path,
                        QString::number(vm.boots),
                        agoText(vm.lastSeen),
                        vm.reason};
        if (askGuests) {
            QJsonObject reading;
            addGuestReading(reading, guests[vm.id]);
            row << guestSummary(reading);
        }
        table.addRow(row);
    }
    out(table.toString());
    return kOk;
}

// Opens the engine for a verb, printing why not. A read-only verb (list, plan, export)
// repairs nothing: it says what the next changing command will settle.
std::unique_ptr<Engine> openEngine(const Globals &g, Engine::RecoveryMode mode) {
    auto engine = std::make_unique<Engine>(engineConfig(g));
    if (auto s = engine->open(); !s) {
        err(u"vmeclone: "_s + worded(s.failure()));
        return nullptr;
    }
    // A full data folder: the read-only commands go on (saying why nothing can change),
    // the others stop here with the reason.
    if (const QString &why = engine->inventory().readOnlyReason(); !why.isEmpty()) {
        err(u"vmeclone: "_s + why);
        if (mode == Engine::RecoveryMode::Repair)
            return nullptr;
    }
    // A vmeclone that died mid-batch left VMs half-made or half-released: settle them
    // first, and say what was done.
    auto recovered = engine->recover(mode);
    if (!recovered)
        err(u"vmeclone: recovery: "_s + recovered.error());
    else
        for (const auto &r : *recovered)
            err(u"recovered %1 %2: %3 (%4)"_s.arg(
                r.name, r.address.toUInt() ? r.address.toString() : QString(), r.action, r.detail));
    return engine;
}

BatchObserver progressPrinter(const Globals &g) {
    if (g.json)
        return {};
    return [](const BatchEvent &e) {
        if (e.state == VmState::Copying && e.progress % 25 != 0)
            return;
        QString line = u"%1  %2  %3"_s.arg(e.name, -8)
                           .arg(e.address.toString(), -15)
                           .arg(vmStateName(e.state));
        if (e.state == VmState::Copying)
            line += u" %1%"_s.arg(e.progress);
        if (!e.message.isEmpty())
            line += u"  "_s + e.message;
        err(line);
    };
}

int reportBatch(const BatchResult &r, const Globals &g, const QString &what) {
    if (g.json) {
        QJsonArray array;
        for (const auto &o : r.outcomes) {
            QJsonObject outcome{{u"ip"_s, o.address.toString()},
                                {u"name"_s, o.name},
                                {u"ok"_s, o.ok},
                                {u"message"_s, o.message}};
            if (o.refused)
                outcome.insert(u"kind"_s, refusalKindName(*o.refused));
            if (o.field != Field::None) {
                outcome.insert(u"field"_s, fieldName(o.field));
                if (const FlagName flag = flagOf(o.field); !flag.option.isEmpty())
                    outcome.insert(u"flag"_s, QString(u"--"_s + flag.option));
            }
            array.append(outcome);
        }
        QJsonObject report{{u"operation"_s, what},
                           {u"ok"_s, r.ok()},
                           {u"cancelled"_s, r.cancelled},
                           {u"results"_s, array}};
        // Instant clones asked for with --instant=auto, linked ones made: why.
        if (!r.fallback.isEmpty()) {
            report.insert(u"mode"_s, u"linked"_s);
            report.insert(u"fallback"_s, r.fallback);
        }
        printJson(report);
    } else {
        // One line per reason: a whole range refused for one cause is one line.
        QList<QString> reasons;
        QHash<QString, QList<const BatchOutcome *>> byReason;
        for (const auto &o : r.outcomes) {
            if (o.ok)
                continue;
            const QString reason = worded(o);
            if (!byReason.contains(reason))
                reasons.append(reason);
            byReason[reason].append(&o);
        }
        for (const QString &reason : std::as_const(reasons)) {
            const auto &group = byReason[reason];
            if (group.size() == 1) {
                const BatchOutcome &o = *group.first();
                err(u"%1 %2: %3"_s.arg(o.address.toString(),
                                       o.name.isEmpty() ? QString() : u"(%1)"_s.arg(o.name),
                                       reason));
                continue;
            }
            QList<Ipv4Address> addresses;
            for (const BatchOutcome *o : group)
                addresses.append(o->address);
            err(u"%1 VMs (%2): %3"_s.arg(group.size())
                    .arg(AddressRange::format(addresses, Subnet()), reason));
        }
        const qsizetype done = r.outcomes.size() - r.failures();
        err(u"%1: %2 of %3 done%4"_s.arg(what)
                .arg(done)
                .arg(r.outcomes.size())
                .arg(r.cancelled ? u", cancelled"_s : QString()));
    }
    return r.ok() ? kOk : kFailed;
}

// Runs `work` on a worker thread while this thread's event loop keeps going
// (the listener lives here); returns its result.
int runBeside(const std::function<int()> &work) {
    int result = kFailed;
    QEventLoop loop;
    QThread *thread = QThread::create([&] { result = work(); });
    thread->setObjectName(u"vmeclone-cli-worker"_s);
    QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    delete thread;
    return result;
}

// Waits until every VM in `ids` is online (true) or failed, gone, or the deadline passes.
bool waitOnline(const Globals &g, const QList<qint64> &ids, int seconds,
                AnnouncementListener *listener) {
    auto inventory = Inventory::open(engineConfig(g).inventoryPath());
    if (!inventory) {
        err(inventory.error());
        return false;
    }
    QHash<qint64, VmState> last;
    QDeadlineTimer deadline{std::chrono::seconds(seconds)};
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(200);
    bool allOnline = false;
    auto check = [&] {
        auto vms = (*inventory)->vms();
        if (!vms)
            return;
        int online = 0, settled = 0, present = 0;
        for (const auto &vm : *vms) {
            if (!ids.contains(vm.id))
                continue;
            ++present;
            if (last.value(vm.id, VmState::Released) != vm.state && !g.json)
                err(u"%1  %2  %3%4"_s.arg(vm.name, -8)
                        .arg(vm.address.toString(), -15)
                        .arg(vmStateName(vm.state))
                        .arg(vm.reason.isEmpty() ? QString() : u"  "_s + vm.reason));
            last.insert(vm.id, vm.state);
            if (vm.state == VmState::Online)
                ++online;
            if (vm.state == VmState::Online || vm.state == VmState::Failed)
                ++settled;
        }
        allOnline = online == ids.size();
        if (online > 0)
            crashPoint("announcing");
        if (settled + (ids.size() - present) == ids.size() || deadline.hasExpired()
            || g_interrupted)
            loop.quit();
    };
    QObject::connect(&poll, &QTimer::timeout, &loop, check);
    if (listener)
        QObject::connect(listener, &AnnouncementListener::vmsUpdated, &loop, check);
    poll.start();
    check();
    if (!allOnline)
        loop.exec();
    if (!allOnline && !g.json)
        err(deadline.hasExpired() ? u"not all VMs came online within %1 s"_s.arg(seconds)
                                  : u"some VMs failed before coming online"_s);
    return allOnline;
}

std::unique_ptr<AnnouncementListener> listenerForWaiting(const Globals &g) {
    QString why;
    auto listener = startListener(g, &why);
    if (!listener && !g.json)
        err(u"(%1; relying on the process that listens there)"_s.arg(why));
    return listener;
}

std::unique_ptr<AnnouncementListener> startListener(const Globals &g, QString *why) {
    AnnouncementListener::Options o;
    const EngineConfig c = engineConfig(g);
    o.port = g.port;
    o.inventoryPath = c.inventoryPath();
    o.secretPath = c.secretPath();
    o.unreachableAfterMs = static_cast<int>(unreachableAfterMs(c.heartbeatSeconds));
    o.verifier.allowUnsigned = qEnvironmentVariableIntValue("VMECLONE_ALLOW_UNSIGNED") == 1;
    auto listener = std::make_unique<AnnouncementListener>(o);
    if (auto s = listener->start(); !s) {
        *why = s.error();
        return nullptr;
    }
    return listener;
}

// ---- verbs -------------------------------------------------------------------------

QString rangeArgument(QCommandLineParser &p, int index) {
    const QStringList pos = p.positionalArguments();
    return index < pos.size() ? pos.mid(index).join(u' ') : QString();
}

} // namespace vmeclone::cli
