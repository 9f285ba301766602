#pragma once
// One truth for every VM's state, checked from outside: after a crash and its recovery,
// every inventory row has its whole clone folder, every clone folder on a shard has its
// row, no partial copy is left, and nothing is still in flight. Shared by the CLI's crash
// tests (rows from `vmeclone list --json`) and the console's (rows from the inventory the
// window reads), so both are held to the same check. Qt only: no engine types.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

struct CloneRow {
    QString name;
    QString state; // as vmStateName() and `list --json` spell it
    QString folder;
};

// The rows of `vmeclone list --json`.
inline QList<CloneRow> cloneRowsFromJson(const QJsonArray &vms) {
    QList<CloneRow> rows;
    for (const auto &v : vms) {
        const auto vm = v.toObject();
        rows.append(CloneRow{vm.value(QStringLiteral("name")).toString(),
                             vm.value(QStringLiteral("state")).toString(),
                             vm.value(QStringLiteral("folder")).toString()});
    }
    return rows;
}

// What is wrong, one line per finding; empty when the rows and the shards agree.
inline QStringList consistencyProblems(const QList<CloneRow> &rows, const QStringList &shards) {
    static const QSet<QString> inFlight{QStringLiteral("planned"), QStringLiteral("copying"),
                                        QStringLiteral("starting"), QStringLiteral("releasing"),
                                        QStringLiteral("stopping")};
    QStringList problems;
    QSet<QString> rowFolders;
    for (const auto &vm : rows) {
        if (inFlight.contains(vm.state))
            problems << QStringLiteral("%1 still %2").arg(vm.name, vm.state);
        rowFolders.insert(QDir::cleanPath(vm.folder));
        for (const QString &file :
             QStringList{QStringLiteral("machine.json"), QStringLiteral("identity.conf"),
                         vm.name + QStringLiteral(".qcow2")}) {
            if (!QFile::exists(vm.folder + QLatin1Char('/') + file))
                problems << QStringLiteral("orphan row: %1 lacks %2").arg(vm.folder, file);
        }
    }
    for (const auto &shard : shards) {
        for (const auto &entry : QDir(shard).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (!rowFolders.contains(QDir::cleanPath(entry.absoluteFilePath())))
                problems << QStringLiteral("orphan folder %1").arg(entry.absoluteFilePath());
        }
        QDirIterator it(shard, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (file.endsWith(QStringLiteral(".part")))
                problems << QStringLiteral("partial file %1").arg(file);
        }
    }
    return problems;
}
