// A clone's further NICs (identity keys nics and nic<N>, protocol/identity_document.h), on
// the built agent: each malformed value refused with the key and value named, as every
// other identity key is; unlisted nic<N> ignored; the keys read through guestinfo and
// SMBIOS (fw_cfg and the kernel command line: the *_nics fixtures of tst_agent_fixtures);
// the primary never guessed to be one of them; a NIC left unconfigured or missing logged
// once and the clone online all the same; the plain-ip record applied at every boot; one
// activation per interface where the family activates files.

#include "agent_process.h"
#include "fixture_tree.h"
#include "protocol/announcement.h"

#include <QTest>

using namespace vmeclone::protocol;
using namespace vmeclone::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kFwCfgPath = "sys/firmware/qemu_fw_cfg/by_name/opt/vmeclone/identity/raw";
constexpr const char *kCommandsPath = "var/log/vmeclone-agent.commands";
constexpr const char *kRecordPath = "etc/vmeclone/network.conf";

// A boot as the init script starts it, with the tree's stand-in guest tools.
AgentRun boot(const FixtureTree &tree) {
    return AgentProcess::run(
        {u"--root"_s, tree.root(), u"--allow-root-programs"_s, u"--foreground"_s, u"--once"_s});
}

// The raw SMBIOS type 11 structure QEMU makes of `-smbios type=11,value=...`.
QByteArray oemStringsStructure(const QList<QByteArray> &strings) {
    QByteArray raw("\x0b\x05\x2b\x00", 4);
    raw.append(char(strings.size()));
    for (const QByteArray &s : strings)
        raw.append(s).append('\0');
    return raw.append('\0');
}

// busybox_fw_cfg's identity: 192.168.1.177/24 on eth0, MAC 00:50:56:28:01:b1.
QByteArray identity(const QByteArray &more, bool withMac = true) {
    return "version=1\ninstance=clone-177-7f3a\nip=192.168.1.177\nprefix=24\n"
           "gateway=192.168.1.1\nhostname=vm177\n"
           + QByteArray(withMac ? "mac=00:50:56:28:01:b1\n" : "") + more;
}

// What --check prints for the fw_cfg channel.
QString checkOutput(FixtureTree &tree) {
    const AgentRun result =
        AgentProcess::run({u"--root"_s, tree.root(), u"--allow-root-programs"_s, u"--check"_s});
    return QString::fromUtf8(result.standardOutput + result.standardError);
}

} // namespace

class TestAgentNics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void invalidFurtherNics_data();
    void invalidFurtherNics();
    void unlistedNicsAreIgnored();
    void guestinfoReadsFurtherNics();
    void smbiosCarriesFurtherNics();
    void checkShowsEachFurtherNic();
    void primaryIsNeverAFurtherNic();
    void unconfiguredAndMissingNicsAreLoggedOnce();
    void recordIsAppliedAtEveryBoot();
    void ifcfgWithNetworkManagerActivatesEachFile();
    void dhcpClientOfTheGoldenIsStopped();
};

void TestAgentNics::initTestCase() {
    QVERIFY2(QFileInfo(AgentProcess::binary()).isExecutable(), VMECLONE_AGENT_BINARY);
}

