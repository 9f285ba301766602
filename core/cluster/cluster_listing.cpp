// A head's release and list: every host asked in parallel, each the truth for its VMs;
// the ledger follows what they say (ClusterHead::reconcile).

#include "cluster_head.h"
#include "common/failure_text.h"
#include "common/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <future>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

const FailureSentence kClusterListingNotJson{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "host %1: its vmeclone did not list its VMs as JSON")};

// The VMs of the range the host answered about: `release --json` prints its results
// after its progress lines, `list --json` one array.
QJsonDocument lastJson(const QByteArray &out) {
    const qsizetype start = out.indexOf("\n{") >= 0 ? out.lastIndexOf("\n{") + 1 : out.indexOf('{');
    QJsonDocument doc = QJsonDocument::fromJson(out);
    if (doc.isNull() && start >= 0)
        doc = QJsonDocument::fromJson(out.mid(start));
    return doc;
}

} // namespace

ClusterResult ClusterHead::onRange(const QString &verb, const QList<HostRecord> &hosts,
                                   const QString &range, const std::atomic_bool *cancel) {
    ClusterResult result;
    struct Said {
        QString host;
        QJsonArray results;
        QString error;
        bool nothing = false; // the host has no VM in the range
    };
    std::vector<std::future<Said>> futures;
    for (const HostRecord &host : hosts)
        futures.push_back(std::async(std::launch::async, [this, host, &verb, &range, cancel] {
            Said s{host.name, {}, {}, false};
            QByteArray out;
            QStringList arguments{verb, range, u"--json"_s};
            if (verb == u"release"_s)
                arguments << u"--yes"_s;
            const Run run = runOn(
                host, headArguments(host, arguments), {},
                [&out](const QByteArray &line) { out += line + '\n'; }, cancel);
            out += run.child.out;
            const QString err = QString::fromLocal8Bit(run.child.err);
            if (run.child.outcome == ChildRun::Outcome::Finished && run.child.exitCode == 1
                && err.contains(verb + u": no VM in"_s)) {
                s.nothing = true;
                return s;
            }
            s.results = lastJson(out).object().value(u"results"_s).toArray();
            if (!run.error.isEmpty() && s.results.isEmpty())
                s.error = run.error;
            return s;
        }));
    for (auto &f : futures) {
        const Said said = f.get();
        if (!said.error.isEmpty()) {
            result.hostErrors.insert(said.host, said.error);
            continue;
        }
        for (const auto &v : said.results) {
            const QJsonObject o = v.toObject();
            ClusterOutcome outcome;
            outcome.host = said.host;
            outcome.address =
                Ipv4Address::parse(o.value(u"ip"_s).toString()).value_or(Ipv4Address());
            outcome.name = o.value(u"name"_s).toString();
            outcome.ok = o.value(u"ok"_s).toBool();
            outcome.state = outcome.ok ? o.value(u"message"_s).toString() : u"failed"_s;
            outcome.message = o.value(u"message"_s).toString();
            // A host that is itself a head names the host below it.
            if (const QString below = o.value(u"host"_s).toString();
                !below.isEmpty() && !isLocalHost(below))
                outcome.host = said.host + u'/' + below;
            if (outcome.ok && verb == u"release"_s)
                if (auto s = m_inventory.removeClusterVm(outcome.address, said.host); !s)
                    log::cluster()->error("{}", LogText::tr("%1: the ledger: %2")
                                                    .arg(outcome.name, failureText(s.error())));
            result.outcomes.append(outcome);
        }
    }
    // What the hosts hold now: the ledger forgets what no host holds any more.
    const ClusterListing now = list(hosts);
    Q_UNUSED(now);
    std::sort(result.outcomes.begin(), result.outcomes.end(),
              [](const ClusterOutcome &a, const ClusterOutcome &b) {
                  return a.address.toUInt() < b.address.toUInt();
              });
    result.cancelled = cancel && cancel->load();
    return result;
}

