// VmdkDescriptor: every createType qemu-img makes (text and embedded), VMware's own
// shapes (the format document's example, ESX vmfs/vmfsSparse/RDM, ZERO extents, CRLF,
// a GBK name), byte-exact write-back, edits that touch only their line, and errors that
// name the file and the line.

#include "support/ci_skip.h"
#include "vmdk/vmdk_descriptor.h"
#include "vmdk_test_support.h"

#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;
using namespace vmeclone::test;

namespace {

const QByteArray kSpecExample = "# Disk DescriptorFile\n"
                                "version=1\n"
                                "CID=fffffffe\n"
                                "parentCID=ffffffff\n"
                                "createType=\"twoGbMaxExtentSparse\"\n"
                                "# Extent description\n"
                                "RW 4192256 SPARSE \"test-s001.vmdk\"\n"
                                "RW 4192256 SPARSE \"test-s002.vmdk\"\n"
                                "RW 2101248 SPARSE \"test-s003.vmdk\"\n"
                                "# The Disk Data Base\n"
                                "#DDB\n"
                                "ddb.adapterType = \"ide\"\n"
                                "ddb.geometry.sectors = \"63\"\n"
                                "ddb.geometry.heads = \"16\"\n"
                                "ddb.geometry.cylinders = \"10402\"\n";

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestVmdkDescriptor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void qemuImgSubformats_data() {
        QTest::addColumn<QString>("subformat");
        QTest::addColumn<bool>("embedded");
        QTest::addColumn<int>("extents");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("firstFile");
        // 5 GiB: the split formats need three 2 GiB extents (qemu-img makes them in ms).
        QTest::newRow("monolithicSparse")
            << u"monolithicSparse"_s << true << 1 << u"SPARSE"_s << u"d.vmdk"_s;
        QTest::newRow("monolithicFlat")
            << u"monolithicFlat"_s << false << 1 << u"FLAT"_s << u"d-flat.vmdk"_s;
        QTest::newRow("twoGbMaxExtentSparse")
            << u"twoGbMaxExtentSparse"_s << false << 3 << u"SPARSE"_s << u"d-s001.vmdk"_s;
        QTest::newRow("twoGbMaxExtentFlat")
            << u"twoGbMaxExtentFlat"_s << false << 3 << u"FLAT"_s << u"d-f001.vmdk"_s;
        QTest::newRow("streamOptimized")
            << u"streamOptimized"_s << true << 1 << u"SPARSE"_s << u"d.vmdk"_s;
    }

    void qemuImgSubformats() {
        QFETCH(QString, subformat);
        QFETCH(bool, embedded);
        QFETCH(int, extents);
        QFETCH(QString, type);
        QFETCH(QString, firstFile);
        if (!haveTools())
            VMECLONE_SKIP_UNLESS_CI("qemu-img/qemu-io not found (qemu-utils)");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"d.vmdk"_s);
        const qint64 size = 5 * 1024 * kMiB;
        const auto made = createVmdk(path, subformat, size);
        QVERIFY2(made.ok, qPrintable(made.output));

        auto d = VmdkDescriptor::load(path);
        QVERIFY_OK(d);
        QCOMPARE(d->path(), path);
        QCOMPARE(d->isEmbedded(), embedded);
        QCOMPARE(d->header().has_value(), embedded);
        QCOMPARE(d->createType(), subformat);
        QCOMPARE(d->version(), 1);
        QVERIFY(d->cid() != VmdkDescriptor::kNoParent);
        QVERIFY(!d->hasParent());
        QCOMPARE(d->parentPath(), QString());
        QCOMPARE(d->extents().size(), extents);
        QCOMPARE(d->extents().first().typeName, type);
        QCOMPARE(d->extents().first().access, u"RW"_s);
        QCOMPARE(d->extents().first().fileName, firstFile);
        QCOMPARE(d->extentPath(0), dir.filePath(firstFile));
        QCOMPARE(d->capacitySectors(), size / 512);
        QCOMPARE(d->value(u"ddb.adapterType"_s), u"ide"_s);
        QCOMPARE(d->value(u"DDB.ADAPTERTYPE"_s), u"ide"_s); // keys are case-insensitive
        if (type == u"FLAT"_s)
            QCOMPARE(d->extents().first().offset, std::optional<qint64>(0));

