// The built agent on fixture guest trees (--root), one per guest family (busybox, Debian
// ifupdown, CentOS 6 ifcfg, RHEL 9 NetworkManager, Ubuntu netplan, systemd-networkd) and
// identity channel (guestinfo through stand-in vmware-rpctool/vmtoolsd, fw_cfg, SMBIOS,
// kernel command line, MAC), and each family again with further NICs (the *_nics trees):
// the files it writes, compared whole with expected trees; the
// datagrams it sends, decoded and verified with core's decoder; the commands it would run
// (reboot only where the family needs it, else the family's live commands); idempotence;
// --check; heartbeat, SIGTERM and daemonising.

#include "agent_process.h"
#include "fixture_tree.h"
#include "protocol/announcement.h"
#include "support/ci_skip.h"

#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>

#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace vmeclone;
using namespace vmeclone::protocol;
using namespace vmeclone::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kStatePath = "var/lib/vmeclone/state";
constexpr const char *kCommandsPath = "var/log/vmeclone-agent.commands";
constexpr const char *kPidPath = "var/run/vmeclone-agent.pid";
constexpr const char *kFwCfgPath = "sys/firmware/qemu_fw_cfg/by_name/opt/vmeclone/identity/raw";

// Every fixture's key is derived from this cluster secret (00 01 .. 1f).
Digest keyFor(const QByteArray &ip) {
    std::uint8_t secret[32];
    for (std::size_t i = 0; i < sizeof secret; ++i)
        secret[i] = std::uint8_t(i);
    return vmKey(secret, sizeof secret, *parseIpv4(ip.toStdString()));
}

struct Received {
    Decoded decoded;
    bool verified = false;
};

QList<Received> decodeAll(const QList<QByteArray> &datagrams, const std::optional<Digest> &key) {
    QList<Received> out;
    for (const QByteArray &d : datagrams) {
        Received r;
        const auto *bytes = reinterpret_cast<const std::uint8_t *>(d.constData());
        r.decoded = decode(bytes, std::size_t(d.size()));
        r.verified = key && verify(bytes, r.decoded, *key);
        out.append(r);
    }
    return out;
}

// "booting, booting, configuring, ..." for messages.
QString statesOf(const QList<Received> &received) {
    QStringList names;
    for (const Received &r : received)
        names << QString::fromLatin1(agentStateName(r.decoded.announcement.state));
    return names.join(u", "_s);
}

// The agent gives each new instance a fresh random machine-id: each id file it wrote must
// hold 32 hex digits other than the golden's, the D-Bus copy the same as /etc's; it is
// then compared as the mark update_expected.sh puts in the expected trees.
QString markFreshMachineIds(QMap<QString, QByteArray> &got,
                            const QMap<QString, QByteArray> &golden) {
    static const QRegularExpression id(u"^[0-9a-f]{32}\n$"_s);
    const QByteArray etc = got.value(u"etc/machine-id"_s);
    for (const QString &path : {u"etc/machine-id"_s, u"var/lib/dbus/machine-id"_s}) {
        if (!got.contains(path) || got.value(path) == golden.value(path)
            || got.value(path).isEmpty())
            continue;
        if (!id.match(QString::fromLatin1(got.value(path))).hasMatch())
            return path + u" is no machine-id: "_s + QString::fromLatin1(got.value(path));
        if (got.value(path) != etc)
            return path + u" differs from etc/machine-id"_s;
        got[path] = "@FRESH-MACHINE-ID@\n";
    }
    return {};
}

QString describeDifference(const QMap<QString, QByteArray> &got,
                           const QMap<QString, QByteArray> &want) {
    QStringList lines;
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        if (!got.contains(it.key()))
            lines << u"missing: "_s + it.key();
        else if (got.value(it.key()) != it.value())
            lines << u"differs: "_s + it.key() + u"\n--- got:\n"_s
                         + QString::fromUtf8(got.value(it.key())) + u"--- want:\n"_s
                         + QString::fromUtf8(it.value());
    }
    for (auto it = got.cbegin(); it != got.cend(); ++it) {
        if (!want.contains(it.key()))
            lines << u"unexpected: "_s + it.key();
    }
    return lines.join(u'\n');
}

struct FileId {
    dev_t device = 0;
    ino_t inode = 0;
    qint64 mtimeNs = 0;
    bool operator==(const FileId &o) const {
        return device == o.device && inode == o.inode && mtimeNs == o.mtimeNs;
    }
};

// Identity of each file on disk: a file rewritten (even with the same bytes, by rename)
// gets a new inode.
QMap<QString, FileId> fileIds(const FixtureTree &tree) {
    QMap<QString, FileId> ids;
    const auto files = tree.snapshot();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        struct stat st {};
        if (::stat(QFile::encodeName(tree.path(it.key())).constData(), &st) == 0)
            ids.insert(it.key(), {st.st_dev, st.st_ino,
                                  qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec});
    }
    return ids;
}

QStringList rootArgs(const FixtureTree &tree, const QStringList &more = {}) {
    return QStringList{u"--root"_s, tree.root()} + more;
}

// A boot's flags for a fixture: the stand-in guest tools in the tree may run.
QStringList bootArgs(const FixtureTree &tree) {
    return rootArgs(tree, {u"--allow-root-programs"_s, u"--foreground"_s, u"--once"_s});
}

// "sys/class/net/eth1=>sys/class/net/eth0": what a reboot changes in the tree.
bool applyRenames(FixtureTree &tree, const QStringList &renames) {
    for (const QString &rename : renames) {
        const QStringList parts = rename.split(u"=>"_s);
        if (parts.size() != 2 || !tree.rename(parts[0], parts[1]))
            return false;
    }
    return true;
}

