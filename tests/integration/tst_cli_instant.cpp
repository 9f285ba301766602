// Instant clones through the real CLI, without a guest (issue 15): when the template
// cannot be made, `clone --instant` refuses naming the cause, in plain text and in
// --json, and leaves nothing; `clone --instant=auto` makes linked clones instead and
// states why, in plain text and in --json ("fallback"). The cause here is a QEMU without
// memory-backend-file: a real script, first on PATH as qemu-system-x86_64, that answers
// QEMU's help queries without it. Real qemu-img, real SQLite, the real vmeclone binary.
#include "cli_runner.h"
#include "support/ci_skip.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestCliInstant : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir{u"/tmp/vme-cli-instant-XXXXXX"_s};
    std::unique_ptr<CliRunner> m_cli;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }
    QJsonArray list() const { return m_cli->run({u"list"_s, u"--json"_s}).json().array(); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(u"qemu-img"_s).isEmpty())
            VMECLONE_SKIP_UNLESS_CI("qemu-img not installed (apt-get install qemu-utils)");
        for (const auto &d : {u"golden"_s, u"shard"_s, u"bin"_s})
            QVERIFY(QDir().mkpath(path(d)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"golden/disk.qcow2"_s), u"16M"_s}),
                 0);
        QFile json(path(u"golden/tiny.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny",
                       "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2",
                       "suffix": 176, "subnet": "192.168.1.0/24"})");
        json.close();
        QFile qemu(path(u"bin/qemu-system-x86_64"_s));
        QVERIFY(qemu.open(QIODevice::WriteOnly));
        qemu.write("#!/bin/sh\necho 'memory-backend-ram'\necho 'name \"virtio-net-pci\"'\n");
        qemu.close();
        QVERIFY(qemu.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                    | QFileDevice::ExeOwner));
        m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s));
        m_cli->setEnv(u"PATH"_s, path(u"bin"_s) + u":"_s + qEnvironmentVariable("PATH"));
        auto r = m_cli->run({u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_cli->run({u"shard"_s, u"add"_s, path(u"shard"_s)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // --instant without auto: refused, naming the cause, nothing reserved or left.
    void instantRefusesWithTheCause() {
        auto r = m_cli->run({u"clone"_s, u"177-178"_s, u"--instant"_s, u"--no-start"_s,
                             u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = r.json().object();
        QCOMPARE(report.value(u"ok"_s).toBool(true), false);
        QVERIFY(!report.contains(u"fallback"_s));
        const QJsonArray results = report.value(u"results"_s).toArray();
        QCOMPARE(results.size(), 2);
        for (const auto &v : results) {
            const QString message = v.toObject().value(u"message"_s).toString();
            QVERIFY2(message.contains(u"no instant clone"_s)
                         && message.contains(u"has no memory-backend-file"_s),
                     qPrintable(message));
        }
        QCOMPARE(list().size(), 0);
        QVERIFY(!QFileInfo::exists(path(u"home/templates/tiny"_s)));

        r = m_cli->run({u"clone"_s, u"177-178"_s, u"--instant"_s, u"--no-start"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"has no memory-backend-file"_s), qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"linked clones"_s), qPrintable(r.err));
        QCOMPARE(list().size(), 0);

        // The template verb says the same.
        r = m_cli->run({u"golden"_s, u"template"_s, u"tiny"_s, u"--json"_s});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(QString::fromUtf8(r.out + r.err.toUtf8()).contains(u"has no memory-backend-file"_s),
                 qPrintable(r.err));
    }

    // --instant=auto: linked clones, and the reason in the JSON and in the plain text.
    void autoFallsBackAndSaysWhy() {
        auto r = m_cli->run({u"clone"_s, u"177-178"_s, u"--instant=auto"_s, u"--no-start"_s,
                             u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject report = r.json().object();
        QCOMPARE(report.value(u"ok"_s).toBool(), true);
        QCOMPARE(report.value(u"mode"_s).toString(), u"linked"_s);
        QVERIFY2(report.value(u"fallback"_s).toString().contains(u"has no memory-backend-file"_s),
                 r.out.constData());
        QCOMPARE(report.value(u"results"_s).toArray().size(), 2);

        r = m_cli->run({u"clone"_s, u"179"_s, u"--instant=auto"_s, u"--no-start"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(u"made linked clones instead"_s)
                     && r.err.contains(u"has no memory-backend-file"_s),
                 qPrintable(r.err));

        const QJsonArray vms = list();
        QCOMPARE(vms.size(), 3);
        for (const auto &v : vms)
            QCOMPARE(v.toObject().value(u"clone_mode"_s).toString(), u"linked"_s);
        // A cold clone asked for plainly says nothing of instant clones.
        r = m_cli->run({u"clone"_s, u"180"_s, u"--no-start"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.json().object().contains(u"fallback"_s));
        QVERIFY(!r.err.contains(u"instant"_s));

        r = m_cli->run({u"release"_s, u"177-180"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(list().size(), 0);
        QCOMPARE(QDir(path(u"shard"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliInstant)
#include "tst_cli_instant.moc"
