#include "announcer.h"

#include "agent_log.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vmeclone::agent {

using protocol::AgentState;

Announcer::Announcer(const RootFs &fs, protocol::Announcement base,
                     std::optional<protocol::Digest> key, int subnetPrefix)
    : m_fs(fs)
    , m_base(std::move(base))
    , m_key(key)
    , m_subnetPrefix(subnetPrefix) {
    m_base.sequence = 0;
}

Announcer::~Announcer() {
    settle();
    if (m_socket >= 0)
        ::close(m_socket);
}

bool Announcer::open(std::optional<std::uint32_t> console, std::uint16_t port, std::string &why) {
    if (!console) {
        why = "no console address in the identity or the agent config";
        return false;
    }
    const std::uint32_t c = *console;
    const std::string text = protocol::formatIpv4(c);
    const std::uint32_t mask = m_subnetPrefix == 0 ? 0 : ~std::uint32_t{0} << (32 - m_subnetPrefix);
    if (c == 0 || c == 0xFFFFFFFFu) {
        why = "console " + text + " is not a unicast address";
        return false;
    }
    if ((c >> 28) == 0xE || (c >> 28) == 0xF) {
        why = "console " + text + " is a multicast or reserved address";
        return false;
    }
    if (m_subnetPrefix <= 30 && (c & mask) == (m_base.ip & mask) && (c & ~mask) == ~mask) {
        why = "console " + text + " is the broadcast address of this guest's subnet";
        return false;
    }
    if (port == 0) {
        why = "console port 0";
        return false;
    }
    m_socket = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (m_socket < 0) {
        why = std::string("cannot open a UDP socket: ") + std::strerror(errno);
        return false;
    }
    m_console = c;
    m_port = port;
    return true;
}

std::uint32_t Announcer::uptimeSeconds() const {
    std::string text, error;
    if (!m_fs.readFile("/proc/uptime", text, error))
        return 0;
    std::uint32_t seconds = 0;
    for (const char ch : text) {
        if (ch < '0' || ch > '9')
            break;
        seconds = seconds * 10 + static_cast<std::uint32_t>(ch - '0');
    }
    return seconds;
}

bool Announcer::send(AgentState state, std::string_view detail) {
    protocol::Announcement a = m_base;
    a.state = state;
    a.sequence = ++m_base.sequence;
    a.uptimeSeconds = uptimeSeconds();
    a.detail = std::string(detail);
    if (m_socket < 0)
        return false;

    const std::vector<std::uint8_t> datagram = protocol::encode(a, m_key ? &*m_key : nullptr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(m_port);
    to.sin_addr.s_addr = htonl(m_console);
    const ssize_t sent = ::sendto(m_socket, datagram.data(), datagram.size(), 0,
                                  reinterpret_cast<const sockaddr *>(&to), sizeof to);
    if (sent != static_cast<ssize_t>(datagram.size())) {
        // The network may not be up yet; say so once, not at every heartbeat.
        if (!m_reportedSendError)
            agentLog("cannot send to %s:%u: %s", protocol::formatIpv4(m_console).c_str(),
                     unsigned{m_port}, std::strerror(errno));
        m_reportedSendError = true;
        return false;
    }
    m_reportedSendError = false;
    return true;
}

void Announcer::announce(AgentState state, std::string_view detail) {
    if (m_repeat) { // the previous change's repeat, early: it must precede this one
        send(m_repeat->first, m_repeat->second);
        m_repeat.reset();
    }
    send(state, detail);
    m_repeat.emplace(state, std::string(detail));
    ::clock_gettime(CLOCK_MONOTONIC, &m_repeatDue);
    constexpr long kRepeatNs = 200L * 1000 * 1000;
    m_repeatDue.tv_nsec += kRepeatNs;
    if (m_repeatDue.tv_nsec >= 1000L * 1000 * 1000) {
        m_repeatDue.tv_nsec -= 1000L * 1000 * 1000;
        ++m_repeatDue.tv_sec;
    }
}

void Announcer::settle() {
    if (!m_repeat)
        return;
    while (::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &m_repeatDue, nullptr) == EINTR) {
    }
    send(m_repeat->first, m_repeat->second);
    m_repeat.reset();
}

} // namespace vmeclone::agent
