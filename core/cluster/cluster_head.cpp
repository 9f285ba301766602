#include "cluster_head.h"

#include "cluster/host_placement.h"
#include "cluster/host_self.h"
#include "cluster/plan_document.h"
#include "common/failure_text.h"
#include "common/logging.h"
#include "net/address_range.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSet>

#include <algorithm>
#include <future>
#include <map>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

const FailureSentence kClusterHeadNoSuchHost{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no host named '%1': see 'vmeclone host list'")};
const FailureSentence kClusterHeadNoHostGiven{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no host given: name hosts, or all")};
const FailureSentence kClusterHeadLocalExited{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "host local: vmeclone failed (exit %1)")};
const FailureSentence kClusterHeadLocalExitedSaying{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "host local: vmeclone failed (exit %1): %2")};
const FailureSentence kClusterHeadLocalFailed{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "host local: vmeclone %1")};
const FailureSentence kClusterHeadNoGolden{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no host reached holds a golden image")};
const FailureSentence kClusterHeadSeveralGoldens{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the hosts hold several golden images (%1): choose one")};
const FailureSentence kClusterHeadHostLacksGolden{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1 holds no golden image named '%2': add it there, or leave the host out")};
const FailureSentence kClusterHeadGoldenDiffers{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden image '%1' differs between host %2 (%3, %4) and host %5 (%6, %7): give both the "
    "same golden")};
const FailureSentence kClusterHeadGoldenFilesDiffer{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden image '%1' on host %2 differs from the one on host %3 (checksum %4 there, %5 on "
    "%3): push it again with golden push, after removing it there")};
const FailureSentence kClusterHeadNoGoldenNamed{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no host reached holds a golden image named '%1'")};
const FailureSentence kClusterHeadInUseOnHost{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "in use by %1 on host %2")};
const FailureSentence kClusterHeadShareUnsaid{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "host %1: its vmeclone did not say where its share goes")};
const FailureSentence kClusterHeadHostNotAsked{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "placed on host %1, which was not asked this time: include it to finish this VM")};
const FailureSentence kClusterHeadFateUnsaid{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "host %1 did not say what became of it")};

// Runs `work` for each item on a thread of its own (hosts are few and wait on the
// network), returning the results in the items' order.
template <typename T, typename F>
auto inParallel(const QList<T> &items, F work) {
    using R = decltype(work(items.first()));
    std::vector<std::future<R>> futures;
    futures.reserve(size_t(items.size()));
    for (const T &item : items)
        futures.push_back(std::async(std::launch::async, [&work, item] { return work(item); }));
    QList<R> results;
    for (auto &f : futures)
        results.append(f.get());
    return results;
}

// The golden as a host lists it (`golden list --json`, inside `host self`).
struct GoldenSeen {
    QString name;
    Subnet subnet;
    Ipv4Address address;
    QString namePrefix;
    QString checksum; // of its files' content (GoldenFingerprint::checksum); empty: unknown
};

std::optional<GoldenSeen> goldenFrom(const QJsonObject &o) {
    GoldenSeen g;
    g.name = o.value(u"name"_s).toString();
    auto subnet = Subnet::parse(o.value(u"subnet"_s).toString());
    auto address = Ipv4Address::parse(o.value(u"ip"_s).toString());
    if (g.name.isEmpty() || !subnet || !address)
        return std::nullopt;
    g.subnet = *subnet;
    g.address = *address;
    g.namePrefix = o.value(u"name_prefix"_s).toString(u"vm"_s);
    g.checksum = o.value(u"checksum"_s).toString();
    return g;
}

} // namespace

int ClusterResult::failures() const {
    return int(std::count_if(outcomes.begin(), outcomes.end(),
                             [](const ClusterOutcome &o) { return !o.ok; }));
}

ClusterHead::ClusterHead(Inventory &inventory, ClusterConfig config)
    : m_inventory(inventory)
    , m_config(std::move(config))
    , m_ssh(m_config.ssh) {}