void TestAgentNics::invalidFurtherNics_data() {
    QTest::addColumn<QByteArray>("document"); // the fw_cfg identity
    QTest::addColumn<QString>("error");

    const QByteArray mac1 = "00:50:56:29:01:b1";
    const QByteArray mac2 = "00:50:56:2a:01:b1";
    QTest::newRow("slot 0") << identity("nics=0\n")
                            << uR"(nics "0": "0" is not a NIC number 1..63)"_s;
    QTest::newRow("slot 64") << identity("nics=1,64\nnic1=" + mac1 + "\n")
                             << uR"(nics "1,64": "64" is not a NIC number 1..63)"_s;
    QTest::newRow("leading zero") << identity("nics=01\nnic01=" + mac1 + "\n")
                                  << uR"(nics "01": "01" is not a NIC number 1..63)"_s;
    QTest::newRow("not a number") << identity("nics=eth1\n")
                                  << uR"(nics "eth1": "eth1" is not a NIC number 1..63)"_s;
    QTest::newRow("empty item") << identity("nics=1,,2\nnic1=" + mac1 + "\nnic2=" + mac2 + "\n")
                                << uR"(nics "1,,2": "" is not a NIC number 1..63)"_s;
    QTest::newRow("a space") << identity("nics=1, 2\nnic1=" + mac1 + "\nnic2=" + mac2 + "\n")
                             << uR"(nics "1, 2": " 2" is not a NIC number 1..63)"_s;
    QTest::newRow("listed twice") << identity("nics=1,2,1\nnic1=" + mac1 + "\nnic2=" + mac2 + "\n")
                                  << uR"(nics "1,2,1" lists 1 twice)"_s;
    QTest::newRow("nic<N> missing") << identity("nics=1,2\nnic1=" + mac1 + "\n")
                                    << uR"(nics "1,2" lists 2, but there is no nic2)"_s;
    QTest::newRow("malformed MAC")
        << identity("nics=1\nnic1=00:50:56:29:01\n")
        << uR"(nic1 "00:50:56:29:01" is not <mac> or <mac>,<ip>/<prefix>: no MAC address)"_s;
    QTest::newRow("empty nic<N>") << identity(
        "nics=1\nnic1=\n") << uR"(nic1 "" is not <mac> or <mac>,<ip>/<prefix>: no MAC address)"_s;
    QTest::newRow("MAC of the primary (mac key)")
        << identity("nics=1\nnic1=00:50:56:28:01:B1,10.0.5.177/24\n")
        << uR"(nic1 "00:50:56:28:01:B1,10.0.5.177/24" has the MAC of the primary NIC)"_s;
    // Without a mac key the primary is found in the guest: eth0, whose MAC nic1 claims.
    QTest::newRow("MAC of the primary (found in the guest)")
        << identity("nics=1\nnic1=00:50:56:28:01:b1\n", false)
        << u"nic1 is the primary NIC eth0 (mac 00:50:56:28:01:b1)"_s;
    QTest::newRow("MAC of another further NIC")
        << identity("nics=1,2\nnic1=" + mac1 + ",10.0.5.177/24\nnic2=" + mac1.toUpper() + "\n")
        << uR"(nic2 "00:50:56:29:01:B1" has the MAC of nic1)"_s;
    QTest::newRow("malformed address")
        << identity("nics=1\nnic1=" + mac1 + ",10.0.5.300/24\n")
        << uR"(nic1 "00:50:56:29:01:b1,10.0.5.300/24": "10.0.5.300/24" is not <ip>/<prefix> (an IPv4 address and a prefix length 1..32))"_s;
    QTest::newRow("no prefix")
        << identity("nics=1\nnic1=" + mac1 + ",10.0.5.177\n")
        << uR"(nic1 "00:50:56:29:01:b1,10.0.5.177": "10.0.5.177" is not <ip>/<prefix>)"_s;
    QTest::newRow("prefix 0")
        << identity("nics=1\nnic1=" + mac1 + ",10.0.5.177/0\n")
        << uR"(nic1 "00:50:56:29:01:b1,10.0.5.177/0": "10.0.5.177/0" is not <ip>/<prefix>)"_s;
    QTest::newRow("prefix 33")
        << identity("nics=1\nnic1=" + mac1 + ",10.0.5.177/33\n")
        << uR"(nic1 "00:50:56:29:01:b1,10.0.5.177/33": "10.0.5.177/33" is not <ip>/<prefix>)"_s;
    QTest::newRow("a trailing comma") << identity("nics=1\nnic1=" + mac1 + ",\n")
                                      << uR"(nic1 "00:50:56:29:01:b1,": "" is not <ip>/<prefix>)"_s;
    QTest::newRow("address in the primary's subnet")
        << identity("nics=1\nnic1=" + mac1 + ",192.168.1.200/28\n")
        << uR"(nic1 "00:50:56:29:01:b1,192.168.1.200/28": the address is in the primary NIC's subnet 192.168.1.0/24)"_s;
    QTest::newRow("subnets overlap")
        << identity("nics=1,2\nnic1=" + mac1 + ",10.0.5.177/24\nnic2=" + mac2 + ",10.0.9.1/16\n")
        << uR"(nic2 "00:50:56:2a:01:b1,10.0.9.1/16": its subnet 10.0.0.0/16 overlaps nic1's 10.0.5.0/24)"_s;
    QTest::newRow("subnets overlap, listed the other way round")
        << identity("nics=2,1\nnic1=" + mac1 + ",10.0.9.1/16\nnic2=" + mac2 + ",10.0.5.177/24\n")
        << uR"(nic2 "00:50:56:2a:01:b1,10.0.5.177/24": its subnet 10.0.5.0/24 overlaps nic1's 10.0.0.0/16)"_s;
}

