#pragma once
// Everything the agent writes into a guest for a new identity, for one guest family: the
// host name, the family's network files, its own plain-ip record, the name servers where no
// resolver manager owns /etc/resolv.conf, a fresh machine-id where systemd runs, cloud-init kept
// off the network, and stale udev name pins removed. It also says how the result takes effect: live
// (with the family's own commands), or only after one reboot, and why. --check prints the same plan
// the boot flow carries out.

#include "guest_family.h"
#include "net_interfaces.h"
#include "network_settings.h"
#include "persistent_net_rules.h"
#include "root_fs.h"

#include <string>
#include <vector>

namespace vmeclone::agent {

class GuestConfiguration {
public:
    // `live` names the interface as it is now; the files name it as it will be after a
    // reboot (see PersistentNetRules::nameAfterRemoval).
    GuestConfiguration(const RootFs &fs, GuestFamily family, std::string hostname,
                       const NetworkSettings &live, std::vector<NetInterface> nics);

    const GuestFamily &family() const { return m_family; }
    // The settings the files carry.
    const NetworkSettings &settings() const { return m_settings; }

    // The steps write() takes, in order: "hostname", the family writer, "plain-ip", and
    // where they apply "resolv.conf", "machine-id", "cloud-init", "udev-rules".
    std::vector<std::string> steps() const;
    std::string stepList() const; // "hostname, ifcfg, plain-ip"

    // Why the configuration takes effect only after a reboot; empty when it applies live.
    std::string rebootReason() const;
    // The family's commands that apply the written files live (after the agent's own `ip`).
    std::vector<std::vector<std::string>> liveCommands() const;

    // The machine-id was renewed already (a resumed clone takes its identity first).
    void setMachineIdRenewed() { m_machineIdRenewed = true; }

    // Writes every step; false with `error` naming the step.
    bool write(std::string &error) const;

private:
    const RootFs &m_fs;
    GuestFamily m_family;
    std::string m_hostname;
    NetworkSettings m_settings;
    std::vector<NetInterface> m_nics;
    PersistentNetRules m_rules;
    bool m_machineIdRenewed = false;
};

} // namespace vmeclone::agent
