#pragma once
// Sends the agent's announcements: UDP to the console address of the identity and
// nowhere else (never a broadcast, never the gateway: under QEMU user networking any
// other destination would leave the host, DESIGN §5). Signs when the identity has a key.

#include "protocol/announcement.h"
#include "root_fs.h"

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vmeclone::agent {

class Announcer {
public:
    // `base` carries ip, mac, hostname, boot id and boots; state, sequence, uptime and
    // detail are filled per datagram. `subnetPrefix` lets it refuse the subnet broadcast.
    Announcer(const RootFs &fs, protocol::Announcement base, std::optional<protocol::Digest> key,
              int subnetPrefix);
    ~Announcer();
    Announcer(const Announcer &) = delete;
    Announcer &operator=(const Announcer &) = delete;

    // Opens the socket; false with `why` (nothing will be sent) when the console is
    // missing or is not a unicast address.
    bool open(std::optional<std::uint32_t> console, std::uint16_t port, std::string &why);
    bool isOpen() const { return m_socket >= 0; }

    // One datagram with the next sequence number.
    bool send(protocol::AgentState state, std::string_view detail);
    // A state change: sent twice, each with its own sequence number, because UDP is lossy
    // and the listener is idempotent. The first copy goes now; the repeat once 200 ms
    // have passed, or sooner, just before the next state change goes out: the agent's
    // next step is never held up by it, and the datagrams stay in order.
    void announce(protocol::AgentState state, std::string_view detail);
    // Sends a pending repeat when its 200 ms are up (waiting until then): before the agent
    // waits (heartbeats), reboots or exits. The destructor does it too.
    void settle();

    std::uint64_t sequence() const { return m_base.sequence; }

private:
    std::uint32_t uptimeSeconds() const;

    const RootFs &m_fs;
    protocol::Announcement m_base;
    std::optional<protocol::Digest> m_key;
    int m_subnetPrefix = 32;
    int m_socket = -1;
    std::uint32_t m_console = 0;
    std::uint16_t m_port = 0;
    bool m_reportedSendError = false;
    // The repeat not sent yet, and when it is due (CLOCK_MONOTONIC).
    std::optional<std::pair<protocol::AgentState, std::string>> m_repeat;
    timespec m_repeatDue{};
};

} // namespace vmeclone::agent
