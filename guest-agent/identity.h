#pragma once
// The identity a clone was given, validated: which address, name and console it has,
// and the key it signs with. Every channel yields the same key=value document
// (protocol/identity_document.h); this class checks it once, so a bad value is reported
// the same way whichever channel carried it.

#include "protocol/announcement.h"
#include "protocol/identity_document.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vmeclone::agent {

// One of the clone's further NICs (not the primary): VMware's ethernetN, found in the
// guest by its MAC. Without an address the host leaves it unconfigured on purpose.
struct FurtherNic {
    int slot = 0; // the N of ethernetN, 1..63
    protocol::Mac mac{};
    std::optional<std::uint32_t> ip; // a static address, no gateway and no DNS of its own
    int prefix = 0;

    std::string key() const { return "nic" + std::to_string(slot); } // "nic1"
};

struct Identity {
    std::string channel; // "fw_cfg", "cmdline", "mac"
    std::string source;  // the guest file it was read from
    std::string instance;
    std::uint32_t ip = 0;
    int prefix = 0;
    std::optional<std::uint32_t> gateway;
    std::vector<std::uint32_t> dns;
    std::string hostname;
    std::string interfaceName; // empty: the agent chooses (see Agent::chooseInterface)
    std::optional<protocol::Mac> mac;
    std::optional<std::uint32_t> console;
    std::uint16_t port = protocol::kDefaultPort;
    std::optional<protocol::Digest> key;
    unsigned heartbeat = 5;
    std::vector<FurtherNic> furtherNics; // ascending by slot; empty for a one-NIC clone

    // Builds an identity from a channel's document; keys it lacks fall back to the
    // golden's agent config (console, port, heartbeat, gateway, dns, prefix from subnet,
    // hostname from hostname_prefix). False with `error` naming the key and value.
    static bool fromDocument(const protocol::KeyValueText &document,
                             const protocol::KeyValueText &config, Identity &out,
                             std::string &error);

    // "192.168.1.177/24 host vm177"
    std::string summary() const;
    // The further NIC with this MAC, or null.
    const FurtherNic *furtherNic(const protocol::Mac &mac) const;
};

// "192.168.1.0/24" -> network and prefix; false when malformed.
bool parseSubnet(std::string_view text, std::uint32_t &network, int &prefix);
// A hostname a guest can take: 1..63 of [A-Za-z0-9.-], no leading/trailing '-' or '.'.
bool isValidHostname(std::string_view name);
// An instance id safe to store and compare: 1..128 of [A-Za-z0-9._:-].
bool isValidInstance(std::string_view instance);

} // namespace vmeclone::agent
