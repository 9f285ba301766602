#include "inventory.h"

#include "common/failure_text.h"
#include "common/logging.h"
#include "common/text_format.h"
#include "inventory_connection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QUrl>
#include <QUuid>
#include <QVariant>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kInventoryCannotCreate{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot create the inventory %1: %2")};
const FailureSentence kInventoryTruncated{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the inventory %1 is empty (0 bytes) although its data folder has a cluster secret: it was "
    "truncated. Restore it from a backup, or move it away to start with an empty inventory")};
const FailureSentence kInventoryCannotMakePrivate{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "the inventory file %1 is readable by others and cannot be made private: %2 "
                      "(chmod o-rwx %1)")};
const FailureSentence kInventoryFullJournal{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the data folder %1 is full (%2 free) and the inventory's journal holds changes not yet "
    "merged: free some space there, then run the command again")};
const FailureSentence kInventoryFullUnreadable{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "the data folder %1 is full (%2 free) and the inventory cannot be read: %3")};
const FailureSentence kInventoryFullNeedsUpgrade{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the data folder %1 is full (%2 free) and its inventory needs an upgrade: free some space "
    "there, then run the command again")};
const FailureSentence kInventoryFullReadOnly{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the data folder %1 is full (%2 free): only list, plan, export, golden list and shard list "
    "work until some space is freed there")};
const FailureSentence kInventoryCannotCreateFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "cannot create the folder of the inventory %1: check its parent's permissions")};
const FailureSentence kInventoryCannotOpen{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot open the inventory %1: %2")};
const FailureSentence kInventoryFailed{QT_TRANSLATE_NOOP("vmeclone::Failure", "inventory %1: %2")};
const FailureSentence kInventorySchemaTooNew{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "it has schema %1, newer than this vmeclone understands (%2): use a newer vmeclone")};
const FailureSentence kInventoryCannotUpgrade{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot upgrade to schema %1: %2")};
const FailureSentence kInventoryNoDataFolderId{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "inventory %1: it names no data folder id")};
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

// 2: vms.owner; 3: goldens.console_address; 4: goldens.dns; 5: vms ids never reused
// (AUTOINCREMENT), meta.data_folder_id, goldens.fingerprint; 6: the change sequence
// (changes table, vms.change_seq and the triggers that stamp it); 7: hosts; 8: the head's
// ledger (cluster_vms); 9: clone mode 'instant' (vms.clone_mode's CHECK); 10: shards.label;
// 11: goldens.nics; 12: events.code and events.args (EventText)
constexpr int kSchemaVersion = 12;

const char16_t *const kSchema[] = {
    uR"(CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL))",
    uR"(CREATE TABLE IF NOT EXISTS goldens(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        backend TEXT NOT NULL,
        path TEXT NOT NULL UNIQUE,
        subnet TEXT NOT NULL,
        address INTEGER NOT NULL UNIQUE,
        gateway INTEGER NOT NULL DEFAULT 0,
        name_prefix TEXT NOT NULL,
        disk_bytes INTEGER NOT NULL DEFAULT 0,
        added_at INTEGER NOT NULL,
        console_address INTEGER NOT NULL DEFAULT 0,
        dns TEXT NOT NULL DEFAULT '',
        fingerprint TEXT NOT NULL DEFAULT '',
        nics TEXT NOT NULL DEFAULT ''))",
    uR"(CREATE TABLE IF NOT EXISTS shards(
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        weight REAL NOT NULL CHECK (weight > 0),
        added_at INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT ''))",
    uR"(CREATE TABLE IF NOT EXISTS events(
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        level TEXT NOT NULL,
        vm_name TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL,
        code TEXT NOT NULL DEFAULT '',
        args TEXT NOT NULL DEFAULT ''))",
    // One counter for the whole inventory: every commit that inserts, changes or deletes
    // a VM row moves it on by one, in commit order, whichever process commits.
    uR"(CREATE TABLE IF NOT EXISTS changes(
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL))",
    uR"(INSERT OR IGNORE INTO changes(id, seq) VALUES (1, 0))",
    // Other machines reached over SSH (docs/hosts.md). Names compare in any case, as
    // host names do.
    uR"(CREATE TABLE IF NOT EXISTS hosts(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        destination TEXT NOT NULL,
        port INTEGER NOT NULL DEFAULT 0 CHECK (port BETWEEN 0 AND 65535),
        remote_home TEXT NOT NULL DEFAULT '',
        remote_command TEXT NOT NULL DEFAULT 'vmeclone',
        weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0),
        added_at INTEGER NOT NULL))",
    // The head's ledger (docs/cluster.md): every VM it placed on a host, reserved here
    // before the host is asked, so no address or MAC is handed out twice across hosts.
    // The host's own inventory stays the truth about its VMs; `state` is the last the
    // head heard. `plan` is the plan document the VM was sent in: sent again, the host
    // recognises what it made already.
    uR"(CREATE TABLE IF NOT EXISTS cluster_vms(
        address INTEGER PRIMARY KEY,
        mac TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        host TEXT NOT NULL COLLATE NOCASE,
        golden TEXT NOT NULL,
        plan TEXT NOT NULL,
        state TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL))",
};

