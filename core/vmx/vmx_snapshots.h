#pragma once
// A VMware VM's snapshots as its .vmsd lists them ("<vmx base name>.vmsd" beside the .vmx,
// the same key = "value" format): snapshot.current names the snapshot the VM runs on by
// uid, and snapshotN.uid / displayName / diskK.fileName / diskK.node describe each one.
// Read only: vmeclone never takes or deletes a snapshot of a golden.

#include "common/expected.h"

#include <QMap>
#include <QString>

namespace vmeclone {

struct VmxSnapshot {
    QString uid;
    QString name;                 // displayName: what `vmrun -snapshot=` names it by
    QMap<QString, QString> disks; // node ("scsi0:0") -> the disk file as of the snapshot
};

class VmxSnapshots {
public:
    // The .vmsd of `vmxPath`: "<folder>/<base name>.vmsd".
    static QString vmsdPath(const QString &vmxPath);
    // The snapshot the VM's current state hangs off. Fails naming the golden and how to
    // take a snapshot when it has none, or when its .vmsd cannot be read or names a
    // current snapshot it does not describe.
    static Expected<VmxSnapshot> current(const QString &vmxPath);
};

} // namespace vmeclone
