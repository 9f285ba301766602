#pragma once
// /etc/resolv.conf, where no resolver manager owns it. Debian's ifupdown passes
// `dns-nameservers` only to the resolvconf package, and a guest without it (the default
// install) keeps the golden's name servers in a plain file: the agent writes the clone's.
// Where the file is a symbolic link (systemd-resolved's stub, resolvconf's or
// NetworkManager's file under /run) the manager writes it from the family's own files, and
// the agent leaves it alone.

#include "network_settings.h"
#include "root_fs.h"

#include <string>

namespace vmeclone::agent {

class ResolvConfWriter {
public:
    static constexpr const char *kPath = "/etc/resolv.conf";

    // The settings name servers and the file is a plain one (or absent).
    static bool appliesTo(const RootFs &fs, const NetworkSettings &settings);
    // The file's content for these settings.
    static std::string content(const NetworkSettings &settings);
    // Writes the file unless it already says exactly that.
    bool write(const RootFs &fs, const NetworkSettings &settings, std::string &error) const;
};

} // namespace vmeclone::agent
