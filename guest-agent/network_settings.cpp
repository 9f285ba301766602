#include "network_settings.h"

#include "protocol/addressing.h"

namespace vmeclone::agent {

namespace {

bool isInterfaceName(const std::string &name) {
    return !name.empty() && name.size() <= 15 && name.find('/') == std::string::npos;
}

// "24" -> 24; -1 unless a prefix length 1..32.
int parsePrefix(std::string_view text) {
    if (text.empty() || text.size() > 2 || text.find_first_not_of("0123456789") != text.npos)
        return -1;
    const int bits = std::stoi(std::string(text));
    return bits >= 1 && bits <= 32 ? bits : -1;
}

// A further NIC's "nic.<if>" value, "<mac>,<ip>/<prefix>"; false when malformed.
bool parseFurther(std::string_view text, NetworkSettings &nic) {
    const std::size_t comma = text.find(',');
    const std::size_t slash = text.find('/');
    if (comma == text.npos || slash == text.npos || slash < comma)
        return false;
    nic.mac = protocol::parseMac(text.substr(0, comma));
    const auto ip = protocol::parseIpv4(text.substr(comma + 1, slash - comma - 1));
    nic.prefix = parsePrefix(text.substr(slash + 1));
    nic.ip = ip.value_or(0);
    return nic.mac && ip && nic.prefix > 0;
}

} // namespace

std::vector<NetworkSettings> NetworkSettings::interfaces() const {
    std::vector<NetworkSettings> all = {*this};
    all.front().further.clear();
    all.insert(all.end(), further.begin(), further.end());
    return all;
}

protocol::KeyValueText NetworkSettings::toDocument() const {
    protocol::KeyValueText doc;
    doc.set("interface", interfaceName);
    doc.set("ip", protocol::formatIpv4(ip));
    doc.set("prefix", std::to_string(prefix));
    doc.set("gateway", gateway ? protocol::formatIpv4(*gateway) : std::string());
    doc.set("dns", dnsList(','));
    doc.set("mac", macText());
    // Only with further NICs: a one-NIC clone's record stays as it always was.
    std::string names;
    for (const NetworkSettings &nic : further)
        names += (names.empty() ? "" : ",") + nic.interfaceName;
    if (!names.empty())
        doc.set("nics", names);
    for (const NetworkSettings &nic : further)
        doc.set("nic." + nic.interfaceName, nic.macText() + "," + nic.address());
    return doc;
}

bool NetworkSettings::fromDocument(const protocol::KeyValueText &document, NetworkSettings &out,
                                   std::string &error) {
    NetworkSettings s;
    s.interfaceName = document.value("interface");
    if (!isInterfaceName(s.interfaceName)) {
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
    s.prefix = parsePrefix(prefix);
    if (s.prefix < 0) {
        error = "prefix \"" + prefix + "\" is not a prefix length 1..32";
        return false;
    }
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
    const std::string nics = document.value("nics");
    pos = 0;
    while (!nics.empty() && pos <= nics.size()) {
        std::size_t comma = nics.find(',', pos);
        if (comma == std::string::npos)
            comma = nics.size();
        NetworkSettings nic;
        nic.interfaceName = nics.substr(pos, comma - pos);
        const std::string key = "nic." + nic.interfaceName;
        if (!isInterfaceName(nic.interfaceName) || !parseFurther(document.value(key), nic)) {
            error = key + " \"" + document.value(key) + "\" is not <mac>,<ip>/<prefix>";
            return false;
        }
        s.further.push_back(std::move(nic));
        pos = comma + 1;
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
    for (const NetworkSettings &nic : further)
        out += ", " + nic.summary();
    return out;
}

} // namespace vmeclone::agent