// The raw SMBIOS type 11 structure QEMU makes of `-smbios type=11,value=...`: header
// (type 11, length 5, handle), the string count, the strings, and an empty one.
QByteArray oemStringsStructure(const QList<QByteArray> &strings, quint16 handle) {
    QByteArray raw;
    raw.append(char(11)).append(char(5)).append(char(handle & 0xff)).append(char(handle >> 8));
    raw.append(char(strings.size()));
    for (const QByteArray &s : strings)
        raw.append(s).append('\0');
    raw.append('\0');
    return raw;
}

} // namespace

class TestAgentFixtures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstAndSecondRun_data();
    void firstAndSecondRun();
    void newInstanceWithSameSettingsRewritesNothing_data();
    void newInstanceWithSameSettingsRewritesNothing();
    void check_data();
    void check();
    void checkWithoutIdentity();
    void smbiosFixtureIsWhatQemuMakes();
    void malformedSmbiosEntryIsSkipped();
    void hungGuestToolIsKilled();
    void netplanRendersOnlyTheClonesDefinition();
    void heartbeatUntilSigterm();
    void daemonisesAfterOnline();
    void stopDuringStartIsHonoured();
    void refusesBroadcastConsole();
    void badArguments_data();
    void badArguments();
    void version();
};

void TestAgentFixtures::initTestCase() {
    QVERIFY2(QFileInfo(AgentProcess::binary()).isExecutable(), VMECLONE_AGENT_BINARY);
}

void TestAgentFixtures::firstAndSecondRun_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QByteArray>("ip");
    QTest::addColumn<QByteArray>("mac");
    QTest::addColumn<QByteArray>("hostname");
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<quint32>("uptime");
    QTest::addColumn<bool>("reboots");        // else the family applies it live
    QTest::addColumn<QStringList>("renames"); // what the reboot changes, before run 2
    QTest::addColumn<QStringList>("modes");   // "path=octal" after the first run

    QTest::newRow("busybox, identity from fw_cfg, reboot=yes")
        << u"busybox_fw_cfg"_s << QByteArray("192.168.1.177") << QByteArray("00:50:56:28:01:b1")
        << QByteArray("vm177") << true << 4u << true << QStringList() << QStringList();
    QTest::newRow("debian ifupdown, identity from the kernel command line")
        << u"debian_cmdline"_s << QByteArray("192.168.1.180") << QByteArray("00:50:56:28:01:b4")
        << QByteArray("vm180") << true << 17u << false << QStringList()
        << QStringList{u"etc/machine-id=444"_s};
    QTest::newRow("busybox, address from the MAC only")
        << u"busybox_mac"_s << QByteArray("192.168.1.200") << QByteArray("00:50:56:28:01:c8")
        << QByteArray("vm200") << false << 3u << false << QStringList() << QStringList();
    // The copied udev rule made the NIC eth1; after the reboot it is eth0 again.
    QTest::newRow("centos 6 ifcfg, identity from guestinfo (vmware-rpctool)")
        << u"centos6_guestinfo"_s << QByteArray("192.168.1.181") << QByteArray("00:50:56:28:01:b5")
        << QByteArray("vm181") << true << 21u << true
        << QStringList{u"sys/class/net/eth1=>sys/class/net/eth0"_s} << QStringList();
    QTest::newRow("rhel 9 networkmanager, identity from SMBIOS OEM strings")
        << u"rhel9_smbios"_s << QByteArray("192.168.1.182") << QByteArray("00:50:56:28:01:b6")
        << QByteArray("vm182") << true << 9u << false << QStringList()
        << QStringList{u"etc/NetworkManager/system-connections/vmeclone-ens3.nmconnection=600"_s,
                       u"etc/machine-id=444"_s};
    QTest::newRow("ubuntu 22.04 netplan + cloud-init, identity from guestinfo (vmtoolsd)")
        << u"ubuntu22_netplan"_s << QByteArray("192.168.1.183") << QByteArray("00:50:56:28:01:b7")
        << QByteArray("vm183") << true << 12u << false << QStringList()
        << QStringList{u"etc/netplan/99-vmeclone.yaml=600"_s, u"etc/machine-id=444"_s,
                       u"var/lib/dbus/machine-id=444"_s};
    QTest::newRow("systemd-networkd, identity from fw_cfg")
        << u"networkd_fw_cfg"_s << QByteArray("192.168.1.184") << QByteArray("00:50:56:28:01:b8")
        << QByteArray("vm184") << true << 6u << false << QStringList()
        << QStringList{u"etc/machine-id=444"_s, u"var/lib/dbus/machine-id=444"_s};

    // Clones with further NICs (tst_agent_nics has the rest): one with an address each,
    // written by the family's writer without gateway or DNS; in some, one left
    // unconfigured, and in netplan's one whose MAC the guest does not have.
    QTest::newRow("busybox with further NICs: the record holds them, applied at each boot")
        << u"busybox_fw_cfg_nics"_s << QByteArray("192.168.1.177")
        << QByteArray("00:50:56:28:01:b1") << QByteArray("vm177") << true << 4u << true
        << QStringList() << QStringList();
    QTest::newRow("debian ifupdown with a further NIC, from the kernel command line")
        << u"debian_cmdline_nics"_s << QByteArray("192.168.1.180")
        << QByteArray("00:50:56:28:01:b4") << QByteArray("vm180") << true << 17u << false
        << QStringList() << QStringList();
    // Both NICs pinned by the golden's udev rules: eth2 and eth3 now, eth0 and eth1 after.
    QTest::newRow("centos 6 ifcfg with a further NIC, from guestinfo")
        << u"centos6_guestinfo_nics"_s << QByteArray("192.168.1.181")
        << QByteArray("00:50:56:28:01:b5") << QByteArray("vm181") << true << 21u << true
        << QStringList{u"sys/class/net/eth2=>sys/class/net/eth0"_s,
                       u"sys/class/net/eth3=>sys/class/net/eth1"_s}
        << QStringList();
    QTest::newRow("rhel 9 networkmanager with further NICs, from fw_cfg")
        << u"rhel9_nics"_s << QByteArray("192.168.1.182") << QByteArray("00:50:56:28:01:b6")
        << QByteArray("vm182") << true << 9u << false << QStringList()
        << QStringList{u"etc/NetworkManager/system-connections/vmeclone-ens4.nmconnection=600"_s};
    QTest::newRow("ubuntu netplan with further NICs, from guestinfo (vmtoolsd)")
        << u"ubuntu22_netplan_nics"_s << QByteArray("192.168.1.183")
        << QByteArray("00:50:56:28:01:b7") << QByteArray("vm183") << true << 12u << false
        << QStringList() << QStringList{u"etc/netplan/99-vmeclone.yaml=600"_s};
    QTest::newRow("systemd-networkd with a further NIC, from fw_cfg")
        << u"networkd_nics"_s << QByteArray("192.168.1.184") << QByteArray("00:50:56:28:01:b8")
        << QByteArray("vm184") << true << 6u << false << QStringList() << QStringList();
}

