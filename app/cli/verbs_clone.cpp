// plan, clone and the seed's form (vmecloneVMOS).

#include "cli/cli_common.h"
#include "cli/table.h"
#include "common/logging.h"
#include "engine/crash_point.h"
#include "engine/engine.h"
#include "golden/golden_check.h"
#include "hypervisor/vmware_backend.h"
#include "listener/announcement_listener.h"
#include "net/address_range.h"
#include "report/inventory_report.h"
#include "vmx/vmx_snapshots.h"

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
#include <iostream>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace Qt::StringLiterals;

namespace vmeclone::cli {

void addCloneOptions(QCommandLineParser &p) {
    p.addOption(
        {u"golden"_s, u"The golden image to clone (needed when there are several)."_s, u"NAME"_s});
    p.addOption({u"linked"_s, u"Copy-on-write clones over the golden's disk (default)."_s});
    p.addOption({u"full"_s, u"Full, independent copies of the golden's disk."_s});
    p.addOption({u"instant"_s,
                 u"Instant clones (QEMU): resume from the golden's template instead of booting "
                 u"(made first when there is none, see 'golden template'). Refused, with the "
                 u"cause, when the template cannot be made. --instant=auto clones linked "
                 u"instead then, saying why."_s});
    p.addOption({u"vmware-clone"_s,
                 u"VMware: have Workstation Pro make each linked clone (vmrun clone ... linked, "
                 u"from the golden's current snapshot) instead of vmeclone linking the disks "
                 u"itself."_s});
    QCommandLineOption automatic(u"instant-auto"_s);
    automatic.setFlags(QCommandLineOption::HiddenFromHelp);
    p.addOption(automatic);
}

void addHostsOption(QCommandLineParser &p) {
    p.addOption({u"hosts"_s,
                 u"Run as a head on these hosts: all (this machine and every host added), or "
                 u"names (local is this machine)."_s,
                 u"all|NAME[,NAME...]"_s});
    p.addOption({u"via"_s,
                 u"Set by a head that asks this one: the data folders the request came "
                 u"through (a cycle of heads is refused)."_s,
                 u"IDS"_s});
}

Expected<CloneOptions> cloneOptions(QCommandLineParser &p) {
    const bool instant = p.isSet(u"instant"_s) || p.isSet(u"instant-auto"_s);
    if (int(p.isSet(u"linked"_s)) + int(p.isSet(u"full"_s)) + int(instant) > 1)
        return fail(u"--linked, --full and --instant exclude each other: choose one"_s);
    CloneOptions o;
    o.golden = p.value(u"golden"_s);
    o.mode = p.isSet(u"full"_s) ? u"full"_s : instant ? u"instant"_s : u"linked"_s;
    o.instantFallback = p.isSet(u"instant-auto"_s);
    o.vmwareClone = p.isSet(u"vmware-clone"_s);
    if (o.vmwareClone && o.mode != u"linked"_s)
        return fail(u"--vmware-clone makes linked clones (vmrun's); it excludes --full and "
                    u"--instant"_s);
    return o;
}

QJsonObject planJson(const ClonePlan &plan) {
    QJsonArray items;
    for (const auto &i : plan.items)
        items.append(QJsonObject{{u"ip"_s, i.address.toString()},
                                 {u"name"_s, i.name},
                                 {u"mac"_s, i.mac.toString()},
                                 {u"shard"_s, i.shard.path},
                                 {u"shard_label"_s, i.shard.label},
                                 {u"folder"_s, i.folder}});
    QJsonArray refused;
    for (const auto &r : plan.refused)
        refused.append(QJsonObject{{u"ip"_s, r.address.toString()},
                                   {u"kind"_s, refusalKindName(r.kind)},
                                   {u"reason"_s, r.reason}});
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
            {u"fallback"_s, plan.fallback},
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
    if (!plan.fallback.isEmpty())
        err(u"no instant clones: %1; linked clones instead (--instant=auto)\n"_s.arg(
            plan.fallback));
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
    // A host that is itself a head, asked by its head (--via), plans over its own hosts.
    if (goesOnToItsHosts(p, g))
        return clusterPlan(p, g, range, *options);
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return kFailed;
    auto plan = engine->plan(*options, range);
    if (!plan)
        return reportFailure(g, u"plan"_s, plan.failure(), &p);
    if (g.json)
        printJson(planJson(*plan));
    else
        printPlan(*plan);
    return plan->refused.isEmpty() ? kOk : kFailed;
}

int cloneRange(const Globals &g, const QString &range, const CloneOptions &options, int waitSeconds,
               const QCommandLineParser &p) {
    std::unique_ptr<AnnouncementListener> listener;
    if (waitSeconds > 0 && options.start)
        listener = listenerForWaiting(g);
    QList<qint64> started;
    QList<VmRecord> made; // this batch's VMs, shown at the end
    BatchResult result;
    bool said = false; // the refusal was printed already
    int code = runBeside([&]() -> int {
        auto engine = openEngine(g);
        if (!engine)
            return kFailed;
        auto plan = engine->plan(options, range);
        if (!plan) {
            return reportFailure(g, u"clone"_s, plan.failure(), &p);
        }
        if (!plan->refused.isEmpty()) {
            // Refused addresses are an error of the request: nothing is written.
            err(u"clone: nothing done: "_s + plan->refusalSummary);
            said = true;
            for (const auto &r : plan->refused)
                result.outcomes.append(BatchOutcome{r.address, {}, false, r.reason, r.kind});
            return kFailed;
        }
        static std::atomic_bool cancel{false};
        result = engine->clone(*plan, options, &g_interrupted, progressPrinter(g));
        if (!result.fallback.isEmpty())
            err(u"clone: no instant clones: %1; made linked clones instead (--instant=auto)"_s.arg(
                result.fallback));
        Q_UNUSED(cancel);
        auto vms = engine->inventory().vms();
        if (vms) {
            for (const auto &o : result.outcomes) {
                for (const auto &vm : *vms) {
                    if (vm.address != o.address)
                        continue;
                    made.append(vm);
                    if (o.ok)
                        started.append(vm.id);
                }
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
        if (engine && !made.isEmpty())
            printVms(*engine, g, &made);
    }
    return code;
}

void addWaitOnlineOption(QCommandLineParser &p, const QString &what) {
    p.addOption({u"wait-online"_s,
                 u"Wait up to SECONDS for %1 to announce itself online."_s.arg(what),
                 u"SECONDS"_s});
}

int waitSeconds(const QCommandLineParser &p) {
    if (!p.isSet(u"wait-online"_s))
        return 0;
    bool ok = false;
    const int wait = p.value(u"wait-online"_s).toInt(&ok);
    if (!ok || wait < 1) {
        err(u"--wait-online %1 must be a number of seconds, at least 1"_s.arg(
            p.value(u"wait-online"_s)));
        return -1;
    }
    return wait;
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
    const int wait = waitSeconds(p);
    if (wait < 0)
        return kUsage;
    if (options->vmwareClone && p.isSet(u"hosts"_s)) {
        err(u"clone: --vmware-clone is not passed on to other hosts: run it on each host"_s);
        return kUsage;
    }
    if (p.isSet(u"hosts"_s))
        return clusterClone(p, g, range, *options, wait);
    return cloneRange(g, range, *options, wait, p);
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
    pos[1].toUInt(&ok);
    if (!ok) {
        err(u"vmecloneVMOS: '%1' is not one suffix (e.g. 188): for a range use "
            u"'vmeclone clone %1'"_s.arg(pos[1]));
        return kUsage;
    }
    const int wait = waitSeconds(p);
    if (wait < 0)
        return kUsage;
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
    return cloneRange(g, pos[1], o, o.start ? wait : 0, p);
}

} // namespace vmeclone::cli
