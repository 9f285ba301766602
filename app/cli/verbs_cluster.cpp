// The cluster's verbs: `apply` (what a head sends a host) and the head's side of clone,
// release and list with --hosts (docs/cluster.md).

#include "cli/cli_common.h"
#include "cli/table.h"
#include "cluster/cluster_head.h"
#include "cluster/plan_document.h"
#include "engine/engine.h"
#include "report/cluster_report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vmeclone::cli {

namespace {

// One JSON line on standard output, at once (the head reads them as they come).
void emitLine(const PlanLine &line) {
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    const QByteArray bytes = line.toJson() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

PlanLine finalLine(Ipv4Address address, const QString &name, const QString &state, bool ok,
                   bool held, const QString &message) {
    PlanLine l;
    l.kind = PlanLine::Kind::Vm;
    l.address = address;
    l.name = name;
    l.state = state;
    l.ok = ok;
    l.final = true;
    l.held = held;
    l.message = message;
    return l;
}

bool settledWell(VmState s) {
    return s != VmState::Failed && s != VmState::Planned && s != VmState::Copying;
}

// The head's configuration: this vmeclone for host local, and the chain of heads the
// request came through (--via), refused when this data folder is in it already.
Expected<ClusterConfig> clusterConfig(const Globals &g, const QCommandLineParser &p,
                                      Engine &engine) {
    ClusterConfig c;
    c.localProgram = QCoreApplication::applicationFilePath();
    c.localHome = g.home;
    const QString self = engine.inventory().dataFolderId();
    if (p.isSet(u"via"_s))
        c.via = p.value(u"via"_s).split(u',', Qt::SkipEmptyParts);
    if (c.via.contains(self))
        return fail(
            u"the data folder %1 is already a head of this request: the hosts form a "
            u"cycle (a host has one of its heads as a host); remove that host"_s.arg(g.home));
    c.via << self;
    return c;
}

// What every head verb begins with: the engine, the head over its inventory and the hosts
// --hosts names (`fallback` when it is not given; empty: required). Empty when it failed,
// `code` then holds the exit code, the failure said under `verb`.
struct HeadAndHosts {
    std::unique_ptr<Engine> engine;
    std::unique_ptr<ClusterHead> head;
    QList<HostRecord> hosts;
    bool all = false; // "all" was asked for
};
std::optional<HeadAndHosts> openHead(QCommandLineParser &p, const Globals &g, const QString &verb,
                                     Engine::RecoveryMode mode, const QString &fallback,
                                     int &code) {
    HeadAndHosts h;
    code = kFailed;
    h.engine = openEngine(g, mode);
    if (!h.engine)
        return std::nullopt;
    auto config = clusterConfig(g, p, *h.engine);
    if (!config) {
        code = reportFailure(g, verb, config.failure(), &p);
        return std::nullopt;
    }
    h.head = std::make_unique<ClusterHead>(h.engine->inventory(), *config);
    const QString spec = p.isSet(u"hosts"_s) || fallback.isEmpty() ? p.value(u"hosts"_s) : fallback;
    auto hosts = h.head->hosts(spec);
    if (!hosts) {
        code = reportFailure(g, verb, hosts.failure(), &p, kUsage);
        return std::nullopt;
    }
    h.hosts = *hosts;
    h.all = spec.trimmed().compare(u"all"_s, Qt::CaseInsensitive) == 0;
    return h;
}

// `extra`'s keys are added to the JSON document (and replace those of the same name).
void printOutcomes(const ClusterResult &r, const Globals &g, const QString &what,
                   const QJsonObject &extra = {}) {
    if (g.json) {
        QJsonArray results;
        for (const ClusterOutcome &o : r.outcomes) {
            QJsonObject result{{u"host"_s, o.host},      {u"ip"_s, o.address.toString()},
                               {u"name"_s, o.name},      {u"mac"_s, o.mac.toString()},
                               {u"ok"_s, o.ok},          {u"state"_s, o.state},
                               {u"message"_s, o.message}};
            if (!o.shard.isEmpty())
                result.insert(u"shard"_s, o.shard);
            results.append(result);
        }
        QJsonObject hostErrors;
        for (auto it = r.hostErrors.begin(); it != r.hostErrors.end(); ++it)
            hostErrors.insert(it.key(), it.value());
        QJsonObject o{{u"operation"_s, what},
                      {u"ok"_s, r.ok()},
                      {u"cancelled"_s, r.cancelled},
                      {u"results"_s, results},
                      {u"host_errors"_s, hostErrors}};
        if (!r.refused.isEmpty())
            o.insert(u"error"_s, r.refused);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        printJson(o);
        return;
    }
    if (!r.refused.isEmpty()) {
        err(u"%1: nothing done: %2"_s.arg(what, r.refused));
        return;
    }
    for (auto it = r.hostErrors.begin(); it != r.hostErrors.end(); ++it)
        err(u"%1: %2"_s.arg(what, it.value()));
    // A SHARD column where the hosts said where their VMs go (plan).
    const bool shards = std::any_of(r.outcomes.cbegin(), r.outcomes.cend(),
                                    [](const ClusterOutcome &o) { return !o.shard.isEmpty(); });
    QStringList header{u"HOST"_s, u"NAME"_s, u"IP"_s, u"MAC"_s, u"STATE"_s, u"DETAIL"_s};
    if (shards)
        header.insert(5, u"SHARD"_s);
    Table table(header);
    for (const ClusterOutcome &o : r.outcomes) {
        QStringList row{o.host,
                        o.name,
                        o.address.toString(),
                        o.mac == MacAddress() ? QString() : o.mac.toString(),
                        o.state,
                        o.ok ? QString() : o.message};
        if (shards)
            row.insert(5, o.shard);
        table.addRow(row);
    }
    out(table.toString());
}

} // namespace

int verbApply(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(u"apply: give the plan document: a file, or - for standard input"_s);
        return kUsage;
    }
    QFile file;
    const bool fromStdin = pos[0] == u"-"_s;
    if (fromStdin ? !file.open(stdin, QIODevice::ReadOnly)
                  : (file.setFileName(pos[0]), !file.open(QIODevice::ReadOnly))) {
        err(u"apply: cannot read %1: %2"_s.arg(pos[0], file.errorString()));
        return kUsage;
    }
    auto plan = PlanDocument::fromJson(file.readAll());
    if (!plan) {
        err(u"apply: %1: %2"_s.arg(fromStdin ? u"the plan on standard input"_s : pos[0],
                                   plan.error()));
        return kUsage;
    }
    const bool lines = p.isSet(u"json-lines"_s);
    auto say = [&](const PlanLine &l) {
        if (lines)
            emitLine(l);
        else if (l.final)
            out(u"%1 %2: %3%4\n"_s.arg(l.address.toString(), l.name, l.state,
                                       l.ok ? QString() : u" ("_s + l.message + u')'));
    };
    bool allOk = true;
    const int code = runBeside([&]() -> int {
        auto engine = openEngine(g);
        if (!engine)
            return kFailed;
        auto failAll = [&](const QList<Ipv4Address> &addresses, const QString &why) {
            for (const Ipv4Address &a : addresses)
                say(finalLine(a, {}, u"failed"_s, false, false, why));
            allOk = false;
        };
        // A host that is itself a head sends the plan on to its own hosts (this machine
        // among them): the same command at every level.
        if (goesOnToItsHosts(p, g)) {
            auto config = clusterConfig(g, p, *engine);
            if (!config) {
                failAll(plan->addresses, config.error());
                return kFailed;
            }
            ClusterHead head(engine->inventory(), *config);
            auto hosts = head.hosts(u"all"_s);
            if (!hosts) {
                failAll(plan->addresses, hosts.error());
                return kFailed;
            }
            QStringList addresses;
            for (const Ipv4Address &a : plan->addresses)
                addresses << a.toString();
            CloneOptions options;
            options.golden = plan->golden;
            options.mode = plan->mode;
            options.start = plan->start;
            const ClusterResult r = head.clone(*hosts, options, addresses.join(u','), true,
                                               &g_interrupted, [&](const ClusterEvent &e) {
                                                   PlanLine l;
                                                   l.kind = PlanLine::Kind::Vm;
                                                   l.address = e.address;
                                                   l.name = e.name;
                                                   l.state = e.state;
                                                   l.progress = e.progress;
                                                   l.message = e.message;
                                                   say(l);
                                               });
            if (!r.refused.isEmpty()) {
                failAll(plan->addresses, r.refused);
                return kFailed;
            }
            QSet<quint32> held;
            if (auto ledger = engine->inventory().clusterVms())
                for (const ClusterVm &vm : *ledger)
                    held.insert(vm.address.toUInt());
            for (const ClusterOutcome &o : r.outcomes) {
                say(finalLine(o.address, o.name, o.state, o.ok, held.contains(o.address.toUInt()),
                              o.host.isEmpty() ? o.message : o.host + u": "_s + o.message));
                allOk = allOk && o.ok;
            }
            return r.ok() ? kOk : kFailed;
        }
        auto golden = engine->inventory().goldenByName(plan->golden);
        if (!golden || !golden->has_value()) {
            failAll(plan->addresses,
                    golden ? u"this host holds no golden image named '%1'"_s.arg(plan->golden)
                           : golden.error());
            return kFailed;
        }
        // What this plan made already (an earlier run of it): told, not made again.
        auto vms = engine->inventory().vms();
        if (!vms) {
            failAll(plan->addresses, vms.error());
            return kFailed;
        }
        QHash<Ipv4Address, VmRecord> byAddress;
        for (const VmRecord &vm : *vms)
            byAddress.insert(vm.address, vm);
        QStringList remaining;
        for (const Ipv4Address &a : plan->addresses) {
            const auto it = byAddress.constFind(a);
            if (it != byAddress.constEnd() && it->instance == Engine::instanceFor(plan->id, a)) {
                const bool ok = settledWell(it->state);
                allOk = allOk && ok;
                say(finalLine(a, it->name, vmStateName(it->state), ok, true,
                              ok ? u"made already by this plan"_s : it->reason));
                continue;
            }
            remaining << a.toString();
        }
        if (remaining.isEmpty())
            return kOk;
        CloneOptions options;
        options.golden = plan->golden;
        options.mode = plan->mode;
        options.start = plan->start;
        options.plan = plan->id;
        auto cloning = engine->plan(options, remaining.join(u','));
        if (!cloning) {
            QList<Ipv4Address> addresses;
            for (const QString &a : remaining)
                addresses << *Ipv4Address::parse(a);
            failAll(addresses, worded(cloning.failure()));
            return kFailed;
        }
        for (const RefusedAddress &r : cloning->refused)
            say(finalLine(r.address, {}, u"failed"_s, false, false, r.reason));
        allOk = allOk && cloning->refused.isEmpty();
        cloning->refused.clear();
        if (cloning->items.isEmpty())
            return kFailed;
        const BatchResult result =
            engine->clone(*cloning, options, &g_interrupted, [&](const BatchEvent &e) {
                PlanLine l;
                l.kind = PlanLine::Kind::Vm;
                l.address = e.address;
                l.name = e.name;
                l.state = vmStateName(e.state);
                l.progress = e.progress;
                l.message = e.message;
                say(l);
            });
        auto after = engine->inventory().vms();
        QHash<Ipv4Address, VmRecord> now;
        if (after)
            for (const VmRecord &vm : *after)
                now.insert(vm.address, vm);
        for (const BatchOutcome &o : result.outcomes) {
            const auto it = now.constFind(o.address);
            const bool held =
                it != now.constEnd() && it->instance == Engine::instanceFor(plan->id, o.address);
            say(finalLine(o.address, o.name, held ? vmStateName(it->state) : u"failed"_s, o.ok,
                          held, o.message));
            allOk = allOk && o.ok;
        }
        return result.ok() ? kOk : kFailed;
    });
    PlanLine done;
    done.kind = PlanLine::Kind::Done;
    done.ok = code == kOk && allOk;
    if (lines)
        emitLine(done);
    return done.ok ? kOk : kFailed;
}