void TestAgentFixtures::firstAndSecondRun() {
    QFETCH(QString, fixture);
    QFETCH(QByteArray, ip);
    QFETCH(QByteArray, mac);
    QFETCH(QByteArray, hostname);
    QFETCH(bool, isSigned);
    QFETCH(quint32, uptime);
    QFETCH(bool, reboots);
    QFETCH(QStringList, renames);
    QFETCH(QStringList, modes);

    DatagramSink sink;
    QVERIFY(sink.isBound());
    FixtureTree tree;
    QVERIFY(tree.create(fixture, sink.port()));
    const std::optional<Digest> key = isSigned ? std::optional<Digest>(keyFor(ip)) : std::nullopt;

    const QList<QList<AgentState>> expectedStates = {
        {AgentState::Booting, AgentState::Configuring,
         reboots ? AgentState::Rebooting : AgentState::Online},
        {AgentState::Booting, AgentState::Online}};
    const QStringList stages = {u"first-run"_s, u"second-run"_s};
    QMap<QString, FileId> idsAfterFirst;
    BootId firstBootId{};

    for (int run = 0; run < 2; ++run) {
        if (run == 1)
            QVERIFY(applyRenames(tree, renames));
        const AgentRun result = AgentProcess::run(bootArgs(tree));
        QVERIFY2(result.finished, "the agent did not exit");
        QVERIFY2(result.exitStatus == QProcess::NormalExit && result.exitCode == 0,
                 result.standardError.constData());

        // Files: the whole tree, against the expected tree of this stage.
        auto got = tree.snapshot();
        const QString badId = markFreshMachineIds(
            got, FixtureTree::snapshot(FixtureTree::fixtureDir(fixture), sink.port()));
        QVERIFY2(badId.isEmpty(), qPrintable(badId));
        const auto want = FixtureTree::snapshot(
            FixtureTree::expectedDir(fixture) + u'/' + stages[run], sink.port());
        QVERIFY2(!want.isEmpty(), "no expected tree");
        QVERIFY2(got == want, qPrintable(stages[run] + u":\n"_s + describeDifference(got, want)));
        QVERIFY2(!QFile::exists(tree.path(QString::fromLatin1(kPidPath))),
                 "the pid file outlived the agent");

        // Datagrams: each state change twice, sequence 1..n, one boot id, verified.
        QList<QByteArray> datagrams = sink.take();
        const QList<Received> received = decodeAll(datagrams, key);
        const QList<AgentState> &states = expectedStates[run];
        QCOMPARE(received.size(), states.size() * 2);
        for (int i = 0; i < received.size(); ++i) {
            const Received &r = received[i];
            const Announcement &a = r.decoded.announcement;
            QCOMPARE(decodeErrorName(r.decoded.error), "none");
            QVERIFY2(a.state == states[i / 2], qPrintable(statesOf(received)));
            QCOMPARE(a.sequence, std::uint64_t(i + 1));
            QCOMPARE(a.boots, std::uint32_t(run + 1));
            QCOMPARE(QByteArray::fromStdString(formatIpv4(a.ip)), ip);
            QCOMPARE(QByteArray::fromStdString(formatMac(a.mac)), mac);
            QCOMPARE(QByteArray::fromStdString(a.hostname), hostname);
            QCOMPARE(a.uptimeSeconds, uptime);
            QCOMPARE(r.decoded.isSigned, isSigned);
            QCOMPARE(r.verified, isSigned);
            QCOMPARE(a.bootId, received.first().decoded.announcement.bootId);
        }
        if (run == 0) {
            firstBootId = received.first().decoded.announcement.bootId;
            idsAfterFirst = fileIds(tree);
            // A reboot only where the family needs one; the tree comparison pins the rest.
            const QByteArray commands = tree.read(QString::fromLatin1(kCommandsPath));
            QCOMPARE(commands.endsWith("\nreboot\n"), reboots);
            QCOMPARE(commands.count("reboot"), reboots ? 1 : 0);
            for (const QString &mode : modes) {
                const QStringList parts = mode.split(u'=');
                struct stat st {};
                QCOMPARE(::stat(QFile::encodeName(tree.path(parts[0])).constData(), &st), 0);
                QCOMPARE(QString::number(st.st_mode & 07777, 8), parts[1]);
            }
        } else {
            QVERIFY2(received.first().decoded.announcement.bootId != firstBootId,
                     "a new start must have a new boot id");
            // Idempotent: the second run rewrote nothing but its own state and log.
            const auto idsAfterSecond = fileIds(tree);
            for (auto it = idsAfterFirst.cbegin(); it != idsAfterFirst.cend(); ++it) {
                if (it.key() == QLatin1String(kStatePath)
                    || it.key() == QLatin1String(kCommandsPath)
                    || !idsAfterSecond.contains(it.key())) // renamed by the "reboot"
                    continue;
                QVERIFY2(idsAfterSecond.value(it.key()) == it.value(),
                         qPrintable(u"rewritten on the second run: "_s + it.key()));
            }
        }
    }
}

