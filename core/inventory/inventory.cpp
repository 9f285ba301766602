// The VMs of the inventory: reserving them, their states and the moves between them, and
// the events. Opening and the schema are in inventory_open.cpp, goldens in inventory_goldens.cpp.

#include "inventory.h"

#include "common/failure_text.h"
#include "inventory_connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kInventoryCannotReserve{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot reserve %1: %2")};
const FailureSentence kInventoryNoVmWithId{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no VM with id %1 in the inventory")};
const FailureSentence kInventoryCannotWriteState{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot write %1's state to the inventory: %2")};
const FailureSentence kInventoryCannotRemoveVm{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot remove %1 from the inventory: %2")};

// An address a VM of this data folder has.
RefusedAddress inUseBy(Ipv4Address address, const QString &holder) {
    return {address, RefusalKind::InUse, AddressRange::tr("in use by %1").arg(holder),
            AddressRange::tr("in use"), holder};
}

qint64 toMs(const QDateTime &t) {
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

VmRecord vmFromQuery(const QSqlQuery &q) {
    VmRecord r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.address = Ipv4Address(q.value(2).toUInt());
    r.mac = MacAddress::parse(q.value(3).toString()).value_or(MacAddress());
    r.goldenId = q.value(4).toLongLong();
    r.shardId = q.value(5).toLongLong();
    r.folder = q.value(6).toString();
    r.cloneMode = q.value(7).toString();
    r.instance = q.value(8).toString();
    r.state = vmStateFromName(q.value(9).toString()).value_or(VmState::Failed);
    r.progress = q.value(10).toInt();
    r.reason = q.value(11).toString();
    r.bootId = q.value(12).toString();
    r.lastSequence = q.value(13).toLongLong();
    r.boots = q.value(14).toInt();
    r.uptimeSeconds = q.value(15).toLongLong();
    r.pid = q.value(16).toLongLong();
    r.createdAt = fromMs(q.value(17).toLongLong());
    r.stateChangedAt = fromMs(q.value(18).toLongLong());
    r.lastSeen = fromMs(q.value(19).toLongLong());
    r.onlineAt = fromMs(q.value(20).toLongLong());
    r.owner = q.value(21).toString();
    r.keyScheme = q.value(22).toInt();
    r.changeSeq = q.value(23).toLongLong();
    return r;
}

} // namespace

Inventory::~Inventory() = default;

// ---- VMs -----------------------------------------------------------------------

Expected<Inventory::Reservation> Inventory::reserve(const QList<VmRecord> &vms) {
    Reservation result;
    if (auto s = m_db->begin(); !s)
        return fail(s.error());
    const qint64 now = nowMs();
    for (const auto &vm : vms) {
        auto clash = m_db->firstRow(u"SELECT name, address, mac, folder FROM vms "
                                    u"WHERE address = ? OR mac = ? OR name = ? OR folder = ?"_s,
                                    {vm.address.toUInt(), vm.mac.toString(), vm.name, vm.folder});
        if (!clash) {
            m_db->rollback();
            return fail(clash.error());
        }
        if (!clash->isEmpty()) {
            const QString holder = clash->at(0).toString();
            RefusedAddress refused{vm.address, RefusalKind::InUse, {}};
            if (clash->at(1).toUInt() == vm.address.toUInt())
                refused = inUseBy(vm.address, holder);
            else if (clash->at(2).toString() == vm.mac.toString())
                refused = {vm.address, RefusalKind::MacInUse,
                           AddressRange::tr("unavailable: its MAC %1 is in use by %2")
                               .arg(vm.mac.toString(), holder)};
            else if (holder == vm.name)
                refused = {vm.address, RefusalKind::NameInUse,
                           AddressRange::tr("unavailable: the name %1 is in use").arg(vm.name)};
            else
                refused = {
                    vm.address, RefusalKind::FolderInUse,
                    AddressRange::tr("the folder %1 is in use by %2").arg(vm.folder, holder)};
            result.refused.append(refused);
            continue;
        }
        auto golden =
            m_db->firstRow(u"SELECT name FROM goldens WHERE address = ?"_s, {vm.address.toUInt()});
        if (golden && !golden->isEmpty()) {
            result.refused.append(
                RefusedAddress{vm.address, RefusalKind::GoldenAddress,
                               AddressRange::tr("the golden image %1's own address")
                                   .arg(golden->at(0).toString())});
            continue;
        }
        auto ins = m_db->insertRow(
            u"INSERT INTO vms(name, address, mac, golden_id, shard_id, folder, "
            u"clone_mode, instance, "
            u"state, progress, reason, created_at, state_changed_at, owner) "
            u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?, ?, ?)"_s,
            {vm.name, vm.address.toUInt(), vm.mac.toString(), vm.goldenId, vm.shardId, vm.folder,
             vm.cloneMode, vm.instance, vmStateName(VmState::Planned), now, now, vm.owner});
        if (!ins) {
            m_db->rollback();
            return fail(kInventoryCannotReserve(vm.address.toString(), ins.error()));
        }
        VmRecord taken = vm;
        taken.id = *ins;
        taken.state = VmState::Planned;
        taken.createdAt = taken.stateChangedAt = fromMs(now);
        result.taken.append(taken);
    }
    if (auto s = m_db->commit(); !s) {
        m_db->rollback();
        return fail(s.error());
    }
    return result;
}

Expected<QList<VmRecord>> Inventory::vms() const {
    auto q = m_db->exec(u"SELECT "_s + kVmColumns + u" FROM vms ORDER BY address"_s);
    if (!q)
        return fail(q.error());
    QList<VmRecord> out;
    while (q->next())
        out.append(vmFromQuery(*q));
    return out;
}

Expected<Inventory::VmsAt> Inventory::vmsAt() const {
    // One read transaction: in WAL mode it sees one commit, rows and counter alike.
    if (auto s = m_db->run(u"BEGIN"_s); !s)
        return fail(s.error());
    VmsAt out;
    auto rows = vms();
    auto seq = rows ? changeSequence() : Expected<qint64>(0);
    if (auto s = m_db->run(u"COMMIT"_s); !s) {
        m_db->rollback();
        return fail(s.error());
    }
    if (!rows)
        return fail(rows.error());
    if (!seq)
        return fail(seq.error());
    out.vms = std::move(*rows);
    out.seq = *seq;
    return out;
}

Expected<qint64> Inventory::changeSequence() const {
    auto q = m_db->exec(u"SELECT seq FROM changes WHERE id = 1"_s);
    if (!q)
        return fail(q.error());
    return q->next() ? q->value(0).toLongLong() : 0;
}

Expected<std::optional<Inventory::Stamp>> Inventory::stamp(qint64 vmId) const {
    auto q = m_db->exec(u"SELECT state, change_seq FROM vms WHERE id = ?"_s, {vmId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<Stamp>();
    return std::optional<Stamp>(
        Stamp{vmStateFromName(q->value(0).toString()).value_or(VmState::Failed),
              q->value(1).toLongLong()});
}

Expected<std::optional<VmRecord>> Inventory::vmByAddress(Ipv4Address address) const {
    auto q = m_db->exec(u"SELECT "_s + kVmColumns + u" FROM vms WHERE address = ?"_s,
                        {address.toUInt()});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<VmRecord>();
    return std::optional<VmRecord>(vmFromQuery(*q));
}

Expected<std::optional<VmRecord>> Inventory::vm(qint64 id) const {
    auto q = m_db->exec(u"SELECT "_s + kVmColumns + u" FROM vms WHERE id = ?"_s, {id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<VmRecord>();
    return std::optional<VmRecord>(vmFromQuery(*q));
}

Expected<TakenAddresses> Inventory::takenAddresses() const {
    TakenAddresses taken;
    auto g = m_db->exec(u"SELECT address, name FROM goldens"_s);
    if (!g)
        return fail(g.error());
    while (g->next()) {
        const Ipv4Address a(g->value(0).toUInt());
        taken.insert(
            a, {a, RefusalKind::GoldenAddress,
                AddressRange::tr("the golden image %1's own address").arg(g->value(1).toString())});
    }
    auto v = m_db->exec(u"SELECT address, name FROM vms"_s);
    if (!v)
        return fail(v.error());
    while (v->next()) {
        const Ipv4Address a(v->value(0).toUInt());
        taken.insert(a, inUseBy(a, v->value(1).toString()));
    }
    // As a head, the addresses its ledger placed on other hosts (docs/cluster.md).
    auto c = m_db->exec(u"SELECT address, name, host FROM cluster_vms WHERE host <> 'local'"_s);
    if (!c)
        return fail(c.error());
    while (c->next()) {
        const Ipv4Address a(c->value(0).toUInt());
        taken.insert(a, {a, RefusalKind::InUse,
                         AddressRange::tr("in use by %1 on host %2")
                             .arg(c->value(1).toString(), c->value(2).toString())});
    }
    return taken;
}

Status Inventory::setState(qint64 vmId, VmState state, const QString &reason, int progress) {
    auto q = m_db->exec(
        u"UPDATE vms SET state = ?, reason = ?, progress = ?, state_changed_at = ? WHERE id = ?"_s,
        {vmStateName(state), reason, progress, nowMs(), vmId});
    if (!q)
        return fail(q.error());
    if (q->numRowsAffected() != 1)
        return fail(kInventoryNoVmWithId(vmId));
    return {};
}

Expected<bool> Inventory::transition(qint64 vmId, VmState expected, VmState next,
                                     const QString &reason) {
    auto q = m_db->exec(u"UPDATE vms SET state = ?, reason = ?, progress = 0, state_changed_at = ? "
                        u"WHERE id = ? AND state = ?"_s,
                        {vmStateName(next), reason, nowMs(), vmId, vmStateName(expected)});
    if (!q)
        return fail(q.error());
    return q->numRowsAffected() == 1;
}

Expected<bool> Inventory::take(const VmRecord &vm, const QList<VmState> &from, VmState next,
                               const QString &owner, const QString &reason) {
    QString states;
    QVariantList values{vmStateName(next), reason, owner, nowMs(), vm.id, vm.instance};
    for (const VmState state : from) {
        states += states.isEmpty() ? u"?"_s : u", ?"_s;
        values << vmStateName(state);
    }
    auto rows = m_db->writeRows(
        u"UPDATE vms SET state = ?, reason = ?, progress = 0, owner = ?, state_changed_at = ? "
        u"WHERE id = ? AND instance = ? AND state IN ("_s
            + states + u")"_s,
        values);
    if (!rows)
        return fail(kInventoryCannotWriteState(vm.name, rows.error()));
    return *rows == 1;
}

Expected<bool> Inventory::moveOwned(const VmRecord &vm, const QString &owner, VmState expected,
                                    VmState next, const QString &reason) {
    auto rows = m_db->writeRows(
        u"UPDATE vms SET state = ?, reason = ?, progress = 0, state_changed_at = ? "
        u"WHERE id = ? AND instance = ? AND state = ? AND owner = ?"_s,
        {vmStateName(next), reason, nowMs(), vm.id, vm.instance, vmStateName(expected), owner});
    if (!rows)
        return fail(kInventoryCannotWriteState(vm.name, rows.error()));
    return *rows == 1;
}

Expected<bool> Inventory::removeOwned(const VmRecord &vm, const QString &owner) {
    auto rows = m_db->writeRows(u"DELETE FROM vms WHERE id = ? AND instance = ? AND owner = ?"_s,
                                {vm.id, vm.instance, owner});
    if (!rows)
        return fail(kInventoryCannotRemoveVm(vm.name, rows.error()));
    return *rows == 1;
}

Expected<bool> Inventory::holds(const VmRecord &vm, const QString &owner) const {
    auto row = m_db->firstRow(u"SELECT 1 FROM vms WHERE id = ? AND instance = ? AND owner = ?"_s,
                              {vm.id, vm.instance, owner});
    if (!row)
        return fail(row.error());
    return !row->isEmpty();
}

Status Inventory::setOwner(qint64 vmId, const QString &owner) {
    if (auto q = m_db->exec(u"UPDATE vms SET owner = ? WHERE id = ?"_s, {owner, vmId}); !q)
        return fail(q.error());
    return {};
}

Expected<bool> Inventory::claim(const VmRecord &vm, const QString &newOwner) {
    // The row as it was read: its owner, its instance and its state. A VM its batch
    // finished (or another actor moved) since is not claimed.
    auto q = m_db->exec(
        u"UPDATE vms SET owner = ? WHERE id = ? AND owner = ? AND instance = ? AND state = ?"_s,
        {newOwner, vm.id, vm.owner, vm.instance, vmStateName(vm.state)});
    if (!q)
        return fail(q.error());
    return q->numRowsAffected() == 1;
}

Expected<bool> Inventory::hasInstance(const QString &instance) const {
    auto q = m_db->exec(u"SELECT 1 FROM vms WHERE instance = ?"_s, {instance});
    if (!q)
        return fail(q.error());
    return q->next();
}

Status Inventory::setPid(qint64 vmId, qint64 pid) {
    if (auto q = m_db->exec(u"UPDATE vms SET pid = ? WHERE id = ?"_s, {pid, vmId}); !q)
        return fail(q.error());
    return {};
}

Status Inventory::setProgress(qint64 vmId, int percent) {
    if (auto q = m_db->exec(u"UPDATE vms SET progress = ? WHERE id = ?"_s, {percent, vmId}); !q)
        return fail(q.error());
    return {};
}

Status Inventory::apply(QList<VmUpdate> &updates) {
    if (updates.isEmpty())
        return {};
    if (auto s = m_db->begin(); !s)
        return s;
    QSqlQuery seen(m_db->db);
    seen.prepare(
        u"UPDATE vms SET boot_id = ?, last_sequence = ?, boots = ?, uptime = ?, last_seen = ? "
        u"WHERE id = ?"_s);
    QSqlQuery state(m_db->db);
    // Announcements move only VMs whose guest may speak: a VM that an operator is
    // stopping or releasing (perhaps from another process) is not dragged back.
    state.prepare(u"UPDATE vms SET state = ?, reason = ?, progress = 0, state_changed_at = ?, "
                  u"online_at = CASE WHEN ? THEN ? ELSE online_at END WHERE id = ? AND state IN "
                  u"('starting', 'booting', 'configuring', 'rebooting', 'resuming', 'online', "
                  u"'unreachable')"_s);
    QSqlQuery stamped(m_db->db);
    stamped.prepare(u"SELECT change_seq FROM vms WHERE id = ?"_s);
    const qint64 now = nowMs();
    for (auto &u : updates) {
        u.stateWritten = false;
        // An update without a sighting (the listener's "unreachable") must not wipe the
        // boot and sequence that refuse replays, nor when the VM was last seen.
        if (u.lastSeen.isValid()) {
            seen.addBindValue(u.bootId.isNull() ? u""_s : u.bootId);
            seen.addBindValue(u.lastSequence);
            seen.addBindValue(u.boots);
            seen.addBindValue(u.uptimeSeconds);
            seen.addBindValue(toMs(u.lastSeen));
            seen.addBindValue(u.vmId);
            if (!seen.exec()) {
                m_db->rollback();
                return fail(seen.lastError().text());
            }
        }
        if (u.state) {
            state.addBindValue(vmStateName(*u.state));
            state.addBindValue(u.reason.isNull() ? u""_s : u.reason);
            state.addBindValue(now);
            state.addBindValue(u.wentOnline);
            state.addBindValue(now);
            state.addBindValue(u.vmId);
            if (!state.exec()) {
                m_db->rollback();
                return fail(state.lastError().text());
            }
            u.stateWritten = state.numRowsAffected() == 1;
        }
        // Inside the write transaction: exactly the sequence of this change.
        stamped.addBindValue(u.vmId);
        if (!stamped.exec()) {
            m_db->rollback();
            return fail(stamped.lastError().text());
        }
        u.seq = stamped.next() ? stamped.value(0).toLongLong() : 0;
        stamped.finish();
    }
    return m_db->commit();
}

Status Inventory::inOneTransaction(const std::function<Status()> &body) {
    if (auto s = m_db->begin(); !s)
        return s;
    if (auto s = body(); !s) {
        m_db->rollback();
        return s;
    }
    if (auto s = m_db->commit(); !s) {
        m_db->rollback();
        return s;
    }
    return {};
}

Status Inventory::removeVm(qint64 vmId) {
    if (auto q = m_db->exec(u"DELETE FROM vms WHERE id = ?"_s, {vmId}); !q)
        return fail(q.error());
    return {};
}

// ---- events --------------------------------------------------------------------

Status Inventory::addEvent(const QString &level, const QString &vmName, const QString &message) {
    return addEvent(level, vmName, EventText{{}, {}, message});
}

Status Inventory::addEvent(const QString &level, const QString &vmName, const EventText &text) {
    // The arguments as a JSON array: any text, kept exactly.
    const QString args =
        text.code.isEmpty() ? QString()
                            : QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(text.args))
                                                    .toJson(QJsonDocument::Compact));
    if (auto q = m_db->writeRows(u"INSERT INTO events(at, level, vm_name, message, code, args) "
                                 u"VALUES (?, ?, ?, ?, ?, ?)"_s,
                                 {nowMs(), level, vmName, text.english, text.code, args});
        !q)
        return fail(q.error());
    // Bounded: the oldest go once there are more than kMaxEvents (ids only grow).
    if (auto q = m_db->writeRows(u"DELETE FROM events WHERE id <= last_insert_rowid() - ?"_s,
                                 {kMaxEvents});
        !q)
        return fail(q.error());
    return {};
}

Expected<QList<EventRecord>> Inventory::events(qint64 afterId, int limit) const {
    auto q = m_db->exec(
        u"SELECT id, at, level, vm_name, message, code, args FROM events WHERE id > ? ORDER BY "
        u"id LIMIT ?"_s,
        {afterId, limit});
    if (!q)
        return fail(q.error());
    QList<EventRecord> out;
    while (q->next()) {
        EventRecord e{q->value(0).toLongLong(), fromMs(q->value(1).toLongLong()),
                      q->value(2).toString(), q->value(3).toString(), q->value(4).toString()};
        e.code = q->value(5).toString();
        for (const QJsonValue &v : QJsonDocument::fromJson(q->value(6).toString().toUtf8()).array())
            e.args.append(v.toString());
        out.append(e);
    }
    return out;
}

Expected<qint64> Inventory::dataVersion() const {
    auto q = m_db->exec(u"PRAGMA data_version"_s);
    if (!q)
        return fail(q.error());
    q->next();
    return q->value(0).toLongLong();
}

} // namespace vmeclone
