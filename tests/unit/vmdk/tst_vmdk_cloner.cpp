// VmdkCloner against real disks of every createType qemu-img makes: full and linked
// clones pass `qemu-img check`, read exactly like the golden (`qemu-img compare`), take
// writes without the golden changing by one byte, chain, and fail or cancel without
// leaving a file behind.

#include "support/ci_skip.h"
#include "vmdk/vmdk_cloner.h"
#include "vmdk/vmdk_descriptor.h"
#include "vmdk_test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace vmeclone;
using namespace vmeclone::test;

namespace {

qint64 allocatedBytes(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return qint64(st.st_blocks) * 512;
}

} // namespace

class TestVmdkCloner : public QObject {
    Q_OBJECT

private:
    // A golden of `subformat` in `folder`/golden, with 2 MiB of 0x5a at 1 MiB.
    QString makeGolden(const QString &folder, const QString &subformat, qint64 size = 32 * kMiB) {
        QDir().mkpath(folder);
        const QString path = QDir(folder).filePath(u"golden.vmdk"_s);
        const auto made = createVmdk(path, subformat, size);
        if (!made.ok) {
            qWarning("%s", qPrintable(made.output));
            return {};
        }
        if (subformat == u"streamOptimized"_s) {
            // qemu cannot write a streamOptimized disk in place: convert data into one.
            const QString raw = QDir(folder).filePath(u"data.raw"_s);
            QFile f(raw);
            if (!f.open(QIODevice::WriteOnly) || !f.resize(size) || !f.seek(kMiB)
                || f.write(QByteArray(2 * kMiB, '\x5a')) != 2 * kMiB)
                return {};
            f.close();
            QFile::remove(path);
            const auto converted =
                tool(u"qemu-img"_s, {u"convert"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"vmdk"_s,
                                     u"-o"_s, u"subformat=streamOptimized"_s, raw, path});
            QFile::remove(raw);
            if (!converted.ok) {
                qWarning("%s", qPrintable(converted.output));
                return {};
            }
            return path;
        }
        const auto written = qemuIo(path, u"write -P 0x5a 1M 2M"_s);
        if (!written.ok) {
            qWarning("%s", qPrintable(written.output));
            return {};
        }
        return path;
    }

    static void subformats() {
        QTest::addColumn<QString>("subformat");
        for (const QString &s :
             {u"monolithicSparse"_s, u"monolithicFlat"_s, u"twoGbMaxExtentSparse"_s,
              u"twoGbMaxExtentFlat"_s, u"streamOptimized"_s})
            QTest::newRow(qPrintable(s)) << s;
    }

private Q_SLOTS:
    void initTestCase() {
        if (!haveTools())
            VMECLONE_SKIP_UNLESS_CI("qemu-img/qemu-io not found (qemu-utils)");
    }

    void fullClone_data() { subformats(); }