void TestAgentNics::invalidFurtherNics() {
    // An invalid fw_cfg identity is named and skipped: the MAC channel then finds the
    // primary alone, so every refusal can be seen in --check's list of channels.
    QFETCH(QByteArray, document);
    QFETCH(QString, error);
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_fw_cfg"_s, 9176));
    QVERIFY(tree.write(QString::fromLatin1(kFwCfgPath), document));
    const QString out = checkOutput(tree);
    const QString line = u"fw_cfg:    invalid identity in /sys/firmware/qemu_fw_cfg/by_name/opt/"
                         "vmeclone/identity/raw: "_s
                         + error;
    QVERIFY2(out.contains(line), qPrintable(u"missing \""_s + line + u"\" in:\n"_s + out));
    QVERIFY2(out.contains(u"identity from mac: 192.168.1.177/24"_s), qPrintable(out));
}

void TestAgentNics::unlistedNicsAreIgnored() {
    // The same document is valid when the broken nic<N> is not listed (and the check
    // above is not refusing every multi-NIC identity).
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_fw_cfg"_s, 9176));
    QVERIFY(tree.write(QString::fromLatin1(kFwCfgPath),
                       identity("nics=1\nnic1=00:50:56:29:01:b1,10.0.5.177/24\nnic2=garbage\n"
                                "nic0=00:50:56:28:01:b1\n")));
    const QString out = checkOutput(tree);
    QVERIFY2(out.contains(u"identity from fw_cfg: 192.168.1.177/24 host vm177"_s), qPrintable(out));
}

void TestAgentNics::guestinfoReadsFurtherNics() {
    // guestinfo reads one key per RPC: after its fixed keys, nics and each nic<N> listed.
    // The stand-in's nic2 is malformed, so the refusal shows both were read.
    FixtureTree tree;
    QVERIFY(tree.create(u"centos6_guestinfo"_s, 9176));
    QByteArray tool = tree.read(u"usr/bin/vmware-rpctool"_s);
    tool.replace("*) echo", "\"info-get guestinfo.vmeclone.nics\") echo 2 ;;\n"
                            "\"info-get guestinfo.vmeclone.nic2\") echo 00:50:56:29:01 ;;\n"
                            "*) echo");
    QVERIFY(tree.write(u"usr/bin/vmware-rpctool"_s, tool));
    const QString out = checkOutput(tree);
    QVERIFY2(out.contains(u"guestinfo: invalid identity in guestinfo.vmeclone.* (vmware-rpctool): "
                          "nic2 \"00:50:56:29:01\" is not <mac> or <mac>,<ip>/<prefix>"_s),
             qPrintable(out));
}

void TestAgentNics::smbiosCarriesFurtherNics() {
    // SMBIOS OEM strings carry any key: nics and nic<N> as vmeclone.<key>=<value> strings.
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_fw_cfg_nics"_s, 9176));
    QVERIFY(QFile::remove(tree.path(QString::fromLatin1(kFwCfgPath))));
    QVERIFY(tree.write(
        u"sys/firmware/dmi/entries/11-0/raw"_s,
        oemStringsStructure({"vmeclone.ip=192.168.1.177", "vmeclone.prefix=24", "vmeclone.nics=2",
                             "vmeclone.nic2=00:50:56:2a:01:b1,10.0.6.177/24"})));
    const QString out = checkOutput(tree);
    QVERIFY2(out.contains(u"identity from smbios: 192.168.1.177/24"_s), qPrintable(out));
    QVERIFY2(out.contains(u"  further   eth2 10.0.6.177/24 (mac 00:50:56:2a:01:b1)\n"_s),
             qPrintable(out));
}

void TestAgentNics::checkShowsEachFurtherNic() {
    FixtureTree tree;
    QVERIFY(tree.create(u"ubuntu22_netplan_nics"_s, 9176));
    const QString out = checkOutput(tree);
    for (const QString &line :
         {u"  interface ens33 (mac 00:50:56:28:01:b7)\n"_s,
          u"  further   ens34 10.0.5.183/24 (mac 00:50:56:29:01:b7)\n"_s,
          u"  further   nic2 00:50:56:2a:01:b7 (ens35) left unconfigured: the identity gives it "
          "no address\n"_s,
          u"  further   nic3 00:50:56:2b:01:b7: no interface of this guest has this MAC (not "
          "configured)\n"_s})
        QVERIFY2(out.contains(line), qPrintable(u"missing \""_s + line + u"\" in:\n"_s + out));
}

