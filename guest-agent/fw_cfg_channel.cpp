#include "fw_cfg_channel.h"

namespace vmeclone::agent {

bool FwCfgChannel::read(const RootFs &fs, const protocol::KeyValueText &,
                        protocol::KeyValueText &document, std::string &why,
                        std::vector<std::string> &warnings) const {
    if (!fs.exists(kPath)) {
        why = std::string("no ") + kPath
              + " (not started by vmeclone under QEMU, or the qemu_fw_cfg module is not loaded)";
        return false;
    }
    std::string text;
    if (!fs.readFile(kPath, text, why))
        return false;
    std::vector<std::string> errors;
    document = protocol::KeyValueText::parse(text, &errors);
    for (const auto &e : errors)
        warnings.push_back(std::string(kPath) + ": " + e + " (line ignored)");
    if (document.empty()) {
        why = std::string(kPath) + " holds no key=value lines";
        return false;
    }
    return true;
}

} // namespace vmeclone::agent
