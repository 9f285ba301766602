#pragma once
// VMware guestinfo: the console writes `guestinfo.vmeclone.ip = "..."` and the other keys
// into the clone's .vmx; the guest reads each with open-vm-tools'
// `vmware-rpctool "info-get guestinfo.vmeclone.ip"`, or `vmtoolsd --cmd "info-get ..."`
// where only vmtoolsd is installed. The channel runs them through SystemActions, so under
// --root it needs --allow-root-programs and stand-ins in the tree (see system_actions.h).

#include "identity_channel.h"
#include "system_actions.h"

namespace vmeclone::agent {

class GuestinfoChannel : public IdentityChannel {
public:
    static constexpr const char *kPrefix = "guestinfo.vmeclone.";
    // What the console writes, in identity-document keys (protocol/identity_document.h);
    // then `nics` and the nic<N> it lists, read after these.
    static constexpr const char *kKeys[] = {"ip",       "prefix",   "gateway", "dns",
                                            "hostname", "console",  "port",    "key",
                                            "instance", "heartbeat"};

    explicit GuestinfoChannel(const SystemActions &actions)
        : m_actions(actions) {}

    const char *name() const override { return "guestinfo"; }
    std::string source() const override;
    bool read(const RootFs &fs, const protocol::KeyValueText &config,
              protocol::KeyValueText &document, std::string &why,
              std::vector<std::string> &warnings) const override;

private:
    // One key through one tool: the value, or false with `error`.
    bool query(const std::string &tool, const std::string &key, std::string &value,
               std::string &error) const;

    const SystemActions &m_actions;
    mutable std::string m_tool; // the tool that answered, for source()
};

} // namespace vmeclone::agent
