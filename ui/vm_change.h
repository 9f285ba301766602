#pragma once
// What the VM table shows of one VM, and one change to it as producers (engine
// batches, the listener, inventory reloads) post it. Plain values: they cross
// threads through VmChangeQueue.

#include "identity/mac_address.h"
#include "inventory/records.h"
#include "inventory/vm_state.h"
#include "net/ipv4.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>

namespace vmeclone {

struct VmRow {
    qint64 id = 0;
    QString name;
    Ipv4Address address;
    quint32 suffix = 0;
    MacAddress mac;
    QString shard; // the shard's folder
    VmState state = VmState::Planned;
    int progress = 0;
    QString reason;
    int boots = 0;
    qint64 uptimeSeconds = 0; // as of lastSeen
    QDateTime lastSeen;

    // The row of an inventory record; `subnet` gives the suffix, `shard` its folder.
    static VmRow fromRecord(const VmRecord &vm, const Subnet &subnet, const QString &shard);
};

struct VmChange {
    enum class Kind {
        Upsert,   // the whole row (insert or replace)
        Update,   // only the fields in `fields`; inserts when `row` has a name and the id is new
        Remove,   // row.id is gone
        Snapshot, // `rows` is every VM there is: insert, update and remove to match
    };
    enum Field : unsigned {
        State = 1u << 0,
        Progress = 1u << 1,
        Reason = 1u << 2,
        Boots = 1u << 3,
        Uptime = 1u << 4,
        LastSeen = 1u << 5,
    };

    Kind kind = Kind::Update;
    unsigned fields = 0;
    VmRow row;
    QList<VmRow> rows;
    // Order across producers (steady clock, ns; 0: unordered, always applied). A change
    // is stamped after what it reports was committed; a snapshot with the moment its read
    // began. A snapshot never overwrites (or removes) a row changed at or after that
    // moment: what it read may be older than the change. The next snapshot settles it.
    qint64 at = 0;

    static qint64 now() {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    static VmChange upsert(VmRow row) { return {Kind::Upsert, 0, std::move(row), {}}; }
    static VmChange remove(qint64 id) {
        VmChange c{Kind::Remove, 0, {}, {}};
        c.row.id = id;
        return c;
    }
    static VmChange snapshot(QList<VmRow> rows) { return {Kind::Snapshot, 0, {}, std::move(rows)}; }
    static VmChange state(qint64 id, VmState state, const QString &reason = {}) {
        VmChange c{Kind::Update, State | Reason, {}, {}};
        c.row.id = id;
        c.row.state = state;
        c.row.reason = reason;
        return c;
    }
};

} // namespace vmeclone