void TestAgentFixtures::newInstanceWithSameSettingsRewritesNothing_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QByteArray>("instance"); // as the fixture's identity names it
    QTest::addColumn<QByteArray>("ip");
    QTest::addColumn<QStringList>("renames");
    QTest::newRow("busybox") << u"busybox_fw_cfg"_s << QByteArray("clone-177-7f3a")
                             << QByteArray("192.168.1.177") << QStringList();
    QTest::newRow("ifupdown") << u"debian_cmdline"_s << QByteArray("clone-180-0c1d")
                              << QByteArray("192.168.1.180") << QStringList();
    QTest::newRow("ifcfg") << u"centos6_guestinfo"_s << QByteArray("clone-181-3e9a")
                           << QByteArray("192.168.1.181")
                           << QStringList{u"sys/class/net/eth1=>sys/class/net/eth0"_s};
    QTest::newRow("networkmanager") << u"rhel9_smbios"_s << QByteArray("clone-182-51c2")
                                    << QByteArray("192.168.1.182") << QStringList();
    QTest::newRow("netplan") << u"ubuntu22_netplan"_s << QByteArray("clone-183-77d0")
                             << QByteArray("192.168.1.183") << QStringList();
    QTest::newRow("systemd-networkd") << u"networkd_fw_cfg"_s << QByteArray("clone-184-c0de")
                                      << QByteArray("192.168.1.184") << QStringList();
    QTest::newRow("busybox, further NICs")
        << u"busybox_fw_cfg_nics"_s << QByteArray("clone-177-2c4d") << QByteArray("192.168.1.177")
        << QStringList();
    QTest::newRow("ifupdown, further NICs")
        << u"debian_cmdline_nics"_s << QByteArray("clone-180-5a2b") << QByteArray("192.168.1.180")
        << QStringList();
    QTest::newRow("ifcfg, further NICs")
        << u"centos6_guestinfo_nics"_s << QByteArray("clone-181-b7c8")
        << QByteArray("192.168.1.181")
        << QStringList{u"sys/class/net/eth2=>sys/class/net/eth0"_s,
                       u"sys/class/net/eth3=>sys/class/net/eth1"_s};
    QTest::newRow("networkmanager, further NICs") << u"rhel9_nics"_s << QByteArray("clone-182-d4e5")
                                                  << QByteArray("192.168.1.182") << QStringList();
    QTest::newRow("netplan, further NICs")
        << u"ubuntu22_netplan_nics"_s << QByteArray("clone-183-9e1f") << QByteArray("192.168.1.183")
        << QStringList();
    QTest::newRow("systemd-networkd, further NICs")
        << u"networkd_nics"_s << QByteArray("clone-184-f00d") << QByteArray("192.168.1.184")
        << QStringList();
}

void TestAgentFixtures::newInstanceWithSameSettingsRewritesNothing() {
    // A clone handed a new instance with the same address configures again, but every
    // writer finds its files already right and leaves them alone (same inode, same mtime).
    QFETCH(QString, fixture);
    QFETCH(QByteArray, instance);
    QFETCH(QByteArray, ip);
    QFETCH(QStringList, renames);

    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(fixture, sink.port()));
    QCOMPARE(AgentProcess::run(bootArgs(tree)).exitCode, 0);
    QVERIFY(applyRenames(tree, renames));

    // The new instance, wherever the identity carries it (a channel file or a stand-in).
    const QByteArray second = instance + "-2";
    QStringList touched;
    const auto files = tree.snapshot();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!it.value().contains(instance) || it.key() == QLatin1String(kStatePath))
            continue;
        QByteArray content = it.value();
        content.replace(instance, second);
        QVERIFY(tree.write(it.key(), content));
        touched << it.key();
    }
    QVERIFY2(!touched.isEmpty(), instance.constData());
    const auto idsBefore = fileIds(tree);
    (void)sink.take();

    const AgentRun result = AgentProcess::run(bootArgs(tree));
    QVERIFY2(result.exitCode == 0, result.standardError.constData());
    const QByteArray configuring = "new instance " + second + ": configuring";
    QVERIFY2(result.standardError.contains(configuring), result.standardError.constData());
    const auto idsAfter = fileIds(tree);
    QCOMPARE(idsAfter.keys(), idsBefore.keys());
    // A new instance is a new machine: systemd guests get a new machine-id.
    const QStringList renewed = {u"etc/machine-id"_s, u"var/lib/dbus/machine-id"_s};
    for (auto it = idsBefore.cbegin(); it != idsBefore.cend(); ++it) {
        if (it.key() == QLatin1String(kStatePath) || it.key() == QLatin1String(kCommandsPath)
            || renewed.contains(it.key()))
            continue;
        QVERIFY2(idsAfter.value(it.key()) == it.value(), qPrintable(u"rewritten: "_s + it.key()));
    }
    QCOMPARE(tree.read(QString::fromLatin1(kStatePath)),
             QByteArray("instance=" + second + "\nboots=1\napplied=" + second + "\n"));
    const QList<Received> received = decodeAll(sink.take(), keyFor(ip));
    QCOMPARE(received.size(), 6);
    QCOMPARE(int(received[2].decoded.announcement.state), int(AgentState::Configuring));
    QCOMPARE(received[0].decoded.announcement.boots, 1u);
    QVERIFY(received.last().verified);
}

