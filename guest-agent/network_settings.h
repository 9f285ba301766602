#pragma once
// What the guest's network configuration says, whichever writer puts it on disk:
// one interface (by name and MAC), one static address, an optional default gateway and
// name servers; and the clone's further NICs that have a static address of their own.

#include "protocol/addressing.h"
#include "protocol/identity_document.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vmeclone::agent {

struct NetworkSettings {
    std::string interfaceName;
    std::uint32_t ip = 0;
    int prefix = 24;
    std::optional<std::uint32_t> gateway;
    std::vector<std::uint32_t> dns;
    // The NIC's MAC: netplan, NetworkManager and networkd match the interface by it, so
    // the configuration follows the NIC whatever it is called.
    std::optional<protocol::Mac> mac;
    // The further NICs with an address (Identity::furtherNics found in the guest), each
    // with its name, MAC, address and prefix only: the default route and the name
    // servers stay on this interface. None of them has further NICs of its own.
    std::vector<NetworkSettings> further;

    // This interface (without `further`), then each further one: for the writers that
    // write one file or stanza per interface.
    std::vector<NetworkSettings> interfaces() const;

    // The /etc/vmeclone/network.conf form: interface, ip, prefix, gateway, dns, mac; with
    // further NICs also nics=<if>,... and nic.<if>=<mac>,<ip>/<prefix> for each.
    protocol::KeyValueText toDocument() const;
    static bool fromDocument(const protocol::KeyValueText &document, NetworkSettings &out,
                             std::string &error);

    std::string netmask() const; // "255.255.255.0"
    std::string dnsList(char separator) const;
    std::string address() const; // "192.168.1.177/24"
    std::string macText() const; // "00:50:56:28:01:b1", empty without a MAC
    // "eth0 192.168.1.177/24 gw 192.168.1.1", then ", eth1 10.0.5.177/24" for each further
    std::string summary() const;
};

} // namespace vmeclone::agent
