#pragma once
// The guest's network interfaces from sysfs (/sys/class/net/<name>/address), without lo.

#include "protocol/addressing.h"
#include "root_fs.h"

#include <optional>
#include <string>
#include <vector>

namespace vmeclone::agent {

struct NetInterface {
    std::string name;
    std::optional<protocol::Mac> mac;
};

class NetInterfaces {
public:
    // Sorted by name; an interface whose address cannot be read has no mac.
    static std::vector<NetInterface> scan(const RootFs &fs);

    // Where udev runs (/run/udev/control), a NIC is named for good only once udev has
    // processed it (its database entry /run/udev/data/n<ifindex> exists): before that the
    // kernel's eth0 may still become ens3, or the NIC may not be probed yet at all when the
    // agent starts. Waits up to `timeoutMs` for the NIC with `mac` to be there and, with
    // udev, processed. True when it is; at once when udev does not run (busybox's mdev,
    // a test tree) and the NIC is there, or when it is not there and udev does not run.
    static bool waitForMac(const RootFs &fs, const protocol::Mac &mac, int timeoutMs);
};

} // namespace vmeclone::agent