bool goesOnToItsHosts(const QCommandLineParser &p, const Globals &g) {
    const QStringList given = p.optionNames();
    if (given.contains(u"hosts"_s))
        return true;
    // Not asked by a head (this machine's own part, host local): the verb runs here.
    return given.contains(u"via"_s) && isHead(g);
}

bool isHead(const Globals &g) {
    if (!QFileInfo::exists(engineConfig(g).inventoryPath()))
        return false;
    auto inventory = Inventory::open(engineConfig(g).inventoryPath());
    if (!inventory)
        return false; // the verb itself opens it again and says why it cannot
    auto hosts = (*inventory)->hosts();
    return hosts && !hosts->isEmpty();
}

namespace {

// --wait-online with --hosts: the VMs the batch made, by host, as their hosts list them.
struct HostWait {
    QStringList online, failed, waiting;
    QString error; // the host could not be asked (its VMs are waiting)
};

// Asks the hosts (list) until every VM `made` names is online or failed, or until
// `seconds` are up (`timedOut`) or the command is interrupted. Rows are matched by
// address; a host below a sub-head ("sub/lab1") counts for the host asked ("sub").
QMap<QString, HostWait> waitOnHosts(ClusterHead &head, const QList<HostRecord> &hosts,
                                    const QList<ClusterOutcome> &made, int seconds,
                                    bool &timedOut) {
    QDeadlineTimer deadline{std::chrono::seconds(seconds)};
    QMap<QString, HostWait> byHost;
    timedOut = false;
    for (;;) {
        const ClusterListing listing = head.list(hosts);
        QHash<QString, QJsonObject> rows;
        for (const auto &v : listing.vms)
            rows.insert(v.toObject().value(u"ip"_s).toString(), v.toObject());
        byHost.clear();
        bool waiting = false;
        for (const ClusterOutcome &o : made) {
            HostWait &w = byHost[o.host];
            w.error = listing.hostErrors.value(o.host);
            const QString state = rows.value(o.address.toString()).value(u"state"_s).toString();
            if (state == u"online"_s) {
                w.online << o.name;
            } else if (state == u"failed"_s) {
                w.failed << o.name;
            } else {
                w.waiting << o.name;
                waiting = true;
            }
        }
        if (!waiting || g_interrupted)
            return byHost;
        if (deadline.hasExpired()) {
            timedOut = true;
            return byHost;
        }
        QThread::msleep(quint64(std::min<qint64>(1000, deadline.remainingTime())));
    }
}

} // namespace

