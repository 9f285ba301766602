// host add/list/check/remove/self: the other machines this one reaches over SSH
// (docs/hosts.md). The local machine is the host "local": no SSH, always listed.

#include "cli/cli_common.h"
#include "cli/table.h"
#include "cluster/host_names.h"
#include "cluster/host_self.h"
#include "cluster/ssh_transport.h"
#include "common/text_format.h"
#include "engine/engine.h"
#include "report/inventory_report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

#include <cmath>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace vmeclone::cli {
namespace {

// This machine described as every host describes itself: what `host self` prints here and
// what `host check local` reads without SSH. A data folder with no inventory yet is
// described as empty and left as it is: a check (a mistyped --home on `host add`) must not
// make a data folder on the host.
Expected<HostSelf> describeSelf(const Globals &g) {
    HostSelf self;
    self.version = QCoreApplication::applicationVersion();
    self.protocol = kHostProtocol;
    self.dataFolder = QFileInfo(g.home).absoluteFilePath();
    self.listenerPort = g.port;
    self.listenerRunning = udpPortHeld(g.port);
    if (!QFileInfo::exists(engineConfig(g).inventoryPath()))
        return self;
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return fail(u"cannot open the data folder %1"_s.arg(self.dataFolder));
    auto goldens = engine->inventory().goldens();
    auto status = engine->shardStatus();
    auto vms = engine->inventory().vms();
    if (!goldens || !status || !vms)
        return fail(!goldens ? goldens.error() : !status ? status.error() : vms.error());
    for (const auto &x : *goldens)
        self.goldens.append(InventoryReport::goldenJson(x));
    QHash<qint64, int> count;
    for (const auto &vm : *vms)
        ++count[vm.shardId];
    for (const auto &s : *status)
        self.shards.append(InventoryReport::shardJson(s, count.value(s.shard.id)));
    return self;
}

QJsonObject hostJson(const HostRecord &h) {
    return {{u"name"_s, h.name},
            {u"local"_s, false},
            {u"destination"_s, h.destination},
            {u"port"_s, h.port},
            {u"remote_home"_s, h.remoteHome},
            {u"remote_command"_s, h.remoteCommand},
            {u"weight"_s, h.weight},
            {u"added_at"_s, h.addedAt.toUTC().toString(Qt::ISODateWithMs)}};
}

QJsonObject localJson(const Globals &g) {
    return {{u"name"_s, kLocalHost.toString()},
            {u"local"_s, true},
            {u"destination"_s, QString()},
            {u"port"_s, 0},
            {u"remote_home"_s, QFileInfo(g.home).absoluteFilePath()},
            {u"remote_command"_s, QString()},
            {u"weight"_s, 1.0},
            {u"added_at"_s, QString()}};
}

// Prints what a host said about itself, for people.
void printSelf(const QString &name, const HostSelf &self) {
    QString text = u"host %1: vmeclone %2 (protocol %3), data folder %4\n"_s.arg(name, self.version)
                       .arg(self.protocol)
                       .arg(self.dataFolder);
    text += u"  listener: %1 (UDP port %2)\n"_s
                .arg(self.listenerRunning ? u"running"_s : u"not running"_s)
                .arg(self.listenerPort);
    if (!self.listenerRunning && !name.isEmpty())
        text += QCoreApplication::translate(
                    "vmeclone::cli", "  (start it with 'vmeclone host check %1 --start-listener', "
                                     "or run it as a service: docs/hosts.md)\n")
                    .arg(name);
    QStringList goldens;
    for (const auto &v : self.goldens)
        goldens << v.toObject().value(u"name"_s).toString();
    text += u"  goldens: %1\n"_s.arg(goldens.isEmpty() ? u"none"_s : goldens.join(u", "_s));
    if (self.shards.isEmpty())
        text += u"  shards: none\n"_s;
    for (const auto &v : self.shards) {
        const QJsonObject s = v.toObject();
        const QString problem = s.value(u"error"_s).toString();
        text += u"  shard %1: %2 free of %3%4\n"_s.arg(
            s.value(u"path"_s).toString(),
            bytesText(static_cast<qint64>(s.value(u"bytes_free"_s).toDouble())),
            bytesText(static_cast<qint64>(s.value(u"bytes_total"_s).toDouble())),
            problem.isEmpty() ? QString() : u" (%1)"_s.arg(problem));
    }
    text += u"  free space: %1\n"_s.arg(bytesText(self.bytesFree()));
    out(text);
}

// `host check --start-listener`: asks the host again until its listener holds its port.
// Each ask is one SSH round trip over the host's control socket (nothing there to wait on).
Expected<HostSelf> awaitListener(const std::function<Expected<HostSelf>()> &ask,
                                 const QString &hostName, qint64 pid, const QString &log) {
    constexpr int kSeconds = 20;
    QDeadlineTimer deadline(std::chrono::seconds{kSeconds});
    for (;;) {
        auto self = ask();
        if (!self || self->listenerRunning)
            return self;
        if (deadline.hasExpired())
            return fail(QCoreApplication::translate(
                            "vmeclone::cli",
                            "host %1: the listener started there (process %2) did not take UDP "
                            "port %3 within %4 s: see %5 on %1")
                            .arg(hostName)
                            .arg(pid)
                            .arg(self->listenerPort)
                            .arg(kSeconds)
                            .arg(log));
        QThread::msleep(200);
    }
}

QString oneName(QCommandLineParser &p, const QString &verb) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(u"host %1: give one host NAME (see 'vmeclone host list')"_s.arg(verb));
        return {};
    }
    return pos[0];
}

} // namespace

