#pragma once
// Writes the guest's own network configuration so the new address survives a reboot.
// One writer per guest family (DESIGN §5): ifupdown and the plain-ip/busybox form here;
// ifcfg, netplan, NetworkManager and systemd-networkd are writers of the same shape.

#include "network_settings.h"
#include "root_fs.h"

#include <memory>
#include <string>
#include <vector>

namespace vmeclone::agent {

class NetworkWriter {
public:
    virtual ~NetworkWriter() = default;
    virtual const char *name() const = 0;
    // Whether this guest uses what the writer writes (decided by what exists under root).
    virtual bool appliesTo(const RootFs &fs) const = 0;
    // Writes; running it twice with the same settings changes nothing the second time.
    virtual bool write(const RootFs &fs, const NetworkSettings &settings,
                       std::string &error) const = 0;
};

// The writers that apply to this guest, in the order they run.
std::vector<std::unique_ptr<NetworkWriter>> applicableNetworkWriters(const RootFs &fs);

} // namespace vmeclone::agent
