#pragma once
// The 512-byte header at the start of a hosted sparse VMDK extent (magic "KDMV"), as
// VMware's "Virtual Disk Format 5.0" defines it (SparseExtentHeader, all integers
// little-endian, offsets and sizes in 512-byte sectors):
//
//   off size field              off size field
//    0   4   magicNumber "KDMV"   48   8   rgdOffset (redundant grain directory)
//    4   4   version (1..3)       56   8   gdOffset (ffff..ff: in the footer)
//    8   4   flags                64   8   overHead (metadata, grain aligned)
//   12   8   capacity             72   1   uncleanShutdown
//   20   8   grainSize            73   4   '\n' ' ' '\r' '\n' (line-end check)
//   28   8   descriptorOffset     77   2   compressAlgorithm (1 = deflate)
//   36   8   descriptorSize       79 433   padding
//   44   4   numGTEsPerGT (512)
//
// A grain directory entry (4 bytes) holds the sector of one grain table; a grain table
// has numGTEsPerGT entries, each the sector of one grain, 0 = not allocated here (read
// the parent, or zeros without one).

#include "common/expected.h"

#include <QByteArray>
#include <QString>

namespace vmeclone {

struct SparseExtentHeader {
    static constexpr qint64 kSectorSize = 512;
    static constexpr qint64 kSize = 512;
    static constexpr quint64 kGdAtEnd = ~quint64(0);
    static constexpr quint64 kDefaultGrainSize = 128; // 64 KiB, what VMware and qemu write
    static constexpr quint32 kDefaultGtesPerGt = 512;
    static constexpr quint64 kDefaultDescriptorSectors = 20; // VMware's and qemu's size

    enum Flag : quint32 {
        ValidNewLineTest = 1u << 0,
        RedundantGrainTable = 1u << 1,
        ZeroedGrainTableEntries = 1u << 2,
        CompressedGrains = 1u << 16,
        Markers = 1u << 17,
    };

    quint32 version = 1;
    quint32 flags = ValidNewLineTest | RedundantGrainTable;
    quint64 capacity = 0; // sectors of the extent
    quint64 grainSize = kDefaultGrainSize;
    quint64 descriptorOffset = 0;
    quint64 descriptorSize = 0;
    quint32 numGTEsPerGT = kDefaultGtesPerGt;
    quint64 rgdOffset = 0;
    quint64 gdOffset = 0;
    quint64 overHead = 0;
    bool uncleanShutdown = false;
    char singleEndLineChar = '\n';
    char nonEndLineChar = ' ';
    char doubleEndLineChar1 = '\r';
    char doubleEndLineChar2 = '\n';
    quint16 compressAlgorithm = 0;

    // True when `bytes` starts with the sparse magic "KDMV".
    static bool hasMagic(const QByteArray &bytes);

    // Checks and decodes the first 512 bytes of `path` (fileSize: its length, so
    // offsets past the end are refused). Errors name the file and the field.
    static Expected<SparseExtentHeader> parse(const QByteArray &bytes, const QString &path,
                                              qint64 fileSize);

    // Exactly 512 bytes.
    QByteArray toBytes() const;

    // A new, empty extent of `capacity` sectors laid out as VMware and qemu-img lay it:
    // header, `descriptorSectors` for an embedded descriptor (0: none, as in the extents
    // of a split disk), redundant grain directory and its tables, grain directory and
    // its tables, then grains from overHead on. Every table is pre-allocated.
    static SparseExtentHeader forNewExtent(quint64 capacity, quint64 descriptorSectors);

    quint64 grainTableCount() const;       // tables needed to cover the capacity
    quint64 grainTableSectors() const;     // sectors of one table
    quint64 grainDirectorySectors() const; // sectors of one directory
    // The directory at `directoryOffset` (rgdOffset or gdOffset) of a new extent, whose
    // tables follow it: grainDirectorySectors() sectors.
    QByteArray newGrainDirectory(quint64 directoryOffset) const;

    bool isCompressed() const { return compressAlgorithm != 0 || (flags & CompressedGrains); }
    bool hasEmbeddedDescriptor() const { return descriptorOffset != 0 && descriptorSize != 0; }
};

} // namespace vmeclone
