// The agent's network files read back by the guest distributions' own tools, not by the
// agent's own expected trees: the built agent configures a fixture guest tree (as
// tst_agent_fixtures runs it), then
//   netplan      `netplan generate --root-dir` (no warning) and `netplan get --root-dir`,
//   NetworkManager  `nmcli --offline connection modify` (libnm's keyfile reader, which
//                verifies and normalizes the profile, then writes it back),
//   ifupdown     `ifquery -i FILE IFACE`, `ifquery --list --allow hotplug` and
//                `ifup --no-act` (the commands it would run),
//   ifcfg        /bin/sh sourcing the file as initscripts' network-functions does (no RHEL
//                initscripts exist in Debian: only the shell syntax and values are checked).
// systemd-networkd's .network files have no offline parser in systemd 252 (no
// `networkctl cat`/verify verb): they are checked only by tst_agent_fixtures.
// The expected values are the identity each fixture gives the agent (its kernel command
// line, SMBIOS strings, guestinfo or fw_cfg file, and the NIC's MAC in sysfs). The *_nics
// fixtures add further NICs: the same tools read what is written for them (an address,
// matched by MAC where the format can; no route, no gateway, no name servers) and find
// nothing for a NIC left unconfigured.

#include "agent_process.h"
#include "fixture_tree.h"
#include "support/ci_skip.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace vmeclone::test;
using namespace Qt::StringLiterals;

namespace {

// Configures fixture `name` once, as a first boot does, with its own stand-in guest tools;
// `prepare` changes the tree first.
bool configure(FixtureTree &tree, const QString &name, QByteArray &error,
               const std::function<bool(FixtureTree &)> &prepare = {}) {
    DatagramSink sink;
    if (!sink.isBound() || !tree.create(name, sink.port())) {
        error = "cannot create the fixture tree " + name.toUtf8();
        return false;
    }
    if (prepare && !prepare(tree)) {
        error = "cannot prepare the fixture tree " + name.toUtf8();
        return false;
    }
    const AgentRun run = AgentProcess::run(
        {u"--root"_s, tree.root(), u"--allow-root-programs"_s, u"--foreground"_s, u"--once"_s});
    error = run.standardError;
    return run.finished && run.exitStatus == QProcess::NormalExit && run.exitCode == 0;
}

// The tool's path (also in the sbin folders a user's PATH may lack), or a skip (a failure
// under CI=true) naming the package.
QString findTool(const QString &name) {
    const QString found = QStandardPaths::findExecutable(name);
    return found.isEmpty() ? QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/sbin"_s})
                           : found;
}

#define FIND_TOOL(var, name, package)                                                              \
    const QString var = findTool(QStringLiteral(name));                                            \
    if (var.isEmpty())                                                                             \
        VMECLONE_SKIP_UNLESS_CI(name " is not installed (apt-get install " package                 \
                                     "): the agent's files are not checked by it");

// Runs `program args`, with `input` on its standard input.
AgentRun runTool(const QString &program, const QStringList &args, const QByteArray &input = {}) {
    QProcess process;
    process.start(program, args);
    AgentRun result;
    if (!process.waitForStarted())
        return result;
    process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(60000);
    if (!result.finished) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

bool succeeded(const AgentRun &run) {
    return run.finished && run.exitStatus == QProcess::NormalExit && run.exitCode == 0;
}

QByteArray describe(const AgentRun &run) {
    return "exit " + QByteArray::number(run.exitCode) + "\nstdout:\n" + run.standardOutput
           + "stderr:\n" + run.standardError;
}

bool matches(const QString &text, const QString &pattern) {
    return QRegularExpression(pattern, QRegularExpression::MultilineOption).match(text).hasMatch();
}

// The .network units netplan rendered into `dir` whose [Match] takes the interface `name`
// with MAC `mac` (a unit without a Name or MAC condition takes every interface).
QStringList unitsMatching(const QString &dir, const QString &name, const QString &mac) {
    QStringList found;
    for (const QString &unit : QDir(dir).entryList({u"*.network"_s}, QDir::Files)) {
        QFile file(dir + u'/' + unit);
        if (!file.open(QIODevice::ReadOnly))
            return {u"unreadable "_s + unit};
        const QString match = QString::fromUtf8(file.readAll()).section(u"[Network]"_s, 0, 0);
        const auto macLine = QRegularExpression(u"^(?:Permanent)?MACAddress=(.*)$"_s,
                                                QRegularExpression::MultilineOption)
                                 .match(match);
        const auto nameLine =
            QRegularExpression(u"^Name=(.*)$"_s, QRegularExpression::MultilineOption).match(match);
        if ((!macLine.hasMatch() || macLine.captured(1) == mac)
            && (!nameLine.hasMatch()
                || QRegularExpression::fromWildcard(nameLine.captured(1)).match(name).hasMatch()))
            found << unit;
    }
    return found;
}

// "key: value" or "key=value" lines as a map (later lines win).
QMap<QByteArray, QByteArray> keyValues(const QByteArray &text, char separator) {
    QMap<QByteArray, QByteArray> values;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype at = line.indexOf(separator);
        if (at > 0)
            values.insert(line.left(at).trimmed(), line.mid(at + 1).trimmed());
    }
    return values;
}

} // namespace

