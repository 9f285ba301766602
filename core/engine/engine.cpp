#include "engine.h"

#include "common/failure_text.h"
#include "common/logging.h"
#include "common/text_format.h"
#include "engine/batch_support.h"
#include "engine/crash_point.h"
#include "golden/golden_fingerprint.h"
#include "inventory/clone_marker.h"
#include "net/address_range.h"
#include "vmx/vmx_clone_rewriter.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QThread>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace vmeclone {
using namespace batch;

namespace {
const FailureSentence kEngineNoDataFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "no data folder given: the inventory and the cluster secret live there")};
const FailureSentence kEngineCannotCreateDataFolder{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot create the data folder %1")};
const FailureSentence kEngineUnknownBackend{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the golden %1 uses the backend '%2', which this build does not have")};
const FailureSentence kEngineGoldenRunning{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 is running: another process holds the write lock on its disk, which is "
    "changing under any copy. Shut it down from inside the guest (poweroff), or find the "
    "process: fuser -v %2")};
const FailureSentence kEngineGoldenSays{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the golden %1: %2")};
const FailureSentence kEngineGoldenChanged{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 changed since it was added: %2. Clones made now would differ from those "
    "made before (and linked clones of it see the change). If the change is meant, accept "
    "it: vmeclone golden refresh %1")};
const FailureSentence kEngineNoGoldenNamed{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "no golden image named '%1': see 'vmeclone golden list'")};
const FailureSentence kEngineShardWeight{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "shard weight %1 must be a finite number greater than 0")};
const FailureSentence kEngineShardPathComma{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the shard path %1 contains ',', which QEMU's options cannot carry: "
                         "use a folder without commas")};
const FailureSentence kEngineShardPathControl{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the shard path contains control characters: use a plain folder name")};
const FailureSentence kEngineShardNotFolder{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is not a folder: create it first (mkdir -p %1)")};
const FailureSentence kEngineNoGoldenYet{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no golden image: add one first")};
const FailureSentence kEngineGoldensAmbiguous{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "there are %1 golden images (%2): choose one")};
const FailureSentence kEngineUnknownCloneMode{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "clone mode '%1' is unknown: use linked, full or instant")};
const FailureSentence kEngineVmwareNoInstant{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the golden %1 is a VMware golden: instant clones need QEMU "
                         "(docs/instant-clones.md says what VMware Workstation lacks)")};
const FailureSentence kEngineVmwareNoInstantLinked{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 is a VMware golden: instant clones need QEMU (docs/instant-clones.md says "
    "what VMware Workstation lacks); clone it linked")};
