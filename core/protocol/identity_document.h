#pragma once
// The identity handed to a clone (via fw_cfg, guestinfo, SMBIOS or the kernel
// command line), and the agent's own config in the golden: both "key=value" text,
// one pair a line, '#' comments, unknown keys kept and ignored. Qt-free.
//
// Identity keys: version=1, instance (a fresh id per clone: a new instance means a new
// identity to apply), ip, prefix, gateway, dns (comma list), hostname, mac, console,
// port, key (64 hex), heartbeat (seconds).
// Further NICs (absent for a one-NIC clone): nics = comma list of the slots N (1..63, the
// N of VMware's ethernetN, ascending, each once) of the NICs other than the primary; for
// each, nic<N> = <mac> (left unconfigured) or <mac>,<ip>/<prefix> (a static address, no
// gateway and no DNS: those stay on the primary). E.g. nics=1,2
// nic1=00:50:56:29:01:b1,10.0.5.177/24 nic2=00:50:56:2a:01:b1. No spaces (the kernel
// command line splits on them). The agent refuses a slot outside 1..63 or listed twice, a
// listed nic<N> missing, a MAC that is malformed or the primary's or another NIC's, an
// address in the primary's subnet, and further subnets that overlap; unlisted nic<N> are
// ignored.
// Agent config keys (golden's /etc/vmeclone/agent.conf): subnet (CIDR), gateway, dns,
// console, port, hostname_prefix, interface, heartbeat, reboot (auto|yes|no; auto: only
// where the guest's family needs a reboot for the new network to take effect).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vmeclone::protocol {

class KeyValueText {
public:
    // Parses; malformed lines (no '=', empty key) are reported in `errors` as
    // "line N: ..." and skipped.
    static KeyValueText parse(std::string_view text, std::vector<std::string> *errors = nullptr);
    // Kernel command line form: "vmeclone.ip=1.2.3.4 vmeclone.prefix=24 ..." (other words ignored).
    static KeyValueText parseKernelCommandLine(std::string_view cmdline);

    std::optional<std::string> get(std::string_view key) const;
    std::string value(std::string_view key, std::string_view fallback = {}) const;
    void set(std::string_view key, std::string_view value);
    bool contains(std::string_view key) const { return get(key).has_value(); }
    bool empty() const { return m_values.empty(); }
    // Serialises in a stable order: the keys in insertion order.
    std::string toText() const;

private:
    std::vector<std::pair<std::string, std::string>> m_values;
};

} // namespace vmeclone::protocol
