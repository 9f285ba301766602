// The console for real, offscreen: a window on a fresh data folder sets up the demo
// golden and two shards by itself, clones three VMs through its own Clone action and
// dialog, shows all three online in its table (the listener runs in its own thread),
// then releases them through its own Release action and confirmation, after which
// the table is empty and no file or guest remains.
//
// Must run in a network namespace of its own (CTest starts it under unshare --net):
// QEMU's user networking would otherwise forward a guest's stray packets off this host.

#include "clone_range_dialog.h"
#include "common/translations.h"
#include "listener_thread.h"
#include "main_window.h"
#include "status_board.h"
#include "support/own_network.h"
#include "table_states.h"

#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestConsoleClone : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{u"/tmp/vme-gui-XXXXXX"_s}; // short: QMP socket paths must fit 108 bytes
    std::unique_ptr<EngineService> m_service;
    std::unique_ptr<ListenerThread> m_listener;
    std::unique_ptr<MainWindow> m_window;

    QString home() const { return m_dir.filePath(u"home"_s); }

    QStringList filesUnder(const QString &dir) const {
        QStringList files;
        QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

    int ourQemuProcesses() const {
        int n = 0;
        for (const auto &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
            QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
            if (cmdline.open(QIODevice::ReadOnly)
                && cmdline.readAll().contains(m_dir.path().toUtf8()))
                ++n;
        }
        return n;
    }

    // State names of the rows, by name, as the table shows them.
    QMap<QString, QString> states() const { return tableStates(*m_window); }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
        VMECLONE_REQUIRE_OWN_NETWORK();
        QVERIFY(QFile::exists(QStringLiteral(VMECLONE_DEMO_GOLDEN)));
        QVERIFY(m_dir.isValid());
        Translations::install(u"en"_s);

        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        const quint16 port = probe.localPort();
        probe.close();

        EngineConfig config;
        config.home = home();
        config.listenerPort = port;
        config.qemu.listenerPort = port;
        config.heartbeatSeconds = 2;
        config.parallelism = 2;
        m_service = std::make_unique<EngineService>(config);
        const Status opened = m_service->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));

        AnnouncementListener::Options o;
        o.port = port;
        o.inventoryPath = config.inventoryPath();
        o.secretPath = config.secretPath();
        o.unreachableAfterMs = 20000;
        m_listener = std::make_unique<ListenerThread>(o);
        const Status listening = m_listener->start();
        QVERIFY2(listening.ok(), qPrintable(listening.error()));

        ConsoleOptions options;
        options.home = home();
        options.demoGolden = QStringLiteral(VMECLONE_DEMO_GOLDEN);
        options.setUpDefaults = true; // as the README's run command (--demo-golden) does
        m_window = std::make_unique<MainWindow>(m_service.get(), options);
        m_window->attachListener(m_listener.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() {
        // Whatever failed, no guest outlives the test.
        if (m_service) {
            const auto vms = m_service->vmsInRange(u"177-179"_s).result();
            if (vms.ok() && !vms->isEmpty()) {
                QSignalSpy done(m_service.get(), &EngineService::batchFinished);
                m_service->run(EngineService::Operation::Release, *vms);
                done.wait(180000);
            }
        }
        m_window.reset();
        m_listener.reset();
        m_service.reset();
    }

    void setsUpTheDemoOnAnEmptyInventory() {
        QTRY_COMPARE_WITH_TIMEOUT(m_window->inventory().goldens.size(), 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->inventory().shards.size(), 2, 30000);
        QCOMPARE(m_window->inventory().goldens.first().name, u"vmeclone-demo"_s);
        QTRY_VERIFY(m_window->action(u"clone"_s)->isEnabled());
    }

    void clonesThreeThroughTheWindow() {
        m_window->action(u"clone"_s)->trigger();
        CloneRangeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<CloneRangeDialog *>()) && dialog->isVisible());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"range"_s), u"177-179"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isValid(), 20000);
        QVERIFY2(dialog->countText().contains(u"3 VMs will be cloned"_s),
                 qPrintable(dialog->countText()));
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QSignalSpy engineDone(m_window.get(), &MainWindow::batchDone);
        QSignalSpy settled(m_window.get(), &MainWindow::batchSettledSignal);
        QTest::mouseClick(ok, Qt::LeftButton);
        // The engine's batch ends when the three run; the window's batch goes on until they
        // are online (issue 14, item 1): its row stays on the board, counting them.
        QVERIFY(engineDone.wait(180000));
        const int id = engineDone.first().at(0).toInt();
        QCOMPARE(settled.count(), 0);
        QVERIFY(m_window->batches().follows(id));
        QVERIFY(m_window->statusBoard()->findChild<QWidget *>(u"batch-%1"_s.arg(id)));

        // Rows appear while the batch runs; then every VM boots, reboots once and
        // announces itself online.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->rowCount(), 3, 60000);
        const QMap<QString, QString> online{
            {u"vm177"_s, u"online"_s}, {u"vm178"_s, u"online"_s}, {u"vm179"_s, u"online"_s}};
        QTRY_COMPARE_WITH_TIMEOUT(states(), online, 400000);
        const VmTableModel *model = m_window->model();
        for (int r = 0; r < 3; ++r) {
            QCOMPARE(model->index(r, VmTableModel::BootsColumn).data().toInt(), 2);
            QVERIFY(model->index(r, VmTableModel::IpColumn)
                        .data()
                        .toString()
                        .startsWith(u"192.168.1.17"_s));
        }
        QTRY_COMPARE(m_window->statusBoard()->count(VmState::Online), 3);
        // Settled once all three are online, and kept in the history.
        QTRY_COMPARE(settled.count(), 1);
        QCOMPARE(settled.first().at(0).toInt(), id);
        QCOMPARE(settled.first().at(1).toString(), u"3 online"_s);
        QVERIFY(!m_window->batches().follows(id));
        QCOMPARE(m_window->batches().history().first().range, u"192.168.1.177–179"_s);
        QVERIFY(m_window->statusBoard()
                    ->findChild<QLabel *>(u"batchIdle"_s)
                    ->text()
                    .contains(u"3 online"_s));
    }

    void releasesThemThroughTheWindow() {
        m_window->table()->selectAll();
        QTRY_VERIFY(m_window->action(u"release"_s)->isEnabled());
        m_window->action(u"release"_s)->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = m_window->findChild<QMessageBox *>(u"releaseConfirmation"_s))
                && box->isVisible(),
            20000);
        // It says what will be deleted: every VM's folder.
        for (const auto &vm : m_window->inventory().vms)
            QVERIFY2(box->detailedText().contains(vm.folder), qPrintable(box->detailedText()));
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->rowCount(), 0, 180000);
        QTRY_VERIFY(m_window->inventory().vms.isEmpty());
        for (const auto &s : m_window->inventory().shards)
            QCOMPARE(filesUnder(s.shard.path), QStringList());
        QCOMPARE(ourQemuProcesses(), 0);
    }
};

QTEST_MAIN(TestConsoleClone)
#include "tst_console_clone.moc"
