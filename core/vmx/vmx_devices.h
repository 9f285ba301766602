#pragma once
// The devices of a .vmx that cloning cares about: hard disks on SCSI/SATA/IDE/NVMe
// (not CD-ROM or floppy images) and network adapters. One reading of the keys, shared
// by the clone rewriter and the folder selection, so both agree on what a disk is.

#include "vmx/vmx_document.h"

#include <QList>
#include <QString>

namespace vmeclone {

// A device backed by a file: a hard disk, or a CD-ROM image for cdromImages().
struct VmxDisk {
    QString device;   // "scsi0:1", "sata0:0", "ide1:0", "nvme0:0" as spelled in the file
    QString fileName; // the fileName value as written: relative to the .vmx's folder or absolute
    bool present = false;
};

struct VmxNic {
    int index = 0;  // N of ethernetN
    QString device; // "ethernet0" as spelled in the file
    bool present = false;
};

class VmxDevices {
public:
    // Every `(scsi|sata|ide|nvme)N:M.fileName` whose device is a hard disk: its
    // deviceType is absent (VMware's default is a disk) or a disk type ("scsi-hardDisk",
    // "ata-hardDisk", "disk", "plainDisk", "rawDisk"). CD-ROMs ("cdrom-image",
    // "cdrom-raw", "atapi-cdrom") and passthrough devices are not disks; a type not known
    // here is a disk when its file is a .vmdk. `present` is the
    // device's own `.present` (its controller's is not consulted: copying a disk too many
    // is harmless, leaving a used one behind is not). File order.
    static QList<VmxDisk> disks(const VmxDocument &vmx);
    // Every CD-ROM of those buses that uses an image file (deviceType "cdrom-image"):
    // clones share the golden's image, read-only, where it is.
    static QList<VmxDisk> cdromImages(const VmxDocument &vmx);
    // Every ethernetN that has any key, ordered by N.
    static QList<VmxNic> nics(const VmxDocument &vmx);
    // VMware's booleans: TRUE/FALSE, yes/no, 1/0, any case.
    static bool isTrue(const QString &value);
    // A path as a .vmx writes it is absolute: "/...", "\\server\...", or "C:\..." / "C:/..."
    // (Windows paths are recognised on every host, as goldens move between them).
    static bool isAbsolutePath(const QString &path);
};

} // namespace vmeclone
