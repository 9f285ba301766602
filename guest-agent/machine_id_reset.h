#pragma once
// systemd guests derive DHCP client ids, journal folders and more from /etc/machine-id,
// which a copied disk shares with the golden (DESIGN §5), and a golden emptied as
// docs/golden-image.md says gets a fresh id at each boot only until one is committed. The
// agent gives each new instance its own: a fresh random id in /etc/machine-id, and the
// same in D-Bus's copy /var/lib/dbus/machine-id when that is a file (Debian links it to
// /etc/machine-id; a link is left alone). Services that read the id at their start keep
// the old one until the next boot; the file is right from now on, so a clone that applies
// its identity live (no reboot) never runs with an empty or shared id after that boot.

#include "root_fs.h"

#include <string>

namespace vmeclone::agent {

class MachineIdReset {
public:
    static constexpr const char *kMachineId = "/etc/machine-id";
    static constexpr const char *kDbusMachineId = "/var/lib/dbus/machine-id";
    // systemd's own mode for the file.
    static constexpr unsigned kMode = 0444;

    // 32 lowercase hex digits from /dev/urandom (systemd's format, without the newline).
    static bool randomId(std::string &id, std::string &error);
    // Writes a fresh id to both files (the D-Bus one only when it is a plain file); `id`
    // is the one written.
    bool renew(const RootFs &fs, std::string &id, std::string &error) const;
};

} // namespace vmeclone::agent
