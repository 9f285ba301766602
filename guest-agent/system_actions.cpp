#include "system_actions.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

namespace vmeclone::agent {

namespace {

std::string joined(const std::vector<std::string> &argv) {
    std::string line;
    for (const std::string &arg : argv) {
        if (!line.empty())
            line.push_back(' ');
        line += arg;
    }
    return line;
}

std::string findExecutable(const std::string &name) {
    if (name.find('/') != std::string::npos)
        return ::access(name.c_str(), X_OK) == 0 ? name : std::string();
    for (const char *dir : {"/sbin", "/bin", "/usr/sbin", "/usr/bin"}) {
        const std::string candidate = std::string(dir) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

} // namespace

SystemActions SystemActions::live() {
    return SystemActions(nullptr);
}

SystemActions SystemActions::recordingInto(const RootFs &fs) {
    return SystemActions(&fs);
}

bool SystemActions::record(const std::vector<std::string> &argv, std::string &error) const {
    return m_recordInto->appendLine(kCommandsLog, joined(argv), error);
}

bool SystemActions::run(const std::vector<std::string> &argv, std::string &error) const {
    if (isRecording())
        return record(argv, error);

    const std::string path = findExecutable(argv.at(0));
    if (path.empty()) {
        error = "no executable " + argv[0] + " in /sbin, /bin, /usr/sbin or /usr/bin";
        return false;
    }
    std::vector<char *> args;
    for (const std::string &arg : argv)
        args.push_back(const_cast<char *>(arg.c_str()));
    args.push_back(nullptr);
    char pathEnv[] = "PATH=/sbin:/bin:/usr/sbin:/usr/bin";
    char *env[] = {pathEnv, nullptr};

    const pid_t pid = ::fork();
    if (pid < 0) {
        error = "cannot fork for " + joined(argv) + ": " + std::strerror(errno);
        return false;
    }
    if (pid == 0) {
        // The agent blocks SIGTERM to wait for it; the command must not inherit that.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        ::execve(path.c_str(), args.data(), env);
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            error = "cannot wait for " + joined(argv) + ": " + std::strerror(errno);
            return false;
        }
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;
    if (WIFEXITED(status))
        error = joined(argv) + " exited with status " + std::to_string(WEXITSTATUS(status));
    else
        error = joined(argv) + " was killed by signal " + std::to_string(WTERMSIG(status));
    return false;
}

bool SystemActions::setHostname(const std::string &name, std::string &error) const {
    if (isRecording())
        return record({"hostname", name}, error);
    if (::sethostname(name.c_str(), name.size()) != 0) {
        error = "cannot set the host name to " + name + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

bool SystemActions::reboot(std::string &error) const {
    if (isRecording())
        return record({"sync"}, error) && record({"reboot"}, error);
    ::sync();
    ::reboot(RB_AUTOBOOT);
    error = std::string("reboot failed: ") + std::strerror(errno);
    return false;
}

} // namespace vmeclone::agent
