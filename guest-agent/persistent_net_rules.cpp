#include "persistent_net_rules.h"

#include "text_lines.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace vmeclone::agent {

namespace {

// The value of `KEY=="value"` or `KEY="value"` in a rule line, or empty.
std::string valueOf(const std::string &line, const std::string &key) {
    std::size_t at = 0;
    while ((at = line.find(key, at)) != std::string::npos) {
        // Whole key only: NAME must not match the end of KERNELNAME.
        const bool starts = at == 0 || line[at - 1] == ' ' || line[at - 1] == ',';
        std::size_t pos = at + key.size();
        at = pos;
        if (!starts)
            continue;
        while (pos < line.size() && (line[pos] == '=' || line[pos] == ':'))
            ++pos;
        if (pos >= line.size() || line[pos] != '"')
            continue;
        const std::size_t end = line.find('"', pos + 1);
        if (end == std::string::npos)
            return {};
        return line.substr(pos + 1, end - pos - 1);
    }
    return {};
}

bool present(const protocol::Mac &mac, const std::vector<NetInterface> &nics) {
    return std::any_of(nics.begin(), nics.end(),
                       [&](const NetInterface &nic) { return nic.mac && *nic.mac == mac; });
}

} // namespace

PersistentNetRules PersistentNetRules::parse(const std::string &text) {
    PersistentNetRules rules;
    for (const std::string &line : TextLines::split(text)) {
        if (TextLines::isBlankOrComment(line))
            continue;
        const auto mac = protocol::parseMac(valueOf(line, "ATTR{address}"));
        const std::string name = valueOf(line, "NAME");
        if (mac && !name.empty())
            rules.m_rules.push_back({*mac, name});
    }
    return rules;
}

PersistentNetRules PersistentNetRules::load(const RootFs &fs) {
    std::string text, error;
    if (!fs.exists(kPath) || !fs.readFile(kPath, text, error))
        return {};
    return parse(text);
}

std::vector<PersistentNetRules::Rule>
PersistentNetRules::stale(const std::vector<NetInterface> &nics) const {
    std::vector<Rule> out;
    for (const Rule &rule : m_rules) {
        if (!present(rule.mac, nics))
            out.push_back(rule);
    }
    return out;
}

std::string PersistentNetRules::describeStale(const std::vector<NetInterface> &nics) const {
    std::string text;
    for (const Rule &rule : stale(nics))
        text += (text.empty() ? "" : ", ") + protocol::formatMac(rule.mac) + " as " + rule.name;
    return text;
}

std::string PersistentNetRules::nameAfterRemoval(const std::string &live,
                                                 const std::vector<NetInterface> &nics) const {
    const std::vector<Rule> old = stale(nics);
    std::size_t index = 0;
    for (const Rule &rule : m_rules) {
        if (!present(rule.mac, nics))
            continue;
        if (rule.name == live)
            return index < old.size() ? old[index].name : live;
        ++index;
    }
    return live;
}

bool PersistentNetRules::remove(const RootFs &fs, std::string &error) const {
    if (!fs.exists(kPath) || fs.remove(kPath))
        return true;
    error = "cannot remove " + fs.path(kPath) + ": " + std::strerror(errno);
    return false;
}

} // namespace vmeclone::agent
