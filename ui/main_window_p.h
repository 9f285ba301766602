#pragma once
// What main_window.cpp and its parts (main_window_actions.cpp, main_window_setup.cpp)
// share: the loggers, the docks' item roles and a batch step as a change of the table.
// Private to the console's window; not a public header.

#include "common/logging.h"
#include "engine/engine_service.h"
#include "vm_change.h"

#include <QHash>
#include <QLocale>

namespace vmeclone::main_window_detail {

using namespace Qt::StringLiterals;

inline QString gib(qint64 bytes) {
    return QLocale().toString(static_cast<double>(bytes) / (1024.0 * 1024 * 1024), 'f', 1)
           + u" GiB"_s;
}

constexpr int kUsedRole = Qt::UserRole + 1;
constexpr int kUsedTextRole = Qt::UserRole + 2;
constexpr int kIdRole = Qt::UserRole + 3;

// A batch's step as a change of the table's row.
inline VmChange changeFor(const BatchEvent &e, const QHash<Ipv4Address, ClonePlanItem> &items,
                          const Subnet &subnet) {
    if (e.state == VmState::Released) {
        VmChange gone = VmChange::remove(e.vmId);
        gone.seq = e.seq;
        return gone;
    }
    VmChange c;
    c.kind = VmChange::Kind::Update;
    c.fields = VmChange::State | VmChange::Reason;
    c.row.id = e.vmId;
    c.row.state = e.state;
    c.row.reason = e.message;
    c.seq = e.seq;
    if (e.state == VmState::Copying) {
        c.fields |= VmChange::Progress;
        c.row.progress = e.progress;
    }
    // A clone's first word: enough to show its row before the inventory is read again.
    if (auto it = items.constFind(e.address); it != items.constEnd()) {
        c.row.name = it->name;
        c.row.address = it->address;
        c.row.suffix = subnet.suffixOf(it->address);
        c.row.mac = it->mac;
        c.row.shard = it->shard.path;
    }
    return c;
}

} // namespace vmeclone::main_window_detail
