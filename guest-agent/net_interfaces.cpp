#include "net_interfaces.h"

namespace vmeclone::agent {

std::vector<NetInterface> NetInterfaces::scan(const RootFs &fs) {
    std::vector<NetInterface> result;
    for (const std::string &name : fs.list("/sys/class/net")) {
        if (name == "lo")
            continue;
        NetInterface nic;
        nic.name = name;
        std::string text, error;
        if (fs.readFile("/sys/class/net/" + name + "/address", text, error)) {
            while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
                text.pop_back();
            nic.mac = protocol::parseMac(text);
        }
        result.push_back(std::move(nic));
    }
    return result;
}

} // namespace vmeclone::agent
