#include "dhcp_clients.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <sys/types.h>

namespace vmeclone::agent {
namespace {

bool allDigits(const std::string &s) {
    if (s.empty())
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

std::string baseName(const std::string &path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

namespace {
const std::vector<std::string> kClients = {"dhclient", "dhcpcd", "udhcpc"};
} // namespace

std::vector<DhcpClient> DhcpClients::find(const RootFs &fs, const std::string &interfaceName) {
    return running(fs, interfaceName, kClients);
}

bool DhcpClients::pending(const RootFs &fs, const std::string &interfaceName) {
    std::vector<std::string> programs = kClients;
    programs.push_back("ifup");
    return !running(fs, interfaceName, programs).empty();
}

std::vector<DhcpClient> DhcpClients::running(const RootFs &fs, const std::string &interfaceName,
                                             const std::vector<std::string> &programs) {
    std::vector<DhcpClient> found;
    for (const std::string &entry : fs.list("/proc")) {
        if (!allDigits(entry))
            continue;
        std::string cmdline, error;
        if (!fs.readFile("/proc/" + entry + "/cmdline", cmdline, error) || cmdline.empty())
            continue;
        std::vector<std::string> argv;
        std::size_t start = 0;
        while (start < cmdline.size()) {
            const std::size_t end = cmdline.find('\0', start);
            argv.push_back(
                cmdline.substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (end == std::string::npos)
                break;
            start = end + 1;
        }
        const std::string program = baseName(argv.front());
        if (std::find(programs.begin(), programs.end(), program) == programs.end())
            continue;
        for (std::size_t i = 1; i < argv.size(); ++i) {
            if (argv[i] == interfaceName) {
                found.push_back({std::stoi(entry), program});
                break;
            }
        }
    }
    return found;
}

std::vector<std::string> DhcpClients::stop(const RootFs &fs, const std::string &interfaceName,
                                           int timeoutMs, std::string &error) {
    std::vector<std::string> stopped;
    const bool realGuest = fs.root().empty() || fs.root() == "/";
    // An ifup still running for the interface (ifupdown's hotplug ifup@, RHEL's ifup
    // script) is about to start its client: it is let finish first.
    constexpr int kPollMs = 20;
    for (int waited = 0; waited < timeoutMs && !running(fs, interfaceName, {"ifup"}).empty();
         waited += kPollMs) {
        timespec pause{0, kPollMs * 1000L * 1000L};
        ::nanosleep(&pause, nullptr);
    }
    for (const DhcpClient &client : find(fs, interfaceName)) {
        const std::string name = client.program + " (pid " + std::to_string(client.pid) + ")";
        if (!realGuest) { // a test tree's /proc names no process of this machine
            stopped.push_back(client.program + " (pid " + std::to_string(client.pid)
                              + ", not signalled under --root)");
            continue;
        }
        // SIGKILL, not SIGTERM: on SIGTERM dhclient runs its script (reason STOP), which
        // flushes the interface's addresses and, under emulation, took 2-4 s in a Debian
        // clone. Nothing of the golden's lease is worth keeping.
        if (::kill(client.pid, SIGKILL) != 0 && errno != ESRCH) {
            error = "cannot stop " + name + ": " + std::strerror(errno);
            continue;
        }
        int waited = 0;
        while (::kill(client.pid, 0) == 0 && waited < timeoutMs) {
            timespec pause{0, kPollMs * 1000L * 1000L};
            ::nanosleep(&pause, nullptr);
            waited += kPollMs;
        }
        if (::kill(client.pid, 0) == 0)
            error =
                name + " did not exit within " + std::to_string(timeoutMs / 1000) + " s of SIGKILL";
        else
            stopped.push_back(name);
    }
    return stopped;
}

} // namespace vmeclone::agent
