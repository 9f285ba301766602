// golden add/list/check/refresh/remove, shard add/list.

#include "cli/cli_common.h"
#include "cli/table.h"
#include "common/logging.h"
#include "engine/crash_point.h"
#include "engine/engine.h"
#include "golden/golden_check.h"
#include "hypervisor/vmrun.h"
#include "listener/announcement_listener.h"
#include "net/address_range.h"
#include "report/inventory_report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
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

int verbGoldenAdd(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(u"golden add: give one PATH (the machine description .json or the .vmx)"_s);
        return kUsage;
    }
    GoldenSpec spec;
    spec.path = pos[0];
    if (p.isSet(u"suffix"_s)) {
        auto suffix = GoldenRules::suffixFrom(p.value(u"suffix"_s));
        if (!suffix)
            return reportFailure(g, u"golden add"_s, suffix.failure(), &p, kUsage);
        spec.suffix = *suffix;
    }
    spec.subnet = p.value(u"subnet"_s);
    spec.gateway = p.value(u"gateway"_s);
    spec.dns = p.value(u"dns"_s);
    spec.name = p.value(u"name"_s);
    spec.namePrefix = p.value(u"name-prefix"_s);
    spec.allowNoNetwork = p.isSet(u"allow-no-network"_s);
    spec.nics = p.values(u"nic"_s);
    spec.consoleAddress =
        g.consoleAddress; // kept with the golden: later commands need not repeat it
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto golden = engine->addGolden(spec);
    if (!golden)
        return reportFailure(g, u"golden add"_s, golden.failure(), &p);
    if (g.json)
        printJson(InventoryReport::goldenJson(*golden));
    else
        out(u"golden image %1 added: %2 in %3\n"_s.arg(golden->name, golden->address.toString(),
                                                       golden->subnet.toString()));
    for (const GoldenNic &nic : golden->nics)
        if (!g.json)
            out(u"%1: each clone's own suffix in %2 (this golden's would be %3)\n"_s.arg(
                nic.device(), nic.subnet.toString(), nic.addressFor(golden->suffix()).toString()));
    if (!g.json && golden->backend == u"vmware" && spec.consoleAddress.isEmpty()
        && golden->consoleAddress.toUInt() != 0)
        out(u"console address %1: this host's only address in %2 (--console-address to give "
            u"another)\n"_s.arg(golden->consoleAddress.toString(), golden->subnet.toString()));
    if (!g.json && golden->backend == u"vmware") {
        // Which VMware its clones will run on, and why; or what is missing for them to run.
        auto vmrun = Vmrun::create(VmrunConfig{g.vmrun, g.vmwareType, std::chrono::seconds(30)});
        if (vmrun)
            out(u"VMware: %1 -T %2 (%3)\n"_s.arg(vmrun->program(), vmrun->type(),
                                                 vmrun->typeReason()));
        else
            out(u"VMware: its clones cannot start here yet: %1\n"_s.arg(worded(vmrun.failure())));
    }
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
    // The inventory's record goes, with the golden's instant-clone template (vmeclone's
    // own); the golden's files are the operator's.
    if (auto s = engine->removeGolden(pos[0]); !s) {
        err(u"golden remove: %1: %2"_s.arg(pos[0], s.error()));
        return kFailed;
    }
    if (auto logged = engine->inventory().addEvent(u"info"_s, {},
                                                   EventText::make(u"golden-removed"_s, {pos[0]}));
        !logged)
        err(u"golden remove: the event log: "_s + logged.error());
    if (!g.json)
        out(u"golden image %1 removed (its files are untouched)\n"_s.arg(pos[0]));
    return kOk;
}

int verbGoldenTemplate(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(u"golden template: give the golden's NAME (see 'vmeclone golden list')"_s);
        return kUsage;
    }
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto made = engine->makeTemplate(pos[0]);
    if (!made) {
        err(u"golden template: %1: %2"_s.arg(pos[0], made.error()));
        return kFailed;
    }
    if (g.json) {
        printJson(QJsonObject{{u"golden"_s, pos[0]},
                              {u"folder"_s, made->folder},
                              {u"made"_s, made->made},
                              {u"remade_why"_s, made->remadeWhy},
                              {u"milliseconds"_s, made->milliseconds}});
    } else if (made->made) {
        out(u"template of %1 made in %2 (%3 s)%4\n"_s.arg(pos[0], made->folder)
                .arg(made->milliseconds / 1000.0, 0, 'f', 1)
                .arg(made->remadeWhy.isEmpty() ? QString() : u": "_s + made->remadeWhy));
    } else {
        out(u"template of %1 is up to date in %2\n"_s.arg(pos[0], made->folder));
    }
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
            u"Release and clone them again if they must match the new golden."_s
                .arg(refreshed->linkedClones.size())
                .arg(refreshed->linkedClones.join(u", "_s)));
    return kOk;
}