void TestAgentFixtures::check_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QByteArray>("replaceFwCfg"); // empty: leave the fixture as it is
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expectedLines");

    const QStringList allow = {u"--allow-root-programs"_s};
    QTest::newRow("fw_cfg") << u"busybox_fw_cfg"_s << QByteArray() << allow
                            << QStringList{
                                   u"identity from fw_cfg: 192.168.1.177/24 host vm177"_s,
                                   u"console   127.0.0.1:@PORT@, signed"_s,
                                   u"family    plain-ip; no systemd"_s,
                                   u"would: apply the network live, write the "
                                   "configuration (hostname, plain-ip, resolv.conf), then reboot: "
                                   "reboot=yes in "_s};
    QTest::newRow("cmdline")
        << u"debian_cmdline"_s << QByteArray() << allow
        << QStringList{u"identity from cmdline: 192.168.1.180/24 host vm180"_s,
                       u"family    ifupdown; systemd, Debian-like"_s,
                       u"(hostname, ifupdown, plain-ip, resolv.conf, machine-id), then "
                       "announce online (the agent's own ip commands "
                       "apply it live)"_s};
    QTest::newRow("mac") << u"busybox_mac"_s << QByteArray() << allow
                         << QStringList{u"cmdline:   no vmeclone.* words in /proc/cmdline"_s,
                                        u"identity from mac: 192.168.1.200/24 host vm200"_s,
                                        u"unsigned (no key)"_s};
    QTest::newRow("fw_cfg wins over the kernel command line")
        << u"debian_cmdline"_s << QByteArray("ip=192.168.1.190\nprefix=24\n") << allow
        << QStringList{u"identity from fw_cfg: 192.168.1.190/24 host vm190"_s};
    QTest::newRow("an invalid fw_cfg identity is named, the next channel used")
        << u"debian_cmdline"_s << QByteArray("ip=192.168.1.999\n") << allow
        << QStringList{u"fw_cfg:    invalid identity in /sys/firmware/qemu_fw_cfg/by_name/opt/"
                       "vmeclone/identity/raw: ip \"192.168.1.999\" is not an IPv4 address"_s,
                       u"identity from cmdline: 192.168.1.180/24"_s};
    QTest::newRow("guestinfo, then the stale udev rule means a reboot")
        << u"centos6_guestinfo"_s << QByteArray() << allow
        << QStringList{u"guestinfo: found in guestinfo.vmeclone.* (vmware-rpctool)"_s,
                       u"identity from guestinfo: 192.168.1.181/24 host vm181"_s,
                       u"interface eth1 (mac 00:50:56:28:01:b5)"_s,
                       u"family    ifcfg (RHEL 6); no systemd"_s,
                       u"files     name the interface eth0, as it will be called after the "
                       "reboot"_s,
                       u"(hostname, ifcfg, plain-ip, resolv.conf, udev-rules), then reboot: "
                       "/etc/udev/rules.d/70-persistent-net.rules pinned 00:50:56:28:01:b0 as "
                       "eth0"_s};
    QTest::newRow("guest tools only with --allow-root-programs; then the MAC")
        << u"centos6_guestinfo"_s << QByteArray() << QStringList()
        << QStringList{u"guestinfo: guest tools are not run under --root without "
                       "--allow-root-programs"_s,
                       u"identity from mac: 192.168.1.181/24 host vm181"_s};
    QTest::newRow("guestinfo through vmtoolsd; netplan applies live")
        << u"ubuntu22_netplan"_s << QByteArray() << allow
        << QStringList{
               u"guestinfo: found in guestinfo.vmeclone.* (vmtoolsd)"_s,
               u"family    netplan; systemd, Debian-like"_s,
               u"(hostname, netplan, plain-ip, resolv.conf, machine-id, cloud-init), then apply it "
               "live: netplan apply"_s};
    QTest::newRow("SMBIOS; NetworkManager applies live")
        << u"rhel9_smbios"_s << QByteArray() << allow
        << QStringList{u"smbios:    found in /sys/firmware/dmi/entries/11-0/raw"_s,
                       u"identity from smbios: 192.168.1.182/24 host vm182"_s,
                       u"family    networkmanager; systemd"_s,
                       u"(hostname, networkmanager, plain-ip, resolv.conf, machine-id), then apply "
                       u"it live: "
                       "nmcli connection reload; nmcli connection up id vmeclone-ens3"_s};
    QTest::newRow("fw_cfg; systemd-networkd applies live")
        << u"networkd_fw_cfg"_s << QByteArray() << allow
        << QStringList{
               u"family    systemd-networkd; systemd"_s,
               u"(hostname, systemd-networkd, plain-ip, resolv.conf, machine-id), then apply it "
               "live: networkctl reload"_s};
}

