#pragma once
// Line and word helpers for the writers, which edit the guest's text files line by line
// and keep every line they do not own as it was.

#include <string>
#include <string_view>
#include <vector>

namespace vmeclone::agent {

class TextLines {
public:
    // Lines without their '\n'; a final line without one counts too.
    static std::vector<std::string> split(std::string_view text);
    // Each line followed by '\n'.
    static std::string join(const std::vector<std::string> &lines);
    // Whitespace-separated words (blanks, tabs, '\r').
    static std::vector<std::string> words(std::string_view line);
    static std::string trim(std::string_view text);
    static bool isBlankOrComment(std::string_view line);
};

} // namespace vmeclone::agent
