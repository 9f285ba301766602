#include "ifupdown_writer.h"

#include "protocol/addressing.h"
#include "text_lines.h"

namespace vmeclone::agent {

namespace {

// Lines that start a new stanza (interfaces(5)); anything else belongs to the stanza above.
bool startsStanza(const std::string &line) {
    const std::vector<std::string> w = TextLines::words(line);
    if (w.empty())
        return false;
    const std::string &k = w[0];
    return k == "iface" || k == "auto" || k == "mapping" || k == "source" || k == "source-directory"
           || k == "rename" || k == "no-auto-down" || k == "no-scripts"
           || k.rfind("allow-", 0) == 0;
}

} // namespace

bool IfupdownWriter::appliesTo(const RootFs &fs) const {
    return fs.exists(kPath);
}

bool IfupdownWriter::configuresAnInterface(const RootFs &fs) {
    std::string text, error;
    if (!fs.readFile(kPath, text, error))
        return false;
    for (const std::string &line : TextLines::split(text)) {
        const std::vector<std::string> w = TextLines::words(line);
        if (w.size() >= 2 && w[0] == "iface" && w[1] != "lo")
            return true;
    }
    return false;
}

std::string IfupdownWriter::rewrite(const std::string &current, const NetworkSettings &s) {
    std::vector<std::string> stanza = {"iface " + s.interfaceName + " inet static",
                                       "    address " + protocol::formatIpv4(s.ip),
                                       "    netmask " + s.netmask()};
    if (s.gateway)
        stanza.push_back("    gateway " + protocol::formatIpv4(*s.gateway));
    if (!s.dns.empty())
        stanza.push_back("    dns-nameservers " + s.dnsList(' '));

    const std::vector<std::string> lines = TextLines::split(current);
    bool broughtUp = false;
    for (const std::string &line : lines) {
        const std::vector<std::string> w = TextLines::words(line);
        if (!w.empty() && (w[0] == "auto" || w[0].rfind("allow-", 0) == 0)) {
            for (std::size_t i = 1; i < w.size(); ++i)
                broughtUp = broughtUp || w[i] == s.interfaceName;
        }
    }

    std::vector<std::string> out;
    bool replaced = false;
    for (std::size_t i = 0; i < lines.size();) {
        const std::vector<std::string> w = TextLines::words(lines[i]);
        const bool ours =
            w.size() >= 3 && w[0] == "iface" && w[1] == s.interfaceName && w[2] == "inet";
        if (!ours) {
            out.push_back(lines[i++]);
            continue;
        }
        // The stanza runs to the next stanza keyword; blank and comment lines at its end
        // belong to what follows and are kept.
        std::size_t end = i + 1;
        while (end < lines.size() && !startsStanza(lines[end]))
            ++end;
        std::size_t keepFrom = end;
        while (keepFrom > i + 1 && TextLines::isBlankOrComment(lines[keepFrom - 1]))
            --keepFrom;
        if (!replaced) {
            if (!broughtUp)
                out.push_back("auto " + s.interfaceName);
            out.insert(out.end(), stanza.begin(), stanza.end());
            replaced = true;
        }
        out.insert(out.end(), lines.begin() + static_cast<std::ptrdiff_t>(keepFrom),
                   lines.begin() + static_cast<std::ptrdiff_t>(end));
        i = end;
    }
    if (!replaced) {
        if (!out.empty() && !out.back().empty())
            out.push_back("");
        if (!broughtUp)
            out.push_back("auto " + s.interfaceName);
        out.insert(out.end(), stanza.begin(), stanza.end());
    }

    return TextLines::join(out);
}

bool IfupdownWriter::write(const RootFs &fs, const NetworkSettings &settings,
                           std::string &error) const {
    std::string current;
    if (!fs.readFile(kPath, current, error))
        return false;
    // One stanza per interface; the further NICs' have no gateway and no dns-*.
    std::string updated = current;
    for (const NetworkSettings &nic : settings.interfaces())
        updated = rewrite(updated, nic);
    if (updated == current)
        return true; // already so: do not touch the file
    return fs.writeFileAtomic(kPath, updated, error);
}

} // namespace vmeclone::agent
