// GuestView (guest_view.h) judged by outside tools: the SSH fingerprint against
// `ssh-keygen -l`, and the whole reading against Debian's own qemu-guest-agent run on
// this machine over a unix socket (qemu-ga -m unix-listen): the host name, machine-id,
// SSH host key and interfaces it reports are this machine's, read here another way.

#include "hypervisor/guest_view.h"
#include "hypervisor/qmp_client.h"
#include "support/ci_skip.h"

#include <QFile>
#include <QHostInfo>
#include <QLocalServer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

QString run(const QString &program, const QStringList &arguments) {
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(30'000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// "256 SHA256:abc… comment (ED25519)" -> "ED25519 SHA256:abc…"
QString keygenFingerprint(const QString &pubFile) {
    const QString line = run(u"ssh-keygen"_s, {u"-l"_s, u"-E"_s, u"sha256"_s, u"-f"_s, pubFile});
    const QStringList f = line.split(u' ', Qt::SkipEmptyParts);
    if (f.size() < 3)
        return {};
    QString type = f.last();
    type.remove(u'(').remove(u')');
    return type + u' ' + f.at(1);
}

} // namespace

class TestGuestView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fingerprintIsSshKeygens_data();
    void fingerprintIsSshKeygens();
    void defaultGatewayFromProcNetRoute();
    void nameServersInOrder();
    void disagreementsNameEachField();
    void aChannelWithNoAgentFailsSaying();
    void realQemuGuestAgentReadsThisMachine();
};

void TestGuestView::fingerprintIsSshKeygens_data() {
    QTest::addColumn<QString>("type");
    QTest::newRow("ed25519") << u"ed25519"_s;
    QTest::newRow("ecdsa") << u"ecdsa"_s;
    QTest::newRow("rsa") << u"rsa"_s;
}

void TestGuestView::fingerprintIsSshKeygens() {
    QFETCH(QString, type);
    if (QStandardPaths::findExecutable(u"ssh-keygen"_s).isEmpty())
        VMECLONE_SKIP_UNLESS_CI("ssh-keygen is missing: install openssh-client");
    QTemporaryDir dir;
    const QString key = dir.filePath(u"key"_s);
    QCOMPARE(QProcess::execute(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, type, u"-N"_s, QString(),
                                                 u"-C"_s, u"a comment"_s, u"-f"_s, key}),
             0);
    QFile pub(key + u".pub"_s);
    QVERIFY(pub.open(QIODevice::ReadOnly));
    const QString expected = keygenFingerprint(pub.fileName());
    QVERIFY(expected.contains(u"SHA256:"_s));
    QCOMPARE(guest_files::sshFingerprint(pub.readAll()), expected);
    QCOMPARE(guest_files::sshFingerprint("not a key"), QString());
}

void TestGuestView::defaultGatewayFromProcNetRoute() {
    // As Linux writes it: the gateway 10.0.2.2 is 0202000A in host (little-endian) order.
    const QByteArray route =
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
        "eth0\t0002000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
        "eth0\t00000000\t0202000A\t0003\t0\t0\t0\t00000000\t0\t0\t0\n";
    QCOMPARE(guest_files::defaultGateway(route), u"10.0.2.2"_s);
    QCOMPARE(guest_files::defaultGateway(route.first(route.indexOf("eth0\t0000"))), QString());
}

void TestGuestView::nameServersInOrder() {
    QCOMPARE(guest_files::nameServers("# made by us\nsearch lab\nnameserver 10.0.2.3\n"
                                      "nameserver   192.0.2.53 \noptions edns0\n"),
             (QStringList{u"10.0.2.3"_s, u"192.0.2.53"_s}));
}

void TestGuestView::disagreementsNameEachField() {
    VmRecord vm;
    vm.name = u"vm-177"_s;
    vm.address = *Ipv4Address::parse(u"192.168.1.177"_s);
    vm.mac = *MacAddress::parse(u"00:50:56:28:01:b1"_s);
    GoldenRecord golden;
    golden.gateway = *Ipv4Address::parse(u"192.168.1.1"_s);
    golden.dns = {*Ipv4Address::parse(u"192.168.1.53"_s)};
    GuestView view;
    view.hostname = u"vm-177.lab"_s; // a FQDN is the same name
    view.interfaces = {{u"eth0"_s, u"00:50:56:28:01:b1"_s, {u"192.168.1.177"_s}, {}}};
    view.defaultGateway = u"192.168.1.1"_s;
    view.nameServers = {u"192.168.1.53"_s};
    QCOMPARE(disagreements(view, vm, golden), QStringList());

    view.hostname = u"golden"_s;
    view.interfaces[0].ipv4 = {u"192.168.1.10"_s};
    view.nameServers = {};
    const QStringList found = disagreements(view, vm, golden);
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.at(0), u"hostname: the guest says golden, the inventory vm-177"_s);
    QCOMPARE(found.at(1), u"address: the guest says 192.168.1.10, the inventory 192.168.1.177"_s);
    QCOMPARE(found.at(2), u"dns: the guest says nothing, the inventory 192.168.1.53"_s);

    view.interfaces[0].mac = u"52:54:00:12:34:56"_s;
    QVERIFY(disagreements(view, vm, golden).at(1).startsWith(u"mac: the guest says 52:54:00"_s));
}

