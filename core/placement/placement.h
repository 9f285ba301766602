#pragma once
// Where each clone of a batch goes. Weighted rendezvous hashing with bounded loads:
// every (shard, VM) pair gets a stable score from a hash of the shard's path and the
// VM's address, scaled by the shard's weight times its free space; the VM goes to the
// best-scoring shard that still has room above the reserve after the batch's earlier VMs
// and has not yet taken its share of the batch (the batch's size times its part of the
// weights, rounded down; the VMs the rounding leaves go one per shard). So a batch on
// shards of equal weight (and free space) differs by at most one VM between them, even
// a small one (4 on 2: 2/2). The same inputs always give the same answer; adding a shard
// moves mostly the VMs that now score best on it.

#include "net/address_range.h"
#include "net/ipv4.h"
#include "shard.h"

#include <QList>
#include <QString>

namespace vmeclone {

struct PlacementPolicy {
    // Space kept free on every shard: the larger of the two.
    qint64 reserveBytes = 1LL << 30;
    double reserveFraction = 0.05;
    qint64 reserveFor(const ShardStatus &s) const;
};

struct PlacementItem {
    Ipv4Address address;
    qint64 bytesNeeded = 0; // what the clone will write at once
};

struct Placement {
    Ipv4Address address;
    qint64 shardId = 0;
    QString shardPath;
};

struct PlacementResult {
    QList<Placement> placed;        // in the order of the items
    QList<RefusedAddress> unplaced; // no usable shard with room: reason names the space needed and
                                    // the best shard's free space
    // Per shard: bytes the batch adds, and free space projected after it.
    struct ShardUse {
        qint64 shardId = 0;
        int vmCount = 0;
        qint64 bytesAdded = 0;
        qint64 bytesFreeAfter = 0;
    };
    QList<ShardUse> perShard;
};

// The rendezvous score of `address` on a target named `key` with `weight` (higher wins):
// the same answer in every process and on every platform. Placer scores shards by it
// (with their free space in the weight); a head scores its hosts by it
// (cluster/host_placement.h), so that two heads with the same hosts place an address
// on the same host, whose inventory then decides between them.
double rendezvousScore(const QString &key, Ipv4Address address, double weight);

class Placer {
public:
    explicit Placer(PlacementPolicy policy = {})
        : m_policy(policy) {}
    // Unusable shards (status.error set) get nothing. No shards at all: every item
    // unplaced with "no disk shard: add one with 'vmeclone shard add DIR'".
    PlacementResult place(const QList<ShardStatus> &shards,
                          const QList<PlacementItem> &items) const;

private:
    PlacementPolicy m_policy;
};

} // namespace vmeclone
