#include "text_lines.h"

namespace vmeclone::agent {

namespace {

constexpr std::string_view kBlanks = " \t\r";

} // namespace

std::vector<std::string> TextLines::split(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        lines.emplace_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

std::string TextLines::join(const std::vector<std::string> &lines) {
    std::string text;
    for (const std::string &line : lines)
        text += line + "\n";
    return text;
}

std::vector<std::string> TextLines::words(std::string_view line) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t start = line.find_first_not_of(kBlanks, pos);
        if (start == std::string_view::npos)
            break;
        std::size_t end = line.find_first_of(kBlanks, start);
        if (end == std::string_view::npos)
            end = line.size();
        out.emplace_back(line.substr(start, end - start));
        pos = end;
    }
    return out;
}

std::string TextLines::trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(kBlanks);
    if (first == std::string_view::npos)
        return {};
    const std::size_t last = text.find_last_not_of(kBlanks);
    return std::string(text.substr(first, last - first + 1));
}

bool TextLines::isBlankOrComment(std::string_view line) {
    const std::size_t first = line.find_first_not_of(kBlanks);
    return first == std::string_view::npos || line[first] == '#';
}

} // namespace vmeclone::agent
