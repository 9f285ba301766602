#pragma once
// The mark in every clone folder (".vmeclone-clone") that says whose clone it is: the
// data folder (its inventory's id) and the VM instance. Recovery removes a folder only
// when the mark names its own data folder and no row of its inventory holds that
// instance; a folder another data folder made on a shared shard is never touched.

#include "common/expected.h"

#include <QString>

#include <optional>

namespace vmeclone {

struct CloneMarker {
    QString dataFolderId; // empty: written by a vmeclone before owners were marked
    QString instance;

    static QString pathIn(const QString &folder);
    // Writes the mark into `folder` (mode 0600).
    Status writeTo(const QString &folder) const;
    // The folder's mark; nullopt when it has none (not a clone folder).
    static std::optional<CloneMarker> readFrom(const QString &folder);
    // How every backend starts a clone: creates `folder` (refused when it exists: it is
    // not in the inventory, and nothing in it is ours to overwrite) and marks it first
    // thing, so recovery can tell it is ours whatever happens next. Leaves nothing when
    // it fails; from its success on, the backend removes the folder on any failure.
    Status makeFolder(const QString &folder) const;
};

} // namespace vmeclone
