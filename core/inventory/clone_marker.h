#pragma once
// The mark on every clone folder that says whose clone it is: the data folder (its
// inventory's id) and the VM instance. Recovery removes a folder only when the mark names
// its own data folder and no row of its inventory holds that instance; a folder another
// data folder made on a shared shard is never touched.
//
// Where the mark is kept: an extended attribute of the folder (`user.vmeclone.clone`, 33
// bytes: a version byte and the two UUIDs), which lives in the folder's own inode on ext4
// and XFS, so a clone costs one inode less than a file would and the folder's fsync makes
// it durable. Where the file system takes no user attributes (tmpfs before Linux 6.6, some
// network file systems; Windows and macOS always), or an id is not a UUID, the mark is the
// file `.vmeclone-clone` in the folder instead; both are read.

#include "common/expected.h"

#include <QString>

#include <optional>

namespace vmeclone {

struct CloneMarker {
    QString dataFolderId; // empty: written by a vmeclone before owners were marked
    QString instance;

    // The extended attribute's name (Linux), and the file used where there is none.
    static constexpr const char *kAttribute = "user.vmeclone.clone";
    static QString filePathIn(const QString &folder);
    // Writes the mark on `folder`: the attribute where it can, else the file (mode 0600).
    Status writeTo(const QString &folder) const;
    // As writeTo, but always the file: what a vmeclone before the attribute wrote, and what
    // is written where there is no attribute (tests use it to check both are read).
    Status writeFileTo(const QString &folder) const;
    // The folder's mark, from its attribute or its file; nullopt when it has neither (not a
    // clone folder).
    static std::optional<CloneMarker> readFrom(const QString &folder);
    // How every backend starts a clone: creates `folder` (refused when it exists: it is
    // not in the inventory, and nothing in it is ours to overwrite) and marks it first
    // thing, so recovery can tell it is ours whatever happens next. Leaves nothing when
    // it fails; from its success on, the backend removes the folder on any failure.
    Status makeFolder(const QString &folder) const;
};

} // namespace vmeclone
