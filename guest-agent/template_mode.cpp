#include "template_mode.h"

#include "fw_cfg_channel.h"
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
    unsigned char bytes[16];
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::read(fd, bytes, sizeof bytes) != static_cast<ssize_t>(sizeof bytes)) {
        error = std::string("cannot read /dev/urandom: ") + std::strerror(errno);
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    static const char hex[] = "0123456789abcdef";
    id.clear();
    for (unsigned char b : bytes) {
        id += hex[b >> 4];
        id += hex[b & 15];
    }
    return fs.writeFileAtomic("/etc/machine-id", id + "\n", error, 0444);
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
