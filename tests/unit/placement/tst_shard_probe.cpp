#include "support/ci_skip.h"
#include "placement/shard.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using vmeclone::Shard;
using vmeclone::ShardProbe;
using vmeclone::ShardStatus;

class TstShardProbe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void usableFolder();
    void sameFilesystemSameDevice();
    void deviceIdMatchesKernel();
    void missingFolder();
    void fileIsNotAFolder();
    void emptyPath();
    void notWritable();
    void listKeepsOrder();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstShardProbe::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstShardProbe::usableFolder() {
    const Shard shard{7, m_dir->path(), 2.0};
    const ShardStatus s = ShardProbe::probe(shard);
    QVERIFY2(s.usable(), qPrintable(s.error));
    QCOMPARE(s.shard.id, 7);
    QCOMPARE(s.shard.path, m_dir->path());
    QCOMPARE(s.shard.weight, 2.0);
    QVERIFY(s.bytesFree > 0);
    QVERIFY(s.bytesTotal >= s.bytesFree);
    QVERIFY(!s.deviceId.isEmpty());
    QVERIFY(!s.filesystem.isEmpty());
}

void TstShardProbe::sameFilesystemSameDevice() {
    QVERIFY(QDir(m_dir->path()).mkpath(u"a"_s));
    QVERIFY(QDir(m_dir->path()).mkpath(u"b/c"_s));
    const ShardStatus a = ShardProbe::probe(Shard{1, m_dir->filePath(u"a"_s), 1.0});
    const ShardStatus b = ShardProbe::probe(Shard{2, m_dir->filePath(u"b/c"_s), 1.0});
    QVERIFY2(a.usable() && b.usable(), qPrintable(a.error + b.error));
    QCOMPARE(a.deviceId, b.deviceId);
    QCOMPARE(a.filesystem, b.filesystem);
}

void TstShardProbe::deviceIdMatchesKernel() {
#ifndef Q_OS_LINUX
    QSKIP("findmnt is Linux-only");
#else
    // util-linux's findmnt reads /proc/self/mountinfo: an independent view of the device.
    const QString findmnt = QStandardPaths::findExecutable(u"findmnt"_s);
    if (findmnt.isEmpty())
        VMECLONE_SKIP_UNLESS_CI("findmnt is not installed");
    QProcess p;
    p.start(findmnt, {u"-n"_s, u"-o"_s, u"MAJ:MIN"_s, u"--target"_s, m_dir->path()});
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitCode(), 0);
    const QString expected = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
    QCOMPARE(ShardProbe::probe(Shard{1, m_dir->path(), 1.0}).deviceId, expected);
#endif
}

void TstShardProbe::missingFolder() {
    const QString missing = m_dir->filePath(u"no-such-drive"_s);
    const ShardStatus s = ShardProbe::probe(Shard{3, missing, 1.0});
    QVERIFY(!s.usable());
    QCOMPARE(s.error, u"disk shard folder %1 does not exist: create it, mount its drive, or "
                      "remove the shard"_s.arg(missing));
    QCOMPARE(s.bytesFree, 0);
    QVERIFY(!QFileInfo::exists(missing)); // probing never creates it
}

void TstShardProbe::fileIsNotAFolder() {
    const QString path = m_dir->filePath(u"plain-file"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const ShardStatus s = ShardProbe::probe(Shard{4, path, 1.0});
    QVERIFY(!s.usable());
    QCOMPARE(s.error, u"disk shard %1 is not a folder: point the shard at a folder"_s.arg(path));
}

void TstShardProbe::emptyPath() {
    const ShardStatus s = ShardProbe::probe(Shard{5, QString(), 1.0});
    QVERIFY(!s.usable());
    QVERIFY(s.error.contains(u"vmeclone shard add DIR"_s));
}

void TstShardProbe::notWritable() {
    const QString path = m_dir->filePath(u"read-only"_s);
    QVERIFY(QDir().mkpath(path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ExeOwner));
    if (QFileInfo(path).isWritable())
        QSKIP("permissions do not bind this user (root): covered where tests run unprivileged");
    const ShardStatus s = ShardProbe::probe(Shard{6, path, 1.0});
    QVERIFY(!s.usable());
    QCOMPARE(s.error, u"disk shard folder %1 is not writable: fix its permissions or mount its "
                      "drive read-write"_s.arg(path));
}

void TstShardProbe::listKeepsOrder() {
    const QList<Shard> shards{
        {1, m_dir->path(), 1.0}, {2, m_dir->filePath(u"missing"_s), 1.0}, {3, m_dir->path(), 3.0}};
    const QList<ShardStatus> statuses = ShardProbe::probe(shards);
    QCOMPARE(statuses.size(), 3);
    QCOMPARE(statuses[0].shard.id, 1);
    QVERIFY(statuses[0].usable());
    QCOMPARE(statuses[1].shard.id, 2);
    QVERIFY(!statuses[1].usable());
    QCOMPARE(statuses[2].shard.id, 3);
    QCOMPARE(statuses[2].shard.weight, 3.0);
}

QTEST_GUILESS_MAIN(TstShardProbe)
#include "tst_shard_probe.moc"
