#include "qcow2_overlay.h"

#include "common/failure_text.h"
#include "common/file_sync.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <cstring>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kQcow2UnknownFormat{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot link a clone over %1: its format %2 is neither qcow2 nor raw")};
const FailureSentence kQcow2NotQcow2{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is not a qcow2 image (no QFI header)")};
const FailureSentence kQcow2OverlayExists{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 exists already: not overwriting it")};
const FailureSentence kQcow2BackingPathTooLong{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the backing file path %1 is too long for a qcow2 header")};
const FailureSentence kQcow2CannotCreate{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot create %1: %2")};
const FailureSentence kQcow2CannotWriteOverlay{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot write the overlay %1: %2")};

constexpr int kClusterBits = 16;
constexpr qint64 kClusterSize = qint64(1) << kClusterBits;
constexpr quint32 kBackingFormatExtension = 0xE2792ACA;
constexpr quint32 kHeaderLength = 112; // v3 header with the compression type byte, padded

template <typename T>
void put(QByteArray &buffer, qint64 offset, T value) {
    qToBigEndian(value, buffer.data() + offset);
}

} // namespace

Expected<qint64> Qcow2Overlay::virtualSize(const QString &path, const QString &format) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(failures::kCannotRead(path, file.errorString()));
    if (format == u"raw")
        return file.size();
    if (format != u"qcow2")
        return fail(kQcow2UnknownFormat(path, format));
    const QByteArray header = file.read(32);
    if (header.size() < 32 || !header.startsWith("QFI\xfb"))
        return fail(kQcow2NotQcow2(path));
    return qFromBigEndian<qint64>(header.constData() + 24);
}

Status Qcow2Overlay::create(const QString &backingFile, const QString &backingFormat,
                            const QString &overlayPath, bool sync) {
    const QString backing = QFileInfo(backingFile).absoluteFilePath();
    auto size = virtualSize(backing, backingFormat);
    if (!size)
        return fail(size.error());
    if (QFileInfo::exists(overlayPath))
        return fail(kQcow2OverlayExists(overlayPath));
    const QByteArray backingName = QFile::encodeName(backing);
    const QByteArray formatName = backingFormat.toLatin1();

    // Clusters: 0 header, 1 refcount table, 2 refcount block, 3.. L1 table.
    const qint64 l2Coverage = kClusterSize * (kClusterSize / 8);
    const quint32 l1Entries = static_cast<quint32>((*size + l2Coverage - 1) / l2Coverage);
    const qint64 l1Clusters = qMax<qint64>(1, (l1Entries * 8 + kClusterSize - 1) / kClusterSize);
    const qint64 clusters = 3 + l1Clusters;
    const qint64 extensionsEnd = kHeaderLength + 8 + ((formatName.size() + 7) / 8) * 8 + 8;
    if (extensionsEnd + backingName.size() > kClusterSize || backingName.size() > 1023)
        return fail(kQcow2BackingPathTooLong(backing));

    QByteArray image(clusters * kClusterSize, '\0');
    put<quint32>(image, 0, 0x514649fb);                          // "QFI\xfb"
    put<quint32>(image, 4, 3);                                   // version
    put<quint64>(image, 8, static_cast<quint64>(extensionsEnd)); // backing file name offset
    put<quint32>(image, 16, static_cast<quint32>(backingName.size()));
    put<quint32>(image, 20, kClusterBits);
    put<quint64>(image, 24, static_cast<quint64>(*size));
    put<quint32>(image, 32, 0);                // no encryption
    put<quint32>(image, 36, l1Entries);        // l1_size
    put<quint64>(image, 40, 3 * kClusterSize); // l1_table_offset
    put<quint64>(image, 48, 1 * kClusterSize); // refcount_table_offset
    put<quint32>(image, 56, 1);                // refcount_table_clusters
    put<quint32>(image, 60, 0);                // nb_snapshots
    put<quint64>(image, 64, 0);                // snapshots_offset
    put<quint64>(image, 72, 0);                // incompatible features
    put<quint64>(image, 80, 0);                // compatible features
    put<quint64>(image, 88, 0);                // autoclear features
    put<quint32>(image, 96, 4);                // refcount_order: 16-bit refcounts
    put<quint32>(image, 100, kHeaderLength);
    // byte 104: compression type 0 (zlib), then padding to 112.
    qint64 at = kHeaderLength;
    put<quint32>(image, at, kBackingFormatExtension);
    put<quint32>(image, at + 4, static_cast<quint32>(formatName.size()));
    memcpy(image.data() + at + 8, formatName.constData(), static_cast<size_t>(formatName.size()));
    at += 8 + ((formatName.size() + 7) / 8) * 8;
    put<quint32>(image, at, 0); // end of extensions
    put<quint32>(image, at + 4, 0);
    memcpy(image.data() + extensionsEnd, backingName.constData(),
           static_cast<size_t>(backingName.size()));
    put<quint64>(image, kClusterSize,
                 static_cast<quint64>(2 * kClusterSize)); // refcount block at cluster 2
    for (qint64 c = 0; c < clusters; ++c)
        put<quint16>(image, 2 * kClusterSize + 2 * c, 1);
    // Only the L1 entries need to exist; the file ends there, as qemu-img's does.
    image.truncate(3 * kClusterSize + qMax<qint64>(8, l1Entries * 8));

    const QString part = overlayPath + u".part"_s;
    QFile out(part);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(kQcow2CannotCreate(part, out.errorString()));
    // Sparse, as qemu-img's own: only the blocks holding the header, the refcount table's
    // entry and the refcount block are written, the rest of the file (mostly the zeroed L1
    // table) is a hole. 12 KiB of data per clone instead of 196 KiB, which a batch of a
    // thousand clones would otherwise write and fsync (tests/bench/bench_clone_batch).
    const auto piece = [&](qint64 from, qint64 length) {
        return out.seek(from) && out.write(image.constData() + from, length) == length;
    };
    const bool written = piece(0, extensionsEnd + backingName.size()) && piece(kClusterSize, 8)
                         && piece(2 * kClusterSize, 2 * clusters) && out.resize(image.size())
                         && out.flush();
    const bool synced = written && (!sync || syncOpenFile(out));
    out.close();
    if (!synced || !QFile::rename(part, overlayPath)) {
        const QString why = out.errorString();
        QFile::remove(part);
        return fail(kQcow2CannotWriteOverlay(overlayPath, why));
    }
    return {};
}

} // namespace vmeclone