int verbHostSelf(QCommandLineParser &, const Globals &g) {
    auto self = describeSelf(g);
    if (!self) {
        err(u"host self: "_s + self.error());
        return kFailed;
    }
    if (g.json)
        printJson(self->toJson());
    else
        printSelf(kLocalHost.toString(), *self);
    return kOk;
}

int verbHostAdd(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2) {
        err(u"host add: give a NAME and [USER@]ADDRESS, e.g. 'vmeclone host add lab2 "
            u"admin@10.0.0.2'"_s);
        return kUsage;
    }
    HostRecord host;
    host.name = pos[0];
    host.destination = pos[1];
    if (auto s = validateHostName(host.name); !s) {
        err(u"host add: "_s + s.error());
        return kUsage;
    }
    if (auto s = validateDestination(host.destination); !s) {
        err(u"host add: "_s + s.error());
        return kUsage;
    }
    if (p.isSet(u"port"_s)) {
        bool ok = false;
        host.port = p.value(u"port"_s).toInt(&ok);
        if (!ok || host.port < 1 || host.port > 65535) {
            err(u"host add: --port %1 is not a port number (1-65535)"_s.arg(p.value(u"port"_s)));
            return kUsage;
        }
    }
    if (p.isSet(u"weight"_s)) {
        bool ok = false;
        host.weight = p.value(u"weight"_s).toDouble(&ok);
        if (!ok || !std::isfinite(host.weight) || !(host.weight > 0)) {
            err(u"host add: --weight %1 must be a finite number greater than 0"_s.arg(
                p.value(u"weight"_s)));
            return kUsage;
        }
    }
    const struct {
        QString option;
        QString *value;
    } words[] = {{u"home"_s, &host.remoteHome}, {u"remote-command"_s, &host.remoteCommand}};
    for (const auto &w : words) {
        if (!p.isSet(w.option))
            continue;
        *w.value = p.value(w.option);
        if (auto s = validateRemoteWord(u"--"_s + w.option, *w.value); !s) {
            err(u"host add: "_s + s.error());
            return kUsage;
        }
    }
    // This verb's --home and --port are the host's (Verb::ownOptions): this machine's
    // data folder is $VMECLONE_HOME's or the default.
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    if (auto known = engine->inventory().hostByName(host.name); !known || known->has_value()) {
        err(u"host add: "_s
            + (!known ? known.error()
                      : u"a host named '%1' exists already (%2): see 'vmeclone host list'"_s.arg(
                          (*known)->name, (*known)->destination)));
        return kFailed;
    }
    // The host is checked before anything is written: a host that cannot be reached, or
    // whose vmeclone cannot work with this one, is not added.
    const SshTransport transport;
    auto self = askHost(transport, host);
    if (!self) {
        err(u"host add: "_s + worded(self.failure(), &p) + u"\nhost add: nothing was written"_s);
        return kFailed;
    }
    if (auto s = checkCompatible(*self, host.name); !s) {
        err(u"host add: "_s + s.error() + u"\nhost add: nothing was written"_s);
        return kFailed;
    }
    auto id = engine->inventory().addHost(host);
    if (!id) {
        err(u"host add: "_s + id.error());
        return kFailed;
    }
    if (auto logged = engine->inventory().addEvent(
            u"info"_s, {},
            EventText::make(u"host-added"_s, {host.name, host.destination, self->version}));
        !logged)
        err(u"host add: the event log: "_s + logged.error());
    if (g.json) {
        auto stored = engine->inventory().hostByName(host.name);
        QJsonObject o = stored && stored->has_value() ? hostJson(**stored) : hostJson(host);
        o.insert(u"self"_s, self->toJson());
        printJson(o);
        return kOk;
    }
    out(u"host %1 added: %2, vmeclone %3, %4 golden(s), %5 shard(s), %6 free\n"_s
            .arg(host.name, host.destination, self->version)
            .arg(self->goldens.size())
            .arg(self->shards.size())
            .arg(bytesText(self->bytesFree())));
    return kOk;
}