void TestAgentFixtures::check() {
    QFETCH(QString, fixture);
    QFETCH(QByteArray, replaceFwCfg);
    QFETCH(QStringList, args);
    QFETCH(QStringList, expectedLines);

    const quint16 port = 9176;
    FixtureTree tree;
    QVERIFY(tree.create(fixture, port));
    if (!replaceFwCfg.isEmpty())
        QVERIFY(tree.write(QString::fromLatin1(kFwCfgPath), replaceFwCfg));
    const auto before = tree.snapshot();

    const AgentRun result = AgentProcess::run(rootArgs(tree, args + QStringList{u"--check"_s}));
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.standardOutput);
    for (QString line : expectedLines) {
        line.replace(u"@PORT@"_s, QString::number(port));
        QVERIFY2(out.contains(line), qPrintable(u"missing \""_s + line + u"\" in:\n"_s + out));
    }
    QVERIFY2(tree.snapshot() == before, "--check changed the tree");
    QVERIFY(!QDir(tree.path(u"var/lib/vmeclone"_s)).exists());
}

void TestAgentFixtures::checkWithoutIdentity() {
    FixtureTree tree;
    QVERIFY(tree.write(u"proc/cmdline"_s, "quiet\n"));
    const AgentRun result = AgentProcess::run(rootArgs(tree, {u"--check"_s}));
    QCOMPARE(result.exitCode, 1);
    const QString out = QString::fromUtf8(result.standardOutput);
    for (const QString &line :
         {u"guestinfo: guest tools are not run under --root without --allow-root-programs"_s,
          u"fw_cfg:    no /sys/firmware/qemu_fw_cfg/by_name/opt/vmeclone/identity/raw"_s,
          u"smbios:    no /sys/firmware/dmi/entries"_s,
          u"cmdline:   no vmeclone.* words in /proc/cmdline"_s,
          u"mac:       no subnet in the agent config"_s, u"no identity found"_s})
        QVERIFY2(out.contains(line), qPrintable(u"missing \""_s + line + u"\" in:\n"_s + out));

    // The boot flow says the same and exits 1 without leaving anything behind.
    const AgentRun boot = AgentProcess::run(rootArgs(tree, {u"--foreground"_s}));
    QCOMPARE(boot.exitCode, 1);
    QVERIFY(boot.standardError.contains("no identity found"));
    QCOMPARE(tree.snapshot().keys(), QStringList{u"proc/cmdline"_s});
}

void TestAgentFixtures::smbiosFixtureIsWhatQemuMakes() {
    // The checked-in entry is exactly QEMU's type 11 structure for these values (as
    // /sys/firmware/dmi/entries/11-0/raw shows it), so the channel reads the real format.
    const QList<QByteArray> strings = {
        "vmeclone.ip=192.168.1.182",
        "vmeclone.prefix=24",
        "vmeclone.gateway=192.168.1.1",
        "vmeclone.dns=192.0.2.53",
        "vmeclone.hostname=vm182",
        "vmeclone.console=127.0.0.1",
        "vmeclone.port=@PORT@",
        "vmeclone.key=a17960b391008a2375d8ff754e2092f08f651ce5614094b94427396a4ab893f4",
        "vmeclone.instance=clone-182-51c2",
        "vmeclone.heartbeat=2"};
    QFile fixture(FixtureTree::fixtureDir(u"rhel9_smbios"_s)
                  + u"/sys/firmware/dmi/entries/11-0/raw"_s);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QCOMPARE(fixture.readAll(), oemStringsStructure(strings, 0x002b));
}

void TestAgentFixtures::malformedSmbiosEntryIsSkipped() {
    // A broken second OEM-strings entry is named and skipped; the good one still counts.
    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"rhel9_smbios"_s, sink.port()));
    QByteArray broken = oemStringsStructure({"vmeclone.ip=192.168.1.99", "x", "y"}, 0x002c);
    broken.chop(2); // the last string loses its terminator
    QVERIFY(tree.write(u"sys/firmware/dmi/entries/11-1/raw"_s, broken));
    // A hypervisor's own OEM strings in a third entry are not vmeclone's: ignored quietly.
    QVERIFY(tree.write(u"sys/firmware/dmi/entries/11-2/raw"_s,
                       oemStringsStructure({"[MS_VM_CERT/SHA1/27d66596a61c48dd3dc7216fd715126e"
                                            "33f59ae7]",
                                            "Welcome to the Virtual Machine"},
                                           0x002d)));

    const AgentRun result = AgentProcess::run(bootArgs(tree));
    QVERIFY2(result.exitCode == 0, result.standardError.constData());
    QVERIFY2(result.standardError.contains("/sys/firmware/dmi/entries/11-1/raw: string 3 of 3 "
                                           "is not terminated (entry ignored)"),
             result.standardError.constData());
    QVERIFY(!result.standardError.contains("11-2"));
    QVERIFY2(result.standardError.contains("identity from smbios: 192.168.1.182/24"),
             result.standardError.constData());
    QVERIFY(!decodeAll(sink.take(), keyFor("192.168.1.182")).isEmpty());
}

void TestAgentFixtures::hungGuestToolIsKilled() {
    // A vmware-rpctool that never answers must not hold up the boot: the agent kills it
    // after its timeout and goes on to the next channel.
    FixtureTree tree;
    QVERIFY(tree.create(u"centos6_guestinfo"_s, 9176));
    QVERIFY(tree.write(u"usr/bin/vmware-rpctool"_s, "#!/bin/sh\nexec sleep 600\n"));
    const AgentRun result =
        AgentProcess::run(rootArgs(tree, {u"--allow-root-programs"_s, u"--check"_s}));
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.standardOutput);
    QVERIFY2(out.contains(u"guestinfo: vmware-rpctool info-get guestinfo.vmeclone.ip did not "
                          "answer within 5 s"_s),
             qPrintable(out));
    QVERIFY2(out.contains(u"identity from mac: 192.168.1.181/24"_s), qPrintable(out));
}

