// Issue 14, item 8: the CLI's verbs behave alike. `list` takes a range; each verb's usage
// names it and its --help shows only its own options; nothing Qt says reaches stdout or
// stderr; vmecloneVMOS shows the one VM it made and takes --wait-online; a reader that
// closes the pipe (`| head -1`) never stops a batch half-way.
//
// Starts QEMUs (an empty disk: nothing boots), so it must run in a network namespace of
// its own (CTest starts it under unshare --net).

#include "cli_runner.h"
#include "support/own_network.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestCliConsistency : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CliRunner> m_cli;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    QJsonArray list(const QStringList &more = {}) const {
        const auto r = m_cli->run(QStringList{u"list"_s, u"--json"_s} + more);
        [&] {
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }();
        return r.json().array();
    }

    QStringList addressesOf(const QJsonArray &vms) const {
        QStringList ips;
        for (const auto &v : vms)
            ips << v.toObject().value(u"ip"_s).toString();
        ips.sort();
        return ips;
    }

    // A line a Qt module printed (its category or class name first), not one of ours.
    static bool hasQtWarning(const QString &text) {
        static const QRegularExpression qt(
            uR"((^|\n)(Q[A-Z][A-Za-z]+(::[A-Za-z]+)?:|qt\.[a-z.]+:|Warning:|This plugin))"_s);
        return qt.match(text).hasMatch();
    }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(u"golden"_s)));
        QVERIFY(QDir().mkpath(path(u"shard"_s)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"golden/disk.qcow2"_s), u"64M"_s}),
                 0);
        QFile json(path(u"golden/tiny.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny",
                       "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2"})");
        json.close();
        m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s),
                                            quint16(19176));
        // Its guests have no system: they never answer the power button, and every stop
        // would wait the full grace (20 s) before forcing them off.
        m_cli->setEnv(u"VMECLONE_STOP_GRACE"_s, u"0"_s);
        auto r = m_cli->run({u"golden"_s, u"add"_s, json.fileName(), u"--suffix"_s, u"176"_s,
                             u"--subnet"_s, u"192.168.1.0/24"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_cli->run({u"shard"_s, u"add"_s, path(u"shard"_s)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_cli->run({u"clone"_s, u"177-180"_s, u"--no-start"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void listTakesARange() {
        QCOMPARE(addressesOf(list()).size(), 4);
        QCOMPARE(addressesOf(list({u"178-179"_s})),
                 (QStringList{u"192.168.1.178"_s, u"192.168.1.179"_s}));
        QCOMPARE(addressesOf(list({u"177,180"_s})),
                 (QStringList{u"192.168.1.177"_s, u"192.168.1.180"_s}));
        QCOMPARE(list({u"200-210"_s}).size(), 0); // nothing there: an empty listing
        auto r = m_cli->run({u"list"_s, u"177-178"_s});
        QCOMPARE(r.exitCode, 0);
        const QString table = QString::fromUtf8(r.out);
        QVERIFY2(table.contains(u"vm177"_s) && table.contains(u"vm178"_s), r.out.constData());
        QVERIFY2(!table.contains(u"vm179"_s) && !table.contains(u"vm180"_s), r.out.constData());
        r = m_cli->run({u"list"_s, u"300"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"300"_s), qPrintable(r.err));
    }

    void helpNamesTheVerbAndOnlyItsOptions_data() {
        QTest::addColumn<QStringList>("verb");
        QTest::addColumn<QStringList>("shown");
        QTest::addColumn<QStringList>("hidden");
        const QStringList vmware{u"--vmrun"_s, u"--vmware-type"_s, u"--console-address"_s};
        const QStringList batch{u"--jobs"_s};
        QTest::newRow("list") << QStringList{u"list"_s}
                              << QStringList{u"--json"_s, u"--hosts"_s, u"[RANGE]"_s}
                              << vmware + batch + QStringList{u"--port"_s};
        QTest::newRow("export") << QStringList{u"export"_s}
                                << QStringList{u"--output"_s, u"--format"_s}
                                << vmware + batch + QStringList{u"--port"_s};
        QTest::newRow("shard add")
            << QStringList{u"shard"_s, u"add"_s} << QStringList{u"--weight"_s, u"DIR"_s}
            << vmware + batch + QStringList{u"--port"_s};
        QTest::newRow("golden list")
            << QStringList{u"golden"_s, u"list"_s} << QStringList{u"--json"_s}
            << vmware + batch + QStringList{u"--port"_s};
        QTest::newRow("listen") << QStringList{u"listen"_s} << QStringList{u"--port"_s}
                                << vmware + batch;
        QTest::newRow("clone") << QStringList{u"clone"_s}
                               << vmware + batch
                                      + QStringList{u"--port"_s, u"--wait-online"_s, u"RANGE"_s}
                               << QStringList{};
        QTest::newRow("start") << QStringList{u"start"_s}
                               << vmware + batch + QStringList{u"--port"_s, u"--wait-online"_s}
                               << QStringList{u"--no-start"_s};
        QTest::newRow("vmecloneVMOS")
            << QStringList{u"vmecloneVMOS"_s}
            << QStringList{u"--wait-online"_s, u"--no-start"_s, u"NEW_SUFFIX"_s} << batch;
        QTest::newRow("host add") << QStringList{u"host"_s, u"add"_s}
                                  << QStringList{u"REMOTE_DATA_DIR"_s, u"--remote-command"_s}
                                  << vmware + batch;
    }

    void helpNamesTheVerbAndOnlyItsOptions() {
        QFETCH(QStringList, verb);
        QFETCH(QStringList, shown);
        QFETCH(QStringList, hidden);
        const auto r = m_cli->run(verb + QStringList{u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        const QString help = QString::fromUtf8(r.out);
        QVERIFY2(help.startsWith(u"Usage: vmeclone %1 [options]"_s.arg(verb.join(u' '))),
                 qPrintable(help));
        for (const QString &s : shown)
            QVERIFY2(help.contains(s), qPrintable(s + u" missing in:\n"_s + help));
        for (const QString &s : hidden)
            QVERIFY2(!help.contains(s + u' ') && !help.contains(s + u'\n')
                         && !help.contains(s + u" <"_s),
                     qPrintable(s + u" shown in:\n"_s + help));
        // An option the verb does not offer is refused, with the verb's own usage.
        if (!hidden.isEmpty()) {
            const QString option = hidden.constFirst();
            const auto refused =
                m_cli->run(verb + QStringList{option, u"1"_s, u"177"_s, u"NAME"_s, u"x"_s});
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(
                         u"vmeclone %1: Unknown option '%2'"_s.arg(verb.join(u' '), option.mid(2))),
                     qPrintable(refused.err));
            QVERIFY2(refused.err.contains(u"Usage: vmeclone %1 [options]"_s.arg(verb.join(u' '))),
                     qPrintable(refused.err));
        }
    }

    // The export's QStandardPaths warning came from QGuiApplication (the PDF's fonts) asking
    // for a runtime folder where XDG_RUNTIME_DIR is unset, as under cron, ssh or CI.
    void noQtWarnings_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("export pdf") << QStringList{u"export"_s, u"--output"_s, u"%1/r.pdf"_s};
        QTest::newRow("export html") << QStringList{u"export"_s, u"--output"_s, u"%1/r.html"_s};
        QTest::newRow("list") << QStringList{u"list"_s};
        QTest::newRow("list json") << QStringList{u"list"_s, u"--json"_s, u"177-178"_s};
        QTest::newRow("plan") << QStringList{u"plan"_s, u"181-182"_s};
        QTest::newRow("help") << QStringList{u"list"_s, u"--help"_s};
        QTest::newRow("refused option") << QStringList{u"list"_s, u"--jobs"_s, u"2"_s};
        QTest::newRow("golden list") << QStringList{u"golden"_s, u"list"_s};
    }

    void noQtWarnings() {
        QFETCH(QStringList, args);
        for (QString &a : args)
            a.replace(u"%1"_s, m_dir.path());
        QProcess p;
        auto env = m_cli->environment();
        env.remove(u"XDG_RUNTIME_DIR"_s);
        env.remove(u"QT_QPA_PLATFORM"_s);
        env.remove(u"DISPLAY"_s);
        env.remove(u"QT_LOGGING_RULES"_s);
        p.setProcessEnvironment(env);
        p.start(m_cli->program(), args);
        QVERIFY(p.waitForFinished(120000));
        const QString said =
            QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit, qPrintable(said));
        QVERIFY2(!said.isEmpty(), "the command said nothing at all");
        QVERIFY2(!hasQtWarning(said), qPrintable(said));
    }

    void seedAliasShowsItsOneVm() {
        auto r = m_cli->run({u"vmecloneVMOS"_s, u"176"_s, u"188"_s, u"--no-start"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // the header and vm188, not the other VMs
        QVERIFY2(lines.at(1).startsWith(u"vm188 "_s), r.out.constData());
        r = m_cli->run({u"vmecloneVMOS"_s, u"176"_s, u"189"_s, u"--wait-online"_s, u"soon"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--wait-online soon"_s), qPrintable(r.err));
        r = m_cli->run({u"vmecloneVMOS"_s, u"176"_s, u"189-190"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"'vmeclone clone 189-190'"_s), qPrintable(r.err));
        // Started, its guest (an empty disk) never announces: --wait-online gives up and
        // says so in the exit code, and the VM runs on.
        r = m_cli->run({u"vmecloneVMOS"_s, u"176"_s, u"189"_s, u"--wait-online"_s, u"1"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"not all VMs came online within 1 s"_s), qPrintable(r.err));
        const auto vm = list({u"189"_s});
        QCOMPARE(vm.size(), 1);
        QCOMPARE(vm.at(0).toObject().value(u"state"_s).toString(), u"booting"_s);
    }

    // `clone 190-192 | head -1` through a real shell: the reader leaves after one line of
    // stdout (or of stderr's progress, `2>&1`), and the batch still makes and starts every
    // VM; the exit code is the batch's.
    void aClosedPipeNeverStopsABatch_data() {
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("redirect");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("stdout") << u"190-192"_s << QString()
                                << QStringList{u"192.168.1.190"_s, u"192.168.1.191"_s,
                                               u"192.168.1.192"_s};
        QTest::newRow("stdout and progress")
            << u"193-195"_s << u"2>&1"_s
            << QStringList{u"192.168.1.193"_s, u"192.168.1.194"_s, u"192.168.1.195"_s};
    }

    void aClosedPipeNeverStopsABatch() {
        QFETCH(QString, range);
        QFETCH(QString, redirect);
        QFETCH(QStringList, expected);
        QProcess shell;
        shell.setProcessEnvironment(m_cli->environment());
        // head's output goes to a file; the CLI's exit code is printed on stdout.
        shell.start(
            u"bash"_s,
            {u"-c"_s,
             u"\"$0\" clone %1 --jobs 1 %2 | head -1 > \"$1\"; echo \"${PIPESTATUS[0]}\""_s.arg(
                 range, redirect),
             m_cli->program(), path(u"head-"_s + range)});
        QVERIFY(shell.waitForFinished(300000));
        QCOMPARE(shell.exitCode(), 0);
        const QByteArray code = shell.readAllStandardOutput().trimmed();
        QVERIFY2(code == "0", shell.readAllStandardError().constData());
        QFile head(path(u"head-"_s + range));
        QVERIFY(head.open(QIODevice::ReadOnly));
        QVERIFY2(!head.readAll().isEmpty(), "head read a line");
        const auto vms = list({range});
        QCOMPARE(addressesOf(vms), expected);
        for (const auto &v : vms)
            QVERIFY2(v.toObject().value(u"state"_s).toString() == u"booting"_s,
                     qPrintable(v.toObject().value(u"name"_s).toString() + u" is "_s
                                + v.toObject().value(u"state"_s).toString()));
    }

    void cleanupTestCase() {
        // Stops the QEMUs this test started.
        if (m_cli)
            m_cli->run({u"release"_s, u"177-254"_s, u"--yes"_s});
    }
};

QTEST_GUILESS_MAIN(TestCliConsistency)
#include "tst_cli_consistency.moc"