int clusterClone(QCommandLineParser &p, const Globals &g, const QString &range,
                 const CloneOptions &options, int waitSeconds) {
    int code = kFailed;
    auto h = openHead(p, g, u"clone"_s, Engine::RecoveryMode::Repair, {}, code);
    if (!h)
        return code;
    QMutex printing;
    const ClusterResult r = h->head->clone(
        h->hosts, options, range, h->all, &g_interrupted, [&](const ClusterEvent &e) {
            if (g.json || e.progress > 0)
                return;
            QMutexLocker lock(&printing);
            err(u"%1 %2 (%3): %4%5"_s.arg(e.host, e.name, e.address.toString(), e.state,
                                          e.message.isEmpty() ? QString() : u" "_s + e.message));
        });
    QList<ClusterOutcome> made;
    for (const ClusterOutcome &o : r.outcomes)
        if (o.ok && !o.host.isEmpty())
            made << o;
    if (waitSeconds <= 0 || !options.start || made.isEmpty()) {
        printOutcomes(r, g, u"clone"_s);
        return r.ok() ? kOk : kFailed;
    }
    if (!g.json)
        printOutcomes(r, g, u"clone"_s);
    bool timedOut = false;
    const QMap<QString, HostWait> waited =
        waitOnHosts(*h->head, h->hosts, made, waitSeconds, timedOut);
    bool allOnline = true;
    QJsonObject perHost;
    for (auto it = waited.cbegin(); it != waited.cend(); ++it) {
        const HostWait &w = it.value();
        allOnline = allOnline && w.failed.isEmpty() && w.waiting.isEmpty();
        QJsonObject o{{u"online"_s, QJsonArray::fromStringList(w.online)},
                      {u"failed"_s, QJsonArray::fromStringList(w.failed)},
                      {u"waiting"_s, QJsonArray::fromStringList(w.waiting)}};
        if (!w.error.isEmpty())
            o.insert(u"error"_s, w.error);
        perHost.insert(it.key(), o);
        if (g.json)
            continue;
        QString line = u"host %1: %2 online, %3 failed"_s.arg(it.key())
                           .arg(w.online.size())
                           .arg(w.failed.size());
        if (!w.failed.isEmpty())
            line += u" (%1)"_s.arg(w.failed.join(u", "_s));
        if (!w.waiting.isEmpty())
            line += timedOut ? u"; not online within %1 s: %2"_s.arg(waitSeconds)
                                   .arg(w.waiting.join(u", "_s))
                             : u"; still waiting: %1"_s.arg(w.waiting.join(u", "_s));
        if (!w.error.isEmpty())
            line += u" (%1)"_s.arg(w.error);
        err(line);
    }
    if (g.json) {
        // One document: the clone's results and what the wait saw on each host.
        printOutcomes(r, g, u"clone"_s,
                      {{u"ok"_s, r.ok() && allOnline},
                       {u"wait_online"_s, QJsonObject{{u"seconds"_s, waitSeconds},
                                                      {u"timed_out"_s, timedOut},
                                                      {u"hosts"_s, perHost}}}});
    }
    return r.ok() && allOnline ? kOk : kFailed;
}

