// A shard fills up mid-batch: the VMs copying onto it fail with a message that names
// the shard and the space needed, their partial files are removed, the rest of the
// batch goes on, and the golden is byte-identical. The shard is a small tmpfs mounted
// by the test (root only); the filling happens between planning and copying
// (VMECLONE_PAUSE_AT=planned), as another writer on the drive would do it.

#include "support/ci_skip.h"
#include "cli_runner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/mount.h>

using namespace Qt::StringLiterals;

class TestFullDisk : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{u"/tmp/vme-full-XXXXXX"_s};
    bool m_mounted = false;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    static QByteArray sha256(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(&f);
        return h.result().toHex();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const auto &d : {u"golden"_s, u"small"_s, u"big"_s})
            QVERIFY(QDir().mkpath(path(d)));
        if (::mount("tmpfs", QFile::encodeName(path(u"small"_s)).constData(), "tmpfs", 0, "size=256m") != 0)
            VMECLONE_SKIP_UNLESS_CI("cannot mount a tmpfs here (needs root): the full-disk test does not run");
        m_mounted = true;
    }

    void cleanupTestCase()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(path(u"small"_s)).constData(), MNT_DETACH);
    }

    void fullShardFailsItsVmsAndTheRestGoOn()
    {
        const QString disk = path(u"golden/disk.qcow2"_s);
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, disk, u"256M"_s}), 0);
        QCOMPARE(QProcess::execute(u"qemu-io"_s, {u"-c"_s, u"write -P 0x5a 0 40M"_s, disk}), 0);
        const QByteArray goldenHash = sha256(disk);
        QFile json(path(u"golden/tiny.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny", "memory_mb": 64,
                       "disk": "disk.qcow2", "disk_format": "qcow2", "suffix": 176, "subnet": "192.168.1.0/24"})");
        json.close();

        CliRunner cli(QStringLiteral(VMECLONE_CLI), path(u"home"_s));
        QCOMPARE(cli.run({u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s)}).exitCode, 0);
        // The small shard is much preferred (weight), so most clones are planned there.
        QCOMPARE(cli.run({u"shard"_s, u"add"_s, path(u"small"_s), u"--weight"_s, u"1000"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"shard"_s, u"add"_s, path(u"big"_s)}).exitCode, 0);

        QProcess clone;
        auto env = cli.environment();
        const QString pause = path(u"paused"_s);
        env.insert(u"VMECLONE_PAUSE_AT"_s, u"planned"_s);
        env.insert(u"VMECLONE_PAUSE_FILE"_s, pause);
        env.insert(u"VMECLONE_SHARD_RESERVE_MIB"_s, u"8"_s);
        clone.setProcessEnvironment(env);
        clone.start(cli.program(), {u"clone"_s, u"177-180"_s, u"--full"_s, u"--no-start"_s, u"--json"_s});
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pause) || clone.state() == QProcess::NotRunning, 60000);
        QVERIFY2(QFile::exists(pause), clone.readAllStandardError().constData());

        // Another writer takes the shard: 12 MiB stay free, a clone needs about 40.
        {
            QFile filler(path(u"small/filler"_s));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray chunk(1024 * 1024, 'x');
            while (QStorageInfo(path(u"small"_s)).bytesAvailable() > 12 * 1024 * 1024)
                QVERIFY(filler.write(chunk) == chunk.size() && filler.flush());
        }
        QVERIFY(QFile::remove(pause));
        QVERIFY(clone.waitForFinished(300000));
        const QByteArray out = clone.readAllStandardOutput();
        const auto results = QJsonDocument::fromJson(out).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 4);
        int failed = 0, made = 0;
        for (const auto &r : results) {
            const auto o = r.toObject();
            if (o.value(u"ok"_s).toBool()) {
                ++made;
                continue;
            }
            ++failed;
            const QString message = o.value(u"message"_s).toString();
            QVERIFY2(message.contains(path(u"small"_s)) && message.contains(u"needs"_s), qPrintable(message));
        }
        QVERIFY2(failed >= 1, "at least one clone was planned on the small shard");
        QCOMPARE(clone.exitCode(), 1); // not everything succeeded

        // The failed ones left nothing: no row, no folder, no partial file.
        const auto list = cli.run({u"list"_s, u"--json"_s});
        QCOMPARE(list.json().array().size(), made);
        QDirIterator it(path(u"small"_s), QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                        QDirIterator::Subdirectories);
        QSet<QString> rowFolders;
        for (const auto &v : list.json().array())
            rowFolders.insert(v.toObject().value(u"folder"_s).toString());
        while (it.hasNext()) {
            const QString entry = it.next();
            QVERIFY2(!entry.endsWith(u".part"_s), qPrintable(entry));
            if (entry == path(u"small/filler"_s))
                continue;
            const QString top = path(u"small/"_s) + entry.mid(path(u"small/"_s).size()).section(u'/', 0, 0);
            QVERIFY2(rowFolders.contains(top), qPrintable(u"left behind: "_s + entry));
        }
        QCOMPARE(sha256(disk), goldenHash);

        QVERIFY(QFile::remove(path(u"small/filler"_s)));
        QCOMPARE(cli.run({u"release"_s, u"177-180"_s}).exitCode, made > 0 ? 0 : 1);
        QCOMPARE(cli.run({u"list"_s, u"--json"_s}).json().array().size(), 0);
        QCOMPARE(sha256(disk), goldenHash);
    }

    // Issue "Nothing lost…", finding 9: a shard with a little room (under the 256 MiB
    // that placement rounds free space to) is refused with its free space as measured,
    // not as "0 bytes free".
    void freeSpaceIsShownAsMeasured()
    {
        CliRunner cli(QStringLiteral(VMECLONE_CLI), path(u"home-small"_s));
        QCOMPARE(cli.run({u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s)}).exitCode, 0);
        QCOMPARE(cli.run({u"shard"_s, u"add"_s, path(u"small"_s)}).exitCode, 0);
        {
            QFile filler(path(u"small/filler"_s));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray chunk(1024 * 1024, 'x');
            while (QStorageInfo(path(u"small"_s)).bytesAvailable() > 30 * 1024 * 1024)
                QVERIFY(filler.write(chunk) == chunk.size() && filler.flush());
        }
        const qint64 free = QStorageInfo(path(u"small"_s)).bytesAvailable();
        const auto r = cli.run({u"plan"_s, u"181"_s, u"--full"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"needs"_s) && !r.err.contains(u"0 bytes free"_s)
                     && r.err.contains(
                         QLocale::c().formattedDataSize(free, 1, QLocale::DataSizeIecFormat)
                         + u" free"_s),
                 qPrintable(r.err));
        QVERIFY(QFile::remove(path(u"small/filler"_s)));
    }

    // Issue "Nothing lost…", finding 6: a full data folder (the inventory's drive) leaves
    // the read-only commands working and refuses the others with the reason, never a
    // broken CLI; once space is freed, everything works again.
    void aFullDataFolderDegradesToReadOnly()
    {
        const QString home = path(u"full-home"_s);
        QVERIFY(QDir().mkpath(home));
        QVERIFY(QDir().mkpath(path(u"full-shard"_s)));
        QCOMPARE(::mount("tmpfs", QFile::encodeName(home).constData(), "tmpfs", 0, "size=4m"), 0);
        const auto unmount = qScopeGuard(
            [&] { ::umount2(QFile::encodeName(home).constData(), MNT_DETACH); });
        CliRunner cli(QStringLiteral(VMECLONE_CLI), home);
        QCOMPARE(cli.run({u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s)}).exitCode, 0);
        QCOMPARE(cli.run({u"shard"_s, u"add"_s, path(u"full-shard"_s)}).exitCode, 0);
        QCOMPARE(cli.run({u"clone"_s, u"177-178"_s, u"--no-start"_s}).exitCode, 0);
        {
            QFile filler(home + u"/filler"_s);
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray chunk(64 * 1024, 'x');
            while (filler.write(chunk) == chunk.size() && filler.flush()) {
            }
        }
        const QString why = u"the data folder %1 is full"_s.arg(home);
        for (const QStringList &args :
             {QStringList{u"list"_s, u"--json"_s}, QStringList{u"golden"_s, u"list"_s},
              QStringList{u"shard"_s, u"list"_s}, QStringList{u"plan"_s, u"179"_s},
              QStringList{u"export"_s, u"--output"_s, path(u"full.csv"_s)}}) {
            const auto r = cli.run(args);
            QVERIFY2(r.exitCode == 0 && r.err.contains(why),
                     qPrintable(args.join(u' ') + u": "_s + r.err));
        }
        QCOMPARE(cli.run({u"list"_s, u"--json"_s}).json().array().size(), 2);
        for (const QStringList &args :
             {QStringList{u"clone"_s, u"179"_s, u"--no-start"_s},
              QStringList{u"release"_s, u"177"_s}, QStringList{u"recover"_s},
              QStringList{u"listen"_s}, QStringList{u"golden"_s, u"refresh"_s, u"tiny"_s}}) {
            const auto r = cli.run(args);
            QVERIFY2(r.exitCode == 1 && r.err.contains(why) && !r.err.contains(u"CRASHED"_s),
                     qPrintable(args.join(u' ') + u": "_s + r.err));
        }
        QVERIFY(QFile::remove(home + u"/filler"_s));
        QCOMPARE(cli.run({u"release"_s, u"177-178"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"list"_s, u"--json"_s}).json().array().size(), 0);
        QCOMPARE(QDir(path(u"full-shard"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_full_disk.moc"
