#include "kernel_cmdline_channel.h"

namespace vmeclone::agent {

bool KernelCmdlineChannel::read(const RootFs &fs, const protocol::KeyValueText &,
                                protocol::KeyValueText &document, std::string &why,
                                std::vector<std::string> &) const {
    std::string text;
    if (!fs.readFile(kPath, text, why))
        return false;
    document = protocol::KeyValueText::parseKernelCommandLine(text);
    if (document.empty()) {
        why = std::string("no vmeclone.* words in ") + kPath;
        return false;
    }
    return true;
}

} // namespace vmeclone::agent
