// hostAddresses() and candidatesIn(): the filter on given lists (not the machine's), and
// the machine's list against what `ip` shows of it.

#include "net/host_addresses.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using vmeclone::HostAddress;
using vmeclone::Ipv4Address;
using vmeclone::Subnet;

namespace {

HostAddress on(const QString &address, const QString &interface) {
    return HostAddress{*Ipv4Address::parse(address), interface, interface == u"lo"_s};
}

// "192.0.2.2 eth0, 127.0.0.1 lo": what a test compares.
QString text(const QList<HostAddress> &addresses) {
    QStringList out;
    for (const HostAddress &a : addresses)
        out << a.address.toString() + u' ' + a.interfaceName;
    return out.join(u", "_s);
}

} // namespace

class TstHostAddresses : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void candidatesIn_data() {
        QTest::addColumn<QList<HostAddress>>("addresses");
        QTest::addColumn<QString>("subnet");
        QTest::addColumn<QString>("excluding"); // empty: none
        QTest::addColumn<QString>("candidates");
        const QList<HostAddress> host{on(u"192.0.2.2"_s, u"eth0"_s),
                                      on(u"198.51.100.7"_s, u"eth1"_s),
                                      on(u"192.0.2.3"_s, u"br0"_s), on(u"127.0.0.1"_s, u"lo"_s)};
        QTest::newRow("two in the subnet, in the list's order")
            << host << u"192.0.2.0/24"_s << QString() << u"192.0.2.2 eth0, 192.0.2.3 br0"_s;
        QTest::newRow("one elsewhere")
            << host << u"198.51.100.0/24"_s << QString() << u"198.51.100.7 eth1"_s;
        QTest::newRow("none") << host << u"203.0.113.0/24"_s << QString() << QString();
        QTest::newRow("not the golden's own address")
            << host << u"192.0.2.0/24"_s << u"192.0.2.2"_s << u"192.0.2.3 br0"_s;
        QTest::newRow("the loopback only in its own subnet")
            << host << u"127.0.0.0/8"_s << QString() << u"127.0.0.1 lo"_s;
        QTest::newRow("a smaller subnet")
            << host << u"192.0.2.0/30"_s << QString() << u"192.0.2.2 eth0"_s;
        // Not where a guest may announce itself: the subnet's network and broadcast.
        QTest::newRow("network and broadcast")
            << QList<HostAddress>{on(u"192.0.2.0"_s, u"eth0"_s), on(u"192.0.2.255"_s, u"eth1"_s),
                                  on(u"192.0.2.254"_s, u"eth2"_s)}
            << u"192.0.2.0/24"_s << QString() << u"192.0.2.254 eth2"_s;
        // The same address on two interfaces (a bridge and its port): listed once, the first.
        QTest::newRow("an address twice")
            << QList<HostAddress>{on(u"192.0.2.9"_s, u"br0"_s), on(u"192.0.2.9"_s, u"eth0"_s)}
            << u"192.0.2.0/24"_s << QString() << u"192.0.2.9 br0"_s;
        QTest::newRow("no addresses")
            << QList<HostAddress>{} << u"192.0.2.0/24"_s << QString() << QString();
    }

    void candidatesIn() {
        QFETCH(QList<HostAddress>, addresses);
        QFETCH(QString, subnet);
        QFETCH(QString, excluding);
        QFETCH(QString, candidates);
        const auto parsed = Subnet::parse(subnet);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        const std::optional<Ipv4Address> golden =
            excluding.isEmpty() ? std::nullopt : Ipv4Address::parse(excluding);
        QCOMPARE(text(vmeclone::candidatesIn(addresses, *parsed, golden)), candidates);
    }

    void noSubnetNoCandidates() {
        QCOMPARE(vmeclone::candidatesIn({on(u"0.0.0.1"_s, u"eth0"_s)}, Subnet()).size(), 0);
    }

    // The machine's list is what `ip` (a real child process) shows of the interfaces that
    // are up, each address with its interface; the loopback's come last.
    void theMachinesAddressesAreWhatIpShows() {
        const QString ip = QStandardPaths::findExecutable(
            u"ip"_s, {u"/usr/sbin"_s, u"/sbin"_s, u"/usr/bin"_s, u"/bin"_s});
        QVERIFY2(!ip.isEmpty(), "ip is missing: install iproute2 (the tests' namespaces need it)");
        QProcess p;
        p.start(ip, {u"-4"_s, u"-o"_s, u"addr"_s, u"show"_s, u"up"_s});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        // "4: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\       valid_lft ..."
        static const QRegularExpression line(
            u"^\\d+:\\s+([^\\s@]+)\\S*\\s+inet\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)/"_s);
        QSet<QString> shown;
        for (const QString &l :
             QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts)) {
            const auto m = line.match(l);
            QVERIFY2(m.hasMatch(), qPrintable(l));
            shown.insert(m.captured(2) + u' ' + m.captured(1));
        }
        QVERIFY2(!shown.isEmpty(), "ip shows no IPv4 address, not even the loopback's");

        const QList<HostAddress> listed = vmeclone::hostAddresses();
        QSet<QString> ours;
        for (const HostAddress &a : listed)
            ours.insert(a.address.toString() + u' ' + a.interfaceName);
        QCOMPARE(ours, shown);
        // Loopback last: a guest's network comes first wherever the list is shown.
        bool loopback = false;
        for (const HostAddress &a : listed) {
            QVERIFY2(!loopback || a.loopback, qPrintable(text(listed)));
            loopback = a.loopback;
        }
    }
};

QTEST_GUILESS_MAIN(TstHostAddresses)
#include "tst_host_addresses.moc"
