// The console killed with SIGKILL mid-batch, then reopened: it recovers what the dead
// batch left, says so in its log pane, and leaves no orphan folder and no orphan row.
//
// The console runs as a child process: this executable again, with --console-child,
// wired as app/console_main.cpp wires it (engine service, listener thread, main window on
// the demo golden, offscreen). The child clones through the window's own Clone action
// and dialog. A first child makes two linked clones and quits; then a child makes a batch
// of full copies with VMECLONE_CRASH_AT=mid-copy and dies half-way through the first
// copy (the others wait for the drive, planned). The test then reopens the console in
// its own process on the same data folder, as an operator would.
//
// No guest is started (the dialog's "start" is unticked), so no network namespace.

#include "clone_range_dialog.h"
#include "common/logging.h"
#include "common/translations.h"
#include "inventory/inventory.h"
#include "listener_thread.h"
#include "log_pane.h"
#include "main_window.h"
#include "support/consistency.h"
#include "table_states.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

#include <csignal>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

quint16 freeUdpPort() {
    QUdpSocket probe;
    if (!probe.bind(QHostAddress::LocalHost, 0))
        return 0;
    return probe.localPort();
}

// The console as app/console_main.cpp builds it: the engine service opened on the data
// folder (which queues the recovery of dead batches), the announcement listener in its
// thread, and the window (the log pane is attached to the loggers by the window).
struct Console {
    std::unique_ptr<EngineService> service;
    std::unique_ptr<ListenerThread> listener;
    std::unique_ptr<MainWindow> window;

    // `beforeWindow` runs between opening the engine and making the window.
    Status open(const QString &home, const std::function<void()> &beforeWindow = {}) {
        const quint16 port = freeUdpPort();
        if (!port)
            return fail(u"no free UDP port on 127.0.0.1"_s);
        EngineConfig config;
        config.home = home;
        config.listenerPort = port;
        config.qemu.listenerPort = port;
        config.parallelism = qMax(2, QThread::idealThreadCount());
        service = std::make_unique<EngineService>(config);
        if (auto s = service->open(); !s)
            return s;
        if (beforeWindow)
            beforeWindow();

        AnnouncementListener::Options o;
        o.port = config.listenerPort;
        o.inventoryPath = config.inventoryPath();
        o.secretPath = config.secretPath();
        o.unreachableAfterMs = config.heartbeatSeconds * 3000 + 1000;
        listener = std::make_unique<ListenerThread>(o);
        const Status listening = listener->start();

        ConsoleOptions options;
        options.home = home;
        options.demoGolden = QStringLiteral(VMECLONE_DEMO_GOLDEN);
        options.setUpDefaults = true; // as with --demo-golden: the demo and two shards
        window = std::make_unique<MainWindow>(service.get(), options);
        window->attachListener(listening ? listener.get() : nullptr, listening.error());
        window->show();
        return {};
    }

    ~Console() {
        window.reset();
        listener.reset();
        service.reset();
    }
};

int childFails(const QString &why) {
    const QByteArray b = (u"console child: "_s + why + u'\n').toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), stderr);
    return 3;
}

