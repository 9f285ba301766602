// The cluster's verbs: `apply` (what a head sends a host) and the head's side of clone,
// release and list with --hosts (docs/cluster.md).

#include "cli/cli_common.h"
#include "cli/table.h"
#include "cluster/cluster_head.h"
#include "cluster/plan_document.h"
#include "engine/engine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QSet>

#include <cstdio>
#include <iostream>
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

void printOutcomes(const ClusterResult &r, const Globals &g, const QString &what) {
    if (g.json) {
        QJsonArray results;
        for (const ClusterOutcome &o : r.outcomes)
            results.append(QJsonObject{{u"host"_s, o.host},
                                       {u"ip"_s, o.address.toString()},
                                       {u"name"_s, o.name},
                                       {u"mac"_s, o.mac.toString()},
                                       {u"ok"_s, o.ok},
                                       {u"state"_s, o.state},
                                       {u"message"_s, o.message}});
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
        printJson(o);
        return;
    }
    if (!r.refused.isEmpty()) {
        err(u"%1: nothing done: %2"_s.arg(what, r.refused));
        return;
    }
    for (auto it = r.hostErrors.begin(); it != r.hostErrors.end(); ++it)
        err(u"%1: %2"_s.arg(what, it.value()));
    Table table({u"HOST"_s, u"NAME"_s, u"IP"_s, u"MAC"_s, u"STATE"_s, u"DETAIL"_s});
    for (const ClusterOutcome &o : r.outcomes)
        table.addRow({o.host, o.name, o.address.toString(),
                      o.mac == MacAddress() ? QString() : o.mac.toString(), o.state,
                      o.ok ? QString() : o.message});
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
    if (!given.contains(u"via"_s) || !QFileInfo::exists(engineConfig(g).inventoryPath()))
        return false;
    auto inventory = Inventory::open(engineConfig(g).inventoryPath());
    if (!inventory)
        return false; // the verb itself opens it again and says why it cannot
    auto hosts = (*inventory)->hosts();
    return hosts && !hosts->isEmpty();
}

int clusterClone(QCommandLineParser &p, const Globals &g, const QString &range,
                 const CloneOptions &options) {
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto config = clusterConfig(g, p, *engine);
    if (!config)
        return reportFailure(g, u"clone"_s, config.failure(), &p);
    ClusterHead head(engine->inventory(), *config);
    const QString spec = p.value(u"hosts"_s);
    auto hosts = head.hosts(spec);
    if (!hosts)
        return reportFailure(g, u"clone"_s, hosts.failure(), &p, kUsage);
    QMutex printing;
    const ClusterResult r = head.clone(
        *hosts, options, range, spec.trimmed().compare(u"all"_s, Qt::CaseInsensitive) == 0,
        &g_interrupted, [&](const ClusterEvent &e) {
            if (g.json || e.progress > 0)
                return;
            QMutexLocker lock(&printing);
            err(u"%1 %2 (%3): %4%5"_s.arg(e.host, e.name, e.address.toString(), e.state,
                                          e.message.isEmpty() ? QString() : u" "_s + e.message));
        });
    printOutcomes(r, g, u"clone"_s);
    return r.ok() ? kOk : kFailed;
}

int clusterPlan(QCommandLineParser &p, const Globals &g, const QString &range,
                const CloneOptions &options) {
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return kFailed;
    auto config = clusterConfig(g, p, *engine);
    if (!config)
        return reportFailure(g, u"plan"_s, config.failure(), &p);
    ClusterHead head(engine->inventory(), *config);
    const QString spec = p.value(u"hosts"_s);
    auto hosts = head.hosts(spec);
    if (!hosts)
        return reportFailure(g, u"plan"_s, hosts.failure(), &p, kUsage);
    const ClusterResult r = head.plan(*hosts, options, range,
                                      spec.trimmed().compare(u"all"_s, Qt::CaseInsensitive) == 0);
    printOutcomes(r, g, u"plan"_s);
    if (!g.json && r.refused.isEmpty()) {
        // Per host: how many VMs each would make (each host places them on its shards).
        QMap<QString, int> perHost;
        for (const ClusterOutcome &o : r.outcomes)
            if (o.ok && o.state == u"planned")
                ++perHost[o.host];
        for (auto it = perHost.cbegin(); it != perHost.cend(); ++it)
            out(u"host %1: %2 VMs\n"_s.arg(it.key()).arg(it.value()));
    }
    return r.ok() ? kOk : kFailed;
}

int clusterOnRange(QCommandLineParser &p, const Globals &g, const QString &verb,
                   const QString &range) {
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto config = clusterConfig(g, p, *engine);
    if (!config)
        return reportFailure(g, verb, config.failure(), &p);
    ClusterHead head(engine->inventory(), *config);
    auto hosts = head.hosts(p.isSet(u"hosts"_s) ? p.value(u"hosts"_s) : u"all"_s);
    if (!hosts)
        return reportFailure(g, verb, hosts.failure(), &p, kUsage);
    if (verb == u"release"_s && !p.isSet(u"yes"_s) && ::isatty(STDIN_FILENO)
        && ::isatty(STDERR_FILENO)) {
        QStringList names;
        for (const HostRecord &h : *hosts)
            names << h.name;
        err(u"release every VM of %1 on %2? Each is stopped and its files are deleted. Type yes "
            u"to go on: "_s.arg(range, names.join(u", "_s)));
        std::string answer;
        std::getline(std::cin, answer);
        if (answer != "yes" && answer != "y") {
            err(u"release: nothing done (answer yes, or pass --yes)"_s);
            return kFailed;
        }
    }
    const ClusterResult r = head.onRange(verb, *hosts, range, &g_interrupted);
    printOutcomes(r, g, verb);
    return r.ok() && r.hostErrors.isEmpty() ? kOk : kFailed;
}

int clusterList(QCommandLineParser &p, const Globals &g) {
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return kFailed;
    auto config = clusterConfig(g, p, *engine);
    if (!config)
        return reportFailure(g, u"list"_s, config.failure(), &p);
    ClusterHead head(engine->inventory(), *config);
    auto hosts = head.hosts(p.isSet(u"hosts"_s) ? p.value(u"hosts"_s) : u"all"_s);
    if (!hosts)
        return reportFailure(g, u"list"_s, hosts.failure(), &p, kUsage);
    const ClusterListing listing = head.list(*hosts);
    for (auto it = listing.hostErrors.begin(); it != listing.hostErrors.end(); ++it)
        err(u"list: "_s + it.value());
    if (g.json) {
        printJson(listing.vms);
    } else {
        Table table({u"HOST"_s, u"NAME"_s, u"IP"_s, u"MAC"_s, u"STATE"_s, u"SHARD"_s, u"DETAIL"_s});
        for (const auto &v : listing.vms) {
            const QJsonObject o = v.toObject();
            table.addRow({o.value(u"host"_s).toString(), o.value(u"name"_s).toString(),
                          o.value(u"ip"_s).toString(), o.value(u"mac"_s).toString(),
                          o.value(u"state"_s).toString(), o.value(u"shard"_s).toString(),
                          o.value(u"reason"_s).toString()});
        }
        out(table.toString());
    }
    return listing.hostErrors.isEmpty() ? kOk : kFailed;
}

} // namespace vmeclone::cli
