// What the agent does to the running system for an identity, beside writing its files:
// the address on the NIC (after the golden's DHCP client is gone), the default route and
// the host name, live; and for a clone resumed from a template, the clone's own MAC,
// machine-id and SSH host keys.

#include "agent.h"
#include "agent_log.h"
#include "dhcp_clients.h"
#include "template_mode.h"

namespace vmeclone::agent {

bool Agent::bringUp(const NetworkSettings &s, std::string &error) const {
    const std::string &dev = s.interfaceName;
    // A DHCP client the golden's configuration started would add its lease back.
    std::string dhcpError;
    for (const std::string &client : DhcpClients::stop(m_fs, dev, kDhcpStopMs, dhcpError))
        agentLog("stopped %s, started for %s by the golden's configuration", client.c_str(),
                 dev.c_str());
    if (!dhcpError.empty())
        agentLog("warning: %s", dhcpError.c_str());
    return m_actions.run({"ip", "link", "set", "dev", dev, "up"}, error)
           // -4: keep the interface's IPv6 addresses (link-local included).
           && m_actions.run({"ip", "-4", "addr", "flush", "dev", dev}, error)
           && m_actions.run({"ip", "addr", "add", s.address(), "dev", dev}, error);
}

bool Agent::applyLive(const NetworkSettings &s, const std::string &hostname, std::string &error,
                      std::string &warning) const {
    if (!bringUp(s, error))
        return false;
    // A missing default route leaves the console on the same subnet reachable: warn only.
    if (s.gateway
        && !m_actions.run(
            {"ip", "route", "add", "default", "via", protocol::formatIpv4(*s.gateway)}, warning))
        agentLog("warning: %s", warning.c_str());
    // The clone is online through its primary NIC whatever becomes of the others.
    for (const NetworkSettings &nic : s.further) {
        std::string nicError;
        if (bringUp(nic, nicError))
            continue;
        agentLog("warning: %s", nicError.c_str());
        warning += (warning.empty() ? "" : "; ") + nicError;
    }
    std::string hostError;
    if (!m_actions.setHostname(hostname, hostError)) {
        agentLog("warning: %s", hostError.c_str());
        warning = hostError;
    }
    return true;
}

void Agent::takeCloneIdentity(const Identity &identity, std::string &warning) const {
    // The NIC still has the template's MAC (the guest's copy of it was resumed too).
    std::string error;
    if (identity.mac) {
        const std::string &dev = identity.interfaceName;
        if (!m_actions.run({"ip", "link", "set", "dev", dev, "down"}, error)
            || !m_actions.run(
                {"ip", "link", "set", "dev", dev, "address", protocol::formatMac(*identity.mac)},
                error)) {
            agentLog("warning: %s", error.c_str());
            warning += (warning.empty() ? "" : "; ") + error;
        } else {
            agentLog("mac %s on %s", protocol::formatMac(*identity.mac).c_str(), dev.c_str());
        }
    }
    std::string machineId;
    if (TemplateMode::freshMachineId(m_fs, machineId, error)) {
        agentLog("machine-id %s", machineId.c_str());
    } else {
        agentLog("warning: %s", error.c_str());
        warning += (warning.empty() ? "" : "; ") + error;
    }
    // SSH host keys, where the guest has them: every clone would otherwise share the
    // template's. sshd reads them again for each new connection (it re-executes itself).
    // The Ed25519 key is made at once (milliseconds); the others, RSA above all (seconds
    // under emulation), beside the agent, so they do not hold the clone back from online.
    const int removed = TemplateMode::removeSshHostKeys(m_fs);
    if (removed > 0) {
        if (m_actions.run({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                           "/etc/ssh/ssh_host_ed25519_key"},
                          error)
            && m_actions.start({"ssh-keygen", "-A"}, error)) {
            agentLog("ssh host keys made anew (%d files replaced; the Ed25519 key now, the "
                     "others in the background)",
                     removed);
        } else {
            agentLog("warning: %s", error.c_str());
            warning += (warning.empty() ? "" : "; ") + error;
        }
    }
}

} // namespace vmeclone::agent
