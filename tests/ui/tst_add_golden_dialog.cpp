// AddGoldenDialog: what the operator types is checked as they type, by the engine's
// own rules (GoldenRules: OK disabled, the refused field marked, the first reason shown
// under its field's label) against fixture goldens in a temporary folder: a tiny QEMU
// golden that says its subnet and address, one that says neither, a VMware .vmx that
// says neither, and a QEMU golden whose disk is not what it claims (the engine refuses
// it: the dialog stays open with everything typed).

#include "add_golden_dialog.h"
#include "common/translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestAddGoldenDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    static QPushButton *ok(const AddGoldenDialog &d) {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    static QLineEdit *field(const AddGoldenDialog &d, const QString &name) {
        return d.findChild<QLineEdit *>(name);
    }
    // Types into each field as an operator would (empty: left empty).
    static void fill(AddGoldenDialog &d, const QStringList &values) {
        const QStringList names{u"path"_s,    u"name"_s,           u"suffix"_s, u"subnet"_s,
                                u"gateway"_s, u"consoleAddress"_s, u"dns"_s};
        for (int i = 0; i < names.size(); ++i) {
            QLineEdit *e = field(d, names.at(i));
            QVERIFY2(e, qPrintable(names.at(i)));
            e->clear();
            if (i < values.size() && !values.at(i).isEmpty())
                QTest::keyClicks(e, values.at(i));
        }
    }

    void write(const QString &rel, const QByteArray &bytes) {
        QFile f(path(rel));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        Translations::install(u"en"_s);
        QVERIFY(m_dir.isValid());
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"disk.qcow2"_s), u"64M"_s}),
                 0);
        write(u"tiny.json"_s,
              R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny",
                  "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2",
                  "suffix": 176, "subnet": "192.0.2.0/24"})");
        write(u"bare.json"_s,
              R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "bare",
                  "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2"})");
        // Claims qcow2, but the disk is a text file: only qemu-img (in the engine) sees it.
        write(u"liar.txt"_s, "not a disk image\n");
        write(u"liar.json"_s,
              R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "liar",
                  "memory_mb": 64, "disk": "liar.txt", "disk_format": "qcow2",
                  "suffix": 176, "subnet": "192.0.2.0/24"})");
        // With a network adapter: a golden without one is refused (unless allowed).
        write(u"web.vmx"_s, ".encoding = \"UTF-8\"\ndisplayName = \"web\"\n"
                            "ethernet0.present = \"TRUE\"\nethernet0.virtualDev = \"vmxnet3\"\n");
        write(u"notes.txt"_s, "hello\n");
        write(u"broken.json"_s, "{ not json");
    }

    void refusesWithTheReason_data() {
        QTest::addColumn<QStringList>(
            "values"); // path, name, suffix, subnet, gateway, console, dns
        QTest::addColumn<QString>("reason");
        const QString tiny = path(u"tiny.json"_s), bare = path(u"bare.json"_s),
                      vmx = path(u"web.vmx"_s);
        QTest::newRow("no path") << QStringList{} << u"Golden image: no golden image given"_s;
        QTest::newRow("nonexistent path")
            << QStringList{path(u"missing.json"_s)} << u"missing.json does not exist"_s;
        QTest::newRow("not a golden")
            << QStringList{path(u"notes.txt"_s)} << u"is neither a QEMU machine description"_s;
        QTest::newRow("unreadable golden")
            << QStringList{path(u"broken.json"_s)} << u"Golden image: "_s;
        QTest::newRow("bad subnet")
            << QStringList{bare, {}, u"176"_s, u"192.168.1.5/24"_s} << u"Subnet: "_s;
        QTest::newRow("no subnet")
            << QStringList{bare, {}, u"176"_s} << u"does not say its subnet"_s;
        QTest::newRow("no suffix")
            << QStringList{bare, {}, {}, u"192.168.1.0/24"_s} << u"does not say its own address"_s;
        QTest::newRow("suffix not a number")
            << QStringList{tiny, {}, u"17x"_s}
            << u"Address suffix: the suffix '17x' is not a number"_s;
        QTest::newRow("suffix outside the subnet")
            << QStringList{tiny, {}, u"300"_s}
            << u"Address suffix: the suffix 300 is not a host of 192.0.2.0/24"_s;
        QTest::newRow("gateway not an address")
            << QStringList{tiny, {}, {}, {}, u"192.0.2"_s} << u"not an IPv4 address"_s;
        QTest::newRow("gateway outside the subnet")
            << QStringList{tiny, {}, {}, {}, u"10.0.0.1"_s}
            << u"gateway 10.0.0.1 is not a host address of 192.0.2.0/24"_s;
        QTest::newRow("gateway at the golden's own address")
            << QStringList{tiny, {}, {}, {}, u"192.0.2.176"_s}
            << u"Gateway: the gateway 192.0.2.176 is the golden's own address"_s;
        QTest::newRow("DNS server not an address")
            << QStringList{tiny, {}, {}, {}, {}, {}, u"192.0.2.53, ns1"_s}
            << u"DNS servers: the name server 'ns1' is not an IPv4 address"_s;
        QTest::newRow("four DNS servers")
            << QStringList{tiny, {}, {}, {}, {}, {}, u"192.0.2.1,192.0.2.2,192.0.2.3,192.0.2.4"_s}
            << u"at most 3 name servers"_s;
        QTest::newRow("vmx without console address")
            << QStringList{vmx, {}, u"176"_s, u"192.168.1.0/24"_s}
            << u"Console address: VMware guests announce themselves"_s;
        QTest::newRow("vmx console address is the golden's")
            << QStringList{vmx, {}, u"176"_s, u"192.168.1.0/24"_s, {}, u"192.168.1.176"_s}
            << u"is the golden's own address"_s;
        QTest::newRow("vmx console address unreachable")
            << QStringList{vmx, {}, u"176"_s, u"192.168.1.0/24"_s, {}, u"10.1.1.1"_s}
            << u"has no gateway"_s;
    }

    void refusesWithTheReason() {
        QFETCH(QStringList, values);
        QFETCH(QString, reason);
        AddGoldenDialog dialog(nullptr);
        fill(dialog, values);
        QVERIFY(!dialog.isValid());
        QVERIFY(!ok(dialog)->isEnabled());
        QVERIFY2(dialog.message().contains(reason), qPrintable(dialog.message()));
        QCOMPARE(dialog.findChild<QLabel *>(u"message"_s)->text(), dialog.message());
    }

    // The dialog shows the engine's verdict, field by field: the rules' refusals as they
    // are (GoldenRules::check on the same spec), the refused field marked with its code
    // and reason, the others clear, and the first reason under its field's label.
    void showsTheEnginesRefusalOfAField() {
        AddGoldenDialog dialog(nullptr);
        fill(dialog, {path(u"tiny.json"_s), {}, u"300"_s, {}, u"192.0.2"_s});
        const auto said = GoldenRules::describe(path(u"tiny.json"_s), u"qemu"_s);
        QVERIFY(said);
        const GoldenVerdict verdict =
            GoldenRules::check(dialog.spec(), u"qemu"_s, *said, GoldenRules::Context{});
        QCOMPARE(verdict.refusals.size(), 2);
        QCOMPARE(dialog.refusals().size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            QCOMPARE(dialog.refusals()[i].field, verdict.refusals[i].field);
            QCOMPARE(dialog.refusals()[i].problem, verdict.refusals[i].problem);
            QCOMPARE(dialog.refusals()[i].message, verdict.refusals[i].message);
        }
        const Error &suffix = *verdict.refusalOf(Field::Suffix);
        QCOMPARE(dialog.message(),
                 AddGoldenDialog::fieldLabel(Field::Suffix) + u": "_s + suffix.message);
        QCOMPARE(field(dialog, u"suffix"_s)->property("refusal").toString(),
                 u"not-a-host-address"_s);
        QCOMPARE(field(dialog, u"suffix"_s)->toolTip(), suffix.message);
        QCOMPARE(field(dialog, u"gateway"_s)->property("refusal").toString(), u"not-an-address"_s);
        QCOMPARE(field(dialog, u"gateway"_s)->toolTip(),
                 verdict.refusalOf(Field::Gateway)->message);
        for (const auto &name : {u"path"_s, u"name"_s, u"subnet"_s, u"dns"_s})
            QVERIFY2(field(dialog, name)->property("refusal").toString().isEmpty(),
                     qPrintable(name));

        // Corrected: the marks go.
        field(dialog, u"suffix"_s)->setText(u"9"_s);
        field(dialog, u"gateway"_s)->setText(u"192.0.2.1"_s);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        QVERIFY(field(dialog, u"suffix"_s)->property("refusal").toString().isEmpty());
        QVERIFY(field(dialog, u"suffix"_s)->toolTip().isEmpty());
    }

    // What the dialog refuses, the engine refuses in the same words (the gateway at the
    // golden's own address: the dialog had that rule and the engine did not).
    void theDialogAndTheEngineAgree() {
        EngineConfig config;
        config.home = path(u"home-agree"_s);
        EngineService service(config);
        QVERIFY(service.open().ok());
        AddGoldenDialog dialog(&service);
        fill(dialog, {path(u"tiny.json"_s), {}, {}, {}, u"192.0.2.176"_s});
        QVERIFY(!dialog.isValid());
        QCOMPARE(dialog.refusals().size(), 1);
        const auto added = service.addGolden(dialog.spec()).result();
        QVERIFY(!added);
        QCOMPARE(added.failure().field, Field::Gateway);
        QCOMPARE(added.failure().problem, dialog.refusals().first().problem);
        QCOMPARE(added.error(), dialog.refusals().first().message);
    }

    void acceptsAValidSet_data() {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("ready");
        QTest::newRow("json that says it all")
            << QStringList{path(u"tiny.json"_s)}
            << u"Ready: tiny (QEMU) at 192.0.2.176 in 192.0.2.0/24."_s;
        QTest::newRow("json told its address")
            << QStringList{path(u"bare.json"_s), u"b2"_s, u"9"_s, u"10.0.0.0/24"_s, u"10.0.0.1"_s}
            << u"Ready: b2 (QEMU) at 10.0.0.9 in 10.0.0.0/24."_s;
        QTest::newRow("vmx, console address on the VMs' network")
            << QStringList{path(u"web.vmx"_s),  {}, u"176"_s,
                           u"192.168.1.0/24"_s, {}, u"192.168.1.10"_s}
            << u"Ready: web (VMware) at 192.168.1.176 in 192.168.1.0/24."_s;
        QTest::newRow("vmx, console address through the gateway")
            << QStringList{path(u"web.vmx"_s), {},           u"176"_s, u"192.168.1.0/24"_s,
                           u"192.168.1.1"_s,   u"10.1.1.1"_s}
            << u"Ready: web (VMware) at 192.168.1.176 in 192.168.1.0/24."_s;
    }

    void acceptsAValidSet() {
        QFETCH(QStringList, values);
        QFETCH(QString, ready);
        AddGoldenDialog dialog(nullptr);
        fill(dialog, values);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        QVERIFY(ok(dialog)->isEnabled());
        QCOMPARE(dialog.message(), ready);
    }

    void givesTheSpecTyped() {
        AddGoldenDialog dialog(nullptr);
        fill(dialog, {path(u"web.vmx"_s), u"web-golden"_s, u"176"_s, u"192.168.1.0/24"_s,
                      u"192.168.1.1"_s, u"192.168.1.10"_s, u"192.168.1.1, 192.168.1.2"_s});
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        const GoldenSpec spec = dialog.spec();
        QCOMPARE(spec.path, path(u"web.vmx"_s));
        QCOMPARE(spec.name, u"web-golden"_s);
        QCOMPARE(spec.suffix, std::optional<quint32>(176));
        QCOMPARE(spec.subnet, u"192.168.1.0/24"_s);
        QCOMPARE(spec.gateway, u"192.168.1.1"_s);
        QCOMPARE(spec.consoleAddress, u"192.168.1.10"_s);
        QCOMPARE(spec.dns, u"192.168.1.1, 192.168.1.2"_s);

        // What the golden says itself is left to it: nothing typed, nothing in the spec.
        fill(dialog, {path(u"tiny.json"_s)});
        QVERIFY(dialog.isValid());
        QCOMPARE(dialog.spec().suffix, std::nullopt);
        QVERIFY(dialog.spec().subnet.isEmpty());
        QVERIFY(dialog.spec().name.isEmpty());
        // A QEMU golden has no console address to give.
        QVERIFY(!field(dialog, u"consoleAddress"_s)->isEnabled());
    }

    // Issue 12, item 4: a VMware golden's further NICs, each given a subnet or left
    // unconfigured; the field says which NICs the golden has, and refuses by the
    // engine's rules, marked on the field.
    void furtherNics() {
        write(u"three.vmx"_s, ".encoding = \"UTF-8\"\ndisplayName = \"three\"\n"
                              "ethernet0.present = \"TRUE\"\nethernet1.present = \"TRUE\"\n"
                              "ethernet3.present = \"TRUE\"\n");
        AddGoldenDialog dialog(nullptr);
        QLineEdit *nics = field(dialog, u"nics"_s);
        QVERIFY(nics);
        fill(dialog,
             {path(u"three.vmx"_s), {}, u"176"_s, u"192.168.1.0/24"_s, {}, u"192.168.1.10"_s});
        QVERIFY(nics->isEnabled());
        QVERIFY2(nics->placeholderText().contains(u"ethernet1, ethernet3"_s),
                 qPrintable(nics->placeholderText()));
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        QTest::keyClicks(nics, u"ethernet2=10.0.5.0/24"_s);
        QVERIFY(!dialog.isValid());
        QCOMPARE(nics->property("refusal").toString(), u"not-found"_s);
        QVERIFY2(dialog.message().startsWith(u"Further NICs: "_s), qPrintable(dialog.message()));
        nics->clear();
        QTest::keyClicks(nics, u"ethernet1=10.0.5.0/24, ethernet3=none"_s);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        QCOMPARE(nics->property("refusal").toString(), QString());
        QCOMPARE(dialog.spec().nics,
                 (QStringList{u"ethernet1=10.0.5.0/24"_s, u"ethernet3=none"_s}));
        // A golden with one NIC, or a QEMU golden, has none to give.
        fill(dialog,
             {path(u"web.vmx"_s), {}, u"176"_s, u"192.168.1.0/24"_s, {}, u"192.168.1.10"_s});
        QVERIFY(!nics->isEnabled());
        QVERIFY(dialog.spec().nics.isEmpty());
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        fill(dialog, {path(u"tiny.json"_s)});
        QVERIFY(!nics->isEnabled());
    }

    // Issue 12, item 5: the console address found, not typed. This machine's own address
    // (QNetworkInterface, read here): a .vmx golden in its subnet is given it, shown as
    // found. Without a non-loopback address, the loopback's: 127.0.0.0/8 is a subnet too.
    void findsThisMachinesAddress() {
        struct Own {
            Ipv4Address address;
            int prefix;
            QString interface;
            bool loopback;
        };
        QList<Own> own;
        for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
            if (!i.flags().testFlag(QNetworkInterface::IsUp))
                continue;
            for (const QNetworkAddressEntry &e : i.addressEntries())
                if (e.ip().protocol() == QAbstractSocket::IPv4Protocol)
                    own.append({Ipv4Address(e.ip().toIPv4Address()), e.prefixLength(), i.name(),
                                i.flags().testFlag(QNetworkInterface::IsLoopBack)});
        }
        std::stable_partition(own.begin(), own.end(), [](const Own &o) { return !o.loopback; });
        QVERIFY2(!own.isEmpty(), "this machine has no IPv4 address, not even the loopback's");
        const Own mine = own.first();
        // The rules take prefixes 8..30: a /32 (a container's) is looked for in its /24.
        const Subnet subnet = Subnet::fromNetwork(
            mine.address, mine.prefix >= 8 && mine.prefix <= 30 ? mine.prefix : 24);
        quint32 suffix = 176; // the golden's: none of this machine's addresses
        while (std::any_of(own.cbegin(), own.cend(), [&](const Own &o) {
            return o.address == subnet.addressOfSuffix(suffix);
        }))
            ++suffix;
        QStringList expected; // this machine's addresses in the subnet, as the dialog names them
        QSet<quint32> seen;
        for (const Own &o : own) {
            if (!subnet.isHostAddress(o.address) || seen.contains(o.address.toUInt()))
                continue;
            seen.insert(o.address.toUInt());
            expected << u"%1 on %2"_s.arg(o.address.toString(), o.interface);
        }

        EngineConfig config; // this host's addresses looked up, as the console does
        config.home = path(u"home-found"_s);
        EngineService service(config);
        QVERIFY(service.open().ok());
        AddGoldenDialog dialog(&service);
        fill(dialog, {path(u"web.vmx"_s), {}, QString::number(suffix), subnet.toString()});
        auto *found = dialog.findChild<QLabel *>(u"consoleFound"_s);
        auto *choice = dialog.findChild<QComboBox *>(u"consoleCandidates"_s);
        if (expected.size() == 1) {
            QCOMPARE(field(dialog, u"consoleAddress"_s)->text(), mine.address.toString());
            QCOMPARE(found->text(), u"found: "_s + expected.first());
            QVERIFY(!found->isHidden());
            QVERIFY(choice->isHidden());
            QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
            QCOMPARE(dialog.spec().consoleAddress, mine.address.toString());
        } else { // several here: offered to choose from
            QVERIFY(field(dialog, u"consoleAddress"_s)->text().isEmpty());
            QVERIFY(!choice->isHidden());
            QStringList offered;
            for (int i = 1; i < choice->count(); ++i)
                offered << choice->itemText(i);
            QCOMPARE(offered, expected);
        }
    }

    // The same with this host's addresses given to the engine: several are offered, a
    // choice fills the field, none is said, and a typed address is never replaced.
    void offersTheCandidates() {
        EngineConfig config;
        config.home = path(u"home-offered"_s);
        config.hostAddresses =
            QList<HostAddress>{{*Ipv4Address::parse(u"192.0.2.2"_s), u"eth0"_s, false},
                               {*Ipv4Address::parse(u"192.0.2.3"_s), u"br0"_s, false},
                               {*Ipv4Address::parse(u"127.0.0.1"_s), u"lo"_s, true}};
        EngineService service(config);
        QVERIFY(service.open().ok());
        AddGoldenDialog dialog(&service);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *found = dialog.findChild<QLabel *>(u"consoleFound"_s);
        auto *choice = dialog.findChild<QComboBox *>(u"consoleCandidates"_s);
        QLineEdit *console = field(dialog, u"consoleAddress"_s);

        // Before a subnet: nothing to offer.
        fill(dialog, {path(u"web.vmx"_s), {}, u"176"_s});
        QVERIFY(found->isHidden());
        QVERIFY(choice->isHidden());

        // Two in 192.0.2.0/24: listed with their interfaces, nothing filled in.
        fill(dialog, {path(u"web.vmx"_s), {}, u"176"_s, u"192.0.2.0/24"_s});
        QVERIFY(!choice->isHidden());
        QCOMPARE(choice->count(), 3);
        QCOMPARE(choice->itemText(1), u"192.0.2.2 on eth0"_s);
        QCOMPARE(choice->itemText(2), u"192.0.2.3 on br0"_s);
        QCOMPARE(
            found->text(),
            u"This host has 2 addresses in 192.0.2.0/24: choose the one on the VMs' network."_s);
        QVERIFY(console->text().isEmpty());
        QVERIFY(!dialog.isValid());
        QVERIFY2(dialog.message().contains(u"this host has 2 addresses"_s),
                 qPrintable(dialog.message()));
        choice->setFocus();
        QTest::keyClick(choice, Qt::Key_Down);
        QTest::keyClick(choice, Qt::Key_Down);
        QCOMPARE(console->text(), u"192.0.2.3"_s);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        QCOMPARE(dialog.spec().consoleAddress, u"192.0.2.3"_s);
        QVERIFY(found->isHidden());

        // Another subnet: the offer goes with it; none there is said.
        QLineEdit *subnet = field(dialog, u"subnet"_s);
        subnet->setText(u"10.0.0.0/24"_s);
        QVERIFY(console->text().isEmpty());
        QVERIFY(choice->isHidden());
        QCOMPARE(found->text(), u"This host has no address in 10.0.0.0/24: give its address on "
                                u"the VMs' network."_s);
        QVERIFY2(dialog.message().contains(u"this host has none in 10.0.0.0/24"_s),
                 qPrintable(dialog.message()));

        // One: filled in, shown as found.
        field(dialog, u"suffix"_s)->setText(u"1"_s);
        subnet->setText(u"192.0.2.0/30"_s);
        QCOMPARE(console->text(), u"192.0.2.2"_s);
        QCOMPARE(found->text(), u"found: 192.0.2.2 on eth0"_s);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));

        // Typed by the operator: kept, whatever the subnet.
        console->setText(u"192.0.2.3"_s);
        QCOMPARE(found->text(), u"this host's address in 192.0.2.0/30: 192.0.2.2 on eth0"_s);
        field(dialog, u"suffix"_s)->setText(u"176"_s);
        subnet->setText(u"192.0.2.0/24"_s);
        QCOMPARE(console->text(), u"192.0.2.3"_s);
        QCOMPARE(choice->currentIndex(), 2);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
    }

    void keepsTheInputWhenTheEngineRefuses() {
        EngineConfig config;
        config.home = path(u"home"_s);
        EngineService service(config);
        const Status opened = service.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));

        AddGoldenDialog dialog(&service);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fill(dialog, {path(u"liar.json"_s), u"mine"_s, u"180"_s});
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        QSignalSpy finished(&dialog, &AddGoldenDialog::addFinished);
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        // Counted, not waited for: an engine quicker than the click answers inside it
        // (Qt 6.4 runs a continuation on a finished future at once), before a wait begins.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.message().contains(u"was not added"_s)
                     && dialog.message().contains(u"liar.txt"_s),
                 qPrintable(dialog.message()));
        QCOMPARE(field(dialog, u"path"_s)->text(), path(u"liar.json"_s));
        QCOMPARE(field(dialog, u"name"_s)->text(), u"mine"_s);
        QCOMPARE(field(dialog, u"suffix"_s)->text(), u"180"_s);
        QVERIFY(!dialog.added());

        // Corrected, OK again: the engine takes it and the dialog closes.
        QVERIFY(ok(dialog)->isEnabled());
        field(dialog, u"path"_s)->setText(path(u"tiny.json"_s));
        QVERIFY(ok(dialog)->isEnabled());
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QVERIFY(dialog.added());
        QCOMPARE(dialog.added()->name, u"mine"_s);
        QCOMPARE(dialog.added()->address.toString(), u"192.0.2.180"_s);
    }
};

QTEST_MAIN(TestAddGoldenDialog)
#include "tst_add_golden_dialog.moc"
