#include "addressing.h"

namespace vmeclone::protocol {

namespace {

constexpr std::uint8_t kVmwareOui[3] = {0x00, 0x50, 0x56};
constexpr std::uint32_t kMacBitsMask = 0x3FFFFF; // the 22 bits a static MAC can carry
constexpr int kMinPrefixForMac = 32 - 22;


std::uint32_t prefixMask(int prefix) {
    return prefix <= 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
}

} // namespace

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<std::uint32_t> parseIpv4(std::string_view text) {
    std::uint32_t result = 0;
    std::size_t pos = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (pos >= text.size() || text[pos] != '.')
                return std::nullopt;
            ++pos;
        }
        const std::size_t start = pos;
        unsigned value = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 3) {
            value = value * 10 + static_cast<unsigned>(text[pos] - '0');
            ++pos;
        }
        const std::size_t digits = pos - start;
        // Leading zeros are refused: "010" means octal to inet_aton, decimal to others.
        if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0'))
            return std::nullopt;
        result = (result << 8) | value;
    }
    if (pos != text.size())
        return std::nullopt;
    return result;
}

std::string formatIpv4(std::uint32_t ip) {
    std::string out;
    out.reserve(15);
    for (int shift = 24; shift >= 0; shift -= 8) {
        out += std::to_string((ip >> shift) & 0xFF);
        if (shift > 0)
            out.push_back('.');
    }
    return out;
}

std::optional<Mac> parseMac(std::string_view text) {
    if (text.size() != 17)
        return std::nullopt;
    const char separator = text[2];
    if (separator != ':' && separator != '-')
        return std::nullopt;
    Mac mac{};
    for (std::size_t i = 0; i < 6; ++i) {
        const std::size_t at = 3 * i;
        if (i > 0 && text[at - 1] != separator)
            return std::nullopt;
        const int hi = hexDigit(text[at]);
        const int lo = hexDigit(text[at + 1]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        mac[i] = static_cast<std::uint8_t>((hi << 4) | lo);
    }
    return mac;
}

std::string formatMac(const Mac &mac) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(17);
    for (std::size_t i = 0; i < mac.size(); ++i) {
        if (i > 0)
            out.push_back(':');
        out.push_back(digits[mac[i] >> 4]);
        out.push_back(digits[mac[i] & 0x0F]);
    }
    return out;
}

Mac macForIpv4(std::uint32_t ip) {
    const std::uint32_t low = ip & kMacBitsMask;
    return Mac{kVmwareOui[0],
               kVmwareOui[1],
               kVmwareOui[2],
               static_cast<std::uint8_t>(low >> 16),
               static_cast<std::uint8_t>(low >> 8),
               static_cast<std::uint8_t>(low)};
}

bool isVmeStaticMac(const Mac &mac) {
    return mac[0] == kVmwareOui[0] && mac[1] == kVmwareOui[1] && mac[2] == kVmwareOui[2]
           && mac[3] <= 0x3F;
}

std::optional<std::uint32_t> ipv4ForMac(const Mac &mac, std::uint32_t network, int prefix) {
    if (!isVmeStaticMac(mac) || prefix < kMinPrefixForMac || prefix > 32)
        return std::nullopt;
    const std::uint32_t low = (std::uint32_t{mac[3]} << 16) | (std::uint32_t{mac[4]} << 8) | mac[5];
    const std::uint32_t mask = prefixMask(prefix);
    const std::uint32_t ip = (network & ~kMacBitsMask) | low;
    // The MAC also carries some network bits; they must be this subnet's, or the MAC
    // was derived from an address elsewhere.
    if ((ip & mask) != (network & mask))
        return std::nullopt;
    if (prefix <= 30) {
        const std::uint32_t host = ip & ~mask;
        if (host == 0 || host == ~mask)
            return std::nullopt; // network or broadcast address
    }
    return ip;
}

Digest vmKey(const std::uint8_t *clusterSecret, std::size_t secretSize, std::uint32_t ip) {
    const std::string text = formatIpv4(ip);
    return hmacSha256(clusterSecret, secretSize, text.data(), text.size());
}

Digest vmInstanceKey(const std::uint8_t *clusterSecret, std::size_t secretSize, std::uint32_t ip,
                     const std::string &instance) {
    const std::string text = formatIpv4(ip) + "/" + instance;
    return hmacSha256(clusterSecret, secretSize, text.data(), text.size());
}

} // namespace vmeclone::protocol
