#pragma once
// Full and linked clones of VMware disks, without VMware and without qemu-img.
//
// Full clone: every extent is copied (DiskCopier: sparse, all-or-nothing, progress,
// cancel) under the clone's base name ("golden-s001.vmdk" -> "vm177-s001.vmdk"), and the
// clone's descriptor names the copies and gets a new CID (and ddb.longContentID, ddb.uuid).
// A delta disk stays a delta of the same parent (a relative parentFileNameHint is made
// absolute so it still resolves from the new folder); its chain is checked first.
//
// Linked clone: a new, empty delta disk over the golden's disk, laid out as VMware
// Workstation lays a linked clone ("<name>-cl1.vmdk"): a single monolithicSparse file with
// the descriptor embedded when the parent is one file, or a twoGbMaxExtentSparse text
// descriptor with "<name>-s001.vmdk"... extents when the parent is split. Its descriptor
// has parentCID = the parent's CID and parentFileNameHint = the parent's absolute path;
// its sparse extents are written here from the documented format, with every grain table
// pre-allocated as VMware does, but as file holes: the cost and the space on disk do not
// grow with the size of the disk. The parent is only read, never opened for writing (a
// parent whose CID changed would orphan every child).
//
// Every call is blocking (run it on a worker thread) and all-or-nothing: on failure or
// cancel no file of the clone is left. Source files are opened read-only. Disk files
// carry no lock of their own worth checking (a golden's disks hold shared locks while
// its linked clones run): whether the golden VM runs is the VM folder's business.

#include "clone/disk_copier.h"
#include "common/expected.h"
#include "vmdk/vmdk_descriptor.h"

#include <QString>
#include <QStringList>

#include <atomic>

namespace vmeclone {

struct VmdkCloneResult {
    QString descriptorPath; // the clone's disk: what a .vmx "scsi0:0.fileName" names
    QStringList files;      // every file written, absolute, descriptor first
    quint32 cid = 0;
    quint32 parentCid = 0xffffffff; // the parent's CID for a linked clone (or a delta)
};

class VmdkCloner {
public:
    using Progress = DiskCopier::Progress;

    enum class LinkedLayout {
        LikeParent, // split parent (twoGbMaxExtent*): split child; else a single file
        SingleFile, // monolithicSparse with an embedded descriptor
        Split,      // twoGbMaxExtentSparse: text descriptor + extents of kSplitExtentSectors
    };

    // Sectors per extent of a split child: VMware's 2047 MiB (Virtual Disk Format 5.0).
    static constexpr qint64 kSplitExtentSectors = 4192256;

    // Copies the disk `source` (its descriptor) into `destinationFolder` (which must
    // exist) as `baseName` + ".vmdk" ("vm177" or "vm177.vmdk"). Existing files are never
    // overwritten. Progress counts the bytes of data copied.
    static Expected<VmdkCloneResult>
    fullClone(const QString &source, const QString &destinationFolder, const QString &baseName,
              const std::atomic_bool *cancel = nullptr, const Progress &progress = {});

    // Makes `baseName` + ".vmdk" in `destinationFolder`, a child of the disk `parent`.
    // If `parent` is itself a delta, the child links to it (the top of its chain), after
    // checking that the chain below it is intact.
    static Expected<VmdkCloneResult> linkedClone(const QString &parent,
                                                 const QString &destinationFolder,
                                                 const QString &baseName,
                                                 LinkedLayout layout = LinkedLayout::LikeParent);

    // The files of the disk `descriptor`: the descriptor first, then each extent file
    // (a monolithic sparse disk is one file). Absolute paths.
    static Expected<QStringList> diskFiles(const QString &descriptor);

    // The bytes a full clone of `descriptor` writes (data of every file, holes not
    // counted): what placement needs free on the shard.
    static Expected<qint64> dataBytes(const QString &descriptor);

    // The disk's chain from `descriptor` down to its base: descriptor first. Fails,
    // naming the link, when a parent is missing or its CID is not the parentCID its
    // child recorded (the parent was written after the child was made).
    static Expected<QStringList> chain(const QString &descriptor);

    // A disk that maps a raw device (fullDevice, partitionedDevice, an RDM): no file to
    // copy or link, so it cannot be cloned.
    static bool mapsRawDevice(const VmdkDescriptor &descriptor);

    // Deletes a clone's disk: its descriptor and the extent files in the descriptor's
    // own folder (never a parent, never a file elsewhere). Missing files are fine.
    static Status removeDisk(const QString &descriptor);

    // A random CID: 32 bits, never ffffffff (which means "no parent") nor fffffffe
    // (the CID in the format document's example of a disk never written).
    static quint32 newCid();
};

} // namespace vmeclone
