#include "cli.h"

#include "cli/table.h"
#include "common/logging.h"
#include "engine/crash_point.h"
#include "engine/engine.h"
#include "golden/golden_check.h"
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
#include <cmath>
#include <csignal>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace vmeclone::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

std::atomic_bool g_interrupted{false};

void onSignal(int) {
    g_interrupted = true;
}

QMutex g_outputMutex;

void out(const QString &text) {
    QMutexLocker lock(&g_outputMutex);
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), stdout);
    std::fflush(stdout);
}

void err(const QString &text) {
    QMutexLocker lock(&g_outputMutex);
    const QByteArray b = (text.endsWith(u'\n') ? text : text + u'\n').toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), stderr);
    std::fflush(stderr);
}

QString ago(const QDateTime &t) {
    if (!t.isValid())
        return u"-"_s;
    const qint64 s = t.secsTo(QDateTime::currentDateTime());
    if (s < 60)
        return u"%1 s ago"_s.arg(qMax<qint64>(0, s));
    if (s < 3600)
        return u"%1 min ago"_s.arg(s / 60);
    return u"%1 h ago"_s.arg(s / 3600);
}

// ---- the verbs' common options -------------------------------------------------------

struct Globals {
    QString home;
    quint16 port = protocol::kDefaultPort;
    bool json = false;
    bool verbose = false;
    int parallelism = 0;
    QString vmrun;          // VMware: vmrun's path (empty: found)
    QString vmwareType;     // VMware: "player" | "ws" (empty: detected)
    QString consoleAddress; // VMware: this host's address on the VMs' network
};

const QCommandLineOption kHome({u"home"_s},
                               u"Data folder (inventory, cluster secret). Default: $VMECLONE_HOME, "
                               u"else the user's application data folder."_s,
                               u"DIR"_s);
const QCommandLineOption
    kPort({u"port"_s}, u"UDP port of the announcement listener (default $VMECLONE_PORT or 9176)."_s,
          u"PORT"_s);
const QCommandLineOption kJson({u"json"_s}, u"Machine-readable output."_s);
const QCommandLineOption kVerbose({u"verbose"_s}, u"Log what the engine does to stderr."_s);
const QCommandLineOption kJobs({u"jobs"_s},
                               u"VMs worked on at once (default: the number of cores)."_s, u"N"_s);
const QCommandLineOption
    kVmrun({u"vmrun"_s},
           u"VMware: the vmrun program (default $VMECLONE_VMRUN, else found on PATH "
           u"or in VMware's install folders)."_s,
           u"PATH"_s);
const QCommandLineOption
    kVmwareType({u"vmware-type"_s},
                u"VMware: player or ws (default $VMECLONE_VMWARE_TYPE, else ws "
                u"when Workstation is installed, player otherwise)."_s,
                u"TYPE"_s);
const QCommandLineOption
    kConsoleAddress({u"console-address"_s},
                    u"VMware: this host's address on the VMs' network, where their guests send "
                    u"announcements (default $VMECLONE_CONSOLE_ADDRESS); needed to clone."_s,
                    u"IP"_s);

struct Verb {
    QString name;      // "golden add"
    QString arguments; // "PATH"
    QString description;
    std::function<void(QCommandLineParser &)> addOptions;
    std::function<int(QCommandLineParser &, const Globals &)> run;
};

Expected<Globals> readGlobals(const QCommandLineParser &p) {
    Globals g;
    g.home = p.value(kHome);
    if (p.isSet(kHome) && g.home.trimmed().isEmpty())
        return fail(u"--home is empty: give the data folder, e.g. --home ~/vmeclone"_s);
    if (g.home.isEmpty())
        g.home = qEnvironmentVariable("VMECLONE_HOME");
    if (g.home.isEmpty())
        g.home = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString port = p.value(kPort);
    if (port.isEmpty())
        port = qEnvironmentVariable("VMECLONE_PORT");
    if (!port.isEmpty()) {
        bool ok = false;
        const uint n = port.toUInt(&ok);
        if (!ok || n == 0 || n > 65535)
            return fail(u"--port %1 is not a port number (1-65535)"_s.arg(port));
        g.port = static_cast<quint16>(n);
    }
    if (p.isSet(kJobs)) {
        bool ok = false;
        g.parallelism = p.value(kJobs).toInt(&ok);
        if (!ok || g.parallelism < 1 || g.parallelism > 256)
            return fail(u"--jobs %1 must be a number from 1 to 256"_s.arg(p.value(kJobs)));
    }
    g.json = p.isSet(kJson);
    g.verbose = p.isSet(kVerbose);
    g.vmrun = p.isSet(kVmrun) ? p.value(kVmrun) : qEnvironmentVariable("VMECLONE_VMRUN");
    g.vmwareType =
        p.isSet(kVmwareType) ? p.value(kVmwareType) : qEnvironmentVariable("VMECLONE_VMWARE_TYPE");
    if (!g.vmwareType.isEmpty() && g.vmwareType != u"player" && g.vmwareType != u"ws")
        return fail(
            u"--vmware-type %1 is unknown: use player (VMware Player) or ws (VMware Workstation)"_s
                .arg(g.vmwareType));
    g.consoleAddress = p.isSet(kConsoleAddress) ? p.value(kConsoleAddress)
                                                : qEnvironmentVariable("VMECLONE_CONSOLE_ADDRESS");
    if (!g.consoleAddress.isEmpty() && !Ipv4Address::parse(g.consoleAddress))
        return fail(u"--console-address %1 is not an IPv4 address"_s.arg(g.consoleAddress));
    return g;
}

