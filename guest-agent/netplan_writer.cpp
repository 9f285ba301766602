#include "netplan_writer.h"

#include "netplan_yaml.h"
#include "protocol/addressing.h"

#include <algorithm>
#include <fnmatch.h>

namespace vmeclone::agent {

namespace {

bool sameMac(const std::string &a, const std::string &b) {
    const auto ma = protocol::parseMac(a);
    const auto mb = protocol::parseMac(b);
    return ma && mb && *ma == *mb;
}

// A YAML double-quoted scalar: an id from the golden's files may hold any character.
std::string quoted(const std::string &text) {
    static const char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7f) {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

bool isYaml(const std::string &name) {
    return name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0;
}

} // namespace

bool NetplanWriter::appliesTo(const RootFs &fs) const {
    const std::vector<std::string> entries = fs.list(kDir);
    return std::any_of(entries.begin(), entries.end(), isYaml);
}

bool NetplanWriter::definitions(const std::string &yaml, std::vector<Definition> &found,
                                std::string &error) {
    found.clear();
    return NetplanYaml::walk(
        yaml,
        [&](const NetplanYaml::Path &path, const std::string &value) {
            if (path.size() < 3 || path[0] != "network" || path[1] != "ethernets")
                return;
            auto it = std::find_if(found.begin(), found.end(),
                                   [&](const Definition &d) { return d.id == path[2]; });
            if (it == found.end()) {
                found.push_back(Definition{path[2], false, {}, {}, {}});
                it = found.end() - 1;
            }
            if (path.size() >= 4 && path[3] == "match")
                it->hasMatch = true;
            if (path.size() == 5 && path[3] == "match" && path[4] == "name")
                it->matchName = value;
            if (path.size() == 5 && path[3] == "match" && path[4] == "macaddress")
                it->matchMac = value;
            if (path.size() == 4 && path[3] == "set-name")
                it->setName = value;
        },
        error);
}

bool NetplanWriter::claims(const Definition &d, const NetworkSettings &s) {
    const std::string &ifname = s.interfaceName;
    if (!d.hasMatch)
        return d.id == ifname;
    return d.setName == ifname
           || (!d.matchName.empty() && ::fnmatch(d.matchName.c_str(), ifname.c_str(), 0) == 0)
           || (s.mac && !d.matchMac.empty() && sameMac(d.matchMac, s.macText()));
}

bool NetplanWriter::claimingIds(const RootFs &fs, const NetworkSettings &s,
                                std::vector<std::string> &ids, std::string &error) {
    ids.clear();
    const std::string own = std::string(kPath).substr(std::string(kDir).size() + 1);
    for (const std::string &entry : fs.list(kDir)) {
        if (!isYaml(entry) || entry == own)
            continue;
        const std::string path = std::string(kDir) + "/" + entry;
        std::string text, ignored, problem;
        if (!fs.readFile(path, text, ignored))
            continue;
        std::vector<Definition> found;
        if (!definitions(text, found, problem)) {
            error = "the golden's " + path + " is not YAML that netplan reads, " + problem
                    + ": netplan would refuse it too; correct or remove it in the golden";
            return false;
        }
        for (const Definition &d : found) {
            for (const NetworkSettings &nic : s.interfaces()) {
                if (claims(d, nic) && std::find(ids.begin(), ids.end(), d.id) == ids.end())
                    ids.push_back(d.id);
            }
        }
    }
    std::sort(ids.begin(), ids.end());
    return true;
}

std::string NetplanWriter::yaml(const NetworkSettings &settings,
                                const std::vector<std::string> &off) {
    const bool several = !settings.further.empty();
    std::string text = std::string("# Written by vmeclone-agent. netplan reads this file after the "
                                   "golden's and cloud-init's:\n# it switches off their "
                                   "definitions of ")
                       + (several ? "these NICs" : "this NIC")
                       + " (a match and a name no interface has)\n# and defines the clone's own.\n"
                         "network:\n  version: 2\n  ethernets:\n";
    for (const std::string &id : off)
        text += "    " + quoted(id) + ":\n      match:\n        name: \"" + kNoInterface
                + "\"\n        macaddress: \"" + kNoMac + "\"\n      set-name: \"" + kNoInterface
                + "\"\n";
    for (const NetworkSettings &nic : settings.interfaces())
        text += definition(nic);
    return text;
}

std::string NetplanWriter::definition(const NetworkSettings &s) {
    std::string text = "    \"vmeclone-" + s.interfaceName + "\":\n";
    if (s.mac)
        text += "      match:\n        macaddress: \"" + s.macText() + "\"\n      set-name: \""
                + s.interfaceName + "\"\n";
    else
        text += "      match:\n        name: \"" + s.interfaceName + "\"\n";
    text += "      dhcp4: false\n      dhcp6: false\n      addresses:\n        - \"" + s.address()
            + "\"\n";
    // "0.0.0.0/0" rather than "default", which netplan before 0.103 does not know. A metric
    // of its own: netplan checks default routes across all definitions, the switched-off
    // ones too, and reports two of the same metric as a conflict.
    if (s.gateway)
        text += "      routes:\n        - to: \"0.0.0.0/0\"\n          via: \""
                + protocol::formatIpv4(*s.gateway)
                + "\"\n          metric: " + std::to_string(kRouteMetric) + "\n";
    if (!s.dns.empty()) {
        text += "      nameservers:\n        addresses:\n";
        for (const std::uint32_t server : s.dns)
            text += "          - \"" + protocol::formatIpv4(server) + "\"\n";
    }
    return text;
}

bool NetplanWriter::write(const RootFs &fs, const NetworkSettings &settings,
                          std::string &error) const {
    std::vector<std::string> off;
    if (!claimingIds(fs, settings, off, error))
        return false;
    const std::string text = yaml(settings, off);
    std::string current, ignored;
    if (fs.readFile(kPath, current, ignored) && current == text && fs.hasMode(kPath, kMode))
        return true;
    return fs.writeFileAtomic(kPath, text, error, kMode);
}

std::vector<std::vector<std::string>> NetplanWriter::liveCommands(const RootFs &,
                                                                  const NetworkSettings &) const {
    return {{"netplan", "apply"}};
}

} // namespace vmeclone::agent
