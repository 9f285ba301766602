#include "placement.h"

#include "common/failure_text.h"
#include "common/logging.h"
#include "common/text_format.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kPlacementShardWeight{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "disk shard %1 has weight %2: give it a weight above 0")};

// splitmix64's finaliser: a full-avalanche 64-bit mix. Placement must give the same
// answer in every process and on every platform, so no qHash (its seed is random).
constexpr std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x;
}

// FNV-1a over the path's UTF-8 bytes, then mixed: stable across runs and platforms.
std::uint64_t hashPath(const QString &path) {
    const QByteArray bytes = path.toUtf8();
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ull;
    }
    return mix64(h);
}

std::uint64_t hashAddress(Ipv4Address a) {
    return mix64(a.toUInt() ^ 0x9E3779B97F4A7C15ull);
}

// The pair's hash mapped into the open interval (0, 1): 53 bits plus a half step,
// so -ln(u) is never 0 or infinite.
double unitInterval(std::uint64_t shardHash, std::uint64_t addressHash) {
    const std::uint64_t h = mix64(shardHash ^ addressHash);
    return (static_cast<double>(h >> 11) + 0.5) * 0x1.0p-53;
}

struct Candidate {
    qsizetype input = 0; // index into the shards given
    std::uint64_t hash = 0;
    double weight = 0; // weight × free bytes at the start of the batch
    qint64 room = 0;   // free bytes above the reserve at the start of the batch
    qint64 added = 0;  // bytes given to it by this batch so far
    int vmCount = 0;
    int quota = 0; // its whole share of the batch's VMs, rounded down (see place())
};

} // namespace

double rendezvousScore(const QString &key, Ipv4Address address, double weight) {
    return weight / -std::log(unitInterval(hashPath(key), hashAddress(address)));
}

qint64 PlacementPolicy::reserveFor(const ShardStatus &s) const {
    const double fraction =
        std::clamp(reserveFraction, 0.0, 1.0) * double(std::max<qint64>(s.bytesTotal, 0));
    return std::max<qint64>(std::max<qint64>(reserveBytes, 0), static_cast<qint64>(fraction));
}