EngineConfig engineConfig(const Globals &g) {
    EngineConfig c;
    c.home = g.home;
    c.listenerPort = g.port;
    c.qemu.listenerPort = g.port;
    c.vmware.vmrun = g.vmrun;
    c.vmware.type = g.vmwareType;
    c.vmware.consoleAddress = g.consoleAddress;
    c.parallelism = g.parallelism > 0 ? g.parallelism : qMax(2, QThread::idealThreadCount());
    if (const QString accel = qEnvironmentVariable("VMECLONE_QEMU_ACCEL"); !accel.isEmpty())
        c.qemu.accel = accel;
    bool ok = false;
    if (const int hb = qEnvironmentVariableIntValue("VMECLONE_HEARTBEAT", &ok); ok && hb > 0)
        c.heartbeatSeconds = hb;
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
int printVms(Engine &engine, const Globals &g, const QList<VmRecord> *only = nullptr) {
    auto vms = engine.inventory().vms();
    auto goldens = engine.inventory().goldens();
    auto shards = engine.inventory().shards();
    if (!vms || !goldens || !shards) {
        err(!vms ? vms.error() : !goldens ? goldens.error() : shards.error());
        return kFailed;
    }
    QHash<qint64, GoldenRecord> goldenById;
    for (const auto &x : *goldens)
        goldenById.insert(x.id, x);
    QHash<qint64, Shard> shardById;
    for (const auto &x : *shards)
        shardById.insert(x.id, x);
    QSet<qint64> wanted;
    if (only) {
        for (const auto &vm : *only)
            wanted.insert(vm.id);
    }
    if (g.json) {
        QJsonArray array;
        for (const auto &vm : *vms) {
            if (!only || wanted.contains(vm.id))
                array.append(InventoryReport::vmJson(vm, goldenById.value(vm.goldenId),
                                                     shardById.value(vm.shardId)));
        }
        printJson(array);
        return kOk;
    }
    Table table({u"NAME"_s, u"IP"_s, u"MAC"_s, u"STATE"_s, u"SHARD"_s, u"BOOTS"_s, u"LAST SEEN"_s,
                 u"DETAIL"_s});
    for (const auto &vm : *vms) {
        if (only && !wanted.contains(vm.id))
            continue;
        QString state = vmStateName(vm.state);
        if (vm.state == VmState::Copying)
            state += u" %1%"_s.arg(vm.progress);
        table.addRow({vm.name, vm.address.toString(), vm.mac.toString(), state,
                      shardById.value(vm.shardId).path, QString::number(vm.boots), ago(vm.lastSeen),
                      vm.reason});
    }
    out(table.toString());
    return kOk;
}

// Opens the engine for a verb, printing why not. A read-only verb (list, plan, export)
// repairs nothing: it says what the next changing command will settle.
std::unique_ptr<Engine> openEngine(const Globals &g,
                                   Engine::RecoveryMode mode = Engine::RecoveryMode::Repair) {
    auto engine = std::make_unique<Engine>(engineConfig(g));
    if (auto s = engine->open(); !s) {
        err(u"vmeclone: "_s + s.error());
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
        for (const auto &o : r.outcomes)
            array.append(QJsonObject{{u"ip"_s, o.address.toString()},
                                     {u"name"_s, o.name},
                                     {u"ok"_s, o.ok},
                                     {u"message"_s, o.message}});
        printJson(QJsonObject{{u"operation"_s, what},
                              {u"ok"_s, r.ok()},
                              {u"cancelled"_s, r.cancelled},
                              {u"results"_s, array}});
    } else {
        // One line per reason: a whole range refused for one cause is one line.
        QList<QString> reasons;
        QHash<QString, QList<const BatchOutcome *>> byReason;
        for (const auto &o : r.outcomes) {
            if (o.ok)
                continue;
            if (!byReason.contains(o.message))
                reasons.append(o.message);
            byReason[o.message].append(&o);
        }
        for (const QString &reason : std::as_const(reasons)) {
            const auto &group = byReason[reason];
            if (group.size() == 1) {
                const BatchOutcome &o = *group.first();
                err(u"%1 %2: %3"_s.arg(o.address.toString(),
                                       o.name.isEmpty() ? QString() : u"(%1)"_s.arg(o.name),
                                       o.message));
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

std::unique_ptr<AnnouncementListener> startListener(const Globals &g, QString *why) {
    AnnouncementListener::Options o;
    const EngineConfig c = engineConfig(g);
    o.port = g.port;
    o.inventoryPath = c.inventoryPath();
    o.secretPath = c.secretPath();
    o.unreachableAfterMs = c.heartbeatSeconds * 3000 + 1000;
    o.verifier.allowUnsigned = qEnvironmentVariableIntValue("VMECLONE_ALLOW_UNSIGNED") == 1;
    auto listener = std::make_unique<AnnouncementListener>(o);
    if (auto s = listener->start(); !s) {
        *why = s.error();
        return nullptr;
    }
    return listener;
}

// ---- verbs -------------------------------------------------------------------------

QString rangeArgument(QCommandLineParser &p, int index = 0) {
    const QStringList pos = p.positionalArguments();
    return index < pos.size() ? pos.mid(index).join(u' ') : QString();
}

void addCloneOptions(QCommandLineParser &p) {
    p.addOption(
        {u"golden"_s, u"The golden image to clone (needed when there are several)."_s, u"NAME"_s});
    p.addOption({u"linked"_s, u"Copy-on-write clones over the golden's disk (default)."_s});
    p.addOption({u"full"_s, u"Full, independent copies of the golden's disk."_s});
}

Expected<CloneOptions> cloneOptions(QCommandLineParser &p) {
    if (p.isSet(u"linked"_s) && p.isSet(u"full"_s))
        return fail(u"--linked and --full exclude each other: choose one"_s);
    CloneOptions o;
    o.golden = p.value(u"golden"_s);
    o.mode = p.isSet(u"full"_s) ? u"full"_s : u"linked"_s;
    return o;
}

QJsonObject planJson(const ClonePlan &plan) {
    QJsonArray items;
    for (const auto &i : plan.items)
        items.append(QJsonObject{{u"ip"_s, i.address.toString()},
                                 {u"name"_s, i.name},
                                 {u"mac"_s, i.mac.toString()},
                                 {u"shard"_s, i.shard.path},
                                 {u"folder"_s, i.folder}});
    QJsonArray refused;
    for (const auto &r : plan.refused)
        refused.append(QJsonObject{{u"ip"_s, r.address.toString()}, {u"reason"_s, r.reason}});
    QJsonArray shards;
    for (const auto &u : plan.shardUse) {
        QString path;
        for (const auto &s : plan.shards)
            if (s.shard.id == u.shardId)
                path = s.shard.path;
        shards.append(QJsonObject{{u"shard"_s, path},
                                  {u"vms"_s, u.vmCount},
                                  {u"bytes_added"_s, u.bytesAdded},
                                  {u"bytes_free_after"_s, u.bytesFreeAfter}});
    }
    return {{u"golden"_s, plan.golden.name},
            {u"mode"_s, plan.mode},
            {u"bytes_per_vm"_s, plan.bytesPerVm},
            {u"vms"_s, items},
            {u"refused"_s, refused},
            {u"shards"_s, shards}};
}

void printPlan(const ClonePlan &plan) {
    Table table({u"NAME"_s, u"IP"_s, u"MAC"_s, u"SHARD"_s});
    for (const auto &i : plan.items)
        table.addRow({i.name, i.address.toString(), i.mac.toString(), i.shard.path});
    out(table.toString());
    for (const auto &u : plan.shardUse) {
        for (const auto &s : plan.shards) {
            if (s.shard.id == u.shardId)
                out(u"shard %1: %2 VMs, %3 MiB added, %4 MiB free after\n"_s.arg(s.shard.path)
                        .arg(u.vmCount)
                        .arg(u.bytesAdded >> 20)
                        .arg(u.bytesFreeAfter >> 20));
        }
    }
    if (!plan.refused.isEmpty())
        err(u"refused: "_s + plan.refusalSummary);
}

int verbPlan(QCommandLineParser &p, const Globals &g) {
    const QString range = rangeArgument(p);
    if (range.isEmpty()) {
        err(u"plan: give a range, e.g. 'vmeclone plan 177-254'"_s);
        return kUsage;
    }
    auto options = cloneOptions(p);
    if (!options) {
        err(options.error());
        return kUsage;
    }
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return kFailed;
    auto plan = engine->plan(*options, range);
    if (!plan) {
        err(u"plan: "_s + plan.error());
        return kFailed;
    }
    if (g.json)
        printJson(planJson(*plan));
    else
        printPlan(*plan);
    return plan->refused.isEmpty() ? kOk : kFailed;
}

int cloneRange(const Globals &g, const QString &range, const CloneOptions &options,
               int waitSeconds) {
    // Listen before anything starts, so no guest's first words are lost. If another
    // process (the console, 'vmeclone listen') has the port, it writes the states.
    std::unique_ptr<AnnouncementListener> listener;
    if (waitSeconds > 0 && options.start) {
        QString why;
        listener = startListener(g, &why);
        if (!listener && !g.json)
            err(u"(%1; relying on the process that listens there)"_s.arg(why));
    }
    QList<qint64> started;
    BatchResult result;
    bool said = false; // the refusal was printed already
    int code = runBeside([&]() -> int {
        auto engine = openEngine(g);
        if (!engine)
            return kFailed;
        auto plan = engine->plan(options, range);
        if (!plan) {
            err(u"clone: "_s + plan.error());
            return kFailed;
        }
        if (!plan->refused.isEmpty()) {
            // Refused addresses are an error of the request: nothing is written.
            err(u"clone: nothing done: "_s + plan->refusalSummary);
            said = true;
            for (const auto &r : plan->refused)
                result.outcomes.append(BatchOutcome{r.address, {}, false, r.reason});
            return kFailed;
        }
        static std::atomic_bool cancel{false};
        result = engine->clone(*plan, options, &g_interrupted, progressPrinter(g));
        Q_UNUSED(cancel);
        auto vms = engine->inventory().vms();
        if (vms) {
            for (const auto &o : result.outcomes) {
                for (const auto &vm : *vms)
                    if (o.ok && vm.address == o.address)
                        started.append(vm.id);
            }
        }
        return result.ok() ? kOk : kFailed;
    });
    if (code == kFailed && result.outcomes.isEmpty())
        return kFailed;
    if (code == kFailed
        && std::none_of(result.outcomes.begin(), result.outcomes.end(),
                        [](const BatchOutcome &o) { return o.ok; })) {
        // Refused as a whole after planning (taken meanwhile by another actor, the
        // golden changed): said with or without --json.
        if (g.json || !said)
            reportBatch(result, g, u"clone"_s);
        return kFailed;
    }
    if (waitSeconds > 0 && options.start && !started.isEmpty()) {
        if (!waitOnline(g, started, waitSeconds, listener.get()))
            code = kFailed;
    }
    if (listener)
        listener->flush();
    if (g.json) {
        reportBatch(result, g, u"clone"_s);
    } else {
        reportBatch(result, g, u"clone"_s);
        auto engine = openEngine(g);
        if (engine && !result.outcomes.isEmpty())
            printVms(*engine, g);
    }
    return code;
}

int verbClone(QCommandLineParser &p, const Globals &g) {
    const QString range = rangeArgument(p);
    if (range.isEmpty()) {
        err(u"clone: give a range, e.g. 'vmeclone clone 177-254'"_s);
        return kUsage;
    }
    auto options = cloneOptions(p);
    if (!options) {
        err(options.error());
        return kUsage;
    }
    options->start = !p.isSet(u"no-start"_s);
    int wait = 0;
    if (p.isSet(u"wait-online"_s)) {
        bool ok = false;
        wait = p.value(u"wait-online"_s).toInt(&ok);
        if (!ok || wait < 1) {
            err(u"--wait-online %1 must be a number of seconds, at least 1"_s.arg(
                p.value(u"wait-online"_s)));
            return kUsage;
        }
    }
    return cloneRange(g, range, *options, wait);
}

int verbSeedAlias(QCommandLineParser &p, const Globals &g) {
    // The seed's form: vmecloneVMOS <golden suffix> <new suffix>.
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2) {
        err(u"usage: vmecloneVMOS GOLDEN_SUFFIX NEW_SUFFIX (e.g. vmecloneVMOS 176 188)"_s);
        return kUsage;
    }
    bool ok = false;
    const uint goldenSuffix = pos[0].toUInt(&ok);
    if (!ok) {
        err(u"vmecloneVMOS: '%1' is not a suffix"_s.arg(pos[0]));
        return kUsage;
    }
    QString goldenName;
    {
        auto engine = openEngine(g);
        if (!engine)
            return kFailed;
        auto goldens = engine->inventory().goldens();
        if (!goldens) {
            err(goldens.error());
            return kFailed;
        }
        for (const auto &golden : *goldens)
            if (golden.suffix() == goldenSuffix)
                goldenName = golden.name;
        if (goldenName.isEmpty()) {
            err(u"vmecloneVMOS: no golden image has the suffix %1: see 'vmeclone golden list'"_s
                    .arg(goldenSuffix));
            return kFailed;
        }
    }
    CloneOptions o;
    o.golden = goldenName;
    o.start = !p.isSet(u"no-start"_s);
    return cloneRange(g, pos[1], o, 0);
}

using VmBatch = BatchResult (Engine::*)(const QList<VmRecord> &, const std::atomic_bool *,
                                        const BatchObserver &);

int verbOnRange(QCommandLineParser &p, const Globals &g, const QString &verb, VmBatch op) {
    const QString range = rangeArgument(p);
    if (range.isEmpty()) {
        err(u"%1: give a range, e.g. 'vmeclone %1 177-254'"_s.arg(verb));
        return kUsage;
    }
    int code = runBeside([&]() -> int {
        auto engine = openEngine(g);
        if (!engine)
            return kFailed;
        auto vms = engine->vmsInRange(range);
        if (!vms) {
            err(verb + u": "_s + vms.error());
            return kUsage;
        }
        if (vms->isEmpty()) {
            err(u"%1: no VM in %2"_s.arg(verb, range));
            return kFailed;
        }
        // Ctrl-C / SIGTERM: the VMs not begun are left as they are and listed as not done.
        const BatchResult r = ((*engine).*op)(*vms, &g_interrupted, progressPrinter(g));
        return reportBatch(r, g, verb);
    });
    return code;
}

int verbList(QCommandLineParser &, const Globals &g) {
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    return engine ? printVms(*engine, g) : kFailed;
}

// Settles what a vmeclone that died mid-batch left (every changing command does it first;
// list, plan and export only report it).
int verbRecover(QCommandLineParser &, const Globals &g) {
    auto engine = std::make_unique<Engine>(engineConfig(g));
    if (auto s = engine->open(); !s) {
        err(u"vmeclone: "_s + s.error());
        return kFailed;
    }
    auto recovered = engine->recover();
    if (!recovered) {
        err(u"recover: "_s + recovered.error());
        return kFailed;
    }
    if (g.json) {
        QJsonArray array;
        for (const auto &r : *recovered)
            array.append(
                QJsonObject{{u"name"_s, r.name},
                            {u"ip"_s, r.address.toUInt() ? r.address.toString() : QString()},
                            {u"action"_s, r.action},
                            {u"detail"_s, r.detail}});
        printJson(array);
        return kOk;
    }
    for (const auto &r : *recovered)
        err(u"recovered %1 %2: %3 (%4)"_s.arg(
            r.name, r.address.toUInt() ? r.address.toString() : QString(), r.action, r.detail));
    if (recovered->isEmpty())
        err(u"recover: nothing to recover"_s);
    return kOk;
}

int verbListen(QCommandLineParser &, const Globals &g) {
    QString why;
    auto listener = startListener(g, &why);
    if (!listener) {
        err(u"listen: "_s + why);
        return kFailed;
    }
    // Always on stderr (also with --json, whose output is the final statistics on stdout):
    // scripts wait for this line to know the port is taken.
    err(u"listening for announcements on %1 (Ctrl-C stops)"_s.arg(
        listener->listeningOn().join(u", "_s)));
    QObject::connect(listener.get(), &AnnouncementListener::listeningOnChanged,
                     [](const QStringList &on) {
                         err(u"listening for announcements on %1 now"_s.arg(on.join(u", "_s)));
                     });
    QEventLoop loop;
    QTimer interrupt;
    QObject::connect(&interrupt, &QTimer::timeout, &loop, [&] {
        if (g_interrupted)
            loop.quit();
    });
    interrupt.start(200);
    loop.exec();
    listener->flush();
    const auto &s = listener->stats();
    if (g.json) {
        QJsonObject rejected;
        for (int i = 0; i < kRejectReasonCount; ++i)
            rejected.insert(QString::fromLatin1(rejectReasonName(static_cast<RejectReason>(i))),
                            static_cast<qint64>(s.rejected[static_cast<size_t>(i)]));
        printJson(QJsonObject{{u"received"_s, static_cast<qint64>(s.received)},
                              {u"accepted"_s, static_cast<qint64>(s.accepted)},
                              {u"rejected"_s, rejected},
                              {u"events_held"_s, static_cast<qint64>(s.eventsHeld)},
                              {u"listening_on"_s, QJsonArray::fromStringList(s.listeningOn)}});
    } else {
        err(u"received %1, accepted %2, rejected %3"_s.arg(s.received)
                .arg(s.accepted)
                .arg(s.rejectedTotal()));
    }
    return kOk;
}

int verbGoldenAdd(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(u"golden add: give one PATH (the machine description .json or the .vmx)"_s);
        return kUsage;
    }
    GoldenSpec spec;
    spec.path = pos[0];
    if (p.isSet(u"suffix"_s)) {
        bool ok = false;
        spec.suffix = p.value(u"suffix"_s).toUInt(&ok);
        if (!ok) {
            err(u"--suffix %1 is not a number"_s.arg(p.value(u"suffix"_s)));
            return kUsage;
        }
    }
    spec.subnet = p.value(u"subnet"_s);
    spec.gateway = p.value(u"gateway"_s);
    spec.dns = p.value(u"dns"_s);
    spec.name = p.value(u"name"_s);
    spec.namePrefix = p.value(u"name-prefix"_s);
    spec.consoleAddress =
        g.consoleAddress; // kept with the golden: later commands need not repeat it
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto golden = engine->addGolden(spec);
    if (!golden) {
        err(u"golden add: "_s + golden.error());
        return kFailed;
    }
    if (g.json)
        printJson(InventoryReport::goldenJson(*golden));
    else
        out(u"golden image %1 added: %2 in %3\n"_s.arg(golden->name, golden->address.toString(),
                                                       golden->subnet.toString()));
    return kOk;
}

int verbGoldenRemove(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(u"golden remove: give the golden's NAME (see 'vmeclone golden list')"_s);
        return kUsage;
    }
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto golden = engine->inventory().goldenByName(pos[0]);
    if (!golden) {
        err(golden.error());
        return kFailed;
    }
    if (!golden->has_value()) {
        err(u"golden remove: no golden image named '%1': see 'vmeclone golden list'"_s.arg(pos[0]));
        return kFailed;
    }
    // Only the inventory's record goes: the golden's files are the operator's.
    if (auto s = engine->inventory().removeGolden((*golden)->id); !s) {
        err(u"golden remove: %1: %2"_s.arg(pos[0], s.error()));
        return kFailed;
    }
    (void)engine->inventory().addEvent(u"info"_s, {},
                                       u"golden image %1 removed from the inventory"_s.arg(pos[0]));
    if (!g.json)
        out(u"golden image %1 removed (its files are untouched)\n"_s.arg(pos[0]));
    return kOk;
}

int verbGoldenRefresh(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(u"golden refresh: give the golden's NAME (see 'vmeclone golden list')"_s);
        return kUsage;
    }
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto refreshed = engine->refreshGolden(pos[0]);
    if (!refreshed) {
        err(u"golden refresh: "_s + refreshed.error());
        return kFailed;
    }
    if (g.json) {
        QJsonObject o = InventoryReport::goldenJson(refreshed->golden);
        o.insert(u"change"_s, refreshed->change);
        o.insert(u"linked_clones"_s, QJsonArray::fromStringList(refreshed->linkedClones));
        printJson(o);
        return kOk;
    }
    out(refreshed->change.isEmpty()
            ? u"golden image %1: unchanged; accepted as it is\n"_s.arg(refreshed->golden.name)
            : u"golden image %1 accepted as it is now (%2)\n"_s.arg(refreshed->golden.name,
                                                                   refreshed->change));
    if (!refreshed->linkedClones.isEmpty() && !refreshed->change.isEmpty())
        err(u"golden refresh: %1 linked clone(s) read this golden's disk and see the change: %2. "
            u"Release and clone them again if they must match the new golden."_s.arg(
                refreshed->linkedClones.size())
                .arg(refreshed->linkedClones.join(u", "_s)));
    return kOk;
}

int verbGoldenList(QCommandLineParser &, const Globals &g) {
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return kFailed;
    auto goldens = engine->inventory().goldens();
    if (!goldens) {
        err(goldens.error());
        return kFailed;
    }
    if (g.json) {
        QJsonArray array;
        for (const auto &x : *goldens)
            array.append(InventoryReport::goldenJson(x));
        printJson(array);
        return kOk;
    }
    Table table({u"NAME"_s, u"BACKEND"_s, u"IP"_s, u"SUBNET"_s, u"DISK"_s, u"PATH"_s});
    for (const auto &x : *goldens)
        table.addRow({x.name, x.backend, x.address.toString(), x.subnet.toString(),
                      u"%1 MiB"_s.arg(x.diskBytes >> 20), x.path});
    out(table.toString());
    return kOk;
}

// Reads the golden offline (no inventory needed): exit 0 only when it is clean.
int verbGoldenCheck(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(u"golden check: give one PATH (the machine description .json or the .vmx)"_s);
        return kUsage;
    }
    GoldenCheckOptions options;
    options.tempDir = p.value(u"temp-dir"_s);
    auto report = GoldenCheck(options).run(pos[0]);
    if (!report) {
        err(u"golden check: "_s + report.error());
        return kFailed;
    }
    if (g.json)
        printJson(report->toJson());
    else
        out(report->toText());
    return report->clean() ? kOk : kFailed;
}

