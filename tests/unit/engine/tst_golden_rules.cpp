// Every rule of adding a golden (GoldenRules) and of choosing what a plan clones says
// which input is wrong (Field), how (Problem) and the offending value, besides a message
// that names no CLI flag. First the rules alone, on what a golden's file says; then
// through Engine::addGolden and Engine::plan on a tiny QEMU golden (a real qcow2 made by
// qemu-img), so that the engine applies them as they are.

#include "engine/engine.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// What the golden at 192.0.2.176/24 named "tiny" says of itself.
GoldenInspection said() {
    GoldenInspection s;
    s.name = u"tiny"_s;
    s.subnet = *Subnet::parse(u"192.0.2.0/24"_s);
    s.suffix = 176;
    return s;
}

// The refusal of `verdict` and that it is the only one.
Error onlyRefusal(const GoldenVerdict &verdict) {
    if (verdict.refusals.size() != 1) {
        QStringList all;
        for (const Error &e : verdict.refusals)
            all << fieldName(e.field) + u": "_s + e.message;
        qWarning("expected one refusal, got %d: %s", int(verdict.refusals.size()),
                 qPrintable(all.join(u"; "_s)));
        return {};
    }
    return verdict.refusals.first();
}

} // namespace

Q_DECLARE_METATYPE(vmeclone::Field)
Q_DECLARE_METATYPE(vmeclone::Problem)

