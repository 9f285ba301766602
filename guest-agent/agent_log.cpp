#include "agent_log.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace vmeclone::agent {

void agentLog(const char *format, ...) {
    static const char prefix[] = "vmeclone-agent: ";
    char line[1024];
    std::memcpy(line, prefix, sizeof prefix - 1);
    std::size_t used = sizeof prefix - 1;

    va_list args;
    va_start(args, format);
    const int n = std::vsnprintf(line + used, sizeof line - used - 1, format, args);
    va_end(args);
    if (n > 0)
        used += std::min(static_cast<std::size_t>(n), sizeof line - used - 2);
    line[used++] = '\n';
    (void)!::write(STDERR_FILENO, line, used);
}

} // namespace vmeclone::agent
