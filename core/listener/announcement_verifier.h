#pragma once
// Decides whether one datagram is a genuine, fresh announcement of a known VM.
// No sockets and no database: the listener feeds it, tests and benchmarks drive it
// directly. Not thread-safe; one per listener thread.

#include "identity/cluster_secret.h"
#include "inventory/records.h"
#include "protocol/announcement.h"

#include <QHash>
#include <QHostAddress>

#include <array>
#include <cstdint>
#include <deque>
#include <optional>

namespace vmeclone {

enum class RejectReason : std::uint8_t {
    Truncated,
    Oversized,
    BadMagic,
    UnknownVersion,
    Malformed,
    Unsigned,     // no signature and unsigned guests are not allowed
    BadSignature, // wrong key, another VM's key, or an address that does not match the key
    UnknownVm,    // no VM with that address in the inventory
    MacMismatch,  // signed, but not the MAC the inventory gave that VM
    Replayed,     // a sequence number already seen (or older) for this boot, or a retired boot
    NotRunning,   // the VM is not in a state where its guest can speak (stopped, releasing)
    RateLimited,  // one source sending far more than any guest would
    VmRateLimited, // signed and fresh, but far more of them for one VM than its guest sends
    Count_
};
inline constexpr int kRejectReasonCount = static_cast<int>(RejectReason::Count_);
const char *rejectReasonName(RejectReason reason);

struct Verdict {
    bool accepted = false;
    RejectReason reason = RejectReason::Malformed;
    bool verified = false; // signed and checked (false for allowed unsigned guests)
    // The VM the datagram names by its address: set when accepted, and when rejected after
    // the VM was found (a bad signature, MAC, replay, stopped VM, rate): 0 otherwise.
    qint64 vmId = 0;
    protocol::Announcement announcement;
    bool newBoot = false; // first datagram of a boot id we had not seen
};

class AnnouncementVerifier {
public:
    struct Options {
        bool allowUnsigned = false;
        // Per source (address and port: through QEMU's user networking every guest
        // arrives from 127.0.0.1, each from its own port): a burst of this many,
        // refilled at `sourceRate` per second.
        double sourceBurst = 200;
        double sourceRate = 100;
        // Per source address, whatever its ports (a guest on a bridged network with 256
        // sockets). Not for loopback: every QEMU guest arrives from there.
        double addressBurst = 1000;
        double addressRate = 500;
        // Per VM, counted only for datagrams signed with its key and fresh: a guest
        // (or anyone holding its key) cannot make its VM's state change faster than
        // this, and no one else can spend its budget. A real agent sends a handful per
        // boot and one heartbeat every few seconds.
        double vmBurst = 100;
        double vmRate = 20;
    };

    AnnouncementVerifier(ClusterSecret secret, Options options);

    // The VMs that may speak, with the boot they were last seen in (from the inventory).
    void setVms(const QList<VmRecord> &vms);
    void updateVmState(qint64 vmId, VmState state);
    bool knows(Ipv4Address address) const { return m_byAddress.contains(address); }

    // `nowMs` is a monotonic clock for rate limiting; `source` the sender (sourceKey()).
    Verdict check(const std::uint8_t *data, std::size_t size, quint64 source, qint64 nowMs);
    static quint64 sourceKey(quint32 address, quint16 port) {
        return (quint64(address) << 16) | port;
    }

private:
    struct Entry {
        qint64 vmId = 0;
        QString instance; // with the key scheme: which key `key` is
        int keyScheme = 0;
        protocol::HmacSha256 key;
        protocol::Mac mac{};
        VmState state = VmState::Planned;
        bool hasBoot = false;
        protocol::BootId bootId{};
        std::uint64_t lastSequence = 0;
        std::uint32_t boots = 0; // the agent counts its starts: a new boot must count higher
        std::deque<protocol::BootId> retired; // boots that ended: never accepted again
    };
    struct Bucket {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    static bool takeToken(Bucket &bucket, double burst, double rate, qint64 nowMs);
    bool takeToken(QHash<quint64, Bucket> &buckets, quint64 key, double burst, double rate,
                   qint64 nowMs);

    ClusterSecret m_secret;
    Options m_options;
    QHash<Ipv4Address, Entry> m_byAddress;
    QHash<qint64, Ipv4Address> m_addressById;
    QHash<quint64, Bucket> m_buckets;        // per source address and port
    QHash<quint64, Bucket> m_addressBuckets; // per source address
    QHash<quint64, Bucket> m_vmBuckets;      // per VM id
};

} // namespace vmeclone
