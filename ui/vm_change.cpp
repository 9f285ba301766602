#include "vm_change.h"

namespace vmeclone {

VmRow VmRow::fromRecord(const VmRecord &vm, const Subnet &subnet, const QString &shard) {
    VmRow r;
    r.id = vm.id;
    r.name = vm.name;
    r.address = vm.address;
    r.suffix = subnet.isNull() ? (vm.address.toUInt() & 0xff) : subnet.suffixOf(vm.address);
    r.mac = vm.mac;
    r.shard = shard;
    r.state = vm.state;
    r.progress = vm.progress;
    r.reason = vm.reason;
    r.boots = vm.boots;
    r.uptimeSeconds = vm.uptimeSeconds;
    r.lastSeen = vm.lastSeen;
    r.seq = vm.changeSeq;
    return r;
}

} // namespace vmeclone