int clusterPlan(QCommandLineParser &p, const Globals &g, const QString &range,
                const CloneOptions &options) {
    int code = kFailed;
    // Asked by a head (--via, no --hosts): over every host of this one.
    auto h = openHead(p, g, u"plan"_s, Engine::RecoveryMode::ReportOnly,
                      p.isSet(u"hosts"_s) ? QString() : u"all"_s, code);
    if (!h)
        return code;
    const ClusterResult r = h->head->plan(h->hosts, options, range, h->all);
    printOutcomes(r, g, u"plan"_s);
    if (!g.json && r.refused.isEmpty()) {
        // Per host: how many VMs each would make, and on which of its shards.
        QMap<QString, QMap<QString, int>> perHost;
        for (const ClusterOutcome &o : r.outcomes)
            if (o.ok && o.state == u"planned")
                ++perHost[o.host][o.shard];
        for (auto it = perHost.cbegin(); it != perHost.cend(); ++it) {
            int all = 0;
            QStringList shards;
            for (auto s = it->cbegin(); s != it->cend(); ++s) {
                all += s.value();
                if (!s.key().isEmpty())
                    shards << u"%1 %2"_s.arg(s.key()).arg(s.value());
            }
            out(u"host %1: %2 VMs%3\n"_s.arg(it.key()).arg(all).arg(
                shards.isEmpty() ? QString() : u" ("_s + shards.join(u", "_s) + u')'));
        }
    }
    return r.ok() ? kOk : kFailed;
}