    void fullClone() {
        QFETCH(QString, subformat);
        QTemporaryDir dir;
        const QString golden = makeGolden(dir.filePath(u"golden"_s), subformat);
        QVERIFY(!golden.isEmpty());
        const auto before = fingerprint(dir.filePath(u"golden"_s));
        const auto goldenDisk = VmdkDescriptor::load(golden);
        QVERIFY_OK(goldenDisk);
        QVERIFY(QDir().mkpath(dir.filePath(u"shard/vm177"_s)));
        const QString shard = dir.filePath(u"shard/vm177"_s);

        qint64 lastDone = -1;
        qint64 lastTotal = -1;
        const auto clone = VmdkCloner::fullClone(golden, shard, u"vm177"_s, nullptr,
                                                 [&](qint64 done, qint64 total) {
                                                     lastDone = done;
                                                     lastTotal = total;
                                                 });
        QVERIFY_OK(clone);
        QCOMPARE(clone->descriptorPath, QDir(shard).filePath(u"vm177.vmdk"_s));
        QCOMPARE(lastDone, lastTotal);
        QVERIFY(lastTotal > 0);

        // Every file is the golden's, renamed after the clone, and nothing else is there.
        auto goldenFiles = VmdkCloner::diskFiles(golden);
        QVERIFY_OK(goldenFiles);
        QStringList expected;
        for (const QString &f : *goldenFiles)
            expected << QFileInfo(f).fileName().replace(u"golden"_s, u"vm177"_s);
        expected.sort();
        QCOMPARE(filesIn(shard), expected);
        QCOMPARE(clone->files.size(), expected.size());
        QCOMPARE(clone->files.first(), clone->descriptorPath);

        const auto copy = VmdkDescriptor::load(clone->descriptorPath);
        QVERIFY_OK(copy);
        QCOMPARE(copy->cid(), clone->cid);
        QVERIFY(copy->cid() != goldenDisk->cid());
        QVERIFY(copy->cid() != VmdkDescriptor::kNoParent);
        QCOMPARE(copy->createType(), subformat);
        QVERIFY(!copy->hasParent());
        for (qsizetype i = 0; i < copy->extents().size(); ++i)
            QVERIFY2(copy->extents()[i].fileName.startsWith(u"vm177"_s),
                     qPrintable(copy->extents()[i].fileName));

        auto r = check(clone->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
        r = compare(golden, clone->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
        QCOMPARE(fingerprint(dir.filePath(u"golden"_s)), before);
    }

    void linkedClone_data() {
        QTest::addColumn<QString>("subformat");
        QTest::addColumn<VmdkCloner::LinkedLayout>("layout");
        QTest::addColumn<QString>("childType");
        QTest::addColumn<QStringList>("childFiles");
        const auto like = VmdkCloner::LinkedLayout::LikeParent;
        const QStringList single{u"vm177.vmdk"_s};
        const QStringList split{u"vm177-s001.vmdk"_s, u"vm177.vmdk"_s};
        QTest::newRow("monolithicSparse")
            << u"monolithicSparse"_s << like << u"monolithicSparse"_s << single;
        QTest::newRow("monolithicFlat")
            << u"monolithicFlat"_s << like << u"monolithicSparse"_s << single;
        QTest::newRow("twoGbMaxExtentSparse")
            << u"twoGbMaxExtentSparse"_s << like << u"twoGbMaxExtentSparse"_s << split;
        QTest::newRow("twoGbMaxExtentFlat")
            << u"twoGbMaxExtentFlat"_s << like << u"twoGbMaxExtentSparse"_s << split;
        QTest::newRow("streamOptimized")
            << u"streamOptimized"_s << like << u"monolithicSparse"_s << single;
        QTest::newRow("monolithicSparse, split child")
            << u"monolithicSparse"_s << VmdkCloner::LinkedLayout::Split << u"twoGbMaxExtentSparse"_s
            << split;
        QTest::newRow("twoGbMaxExtentFlat, single-file child")
            << u"twoGbMaxExtentFlat"_s << VmdkCloner::LinkedLayout::SingleFile
            << u"monolithicSparse"_s << single;
    }

    void linkedClone() {
        QFETCH(QString, subformat);
        QFETCH(VmdkCloner::LinkedLayout, layout);
        QFETCH(QString, childType);
        QFETCH(QStringList, childFiles);
        QTemporaryDir dir;
        const QString golden = makeGolden(dir.filePath(u"golden"_s), subformat);
        QVERIFY(!golden.isEmpty());
        const auto before = fingerprint(dir.filePath(u"golden"_s));
        const auto goldenDisk = VmdkDescriptor::load(golden);
        QVERIFY_OK(goldenDisk);
        const QString shard = dir.filePath(u"shard"_s);
        QVERIFY(QDir().mkpath(shard));

        const auto child = VmdkCloner::linkedClone(golden, shard, u"vm177"_s, layout);
        QVERIFY_OK(child);
        QCOMPARE(filesIn(shard), childFiles);
        QCOMPARE(child->files.size(), childFiles.size());
        QCOMPARE(child->parentCid, goldenDisk->cid());

        const auto d = VmdkDescriptor::load(child->descriptorPath);
        QVERIFY_OK(d);
        QCOMPARE(d->createType(), childType);
        QCOMPARE(d->cid(), child->cid);
        QCOMPARE(d->parentCid(), goldenDisk->cid());
        QCOMPARE(d->parentFileNameHint(), golden);
        QCOMPARE(d->parentPath(), golden);
        QCOMPARE(d->capacitySectors(), goldenDisk->capacitySectors());
        QCOMPARE(d->value(u"ddb.adapterType"_s), goldenDisk->value(u"ddb.adapterType"_s));
        QCOMPARE(d->value(u"ddb.geometry.cylinders"_s),
                 goldenDisk->value(u"ddb.geometry.cylinders"_s));
        const auto links = VmdkCloner::chain(child->descriptorPath);
        QVERIFY_OK(links);
        QCOMPARE(*links, QStringList({child->descriptorPath, golden}));

        auto r = check(child->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
        r = compare(golden, child->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
        const auto info = tool(u"qemu-img"_s, {u"info"_s, child->descriptorPath});
        QVERIFY2(info.output.contains(u"backing file: "_s + golden), qPrintable(info.output));

        // The clone's writes land in the clone; the golden does not change by one byte.
        r = qemuIo(child->descriptorPath, u"write -P 0x33 0 64k"_s);
        QVERIFY2(r.ok, qPrintable(r.output));
        r = qemuIo(child->descriptorPath, u"write -P 0x44 1536k 4k"_s);
        QVERIFY2(r.ok, qPrintable(r.output));
        QCOMPARE(fingerprint(dir.filePath(u"golden"_s)), before);
        r = qemuIo(child->descriptorPath, u"read -P 0x33 0 64k"_s);
        QVERIFY2(r.ok && !r.output.contains(u"Pattern verification failed"_s),
                 qPrintable(r.output));
        r = qemuIo(child->descriptorPath, u"read -P 0x5a 1M 512k"_s);
        QVERIFY2(r.ok && !r.output.contains(u"Pattern verification failed"_s),
                 qPrintable(r.output));
        r = qemuIo(child->descriptorPath, u"read -P 0x44 1536k 4k"_s);
        QVERIFY2(r.ok && !r.output.contains(u"Pattern verification failed"_s),
                 qPrintable(r.output));
        r = qemuIo(child->descriptorPath, u"read -P 0x5a 1540k 1532k"_s);
        QVERIFY2(r.ok && !r.output.contains(u"Pattern verification failed"_s),
                 qPrintable(r.output));
        r = compare(golden, child->descriptorPath);
        QVERIFY2(!r.ok, "the clone's writes must show");
        r = check(child->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
    }

    // golden <- vm177 (written to) <- vm178: the second link reads the first's data, and
    // writing to it changes neither the first nor the golden.
    void chainOfTwo() {
        QTemporaryDir dir;
        const QString golden = makeGolden(dir.filePath(u"golden"_s), u"monolithicSparse"_s);
        QVERIFY(!golden.isEmpty());
        const QString shard = dir.filePath(u"shard"_s);
        QVERIFY(QDir().mkpath(shard));
        const auto first = VmdkCloner::linkedClone(golden, shard, u"vm177"_s);
        QVERIFY_OK(first);
        auto r = qemuIo(first->descriptorPath, u"write -P 0x11 4M 1M"_s);
        QVERIFY2(r.ok, qPrintable(r.output));
        const auto goldenBefore = fingerprint(dir.filePath(u"golden"_s));
        const QByteArray firstBefore = sha256(first->descriptorPath);

        const auto second = VmdkCloner::linkedClone(first->descriptorPath, shard, u"vm178"_s);
        QVERIFY_OK(second);
        const auto firstNow = VmdkDescriptor::load(first->descriptorPath);
        QVERIFY_OK(firstNow);
        QCOMPARE(second->parentCid, firstNow->cid());
        const auto links = VmdkCloner::chain(second->descriptorPath);
        QVERIFY_OK(links);
        QCOMPARE(*links, QStringList({second->descriptorPath, first->descriptorPath, golden}));
        r = compare(first->descriptorPath, second->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
        r = qemuIo(second->descriptorPath, u"write -P 0x22 4M 64k"_s);
        QVERIFY2(r.ok, qPrintable(r.output));
        r = qemuIo(second->descriptorPath, u"read -P 0x11 5056k 64k"_s);
        QVERIFY2(r.ok && !r.output.contains(u"Pattern verification failed"_s),
                 qPrintable(r.output));
        r = check(second->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
        QCOMPARE(sha256(first->descriptorPath), firstBefore);
        QCOMPARE(fingerprint(dir.filePath(u"golden"_s)), goldenBefore);
    }

    // What "never write the parent" protects against: once the parent's CID changes, its
    // children no longer match it, and vmeclone refuses to build on such a chain.
    void writtenParentBreaksTheChain() {
        QTemporaryDir dir;
        const QString golden = makeGolden(dir.filePath(u"golden"_s), u"monolithicSparse"_s);
        QVERIFY(!golden.isEmpty());
        const auto child = VmdkCloner::linkedClone(golden, dir.path(), u"vm177"_s);
        QVERIFY_OK(child);
        auto r = qemuIo(golden, u"write -P 0x66 0 4k"_s); // changes the golden's CID
        QVERIFY2(r.ok, qPrintable(r.output));
        const auto links = VmdkCloner::chain(child->descriptorPath);
        QVERIFY(!links.ok());
        QVERIFY2(links.error().contains(child->descriptorPath) && links.error().contains(golden)
                     && links.error().contains(u"no longer matches"_s),
                 qPrintable(links.error()));
        const QStringList before = filesIn(dir.path());
        const auto grandchild =
            VmdkCloner::linkedClone(child->descriptorPath, dir.path(), u"vm178"_s);
        QVERIFY(!grandchild.ok());
        QCOMPARE(grandchild.error(), links.error());
        QCOMPARE(filesIn(dir.path()), before);
    }

    // A full copy of a delta stays a delta of the same parent, found from anywhere.
    void fullCloneOfADelta() {
        QTemporaryDir dir;
        const QString golden = makeGolden(dir.filePath(u"golden"_s), u"twoGbMaxExtentSparse"_s);
        QVERIFY(!golden.isEmpty());
        // A delta next to its parent, naming it relatively, as VMware's snapshots do.
        const QString delta = dir.filePath(u"golden/golden-000001.vmdk"_s);
        auto r = tool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"vmdk"_s, u"-b"_s,
                                      u"golden.vmdk"_s, u"-F"_s, u"vmdk"_s, delta});
        QVERIFY2(r.ok, qPrintable(r.output));
        r = qemuIo(delta, u"write -P 0x77 8M 1M"_s);
        QVERIFY2(r.ok, qPrintable(r.output));
        QCOMPARE(VmdkDescriptor::load(delta)->parentFileNameHint(), u"golden.vmdk"_s);

        const QString shard = dir.filePath(u"shard"_s);
        QVERIFY(QDir().mkpath(shard));
        const auto copy = VmdkCloner::fullClone(delta, shard, u"vm177.vmdk"_s);
        QVERIFY_OK(copy);
        QCOMPARE(filesIn(shard), QStringList{u"vm177.vmdk"_s});
        const auto d = VmdkDescriptor::load(copy->descriptorPath);
        QVERIFY_OK(d);
        QCOMPARE(d->parentFileNameHint(), golden);
        QCOMPARE(d->parentCid(), VmdkDescriptor::load(golden)->cid());
        QCOMPARE(copy->parentCid, d->parentCid());
        r = compare(delta, copy->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
        r = check(copy->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
    }

    // The cost of a linked clone does not grow with the disk: the pre-allocated grain
    // tables of a 64 GiB child are holes.
    void bigDiskChildIsSmall() {
        QTemporaryDir dir;
        const QString golden =
            makeGolden(dir.filePath(u"golden"_s), u"monolithicSparse"_s, 64 * 1024 * kMiB);
        QVERIFY(!golden.isEmpty());
        const auto child = VmdkCloner::linkedClone(golden, dir.path(), u"vm177"_s);
        QVERIFY_OK(child);
        const qint64 apparent = QFileInfo(child->descriptorPath).size();
        const qint64 allocated = allocatedBytes(child->descriptorPath);
        qInfo("64 GiB child: %lld bytes long, %lld allocated", apparent, allocated);
        QVERIFY(apparent > 8 * kMiB); // 2 x 2048 tables of 2 KiB, as VMware lays them out
        QVERIFY2(allocated < 256 * 1024, qPrintable(QString::number(allocated)));
        auto r = check(child->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
        r = qemuIo(child->descriptorPath, u"write -P 0x33 63G 64k"_s);
        QVERIFY2(r.ok, qPrintable(r.output));
        r = qemuIo(child->descriptorPath, u"read -P 0x5a 1M 2M"_s);
        QVERIFY2(r.ok && !r.output.contains(u"Pattern verification failed"_s),
                 qPrintable(r.output));
    }

    void missingExtentIsNamedAndNothingIsLeft_data() {
        QTest::addColumn<bool>("linked");
        QTest::newRow("full") << false;
        QTest::newRow("linked") << true;
    }

    void missingExtentIsNamedAndNothingIsLeft() {
        QFETCH(bool, linked);
        QTemporaryDir dir;
        const QString golden =
            makeGolden(dir.filePath(u"golden"_s), u"twoGbMaxExtentFlat"_s, 5 * 1024 * kMiB);
        QVERIFY(!golden.isEmpty());
        const QString missing = dir.filePath(u"golden/golden-f002.vmdk"_s);
        QVERIFY(QFile::remove(missing));
        const QString shard = dir.filePath(u"shard"_s);
        QVERIFY(QDir().mkpath(shard));
        const auto clone = linked ? VmdkCloner::linkedClone(golden, shard, u"vm177"_s)
                                  : VmdkCloner::fullClone(golden, shard, u"vm177"_s);
        QVERIFY(!clone.ok());
        QVERIFY2(clone.error().contains(missing) && clone.error().contains(golden),
                 qPrintable(clone.error()));
        QCOMPARE(filesIn(shard), QStringList());
    }

    void corruptGoldenIsNamed_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("truncated header")
            << QByteArray("KDMV\x01\0\0\0\x03\0\0\0", 12) << u"is truncated"_s;
        QTest::newRow("bad extent line")
            << QByteArray("version=1\nCID=1\nparentCID=ffffffff\ncreateType=\"monolithicFlat\"\n"
                          "RW 2048 FLAT golden-flat.vmdk 0\n")
            << u"line 5"_s;
    }

    void corruptGoldenIsNamed() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString golden = dir.filePath(u"golden.vmdk"_s);
        QFile f(golden);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const QString shard = dir.filePath(u"shard"_s);
        QVERIFY(QDir().mkpath(shard));
        for (bool linked : {false, true}) {
            const auto clone = linked ? VmdkCloner::linkedClone(golden, shard, u"vm177"_s)
                                      : VmdkCloner::fullClone(golden, shard, u"vm177"_s);
            QVERIFY(!clone.ok());
            QVERIFY2(clone.error().contains(golden) && clone.error().contains(expected),
                     qPrintable(clone.error()));
            QCOMPARE(filesIn(shard), QStringList());
        }
    }

    void refusals_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("expected");
        QTest::newRow("slash") << u"a/b"_s << u"shard"_s << u"cannot name a disk file"_s;
        QTest::newRow("quote") << u"a\"b"_s << u"shard"_s << u"cannot name a disk file"_s;
        QTest::newRow("dot") << u".hidden"_s << u"shard"_s << u"cannot name a disk file"_s;
        QTest::newRow("empty") << u".vmdk"_s << u"shard"_s << u"A name is needed"_s;
        QTest::newRow("no folder")
            << u"vm177"_s << u"nowhere"_s << u"does not exist: create it first"_s;
        QTest::newRow("exists") << u"taken"_s << u"shard"_s << u"exists already"_s;
        QTest::newRow("onto itself") << u"golden"_s << u"golden"_s << u"onto itself"_s;
    }

    void refusals() {
        QFETCH(QString, name);
        QFETCH(QString, folder);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString golden = makeGolden(dir.filePath(u"golden"_s), u"monolithicSparse"_s);
        QVERIFY(!golden.isEmpty());
        const QString shard = dir.filePath(u"shard"_s);
        QVERIFY(QDir().mkpath(shard));
        QFile taken(dir.filePath(u"shard/taken.vmdk"_s));
        QVERIFY(taken.open(QIODevice::WriteOnly));
        taken.write("keep me");
        taken.close();
        const auto goldenBefore = fingerprint(dir.filePath(u"golden"_s));
        for (bool linked : {false, true}) {
            const QString target = dir.filePath(folder);
            const auto clone = linked ? VmdkCloner::linkedClone(golden, target, name)
                                      : VmdkCloner::fullClone(golden, target, name);
            QVERIFY(!clone.ok());
            if (linked && folder == u"golden"_s)
                QVERIFY2(clone.error().contains(u"to itself"_s), qPrintable(clone.error()));
            else
                QVERIFY2(clone.error().contains(expected), qPrintable(clone.error()));
            QCOMPARE(filesIn(shard), QStringList{u"taken.vmdk"_s});
            QCOMPARE(sha256(dir.filePath(u"shard/taken.vmdk"_s)),
                     QCryptographicHash::hash("keep me", QCryptographicHash::Sha256).toHex());
            QCOMPARE(fingerprint(dir.filePath(u"golden"_s)), goldenBefore);
        }
    }

    void cancelLeavesNothing_data() { subformats(); }

    void cancelLeavesNothing() {
        QFETCH(QString, subformat);
        QTemporaryDir dir;
        const QString golden = makeGolden(dir.filePath(u"golden"_s), subformat, 64 * kMiB);
        QVERIFY(!golden.isEmpty());
        const QString shard = dir.filePath(u"shard"_s);
        QVERIFY(QDir().mkpath(shard));
        std::atomic_bool cancel{true};
        auto clone = VmdkCloner::fullClone(golden, shard, u"vm177"_s, &cancel);
        QVERIFY(!clone.ok());
        QVERIFY2(clone.error().contains(u"cancelled"_s), qPrintable(clone.error()));
        QCOMPARE(filesIn(shard), QStringList());

        // Cancelled from the progress callback, part-way through.
        cancel = false;
        int calls = 0;
        clone = VmdkCloner::fullClone(golden, shard, u"vm177"_s, &cancel, [&](qint64, qint64) {
            ++calls;
            cancel = true;
        });
        if (clone.ok()) // the copy was one chunk: nothing left to cancel after it
            QVERIFY(VmdkCloner::removeDisk(clone->descriptorPath).ok());
        else
            QVERIFY2(clone.error().contains(u"cancelled"_s), qPrintable(clone.error()));
        QCOMPARE(filesIn(shard), QStringList());
    }

    // A failure after the extents are copied (the descriptor cannot be written) takes
    // the copied extents away again.
    void lateFailureRemovesTheExtents() {
        QTemporaryDir dir;
        const QString golden =
            makeGolden(dir.filePath(u"golden"_s), u"twoGbMaxExtentSparse"_s, 5 * 1024 * kMiB);
        QVERIFY(!golden.isEmpty());
        const QString shard = dir.filePath(u"shard"_s);
        QVERIFY(QDir().mkpath(shard));
        // A stale temporary descriptor from an interrupted clone blocks the last step.
        QVERIFY(QDir(shard).mkdir(u"vm177.vmdk.part"_s));
        const auto clone = VmdkCloner::fullClone(golden, shard, u"vm177"_s);
        QVERIFY(!clone.ok());
        QVERIFY2(clone.error().contains(u"vm177.vmdk.part"_s), qPrintable(clone.error()));
        QCOMPARE(filesIn(shard), QStringList{u"vm177.vmdk.part"_s});

        const auto linked = VmdkCloner::linkedClone(golden, shard, u"vm177"_s);
        QVERIFY(!linked.ok());
        QCOMPARE(filesIn(shard), QStringList{u"vm177.vmdk.part"_s});
    }

    void removeDiskTakesOnlyItsOwnFiles() {
        QTemporaryDir dir;
        const QString golden = makeGolden(dir.filePath(u"golden"_s), u"twoGbMaxExtentSparse"_s);
        QVERIFY(!golden.isEmpty());
        const auto goldenBefore = fingerprint(dir.filePath(u"golden"_s));
        const QString shard = dir.filePath(u"shard"_s);
        QVERIFY(QDir().mkpath(shard));
        const auto child = VmdkCloner::linkedClone(golden, shard, u"vm177"_s);
        QVERIFY_OK(child);
        const auto full = VmdkCloner::fullClone(golden, shard, u"vm178"_s);
        QVERIFY_OK(full);
        QVERIFY_OK(VmdkCloner::removeDisk(child->descriptorPath));
        QCOMPARE(filesIn(shard), QStringList({u"vm178-s001.vmdk"_s, u"vm178.vmdk"_s}));
        QVERIFY_OK(VmdkCloner::removeDisk(full->descriptorPath));
        QCOMPARE(filesIn(shard), QStringList());
        QVERIFY_OK(VmdkCloner::removeDisk(full->descriptorPath)); // already gone: fine
        QCOMPARE(fingerprint(dir.filePath(u"golden"_s)), goldenBefore);
    }

    void dataBytesCountsEveryFile() {
        QTemporaryDir dir;
        const QString golden = makeGolden(dir.filePath(u"golden"_s), u"monolithicFlat"_s);
        QVERIFY(!golden.isEmpty());
        const auto bytes = VmdkCloner::dataBytes(golden);
        QVERIFY_OK(bytes);
        QVERIFY2(*bytes >= 2 * kMiB && *bytes < 32 * kMiB, qPrintable(QString::number(*bytes)));
    }

    void newCidIsNeverTheSentinels() {
        for (int i = 0; i < 1000; ++i) {
            const quint32 cid = VmdkCloner::newCid();
            QVERIFY(cid != 0xffffffff && cid != 0xfffffffe);
        }
    }
};

QTEST_GUILESS_MAIN(TestVmdkCloner)
#include "tst_vmdk_cloner.moc"
