// Opening the inventory: its schema and the upgrades from older ones, the file's
// permissions, and the read-only open of a data folder that is full.

#include "common/failure_text.h"
#include "common/text_format.h"
#include "inventory.h"
#include "inventory_connection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QUrl>
#include <QUuid>
#include <QVariant>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

} // namespace vmeclone
