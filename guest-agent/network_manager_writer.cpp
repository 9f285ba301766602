#include "network_manager_writer.h"

#include "protocol/addressing.h"

namespace vmeclone::agent {

bool NetworkManagerWriter::appliesTo(const RootFs &fs) const {
    return fs.isDirectory(kDir) || fs.exists(kConf);
}

std::string NetworkManagerWriter::connectionId(const NetworkSettings &s) {
    return "vmeclone-" + s.interfaceName;
}

std::string NetworkManagerWriter::pathFor(const NetworkSettings &s) {
    return std::string(kDir) + "/" + connectionId(s) + ".nmconnection";
}

std::string NetworkManagerWriter::keyfile(const NetworkSettings &s) {
    std::string text = "# Written by vmeclone-agent. The highest autoconnect priority makes "
                       "NetworkManager\n# choose this profile over the golden's own for "
                       "the interface.\n"
                       "[connection]\n"
                       "id="
                       + connectionId(s)
                       + "\n"
                         "type=ethernet\n"
                         "interface-name="
                       + s.interfaceName
                       + "\n"
                         "autoconnect=true\n"
                         "autoconnect-priority=999\n";
    if (s.mac)
        text += "\n[ethernet]\nmac-address=" + s.macText() + "\n";
    text += "\n[ipv4]\nmethod=manual\naddress1=" + s.address();
    if (s.gateway)
        text += "," + protocol::formatIpv4(*s.gateway);
    text += "\n";
    if (!s.dns.empty())
        text += "dns=" + s.dnsList(';') + ";\n";
    text += "\n[ipv6]\nmethod=ignore\n";
    return text;
}

bool NetworkManagerWriter::write(const RootFs &fs, const NetworkSettings &settings,
                                 std::string &error) const {
    for (const NetworkSettings &nic : settings.interfaces()) {
        const std::string path = pathFor(nic);
        const std::string text = keyfile(nic);
        std::string current, ignored;
        // Same bytes but another mode is rewritten too: NetworkManager would skip the file.
        if (fs.readFile(path, current, ignored) && current == text && fs.hasMode(path, kMode))
            continue;
        if (!fs.writeFileAtomic(path, text, error, kMode))
            return false;
    }
    return true;
}

std::vector<std::vector<std::string>>
NetworkManagerWriter::liveCommands(const RootFs &, const NetworkSettings &s) const {
    std::vector<std::vector<std::string>> commands = {{"nmcli", "connection", "reload"}};
    for (const NetworkSettings &nic : s.interfaces())
        commands.push_back({"nmcli", "connection", "up", "id", connectionId(nic)});
    return commands;
}

} // namespace vmeclone::agent
