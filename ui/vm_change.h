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
    // The host that holds the VM (a head's hosts, docs/cluster.md); empty: this machine.
    // A host's VMs are keyed by host and address (remoteId), this machine's by inventory id.
    QString host;
    // Its host could not be asked the last time: the row is its last known state.
    bool hostUnreachable = false;
    QString hostError; // why, as the head said it
    int hostKey = -1;  // the table model's number for `host` (its own business)

    // The row of an inventory record; `subnet` gives the suffix, `shard` its folder.
    static VmRow fromRecord(const VmRecord &vm, const Subnet &subnet, const QString &shard);
    // The table's id of a host's VM: negative, from the host's number (the feed's, stable
    // while the console runs) and the address, never an inventory id.
    static qint64 remoteId(int hostNumber, const Ipv4Address &address) {
        return -((static_cast<qint64>(hostNumber + 1) << 32) | address.toUInt());
    }
    // Whether a row of `rowHost` belongs to `scope`: this machine (empty) or a host, with
    // the hosts below it when it is itself a head ("sub" holds "sub/lab1").
    static bool inScope(const QString &rowHost, const QString &scope) {
        if (scope.isEmpty())
            return rowHost.isEmpty();
        return rowHost == scope
               || (rowHost.size() > scope.size() && rowHost.startsWith(scope)
                   && rowHost.at(scope.size()) == u'/');
    }
};

struct VmChange {
    enum class Kind {
        Upsert,   // the whole row (insert or replace)
        Update,   // only the fields in `fields`; inserts when `row` has a name and the id is new
        Remove,   // row.id is gone
        Snapshot, // `rows` is every VM of `host` there is: insert, update and remove to match
        HostState, // `host` could (row.hostUnreachable false) or could not be asked: its rows
                   // are shown as they are, or greyed as "host unreachable" (row.hostError)
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
    // Snapshot and HostState: whose VMs (empty: this machine's own).
    QString host;

    static VmChange upsert(VmRow row) { return {Kind::Upsert, 0, std::move(row), {}, 0, {}}; }
    static VmChange remove(qint64 id) {
        VmChange c{Kind::Remove, 0, {}, {}, 0, {}};
        c.row.id = id;
        return c;
    }
    static VmChange snapshot(QList<VmRow> rows) { return {Kind::Snapshot, 0, {}, std::move(rows), 0, {}}; }
    static VmChange hostSnapshot(const QString &host, QList<VmRow> rows) {
        VmChange c = snapshot(std::move(rows));
        c.host = host;
        return c;
    }
    static VmChange hostState(const QString &host, bool reachable, const QString &error = {}) {
        VmChange c{Kind::HostState, 0, {}, {}, 0, {}};
        c.host = host;
        c.row.hostUnreachable = !reachable;
        c.row.hostError = error;
        return c;
    }
    static VmChange state(qint64 id, VmState state, const QString &reason = {}) {
        VmChange c{Kind::Update, State | Reason, {}, {}, 0, {}};
        c.row.id = id;
        c.row.state = state;
        c.row.reason = reason;
        return c;
    }
};

} // namespace vmeclone
