#include "networkd_writer.h"

#include "protocol/addressing.h"

namespace vmeclone::agent {

bool NetworkdWriter::appliesTo(const RootFs &fs) const {
    if (fs.exists(kEnabledLink))
        return true;
    for (const std::string &entry : fs.list(kDir)) {
        if (entry.size() > 8 && entry.compare(entry.size() - 8, 8, ".network") == 0)
            return true;
    }
    return false;
}

std::string NetworkdWriter::unit(const NetworkSettings &s) {
    std::string text = "# Written by vmeclone-agent: the static address of this clone.\n"
                       "[Match]\n";
    text += s.mac ? "MACAddress=" + s.macText() + "\n" : "Name=" + s.interfaceName + "\n";
    text += "\n[Network]\nAddress=" + s.address() + "\n";
    if (s.gateway)
        text += "Gateway=" + protocol::formatIpv4(*s.gateway) + "\n";
    for (const std::uint32_t server : s.dns)
        text += "DNS=" + protocol::formatIpv4(server) + "\n";
    return text;
}

std::string NetworkdWriter::furtherPath(const NetworkSettings &s) {
    return std::string(kDir) + "/10-vmeclone-" + s.interfaceName + ".network";
}

bool NetworkdWriter::write(const RootFs &fs, const NetworkSettings &settings,
                           std::string &error) const {
    // A .network file matches one interface: the primary's, then one per further NIC.
    const std::vector<NetworkSettings> interfaces = settings.interfaces();
    for (std::size_t i = 0; i < interfaces.size(); ++i) {
        const std::string path = i == 0 ? std::string(kPath) : furtherPath(interfaces[i]);
        const std::string text = unit(interfaces[i]);
        std::string current, ignored;
        if (fs.readFile(path, current, ignored) && current == text)
            continue;
        if (!fs.writeFileAtomic(path, text, error))
            return false;
    }
    return true;
}

std::vector<std::vector<std::string>> NetworkdWriter::liveCommands(const RootFs &,
                                                                   const NetworkSettings &) const {
    return {{"networkctl", "reload"}};
}

} // namespace vmeclone::agent