int verbHostList(QCommandLineParser &, const Globals &g) {
    auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
    if (!engine)
        return kFailed;
    auto hosts = engine->inventory().hosts();
    if (!hosts) {
        err(hosts.error());
        return kFailed;
    }
    if (g.json) {
        QJsonArray array{localJson(g)};
        for (const auto &h : *hosts)
            array.append(hostJson(h));
        printJson(array);
        return kOk;
    }
    Table table(
        {u"NAME"_s, u"DESTINATION"_s, u"PORT"_s, u"DATA FOLDER"_s, u"VMECLONE"_s, u"WEIGHT"_s});
    table.addRow({kLocalHost.toString(), u"(this machine)"_s, QString(),
                  QFileInfo(g.home).absoluteFilePath(), QString(), u"1"_s});
    for (const auto &h : *hosts)
        table.addRow({h.name, h.destination, h.port > 0 ? QString::number(h.port) : QString(),
                      h.remoteHome.isEmpty() ? u"(its default)"_s : h.remoteHome, h.remoteCommand,
                      QString::number(h.weight)});
    out(table.toString());
    return kOk;
}

int verbHostCheck(QCommandLineParser &p, const Globals &g) {
    const QString name = oneName(p, u"check"_s);
    if (name.isEmpty())
        return kUsage;
    const bool local = isLocalHost(name);
    Expected<HostSelf> self = fail(QString());
    QString shownName = local ? kLocalHost.toString() : name;
    std::optional<HostRecord> remote;
    if (local) {
        self = describeSelf(g);
    } else {
        auto engine = openEngine(g, Engine::RecoveryMode::ReportOnly);
        if (!engine)
            return kFailed;
        auto host = engine->inventory().hostByName(name);
        if (!host || !host->has_value()) {
            err(u"host check: "_s
                + (!host ? host.error()
                         : u"no host named '%1': see 'vmeclone host list'"_s.arg(name)));
            return kFailed;
        }
        shownName = (*host)->name;
        remote = **host;
        self = askHost(SshTransport(), *remote);
    }
    QString problem = self ? QString() : worded(self.failure());
    if (self)
        if (auto s = checkCompatible(*self, shownName); !s)
            problem = s.error();
    // --start-listener: a compatible host whose listener is not running gets one.
    qint64 startedPid = 0;
    if (problem.isEmpty() && p.isSet(u"start-listener"_s) && !self->listenerRunning) {
        const HostSelf before = *self;
        Expected<qint64> pid =
            local ? startLocalListener(QCoreApplication::applicationFilePath(), before)
                  : startRemoteListener(SshTransport(), *remote, before);
        if (pid) {
            startedPid = *pid;
            self = awaitListener(
                [&]() -> Expected<HostSelf> {
                    return local ? describeSelf(g) : askHost(SshTransport(), *remote);
                },
                shownName, startedPid, listenerLogPath(before.dataFolder));
        }
        if (!pid || !self) {
            problem = !pid ? worded(pid.failure()) : worded(self.failure());
            self = before;
        }
    }
    if (g.json) {
        QJsonObject o{{u"name"_s, shownName},
                      {u"reachable"_s, self.ok()},
                      {u"compatible"_s, self.ok() && problem.isEmpty()},
                      {u"error"_s, problem}};
        if (self) {
            o.insert(u"self"_s, self->toJson());
            o.insert(u"bytes_free"_s, self->bytesFree());
        }
        if (startedPid > 0)
            o.insert(
                u"listener_started"_s,
                QJsonObject{{u"pid"_s, startedPid}, {u"log"_s, listenerLogPath(self->dataFolder)}});
        printJson(o);
    } else if (self) {
        if (startedPid > 0 && problem.isEmpty())
            out(QCoreApplication::translate("vmeclone::cli",
                                            "host %1: listener started (process %2, log %3)\n")
                    .arg(shownName)
                    .arg(startedPid)
                    .arg(listenerLogPath(self->dataFolder)));
        printSelf(shownName, *self);
    }
    if (!problem.isEmpty()) {
        err(u"host check: "_s + problem);
        return kFailed;
    }
    return kOk;
}

int verbHostRemove(QCommandLineParser &p, const Globals &g) {
    const QString name = oneName(p, u"remove"_s);
    if (name.isEmpty())
        return kUsage;
    if (isLocalHost(name)) {
        err(u"host remove: 'local' is this machine: it is always a host and cannot be removed"_s);
        return kFailed;
    }
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    // Only the head's record goes: the host keeps its own inventory, VMs and files.
    if (auto s = engine->inventory().removeHost(name); !s) {
        err(u"host remove: "_s + s.error());
        return kFailed;
    }
    if (auto logged =
            engine->inventory().addEvent(u"info"_s, {}, EventText::make(u"host-removed"_s, {name}));
        !logged)
        err(u"host remove: the event log: "_s + logged.error());
    if (!g.json)
        out(u"host %1 removed (nothing on it was touched)\n"_s.arg(name));
    return kOk;
}

} // namespace vmeclone::cli