class TestAgentOutsideTools : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void netplan();
    void netplanFurtherNics();
    void netplanGoldenInAnyYamlForm_data();
    void netplanGoldenInAnyYamlForm();
    void netplanGoldenNotYaml();
    void networkManagerKeyfile();
    void networkManagerFurtherNic();
    void networkManagerRejectsWhatIsWrong();
    void ifupdown();
    void ifupdownFurtherNic();
    void ifcfg();
    void ifcfgFurtherNic();
};

void TestAgentOutsideTools::initTestCase() {
    QVERIFY2(QFileInfo(AgentProcess::binary()).isExecutable(), VMECLONE_AGENT_BINARY);
}

void TestAgentOutsideTools::netplan() {
    // Identity (guestinfo via the stand-in vmtoolsd): 192.168.1.183/24, gateway
    // 192.168.1.1, dns 192.0.2.53; ens33's MAC 00:50:56:28:01:b7.
    FIND_TOOL(netplan, "netplan", "netplan.io");
    FixtureTree tree;
    QByteArray error;
    QVERIFY2(configure(tree, u"ubuntu22_netplan"_s, error), error.constData());
    // The golden's files are 0600 on a real guest (netplan warns about wider modes); the
    // agent's own file keeps the mode it was written with.
    const QDir netplanDir(tree.path(u"etc/netplan"_s));
    for (const QString &name : netplanDir.entryList({u"*.yaml"_s}, QDir::Files)) {
        if (name != u"99-vmeclone.yaml"_s)
            QVERIFY(QFile::setPermissions(netplanDir.filePath(name),
                                          QFile::ReadOwner | QFile::WriteOwner));
    }

    const AgentRun generate = runTool(netplan, {u"generate"_s, u"--root-dir"_s, tree.root()});
    QVERIFY2(succeeded(generate), describe(generate).constData());
    // gateway4 and other deprecated keys are warned about, not refused: none may appear.
    QVERIFY2(generate.standardError.trimmed().isEmpty(), describe(generate).constData());

    const AgentRun get =
        runTool(netplan, {u"get"_s, u"--root-dir"_s, tree.root(), u"ethernets.vmeclone-ens33"_s});
    QVERIFY2(succeeded(get), describe(get).constData());
    const QString yaml = QString::fromUtf8(get.standardOutput);
    const auto has = [&yaml](const QString &pattern) {
        return QRegularExpression(pattern, QRegularExpression::MultilineOption)
            .match(yaml)
            .hasMatch();
    };
    QVERIFY2(has(uR"re(^match:\n\s+macaddress: "?00:50:56:28:01:b7"?$)re"_s), qPrintable(yaml));
    QVERIFY2(has(uR"re(^set-name: "?ens33"?$)re"_s), qPrintable(yaml));
    QVERIFY2(has(uR"re(^addresses:\n- "?192\.168\.1\.183/24"?$)re"_s), qPrintable(yaml));
    QVERIFY2(has(uR"re(^dhcp4: false$)re"_s), qPrintable(yaml));
    QVERIFY2(has(uR"re(^  to: "?(0\.0\.0\.0/0|default)"?$)re"_s), qPrintable(yaml));
    QVERIFY2(has(uR"re(^  via: "?192\.168\.1\.1"?$)re"_s), qPrintable(yaml));
    QVERIFY2(has(uR"re(^nameservers:\n  addresses:\n  - "?192\.0\.2\.53"?$)re"_s),
             qPrintable(yaml));
    QVERIFY2(!has(u"gateway4"_s), qPrintable(yaml));

    // What systemd-networkd will be given for the NIC.
    const QByteArray unit = tree.read(u"run/systemd/network/10-netplan-vmeclone-ens33.network"_s);
    QVERIFY2(unit.contains("MACAddress=00:50:56:28:01:b7\nName=ens33\n"), unit.constData());
    const QByteArray link = tree.read(u"run/systemd/network/10-netplan-vmeclone-ens33.link"_s);
    QVERIFY2(link.contains("MACAddress=00:50:56:28:01:b7\n") && link.contains("\nName=ens33\n"),
             link.constData());
    QVERIFY2(unit.contains("\nAddress=192.168.1.183/24\n"), unit.constData());
    QVERIFY2(unit.contains("\nDNS=192.0.2.53\n"), unit.constData());
    QVERIFY2(QRegularExpression(u"\\[Route\\]\\n(Destination=0\\.0\\.0\\.0/0\\n)?"
                                u"Gateway=192\\.168\\.1\\.1\\n"_s)
                 .match(QString::fromUtf8(unit))
                 .hasMatch(),
             unit.constData());
}