int verbShardAdd(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(u"shard add: give one DIR"_s);
        return kUsage;
    }
    double weight = 1.0;
    if (p.isSet(u"weight"_s)) {
        bool ok = false;
        weight = p.value(u"weight"_s).toDouble(&ok);
        if (!ok || !std::isfinite(weight) || !(weight > 0)) {
            err(u"--weight %1 must be a finite number greater than 0"_s.arg(p.value(u"weight"_s)));
            return kUsage;
        }
    }
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto shard = engine->addShard(pos[0], weight);
    if (!shard) {
        err(u"shard add: "_s + shard.error());
        return kFailed;
    }
    const int foreign = engine->foreignCloneFolders(shard->path);
    if (g.json) {
        printJson(QJsonObject{{u"path"_s, shard->path},
                              {u"weight"_s, shard->weight},
                              {u"other_data_folders_clones"_s, foreign}});
        return kOk;
    }
    out(u"disk shard %1 added (weight %2)\n"_s.arg(shard->path).arg(shard->weight));
    if (foreign > 0)
        err(u"shard add: note: %1 already holds %2 clone folder(s) of another data folder; "
            u"this data folder never touches them"_s.arg(shard->path)
                .arg(foreign));
    return kOk;
}

int verbShardList(QCommandLineParser &, const Globals &g) {
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return kFailed;
    auto status = engine->shardStatus();
    auto vms = engine->inventory().vms();
    if (!status || !vms) {
        err(!status ? status.error() : vms.error());
        return kFailed;
    }
    QHash<qint64, int> count;
    for (const auto &vm : *vms)
        ++count[vm.shardId];
    if (g.json) {
        QJsonArray array;
        for (const auto &s : *status)
            array.append(InventoryReport::shardJson(s, count.value(s.shard.id)));
        printJson(array);
        return kOk;
    }
    Table table(
        {u"PATH"_s, u"WEIGHT"_s, u"DEVICE"_s, u"FREE"_s, u"TOTAL"_s, u"VMS"_s, u"PROBLEM"_s});
    for (const auto &s : *status)
        table.addRow({s.shard.path, QString::number(s.shard.weight), s.deviceId,
                      u"%1 MiB"_s.arg(s.bytesFree >> 20), u"%1 MiB"_s.arg(s.bytesTotal >> 20),
                      QString::number(count.value(s.shard.id)), s.error});
    out(table.toString());
    return kOk;
}