// The change sequence, stamped by the database itself so no writer (of any version of
// this code, in any process) can forget it: a VM row carries the sequence of the last
// change to it; a deletion moves the counter on. Views apply only what is newer than
// what they hold (docs/design.md, "One ordered feed"). The inner UPDATE changes
// change_seq, so the update trigger's WHEN keeps it from firing again.
const char16_t *const kTriggers[] = {
    uR"(CREATE TRIGGER IF NOT EXISTS vms_stamp_insert AFTER INSERT ON vms BEGIN
        UPDATE changes SET seq = seq + 1 WHERE id = 1;
        UPDATE vms SET change_seq = (SELECT seq FROM changes WHERE id = 1) WHERE id = NEW.id;
    END)",
    uR"(CREATE TRIGGER IF NOT EXISTS vms_stamp_update AFTER UPDATE ON vms
        WHEN NEW.change_seq = OLD.change_seq BEGIN
        UPDATE changes SET seq = seq + 1 WHERE id = 1;
        UPDATE vms SET change_seq = (SELECT seq FROM changes WHERE id = 1) WHERE id = NEW.id;
    END)",
    uR"(CREATE TRIGGER IF NOT EXISTS vms_stamp_delete AFTER DELETE ON vms BEGIN
        UPDATE changes SET seq = seq + 1 WHERE id = 1;
    END)",
};

// The VMs' table; `name` lets the schema-5 upgrade build it beside the old one. Ids are
// AUTOINCREMENT: an id is never handed out twice, so a step that read a row can tell a
// new VM at the same address from the one it read (with the instance, which is unique).
QString vmsTableSql(const QString &name) {
    return u"CREATE TABLE IF NOT EXISTS "_s + name + uR"((
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        address INTEGER NOT NULL UNIQUE,
        mac TEXT NOT NULL UNIQUE,
        golden_id INTEGER NOT NULL REFERENCES goldens(id),
        shard_id INTEGER NOT NULL REFERENCES shards(id),
        folder TEXT NOT NULL UNIQUE,
        clone_mode TEXT NOT NULL CHECK (clone_mode IN ('linked', 'full', 'instant')),
        instance TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        progress INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        boot_id TEXT NOT NULL DEFAULT '',
        last_sequence INTEGER NOT NULL DEFAULT 0,
        boots INTEGER NOT NULL DEFAULT 0,
        uptime INTEGER NOT NULL DEFAULT 0,
        pid INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        state_changed_at INTEGER NOT NULL,
        last_seen INTEGER NOT NULL DEFAULT 0,
        online_at INTEGER NOT NULL DEFAULT 0,
        owner TEXT NOT NULL DEFAULT '',
        key_scheme INTEGER NOT NULL DEFAULT 2,
        change_seq INTEGER NOT NULL DEFAULT 0))"_s;
}

// The columns schema 4 had; schema 5 added key_scheme (VmRecord::keyScheme), schema 6
// change_seq (VmRecord::changeSeq).
const QString kVmColumnsV4 =
    u"id, name, address, mac, golden_id, shard_id, folder, clone_mode, "
    u"instance, state, progress, reason, boot_id, last_sequence, boots, "
    u"uptime, pid, created_at, state_changed_at, last_seen, online_at, owner"_s;