void TestAgentOutsideTools::netplanFurtherNics() {
    // Identity (guestinfo via the stand-in vmtoolsd): nic1 00:50:56:29:01:b7 (ens34) with
    // 10.0.5.183/24, nic2 00:50:56:2a:01:b7 (ens35) without an address, nic3 on no NIC.
    // The golden gave ens34 DHCP.
    FIND_TOOL(netplan, "netplan", "netplan.io");
    FixtureTree tree;
    QByteArray error;
    QVERIFY2(configure(tree, u"ubuntu22_netplan_nics"_s, error), error.constData());
    const QDir netplanDir(tree.path(u"etc/netplan"_s));
    for (const QString &name : netplanDir.entryList({u"*.yaml"_s}, QDir::Files))
        QVERIFY(
            QFile::setPermissions(netplanDir.filePath(name), QFile::ReadOwner | QFile::WriteOwner));

    const AgentRun generate = runTool(netplan, {u"generate"_s, u"--root-dir"_s, tree.root()});
    QVERIFY2(succeeded(generate), describe(generate).constData());
    QVERIFY2(generate.standardError.trimmed().isEmpty(), describe(generate).constData());

    const AgentRun get =
        runTool(netplan, {u"get"_s, u"--root-dir"_s, tree.root(), u"ethernets.vmeclone-ens34"_s});
    QVERIFY2(succeeded(get), describe(get).constData());
    const QString yaml = QString::fromUtf8(get.standardOutput);
    QVERIFY2(matches(yaml, uR"re(^match:\n\s+macaddress: "?00:50:56:29:01:b7"?$)re"_s),
             qPrintable(yaml));
    QVERIFY2(matches(yaml, uR"re(^set-name: "?ens34"?$)re"_s), qPrintable(yaml));
    QVERIFY2(matches(yaml, uR"re(^addresses:\n- "?10\.0\.5\.183/24"?$)re"_s), qPrintable(yaml));
    QVERIFY2(matches(yaml, uR"re(^dhcp4: false$)re"_s), qPrintable(yaml));
    // The default route and the name servers stay on the primary.
    for (const QString &key : {u"routes"_s, u"gateway4"_s, u"nameservers"_s, u"via"_s})
        QVERIFY2(!yaml.contains(key), qPrintable(key + u" in:\n"_s + yaml));
    // Nothing for the NIC left unconfigured; the golden's DHCP for ens34 switched off.
    const AgentRun unconfigured =
        runTool(netplan, {u"get"_s, u"--root-dir"_s, tree.root(), u"ethernets.vmeclone-ens35"_s});
    QVERIFY2(succeeded(unconfigured) && unconfigured.standardOutput.trimmed() == "null",
             describe(unconfigured).constData());
    const AgentRun golden =
        runTool(netplan, {u"get"_s, u"--root-dir"_s, tree.root(), u"ethernets.ens34.match"_s});
    QVERIFY2(succeeded(golden) && golden.standardOutput.contains("vmeclone-none"),
             describe(golden).constData());

    // What systemd-networkd will be given: ens34 is matched by its own unit only, with
    // the address and no route or DNS; ens35 by none.
    const QString dir = tree.path(u"run/systemd/network"_s);
    QCOMPARE(unitsMatching(dir, u"ens34"_s, u"00:50:56:29:01:b7"_s),
             QStringList{u"10-netplan-vmeclone-ens34.network"_s});
    QCOMPARE(unitsMatching(dir, u"ens35"_s, u"00:50:56:2a:01:b7"_s), QStringList());
    const QByteArray unit = tree.read(u"run/systemd/network/10-netplan-vmeclone-ens34.network"_s);
    QVERIFY2(unit.contains("MACAddress=00:50:56:29:01:b7\nName=ens34\n"), unit.constData());
    QVERIFY2(unit.contains("\nAddress=10.0.5.183/24\n"), unit.constData());
    QVERIFY2(!unit.contains("Gateway=") && !unit.contains("[Route]") && !unit.contains("DNS="),
             unit.constData());
    // The primary keeps the one default route.
    QCOMPARE(unitsMatching(dir, u"ens33"_s, u"00:50:56:28:01:b7"_s),
             QStringList{u"10-netplan-vmeclone-ens33.network"_s});
    QVERIFY(tree.read(u"run/systemd/network/10-netplan-vmeclone-ens33.network"_s)
                .contains("Gateway=192.168.1.1\n"));
}