int verbExport(QCommandLineParser &p, const Globals &g) {
    if (!p.positionalArguments().isEmpty()) {
        err(u"export: unexpected '%1': name the file with --output FILE"_s.arg(
            p.positionalArguments().join(u' ')));
        return kUsage;
    }
    const QString output = p.value(u"output"_s);
    if (output.isEmpty()) {
        err(u"export: give the file to write, e.g. 'vmeclone export --output inventory.pdf'"_s);
        return kUsage;
    }
    std::optional<ReportFormat> format;
    if (p.isSet(u"format"_s)) {
        format = InventoryReport::formatFromName(p.value(u"format"_s));
        if (!format) {
            err(u"export: --format %1 is not one of csv, json, html, pdf"_s.arg(
                p.value(u"format"_s)));
            return kUsage;
        }
    } else {
        format = InventoryReport::formatFromPath(output);
        if (!format) {
            err(u"export: cannot tell the format of %1 from its name: end it in .csv, .json, .html "
                u"or .pdf, "
                u"or give --format"_s.arg(output));
            return kUsage;
        }
    }
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return kFailed;
    auto report = InventoryReport::take(engine->inventory());
    if (!report) {
        err(u"export: "_s + report.error());
        return kFailed;
    }
    if (auto s = report->write(output, *format); !s) {
        err(u"export: "_s + s.error());
        return kFailed;
    }
    const QString file = QFileInfo(output).absoluteFilePath();
    const QString name = InventoryReport::formatName(*format);
    if (g.json)
        printJson(
            QJsonObject{{u"file"_s, file}, {u"format"_s, name}, {u"vms"_s, report->vms().size()}});
    else
        out(u"%1 report of %2 VMs written to %3\n"_s.arg(name.toUpper())
                .arg(report->vms().size())
                .arg(file));
    return kOk;
}

