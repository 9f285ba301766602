// Setup ▸ Console address… (ConsoleAddressDialog, issue 12 item 5): a VMware golden's
// console address changed from the console. This host's addresses are given to the
// engine (EngineConfig::hostAddresses), not the machine's: two in the golden's subnet,
// others elsewhere. The dialog lists the two, judges a choice by the engine's rules
// (GoldenRules::consoleAddressFor, word for word), applies it through the EngineService
// and says how many existing clones were made with the old address; what it applied is
// read back from the inventory file. A QEMU golden has no console address: the action is
// disabled, its tooltip saying why.

#include "common/translations.h"
#include "console_address_dialog.h"
#include "main_window.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// A VMware golden with one NIC; its subnet and suffix are given when it is added.
const char kGoldenVmx[] = R"(.encoding = "UTF-8"
config.version = "8"
virtualHW.version = "19"
displayName = "web"
guestOS = "centos7-64"
memsize = "512"
scsi0.present = "TRUE"
scsi0.virtualDev = "lsilogic"
scsi0:0.present = "TRUE"
scsi0:0.fileName = "web.vmdk"
ethernet0.present = "TRUE"
ethernet0.connectionType = "bridged"
ethernet0.virtualDev = "e1000"
ethernet0.addressType = "generated"
ethernet0.generatedAddress = "00:0c:29:c5:d6:e7"
)";

HostAddress on(const QString &address, const QString &interface) {
    return HostAddress{*Ipv4Address::parse(address), interface, interface == u"lo"_s};
}

} // namespace