// The golden's own netplan file in forms of YAML a hand-written reader misses (flow
// collections over several lines, anchors and aliases, explicit keys, tags and block
// scalars, a value on the next line, escapes in quoted keys, a second document): netplan
// first shows that the file claims the clone's NIC; after the agent ran, netplan gives the
// NIC to the agent's definition alone.
void TestAgentOutsideTools::netplanGoldenInAnyYamlForm_data() {
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("flow over lines") << QByteArray("network: {version: 2,\n"
                                                   "  ethernets: {lab: {match: {name: \"en*\"},\n"
                                                   "                    dhcp4: true}}}\n");
    QTest::newRow("anchor and alias") << QByteArray("network:\n  version: 2\n  ethernets:\n"
                                                    "    spare:\n      match: &lab-nics\n"
                                                    "        name: \"en*\"\n"
                                                    "      dhcp4: false\n      optional: true\n"
                                                    "      activation-mode: off\n"
                                                    "    lab:\n      match: *lab-nics\n"
                                                    "      dhcp4: true\n");
    QTest::newRow("explicit key") << QByteArray("network:\n  version: 2\n  ethernets:\n"
                                                "    ? lab\n    : match:\n        name: \"en*\"\n"
                                                "      dhcp4: true\n");
    QTest::newRow("tags and block scalar")
        << QByteArray("%YAML 1.1\n---\n!!map\nnetwork: !!map\n  version: 2\n  ethernets:\n"
                      "    lab:\n      match:\n        macaddress: !!str 00:50:56:28:01:b7\n"
                      "      set-name: >-\n        ens33\n      dhcp4: true\n...\n");
    QTest::newRow("value on the next line") << QByteArray("network:\n  version: 2\n"
                                                          "  ethernets:\n    lab:\n"
                                                          "      match:\n        name:\n"
                                                          "          en*\n      dhcp4: true\n");
    QTest::newRow("escapes in quoted keys")
        << QByteArray("network:\n  version: 2\n  \"ether\\x6eets\":\n    'lab-any':\n"
                      "      \"match\": {\"name\": 'en*'}   # every en* NIC\n"
                      "      dhcp4: true\n");
    QTest::newRow("second document")
        << QByteArray("network:\n  version: 2\n  ethernets:\n"
                      "    lab: {match: {name: \"en*\"}, dhcp4: true}\n"
                      "---\nnetwork:\n  version: 2\n");
}

void TestAgentOutsideTools::netplanGoldenInAnyYamlForm() {
    // Identity as in netplan(): ens33 is 00:50:56:28:01:b7.
    QFETCH(QByteArray, yaml);
    FIND_TOOL(netplan, "netplan", "netplan.io");
    const auto writeGolden = [&yaml](FixtureTree &tree) {
        const QDir dir(tree.path(u"etc/netplan"_s));
        for (const QString &name : dir.entryList({u"*.yaml"_s}, QDir::Files)) {
            if (!QFile::remove(dir.filePath(name)))
                return false;
        }
        return tree.write(u"etc/netplan/60-lab.yaml"_s, yaml)
               && QFile::setPermissions(dir.filePath(u"60-lab.yaml"_s),
                                        QFile::ReadOwner | QFile::WriteOwner);
    };
    const QString mac = u"00:50:56:28:01:b7"_s;

    FixtureTree golden;
    QVERIFY(golden.create(u"ubuntu22_netplan"_s, 9) && writeGolden(golden));
    const AgentRun before = runTool(netplan, {u"generate"_s, u"--root-dir"_s, golden.root()});
    QVERIFY2(succeeded(before) && before.standardError.trimmed().isEmpty(),
             describe(before).constData());
    QVERIFY2(!unitsMatching(golden.path(u"run/systemd/network"_s), u"ens33"_s, mac).isEmpty(),
             "netplan gives the clone's NIC to no definition of the golden's file");

    FixtureTree tree;
    QByteArray error;
    QVERIFY2(configure(tree, u"ubuntu22_netplan"_s, error, writeGolden), error.constData());
    const AgentRun after = runTool(netplan, {u"generate"_s, u"--root-dir"_s, tree.root()});
    QVERIFY2(succeeded(after) && after.standardError.trimmed().isEmpty(),
             describe(after).constData());
    const QStringList units = unitsMatching(tree.path(u"run/systemd/network"_s), u"ens33"_s, mac);
    const QByteArray written = tree.read(u"etc/netplan/99-vmeclone.yaml"_s);
    QVERIFY2(units == QStringList{u"10-netplan-vmeclone-ens33.network"_s},
             qPrintable(units.join(u", "_s) + u" match ens33; the agent wrote:\n"_s
                        + QString::fromUtf8(written)));
}