void TestAgentFixtures::netplanRendersOnlyTheClonesDefinition() {
    // netplan's own generator on the configured tree: no error, the clone's definition
    // gives ens33 its address, and nothing else the golden or cloud-init defined still
    // matches the NIC (by MAC or by name).
    const QString netplan = QStandardPaths::findExecutable(u"netplan"_s);
    if (netplan.isEmpty())
        VMECLONE_SKIP_UNLESS_CI(
            "netplan is not installed (apt-get install netplan.io): rendering not checked");
    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"ubuntu22_netplan"_s, sink.port()));
    QCOMPARE(AgentProcess::run(bootArgs(tree)).exitCode, 0);
    const AgentRun generate =
        AgentProcess::run({u"generate"_s, u"--root-dir"_s, tree.root()}, netplan);
    QVERIFY2(generate.finished && generate.exitCode == 0, generate.standardError.constData());
    QVERIFY2(!generate.standardError.contains("Error") && !generate.standardError.contains("99-"),
             generate.standardError.constData());

    const QString dir = tree.path(u"run/systemd/network"_s);
    const QStringList units = QDir(dir).entryList({u"*.network"_s}, QDir::Files);
    QVERIFY(units.contains(u"10-netplan-vmeclone-ens33.network"_s));
    const QRegularExpression macLine(u"^(?:Permanent)?MACAddress=(.*)$"_s,
                                     QRegularExpression::MultilineOption);
    const QRegularExpression nameLine(u"^Name=(.*)$"_s, QRegularExpression::MultilineOption);
    for (const QString &unit : units) {
        QFile file(dir + u'/' + unit);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QString match = text.section(u"[Network]"_s, 0, 0);
        const auto mac = macLine.match(match);
        const auto name = nameLine.match(match);
        const bool matchesMac = !mac.hasMatch() || mac.captured(1) == u"00:50:56:28:01:b7"_s;
        const bool matchesName =
            !name.hasMatch()
            || QRegularExpression::fromWildcard(name.captured(1)).match(u"ens33"_s).hasMatch();
        const bool ours = unit == u"10-netplan-vmeclone-ens33.network"_s;
        QVERIFY2((matchesMac && matchesName) == ours, qPrintable(unit + u":\n"_s + text));
        if (ours)
            QVERIFY2(text.contains(u"Address=192.168.1.183/24"_s), qPrintable(text));
    }
}

void TestAgentFixtures::heartbeatUntilSigterm() {
    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_fw_cfg"_s, sink.port()));
    QByteArray identity = tree.read(QString::fromLatin1(kFwCfgPath));
    identity.replace("heartbeat=2", "heartbeat=1");
    QVERIFY(tree.write(QString::fromLatin1(kFwCfgPath), identity));
    QCOMPARE(AgentProcess::run(rootArgs(tree, {u"--foreground"_s, u"--once"_s})).exitCode, 0);
    (void)sink.take();

    QProcess agent;
    agent.start(AgentProcess::binary(), rootArgs(tree, {u"--foreground"_s}));
    QVERIFY(agent.waitForStarted());
    // Booting x2, Online x2, then two heartbeats.
    QList<QByteArray> datagrams;
    QVERIFY2(sink.waitFor(6, datagrams), qPrintable(statesOf(decodeAll(datagrams, {}))));
    QCOMPARE(tree.read(QString::fromLatin1(kPidPath)),
             QByteArray::number(agent.processId()) + '\n');

    agent.terminate(); // SIGTERM
    QVERIFY(agent.waitForFinished(20000));
    QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
    QCOMPARE(agent.exitCode(), 0);
    datagrams += sink.take();
    const QList<Received> received = decodeAll(datagrams, keyFor("192.168.1.177"));
    QVERIFY(received.size() >= 8);
    for (int i = 0; i < received.size(); ++i) {
        QVERIFY(received[i].verified);
        QCOMPARE(received[i].decoded.announcement.sequence, std::uint64_t(i + 1));
    }
    QCOMPARE(int(received[4].decoded.announcement.state), int(AgentState::Online));
    QCOMPARE(int(received[5].decoded.announcement.state), int(AgentState::Online));
    QCOMPARE(int(received.last().decoded.announcement.state), int(AgentState::Stopping));
    QCOMPARE(int(received[received.size() - 2].decoded.announcement.state),
             int(AgentState::Stopping));
    QVERIFY(!QFile::exists(tree.path(QString::fromLatin1(kPidPath))));
}

