// Fuzzes protocol::decode(), the first code every datagram on the open UDP port meets.
// ASan catches any read outside the datagram; the properties pin the codec:
//  - a decoded datagram's lengths account for every byte;
//  - an unsigned one re-encodes to exactly the input bytes;
//  - a signed one re-encodes to the same signed part, and verify() (both overloads)
//    accepts its trailer exactly when it is the HMAC of that part under the key;
//  - a re-encoded datagram decodes to the same fields.

#include "fuzz_check.h"
#include "protocol/announcement.h"

#include <cstring>

using namespace vmeclone::protocol;

namespace {

// The key of tests/fuzz/corpus/fuzz_announcement/signed-* (see make_announcement_seeds.cpp).
Digest fixedKey() {
    Digest key{};
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<std::uint8_t>(0xA0 + i);
    return key;
}

bool sameFields(const Announcement &a, const Announcement &b) {
    return a.state == b.state && a.ip == b.ip && a.mac == b.mac && a.hostname == b.hostname
           && a.bootId == b.bootId && a.sequence == b.sequence && a.uptimeSeconds == b.uptimeSeconds
           && a.boots == b.boots && a.detail == b.detail;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const Digest key = fixedKey();
    static const HmacSha256 preparedKey(key.data(), key.size());

    const Decoded d = decode(data, size);
    FUZZ_CHECK(decodeErrorName(d.error) != nullptr);
    if (d.error != DecodeError::None) {
        FUZZ_CHECK(!d.isSigned);
        FUZZ_CHECK(!verify(data, d, key));
        return 0;
    }
    const Announcement &a = d.announcement;
    FUZZ_CHECK(agentStateName(a.state) != nullptr);
    FUZZ_CHECK(a.hostname.size() <= kMaxHostname && a.detail.size() <= kMaxDetail);
    FUZZ_CHECK(d.signedLength == kHeaderSize + a.hostname.size() + a.detail.size());
    FUZZ_CHECK(size == d.signedLength + (d.isSigned ? kSignatureSize : 0));
    FUZZ_CHECK(size <= kMaxDatagram);

    if (!d.isSigned) {
        const std::vector<std::uint8_t> again = encode(a, nullptr);
        FUZZ_CHECK(again.size() == size && std::memcmp(again.data(), data, size) == 0);
        FUZZ_CHECK(!verify(data, d, key));
    } else {
        const std::vector<std::uint8_t> again = encode(a, &key);
        FUZZ_CHECK(again.size() == size && std::memcmp(again.data(), data, d.signedLength) == 0);
        const bool trailerIsOurs =
            std::memcmp(again.data() + d.signedLength, data + d.signedLength, kSignatureSize) == 0;
        FUZZ_CHECK(verify(data, d, key) == trailerIsOurs);
        FUZZ_CHECK(verify(data, d, preparedKey) == trailerIsOurs);
        const Decoded redecoded = decode(again.data(), again.size());
        FUZZ_CHECK(redecoded.error == DecodeError::None && redecoded.isSigned);
        FUZZ_CHECK(verify(again.data(), redecoded, key));
        FUZZ_CHECK(sameFields(redecoded.announcement, a));
    }

    const std::vector<std::uint8_t> unsignedCopy = encode(a, nullptr);
    const Decoded plain = decode(unsignedCopy.data(), unsignedCopy.size());
    FUZZ_CHECK(plain.error == DecodeError::None && !plain.isSigned);
    FUZZ_CHECK(sameFields(plain.announcement, a));
    return 0;
}
