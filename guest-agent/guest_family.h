#pragma once
// Which kind of guest this is, decided by what exists under the root, and so which
// writer configures its network (DESIGN §5). First match wins:
//   netplan           /etc/netplan/*.yaml (netplan renders for networkd or NetworkManager)
//   ifcfg             /etc/sysconfig/network-scripts/ifcfg-<not lo>; "RHEL 6" without systemd
//   systemd-networkd  /etc/systemd/network/*.network, or systemd-networkd enabled
//   networkmanager    /etc/NetworkManager, unless /etc/network/interfaces brings up a NIC
//                     (NetworkManager leaves those to ifupdown)
//   ifupdown          /etc/network/interfaces
//   plain-ip          none of these (busybox): the agent is the network service
// README.md has the table with what each family writes and how it takes effect.

#include "network_writer.h"
#include "root_fs.h"

#include <memory>
#include <string>

namespace vmeclone::agent {

class GuestFamily {
public:
    static constexpr const char *kDebianVersion = "/etc/debian_version";
    static constexpr const char *kSystemd[] = {"/lib/systemd/systemd", "/usr/lib/systemd/systemd"};

    static GuestFamily detect(const RootFs &fs);

    // "ifcfg (RHEL 6)", "netplan", ..., for logs and --check.
    std::string name() const;
    // The family's own network writer; null for plain-ip.
    const NetworkWriter *writer() const { return m_writer.get(); }
    bool systemd() const { return m_systemd; }
    bool debianLike() const { return m_debianLike; }
    // ifcfg without systemd: initscripts read the host name from /etc/sysconfig/network.
    bool rhel6() const { return m_rhel6; }

private:
    std::shared_ptr<NetworkWriter> m_writer; // shared: a family is copied into plans
    bool m_systemd = false;
    bool m_debianLike = false;
    bool m_rhel6 = false;
};

} // namespace vmeclone::agent
