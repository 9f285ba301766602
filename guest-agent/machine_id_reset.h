#pragma once
// systemd guests derive DHCP client ids, journal folders and more from /etc/machine-id,
// which a copied disk shares with the golden (DESIGN §5). The agent empties it (an empty
// file, not none: at the next boot systemd makes a fresh id and mounts it over the file
// until / is writable, which needs the file to exist), and D-Bus's own copy
// /var/lib/dbus/machine-id when it is a file (Debian links it to /etc/machine-id; a link
// is left alone). The running system keeps its id until that boot.

#include "root_fs.h"

#include <string>

namespace vmeclone::agent {

class MachineIdReset {
public:
    static constexpr const char *kMachineId = "/etc/machine-id";
    static constexpr const char *kDbusMachineId = "/var/lib/dbus/machine-id";
    // systemd's own mode for the file.
    static constexpr unsigned kMode = 0444;

    // Nothing to do for a file that is already empty, or absent.
    bool reset(const RootFs &fs, std::string &error) const;
};

} // namespace vmeclone::agent