QList<Verb> verbs() {
    return {
        {u"golden add"_s, u"PATH"_s,
         u"Register a golden image: a QEMU machine description (.json) or a VMware VM's .vmx (its "
         u"folder "
         u"must not be open in VMware)."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"suffix"_s, u"The golden's own host number in its subnet (e.g. 176)."_s,
                          u"N"_s});
             p.addOption({u"subnet"_s, u"The golden's subnet, e.g. 192.168.1.0/24."_s, u"CIDR"_s});
             p.addOption(
                 {u"gateway"_s, u"Default gateway the clones get (none by default)."_s, u"IP"_s});
             p.addOption({u"dns"_s, u"Name servers the clones get, up to 3 (none by default)."_s,
                          u"IP[,IP...]"_s});
             p.addOption(
                 {u"name"_s, u"Name of the golden (default: from its description)."_s, u"NAME"_s});
             p.addOption({u"name-prefix"_s,
                          u"Clones are named PREFIX<suffix> (default vm: vm177)."_s, u"PREFIX"_s});
         },
         verbGoldenAdd},
        {u"golden list"_s, {}, u"List the golden images."_s, {}, verbGoldenList},
        {u"golden check"_s, u"PATH"_s,
         u"Find the clone hazards of a golden (.json or .vmx) before cloning it: running, stale "
         u"udev rule, "
         u"HWADDR/UUID, machine-id, DHCP leases, SSH host keys, agent missing; names the fix for "
         u"each. "
         u"Exit 0 only when clean."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"temp-dir"_s,
                          u"Where a raw copy of the disk may go (default: the temp folder)."_s,
                          u"DIR"_s});
         },
         verbGoldenCheck},
        {u"golden refresh"_s,
         u"NAME"_s,
         u"Accept a golden's files as they are now, after changing it on purpose (clones are "
         u"refused while a golden differs from what was added or last refreshed)."_s,
         {},
         verbGoldenRefresh},
        {u"golden remove"_s,
         u"NAME"_s,
         u"Forget a golden image (refused while clones of it exist; its files stay)."_s,
         {},
         verbGoldenRemove},
        {u"shard add"_s, u"DIR"_s, u"Add a disk shard: a folder where clones' files go."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"weight"_s, u"Relative share of new VMs (default 1)."_s, u"W"_s});
         },
         verbShardAdd},
        {u"shard list"_s, {}, u"List the disk shards with their free space."_s, {}, verbShardList},
        {u"plan"_s, u"RANGE"_s, u"Show where a clone of RANGE would go; writes nothing."_s,
         addCloneOptions, verbPlan},
        {u"clone"_s, u"RANGE"_s,
         u"Clone the golden to every address of RANGE (177-254, 177,180-190, 192.168.1.177-192.168.1.254)."_s,
         [](QCommandLineParser &p) {
             addCloneOptions(p);
             p.addOption({u"no-start"_s, u"Only make the clones; do not start them."_s});
             p.addOption({u"wait-online"_s,
                          u"Wait up to SECONDS for every clone to announce itself online."_s,
                          u"SECONDS"_s});
         },
         verbClone},
        {u"list"_s, {}, u"List the VMs with their state."_s, {}, verbList},
        {u"recover"_s,
         {},
         u"Settle VMs and clone folders a vmeclone that died mid-batch left behind (every "
         u"command that changes something does it first; list, plan and export only report it)."_s,
         {},
         verbRecover},
        {u"start"_s,
         u"RANGE"_s,
         u"Start the VMs of RANGE."_s,
         {},
         [](QCommandLineParser &p, const Globals &g) {
             return verbOnRange(p, g, u"start"_s, &Engine::start);
         }},
        {u"stop"_s,
         u"RANGE"_s,
         u"Stop the VMs of RANGE (power button, then forced off)."_s,
         {},
         [](QCommandLineParser &p, const Globals &g) {
             return verbOnRange(p, g, u"stop"_s, &Engine::stop);
         }},
        {u"release"_s,
         u"RANGE"_s,
         u"Stop and delete the VMs of RANGE and free their addresses."_s,
         {},
         [](QCommandLineParser &p, const Globals &g) {
             return verbOnRange(p, g, u"release"_s, &Engine::release);
         }},
        {u"export"_s,
         {},
         u"Write an inventory report (VMs, states, shards) as CSV, JSON, HTML or PDF."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"format"_s,
                          u"csv, json, html or pdf (default: from the file's extension)."_s,
                          u"FORMAT"_s});
             p.addOption(
                 {u"output"_s, u"The file to write (replaced when complete)."_s, u"FILE"_s});
         },
         verbExport},
        {u"listen"_s,
         {},
         u"Receive the guests' announcements and keep the inventory's states current."_s,
         {},
         verbListen},
        {u"vmecloneVMOS"_s, u"GOLDEN_SUFFIX NEW_SUFFIX"_s,
         u"The seed's form: clone the golden with one suffix to another."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"no-start"_s, u"Only make the clone; do not start it."_s});
         },
         verbSeedAlias},
    };
}

