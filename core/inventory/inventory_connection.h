#pragma once
// The inventory's SQLite connection, shared by the files that implement Inventory
// (inventory_open.cpp: opening and the schema; inventory_goldens.cpp: goldens;
// inventory_shards.cpp: shards; inventory.cpp: VMs, events; inventory_cluster.cpp: hosts
// and the head's ledger). Not for anything outside core/inventory.

#include "common/expected.h"
#include "inventory.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <memory>
#include <utility>

namespace vmeclone {

using namespace Qt::StringLiterals;

inline qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

inline QDateTime fromMs(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

// The vms table's columns: inventory.cpp reads VMs with kVmColumns, and the upgrades in
// inventory_open.cpp copy rows with these lists.
// The columns schema 4 had; schema 5 added key_scheme (VmRecord::keyScheme), schema 6
// change_seq (VmRecord::changeSeq).
inline const QString kVmColumnsV4 =
    u"id, name, address, mac, golden_id, shard_id, folder, clone_mode, "
    u"instance, state, progress, reason, boot_id, last_sequence, boots, "
    u"uptime, pid, created_at, state_changed_at, last_seen, online_at, owner"_s;
inline const QString kVmColumnsV5 = kVmColumnsV4 + u", key_scheme"_s;
inline const QString kVmColumns = kVmColumnsV5 + u", change_seq"_s;

struct Inventory::Connection {
    QString name;
    QSqlDatabase db;

    // The statements of writeRows, insertRow and firstRow, prepared once per connection.
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> prepared;

    ~Connection() {
        prepared.clear();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }

    // Runs a statement, binding positional values; the error names what failed.
    Expected<QSqlQuery> exec(const QString &sql, const QVariantList &values = {}) const {
        QSqlQuery q(db);
        if (!q.prepare(sql))
            return fail(
                u"inventory: cannot prepare '%1': %2"_s.arg(sql.left(60), q.lastError().text()));
        for (const auto &v : values)
            q.addBindValue(bindable(v));
        if (!q.exec())
            return fail(q.lastError().text());
        return q;
    }

    // A write a batch runs once per VM (take, move, remove, an event), prepared once per
    // connection instead of once per call: parsing the SQL cost as much as running it.
    // Returns the rows it changed. No result set leaves here, so no caller can hold a
    // statement that the next call executes again; each is reset after use (finish), so
    // none keeps a read transaction open.
    Expected<int> writeRows(const QString &sql, const QVariantList &values) const {
        return reused(sql, values, [](QSqlQuery &q) { return q.numRowsAffected(); });
    }

    // An insert reused as writeRows' statements are: the new row's id.
    Expected<qint64> insertRow(const QString &sql, const QVariantList &values) const {
        return reused(sql, values, [](QSqlQuery &q) { return q.lastInsertId().toLongLong(); });
    }

    // The first row a query reused as writeRows' statements are finds (its columns), or an
    // empty list when it finds none.
    Expected<QVariantList> firstRow(const QString &sql, const QVariantList &values) const {
        return reused(sql, values, [](QSqlQuery &q) {
            QVariantList row;
            if (q.next()) {
                for (int i = 0, n = q.record().count(); i < n; ++i)
                    row.append(q.value(i));
            }
            return row;
        });
    }

    Status run(const QString &sql) const {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return fail(u"inventory: '%1' failed: %2"_s.arg(sql.left(60), q.lastError().text()));
        return {};
    }

    // A null QString binds as SQL NULL; every text column here is NOT NULL.
    static QVariant bindable(const QVariant &v) {
        return v.typeId() == QMetaType::QString && v.toString().isNull() ? QVariant(QString(u""_s))
                                                                         : v;
    }

    // Runs the statement prepared for `sql` (preparing it the first time) with `values`,
    // hands it to `read`, then resets it (finish) whatever `read` did.
    template <typename Read>
    auto reused(const QString &sql, const QVariantList &values, Read read) const
        -> Expected<decltype(read(std::declval<QSqlQuery &>()))> {
        auto it = prepared.find(sql);
        if (it == prepared.end()) {
            auto made = std::make_shared<QSqlQuery>(db);
            if (!made->prepare(sql))
                return fail(u"inventory: cannot prepare '%1': %2"_s.arg(sql.left(60),
                                                                        made->lastError().text()));
            it = prepared.insert(sql, made);
        }
        QSqlQuery &q = **it;
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, bindable(values.at(i)));
        if (!q.exec()) {
            const QString error = q.lastError().text();
            q.finish();
            return fail(error);
        }
        auto out = read(q);
        q.finish();
        return out;
    }

    // BEGIN IMMEDIATE takes the write lock at once, so a check-then-insert inside it
    // cannot interleave with another process's.
    Status begin() const { return run(u"BEGIN IMMEDIATE"_s); }
    Status commit() const { return run(u"COMMIT"_s); }
    void rollback() const { (void)run(u"ROLLBACK"_s); }
};

} // namespace vmeclone