// The child: a console on `home` (the demo golden and two shards set up on first start)
// clones `range` in `mode` through its Clone action and dialog, without starting the
// clones, and exits 0 when the batch finished well. Under VMECLONE_CRASH_AT it dies first.
int consoleChild(const QString &home, const QString &range, const QString &mode) {
    QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
    Translations::install(u"en"_s);
    log::setup(spdlog::level::info, QDir(home).filePath(u"logs/console.log"_s));
    Console console;
    if (auto s = console.open(home); !s)
        return childFails(s.error());
    MainWindow *window = console.window.get();
    if (!QTest::qWaitFor(
            [&] {
                return window->inventory().goldens.size() == 1
                       && window->inventory().shards.size() == 2
                       && window->action(u"clone"_s)->isEnabled();
            },
            60000))
        return childFails(u"the demo golden and two shards were not set up"_s);

    QSignalSpy done(window, &MainWindow::batchDone);
    window->action(u"clone"_s)->trigger();
    CloneRangeDialog *dialog = nullptr;
    if (!QTest::qWaitFor(
            [&] {
                return (dialog = window->findChild<CloneRangeDialog *>()) && dialog->isVisible();
            },
            10000))
        return childFails(u"the Clone action opened no dialog"_s);
    if (!QTest::qWaitForWindowExposed(dialog))
        return childFails(u"the Clone dialog is not shown"_s);
    dialog->findChild<QRadioButton *>(mode)->click();
    if (QCheckBox *start = dialog->findChild<QCheckBox *>(u"start"_s); start->isChecked())
        start->click();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"range"_s), range);
    if (!QTest::qWaitFor([&] { return dialog->isValid(); }, 20000))
        return childFails(u"the dialog refuses %1: %2"_s.arg(range, dialog->message()));
    if (dialog->options().mode != mode || dialog->options().start)
        return childFails(u"the dialog did not take the mode %1 without start"_s.arg(mode));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);

    if (!QTest::qWaitFor([&] { return !done.isEmpty(); }, 300000))
        return childFails(u"the batch did not finish in 5 minutes"_s);
    const auto result = done.first().at(1).value<BatchResult>();
    for (const auto &o : result.outcomes) {
        if (!o.ok)
            return childFails(u"%1: %2"_s.arg(o.name, o.message));
    }
    return 0;
}

} // namespace

