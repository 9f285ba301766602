#include "announcement.h"

#include <algorithm>
#include <cstring>

namespace vmeclone::protocol {

namespace {

constexpr std::uint8_t kMagic[4] = {'V', 'M', 'E', 'C'};
constexpr std::uint8_t kFlagSigned = 0x01;

// Field offsets of the v1 header (see the table in announcement.h).
constexpr std::size_t kOffVersion = 4;
constexpr std::size_t kOffFlags = 5;
constexpr std::size_t kOffState = 6;
constexpr std::size_t kOffHostnameLength = 7;
constexpr std::size_t kOffIp = 8;
constexpr std::size_t kOffMac = 12;
constexpr std::size_t kOffDetailLength = 18;
constexpr std::size_t kOffReserved = 19;
constexpr std::size_t kOffBootId = 20;
constexpr std::size_t kOffSequence = 36;
constexpr std::size_t kOffUptime = 44;
constexpr std::size_t kOffBoots = 48;

void putBigEndian(std::uint8_t *out, std::uint64_t value, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i)
        out[i] = static_cast<std::uint8_t>(value >> (8 * (size - 1 - i)));
}

std::uint64_t getBigEndian(const std::uint8_t *in, std::size_t size) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < size; ++i)
        value = (value << 8) | in[i];
    return value;
}

bool isKnownState(std::uint8_t state) {
    return state >= static_cast<std::uint8_t>(AgentState::Booting)
           && state <= static_cast<std::uint8_t>(AgentState::Stopping);
}

// Longest prefix of `text` not over `limit` bytes that does not end inside a UTF-8
// sequence, so the console never shows a broken last character.
std::size_t utf8CutLength(const std::string &text, std::size_t limit) {
    if (text.size() <= limit)
        return text.size();
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<std::uint8_t>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return cut;
}

bool isValidUtf8(const std::uint8_t *s, std::size_t size) {
    std::size_t i = 0;
    while (i < size) {
        const std::uint8_t c = s[i];
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (size - i <= extra)
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        static const std::uint32_t minimum[4] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

bool isValidHostname(const std::uint8_t *s, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
        if (s[i] <= 0x20 || s[i] >= 0x7F)
            return false;
    }
    return true;
}

} // namespace

const char *agentStateName(AgentState state) {
    switch (state) {
    case AgentState::Booting:
        return "booting";
    case AgentState::Configuring:
        return "configuring";
    case AgentState::Rebooting:
        return "rebooting";
    case AgentState::Online:
        return "online";
    case AgentState::Failed:
        return "failed";
    case AgentState::Stopping:
        return "stopping";
    }
    return "unknown";
}

const char *decodeErrorName(DecodeError e) {
    switch (e) {
    case DecodeError::None:
        return "none";
    case DecodeError::Truncated:
        return "truncated";
    case DecodeError::Oversized:
        return "oversized";
    case DecodeError::BadMagic:
        return "bad magic";
    case DecodeError::UnknownVersion:
        return "unknown version";
    case DecodeError::Malformed:
        return "malformed";
    }
    return "unknown error";
}

std::vector<std::uint8_t> encode(const Announcement &a, const Digest *key) {
    const std::size_t hostnameLength = std::min(a.hostname.size(), kMaxHostname);
    const std::size_t detailLength = utf8CutLength(a.detail, kMaxDetail);
    const std::size_t signedLength = kHeaderSize + hostnameLength + detailLength;

    std::vector<std::uint8_t> out(signedLength + (key ? kSignatureSize : 0), 0);
    std::uint8_t *p = out.data();
    std::memcpy(p, kMagic, sizeof kMagic);
    p[kOffVersion] = kProtocolVersion;
    p[kOffFlags] = key ? kFlagSigned : 0;
    p[kOffState] = static_cast<std::uint8_t>(a.state);
    p[kOffHostnameLength] = static_cast<std::uint8_t>(hostnameLength);
    putBigEndian(p + kOffIp, a.ip, 4);
    std::memcpy(p + kOffMac, a.mac.data(), a.mac.size());
    p[kOffDetailLength] = static_cast<std::uint8_t>(detailLength);
    p[kOffReserved] = 0;
    std::memcpy(p + kOffBootId, a.bootId.data(), a.bootId.size());
    putBigEndian(p + kOffSequence, a.sequence, 8);
    putBigEndian(p + kOffUptime, a.uptimeSeconds, 4);
    putBigEndian(p + kOffBoots, a.boots, 4);
    std::memcpy(p + kHeaderSize, a.hostname.data(), hostnameLength);
    std::memcpy(p + kHeaderSize + hostnameLength, a.detail.data(), detailLength);
    if (key) {
        const Digest mac = hmacSha256(key->data(), key->size(), p, signedLength);
        std::memcpy(p + signedLength, mac.data(), mac.size());
    }
    return out;
}

