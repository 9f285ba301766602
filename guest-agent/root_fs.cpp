#include "root_fs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vmeclone::agent {

namespace {

std::string describe(const std::string &what, const std::string &path) {
    return what + " " + path + ": " + std::strerror(errno);
}

bool writeAll(int fd, const char *data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

std::string parentOf(const std::string &path) {
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? std::string("/") : path.substr(0, slash);
}

} // namespace

RootFs::RootFs(std::string root)
    : m_root(std::move(root)) {
    while (m_root.size() > 1 && m_root.back() == '/')
        m_root.pop_back();
    if (m_root == "/")
        m_root.clear(); // guest paths are already absolute
}

std::string RootFs::path(std::string_view guestPath) const {
    return m_root + std::string(guestPath);
}

bool RootFs::exists(std::string_view guestPath) const {
    struct stat st {};
    return ::stat(path(guestPath).c_str(), &st) == 0;
}

bool RootFs::isDirectory(std::string_view guestPath) const {
    struct stat st {};
    return ::stat(path(guestPath).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool RootFs::isRegularFile(std::string_view guestPath) const {
    struct stat st {};
    return ::lstat(path(guestPath).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool RootFs::isSymlink(std::string_view guestPath) const {
    struct stat st {};
    return ::lstat(path(guestPath).c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

bool RootFs::hasMode(std::string_view guestPath, unsigned mode) const {
    struct stat st {};
    return ::stat(path(guestPath).c_str(), &st) == 0 && (st.st_mode & 07777) == mode;
}

bool RootFs::readFile(std::string_view guestPath, std::string &out, std::string &error) const {
    const std::string hostPath = path(guestPath);
    const int fd = ::open(hostPath.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = describe("cannot open", hostPath);
        return false;
    }
    out.clear();
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error = describe("cannot read", hostPath);
            ::close(fd);
            return false;
        }
        out.append(buffer, static_cast<std::size_t>(n));
        // Identity and config files are small; a huge one is a mistake, not data.
        if (out.size() > (1u << 20)) {
            error = "refusing " + hostPath + ": larger than 1 MiB";
            ::close(fd);
            return false;
        }
    }
    ::close(fd);
    return true;
}

std::vector<std::string> RootFs::list(std::string_view guestPath) const {
    std::vector<std::string> names;
    DIR *dir = ::opendir(path(guestPath).c_str());
    if (!dir)
        return names;
    while (const dirent *entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

bool RootFs::makeParents(const std::string &hostPath, std::string &error) const {
    const std::string parent = parentOf(hostPath);
    struct stat st {};
    if (::stat(parent.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return true;
        errno = ENOTDIR;
        error = describe("cannot create directory", parent);
        return false;
    }
    if (parent == "/" || parent == "." || !makeParents(parent, error))
        return false;
    if (::mkdir(parent.c_str(), 0755) != 0 && errno != EEXIST) {
        error = describe("cannot create directory", parent);
        return false;
    }
    return true;
}

bool RootFs::writeFileAtomic(std::string_view guestPath, std::string_view content,
                             std::string &error, unsigned mode) const {
    const std::string hostPath = path(guestPath);
    if (!makeParents(hostPath, error))
        return false;
    const std::string temporary = hostPath + ".vmeclone-new";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = describe("cannot create", temporary);
        return false;
    }
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0
        || !writeAll(fd, content.data(), content.size()) || ::fsync(fd) != 0) {
        error = describe("cannot write", temporary);
        ::close(fd);
        ::unlink(temporary.c_str());
        return false;
    }
    if (::close(fd) != 0 || ::rename(temporary.c_str(), hostPath.c_str()) != 0) {
        error = describe("cannot replace", hostPath);
        ::unlink(temporary.c_str());
        return false;
    }
    // The rename itself must reach the disk before a reboot, or the old file comes back.
    const int dirFd = ::open(parentOf(hostPath).c_str(), O_RDONLY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return true;
}

bool RootFs::appendLine(std::string_view guestPath, std::string_view line,
                        std::string &error) const {
    const std::string hostPath = path(guestPath);
    if (!makeParents(hostPath, error))
        return false;
    const int fd = ::open(hostPath.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = describe("cannot open", hostPath);
        return false;
    }
    std::string text(line);
    text.push_back('\n');
    const bool ok = writeAll(fd, text.data(), text.size());
    if (!ok)
        error = describe("cannot append to", hostPath);
    ::close(fd);
    return ok;
}

bool RootFs::remove(std::string_view guestPath) const {
    return ::unlink(path(guestPath).c_str()) == 0;
}

} // namespace vmeclone::agent
