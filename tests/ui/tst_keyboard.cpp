// Issue 14, item 6: the console by keyboard alone, offscreen. Ctrl+N puts the cursor in
// Clone range…'s address field, and says why when there is no golden yet; Tab leaves the
// table (one tab stop); F6 / Ctrl+Tab go from pane to pane (Shift+F6 back); Shift+F10
// and the Menu key open the table's context menu; every action's tooltip shows its
// shortcut. A real engine on temporary homes; VMs made by the real CLI (never started).

#include "clone_range_dialog.h"
#include "common/logging.h"
#include "common/translations.h"
#include "keyboard.h"
#include "main_window.h"
#include "support/tiny_golden.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QProcess>
#include <QShortcut>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestKeyboard : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineService> m_service;
    std::unique_ptr<MainWindow> m_window;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    int cli(const QString &home, const QStringList &args) {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral(VMECLONE_CLI), QStringList{u"--home"_s, home} + args);
        if (!p.waitForFinished(120000))
            return -1;
        return p.exitCode();
    }

    std::unique_ptr<MainWindow> openWindow(const QString &home,
                                           std::unique_ptr<EngineService> &service) {
        EngineConfig config;
        config.home = home;
        service = std::make_unique<EngineService>(config);
        const Status opened = service->open();
        if (!opened.ok())
            qWarning("%s", qPrintable(opened.error()));
        ConsoleOptions options;
        options.home = home;
        options.setUpDefaults = false;
        auto window = std::make_unique<MainWindow>(service.get(), options);
        window->show();
        window->activateWindow();
        return window;
    }

    // Presses `key` on the focused widget while a timer waits for the popup menu it opens,
    // takes its actions' names and closes it (QMenu::exec blocks until then).
    QStringList menuOpenedBy(QWidget *on, Qt::Key key, Qt::KeyboardModifiers modifiers) {
        QStringList names;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
                for (QAction *a : menu->actions())
                    if (!a->isSeparator())
                        names << a->objectName();
                menu->close();
                poll.stop();
            }
        });
        poll.start();
        QTest::keyClick(on, key, modifiers);
        (void)QTest::qWaitFor([&] { return !poll.isActive(); }, 5000);
        return names; // empty when no menu opened
    }

    QWidget *focused() const { return QApplication::focusWidget(); }

    // The dock whose widget holds the focus (its object name), "table" for the table's
    // page, or "" for elsewhere.
    QString focusedPane() const {
        QWidget *f = focused();
        if (!f)
            return {};
        if (f == m_window->table() || m_window->table()->parentWidget()->isAncestorOf(f))
            return u"table"_s;
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
            if (dock->widget() && dock->widget()->isAncestorOf(f))
                return dock->objectName();
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
            if (dock->widget() == f)
                return dock->objectName();
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        Translations::install(u"en"_s);
        log::setup(spdlog::level::warn);
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(u"shard"_s)));
        QVERIFY(!test::makeTinyGolden(path(u"golden"_s)).isEmpty());
        const QString home = path(u"home"_s);
        QCOMPARE(cli(home, {u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s)}), 0);
        QCOMPARE(cli(home, {u"shard"_s, u"add"_s, path(u"shard"_s)}), 0);
        QCOMPARE(cli(home, {u"clone"_s, u"177-179"_s, u"--no-start"_s}), 0);
        m_window = openWindow(home, m_service);
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_COMPARE(m_window->inventory().goldens.size(), 1);
        QTRY_COMPARE(m_window->table()->model()->rowCount(), 3);
    }

    void cleanupTestCase() {
        m_window.reset();
        m_service.reset();
    }

    void ctrlNFocusesTheAddresses() {
        QTRY_VERIFY(m_window->action(u"clone"_s)->isEnabled());
        m_window->table()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        CloneRangeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<CloneRangeDialog *>()) && dialog->isVisible());
        QTRY_COMPARE(focused() ? focused()->objectName() : QString(), u"range"_s);
        // Typing goes straight into it.
        QTest::keyClicks(focused(), u"180-181"_s);
        QCOMPARE(dialog->range(), u"180-181"_s);
        dialog->reject();
        QTRY_VERIFY(!m_window->findChild<CloneRangeDialog *>());
    }

    void ctrlNWithoutAGoldenSaysWhy() {
        const QString home = path(u"empty-home"_s);
        std::unique_ptr<EngineService> service;
        auto window = openWindow(home, service);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        // Read: the status bar no longer says it is reading.
        QTRY_VERIFY(!window->statusBar()->currentMessage().contains(u"Reading"_s));
        QAction *clone = window->action(u"clone"_s);
        QVERIFY(!clone->isEnabled());
        QVERIFY2(clone->toolTip().contains(u"golden image first"_s), qPrintable(clone->toolTip()));
        window->statusBar()->clearMessage();
        QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY2(window->statusBar()->currentMessage().contains(u"golden image first"_s),
                     qPrintable(window->statusBar()->currentMessage()));
        QVERIFY(!window->findChild<CloneRangeDialog *>());
        window.reset();
        service.reset();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void tabLeavesTheTable() {
        QTableView *table = m_window->table();
        QVERIFY(!table->tabKeyNavigation());
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QTRY_COMPARE(focused(), static_cast<QWidget *>(table));
        QTest::keyClick(table, Qt::Key_Tab);
        QVERIFY2(focused() != table, "Tab moved within the table instead of leaving it");
        // Shift+Tab comes back to it, at the same cell.
        QTest::keyClick(focused(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(focused(), static_cast<QWidget *>(table));
        QCOMPARE(table->currentIndex().row(), 0);
    }

    void f6AndCtrlTabMoveBetweenPanes_data() {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::newRow("F6") << int(Qt::Key_F6) << int(Qt::NoModifier);
        QTest::newRow("Ctrl+Tab") << int(Qt::Key_Tab) << int(Qt::ControlModifier);
    }

    void f6AndCtrlTabMoveBetweenPanes() {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        m_window->table()->setFocus();
        QTRY_COMPARE(focusedPane(), u"table"_s);
        QStringList visited{focusedPane()};
        QStringList docks;
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
            if (dock->isVisible())
                docks << dock->objectName();
        QVERIFY(docks.size() >= 2);
        for (qsizetype i = 0; i < docks.size(); ++i) {
            QTest::keyClick(focused(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
            visited << focusedPane();
        }
        // Every dock once, in some order, then around to the table.
        QStringList seen = visited.mid(1);
        seen.sort();
        docks.sort();
        QCOMPARE(seen, docks);
        QTest::keyClick(focused(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        QCOMPARE(focusedPane(), u"table"_s);
        // Backwards: Shift+F6 to the last dock visited.
        QTest::keyClick(focused(), Qt::Key_F6, Qt::ShiftModifier);
        QCOMPARE(focusedPane(), visited.last());
    }

    void menuKeysOpenTheTableMenu_data() {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::newRow("Shift+F10") << int(Qt::Key_F10) << int(Qt::ShiftModifier);
        QTest::newRow("Menu") << int(Qt::Key_Menu) << int(Qt::NoModifier);
    }

    void menuKeysOpenTheTableMenu() {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QTableView *table = m_window->table();
        table->setFocus();
        table->selectRow(1);
        QTRY_COMPARE(focused(), static_cast<QWidget *>(table));
        const QStringList names =
            menuOpenedBy(table, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        QVERIFY2(names.contains(u"start"_s) && names.contains(u"release"_s),
                 qPrintable(names.join(u", "_s)));
    }

    void everyShortcutIsInItsToolTip() {
        int checked = 0;
        for (QAction *a : m_window->findChildren<QAction *>()) {
            if (a->shortcut().isEmpty() || a->text().isEmpty())
                continue;
            const QString key = a->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(a->toolTip().contains(key),
                     qPrintable(a->objectName() + u": "_s + a->toolTip() + u" lacks "_s + key));
            ++checked;
        }
        QVERIFY(checked >= 10);
        QCOMPARE(m_window->action(u"start"_s)->toolTip(),
                 toolTipWithShortcut(u"&Start"_s, QKeySequence(u"Ctrl+R"_s)));
        QCOMPARE(toolTipWithShortcut(u"&Clone range…"_s, QKeySequence(u"Ctrl+N"_s)),
                 u"Clone range (Ctrl+N)"_s);
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
