// The golden images of this data folder: what clones are made from, each with its own
// address and subnet, and further NICs whose subnets no other golden's clones may share.

#include "common/failure_text.h"
#include "inventory.h"
#include "inventory_connection.h"

namespace vmeclone {
namespace {

const FailureSentence kInventoryNicOverlapsGolden{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1's subnet %2 overlaps %3, the subnet of the golden image '%4': give the NIC a network of "
    "its own")};
const FailureSentence kInventoryNicOverlapsNic{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1's subnet %2 overlaps %3 on %4 of the golden image '%5', whose clones could take the same "
    "addresses: give the NIC a network of its own")};
const FailureSentence kInventorySubnetOverlapsNic{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the subnet %1 overlaps %2, the subnet of %3 of the golden image '%4': give the golden a "
    "network of its own")};
const FailureSentence kInventoryGoldenNameTaken{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "a golden image named '%1' exists already: choose another name")};
const FailureSentence kInventoryGoldenPathTaken{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is already the golden image '%2'")};
const FailureSentence kInventoryGoldenAddressTaken{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is already the address of the golden image '%2'")};
const FailureSentence kInventoryAddressInUseByVm{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is in use by the VM %2")};
const FailureSentence kInventoryCannotAddGolden{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot add the golden image '%1': %2")};
const FailureSentence kInventoryNoGoldenWithId{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no golden image with id %1")};
const FailureSentence kInventoryGoldenHasClones{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 VMs are clones of this golden image: release them first")};

GoldenRecord goldenFromQuery(const QSqlQuery &q) {
    GoldenRecord g;
    g.id = q.value(0).toLongLong();
    g.name = q.value(1).toString();
    g.backend = q.value(2).toString();
    g.path = q.value(3).toString();
    if (auto subnet = Subnet::parse(q.value(4).toString()))
        g.subnet = *subnet;
    g.address = Ipv4Address(q.value(5).toUInt());
    g.gateway = Ipv4Address(q.value(6).toUInt());
    g.namePrefix = q.value(7).toString();
    g.diskBytes = q.value(8).toLongLong();
    g.addedAt = fromMs(q.value(9).toLongLong());
    g.consoleAddress = Ipv4Address(q.value(10).toUInt());
    g.dns = parseNameServers(q.value(11).toString()).servers;
    g.fingerprint = q.value(12).toString();
    g.nics = parseGoldenNics(q.value(13).toString());
    return g;
}

const QString kGoldenColumns =
    u"id, name, backend, path, subnet, address, gateway, name_prefix, disk_bytes, added_at, console_address, dns, fingerprint, nics"_s;

} // namespace

// ---- goldens -------------------------------------------------------------------

// A further NIC's addresses are the clones' suffixes in its subnet: they cannot collide
// with any other golden's clones if its subnet is apart from every golden's own subnet,
// and from every other golden's further NICs' subnets, except the same subnet on a golden
// of the same own subnet (the suffixes are unique across those).
Status Inventory::nicsApart(const GoldenRecord &g) const {
    auto others = goldens();
    if (!others)
        return fail(others.error());
    for (const GoldenRecord &other : *others) {
        for (const GoldenNic &nic : g.nics) {
            if (nic.subnet.overlaps(other.subnet))
                return refuse(Problem::Taken, Field::Nics, goldenNicsText({nic}),
                              kInventoryNicOverlapsGolden(nic.device(), nic.subnet.toString(),
                                                          other.subnet.toString(), other.name));
            for (const GoldenNic &theirs : other.nics)
                if (nic.subnet.overlaps(theirs.subnet)
                    && !(nic.subnet == theirs.subnet && g.subnet == other.subnet))
                    return refuse(Problem::Taken, Field::Nics, goldenNicsText({nic}),
                                  kInventoryNicOverlapsNic(nic.device(), nic.subnet.toString(),
                                                           theirs.subnet.toString(),
                                                           theirs.device(), other.name));
        }
        for (const GoldenNic &theirs : other.nics)
            if (g.subnet.overlaps(theirs.subnet))
                return refuse(Problem::Taken, Field::Subnet, g.subnet.toString(),
                              kInventorySubnetOverlapsNic(g.subnet.toString(),
                                                          theirs.subnet.toString(), theirs.device(),
                                                          other.name));
    }
    return {};
}

Expected<qint64> Inventory::addGolden(const GoldenRecord &g) {
    auto clash = m_db->exec(
        u"SELECT name, path, address FROM goldens WHERE name = ? OR path = ? OR address = ?"_s,
        {g.name, g.path, g.address.toUInt()});
    if (!clash)
        return fail(clash.error());
    if (clash->next()) {
        if (clash->value(0).toString() == g.name)
            return refuse(Problem::Taken, Field::GoldenName, g.name,
                          kInventoryGoldenNameTaken(g.name));
        if (clash->value(1).toString() == g.path)
            return refuse(Problem::Taken, Field::GoldenPath, g.path,
                          kInventoryGoldenPathTaken(g.path, clash->value(0).toString()));
        return refuse(
            Problem::Taken, Field::Suffix, QString::number(g.suffix()),
            kInventoryGoldenAddressTaken(g.address.toString(), clash->value(0).toString()));
    }
    auto vmClash = vmByAddress(g.address);
    if (!vmClash)
        return fail(vmClash.error());
    if (vmClash->has_value())
        return refuse(Problem::InUse, Field::Suffix, QString::number(g.suffix()),
                      kInventoryAddressInUseByVm(g.address.toString(), (*vmClash)->name));
    if (auto s = nicsApart(g); !s)
        return s.failure();

    auto q = m_db->exec(
        u"INSERT INTO goldens(name, backend, path, subnet, address, gateway, name_prefix, "
        u"disk_bytes, added_at, console_address, dns, fingerprint, nics) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {g.name, g.backend, g.path, g.subnet.toString(), g.address.toUInt(), g.gateway.toUInt(),
         g.namePrefix, g.diskBytes, nowMs(), g.consoleAddress.toUInt(), joinAddresses(g.dns),
         g.fingerprint, goldenNicsText(g.nics)});
    if (!q)
        return fail(kInventoryCannotAddGolden(g.name, q.error()));
    return q->lastInsertId().toLongLong();
}

Expected<QList<GoldenRecord>> Inventory::goldens() const {
    auto q = m_db->exec(u"SELECT "_s + kGoldenColumns + u" FROM goldens ORDER BY name"_s);
    if (!q)
        return fail(q.error());
    QList<GoldenRecord> out;
    while (q->next())
        out.append(goldenFromQuery(*q));
    return out;
}

Expected<std::optional<GoldenRecord>> Inventory::golden(qint64 id) const {
    auto q = m_db->exec(u"SELECT "_s + kGoldenColumns + u" FROM goldens WHERE id = ?"_s, {id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<GoldenRecord>();
    return std::optional<GoldenRecord>(goldenFromQuery(*q));
}

Expected<std::optional<GoldenRecord>> Inventory::goldenByName(const QString &name) const {
    auto q = m_db->exec(u"SELECT "_s + kGoldenColumns + u" FROM goldens WHERE name = ?"_s, {name});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<GoldenRecord>();
    return std::optional<GoldenRecord>(goldenFromQuery(*q));
}

Status Inventory::setGoldenFingerprint(qint64 id, const QString &fingerprint) {
    auto q = m_db->exec(u"UPDATE goldens SET fingerprint = ? WHERE id = ?"_s, {fingerprint, id});
    if (!q)
        return fail(q.error());
    if (q->numRowsAffected() != 1)
        return fail(kInventoryNoGoldenWithId(id));
    return {};
}

Status Inventory::setGoldenConsoleAddress(qint64 id, Ipv4Address address) {
    auto q = m_db->exec(u"UPDATE goldens SET console_address = ? WHERE id = ?"_s,
                        {address.toUInt(), id});
    if (!q)
        return fail(q.error());
    if (q->numRowsAffected() != 1)
        return fail(kInventoryNoGoldenWithId(id));
    return {};
}

Status Inventory::removeGolden(qint64 id) {
    auto users = m_db->exec(u"SELECT count(*) FROM vms WHERE golden_id = ?"_s, {id});
    if (!users)
        return fail(users.error());
    users->next();
    if (const int n = users->value(0).toInt(); n > 0)
        return fail(kInventoryGoldenHasClones(n));
    if (auto q = m_db->exec(u"DELETE FROM goldens WHERE id = ?"_s, {id}); !q)
        return fail(q.error());
    return {};
}

} // namespace vmeclone
