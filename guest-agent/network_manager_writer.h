#pragma once
// NetworkManager keyfiles (RHEL 9, Fedora, desktops): a profile of the agent's own,
// /etc/NetworkManager/system-connections/vmeclone-<if>.nmconnection, mode 0600 (NetworkManager
// ignores keyfiles others can read), bound to the interface by name and MAC; one for each
// further NIC with an address too, without gateway and DNS. The golden's profiles are left
// as they are: these carry the highest autoconnect priority, so NetworkManager chooses
// them for their interfaces.

#include "network_writer.h"

namespace vmeclone::agent {

class NetworkManagerWriter : public NetworkWriter {
public:
    static constexpr const char *kDir = "/etc/NetworkManager/system-connections";
    static constexpr const char *kConf = "/etc/NetworkManager/NetworkManager.conf";
    static constexpr unsigned kMode = 0600;

    const char *name() const override { return "networkmanager"; }
    bool appliesTo(const RootFs &fs) const override;
    bool write(const RootFs &fs, const NetworkSettings &settings,
               std::string &error) const override;
    // `nmcli connection reload` then `nmcli connection up id vmeclone-<if>` for each.
    std::vector<std::vector<std::string>>
    liveCommands(const RootFs &fs, const NetworkSettings &settings) const override;

    // For one interface (`settings.further` is not read).
    static std::string connectionId(const NetworkSettings &settings);
    static std::string pathFor(const NetworkSettings &settings);
    static std::string keyfile(const NetworkSettings &settings);
};

} // namespace vmeclone::agent
