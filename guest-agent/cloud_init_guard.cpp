#include "cloud_init_guard.h"

namespace vmeclone::agent {

bool CloudInitGuard::write(const RootFs &fs, std::string &error) const {
    const std::string text = "# Written by vmeclone-agent, which configures this clone's "
                             "network itself.\nnetwork: {config: disabled}\n";
    std::string current, ignored;
    if (fs.readFile(kPath, current, ignored) && current == text)
        return true;
    return fs.writeFileAtomic(kPath, text, error);
}

} // namespace vmeclone::agent
