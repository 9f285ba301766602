#include "agent_options.h"

#include <cstring>

namespace vmeclone::agent {

bool AgentOptions::parse(int argc, char **argv, AgentOptions &out, std::string &error) {
    AgentOptions o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto takeValue = [&](std::string &target) {
            const std::size_t eq = arg.find('=');
            if (eq != std::string::npos) {
                target = arg.substr(eq + 1);
            } else if (i + 1 < argc) {
                target = argv[++i];
            } else {
                error = arg + " needs a value";
                return false;
            }
            if (target.empty()) {
                error = arg.substr(0, eq) + " needs a non-empty value";
                return false;
            }
            return true;
        };
        if (arg == "--root" || arg.rfind("--root=", 0) == 0) {
            if (!takeValue(o.root))
                return false;
        } else if (arg == "--config" || arg.rfind("--config=", 0) == 0) {
            if (!takeValue(o.configPath))
                return false;
        } else if (arg == "--foreground") {
            o.foreground = true;
        } else if (arg == "--once") {
            o.once = true;
        } else if (arg == "--check") {
            o.check = true;
        } else if (arg == "--version") {
            o.version = true;
        } else if (arg == "--help" || arg == "-h") {
            o.help = true;
        } else if (arg == "--allow-root-programs") {
            o.allowRootPrograms = true;
        } else if (arg == "--emit-test-vector") {
            o.emitTestVector = true;
        } else {
            error = "unknown argument \"" + arg + "\" (see --help)";
            return false;
        }
    }
    if (o.allowRootPrograms && o.root == "/") {
        error = "--allow-root-programs needs --root DIR (it runs the tree's own programs)";
        return false;
    }
    out = o;
    return true;
}

const char *AgentOptions::usage() {
    return "Usage: vmeclone-agent [--root DIR [--allow-root-programs]] [--config FILE]\n"
           "                      [--foreground] [--once] [--check] [--version] [--help]\n"
           "\n"
           "Configures this clone from the identity vmeclone gave it and announces it to\n"
           "the vmeclone console over UDP.\n"
           "\n"
           "Identity channels, in order: VMware guestinfo.vmeclone.* (vmware-rpctool, or\n"
           "  vmtoolsd --cmd), QEMU fw_cfg\n"
           "  /sys/firmware/qemu_fw_cfg/by_name/opt/vmeclone/identity/raw, SMBIOS OEM\n"
           "  strings vmeclone.<key>=<value> (/sys/firmware/dmi/entries/11-*/raw), the\n"
           "  kernel command line (vmeclone.ip=... vmeclone.prefix=...), the interface MAC\n"
           "  with the subnet of /etc/vmeclone/agent.conf.\n"
           "\n"
           "  --root DIR      operate on the guest tree DIR instead of /; commands, the host\n"
           "                  name and the reboot are then only recorded, one a line, in\n"
           "                  DIR/var/log/vmeclone-agent.commands\n"
           "  --allow-root-programs\n"
           "                  with --root: run vmware-rpctool or vmtoolsd from DIR/usr/bin\n"
           "                  (and DIR/sbin, DIR/bin, DIR/usr/sbin) to read guestinfo; without\n"
           "                  it the guestinfo channel is skipped under --root\n"
           "  --config FILE   agent config (default ROOT/etc/vmeclone/agent.conf)\n"
           "  --foreground    stay attached (default: go to the background after the\n"
           "                  first online announcement)\n"
           "  --once          exit after the first online announcement (no heartbeat)\n"
           "  --check         print the identity found, the guest family and what would be\n"
           "                  done (which files, then reboot or apply live); change\n"
           "                  nothing. Exit 0 when an identity is found, else 1\n"
           "  --version       print the version\n"
           "\n"
           "Exit status: 0 done, 1 no identity or a step failed, 2 bad arguments.\n";
}

} // namespace vmeclone::agent
