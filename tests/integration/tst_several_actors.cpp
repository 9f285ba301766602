// Several actors on one engine (issue "Nothing lost when several actors share the
// engine"): a slow release racing other releases and clones, two data folders sharing
// a shard, a release that cannot write the inventory, and the inventory's own file.
// Each case is the finding's repro sequence; each failed on the code before the fix.

#include "cli_runner.h"
#include "inventory/clone_marker.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

class TestSeveralActors : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{u"/tmp/vme-actors-XXXXXX"_s};
    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    // A data folder with the tiny golden and the shared shard.
    std::unique_ptr<CliRunner> home(const QString &name) {
        auto cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(name));
        const auto golden = cli->run({u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s)});
        if (golden.exitCode != 0)
            qWarning() << golden.err;
        const auto shard = cli->run({u"shard"_s, u"add"_s, path(u"shard"_s)});
        if (shard.exitCode != 0)
            qWarning() << shard.err;
        return cli;
    }

    static QHash<QString, QJsonObject> byName(const CliResult &r) {
        QHash<QString, QJsonObject> out;
        for (const auto &v : r.json().array())
            out.insert(v.toObject().value(u"name"_s).toString(), v.toObject());
        return out;
    }

    // Every row has its folder and every folder of this home's rows exists.
    static void rowsHaveFolders(const CliRunner &cli) {
        const auto r = cli.run({u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        for (const auto &v : r.json().array()) {
            const QString folder = v.toObject().value(u"folder"_s).toString();
            QVERIFY2(vmeclone::CloneMarker::readFrom(folder), qPrintable(folder));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(u"golden"_s)));
        QVERIFY(QDir().mkpath(path(u"shard"_s)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"golden/disk.qcow2"_s), u"64M"_s}),
                 0);
        QFile json(path(u"golden/tiny.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny",
            "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2", "suffix": 176,
            "subnet": "192.168.1.0/24"})");
    }

    // Finding 1: release 177-178 waits after reading them; meanwhile another actor releases 178 and
    // clones 199 (which took 178's row id before ids were never reused). The slow
    // release must not delete vm199's row, and nothing may later remove its folder.
    void slowReleaseNeverDeletesANewerClone() {
        auto a = home(u"home-1"_s);
        QCOMPARE(a->run({u"clone"_s, u"177-178"_s, u"--no-start"_s}).exitCode, 0);
        QProcess slow;
        const QString pause = path(u"paused-release"_s);
        // Paused after it read the VMs, before it takes any (a release takes a whole
        // step of VMs in one commit).
        QVERIFY(a->startPaused(slow, u"release-taking"_s, pause,
                               {u"release"_s, u"177-178"_s, u"--jobs"_s, u"1"_s}));

        const auto other = a->run({u"release"_s, u"178"_s});
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
        const auto newer = a->run({u"clone"_s, u"199"_s, u"--no-start"_s});
        QVERIFY2(newer.exitCode == 0, qPrintable(newer.err));

        QVERIFY(QFile::remove(pause));
        QVERIFY(slow.waitForFinished(60000));
        const QString slowErr = QString::fromUtf8(slow.readAllStandardError());
        QCOMPARE(slow.exitCode(), 1); // 178 was not its to release any more
        QVERIFY2(slowErr.contains(u"vm178 was released by another actor"_s), qPrintable(slowErr));

        const auto recovered = a->run({u"recover"_s});
        QVERIFY2(!recovered.err.contains(u"orphan"_s), qPrintable(recovered.err));
        const auto vms = byName(a->run({u"list"_s, u"--json"_s}));
        QCOMPARE(vms.size(), 1);
        QCOMPARE(vms.value(u"vm199"_s).value(u"state"_s).toString(), u"configured"_s);
        rowsHaveFolders(*a);
        QCOMPARE(a->run({u"release"_s, u"199"_s}).exitCode, 0);
    }

    // Finding 2: two data folders share a shard folder. Neither's recovery, read-only
    // or not, touches the other's clones; a name both want is refused to the second.
    void twoDataFoldersShareAShard() {
        auto a = home(u"home-a"_s);
        auto b = home(u"home-b"_s);
        QCOMPARE(a->run({u"clone"_s, u"180-183"_s, u"--no-start"_s}).exitCode, 0);
        QCOMPARE(b->run({u"clone"_s, u"184-187"_s, u"--no-start"_s}).exitCode, 0);
        // Adding the shard a third time says it is shared.
        CliRunner c(QStringLiteral(VMECLONE_CLI), path(u"home-c"_s));
        const auto shared = c.run({u"shard"_s, u"add"_s, path(u"shard"_s)});
        QCOMPARE(shared.exitCode, 0);
        QVERIFY2(shared.err.contains(u"8 clone folder(s) of another data folder"_s),
                 qPrintable(shared.err));
        for (const auto &cli : {a.get(), b.get()}) {
            QVERIFY(!cli->run({u"list"_s}).err.contains(u"orphan"_s));
            QVERIFY(!cli->run({u"recover"_s}).err.contains(u"orphan"_s));
        }
        // The same name on the shared shard: the second data folder is refused, and
        // the first one's clone is untouched.
        QCOMPARE(a->run({u"clone"_s, u"190"_s, u"--no-start"_s}).exitCode, 0);
        const auto clash = b->run({u"clone"_s, u"190"_s, u"--no-start"_s});
        QCOMPARE(clash.exitCode, 1);
        QVERIFY2(clash.err.contains(u"exists already"_s), qPrintable(clash.err));

        QCOMPARE(byName(a->run({u"list"_s, u"--json"_s})).size(), 5);
        QCOMPARE(byName(b->run({u"list"_s, u"--json"_s})).size(), 4);
        rowsHaveFolders(*a);
        rowsHaveFolders(*b);
        // A full lifecycle of one leaves the other whole.
        QCOMPARE(a->run({u"release"_s, u"180-190"_s}).exitCode, 0);
        rowsHaveFolders(*b);
        QCOMPARE(byName(b->run({u"list"_s, u"--json"_s})).size(), 4);
        QCOMPARE(b->run({u"release"_s, u"184-187"_s}).exitCode, 0);
        QCOMPARE(QDir(path(u"shard"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 0);
    }

    // Finding 3: another process holds the inventory's write lock past the busy
    // timeout. The release fails for that VM with its reason and deletes nothing.
    void releaseThatCannotWriteDeletesNothing() {
        auto a = home(u"home-locked"_s);
        QCOMPARE(a->run({u"clone"_s, u"200"_s, u"--no-start"_s}).exitCode, 0);
        const auto before = byName(a->run({u"list"_s, u"--json"_s}));
        const QString folder = before.value(u"vm200"_s).value(u"folder"_s).toString();
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
            db.setDatabaseName(path(u"home-locked/inventory.sqlite"_s));
            QVERIFY(db.open());
            QSqlQuery lock(db);
            QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
            const auto release = a->run({u"release"_s, u"200"_s}, 120000);
            QCOMPARE(release.exitCode, 1);
            QVERIFY2(release.err.contains(u"nothing was done"_s), qPrintable(release.err));
            QVERIFY(QFileInfo::exists(folder + u"/vm200.qcow2"_s));
            QVERIFY(lock.exec(u"ROLLBACK"_s));
        }
        QSqlDatabase::removeDatabase(u"locker"_s);
        const auto after = byName(a->run({u"list"_s, u"--json"_s}));
        QCOMPARE(after.value(u"vm200"_s).value(u"state"_s).toString(), u"configured"_s);
        QCOMPARE(a->run({u"release"_s, u"200"_s}).exitCode, 0);
        QVERIFY(!QFileInfo::exists(folder));
    }

    // Finding 7 (the inventory's part) and 9 (a truncated inventory): the inventory is
    // private to its owner, and an emptied one is refused instead of read as empty.
    void inventoryIsPrivateAndATruncatedOneIsRefused() {
        auto a = home(u"home-private"_s);
        const QString inventory = path(u"home-private/inventory.sqlite"_s);
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(inventory).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QVERIFY(QFile::setPermissions(inventory, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                     | QFileDevice::ReadOther));
        QCOMPARE(a->run({u"list"_s}).exitCode, 0);
        QCOMPARE(::stat(QFile::encodeName(inventory).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0007, 0u);

        QVERIFY(QFile::remove(inventory + u"-wal"_s) || !QFileInfo::exists(inventory + u"-wal"_s));
        QFile::remove(inventory + u"-shm"_s);
        QVERIFY(QFile::resize(inventory, 0));
        const auto list = a->run({u"list"_s});
        QCOMPARE(list.exitCode, 1);
        QVERIFY2(list.err.contains(u"truncated"_s), qPrintable(list.err));
    }

    // Finding 8: a golden written after `golden add` (another actor edits its disk) and
    // a golden held open for writing (it runs) are refused by plan and by clone, linked
    // and full, naming the fix; `golden refresh` accepts a change made on purpose.
    void aChangedOrRunningGoldenIsRefused() {
        const QString disk = path(u"golden-w/disk.qcow2"_s);
        QVERIFY(QDir().mkpath(path(u"golden-w"_s)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s,
                                   {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, disk, u"64M"_s}),
                 0);
        QFile json(path(u"golden-w/tinyw.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tinyw",
            "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2", "suffix": 176,
            "subnet": "192.168.1.0/24"})");
        json.close();
        CliRunner cli(QStringLiteral(VMECLONE_CLI), path(u"home-golden"_s));
        QCOMPARE(cli.run({u"golden"_s, u"add"_s, json.fileName()}).exitCode, 0);
        QCOMPARE(cli.run({u"shard"_s, u"add"_s, path(u"shard"_s)}).exitCode, 0);
        QCOMPARE(cli.run({u"clone"_s, u"177"_s, u"--no-start"_s}).exitCode, 0);

        // 1 MiB written into the golden's disk by another process.
        QCOMPARE(QProcess::execute(u"qemu-io"_s,
                                   {u"-f"_s, u"qcow2"_s, u"-c"_s, u"write -P 0xab 0 1M"_s, disk}),
                 0);
        for (const QStringList &args :
             {QStringList{u"plan"_s, u"178"_s}, QStringList{u"clone"_s, u"178"_s, u"--no-start"_s},
              QStringList{u"clone"_s, u"178"_s, u"--no-start"_s, u"--full"_s}}) {
            const auto r = cli.run(args);
            QVERIFY2(r.exitCode == 1, qPrintable(args.join(u' ') + u": "_s + r.err));
            QVERIFY2(r.err.contains(u"changed since it was added"_s)
                         && r.err.contains(u"golden refresh tinyw"_s),
                     qPrintable(r.err));
        }
        QCOMPARE(byName(cli.run({u"list"_s, u"--json"_s})).size(), 1);
        QVERIFY(!QFileInfo::exists(path(u"shard/vm178"_s)));

        const auto refresh = cli.run({u"golden"_s, u"refresh"_s, u"tinyw"_s});
        QVERIFY2(refresh.exitCode == 0, qPrintable(refresh.err));
        QVERIFY2(refresh.err.contains(u"vm177"_s), qPrintable(refresh.err)); // a linked clone
        const auto cloned = cli.run({u"clone"_s, u"178"_s, u"--no-start"_s});
        QVERIFY2(cloned.exitCode == 0, qPrintable(cloned.err));

        // The golden held open for writing (as a running QEMU holds it).
        QProcess holder;
        holder.start(u"qemu-io"_s, {u"-f"_s, u"qcow2"_s, disk});
        QVERIFY(holder.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += holder.readAllStandardOutput()).contains("qemu-io>")
                                     || holder.state() != QProcess::Running,
                                 20000);
        QCOMPARE(holder.state(), QProcess::Running);
        for (const QStringList &args :
             {QStringList{u"plan"_s, u"179"_s}, QStringList{u"clone"_s, u"179"_s, u"--no-start"_s},
              QStringList{u"clone"_s, u"179"_s, u"--no-start"_s, u"--full"_s}}) {
            const auto r = cli.run(args);
            QVERIFY2(r.exitCode == 1, qPrintable(args.join(u' ') + u": "_s + r.err));
            QVERIFY2(r.err.contains(u"is running"_s), qPrintable(r.err));
        }
        holder.write("quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(20000));
        QCOMPARE(byName(cli.run({u"list"_s, u"--json"_s})).size(), 2);
        QCOMPARE(cli.run({u"release"_s, u"177-179"_s}).exitCode, 0);
    }

    // Issue "One truth…", item 4: Ctrl-C during `release 177-186` (SIGINT while the first
    // VM is being released): the VM begun is finished, the others are untouched and listed
    // as not done, the exit code says it failed, and nothing is left half-done.
    void releaseInterruptedBySigint() {
        auto a = home(u"home-sigint"_s);
        QCOMPARE(a->run({u"clone"_s, u"177-186"_s, u"--no-start"_s}).exitCode, 0);
        QProcess release;
        const QString pause = path(u"paused-sigint"_s);
        QVERIFY(a->startPaused(release, u"releasing"_s, pause,
                               {u"release"_s, u"177-186"_s, u"--jobs"_s, u"1"_s}));
        QCOMPARE(::kill(pid_t(release.processId()), SIGINT), 0);
        QVERIFY(QFile::remove(pause));
        QVERIFY(release.waitForFinished(60000));
        const QString said = QString::fromUtf8(release.readAllStandardError());
        QCOMPARE(release.exitStatus(), QProcess::NormalExit);
        QCOMPARE(release.exitCode(), 1);
        QVERIFY2(said.contains(u"cancelled"_s) && said.contains(u"release: 1 of 10 done"_s),
                 qPrintable(said));
        const auto left = byName(a->run({u"list"_s, u"--json"_s}));
        QCOMPARE(left.size(), 9);
        QVERIFY(!left.contains(u"vm177"_s));
        for (const auto &vm : left)
            QCOMPARE(vm.value(u"state"_s).toString(), u"configured"_s);
        rowsHaveFolders(*a);
        QVERIFY(!a->run({u"recover"_s}).err.contains(u"orphan"_s));
        QCOMPARE(a->run({u"release"_s, u"177-186"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestSeveralActors)
#include "tst_several_actors.moc"
