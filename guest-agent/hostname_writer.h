#pragma once
// The clone's host name in the guest's files: /etc/hostname everywhere (systemd, Debian,
// busybox); HOSTNAME= in /etc/sysconfig/network where RHEL 6 reads it (and wherever a
// golden still has the line, so it never names the golden); on Debian-likes, the
// 127.0.1.1 line of /etc/hosts that their installers write for the host's own name
// (names of the old host become the new one's, a domain kept: vm176.lab -> vm181.lab).
// Other /etc/hosts lines are the operator's and stay.

#include "root_fs.h"

#include <string>

namespace vmeclone::agent {

class HostnameWriter {
public:
    static constexpr const char *kHostname = "/etc/hostname";
    static constexpr const char *kHosts = "/etc/hosts";
    static constexpr const char *kSysconfigNetwork = "/etc/sysconfig/network";

    // `rhel6`: /etc/sysconfig/network holds the name; `debianLike`: /etc/hosts has 127.0.1.1.
    HostnameWriter(bool rhel6, bool debianLike)
        : m_rhel6(rhel6)
        , m_debianLike(debianLike) {}

    bool write(const RootFs &fs, const std::string &hostname, std::string &error) const;

    static std::string rewriteHosts(const std::string &current, const std::string &oldName,
                                    const std::string &newName);
    // Sets HOSTNAME=; `add` appends it when the file has none.
    static std::string rewriteSysconfigNetwork(const std::string &current,
                                               const std::string &newName, bool add);

private:
    bool m_rhel6 = false;
    bool m_debianLike = false;
};

} // namespace vmeclone::agent
