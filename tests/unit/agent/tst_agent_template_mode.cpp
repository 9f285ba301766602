// The agent's template mode (guest-agent/template_mode.h), on a fixture tree: with an
// fw_cfg identity that says template=yes it says it stopped, changes nothing in the guest
// tree and waits; once the fw_cfg file holds a clone's identity (as a resumed clone's
// QEMU serves it) it goes on as that clone, live: its MAC on the NIC, a fresh machine-id,
// the address, and online, without the reboot the golden's agent.conf asks for.

#include "agent_process.h"
#include "fixture_tree.h"
#include "protocol/announcement.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vmeclone::protocol;
using namespace vmeclone::test;

namespace {

constexpr const char *kCommandsPath = "var/log/vmeclone-agent.commands";
constexpr const char *kFwCfgPath = "sys/firmware/qemu_fw_cfg/by_name/opt/vmeclone/identity/raw";
constexpr const char *kReady =
    "template: stopped before any identity; waiting to be resumed as a clone";

} // namespace

class TestAgentTemplateMode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stopsThenBecomesTheClone() {
        DatagramSink sink;
        QVERIFY(sink.isBound());
        FixtureTree tree;
        QVERIFY(tree.create(u"busybox_fw_cfg"_s, sink.port()));
        const QByteArray clone = tree.read(QString::fromLatin1(kFwCfgPath));
        QVERIFY(clone.contains("mac=00:50:56:28:01:b1"));
        QVERIFY(tree.write(QString::fromLatin1(kFwCfgPath),
                           "version=1\ntemplate=yes\n#" + QByteArray(200, ' ') + "\n"));
        // The template's SSH host keys (the agent replaces them) and a file that is not one.
        QVERIFY(tree.write(u"etc/ssh/ssh_host_ed25519_key"_s, "template's private key\n"));
        QVERIFY(tree.write(u"etc/ssh/ssh_host_ed25519_key.pub"_s, "template's public key\n"));
        QVERIFY(tree.write(u"etc/ssh/sshd_config"_s, "PermitRootLogin no\n"));
        const auto before = tree.snapshot();

        QProcess agent;
        agent.setProcessChannelMode(QProcess::SeparateChannels);
        agent.start(AgentProcess::binary(),
                    {u"--root"_s, tree.root(), u"--foreground"_s, u"--once"_s});
        agent.setReadChannel(QProcess::StandardError); // where the agent logs
        QVERIFY(agent.waitForStarted());
        QByteArray log;
        while (!log.contains(kReady)) {
            QVERIFY2(agent.waitForReadyRead(20000), log.constData());
            log += agent.readAllStandardError();
        }
        // Stopped before anything: no state, no configuration, no command, no datagram.
        // It is still waiting (a process that exited would have said more).
        QCOMPARE(tree.snapshot(), before);
        QCOMPARE(agent.state(), QProcess::Running);
        QVERIFY(sink.take().isEmpty());

        // Resumed as a clone: its QEMU's fw_cfg holds the clone's identity.
        QVERIFY(tree.write(QString::fromLatin1(kFwCfgPath), clone));
        QVERIFY(agent.waitForFinished(20000));
        log += agent.readAllStandardError();
        QCOMPARE(agent.exitCode(), 0);
        QVERIFY2(log.contains("resumed as a clone"), log.constData());

        const QByteArray commands = tree.read(QString::fromLatin1(kCommandsPath));
        QVERIFY2(commands.contains("ip link set dev eth0 down\nip link set dev eth0 address "
                                   "00:50:56:28:01:b1\n"),
                 commands.constData());
        QVERIFY2(commands.contains("ip addr add 192.168.1.177/24 dev eth0\n"),
                 commands.constData());
        QVERIFY2(!commands.contains("reboot"), commands.constData()); // agent.conf: reboot=yes
        // The Ed25519 key at once, the others (RSA: seconds) beside the agent.
        QVERIFY2(commands.contains("ssh-keygen -q -t ed25519 -N  -f /etc/ssh/ssh_host_ed25519_key\n"
                                   "ssh-keygen -A &\n"),
                 commands.constData());
        QVERIFY(!QFile::exists(tree.path(u"etc/ssh/ssh_host_ed25519_key"_s)));
        QVERIFY(!QFile::exists(tree.path(u"etc/ssh/ssh_host_ed25519_key.pub"_s)));
        QCOMPARE(tree.read(u"etc/ssh/sshd_config"_s), QByteArray("PermitRootLogin no\n"));
        const QByteArray machineId = tree.read(u"etc/machine-id"_s);
        QVERIFY2(QRegularExpression(u"^[0-9a-f]{32}\n$"_s)
                     .match(QString::fromLatin1(machineId))
                     .hasMatch(),
                 machineId.constData());
        QVERIFY2(log.contains(QByteArray("machine-id ").append(machineId.trimmed())),
                 log.constData());

        QList<QByteArray> datagrams;
        QVERIFY(sink.waitFor(4, datagrams));
        const QByteArray &last = datagrams.last();
        const Decoded d = decode(reinterpret_cast<const std::uint8_t *>(last.constData()),
                                 std::size_t(last.size()));
        QCOMPARE(int(d.announcement.state), int(AgentState::Online));
        QCOMPARE(formatIpv4(d.announcement.ip), std::string("192.168.1.177"));
        QCOMPARE(d.announcement.hostname, std::string("vm177"));
    }

    void stopSignalWhileWaiting() {
        FixtureTree tree;
        QVERIFY(tree.create(u"busybox_fw_cfg"_s, 9));
        QVERIFY(tree.write(QString::fromLatin1(kFwCfgPath), "template=yes\n"));
        QProcess agent;
        agent.start(AgentProcess::binary(), {u"--root"_s, tree.root(), u"--foreground"_s});
        agent.setReadChannel(QProcess::StandardError); // where the agent logs
        QVERIFY(agent.waitForStarted());
        QByteArray log;
        while (!log.contains(kReady)) {
            QVERIFY2(agent.waitForReadyRead(20000), log.constData());
            log += agent.readAllStandardError();
        }
        agent.terminate();
        QVERIFY(agent.waitForFinished(20000));
        QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
        QCOMPARE(agent.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAgentTemplateMode)
#include "tst_agent_template_mode.moc"