        // Unchanged, it writes back exactly what was read.
        QByteArray original;
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        if (embedded) {
            QVERIFY(f.seek(qint64(d->header()->descriptorOffset) * 512));
            original = f.read(qint64(d->header()->descriptorSize) * 512);
            original.truncate(original.indexOf('\0'));
        } else {
            original = f.readAll();
        }
        QCOMPARE(d->toBytes(), original);
    }

    void vmwareShapes_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("createType");
        QTest::addColumn<QStringList>("types");
        QTest::addColumn<qint64>("capacity");
        QTest::addColumn<QString>("parentHint");

        QTest::newRow("format document example")
            << kSpecExample << u"twoGbMaxExtentSparse"_s
            << QStringList{u"SPARSE"_s, u"SPARSE"_s, u"SPARSE"_s} << qint64(10485760) << QString();
        QTest::newRow("ESX vmfs") << QByteArray(
            "# Disk DescriptorFile\nversion=1\nencoding=\"UTF-8\"\nCID=11307a7e\n"
            "parentCID=ffffffff\nisNativeSnapshot=\"no\"\ncreateType=\"vmfs\"\n\n"
            "# Extent description\nRW 188416 VMFS \"disk1-flat.vmdk\"\n\n"
            "# The Disk Data Base \n#DDB\n\nddb.adapterType = \"lsilogic\"\n"
            "ddb.longContentID = \"421a21a1a1d4be24b6c4aced11307a7e\"\n"
            "ddb.uuid = \"60 00 C2 99 9a f1 b9 ac-7c d0 d8 7b 97 aa 4c ab\"\n")
                                  << u"vmfs"_s << QStringList{u"VMFS"_s} << qint64(188416)
                                  << QString();
        QTest::newRow("ESX snapshot (vmfsSparse, version 3, change tracking)")
            << QByteArray("# Disk DescriptorFile\nversion=3\nencoding=\"UTF-8\"\nCID=d9c73e0a\n"
                          "parentCID=5ad259c6\nisNativeSnapshot=\"no\"\ncreateType=\"vmfsSparse\"\n"
                          "parentFileNameHint=\"HostName.vmdk\"\n# Extent description\n"
                          "RW 1048576000 VMFSSPARSE \"HostName-000001-delta.vmdk\"\n\n"
                          "# Change Tracking File\nchangeTrackPath=\"HostName-000001-ctk.vmdk\"\n\n"
                          "# The Disk Data Base \n#DDB\n\n"
                          "ddb.longContentID = \"29441754bee7ae3d9cc80a26d9c73e0a\"\n")
            << u"vmfsSparse"_s << QStringList{u"VMFSSPARSE"_s} << qint64(1048576000)
            << u"HostName.vmdk"_s;
        QTest::newRow("raw device map")
            << QByteArray("# Disk DescriptorFile\nversion=1\nCID=6c6fb67d\nparentCID=ffffffff\n"
                          "createType=\"vmfsPassthroughRawDeviceMap\"\n"
                          "RW 1048576000 VMFSRDM \"5-rdmp.vmdk\"\nddb.longContentID = \"\"\n")
            << u"vmfsPassthroughRawDeviceMap"_s << QStringList{u"VMFSRDM"_s} << qint64(1048576000)
            << QString();
        QTest::newRow("CRLF, ZERO and RDONLY extents, Windows parent")
            << QByteArray("# Disk DescriptorFile\r\nversion=1\r\nCID=43cc166c\r\n"
                          "parentCID=e775e767\r\ncreateType=\"custom\"\r\n"
                          "parentFileNameHint=\"D:\\VMs\\Win 2000\\Win 2000.vmdk\"\r\n"
                          "RDONLY 1000 FLAT \"data.img\" 2048\r\nRW 24 ZERO\r\n"
                          "NOACCESS 8 FLAT \"x.img\" 0\r\n")
            << u"custom"_s << QStringList{u"FLAT"_s, u"ZERO"_s, u"FLAT"_s} << qint64(1032)
            << u"D:\\VMs\\Win 2000\\Win 2000.vmdk"_s;
    }

    void vmwareShapes() {
        QFETCH(QByteArray, text);
        QFETCH(QString, createType);
        QFETCH(QStringList, types);
        QFETCH(qint64, capacity);
        QFETCH(QString, parentHint);
        auto d = VmdkDescriptor::parse(text, u"shape.vmdk"_s);
        QVERIFY_OK(d);
        QCOMPARE(d->createType(), createType);
        QStringList got;
        for (const VmdkExtent &e : d->extents())
            got << e.typeName;
        QCOMPARE(got, types);
        QCOMPARE(d->capacitySectors(), capacity);
        QCOMPARE(d->parentFileNameHint(), parentHint);
        QCOMPARE(d->hasParent(), !parentHint.isEmpty());
        QCOMPARE(d->toBytes(), text);
    }

    void zeroAndDeviceExtents() {
        auto d = VmdkDescriptor::parse(
            "version=1\nCID=1\ncreateType=\"custom\"\nRW 24 ZERO\nRW 8 VMFSRAW \"/dev/sdb\"\n",
            u"z.vmdk"_s);
        QVERIFY_OK(d);
        QVERIFY(!d->extents()[0].hasFile());
        QCOMPARE(d->extentPath(0), QString());
        QVERIFY(d->extents()[1].isDevice());
        QCOMPARE(d->extentPath(1), u"/dev/sdb"_s);
        QCOMPARE(d->extents()[1].line, 5);
        QVERIFY(!d->setExtentFileName(0, u"a.vmdk"_s).ok());
    }

    void windowsParentIsKeptAsWritten() {
        auto d =
            VmdkDescriptor::parse("version=1\nCID=1\nparentCID=2\ncreateType=\"monolithicSparse\"\n"
                                  "parentFileNameHint=\"C:\\VMs\\golden.vmdk\"\nRW 8 SPARSE "
                                  "\"c.vmdk\"\n",
                                  u"c.vmdk"_s);
        QVERIFY_OK(d);
#if !defined(Q_OS_WIN)
        QCOMPARE(d->parentPath(), u"C:\\VMs\\golden.vmdk"_s);
#endif
        auto relative = VmdkDescriptor::parse(
            "version=1\nCID=1\nparentCID=2\ncreateType=\"twoGbMaxExtentSparse\"\n"
            "parentFileNameHint=\"..\\golden\\golden.vmdk\"\nRW 8 SPARSE \"c-s001.vmdk\"\n",
            u"c.vmdk"_s);
        QVERIFY_OK(relative);
        QCOMPARE(relative->parentPath(),
                 QDir::cleanPath(QDir::currentPath() + u"/../golden/golden.vmdk"_s));
    }

    // A Chinese Windows host writes GBK: names decode to the right characters, and a
    // rewritten name is written back in GBK.
    void gbkNames() {
        if (!QStringDecoder("GBK").isValid())
            QSKIP("this Qt has no GBK codec (built without ICU)");
        const QString name = u"\u865a\u62df\u673a-flat.vmdk"_s; // 虚拟机-flat.vmdk
        QStringEncoder gbk("GBK");
        const QByteArray encodedName = gbk.encode(name);
        const QByteArray text =
            "version=1\nencoding=\"GBK\"\nCID=1\ncreateType=\"monolithicFlat\"\n"
            "RW 8 FLAT \""
            + encodedName + "\" 0\n";
        auto d = VmdkDescriptor::parse(text, u"gbk.vmdk"_s);
        QVERIFY_OK(d);
        QCOMPARE(d->extents()[0].fileName, name);
        QCOMPARE(d->toBytes(), text);
        const QString other = u"\u514b\u9686-flat.vmdk"_s; // 克隆-flat.vmdk
        QVERIFY_OK(d->setExtentFileName(0, other));
        QVERIFY(d->toBytes().contains(QByteArray("\"" + QByteArray(gbk.encode(other)) + "\" 0\n")));
        // A character GBK cannot hold is refused, not written as '?'.
        QVERIFY(!d->setExtentFileName(0, u"\u0e01-flat.vmdk"_s).ok());
        QCOMPARE(d->extents()[0].fileName, other);
    }

    void editsTouchOnlyTheirLines() {
        auto d = VmdkDescriptor::parse(kSpecExample, u"test.vmdk"_s);
        QVERIFY_OK(d);
        QVERIFY_OK(d->setCid(0x1234abcd));
        QVERIFY_OK(d->setExtentFileName(1, u"vm177-s002.vmdk"_s));
        QVERIFY_OK(d->setValue(u"ddb.adapterType"_s, u"lsilogic"_s));
        QByteArray expected = kSpecExample;
        expected.replace("CID=fffffffe", "CID=1234abcd");
        expected.replace("\"test-s002.vmdk\"", "\"vm177-s002.vmdk\"");
        expected.replace("ddb.adapterType = \"ide\"", "ddb.adapterType = \"lsilogic\"");
        QCOMPARE(d->toBytes(), expected);
        QCOMPARE(d->cid(), 0x1234abcdu);

        // New keys: header keys after the header, ddb keys at the end.
        QVERIFY_OK(d->setParentCid(0xe775e767));
        QVERIFY_OK(d->setParentFileNameHint(u"/golden/test.vmdk"_s));
        QVERIFY_OK(d->setValue(u"ddb.uuid"_s, u"60 00 C2 00"_s));
        expected.replace("parentCID=ffffffff", "parentCID=e775e767");
        expected.replace("createType=\"twoGbMaxExtentSparse\"\n",
                         "createType=\"twoGbMaxExtentSparse\"\n"
                         "parentFileNameHint=\"/golden/test.vmdk\"\n");
        expected += "ddb.uuid = \"60 00 C2 00\"\n";
        QCOMPARE(d->toBytes(), expected);
        QCOMPARE(d->parentFileNameHint(), u"/golden/test.vmdk"_s);
        QCOMPARE(d->extents()[2].line, 10); // moved down by the inserted line
        QVERIFY_OK(d->setExtentFileName(2, u"vm177-s003.vmdk"_s));
        QVERIFY(d->toBytes().contains("RW 2101248 SPARSE \"vm177-s003.vmdk\"\n# The Disk"));

        d->remove(u"parentFileNameHint"_s);
        QVERIFY(!d->contains(u"parentFileNameHint"_s));
        QVERIFY(!d->toBytes().contains("parentFileNameHint"));

        QVERIFY(!d->setValue(u"ddb.x"_s, u"a\"b"_s).ok());
        QVERIFY(!d->setValue(u"ddb.x"_s, u"a\nb"_s).ok());
    }

    void setCidKeepsTheLongContentId() {
        auto d = VmdkDescriptor::parse(
            "version=1\nCID=d9c73e0a\ncreateType=\"vmfs\"\nRW 8 VMFS \"a-flat.vmdk\"\n"
            "ddb.longContentID = \"29441754bee7ae3d9cc80a26d9c73e0a\"\n",
            u"a.vmdk"_s);
        QVERIFY_OK(d);
        QVERIFY_OK(d->setCid(0x0000beef));
        QCOMPARE(d->value(u"CID"_s), u"0000beef"_s);
        QCOMPARE(d->value(u"ddb.longContentID"_s), u"29441754bee7ae3d9cc80a260000beef"_s);
    }

    void crlfIsKeptOnNewLines() {
        auto d = VmdkDescriptor::parse("version=1\r\nCID=1\r\ncreateType=\"monolithicFlat\"\r\n"
                                       "RW 8 FLAT \"a-flat.vmdk\" 0\r\nddb.a = \"1\"",
                                       u"a.vmdk"_s);
        QVERIFY_OK(d);
        QVERIFY_OK(d->setValue(u"ddb.b"_s, u"2"_s));
        QVERIFY_OK(d->setValue(u"encoding"_s, u"UTF-8"_s));
        QCOMPARE(d->toBytes(), QByteArray("version=1\r\nCID=1\r\ncreateType=\"monolithicFlat\"\r\n"
                                          "encoding=\"UTF-8\"\r\nRW 8 FLAT \"a-flat.vmdk\" 0\r\n"
                                          "ddb.a = \"1\"\r\nddb.b = \"2\""));
    }

    void badDescriptorsNameFileAndLine_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const QByteArray head = "# Disk DescriptorFile\nversion=1\nCID=12345678\n"
                                "parentCID=ffffffff\ncreateType=\"monolithicFlat\"\n";
        QTest::newRow("unquoted file") << head + "RW 2048 FLAT disk-flat.vmdk 0\n"
                                       << u"line 6: extent line 'RW 2048 FLAT disk-flat.vmdk 0' "
                                          "names no file in double quotes"_s;
        QTest::newRow("unterminated quote") << head + "RW 2048 FLAT \"disk-flat.vmdk 0\n"
                                            << u"line 6: extent line"_s;
        QTest::newRow("unknown type") << head + "RW 2048 FLOPPY \"a.vmdk\"\n"
                                      << u"line 6: extent line 'RW 2048 FLOPPY \"a.vmdk\"': "
                                         "unknown extent type 'FLOPPY'"_s;
        QTest::newRow("sectors") << head + "RW 20x8 FLAT \"a.vmdk\" 0\n"
                                 << u"line 6: extent line 'RW 20x8 FLAT \"a.vmdk\" 0': '20x8' is "
                                    "not a number of sectors"_s;
        QTest::newRow("negative sectors") << head + "RW -5 FLAT \"a.vmdk\" 0\n"
                                          << u"'-5' is not a number of sectors"_s;
        QTest::newRow("offset") << head + "RW 2048 FLAT \"a.vmdk\" zero\n"
                                << u"line 6: extent line 'RW 2048 FLAT \"a.vmdk\" zero': 'zero' "
                                   "is not an offset"_s;
        QTest::newRow("extra words") << head + "RW 2048 FLAT \"a.vmdk\" 0 1\n"
                                     << u"line 6: extent line 'RW 2048 FLAT \"a.vmdk\" 0 1' has "
                                        "extra words"_s;
        QTest::newRow("incomplete") << head + "RW 2048\n"
                                    << u"line 6: extent line 'RW 2048' is "
                                       "incomplete"_s;
        QTest::newRow("garbage") << head + "RW 2048 FLAT \"a.vmdk\" 0\nhello world\n"
                                 << u"line 7: 'hello world' is not a descriptor line"_s;
        QTest::newRow("quote in value")
            << head + "RW 8 FLAT \"a.vmdk\" 0\nddb.x = \"abc\n"
            << u"line 7: the value of ddb.x has an unterminated quote"_s;
        QTest::newRow("bad CID") << QByteArray("version=1\nCID=xyz\ncreateType=\"monolithicFlat\"\n"
                                               "RW 8 FLAT \"a.vmdk\" 0\n")
                                 << u"line 2: CID 'xyz' is not a hexadecimal content id"_s;
        QTest::newRow("no CID") << QByteArray("version=1\ncreateType=\"monolithicFlat\"\n"
                                              "RW 8 FLAT \"a.vmdk\" 0\n")
                                << u"has no CID line"_s;
        QTest::newRow("no createType") << QByteArray("version=1\nCID=1\nRW 8 FLAT \"a.vmdk\" 0\n")
                                       << u"is not a VMDK descriptor: it has no createType line"_s;
        QTest::newRow("no extents") << head << u"describes no extents"_s;
        QTest::newRow("a .vmx file")
            << QByteArray(".encoding = \"UTF-8\"\nconfig.version = \"8\"\n")
            << u"is not a VMDK descriptor: it has no createType line"_s;
    }

    void badDescriptorsNameFileAndLine() {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"golden.vmdk"_s);
        QVERIFY(writeFile(path, text));
        const auto d = VmdkDescriptor::load(path);
        QVERIFY(!d.ok());
        QVERIFY2(d.error().startsWith(path), qPrintable(d.error()));
        QVERIFY2(d.error().contains(expected), qPrintable(d.error()));
    }

    void badFilesAreNamed_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("truncated sparse header")
            << QByteArray("KDMV\x01\0\0\0", 8) << u"is truncated"_s;
        QTest::newRow("binary") << QByteArray("QFI\xfb\0\0\0\x03", 8) + QByteArray(600, '\0')
                                << u"neither a VMDK descriptor nor a sparse VMDK"_s;
        QTest::newRow("COWD") << QByteArray("COWD") + QByteArray(2044, '\0') << u"(COWD)"_s;
        QTest::newRow("large file") << QByteArray(2 * kMiB, 'x') << u"not a small text file"_s;
        QTest::newRow("empty") << QByteArray() << u"no createType line"_s;
    }

    void badFilesAreNamed() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"golden.vmdk"_s);
        QVERIFY(writeFile(path, bytes));
        const auto d = VmdkDescriptor::load(path);
        QVERIFY(!d.ok());
        QVERIFY2(d.error().contains(path), qPrintable(d.error()));
        QVERIFY2(d.error().contains(expected), qPrintable(d.error()));
    }

    // qemu rewrites a text descriptor as a 10 KiB buffer padded with NULs when it changes
    // the CID, and a shorter new CID leaves the old text's tail after the NUL: the
    // descriptor ends at the NUL, as qemu reads it.
    void nulPaddedTextDescriptor() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"golden.vmdk"_s);
        QVERIFY(writeFile(path, kSpecExample + QByteArray(10240 - kSpecExample.size(), '\0')));
        auto d = VmdkDescriptor::load(path);
        QVERIFY_OK(d);
        QCOMPARE(d->toBytes(), kSpecExample);
        QVERIFY(writeFile(path, kSpecExample + QByteArray(1, '\0') + "cylinders = \"10402\"\n"
                                    + QByteArray(100, '\0')));
        d = VmdkDescriptor::load(path);
        QVERIFY_OK(d);
        QCOMPARE(d->toBytes(), kSpecExample);
    }

    void missingFileIsNamed() {
        const auto d = VmdkDescriptor::load(u"/nonexistent/golden.vmdk"_s);
        QVERIFY(!d.ok());
        QVERIFY2(d.error().contains(u"/nonexistent/golden.vmdk"_s), qPrintable(d.error()));
    }

    // One file of a split sparse disk is a KDMV extent whose descriptor area is empty:
    // the operator is told to open the descriptor.
    void splitExtentIsNotADisk() {
        if (!haveTools())
            VMECLONE_SKIP_UNLESS_CI("qemu-img/qemu-io not found (qemu-utils)");
        QTemporaryDir dir;
        QVERIFY(createVmdk(dir.filePath(u"d.vmdk"_s), u"twoGbMaxExtentSparse"_s, 8 * kMiB).ok);
        const auto d = VmdkDescriptor::load(dir.filePath(u"d-s001.vmdk"_s));
        QVERIFY(!d.ok());
        QVERIFY2(d.error().contains(u"open the disk's descriptor"_s), qPrintable(d.error()));
    }
};

QTEST_GUILESS_MAIN(TestVmdkDescriptor)
#include "tst_vmdk_descriptor.moc"
