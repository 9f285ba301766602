#pragma once
// Short names for disk shards, as the console shows them (table, shard dock, Clone
// range…): the label the operator gave it, else the folder's own name, with as many
// parent folders as it takes to tell it from the other shards' ("ssd-a"; "a/shard" and
// "b/shard"). The whole path is in the tooltip.

#include <QHash>
#include <QString>
#include <QStringList>

namespace vmeclone {

// For each path, its short name: its label when it has one (`labels`: path -> label,
// which the inventory keeps unique), else as above; two paths never get the same one.
QHash<QString, QString> shardShortNames(const QStringList &paths,
                                        const QHash<QString, QString> &labels = {});

// The name of `path` among `names` (shardShortNames), else its folder's own name.
QString shardShortName(const QHash<QString, QString> &names, const QString &path);

} // namespace vmeclone