// A golden file that is not YAML: netplan refuses it, and so does the agent, naming the
// file and the place netplan names, and writing nothing of its own.
void TestAgentOutsideTools::netplanGoldenNotYaml() {
    FIND_TOOL(netplan, "netplan", "netplan.io");
    const QByteArray broken = "network: {version: 2,\n  ethernets: {lab: {match: {name: \"en*\"}\n";
    FixtureTree golden;
    QVERIFY(golden.create(u"ubuntu22_netplan"_s, 9)
            && golden.write(u"etc/netplan/60-lab.yaml"_s, broken));
    const AgentRun refused = runTool(netplan, {u"generate"_s, u"--root-dir"_s, golden.root()});
    QVERIFY2(!succeeded(refused), describe(refused).constData());
    const auto place = QRegularExpression(u"60-lab\\.yaml:(\\d+):(\\d+): Invalid YAML"_s)
                           .match(QString::fromUtf8(refused.standardError));
    QVERIFY2(place.hasMatch(), describe(refused).constData());

    FixtureTree tree;
    QByteArray error;
    QVERIFY(!configure(tree, u"ubuntu22_netplan"_s, error, [&broken](FixtureTree &t) {
        return t.write(u"etc/netplan/60-lab.yaml"_s, broken);
    }));
    const QString expected = u"/etc/netplan/60-lab.yaml is not YAML that netplan reads, line "_s
                             + place.captured(1) + u" column "_s + place.captured(2);
    QVERIFY2(QString::fromUtf8(error).contains(expected), error.constData());
    QVERIFY(!QFile::exists(tree.path(u"etc/netplan/99-vmeclone.yaml"_s)));
}

void TestAgentOutsideTools::networkManagerKeyfile() {
    // Identity (SMBIOS OEM strings): 192.168.1.182/24, gateway 192.168.1.1, dns
    // 192.0.2.53; ens3's MAC 00:50:56:28:01:b6.
    FIND_TOOL(nmcli, "nmcli", "network-manager");
    FixtureTree tree;
    QByteArray error;
    QVERIFY2(configure(tree, u"rhel9_smbios"_s, error), error.constData());
    const QByteArray keyfile =
        tree.read(u"etc/NetworkManager/system-connections/vmeclone-ens3.nmconnection"_s);
    QVERIFY(!keyfile.isEmpty());

    // libnm reads the keyfile, normalizes and verifies the profile (refusing one
    // NetworkManager would not load), then writes it out again. The change made is one
    // to the value the profile has already.
    const AgentRun parsed = runTool(
        nmcli,
        {u"--offline"_s, u"connection"_s, u"modify"_s, u"connection.id"_s, u"vmeclone-ens3"_s},
        keyfile);
    QVERIFY2(succeeded(parsed), describe(parsed).constData());
    QVERIFY2(parsed.standardError.isEmpty(), describe(parsed).constData());
    const QByteArray out = parsed.standardOutput;
    const QByteArray ipv4 = out.mid(out.indexOf("[ipv4]"));
    const auto connection = keyValues(out.left(out.indexOf("[ethernet]")), '=');
    const auto ethernet = keyValues(
        out.mid(out.indexOf("[ethernet]"), out.indexOf("[ipv4]") - out.indexOf("[ethernet]")), '=');
    const auto ip = keyValues(ipv4.left(ipv4.indexOf("[ipv6]")), '=');
    QCOMPARE(connection.value("type"), QByteArray("ethernet"));
    QCOMPARE(connection.value("interface-name"), QByteArray("ens3"));
    QCOMPARE(connection.value("autoconnect-priority"), QByteArray("999"));
    QCOMPARE(connection.value("autoconnect", "true"), QByteArray("true")); // the default
    QCOMPARE(ethernet.value("mac-address").toLower(), QByteArray("00:50:56:28:01:b6"));
    QCOMPARE(ip.value("method"), QByteArray("manual"));
    QCOMPARE(ip.value("address1"), QByteArray("192.168.1.182/24,192.168.1.1"));
    QCOMPARE(ip.value("dns"), QByteArray("192.0.2.53;"));
    QVERIFY2(out.contains("[ipv6]\nmethod=ignore\n"), out.constData());
}

