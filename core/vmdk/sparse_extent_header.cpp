#include "sparse_extent_header.h"

#include "common/failure_text.h"

#include <QtEndian>

#include <cstring>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kSparseExtentNotSparse{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 is not a sparse VMDK extent: it does not start with \"KDMV\"")};
const FailureSentence kSparseExtentTruncated{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is truncated: its sparse header needs %2 bytes and the file has %3; the copy is "
    "incomplete, copy the disk again")};
const FailureSentence kSparseExtentDamagedHeader{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 has a damaged sparse header: %2")};
const FailureSentence kSparseExtentBadVersion{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "version %1 (this program reads versions 1 to 3)")};
const FailureSentence kSparseExtentTextModeTransfer{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 was damaged by a text-mode transfer (its line-end check bytes are changed): copy it "
    "again in binary mode")};
const FailureSentence kSparseExtentBadGrainSize{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "grain size %1 sectors is not a power of two from 8 up")};
const FailureSentence kSparseExtentBadGrainTable{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 grain table entries per table")};
const FailureSentence kSparseExtentDescriptorPastEnd{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is truncated or damaged: its embedded descriptor (sectors %2 to %3) lies past the end "
    "of the file (%4 sectors)")};

constexpr char kMagic[4] = {'K', 'D', 'M', 'V'};

quint64 divRoundUp(quint64 value, quint64 divisor) {
    return (value + divisor - 1) / divisor;
}

template <typename T>
T read(const QByteArray &bytes, int offset) {
    return qFromLittleEndian<T>(bytes.constData() + offset);
}

template <typename T>
void write(QByteArray &bytes, int offset, T value) {
    qToLittleEndian<T>(value, bytes.data() + offset);
}

} // namespace

bool SparseExtentHeader::hasMagic(const QByteArray &bytes) {
    return bytes.size() >= 4 && std::memcmp(bytes.constData(), kMagic, 4) == 0;
}

Expected<SparseExtentHeader> SparseExtentHeader::parse(const QByteArray &bytes, const QString &path,
                                                       qint64 fileSize) {
    if (!hasMagic(bytes))
        return fail(kSparseExtentNotSparse(path));
    if (bytes.size() < kSize || fileSize < kSize)
        return fail(kSparseExtentTruncated(path, kSize, qMin<qint64>(bytes.size(), fileSize)));
    SparseExtentHeader h;
    h.version = read<quint32>(bytes, 4);
    h.flags = read<quint32>(bytes, 8);
    h.capacity = read<quint64>(bytes, 12);
    h.grainSize = read<quint64>(bytes, 20);
    h.descriptorOffset = read<quint64>(bytes, 28);
    h.descriptorSize = read<quint64>(bytes, 36);
    h.numGTEsPerGT = read<quint32>(bytes, 44);
    h.rgdOffset = read<quint64>(bytes, 48);
    h.gdOffset = read<quint64>(bytes, 56);
    h.overHead = read<quint64>(bytes, 64);
    h.uncleanShutdown = bytes.at(72) != 0;
    h.singleEndLineChar = bytes.at(73);
    h.nonEndLineChar = bytes.at(74);
    h.doubleEndLineChar1 = bytes.at(75);
    h.doubleEndLineChar2 = bytes.at(76);
    h.compressAlgorithm = read<quint16>(bytes, 77);

    auto bad = [&](const QString &what) {
        return fail(kSparseExtentDamagedHeader(path, what));
    };
    if (h.version < 1 || h.version > 3)
        return bad(kSparseExtentBadVersion(h.version));
    // Bytes the spec puts there to catch a text-mode (FTP ASCII) transfer.
    if ((h.flags & ValidNewLineTest)
        && (h.singleEndLineChar != '\n' || h.nonEndLineChar != ' ' || h.doubleEndLineChar1 != '\r'
            || h.doubleEndLineChar2 != '\n'))
        return fail(kSparseExtentTextModeTransfer(path));
    if (h.grainSize < 8 || h.grainSize > 0x200000 || (h.grainSize & (h.grainSize - 1)) != 0)
        return bad(kSparseExtentBadGrainSize(h.grainSize));
    if (h.numGTEsPerGT == 0 || h.numGTEsPerGT > 4096)
        return bad(kSparseExtentBadGrainTable(h.numGTEsPerGT));
    const quint64 sectors = quint64(fileSize) / kSectorSize;
    if (h.hasEmbeddedDescriptor()) {
        if (h.descriptorSize > 2048 || h.descriptorOffset > sectors
            || h.descriptorOffset + h.descriptorSize > sectors)
            return fail(kSparseExtentDescriptorPastEnd(
                path, h.descriptorOffset, h.descriptorOffset + h.descriptorSize, sectors));
    }
    return h;
}

QByteArray SparseExtentHeader::toBytes() const {
    QByteArray bytes(kSize, '\0');
    std::memcpy(bytes.data(), kMagic, 4);
    write<quint32>(bytes, 4, version);
    write<quint32>(bytes, 8, flags);
    write<quint64>(bytes, 12, capacity);
    write<quint64>(bytes, 20, grainSize);
    write<quint64>(bytes, 28, descriptorOffset);
    write<quint64>(bytes, 36, descriptorSize);
    write<quint32>(bytes, 44, numGTEsPerGT);
    write<quint64>(bytes, 48, rgdOffset);
    write<quint64>(bytes, 56, gdOffset);
    write<quint64>(bytes, 64, overHead);
    bytes[72] = uncleanShutdown ? 1 : 0;
    bytes[73] = singleEndLineChar;
    bytes[74] = nonEndLineChar;
    bytes[75] = doubleEndLineChar1;
    bytes[76] = doubleEndLineChar2;
    write<quint16>(bytes, 77, compressAlgorithm);
    return bytes;
}

SparseExtentHeader SparseExtentHeader::forNewExtent(quint64 capacity, quint64 descriptorSectors) {
    SparseExtentHeader h;
    h.capacity = capacity;
    h.descriptorOffset = descriptorSectors ? 1 : 0;
    h.descriptorSize = descriptorSectors;
    const quint64 tables = h.grainTableCount() * h.grainTableSectors();
    h.rgdOffset = 1 + descriptorSectors;
    h.gdOffset = h.rgdOffset + h.grainDirectorySectors() + tables;
    const quint64 end = h.gdOffset + h.grainDirectorySectors() + tables;
    h.overHead = divRoundUp(end, h.grainSize) * h.grainSize;
    return h;
}

quint64 SparseExtentHeader::grainTableCount() const {
    return divRoundUp(divRoundUp(capacity, grainSize), numGTEsPerGT);
}

quint64 SparseExtentHeader::grainTableSectors() const {
    return divRoundUp(quint64(numGTEsPerGT) * 4, kSectorSize);
}

quint64 SparseExtentHeader::grainDirectorySectors() const {
    return divRoundUp(grainTableCount() * 4, kSectorSize);
}

QByteArray SparseExtentHeader::newGrainDirectory(quint64 directoryOffset) const {
    QByteArray bytes(qsizetype(grainDirectorySectors() * kSectorSize), '\0');
    quint64 table = directoryOffset + grainDirectorySectors();
    for (quint64 i = 0; i < grainTableCount(); ++i, table += grainTableSectors())
        write<quint32>(bytes, int(i * 4), quint32(table));
    return bytes;
}

} // namespace vmeclone
