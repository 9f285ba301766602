#pragma once
// Everything the agent does to the running system, as opposed to its files: run `ip`,
// set the host name, reboot. In a test tree (--root) nothing is done; each action is
// appended as one command line to <root>/var/log/vmeclone-agent.commands instead, so a
// test can see exactly what a guest would have run.
//
// Queries are different: a channel runs a guest tool (vmware-rpctool) to read its
// identity and needs the answer. Live, they run from the system folders. Under --root
// they run only with --allow-root-programs, and then only from the tree's own folders
// (<root>/sbin, /bin, /usr/sbin, /usr/bin), never the host's: a test puts stand-ins
// there. Queries are never recorded: they change nothing, and --check must write nothing.

#include "root_fs.h"

#include <string>
#include <vector>

namespace vmeclone::agent {

class SystemActions {
public:
    static constexpr const char *kCommandsLog = "/var/log/vmeclone-agent.commands";
    // A guest tool that has not answered by then is killed: a hung vmware-rpctool must
    // not hold up the boot.
    static constexpr int kQueryTimeoutMs = 5000;

    static SystemActions live();
    static SystemActions recordingInto(const RootFs &fs, bool allowRootPrograms);

    bool isRecording() const { return m_recordInto != nullptr; }

    // Runs argv (argv[0] looked up in /sbin, /bin, /usr/sbin, /usr/bin; no shell) and
    // waits; false with `error` when it cannot run or exits non-zero.
    bool run(const std::vector<std::string> &argv, std::string &error) const;
    // Starts argv (found as run() finds it) and does not wait: it goes on beside the agent,
    // detached (a child of init, so no zombie is left). Recording, it is recorded as run()
    // records, with a trailing " &".
    bool start(const std::vector<std::string> &argv, std::string &error) const;
    bool setHostname(const std::string &name, std::string &error) const;
    // Reboots in the guest's own orderly way (its `reboot` command, so services stop and
    // file systems unmount), falling back to sync and reboot(2) when there is none or it
    // fails. Returns true once the reboot is under way (the caller then exits); recording,
    // it records `reboot`.
    bool reboot(std::string &error) const;

    // Where query program `name` would run from, or empty with `why`.
    std::string locate(const std::string &name, std::string &why) const;
    // Runs a query (argv[0] found with locate) with stdin from /dev/null and returns its
    // standard output; false with `error` (its standard error, or how it ended) when it
    // cannot run, exits non-zero, or takes longer than `timeoutMs`.
    bool capture(const std::vector<std::string> &argv, std::string &out, std::string &error,
                 int timeoutMs = kQueryTimeoutMs) const;

private:
    SystemActions(const RootFs *recordInto, bool allowRootPrograms)
        : m_recordInto(recordInto)
        , m_allowRootPrograms(allowRootPrograms) {}
    bool record(const std::vector<std::string> &argv, std::string &error) const;

    const RootFs *m_recordInto = nullptr;
    bool m_allowRootPrograms = false;
};

} // namespace vmeclone::agent
