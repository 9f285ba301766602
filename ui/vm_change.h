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
    qint64 seq = 0; // the inventory's change sequence of this row as read (VmRecord::changeSeq)

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
    // Order across producers and processes: the inventory's change sequence of what it
    // reports (Inventory::stamp, VmUpdate::seq), or for a snapshot the sequence it was
    // read at (its rows carry their own, VmRow::seq). The model applies a change only if
    // it is at least as new as what it holds for that VM, so a stale snapshot never rolls
    // a row back. 0: unordered (always applied); kSuperseded (< 0): never applied.
    qint64 seq = 0;
    static constexpr qint64 kSuperseded = -1;

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
