#include "plain_ip_writer.h"

namespace vmeclone::agent {

bool PlainIpWriter::write(const RootFs &fs, const NetworkSettings &settings,
                          std::string &error) const {
    const std::string text = "# Written by vmeclone-agent: the network it configured, applied "
                             "with ip(8) at every\n# boot where the guest has no network "
                             "system of its own.\n"
                             + settings.toDocument().toText();
    std::string current, ignored;
    if (fs.readFile(kPath, current, ignored) && current == text)
        return true;
    return fs.writeFileAtomic(kPath, text, error);
}

} // namespace vmeclone::agent
