// PartitionTable against tables made by sfdisk on raw files, compared with sfdisk's own
// reading of them (sfdisk --json), and against damaged and look-alike first sectors.

#include "support/ci_skip.h"
#include "golden/partition_table.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using vmeclone::Partition;
using vmeclone::PartitionTable;

namespace {

QString sfdisk() {
    QString path = QStandardPaths::findExecutable(u"sfdisk"_s);
    return path.isEmpty()
               ? QStandardPaths::findExecutable(u"sfdisk"_s, {u"/sbin"_s, u"/usr/sbin"_s})
               : path;
}

QByteArray runSfdisk(const QStringList &args, const QByteArray &input = {}) {
    QProcess p;
    p.start(sfdisk(), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30'000);
    if (p.exitCode() != 0)
        qWarning("sfdisk %s: %s", qPrintable(args.join(u' ')),
                 p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

// sfdisk's own view: (start, size) in sectors and type, per partition node number.
QList<Partition> sfdiskView(const QString &disk) {
    const QJsonObject table = QJsonDocument::fromJson(runSfdisk({u"--json"_s, disk}))
                                  .object()
                                  .value(u"partitiontable"_s)
                                  .toObject();
    QList<Partition> out;
    for (const QJsonValue &v : table.value(u"partitions"_s).toArray()) {
        const QJsonObject p = v.toObject();
        const QString node = p.value(u"node"_s).toString();
        const int number = node.mid(disk.size()).toInt();
        QString type = p.value(u"type"_s).toString();
        if (table.value(u"label"_s).toString() == u"dos")
            type = u"0x%1"_s.arg(type.toUInt(nullptr, 16), 2, 16, QChar(u'0'));
        out.append({number, p.value(u"start"_s).toInteger() * 512,
                    p.value(u"size"_s).toInteger() * 512, type.toUpper()});
    }
    return out;
}

} // namespace

class TstPartitionTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameAsSfdisk_data();
    void sameAsSfdisk();
    void noTable_data();
    void noTable();
    void damaged_data();
    void damaged();
    void typeNames();
};

void TstPartitionTable::initTestCase() {
    if (sfdisk().isEmpty())
        VMECLONE_SKIP_UNLESS_CI("sfdisk is not installed (Debian package fdisk)");
}

void TstPartitionTable::sameAsSfdisk_data() {
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QList<int>>("numbers");

    QTest::newRow("MBR, two primaries")
        << QByteArray("label: dos\nstart=2048, size=4096, type=83\nstart=6144, type=8e\n")
        << u"MBR"_s << QList<int>{1, 2};
    QTest::newRow("MBR, primaries 1 and 3") << QByteArray(
        "label: dos\n1: start=2048, size=4096, type=83\n3: start=8192, size=4096, type=82\n")
                                            << u"MBR"_s << QList<int>{1, 3};
    QTest::newRow("MBR, three logicals")
        << QByteArray("label: dos\nstart=2048, size=4096, type=83\nstart=6144, type=5\nstart=8192, "
                      "size=4096, type=83\n"
                      "start=14336, size=4096, type=82\nstart=20480, type=8e\n")
        << u"MBR"_s << QList<int>{1, 5, 6, 7};
    QTest::newRow("GPT") << QByteArray(
        "label: gpt\nstart=2048, size=2048, type=21686148-6449-6E6F-744E-656564454649\n"
        "start=4096, size=8192, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B\nstart=12288, type=L\n")
                         << u"GPT"_s << QList<int>{1, 2, 3};
    QTest::newRow("GPT, a gap in the entries")
        << QByteArray("label: gpt\n1: start=2048, size=2048, type=L\n4: start=8192, size=2048, "
                      "type=E6D6D379-F507-44C2-A23C-238F2A3DF928\n")
        << u"GPT"_s << QList<int>{1, 4};
}

void TstPartitionTable::sameAsSfdisk() {
    QFETCH(QByteArray, script);
    QFETCH(QString, scheme);
    QFETCH(QList<int>, numbers);

    QTemporaryDir dir;
    const QString disk = dir.filePath(u"disk.raw"_s);
    QFile f(disk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(32 * 1024 * 1024));
    f.close();
    runSfdisk({u"-q"_s, disk}, script);

    QVERIFY(f.open(QIODevice::ReadOnly));
    auto table = PartitionTable::read(f, disk);
    QVERIFY2(table.ok(), qPrintable(table.error()));
    QCOMPARE(PartitionTable::schemeName(table->scheme()), scheme);
    QList<int> got;
    for (const Partition &p : table->partitions())
        got << p.number;
    QCOMPARE(got, numbers);

    // Offsets, sizes and types exactly as sfdisk reads its own table (the extended
    // container itself aside: sfdisk lists it, it holds no file system).
    QList<Partition> expected;
    for (const Partition &p : sfdiskView(disk))
        if (p.type != u"0X05")
            expected << p;
    QCOMPARE(table->partitions().size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Partition &mine = table->partitions()[i];
        QCOMPARE(mine.number, expected[i].number);
        QCOMPARE(mine.offset, expected[i].offset);
        QCOMPARE(mine.size, expected[i].size);
        QCOMPARE(mine.type.toUpper(), expected[i].type);
    }
}

void TstPartitionTable::noTable_data() {
    QTest::addColumn<QByteArray>("sector0");

    QTest::newRow("zeros (ext4 on the whole disk)") << QByteArray(512, '\0');
    QByteArray fat(512, '\0');
    fat.replace(0, 3, "\xeb\x3c\x90");
    fat.replace(3, 8, "mkfs.fat");
    fat.replace(446, 16,
                QByteArray("\x31\xc0\x8e\xd8\x8e\xd0\xbc\x00\x7c\xfb\xfc\xbe\x00\x7c\xbf\x00",
                           16)); // boot code
    fat[510] = char(0x55);
    fat[511] = char(0xaa);
    QTest::newRow("FAT boot sector: signature, but boot code where entries would be") << fat;
    QTest::newRow("shorter than a sector") << QByteArray(100, 'x');
}

void TstPartitionTable::noTable() {
    QFETCH(QByteArray, sector0);
    QByteArray bytes = sector0;
    if (bytes.size() >= 512)
        bytes.append(QByteArray(1024 * 1024, '\0'));
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    auto table = PartitionTable::read(buffer, u"disk"_s);
    QVERIFY2(table.ok(), qPrintable(table.error()));
    QCOMPARE(table->scheme(), PartitionTable::Scheme::None);
    QVERIFY(table->partitions().isEmpty());
}

void TstPartitionTable::damaged_data() {
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");

    const QByteArray gpt = "label: gpt\nstart=2048, type=L\n";
    QTest::newRow("GPT header wiped")
        << gpt << 512LL << QByteArray(8, '\0') << u"no GPT header at sector 1"_s;
    QTest::newRow("GPT entry count absurd")
        << gpt << 512LL + 80 << QByteArray("\xff\xff\xff\x00", 4) << u"partition entries"_s;
    const QByteArray logical = "label: dos\nstart=2048, type=5\nstart=4096, size=2048, "
                               "type=83\nstart=8192, size=2048, type=83\n";
    // The first EBR's "next" entry pointed back at itself: a loop.
    QTest::newRow("EBR loop") << logical << 2048LL * 512 + 446 + 16 + 8
                              << QByteArray("\x00\x00\x00\x00", 4) << u"points backwards"_s;
    QTest::newRow("primary beyond the disk")
        << QByteArray("label: dos\nstart=2048, size=2048, type=83\n") << 446LL + 8
        << QByteArray("\x00\x00\x00\x10", 4) << u"beyond the end"_s;
}

void TstPartitionTable::damaged() {
    QFETCH(QByteArray, script);
    QFETCH(qint64, at);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);

    QTemporaryDir dir;
    const QString disk = dir.filePath(u"disk.raw"_s);
    QFile f(disk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(16 * 1024 * 1024));
    f.close();
    runSfdisk({u"-q"_s, disk}, script);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(at));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto table = PartitionTable::read(f, disk);
    QVERIFY(!table.ok());
    QVERIFY2(table.error().contains(message), qPrintable(table.error()));
    QVERIFY2(table.error().contains(disk), qPrintable(table.error()));
}

void TstPartitionTable::typeNames() {
    QCOMPARE(PartitionTable::typeName(u"0x8e"_s), u"Linux LVM"_s);
    QCOMPARE(PartitionTable::typeName(u"E6D6D379-F507-44C2-A23C-238F2A3DF928"_s), u"Linux LVM"_s);
    QCOMPARE(PartitionTable::typeName(u"0x42"_s), u"0x42"_s);
}

QTEST_GUILESS_MAIN(TstPartitionTable)
#include "tst_partition_table.moc"
