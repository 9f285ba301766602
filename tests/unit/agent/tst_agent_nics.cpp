// A clone's further NICs (identity keys nics and nic<N>, protocol/identity_document.h), on
// the built agent: each malformed value refused with the key and value named, as every
// other identity key is; unlisted nic<N> ignored; the identity read through each channel
// that carries whole documents.

#include "agent_process.h"
#include "fixture_tree.h"

#include <QTest>

using namespace vmeclone::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kFwCfgPath = "sys/firmware/qemu_fw_cfg/by_name/opt/vmeclone/identity/raw";

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

QTEST_GUILESS_MAIN(TestAgentNics)
#include "tst_agent_nics.moc"