void TestAgentOutsideTools::networkManagerFurtherNic() {
    // Identity (fw_cfg): nic1 00:50:56:29:01:b6 (ens4) with 10.0.5.182/24; nic2
    // 00:50:56:2a:01:b6 (ens5) without an address. The golden had a DHCP profile for ens4.
    FIND_TOOL(nmcli, "nmcli", "network-manager");
    FixtureTree tree;
    QByteArray error;
    QVERIFY2(configure(tree, u"rhel9_nics"_s, error), error.constData());
    const QString dir = u"etc/NetworkManager/system-connections/"_s;
    const QByteArray keyfile = tree.read(dir + u"vmeclone-ens4.nmconnection"_s);
    QVERIFY(!keyfile.isEmpty());
    QVERIFY(!QFile::exists(tree.path(dir + u"vmeclone-ens5.nmconnection"_s)));

    const AgentRun parsed = runTool(
        nmcli,
        {u"--offline"_s, u"connection"_s, u"modify"_s, u"connection.id"_s, u"vmeclone-ens4"_s},
        keyfile);
    QVERIFY2(succeeded(parsed), describe(parsed).constData());
    QVERIFY2(parsed.standardError.isEmpty(), describe(parsed).constData());
    const QByteArray out = parsed.standardOutput;
    const QByteArray ipv4 = out.mid(out.indexOf("[ipv4]"));
    const auto connection = keyValues(out.left(out.indexOf("[ethernet]")), '=');
    const auto ethernet = keyValues(
        out.mid(out.indexOf("[ethernet]"), out.indexOf("[ipv4]") - out.indexOf("[ethernet]")), '=');
    const auto ip = keyValues(ipv4.left(ipv4.indexOf("[ipv6]")), '=');
    QCOMPARE(connection.value("type"), QByteArray("ethernet"));
    QCOMPARE(connection.value("interface-name"), QByteArray("ens4"));
    QCOMPARE(connection.value("autoconnect-priority"), QByteArray("999"));
    QCOMPARE(ethernet.value("mac-address").toLower(), QByteArray("00:50:56:29:01:b6"));
    QCOMPARE(ip.value("method"), QByteArray("manual"));
    // An address without a gateway; no name servers: both stay on the primary.
    QCOMPARE(ip.value("address1"), QByteArray("10.0.5.182/24"));
    QCOMPARE(ip.keys(), (QList<QByteArray>{"address1", "method"}));
    QVERIFY2(out.contains("[ipv6]\nmethod=ignore\n"), out.constData());
}

void TestAgentOutsideTools::networkManagerRejectsWhatIsWrong() {
    // The check above can fail: the same reader refuses a keyfile NetworkManager would not
    // load (a manual profile whose address is not an address).
    FIND_TOOL(nmcli, "nmcli", "network-manager");
    const AgentRun parsed = runTool(
        nmcli, {u"--offline"_s, u"connection"_s, u"modify"_s, u"connection.id"_s, u"x"_s},
        "[connection]\nid=x\ntype=ethernet\n[ipv4]\nmethod=manual\naddress1=192.168.1.300/24\n");
    QVERIFY2(!succeeded(parsed), describe(parsed).constData());
    QVERIFY2(parsed.standardError.contains("ipv4"), describe(parsed).constData());
}

