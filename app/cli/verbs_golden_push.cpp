// `golden push NAME --hosts ...`: the head's golden copied to hosts and registered there
// (core/cluster/golden_push.h, docs/cluster.md).

#include "cli/cli_common.h"
#include "cluster/cluster_head.h"
#include "cluster/golden_push.h"
#include "engine/engine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace vmeclone::cli {

int verbGoldenPush(QCommandLineParser &p, const Globals &g) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) {
        err(u"golden push: give the golden's NAME (see 'vmeclone golden list')"_s);
        return kUsage;
    }
    if (!p.isSet(u"hosts"_s)) {
        err(u"golden push: say which hosts with --hosts all or --hosts NAME[,NAME...]"_s);
        return kUsage;
    }
    auto engine = openEngine(g);
    if (!engine)
        return kFailed;
    auto found = engine->inventory().goldenByName(pos[0]);
    if (!found)
        return reportFailure(g, u"golden push"_s, found.failure());
    if (!found->has_value()) {
        err(u"golden push: no golden image named '%1': see 'vmeclone golden list'"_s.arg(pos[0]));
        return kUsage;
    }
    ClusterConfig config;
    config.localProgram = QCoreApplication::applicationFilePath();
    config.localHome = g.home;
    const ClusterHead head(engine->inventory(), config);
    const QString spec = p.value(u"hosts"_s);
    auto hosts = head.hosts(spec);
    if (!hosts)
        return reportFailure(g, u"golden push"_s, hosts.failure(), &p, kUsage);
    // "all" means the other hosts: this machine holds the golden it pushes.
    if (spec.trimmed().compare(u"all"_s, Qt::CaseInsensitive) == 0)
        hosts->removeIf([](const HostRecord &h) { return isLocalHost(h.name); });
    if (hosts->isEmpty()) {
        err(u"golden push: no host added to push to: add one with 'vmeclone host add'"_s);
        return kUsage;
    }

    const QList<GoldenPushOutcome> outcomes = GoldenPush().push(**found, *hosts);
    bool allOk = true;
    QJsonArray results;
    for (const GoldenPushOutcome &o : outcomes) {
        allOk = allOk && o.ok;
        QJsonObject r{{u"host"_s, o.host},
                      {u"ok"_s, o.ok},
                      {u"skipped"_s, o.skipped},
                      {u"message"_s, o.message}};
        if (o.copiedBytes >= 0)
            r.insert(u"copied_bytes"_s, o.copiedBytes);
        results.append(r);
        if (!g.json)
            out(u"%1: %2: %3\n"_s.arg(o.host,
                                      o.skipped ? u"identical, skipped"_s
                                      : o.ok    ? u"pushed"_s
                                                : u"failed"_s,
                                      o.message));
    }
    if (g.json)
        printJson(
            QJsonObject{{u"golden"_s, (*found)->name}, {u"ok"_s, allOk}, {u"results"_s, results}});
    return allOk ? kOk : kFailed;
}

} // namespace vmeclone::cli
