#include "identity.h"

#include <algorithm>
#include <cstdlib>

namespace vmeclone::agent {

using protocol::KeyValueText;

namespace {

bool parseNumber(std::string_view text, unsigned long minimum, unsigned long maximum,
                 unsigned long &out) {
    if (text.empty() || text.size() > 10)
        return false;
    unsigned long value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + static_cast<unsigned long>(c - '0');
    }
    if (value < minimum || value > maximum)
        return false;
    out = value;
    return true;
}

std::string quoted(std::string_view key, std::string_view value) {
    return std::string(key) + " \"" + std::string(value) + "\"";
}

// The document's value, else the config's: the identity wins, the golden's config is
// the fall-back. An empty value in the document means "none", not "fall back".
std::optional<std::string> lookup(const KeyValueText &document, const KeyValueText &config,
                                  std::string_view key) {
    if (auto v = document.get(key))
        return v;
    return config.get(key);
}

bool parseAddressList(std::string_view text, std::vector<std::uint32_t> &out) {
    out.clear();
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t comma = text.find(',', pos);
        if (comma == std::string_view::npos)
            comma = text.size();
        std::string_view item = text.substr(pos, comma - pos);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        const auto ip = protocol::parseIpv4(item);
        if (!ip)
            return false;
        out.push_back(*ip);
        pos = comma + 1;
    }
    return true;
}

std::uint32_t maskOf(int prefix) {
    return prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
}

std::string cidr(std::uint32_t ip, int prefix) {
    return protocol::formatIpv4(ip & maskOf(prefix)) + "/" + std::to_string(prefix);
}

// "<mac>" or "<mac>,<ip>/<prefix>", the value of nic<N>; false with `error`.
bool parseFurtherNic(const std::string &key, const std::string &value, FurtherNic &nic,
                     std::string &error) {
    const std::size_t comma = value.find(',');
    const auto mac = protocol::parseMac(std::string_view(value).substr(0, comma));
    if (!mac) {
        error = quoted(key, value) + " is not <mac> or <mac>,<ip>/<prefix>: no MAC address";
        return false;
    }
    nic.mac = *mac;
    if (comma == std::string::npos)
        return true;
    const std::string_view address = std::string_view(value).substr(comma + 1);
    const std::size_t slash = address.find('/');
    const auto ip = protocol::parseIpv4(address.substr(0, slash));
    unsigned long bits = 0;
    if (!ip || slash == std::string_view::npos
        || !parseNumber(address.substr(slash + 1), 1, 32, bits)) {
        error = quoted(key, value) + ": \"" + std::string(address)
                + "\" is not <ip>/<prefix> (an IPv4 address and a prefix length 1..32)";
        return false;
    }
    nic.ip = *ip;
    nic.prefix = static_cast<int>(bits);
    return true;
}

