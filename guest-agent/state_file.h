#pragma once
// The agent's memory across boots, /var/lib/vmeclone/state (key=value): which identity
// instance it runs under, how many times it started under it, and which instance it has
// already written into the guest's configuration.

#include "root_fs.h"

#include <cstdint>
#include <string>

namespace vmeclone::agent {

class StateFile {
public:
    static constexpr const char *kPath = "/var/lib/vmeclone/state";

    // A missing file is a first start; an unreadable boots value counts as 0, with a warning.
    static StateFile load(const RootFs &fs, std::string &warning);

    // Counts one more start under `instance` (a new instance starts again at 1).
    void countStart(const std::string &instance);
    void markApplied(const std::string &instance) { m_applied = instance; }

    const std::string &instance() const { return m_instance; }
    std::uint32_t boots() const { return m_boots; }
    const std::string &applied() const { return m_applied; }

    std::string toText() const;
    bool save(const RootFs &fs, std::string &error) const;

private:
    std::string m_instance;
    std::uint32_t m_boots = 0;
    std::string m_applied;
};

} // namespace vmeclone::agent
