#include "mac_channel.h"

#include "identity.h"
#include "net_interfaces.h"

namespace vmeclone::agent {

bool MacChannel::read(const RootFs &fs, const protocol::KeyValueText &config,
                      protocol::KeyValueText &document, std::string &why,
                      std::vector<std::string> &) const {
    const std::string subnet = config.value("subnet");
    std::uint32_t network = 0;
    int prefix = 0;
    if (subnet.empty()) {
        why = "no subnet in the agent config to rebuild the address from the MAC";
        return false;
    }
    if (!parseSubnet(subnet, network, prefix)) {
        why = "subnet \"" + subnet + "\" in the agent config is not a CIDR like 192.168.1.0/24";
        return false;
    }

    const std::vector<NetInterface> interfaces = NetInterfaces::scan(fs);
    std::string seen;
    for (const NetInterface &nic : interfaces) {
        if (!nic.mac)
            continue;
        seen += (seen.empty() ? "" : ", ") + nic.name + " " + protocol::formatMac(*nic.mac);
        if (!protocol::isVmeStaticMac(*nic.mac))
            continue;
        const auto ip = protocol::ipv4ForMac(*nic.mac, network, prefix);
        if (!ip)
            continue;
        document.set("ip", protocol::formatIpv4(*ip));
        document.set("prefix", std::to_string(prefix));
        document.set("mac", protocol::formatMac(*nic.mac));
        document.set("interface", nic.name);
        document.set("instance", "mac-" + protocol::formatMac(*nic.mac));
        return true;
    }
    why = "no interface has a vmeclone static MAC (00:50:56:00-3f:xx:xx) of a host in " + subnet
          + (seen.empty() ? std::string(" (no interfaces under ") + kNetDir + ")"
                          : " (found " + seen + ")");
    return false;
}

} // namespace vmeclone::agent
