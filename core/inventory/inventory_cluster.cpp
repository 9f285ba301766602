// The head's part of the inventory: the hosts it reaches over SSH and its ledger of the
// VMs it placed on them (docs/cluster.md).

#include "common/failure_text.h"
#include "inventory.h"
#include "inventory_connection.h"

#include <cmath>

namespace vmeclone {
namespace {

const FailureSentence kInventoryClusterBadWeight{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "host weight %1 must be a finite number greater than 0")};
const FailureSentence kInventoryClusterHostExists{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "a host named '%1' exists already: see 'vmeclone host list'")};
const FailureSentence kInventoryClusterCannotAddHost{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot add the host '%1': %2")};
const FailureSentence kInventoryClusterCannotCount{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "inventory: cannot count the host's VMs")};
const FailureSentence kInventoryClusterHostInUse{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 VMs live on the host '%2': release them first")};
const FailureSentence kInventoryClusterNoSuchHost{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no host named '%1': see 'vmeclone host list'")};
const FailureSentence kInventoryClusterCannotReserve{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "inventory: cannot reserve the cluster's addresses: %1")};

} // namespace

// ---- hosts ---------------------------------------------------------------------

namespace {
const QString kHostColumns =
    u"id, name, destination, port, remote_home, remote_command, weight, added_at"_s;

HostRecord hostFromQuery(const QSqlQuery &q) {
    HostRecord h;
    h.id = q.value(0).toLongLong();
    h.name = q.value(1).toString();
    h.destination = q.value(2).toString();
    h.port = q.value(3).toInt();
    h.remoteHome = q.value(4).toString();
    h.remoteCommand = q.value(5).toString();
    h.weight = q.value(6).toDouble();
    h.addedAt = fromMs(q.value(7).toLongLong());
    return h;
}
} // namespace