class TstGoldenRules : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_golden; // tiny.json: says nothing of its network
    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    void writeFile(const QString &relative, const QByteArray &bytes) {
        QFile f(path(relative));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    std::unique_ptr<Engine> engineAt(const QString &home) {
        EngineConfig config;
        config.home = path(home);
        auto engine = std::make_unique<Engine>(config);
        if (auto s = engine->open(); !s) {
            qWarning("%s", qPrintable(s.error()));
            return {};
        }
        return engine;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"disk.qcow2"_s), u"64M"_s}),
                 0);
        m_golden = path(u"tiny.json"_s);
        writeFile(u"tiny.json"_s,
                  R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny",
                      "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2"})");
        writeFile(u"notes.txt"_s, "hello\n");
        writeFile(u"broken.json"_s, "{ not json");
    }

    // ---- the rules alone ------------------------------------------------------------

    void eachRuleNamesItsField_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>(
            "spec"); // name, prefix, suffix, subnet, gateway, dns, console
        QTest::addColumn<bool>("saysItsNetwork");
        QTest::addColumn<Field>("field");
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message"); // part of it

        const QString q = u"qemu"_s, v = u"vmware"_s;
        QTest::newRow("name: control characters")
            << q << QStringList{u"two\nlines"_s} << true << Field::GoldenName
            << Problem::ControlCharacters << u"two\nlines"_s << u"control characters"_s;
        QTest::newRow("name: too long")
            << q << QStringList{QString(65, u'n')} << true << Field::GoldenName << Problem::TooLong
            << QString(65, u'n') << u"longer than 64"_s;
        QTest::newRow("prefix: leaves the shard")
            << q << QStringList{{}, u"../evil"_s} << true << Field::NamePrefix
            << Problem::NotAFolderName << u"../evil"_s << u"the name prefix '../evil'"_s;
        QTest::newRow("suffix: not a host")
            << q << QStringList{{}, {}, u"300"_s, u"10.0.0.0/24"_s} << true << Field::Suffix
            << Problem::NotAHostAddress << u"300"_s
            << u"the suffix 300 is not a host of 10.0.0.0/24 (suffixes 1-254)"_s;
        QTest::newRow("suffix: broadcast")
            << q << QStringList{{}, {}, u"255"_s} << true << Field::Suffix
            << Problem::NotAHostAddress << u"255"_s << u"not a host of 192.0.2.0/24"_s;
        QTest::newRow("suffix: missing")
            << q << QStringList{{}, {}, {}, u"10.0.0.0/24"_s} << false << Field::Suffix
            << Problem::Missing << QString() << u"does not say its own address"_s;
        QTest::newRow("subnet: host bits")
            << q << QStringList{{}, {}, {}, u"192.0.2.5/24"_s} << true << Field::Subnet
            << Problem::NotASubnet << u"192.0.2.5/24"_s << u"host bits set"_s;
        QTest::newRow("subnet: missing")
            << q << QStringList{{}, {}, u"9"_s} << false << Field::Subnet << Problem::Missing
            << QString() << u"does not say its subnet"_s;
        QTest::newRow("gateway: not an address")
            << q << QStringList{{}, {}, {}, {}, u"192.0.2"_s} << true << Field::Gateway
            << Problem::NotAnAddress << u"192.0.2"_s << u"not an IPv4 address"_s;
        QTest::newRow("gateway: outside")
            << q << QStringList{{}, {}, {}, {}, u"10.0.0.1"_s} << true << Field::Gateway
            << Problem::NotAHostAddress << u"10.0.0.1"_s << u"not a host address of 192.0.2.0/24"_s;
        // The rule the engine used to lack (the dialog had it): a gateway at the golden's
        // own address.
        QTest::newRow("gateway: the golden's own")
            << q << QStringList{{}, {}, {}, {}, u"192.0.2.176"_s} << true << Field::Gateway
            << Problem::GoldenOwnAddress << u"192.0.2.176"_s << u"the golden's own address"_s;
        QTest::newRow("dns: not an address")
            << q << QStringList{{}, {}, {}, {}, {}, u"192.0.2.53,ns1"_s} << true << Field::Dns
            << Problem::NotAnAddress << u"192.0.2.53,ns1"_s << u"'ns1' is not an IPv4"_s;
        QTest::newRow("dns: four")
            << q << QStringList{{}, {}, {}, {}, {}, u"192.0.2.1,192.0.2.2,192.0.2.3,192.0.2.4"_s}
            << true << Field::Dns << Problem::TooMany
            << u"192.0.2.1,192.0.2.2,192.0.2.3,192.0.2.4"_s << u"at most 3"_s;
        QTest::newRow("console: not an address")
            << q << QStringList{{}, {}, {}, {}, {}, {}, u"console"_s} << true
            << Field::ConsoleAddress << Problem::NotAnAddress << u"console"_s
            << u"not an IPv4 address"_s;
        QTest::newRow("console: VMware, missing")
            << v << QStringList{} << true << Field::ConsoleAddress << Problem::Missing << QString()
            << u"give its address on the VMs' network"_s;
        QTest::newRow("console: VMware, the golden's own")
            << v << QStringList{{}, {}, {}, {}, {}, {}, u"192.0.2.176"_s} << true
            << Field::ConsoleAddress << Problem::GoldenOwnAddress << u"192.0.2.176"_s
            << u"the golden's own address"_s;
        QTest::newRow("console: VMware, broadcast")
            << v << QStringList{{}, {}, {}, {}, {}, {}, u"192.0.2.255"_s} << true
            << Field::ConsoleAddress << Problem::NotAHostAddress << u"192.0.2.255"_s
            << u"not a host address"_s;
        QTest::newRow("console: VMware, unreachable")
            << v << QStringList{{}, {}, {}, {}, {}, {}, u"198.51.100.1"_s} << true
            << Field::ConsoleAddress << Problem::Unreachable << u"198.51.100.1"_s
            << u"no gateway"_s;
    }

    void eachRuleNamesItsField() {
        QFETCH(QString, backend);
        QFETCH(QStringList, spec);
        QFETCH(bool, saysItsNetwork);
        QFETCH(Field, field);
        QFETCH(Problem, problem);
        QFETCH(QString, value);
        QFETCH(QString, message);
        spec.resize(7);
        GoldenSpec s;
        s.path = m_golden;
        s.name = spec[0];
        s.namePrefix = spec[1];
        if (!spec[2].isEmpty())
            s.suffix = spec[2].toUInt();
        s.subnet = spec[3];
        s.gateway = spec[4];
        s.dns = spec[5];
        s.consoleAddress = spec[6];
        GoldenInspection golden = said();
        if (!saysItsNetwork) {
            golden.subnet.reset();
            golden.suffix.reset();
        }
        const GoldenVerdict verdict = GoldenRules::check(s, backend, golden, {});
        const Error e = onlyRefusal(verdict);
        QCOMPARE(e.field, field);
        QCOMPARE(e.problem, problem);
        QCOMPARE(e.value, value);
        QVERIFY2(e.message.contains(message), qPrintable(e.message));
        QVERIFY2(!e.message.contains(u"--"_s), qPrintable(e.message));
        QCOMPARE(verdict.refusalOf(field), &verdict.refusals.first());
        // A value with control characters is never put in the words.
        if (problem == Problem::ControlCharacters)
            QVERIFY(!e.message.contains(value));
    }

    // A VMware golden given no console address: this host's addresses in its subnet.
    void vmwareConsoleAddressFound() {
        GoldenSpec s;
        s.path = m_golden;
        GoldenRules::Context context;
        // One in the subnet (the others elsewhere, or the golden's own): found, and used.
        const auto on = [](const QString &address, const QString &interface) {
            return HostAddress{*Ipv4Address::parse(address), interface, interface == u"lo"_s};
        };
        context.hostAddresses =
            QList<HostAddress>{on(u"192.0.2.10"_s, u"eth0"_s), on(u"192.0.2.176"_s, u"eth1"_s),
                               on(u"198.51.100.7"_s, u"eth2"_s), on(u"127.0.0.1"_s, u"lo"_s)};
        GoldenVerdict verdict = GoldenRules::check(s, u"vmware"_s, said(), context);
        QVERIFY(verdict.ok());
        QVERIFY(verdict.consoleAddressFound);
        QCOMPARE(verdict.golden.consoleAddress.toString(), u"192.0.2.10"_s);
        QCOMPARE(verdict.consoleCandidates, QList<HostAddress>{on(u"192.0.2.10"_s, u"eth0"_s)});
        // Two: both listed, and the operator chooses.
        context.hostAddresses->append(on(u"192.0.2.11"_s, u"eth3"_s));
        verdict = GoldenRules::check(s, u"vmware"_s, said(), context);
        Error e = onlyRefusal(verdict);
        QCOMPARE(e.field, Field::ConsoleAddress);
        QCOMPARE(e.problem, Problem::Ambiguous);
        QVERIFY2(e.message.contains(u"this host has 2 addresses in 192.0.2.0/24 (192.0.2.10, "
                                    u"192.0.2.11)"_s),
                 qPrintable(e.message));
        // One typed wins.
        s.consoleAddress = u"192.0.2.11"_s;
        verdict = GoldenRules::check(s, u"vmware"_s, said(), context);
        QVERIFY(verdict.ok());
        QVERIFY(!verdict.consoleAddressFound);
        QCOMPARE(verdict.golden.consoleAddress.toString(), u"192.0.2.11"_s);
        // None: asked for, saying so.
        s.consoleAddress.clear();
        context.hostAddresses = QList<HostAddress>{on(u"127.0.0.1"_s, u"lo"_s)};
        e = onlyRefusal(GoldenRules::check(s, u"vmware"_s, said(), context));
        QCOMPARE(e.problem, Problem::Missing);
        QVERIFY2(e.message.contains(u"this host has none in 192.0.2.0/24"_s),
                 qPrintable(e.message));
        // A QEMU golden needs none.
        QVERIFY(GoldenRules::check(s, u"qemu"_s, said(), context).ok());
    }

    // A console address changed later (Engine::setConsoleAddress, the console's dialog):
    // the rules of `golden add`, against the golden as it was added, never a command's.
    void consoleAddressChanged() {
        GoldenRecord golden;
        golden.backend = u"vmware"_s;
        golden.name = u"tiny"_s;
        golden.path = m_golden;
        golden.subnet = *Subnet::parse(u"192.0.2.0/24"_s);
        golden.address = *Ipv4Address::parse(u"192.0.2.176"_s);
        golden.namePrefix = u"vm"_s;
        GoldenRules::Context context;
        context.hostAddresses =
            QList<HostAddress>{{*Ipv4Address::parse(u"192.0.2.10"_s), u"eth0"_s, false},
                               {*Ipv4Address::parse(u"192.0.2.176"_s), u"eth1"_s, false}};
        context.processConsoleAddress = u"198.51.100.1"_s; // a command's: not the golden's
        for (const auto &automatic : {u"auto"_s, u" AUTO "_s, QString()}) {
            const auto found = GoldenRules::consoleAddressFor(golden, automatic, {}, context);
            QVERIFY2(found.ok(), qPrintable(found.error()));
            QCOMPARE(found->toString(), u"192.0.2.10"_s);
        }
        const auto given = GoldenRules::consoleAddressFor(golden, u" 192.0.2.11 "_s, {}, context);
        QVERIFY2(given.ok(), qPrintable(given.error()));
        QCOMPARE(given->toString(), u"192.0.2.11"_s);
        const auto own = GoldenRules::consoleAddressFor(golden, u"192.0.2.176"_s, {}, context);
        QVERIFY(!own.ok());
        QCOMPARE(own.failure().field, Field::ConsoleAddress);
        QCOMPARE(own.failure().problem, Problem::GoldenOwnAddress);
        const auto outside = GoldenRules::consoleAddressFor(golden, u"10.9.9.9"_s, {}, context);
        QCOMPARE(outside.failure().problem, Problem::Unreachable);
        QVERIFY2(outside.error().contains(u"10.9.9.9 is outside 192.0.2.0/24"_s),
                 qPrintable(outside.error()));
        // Two of this host's addresses: automatic cannot choose.
        context.hostAddresses->append({*Ipv4Address::parse(u"192.0.2.12"_s), u"eth2"_s, false});
        const auto two = GoldenRules::consoleAddressFor(golden, u"auto"_s, {}, context);
        QCOMPARE(two.failure().problem, Problem::Ambiguous);
        // None: asked for.
        context.hostAddresses = QList<HostAddress>{};
        const auto none = GoldenRules::consoleAddressFor(golden, u"auto"_s, {}, context);
        QCOMPARE(none.failure().problem, Problem::Missing);
        QVERIFY2(none.error().contains(u"this host has none in 192.0.2.0/24"_s),
                 qPrintable(none.error()));
    }

    // What a VMware golden's NICs allow, said at `golden add`, not found at `clone`.
    void vmwareNetworkAdapters() {
        GoldenSpec s;
        s.path = m_golden;
        s.consoleAddress = u"192.0.2.10"_s;
        GoldenInspection golden = said();
        golden.networkAdapters = 0;
        GoldenVerdict verdict = GoldenRules::check(s, u"vmware"_s, golden, {});
        Error e = onlyRefusal(verdict);
        QCOMPARE(e.field, Field::Network);
        QCOMPARE(e.problem, Problem::Missing);
        QVERIFY2(e.message.contains(u"has no network adapter: its clones would be given an "
                                    u"address, a MAC and network settings for a NIC that does "
                                    u"not exist"_s),
                 qPrintable(e.message));
        QVERIFY2(!e.message.contains(u"--"_s), qPrintable(e.message));
        s.allowNoNetwork = true;
        verdict = GoldenRules::check(s, u"vmware"_s, golden, {});
        QVERIFY(verdict.ok());
        // A QEMU golden's clones always get vmeclone's NIC.
        s.allowNoNetwork = false;
        QVERIFY(GoldenRules::check(s, u"qemu"_s, golden, {}).ok());

        // ethernet3 needs MAC bits the subnet keeps fixed: none in a /10.
        golden.networkAdapters = 2;
        golden.nicSlots = {3};
        QVERIFY(GoldenRules::check(s, u"vmware"_s, golden, {}).ok());
        s.subnet = u"10.0.0.0/10"_s;
        s.consoleAddress = u"10.0.0.10"_s;
        verdict = GoldenRules::check(s, u"vmware"_s, golden, {});
        e = onlyRefusal(verdict);
        QCOMPARE(e.field, Field::Subnet);
        QVERIFY2(e.message.contains(u"ethernet3 cannot get a static MAC of its own in a /10 "
                                    u"subnet"_s),
                 qPrintable(e.message));
    }

    // Further NICs with a subnet of their own: judged at `golden add`, each refusal naming
    // the rule as given.
    void furtherNicRules_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("nics");
        QTest::addColumn<Problem>("problem"); // Problem::None: accepted
        QTest::addColumn<QString>("says");
        QTest::newRow("two subnets")
            << u"vmware"_s << QStringList{u"ethernet3=10.0.6.0/24"_s, u"ethernet1=10.0.4.0/23"_s}
            << Problem::None << QString();
        QTest::newRow("one left as none")
            << u"vmware"_s << QStringList{u"ethernet1=none"_s, u"ethernet3=10.0.6.0/24"_s}
            << Problem::None << QString();
        QTest::newRow("not device=subnet")
            << u"vmware"_s << QStringList{u"10.0.5.0/24"_s} << Problem::NotASubnet
            << u"'10.0.5.0/24' does not say a NIC's subnet: write ethernetN=CIDR"_s;
        QTest::newRow("the primary NIC")
            << u"vmware"_s << QStringList{u"ethernet0=10.0.5.0/24"_s} << Problem::NotFound
            << u"has no ethernet0 after its first NIC (its further NICs: ethernet1, ethernet3)"_s;
        QTest::newRow("absent NIC") << u"vmware"_s << QStringList{u"ethernet2=10.0.5.0/24"_s}
                                    << Problem::NotFound << u"has no ethernet2"_s;
        QTest::newRow("given twice")
            << u"vmware"_s << QStringList{u"ethernet1=10.0.5.0/24"_s, u"ethernet1=none"_s}
            << Problem::TooMany << u"ethernet1 is given twice"_s;
        QTest::newRow("bad subnet")
            << u"vmware"_s << QStringList{u"ethernet1=10.0.5.7/24"_s} << Problem::NotASubnet
            << u"ethernet1: the subnet cannot be read"_s;
        QTest::newRow("the golden's own")
            << u"vmware"_s << QStringList{u"ethernet1=192.0.0.0/16"_s} << Problem::Taken
            << u"ethernet1's subnet 192.0.0.0/16 overlaps the golden's own 192.0.2.0/24"_s;
        QTest::newRow("narrower") << u"vmware"_s << QStringList{u"ethernet1=10.0.5.0/25"_s}
                                  << Problem::NotASubnet
                                  << u"is narrower than the golden's 192.0.2.0/24: a clone takes "
                                     u"its own suffix there, so it must be /24 or wider"_s;
        QTest::newRow("two NICs, one network")
            << u"vmware"_s << QStringList{u"ethernet1=10.0.0.0/16"_s, u"ethernet3=10.0.6.0/24"_s}
            << Problem::Taken << u"ethernet3's subnet 10.0.6.0/24 overlaps ethernet1's"_s;
        QTest::newRow("QEMU") << u"qemu"_s << QStringList{u"ethernet1=10.0.5.0/24"_s}
                              << Problem::UnknownFormat << u"only a VMware golden"_s;
    }

    void furtherNicRules() {
        QFETCH(QString, backend);
        QFETCH(QStringList, nics);
        QFETCH(Problem, problem);
        QFETCH(QString, says);
        GoldenSpec s;
        s.path = m_golden;
        s.consoleAddress = u"192.0.2.10"_s;
        s.nics = nics;
        GoldenInspection golden = said();
        golden.networkAdapters = 3;
        golden.nicSlots = {1, 3};
        const GoldenVerdict verdict = GoldenRules::check(s, backend, golden, {});
        if (problem == Problem::None) {
            QVERIFY(verdict.ok());
            for (const GoldenNic &nic : verdict.golden.nics)
                QVERIFY(nics.contains(nic.device() + u'=' + nic.subnet.toString()));
            QCOMPARE(verdict.golden.nics.size(), nics.filter(u"/"_s).size());
            QVERIFY(std::is_sorted(
                verdict.golden.nics.begin(), verdict.golden.nics.end(),
                [](const GoldenNic &a, const GoldenNic &b) { return a.slot < b.slot; }));
            return;
        }
        const Error e = onlyRefusal(verdict);
        QCOMPARE(e.field, Field::Nics);
        QCOMPARE(e.problem, problem);
        QVERIFY2(e.message.contains(says), qPrintable(e.message));
        QVERIFY2(!e.message.contains(u"--"_s), qPrintable(e.message));
    }

    void aValidSpecMakesTheGolden() {
        GoldenSpec s;
        s.path = m_golden;
        s.gateway = u"192.0.2.1"_s;
        s.dns = u"192.0.2.53, 192.0.2.54"_s;
        const GoldenVerdict qemu = GoldenRules::check(s, u"qemu"_s, said(), {});
        QVERIFY(qemu.ok());
        QCOMPARE(qemu.golden.name, u"tiny"_s);
        QCOMPARE(qemu.golden.namePrefix, u"vm"_s);
        QCOMPARE(qemu.golden.address.toString(), u"192.0.2.176"_s);
        QCOMPARE(qemu.golden.gateway.toString(), u"192.0.2.1"_s);
        QCOMPARE(qemu.golden.dns.size(), 2);

        // VMware: a console address outside the subnet is fine with a gateway; none at
        // all is fine where every command may give one (the CLI) or the process has one.
        s.consoleAddress = u"198.51.100.1"_s;
        QVERIFY(GoldenRules::check(s, u"vmware"_s, said(), {}).ok());
        s.consoleAddress.clear();
        QVERIFY(!GoldenRules::check(s, u"vmware"_s, said(), {}).ok());
        QVERIFY(GoldenRules::check(s, u"vmware"_s, said(), {{}, true}).ok());
        QVERIFY(GoldenRules::check(s, u"vmware"_s, said(), {u"192.0.2.10"_s, false}).ok());
    }

    // Several fields wrong at once: one refusal each, in the form's order.
    void everyFieldAtOnceInTheFormsOrder() {
        GoldenSpec s;
        s.path = m_golden;
        s.name = u"a\tb"_s;
        s.suffix = 999;
        s.gateway = u"nowhere"_s;
        s.dns = u"x"_s;
        s.consoleAddress = u"192.0.2.999"_s;
        const GoldenVerdict v = GoldenRules::check(s, u"vmware"_s, said(), {});
        QList<Field> fields;
        for (const Error &e : v.refusals)
            fields << e.field;
        QCOMPARE(fields, (QList<Field>{Field::GoldenName, Field::Suffix, Field::Gateway, Field::Dns,
                                       Field::ConsoleAddress}));
    }

    void thePathAndTheSuffixAsTyped_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<Problem>("problem");
        QTest::newRow("empty") << QString() << Problem::Missing;
        QTest::newRow("missing") << u"/nonexistent/x.json"_s << Problem::NotFound;
        QTest::newRow("not a golden") << u"notes.txt"_s << Problem::UnknownFormat;
    }

    void thePathAndTheSuffixAsTyped() {
        QFETCH(QString, path);
        QFETCH(Problem, problem);
        const QString full = path.startsWith(u'/') || path.isEmpty() ? path : this->path(path);
        const auto backend = GoldenRules::backendFor(full);
        QVERIFY(!backend);
        QCOMPARE(backend.failure().field, Field::GoldenPath);
        QCOMPARE(backend.failure().problem, problem);
        QCOMPARE(backend.failure().value, full);
        QCOMPARE(*GoldenRules::backendFor(m_golden), u"qemu"_s);
        const auto unreadable = GoldenRules::describe(this->path(u"broken.json"_s), u"qemu"_s);
        QVERIFY(!unreadable);
        QCOMPARE(unreadable.failure().field, Field::GoldenPath);
        QCOMPARE(unreadable.failure().problem, Problem::Unreadable);
        const auto described = GoldenRules::describe(m_golden, u"qemu"_s);
        QVERIFY2(described, qPrintable(described.error()));
        QCOMPARE(described->name, u"tiny"_s);

        const auto suffix = GoldenRules::suffixFrom(u"17x"_s);
        QVERIFY(!suffix);
        QCOMPARE(suffix.failure().field, Field::Suffix);
        QCOMPARE(suffix.failure().problem, Problem::NotANumber);
        QCOMPARE(suffix.failure().value, u"17x"_s);
        QCOMPARE(*GoldenRules::suffixFrom(u" 176 "_s), 176u);
    }

    // ---- through the engine ---------------------------------------------------------

    void addGoldenRefusesWithTheField_data() {
        QTest::addColumn<QStringList>("spec"); // path, name, suffix, subnet, gateway
        QTest::addColumn<Field>("field");
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("suffix 300") << QStringList{{}, {}, u"300"_s, u"10.0.0.0/24"_s}
                                    << Field::Suffix << Problem::NotAHostAddress << u"300"_s
                                    << u"the suffix 300 is not a host of 10.0.0.0/24 (suffixes "
                                       u"1-254)"_s;
        QTest::newRow("no subnet") << QStringList{{}, {}, u"9"_s} << Field::Subnet
                                   << Problem::Missing << QString() << u"does not say its subnet"_s;
        QTest::newRow("gateway at the golden's address")
            << QStringList{{}, {}, u"9"_s, u"10.0.0.0/24"_s, u"10.0.0.9"_s} << Field::Gateway
            << Problem::GoldenOwnAddress << u"10.0.0.9"_s << u"the golden's own address"_s;
        QTest::newRow("missing file")
            << QStringList{path(u"missing.json"_s)} << Field::GoldenPath << Problem::NotFound
            << path(u"missing.json"_s) << u"missing.json does not exist"_s;
        QTest::newRow("not a golden")
            << QStringList{path(u"notes.txt"_s)} << Field::GoldenPath << Problem::UnknownFormat
            << path(u"notes.txt"_s) << u"neither a QEMU machine description"_s;
        // Refused by the inventory, which knows what is there already.
        QTest::newRow("name taken")
            << QStringList{{}, u"first"_s, u"9"_s, u"10.9.0.0/24"_s} << Field::GoldenName
            << Problem::Taken << u"first"_s << u"exists already"_s;
        QTest::newRow("address taken")
            << QStringList{{}, u"second"_s, u"8"_s, u"10.8.0.0/24"_s} << Field::Suffix
            << Problem::Taken << u"8"_s << u"already the address of the golden image"_s;
    }

    void addGoldenRefusesWithTheField() {
        QFETCH(QStringList, spec);
        QFETCH(Field, field);
        QFETCH(Problem, problem);
        QFETCH(QString, value);
        QFETCH(QString, message);
        spec.resize(5);
        auto engine = engineAt(u"home-add"_s);
        QVERIFY(engine);
        // What is there already: the golden "first" at 10.8.0.8 (a copy of tiny.json).
        if (!QFile::exists(path(u"first.json"_s)))
            QVERIFY(QFile::copy(m_golden, path(u"first.json"_s)));
        if (!engine->inventory().goldenByName(u"first"_s)->has_value()) {
            GoldenSpec first;
            first.path = path(u"first.json"_s);
            first.name = u"first"_s;
            first.suffix = 8;
            first.subnet = u"10.8.0.0/24"_s;
            const auto added = engine->addGolden(first);
            QVERIFY2(added, qPrintable(added.error()));
        }

        GoldenSpec s;
        s.path = spec[0].isEmpty() ? m_golden : spec[0];
        s.name = spec[1];
        if (!spec[2].isEmpty())
            s.suffix = spec[2].toUInt();
        s.subnet = spec[3];
        s.gateway = spec[4];
        const auto added = engine->addGolden(s);
        QVERIFY(!added);
        const Error &e = added.failure();
        QCOMPARE(e.field, field);
        QCOMPARE(e.problem, problem);
        QCOMPARE(e.value, value);
        QVERIFY2(e.message.contains(message), qPrintable(e.message));
        QVERIFY2(!e.message.contains(u"--"_s), qPrintable(e.message));
        QCOMPARE(added.error(), e.message);
    }

    void planRefusesWithTheField() {
        auto engine = engineAt(u"home-plan"_s);
        QVERIFY(engine);
        const auto expectRefusal = [&](const CloneOptions &o, const QString &range, Field field,
                                       Problem problem, const QString &value) {
            const auto plan = engine->plan(o, range);
            QVERIFY(!plan);
            QCOMPARE(plan.failure().field, field);
            QCOMPARE(plan.failure().problem, problem);
            QCOMPARE(plan.failure().value, value);
            QVERIFY2(!plan.error().contains(u"--"_s), qPrintable(plan.error()));
        };
        expectRefusal({}, u"177"_s, Field::Golden, Problem::Empty, {});
        for (const auto &[name, file, subnet] :
             {std::tuple{u"a"_s, u"a.json"_s, u"10.1.0.0/24"_s},
              std::tuple{u"b"_s, u"b.json"_s, u"10.2.0.0/24"_s}}) {
            QVERIFY(QFile::copy(m_golden, path(file)));
            GoldenSpec s;
            s.path = path(file);
            s.name = name;
            s.suffix = 176;
            s.subnet = subnet;
            const auto added = engine->addGolden(s);
            QVERIFY2(added, qPrintable(added.error()));
        }
        expectRefusal({}, u"177"_s, Field::Golden, Problem::Ambiguous, {});
        CloneOptions o;
        o.golden = u"c"_s;
        expectRefusal(o, u"177"_s, Field::Golden, Problem::NotFound, u"c"_s);
        o.golden = u"a"_s;
        o.mode = u"thin"_s;
        expectRefusal(o, u"177"_s, Field::CloneMode, Problem::Unknown, u"thin"_s);
        o.mode = u"linked"_s;
        expectRefusal(o, u"177-300"_s, Field::Range, Problem::InvalidRange, u"177-300"_s);
        expectRefusal(o, u"190-180"_s, Field::Range, Problem::InvalidRange, u"190-180"_s);

        // Refused addresses carry their kind, set where they are refused (no shard yet:
        // the one address free has nowhere to go).
        const auto plan = engine->plan(o, u"1-3,176"_s);
        QVERIFY2(plan, qPrintable(plan.error()));
        QList<RefusalKind> kinds;
        for (const auto &r : plan->refused)
            kinds << r.kind;
        QCOMPARE(kinds, (QList<RefusalKind>{RefusalKind::NoShard, RefusalKind::HostAlias,
                                            RefusalKind::DnsAlias, RefusalKind::GoldenAddress}));
        QVERIFY(plan->items.isEmpty());
        QCOMPARE(refusalKindName(RefusalKind::NoShard), u"no-shard"_s);
    }
};

QTEST_GUILESS_MAIN(TstGoldenRules)
#include "tst_golden_rules.moc"
