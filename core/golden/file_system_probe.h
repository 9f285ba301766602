#pragma once
// What lies at an offset of a raw disk image, by its on-disk signature (as blkid does):
// ext2/3/4, which `vmeclone golden check` can read with debugfs, or the formats it cannot
// look into (XFS, Btrfs, LVM, LUKS, swap, RAID, FAT, NTFS), so it can say which.

#include <QByteArray>
#include <QIODevice>
#include <QString>

namespace vmeclone {

struct FileSystemInfo {
    QString type;               // "ext4", "xfs", "LVM2 member", ...; empty: not recognised
    QString label;              // ext volume label
    bool ext = false;           // ext2, ext3 or ext4: readable with debugfs
    bool needsRecovery = false; // ext3/4 journal holds changes not yet written (unclean shutdown)
};

// `length` bytes of a disk image at `offset`; empty when the offset is out of range.
QByteArray readAt(QIODevice &disk, qint64 offset, qint64 length);

class FileSystemProbe {
public:
    static FileSystemInfo probe(QIODevice &disk, qint64 offset);
};

} // namespace vmeclone
