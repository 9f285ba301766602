// A VMware clone reaches `online` from a datagram sent to its golden's console address:
// the listener binds loopback and every console address of the registered goldens that
// belongs to this host, and follows goldens added later. VMware is the vmrun contract
// double; the console address is a loopback alias this test adds inside its own network
// namespace (CTest starts it under unshare --net), so nothing leaves this host.

#include "support/own_network.h"
#include "cli_runner.h"
#include "identity/mac_address.h"
#include "protocol/announcement.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

const char kGoldenVmx[] = R"(.encoding = "UTF-8"
config.version = "8"
virtualHW.version = "19"
displayName = "vm176"
guestOS = "centos7-64"
memsize = "512"
scsi0.present = "TRUE"
scsi0.virtualDev = "lsilogic"
scsi0:0.present = "TRUE"
scsi0:0.fileName = "vm176.vmdk"
ethernet0.present = "TRUE"
ethernet0.connectionType = "bridged"
ethernet0.virtualDev = "e1000"
ethernet0.addressType = "generated"
ethernet0.generatedAddress = "00:0c:29:c5:d6:e7"
uuid.bios = "56 4d 1a 2b 3c 4d 5e 6f-70 81 92 a3 b4 c5 d6 e7"
cleanShutdown = "TRUE"
)";

// TEST-NET-1 (RFC 5737): documentation only, and here an alias inside our namespace.
constexpr auto kConsole = "192.0.2.10";

} // namespace

class TestVmwareOnline : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CliRunner> m_cli;
    QProcess m_listener;
    QByteArray m_said; // the listener's stderr so far
    quint16 m_port = 0;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    QJsonObject vm(const QString &name) const {
        for (const auto &v : m_cli->run({u"list"_s, u"--json"_s}).json().array())
            if (v.toObject().value(u"name"_s).toString() == name)
                return v.toObject();
        return {};
    }

    bool listenerSaid(const QByteArray &text) {
        m_said += m_listener.readAllStandardError();
        return m_said.contains(text);
    }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
        QVERIFY(m_dir.isValid());
        QCOMPARE(QProcess::execute(u"ip"_s, {u"addr"_s, u"add"_s, u"%1/32"_s.arg(QLatin1StringView(kConsole)),
                                             u"dev"_s, u"lo"_s}),
                 0);
        for (const auto &folder : {u"golden/vm176"_s, u"shard"_s, u"bin"_s})
            QVERIFY(QDir().mkpath(path(folder)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"vmdk"_s,
                                                   u"-o"_s, u"subformat=monolithicSparse"_s,
                                                   path(u"golden/vm176/vm176.vmdk"_s), u"64M"_s}),
                 0);
        QFile vmx(path(u"golden/vm176/vm176.vmx"_s));
        QVERIFY(vmx.open(QIODevice::WriteOnly));
        vmx.write(kGoldenVmx);
        vmx.close();
        QVERIFY(QFile::link(QStringLiteral(FAKE_VMRUN), path(u"bin/vmrun"_s)));
        qputenv("VMECLONE_VMRUN", path(u"bin/vmrun"_s).toUtf8());
        qputenv("FAKE_VMRUN_STATE", path(u"vmrun.state"_s).toUtf8());
        qputenv("FAKE_VMRUN_LOG", path(u"vmrun.log"_s).toUtf8());
        qunsetenv("VMECLONE_CONSOLE_ADDRESS");

        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        m_port = probe.localPort();
        probe.close();
        m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s), m_port);
        QCOMPARE(m_cli->run({u"shard"_s, u"add"_s, path(u"shard"_s)}).exitCode, 0);
    }

    void cleanupTestCase() {
        if (m_cli)
            m_cli->run({u"release"_s, u"177"_s});
        if (m_listener.state() == QProcess::Running) {
            m_listener.terminate();
            m_listener.waitForFinished(10000);
        }
    }

    // The listener starts before the golden exists: it learns the console address
    // from the inventory and listens there too, and says so.
    void listensOnAConsoleAddressAddedLater() {
        m_listener.setProcessEnvironment(m_cli->environment());
        m_listener.start(m_cli->program(), {u"listen"_s, u"--json"_s});
        QVERIFY(m_listener.waitForStarted());
        const QByteArray loopbackOnly = "listening for announcements on 127.0.0.1:"
                                        + QByteArray::number(m_port) + " (";
        QTRY_VERIFY_WITH_TIMEOUT(listenerSaid(loopbackOnly)
                                     || m_listener.state() != QProcess::Running,
                                 10000);
        QVERIFY2(m_listener.state() == QProcess::Running, m_said.constData());

        const auto added = m_cli->run({u"golden"_s, u"add"_s, path(u"golden/vm176/vm176.vmx"_s),
                                       u"--suffix"_s, u"176"_s, u"--subnet"_s, u"192.0.2.0/24"_s,
                                       u"--console-address"_s, QString::fromLatin1(kConsole)});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QByteArray both = "on 127.0.0.1:" + QByteArray::number(m_port) + ", " + kConsole
                                + ":" + QByteArray::number(m_port) + " now";
        QTRY_VERIFY_WITH_TIMEOUT(listenerSaid(both), 15000);
    }

    // A clone made through the double is `booting`; one signed datagram of its guest,
    // sent to the console address (as a bridged guest would), makes it `online`.
    void aDatagramToTheConsoleAddressBringsItOnline() {
        const auto cloned = m_cli->run({u"clone"_s, u"177"_s});
        QVERIFY2(cloned.exitCode == 0, qPrintable(cloned.err));
        const QJsonObject row = vm(u"vm177"_s);
        QCOMPARE(row.value(u"state"_s).toString(), u"booting"_s);

        QFile vmx(row.value(u"folder"_s).toString() + u"/vm177.vmx"_s);
        QVERIFY(vmx.open(QIODevice::ReadOnly));
        const auto match = QRegularExpression(u"guestinfo\\.vmeclone\\.key = \"([0-9a-f]{64})\""_s)
                               .match(QString::fromUtf8(vmx.readAll()));
        QVERIFY(match.hasMatch());
        protocol::Digest key{};
        QVERIFY(protocol::fromHex(match.captured(1).toStdString(), key.data(), key.size()));

        const Ipv4Address ip = *Ipv4Address::parse(u"192.0.2.177");
        protocol::Announcement a;
        a.state = protocol::AgentState::Online;
        a.ip = ip.toUInt();
        a.mac = MacAddress::forIpv4(ip).bytes();
        a.hostname = "vm177";
        a.detail = "eth0 192.0.2.177/24";
        a.boots = 1;
        a.sequence = 1;
        a.bootId.fill(0x5a);
        const auto datagram = protocol::encode(a, &key);
        QUdpSocket socket;
        QCOMPARE(socket.writeDatagram(reinterpret_cast<const char *>(datagram.data()),
                                      qint64(datagram.size()),
                                      QHostAddress(QString::fromLatin1(kConsole)), m_port),
                 qint64(datagram.size()));
        QTRY_COMPARE_WITH_TIMEOUT(vm(u"vm177"_s).value(u"state"_s).toString(), u"online"_s,
                                  15000);

        m_listener.terminate();
        QVERIFY(m_listener.waitForFinished(10000));
        const auto stats = QJsonDocument::fromJson(m_listener.readAllStandardOutput()).object();
        QCOMPARE(stats.value(u"accepted"_s).toInt(), 1);
        QCOMPARE(stats.value(u"listening_on"_s).toArray().size(), 2);
        QCOMPARE(m_cli->run({u"release"_s, u"177"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestVmwareOnline)
#include "tst_vmware_online.moc"
