#pragma once
// The patent's own channel: the clone's static MAC carries the low 22 bits of its IP
// (DESIGN §3), so with the golden's subnet the agent rebuilds its address with no data
// from the host at all. Carries no key: announcements from it go unsigned.

#include "identity_channel.h"

namespace vmeclone::agent {

class MacChannel : public IdentityChannel {
public:
    static constexpr const char *kNetDir = "/sys/class/net";

    const char *name() const override { return "mac"; }
    std::string source() const override { return std::string(kNetDir) + "/*/address"; }
    bool read(const RootFs &fs, const protocol::KeyValueText &config,
              protocol::KeyValueText &document, std::string &why,
              std::vector<std::string> &warnings) const override;
};

} // namespace vmeclone::agent
