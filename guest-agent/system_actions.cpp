#include "system_actions.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

namespace vmeclone::agent {

namespace {

constexpr const char *kSystemDirs[] = {"/sbin", "/bin", "/usr/sbin", "/usr/bin"};
// Guest tools answer with one value; anything longer is not an answer.
constexpr std::size_t kMaxQueryOutput = 64 * 1024;

std::string joined(const std::vector<std::string> &argv) {
    std::string line;
    for (const std::string &arg : argv) {
        if (!line.empty())
            line.push_back(' ');
        line += arg;
    }
    return line;
}

std::string findIn(const std::string &prefix, const std::string &name) {
    if (name.find('/') != std::string::npos)
        return {};
    for (const char *dir : kSystemDirs) {
        const std::string candidate = prefix + dir + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

std::string findExecutable(const std::string &name) {
    if (name.find('/') != std::string::npos)
        return ::access(name.c_str(), X_OK) == 0 ? name : std::string();
    return findIn({}, name);
}

long long nowMs() {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// The child's side of run and capture: default signal mask, fixed PATH, no shell.
[[noreturn]] void execChild(const std::string &path, const std::vector<std::string> &argv) {
    // The agent blocks SIGTERM to wait for it; the command must not inherit that.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    std::vector<char *> args;
    for (const std::string &arg : argv)
        args.push_back(const_cast<char *>(arg.c_str()));
    args.push_back(nullptr);
    char pathEnv[] = "PATH=/sbin:/bin:/usr/sbin:/usr/bin";
    char *env[] = {pathEnv, nullptr};
    ::execve(path.c_str(), args.data(), env);
    ::_exit(127);
}

bool waitFor(pid_t pid, const std::vector<std::string> &argv, std::string &error) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            error = "cannot wait for " + joined(argv) + ": " + std::strerror(errno);
            return false;
        }
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        error = joined(argv) + " could not be started (exit status 127)";
    else if (WIFEXITED(status))
        error = joined(argv) + " exited with status " + std::to_string(WEXITSTATUS(status));
    else
        error = joined(argv) + " was killed by signal " + std::to_string(WTERMSIG(status));
    return false;
}

std::string firstLine(const std::string &text) {
    std::string line = text.substr(0, text.find('\n'));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    return line;
}

} // namespace

SystemActions SystemActions::live() {
    return SystemActions(nullptr, false);
}

SystemActions SystemActions::recordingInto(const RootFs &fs, bool allowRootPrograms) {
    return SystemActions(&fs, allowRootPrograms);
}

bool SystemActions::record(const std::vector<std::string> &argv, std::string &error) const {
    return m_recordInto->appendLine(kCommandsLog, joined(argv), error);
}

namespace {

// Forks for argv (argv[0] found in the system folders): the child runs `inChild` with the
// program's path (it never returns); the parent gets the child's pid, or -1 with `error`.
template <typename InChild>
pid_t forkFor(const std::vector<std::string> &argv, std::string &error, InChild inChild) {
    const std::string path = findExecutable(argv.at(0));
    if (path.empty()) {
        error = "no executable " + argv[0] + " in /sbin, /bin, /usr/sbin or /usr/bin";
        return -1;
    }
    const pid_t pid = ::fork();
    if (pid < 0)
        error = "cannot fork for " + joined(argv) + ": " + std::strerror(errno);
    else if (pid == 0)
        inChild(path);
    return pid;
}

} // namespace

bool SystemActions::run(const std::vector<std::string> &argv, std::string &error) const {
    if (isRecording())
        return record(argv, error);
    const pid_t pid = forkFor(argv, error, [&](const std::string &path) { execChild(path, argv); });
    return pid > 0 && waitFor(pid, argv, error);
}

bool SystemActions::start(const std::vector<std::string> &argv, std::string &error) const {
    if (isRecording()) {
        std::vector<std::string> shown = argv;
        shown.push_back("&");
        return record(shown, error);
    }
    // Twice: the middle child exits at once, so the command is init's child, reaped there.
    const pid_t pid = forkFor(argv, error, [&](const std::string &path) {
        ::setsid();
        const pid_t grandchild = ::fork();
        if (grandchild == 0)
            execChild(path, argv);
        ::_exit(grandchild < 0 ? 1 : 0);
    });
    if (pid < 0)
        return false;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        error = "cannot start " + joined(argv);
        return false;
    }
    return true;
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
        return record({"reboot"}, error);
    // The guest's own command stops services and unmounts cleanly (SysV, upstart,
    // systemd and busybox init alike); reboot(2) alone would pull the plug.
    std::string commandError;
    if (!findExecutable("reboot").empty() && run({"reboot"}, commandError))
        return true;
    ::sync();
    ::reboot(RB_AUTOBOOT);
    error = std::string("reboot failed: ") + std::strerror(errno)
            + (commandError.empty() ? std::string() : " (and " + commandError + ")");
    return false;
}

std::string SystemActions::locate(const std::string &name, std::string &why) const {
    if (!isRecording()) {
        const std::string path = findIn({}, name);
        if (path.empty())
            why = "no " + name + " in /sbin, /bin, /usr/sbin or /usr/bin";
        return path;
    }
    if (!m_allowRootPrograms) {
        why = "guest tools are not run under --root without --allow-root-programs";
        return {};
    }
    const std::string path = findIn(m_recordInto->root(), name);
    if (path.empty())
        why = "no " + name + " in " + m_recordInto->root() + "/{sbin,bin,usr/sbin,usr/bin}";
    return path;
}

bool SystemActions::capture(const std::vector<std::string> &argv, std::string &out,
                            std::string &error, int timeoutMs) const {
    out.clear();
    const std::string path = locate(argv.at(0), error);
    if (path.empty())
        return false;

    int outPipe[2] = {-1, -1};
    int errPipe[2] = {-1, -1};
    if (::pipe2(outPipe, O_CLOEXEC) != 0 || ::pipe2(errPipe, O_CLOEXEC) != 0) {
        error = "cannot make a pipe for " + argv[0] + ": " + std::strerror(errno);
        for (const int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1]}) {
            if (fd >= 0)
                ::close(fd);
        }
        return false;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        error = "cannot fork for " + argv[0] + ": " + std::strerror(errno);
        for (const int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1]})
            ::close(fd);
        return false;
    }
    if (pid == 0) {
        const int devNull = ::open("/dev/null", O_RDONLY);
        if (devNull < 0 || ::dup2(devNull, 0) < 0 || ::dup2(outPipe[1], 1) < 0
            || ::dup2(errPipe[1], 2) < 0)
            ::_exit(127);
        std::vector<std::string> args = argv;
        args[0] = path;
        execChild(path, args);
    }
    ::close(outPipe[1]);
    ::close(errPipe[1]);

    std::string errText;
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    int open = 2;
    bool timedOut = false;
    const long long deadline = nowMs() + timeoutMs;
    while (open > 0) {
        const long long left = deadline - nowMs();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        const int ready = ::poll(fds, 2, static_cast<int>(left));
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            char buffer[4096];
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                ::close(fds[i].fd);
                fds[i].fd = -1; // poll ignores negative descriptors
                --open;
                continue;
            }
            std::string &into = i == 0 ? out : errText;
            if (into.size() < kMaxQueryOutput)
                into.append(buffer, static_cast<std::size_t>(n));
        }
    }
    for (const pollfd &p : fds) {
        if (p.fd >= 0)
            ::close(p.fd);
    }
    if (timedOut)
        ::kill(pid, SIGKILL);
    std::string how;
    const bool ok = waitFor(pid, argv, how);
    if (timedOut) {
        error = joined(argv) + " did not answer within " + std::to_string(timeoutMs / 1000) + " s";
        return false;
    }
    if (!ok) {
        const std::string said = firstLine(errText.empty() ? out : errText);
        error = said.empty() ? how : how + ": " + said;
        return false;
    }
    return true;
}

} // namespace vmeclone::agent
