#pragma once
// Writes the guest's own network configuration so the new address survives a reboot.
// One writer per guest family (DESIGN §5): ifcfg, ifupdown, netplan, NetworkManager
// keyfiles, systemd-networkd, and the agent's own plain-ip record. GuestFamily picks the
// one this guest uses.

#include "network_settings.h"
#include "root_fs.h"

#include <string>
#include <vector>

namespace vmeclone::agent {

class NetworkWriter {
public:
    virtual ~NetworkWriter() = default;
    virtual const char *name() const = 0;
    // Whether this guest has what the writer writes for (decided by what exists under root).
    virtual bool appliesTo(const RootFs &fs) const = 0;
    // Writes; running it twice with the same settings changes nothing the second time.
    virtual bool write(const RootFs &fs, const NetworkSettings &settings,
                       std::string &error) const = 0;
    // The commands that make the written files take effect in the running guest, in
    // order; none when the agent's own `ip` commands already did everything.
    virtual std::vector<std::vector<std::string>> liveCommands(const RootFs &,
                                                               const NetworkSettings &) const {
        return {};
    }
};

} // namespace vmeclone::agent
