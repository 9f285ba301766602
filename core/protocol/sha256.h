#pragma once
// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104). Qt-free: compiled into both the
// engine and the static guest agent, so both sides sign with the same code.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vmeclone::protocol {

using Digest = std::array<std::uint8_t, 32>;

class Sha256 {
public:
    Sha256();
    void update(const void *data, std::size_t size);
    Digest finish();

    static Digest hash(const void *data, std::size_t size);

private:
    void compress(const std::uint8_t *block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer;
    std::uint64_t m_length = 0; // bytes hashed so far
    std::size_t m_buffered = 0;
};

Digest hmacSha256(const void *key, std::size_t keySize, const void *data, std::size_t dataSize);

// HMAC-SHA256 under one key, with the key's padded blocks hashed once: every message
// then costs two compressions fewer (the listener checks ~100,000 a second).
class HmacSha256 {
public:
    HmacSha256() : HmacSha256(nullptr, 0) {}
    HmacSha256(const void *key, std::size_t keySize);
    Digest sign(const void *data, std::size_t size) const;

private:
    Sha256 m_inner; // after the key ^ ipad block
    Sha256 m_outer; // after the key ^ opad block
};

// Compares two digests in time independent of where they differ.
bool constantTimeEqual(const std::uint8_t *a, const std::uint8_t *b, std::size_t size);

// Lower-case hex of `size` bytes, and its inverse (false on odd length or a non-hex digit).
std::string toHex(const std::uint8_t *data, std::size_t size);
bool fromHex(std::string_view hex, std::uint8_t *out, std::size_t outSize);

} // namespace vmeclone::protocol
