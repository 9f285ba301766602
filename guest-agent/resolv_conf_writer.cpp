#include "resolv_conf_writer.h"

#include <algorithm>

namespace vmeclone::agent {

bool ResolvConfWriter::appliesTo(const RootFs &fs, const NetworkSettings &settings) {
    if (settings.dns.empty())
        return false;
    return !fs.isSymlink(kPath) && !fs.isDirectory(kPath);
}

std::string ResolvConfWriter::content(const NetworkSettings &settings) {
    std::string text = "# written by vmeclone-agent for this clone's identity\n";
    std::string list = settings.dnsList(' ');
    std::size_t start = 0;
    while (start < list.size()) {
        const std::size_t end = std::min(list.find(' ', start), list.size());
        text += "nameserver " + list.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return text;
}

bool ResolvConfWriter::write(const RootFs &fs, const NetworkSettings &settings,
                             std::string &error) const {
    const std::string wanted = content(settings);
    std::string current;
    std::string ignored;
    if (fs.isRegularFile(kPath) && fs.readFile(kPath, current, ignored) && current == wanted)
        return true;
    return fs.writeFileAtomic(kPath, wanted, error, 0644);
}

} // namespace vmeclone::agent
