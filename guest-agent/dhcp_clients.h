#pragma once
// The DHCP clients a golden's own configuration started for the clone's NIC before the
// agent ran (ifupdown's `iface ens3 inet dhcp` runs dhclient at boot; RHEL 6's ifcfg
// BOOTPROTO=dhcp too). Left running, such a client adds its lease's address back beside
// the clone's static one and renews it for as long as the clone runs. The agent stops
// them before it gives the NIC its address: found by their command line in /proc (the
// program dhclient, dhcpcd or udhcpc, and the interface named among its arguments).

#include "root_fs.h"

#include <string>
#include <vector>

namespace vmeclone::agent {

struct DhcpClient {
    int pid = 0;
    std::string program; // "dhclient"
};

class DhcpClients {
public:
    // Those running for `interfaceName`, from <root>/proc.
    static std::vector<DhcpClient> find(const RootFs &fs, const std::string &interfaceName);
    // Processes of one of `programs` (by the base name of argv[0]) naming the interface.
    static std::vector<DhcpClient> running(const RootFs &fs, const std::string &interfaceName,
                                           const std::vector<std::string> &programs);
    // A client of the interface runs, or an `ifup` of it that may start one.
    static bool pending(const RootFs &fs, const std::string &interfaceName);
    // Waits up to `timeoutMs` for an `ifup` of the interface to finish (it starts the
    // client), then SIGKILL to each client (in the real guest only: under a test root
    // they are only found), waiting up to `timeoutMs` for them to exit. Returns what it stopped, as
    // "dhclient (pid 412)"; `error` names one that would not stop.
    static std::vector<std::string> stop(const RootFs &fs, const std::string &interfaceName,
                                         int timeoutMs, std::string &error);
};

} // namespace vmeclone::agent