Decoded decode(const std::uint8_t *data, std::size_t size) {
    Decoded d;
    auto failWith = [&d](DecodeError e) {
        d.error = e;
        d.isSigned = false;
        d.signedLength = 0;
        return d;
    };

    if (size > kMaxDatagram)
        return failWith(DecodeError::Oversized);
    if (data == nullptr || size < sizeof kMagic)
        return failWith(DecodeError::Truncated);
    if (std::memcmp(data, kMagic, sizeof kMagic) != 0)
        return failWith(DecodeError::BadMagic);
    if (size < kHeaderSize)
        return failWith(DecodeError::Truncated);
    if (data[kOffVersion] != kProtocolVersion)
        return failWith(DecodeError::UnknownVersion);

    const std::uint8_t flags = data[kOffFlags];
    const std::size_t hostnameLength = data[kOffHostnameLength];
    const std::size_t detailLength = data[kOffDetailLength];
    // Unknown flag bits would change the meaning of the datagram: refuse, do not guess.
    if ((flags & ~kFlagSigned) != 0 || !isKnownState(data[kOffState])
        || hostnameLength > kMaxHostname || detailLength > kMaxDetail || data[kOffReserved] != 0)
        return failWith(DecodeError::Malformed);

    const bool isSigned = (flags & kFlagSigned) != 0;
    const std::size_t signedLength = kHeaderSize + hostnameLength + detailLength;
    const std::size_t expected = signedLength + (isSigned ? kSignatureSize : 0);
    if (size < expected)
        return failWith(DecodeError::Truncated);
    if (size > expected)
        return failWith(DecodeError::Oversized);

    const std::uint8_t *hostname = data + kHeaderSize;
    const std::uint8_t *detail = hostname + hostnameLength;
    if (!isValidHostname(hostname, hostnameLength) || !isValidUtf8(detail, detailLength))
        return failWith(DecodeError::Malformed);

    Announcement &a = d.announcement;
    a.state = static_cast<AgentState>(data[kOffState]);
    a.ip = static_cast<std::uint32_t>(getBigEndian(data + kOffIp, 4));
    std::memcpy(a.mac.data(), data + kOffMac, a.mac.size());
    std::memcpy(a.bootId.data(), data + kOffBootId, a.bootId.size());
    a.sequence = getBigEndian(data + kOffSequence, 8);
    a.uptimeSeconds = static_cast<std::uint32_t>(getBigEndian(data + kOffUptime, 4));
    a.boots = static_cast<std::uint32_t>(getBigEndian(data + kOffBoots, 4));
    a.hostname.assign(reinterpret_cast<const char *>(hostname), hostnameLength);
    a.detail.assign(reinterpret_cast<const char *>(detail), detailLength);
    d.isSigned = isSigned;
    d.signedLength = signedLength;
    return d;
}

bool verify(const std::uint8_t *data, const Decoded &d, const Digest &key) {
    return verify(data, d, HmacSha256(key.data(), key.size()));
}

bool verify(const std::uint8_t *data, const Decoded &d, const HmacSha256 &key) {
    if (data == nullptr || d.error != DecodeError::None || !d.isSigned)
        return false;
    const Digest expected = key.sign(data, d.signedLength);
    return constantTimeEqual(expected.data(), data + d.signedLength, kSignatureSize);
}

} // namespace vmeclone::protocol
