#pragma once
// The clone hazards inside a golden's root file system (DESIGN §5), found in a copy of
// the few files that matter (Debugfs dumps them): a stale udev rule pinning a MAC, HWADDR/
// UUID in ifcfg files, a machine-id, DHCP leases, SSH host keys, and the agent missing or
// not started at boot. Works on any folder holding such a tree, so the rules can be
// tested without disk images too.

#include "golden/golden_hazard.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vmeclone {

class GuestHazards {
public:
    // Absolute guest paths (files or folders) the rules read: what to copy out of the guest.
    static QStringList guestPaths();

    // True when `root` holds a root file system (an /etc with fstab, passwd, inittab or
    // os-release), not only /boot or /home.
    static bool isRootFileSystem(const QString &root);

    // The hazards in the tree at `root`. Symbolic links are followed inside the tree
    // only: an absolute link means the guest's path, never the host's.
    static QList<GoldenHazard> find(const QString &root);

    // What the rules could not see from `root`: e.g. "/var is a separate file system".
    static QStringList limits(const QString &root);

    // The checks, in words, for an operator who must do them by hand (a file system
    // this tool cannot read).
    static QStringList checksByHand();
};

} // namespace vmeclone
