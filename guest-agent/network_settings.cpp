#include "network_settings.h"

#include "protocol/addressing.h"

namespace vmeclone::agent {

protocol::KeyValueText NetworkSettings::toDocument() const {
    protocol::KeyValueText doc;
    doc.set("interface", interfaceName);
    doc.set("ip", protocol::formatIpv4(ip));
    doc.set("prefix", std::to_string(prefix));
    doc.set("gateway", gateway ? protocol::formatIpv4(*gateway) : std::string());
    doc.set("dns", dnsList(','));
    doc.set("mac", macText());
    return doc;
}

bool NetworkSettings::fromDocument(const protocol::KeyValueText &document, NetworkSettings &out,
                                   std::string &error) {
    NetworkSettings s;
    s.interfaceName = document.value("interface");
    if (s.interfaceName.empty() || s.interfaceName.find('/') != std::string::npos
        || s.interfaceName.size() > 15) {
        error = "interface \"" + s.interfaceName + "\" is not an interface name";
        return false;
    }
    const auto ip = protocol::parseIpv4(document.value("ip"));
    if (!ip) {
        error = "ip \"" + document.value("ip") + "\" is not an IPv4 address";
        return false;
    }
    s.ip = *ip;
    const std::string prefix = document.value("prefix");
    const int bits = prefix.size() >= 1 && prefix.size() <= 2
                             && prefix.find_first_not_of("0123456789") == std::string::npos
                         ? std::stoi(prefix)
                         : -1;
    if (bits < 1 || bits > 32) {
        error = "prefix \"" + prefix + "\" is not a prefix length 1..32";
        return false;
    }
    s.prefix = bits;
    if (const std::string gw = document.value("gateway"); !gw.empty()) {
        const auto parsed = protocol::parseIpv4(gw);
        if (!parsed) {
            error = "gateway \"" + gw + "\" is not an IPv4 address";
            return false;
        }
        s.gateway = *parsed;
    }
    const std::string dns = document.value("dns");
    std::size_t pos = 0;
    while (!dns.empty() && pos <= dns.size()) {
        std::size_t comma = dns.find(',', pos);
        if (comma == std::string::npos)
            comma = dns.size();
        const auto parsed = protocol::parseIpv4(std::string_view(dns).substr(pos, comma - pos));
        if (!parsed) {
            error = "dns \"" + dns + "\" is not a comma-separated list of IPv4 addresses";
            return false;
        }
        s.dns.push_back(*parsed);
        pos = comma + 1;
    }
    if (const std::string mac = document.value("mac"); !mac.empty()) {
        s.mac = protocol::parseMac(mac);
        if (!s.mac) {
            error = "mac \"" + mac + "\" is not a MAC address";
            return false;
        }
    }
    out = std::move(s);
    return true;
}

std::string NetworkSettings::netmask() const {
    return protocol::formatIpv4(prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix));
}

std::string NetworkSettings::dnsList(char separator) const {
    std::string out;
    for (const std::uint32_t server : dns) {
        if (!out.empty())
            out.push_back(separator);
        out += protocol::formatIpv4(server);
    }
    return out;
}

std::string NetworkSettings::address() const {
    return protocol::formatIpv4(ip) + "/" + std::to_string(prefix);
}

std::string NetworkSettings::macText() const {
    return mac ? protocol::formatMac(*mac) : std::string();
}

std::string NetworkSettings::summary() const {
    std::string out = interfaceName + " " + protocol::formatIpv4(ip) + "/" + std::to_string(prefix);
    if (gateway)
        out += " gw " + protocol::formatIpv4(*gateway);
    return out;
}

} // namespace vmeclone::agent
