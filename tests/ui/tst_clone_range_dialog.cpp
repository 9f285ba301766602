// CloneRangeDialog against a real engine (temporary home, a tiny QEMU golden made by
// qemu-img, two shards): QTest types ranges, the dialog previews the plan the engine
// makes in its own thread, highlights every refusal by its kind (RefusalKind, set by
// the engine, never read from the words) and keeps OK disabled, with the reason shown,
// until the input is clean.

#include "clone_range_dialog.h"
#include "common/translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
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

class TestCloneRangeDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineService> m_service;
    QList<GoldenRecord> m_goldens;
    std::unique_ptr<CloneRangeDialog> m_dialog;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }
    QPushButton *ok() const {
        return m_dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    QLineEdit *rangeEdit() const { return m_dialog->findChild<QLineEdit *>(u"range"_s); }
    static RefusalKind kindNamed(const QString &name) {
        for (int k = 0; k <= int(RefusalKind::NoRoom); ++k)
            if (refusalKindName(RefusalKind(k)) == name)
                return RefusalKind(k);
        return RefusalKind::Other;
    }

    // Types `text` into the range box as a user would and waits for its preview.
    void type(const QString &text) {
        QSignalSpy preview(m_dialog.get(), &CloneRangeDialog::previewUpdated);
        rangeEdit()->clear();
        QTest::keyClicks(rangeEdit(), text);
        // Only the preview of the final text counts (earlier ones are dropped).
        QTRY_VERIFY_WITH_TIMEOUT(!preview.isEmpty() && m_dialog->range() == text.trimmed(), 10000);
        QTRY_VERIFY(m_dialog->isValid() || !m_dialog->message().isEmpty());
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
        Translations::install(u"en"_s);
        QVERIFY(m_dir.isValid());
        for (const auto &d : {u"golden"_s, u"shard-a"_s, u"shard-b"_s})
            QVERIFY(QDir().mkpath(path(d)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"golden/disk.qcow2"_s), u"64M"_s}),
                 0);
        QFile json(path(u"golden/tiny.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(
            R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny", "memory_mb": 64,
                       "disk": "disk.qcow2", "disk_format": "qcow2", "suffix": 176,
                       "subnet": "192.0.2.0/24"})");
        json.close();

        EngineConfig config;
        config.home = path(u"home"_s);
        m_service = std::make_unique<EngineService>(config);
        const Status opened = m_service->open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        GoldenSpec spec;
        spec.path = path(u"golden/tiny.json"_s);
        const auto golden = m_service->addGolden(spec).result();
        QVERIFY2(golden.ok(), qPrintable(golden.error()));
        m_goldens = {*golden};
        for (const auto &s : {u"shard-a"_s, u"shard-b"_s}) {
            const auto shard = m_service->addShard(path(s), 1.0).result();
            QVERIFY2(shard.ok(), qPrintable(shard.error()));
        }

        // One VM already there (.180), made by a real batch without starting it.
        CloneOptions o;
        o.start = false;
        const auto plan = m_service->plan(o, u"180"_s).result();
        QVERIFY2(plan.ok(), qPrintable(plan.error()));
        QSignalSpy finished(m_service.get(), &EngineService::batchFinished);
        m_service->clone(*plan, o);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().at(2).value<BatchResult>().ok());
    }

    void init() {
        m_dialog = std::make_unique<CloneRangeDialog>(m_service.get(), m_goldens,
                                                      QHash<qint64, QString>{});
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup() { m_dialog.reset(); }

    void cleanupTestCase() {
        m_dialog.reset();
        m_service.reset();
    }

    void startsEmptyAndInvalid() {
        QTRY_VERIFY(!m_dialog->message().isEmpty());
        QVERIFY(!m_dialog->isValid());
        QVERIFY(!ok()->isEnabled());
        QVERIFY(m_dialog->message().contains(u"e.g. 177-254"_s));
    }

    void previews_data() {
        QTest::addColumn<QString>("range");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("count");     // part of the count line
        QTest::addColumn<QString>("message");   // part of the message
        QTest::addColumn<QStringList>("kinds"); // conflict kinds, in address order
        QTest::addColumn<int>("placed");        // VMs over all shards in the placement table

        QTest::newRow("a range") << u"177-179"_s << true << u"3 VMs will be cloned"_s
                                 << u"Ready: 3 VMs"_s << QStringList{} << 3;
        QTest::newRow("a list") << u"177, 181-182 ,200"_s << true << u"4 VMs will be cloned"_s
                                << u"Ready: 4 VMs"_s << QStringList{} << 4;
        QTest::newRow("full addresses")
            << u"192.0.2.190-192.0.2.191"_s << true << u"2 VMs will be cloned"_s << u"Ready"_s
            << QStringList{} << 2;
        QTest::newRow("one in use") << u"179-181"_s << false << u"1 address refused"_s
                                    << u"in use by vm180"_s << QStringList{u"in-use"_s} << 2;
        QTest::newRow("the golden")
            << u"175-177"_s << false << u"2 VMs can be cloned"_s << u"golden image tiny"_s
            << QStringList{u"golden-address"_s} << 2;
        QTest::newRow("QEMU's host alias") << u"2"_s << false << u"1 address refused"_s
                                           << u"alias"_s << QStringList{u"host-alias"_s} << 0;
        QTest::newRow("QEMU's DNS alias") << u"3"_s << false << u"1 address refused"_s
                                          << u"DNS alias"_s << QStringList{u"dns-alias"_s} << 0;
        QTest::newRow("three kinds")
            << u"1-3,176,180"_s << false << u"1 VM can be cloned"_s << u"in use by vm180"_s
            << QStringList{u"host-alias"_s, u"dns-alias"_s, u"golden-address"_s, u"in-use"_s} << 1;
        QTest::newRow("outside the subnet")
            << u"177-300"_s << false << u"Nothing to clone"_s
            << u"'300' is not a host of 192.0.2.0/24"_s << QStringList{} << 0;
        QTest::newRow("backwards") << u"190-180"_s << false << u"Nothing to clone"_s
                                   << u"runs backwards"_s << QStringList{} << 0;
        QTest::newRow("not a range")
            << u"abc"_s << false << u"Nothing to clone"_s << u"'abc'"_s << QStringList{} << 0;
        QTest::newRow("broadcast")
            << u"255"_s << false << u"Nothing to clone"_s << u"255"_s << QStringList{} << 0;
    }

    void previews() {
        QFETCH(QString, range);
        QFETCH(bool, valid);
        QFETCH(QString, count);
        QFETCH(QString, message);
        QFETCH(QStringList, kinds);
        QFETCH(int, placed);
        type(range);
        QVERIFY2(m_dialog->countText().contains(count), qPrintable(m_dialog->countText()));
        QVERIFY2(m_dialog->message().contains(message), qPrintable(m_dialog->message()));
        QCOMPARE(m_dialog->isValid(), valid);
        QCOMPARE(ok()->isEnabled(), valid);
        QCOMPARE(m_dialog->plan().has_value(), valid);

        auto *list = m_dialog->findChild<QListWidget *>(u"conflicts"_s);
        QStringList shownKinds;
        for (int i = 0; i < list->count(); ++i) {
            shownKinds << list->item(i)->data(Qt::UserRole).toString();
            // Highlighted: not in the list's normal text colour, but in its kind's.
            QVERIFY(list->item(i)->foreground().color() != list->palette().color(QPalette::Text));
            QCOMPARE(list->item(i)->foreground().color(),
                     CloneRangeDialog::conflictColour(kindNamed(shownKinds.constLast())));
        }
        QCOMPARE(shownKinds, kinds);

        auto *placement = m_dialog->findChild<QTreeWidget *>(u"placement"_s);
        int sum = 0;
        for (int i = 0; i < placement->topLevelItemCount(); ++i) {
            sum += placement->topLevelItem(i)->text(1).toInt();
            QVERIFY(placement->topLevelItem(i)->toolTip(0).startsWith(path(u"shard-"_s)));
            QVERIFY(placement->topLevelItem(i)->text(0).startsWith(u"shard-"_s));
            QVERIFY(placement->topLevelItem(i)->text(3).endsWith(u"GiB"_s));
        }
        QCOMPARE(sum, placed);
        // Why each shard got its VMs: two usable shards of weight 1 on the same drive
        // have the same free space, half of the batch each.
        for (int i = 0; i < placement->topLevelItemCount(); ++i)
            QVERIFY2(placement->topLevelItem(i)->text(4).contains(u"50 % of the batch"_s),
                     qPrintable(placement->topLevelItem(i)->text(4)));

        // The VMs themselves: name, address, MAC (the documented scheme: 00:50:56 and the
        // address's low 22 bits), shard by its folder's name.
        auto *vms = m_dialog->findChild<QTreeWidget *>(u"plannedVms"_s);
        QVERIFY(vms);
        QCOMPARE(vms->topLevelItemCount(), placed);
        const QStringList shards{u"shard-a"_s, u"shard-b"_s};
        for (int i = 0; i < vms->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *row = vms->topLevelItem(i);
            const QStringList octets = row->text(1).split(u'.');
            QCOMPARE(octets.size(), 4);
            QCOMPARE(row->text(0), u"vm"_s + octets.at(3));
            const quint32 low =
                (octets.at(1).toUInt() << 16 | octets.at(2).toUInt() << 8 | octets.at(3).toUInt())
                & 0x3fffff;
            QCOMPARE(row->text(2).toLower(),
                     u"00:50:56:%1:%2:%3"_s.arg(low >> 16, 2, 16, QChar(u'0'))
                         .arg((low >> 8) & 0xff, 2, 16, QChar(u'0'))
                         .arg(low & 0xff, 2, 16, QChar(u'0')));
            QVERIFY2(shards.contains(row->text(3)), qPrintable(row->text(3)));
        }
    }

    // Colours go by family (the kind, never the words): every kind of a family alike,
    // the families apart.
    void coloursGoByKind() {
        using K = RefusalKind;
        const auto colour = &CloneRangeDialog::conflictColour;
        for (K k : {K::MacInUse, K::NameInUse, K::FolderInUse, K::FolderExists})
            QCOMPARE(colour(k), colour(K::InUse));
        for (K k : {K::DnsAlias, K::ConsoleAddress})
            QCOMPARE(colour(k), colour(K::HostAlias));
        QCOMPARE(colour(K::NoShard), colour(K::NoRoom));
        const QList<QColor> families{colour(K::InUse), colour(K::GoldenAddress),
                                     colour(K::HostAlias), colour(K::NoRoom), colour(K::Other)};
        for (qsizetype i = 0; i < families.size(); ++i)
            for (qsizetype j = i + 1; j < families.size(); ++j)
                QVERIFY(families[i] != families[j]);
    }

    void onlyTheLastInputCounts() {
        // Typed fast: intermediate plans ("1", "17", "177-", ...) never win over the last.
        QSignalSpy preview(m_dialog.get(), &CloneRangeDialog::previewUpdated);
        QTest::keyClicks(rangeEdit(), u"177-179"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isValid(), 10000);
        QCOMPARE(m_dialog->plan()->items.size(), 3);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(rangeEdit(), Qt::Key_Backspace);
        QVERIFY(!ok()->isEnabled()); // stale until the new preview is in
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isValid() && m_dialog->message().contains(u"'177-'"_s),
                                 10000);
    }

    void fullCopiesNeedMoreRoom() {
        type(u"177"_s);
        QVERIFY(m_dialog->isValid());
        const qint64 linked = m_dialog->plan()->bytesPerVm;
        QSignalSpy preview(m_dialog.get(), &CloneRangeDialog::previewUpdated);
        m_dialog->findChild<QRadioButton *>(u"full"_s)->click();
        QTRY_VERIFY(!preview.isEmpty() && m_dialog->isValid());
        QCOMPARE(m_dialog->options().mode, u"full"_s);
        QCOMPARE(m_dialog->plan()->mode, u"full"_s);
        QVERIFY(m_dialog->plan()->bytesPerVm != linked);
    }

    // Instant clones (QEMU): planned like linked ones; the template is made by the clone.
    void instantIsAChoiceBesideLinkedAndFull() {
        type(u"177"_s);
        QVERIFY(m_dialog->isValid());
        QSignalSpy preview(m_dialog.get(), &CloneRangeDialog::previewUpdated);
        m_dialog->findChild<QRadioButton *>(u"instant"_s)->click();
        QTRY_VERIFY(!preview.isEmpty() && m_dialog->isValid());
        QCOMPARE(m_dialog->options().mode, u"instant"_s);
        QCOMPARE(m_dialog->plan()->mode, u"instant"_s);
        QVERIFY2(m_dialog->message().contains(u"instant"_s), qPrintable(m_dialog->message()));
        m_dialog->findChild<QRadioButton *>(u"linked"_s)->click();
        QTRY_COMPARE(m_dialog->plan()->mode, u"linked"_s);
    }

    void acceptHandsOverThePlan() {
        type(u"185-186"_s);
        QVERIFY(ok()->isEnabled());
        QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
        QTest::mouseClick(ok(), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(m_dialog->plan()->items.size(), 2);
        QCOMPARE(m_dialog->plan()->items.first().name, u"vm185"_s);
        QCOMPARE(m_dialog->options().golden, u"tiny"_s);
        QVERIFY(m_dialog->options().start);
    }

    // Issue 12 item 6: linked clones made by VMware are a mode beside vmeclone's own, for a
    // VMware golden only; the engine's plan says at once why it cannot (here: no vmrun).
    void vmwareMadeLinkedClonesAreAModeForVmwareGoldens() {
        QVERIFY(QDir().mkpath(path(u"web"_s)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"vmdk"_s,
                                                   u"-o"_s, u"subformat=monolithicSparse"_s,
                                                   path(u"web/web.vmdk"_s), u"64M"_s}),
                 0);
        QFile vmx(path(u"web/web.vmx"_s));
        QVERIFY(vmx.open(QIODevice::WriteOnly));
        vmx.write(".encoding = \"UTF-8\"\ndisplayName = \"web\"\nscsi0.present = \"TRUE\"\n"
                  "scsi0:0.present = \"TRUE\"\nscsi0:0.fileName = \"web.vmdk\"\n"
                  "ethernet0.present = \"TRUE\"\n");
        vmx.close();
        GoldenSpec spec;
        spec.path = vmx.fileName();
        spec.suffix = 176;
        spec.subnet = u"198.51.100.0/24"_s;
        spec.consoleAddress = u"198.51.100.10"_s;
        const auto web = m_service->addGolden(spec).result();
        QVERIFY2(web.ok(), qPrintable(web.error()));
        CloneRangeDialog dialog(m_service.get(), {m_goldens.first(), *web}, {});
        dialog.show();
        auto *byVmware = dialog.findChild<QRadioButton *>(u"byVmware"_s);
        QVERIFY(byVmware);
        QTRY_VERIFY(!byVmware->isEnabled()); // the QEMU golden first
        dialog.findChild<QComboBox *>(u"golden"_s)->setCurrentIndex(1);
        QVERIFY(byVmware->isEnabled());
        byVmware->click();
        QVERIFY(dialog.options().vmwareClone);
        QCOMPARE(dialog.options().mode, u"linked"_s);
        dialog.setRange(u"177"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.message().contains(u"vmrun"_s), 10000);
        QVERIFY2(!dialog.isValid(), qPrintable(dialog.message()));
        // Back to the QEMU golden: the mode goes back to vmeclone's own linked clones.
        dialog.findChild<QComboBox *>(u"golden"_s)->setCurrentIndex(0);
        QVERIFY(!byVmware->isEnabled());
        QVERIFY(!dialog.options().vmwareClone);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isValid(), 10000);
        QVERIFY(m_service->removeGolden(web->id).result().ok());
    }

    void aGoldenThatCannotBeClonedSaysWhy() {
        CloneRangeDialog dialog(m_service.get(), m_goldens,
                                {{m_goldens.first().id, u"it is running"_s}});
        dialog.setRange(u"177"_s);
        QTRY_VERIFY(dialog.message().contains(u"it is running"_s));
        QVERIFY(!dialog.isValid());
    }
};

QTEST_MAIN(TestCloneRangeDialog)
#include "tst_clone_range_dialog.moc"
