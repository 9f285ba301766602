#include "partition_table.h"

#include "common/failure_text.h"
#include "file_system_probe.h"

#include <QByteArray>
#include <QMap>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kPartitionTableNoGptHeader{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 has a protective MBR but no GPT header at sector 1: the partition table is damaged "
    "(check it with 'sfdisk --verify' on a raw copy)")};
const FailureSentence kPartitionTableBadEntries{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1: the GPT header gives %2 partition entries of %3 bytes: the table is damaged")};
const FailureSentence kPartitionTableEntriesBeyondEnd{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1: the GPT partition entries lie beyond the end of the disk")};
const FailureSentence kPartitionTableGptBeyondDisk{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1: GPT partition %2 ends beyond the disk or before it starts")};
const FailureSentence kPartitionTableMbrBeyondEnd{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1: MBR partition %2 starts beyond the end of the disk")};
const FailureSentence kPartitionTableChainEndless{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: the chain of logical partitions does not end")};
const FailureSentence kPartitionTableDamagedEbr{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: the extended boot record at sector %2 is damaged")};
const FailureSentence kPartitionTableChainBackwards{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1: the chain of logical partitions points backwards at sector %2")};

// Virtual disks of VMware and QEMU have 512-byte logical sectors.
constexpr qint64 kSector = 512;
// More than any real table: the EBR chain and the GPT entry count are bounded by it,
// so a corrupt or malicious image cannot make the reader loop or allocate without end.
constexpr int kMaxPartitions = 256;

quint32 le32(const QByteArray &b, qsizetype at) {
    return qFromLittleEndian<quint32>(b.constData() + at);
}

quint64 le64(const QByteArray &b, qsizetype at) {
    return qFromLittleEndian<quint64>(b.constData() + at);
}

bool isExtended(quint8 type) {
    return type == 0x05 || type == 0x0f || type == 0x85;
}

QString mbrType(quint8 type) {
    return u"0x%1"_s.arg(uint(type), 2, 16, QChar(u'0'));
}

// A GUID as GPT stores it: the first three fields little-endian, the rest as bytes.
QString guid(const QByteArray &b, qsizetype at) {
    const auto *p = reinterpret_cast<const uchar *>(b.constData() + at);
    return u"%1-%2-%3-%4-%5"_s.arg(uint(qFromLittleEndian<quint32>(p)), 8, 16, QChar(u'0'))
        .arg(uint(qFromLittleEndian<quint16>(p + 4)), 4, 16, QChar(u'0'))
        .arg(uint(qFromLittleEndian<quint16>(p + 6)), 4, 16, QChar(u'0'))
        .arg(QString::fromLatin1(QByteArray(b.constData() + at + 8, 2).toHex()))
        .arg(QString::fromLatin1(QByteArray(b.constData() + at + 10, 6).toHex()))
        .toUpper();
}

struct MbrEntry {
    quint8 status = 0;
    quint8 type = 0;
    quint32 start = 0; // sectors
    quint32 count = 0;
};

MbrEntry mbrEntry(const QByteArray &sector, int index) {
    const qsizetype at = 446 + 16 * index;
    MbrEntry e;
    e.status = static_cast<quint8>(sector[at]);
    e.type = static_cast<quint8>(sector[at + 4]);
    e.start = le32(sector, at + 8);
    e.count = le32(sector, at + 12);
    return e;
}

bool hasBootSignature(const QByteArray &sector) {
    return sector.size() >= 512 && static_cast<quint8>(sector[510]) == 0x55
           && static_cast<quint8>(sector[511]) == 0xaa;
}

} // namespace

Expected<PartitionTable> PartitionTable::read(QIODevice &disk, const QString &name) {
    PartitionTable table;
    const qint64 diskSize = disk.size();
    const QByteArray mbr = readAt(disk, 0, kSector);
    if (!hasBootSignature(mbr))
        return table;

    // A FAT boot sector has the same signature; a partition table has only status bytes
    // 0x00/0x80 and entries inside the disk. Anything else is not a table.
    bool protective = false;
    for (int i = 0; i < 4; ++i) {
        const MbrEntry e = mbrEntry(mbr, i);
        if (e.status != 0x00 && e.status != 0x80)
            return table;
        if (e.type == 0xee)
            protective = true;
    }

    if (protective) {
        const QByteArray header = readAt(disk, kSector, kSector);
        if (header.size() < 92 || !header.startsWith("EFI PART"))
            return fail(kPartitionTableNoGptHeader(name));
        const quint64 entriesLba = le64(header, 72);
        const quint32 entryCount = le32(header, 80);
        const quint32 entrySize = le32(header, 84);
        if (entrySize < 128 || entrySize > 4096 || entryCount == 0 || entryCount > 1024)
            return fail(kPartitionTableBadEntries(name, entryCount, entrySize));
        const QByteArray entries =
            readAt(disk, qint64(entriesLba) * kSector, qint64(entryCount) * entrySize);
        if (entries.size() != qsizetype(entryCount) * entrySize)
            return fail(kPartitionTableEntriesBeyondEnd(name));
        table.m_scheme = Scheme::Gpt;
        for (quint32 i = 0; i < entryCount && table.m_partitions.size() < kMaxPartitions; ++i) {
            const qsizetype at = qsizetype(i) * entrySize;
            if (QByteArray::fromRawData(entries.constData() + at, 16).count('\0') == 16)
                continue; // unused entry
            const quint64 first = le64(entries, at + 32);
            const quint64 last = le64(entries, at + 40);
            if (last < first || qint64(last) >= diskSize / kSector + 1)
                return fail(kPartitionTableGptBeyondDisk(name, i + 1));
            table.m_partitions.append({int(i) + 1, qint64(first) * kSector,
                                       qint64(last - first + 1) * kSector, guid(entries, at)});
        }
        return table;
    }

    table.m_scheme = Scheme::Mbr;
    for (int i = 0; i < 4; ++i) {
        const MbrEntry e = mbrEntry(mbr, i);
        if (e.type == 0 || e.count == 0)
            continue;
        if (qint64(e.start) * kSector >= diskSize)
            return fail(kPartitionTableMbrBeyondEnd(name, i + 1));
        if (!isExtended(e.type)) {
            table.m_partitions.append(
                {i + 1, qint64(e.start) * kSector, qint64(e.count) * kSector, mbrType(e.type)});
            continue;
        }
        // Logical partitions: a chain of EBRs, each giving one partition (relative to
        // itself) and the next EBR (relative to the extended partition).
        const qint64 extendedStart = e.start;
        qint64 ebr = extendedStart;
        int number = 5;
        while (ebr != 0) {
            if (number - 5 >= kMaxPartitions)
                return fail(kPartitionTableChainEndless(name));
            const QByteArray sector = readAt(disk, ebr * kSector, kSector);
            if (!hasBootSignature(sector))
                return fail(kPartitionTableDamagedEbr(name, ebr));
            const MbrEntry logical = mbrEntry(sector, 0);
            const MbrEntry next = mbrEntry(sector, 1);
            if (logical.type != 0 && logical.count != 0)
                table.m_partitions.append({number++, (ebr + logical.start) * kSector,
                                           qint64(logical.count) * kSector, mbrType(logical.type)});
            const qint64 following =
                next.type != 0 && next.count != 0 ? extendedStart + next.start : 0;
            if (following != 0 && following <= ebr)
                return fail(kPartitionTableChainBackwards(name, ebr));
            ebr = following;
        }
    }
    return table;
}

QString PartitionTable::typeName(const QString &type) {
    static const QMap<QString, QString> names{
        {u"0x83"_s, u"Linux"_s},
        {u"0x8e"_s, u"Linux LVM"_s},
        {u"0x82"_s, u"Linux swap"_s},
        {u"0xfd"_s, u"Linux RAID"_s},
        {u"0x07"_s, u"NTFS/exFAT"_s},
        {u"0x0b"_s, u"FAT32"_s},
        {u"0x0c"_s, u"FAT32 (LBA)"_s},
        {u"0x0e"_s, u"FAT16 (LBA)"_s},
        {u"0xef"_s, u"EFI system"_s},
        {u"0FC63DAF-8483-4772-8E79-3D69D8477DE4"_s, u"Linux"_s},
        {u"4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709"_s, u"Linux root (x86-64)"_s},
        {u"E6D6D379-F507-44C2-A23C-238F2A3DF928"_s, u"Linux LVM"_s},
        {u"0657FD6D-A4AB-43C4-84E5-0933C84B4F4F"_s, u"Linux swap"_s},
        {u"A19D880F-05FC-4D3B-A006-743F0F84911E"_s, u"Linux RAID"_s},
        {u"BC13C2FF-59E6-4262-A352-B275FD6F7172"_s, u"Linux extended boot"_s},
        {u"C12A7328-F81F-11D2-BA4B-00A0C93EC93B"_s, u"EFI system"_s},
        {u"21686148-6449-6E6F-744E-656564454649"_s, u"BIOS boot"_s},
        {u"EBD0A0A2-B9E5-4433-87C0-68B6B72699C7"_s, u"Microsoft basic data"_s},
    };
    return names.value(type, type);
}

QString PartitionTable::schemeName(Scheme scheme) {
    switch (scheme) {
    case Scheme::Mbr:
        return u"MBR"_s;
    case Scheme::Gpt:
        return u"GPT"_s;
    case Scheme::None:
        break;
    }
    return u"none"_s;
}

} // namespace vmeclone
