#include "template_mode.h"

#include "fw_cfg_channel.h"
#include "machine_id_reset.h"
#include "protocol/identity_document.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace vmeclone::agent {
namespace {

bool templateIdentity(const RootFs &fs) {
    std::string text, error;
    if (!fs.readFile(FwCfgChannel::kPath, text, error))
        return false;
    return protocol::KeyValueText::parse(text).value("template") == "yes";
}

} // namespace

bool TemplateMode::requested(const RootFs &fs) {
    return templateIdentity(fs);
}

bool TemplateMode::waitForClone(const RootFs &fs) {
    // SIGTERM and SIGINT are blocked (Agent::run): take them between reads.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    while (templateIdentity(fs)) {
        timespec wait{0, static_cast<long>(kPollMs) * 1000 * 1000};
        if (::sigtimedwait(&stop, nullptr, &wait) > 0)
            return false;
    }
    return true;
}

bool TemplateMode::freshMachineId(const RootFs &fs, std::string &id, std::string &error) {
    return MachineIdReset().renew(fs, id, error);
}

int TemplateMode::removeSshHostKeys(const RootFs &fs) {
    auto endsWith = [](const std::string &name, const std::string &tail) {
        return name.size() >= tail.size()
               && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
    };
    int removed = 0;
    for (const std::string &name : fs.list("/etc/ssh")) {
        const bool key = name.rfind("ssh_host_", 0) == 0
                         && (endsWith(name, "_key") || endsWith(name, "_key.pub"));
        if (key && fs.remove("/etc/ssh/" + name))
            ++removed;
    }
    return removed;
}

} // namespace vmeclone::agent
