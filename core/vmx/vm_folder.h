#pragma once
// What a clone takes from a golden's VMware folder, and what it never takes.
//
// A clone takes: the hard disks the .vmx names (VmxDevices::disks; the VMDK code copies
// or links them and follows their extents and parent chains), and the .nvram and .vmxf
// under new names (VmxCloneRewriter's copy plan) when they exist. Only the disks and the
// .vmx are essential: a missing .nvram or .vmxf is normal (a VM never powered on here, or
// copied without them); VMware makes both afresh, so the clone's .vmx names its own and
// the folder's selection says so in `notes`. The .vmx itself is rewritten, not
// copied. Nothing else is copied; in particular never:
//   *.lck (file or folder)  a lock: VMware has the golden open; such a golden is refused
//   *.vmss                  suspended state: the clone boots fresh (checkpoint.vmState cleared)
//   *.vmem                  guest memory of a running or suspended VM
//   *.vmsn                  snapshot state
//   *.vmsd                  snapshot database: it describes the golden's snapshot tree; the
//                           clone gets the current disk chain and starts with no snapshots
//   *.log (vmware*.log)     the golden's logs
//   *.scoreboard            statistics of a run
//   *.vswp, *.hlog, *.dmp   swap, migration log, crash dumps
//   *~                      editor and VMware backups (vm176.vmx~)
//   caches/                 VMware's per-VM caches
// Other files (unreferenced .vmdk, notes) are listed as not needed.

#include "common/expected.h"
#include "vmx/vmx_devices.h"
#include "vmx/vmx_document.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vmeclone {

struct VmFolderEntry {
    QString name; // a direct child of the golden's folder
    bool isDir = false;
};

struct VmFolderDisk {
    VmxDisk disk;
    QString path; // fileName resolved against the golden's folder (absolute names kept)
};

struct VmFolderSkip {
    QString name;
    QString reason; // "suspended state", "not named by the .vmx", ...
};

struct VmFolderSelection {
    QString vmxPath;
    QList<VmFolderDisk> disks;    // present hard disks: to copy or link
    QList<VmFolderSkip> skipped;  // never copied (the table above), with why
    QList<VmFolderSkip> unneeded; // not named by the .vmx: not copied
    QStringList warnings;         // e.g. the golden is suspended: its disks are as at suspend
    QStringList notes;            // e.g. the .nvram is missing: VMware makes one per clone
    int networkAdapters = 0;      // present ethernetN
};

class VmFolder {
public:
    // The rule alone, on a listing of the folder. Refuses, naming the input and what to
    // do: a golden with a lock; a disk named by an ESXi datastore path ("[datastore1]
    // dir/disk.vmdk"); one disk file named by two devices; a disk the .vmx names by a
    // plain file name that the folder lacks. Disks in subfolders or elsewhere are only
    // resolved here; inspect() checks them. Every refusal a golden can meet before a
    // clone is made is here or in inspect(), so `golden add` gives it, never `clone`.
    static Expected<VmFolderSelection> select(const VmxDocument &vmx, const QString &vmxPath,
                                              const QList<VmFolderEntry> &entries);

    // Loads `vmxPath`, lists its folder and applies select(); also refuses when a disk
    // outside the folder is missing or has a lock next to it.
    static Expected<VmFolderSelection> inspect(const QString &vmxPath);

    // "[datastore1] dir/disk.vmdk": a path on an ESXi datastore, which no file name on
    // this host resolves.
    static bool isDatastorePath(const QString &fileName);

    // Why `name` (a folder entry) is never copied, or an empty string when it may be.
    static QString neverCopiedReason(const QString &name, bool isDir);
};

} // namespace vmeclone
