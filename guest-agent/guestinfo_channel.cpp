#include "guestinfo_channel.h"

#include <algorithm>

namespace vmeclone::agent {

namespace {

constexpr const char *kTools[] = {"vmware-rpctool", "vmtoolsd"};

} // namespace

std::string GuestinfoChannel::source() const {
    return std::string(kPrefix) + "* (" + (m_tool.empty() ? "vmware-rpctool" : m_tool) + ")";
}

bool GuestinfoChannel::query(const std::string &tool, const std::string &key, std::string &value,
                             std::string &error) const {
    const std::string request = "info-get " + std::string(kPrefix) + key;
    const std::vector<std::string> argv = tool == "vmtoolsd"
                                              ? std::vector<std::string>{tool, "--cmd", request}
                                              : std::vector<std::string>{tool, request};
    if (!m_actions.capture(argv, value, error))
        return false;
    // One value on one line; the tool ends it with a newline.
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r' || value.back() == ' '))
        value.pop_back();
    if (value.find('\n') != std::string::npos) {
        error = tool + " answered " + key + " with several lines";
        return false;
    }
    return true;
}

bool GuestinfoChannel::read(const RootFs &, const protocol::KeyValueText &,
                            protocol::KeyValueText &document, std::string &why,
                            std::vector<std::string> &warnings) const {
    // The address decides the tool: vmware-rpctool first, vmtoolsd where it is missing
    // or cannot reach the host (one process per key: each is a separate RPC anyway).
    std::string ip;
    std::vector<std::string> reasons;
    for (const char *tool : kTools) {
        std::string path, error;
        path = m_actions.locate(tool, error);
        if (path.empty() || !query(tool, "ip", ip, error)) {
            if (std::find(reasons.begin(), reasons.end(), error) == reasons.end())
                reasons.push_back(error);
            continue;
        }
        m_tool = tool;
        break;
    }
    if (m_tool.empty()) {
        why.clear();
        for (const std::string &reason : reasons)
            why += (why.empty() ? "" : "; ") + reason;
        return false;
    }
    document.set("ip", ip);
    const auto fetch = [&](const std::string &key) {
        std::string value, error;
        if (query(m_tool, key, value, error))
            document.set(key, value);
        else if (error.find("did not answer") != std::string::npos)
            warnings.push_back(std::string(kPrefix) + key + ": " + error);
        // Otherwise the key is not set: the golden's config or a default stands in.
    };
    for (const char *key : kKeys) {
        if (std::string(key) != "ip")
            fetch(key);
    }
    // The further NICs: `nics` lists their numbers, each has its nic<N> (hosts before
    // multi-NIC clones set neither). A malformed list is left to Identity to report.
    fetch("nics");
    const std::string nics = document.value("nics");
    std::size_t pos = 0;
    while (!nics.empty() && pos <= nics.size()) {
        std::size_t comma = nics.find(',', pos);
        if (comma == std::string::npos)
            comma = nics.size();
        const std::string slot = nics.substr(pos, comma - pos);
        if (!slot.empty() && slot.size() <= 2
            && slot.find_first_not_of("0123456789") == std::string::npos)
            fetch("nic" + slot);
        pos = comma + 1;
    }
    return true;
}

} // namespace vmeclone::agent
