#include "identity_document.h"

namespace vmeclone::protocol {

namespace {

constexpr std::string_view kWhitespace = " \t\r\n\f\v";
constexpr std::string_view kCmdlinePrefix = "vmeclone.";

std::string_view trimmed(std::string_view s) {
    const std::size_t first = s.find_first_not_of(kWhitespace);
    if (first == std::string_view::npos)
        return {};
    const std::size_t last = s.find_last_not_of(kWhitespace);
    return s.substr(first, last - first + 1);
}

} // namespace

KeyValueText KeyValueText::parse(std::string_view text, std::vector<std::string> *errors) {
    KeyValueText result;
    std::size_t lineNumber = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = trimmed(text.substr(pos, end - pos));
        pos = end + 1;
        ++lineNumber;

        if (line.empty() || line.front() == '#')
            continue;
        const std::size_t eq = line.find('=');
        if (eq == std::string_view::npos) {
            if (errors)
                errors->push_back("line " + std::to_string(lineNumber) + ": no '=' in \""
                                  + std::string(line) + "\"");
            continue;
        }
        const std::string_view key = trimmed(line.substr(0, eq));
        if (key.empty()) {
            if (errors)
                errors->push_back("line " + std::to_string(lineNumber) + ": empty key in \""
                                  + std::string(line) + "\"");
            continue;
        }
        result.set(key, trimmed(line.substr(eq + 1)));
    }
    return result;
}

KeyValueText KeyValueText::parseKernelCommandLine(std::string_view cmdline) {
    KeyValueText result;
    std::size_t pos = 0;
    while (pos < cmdline.size()) {
        while (pos < cmdline.size() && kWhitespace.find(cmdline[pos]) != std::string_view::npos)
            ++pos;
        // A word ends at whitespace outside double quotes, as the kernel splits it; the
        // quotes themselves are not part of the value.
        std::string word;
        bool quoted = false;
        while (pos < cmdline.size()) {
            const char c = cmdline[pos];
            if (!quoted && kWhitespace.find(c) != std::string_view::npos)
                break;
            if (c == '"')
                quoted = !quoted;
            else
                word.push_back(c);
            ++pos;
        }
        if (word.compare(0, kCmdlinePrefix.size(), kCmdlinePrefix) != 0)
            continue;
        const std::size_t eq = word.find('=');
        if (eq == std::string::npos || eq == kCmdlinePrefix.size())
            continue;
        result.set(std::string_view(word).substr(kCmdlinePrefix.size(), eq - kCmdlinePrefix.size()),
                   std::string_view(word).substr(eq + 1));
    }
    return result;
}

std::optional<std::string> KeyValueText::get(std::string_view key) const {
    for (const auto &entry : m_values) {
        if (entry.first == key)
            return entry.second;
    }
    return std::nullopt;
}

std::string KeyValueText::value(std::string_view key, std::string_view fallback) const {
    const std::optional<std::string> found = get(key);
    return found ? *found : std::string(fallback);
}

void KeyValueText::set(std::string_view key, std::string_view value) {
    // A repeated key replaces the earlier value in place: the last one wins, and the
    // order of keys stays the order they first appeared in.
    for (auto &entry : m_values) {
        if (entry.first == key) {
            entry.second = std::string(value);
            return;
        }
    }
    m_values.emplace_back(std::string(key), std::string(value));
}

std::string KeyValueText::toText() const {
    std::string out;
    for (const auto &entry : m_values) {
        out += entry.first;
        out += '=';
        out += entry.second;
        out += '\n';
    }
    return out;
}

} // namespace vmeclone::protocol
