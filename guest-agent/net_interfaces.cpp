#include "net_interfaces.h"

#include <ctime>

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

bool NetInterfaces::waitForMac(const RootFs &fs, const protocol::Mac &mac, int timeoutMs) {
    const bool udev = fs.exists("/run/udev/control");
    const auto settled = [&] {
        for (const NetInterface &nic : scan(fs)) {
            if (nic.mac != mac)
                continue;
            if (!udev)
                return true;
            std::string index, error;
            if (!fs.readFile("/sys/class/net/" + nic.name + "/ifindex", index, error))
                return false;
            while (!index.empty() && (index.back() == '\n' || index.back() == ' '))
                index.pop_back();
            return fs.exists("/run/udev/data/n" + index);
        }
        return false;
    };
    constexpr int kPollMs = 50;
    for (int waited = 0;; waited += kPollMs) {
        if (settled())
            return true;
        if (!udev || waited >= timeoutMs)
            return false;
        timespec pause{0, kPollMs * 1000L * 1000L};
        ::nanosleep(&pause, nullptr);
    }
}

} // namespace vmeclone::agent