class TestConsoleCrash : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{u"/tmp/vme-ccrash-XXXXXX"_s}; // short: QMP socket paths fit 108 bytes
    QStringList m_kept;                               // made before the crashes: they stay

    QString home() const { return m_dir.filePath(u"home"_s); }

    struct Child {
        bool finished = false;
        QProcess::ExitStatus status = QProcess::NormalExit;
        int code = -1; // the exit code, or the signal for a crash
        QString err;
    };

    Child runChild(const QString &range, const QString &mode, const QString &crashAt = {}) {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.remove(u"VMECLONE_CRASH_AT"_s);
        if (!crashAt.isEmpty())
            env.insert(u"VMECLONE_CRASH_AT"_s, crashAt);
        p.setProcessEnvironment(env);
        p.start(QCoreApplication::applicationFilePath(),
                {u"--console-child"_s, home(), range, mode});
        Child c;
        c.finished = p.waitForFinished(300000);
        if (!c.finished) {
            p.kill();
            p.waitForFinished();
        }
        c.status = p.exitStatus();
        c.code = p.exitCode(); // on Unix, the signal number when it crashed
        c.err = QString::fromUtf8(p.readAllStandardError());
        return c;
    }

    static QList<CloneRow> rowsOf(const QList<VmRecord> &vms) {
        QList<CloneRow> rows;
        for (const auto &vm : vms)
            rows.append(CloneRow{vm.name, vmStateName(vm.state), vm.folder});
        return rows;
    }

    static QStringList shardPaths(const QList<ShardStatus> &shards) {
        QStringList paths;
        for (const auto &s : shards)
            paths << s.shard.path;
        return paths;
    }

    static QStringList names(const QString &from, int count) {
        QStringList out;
        for (int i = 0; i < count; ++i)
            out << u"vm%1"_s.arg(from.toInt() + i);
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        Translations::install(u"en"_s);
        QVERIFY2(QFile::exists(QStringLiteral(VMECLONE_DEMO_GOLDEN)),
                 "the demo golden is missing: build the demo-golden target");
        QVERIFY(m_dir.isValid());
        log::setup(spdlog::level::info, QDir(home()).filePath(u"logs/console.log"_s));
    }

    void aFirstConsoleClonesTwo() {
        const Child c = runChild(u"177-178"_s, u"linked"_s);
        QVERIFY2(c.finished && c.status == QProcess::NormalExit && c.code == 0, qPrintable(c.err));
        m_kept = names(u"177"_s, 2);
    }

    void killedMidBatchAndReopened_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<bool>("windowLate");
        // As console_main does: the window right after the engine opened, while the
        // recovery may still run in the engine's thread.
        QTest::newRow("window at once") << u"179"_s << false;
        // A slow start: the recovery is over before the window connects to the engine.
        QTest::newRow("window after the recovery") << u"185"_s << true;
    }

    void killedMidBatchAndReopened() {
        QFETCH(QString, from);
        QFETCH(bool, windowLate);
        constexpr int count = 6;
        const QStringList batch = names(from, count);
        const QString range = u"%1-%2"_s.arg(from.toInt()).arg(from.toInt() + count - 1);

        // The console dies by SIGKILL at the crash point, not otherwise.
        const Child c = runChild(range, u"full"_s, u"mid-copy"_s);
        QVERIFY2(c.finished, qPrintable(c.err));
        QVERIFY2(c.status == QProcess::CrashExit && c.code == SIGKILL,
                 qPrintable(u"status %1, code %2: %3"_s.arg(c.status).arg(c.code).arg(c.err)));
        QVERIFY2(c.err.contains(u"VMECLONE_CRASH_AT=mid-copy: killing this process"_s),
                 qPrintable(c.err));

        // What it left, read straight from the inventory: the batch's rows in flight, one
        // copy half-made, and the check sees the mess (it is not blind).
        const QString inventoryPath = home() + u"/inventory.sqlite"_s;
        {
            auto inventory = Inventory::open(inventoryPath);
            QVERIFY2(inventory.ok(), qPrintable(inventory.error()));
            const auto vms = (*inventory)->vms();
            QVERIFY(vms.ok());
            const auto shards = (*inventory)->shards();
            QVERIFY(shards.ok());
            QStringList inFlight, copying;
            for (const auto &vm : *vms) {
                if (vm.state == VmState::Planned || vm.state == VmState::Copying)
                    inFlight << vm.name;
                if (vm.state == VmState::Copying)
                    copying << vm.name;
            }
            inFlight.sort();
            QCOMPARE(inFlight, batch);
            QCOMPARE(copying.size(), 1); // one drive: one copy at a time
            QStringList paths;
            for (const auto &s : *shards)
                paths << s.path;
            QVERIFY(!consistencyProblems(rowsOf(*vms), paths).isEmpty());
        }

        // Reopened.
        Console console;
        bool recoveredFirst = !windowLate;
        const Status opened = console.open(home(), [&] {
            // The engine's thread answers in order: this snapshot comes after the recovery
            // (and after anything the recovery published, to nobody yet).
            if (windowLate)
                recoveredFirst = console.service->snapshot().result().ok();
        });
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QVERIFY(recoveredFirst);
        MainWindow &window = *console.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // It says what it recovered: every VM of the dead batch rolled back.
        for (const auto &name : batch)
            QTRY_VERIFY2_WITH_TIMEOUT(
                window.logPane()->text().contains(name + u": recovered: rolled back"_s),
                qPrintable(name + u" is not in the log:\n"_s + window.logPane()->text()), 30000);
        QVERIFY2(window.logPane()->text().contains(u"interrupted while copying"_s),
                 qPrintable(window.logPane()->text()));

        // One truth: nothing in flight, no orphan row or folder on any shard, the kept VMs
        // whole, and the table shows what the inventory holds.
        const auto snapshot = console.service->snapshot().result();
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.error()));
        QMap<QString, QString> expected;
        for (const auto &name : std::as_const(m_kept))
            expected.insert(name, u"configured"_s);
        QMap<QString, QString> inInventory;
        for (const auto &vm : snapshot->vms)
            inInventory.insert(vm.name, vmStateName(vm.state));
        QCOMPARE(inInventory, expected);
        const QStringList problems =
            consistencyProblems(rowsOf(snapshot->vms), shardPaths(snapshot->shards));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QTRY_COMPARE(tableStates(window), inInventory);
        QTRY_COMPARE(window.inventory().vms.size(), m_kept.size());

        // Every address of the dead batch is free again.
        CloneOptions options;
        options.mode = u"full"_s;
        options.start = false;
        const auto plan = console.service->plan(options, range).result();
        QVERIFY2(plan.ok(), qPrintable(plan.error()));
        QVERIFY2(plan->refused.isEmpty(), qPrintable(plan->refusalSummary));
        QCOMPARE(plan->items.size(), count);
    }
};

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    if (argc == 5 && std::strcmp(argv[1], "--console-child") == 0)
        return consoleChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                            QString::fromLocal8Bit(argv[4]));
    TestConsoleCrash test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_console_crash.moc"