Expected<qint64> Inventory::addHost(const HostRecord &h) {
    if (!std::isfinite(h.weight) || !(h.weight > 0))
        return fail(kInventoryClusterBadWeight(h.weight));
    // The unique name decides between two processes adding the same host at once; this
    // read only words the usual case.
    auto existing = m_db->exec(u"SELECT name FROM hosts WHERE name = ?"_s, {h.name});
    if (!existing)
        return fail(existing.error());
    if (existing->next())
        return fail(kInventoryClusterHostExists(existing->value(0).toString()));
    auto q = m_db->exec(
        u"INSERT INTO hosts(name, destination, port, remote_home, remote_command, "
        u"weight, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {h.name, h.destination, h.port, h.remoteHome, h.remoteCommand, h.weight, nowMs()});
    if (!q)
        return fail(kInventoryClusterCannotAddHost(h.name, q.error()));
    return q->lastInsertId().toLongLong();
}

Expected<QList<HostRecord>> Inventory::hosts() const {
    auto q = m_db->exec(u"SELECT "_s + kHostColumns + u" FROM hosts ORDER BY name"_s);
    if (!q)
        return fail(q.error());
    QList<HostRecord> out;
    while (q->next())
        out.append(hostFromQuery(*q));
    return out;
}

Expected<std::optional<HostRecord>> Inventory::hostByName(const QString &name) const {
    auto q = m_db->exec(u"SELECT "_s + kHostColumns + u" FROM hosts WHERE name = ?"_s, {name});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<HostRecord>();
    return std::optional<HostRecord>(hostFromQuery(*q));
}

Expected<int> Inventory::vmsOnHost(const QString &name) const {
    auto q = m_db->exec(u"SELECT count(*) FROM cluster_vms WHERE host = ?"_s, {name});
    if (!q || !q->next())
        return fail(q ? kInventoryClusterCannotCount() : q.error());
    return q->value(0).toInt();
}

Status Inventory::removeHost(const QString &name) {
    auto held = vmsOnHost(name);
    if (!held)
        return fail(held.error());
    if (*held > 0)
        return fail(kInventoryClusterHostInUse(*held, name));
    auto q = m_db->exec(u"DELETE FROM hosts WHERE name = ?"_s, {name});
    if (!q)
        return fail(q.error());
    if (q->numRowsAffected() != 1)
        return fail(kInventoryClusterNoSuchHost(name));
    return {};
}

// ---- the head's ledger -------------------------------------------------------------

namespace {
const QString kClusterColumns =
    u"address, mac, name, host, golden, plan, state, reason, updated_at"_s;

ClusterVm clusterVmFromQuery(const QSqlQuery &q) {
    ClusterVm vm;
    vm.address = Ipv4Address(q.value(0).toUInt());
    vm.mac = MacAddress::parse(q.value(1).toString()).value_or(MacAddress());
    vm.name = q.value(2).toString();
    vm.host = q.value(3).toString();
    vm.golden = q.value(4).toString();
    vm.plan = q.value(5).toString();
    vm.state = q.value(6).toString();
    vm.reason = q.value(7).toString();
    vm.updatedAt = fromMs(q.value(8).toLongLong());
    return vm;
}
} // namespace

Expected<Inventory::ClusterReservation> Inventory::reserveCluster(const QList<ClusterVm> &vms) {
    if (!m_readOnlyReason.isEmpty())
        return fail(m_readOnlyReason);
    ClusterReservation result;
    if (auto s = m_db->begin(); !s)
        return fail(s.error());
    const qint64 now = nowMs();
    auto abort = [&](const QString &why) {
        m_db->rollback();
        return Error(kInventoryClusterCannotReserve(why));
    };
    for (const ClusterVm &vm : vms) {
        auto held = m_db->exec(u"SELECT "_s + kClusterColumns
                                   + u" FROM cluster_vms WHERE address = ? OR mac = ?"_s,
                               {vm.address.toUInt(), vm.mac.toString()});
        if (!held)
            return abort(held.error());
        std::optional<ClusterVm> holder;
        if (held->next())
            holder = clusterVmFromQuery(*held);
        held->finish();
        if (holder && holder->address == vm.address && holder->golden == vm.golden) {
            result.resumed.append(*holder);
            continue;
        }
        if (holder && holder->address == vm.address) {
            result.refused.append({vm.address, RefusalKind::InUse,
                                   AddressRange::tr("in use by %1 on host %2 (golden %3)")
                                       .arg(holder->name, holder->host, holder->golden)});
            continue;
        }
        if (holder) {
            result.refused.append(
                {vm.address, RefusalKind::MacInUse,
                 AddressRange::tr("unavailable: its MAC %1 is in use by %2 on host %3")
                     .arg(vm.mac.toString(), holder->name, holder->host)});
            continue;
        }
        // A VM of this machine made without the head (vmeclone clone here) holds its
        // address as much as one in the ledger.
        auto local = m_db->exec(u"SELECT name FROM vms WHERE address = ? OR mac = ?"_s,
                                {vm.address.toUInt(), vm.mac.toString()});
        if (!local)
            return abort(local.error());
        if (local->next()) {
            result.refused.append(
                {vm.address, RefusalKind::InUse,
                 AddressRange::tr("in use by %1 on this machine").arg(local->value(0).toString())});
            continue;
        }
        local->finish();
        ClusterVm taken = vm;
        taken.state = u"planned"_s;
        taken.updatedAt = fromMs(now);
        auto ins = m_db->exec(u"INSERT INTO cluster_vms("_s + kClusterColumns
                                  + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                              {vm.address.toUInt(), vm.mac.toString(), vm.name, vm.host, vm.golden,
                               vm.plan, taken.state, QString(), now});
        if (!ins)
            return abort(ins.error());
        result.taken.append(taken);
    }
    if (auto s = m_db->commit(); !s)
        return abort(s.error());
    return result;
}

Expected<QList<ClusterVm>> Inventory::clusterVms() const {
    auto q = m_db->exec(u"SELECT "_s + kClusterColumns + u" FROM cluster_vms ORDER BY address"_s);
    if (!q)
        return fail(q.error());
    QList<ClusterVm> out;
    while (q->next())
        out.append(clusterVmFromQuery(*q));
    return out;
}

Status Inventory::setClusterState(Ipv4Address address, const QString &plan, const QString &state,
                                  const QString &reason) {
    if (!m_readOnlyReason.isEmpty())
        return fail(m_readOnlyReason);
    auto q = m_db->exec(u"UPDATE cluster_vms SET state = ?, reason = ?, updated_at = ? "
                        u"WHERE address = ? AND plan = ?"_s,
                        {state, reason, nowMs(), address.toUInt(), plan});
    if (!q)
        return fail(q.error());
    return {};
}

Status Inventory::removeClusterVm(Ipv4Address address, const QString &host) {
    if (!m_readOnlyReason.isEmpty())
        return fail(m_readOnlyReason);
    auto q = m_db->exec(u"DELETE FROM cluster_vms WHERE address = ? AND host = ?"_s,
                        {address.toUInt(), host});
    if (!q)
        return fail(q.error());
    return {};
}

} // namespace vmeclone
