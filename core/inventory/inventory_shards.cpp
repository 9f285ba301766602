// The disk shards of this data folder: where clones' files go, with a weight and the
// label the operator gave (shown instead of the folder's name).

#include "common/failure_text.h"
#include "inventory.h"
#include "inventory_connection.h"

#include <cmath>

namespace vmeclone {
namespace {

const FailureSentence kInventoryShardsBadWeight{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "shard weight %1 must be a finite number greater than 0")};
const FailureSentence kInventoryShardsAlreadyShard{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is already a disk shard")};
const FailureSentence kInventoryShardsCannotAdd{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot add the shard %1: %2")};
const FailureSentence kInventoryShardsNoSuchId{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no shard with id %1")};
const FailureSentence kInventoryShardsLabelTaken{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the shard %1 is labelled '%2' already: labels tell shards apart, choose another")};
const FailureSentence kInventoryShardsInUse{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 VMs live on this shard: release them first")};

} // namespace

// ---- shards --------------------------------------------------------------------

Expected<qint64> Inventory::addShard(const QString &path, double weight) {
    if (!std::isfinite(weight) || !(weight > 0))
        return fail(kInventoryShardsBadWeight(weight));
    auto existing = m_db->exec(u"SELECT id FROM shards WHERE path = ?"_s, {path});
    if (!existing)
        return fail(existing.error());
    if (existing->next())
        return fail(kInventoryShardsAlreadyShard(path));
    auto q = m_db->exec(u"INSERT INTO shards(path, weight, added_at) VALUES (?, ?, ?)"_s,
                        {path, weight, nowMs()});
    if (!q)
        return fail(kInventoryShardsCannotAdd(path, q.error()));
    return q->lastInsertId().toLongLong();
}

Expected<QList<Shard>> Inventory::shards() const {
    auto q = m_db->exec(u"SELECT id, path, weight, label FROM shards ORDER BY id"_s);
    if (!q)
        return fail(q.error());
    QList<Shard> out;
    while (q->next())
        out.append(Shard{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toDouble(),
                         q->value(3).toString()});
    return out;
}

Status Inventory::setShardWeight(qint64 id, double weight) {
    if (!std::isfinite(weight) || !(weight > 0))
        return fail(kInventoryShardsBadWeight(weight));
    auto q = m_db->exec(u"UPDATE shards SET weight = ? WHERE id = ?"_s, {weight, id});
    if (!q)
        return fail(q.error());
    if (q->numRowsAffected() != 1)
        return fail(kInventoryShardsNoSuchId(id));
    return {};
}

Status Inventory::setShardLabel(qint64 id, const QString &label) {
    const QString wanted = label.trimmed();
    if (auto valid = Shard::checkLabel(wanted); !valid)
        return valid;
    if (!wanted.isEmpty()) {
        auto taken =
            m_db->exec(u"SELECT path FROM shards WHERE label = ? AND id <> ?"_s, {wanted, id});
        if (!taken)
            return fail(taken.error());
        if (taken->next())
            return fail(kInventoryShardsLabelTaken(taken->value(0).toString(), wanted));
    }
    auto q = m_db->exec(u"UPDATE shards SET label = ? WHERE id = ?"_s, {wanted, id});
    if (!q)
        return fail(q.error());
    if (q->numRowsAffected() != 1)
        return fail(kInventoryShardsNoSuchId(id));
    return {};
}

Status Inventory::removeShard(qint64 id) {
    auto users = m_db->exec(u"SELECT count(*) FROM vms WHERE shard_id = ?"_s, {id});
    if (!users)
        return fail(users.error());
    users->next();
    if (const int n = users->value(0).toInt(); n > 0)
        return fail(kInventoryShardsInUse(n));
    if (auto q = m_db->exec(u"DELETE FROM shards WHERE id = ?"_s, {id}); !q)
        return fail(q.error());
    return {};
}

} // namespace vmeclone