// The clone's further NICs: `nics` lists their slots, nic<N> describes each (see
// protocol/identity_document.h). `id` holds the primary's address and MAC already.
bool parseFurtherNics(const KeyValueText &document, const Identity &id,
                      std::vector<FurtherNic> &out, std::string &error) {
    out.clear();
    const auto list = document.get("nics");
    if (!list || list->empty())
        return true;
    std::vector<int> slots;
    std::size_t pos = 0;
    while (pos <= list->size()) {
        std::size_t comma = list->find(',', pos);
        if (comma == std::string::npos)
            comma = list->size();
        const std::string item = list->substr(pos, comma - pos);
        unsigned long slot = 0;
        // No leading zeros: "01" would name the NIC of "1" under another key (nic01).
        const bool leadingZero = item.size() > 1 && item.front() == '0';
        if (leadingZero || !parseNumber(item, 1, 63, slot)) {
            error = quoted("nics", *list) + ": \"" + item + "\" is not a NIC number 1..63";
            return false;
        }
        if (std::find(slots.begin(), slots.end(), static_cast<int>(slot)) != slots.end()) {
            error = quoted("nics", *list) + " lists " + item + " twice";
            return false;
        }
        slots.push_back(static_cast<int>(slot));
        pos = comma + 1;
    }
    std::sort(slots.begin(), slots.end());

    for (const int slot : slots) {
        FurtherNic nic;
        nic.slot = slot;
        const std::string key = nic.key();
        const auto value = document.get(key);
        if (!value) {
            error = quoted("nics", *list) + " lists " + std::to_string(slot) + ", but there is no "
                    + key;
            return false;
        }
        if (!parseFurtherNic(key, *value, nic, error))
            return false;
        if (id.mac && nic.mac == *id.mac) {
            error = quoted(key, *value) + " has the MAC of the primary NIC";
            return false;
        }
        for (const FurtherNic &other : out) {
            if (other.mac == nic.mac) {
                error = quoted(key, *value) + " has the MAC of " + other.key();
                return false;
            }
        }
        if (nic.ip && ((*nic.ip ^ id.ip) & maskOf(id.prefix)) == 0) {
            error = quoted(key, *value) + ": the address is in the primary NIC's subnet "
                    + cidr(id.ip, id.prefix);
            return false;
        }
        for (const FurtherNic &other : out) {
            // Two subnets overlap when the wider one holds the other's network.
            const int wider = std::min(nic.prefix, other.prefix);
            if (other.ip && nic.ip && ((*nic.ip ^ *other.ip) & maskOf(wider)) == 0) {
                error = quoted(key, *value) + ": its subnet " + cidr(*nic.ip, nic.prefix)
                        + " overlaps " + other.key() + "'s " + cidr(*other.ip, other.prefix);
                return false;
            }
        }
        out.push_back(nic);
    }
    return true;
}

} // namespace

bool parseSubnet(std::string_view text, std::uint32_t &network, int &prefix) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos)
        return false;
    const auto ip = protocol::parseIpv4(text.substr(0, slash));
    unsigned long bits = 0;
    if (!ip || !parseNumber(text.substr(slash + 1), 0, 32, bits))
        return false;
    prefix = static_cast<int>(bits);
    const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
    network = *ip & mask;
    return true;
}

bool isValidHostname(std::string_view name) {
    if (name.empty() || name.size() > protocol::kMaxHostname)
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.';
        if (!ok)
            return false;
    }
    return name.front() != '-' && name.front() != '.' && name.back() != '-' && name.back() != '.';
}

