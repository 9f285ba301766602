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
};

} // namespace vmeclone::agent
