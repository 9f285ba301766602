#pragma once
// The agent's command line. Deliberately small: the init script runs it with no
// arguments; tests run it on a tree with --root ... --foreground --once.

#include <string>

namespace vmeclone::agent {

struct AgentOptions {
    std::string root = "/";
    std::string configPath; // empty: <root>/etc/vmeclone/agent.conf
    bool foreground = false;
    bool once = false;
    bool check = false;
    bool version = false;
    bool help = false;
    bool emitTestVector = false; // hidden: prints the cross-check datagram (see main.cpp)
    // With --root: run guest tools (vmware-rpctool) from the tree's own folders to read
    // the identity; without it they are not run (see system_actions.h).
    bool allowRootPrograms = false;

    // False with `error` on an unknown option or a missing value.
    static bool parse(int argc, char **argv, AgentOptions &out, std::string &error);
    static const char *usage();
};

} // namespace vmeclone::agent