Expected<QList<HostRecord>> ClusterHead::hosts(const QString &spec) const {
    auto known = m_inventory.hosts();
    if (!known)
        return fail(known.error());
    HostRecord local;
    local.name = kLocalHost.toString();
    QList<HostRecord> chosen;
    if (spec.trimmed().compare(u"all"_s, Qt::CaseInsensitive) == 0) {
        chosen << local << *known;
        return chosen;
    }
    QSet<QString> seen;
    for (QString name : spec.split(u',')) {
        name = name.trimmed();
        if (name.isEmpty() || seen.contains(name.toLower()))
            continue;
        seen.insert(name.toLower());
        if (isLocalHost(name)) {
            chosen << local;
            continue;
        }
        const auto it = std::find_if(known->begin(), known->end(), [&](const HostRecord &h) {
            return h.name.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (it == known->end())
            return refuse(Problem::NotFound, Field::Hosts, name, kClusterHeadNoSuchHost(name));
        chosen << *it;
    }
    if (chosen.isEmpty())
        return refuse(Problem::Empty, Field::Hosts, spec, kClusterHeadNoHostGiven());
    return chosen;
}

QStringList ClusterHead::headArguments(const HostRecord &host, QStringList arguments) const {
    if (!isLocalHost(host.name))
        arguments << u"--via"_s << m_config.via.join(u',');
    return arguments;
}

ClusterHead::Run ClusterHead::runOn(const HostRecord &host, const QStringList &arguments,
                                    const QByteArray &input,
                                    const std::function<void(const QByteArray &)> &onLine,
                                    const std::atomic_bool *cancel) const {
    Run run;
    if (isLocalHost(host.name)) {
        run.child = runChildStreaming(m_config.localProgram,
                                      QStringList{u"--home"_s, m_config.localHome} + arguments,
                                      input, onLine, m_config.silence, cancel);
        if (!run.child.succeeded()) {
            const QStringList said =
                QString::fromLocal8Bit(run.child.err).split(u'\n', Qt::SkipEmptyParts);
            if (run.child.outcome != ChildRun::Outcome::Finished)
                run.error = kClusterHeadLocalFailed(run.child.error);
            else if (said.isEmpty())
                run.error = kClusterHeadLocalExited(run.child.exitCode);
            else
                run.error = kClusterHeadLocalExitedSaying(run.child.exitCode, said.last());
        }
        return run;
    }
    run.child = runChildStreaming(m_ssh.options().program, m_ssh.arguments(host, arguments), input,
                                  onLine, m_config.silence, cancel);
    if (!run.child.succeeded())
        run.error = m_ssh.explain(host, run.child);
    return run;
}

std::optional<ClusterHead::Placed> ClusterHead::place(const QList<HostRecord> &targets,
                                                      const CloneOptions &options,
                                                      const QString &range, bool allHosts,
                                                      ClusterResult &result) {
    auto refuseAll = [&](const QString &why) -> std::optional<Placed> {
        result.refused = why;
        return std::nullopt;
    };

    // 1. What each host holds (in parallel): its version, its goldens.
    struct Asked {
        HostRecord host;
        std::optional<HostSelf> self;
        QString error;
    };
    const QList<Asked> asked = inParallel(targets, [this](const HostRecord &host) {
        Asked a{host, std::nullopt, {}};
        Expected<HostSelf> self = fail(QString());
        if (isLocalHost(host.name)) {
            const Run r = runOn(host, {u"host"_s, u"self"_s, u"--json"_s}, {}, {}, nullptr);
            self = r.error.isEmpty() ? HostSelf::fromJson(r.child.out) : fail(r.error);
        } else {
            self = askHost(m_ssh, host);
        }
        if (self) {
            if (auto s = checkCompatible(*self, host.name); !s)
                a.error = s.error();
            else
                a.self = *self;
        } else {
            a.error = self.error();
        }
        return a;
    });

    // 2. The golden: the hosts that hold it must agree on its subnet, address and names.
    QString goldenName = options.golden;
    if (goldenName.isEmpty()) {
        QSet<QString> names;
        for (const Asked &a : asked)
            if (a.self)
                for (const auto &g : a.self->goldens)
                    names.insert(g.toObject().value(u"name"_s).toString());
        if (names.size() != 1)
            return refuseAll(names.isEmpty()
                                 ? kClusterHeadNoGolden()
                                 : kClusterHeadSeveralGoldens(
                                     QStringList(names.begin(), names.end()).join(u", "_s)));
        goldenName = *names.begin();
    }
    std::optional<GoldenSeen> golden;
    QString goldenHost;
    QList<HostRecord> candidates;
    for (const Asked &a : asked) {
        if (!a.self) {
            // Unreachable: still placed on (placement must not depend on who answered),
            // its VMs fail with its error, and a rerun finishes them.
            result.hostErrors.insert(a.host.name, a.error);
            candidates << a.host;
            continue;
        }
        std::optional<GoldenSeen> here;
        for (const auto &g : a.self->goldens)
            if (auto seen = goldenFrom(g.toObject()); seen && seen->name == goldenName)
                here = seen;
        if (!here) {
            if (allHosts)
                continue; // a host without the golden takes no part
            return refuseAll(kClusterHeadHostLacksGolden(a.host.name, goldenName));
        }
        if (golden
            && (golden->subnet != here->subnet || golden->address != here->address
                || golden->namePrefix != here->namePrefix))
            return refuseAll(kClusterHeadGoldenDiffers(
                goldenName, goldenHost, golden->address.toString(), golden->subnet.toString(),
                a.host.name, here->address.toString(), here->subnet.toString()));
        // The same files too, where both say what theirs are.
        if (golden && !golden->checksum.isEmpty() && !here->checksum.isEmpty()
            && golden->checksum != here->checksum)
            return refuseAll(kClusterHeadGoldenFilesDiffer(goldenName, a.host.name, goldenHost,
                                                           here->checksum.left(12),
                                                           golden->checksum.left(12)));
        if (!golden) {
            golden = here;
            goldenHost = a.host.name;
        }
        candidates << a.host;
    }
    if (!golden)
        return refuseAll(kClusterHeadNoGoldenNamed(goldenName));

    // 3. The addresses, their names and MACs, and where each goes.
    TakenAddresses taken;
    taken.insert(
        golden->address,
        RefusedAddress{golden->address, RefusalKind::GoldenAddress,
                       AddressRange::tr("the golden image %1's own address").arg(goldenName)});
    auto checked = AddressRange::check(range, golden->subnet, taken);
    if (!checked)
        return refuseAll(checked.error());
    for (const RefusedAddress &r : checked->refused)
        result.outcomes.append({{}, r.address, {}, {}, false, u"refused"_s, r.reason});
    const QHash<Ipv4Address, QString> placed = placeOnHosts(candidates, checked->accepted);
    const QString plan = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<ClusterVm> wanted;
    for (const Ipv4Address &address : checked->accepted) {
        ClusterVm vm;
        vm.address = address;
        vm.mac = MacAddress::forIpv4(address);
        vm.name = golden->namePrefix + QString::number(golden->subnet.suffixOf(address));
        vm.host = placed.value(address);
        vm.golden = goldenName;
        vm.plan = plan;
        wanted << vm;
    }
    return Placed{goldenName, wanted};
}

ClusterResult ClusterHead::plan(const QList<HostRecord> &targets, const CloneOptions &options,
                                const QString &range, bool allHosts) {
    ClusterResult result;
    const auto placed = place(targets, options, range, allHosts, result);
    if (!placed)
        return result;
    // What the reservation would say, read without writing: the ledger's addresses (the
    // same golden's are resumed where they were placed) and this machine's own VMs.
    auto ledger = m_inventory.clusterVms();
    auto taken = m_inventory.takenAddresses();
    if (!ledger || !taken) {
        result.refused = ledger ? taken.error() : ledger.error();
        return result;
    }
    QHash<Ipv4Address, ClusterVm> held;
    for (const ClusterVm &vm : *ledger)
        held.insert(vm.address, vm);
    for (const ClusterVm &vm : placed->vms) {
        if (const auto h = held.constFind(vm.address); h != held.cend()) {
            if (h->golden == vm.golden)
                result.outcomes.append(
                    {h->host, vm.address, vm.name, vm.mac, true, h->state,
                     u"resumed on host %1 (placed there before)"_s.arg(h->host)});
            else
                result.outcomes.append({{},
                                        vm.address,
                                        {},
                                        {},
                                        false,
                                        u"refused"_s,
                                        kClusterHeadInUseOnHost(h->name, h->host)});
        } else if (const auto t = taken->constFind(vm.address); t != taken->cend()) {
            result.outcomes.append({{}, vm.address, {}, {}, false, u"refused"_s, t->reason});
        } else {
            result.outcomes.append({vm.host, vm.address, vm.name, vm.mac, true, u"planned"_s, {}});
        }
    }
    std::sort(
        result.outcomes.begin(), result.outcomes.end(),
        [](const ClusterOutcome &a, const ClusterOutcome &b) { return a.address < b.address; });
    planShards(targets, placed->golden, options, result);
    return result;
}

void ClusterHead::planShards(const QList<HostRecord> &targets, const QString &golden,
                             const CloneOptions &options, ClusterResult &result) {
    QHash<QString, QStringList> share; // host → the addresses planned on it
    for (const ClusterOutcome &o : std::as_const(result.outcomes))
        if (o.ok && o.state == u"planned"_s)
            share[o.host] << o.address.toString();
    QList<HostRecord> asked;
    for (const HostRecord &h : targets)
        if (share.contains(h.name))
            asked << h;
    struct Said {
        QString host;
        QHash<QString, QString> shard;   // address → shard
        QHash<QString, QString> refused; // address → why
        QString error;
    };
    const QList<Said> said = inParallel(asked, [&](const HostRecord &host) {
        Said s{host.name, {}, {}, {}};
        const QStringList arguments{u"plan"_s,
                                    share.value(host.name).join(u','),
                                    u"--golden"_s,
                                    golden,
                                    options.mode == u"full"_s ? u"--full"_s : u"--linked"_s,
                                    u"--json"_s};
        const Run run = runOn(host, headArguments(host, arguments), {}, {}, nullptr);
        // A plan with refusals exits 1 and still says it.
        const QJsonObject doc = QJsonDocument::fromJson(run.child.out).object();
        if (doc.contains(u"vms"_s)) { // a host's own plan
            for (const QJsonValue &v : doc.value(u"vms"_s).toArray()) {
                const QJsonObject o = v.toObject();
                const QString label = o.value(u"shard_label"_s).toString();
                s.shard.insert(o.value(u"ip"_s).toString(),
                               label.isEmpty() ? o.value(u"shard"_s).toString() : label);
            }
            for (const QJsonValue &v : doc.value(u"refused"_s).toArray())
                s.refused.insert(v.toObject().value(u"ip"_s).toString(),
                                 v.toObject().value(u"reason"_s).toString());
        } else if (doc.contains(u"results"_s)) { // a host that is a head: its hosts' plans
            for (const QJsonValue &v : doc.value(u"results"_s).toArray()) {
                const QJsonObject o = v.toObject();
                const QString ip = o.value(u"ip"_s).toString();
                if (!o.value(u"ok"_s).toBool()) {
                    s.refused.insert(ip, o.value(u"message"_s).toString());
                    continue;
                }
                const QString below = o.value(u"shard"_s).toString();
                s.shard.insert(ip, o.value(u"host"_s).toString()
                                       + (below.isEmpty() ? QString() : u'/' + below));
            }
        } else {
            s.error = run.error.isEmpty() ? kClusterHeadShareUnsaid(host.name) : run.error;
        }
        return s;
    });
    QHash<QString, const Said *> byHost;
    for (const Said &s : said) {
        byHost.insert(s.host, &s);
        if (!s.error.isEmpty())
            result.hostErrors.insert(s.host, s.error);
    }
    for (ClusterOutcome &o : result.outcomes) {
        const Said *s = byHost.value(o.host);
        if (!s || !o.ok || o.state != u"planned"_s)
            continue;
        const QString ip = o.address.toString();
        if (const auto why = s->refused.constFind(ip); why != s->refused.cend()) {
            o.ok = false;
            o.state = u"refused"_s;
            // The host's words come in the head's language (SshTransport asks for it).
            o.message = AddressRange::tr("host %1: %2").arg(o.host, *why);
        } else {
            o.shard = s->shard.value(ip);
        }
    }
}

ClusterResult ClusterHead::clone(const QList<HostRecord> &targets, const CloneOptions &options,
                                 const QString &range, bool allHosts,
                                 const std::atomic_bool *cancel, const ClusterObserver &observer) {
    ClusterResult result;
    auto refuseAll = [&](const QString &why) {
        result.refused = why;
        return result;
    };
    const auto placed = place(targets, options, range, allHosts, result);
    if (!placed)
        return result;
    const QString &goldenName = placed->golden;

    // 4. Reserved in the ledger before any host is asked.
    auto reserved = m_inventory.reserveCluster(placed->vms);
    if (!reserved)
        return refuseAll(reserved.error());
    for (const RefusedAddress &r : reserved->refused)
        result.outcomes.append({{}, r.address, {}, {}, false, u"refused"_s, r.reason});

    // 5. One plan document per host and plan (a resumed VM keeps the plan it was sent in).
    std::map<std::pair<QString, QString>, QList<ClusterVm>> parts;
    for (const ClusterVm &vm : reserved->taken + reserved->resumed)
        parts[{vm.host.toLower(), vm.plan}].append(vm);
    struct Part {
        HostRecord host;
        QString plan;
        QList<ClusterVm> vms;
    };
    QList<Part> work;
    for (auto &[key, vms] : parts) {
        const QString placedOn = vms.first().host; // clang 14: no binding in a lambda
        const auto host = std::find_if(targets.begin(), targets.end(), [&](const HostRecord &h) {
            return h.name.compare(placedOn, Qt::CaseInsensitive) == 0;
        });
        if (host == targets.end()) {
            // Resumed on a host not asked this time: left as it is.
            for (const ClusterVm &vm : vms)
                result.outcomes.append({vm.host, vm.address, vm.name, vm.mac, false, vm.state,
                                        kClusterHeadHostNotAsked(vm.host)});
            continue;
        }
        work.append({*host, key.second, vms});
    }

    QMutex observerMutex;
    struct PartResult {
        QList<ClusterOutcome> outcomes;
        QList<std::pair<ClusterVm, PlanLine>> lines; // each VM's final line, if any
    };
    const QList<PartResult> done = inParallel(work, [&](const Part &part) {
        PartResult r;
        QHash<Ipv4Address, PlanLine> finalLine;
        QString error = result.hostErrors.value(part.host.name);
        if (error.isEmpty()) {
            PlanDocument doc;
            doc.id = QUuid::fromString(part.plan);
            doc.golden = goldenName;
            doc.mode = options.mode;
            doc.start = options.start;
            for (const ClusterVm &vm : part.vms)
                doc.addresses << vm.address;
            const Run run = runOn(
                part.host, headArguments(part.host, {u"apply"_s, u"-"_s, u"--json-lines"_s}),
                doc.toJson(),
                [&](const QByteArray &text) {
                    const PlanLine line = PlanLine::fromJson(text);
                    if (line.kind != PlanLine::Kind::Vm)
                        return;
                    if (line.final)
                        finalLine.insert(line.address, line);
                    if (observer) {
                        QMutexLocker lock(&observerMutex);
                        observer({part.host.name, line.address, line.name, line.state,
                                  line.progress, line.message});
                    }
                },
                cancel);
            // A plan whose VMs failed exits 1 with every VM told: only a run that told
            // nothing of a VM is the host's failure.
            if (!run.error.isEmpty() && finalLine.isEmpty())
                error = run.error;
            else if (!run.error.isEmpty())
                log::cluster()->warn("{}",
                                     LogText::tr("host %1: %2").arg(part.host.name, run.error));
        }
        for (const ClusterVm &vm : part.vms) {
            if (const auto it = finalLine.constFind(vm.address); it != finalLine.constEnd()) {
                r.outcomes.append(
                    {part.host.name, vm.address, vm.name, vm.mac, it->ok, it->state, it->message});
                r.lines.append({vm, *it});
            } else {
                const QString why =
                    !error.isEmpty() ? error : kClusterHeadFateUnsaid(part.host.name);
                r.outcomes.append(
                    {part.host.name, vm.address, vm.name, vm.mac, false, u"failed"_s, why});
            }
        }
        return r;
    });

    // 6. The ledger takes what the hosts said (this thread's connection), in one commit:
    // one WAL fsync for the batch, not one per VM (2,000 of them took seconds). A VM no
    // host told of stays in the ledger as failed: it may exist there, and a rerun asks
    // again. A ledger that cannot take it is reconciled by the next run.
    for (const PartResult &part : done)
        result.outcomes += part.outcomes;
    const Status recorded = m_inventory.inOneTransaction([&]() -> Status {
        for (qsizetype i = 0; i < done.size(); ++i) {
            const PartResult &part = done[i];
            QSet<Ipv4Address> told;
            for (const auto &[vm, line] : part.lines) {
                told.insert(vm.address);
                // Not held there: the host made nothing (refused, rolled back): not ours.
                const Status s = line.held ? m_inventory.setClusterState(vm.address, vm.plan,
                                                                         line.state, line.message)
                                           : m_inventory.removeClusterVm(vm.address, vm.host);
                if (!s)
                    log::cluster()->error(
                        "{}",
                        LogText::tr("%1: the ledger: %2").arg(vm.name, failureText(s.error())));
            }
            for (const ClusterVm &vm : work[i].vms) {
                if (told.contains(vm.address))
                    continue;
                const auto o =
                    std::find_if(part.outcomes.begin(), part.outcomes.end(),
                                 [&](const ClusterOutcome &x) { return x.address == vm.address; });
                if (auto s = m_inventory.setClusterState(vm.address, vm.plan, u"failed"_s,
                                                         o == part.outcomes.end() ? QString()
                                                                                  : o->message);
                    !s)
                    log::cluster()->error(
                        "{}",
                        LogText::tr("%1: the ledger: %2").arg(vm.name, failureText(s.error())));
            }
        }
        return {};
    });
    if (!recorded)
        log::cluster()->error("{}", LogText::tr("the ledger did not take the hosts' outcomes: %1")
                                        .arg(failureText(recorded.error())));
    std::sort(result.outcomes.begin(), result.outcomes.end(),
              [](const ClusterOutcome &a, const ClusterOutcome &b) {
                  return a.address.toUInt() < b.address.toUInt();
              });
    result.cancelled = cancel && cancel->load();
    return result;
}

} // namespace vmeclone