const FailureSentence kEngineVmwareCloneQemuGolden{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "linked clones made by VMware are for VMware goldens; %1 is a QEMU golden")};
const FailureSentence kEngineVmwareCloneLinkedOnly{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "VMware makes linked clones only (vmrun clone ... linked), not %1 ones")};
const FailureSentence kEngineCannotDeleteFolder{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot delete %1")};
const FailureSentence kEngineGoldenRemovedSincePlan{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the golden %1 was removed since the plan was made")};
const FailureSentence kEngineNoInstantClone{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no instant clone: %1")};
const FailureSentence kEngineCancelled{QT_TRANSLATE_NOOP("vmeclone::Failure", "cancelled")};
const FailureSentence kEngineCancelledNot{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cancelled: not %1")};
const FailureSentence kEngineGoldenMissing{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "its golden image is missing")};
const FailureSentence kEngineBusyInBatch{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is %2 by another batch: wait for it or cancel it")};
const FailureSentence kEngineNothingDone{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: nothing was done")};
} // namespace

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

// ---- goldens and shards ------------------------------------------------------------

GoldenRules::Context Engine::goldenRulesContext(const EngineConfig &config) {
    return GoldenRules::Context{config.vmware.consoleAddress,
                                config.vmware.consoleAddressPerCommand,
                                config.hostAddresses ? *config.hostAddresses : hostAddresses()};
}

Expected<GoldenRecord> Engine::addGolden(const GoldenSpec &spec) {
    if (auto s = mayWrite(); !s)
        return s.failure();
    auto backendId = GoldenRules::backendFor(spec.path);
    if (!backendId)
        return backendId.failure();
    HypervisorBackend *backend =
        *backendId == u"vmware" ? static_cast<HypervisorBackend *>(m_vmware.get()) : m_qemu.get();
    auto inspection = backend->inspectGolden(QFileInfo(spec.path).absoluteFilePath());
    if (!inspection)
        return inspection.failure();
    const GoldenVerdict verdict =
        GoldenRules::check(spec, backend->id(), *inspection, goldenRulesContext(m_config));
    if (!verdict.ok())
        return verdict.refusals.first();
    GoldenRecord g = verdict.golden;
    g.diskBytes = inspection->allocatedBytes;
    auto fingerprint = GoldenFingerprint::of(inspection->files);
    if (!fingerprint)
        return fingerprint.failure();
    g.fingerprint = fingerprint->toText();
    auto id = m_inventory->addGolden(g);
    if (!id)
        return id.failure();
    g.id = *id;
    logLost(m_inventory->addEvent(
                u"info"_s, {},
                EventText::make(u"golden-added"_s,
                                {g.name, g.path, g.address.toString(), g.subnet.toString()})),
            g.name);
    return g;
}

Status Engine::inspectAgain(const GoldenRecord &golden, GoldenInspection *out) {
    HypervisorBackend *backend = backendFor(golden);
    if (!backend)
        return fail(kEngineUnknownBackend(golden.name, golden.backend));
    auto inspection = backend->inspectGolden(golden.path);
    if (!inspection) {
        if (isImageLockError(inspection.error()))
            return fail(kEngineGoldenRunning(golden.name, QFileInfo(golden.path).absolutePath()));
        return fail(kEngineGoldenSays(golden.name, inspection.error()));
    }
    *out = *inspection;
    return {};
}

Status Engine::verifyGolden(const GoldenRecord &golden) {
    GoldenInspection inspection;
    if (auto s = inspectAgain(golden, &inspection); !s)
        return s;
    auto now = GoldenFingerprint::of(inspection.files);
    if (!now)
        return fail(kEngineGoldenSays(golden.name, now.error()));
    auto accepted = GoldenFingerprint::parse(golden.fingerprint);
    if (!accepted)
        return fail(kEngineGoldenSays(golden.name, accepted.error()));
    if (accepted->files().isEmpty()) {
        // Added before fingerprints existed: what it is now becomes what was accepted.
        if (auto s = m_inventory->setGoldenFingerprint(golden.id, now->toText()); !s)
            return fail(s.error());
        logLost(m_inventory->addEvent(u"info"_s, {},
                                      EventText::make(u"golden-fingerprinted"_s, {golden.name})),
                golden.name);
        return {};
    }
    const QString difference = now->differenceFrom(*accepted);
    if (difference.isEmpty())
        return {};
    return fail(kEngineGoldenChanged(golden.name, difference));
}

Expected<Engine::GoldenRefresh> Engine::refreshGolden(const QString &name) {
    if (auto s = mayWrite(); !s)
        return fail(s.error());
    auto found = m_inventory->goldenByName(name);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(kEngineNoGoldenNamed(name));
    GoldenRecord golden = **found;
    GoldenInspection inspection;
    if (auto s = inspectAgain(golden, &inspection); !s)
        return fail(s.error());
    auto now = GoldenFingerprint::of(inspection.files);
    if (!now)
        return fail(kEngineGoldenSays(golden.name, now.error()));
    GoldenRefresh out;
    auto accepted = GoldenFingerprint::parse(golden.fingerprint);
    if (accepted && !accepted->files().isEmpty())
        out.change = now->differenceFrom(*accepted);
    if (auto s = m_inventory->setGoldenFingerprint(golden.id, now->toText()); !s)
        return fail(s.error());
    auto vms = m_inventory->vms();
    if (!vms)
        return fail(vms.error());
    for (const auto &vm : *vms)
        if (vm.goldenId == golden.id && vm.cloneMode == u"linked"_s)
            out.linkedClones << vm.name;
    golden.fingerprint = now->toText();
    out.golden = golden;
    logLost(m_inventory->addEvent(
                u"info"_s, {},
                out.change.isEmpty()
                    ? EventText::make(u"golden-refreshed-unchanged"_s, {golden.name})
                    : EventText::make(u"golden-refreshed"_s, {golden.name, out.change})),
            golden.name);
    return out;
}

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

// ---- planning ----------------------------------------------------------------------

protocol::KeyValueText Engine::identityFor(const GoldenRecord &golden, const ClonePlanItem &item,
                                           const QString &instance) const {
    HypervisorBackend *backend = const_cast<Engine *>(this)->backendFor(golden);
    protocol::KeyValueText id;
    id.set("version", "1");
    id.set("instance", instance.toStdString());
    id.set("ip", item.address.toString().toStdString());
    id.set("prefix", std::to_string(golden.subnet.prefix()));
    if (golden.gateway.toUInt() != 0)
        id.set("gateway", golden.gateway.toString().toStdString());
    if (!golden.dns.isEmpty())
        id.set("dns", joinAddresses(golden.dns).toStdString());
    id.set("hostname", item.name.toStdString());
    id.set("mac", item.mac.toString().toStdString());
    // Further NICs with a subnet on the golden: the clone's own suffix there, with the MAC
    // the clone's .vmx gives that NIC (VmxCloneRewriter completes the others).
    for (const GoldenNic &nic : golden.nics) {
        const auto mac =
            VmxCloneRewriter::macForNic(item.address, golden.subnet.prefix(), nic.slot);
        if (!mac) // the rules refused such a golden when it was added
            continue;
        id.set(u"nic%1"_s.arg(nic.slot).toStdString(),
               u"%1,%2/%3"_s
                   .arg(mac->toString(),
                        nic.addressFor(golden.subnet.suffixOf(item.address)).toString())
                   .arg(nic.subnet.prefix())
                   .toStdString());
    }
    if (backend)
        id.set("console", backend->consoleAddressFor(golden).toString().toStdString());
    id.set("port", std::to_string(m_config.listenerPort));
    id.set("heartbeat", std::to_string(m_config.heartbeatSeconds));
    id.set("key", m_secret->keyHexFor(item.address, instance).toStdString());
    return id;
}

Expected<ClonePlan> Engine::plan(const CloneOptions &options, QStringView range) {
    auto goldens = m_inventory->goldens();
    if (!goldens)
        return fail(goldens.error());
    ClonePlan plan;
    if (options.golden.isEmpty()) {
        if (goldens->isEmpty())
            return refuse(Problem::Empty, Field::Golden, {}, kEngineNoGoldenYet());
        if (goldens->size() > 1) {
            QStringList names;
            for (const auto &g : *goldens)
                names << g.name;
            return refuse(Problem::Ambiguous, Field::Golden, {},
                          kEngineGoldensAmbiguous(goldens->size(), names.join(u", "_s)));
        }
        plan.golden = goldens->first();
    } else {
        auto it = std::find_if(goldens->begin(), goldens->end(),
                               [&](const auto &g) { return g.name == options.golden; });
        if (it == goldens->end())
            return refuse(Problem::NotFound, Field::Golden, options.golden,
                          kEngineNoGoldenNamed(options.golden));
        plan.golden = *it;
    }
    if (options.mode != u"linked" && options.mode != u"full" && options.mode != u"instant")
        return refuse(Problem::Unknown, Field::CloneMode, options.mode,
                      kEngineUnknownCloneMode(options.mode));
    plan.mode = options.mode;
    if (plan.mode == u"instant" && plan.golden.backend != m_qemu->id()) {
        const QString why = kEngineVmwareNoInstant(plan.golden.name);
        if (!options.instantFallback)
            return refuse(Problem::Unknown, Field::CloneMode, options.mode,
                          kEngineVmwareNoInstantLinked(plan.golden.name));
        plan.mode = u"linked"_s;
        plan.fallback = why;
    }
    HypervisorBackend *backend = backendFor(plan.golden);
    if (!backend)
        return fail(kEngineUnknownBackend(plan.golden.name, plan.golden.backend));
    if (options.vmwareClone) {
        // Said before anything is reserved: every clone of the batch would fail alike.
        if (backend != m_vmware.get())
            return refuse(Problem::UnknownFormat, Field::VmwareClone, {},
                          kEngineVmwareCloneQemuGolden(plan.golden.name));
        if (plan.mode != u"linked")
            return refuse(Problem::Unknown, Field::VmwareClone, {},
                          kEngineVmwareCloneLinkedOnly(plan.mode));
        if (auto source = m_vmware->vmrunCloneSource(plan.golden); !source)
            return refuse(Problem::Missing, Field::VmwareClone, {}, source.error());
    }

    auto taken = m_inventory->takenAddresses();
    if (!taken)
        return fail(taken.error());
    const auto reserved = backend->reservedAddresses(plan.golden);
    for (auto it = reserved.begin(); it != reserved.end(); ++it)
        taken->insert(it.key(), it.value());
    auto check = AddressRange::check(range, plan.golden.subnet, *taken);
    if (!check)
        return refuse(Problem::InvalidRange, Field::Range, range.toString(), check.error());
    plan.refused = check->refused;
    if (auto verified = verifyGolden(plan.golden); !verified)
        return fail(verified.error());

    auto shards = m_inventory->shards();
    if (!shards)
        return fail(shards.error());
    plan.shards = ShardProbe::probe(*shards);
    plan.bytesPerVm = backend->bytesNeeded(plan.golden, plan.mode);
    QList<PlacementItem> items;
    items.reserve(check->accepted.size());
    for (const auto &a : check->accepted)
        items.append(PlacementItem{a, plan.bytesPerVm});
    // Free space moves a little with every write on the drive; rounded down (to 256 MiB,
    // or a 16th of what is free on a small shard) it gives the same placement to a plan
    // and the clone that follows it. Messages show the space as measured.
    QList<ShardStatus> quantized = plan.shards;
    for (auto &s : quantized) {
        qint64 grain = qint64(1) << 28;
        while (grain > 4096 && grain > s.bytesFree / 16)
            grain >>= 1;
        s.bytesFreeMeasured = s.bytesFree;
        s.bytesFree &= ~(grain - 1);
    }
    const PlacementResult placed = Placer(m_config.placement).place(quantized, items);
    plan.shardUse = placed.perShard;
    plan.refused += placed.unplaced;
    QHash<qint64, Shard> shardById;
    for (const auto &s : plan.shards)
        shardById.insert(s.shard.id, s.shard);
    // What the reservation would refuse besides the address: the same name or MAC held
    // by a VM of another golden's subnet (MACs carry the address's low 22 bits), or a
    // folder already on the shard (another data folder's clone). Refused here with the
    // reservation's words, so plan and clone agree.
    auto vms = m_inventory->vms();
    if (!vms)
        return fail(vms.error());
    QHash<QString, QString> holderOfName;
    QHash<QString, QString> holderOfMac;
    for (const auto &vm : *vms) {
        holderOfName.insert(vm.name, vm.name);
        holderOfMac.insert(vm.mac.toString(), vm.name);
    }
    for (const auto &p : placed.placed) {
        ClonePlanItem item;
        item.address = p.address;
        item.name =
            plan.golden.namePrefix + QString::number(plan.golden.subnet.suffixOf(p.address));
        item.mac = MacAddress::forIpv4(p.address);
        item.shard = shardById.value(p.shardId);
        item.folder = QDir(item.shard.path).filePath(item.name);
        // Defence in depth: a clone's folder is always a direct child of its shard.
        if (QDir::cleanPath(QFileInfo(item.folder).absolutePath())
                != QDir::cleanPath(item.shard.path)
            || item.name.contains(u'/') || item.name.contains(u'\\')
            || item.name.startsWith(u'.')) {
            plan.refused.append(
                RefusedAddress{p.address, RefusalKind::OutsideShard,
                               AddressRange::tr("the name %1 would leave the shard %2")
                                   .arg(item.name, item.shard.path)});
            continue;
        }
        if (holderOfName.contains(item.name)) {
            plan.refused.append(
                {p.address, RefusalKind::NameInUse,
                 AddressRange::tr("unavailable: the name %1 is in use").arg(item.name)});
            continue;
        }
        if (const QString holder = holderOfMac.value(item.mac.toString()); !holder.isEmpty()) {
            plan.refused.append({p.address, RefusalKind::MacInUse,
                                 AddressRange::tr("unavailable: its MAC %1 is in use by %2")
                                     .arg(item.mac.toString(), holder)});
            continue;
        }
        if (QFileInfo::exists(item.folder)) {
            plan.refused.append(
                {p.address, RefusalKind::FolderExists,
                 AddressRange::tr("unavailable: the folder %1 exists already (another data "
                                  "folder's clone, or not vmeclone's): choose another shard or "
                                  "remove it")
                     .arg(item.folder)});
            continue;
        }
        plan.items.append(item);
    }
    std::sort(plan.refused.begin(), plan.refused.end(),
              [](const auto &a, const auto &b) { return a.address < b.address; });
    RangeCheck summary;
    summary.refused = plan.refused;
    plan.refusalSummary = summary.refusalSummary(plan.golden.subnet);
    return plan;
}

// ---- owners and recovery -----------------------------------------------------------

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

Expected<QList<Engine::Recovery>> Engine::recover(RecoveryMode mode) {
    if (mode == RecoveryMode::Repair)
        if (auto s = mayWrite(); !s)
            return fail(s.error());
    auto vms = m_inventory->vms();
    if (!vms)
        return fail(vms.error());
    auto goldens = m_inventory->goldens();
    if (!goldens)
        return fail(goldens.error());
    QHash<qint64, GoldenRecord> goldenById;
    for (const auto &g : *goldens)
        goldenById.insert(g.id, g);

    QList<Recovery> done;
    QSet<QString> deadOwners;
    for (const auto &vm : *vms) {
        const bool inFlight = vm.state == VmState::Planned || vm.state == VmState::Copying
                              || vm.state == VmState::Starting || vm.state == VmState::Stopping
                              || vm.state == VmState::Releasing;
        if (!inFlight || !BatchOwner::isAbandoned(m_config.home, vm.owner))
            continue;
        // Read again after the owner was found gone: a batch that finished the VM and
        // exited since the rows were read also removed its lock. Only a row still in
        // flight under that owner now was left by a process that died.
        if (auto again = m_inventory->vm(vm.id);
            !again || !again->has_value() || (*again)->state != vm.state
            || (*again)->owner != vm.owner || (*again)->instance != vm.instance)
            continue;
        if (mode == RecoveryMode::ReportOnly) {
            done.append(Recovery{vm.name, vm.address, u"needs recovery"_s,
                                 u"interrupted while %1; the next command that changes "
                                 u"something settles it"_s.arg(vmStateName(vm.state))});
            continue;
        }
        auto token = ownerToken();
        if (!token)
            return fail(token.error());
        auto claimed = m_inventory->claim(vm, *token);
        if (!claimed)
            return fail(claimed.error());
        if (!*claimed)
            continue; // another process recovers it, or it moved on since it was read
        deadOwners.insert(vm.owner);
        HypervisorBackend *backend = backendFor(goldenById.value(vm.goldenId));
        Recovery r{vm.name, vm.address, {}, {}};
        const QString was = vmStateName(vm.state);
        auto removeEverything = [&]() -> Status {
            if (backend) {
                if (auto s = backend->stop(vm, m_config.stopGrace); !s)
                    return s;
            }
            // A half-made clone may lack the files deleteClone looks for: the folder is
            // ours because the row names it, and only its own folder is removed.
            if (QDir(vm.folder).exists() && !QDir(vm.folder).removeRecursively())
                return fail(kEngineCannotDeleteFolder(vm.folder));
            return m_inventory->removeVm(vm.id);
        };
        switch (vm.state) {
        case VmState::Planned:
        case VmState::Copying:
        case VmState::Releasing: {
            if (auto s = removeEverything(); !s) {
                logLost(m_inventory->setState(vm.id, VmState::Failed,
                                              EventText::recoveryFailed(s.error())),
                        vm);
                r.action = u"failed"_s;
                r.detail = s.error();
            } else {
                r.action = vm.state == VmState::Releasing ? u"released"_s : u"rolled back"_s;
                r.detail = u"interrupted while %1: files and row removed, address free"_s.arg(was);
            }
            break;
        }
        case VmState::Starting:
            recoverStarting(vm, backend, r); // engine_recover.cpp
            break;
        case VmState::Stopping: {
            Status s = backend ? backend->stop(vm, m_config.stopGrace) : Status();
            logLost(m_inventory->setState(vm.id, s ? VmState::Stopped : VmState::Failed,
                                          s ? QString() : s.error()),
                    vm);
            r.action = s ? u"marked stopped"_s : u"failed"_s;
            r.detail = s ? u"interrupted while stopping; stopped"_s : s.error();
            break;
        }
        default:
            break;
        }
        logLost(m_inventory->setOwner(vm.id, QString()), vm);
        logLost(m_inventory->addEvent(r.action == u"failed" ? u"error"_s : u"warning"_s, vm.name,
                                      EventText::make(u"recovered"_s, {r.action, r.detail})),
                vm);
        log::echo()->warn("recovered {}: {} ({})", vm.name, r.action, r.detail);
        done.append(r);
    }
    for (const auto &owner : deadOwners)
        BatchOwner::forget(m_config.home, owner);

    recoverTemplates(mode, &done);

    // Clone folders nobody owns: only folders whose mark names this data folder and an
    // instance no row holds. A shard may be shared with other data folders: their
    // folders carry their own id and are never touched; unmarked or old-style marks are
    // reported, not removed. The rows are read after the folders are listed: a batch
    // inserts a VM's row before it makes the folder, so a folder listed here whose row
    // another process is making right now is still found in the rows, and is left alone.
    auto shards = m_inventory->shards();
    if (!shards)
        return done;
    struct Candidate {
        QString folder;
        CloneMarker marker;
    };
    QList<Candidate> candidates;
    for (const auto &shard : *shards) {
        for (const auto &entry :
             QDir(shard.path).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString folder = QDir::cleanPath(entry.absoluteFilePath());
            if (auto marker = CloneMarker::readFrom(folder))
                candidates.append(Candidate{folder, *marker});
        }
    }
    if (candidates.isEmpty())
        return done;
    auto current = m_inventory->vms();
    if (!current)
        return fail(current.error());
    QSet<QString> ownedFolders, ownedInstances;
    for (const auto &vm : *current) {
        ownedFolders.insert(QDir::cleanPath(vm.folder));
        ownedInstances.insert(vm.instance);
    }
    const QString self = m_inventory->dataFolderId();
    for (const auto &c : std::as_const(candidates)) {
        if (ownedFolders.contains(c.folder) || c.marker.dataFolderId != self
            || ownedInstances.contains(c.marker.instance))
            continue;
        const QString name = QFileInfo(c.folder).fileName();
        // Read again just before acting: a release may have removed the folder since it
        // was listed, or a clone re-made it (with another instance, whose row exists).
        const auto again = CloneMarker::readFrom(c.folder);
        if (!again || again->instance != c.marker.instance || again->dataFolderId != self)
            continue;
        if (auto held = m_inventory->hasInstance(c.marker.instance); !held || *held)
            continue;
        if (mode == RecoveryMode::ReportOnly) {
            done.append(Recovery{
                name,
                {},
                u"orphan folder"_s,
                u"%1 is a clone folder of this data folder with no inventory "
                u"row; the next command that changes something removes it"_s.arg(c.folder)});
            continue;
        }
        if (!QDir(c.folder).exists() || !QDir(c.folder).removeRecursively())
            continue;
        done.append(Recovery{name, {}, u"removed orphan folder"_s, c.folder});
        logLost(m_inventory->addEvent(u"warning"_s, name,
                                      EventText::make(u"orphan-removed"_s, {c.folder})),
                name);
    }
    return done;
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
            return failWith(fail(kEngineCancelled()), true);
        // Waits in "planned" while another copy uses the drive.
        DeviceStreams::Ticket stream = m_streams.acquire(
            deviceOfShard.value(itemByAddress.value(vm.address).shard.id), cancel);
        if (cancel && cancel->load())
            return failWith(fail(kEngineCancelled()), true);
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
            return failure(kEngineCancelledNot(step));
        const GoldenRecord golden = jobs.goldenById.value(vm.goldenId);
        HypervisorBackend *backend = backendFor(golden);
        if (!backend)
            return failure(kEngineGoldenMissing());
        if (!kSettled.contains(vm.state))
            return failure(kEngineBusyInBatch(vm.name, vmStateName(vm.state)));
        auto taken = inv.take(vm, kSettled, next, jobs.token);
        if (!taken)
            return failure(kEngineNothingDone(taken.error()));
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
