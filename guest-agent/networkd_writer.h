#pragma once
// systemd-networkd: /etc/systemd/network/10-vmeclone.network, matched by MAC, and
// 10-vmeclone-<if>.network for each further NIC with an address (no gateway, no DNS).
// networkd applies to an interface the first .network file, in name order over /etc, /run
// and /usr/lib, that matches it; "10-" comes before the usual 20-wired.network or
// 50-*.network of a golden (a golden file named 0* or 10-[0-u]* would still come first:
// see README.md).

#include "network_writer.h"

namespace vmeclone::agent {

class NetworkdWriter : public NetworkWriter {
public:
    static constexpr const char *kDir = "/etc/systemd/network";
    static constexpr const char *kPath = "/etc/systemd/network/10-vmeclone.network";
    static constexpr const char *kEnabledLink =
        "/etc/systemd/system/multi-user.target.wants/systemd-networkd.service";

    const char *name() const override { return "systemd-networkd"; }
    // A .network file in /etc/systemd/network, or systemd-networkd enabled.
    bool appliesTo(const RootFs &fs) const override;
    bool write(const RootFs &fs, const NetworkSettings &settings,
               std::string &error) const override;
    // `networkctl reload` (systemd 244 and later) re-reads the files and reconfigures
    // the interfaces whose file changed.
    std::vector<std::vector<std::string>>
    liveCommands(const RootFs &fs, const NetworkSettings &settings) const override;

    // For one interface (`settings.further` is not read).
    static std::string unit(const NetworkSettings &settings);
    static std::string furtherPath(const NetworkSettings &nic);
};

} // namespace vmeclone::agent
