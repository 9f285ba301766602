#pragma once
// netplan (Ubuntu 18.04 and later): /etc/netplan/99-vmeclone.yaml, mode 0600 (netplan warns
// about readable files). netplan reads /{lib,etc,run}/netplan/*.yaml in name order and a
// later file overrides the same keys of an earlier one, but appends to its lists, so the
// golden's addresses cannot be overridden, only switched off. The agent never edits or
// deletes the operator's files (nor cloud-init's 50-cloud-init.yaml): its own file, read
// after them, gives every definition of theirs that would claim the NIC (or a further NIC
// with an address) a `match` and a `set-name` that no interface has, and defines the clone's own,
// matched by MAC with `set-name`, one per NIC; only the primary's has routes and nameservers. It is
// 99-, not 50-: a later file (60-*.yaml, NetworkManager's 90-NM-*.yaml) would override
// the switch-off again.

#include "network_writer.h"

#include <string>
#include <vector>

namespace vmeclone::agent {

class NetplanWriter : public NetworkWriter {
public:
    static constexpr const char *kDir = "/etc/netplan";
    static constexpr const char *kPath = "/etc/netplan/99-vmeclone.yaml";
    static constexpr const char *kNoInterface = "vmeclone-none";
    // RFC 7042's MAC for documentation, which no NIC has. A switched-off definition gets it
    // and `set-name: vmeclone-none` as well as the name: netplan's [Match] of a definition
    // with `set-name` is that name, whatever `match: name` says, and its .link would rename
    // the NIC whose MAC it still matched.
    static constexpr const char *kNoMac = "00:00:5e:00:53:00";
    static constexpr unsigned kMode = 0600;
    static constexpr int kRouteMetric = 50;

    // One `network: ethernets:` entry of a netplan file, as far as matching goes.
    struct Definition {
        std::string id;
        bool hasMatch = false;
        std::string matchName; // may be a glob
        std::string matchMac;
        std::string setName;
    };

    const char *name() const override { return "netplan"; }
    // A *.yaml file in /etc/netplan.
    bool appliesTo(const RootFs &fs) const override;
    bool write(const RootFs &fs, const NetworkSettings &settings,
               std::string &error) const override;
    // `netplan apply`: generates the backend's files and applies them.
    std::vector<std::vector<std::string>>
    liveCommands(const RootFs &fs, const NetworkSettings &settings) const override;

    // The ethernets definitions of a netplan file, read by libyaml as netplan reads it
    // (netplan_yaml.h); false with libyaml's `error` for a file netplan refuses too.
    static bool definitions(const std::string &yaml, std::vector<Definition> &found,
                            std::string &error);
    // Whether a definition would configure the interface of `settings` (not its further).
    static bool claims(const Definition &definition, const NetworkSettings &settings);
    // The ids, from the other files in /etc/netplan, that the agent's file switches off:
    // those that claim the primary interface or a further NIC it configures. False, with
    // an error naming the file, when one of them is not YAML.
    static bool claimingIds(const RootFs &fs, const NetworkSettings &settings,
                            std::vector<std::string> &ids, std::string &error);
    // The file: `off` switched off, then a definition for each of settings.interfaces().
    static std::string yaml(const NetworkSettings &settings, const std::vector<std::string> &off);
    // One interface's `vmeclone-<if>` definition; routes and nameservers only where it has
    // a gateway and DNS (the primary).
    static std::string definition(const NetworkSettings &nic);
};

} // namespace vmeclone::agent
