// Planning a clone (Engine::plan): which golden, which mode, where each address of the
// range goes (Placement), what is refused and why; and the identity each clone is given.
// Writes nothing.

#include "common/failure_text.h"
#include "engine/engine.h"
#include "engine/engine_failures.h"
#include "net/address_range.h"
#include "vmx/vmx_clone_rewriter.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {
const FailureSentence kEngineNoGoldenYet{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no golden image: add one first")};
const FailureSentence kEngineGoldensAmbiguous{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "there are %1 golden images (%2): choose one")};
const FailureSentence kEngineUnknownCloneMode{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "clone mode '%1' is unknown: use linked, full or instant")};
const FailureSentence kEngineVmwareNoInstant{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the golden %1 is a VMware golden: instant clones need QEMU "
                         "(docs/instant-clones.md says what VMware Workstation lacks)")};
const FailureSentence kEngineVmwareCloneQemuGolden{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "linked clones made by VMware are for VMware goldens; %1 is a QEMU golden")};
const FailureSentence kEngineVmwareCloneLinkedOnly{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "VMware makes linked clones only (vmrun clone ... linked), not %1 ones")};
} // namespace

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
                          engine_failures::kNoGoldenNamed(options.golden));
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
                          engine_failures::kVmwareNoInstantLinked(plan.golden.name));
        plan.mode = u"linked"_s;
        plan.fallback = why;
    }
    HypervisorBackend *backend = backendFor(plan.golden);
    if (!backend)
        return fail(engine_failures::kUnknownBackend(plan.golden.name, plan.golden.backend));
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

} // namespace vmeclone