const QString kVmColumnsV5 = kVmColumnsV4 + u", key_scheme"_s;
const QString kVmColumns = kVmColumnsV5 + u", change_seq"_s;

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

// The inventory holds every VM's key material (instances) and the cluster's layout:
// created 0600, and an existing one that others may read loses those bits (a group the
// operator chose is kept). SQLite gives its -wal and -shm files the database's mode.
// An empty file beside a cluster secret is a truncated inventory, not a new one:
// opening it would forget every VM.
Status securePermissions(const QString &path) {
    const QByteArray native = QFile::encodeName(path);
    struct stat st {};
    if (::stat(native.constData(), &st) != 0) {
        const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            return fail(kInventoryCannotCreate(path, QString::fromLocal8Bit(std::strerror(errno))));
        if (fd >= 0)
            ::close(fd);
        return {};
    }
    if (st.st_size == 0 && QFileInfo::exists(QFileInfo(path).absolutePath() + u"/cluster.secret"_s))
        return fail(kInventoryTruncated(path));
    for (const QString &file : QStringList{path, path + u"-wal"_s, path + u"-shm"_s}) {
        const QByteArray f = QFile::encodeName(file);
        struct stat fs {};
        if (::stat(f.constData(), &fs) == 0 && (fs.st_mode & 0007) != 0
            && ::chmod(f.constData(), fs.st_mode & 0770) != 0)
            return fail(
                kInventoryCannotMakePrivate(file, QString::fromLocal8Bit(std::strerror(errno))));
    }
    return {};
}

} // namespace

Inventory::~Inventory() = default;

// A data folder with no room left: SQLite cannot set up its journal, so a normal open
// fails. The inventory is then read as it is on disk (immutable: nothing can change it
// while the drive is full), for the read-only commands, and every write is refused
// with readOnlyReason(). Not when the journal holds changes not yet merged (immutable
// would not see them). An empty error: the folder is not full, the caller's error stands.
Expected<std::unique_ptr<Inventory>> Inventory::openReadOnlyWhenFull(const QString &absolute) {
    static std::atomic_int counter{0};
    const QString folder = QFileInfo(absolute).absolutePath();
    QStorageInfo storage(folder);
    const qint64 free = storage.bytesAvailable();
    if (free < 0 || free >= kMinFreeBytes)
        return fail(QString());
    const QString freeText = bytesText(free);
    if (QFileInfo(absolute + u"-wal"_s).size() > 0)
        return fail(kInventoryFullJournal(folder, freeText));
    std::unique_ptr<Inventory> inv(new Inventory);
    inv->m_path = absolute;
    inv->m_db = std::make_unique<Connection>();
    inv->m_db->name = u"vmeclone-inventory-ro-%1"_s.arg(counter.fetch_add(1));
    inv->m_db->db = QSqlDatabase::addDatabase(u"QSQLITE"_s, inv->m_db->name);
    inv->m_db->db.setDatabaseName(QUrl::fromLocalFile(absolute).toString(QUrl::FullyEncoded)
                                  + u"?immutable=1"_s);
    inv->m_db->db.setConnectOptions(u"QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY"_s);
    if (!inv->m_db->db.open())
        return fail(kInventoryFullUnreadable(folder, freeText, inv->m_db->db.lastError().text()));
    auto version = inv->m_db->exec(u"SELECT value FROM meta WHERE key = 'schema'"_s);
    if (!version || !version->next() || version->value(0).toInt() != kSchemaVersion)
        return fail(kInventoryFullNeedsUpgrade(folder, freeText));
    version->finish();
    auto id = inv->m_db->exec(u"SELECT value FROM meta WHERE key = 'data_folder_id'"_s);
    if (id && id->next())
        inv->m_dataFolderId = id->value(0).toString();
    inv->m_readOnlyReason = kInventoryFullReadOnly(folder, freeText);
    return inv;
}

