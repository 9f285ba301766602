// Crash consistency: the CLI is killed with SIGKILL (VMECLONE_CRASH_AT) at each point
// of a batch; the next vmeclone finds every interrupted VM and completes or rolls it
// back, says what it did, and leaves no orphan file, no orphan row, and the golden
// byte-identical. The points that need running guests (started, announcing) are in
// the second half, which boots the demo golden in a network namespace of its own.

#include "cli_runner.h"
#include "support/consistency.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestCrashRecovery : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{u"/tmp/vme-crash-XXXXXX"_s};
    std::unique_ptr<CliRunner> m_cli;
    QByteArray m_goldenHash;
    QString m_goldenDisk;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    static QByteArray sha256(const QString &file) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(&f);
        return h.result().toHex();
    }

    // Runs a CLI command that is expected to kill itself at `point`.
    void crashAt(const QString &point, const QStringList &args) {
        QProcess p;
        auto env = m_cli->environment();
        env.insert(u"VMECLONE_CRASH_AT"_s, point);
        p.setProcessEnvironment(env);
        p.start(m_cli->program(), args);
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitStatus() == QProcess::CrashExit,
                 qPrintable(u"the CLI did not die at %1: %2"_s.arg(
                     point, QString::fromUtf8(p.readAllStandardError()))));
    }

    // After recovery: every row has its whole folder, every clone folder its row, no
    // partial file anywhere, nothing in flight (tests/support/consistency.h), and the
    // golden as it was.
    void checkConsistent(const QStringList &shards) {
        const auto r = m_cli->run({u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QStringList problems =
            consistencyProblems(cloneRowsFromJson(r.json().array()), shards);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(sha256(m_goldenDisk), m_goldenHash);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        for (const auto &d : {u"golden"_s, u"shard-a"_s, u"shard-b"_s})
            QVERIFY(QDir().mkpath(path(d)));
        m_goldenDisk = path(u"golden/disk.qcow2"_s);
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   m_goldenDisk, u"256M"_s}),
                 0);
        // Enough data that a full copy reports progress many times (mid-copy point).
        QCOMPARE(QProcess::execute(u"qemu-io"_s, {u"-c"_s, u"write -P 0x5a 0 96M"_s, m_goldenDisk}),
                 0);
        m_goldenHash = sha256(m_goldenDisk);
        QFile json(path(u"golden/tiny.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(
            R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny", "memory_mb": 64,
                       "disk": "disk.qcow2", "disk_format": "qcow2", "suffix": 176, "subnet": "192.168.1.0/24"})");
        json.close();
        m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s));
        QCOMPARE(m_cli->run({u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s)}).exitCode, 0);
        QCOMPARE(m_cli->run({u"shard"_s, u"add"_s, path(u"shard-a"_s)}).exitCode, 0);
        QCOMPARE(m_cli->run({u"shard"_s, u"add"_s, path(u"shard-b"_s)}).exitCode, 0);
    }

    void killedMidBatchIsRecovered_data() {
        QTest::addColumn<QString>("point");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("rolledBack"); // at least one VM must have been rolled back
        QTest::newRow("planning done") << u"planned"_s << u"--linked"_s << true;
        QTest::newRow("mid-copy") << u"mid-copy"_s << u"--full"_s << true;
        QTest::newRow("copy done") << u"copied"_s << u"--full"_s << true;
        QTest::newRow("config written") << u"configured"_s << u"--linked"_s << false;
    }

    void killedMidBatchIsRecovered() {
        QFETCH(QString, point);
        QFETCH(QString, mode);
        QFETCH(bool, rolledBack);
        const QStringList shards{path(u"shard-a"_s), path(u"shard-b"_s)};
        crashAt(point, {u"clone"_s, u"177-180"_s, mode, u"--no-start"_s, u"--jobs"_s, u"2"_s});

        // A read-only command repairs nothing: it says what the next change will settle.
        const auto look = m_cli->run({u"list"_s});
        QCOMPARE(look.exitCode, 0);
        if (rolledBack)
            QVERIFY2(look.err.contains(u"needs recovery"_s), qPrintable(look.err));
        QVERIFY2(!look.err.contains(u"rolled back"_s), qPrintable(look.err));
        // The next command that changes something recovers first and says so.
        const auto list = m_cli->run({u"recover"_s});
        QCOMPARE(list.exitCode, 0);
        if (rolledBack)
            QVERIFY2(list.err.contains(u"rolled back"_s), qPrintable(list.err));
        checkConsistent(shards);
        // Recovery is done once: the next command has nothing to say.
        QVERIFY(!m_cli->run({u"recover"_s}).err.contains(u"recovered"_s));
        QVERIFY(!m_cli->run({u"list"_s}).err.contains(u"recovered"_s));

        // The addresses are usable again: the same batch completes now.
        const auto again = m_cli->run({u"clone"_s, u"177-180"_s, mode, u"--no-start"_s});
        if (again.exitCode != 0) // the VMs that were complete are simply in use
            QVERIFY2(again.err.contains(u"in use"_s), qPrintable(again.err));
        checkConsistent(shards);
        const auto released = m_cli->run({u"release"_s, u"177-180"_s});
        QVERIFY2(released.exitCode == 0, qPrintable(released.err));
        checkConsistent(shards);
        QCOMPARE(m_cli->run({u"list"_s, u"--json"_s}).json().array().size(), 0);
    }

    void releaseOfAVmBeingClonedIsRefused() {
        const QStringList shards{path(u"shard-a"_s), path(u"shard-b"_s)};
        QProcess clone;
        const QString pause = path(u"paused"_s);
        QVERIFY(m_cli->startPaused(clone, u"planned"_s, pause,
                                   {u"clone"_s, u"200-203"_s, u"--no-start"_s}));

        // The batch is alive: its VMs are neither recovered nor released from elsewhere.
        const auto release = m_cli->run({u"release"_s, u"200-203"_s});
        QCOMPARE(release.exitCode, 1);
        QVERIFY2(release.err.contains(u"vm200 is planned by another batch"_s),
                 qPrintable(release.err));
        QVERIFY(!release.err.contains(u"recovered"_s));
        for (const auto &v : m_cli->run({u"list"_s, u"--json"_s}).json().array())
            QCOMPARE(v.toObject().value(u"state"_s).toString(), u"planned"_s);

        QVERIFY(QFile::remove(pause));
        QVERIFY(clone.waitForFinished(120000));
        QCOMPARE(clone.exitCode(), 0);
        checkConsistent(shards);
        QCOMPARE(m_cli->run({u"release"_s, u"200-203"_s}).exitCode, 0);
        QCOMPARE(m_cli->run({u"list"_s, u"--json"_s}).json().array().size(), 0);
    }

    void killedWhileReleasingIsCompleted() {
        const QStringList shards{path(u"shard-a"_s), path(u"shard-b"_s)};
        QCOMPARE(m_cli->run({u"clone"_s, u"190-193"_s, u"--no-start"_s}).exitCode, 0);
        crashAt(u"releasing"_s, {u"release"_s, u"190-193"_s, u"--jobs"_s, u"1"_s});
        // The release was promised: the next changing command completes it.
        const auto recovered = m_cli->run({u"recover"_s});
        QCOMPARE(recovered.exitCode, 0);
        QVERIFY2(recovered.err.contains(u"released"_s), qPrintable(recovered.err));
        const auto list = m_cli->run({u"list"_s, u"--json"_s});
        QCOMPARE(list.exitCode, 0);
        checkConsistent(shards);
        const QStringList left = [&] {
            QStringList names;
            for (const auto &v : list.json().array())
                names << v.toObject().value(u"name"_s).toString();
            return names;
        }();
        QVERIFY2(!left.contains(u"vm190"_s), qPrintable(left.join(u' ')));
        QCOMPARE(m_cli->run({u"release"_s, u"190-193"_s}).exitCode, left.isEmpty() ? 1 : 0);
        checkConsistent(shards);
        QCOMPARE(m_cli->run({u"list"_s, u"--json"_s}).json().array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crash_recovery.moc"
