#include "hostname_writer.h"

#include "text_lines.h"

namespace vmeclone::agent {

namespace {

constexpr const char *kLoopbackName = "127.0.1.1";

bool writeIfChanged(const RootFs &fs, const char *path, const std::string &current,
                    const std::string &updated, std::string &error) {
    return updated == current || fs.writeFileAtomic(path, updated, error);
}

} // namespace

std::string HostnameWriter::rewriteHosts(const std::string &current, const std::string &oldName,
                                         const std::string &newName) {
    std::vector<std::string> lines = TextLines::split(current);
    const auto renamed = [&](const std::vector<std::string> &names) {
        std::vector<std::string> out;
        bool matched = false;
        for (const std::string &name : names) {
            if (!oldName.empty() && name == oldName) {
                out.push_back(newName);
                matched = true;
            } else if (!oldName.empty() && name.rfind(oldName + ".", 0) == 0) {
                out.push_back(newName + name.substr(oldName.size()));
                matched = true;
            } else {
                out.push_back(name);
            }
        }
        // A line for some other name (the golden's /etc/hostname said otherwise): the
        // line is the host's own, so it names this host alone.
        return matched ? out : std::vector<std::string>{newName};
    };
    const auto lineFor = [](const std::vector<std::string> &names) {
        std::string line = kLoopbackName;
        for (const std::string &name : names)
            line += "\t" + name;
        return line;
    };

    std::size_t lastLocalhost = std::string::npos;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::vector<std::string> w = TextLines::words(lines[i]);
        if (w.empty() || w[0][0] == '#')
            continue;
        if (w[0] == "127.0.0.1")
            lastLocalhost = i;
        if (w[0] != kLoopbackName)
            continue;
        // Replaced only when the names change, so an operator's spacing survives reruns.
        const std::vector<std::string> names(w.begin() + 1, w.end());
        if (renamed(names) != names)
            lines[i] = lineFor(renamed(names));
        return TextLines::join(lines);
    }
    const std::string line = lineFor({newName});
    if (lastLocalhost == std::string::npos)
        lines.insert(lines.begin(), line);
    else
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(lastLocalhost) + 1, line);
    return TextLines::join(lines);
}

std::string HostnameWriter::rewriteSysconfigNetwork(const std::string &current,
                                                    const std::string &newName, bool add) {
    std::vector<std::string> lines = TextLines::split(current);
    bool found = false;
    for (std::string &line : lines) {
        if (TextLines::isBlankOrComment(line))
            continue;
        if (TextLines::trim(line.substr(0, line.find('='))) == "HOSTNAME") {
            line = "HOSTNAME=" + newName;
            found = true;
        }
    }
    if (!found && add)
        lines.push_back("HOSTNAME=" + newName);
    return TextLines::join(lines);
}

bool HostnameWriter::write(const RootFs &fs, const std::string &hostname,
                           std::string &error) const {
    std::string oldHostname, ignored;
    if (fs.readFile(kHostname, oldHostname, ignored))
        oldHostname = TextLines::trim(oldHostname.substr(0, oldHostname.find('\n')));
    else
        oldHostname.clear();

    if (!writeIfChanged(fs, kHostname, oldHostname.empty() ? std::string() : oldHostname + "\n",
                        hostname + "\n", error))
        return false;

    if (m_rhel6 || fs.exists(kSysconfigNetwork)) {
        std::string current;
        if (fs.exists(kSysconfigNetwork) && !fs.readFile(kSysconfigNetwork, current, error))
            return false;
        if (m_rhel6 && current.empty())
            current = "NETWORKING=yes\n";
        if (!writeIfChanged(fs, kSysconfigNetwork, current,
                            rewriteSysconfigNetwork(current, hostname, m_rhel6), error))
            return false;
    }

    if (m_debianLike) {
        std::string current;
        if (fs.exists(kHosts) && !fs.readFile(kHosts, current, error))
            return false;
        if (!writeIfChanged(fs, kHosts, current, rewriteHosts(current, oldHostname, hostname),
                            error))
            return false;
    }
    return true;
}

} // namespace vmeclone::agent
