#include "machine_id_reset.h"

namespace vmeclone::agent {

bool MachineIdReset::reset(const RootFs &fs, std::string &error) const {
    for (const char *path : {kMachineId, kDbusMachineId}) {
        if (!fs.isRegularFile(path))
            continue;
        std::string current;
        if (!fs.readFile(path, current, error))
            return false;
        if (current.empty())
            continue;
        if (!fs.writeFileAtomic(path, {}, error, kMode))
            return false;
    }
    return true;
}

} // namespace vmeclone::agent