void TestAgentOutsideTools::ifupdown() {
    // Identity (kernel command line): 192.168.1.180/24, dns 192.0.2.53,198.51.100.53, no
    // gateway given (the agent's default, .1 of the subnet); NIC eth0.
    FIND_TOOL(ifquery, "ifquery", "ifupdown");
    FIND_TOOL(ifup, "ifup", "ifupdown");
    FixtureTree tree;
    QByteArray error;
    QVERIFY2(configure(tree, u"debian_cmdline"_s, error), error.constData());
    // The file's "source /etc/network/interfaces.d/*" is read from this host (ifupdown has
    // no root directory option); Debian's package leaves that folder empty.
    const QString interfaces = tree.path(u"etc/network/interfaces"_s);

    const AgentRun query = runTool(ifquery, {u"-i"_s, interfaces, u"eth0"_s});
    QVERIFY2(succeeded(query), describe(query).constData());
    const auto options = keyValues(query.standardOutput, ':');
    QCOMPARE(options.value("address"), QByteArray("192.168.1.180"));
    QCOMPARE(options.value("netmask"), QByteArray("255.255.255.0"));
    QCOMPARE(options.value("gateway"), QByteArray("192.168.1.1"));
    QCOMPARE(options.value("dns-nameservers"), QByteArray("192.0.2.53 198.51.100.53"));

    // Brought up at boot: by udev (allow-hotplug) as the golden had it, or by auto.
    const AgentRun hotplug =
        runTool(ifquery, {u"-i"_s, interfaces, u"--list"_s, u"--allow"_s, u"hotplug"_s});
    const AgentRun automatic = runTool(ifquery, {u"-i"_s, interfaces, u"--list"_s});
    QVERIFY2(succeeded(hotplug) && succeeded(automatic), describe(hotplug).constData());
    QVERIFY2(hotplug.standardOutput.split('\n').contains("eth0")
                 || automatic.standardOutput.split('\n').contains("eth0"),
             QByteArray(hotplug.standardOutput + automatic.standardOutput).constData());

    // What ifup would do (--no-act runs nothing; its state goes to a folder of the test's).
    QTemporaryDir state;
    QVERIFY(state.isValid());
    const AgentRun up = runTool(
        ifup, {u"--no-act"_s, u"--state-dir"_s, state.path(), u"-i"_s, interfaces, u"eth0"_s});
    QVERIFY2(succeeded(up), describe(up).constData());
    const QString plan = QString::fromUtf8(up.standardOutput + up.standardError);
    QVERIFY2(QRegularExpression(u"ip addr add 192\\.168\\.1\\.180/255\\.255\\.255\\.0 .*dev eth0"_s)
                 .match(plan)
                 .hasMatch(),
             qPrintable(plan));
    QVERIFY2(QRegularExpression(u"ip route add default via 192\\.168\\.1\\.1 +dev eth0"_s)
                 .match(plan)
                 .hasMatch(),
             qPrintable(plan));
}

void TestAgentOutsideTools::ifupdownFurtherNic() {
    // Identity (kernel command line): nic1 00:50:56:29:01:b4 (eth1) with 10.0.5.180/24;
    // the golden had `iface eth1 inet dhcp`, brought up by allow-hotplug.
    FIND_TOOL(ifquery, "ifquery", "ifupdown");
    FIND_TOOL(ifup, "ifup", "ifupdown");
    FixtureTree tree;
    QByteArray error;
    QVERIFY2(configure(tree, u"debian_cmdline_nics"_s, error), error.constData());
    const QString interfaces = tree.path(u"etc/network/interfaces"_s);

    const AgentRun query = runTool(ifquery, {u"-i"_s, interfaces, u"eth1"_s});
    QVERIFY2(succeeded(query), describe(query).constData());
    const auto options = keyValues(query.standardOutput, ':');
    QCOMPARE(options.value("address"), QByteArray("10.0.5.180"));
    QCOMPARE(options.value("netmask"), QByteArray("255.255.255.0"));
    QVERIFY2(!options.contains("gateway") && !options.contains("dns-nameservers"),
             query.standardOutput.constData());
    // The primary keeps its gateway.
    const AgentRun primary = runTool(ifquery, {u"-i"_s, interfaces, u"eth0"_s});
    QCOMPARE(keyValues(primary.standardOutput, ':').value("gateway"), QByteArray("192.168.1.1"));

    const AgentRun hotplug =
        runTool(ifquery, {u"-i"_s, interfaces, u"--list"_s, u"--allow"_s, u"hotplug"_s});
    const AgentRun automatic = runTool(ifquery, {u"-i"_s, interfaces, u"--list"_s});
    QVERIFY2(hotplug.standardOutput.split('\n').contains("eth1")
                 || automatic.standardOutput.split('\n').contains("eth1"),
             QByteArray(hotplug.standardOutput + automatic.standardOutput).constData());

    QTemporaryDir state;
    QVERIFY(state.isValid());
    const AgentRun up = runTool(
        ifup, {u"--no-act"_s, u"--state-dir"_s, state.path(), u"-i"_s, interfaces, u"eth1"_s});
    QVERIFY2(succeeded(up), describe(up).constData());
    const QString plan = QString::fromUtf8(up.standardOutput + up.standardError);
    QVERIFY2(matches(plan, u"ip addr add 10\\.0\\.5\\.180/255\\.255\\.255\\.0 .*dev eth1"_s),
             qPrintable(plan));
    QVERIFY2(!plan.contains(u"route"_s) && !plan.contains(u"dhclient"_s), qPrintable(plan));
}

