#pragma once
// One way an identity reaches the guest (DESIGN §3). The agent asks each channel in
// order; the first that yields a valid identity wins. A channel only reads: it turns
// what it finds into the identity document, and Identity validates it.

#include "protocol/identity_document.h"
#include "root_fs.h"
#include "system_actions.h"

#include <memory>
#include <string>
#include <vector>

namespace vmeclone::agent {

class IdentityChannel {
public:
    virtual ~IdentityChannel() = default;

    // Short name for logs and --check: "guestinfo", "fw_cfg", "smbios", "cmdline", "mac".
    virtual const char *name() const = 0;
    // What it reads (a guest file, or the guest tool that answered), for messages.
    virtual std::string source() const = 0;
    // Fills `document`; false with `why` (what is missing and where) when there is none.
    // What it skipped (malformed lines, unreadable entries) is appended to `warnings`.
    virtual bool read(const RootFs &fs, const protocol::KeyValueText &config,
                      protocol::KeyValueText &document, std::string &why,
                      std::vector<std::string> &warnings) const = 0;
};

// The channels in the order the agent tries them; `actions` runs the guest tools.
std::vector<std::unique_ptr<IdentityChannel>> defaultIdentityChannels(const SystemActions &actions);

} // namespace vmeclone::agent
