#pragma once
// Debian's ifupdown: replaces the interface's `iface IF inet ...` stanza in
// /etc/network/interfaces with a static one (adding `auto IF` when nothing brings it up),
// and so for each further NIC with an address, and keeps every other line as it was. Rewriting the
// file in place rather than adding interfaces.d/vmeclone avoids two stanzas for one interface (the
// golden's dhcp one and ours), which ifupdown would both try.

#include "network_writer.h"

namespace vmeclone::agent {

class IfupdownWriter : public NetworkWriter {
public:
    static constexpr const char *kPath = "/etc/network/interfaces";

    const char *name() const override { return "ifupdown"; }
    bool appliesTo(const RootFs &fs) const override;
    bool write(const RootFs &fs, const NetworkSettings &settings,
               std::string &error) const override;

    // The new file text for `current`, for one interface (`settings.further` is not
    // read); exposed for reasoning about idempotence.
    static std::string rewrite(const std::string &current, const NetworkSettings &settings);
    // Whether the file brings up a real interface (an `iface` stanza other than lo):
    // NetworkManager leaves such interfaces to ifupdown.
    static bool configuresAnInterface(const RootFs &fs);
};

} // namespace vmeclone::agent
