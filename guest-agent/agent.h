#pragma once
// The agent's work at every boot: find the identity, count the start, bring the network
// up, write the guest's configuration when the identity is new (then apply it live, or
// reboot once where the guest family needs it), and announce the guest online with a
// heartbeat until SIGTERM.

#include "agent_options.h"
#include "further_nics.h"
#include "guest_configuration.h"
#include "identity.h"
#include "network_settings.h"
#include "protocol/identity_document.h"
#include "root_fs.h"
#include "system_actions.h"

#include <string>
#include <utility>
#include <vector>

namespace vmeclone::agent {

class Agent {
public:
    static constexpr const char *kConfigPath = "/etc/vmeclone/agent.conf";
    static constexpr const char *kPidPath = "/var/run/vmeclone-agent.pid";
    // How long the agent waits at its start for udev to name the identity's NIC
    // (NetInterfaces::waitForMac): a full distribution under emulation probes it late.
    static constexpr int kNicWaitMs = 30000;
    // How long an ifup of the golden's configuration has to finish, and a DHCP client it
    // started to be gone after SIGKILL.
    static constexpr int kDhcpStopMs = 20000;

    explicit Agent(const AgentOptions &options);

    // The boot flow; returns the process exit status.
    int run();
    // --check: prints what it finds and would do, changes nothing.
    int check();

private:
    struct ChannelResult {
        std::string channel;
        std::string outcome; // why it yielded nothing, or "found"
    };

    void loadConfig(bool log);
    bool findIdentity(Identity &out, std::vector<ChannelResult> &results, bool log);
    // Which interface the identity is for, its MAC, and the instance id when absent;
    // false with `error` when that is one of the further NICs the identity lists.
    bool resolveInterface(Identity &identity, std::string &error) const;
    // The settings the identity gives this guest: the primary interface and the further
    // NICs that have an address and an interface with their MAC (`further` says which).
    NetworkSettings settingsFor(const Identity &identity, FurtherNics &further) const;
    // `ip` up, flush and add for one interface.
    bool bringUp(const NetworkSettings &settings, std::string &error) const;
    bool applyLive(const NetworkSettings &settings, const std::string &hostname, std::string &error,
                   std::string &warning) const;
    // A clone resumed from a template (template_mode.h): its own MAC on the NIC and a
    // fresh machine-id; what failed is appended to `warning`.
    void takeCloneIdentity(const Identity &identity, std::string &warning) const;
    // Why to reboot after configuring: the agent config's `reboot` (yes: always, no: never,
    // auto or absent: when the family needs it); empty to apply live.
    std::string rebootReason(const GuestConfiguration &configuration) const;

    AgentOptions m_options;
    RootFs m_fs;
    SystemActions m_actions;
    protocol::KeyValueText m_config;
    std::string m_configSource;
    // Resumed from an instant-clone template (set once run() knows).
    bool m_resumed = false;
};

} // namespace vmeclone::agent
