#pragma once
// The inventory's SQLite connection, shared by the files that implement Inventory
// (inventory.cpp: goldens, shards, VMs, events; inventory_cluster.cpp: hosts and the
// head's ledger). Not for anything outside core/inventory.

#include "inventory.h"

#include "common/expected.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace vmeclone {

using namespace Qt::StringLiterals;

inline qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

inline QDateTime fromMs(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

struct Inventory::Connection {
    QString name;
    QSqlDatabase db;

    ~Connection() {
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
        for (const auto &v : values) {
            // A null QString binds as SQL NULL; every text column here is NOT NULL.
            if (v.typeId() == QMetaType::QString && v.toString().isNull())
                q.addBindValue(QString(u""_s));
            else
                q.addBindValue(v);
        }
        if (!q.exec())
            return fail(q.lastError().text());
        return q;
    }

    Status run(const QString &sql) const {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return fail(u"inventory: '%1' failed: %2"_s.arg(sql.left(60), q.lastError().text()));
        return {};
    }

    // BEGIN IMMEDIATE takes the write lock at once, so a check-then-insert inside it
    // cannot interleave with another process's.
    Status begin() const { return run(u"BEGIN IMMEDIATE"_s); }
    Status commit() const { return run(u"COMMIT"_s); }
    void rollback() const { (void)run(u"ROLLBACK"_s); }
};

} // namespace vmeclone
