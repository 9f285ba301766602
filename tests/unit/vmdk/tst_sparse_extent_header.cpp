// SparseExtentHeader: the layout of a new extent is the one qemu-img (and VMware) write,
// field for field and directory byte for byte; damaged headers are refused by name.

#include "support/ci_skip.h"
#include "vmdk/sparse_extent_header.h"
#include "vmdk_test_support.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;
using namespace vmeclone::test;

namespace {

QByteArray readAt(const QString &path, qint64 offset, qint64 length) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(offset))
        return {};
    return f.read(length);
}

QByteArray qemuHeader() {
    // What qemu-img writes for a 32 MiB monolithicSparse disk (captured from qemu 7.2).
    SparseExtentHeader h;
    h.capacity = 65536;
    h.descriptorOffset = 1;
    h.descriptorSize = 20;
    h.rgdOffset = 21;
    h.gdOffset = 26;
    h.overHead = 128;
    return h.toBytes();
}

} // namespace

class TestSparseExtentHeader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bytesAreTheDocumentedLayout() {
        const QByteArray b = qemuHeader();
        QCOMPARE(b.size(), 512);
        QCOMPARE(b.left(4), QByteArray("KDMV"));
        QCOMPARE(b.mid(4, 4), QByteArray::fromHex("01000000"));          // version
        QCOMPARE(b.mid(8, 4), QByteArray::fromHex("03000000"));          // flags
        QCOMPARE(b.mid(12, 8), QByteArray::fromHex("0000010000000000")); // capacity
        QCOMPARE(b.mid(20, 8), QByteArray::fromHex("8000000000000000")); // grainSize
        QCOMPARE(b.mid(44, 4), QByteArray::fromHex("00020000"));         // numGTEsPerGT
        QCOMPARE(b.mid(72, 5), QByteArray("\0\n \r\n", 5));
        QCOMPARE(b.mid(77, 2), QByteArray::fromHex("0000"));
    }

    void roundTrip() {
        SparseExtentHeader h = SparseExtentHeader::forNewExtent(123456789, 20);
        h.uncleanShutdown = true;
        h.compressAlgorithm = 1;
        h.flags |= SparseExtentHeader::CompressedGrains | SparseExtentHeader::Markers;
        h.version = 3;
        const QByteArray bytes = h.toBytes();
        auto back = SparseExtentHeader::parse(bytes, u"x.vmdk"_s, qint64(h.overHead) * 512);
        QVERIFY_OK(back);
        QCOMPARE(back->toBytes(), bytes);
        QCOMPARE(back->capacity, h.capacity);
        QCOMPARE(back->gdOffset, h.gdOffset);
        QVERIFY(back->uncleanShutdown);
        QVERIFY(back->isCompressed());
    }

    void sameLayoutAsQemuImg_data() {
        QTest::addColumn<qint64>("size");
        QTest::newRow("8 MiB") << 8 * kMiB;
        QTest::newRow("33 MiB (a partial grain table)") << 33 * kMiB;
        QTest::newRow("1 GiB") << 1024 * kMiB;
        QTest::newRow("64 GiB") << 64 * 1024 * kMiB;
        QTest::newRow("odd size") << qint64(10000000 / 512 * 512);
    }

    // The header and both grain directories of a new extent, compared with the bytes
    // qemu-img writes for the same capacity.
    void sameLayoutAsQemuImg() {
        QFETCH(qint64, size);
        if (!haveTools())
            VMECLONE_SKIP_UNLESS_CI("qemu-img/qemu-io not found (qemu-utils)");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"q.vmdk"_s);
        const auto made = createVmdk(path, u"monolithicSparse"_s, size);
        QVERIFY2(made.ok, qPrintable(made.output));
        const QByteArray theirs = readAt(path, 0, 512);
        auto parsed = SparseExtentHeader::parse(theirs, path, QFileInfo(path).size());
        QVERIFY_OK(parsed);

        const SparseExtentHeader ours =
            SparseExtentHeader::forNewExtent(quint64(size / 512), parsed->descriptorSize);
        QCOMPARE(ours.toBytes(), theirs);
        QCOMPARE(qint64(ours.overHead) * 512, QFileInfo(path).size());
        const qint64 gdBytes = qint64(ours.grainDirectorySectors()) * 512;
        QCOMPARE(ours.newGrainDirectory(ours.rgdOffset),
                 readAt(path, ours.rgdOffset * 512, gdBytes));
        QCOMPARE(ours.newGrainDirectory(ours.gdOffset), readAt(path, ours.gdOffset * 512, gdBytes));
    }

    void damagedHeadersAreRefused_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("fileSize");
        QTest::addColumn<QString>("expected");
        const QByteArray good = qemuHeader();
        QTest::newRow("truncated") << good.left(100) << qint64(100) << u"is truncated"_s;
        QByteArray version = good;
        version[4] = 9;
        QTest::newRow("version") << version << qint64(65536) << u"version 9"_s;
        QByteArray textMode = good;
        textMode[75] = '\n'; // "\r\n" became "\n\n": an ASCII-mode transfer
        QTest::newRow("text mode") << textMode << qint64(65536) << u"text-mode transfer"_s;
        QByteArray grain = good;
        grain[20] = 100;
        QTest::newRow("grain size") << grain << qint64(65536) << u"grain size 100"_s;
        QTest::newRow("descriptor past the end") << good << qint64(4096) << u"past the end"_s;
        QByteArray magic = good;
        magic[0] = 'X';
        QTest::newRow("magic") << magic << qint64(65536) << u"does not start with \"KDMV\""_s;
    }

    void damagedHeadersAreRefused() {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, fileSize);
        QFETCH(QString, expected);
        const auto parsed = SparseExtentHeader::parse(bytes, u"/golden/disk.vmdk"_s, fileSize);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().contains(u"/golden/disk.vmdk"_s), qPrintable(parsed.error()));
        QVERIFY2(parsed.error().contains(expected), qPrintable(parsed.error()));
    }
};

QTEST_GUILESS_MAIN(TestSparseExtentHeader)
#include "tst_sparse_extent_header.moc"
