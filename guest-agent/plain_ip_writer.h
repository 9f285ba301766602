#pragma once
// The agent's own record of what it configured, /etc/vmeclone/network.conf, written for
// every guest. Where the guest has no network configuration system of its own (busybox,
// minimal images: the plain-ip family) the agent is its network service and applies the
// record with `ip` at every boot.

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