int verbGoldenConsoleAddress(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2) {
        err(u"golden console-address: give the golden's NAME and this host's ADDRESS on the "
            u"VMs' network, or auto (e.g. golden console-address vm176 192.168.1.2)"_s);
        return kUsage;
    }
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto changed = engine->setConsoleAddress(pos[0], pos[1]);
    if (!changed) {
        err(u"golden console-address: "_s + changed.error());
        return kFailed;
    }
    const QString before =
        changed->before.toUInt() ? changed->before.toString() : QStringLiteral("none");
    if (g.json) {
        QJsonObject o = InventoryReport::goldenJson(changed->golden);
        o.insert(u"console_address_before"_s, before);
        o.insert(u"found"_s, changed->found);
        o.insert(u"existing_clones"_s, QJsonArray::fromStringList(changed->existingClones));
        printJson(o);
        return kOk;
    }
    out(u"golden image %1: console address %2 (was %3)%4\n"_s.arg(
        changed->golden.name, changed->golden.consoleAddress.toString(), before,
        changed->found ? u", this host's only address in "_s + changed->golden.subnet.toString()
                       : QString()));
    if (!changed->existingClones.isEmpty())
        err(u"golden console-address: %1 existing clone(s) were made with the old address and "
            u"announce to it until released and cloned again: %2"_s
                .arg(changed->existingClones.size())
                .arg(changed->existingClones.join(u", "_s)));
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
    if (!report)
        return reportFailure(g, u"golden check"_s, report.failure(), &p);
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

int verbShardLabel(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2) {
        err(u"shard label: give the shard's DIR and its LABEL ('' removes the label)"_s);
        return kUsage;
    }
    if (auto valid = Shard::checkLabel(pos[1].trimmed()); !valid) {
        err(u"shard label: "_s + valid.error());
        return kUsage;
    }
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto shards = engine->inventory().shards();
    if (!shards) {
        err(u"shard label: "_s + shards.error());
        return kFailed;
    }
    // The folder as added (canonical), or as typed.
    const QString canonical = QFileInfo(pos[0]).canonicalFilePath();
    const QString absolute = QDir::cleanPath(QFileInfo(pos[0]).absoluteFilePath());
    const auto shard = std::find_if(shards->cbegin(), shards->cend(), [&](const Shard &s) {
        return s.path == canonical || s.path == absolute;
    });
    if (shard == shards->cend()) {
        err(u"shard label: %1 is not a disk shard of this data folder (see 'vmeclone shard "
            u"list')"_s.arg(pos[0]));
        return kFailed;
    }
    if (auto s = engine->inventory().setShardLabel(shard->id, pos[1]); !s) {
        err(u"shard label: "_s + s.error());
        return kFailed;
    }
    const QString label = pos[1].trimmed();
    if (g.json)
        printJson(QJsonObject{{u"path"_s, shard->path}, {u"label"_s, label}});
    else if (label.isEmpty())
        out(u"disk shard %1: label removed\n"_s.arg(shard->path));
    else
        out(u"disk shard %1 labelled '%2'\n"_s.arg(shard->path, label));
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
    Table table({u"PATH"_s, u"LABEL"_s, u"WEIGHT"_s, u"DEVICE"_s, u"FREE"_s, u"TOTAL"_s, u"VMS"_s,
                 u"PROBLEM"_s});
    for (const auto &s : *status)
        table.addRow({s.shard.path, s.shard.label, QString::number(s.shard.weight), s.deviceId,
                      u"%1 MiB"_s.arg(s.bytesFree >> 20), u"%1 MiB"_s.arg(s.bytesTotal >> 20),
                      QString::number(count.value(s.shard.id)), s.error});
    out(table.toString());
    return kOk;
}

} // namespace vmeclone::cli
