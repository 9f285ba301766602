// start, stop, release, list, recover, listen and export.

#include "cli/cli_common.h"
#include "cli/table.h"
#include "cluster/host_names.h"
#include "common/logging.h"
#include "engine/crash_point.h"
#include "engine/engine.h"
#include "golden/golden_check.h"
#include "inventory/liveness.h"
#include "listener/announcement_listener.h"
#include "net/address_range.h"
#include "report/cluster_report.h"
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
#include <iostream>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace Qt::StringLiterals;

namespace vmeclone::cli {

namespace {

// What the head's ledger places in `range` on hosts other than this machine, as a note
// naming them and `--hosts`; empty when nothing is (or on a machine that is no head).
QString onOtherHosts(Engine &engine, const QString &range) {
    auto ledger = engine.inventory().clusterVms();
    if (!ledger || ledger->isEmpty())
        return {};
    auto wanted = engine.addressesInRange(range);
    if (!wanted)
        return {};
    QMap<QString, int> perHost;
    int all = 0;
    for (const ClusterVm &vm : std::as_const(*ledger))
        if (wanted->contains(vm.address) && !isLocalHost(vm.host)) {
            ++perHost[vm.host];
            ++all;
        }
    if (all == 0)
        return {};
    QStringList where;
    for (auto it = perHost.cbegin(); it != perHost.cend(); ++it)
        where << u"%1 on %2"_s.arg(it.value()).arg(it.key());
    return (all == 1 ? u"1 VM of %2 is on another host (%3), not touched: add --hosts all to "
                       u"reach it"_s
                     : u"%1 VMs of %2 are on other hosts (%3), not touched: add --hosts all to "
                       u"reach them"_s.arg(all))
        .arg(range, where.join(u", "_s));
}

// A plain list or export on a head (hosts added) is the fleet's: what the operator of a
// head means by "my VMs". Not with --here, nor for a host asked by a head (--via), nor in
// a child the head's own listing starts (kListingForHead, set by clusterList: should one
// of them miss --here, it lists here rather than asking the hosts again, and again).
bool fleetByDefault(const QCommandLineParser &p, const Globals &g) {
    return !p.isSet(u"here"_s) && !p.isSet(u"via"_s) && !qEnvironmentVariableIsSet(kListingForHead)
           && isHead(g);
}

// --here (this machine alone) and --hosts (named hosts) contradict each other: refused
// before anything is read.
bool hereWithHosts(const QCommandLineParser &p, const QString &verb) {
    if (!p.isSet(u"here"_s) || !p.isSet(u"hosts"_s))
        return false;
    err(u"%1: --here is this machine's VMs alone and --hosts names hosts: give one of them"_s.arg(
        verb));
    return true;
}

} // namespace

int verbOnRange(QCommandLineParser &p, const Globals &g, const QString &verb, VmBatch op) {
    const QString range = rangeArgument(p);
    if (range.isEmpty()) {
        err(u"%1: give a range, e.g. 'vmeclone %1 177-254'"_s.arg(verb));
        return kUsage;
    }
    // Only start offers it (isSet would warn about an option the verb does not define).
    const int wait = p.optionNames().contains(u"wait-online"_s) ? waitSeconds(p) : 0;
    if (wait < 0)
        return kUsage;
    if (goesOnToItsHosts(p, g)) {
        if (wait > 0) {
            err(u"%1: --wait-online waits for this machine's VMs; on hosts, follow them with "
                u"'vmeclone list --hosts'"_s.arg(verb));
            return kUsage;
        }
        return clusterOnRange(p, g, verb, range);
    }
    std::unique_ptr<AnnouncementListener> listener;
    if (wait > 0)
        listener = listenerForWaiting(g);
    QList<qint64> started;
    int code = runBeside([&]() -> int {
        auto engine = openEngine(g);
        if (!engine)
            return kFailed;
        auto vms = engine->vmsInRange(range);
        if (!vms)
            return reportFailure(g, verb, vms.failure(), &p, kUsage);
        // On a head, the range's VMs it placed on other hosts are not reached here: said
        // before anything is done (and before a release asks), with the option that does.
        const QString elsewhere = onOtherHosts(*engine, range);
        if (vms->isEmpty()) {
            err(u"%1: no VM in %2 on this machine%3"_s.arg(
                verb, range, elsewhere.isEmpty() ? QString() : u"; "_s + elsewhere));
            return kFailed;
        }
        if (!elsewhere.isEmpty())
            err(u"%1: %2"_s.arg(verb, elsewhere));
        // A release of several VMs typed at a terminal is confirmed first (a mistyped
        // range deletes VMs); scripts (no terminal) and --yes are not asked.
        if (verb == u"release"_s && vms->size() > 1 && !p.isSet(u"yes"_s) && ::isatty(STDIN_FILENO)
            && ::isatty(STDERR_FILENO)) {
            QStringList names;
            for (const auto &vm : std::as_const(*vms).mid(0, 6))
                names << vm.name;
            if (vms->size() > 6)
                names << u"…"_s;
            {
                QMutexLocker lock(&g_outputMutex);
                const QByteArray ask =
                    u"release %1 VMs (%2)? Each is stopped and its files are deleted. "
                    u"Type yes to go on: "_s.arg(vms->size())
                        .arg(names.join(u", "_s))
                        .toUtf8();
                std::fwrite(ask.constData(), 1, static_cast<size_t>(ask.size()), stderr);
                std::fflush(stderr);
            }
            std::string answer;
            std::getline(std::cin, answer);
            if (answer != "yes" && answer != "y") {
                err(u"release: nothing done (answer yes, or pass --yes)"_s);
                return kFailed;
            }
        }
        // Ctrl-C / SIGTERM: the VMs not begun are left as they are and listed as not done.
        const BatchResult r = ((*engine).*op)(*vms, &g_interrupted, progressPrinter(g));
        for (const auto &o : r.outcomes) {
            for (const auto &vm : *vms) {
                if (o.ok && vm.address == o.address)
                    started.append(vm.id);
            }
        }
        return reportBatch(r, g, verb);
    });
    if (wait > 0 && !started.isEmpty() && !waitOnline(g, started, wait, listener.get()))
        code = kFailed;
    if (listener)
        listener->flush();
    return code;
}

int verbList(QCommandLineParser &p, const Globals &g) {
    const QString range = rangeArgument(p);
    if (hereWithHosts(p, u"list"_s))
        return kUsage;
    // --hosts: every VM of those hosts with its host, those of RANGE if given; on a head,
    // also without it.
    if (goesOnToItsHosts(p, g) || fleetByDefault(p, g))
        return clusterList(p, g, range);
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return kFailed;
    const bool guests = p.isSet(u"guest"_s);
    if (range.isEmpty())
        return printVms(*engine, g, nullptr, guests);
    // Only the VMs of RANGE (none there: an empty listing, not an error).
    auto vms = engine->vmsInRange(range);
    if (!vms)
        return reportFailure(g, u"list"_s, vms.failure(), &p, kUsage);
    return printVms(*engine, g, &*vms, guests);
}

// Settles what a vmeclone that died mid-batch left (every changing command does it first;
// list, plan and export only report it).
int verbRecover(QCommandLineParser &, const Globals &g) {
    auto engine = std::make_unique<Engine>(engineConfig(g));
    if (auto s = engine->open(); !s) {
        err(u"vmeclone: "_s + worded(s.failure()));
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
            err(u"export: --format %1 is not one of csv, json, html, pdf, ansible"_s.arg(
                p.value(u"format"_s)));
            return kUsage;
        }
    } else {
        format = InventoryReport::formatFromPath(output);
        if (!format) {
            err(u"export: cannot tell the format of %1 from its name: end it in .csv, .json, "
                u".html, .pdf or .yml (Ansible), or give --format"_s.arg(output));
            return kUsage;
        }
    }
    if (hereWithHosts(p, u"export"_s))
        return kUsage;
    // On a head a report that can hold several hosts (CSV, JSON, Ansible) is the fleet's,
    // as list is; an HTML or PDF report is one machine's document: this one's, said so.
    if (goesOnToItsHosts(p, g) || (fleetByDefault(p, g) && report::ClusterReport::merges(*format)))
        return clusterExport(p, g, output, *format);
    if (fleetByDefault(p, g))
        err(u"export: an %1 report is this machine's VMs alone; --format csv, json or ansible "
            u"writes every host's"_s.arg(InventoryReport::formatName(*format).toUpper()));
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return kFailed;
    auto report = InventoryReport::take(engine->inventory(),
                                        unreachableAfterMs(engine->config().heartbeatSeconds));
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
        out(u"%1 of %2 VMs written to %3\n"_s
                .arg(*format == ReportFormat::Ansible ? u"Ansible inventory"_s
                                                      : name.toUpper() + u" report"_s)
                .arg(report->vms().size())
                .arg(file));
    return kOk;
}

} // namespace vmeclone::cli