Expected<std::unique_ptr<Inventory>> Inventory::open(const QString &path) {
    static std::atomic_int counter{0};
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(kInventoryCannotCreateFolder(info.absolutePath()));
    const QString absolute = info.absoluteFilePath();
    if (auto s = securePermissions(absolute); !s)
        return fail(s.error());

    std::unique_ptr<Inventory> inv(new Inventory);
    inv->m_path = absolute;
    inv->m_db = std::make_unique<Connection>();
    inv->m_db->name = u"vmeclone-inventory-%1"_s.arg(counter.fetch_add(1));
    inv->m_db->db = QSqlDatabase::addDatabase(u"QSQLITE"_s, inv->m_db->name);
    inv->m_db->db.setDatabaseName(inv->m_path);
    inv->m_db->db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=15000"_s);
    if (!inv->m_db->db.open()) {
        if (auto readOnly = openReadOnlyWhenFull(absolute); readOnly || !readOnly.error().isEmpty())
            return readOnly;
        return fail(kInventoryCannotOpen(inv->m_path, inv->m_db->db.lastError().text()));
    }

    const auto &c = *inv->m_db;
    // WAL lets viewers read while a batch writes; FULL sync makes every state a
    // user was told about survive a power cut.
    for (const auto *pragma :
         {u"PRAGMA journal_mode=WAL", u"PRAGMA synchronous=FULL", u"PRAGMA foreign_keys=ON"}) {
        if (auto s = c.run(QString::fromUtf16(pragma)); !s) {
            inv.reset();
            if (auto readOnly = openReadOnlyWhenFull(absolute);
                readOnly || !readOnly.error().isEmpty())
                return readOnly;
            return fail(kInventoryFailed(absolute, s.error()));
        }
    }
    // Usually the schema is there: a read tells, and the write lock (and its fsync)
    // is taken only to create it.
    auto readFolderId = [&]() -> bool {
        auto id = c.exec(u"SELECT value FROM meta WHERE key = 'data_folder_id'"_s);
        if (!id || !id->next())
            return false;
        inv->m_dataFolderId = id->value(0).toString();
        return !inv->m_dataFolderId.isEmpty();
    };
    if (auto current = c.exec(u"SELECT value FROM meta WHERE key = 'schema'"_s);
        current && current->next() && current->value(0).toInt() == kSchemaVersion && readFolderId())
        return inv;
    if (auto s = c.begin(); !s)
        return fail(s.error());
    auto abort = [&](const QString &why) {
        c.rollback();
        return Error{kInventoryFailed(inv->m_path, why)};
    };
    for (const auto *stmt : kSchema) {
        if (auto s = c.run(QString::fromUtf16(stmt)); !s)
            return abort(s.error());
    }
    if (auto s = c.run(vmsTableSql(u"vms"_s)); !s)
        return abort(s.error());
    auto version = c.exec(u"SELECT value FROM meta WHERE key = 'schema'"_s);
    if (!version)
        return abort(version.error());
    if (version->next()) {
        const int found = version->value(0).toInt();
        version->finish(); // no statement may be pending when a table is dropped
        if (found > kSchemaVersion)
            return abort(kInventorySchemaTooNew(found, kSchemaVersion));
        // Columns later schemas added; each added only where missing.
        auto hasColumn = [&](const QString &table, const QString &column) {
            auto columns = c.exec(u"SELECT count(*) FROM pragma_table_info(?) WHERE name = ?"_s,
                                  {table, column});
            return columns && columns->next() && columns->value(0).toInt() > 0;
        };
        const struct {
            int schema;
            QString table, column, sql;
        } added[] = {
            {2, u"vms"_s, u"owner"_s,
             u"ALTER TABLE vms ADD COLUMN owner TEXT NOT NULL DEFAULT ''"_s},
            {3, u"goldens"_s, u"console_address"_s,
             u"ALTER TABLE goldens ADD COLUMN console_address INTEGER NOT NULL DEFAULT 0"_s},
            {4, u"goldens"_s, u"dns"_s,
             u"ALTER TABLE goldens ADD COLUMN dns TEXT NOT NULL DEFAULT ''"_s},
            {5, u"goldens"_s, u"fingerprint"_s,
             u"ALTER TABLE goldens ADD COLUMN fingerprint TEXT NOT NULL DEFAULT ''"_s},
            {6, u"vms"_s, u"change_seq"_s,
             u"ALTER TABLE vms ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0"_s},
            {10, u"shards"_s, u"label"_s,
             u"ALTER TABLE shards ADD COLUMN label TEXT NOT NULL DEFAULT ''"_s},
            {11, u"goldens"_s, u"nics"_s,
             u"ALTER TABLE goldens ADD COLUMN nics TEXT NOT NULL DEFAULT ''"_s},
            {12, u"events"_s, u"code"_s,
             u"ALTER TABLE events ADD COLUMN code TEXT NOT NULL DEFAULT ''"_s},
            {12, u"events"_s, u"args"_s,
             u"ALTER TABLE events ADD COLUMN args TEXT NOT NULL DEFAULT ''"_s},
        };
        for (const auto &a : added) {
            if (found < a.schema && !hasColumn(a.table, a.column)) {
                if (auto s = c.run(a.sql); !s)
                    return abort(kInventoryCannotUpgrade(a.schema, s.error()));
            }
        }
        if (found < 5) {
            // Ids that are never reused need AUTOINCREMENT, which only a new table has:
            // the rows move over unchanged, and ids continue after the highest one.
            for (const QString &sql :
                 QStringList{vmsTableSql(u"vms_v5"_s),
                             // Clones made before keep the key their guests hold (scheme 1).
                             u"INSERT INTO vms_v5("_s + kVmColumnsV5 + u") SELECT "_s + kVmColumnsV4
                                 + u", 1 FROM vms"_s,
                             u"DROP TABLE vms"_s, u"ALTER TABLE vms_v5 RENAME TO vms"_s}) {
                if (auto s = c.run(sql); !s)
                    return abort(kInventoryCannotUpgrade(5, s.error()));
            }
        }
        if (found < 9) {
            // A CHECK cannot be altered: the table is built again with the one that allows
            // 'instant', the rows move over unchanged, and the AUTOINCREMENT counter goes on
            // from where it was (an id is never handed out twice, even of a deleted row).
            qint64 sequence = 0;
            if (auto seq = c.exec(u"SELECT seq FROM sqlite_sequence WHERE name = 'vms'"_s);
                seq && seq->next())
                sequence = seq->value(0).toLongLong();
            for (const QString &sql :
                 QStringList{vmsTableSql(u"vms_v9"_s),
                             u"INSERT INTO vms_v9("_s + kVmColumns + u") SELECT "_s + kVmColumns
                                 + u" FROM vms"_s,
                             u"DROP TABLE vms"_s, u"ALTER TABLE vms_v9 RENAME TO vms"_s}) {
                if (auto s = c.run(sql); !s)
                    return abort(kInventoryCannotUpgrade(9, s.error()));
            }
            if (auto s =
                    c.exec(u"UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'vms'"_s,
                           {sequence});
                !s)
                return abort(kInventoryCannotUpgrade(9, s.error()));
        }
        if (found < kSchemaVersion) {
            if (auto up = c.exec(u"UPDATE meta SET value = ? WHERE key = 'schema'"_s,
                                 {QString::number(kSchemaVersion)});
                !up)
                return abort(up.error());
        }
    } else if (auto ins = c.exec(u"INSERT INTO meta(key, value) VALUES ('schema', ?)"_s,
                                 {QString::number(kSchemaVersion)});
               !ins) {
        return abort(ins.error());
    }
    // After the upgrades: the schema-5 one rebuilds the vms table, which drops triggers.
    for (const auto *stmt : kTriggers) {
        if (auto s = c.run(QString::fromUtf16(stmt)); !s)
            return abort(s.error());
    }
    // Which data folder this inventory is: every clone folder it makes carries the id
    // (CloneMarker), so recovery never takes another data folder's clones for its own.
    if (auto ins = c.exec(u"INSERT OR IGNORE INTO meta(key, value) VALUES ('data_folder_id', ?)"_s,
                          {QUuid::createUuid().toString(QUuid::WithoutBraces)});
        !ins)
        return abort(ins.error());
    if (auto s = c.commit(); !s)
        return fail(s.error());
    if (!readFolderId())
        return fail(kInventoryNoDataFolderId(inv->m_path));
    return inv;
}

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