int clusterOnRange(QCommandLineParser &p, const Globals &g, const QString &verb,
                   const QString &range) {
    int code = kFailed;
    auto h = openHead(p, g, verb, Engine::RecoveryMode::Repair, u"all"_s, code);
    if (!h)
        return code;
    if (verb == u"release"_s && !p.isSet(u"yes"_s) && ::isatty(STDIN_FILENO)
        && ::isatty(STDERR_FILENO)) {
        QStringList names;
        for (const HostRecord &host : h->hosts)
            names << host.name;
        err(u"release every VM of %1 on %2? Each is stopped and its files are deleted. Type yes "
            u"to go on: "_s.arg(range, names.join(u", "_s)));
        std::string answer;
        std::getline(std::cin, answer);
        if (answer != "yes" && answer != "y") {
            err(u"release: nothing done (answer yes, or pass --yes)"_s);
            return kFailed;
        }
    }
    const ClusterResult r = h->head->onRange(verb, h->hosts, range, &g_interrupted);
    printOutcomes(r, g, verb);
    return r.ok() && r.hostErrors.isEmpty() ? kOk : kFailed;
}

int clusterList(QCommandLineParser &p, const Globals &g, const QString &range) {
    int code = kFailed;
    auto h = openHead(p, g, u"list"_s, Engine::RecoveryMode::ReportOnly, u"all"_s, code);
    if (!h)
        return code;
    std::optional<QSet<Ipv4Address>> wanted; // RANGE's addresses, checked before any host
    if (!range.isEmpty()) {
        auto addresses = h->engine->addressesInRange(range);
        if (!addresses)
            return reportFailure(g, u"list"_s, addresses.failure(), &p, kUsage);
        wanted = std::move(*addresses);
    }
    qputenv(kListingForHead, "1"); // inherited by this machine's own part, not sent over ssh
    const bool guests = p.isSet(u"guest"_s);
    ClusterListing listing =
        h->head->list(h->hosts, guests ? QStringList{u"--guest"_s} : QStringList{});
    for (auto it = listing.hostErrors.begin(); it != listing.hostErrors.end(); ++it)
        err(u"list: "_s + it.value());
    // The VMs the ledger places on a host that could not be asked: listed with their
    // host, state unknown and the host's error (not left out, not called failed).
    for (const auto &row : h->head->unreachableRows(listing.hostErrors))
        listing.vms.append(row);
    if (wanted) {
        QJsonArray inRange;
        for (const auto &v : std::as_const(listing.vms)) {
            const auto ip = Ipv4Address::parse(v.toObject().value(u"ip"_s).toString());
            if (ip && wanted->contains(*ip))
                inRange.append(v);
        }
        listing.vms = inRange;
    }
    if (g.json) {
        printJson(listing.vms);
    } else {
        QStringList columns{u"HOST"_s,  u"NAME"_s,  u"IP"_s,    u"MAC"_s,
                            u"STATE"_s, u"SHARD"_s, u"DETAIL"_s};
        if (guests)
            columns << u"GUEST"_s;
        Table table(columns);
        for (const auto &v : listing.vms) {
            const QJsonObject o = v.toObject();
            QStringList row{o.value(u"host"_s).toString(),  o.value(u"name"_s).toString(),
                            o.value(u"ip"_s).toString(),    o.value(u"mac"_s).toString(),
                            o.value(u"state"_s).toString(), o.value(u"shard"_s).toString(),
                            o.value(u"reason"_s).toString()};
            if (guests)
                row << guestSummary(o);
            table.addRow(row);
        }
        out(table.toString());
    }
    return listing.hostErrors.isEmpty() ? kOk : kFailed;
}

