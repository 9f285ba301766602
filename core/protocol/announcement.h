#pragma once
// The announcement a guest agent sends the console over UDP. Qt-free, shared by the
// engine and the agent. Wire format v1, all integers big-endian:
//
//   off size field
//    0   4   magic "VMEC"
//    4   1   version (1)
//    5   1   flags: bit 0 = signed (an HMAC-SHA256 trailer follows)
//    6   1   state (AgentState)
//    7   1   hostname length H (0..63)
//    8   4   IPv4 address the guest speaks for
//   12   6   MAC of the configured interface
//   18   1   detail length D (0..200)
//   19   1   reserved, 0
//   20  16   boot id: random, new every time the agent starts
//   36   8   sequence: 1, 2, ... within one boot id
//   44   4   uptime of the guest, seconds
//   48   4   boots: agent starts since this identity was first applied (1, 2, ...)
//   52   H   hostname (ASCII)
//   52+H D   detail (UTF-8: what was configured, or why it failed)
//   ...  32  HMAC-SHA256(VM key, every byte before the trailer), when signed
//
// Anything shorter than its lengths say, longer, or over kMaxDatagram is refused.

#include "addressing.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace vmeclone::protocol {

inline constexpr std::uint8_t kProtocolVersion = 1;
inline constexpr std::size_t kHeaderSize = 52;
inline constexpr std::size_t kMaxHostname = 63;
inline constexpr std::size_t kMaxDetail = 200;
inline constexpr std::size_t kSignatureSize = 32;
inline constexpr std::size_t kMaxDatagram = 512;
inline constexpr std::uint16_t kDefaultPort = 9176;

enum class AgentState : std::uint8_t {
    Booting = 1,     // agent started and found its identity
    Configuring = 2, // writing the guest's network configuration
    Rebooting = 3,   // about to reboot so the new identity takes effect
    Online = 4,      // configured and reachable; repeated as the heartbeat
    Failed = 5,      // could not configure; detail says why
    Stopping = 6,    // the guest is shutting down
};
const char *agentStateName(AgentState state);

using BootId = std::array<std::uint8_t, 16>;

struct Announcement {
    AgentState state = AgentState::Booting;
    std::uint32_t ip = 0;
    Mac mac{};
    std::string hostname;
    BootId bootId{};
    std::uint64_t sequence = 0;
    std::uint32_t uptimeSeconds = 0;
    std::uint32_t boots = 0;
    std::string detail;
};

// Encodes; signs when `key` is given. Hostname and detail longer than their limits
// are cut (detail on a UTF-8 boundary).
std::vector<std::uint8_t> encode(const Announcement &a, const Digest *key);

enum class DecodeError : std::uint8_t {
    None = 0,
    Truncated,      // shorter than a header, or than its lengths say
    Oversized,      // over kMaxDatagram, or longer than its lengths say
    BadMagic,       // not a vmeclone datagram
    UnknownVersion, // a version this side does not speak
    Malformed,      // lengths or state out of range, reserved byte set
};
const char *decodeErrorName(DecodeError e);

struct Decoded {
    DecodeError error = DecodeError::None;
    Announcement announcement;
    bool isSigned = false;
    // Where the signed part ends and the trailer starts (valid when isSigned).
    std::size_t signedLength = 0;
};

Decoded decode(const std::uint8_t *data, std::size_t size);

// True when `d` is signed and its trailer is the HMAC of the signed part under `key`.
bool verify(const std::uint8_t *data, const Decoded &d, const Digest &key);
// The same with the key's HMAC state prepared once (the listener's hot path).
bool verify(const std::uint8_t *data, const Decoded &d, const HmacSha256 &key);

} // namespace vmeclone::protocol
