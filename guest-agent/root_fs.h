#pragma once
// The guest's file system as the agent sees it: every path is absolute inside the guest
// and is prefixed with the root ("/" in a guest, a fixture tree under --root), so the
// same code configures a real guest and a test tree. Writes are atomic (temp, fsync,
// rename): a power cut leaves the old file or the new one, never half of one.

#include <string>
#include <string_view>
#include <vector>

namespace vmeclone::agent {

class RootFs {
public:
    explicit RootFs(std::string root);

    const std::string &root() const { return m_root; }
    // The host path of a guest path: "/etc/hostname" -> "<root>/etc/hostname".
    std::string path(std::string_view guestPath) const;

    bool exists(std::string_view guestPath) const;
    bool isDirectory(std::string_view guestPath) const;
    // A regular file itself, not a symbolic link to one (lstat).
    bool isRegularFile(std::string_view guestPath) const;
    // A symbolic link itself, whether or not its target exists (lstat).
    bool isSymlink(std::string_view guestPath) const;
    // Whether the file's permission bits are exactly `mode`.
    bool hasMode(std::string_view guestPath, unsigned mode) const;
    // Reads the whole file (sysfs and procfs files report no size: read to EOF).
    bool readFile(std::string_view guestPath, std::string &out, std::string &error) const;
    // Entry names of a directory, sorted, without "." and "..".
    std::vector<std::string> list(std::string_view guestPath) const;

    // Creates missing parent directories (0755), writes `<path>.vmeclone-new` with `mode`
    // (set exactly, whatever the umask: NetworkManager ignores keyfiles that are not 0600),
    // fsyncs it, renames it over `path` and fsyncs the directory. Leaves no temporary file.
    bool writeFileAtomic(std::string_view guestPath, std::string_view content, std::string &error,
                         unsigned mode = 0644) const;
    // Appends one line (a '\n' is added), creating the file and its parents.
    bool appendLine(std::string_view guestPath, std::string_view line, std::string &error) const;
    bool remove(std::string_view guestPath) const;

private:
    bool makeParents(const std::string &hostPath, std::string &error) const;

    std::string m_root;
};

} // namespace vmeclone::agent
