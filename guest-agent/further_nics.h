#pragma once
// The clone's further NICs (Identity::furtherNics) as this guest has them, each found by
// its MAC among the guest's interfaces: those with an address become settings of their
// own (name, MAC, address; no gateway, no DNS), the others are described for the log and
// --check. A NIC the guest lacks does not stop the primary from coming up.

#include "identity.h"
#include "net_interfaces.h"
#include "network_settings.h"

#include <string>
#include <vector>

namespace vmeclone::agent {

struct FurtherNics {
    std::vector<NetworkSettings> configured;
    // "nic2 00:50:56:2a:01:b7 (ens35) left unconfigured: the identity gives it no address"
    std::vector<std::string> unconfigured;
    // "nic3 00:50:56:2b:01:b7: no interface of this guest has this MAC"
    std::vector<std::string> missing;

    static FurtherNics match(const std::vector<FurtherNic> &listed,
                             const std::vector<NetInterface> &interfaces);
};

} // namespace vmeclone::agent
