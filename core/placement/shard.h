#pragma once
// A disk shard: a folder on some drive where clones' files go, with a weight.

#include "common/expected.h"

#include <QList>
#include <QString>

namespace vmeclone {

struct Shard {
    qint64 id = 0;       // inventory id
    QString path;        // absolute, canonical folder
    double weight = 1.0; // relative share of new VMs, > 0
    QString label = {};  // the operator's name for it, shown instead of the folder's; may be empty

    // A label is at most 32 characters, with no control characters and no '/' (it must
    // not read as a path); empty is allowed (no label). The error says what to do.
    static Status checkLabel(const QString &label);
};

struct ShardStatus {
    Shard shard;
    qint64 bytesTotal = 0;
    qint64 bytesFree = 0; // available to this user
    // As measured, when bytesFree was rounded down for placement (a plan and the clone
    // that follows it place alike): what messages show. -1: bytesFree is the measure.
    qint64 bytesFreeMeasured = -1;
    QString deviceId; // "major:minor" of the filesystem (st_dev); two shards on one device share it
    QString filesystem; // "ext4", "tmpfs", ...
    QString error;      // why the shard cannot be used now (missing, not writable); empty when fine
    bool usable() const { return error.isEmpty(); }
};

class ShardProbe {
public:
    // Reads free space, device and filesystem of the shard's folder (QStorageInfo,
    // stat); sets `error` when the folder is missing or not writable.
    static ShardStatus probe(const Shard &shard);
    static QList<ShardStatus> probe(const QList<Shard> &shards);
};

} // namespace vmeclone