void TestAgentNics::primaryIsNeverAFurtherNic() {
    // The golden's config names eth0, which now has nic1's MAC: the primary is the other
    // NIC, not eth0 (nor a refused identity for taking it).
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_fw_cfg"_s, 9176));
    QVERIFY(tree.write(u"sys/class/net/eth0/address"_s, "00:50:56:29:01:b1\n"));
    QVERIFY(tree.write(u"sys/class/net/eth1/address"_s, "00:50:56:3a:00:01\n"));
    QVERIFY(tree.write(QString::fromLatin1(kFwCfgPath),
                       identity("nics=1\nnic1=00:50:56:29:01:b1,10.0.5.177/24\n", false)));
    const QString out = checkOutput(tree);
    QVERIFY2(out.contains(u"identity from fw_cfg: 192.168.1.177/24"_s), qPrintable(out));
    QVERIFY2(out.contains(u"  interface eth1 (mac 00:50:56:3a:00:01)\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"  further   eth0 10.0.5.177/24 (mac 00:50:56:29:01:b1)\n"_s),
             qPrintable(out));
}

void TestAgentNics::unconfiguredAndMissingNicsAreLoggedOnce() {
    // ubuntu22_netplan_nics: nic1 on ens34 with an address, nic2 on ens35 without one,
    // nic3's MAC on no interface. The clone goes online with the missing NIC named.
    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"ubuntu22_netplan_nics"_s, sink.port()));
    const AgentRun first = boot(tree);
    QVERIFY2(first.exitCode == 0, first.standardError.constData());
    const QByteArray unconfigured = "nic2 00:50:56:2a:01:b7 (ens35) left unconfigured: the "
                                    "identity gives it no address\n";
    const QByteArray missing = "warning: nic3 00:50:56:2b:01:b7: no interface of this guest has "
                               "this MAC (not configured)\n";
    QCOMPARE(first.standardError.count(unconfigured), 1);
    QCOMPARE(first.standardError.count(missing), 1);
    QCOMPARE(first.standardError.count("ens35"), 1);
    // Nothing anywhere for nic2 and nic3: not in the files, not in the commands.
    const auto files = tree.snapshot();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (it.key().startsWith(u"sys/"_s) || it.key() == u"usr/bin/vmtoolsd"_s)
            continue;
        QVERIFY2(!it.value().contains("ens35") && !it.value().contains("00:50:56:2a:01:b7")
                     && !it.value().contains("00:50:56:2b:01:b7")
                     && !it.value().contains("10.0.6."),
                 qPrintable(it.key()));
    }
    QVERIFY(tree.read(u"etc/netplan/99-vmeclone.yaml"_s).contains("10.0.5.183/24"));

    const QList<QByteArray> datagrams = sink.take();
    QVERIFY(!datagrams.isEmpty());
    const QByteArray &last = datagrams.last();
    const Decoded online =
        decode(reinterpret_cast<const std::uint8_t *>(last.constData()), std::size_t(last.size()));
    QCOMPARE(int(online.announcement.state), int(AgentState::Online));
    QCOMPARE(online.announcement.detail,
             std::string("ens33 192.168.1.183/24 gw 192.168.1.1, ens34 10.0.5.183/24; warning: "
                         "nic3 00:50:56:2b:01:b7: no interface of this guest has this MAC"));

    // Later boots leave the network to netplan: nothing to say about the NICs again.
    const AgentRun second = boot(tree);
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(!second.standardError.contains("nic2") && !second.standardError.contains("nic3"),
             second.standardError.constData());
}

void TestAgentNics::recordIsAppliedAtEveryBoot() {
    // plain-ip: the agent is the network service and applies its record at each boot,
    // the further NICs included; a record it cannot read gives way to the identity.
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_fw_cfg_nics"_s, 9176));
    QCOMPARE(boot(tree).exitCode, 0);
    QByteArray record = tree.read(QString::fromLatin1(kRecordPath));
    QVERIFY2(record.contains("nics=eth1\nnic.eth1=00:50:56:29:01:b1,10.0.5.177/24\n"),
             record.constData());

    record.replace("10.0.5.177/24", "10.0.7.177/25");
    QVERIFY(tree.write(QString::fromLatin1(kRecordPath), record));
    QVERIFY(tree.write(QString::fromLatin1(kCommandsPath), {}));
    QCOMPARE(boot(tree).exitCode, 0);
    QByteArray commands = tree.read(QString::fromLatin1(kCommandsPath));
    QVERIFY2(commands.contains("ip link set dev eth1 up\nip -4 addr flush dev eth1\n"
                               "ip addr add 10.0.7.177/25 dev eth1\n"),
             commands.constData());

    record.replace("nic.eth1=00:50:56:29:01:b1,", "nic.eth1=");
    QVERIFY(tree.write(QString::fromLatin1(kRecordPath), record));
    QVERIFY(tree.write(QString::fromLatin1(kCommandsPath), {}));
    const AgentRun third = boot(tree);
    QCOMPARE(third.exitCode, 0);
    QVERIFY2(third.standardError.contains("/etc/vmeclone/network.conf unusable (nic.eth1 "
                                          "\"10.0.7.177/25\" is not <mac>,<ip>/<prefix>): using "
                                          "the identity"),
             third.standardError.constData());
    commands = tree.read(QString::fromLatin1(kCommandsPath));
    QVERIFY2(commands.contains("ip addr add 10.0.5.177/24 dev eth1\n"), commands.constData());
}

