#pragma once
// cloud-init writes a network configuration of its own whenever it sees a new instance
// (on Ubuntu a DHCP netplan file for the new NIC), which would compete with the agent's.
// Where cloud-init is installed, the agent adds
// /etc/cloud/cloud.cfg.d/99-vmeclone-network.cfg with `network: {config: disabled}`:
// cloud-init reads that folder in name order and the last word wins, and no file of the
// operator's or of cloud-init's is edited or deleted.

#include "root_fs.h"

#include <string>

namespace vmeclone::agent {

class CloudInitGuard {
public:
    static constexpr const char *kDir = "/etc/cloud/cloud.cfg.d";
    static constexpr const char *kPath = "/etc/cloud/cloud.cfg.d/99-vmeclone-network.cfg";

    static bool appliesTo(const RootFs &fs) { return fs.isDirectory(kDir); }
    bool write(const RootFs &fs, std::string &error) const;
};

} // namespace vmeclone::agent