void TestAgentFixtures::daemonisesAfterOnline() {
    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_mac"_s, sink.port()));
    QCOMPARE(AgentProcess::run(rootArgs(tree, {u"--foreground"_s, u"--once"_s})).exitCode, 0);
    (void)sink.take();

    // Without --foreground the started process returns once the guest is online.
    const AgentRun started = AgentProcess::run(rootArgs(tree));
    QVERIFY(started.finished);
    QCOMPARE(started.exitCode, 0);
    QList<QByteArray> datagrams = sink.take();
    QCOMPARE(datagrams.size(), 4);
    const QByteArray pidText = tree.read(QString::fromLatin1(kPidPath)).trimmed();
    bool ok = false;
    const qint64 daemon = pidText.toLongLong(&ok);
    QVERIFY2(ok && daemon > 1, pidText.constData());
    QCOMPARE(::kill(pid_t(daemon), 0), 0);
    // Do not leave a daemon behind when a check below fails.
    const auto reap = qScopeGuard([&] {
        if (QFile::exists(tree.path(QString::fromLatin1(kPidPath))))
            ::kill(pid_t(daemon), SIGKILL);
    });

    // The daemon keeps the heartbeat and stops on SIGTERM, removing its pid file.
    QVERIFY(sink.waitFor(1, datagrams));
    QCOMPARE(::kill(pid_t(daemon), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(tree.path(QString::fromLatin1(kPidPath))), 20000);
    QVERIFY(sink.waitFor(2, datagrams));
    const QList<Received> received = decodeAll(datagrams, {});
    QCOMPARE(int(received.last().decoded.announcement.state), int(AgentState::Stopping));
    QVERIFY(!received.last().decoded.isSigned);
}

void TestAgentFixtures::stopDuringStartIsHonoured() {
    // SIGTERM reaches the agent before it is online (the init script's stop at an early
    // power-off). It must stop then, not hand the daemon a start with the signal lost.
    // To hold the agent at a known point, /proc/uptime is a FIFO: every announcement
    // reads it, so the agent waits there until the test feeds it.
    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_mac"_s, sink.port()));
    QCOMPARE(AgentProcess::run(rootArgs(tree, {u"--foreground"_s, u"--once"_s})).exitCode, 0);
    (void)sink.take();
    const QByteArray fifo = QFile::encodeName(tree.path(u"proc/uptime"_s));
    QVERIFY(QFile::remove(tree.path(u"proc/uptime"_s)));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);

    // The feeder answers each read of the FIFO, but the first only once `go` is set.
    std::promise<void> go;
    std::shared_future<void> started = go.get_future().share();
    std::atomic_bool stopFeeding{false};
    std::thread feeder([&] {
        // A reopen can pair with a reader about to close: a write then fails with EPIPE,
        // which must not kill the test with SIGPIPE.
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
        while (!stopFeeding) {
            const int fd = ::open(fifo.constData(), O_WRONLY); // waits for a reader
            if (fd < 0)
                return;
            started.wait();
            if (!stopFeeding)
                (void)!::write(fd, "7.00 1.00\n", 10);
            ::close(fd);
        }
    });
    bool released = false;
    const auto release = [&] {
        if (!released)
            go.set_value();
        released = true;
    };
    const auto joinFeeder = qScopeGuard([&] {
        stopFeeding = true;
        release();
        const int fd = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK); // unblocks the feeder
        feeder.join();
        if (fd >= 0)
            ::close(fd);
    });

    QProcess agent; // no --foreground: it would go to the background once online
    agent.start(AgentProcess::binary(), rootArgs(tree));
    QVERIFY(agent.waitForStarted());
    const auto reap = qScopeGuard([&] { // a daemon left behind by a failure
        const qint64 left = tree.read(QString::fromLatin1(kPidPath)).trimmed().toLongLong();
        if (left > 1)
            ::kill(pid_t(left), SIGKILL);
    });
    // The pid file is written before the first announcement, so the agent is blocked in
    // or before that announcement when it appears, with SIGTERM blocked.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(tree.path(QString::fromLatin1(kPidPath))), 20000);
    QVERIFY(sink.take().isEmpty());
    QCOMPARE(::kill(pid_t(agent.processId()), SIGTERM), 0);
    release();
    QVERIFY(agent.waitForFinished(20000));
    QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
    QCOMPARE(agent.exitCode(), 0);

    const QList<Received> received = decodeAll(sink.take(), {});
    QCOMPARE(statesOf(received), u"booting, booting, online, online, stopping, stopping"_s);
    QCOMPARE(received.first().decoded.announcement.uptimeSeconds, 7u);
    QVERIFY2(!QFile::exists(tree.path(QString::fromLatin1(kPidPath))), "a daemon was left running");
}

void TestAgentFixtures::refusesBroadcastConsole() {
    // Configuring still happens; only the announcements are refused, with the reason.
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_mac"_s, 9176));
    QByteArray config = tree.read(u"etc/vmeclone/agent.conf"_s);
    config.replace("console=127.0.0.1", "console=192.168.1.255");
    QVERIFY(tree.write(u"etc/vmeclone/agent.conf"_s, config));
    const AgentRun result = AgentProcess::run(rootArgs(tree, {u"--foreground"_s, u"--once"_s}));
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.standardError.contains("not announcing: console 192.168.1.255 is the "
                                           "broadcast address of this guest's subnet"),
             result.standardError.constData());
    QCOMPARE(tree.read(u"etc/hostname"_s), QByteArray("vm200\n"));
}

void TestAgentFixtures::badArguments_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown option")
        << QStringList{u"--frobnicate"_s} << QByteArray("unknown argument \"--frobnicate\"");
    QTest::newRow("missing value")
        << QStringList{u"--root"_s} << QByteArray("--root needs a value");
    QTest::newRow("empty value") << QStringList{u"--config="_s}
                                 << QByteArray("--config needs a non-empty value");
    QTest::newRow("guest tools of the tree without a tree")
        << QStringList{u"--allow-root-programs"_s, u"--check"_s}
        << QByteArray("--allow-root-programs needs --root DIR");
}

void TestAgentFixtures::badArguments() {
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const AgentRun result = AgentProcess::run(args);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.standardError.contains(message), result.standardError.constData());
}

void TestAgentFixtures::version() {
    const AgentRun result = AgentProcess::run({u"--version"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.standardOutput, QByteArray("vmeclone-agent " VMECLONE_VERSION "\n"));
    const AgentRun help = AgentProcess::run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.standardOutput.startsWith("Usage: vmeclone-agent"));
}

QTEST_GUILESS_MAIN(TestAgentFixtures)
#include "tst_agent_fixtures.moc"
