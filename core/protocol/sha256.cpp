#include "sha256.h"

#include <algorithm>
#include <cstring>

namespace vmeclone::protocol {

namespace {

constexpr std::array<std::uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::array<std::uint32_t, 8> kInitial = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

constexpr std::size_t kBlockSize = 64;

inline std::uint32_t rotr(std::uint32_t x, int n) {
    return (x >> n) | (x << (32 - n));
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

Sha256::Sha256()
    : m_state(kInitial)
    , m_buffer{} {}

void Sha256::compress(const std::uint8_t *block) {
    std::array<std::uint32_t, 64> w{};
    for (std::size_t i = 0; i < 16; ++i) {
        w[i] = (std::uint32_t{block[4 * i]} << 24) | (std::uint32_t{block[4 * i + 1]} << 16)
               | (std::uint32_t{block[4 * i + 2]} << 8) | std::uint32_t{block[4 * i + 3]};
    }
    for (std::size_t i = 16; i < 64; ++i) {
        const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }

    std::uint32_t a = m_state[0], b = m_state[1], c = m_state[2], d = m_state[3];
    std::uint32_t e = m_state[4], f = m_state[5], g = m_state[6], h = m_state[7];
    for (std::size_t i = 0; i < 64; ++i) {
        const std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        const std::uint32_t ch = (e & f) ^ (~e & g);
        const std::uint32_t t1 = h + s1 + ch + kRound[i] + w[i];
        const std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        const std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t t2 = s0 + maj;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    m_state[0] += a;
    m_state[1] += b;
    m_state[2] += c;
    m_state[3] += d;
    m_state[4] += e;
    m_state[5] += f;
    m_state[6] += g;
    m_state[7] += h;
}

void Sha256::update(const void *data, std::size_t size) {
    const auto *bytes = static_cast<const std::uint8_t *>(data);
    m_length += size;
    if (m_buffered > 0) {
        const std::size_t take = std::min(size, kBlockSize - m_buffered);
        std::memcpy(m_buffer.data() + m_buffered, bytes, take);
        m_buffered += take;
        bytes += take;
        size -= take;
        if (m_buffered < kBlockSize)
            return;
        compress(m_buffer.data());
        m_buffered = 0;
    }
    while (size >= kBlockSize) {
        compress(bytes);
        bytes += kBlockSize;
        size -= kBlockSize;
    }
    if (size > 0) {
        std::memcpy(m_buffer.data(), bytes, size);
        m_buffered = size;
    }
}

Digest Sha256::finish() {
    const std::uint64_t bitLength = m_length * 8;
    // Padding: 0x80, zeros up to 56 mod 64, then the 64-bit big-endian bit length.
    m_buffer[m_buffered++] = 0x80;
    if (m_buffered > 56) {
        std::memset(m_buffer.data() + m_buffered, 0, kBlockSize - m_buffered);
        compress(m_buffer.data());
        m_buffered = 0;
    }
    std::memset(m_buffer.data() + m_buffered, 0, 56 - m_buffered);
    for (std::size_t i = 0; i < 8; ++i)
        m_buffer[56 + i] = static_cast<std::uint8_t>(bitLength >> (56 - 8 * i));
    compress(m_buffer.data());

    Digest out{};
    for (std::size_t i = 0; i < 8; ++i) {
        out[4 * i] = static_cast<std::uint8_t>(m_state[i] >> 24);
        out[4 * i + 1] = static_cast<std::uint8_t>(m_state[i] >> 16);
        out[4 * i + 2] = static_cast<std::uint8_t>(m_state[i] >> 8);
        out[4 * i + 3] = static_cast<std::uint8_t>(m_state[i]);
    }
    // Leave the object ready for a new message rather than in a half-finished state.
    *this = Sha256();
    return out;
}

Digest Sha256::hash(const void *data, std::size_t size) {
    Sha256 h;
    h.update(data, size);
    return h.finish();
}

HmacSha256::HmacSha256(const void *key, std::size_t keySize) {
    std::array<std::uint8_t, kBlockSize> block{};
    if (keySize > kBlockSize) {
        const Digest hashed = Sha256::hash(key, keySize);
        std::memcpy(block.data(), hashed.data(), hashed.size());
    } else if (keySize > 0) {
        std::memcpy(block.data(), key, keySize);
    }
    std::array<std::uint8_t, kBlockSize> pad{};
    for (std::size_t i = 0; i < kBlockSize; ++i)
        pad[i] = static_cast<std::uint8_t>(block[i] ^ 0x36);
    m_inner.update(pad.data(), pad.size());
    for (std::size_t i = 0; i < kBlockSize; ++i)
        pad[i] = static_cast<std::uint8_t>(block[i] ^ 0x5c);
    m_outer.update(pad.data(), pad.size());
}

Digest HmacSha256::sign(const void *data, std::size_t size) const {
    Sha256 inner = m_inner;
    inner.update(data, size);
    const Digest innerDigest = inner.finish();
    Sha256 outer = m_outer;
    outer.update(innerDigest.data(), innerDigest.size());
    return outer.finish();
}

Digest hmacSha256(const void *key, std::size_t keySize, const void *data, std::size_t dataSize) {
    return HmacSha256(key, keySize).sign(data, dataSize);
}

bool constantTimeEqual(const std::uint8_t *a, const std::uint8_t *b, std::size_t size) {
    // volatile keeps the compiler from turning the loop into an early-exit memcmp.
    volatile std::uint8_t diff = 0;
    for (std::size_t i = 0; i < size; ++i)
        diff = static_cast<std::uint8_t>(diff | (a[i] ^ b[i]));
    return diff == 0;
}

std::string toHex(const std::uint8_t *data, std::size_t size) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(digits[data[i] >> 4]);
        out.push_back(digits[data[i] & 0x0f]);
    }
    return out;
}

bool fromHex(std::string_view hex, std::uint8_t *out, std::size_t outSize) {
    // The caller states how many bytes it expects: a shorter or longer text is an error,
    // and `out` is written only when the whole text is valid.
    if (hex.size() % 2 != 0 || hex.size() / 2 != outSize)
        return false;
    for (const char c : hex) {
        if (hexValue(c) < 0)
            return false;
    }
    for (std::size_t i = 0; i < outSize; ++i)
        out[i] = static_cast<std::uint8_t>((hexValue(hex[2 * i]) << 4) | hexValue(hex[2 * i + 1]));
    return true;
}

} // namespace vmeclone::protocol