QString overview() {
    QString text = u"Usage: vmeclone [--home DIR] [--port PORT] [--json] COMMAND [ARGS]\n\n"
                   u"Turns one golden VM image into many running, networked VMs.\n\nCommands:\n"_s;
    for (const auto &v : verbs())
        text += u"  %1 %2\n      %3\n"_s.arg(v.name, v.arguments, v.description);
    text += u"\n'vmeclone COMMAND --help' tells more about each.\n"_s;
    return text;
}

} // namespace

int run(const QStringList &argumentsIn) {
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QStringList arguments = argumentsIn;
    const QString program = arguments.isEmpty() ? u"vmeclone"_s : arguments.takeFirst();

    // The verb is the first one or two words that are not options (or their values).
    QStringList words;
    QStringList rest;
    const QSet<QString> valued{u"--home"_s,  u"--port"_s,        u"--jobs"_s,
                               u"--vmrun"_s, u"--vmware-type"_s, u"--console-address"_s};
    bool skipValue = false;
    for (const auto &a : arguments) {
        if (skipValue) {
            rest << a;
            skipValue = false;
        } else if (a.startsWith(u'-')) {
            rest << a;
            skipValue = valued.contains(a);
        } else {
            words << a;
        }
    }
    if (QFileInfo(program).fileName() == u"vmecloneVMOS")
        words.prepend(u"vmecloneVMOS"_s);

    const auto all = verbs();
    const Verb *verb = nullptr;
    qsizetype used = 0;
    for (const auto &v : all) {
        const QStringList parts = v.name.split(u' ');
        if (words.size() >= parts.size() && words.mid(0, parts.size()) == parts) {
            verb = &v;
            used = parts.size();
            break;
        }
    }
    if (!verb) {
        if (arguments.contains(u"--version"_s)) {
            out(u"vmeclone %1\n"_s.arg(QCoreApplication::applicationVersion()));
            return kOk;
        }
        if (words.isEmpty() || arguments.contains(u"--help"_s) || arguments.contains(u"-h"_s)) {
            out(overview());
            return words.isEmpty() && !arguments.contains(u"--help"_s)
                           && !arguments.contains(u"-h"_s)
                       ? kUsage
                       : kOk;
        }
        err(u"vmeclone: unknown command '%1'\n"_s.arg(words.join(u' ')) + overview());
        return kUsage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(verb->description);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({kHome, kPort, kJson, kVerbose, kJobs, kVmrun, kVmwareType, kConsoleAddress});
    if (verb->addOptions)
        verb->addOptions(parser);
    for (const auto &a : verb->arguments.split(u' ', Qt::SkipEmptyParts))
        parser.addPositionalArgument(a, {});
    // Rebuild the command line in its original order, without the verb's words.
    QStringList argv{program + u' ' + verb->name};
    qsizetype skipped = 0;
    for (const auto &a : arguments) {
        if (skipped < used && a == words[skipped]) {
            ++skipped;
            continue;
        }
        argv << a;
    }
    if (!parser.parse(argv)) {
        err(u"vmeclone %1: %2\n"_s.arg(verb->name, parser.errorText()) + parser.helpText());
        return kUsage;
    }
    if (parser.isSet(u"help"_s)) {
        out(parser.helpText());
        return kOk;
    }
    if (parser.isSet(u"version"_s)) {
        out(u"vmeclone %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return kOk;
    }
    auto globals = readGlobals(parser);
    if (!globals) {
        err(u"vmeclone: "_s + globals.error());
        return kUsage;
    }
    log::setup(globals->verbose ? spdlog::level::debug : spdlog::level::warn);
    return verb->run(parser, *globals);
}

} // namespace vmeclone::cli
