#include "file_system_probe.h"

#include <QByteArray>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace vmeclone {

QByteArray readAt(QIODevice &disk, qint64 offset, qint64 length) {
    if (offset < 0 || !disk.seek(offset))
        return {};
    return disk.read(length);
}

namespace {

bool hasAt(QIODevice &disk, qint64 offset, QByteArrayView magic) {
    return readAt(disk, offset, magic.size()) == magic;
}

// The ext superblock starts 1024 bytes in (kernel's struct ext2_super_block).
constexpr qint64 kExtSuperblock = 1024;
constexpr quint32 kCompatHasJournal = 0x4;
constexpr quint32 kIncompatRecover = 0x4;
constexpr quint32 kIncompatExt4 = 0x40 | 0x80 | 0x200; // extents, 64bit, flex_bg

} // namespace

FileSystemInfo FileSystemProbe::probe(QIODevice &disk, qint64 offset) {
    FileSystemInfo info;
    const QByteArray sb = readAt(disk, offset + kExtSuperblock, 1024);
    if (sb.size() == 1024 && qFromLittleEndian<quint16>(sb.constData() + 56) == 0xef53) {
        const auto compat = qFromLittleEndian<quint32>(sb.constData() + 92);
        const auto incompat = qFromLittleEndian<quint32>(sb.constData() + 96);
        info.ext = true;
        info.type = (incompat & kIncompatExt4)     ? u"ext4"_s
                    : (compat & kCompatHasJournal) ? u"ext3"_s
                                                   : u"ext2"_s;
        info.needsRecovery = (incompat & kIncompatRecover) != 0;
        info.label = QString::fromUtf8(QByteArray(sb.constData() + 120, 16).split('\0').value(0));
        return info;
    }
    if (hasAt(disk, offset, "XFSB"))
        info.type = u"xfs"_s;
    else if (hasAt(disk, offset + 65536 + 64, "_BHRfS_M"))
        info.type = u"btrfs"_s;
    else if (hasAt(disk, offset, "LUKS\xba\xbe"))
        info.type = u"LUKS (encrypted)"_s;
    else if (hasAt(disk, offset + 4096 - 10, "SWAPSPACE2")
             || hasAt(disk, offset + 4096 - 10, "SWAP-SPACE"))
        info.type = u"swap"_s;
    else if (hasAt(disk, offset + 3, "NTFS    "))
        info.type = u"ntfs"_s;
    else if (hasAt(disk, offset + 82, "FAT32   ") || hasAt(disk, offset + 54, "FAT16   ")
             || hasAt(disk, offset + 54, "FAT12   "))
        info.type = u"vfat"_s;
    else if (hasAt(disk, offset + 4096, "\xfc\x4e\x2b\xa9"))
        info.type = u"Linux RAID member"_s;
    else if (hasAt(disk, offset + 32769, "CD001"))
        info.type = u"iso9660"_s;
    else {
        // LVM's label may sit in any of the first four sectors.
        for (qint64 sector = 0; sector < 4 && info.type.isEmpty(); ++sector)
            if (hasAt(disk, offset + sector * 512, "LABELONE")
                && hasAt(disk, offset + sector * 512 + 24, "LVM2 001"))
                info.type = u"LVM2 member"_s;
    }
    return info;
}

} // namespace vmeclone
