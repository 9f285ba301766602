#pragma once
// RHEL, CentOS and Fedora initscripts (6 to 9): /etc/sysconfig/network-scripts/ifcfg-<if>,
// for the primary interface and each further NIC with an address (no GATEWAY, no DNSn).
// The interface's file is rewritten in place: the keys the agent owns (DEVICE, BOOTPROTO,
// ONBOOT, IPADDR, PREFIX or NETMASK, GATEWAY, DNSn) are replaced by a static block where
// the first of them stood, HWADDR, MACADDR and UUID are dropped (CentOS 6 refuses to bring
// up a NIC whose MAC differs from HWADDR; a copied UUID makes two clones one connection
// for NetworkManager), and every other line stays as it was.

#include "network_writer.h"

namespace vmeclone::agent {

class IfcfgWriter : public NetworkWriter {
public:
    static constexpr const char *kDir = "/etc/sysconfig/network-scripts";
    static constexpr const char *kNetworkManagerConf = "/etc/NetworkManager/NetworkManager.conf";

    // RHEL 6's initscripts write NETMASK; 7 and later PREFIX (both read either).
    explicit IfcfgWriter(bool rhel6)
        : m_rhel6(rhel6) {}

    const char *name() const override { return "ifcfg"; }
    // An ifcfg-* file for some interface other than lo.
    bool appliesTo(const RootFs &fs) const override;
    bool write(const RootFs &fs, const NetworkSettings &settings,
               std::string &error) const override;
    // With NetworkManager (RHEL 7 to 9), each file is loaded and activated as its ifup
    // does; the legacy network service needs nothing beyond the agent's own `ip`.
    std::vector<std::vector<std::string>>
    liveCommands(const RootFs &fs, const NetworkSettings &settings) const override;

    static std::string pathFor(const std::string &interfaceName);
    // For one interface (`settings.further` is not read).
    static std::string rewrite(const std::string &current, const NetworkSettings &settings,
                               bool rhel6);

private:
    bool m_rhel6 = false;
};

} // namespace vmeclone::agent
