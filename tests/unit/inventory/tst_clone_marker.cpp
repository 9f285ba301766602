// The ownership mark on a clone folder (core/inventory/clone_marker): kept as the folder's
// extended attribute where the file system takes one, read back by attr's own getfattr
// and written by its setfattr; the file form (older clones, file systems without user
// attributes, ids that are not UUIDs) is still written and read.

#include "inventory/clone_marker.h"
#include "support/ci_skip.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestCloneMarker : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_next = 0;

    QString freshFolder() {
        const QString folder = m_dir.filePath(u"vm%1"_s.arg(++m_next));
        return folder;
    }
    static QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    // What attr's getfattr reads of the mark; nullopt when the folder has no such attribute.
    static std::optional<QByteArray> getfattr(const QString &folder) {
        QProcess p;
        p.start(u"getfattr"_s, {u"--only-values"_s, u"--absolute-names"_s, u"-n"_s,
                                QString::fromLatin1(CloneMarker::kAttribute), folder});
        if (!p.waitForFinished() || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return std::nullopt;
        return p.readAllStandardOutput();
    }
    void requireAttr() {
        if (QStandardPaths::findExecutable(u"getfattr"_s).isEmpty()
            || QStandardPaths::findExecutable(u"setfattr"_s).isEmpty())
            VMECLONE_SKIP_UNLESS_CI("getfattr/setfattr missing: install the attr package");
        // Whether this file system takes user attributes at all, asked of setfattr.
        const QString probe = m_dir.filePath(u"probe"_s);
        QDir().mkpath(probe);
        if (QProcess::execute(u"setfattr"_s, {u"-n"_s, u"user.probe"_s, u"-v"_s, u"1"_s, probe})
            != 0)
            QSKIP("the scratch folder's file system takes no user attributes: the file form "
                  "is what is written here (checked by writesTheFileWhereIdsAreNotUuids)");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void markIsAnAttributeNotAFile() {
        requireAttr();
        const CloneMarker mine{uuid(), uuid()};
        const QString folder = freshFolder();
        QVERIFY2(mine.makeFolder(folder), "makeFolder");
        // No file in the folder: the mark costs no inode of its own.
        QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
        const auto raw = getfattr(folder);
        QVERIFY2(raw, "getfattr finds no user.vmeclone.clone on the folder");
        // Version 1, then the two UUIDs in RFC 4122 order, as docs/several-actors.md says.
        QCOMPARE(raw->size(), 33);
        QCOMPARE(raw->at(0), char(1));
        QCOMPARE(QUuid::fromRfc4122(QByteArrayView(raw->constData() + 1, 16)),
                 QUuid(mine.dataFolderId));
        QCOMPARE(QUuid::fromRfc4122(QByteArrayView(raw->constData() + 17, 16)),
                 QUuid(mine.instance));

        const auto read = CloneMarker::readFrom(folder);
        QVERIFY(read);
        QCOMPARE(read->dataFolderId, mine.dataFolderId);
        QCOMPARE(read->instance, mine.instance);
    }

    void readsAnAttributeSetfattrWrote() {
        requireAttr();
        const QString folder = freshFolder();
        QVERIFY(QDir().mkdir(folder));
        const QUuid owner = QUuid::createUuid();
        const QUuid instance = QUuid::createUuid();
        const QByteArray value = QByteArray(1, 1) + owner.toRfc4122() + instance.toRfc4122();
        QCOMPARE(QProcess::execute(u"setfattr"_s,
                                   {u"-n"_s, QString::fromLatin1(CloneMarker::kAttribute), u"-v"_s,
                                    u"0x"_s + QString::fromLatin1(value.toHex()), folder}),
                 0);
        const auto read = CloneMarker::readFrom(folder);
        QVERIFY(read);
        QCOMPARE(read->dataFolderId, owner.toString(QUuid::WithoutBraces));
        QCOMPARE(read->instance, instance.toString(QUuid::WithoutBraces));

        // Another length or version is not a mark of ours (and there is no file).
        const QString other = freshFolder();
        QVERIFY(QDir().mkdir(other));
        QCOMPARE(QProcess::execute(u"setfattr"_s,
                                   {u"-n"_s, QString::fromLatin1(CloneMarker::kAttribute), u"-v"_s,
                                    u"0x02"_s + QString::fromLatin1(value.mid(1).toHex()), other}),
                 0);
        QVERIFY(!CloneMarker::readFrom(other));
    }

    void readsTheFileOfOlderClones() {
        const QString folder = freshFolder();
        QVERIFY(QDir().mkdir(folder));
        QFile file(CloneMarker::filePathIn(folder));
        QVERIFY(file.open(QIODevice::WriteOnly));
        // As vmeclone wrote it before the attribute (docs/several-actors.md).
        file.write("vmeclone-clone 1\ndata-folder=6f1c1e9e-2f7a-4c1b-9a57-0d0b3e0c2a11\n"
                   "instance=0b8a3c52-9d3e-5f51-8e0a-3b7d2c1f4e90\n");
        file.close();
        const auto read = CloneMarker::readFrom(folder);
        QVERIFY(read);
        QCOMPARE(read->dataFolderId, u"6f1c1e9e-2f7a-4c1b-9a57-0d0b3e0c2a11"_s);
        QCOMPARE(read->instance, u"0b8a3c52-9d3e-5f51-8e0a-3b7d2c1f4e90"_s);
    }

    void writesTheFileWhereIdsAreNotUuids() {
        // An empty owner (a mark from before owners were marked) has no 16-byte form.
        const CloneMarker old{QString(), uuid()};
        const QString folder = freshFolder();
        QVERIFY(old.makeFolder(folder));
        QVERIFY(QFile::exists(CloneMarker::filePathIn(folder)));
        QCOMPARE(QFile(CloneMarker::filePathIn(folder)).permissions()
                     & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        const auto read = CloneMarker::readFrom(folder);
        QVERIFY(read);
        QVERIFY(read->dataFolderId.isEmpty());
        QCOMPARE(read->instance, old.instance);
    }

    void noMarkNoClone() {
        const QString folder = freshFolder();
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(!CloneMarker::readFrom(folder));
        QVERIFY(!CloneMarker::readFrom(m_dir.filePath(u"missing"_s)));
    }

    void makeFolderRefusesAnExistingFolder() {
        const QString folder = freshFolder();
        QVERIFY(QDir().mkdir(folder));
        const auto made = CloneMarker{uuid(), uuid()}.makeFolder(folder);
        QVERIFY(!made);
        QVERIFY2(made.error().contains(folder) && made.error().contains(u"move it away"_s),
                 qPrintable(made.error()));
        QVERIFY(!CloneMarker::readFrom(folder));
    }
};

QTEST_GUILESS_MAIN(TestCloneMarker)
#include "tst_clone_marker.moc"
