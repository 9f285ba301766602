#include "announcement_verifier.h"

#include <algorithm>

namespace vmeclone {
namespace {

constexpr std::size_t kRetiredBoots = 16;

RejectReason fromDecodeError(protocol::DecodeError e) {
    using protocol::DecodeError;
    switch (e) {
    case DecodeError::Truncated:
        return RejectReason::Truncated;
    case DecodeError::Oversized:
        return RejectReason::Oversized;
    case DecodeError::BadMagic:
        return RejectReason::BadMagic;
    case DecodeError::UnknownVersion:
        return RejectReason::UnknownVersion;
    default:
        return RejectReason::Malformed;
    }
}

bool mayAnnounce(VmState s) {
    switch (s) {
    case VmState::Starting:
    case VmState::Booting:
    case VmState::Configuring:
    case VmState::Rebooting:
    case VmState::Resuming:
    case VmState::Online:
    case VmState::Unreachable:
        return true;
    default:
        return false;
    }
}

} // namespace

const char *rejectReasonName(RejectReason reason) {
    switch (reason) {
    case RejectReason::Truncated:
        return "truncated";
    case RejectReason::Oversized:
        return "oversized";
    case RejectReason::BadMagic:
        return "not-vmeclone";
    case RejectReason::UnknownVersion:
        return "unknown-version";
    case RejectReason::Malformed:
        return "malformed";
    case RejectReason::Unsigned:
        return "unsigned";
    case RejectReason::BadSignature:
        return "bad-signature";
    case RejectReason::UnknownVm:
        return "unknown-vm";
    case RejectReason::MacMismatch:
        return "mac-mismatch";
    case RejectReason::Replayed:
        return "replayed";
    case RejectReason::NotRunning:
        return "not-running";
    case RejectReason::RateLimited:
        return "rate-limited";
    case RejectReason::VmRateLimited:
        return "vm-rate-limited";
    case RejectReason::Count_:
        break;
    }
    return "unknown";
}

AnnouncementVerifier::AnnouncementVerifier(ClusterSecret secret, Options options)
    : m_secret(std::move(secret))
    , m_options(options) {}

void AnnouncementVerifier::setVms(const QList<VmRecord> &vms) {
    QHash<Ipv4Address, Entry> next;
    QHash<qint64, Ipv4Address> ids;
    next.reserve(vms.size());
    for (const auto &vm : vms) {
        Entry e;
        // Keep what this process learnt (sequence numbers newer than the inventory's).
        if (auto old = m_byAddress.constFind(vm.address);
            old != m_byAddress.constEnd() && old->vmId == vm.id && old->instance == vm.instance
            && old->keyScheme == vm.keyScheme)
            e = *old;
        else {
            e.vmId = vm.id;
            e.instance = vm.instance;
            e.keyScheme = vm.keyScheme;
            const protocol::Digest key = m_secret.keyFor(vm);
            e.key = protocol::HmacSha256(key.data(), key.size());
            e.mac = vm.mac.bytes();
            if (vm.bootId.size() == 32) {
                e.hasBoot =
                    protocol::fromHex(vm.bootId.toStdString(), e.bootId.data(), e.bootId.size());
                e.lastSequence = static_cast<std::uint64_t>(vm.lastSequence);
                e.boots = static_cast<std::uint32_t>(vm.boots);
            }
        }
        e.state = vm.state;
        next.insert(vm.address, e);
        ids.insert(vm.id, vm.address);
    }
    m_byAddress = std::move(next);
    m_addressById = std::move(ids);
}

void AnnouncementVerifier::updateVmState(qint64 vmId, VmState state) {
    if (auto a = m_addressById.constFind(vmId); a != m_addressById.constEnd())
        m_byAddress[*a].state = state;
}

bool AnnouncementVerifier::takeToken(Bucket &b, double burst, double rate, qint64 nowMs) {
    b.tokens = std::min(burst, b.tokens + static_cast<double>(nowMs - b.lastMs) * rate / 1000.0);
    b.lastMs = nowMs;
    if (b.tokens < 1.0)
        return false;
    b.tokens -= 1.0;
    return true;
}

bool AnnouncementVerifier::takeToken(QHash<quint64, Bucket> &buckets, quint64 key, double burst,
                                     double rate, qint64 nowMs) {
    // A key heard for the first time starts with a full burst. (Not "lastMs == 0": the
    // listener's clock starts at 0, and every datagram of its first millisecond would
    // refill the bucket.)
    auto it = buckets.find(key);
    if (it == buckets.end())
        it = buckets.insert(key, Bucket{burst, nowMs});
    return takeToken(*it, burst, rate, nowMs);
}

Verdict AnnouncementVerifier::check(const std::uint8_t *data, std::size_t size, quint64 source,
                                    qint64 nowMs) {
    Verdict v;
    const quint64 sender = source >> 16;
    const bool loopback = (sender >> 24) == 127;
    if (!takeToken(m_buckets, source, m_options.sourceBurst, m_options.sourceRate, nowMs)
        || (!loopback
            && !takeToken(m_addressBuckets, sender, m_options.addressBurst, m_options.addressRate,
                          nowMs))) {
        v.reason = RejectReason::RateLimited;
        return v;
    }
    const protocol::Decoded d = protocol::decode(data, size);
    if (d.error != protocol::DecodeError::None) {
        v.reason = fromDecodeError(d.error);
        return v;
    }
    const Ipv4Address address(d.announcement.ip);
    auto it = m_byAddress.find(address);
    if (it == m_byAddress.end()) {
        v.reason = RejectReason::UnknownVm;
        return v;
    }
    Entry &e = *it;
    v.vmId = e.vmId; // from here on a rejection is about this VM (the VM page lists it)
    if (d.isSigned) {
        if (!protocol::verify(data, d, e.key)) {
            v.reason = RejectReason::BadSignature;
            return v;
        }
        v.verified = true;
    } else if (!m_options.allowUnsigned) {
        v.reason = RejectReason::Unsigned;
        return v;
    }
    if (d.announcement.mac != e.mac) {
        v.reason = RejectReason::MacMismatch;
        return v;
    }
    const auto &boot = d.announcement.bootId;
    if (std::find(e.retired.begin(), e.retired.end(), boot) != e.retired.end()) {
        v.reason = RejectReason::Replayed;
        return v;
    }
    const bool sameBoot = e.hasBoot && e.bootId == boot;
    if (sameBoot && d.announcement.sequence <= e.lastSequence) {
        v.reason = RejectReason::Replayed;
        return v;
    }
    // A boot we have not seen must be a later start of the agent than the current
    // one: this refuses replays of boots older than what this listener remembers.
    if (!sameBoot && e.hasBoot && d.announcement.boots <= e.boots) {
        v.reason = RejectReason::Replayed;
        return v;
    }
    if (!mayAnnounce(e.state)) {
        v.reason = RejectReason::NotRunning;
        return v;
    }
    // Last: only a datagram that would be accepted spends its VM's budget.
    if (!takeToken(m_vmBuckets, static_cast<quint64>(e.vmId), m_options.vmBurst, m_options.vmRate,
                   nowMs)) {
        v.reason = RejectReason::VmRateLimited;
        return v;
    }
    if (!sameBoot) {
        if (e.hasBoot) {
            e.retired.push_back(e.bootId);
            if (e.retired.size() > kRetiredBoots)
                e.retired.pop_front();
        }
        e.hasBoot = true;
        e.bootId = boot;
        v.newBoot = true;
    }
    e.lastSequence = d.announcement.sequence;
    e.boots = d.announcement.boots;
    v.accepted = true;
    v.vmId = e.vmId;
    v.announcement = d.announcement;
    return v;
}

} // namespace vmeclone