PlacementResult Placer::place(const QList<ShardStatus> &shards,
                              const QList<PlacementItem> &items) const {
    PlacementResult result;
    result.perShard.reserve(shards.size());
    for (const ShardStatus &s : shards)
        result.perShard.append({s.shard.id, 0, 0, s.bytesFree});

    std::vector<Candidate> candidates;
    candidates.reserve(size_t(shards.size()));
    QStringList unusable;
    for (qsizetype i = 0; i < shards.size(); ++i) {
        const ShardStatus &s = shards[i];
        if (!s.usable()) {
            unusable.append(s.error);
            continue;
        }
        if (!(s.shard.weight > 0) || !std::isfinite(s.shard.weight)) {
            unusable.append(kPlacementShardWeight(s.shard.path, s.shard.weight));
            continue;
        }
        Candidate c;
        c.input = i;
        c.hash = hashPath(s.shard.path);
        c.weight = s.shard.weight * double(std::max<qint64>(s.bytesFree, 0));
        c.room = s.bytesFree - m_policy.reserveFor(s);
        candidates.push_back(c);
    }
    // A canonical order, so that exact score ties (and thus the result) do not depend on
    // the order in which the shards were listed.
    std::sort(candidates.begin(), candidates.end(),
              [&shards](const Candidate &a, const Candidate &b) {
                  if (a.hash != b.hash)
                      return a.hash < b.hash;
                  const Shard &x = shards[a.input].shard;
                  const Shard &y = shards[b.input].shard;
                  return x.path != y.path ? x.path < y.path : x.id < y.id;
              });

    if (candidates.empty()) {
        const QString reason =
            shards.isEmpty()
                ? AddressRange::tr("no disk shard: add one with 'vmeclone shard add DIR'")
                : AddressRange::tr(
                      "no usable disk shard: %1; fix one, or add one with 'vmeclone shard add DIR'")
                      .arg(unusable.join(u"; "_s));
        result.unplaced.reserve(items.size());
        for (const PlacementItem &item : items)
            result.unplaced.append({item.address, RefusalKind::NoShard, reason});
        return result;
    }

    // Bounded loads: a shard takes at most its share of this batch's VMs (n × its weight
    // over the weights' sum, rounded down), and the VMs those roundings leave over go one
    // per shard to whichever shards they score best on. Equal weights thus differ by at
    // most one VM (4 on 2 shards: 2/2, 78 on 3: 26/26/26), unequal ones are proportional;
    // rendezvous still decides which VM goes where, so the answer depends only on the
    // inputs. A VM whose shards with share left have no room goes where there is room
    // (space first, balance second).
    double weightSum = 0;
    for (const Candidate &c : candidates)
        weightSum += c.weight;
    qsizetype leftOver = items.size();
    for (Candidate &c : candidates) {
        const double share = weightSum > 0 ? double(items.size()) * c.weight / weightSum : 0.0;
        c.quota = static_cast<int>(std::min<double>(std::floor(share), double(items.size())));
        leftOver -= c.quota;
    }
    leftOver = std::max<qsizetype>(leftOver, 0);
    const auto hasShareLeft = [&leftOver](const Candidate &c) {
        return c.vmCount < c.quota || (c.vmCount == c.quota && leftOver > 0);
    };

    struct {
        qint64 bytesNeeded = -1;
        const Candidate *roomiest = nullptr;
        qint64 roomiestAdded = -1;
        QString reason;
    } lastUnplaced;
    result.placed.reserve(items.size());
    for (const PlacementItem &item : items) {
        const std::uint64_t addressHash = hashAddress(item.address);
        Candidate *best = nullptr;     // the best-scoring shard with room and share left
        Candidate *roomOnly = nullptr; // the best-scoring shard with room
        double bestScore = -1;
        double roomOnlyScore = -1;
        // Weighted rendezvous: score = w / -ln(u). Taking the best among the shards that
        // still have room is the same as walking the full ranking until one fits.
        for (Candidate &c : candidates) {
            if (c.room - c.added < item.bytesNeeded)
                continue;
            const double score = c.weight / -std::log(unitInterval(c.hash, addressHash));
            if (score > roomOnlyScore) {
                roomOnlyScore = score;
                roomOnly = &c;
            }
            if (hasShareLeft(c) && score > bestScore) {
                bestScore = score;
                best = &c;
            }
        }
        if (!best)
            best = roomOnly;
        if (best) {
            if (best->vmCount >= best->quota && leftOver > 0)
                --leftOver;
            best->added += item.bytesNeeded;
            ++best->vmCount;
            const Shard &shard = shards[best->input].shard;
            result.placed.append({item.address, shard.id, shard.path});
            continue;
        }
        const Candidate &roomiest = *std::max_element(
            candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
                return a.room - a.added < b.room - b.added;
            });
        // An unplaced item changes nothing, so the items after it that need as much get
        // the same reason: build it once (a full batch on full drives stays fast).
        if (item.bytesNeeded != lastUnplaced.bytesNeeded || &roomiest != lastUnplaced.roomiest
            || roomiest.added != lastUnplaced.roomiestAdded) {
            const ShardStatus &s = shards[roomiest.input];
            const qint64 measured = s.bytesFreeMeasured >= 0 ? s.bytesFreeMeasured : s.bytesFree;
            const qint64 room = std::max<qint64>(0, measured - m_policy.reserveFor(s));
            lastUnplaced = {
                item.bytesNeeded, &roomiest, roomiest.added,
                AddressRange::tr("needs %1 but no disk shard has that much above its reserve; the "
                                 "most room is on %2: %3 (%4 free, %5 kept in reserve)")
                    .arg(bytesText(item.bytesNeeded), s.shard.path,
                         bytesText(std::max<qint64>(0, room - roomiest.added)),
                         bytesText(std::max<qint64>(0, measured - roomiest.added)),
                         bytesText(m_policy.reserveFor(s)))};
        }
        result.unplaced.append({item.address, RefusalKind::NoRoom, lastUnplaced.reason});
    }

    for (const Candidate &c : candidates) {
        PlacementResult::ShardUse &use = result.perShard[c.input];
        use.vmCount = c.vmCount;
        use.bytesAdded = c.added;
        use.bytesFreeAfter = shards[c.input].bytesFree - c.added;
    }
    if (!result.unplaced.isEmpty())
        vmeclone::log::get("placement")
            ->info("placed {} of {} clones on {} shards; {} have no room", result.placed.size(),
                   items.size(), candidates.size(), result.unplaced.size());
    return result;
}

} // namespace vmeclone