void TestAgentNics::ifcfgWithNetworkManagerActivatesEachFile() {
    // RHEL 7 and later: ifcfg files under NetworkManager are loaded and brought up one by
    // one, as NetworkManager's ifup does. centos6_guestinfo_nics after its reboot (no udev
    // rules left, eth0 and eth1), with systemd and NetworkManager.
    FixtureTree tree;
    QVERIFY(tree.create(u"centos6_guestinfo_nics"_s, 9176));
    QVERIFY(QFile::remove(tree.path(u"etc/udev/rules.d/70-persistent-net.rules"_s)));
    QVERIFY(tree.rename(u"sys/class/net/eth2"_s, u"sys/class/net/eth0"_s));
    QVERIFY(tree.rename(u"sys/class/net/eth3"_s, u"sys/class/net/eth1"_s));
    QVERIFY(tree.write(u"usr/lib/systemd/systemd"_s, {}));
    QVERIFY(tree.write(u"etc/NetworkManager/NetworkManager.conf"_s, "[main]\n"));
    const AgentRun result = boot(tree);
    QVERIFY2(result.exitCode == 0, result.standardError.constData());
    const QByteArray commands = tree.read(QString::fromLatin1(kCommandsPath));
    const QByteArray dir = "/etc/sysconfig/network-scripts/";
    const QByteArray activations =
        "hostname vm181\nnmcli connection load " + dir + "ifcfg-eth0\nnmcli connection up filename "
        + dir + "ifcfg-eth0\nnmcli connection load " + dir
        + "ifcfg-eth1\nnmcli connection up filename " + dir + "ifcfg-eth1\n";
    QVERIFY2(commands.endsWith(activations), commands.constData());
    const QByteArray eth1 = tree.read(u"etc/sysconfig/network-scripts/ifcfg-eth1"_s);
    QVERIFY2(eth1.contains("IPADDR=10.0.5.181\nPREFIX=24\n") && !eth1.contains("GATEWAY")
                 && !eth1.contains("DNS"),
             eth1.constData());
}

void TestAgentNics::dhcpClientOfTheGoldenIsStopped() {
    // Debian's ifupdown ran the golden's `iface eth0 inet dhcp` before the agent: its
    // dhclient would add the lease back beside the clone's address. The agent finds it by
    // its command line (only the client of this interface) before it sets the address.
    FixtureTree tree;
    QVERIFY(tree.create(u"debian_cmdline"_s, 9176));
    const QByteArray dhclient("/sbin/dhclient\0-4\0-v\0-i\0-pf\0/run/dhclient.eth0.pid\0-lf\0"
                              "/var/lib/dhcp/dhclient.eth0.leases\0-I\0eth0\0",
                              98);
    QVERIFY(tree.write(u"proc/412/cmdline"_s, dhclient));
    QVERIFY(tree.write(u"proc/413/cmdline"_s, QByteArray("dhcpcd\0-q\0eth7\0", 15)));
    QVERIFY(tree.write(u"proc/414/cmdline"_s, QByteArray("/usr/sbin/sshd\0-D\0eth0\0", 23)));
    const AgentRun run = boot(tree);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.standardError.contains("stopped dhclient (pid 412, not signalled under --root), "
                                        "started for eth0 by the golden's configuration"),
             run.standardError.constData());
    QVERIFY2(!run.standardError.contains("pid 413") && !run.standardError.contains("pid 414"),
             run.standardError.constData());
    // Before the address: the client cannot put its lease back after the flush.
    const QByteArray log = run.standardError;
    QVERIFY(log.indexOf("stopped dhclient") < log.indexOf("network up"));
}

QTEST_GUILESS_MAIN(TestAgentNics)
#include "tst_agent_nics.moc"
