// `golden push` over a real OpenSSH server (tests/support/ssh_server.h) and the real rsync:
// the head (this machine) holds a golden made from a real qcow2; host lab1 is a second data
// folder reached over SSH on 127.0.0.1 inside the test's own network namespace, holding no
// golden at first. A push copies and registers it there; a second push copies nothing; a
// copy that fails registers nothing and the next push finishes it; a golden changed on the
// head afterwards makes a clone over both hosts refuse naming lab1.

#include "cli_runner.h"
#include "support/ci_skip.h"
#include "support/own_network.h"
#include "support/ssh_server.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestGoldenPush : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    TestSshServer m_sshd;
    std::unique_ptr<CliRunner> m_head;
    std::unique_ptr<CliRunner> m_lab1; // lab1's own CLI, on its own data folder

    QString path(const QString &rel) const { return m_dir.filePath(rel); }
    QString headDisk() const { return path(u"golden/disk.qcow2"_s); }
    QString lab1Folder() const { return path(u"home-lab1/goldens/tiny"_s); }

    // The golden named tiny as a CLI lists it; empty when it holds none.
    static QJsonObject tinyOf(const CliRunner &cli) {
        const auto r = cli.run({u"golden"_s, u"list"_s, u"--json"_s});
        for (const auto &v : r.json().array())
            if (v.toObject().value(u"name"_s).toString() == u"tiny"_s)
                return v.toObject();
        return {};
    }

    CliResult push(const QString &hosts) const {
        return m_head->run({u"golden"_s, u"push"_s, u"tiny"_s, u"--hosts"_s, hosts, u"--json"_s});
    }
    // The one host's result of a push to one host.
    static QJsonObject onlyResult(const CliResult &r) {
        const QJsonArray results = r.json().object().value(u"results"_s).toArray();
        return results.size() == 1 ? results.first().toObject() : QJsonObject();
    }
    static QString said(const CliResult &r) { return r.err + QString::fromUtf8(r.out); }

    static int qemuImg(const QStringList &args) { return QProcess::execute(u"qemu-img"_s, args); }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
        QVERIFY(m_dir.isValid());
        for (const char *tool : {"rsync", "qemu-img", "qemu-io"})
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                VMECLONE_SKIP_UNLESS_CI(
                    qPrintable(u"%1 is missing: install it"_s.arg(QString::fromLatin1(tool))));
        QVERIFY(QDir().mkpath(path(u"sshd"_s)));
        if (!m_sshd.start(path(u"sshd"_s)))
            VMECLONE_SKIP_UNLESS_CI(qPrintable(m_sshd.why()));
        qputenv("VMECLONE_SSH_CONFIG", m_sshd.clientConfig().toLocal8Bit());
        const QString run = path(u"run"_s);
        QVERIFY(QDir().mkpath(run));
        QVERIFY(QFile::setPermissions(run, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("XDG_RUNTIME_DIR", run.toLocal8Bit());

        // The head's golden: a real qcow2 with content of its own (3 MiB, past the samples'
        // edges), registered here only.
        QVERIFY(QDir().mkpath(path(u"golden"_s)));
        QCOMPARE(qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, headDisk(), u"64M"_s}), 0);
        QCOMPARE(QProcess::execute(u"qemu-io"_s, {u"-f"_s, u"qcow2"_s, u"-c"_s,
                                                  u"write -q -P 0xab 0 3M"_s, headDisk()}),
                 0);
        QFile json(path(u"golden/tiny.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny",
                      "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2"})");
        json.close();

        m_head = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home-local"_s));
        m_lab1 = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home-lab1"_s));
        auto r =
            m_head->run({u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s), u"--suffix"_s,
                         u"176"_s, u"--subnet"_s, u"10.40.0.0/24"_s, u"--name-prefix"_s, u"t"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const CliRunner *cli : {m_head.get(), m_lab1.get()}) {
            const QString shard = cli->home() + u"-shard"_s;
            QVERIFY(QDir().mkpath(shard));
            r = cli->run({u"shard"_s, u"add"_s, shard});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        r = m_head->run({u"host"_s, u"add"_s, u"lab1"_s, m_sshd.destination(), u"--port"_s,
                         QString::number(m_sshd.port()), u"--home"_s, path(u"home-lab1"_s),
                         u"--remote-command"_s, QStringLiteral(VMECLONE_CLI)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(tinyOf(*m_lab1).isEmpty());
    }

    void cleanupTestCase() {
        const QString run = path(u"run"_s);
        for (const QString &socket :
             QDir(run).entryList({u"vmeclone-ssh-*"_s}, QDir::System | QDir::Files))
            QProcess::execute(u"ssh"_s, {u"-F"_s, u"/dev/null"_s, u"-S"_s, run + u'/' + socket,
                                         u"-O"_s, u"exit"_s, u"127.0.0.1"_s});
        m_sshd.stop();
    }

    // A host the head does not know: refused as the usage error it is, naming --hosts,
    // before anything is copied anywhere.
    void anUnknownHostIsRefused() {
        const auto r =
            m_head->run({u"golden"_s, u"push"_s, u"tiny"_s, u"--hosts"_s, u"lab1,nosuch"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--hosts"_s) && r.err.contains(u"nosuch"_s), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path(u"home-lab1/goldens"_s)));
        QVERIFY(tinyOf(*m_lab1).isEmpty());
    }

    // The files arrive whole and the host registers them with the head's parameters.
    void aPushCopiesAndRegisters() {
        QJsonObject o;
        {
            const CliResult pushed = push(u"lab1"_s);
            QVERIFY2(pushed.exitCode == 0, qPrintable(said(pushed)));
            o = onlyResult(pushed);
        }
        QCOMPARE(o.value(u"host"_s).toString(), u"lab1"_s);
        QVERIFY2(o.value(u"ok"_s).toBool(), qPrintable(o.value(u"message"_s).toString()));
        QVERIFY(!o.value(u"skipped"_s).toBool());
        QVERIFY2(o.value(u"copied_bytes"_s).toInteger() > 3 << 20,
                 qPrintable(QString::number(o.value(u"copied_bytes"_s).toInteger())));

        const QJsonObject here = tinyOf(*m_head);
        const QJsonObject there = tinyOf(*m_lab1);
        QVERIFY(!there.isEmpty());
        QCOMPARE(there.value(u"path"_s).toString(), lab1Folder() + u"/tiny.json"_s);
        for (const QString &key : {u"subnet"_s, u"suffix"_s, u"ip"_s, u"name_prefix"_s})
            QCOMPARE(there.value(key), here.value(key));
        QVERIFY(!here.value(u"checksum"_s).toString().isEmpty());
        QCOMPARE(there.value(u"checksum"_s), here.value(u"checksum"_s));
        QCOMPARE(qemuImg({u"compare"_s, u"-q"_s, headDisk(), lab1Folder() + u"/disk.qcow2"_s}), 0);
    }

    // Identical files there: said so, nothing copied, in words too.
    void aSecondPushCopiesNothing() {
        QJsonObject o;
        {
            const CliResult pushed = push(u"all"_s);
            QVERIFY2(pushed.exitCode == 0, qPrintable(said(pushed)));
            o = onlyResult(pushed);
        }
        QCOMPARE(o.value(u"host"_s).toString(), u"lab1"_s);
        QVERIFY(o.value(u"ok"_s).toBool());
        QVERIFY(o.value(u"skipped"_s).toBool());
        QVERIFY(!o.contains(u"copied_bytes"_s));
        const auto r = m_head->run({u"golden"_s, u"push"_s, u"tiny"_s, u"--hosts"_s, u"lab1"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).startsWith(u"lab1: identical, skipped"_s),
                 qPrintable(QString::fromUtf8(r.out)));
    }

    // A copy that cannot complete registers nothing; the next push finishes a copy that was
    // cut short (the disk there half written) and registers it.
    void aFailedCopyRegistersNothingAndARerunCompletesIt() {
        auto r = m_lab1->run({u"golden"_s, u"remove"_s, u"tiny"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile disk(lab1Folder() + u"/disk.qcow2"_s);
        QVERIFY(disk.resize(disk.size() / 2));
        // Where the folder should be, a file: rsync cannot write there.
        QVERIFY(QDir().rename(lab1Folder(), lab1Folder() + u".away"_s));
        {
            QFile blocker(lab1Folder());
            QVERIFY(blocker.open(QIODevice::WriteOnly));
        }
        QJsonObject o;
        {
            const CliResult pushed = push(u"lab1"_s);
            QVERIFY2(pushed.exitCode == 1, qPrintable(said(pushed)));
            o = onlyResult(pushed);
        }
        QVERIFY(!o.value(u"ok"_s).toBool());
        const QString message = o.value(u"message"_s).toString();
        // Said by rsync, before any registration was tried.
        QVERIFY2(message.contains(u"lab1"_s) && message.contains(u"rsync failed"_s)
                     && message.contains(u"push again"_s),
                 qPrintable(message));
        QVERIFY(tinyOf(*m_lab1).isEmpty());

        QVERIFY(QFile::remove(lab1Folder()));
        QVERIFY(QDir().rename(lab1Folder() + u".away"_s, lab1Folder()));
        QVERIFY(qemuImg({u"compare"_s, u"-q"_s, headDisk(), lab1Folder() + u"/disk.qcow2"_s}) != 0);
        {
            const CliResult pushed = push(u"lab1"_s);
            QVERIFY2(pushed.exitCode == 0, qPrintable(said(pushed)));
            o = onlyResult(pushed);
        }
        QVERIFY2(o.value(u"ok"_s).toBool(), qPrintable(o.value(u"message"_s).toString()));
        QVERIFY(!o.value(u"skipped"_s).toBool());
        QCOMPARE(qemuImg({u"compare"_s, u"-q"_s, headDisk(), lab1Folder() + u"/disk.qcow2"_s}), 0);
        QCOMPARE(tinyOf(*m_lab1).value(u"checksum"_s), tinyOf(*m_head).value(u"checksum"_s));
    }

    // The head's golden changed (and accepted there): a clone over both hosts is refused
    // naming lab1, nothing is made; pushing it is refused too until lab1 forgets its own.
    void aGoldenThatDiffersRefusesTheClone() {
        QCOMPARE(QProcess::execute(u"qemu-io"_s, {u"-f"_s, u"qcow2"_s, u"-c"_s,
                                                  u"write -q -P 0xcd 1M 64k"_s, headDisk()}),
                 0);
        auto r = m_head->run({u"golden"_s, u"refresh"_s, u"tiny"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(tinyOf(*m_head).value(u"checksum"_s) != tinyOf(*m_lab1).value(u"checksum"_s));

        r = m_head->run(
            {u"clone"_s, u"177-178"_s, u"--hosts"_s, u"all"_s, u"--no-start"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        const QString refused = r.json().object().value(u"error"_s).toString();
        QVERIFY2(refused.contains(u"differs"_s) && refused.contains(u"host lab1"_s)
                     && refused.contains(u"golden push"_s),
                 qPrintable(refused + r.err));
        QCOMPARE(m_head->run({u"list"_s, u"--json"_s}).json().array().size(), 0);
        QCOMPARE(m_lab1->run({u"list"_s, u"--json"_s}).json().array().size(), 0);

        QJsonObject o;
        {
            const CliResult pushed = push(u"lab1"_s);
            QVERIFY2(pushed.exitCode == 1, qPrintable(said(pushed)));
            o = onlyResult(pushed);
        }
        QVERIFY2(o.value(u"message"_s).toString().contains(u"golden remove tiny"_s),
                 qPrintable(o.value(u"message"_s).toString()));

        // Forgotten there, pushed again: the hosts agree and the clone goes ahead.
        r = m_lab1->run({u"golden"_s, u"remove"_s, u"tiny"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        {
            const CliResult pushed = push(u"lab1"_s);
            QVERIFY2(pushed.exitCode == 0, qPrintable(said(pushed)));
            o = onlyResult(pushed);
        }
        QVERIFY2(o.value(u"ok"_s).toBool(), qPrintable(o.value(u"message"_s).toString()));
        QCOMPARE(qemuImg({u"compare"_s, u"-q"_s, headDisk(), lab1Folder() + u"/disk.qcow2"_s}), 0);
        r = m_head->run(
            {u"clone"_s, u"177-178"_s, u"--hosts"_s, u"all"_s, u"--no-start"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
    }

    // A name that is no plain folder name ('/', a space) goes into a folder of its own under
    // the host's goldens/, never outside it.
    void aNameThatIsNoFolderNameStaysInsideGoldens() {
        QVERIFY(QDir().mkpath(path(u"golden2"_s)));
        QVERIFY(QFile::copy(path(u"golden/tiny.json"_s), path(u"golden2/tiny.json"_s)));
        QVERIFY(QFile::copy(headDisk(), path(u"golden2/disk.qcow2"_s)));
        auto r = m_head->run({u"golden"_s, u"add"_s, path(u"golden2/tiny.json"_s), u"--name"_s,
                              u"../web eu"_s, u"--suffix"_s, u"175"_s, u"--subnet"_s,
                              u"10.41.0.0/24"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_head->run(
            {u"golden"_s, u"push"_s, u"../web eu"_s, u"--hosts"_s, u"lab1"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(said(r)));
        const auto listed = m_lab1->run({u"golden"_s, u"list"_s, u"--json"_s}).json().array();
        QString there;
        for (const auto &v : listed)
            if (v.toObject().value(u"name"_s).toString() == u"../web eu"_s)
                there = v.toObject().value(u"path"_s).toString();
        const QString goldens = path(u"home-lab1/goldens/"_s);
        QVERIFY2(there.startsWith(goldens + u"golden-___web_eu-"_s), qPrintable(there));
        QCOMPARE(QFileInfo(there).absolutePath(), QFileInfo(there).canonicalPath());
        QVERIFY(!QFileInfo::exists(path(u"home-lab1/web eu"_s)));
    }
};

QTEST_GUILESS_MAIN(TestGoldenPush)
#include "tst_golden_push.moc"
