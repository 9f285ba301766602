#pragma once
// Guests without a network configuration system of their own (busybox, minimal images):
// the agent is their network service. It keeps the settings in /etc/vmeclone/network.conf
// and applies them with `ip` at every boot. Written for every guest, so the agent always
// has its own record of what it configured.

#include "network_writer.h"

namespace vmeclone::agent {

class PlainIpWriter : public NetworkWriter {
public:
    static constexpr const char *kPath = "/etc/vmeclone/network.conf";

    const char *name() const override { return "plain-ip"; }
    bool appliesTo(const RootFs &) const override { return true; }
    bool write(const RootFs &fs, const NetworkSettings &settings,
               std::string &error) const override;
};

} // namespace vmeclone::agent