ClusterListing ClusterHead::list(const QList<HostRecord> &hosts, const QStringList &listOptions) {
    ClusterListing listing;
    struct Said {
        QString host;
        QJsonArray vms;
        QString error;
    };
    std::vector<std::future<Said>> futures;
    for (const HostRecord &host : hosts)
        futures.push_back(std::async(std::launch::async, [this, host, listOptions] {
            Said s{host.name, {}, {}};
            QByteArray out;
            // This machine's own part is its own VMs only (a plain list on a head would
            // ask the hosts again).
            QStringList arguments = QStringList{u"list"_s, u"--json"_s} + listOptions;
            if (isLocalHost(host.name))
                arguments << u"--here"_s;
            const Run run = runOn(
                host, headArguments(host, arguments), {},
                [&out](const QByteArray &line) { out += line + '\n'; }, nullptr);
            out += run.child.out;
            if (!run.error.isEmpty()) {
                s.error = run.error;
                return s;
            }
            const QJsonDocument doc = QJsonDocument::fromJson(out);
            if (!doc.isArray())
                s.error = kClusterListingNotJson(host.name);
            s.vms = doc.array();
            return s;
        }));
    for (auto &f : futures) {
        const Said said = f.get();
        if (!said.error.isEmpty()) {
            listing.hostErrors.insert(said.host, said.error);
            continue;
        }
        for (const auto &v : said.vms) {
            QJsonObject o = v.toObject();
            // A host that is itself a head names the host below it.
            const QString below = o.value(u"host"_s).toString();
            o.insert(u"host"_s,
                     below.isEmpty() || isLocalHost(below) ? said.host : said.host + u'/' + below);
            listing.vms.append(o);
        }
        reconcile(said.host, said.vms);
    }
    return listing;
}

QJsonArray ClusterHead::unreachableRows(const QHash<QString, QString> &hostErrors) const {
    QJsonArray rows;
    if (hostErrors.isEmpty())
        return rows;
    auto ledger = m_inventory.clusterVms();
    if (!ledger) {
        log::cluster()->error("{}", LogText::tr("the ledger: %1").arg(failureText(ledger.error())));
        return rows;
    }
    for (const ClusterVm &vm : *ledger) {
        // The error under the host's name as given (names are unique in any case).
        QString error;
        for (auto it = hostErrors.cbegin(); it != hostErrors.cend(); ++it)
            if (it.key().compare(vm.host, Qt::CaseInsensitive) == 0)
                error = it.value();
        if (error.isEmpty())
            continue;
        rows.append(QJsonObject{{u"host"_s, vm.host},
                                {u"ip"_s, vm.address.toString()},
                                {u"name"_s, vm.name},
                                {u"mac"_s, vm.mac.toString()},
                                {u"golden"_s, vm.golden},
                                {u"state"_s, u"unknown"_s},
                                {u"host_unreachable"_s, true},
                                {u"last_state"_s, vm.state},
                                {u"reason"_s, error}});
    }
    return rows;
}

void ClusterHead::reconcile(const QString &host, const QJsonArray &vms) {
    auto ledger = m_inventory.clusterVms();
    if (!ledger) {
        log::cluster()->error("{}", LogText::tr("the ledger: %1").arg(failureText(ledger.error())));
        return;
    }
    QHash<quint32, QJsonObject> held;
    for (const auto &v : vms) {
        const QJsonObject o = v.toObject();
        if (auto a = Ipv4Address::parse(o.value(u"ip"_s).toString()))
            held.insert(a->toUInt(), o);
    }
    for (const ClusterVm &vm : *ledger) {
        if (vm.host.compare(host, Qt::CaseInsensitive) != 0)
            continue;
        const auto it = held.constFind(vm.address.toUInt());
        if (it != held.constEnd()) {
            const QString state = it->value(u"state"_s).toString();
            if (state != vm.state)
                if (auto s = m_inventory.setClusterState(vm.address, vm.plan, state,
                                                         it->value(u"reason"_s).toString());
                    !s)
                    log::cluster()->error(
                        "{}",
                        LogText::tr("%1: the ledger: %2").arg(vm.name, failureText(s.error())));
            continue;
        }
        // Planned: a batch (this head's or one that died) may still make it; a rerun
        // settles it. Anything else the host no longer holds is gone.
        if (vm.state == u"planned"_s)
            continue;
        if (auto s = m_inventory.removeClusterVm(vm.address, vm.host); !s)
            log::cluster()->error(
                "{}", LogText::tr("%1: the ledger: %2").arg(vm.name, failureText(s.error())));
    }
}

} // namespace vmeclone
