#include "engine.h"

#include "common/failure_text.h"
#include "common/logging.h"
#include "engine/batch_support.h"
#include "engine/crash_point.h"
#include "engine/engine_failures.h"
#include "inventory/clone_marker.h"
#include "net/address_range.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QThread>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>

using namespace Qt::StringLiterals;

namespace vmeclone {
using namespace batch;

namespace {
const FailureSentence kEngineNoDataFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "no data folder given: the inventory and the cluster secret live there")};
const FailureSentence kEngineCannotCreateDataFolder{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot create the data folder %1")};
const FailureSentence kEngineShardWeight{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "shard weight %1 must be a finite number greater than 0")};
const FailureSentence kEngineShardPathComma{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the shard path %1 contains ',', which QEMU's options cannot carry: "
                         "use a folder without commas")};
const FailureSentence kEngineShardPathControl{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the shard path contains control characters: use a plain folder name")};
const FailureSentence kEngineShardNotFolder{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is not a folder: create it first (mkdir -p %1)")};
const FailureSentence kEngineGoldenRemovedSincePlan{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the golden %1 was removed since the plan was made")};
const FailureSentence kEngineNoInstantClone{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no instant clone: %1")};
} // namespace

namespace engine_failures {
const FailureSentence kUnknownBackend{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the golden %1 uses the backend '%2', which this build does not have")};
const FailureSentence kCancelled{QT_TRANSLATE_NOOP("vmeclone::Failure", "cancelled")};
const FailureSentence kCancelledNot{QT_TRANSLATE_NOOP("vmeclone::Failure", "cancelled: not %1")};
const FailureSentence kGoldenMissing{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "its golden image is missing")};
const FailureSentence kBusyInBatch{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is %2 by another batch: wait for it or cancel it")};
const FailureSentence kNothingDone{QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: nothing was done")};
const FailureSentence kNoGoldenNamed{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "no golden image named '%1': see 'vmeclone golden list'")};
const FailureSentence kVmwareNoInstantLinked{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 is a VMware golden: instant clones need QEMU (docs/instant-clones.md says "
    "what VMware Workstation lacks); clone it linked")};
} // namespace engine_failures

int BatchResult::failures() const {
    return static_cast<int>(
        std::count_if(outcomes.begin(), outcomes.end(), [](const auto &o) { return !o.ok; }));
}

Engine::Engine(EngineConfig config)
    : m_config(std::move(config)) {
    m_pool = std::make_unique<QThreadPool>();
    m_pool->setObjectName(u"vmeclone-engine"_s);
    m_pool->setMaxThreadCount(qMax(1, m_config.parallelism));
    m_qemu = std::make_unique<QemuBackend>(m_config.qemu);
    m_vmware = std::make_unique<VmwareBackend>(m_config.vmware);
}

Engine::~Engine() {
    m_pool->waitForDone();
}

Status Engine::open() {
    if (m_config.home.isEmpty())
        return refuse(Problem::Missing, Field::Home, {}, kEngineNoDataFolder());
    if (!QDir().mkpath(m_config.home))
        return fail(kEngineCannotCreateDataFolder(m_config.home));
    auto inventory = Inventory::open(m_config.inventoryPath());
    if (!inventory)
        return fail(inventory.error());
    m_inventory = std::move(*inventory);
    auto secret = ClusterSecret::loadOrCreate(m_config.secretPath());
    if (!secret)
        return fail(secret.error());
    m_secret = std::move(*secret);
    return {};
}

HypervisorBackend *Engine::backendFor(const GoldenRecord &golden) {
    if (golden.backend == u"qemu")
        return m_qemu.get();
    if (golden.backend == u"vmware")
        return m_vmware.get();
    return nullptr;
}

QString Engine::instanceFor(const QUuid &plan, Ipv4Address address) {
    return QUuid::createUuidV5(plan, address.toString()).toString(QUuid::WithoutBraces);
}

// ---- shards (goldens: engine_goldens.cpp) ------------------------------------------

Expected<Shard> Engine::addShard(const QString &path, double weight) {
    if (auto s = mayWrite(); !s)
        return fail(s.error());
    if (!std::isfinite(weight) || !(weight > 0))
        return fail(kEngineShardWeight(weight));
    // What QEMU's option syntax cannot carry (a comma splits its -drive options) and
    // what no log line or table should print raw.
    if (path.contains(u','))
        return fail(kEngineShardPathComma(path));
    if (hasHiddenCharacters(path))
        return fail(kEngineShardPathControl());
    const QFileInfo info(path);
    if (!info.isDir())
        return fail(kEngineShardNotFolder(path));
    Shard shard{0, info.canonicalFilePath(), weight};
    const ShardStatus status = ShardProbe::probe(shard);
    if (!status.usable())
        return fail(status.error);
    auto id = m_inventory->addShard(shard.path, weight);
    if (!id)
        return fail(id.error());
    shard.id = *id;
    logLost(m_inventory->addEvent(
                u"info"_s, {},
                EventText::make(u"shard-added"_s, {shard.path, QString::number(weight),
                                                   QString::number(status.bytesFree)})),
            shard.path);
    if (const int foreign = foreignCloneFolders(shard.path); foreign > 0)
        logLost(m_inventory->addEvent(
                    u"info"_s, {},
                    EventText::make(u"shard-shared"_s, {shard.path, QString::number(foreign)})),
                shard.path);
    return shard;
}

int Engine::foreignCloneFolders(const QString &shardPath) const {
    int n = 0;
    const QString self = m_inventory->dataFolderId();
    for (const auto &entry : QDir(shardPath).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (auto marker = CloneMarker::readFrom(entry.absoluteFilePath());
            marker && marker->dataFolderId != self)
            ++n;
    }
    return n;
}

Expected<QList<ShardStatus>> Engine::shardStatus() {
    auto shards = m_inventory->shards();
    if (!shards)
        return fail(shards.error());
    return ShardProbe::probe(*shards);
}

// ---- owners (recovery: engine_recover.cpp) -----------------------------------------

Expected<QString> Engine::ownerToken() {
    if (!m_owner) {
        auto owner = BatchOwner::acquire(m_config.home);
        if (!owner)
            return fail(owner.error());
        m_owner = std::move(*owner);
    }
    return m_owner->token();
}

Status Engine::mayWrite() const {
    if (!m_inventory->readOnlyReason().isEmpty())
        return fail(m_inventory->readOnlyReason());
    return {};
}

// ---- batches -----------------------------------------------------------------------

BatchResult Engine::runPerVm(const QList<VmRecord> &vms, const VmJob &job,
                             const std::atomic_bool *cancel, const QString &what) {
    BatchResult result;
    const QString path = m_config.inventoryPath();
    // A cancel is each job's to honour: a clone job rolls back the VM it was given
    // (row and files), so a cancelled batch gives back every address it never used.
    std::function<BatchOutcome(const VmRecord &)> perVm = [&](const VmRecord &vm) -> BatchOutcome {
        auto inventory = threadInventory(path);
        if (!inventory)
            return BatchOutcome{vm.address, vm.name, false, inventory.error()};
        return job(**inventory, vm);
    };
    result.outcomes = QtConcurrent::blockingMapped<QList<BatchOutcome>>(m_pool.get(), vms, perVm);
    result.cancelled = cancel && cancel->load();
    recordBatch(what, static_cast<int>(vms.size()), result);
    return result;
}

void Engine::recordBatch(const QString &what, int vms, const BatchResult &result) {
    const int failed = result.failures();
    log::echo()->info("{} of {} VMs: {} failed{}", what, vms, failed,
                      result.cancelled ? " (cancelled)" : "");
    logLost(m_inventory->addEvent(
                failed ? u"warning"_s : u"info"_s, {},
                EventText::make(u"batch"_s, {what, QString::number(vms),
                                             QString::number(vms - failed), QString::number(failed),
                                             result.cancelled ? u"cancelled"_s : QString()})),
            what);
}

BatchResult Engine::clone(const ClonePlan &plan, const CloneOptions &options,
                          const std::atomic_bool *cancel, const BatchObserver &observer) {
    BatchResult result;
    for (const auto &r : plan.refused)
        result.outcomes.append(BatchOutcome{r.address, {}, false, r.reason, r.kind});
    HypervisorBackend *backend = backendFor(plan.golden);
    if (!backend || plan.items.isEmpty())
        return result;

    const auto refuseAll = [&](const QString &why) {
        for (const auto &item : plan.items)
            result.outcomes.append(BatchOutcome{item.address, item.name, false, why});
        return result;
    };
    // The golden as it is now, not as planned: it may have been written or started
    // since (or re-accepted with golden refresh).
    auto goldens = m_inventory->goldens();
    if (!goldens)
        return refuseAll(goldens.error());
    const auto current = std::find_if(goldens->cbegin(), goldens->cend(),
                                      [&](const auto &g) { return g.id == plan.golden.id; });
    if (current == goldens->cend())
        return refuseAll(kEngineGoldenRemovedSincePlan(plan.golden.name));
    if (auto verified = verifyGolden(*current); !verified)
        return refuseAll(verified.error());
    if (auto s = mayWrite(); !s)
        return refuseAll(s.error());
    // Instant clones resume from the golden's template: made here when there is none (or
    // the golden changed since). Without one, a fallback clones linked and says why.
    QString mode = plan.mode;
    QString templateFolder;
    result.fallback = plan.fallback;
    if (mode == u"instant") {
        auto made = makeTemplate(*current);
        if (made) {
            templateFolder = made->folder;
        } else if (options.instantFallback) {
            mode = u"linked"_s;
            result.fallback = made.error();
        } else {
            return refuseAll(kEngineNoInstantClone(made.error()));
        }
    }
    if (!result.fallback.isEmpty())
        logLost(m_inventory->addEvent(
                    u"warning"_s, {},
                    EventText::make(u"instant-fallback"_s, {plan.golden.name, result.fallback})),
                plan.golden.name);
    auto token = ownerToken();
    if (!token)
        return refuseAll(token.error());
    QList<VmRecord> rows;
    QHash<Ipv4Address, ClonePlanItem> itemByAddress;
    for (const auto &item : plan.items) {
        VmRecord vm;
        vm.owner = *token;
        vm.name = item.name;
        vm.address = item.address;
        vm.mac = item.mac;
        vm.goldenId = plan.golden.id;
        vm.shardId = item.shard.id;
        vm.folder = item.folder;
        vm.cloneMode = mode;
        vm.instance = options.plan.isNull() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                            : instanceFor(options.plan, item.address);
        rows.append(vm);
        itemByAddress.insert(item.address, item);
    }
    // The reservation is where two racing processes meet: the inventory's unique
    // constraints decide, and the loser learns which addresses it could not take.
    auto reservation = m_inventory->reserve(rows);
    if (!reservation) {
        for (const auto &vm : rows)
            result.outcomes.append(BatchOutcome{vm.address, vm.name, false, reservation.error()});
        return result;
    }
    for (const auto &r : reservation->refused)
        result.outcomes.append(BatchOutcome{r.address, {}, false, r.reason, r.kind});
    for (const auto &vm : reservation->taken)
        report(observer, *m_inventory, vm, VmState::Planned);
    crashPoint("planned");
    pausePoint("planned");

    const GoldenRecord golden = plan.golden;
    const bool start = options.start;
    const QString dataFolderId = m_inventory->dataFolderId();
    // Full copies take their drive's one stream (DeviceStreams); linked clones write a
    // few KiB and need none.
    QHash<qint64, QString> deviceOfShard;
    if (plan.mode == u"full"_s) {
        for (const auto &s : plan.shards)
            deviceOfShard.insert(s.shard.id, DeviceStreams::physicalDevice(s.deviceId));
    }
    VmJob job = [&, backend, golden, start, dataFolderId](Inventory &inv,
                                                          const VmRecord &vm) -> BatchOutcome {
        auto failWith = [&](const Error &error, bool rollback) {
            const QString &why = error.message;
            const bool cancelled = rollback && cancel && cancel->load();
            if (rollback) {
                // Nothing of the VM exists any more: give the address back.
                logLost(inv.removeOwned(vm, vm.owner), vm);
                logLost(batch::addRollBackEvent(inv, vm, why, cancelled), vm);
                report(observer, inv, vm, VmState::Released, why);
            } else {
                logLost(inv.setState(vm.id, VmState::Failed, why), vm);
                logLost(inv.addEvent(u"error"_s, vm.name, why), vm);
                report(observer, inv, vm, VmState::Failed, why);
            }
            BatchOutcome outcome{vm.address, vm.name, false, why};
            outcome.field = error.field; // e.g. the console address a VMware clone lacks
            outcome.cancelled = cancelled;
            return outcome;
        };
        if (cancel && cancel->load())
            return failWith(fail(engine_failures::kCancelled()), true);
        // Waits in "planned" while another copy uses the drive.
        DeviceStreams::Ticket stream = m_streams.acquire(
            deviceOfShard.value(itemByAddress.value(vm.address).shard.id), cancel);
        if (cancel && cancel->load())
            return failWith(fail(engine_failures::kCancelled()), true);
        if (auto s = inv.setState(vm.id, VmState::Copying); !s)
            return failWith(s.failure(), true);
        report(observer, inv, vm, VmState::Copying);

        CloneRequest request{golden, vm,
                             identityFor(golden, itemByAddress.value(vm.address), vm.instance),
                             dataFolderId, QString()};
        request.byVmware = options.vmwareClone;
        int lastPercent = -1;
        const ProgressFn progress = [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
            if (percent == lastPercent)
                return;
            lastPercent = percent;
            if (percent >= 50)
                crashPoint("mid-copy");
            logLost(inv.setProgress(vm.id, percent), vm);
            report(observer, inv, vm, VmState::Copying, {}, percent);
        };
        if (auto s = backend->createClone(request, cancel, progress); !s)
            return failWith(s.failure(), true);
        crashPoint("copied");
        if (auto s = inv.setState(vm.id, VmState::Configured, {}, 100); !s) {
            VmRecord gone = vm;
            if (auto d = backend->deleteClone(gone); !d) // the failure below is what counts
                logLost(d, vm);
            return failWith(s.failure(), true);
        }
        report(observer, inv, vm, VmState::Configured);
        stream = {}; // the drive is free for the next copy (the table shows one copying)
        crashPoint("configured");
        if (!start)
            return BatchOutcome{vm.address, vm.name, true, u"configured"_s};

        if (auto s = inv.setState(vm.id, VmState::Starting); !s)
            return failWith(s.failure(), false);
        report(observer, inv, vm, VmState::Starting);
        auto pid = backend->start(vm, golden);
        if (!pid)
            return failWith(pid.failure(), false);
        crashPoint("started");
        logLost(inv.setPid(vm.id, *pid), vm);
        // The agent may already have spoken: only move on from "starting".
        logLost(inv.transition(vm.id, VmState::Starting, VmState::Booting), vm);
        report(observer, inv, vm, VmState::Booting);
        return BatchOutcome{vm.address, vm.name, true, u"started"_s};
    };
    if (plan.mode == u"full"_s) {
        BatchResult made = runPerVm(reservation->taken, job, cancel, u"clone"_s);
        result.outcomes += made.outcomes;
        result.cancelled = made.cancelled;
    } else {
        // Linked: a few KiB per VM, so the inventory's commits are the cost: in steps.
        QList<VmRecord> configured;
        BatchResult made;
        made.outcomes = cloneInSteps(reservation->taken,
                                     CloneSteps{backend, golden, itemByAddress, dataFolderId,
                                                templateFolder, options.vmwareClone},
                                     cancel, observer, &configured);
        made.cancelled = cancel && cancel->load();
        recordBatch(u"clone"_s, static_cast<int>(reservation->taken.size()), made);
        if (start && !configured.isEmpty()) {
            made.outcomes.removeIf([](const BatchOutcome &o) { return o.ok; });
            BatchResult started = this->start(configured, cancel, observer);
            made.outcomes += started.outcomes;
            made.cancelled = made.cancelled || started.cancelled;
        }
        result.outcomes += made.outcomes;
        result.cancelled = made.cancelled;
    }
    std::sort(result.outcomes.begin(), result.outcomes.end(),
              [](const auto &a, const auto &b) { return a.address < b.address; });
    return result;
}

Expected<QSet<Ipv4Address>> Engine::addressesInRange(QStringView range) {
    auto goldens = m_inventory->goldens();
    if (!goldens)
        return fail(goldens.error());
    QSet<Ipv4Address> wanted;
    QString firstError;
    for (const auto &g : *goldens) {
        auto addresses = AddressRange::parse(range, g.subnet);
        if (!addresses) {
            if (firstError.isEmpty())
                firstError = addresses.error();
            continue;
        }
        for (const auto &a : *addresses)
            wanted.insert(a);
    }
    if (wanted.isEmpty() && !firstError.isEmpty())
        return refuse(Problem::InvalidRange, Field::Range, range.toString(), firstError);
    return wanted;
}

Expected<QList<VmRecord>> Engine::vmsInRange(QStringView range) {
    auto vms = m_inventory->vms();
    if (!vms)
        return fail(vms.error());
    if (vms->isEmpty())
        return QList<VmRecord>();
    auto wanted = addressesInRange(range);
    if (!wanted)
        return wanted.failure();
    QList<VmRecord> out;
    for (const auto &vm : *vms) {
        if (wanted->contains(vm.address))
            out.append(vm);
    }
    return out;
}

// ---- start, stop, release -----------------------------------------------------------
//
// Each reads the VMs first and then takes each one by compare-and-set on its identity
// (id, instance, a state the step may begin from) before touching the hypervisor or a
// file. A VM another actor released, re-made or is working on meanwhile is left alone
// and reported; a write that fails stops that VM's step with nothing deleted.

Engine::SettledJobs Engine::settledJobs() {
    SettledJobs jobs;
    if (auto writable = mayWrite(); !writable)
        jobs.error = writable.error();
    else if (auto ownership = ownerToken(); ownership)
        jobs.token = *ownership;
    else
        jobs.error = ownership.error();
    if (auto goldens = m_inventory->goldens(); goldens) {
        for (const auto &g : *goldens)
            jobs.goldenById.insert(g.id, g);
    } else if (jobs.error.isEmpty()) {
        jobs.error = goldens.error();
    }
    return jobs;
}

BatchResult Engine::runSettled(const QList<VmRecord> &vms, const QString &step, VmState next,
                               const SettledJob &job, const std::atomic_bool *cancel,
                               const BatchObserver &observer) {
    const SettledJobs jobs = settledJobs();
    VmJob perVm = [&](Inventory &inv, const VmRecord &vm) -> BatchOutcome {
        auto failure = [&](const QString &why) {
            return BatchOutcome{vm.address, vm.name, false, why};
        };
        if (!jobs.error.isEmpty())
            return failure(jobs.error);
        if (cancel && cancel->load())
            return failure(engine_failures::kCancelledNot(step));
        const GoldenRecord golden = jobs.goldenById.value(vm.goldenId);
        HypervisorBackend *backend = backendFor(golden);
        if (!backend)
            return failure(engine_failures::kGoldenMissing());
        if (!kSettled.contains(vm.state))
            return failure(engine_failures::kBusyInBatch(vm.name, vmStateName(vm.state)));
        auto taken = inv.take(vm, kSettled, next, jobs.token);
        if (!taken)
            return failure(engine_failures::kNothingDone(taken.error()));
        if (!*taken)
            return failure(movedOn(inv, vm, step));
        VmRecord held = vm;
        held.state = next;
        held.owner = jobs.token;
        report(observer, inv, held, next);
        auto fail = [&](const Error &error) {
            const QString &why = error.message;
            logLost(inv.moveOwned(held, jobs.token, next, VmState::Failed, why), held);
            logLost(inv.addEvent(u"error"_s, held.name, why), held);
            report(observer, inv, held, VmState::Failed, why);
            BatchOutcome outcome = failure(why);
            outcome.field = error.field; // e.g. the vmrun a VMware VM needs
            return outcome;
        };
        return job(inv, *backend, golden, held, fail);
    };
    return runPerVm(vms, perVm, cancel, step);
}

BatchResult Engine::start(const QList<VmRecord> &vms, const std::atomic_bool *cancel,
                          const BatchObserver &observer) {
    // A VM that runs already is left as it is (no state written).
    QList<VmRecord> toStart;
    QList<BatchOutcome> running;
    QHash<qint64, GoldenRecord> goldenById; // read once, not once per VM
    if (auto goldens = m_inventory->goldens(); goldens)
        for (const auto &g : *goldens)
            goldenById.insert(g.id, g);
    for (const auto &vm : vms) {
        HypervisorBackend *backend = backendFor(goldenById.value(vm.goldenId));
        if (backend && kSettled.contains(vm.state)) {
            if (auto r = backend->isRunning(vm); r && *r) {
                running.append(BatchOutcome{vm.address, vm.name, true, u"already running"_s});
                continue;
            }
        }
        toStart.append(vm);
    }
    SettledJob job = [&](Inventory &inv, HypervisorBackend &backend, const GoldenRecord &golden,
                         const VmRecord &vm, const FailFn &fail) -> BatchOutcome {
        // An instant clone's first start resumes its template (later ones boot its disk).
        const VmState next = vm.cloneMode == u"instant" && QemuBackend::resumesOnStart(vm)
                                 ? VmState::Resuming
                                 : VmState::Booting;
        auto pid = backend.start(vm, golden);
        if (!pid)
            return fail(pid.failure());
        crashPoint("started"); // also a clone's start (linked clones start through here)
        logLost(inv.setPid(vm.id, *pid), vm);
        // The agent may already have spoken: only move on from "starting".
        logLost(inv.moveOwned(vm, vm.owner, VmState::Starting, next), vm);
        report(observer, inv, vm, next);
        return BatchOutcome{vm.address, vm.name, true, u"started"_s};
    };
    BatchResult result =
        runSettled(toStart, u"started"_s, VmState::Starting, job, cancel, observer);
    result.outcomes += running;
    return result;
}

BatchResult Engine::stop(const QList<VmRecord> &vms, const std::atomic_bool *cancel,
                         const BatchObserver &observer) {
    SettledJob job = [&](Inventory &inv, HypervisorBackend &backend, const GoldenRecord &,
                         const VmRecord &vm, const FailFn &fail) -> BatchOutcome {
        if (auto s = backend.stop(vm, m_config.stopGrace); !s)
            return fail(s.failure());
        logLost(inv.setPid(vm.id, 0), vm);
        auto moved = inv.moveOwned(vm, vm.owner, VmState::Stopping, VmState::Stopped);
        if (!moved || !*moved)
            return fail(moved ? vmeclone::fail(movedOn(inv, vm, u"marked stopped"_s))
                              : moved.failure());
        report(observer, inv, vm, VmState::Stopped);
        return BatchOutcome{vm.address, vm.name, true, u"stopped"_s};
    };
    return runSettled(vms, u"stopped"_s, VmState::Stopping, job, cancel, observer);
}

} // namespace vmeclone
