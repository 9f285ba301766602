// Issue 14, item 4: the console switched to zh_CN, walked as an operator sees it: the
// window's title, menus, actions and their tooltips, docks, labels, buttons, the table's
// headers and states, the status bar, the Clone range dialog with a refused address and
// with a range that does not parse, Add golden image and About. Every text must have
// Chinese in it unless it is only names, addresses, paths, units, shortcuts and product
// names; anything else is an English sentence left over, and the test names it.
//
// The log pane is walked too: the events of the CLI's golden add, shard add and clone, as
// the console's log pane shows them at its default level (info), and a line of the
// console's own. (Core's log lines in Chinese are checked by tst_translations.) The Detail
// column is walked as well, with a VM whose start failed (its disk removed): its reason is
// core's failure as the backend said it, in English in the inventory, in Chinese here
// (failure_text.h). An agent's own words in the Detail column are not ours to translate.

#include "add_golden_dialog.h"
#include "clone_range_dialog.h"
#include "common/logging.h"
#include "common/translations.h"
#include "console_address_dialog.h"
#include "log_pane.h"
#include "main_window.h"
#include "support/tiny_golden.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// What may stay Latin in a Chinese console: product and protocol names, units, keys.
const QStringList kAllowedWords = {
    u"vmeclone"_s, u"QEMU"_s, u"VMware"_s,  u"Workstation"_s, u"Qt"_s,   u"CIDR"_s, u"DNS"_s,
    u"MAC"_s,      u"IP"_s,   u"IPv4"_s,    u"UDP"_s,         u"CSV"_s,  u"JSON"_s, u"HTML"_s,
    u"PDF"_s,      u"SSH"_s,  u"Ansible"_s, u"English"_s,     u"json"_s, u"vmx"_s,  u"csv"_s,
    u"html"_s,     u"pdf"_s,  u"yml"_s,     u"yaml"_s,        u"GiB"_s,  u"MiB"_s,  u"KiB"_s,
    u"TiB"_s,      u"min"_s,  u"Ctrl"_s,    u"Shift"_s,       u"Alt"_s,  u"Del"_s,  u"Delete"_s,
    u"Esc"_s,      u"Tab"_s,  u"Enter"_s,   u"Return"_s,      u"Menu"_s, u"ETA"_s,  u"qcow"_s,
};

// The text with Chinese removed from consideration: empty when it is fine, else the
// Latin words that make it an English sentence.
QStringList englishWords(QString text, const QStringList &names) {
    static const QRegularExpression han(u"\\p{Han}"_s);
    static const QRegularExpression tags(u"<[^>]*>"_s);
    static const QRegularExpression path(u"\\S*/\\S*"_s);
    static const QRegularExpression accel(u"\\(&\\w\\)|&(?=\\w)"_s);
    static const QRegularExpression hex(u"\\b[0-9a-fA-F:]{8,}\\b"_s);
    static const QRegularExpression word(u"[A-Za-z]{2,}"_s);
    text.remove(tags).remove(accel);
    if (text.contains(han))
        return {}; // a Chinese sentence; names and addresses in it are fine
    for (const QString &n : names)
        text.remove(n);
    text.remove(path).remove(hex);
    QStringList left;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured();
        if (!kAllowedWords.contains(w))
            left << w;
    }
    return left;
}

} // namespace