class TestConsoleAddress : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineService> m_service;
    GoldenRecord m_web;  // VMware, 192.0.2.176 in 192.0.2.0/24, console 192.0.2.2
    GoldenRecord m_tiny; // QEMU

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    bool write(const QString &rel, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(path(rel)).absolutePath());
        QFile f(path(rel));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }

    // The golden as the inventory file has it now (another connection than the engine's).
    GoldenRecord stored(const QString &name) const {
        auto inventory = Inventory::open(m_service->config().inventoryPath());
        if (!inventory)
            qFatal("%s", qPrintable(inventory.error()));
        auto golden = (*inventory)->goldenByName(name);
        if (!golden || !golden->has_value())
            qFatal("no golden %s", qPrintable(name));
        return **golden;
    }

    static QPushButton *applyButton(const ConsoleAddressDialog &d) {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply);
    }

    // The refusal the engine's rules give `address` for `golden`, in its words.
    QString rulesSay(const GoldenRecord &golden, const QString &address) const {
        const auto judged = GoldenRules::consoleAddressFor(
            golden, address, {}, Engine::goldenRulesContext(m_service->config()));
        return judged ? QString() : judged.error();
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        Translations::install(u"en"_s);
        QVERIFY(m_dir.isValid());
        for (const auto &folder : {u"web"_s, u"tiny"_s, u"shard"_s})
            QVERIFY(QDir().mkpath(path(folder)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"vmdk"_s,
                                                   u"-o"_s, u"subformat=monolithicSparse"_s,
                                                   path(u"web/web.vmdk"_s), u"64M"_s}),
                 0);
        QVERIFY(write(u"web/web.vmx"_s, kGoldenVmx));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"tiny/disk.qcow2"_s), u"64M"_s}),
                 0);
        QVERIFY(write(u"tiny/tiny.json"_s,
                      R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny",
                          "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2",
                          "suffix": 176, "subnet": "198.51.100.0/24"})"));

        EngineConfig config;
        config.home = path(u"home"_s);
        config.hostAddresses =
            QList<HostAddress>{on(u"192.0.2.2"_s, u"eth0"_s), on(u"198.51.100.7"_s, u"eth1"_s),
                               on(u"192.0.2.3"_s, u"br0"_s), on(u"127.0.0.1"_s, u"lo"_s)};
        m_service = std::make_unique<EngineService>(config);
        const Status opened = m_service->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));

        GoldenSpec web;
        web.path = path(u"web/web.vmx"_s);
        web.suffix = 176;
        web.subnet = u"192.0.2.0/24"_s;
        web.consoleAddress = u"192.0.2.2"_s;
        const auto added = m_service->addGolden(web).result();
        QVERIFY2(added.ok(), qPrintable(added.error()));
        m_web = *added;
        GoldenSpec tiny;
        tiny.path = path(u"tiny/tiny.json"_s);
        const auto addedTiny = m_service->addGolden(tiny).result();
        QVERIFY2(addedTiny.ok(), qPrintable(addedTiny.error()));
        m_tiny = *addedTiny;

        // A clone of web made with the old address (its record: nothing boots here).
        const auto shard = m_service->addShard(path(u"shard"_s), 1).result();
        QVERIFY2(shard.ok(), qPrintable(shard.error()));
        auto inventory = Inventory::open(config.inventoryPath());
        QVERIFY2(inventory.ok(), qPrintable(inventory.error()));
        VmRecord vm;
        vm.name = u"web177"_s;
        vm.address = *m_web.subnet.addressOfSuffix(177);
        vm.mac = MacAddress::forIpv4(vm.address);
        vm.goldenId = m_web.id;
        vm.shardId = shard->id;
        vm.folder = path(u"shard/web177"_s);
        vm.cloneMode = u"full"_s;
        QVERIFY((*inventory)->reserve({vm}).ok());
    }

    void cleanupTestCase() { m_service.reset(); }

    // This host's addresses in the golden's subnet, each with its interface; the current
    // one chosen; nothing else listed.
    void listsTheCandidates() {
        ConsoleAddressDialog dialog(m_service.get(), m_web);
        QCOMPARE(dialog.candidates(),
                 (QList<HostAddress>{on(u"192.0.2.2"_s, u"eth0"_s), on(u"192.0.2.3"_s, u"br0"_s)}));
        QStringList shown;
        for (QRadioButton *b : dialog.findChildren<QRadioButton *>())
            if (b->objectName().startsWith(u"candidate"_s))
                shown << b->text();
        QCOMPARE(shown, (QStringList{u"192.0.2.2 on eth0"_s, u"192.0.2.3 on br0"_s}));
        QVERIFY(dialog.findChild<QRadioButton *>(u"candidate0"_s)->isChecked());
        QCOMPARE(dialog.findChild<QLabel *>(u"current"_s)->text(), u"Current: 192.0.2.2"_s);
        QVERIFY(!dialog.findChild<QLabel *>(u"noCandidates"_s));
        // The current address again: nothing to apply.
        QVERIFY(!dialog.isValid());
        QVERIFY(!applyButton(dialog)->isEnabled());
        QCOMPARE(dialog.message(), u"192.0.2.2 is the console address already."_s);
        // Automatic cannot choose between two: the engine's words say so.
        dialog.findChild<QRadioButton *>(u"automatic"_s)->setChecked(true);
        QCOMPARE(dialog.chosen(), u"auto"_s);
        QVERIFY(!applyButton(dialog)->isEnabled());
        QCOMPARE(dialog.message(), rulesSay(m_web, u"auto"_s));
        QVERIFY2(dialog.message().contains(u"this host has 2 addresses in 192.0.2.0/24"_s),
                 qPrintable(dialog.message()));
    }

    // A bad address: the engine's own refusal, word for word; Apply stays disabled, and
    // the engine, asked anyway, refuses in the same words and changes nothing.
    void aBadAddressIsRefusedAndChangesNothing_data() {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("says");
        QTest::newRow("not an address") << u"console"_s << u"is not an IPv4 address"_s;
        QTest::newRow("the golden's own") << u"192.0.2.176"_s << u"the golden's own address"_s;
        QTest::newRow("outside, no gateway")
            << u"10.9.9.9"_s << u"10.9.9.9 is outside 192.0.2.0/24"_s;
        QTest::newRow("the broadcast")
            << u"192.0.2.255"_s << u"is not a host address of 192.0.2.0/24"_s;
    }

    void aBadAddressIsRefusedAndChangesNothing() {
        QFETCH(QString, address);
        QFETCH(QString, says);
        ConsoleAddressDialog dialog(m_service.get(), m_web);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *field = dialog.findChild<QLineEdit *>(u"address"_s);
        QTest::keyClicks(field, address); // typing chooses "Another address"
        QVERIFY(dialog.findChild<QRadioButton *>(u"other"_s)->isChecked());
        QCOMPARE(dialog.chosen(), address);
        QVERIFY(!dialog.isValid());
        QVERIFY(!applyButton(dialog)->isEnabled());
        QCOMPARE(dialog.message(), rulesSay(m_web, address));
        QVERIFY2(dialog.message().contains(says), qPrintable(dialog.message()));

        const auto refused = m_service->setConsoleAddress(m_web.name, address).result();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error(), dialog.message());
        QCOMPARE(stored(m_web.name).consoleAddress.toString(), u"192.0.2.2"_s);
    }

    // Chosen, applied: the inventory has it; the dialog says what changed and that the
    // existing clone was made with the old address.
    void choosingOneChangesTheInventory() {
        ConsoleAddressDialog dialog(m_service.get(), stored(m_web.name));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *second = dialog.findChild<QRadioButton *>(u"candidate1"_s);
        QTest::mouseClick(second, Qt::LeftButton, {}, QPoint(4, second->height() / 2));
        QVERIFY(second->isChecked());
        QCOMPARE(dialog.chosen(), u"192.0.2.3"_s);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        QCOMPARE(dialog.message(),
                 u"Clones made from now on will announce themselves to 192.0.2.3."_s);
        // Counted, not waited for: with Qt 6.4 an engine quicker than the click's return
        // answers inside it (a continuation on a finished future runs at once).
        QSignalSpy finished(&dialog, &ConsoleAddressDialog::applyFinished);
        QTest::mouseClick(applyButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);

        QCOMPARE(stored(m_web.name).consoleAddress.toString(), u"192.0.2.3"_s);
        QVERIFY(dialog.isVisible()); // the answer stays on screen
        QCOMPARE(dialog.message(),
                 u"The console address of web is now 192.0.2.3 (was 192.0.2.2). 1 existing "
                 u"clone(s) were made with the old address and announce themselves to it until "
                 u"released and cloned again: web177"_s);
        QVERIFY(dialog.change());
        QCOMPARE(dialog.change()->existingClones, QStringList{u"web177"_s});
        QCOMPARE(dialog.findChild<QLabel *>(u"current"_s)->text(), u"Current: 192.0.2.3"_s);
        QVERIFY(!applyButton(dialog)->isEnabled());

        // Another address, typed: through the golden's gateway-less subnet, so in it.
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"address"_s), u"192.0.2.50"_s);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        QTest::mouseClick(applyButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        QCOMPARE(stored(m_web.name).consoleAddress.toString(), u"192.0.2.50"_s);
        QVERIFY2(dialog.message().contains(u"(was 192.0.2.3)"_s), qPrintable(dialog.message()));
    }

    // In the window: Setup ▸ Console address… (Ctrl+Shift+G) and the golden dock's button
    // are for the selected golden; a QEMU one disables both, saying why.
    void theWindowsActionIsForVmwareGoldensOnly() {
        ConsoleOptions options;
        options.home = m_service->config().home;
        MainWindow window(m_service.get(), options);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window)); // its shortcuts are the window's
        QTRY_COMPARE(window.inventory().goldens.size(), 2);
        QAction *action = window.action(u"consoleAddress"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(u"Ctrl+Shift+G"_s));
        bool inSetup = false;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(action))
                inSetup = menu->text() == u"&Setup"_s;
        QVERIFY(inSetup);
        auto *button = window.findChild<QPushButton *>(u"consoleAddressButton"_s);
        QVERIFY(button);

        // Nothing selected: the only VMware golden.
        QVERIFY(action->isEnabled());
        QVERIFY2(action->toolTip().contains(u"For the golden image web."_s),
                 qPrintable(action->toolTip()));

        auto *goldens = window.findChild<QTreeWidget *>(u"goldens"_s);
        const auto select = [goldens](const QString &name) {
            for (int i = 0; i < goldens->topLevelItemCount(); ++i)
                goldens->topLevelItem(i)->setSelected(goldens->topLevelItem(i)->text(0) == name);
        };
        select(u"tiny"_s);
        QVERIFY(!action->isEnabled());
        QVERIFY2(action->toolTip().contains(u"tiny is a QEMU golden image"_s),
                 qPrintable(action->toolTip()));
        QVERIFY2(action->toolTip().contains(u"Ctrl+Shift+G"_s), qPrintable(action->toolTip()));
        QVERIFY(!button->isEnabled());
        QCOMPARE(button->toolTip(), action->toolTip());
        QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!window.findChild<ConsoleAddressDialog *>());

        select(u"web"_s);
        QVERIFY(action->isEnabled());
        QVERIFY(button->isEnabled());
        QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        ConsoleAddressDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ConsoleAddressDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), u"Console address of web"_s);
        QCOMPARE(dialog->findChild<QLabel *>(u"current"_s)->text(),
                 u"Current: %1"_s.arg(stored(u"web"_s).consoleAddress.toString()));
        dialog->reject();
        QTRY_VERIFY(!window.findChild<ConsoleAddressDialog *>());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY((dialog = window.findChild<ConsoleAddressDialog *>()) && dialog->isVisible());
        dialog->reject();
    }
};

QTEST_MAIN(TestConsoleAddress)
#include "tst_console_address.moc"
