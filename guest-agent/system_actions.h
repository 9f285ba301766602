#pragma once
// Everything the agent does to the running system, as opposed to its files: run `ip`,
// set the host name, reboot. In a test tree (--root) nothing is done; each action is
// appended as one command line to <root>/var/log/vmeclone-agent.commands instead, so a
// test can see exactly what a guest would have run.

#include "root_fs.h"

#include <string>
#include <vector>

namespace vmeclone::agent {

class SystemActions {
public:
    static constexpr const char *kCommandsLog = "/var/log/vmeclone-agent.commands";

    static SystemActions live();
    static SystemActions recordingInto(const RootFs &fs);

    bool isRecording() const { return m_recordInto != nullptr; }

    // Runs argv (argv[0] looked up in /sbin, /bin, /usr/sbin, /usr/bin; no shell) and
    // waits; false with `error` when it cannot run or exits non-zero.
    bool run(const std::vector<std::string> &argv, std::string &error) const;
    bool setHostname(const std::string &name, std::string &error) const;
    // Syncs and reboots. Live, it returns only when the reboot failed; recording, it
    // returns true and the caller exits as if the guest had rebooted.
    bool reboot(std::string &error) const;

private:
    explicit SystemActions(const RootFs *recordInto)
        : m_recordInto(recordInto) {}
    bool record(const std::vector<std::string> &argv, std::string &error) const;

    const RootFs *m_recordInto = nullptr;
};

} // namespace vmeclone::agent