class TestConsoleChinese : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineService> m_service;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_names; // the golden's, the VMs', the shard's: names, not sentences
    QStringList m_english;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    int cli(const QStringList &args) {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral(VMECLONE_CLI), QStringList{u"--home"_s, path(u"home"_s)} + args);
        if (!p.waitForFinished(120000))
            return -1;
        return p.exitCode();
    }

    void check(const QString &where, const QString &text) {
        const QStringList words = englishWords(text, m_names);
        if (!words.isEmpty())
            m_english << u"%1: \"%2\" (%3)"_s.arg(where, text, words.join(u' '));
    }

    // Every text a person reads in `root` and its visible children.
    void walk(QWidget *root, const QString &where) {
        check(where + u" title"_s, root->windowTitle());
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *w : std::as_const(widgets)) {
            if (!w->isVisibleTo(root) && w != root)
                continue;
            const QString at = where + u" "_s + QString::fromLatin1(w->metaObject()->className())
                               + (w->objectName().isEmpty() ? QString() : u"#"_s + w->objectName());
            check(at + u" tooltip"_s, w->toolTip());
            if (auto *l = qobject_cast<QLabel *>(w))
                check(at, l->text());
            else if (auto *b = qobject_cast<QAbstractButton *>(w))
                check(at, b->text());
            else if (auto *g = qobject_cast<QGroupBox *>(w))
                check(at, g->title());
            else if (auto *d = qobject_cast<QDockWidget *>(w))
                check(at, d->windowTitle());
            else if (auto *e = qobject_cast<QLineEdit *>(w))
                check(at + u" placeholder"_s, e->placeholderText());
            else if (auto *c = qobject_cast<QComboBox *>(w))
                for (int i = 0; i < c->count(); ++i)
                    check(at, c->itemText(i));
            else if (auto *t = qobject_cast<QTreeWidget *>(w))
                for (int i = 0; i < t->columnCount(); ++i)
                    check(at + u" header"_s, t->headerItem()->text(i));
            else if (auto *list = qobject_cast<QListWidget *>(w))
                for (int i = 0; i < list->count(); ++i)
                    check(at, list->item(i)->text());
        }
        for (QAction *a : root->findChildren<QAction *>()) {
            check(where + u" action "_s + a->objectName(), a->text());
            check(where + u" action tooltip "_s + a->objectName(), a->toolTip());
            check(where + u" action status tip "_s + a->objectName(), a->statusTip());
        }
    }

    // Opens the dialog `open` makes (found as T), lets `use` work in it, walks it, closes it.
    template <typename T, typename Use>
    void inDialog(const QString &name, const std::function<void()> &open, Use use) {
        open();
        T *dialog = nullptr;
        QVERIFY2(QTest::qWaitFor([&] {
                     dialog = m_window->findChild<T *>();
                     return dialog && dialog->isVisible();
                 }),
                 qPrintable(name + u" did not open"_s));
        use(dialog);
        walk(dialog, name);
        dialog->close();
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        Translations::install(u"zh_CN"_s);
        log::setup(spdlog::level::info); // the log pane shows what an operator sees
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(u"shard"_s)));
        QVERIFY(!test::makeTinyGolden(path(u"golden"_s)).isEmpty());
        QCOMPARE(cli({u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s)}), 0);
        QCOMPARE(cli({u"shard"_s, u"add"_s, path(u"shard"_s)}), 0);
        QCOMPARE(cli({u"clone"_s, u"177-179"_s, u"--no-start"_s}), 0);
        // A VM whose start fails: its disk is gone, and the backend's failure is its reason.
        QVERIFY(QFile::remove(path(u"shard/vm179/vm179.qcow2"_s)));
        QVERIFY(cli({u"start"_s, u"179"_s}) != 0);
        m_names = {u"tiny"_s, u"vm177"_s, u"vm178"_s, u"vm179"_s, u"shard"_s, u"home"_s};

        EngineConfig config;
        config.home = path(u"home"_s);
        m_service = std::make_unique<EngineService>(config);
        const Status opened = m_service->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        ConsoleOptions options;
        options.home = path(u"home"_s);
        options.setUpDefaults = false;
        m_window = std::make_unique<MainWindow>(m_service.get(), options);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(m_window->table()->model()->rowCount(), 3);
    }

    void cleanupTestCase() {
        m_window.reset();
        m_service.reset();
    }

    void init() { m_english.clear(); }

    void theWindowIsChinese() {
        walk(m_window.get(), u"window"_s);
        for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
            check(u"menu"_s, menu->title());
        QAbstractItemModel *model = m_window->table()->model();
        for (int c = 0; c < model->columnCount(); ++c)
            check(u"table header"_s, model->headerData(c, Qt::Horizontal).toString());
        int failed = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            check(u"table state"_s, model->index(r, VmTableModel::StateColumn).data().toString());
            const QString detail = model->index(r, VmTableModel::DetailColumn).data().toString();
            check(u"table detail"_s, detail);
            failed += detail.isEmpty() ? 0 : 1;
        }
        QCOMPARE(failed, 1); // vm179's reason is there to be walked
        check(u"status bar"_s, m_window->statusBar()->currentMessage());
        // The log pane: the events of the CLI's golden add, shard add and clone, said here,
        // and the console's own lines (Ctrl+. cancels every batch, and says so).
        // (Enabled only while batches run, which none does here: its line is what counts.)
        m_window->action(u"cancelBatches"_s)->setEnabled(true);
        m_window->action(u"cancelBatches"_s)->trigger();
        QTRY_VERIFY(m_window->logPane()->text().count(u'\n') >= 3);
        QTRY_VERIFY2(m_window->logPane()->text().contains(u"正在取消所有运行中的批次"_s),
                     qPrintable(m_window->logPane()->text()));
        for (const QString &line : m_window->logPane()->text().split(u'\n', Qt::SkipEmptyParts))
            check(u"log pane"_s, line);
        QVERIFY2(m_english.isEmpty(), qPrintable(m_english.join(u'\n')));
    }

    void theCloneDialogRefusesInChinese() {
        QString refused, unparsed;
        inDialog<CloneRangeDialog>(
            u"Clone range"_s, [this] { m_window->action(u"clone"_s)->trigger(); },
            [&](CloneRangeDialog *dialog) {
                auto *range = dialog->findChild<QLineEdit *>(u"range"_s);
                QSignalSpy preview(dialog, &CloneRangeDialog::previewUpdated);
                // .176 is the golden's own address, .177 a VM's: both refused, .179 free.
                QTest::keyClicks(range, u"176-177,179"_s);
                QTRY_VERIFY(!preview.isEmpty() && dialog->range() == u"176-177,179"_s
                            && !dialog->isValid() && dialog->message().contains(u"177"_s));
                refused = dialog->message();
                walk(dialog, u"Clone range (refused)"_s);
                preview.clear();
                range->clear();
                QTest::keyClicks(range, u"300"_s);
                QTRY_VERIFY(!preview.isEmpty() && dialog->range() == u"300"_s
                            && dialog->message().contains(u"300"_s));
                unparsed = dialog->message();
            });
        check(u"refusal"_s, refused);
        check(u"parse error"_s, unparsed);
        // Not only Chinese, but the refusal's own words translated, not just its frame.
        QVERIFY2(refused.contains(u"母版镜像 tiny 自己的地址"_s), qPrintable(refused));
        QVERIFY2(refused.contains(u"已被"_s), qPrintable(refused));
        QVERIFY2(unparsed.contains(u"不是 192.0.2.0/24 中的主机"_s), qPrintable(unparsed));
        QVERIFY2(m_english.isEmpty(), qPrintable(m_english.join(u'\n')));
    }

    void addGoldenAndAboutAreChinese() {
        inDialog<AddGoldenDialog>(
            u"Add golden image"_s, [this] { m_window->action(u"addGolden"_s)->trigger(); },
            [](AddGoldenDialog *) {});
        inDialog<QMessageBox>(
            u"About"_s, [this] { m_window->action(u"about"_s)->trigger(); }, [](QMessageBox *) {});
        QVERIFY2(m_english.isEmpty(), qPrintable(m_english.join(u'\n')));
    }

    // Console address… (issue 12, item 5): disabled for the QEMU golden, its tooltip
    // saying why in Chinese; the dialog for a VMware golden (not added: the dialog only
    // judges until Apply), with a refused address and with one it would apply.
    void consoleAddressIsChinese() {
        QAction *action = m_window->action(u"consoleAddress"_s);
        QVERIFY(!action->isEnabled());
        // The reason alone: the action's name before it is Chinese whatever follows.
        QVERIFY2(action->toolTip().contains(u'\n'), qPrintable(action->toolTip()));
        check(u"console address tooltip"_s, action->toolTip().section(u'\n', 1));
        GoldenRecord web;
        web.name = u"web"_s;
        web.backend = u"vmware"_s;
        web.subnet = *Subnet::parse(u"192.0.2.0/24"_s);
        web.address = *web.subnet.addressOfSuffix(176);
        web.consoleAddress = *web.subnet.addressOfSuffix(10);
        ConsoleAddressDialog dialog(m_service.get(), web);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        m_names << u"web"_s;
        auto *address = dialog.findChild<QLineEdit *>(u"address"_s);
        QTest::keyClicks(address, u"10.9.9.9"_s);
        QVERIFY(!dialog.isValid());
        walk(&dialog, u"Console address (refused)"_s);
        address->clear();
        QTest::keyClicks(address, u"192.0.2.11"_s);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        walk(&dialog, u"Console address"_s);
        m_names.removeLast();
        QVERIFY2(m_english.isEmpty(), qPrintable(m_english.join(u'\n')));
    }

    // The check itself: it must catch what it is for.
    void theCheckCatchesEnglish() {
        QVERIFY(!englishWords(u"Clone range"_s, {}).isEmpty());
        QVERIFY(!englishWords(u"in use by vm177"_s, {u"vm177"_s}).isEmpty());
        QVERIFY(englishWords(u"克隆地址段"_s, {}).isEmpty());
        QVERIFY(englishWords(u"192.0.2.177 /srv/shard-a 52:54:00:c0:00:b1 3.5 GiB Ctrl+N"_s, {})
                    .isEmpty());
        QVERIFY(englishWords(u"vm177"_s, {u"vm177"_s}).isEmpty());
    }
};

QTEST_MAIN(TestConsoleChinese)
#include "tst_console_chinese.moc"
