#include "netplan_writer.h"

#include "protocol/addressing.h"
#include "text_lines.h"

#include <algorithm>
#include <fnmatch.h>
#include <functional>

namespace vmeclone::agent {

namespace {

using Path = std::vector<std::string>;
// Called with the path of every mapping key found, and its scalar value (empty for a
// mapping or a list).
using Visit = std::function<void(const Path &, const std::string &)>;

std::string unquote(std::string value) {
    value = TextLines::trim(value);
    if (value.size() >= 2
        && ((value.front() == '"' && value.back() == '"')
            || (value.front() == '\'' && value.back() == '\'')))
        return value.substr(1, value.size() - 2);
    return value;
}

// Cuts a trailing comment: '#' at the start or after a blank, outside quotes.
std::string withoutComment(const std::string &line) {
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
            return line.substr(0, i);
        }
    }
    return line;
}

// The ": " (or final ':') that ends a mapping key, outside quotes and brackets.
std::size_t keyEnd(const std::string &text) {
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '{' || c == '[') {
            return std::string::npos;
        } else if (c == ':' && (i + 1 == text.size() || text[i + 1] == ' ')) {
            return i;
        }
    }
    return std::string::npos;
}

// A flow collection ({a: b, c: {d: e}} or [x, y]) starting at text[pos]; advances pos.
void parseFlow(const std::string &text, std::size_t &pos, const Path &path, const Visit &visit) {
    const char open = text[pos++];
    const char close = open == '{' ? '}' : ']';
    while (pos < text.size()) {
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == ','))
            ++pos;
        if (pos >= text.size() || text[pos] == close) {
            ++pos;
            return;
        }
        std::string key;
        if (open == '{') {
            const std::size_t start = pos;
            while (pos < text.size() && text[pos] != ':' && text[pos] != ',' && text[pos] != close)
                ++pos;
            key = unquote(text.substr(start, pos - start));
            if (pos < text.size() && text[pos] == ':')
                ++pos;
            while (pos < text.size() && text[pos] == ' ')
                ++pos;
        }
        Path inner = path;
        inner.push_back(open == '{' ? key : "[]");
        if (pos < text.size() && (text[pos] == '{' || text[pos] == '[')) {
            if (open == '{')
                visit(inner, {});
            parseFlow(text, pos, inner, visit);
            continue;
        }
        const std::size_t start = pos;
        char quote = 0;
        while (pos < text.size()) {
            const char c = text[pos];
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ',' || c == close) {
                break;
            }
            ++pos;
        }
        if (open == '{')
            visit(inner, unquote(text.substr(start, pos - start)));
    }
}

// Block-style YAML as netplan files use it: indentation, "key: value", "key:", "- item",
// flow collections as values. Enough to find keys by path; not a general YAML parser.
void walk(const std::string &yaml, const Visit &visit) {
    std::vector<std::pair<std::size_t, std::string>> stack; // indent, key
    for (std::string line : TextLines::split(yaml)) {
        line = withoutComment(line);
        const std::size_t indent = line.find_first_not_of(" \t");
        if (indent == std::string::npos)
            continue;
        std::string content = TextLines::trim(line.substr(indent));
        if (content == "---" || content == "...")
            continue;
        std::size_t column = indent;
        while (!stack.empty() && stack.back().first >= column)
            stack.pop_back();
        if (content.rfind("- ", 0) == 0 || content == "-") {
            // A list item: whatever it holds sits under "[]", never on a path looked for.
            stack.emplace_back(column, "[]");
            content = TextLines::trim(content.substr(1));
            column += 2;
            if (content.empty())
                continue;
        }
        const std::size_t end = keyEnd(content);
        if (end == std::string::npos)
            continue; // a scalar list item or a continuation line
        Path path;
        for (const auto &entry : stack)
            path.push_back(entry.second);
        path.push_back(unquote(content.substr(0, end)));
        const std::string value = TextLines::trim(content.substr(end + 1));
        if (!value.empty() && (value[0] == '{' || value[0] == '[')) {
            visit(path, {});
            std::size_t pos = 0;
            parseFlow(value, pos, path, visit);
        } else {
            visit(path, unquote(value));
        }
        if (value.empty())
            stack.emplace_back(column, path.back());
    }
}

bool sameMac(const std::string &a, const std::string &b) {
    const auto ma = protocol::parseMac(a);
    const auto mb = protocol::parseMac(b);
    return ma && mb && *ma == *mb;
}

bool isYaml(const std::string &name) {
    return name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0;
}

} // namespace

bool NetplanWriter::appliesTo(const RootFs &fs) const {
    const std::vector<std::string> entries = fs.list(kDir);
    return std::any_of(entries.begin(), entries.end(), isYaml);
}

std::vector<NetplanWriter::Definition> NetplanWriter::definitions(const std::string &yaml) {
    std::vector<Definition> found;
    walk(yaml, [&](const Path &path, const std::string &value) {
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
    });
    return found;
}

bool NetplanWriter::claims(const Definition &d, const NetworkSettings &s) {
    const std::string &ifname = s.interfaceName;
    if (!d.hasMatch)
        return d.id == ifname;
    return d.setName == ifname
           || (!d.matchName.empty() && ::fnmatch(d.matchName.c_str(), ifname.c_str(), 0) == 0)
           || (s.mac && !d.matchMac.empty() && sameMac(d.matchMac, s.macText()));
}

std::vector<std::string> NetplanWriter::claimingIds(const RootFs &fs, const NetworkSettings &s) {
    std::vector<std::string> ids;
    const std::string own = std::string(kPath).substr(std::string(kDir).size() + 1);
    for (const std::string &entry : fs.list(kDir)) {
        if (!isYaml(entry) || entry == own)
            continue;
        std::string text, error;
        if (!fs.readFile(std::string(kDir) + "/" + entry, text, error))
            continue;
        for (const Definition &d : definitions(text)) {
            for (const NetworkSettings &nic : s.interfaces()) {
                if (claims(d, nic) && std::find(ids.begin(), ids.end(), d.id) == ids.end())
                    ids.push_back(d.id);
            }
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::string NetplanWriter::yaml(const NetworkSettings &settings,
                                const std::vector<std::string> &off) {
    const bool several = !settings.further.empty();
    std::string text = std::string("# Written by vmeclone-agent. netplan reads this file after the "
                                   "golden's and cloud-init's:\n# it switches off their "
                                   "definitions of ")
                       + (several ? "these NICs" : "this NIC")
                       + " (a match no interface has)\n# and defines the clone's own.\n"
                         "network:\n  version: 2\n  ethernets:\n";
    for (const std::string &id : off)
        text += "    \"" + id + "\":\n      match:\n        name: \"" + kNoInterface + "\"\n";
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
    const std::string text = yaml(settings, claimingIds(fs, settings));
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
