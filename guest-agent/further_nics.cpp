#include "further_nics.h"

#include <algorithm>

namespace vmeclone::agent {

FurtherNics FurtherNics::match(const std::vector<FurtherNic> &listed,
                               const std::vector<NetInterface> &interfaces) {
    FurtherNics result;
    for (const FurtherNic &further : listed) {
        const std::string name = further.key() + " " + protocol::formatMac(further.mac);
        const auto found =
            std::find_if(interfaces.begin(), interfaces.end(),
                         [&](const NetInterface &nic) { return nic.mac == further.mac; });
        if (found == interfaces.end()) {
            result.missing.push_back(name + ": no interface of this guest has this MAC");
            continue;
        }
        if (!further.ip) {
            result.unconfigured.push_back(name + " (" + found->name
                                          + ") left unconfigured: the identity gives it no "
                                            "address");
            continue;
        }
        NetworkSettings nic;
        nic.interfaceName = found->name;
        nic.mac = further.mac;
        nic.ip = *further.ip;
        nic.prefix = further.prefix;
        result.configured.push_back(std::move(nic));
    }
    return result;
}

} // namespace vmeclone::agent
