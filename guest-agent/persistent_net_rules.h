#pragma once
// udev's /etc/udev/rules.d/70-persistent-net.rules (CentOS/RHEL 6, Debian 7, Ubuntu 14.04
// and older): a generator pinned each NIC's MAC to a name on the golden's first boot. In a
// clone the golden's MAC keeps its name (eth0) and the clone's NIC gets the next one
// (eth1), so the golden's ifcfg-eth0 no longer meets it. The agent removes the file when
// it pins a MAC this machine does not have; udev writes a fresh one at the next boot, and
// only then does the NIC take the golden's name: a reboot is needed.

#include "net_interfaces.h"
#include "root_fs.h"

#include <string>
#include <vector>

namespace vmeclone::agent {

class PersistentNetRules {
public:
    static constexpr const char *kPath = "/etc/udev/rules.d/70-persistent-net.rules";

    struct Rule {
        protocol::Mac mac{};
        std::string name;
    };

    // An absent or unreadable file has no rules.
    static PersistentNetRules load(const RootFs &fs);
    static PersistentNetRules parse(const std::string &text);

    const std::vector<Rule> &rules() const { return m_rules; }
    // Rules for MACs none of `nics` has: the golden's, holding the names.
    std::vector<Rule> stale(const std::vector<NetInterface> &nics) const;
    bool needsRemoval(const std::vector<NetInterface> &nics) const { return !stale(nics).empty(); }
    // "00:50:56:28:01:b0 as eth0" for each stale rule, for logs and --check.
    std::string describeStale(const std::vector<NetInterface> &nics) const;

    // The name interface `live` will have once the file is gone and the guest rebooted.
    // The kernel names NICs in the order it finds them, as it did when the rules were
    // written: the n-th rule of a present NIC gets the name of the n-th stale rule.
    std::string nameAfterRemoval(const std::string &live,
                                 const std::vector<NetInterface> &nics) const;

    bool remove(const RootFs &fs, std::string &error) const;

private:
    std::vector<Rule> m_rules;
};

} // namespace vmeclone::agent
