#include "ifcfg_writer.h"

#include "protocol/addressing.h"
#include "text_lines.h"

namespace vmeclone::agent {

namespace {

// The variable a line sets ("IPADDR" for `IPADDR="1.2.3.4"`), or empty.
std::string keyOf(const std::string &line) {
    if (TextLines::isBlankOrComment(line))
        return {};
    const std::size_t eq = line.find('=');
    return eq == std::string::npos ? std::string() : TextLines::trim(line.substr(0, eq));
}

// KEY, or KEY followed by digits (IPADDR0, DNS2).
bool isNumbered(const std::string &key, const std::string &base) {
    return key.rfind(base, 0) == 0
           && key.find_first_not_of("0123456789", base.size()) == std::string::npos;
}

bool isOwned(const std::string &key) {
    for (const char *base : {"IPADDR", "PREFIX", "NETMASK", "GATEWAY", "DNS"}) {
        if (isNumbered(key, base))
            return true;
    }
    return key == "DEVICE" || key == "BOOTPROTO" || key == "ONBOOT" || key == "HWADDR"
           || key == "MACADDR" || key == "UUID";
}

} // namespace

bool IfcfgWriter::appliesTo(const RootFs &fs) const {
    for (const std::string &entry : fs.list(kDir)) {
        if (entry.rfind("ifcfg-", 0) == 0 && entry != "ifcfg-lo")
            return true;
    }
    return false;
}

std::string IfcfgWriter::pathFor(const std::string &interfaceName) {
    return std::string(kDir) + "/ifcfg-" + interfaceName;
}

std::string IfcfgWriter::rewrite(const std::string &current, const NetworkSettings &s, bool rhel6) {
    std::vector<std::string> block = {"DEVICE=" + s.interfaceName, "BOOTPROTO=none", "ONBOOT=yes",
                                      "IPADDR=" + protocol::formatIpv4(s.ip)};
    block.push_back(rhel6 ? "NETMASK=" + s.netmask() : "PREFIX=" + std::to_string(s.prefix));
    if (s.gateway)
        block.push_back("GATEWAY=" + protocol::formatIpv4(*s.gateway));
    for (std::size_t i = 0; i < s.dns.size(); ++i)
        block.push_back("DNS" + std::to_string(i + 1) + "=" + protocol::formatIpv4(s.dns[i]));

    std::vector<std::string> out;
    bool placed = false;
    for (const std::string &line : TextLines::split(current)) {
        if (!isOwned(keyOf(line))) {
            out.push_back(line);
            continue;
        }
        if (!placed)
            out.insert(out.end(), block.begin(), block.end());
        placed = true;
    }
    if (!placed)
        out.insert(out.end(), block.begin(), block.end());
    return TextLines::join(out);
}

bool IfcfgWriter::write(const RootFs &fs, const NetworkSettings &settings,
                        std::string &error) const {
    for (const NetworkSettings &nic : settings.interfaces()) {
        const std::string path = pathFor(nic.interfaceName);
        std::string current;
        if (fs.exists(path) && !fs.readFile(path, current, error))
            return false;
        const std::string updated = rewrite(current, nic, m_rhel6);
        if (updated != current && !fs.writeFileAtomic(path, updated, error))
            return false;
    }
    return true;
}

std::vector<std::vector<std::string>> IfcfgWriter::liveCommands(const RootFs &fs,
                                                                const NetworkSettings &s) const {
    if (!fs.exists(kNetworkManagerConf))
        return {};
    std::vector<std::vector<std::string>> commands;
    for (const NetworkSettings &nic : s.interfaces()) {
        const std::string path = pathFor(nic.interfaceName);
        commands.push_back({"nmcli", "connection", "load", path});
        commands.push_back({"nmcli", "connection", "up", "filename", path});
    }
    return commands;
}

} // namespace vmeclone::agent
