#include "smbios_channel.h"

namespace vmeclone::agent {

namespace {

constexpr std::string_view kStringPrefix = "vmeclone.";

} // namespace

std::string SmbiosChannel::source() const {
    return m_source.empty() ? std::string(kEntriesDir) + "/11-*/raw" : m_source;
}

bool SmbiosChannel::parseOemStrings(const std::string &raw, std::vector<std::string> &strings,
                                    std::string &error) {
    strings.clear();
    if (raw.size() < 5) {
        error = "shorter than a type 11 header (" + std::to_string(raw.size()) + " bytes)";
        return false;
    }
    const auto byte = [&](std::size_t i) {
        return static_cast<unsigned char>(raw[i]);
    };
    if (byte(0) != kOemStringsType) {
        error = "structure type " + std::to_string(byte(0)) + ", not 11 (OEM strings)";
        return false;
    }
    const std::size_t length = byte(1);
    if (length < 5 || length > raw.size()) {
        error = "formatted length " + std::to_string(length) + " does not fit its "
                + std::to_string(raw.size()) + " bytes";
        return false;
    }
    const std::size_t count = byte(4);
    std::size_t at = length;
    while (strings.size() < count) {
        const std::size_t end = raw.find('\0', at);
        if (end == std::string::npos) {
            error = "string " + std::to_string(strings.size() + 1) + " of " + std::to_string(count)
                    + " is not terminated";
            return false;
        }
        if (end == at) {
            error = "the header announces " + std::to_string(count) + " strings, it holds "
                    + std::to_string(strings.size());
            return false;
        }
        strings.push_back(raw.substr(at, end - at));
        at = end + 1;
    }
    return true;
}

bool SmbiosChannel::read(const RootFs &fs, const protocol::KeyValueText &,
                         protocol::KeyValueText &document, std::string &why,
                         std::vector<std::string> &warnings) const {
    std::vector<std::string> sources;
    for (const std::string &entry : fs.list(kEntriesDir)) {
        // Entries are named <type>-<instance>; a guest may have more than one type 11.
        if (entry.rfind("11-", 0) != 0)
            continue;
        const std::string path = std::string(kEntriesDir) + "/" + entry + "/raw";
        std::string raw, error;
        std::vector<std::string> strings;
        if (!fs.readFile(path, raw, error) || !parseOemStrings(raw, strings, error)) {
            warnings.push_back(path + ": " + error + " (entry ignored)");
            continue;
        }
        bool used = false;
        for (const std::string &s : strings) {
            if (s.rfind(kStringPrefix, 0) != 0)
                continue;
            const std::size_t eq = s.find('=');
            const std::string key = eq == std::string::npos
                                        ? std::string()
                                        : s.substr(kStringPrefix.size(), eq - kStringPrefix.size());
            if (key.empty()) {
                warnings.push_back(path + ": \"" + s
                                   + "\" is not vmeclone.<key>=<value> (ignored)");
                continue;
            }
            document.set(key, s.substr(eq + 1));
            used = true;
        }
        if (used)
            sources.push_back(path);
    }
    if (document.empty()) {
        why = fs.isDirectory(kEntriesDir)
                  ? std::string("no vmeclone.* OEM strings in ") + kEntriesDir + "/11-*/raw"
                  : std::string("no ") + kEntriesDir
                        + " (no SMBIOS tables, or the kernel lacks CONFIG_DMI_SYSFS)";
        return false;
    }
    m_source.clear();
    for (const std::string &s : sources)
        m_source += (m_source.empty() ? "" : ", ") + s;
    return true;
}

} // namespace vmeclone::agent