bool isValidInstance(std::string_view instance) {
    if (instance.empty() || instance.size() > 128)
        return false;
    for (const char c : instance) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '.' || c == '_' || c == ':' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool Identity::fromDocument(const KeyValueText &document, const KeyValueText &config, Identity &out,
                            std::string &error) {
    Identity id;

    if (auto version = document.get("version"); version && *version != "1") {
        error = quoted("version", *version) + " is not supported (this agent reads version 1)";
        return false;
    }

    const auto ipText = document.get("ip");
    if (!ipText) {
        error = "no ip";
        return false;
    }
    const auto ip = protocol::parseIpv4(*ipText);
    if (!ip) {
        error = quoted("ip", *ipText) + " is not an IPv4 address";
        return false;
    }
    id.ip = *ip;

    std::uint32_t subnetNetwork = 0;
    int subnetPrefix = -1;
    const std::string subnetText = config.value("subnet");
    const bool haveSubnet =
        !subnetText.empty() && parseSubnet(subnetText, subnetNetwork, subnetPrefix);
    if (const auto prefixText = document.get("prefix")) {
        unsigned long bits = 0;
        if (!parseNumber(*prefixText, 1, 32, bits)) {
            error = quoted("prefix", *prefixText) + " is not a prefix length 1..32";
            return false;
        }
        id.prefix = static_cast<int>(bits);
    } else if (haveSubnet) {
        id.prefix = subnetPrefix;
    } else {
        error = "no prefix, and no subnet in the agent config to take it from";
        return false;
    }
    const std::uint32_t mask = ~std::uint32_t{0} << (32 - id.prefix);

    if (const auto gateway = lookup(document, config, "gateway"); gateway && !gateway->empty()) {
        const auto parsed = protocol::parseIpv4(*gateway);
        if (!parsed) {
            error = quoted("gateway", *gateway) + " is not an IPv4 address";
            return false;
        }
        id.gateway = *parsed;
    }
    if (const auto dns = lookup(document, config, "dns"); dns && !dns->empty()) {
        if (!parseAddressList(*dns, id.dns)) {
            error = quoted("dns", *dns) + " is not a comma-separated list of IPv4 addresses";
            return false;
        }
    }

    if (const auto hostname = document.get("hostname")) {
        if (!isValidHostname(*hostname)) {
            error = quoted("hostname", *hostname)
                    + " is not a host name (1-63 letters, digits, '-' or '.')";
            return false;
        }
        id.hostname = *hostname;
    } else {
        // As the console names clones: the prefix and the host number, e.g. vm177.
        id.hostname = config.value("hostname_prefix", "vm") + std::to_string(id.ip & ~mask);
        if (!isValidHostname(id.hostname)) {
            error = "no hostname, and hostname_prefix \"" + config.value("hostname_prefix")
                    + "\" in the agent config does not make a valid one";
            return false;
        }
    }

    if (const auto macText = document.get("mac"); macText && !macText->empty()) {
        const auto mac = protocol::parseMac(*macText);
        if (!mac) {
            error = quoted("mac", *macText) + " is not a MAC address";
            return false;
        }
        id.mac = *mac;
    }
    id.interfaceName = document.value("interface");
    if (!parseFurtherNics(document, id, id.furtherNics, error))
        return false;

    if (const auto console = lookup(document, config, "console"); console && !console->empty()) {
        const auto parsed = protocol::parseIpv4(*console);
        if (!parsed) {
            error = quoted("console", *console) + " is not an IPv4 address";
            return false;
        }
        id.console = *parsed;
    }
    if (const auto port = lookup(document, config, "port"); port && !port->empty()) {
        unsigned long value = 0;
        if (!parseNumber(*port, 1, 65535, value)) {
            error = quoted("port", *port) + " is not a UDP port 1..65535";
            return false;
        }
        id.port = static_cast<std::uint16_t>(value);
    }
    if (const auto heartbeat = lookup(document, config, "heartbeat");
        heartbeat && !heartbeat->empty()) {
        unsigned long value = 0;
        if (!parseNumber(*heartbeat, 1, 3600, value)) {
            error = quoted("heartbeat", *heartbeat) + " is not a number of seconds 1..3600";
            return false;
        }
        id.heartbeat = static_cast<unsigned>(value);
    }

    // The key comes from the identity only: a golden's config is shared by every clone.
    if (const auto key = document.get("key"); key && !key->empty()) {
        protocol::Digest digest{};
        if (!protocol::fromHex(*key, digest.data(), digest.size())) {
            error = "key is not 64 hex digits"; // the key itself is never logged
            return false;
        }
        id.key = digest;
    }

    if (const auto instance = document.get("instance")) {
        if (!isValidInstance(*instance)) {
            error = quoted("instance", *instance)
                    + " is not an instance id (1-128 letters, digits, '.', '_', ':' or '-')";
            return false;
        }
        id.instance = *instance;
    }

    out = std::move(id);
    return true;
}

std::string Identity::summary() const {
    return protocol::formatIpv4(ip) + "/" + std::to_string(prefix) + " host " + hostname;
}

const FurtherNic *Identity::furtherNic(const protocol::Mac &nicMac) const {
    for (const FurtherNic &nic : furtherNics) {
        if (nic.mac == nicMac)
            return &nic;
    }
    return nullptr;
}

} // namespace vmeclone::agent