int clusterExport(QCommandLineParser &p, const Globals &g, const QString &output,
                  ReportFormat format) {
    if (!report::ClusterReport::merges(format)) {
        err(u"export: --hosts writes one report of several hosts as csv, json or ansible, not "
            u"%1: choose one of those, or export %1 on each host"_s.arg(
                InventoryReport::formatName(format)));
        return kUsage;
    }
    int code = kFailed;
    auto h = openHead(p, g, u"export"_s, Engine::RecoveryMode::ReportOnly, u"all"_s, code);
    if (!h)
        return code;
    const ClusterListing listing = h->head->list(h->hosts);
    for (auto it = listing.hostErrors.begin(); it != listing.hostErrors.end(); ++it)
        err(u"export: "_s + it.value());
    report::ClusterReport merged;
    merged.generatedAt = QDateTime::currentDateTimeUtc();
    for (const HostRecord &host : h->hosts)
        merged.hosts << host.name;
    merged.hostErrors = listing.hostErrors;
    merged.vms = listing.vms;
    if (auto s = merged.write(output, format); !s) {
        err(u"export: "_s + s.error());
        return kFailed;
    }
    const QString file = QFileInfo(output).absoluteFilePath();
    if (g.json)
        printJson(QJsonObject{{u"file"_s, file},
                              {u"format"_s, InventoryReport::formatName(format)},
                              {u"vms"_s, listing.vms.size()},
                              {u"hosts"_s, QJsonArray::fromStringList(merged.hosts)},
                              {u"host_errors"_s, merged.toJson().value(u"host_errors"_s)}});
    else
        out(u"%1 of %2 VMs on %3 hosts written to %4\n"_s
                .arg(format == ReportFormat::Ansible
                         ? u"Ansible inventory"_s
                         : InventoryReport::formatName(format).toUpper() + u" report"_s)
                .arg(listing.vms.size())
                .arg(merged.hosts.size())
                .arg(file));
    // A host that could not be asked: the report lacks its VMs, and says so.
    return listing.hostErrors.isEmpty() ? kOk : kFailed;
}

} // namespace vmeclone::cli