// An ifcfg file as CentOS's initscripts read it: sourced by the shell (network-functions'
// source_config); every variable they use, "unset" where the file sets none.
bool sourceIfcfg(const QString &file, QMap<QByteArray, QByteArray> &values, QByteArray &error) {
    QString script = u". \"$1\"; printf '%s\\n'"_s;
    for (const char *name : {"DEVICE", "BOOTPROTO", "ONBOOT", "IPADDR", "NETMASK", "PREFIX",
                             "GATEWAY", "DNS1", "DNS2", "HWADDR"})
        script += u" \"%1=${%1-unset}\""_s.arg(QLatin1String(name));
    const AgentRun sourced = runTool(u"/bin/sh"_s, {u"-euc"_s, script, u"sh"_s, file});
    if (!succeeded(sourced) || !sourced.standardError.isEmpty()) {
        error = describe(sourced);
        return false;
    }
    values = keyValues(sourced.standardOutput, '=');
    return true;
}

void TestAgentOutsideTools::ifcfg() {
    // Identity (guestinfo via the stand-in vmware-rpctool): 192.168.1.181/24, gateway
    // 192.168.1.1, dns 192.0.2.53,198.51.100.53; NIC eth0 after the reboot (eth1 before).
    // Limitation: CentOS's initscripts (ifup-eth) are not in Debian; what is checked is
    // the file as they read it: sourced by the shell (network-functions' source_config).
    FixtureTree tree;
    QByteArray error;
    QVERIFY2(configure(tree, u"centos6_guestinfo"_s, error), error.constData());
    QMap<QByteArray, QByteArray> values;
    QVERIFY2(sourceIfcfg(tree.path(u"etc/sysconfig/network-scripts/ifcfg-eth0"_s), values, error),
             error.constData());
    QCOMPARE(values.value("DEVICE"), QByteArray("eth0"));
    QCOMPARE(values.value("BOOTPROTO"), QByteArray("none"));
    QCOMPARE(values.value("ONBOOT"), QByteArray("yes"));
    QCOMPARE(values.value("IPADDR"), QByteArray("192.168.1.181"));
    QVERIFY2(values.value("NETMASK") == "255.255.255.0" || values.value("PREFIX") == "24",
             values.value("NETMASK").constData());
    QCOMPARE(values.value("GATEWAY"), QByteArray("192.168.1.1"));
    QCOMPARE(values.value("DNS1"), QByteArray("192.0.2.53"));
    QCOMPARE(values.value("DNS2"), QByteArray("198.51.100.53"));
}

void TestAgentOutsideTools::ifcfgFurtherNic() {
    // Identity (guestinfo): nic1 00:50:56:29:01:b5 with 10.0.5.181/24, eth3 now and eth1
    // after the reboot; the golden's ifcfg-eth1 had its own HWADDR. Sourced as above.
    FixtureTree tree;
    QByteArray error;
    QVERIFY2(configure(tree, u"centos6_guestinfo_nics"_s, error), error.constData());
    QMap<QByteArray, QByteArray> values;
    QVERIFY2(sourceIfcfg(tree.path(u"etc/sysconfig/network-scripts/ifcfg-eth1"_s), values, error),
             error.constData());
    QCOMPARE(values.value("DEVICE"), QByteArray("eth1"));
    QCOMPARE(values.value("BOOTPROTO"), QByteArray("none"));
    QCOMPARE(values.value("ONBOOT"), QByteArray("yes"));
    QCOMPARE(values.value("IPADDR"), QByteArray("10.0.5.181"));
    QVERIFY2(values.value("NETMASK") == "255.255.255.0" || values.value("PREFIX") == "24",
             values.value("NETMASK").constData());
    QCOMPARE(values.value("GATEWAY"), QByteArray("unset"));
    QCOMPARE(values.value("DNS1"), QByteArray("unset"));
    QCOMPARE(values.value("HWADDR"), QByteArray("unset"));
}

QTEST_GUILESS_MAIN(TestAgentOutsideTools)
#include "tst_agent_outside_tools.moc"
