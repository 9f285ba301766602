#pragma once
// The identity arithmetic both sides need, Qt-free: IPv4 text, the static MAC
// derived from an IP (DESIGN §3) and its inverse, and the per-VM key.

#include "sha256.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vmeclone::protocol {

using Mac = std::array<std::uint8_t, 6>;

// "192.168.1.177" <-> 0xC0A801B1 (host byte order). Strict: four decimal parts
// 0..255, no leading '+', no spaces, no leading zeros except "0" itself.
// The value of one hexadecimal digit (either case), or -1.
int hexDigit(char c);

std::optional<std::uint32_t> parseIpv4(std::string_view text);
std::string formatIpv4(std::uint32_t ip);

// "00:50:56:01:b1:00" (either case, ':' or '-') <-> bytes; formatted lower-case with ':'.
std::optional<Mac> parseMac(std::string_view text);
std::string formatMac(const Mac &mac);

// VMware's static range is 00:50:56:00:00:00 - 00:50:56:3F:FF:FF: 22 free bits.
// The low 22 bits of the IPv4 address fill them, so the MAC is reversible given the
// subnet (prefix >= 10).
Mac macForIpv4(std::uint32_t ip);
bool isVmeStaticMac(const Mac &mac);
// The IP whose MAC this is, inside `network/prefix`; nullopt when the MAC is not a
// vmeclone static MAC, or the subnet is wider than 22 bits, or the result is not a
// host address of the subnet.
std::optional<std::uint32_t> ipv4ForMac(const Mac &mac, std::uint32_t network, int prefix);

// Per-VM key = HMAC-SHA256(cluster secret, ASCII dotted-quad IP). A guest holding it
// can sign only for its own address.
Digest vmKey(const std::uint8_t *clusterSecret, std::size_t secretSize, std::uint32_t ip);
// Per-instance key (clones since inventory schema 5) = HMAC-SHA256(cluster secret,
// "<dotted-quad IP>/<instance>"): a later clone at the same address has another key.
// Only the host derives keys; the guest is handed its own.
Digest vmInstanceKey(const std::uint8_t *clusterSecret, std::size_t secretSize, std::uint32_t ip,
                     const std::string &instance);

} // namespace vmeclone::protocol