void TestGuestView::aChannelWithNoAgentFailsSaying() {
    // QEMU accepts a connection on the channel whether or not the guest runs an agent: a
    // server that accepts and never answers plays it.
    QTemporaryDir dir;
    QLocalServer server;
    QVERIFY(server.listen(dir.filePath(u"qga.sock"_s)));
    QmpClient agent;
    const auto s =
        agent.connectToGuestAgent(server.fullServerName(), std::chrono::milliseconds(300));
    QVERIFY(!s);
    QVERIFY2(s.error().contains(u"no guest agent answers"_s), qPrintable(s.error()));
}

void TestGuestView::realQemuGuestAgentReadsThisMachine() {
    const QString qemuGa =
        QStandardPaths::findExecutable(u"qemu-ga"_s, {u"/usr/sbin"_s, u"/usr/bin"_s});
    if (qemuGa.isEmpty())
        VMECLONE_SKIP_UNLESS_CI("qemu-ga is missing: install qemu-guest-agent");
    QTemporaryDir dir;
    const QString socket = dir.filePath(u"qga.sock"_s);
    QProcess ga;
    ga.setProcessChannelMode(QProcess::ForwardedChannels);
    ga.start(qemuGa, {u"--method=unix-listen"_s, u"--path="_s + socket,
                      u"--statedir="_s + dir.path(), u"--pidfile="_s + dir.filePath(u"ga.pid"_s)});
    QVERIFY(ga.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 10'000);

    QmpClient agent;
    // An earlier client's half-sent request is what the 0xFF reset is for.
    {
        QLocalSocket half;
        half.connectToServer(socket);
        QVERIFY(half.waitForConnected(5000));
        half.write("{\"execute\": \"guest-ping\"");
        half.waitForBytesWritten(1000);
        half.disconnectFromServer();
    }
    auto connected = agent.connectToGuestAgent(socket, std::chrono::milliseconds(10'000));
    QVERIFY2(connected, qPrintable(connected.error()));
    auto view = readGuestView(agent, std::chrono::milliseconds(10'000));
    QVERIFY2(view, qPrintable(view.error()));
    agent.close();
    ga.terminate();
    ga.waitForFinished(5000);

    QCOMPARE(view->hostname, QHostInfo::localHostName());
    QFile machineId(u"/etc/machine-id"_s);
    if (machineId.open(QIODevice::ReadOnly))
        QCOMPARE(view->machineId, QString::fromLatin1(machineId.readAll().trimmed()));
    const QString hostKey = u"/etc/ssh/ssh_host_ed25519_key.pub"_s;
    if (QFile::exists(hostKey))
        QCOMPARE(view->sshHostKey, keygenFingerprint(hostKey));
    QVERIFY(!view->kernel.isEmpty());
    QCOMPARE(view->kernel, run(u"uname"_s, {u"-r"_s}));
    // Every interface `ip` knows, with its MAC; loopback with 127.0.0.1.
    const QString links = run(u"ip"_s, {u"-o"_s, u"link"_s});
    QVERIFY(!view->interfaces.isEmpty());
    bool sawLoopback = false;
    for (const auto &nic : view->interfaces) {
        QVERIFY2(links.contains(u": "_s + nic.name), qPrintable(nic.name));
        if (nic.name == u"lo") {
            sawLoopback = true;
            QVERIFY(nic.ipv4.contains(u"127.0.0.1"_s));
        } else if (!nic.mac.isEmpty()) {
            QVERIFY2(links.contains(nic.mac), qPrintable(nic.name + u' ' + nic.mac));
        }
    }
    QVERIFY(sawLoopback);
    // The default route as iproute2 sees it.
    const QString route = run(u"ip"_s, {u"-4"_s, u"route"_s, u"show"_s, u"default"_s});
    const QStringList words = route.split(u' ', Qt::SkipEmptyParts);
    const qsizetype via = words.indexOf(u"via"_s);
    QCOMPARE(view->defaultGateway, via >= 0 ? words.value(via + 1) : QString());
    QFile resolv(u"/etc/resolv.conf"_s);
    if (resolv.open(QIODevice::ReadOnly))
        QCOMPARE(view->nameServers, guest_files::nameServers(resolv.readAll()));
    QVERIFY(view->toJson().value(u"interfaces"_s).isArray());
}

QTEST_GUILESS_MAIN(TestGuestView)
#include "tst_guest_view.moc"
