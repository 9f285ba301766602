// A real AnnouncementListener on 127.0.0.1 (port chosen by the system) with a real
// inventory file and cluster secret; a QUdpSocket plays the guests. The inventory,
// read through a second connection, is the judge of what happened.

#include "listener/announcement_listener.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <vector>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// The VMs' addresses are data inside the datagrams; every packet goes to 127.0.0.1.
Ipv4Address ip(quint32 suffix) {
    return Ipv4Address(0xC6336400u + suffix);
} // 198.51.100.x

protocol::BootId boot(std::uint8_t fill) {
    protocol::BootId b;
    b.fill(fill);
    return b;
}

QString bootHex(std::uint8_t fill) {
    const auto b = boot(fill);
    return QString::fromStdString(protocol::toHex(b.data(), b.size()));
}

protocol::Announcement announcement(quint32 suffix, protocol::AgentState state,
                                    std::uint8_t bootFill, std::uint64_t sequence,
                                    std::uint32_t boots, std::string detail = {}) {
    protocol::Announcement a;
    a.state = state;
    a.ip = ip(suffix).toUInt();
    a.mac = protocol::macForIpv4(a.ip);
    a.hostname = "vm" + std::to_string(suffix);
    a.bootId = boot(bootFill);
    a.sequence = sequence;
    a.uptimeSeconds = 5;
    a.boots = boots;
    a.detail = std::move(detail);
    return a;
}

QByteArray bytes(const std::vector<std::uint8_t> &v) {
    return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size()));
}

} // namespace

class TestAnnouncementListener : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Inventory> m_inv; // the test's own connection
    std::optional<ClusterSecret> m_secret;
    QUdpSocket m_sender;
    qint64 m_vm177 = 0;
    qint64 m_vm178 = 0;

    AnnouncementListener::Options options() const {
        AnnouncementListener::Options o;
        o.address = QHostAddress::LocalHost;
        o.port = 0; // the system picks a free port; port() tells which
        o.inventoryPath = m_dir->filePath(u"inventory.db"_s);
        o.secretPath = m_dir->filePath(u"secret/cluster.key"_s);
        o.flushIntervalMs = 20;
        return o;
    }

    QByteArray sign(const protocol::Announcement &a, quint32 keySuffix = 0) const {
        // Each test VM's instance is its name (vm177).
        const Ipv4Address address = keySuffix ? ip(keySuffix) : Ipv4Address(a.ip);
        const protocol::Digest key =
            m_secret->keyFor(address, u"vm%1"_s.arg(address.toUInt() & 0xff));
        return bytes(protocol::encode(a, &key));
    }

    void send(const AnnouncementListener &listener, const QByteArray &datagram) {
        QCOMPARE(m_sender.writeDatagram(datagram, QHostAddress::LocalHost, listener.port()),
                 qint64(datagram.size()));
    }

    VmRecord row(qint64 id) const {
        auto vm = m_inv->vm(id);
        if (!vm || !vm->has_value())
            return {};
        return **vm;
    }
    QString stateOf(qint64 id) const { return vmStateName(row(id).state); }

    QStringList eventsOf(const QString &vmName) const {
        QStringList out;
        const auto events = m_inv->events();
        if (!events)
            return {u"cannot read events: "_s + events.error()};
        for (const auto &e : *events) {
            if (e.vmName == vmName)
                out.append(e.message);
        }
        return out;
    }

private Q_SLOTS:
    void init();
    void cleanup();

    void followsTheAgentToOnline();
    void anInstantCloneGoesFromResumingToOnline();
    void forgedDatagramsAreCountedAndChangeNothing();
    void unreachableWhenHeartbeatsStop();
    void aNewListenerGivesEveryVmOneWindow();
    void secondListenerOnTheSamePortFails();
    void releasedElsewhereIsNotMovedBackOnline();
    void followsReleasesWithoutARejection();
    void acceptedIsCountedWhenWrittenAndNeverTwice();
    void aStateFloodIsLoggedWithinAPerVmBudget();
    void rejectionsAreLoggedWithinABudgetOfTheirOwn();
    void aConsoleAddressNotOfThisHostIsNamed();
    void aListenerThatCannotBindChangesNothing();
};

// Issue "One truth…": a second console on the same data folder found the port taken,
// and at its close its listener judged liveness from its own clock and wrote every VM
// `unreachable`. Only the process that holds the port judges liveness; one that could
// not bind writes nothing, whatever it would judge (here: every heartbeat is too old).
void TestAnnouncementListener::aListenerThatCannotBindChangesNothing() {
    using protocol::AgentState;
    AnnouncementListener first(options());
    QVERIFY(first.start());
    send(first, sign(announcement(177, AgentState::Online, 0xA1, 1, 1)));
    QTRY_COMPARE(stateOf(m_vm177), u"online"_s);
    {
        auto o = options();
        o.port = first.port();
        o.unreachableAfterMs = 0;
        AnnouncementListener second(o);
        QVERIFY(!second.start());
    }
    QCOMPARE(stateOf(m_vm177), u"online"_s);
    first.flush();
    QCOMPARE(stateOf(m_vm177), u"online"_s);

    // A wrong `unreachable` written by another process is corrected by the next
    // heartbeat: the listener follows the inventory, so it knows what it has to correct.
    QVERIFY(m_inv->setState(m_vm177, VmState::Unreachable, u"no heartbeat for 142 s"_s));
    first.flush(); // the tick that follows the inventory
    send(first, sign(announcement(177, AgentState::Online, 0xA1, 2, 1)));
    QTRY_COMPARE(stateOf(m_vm177), u"online"_s);
}

// Finding 4: the replay state (boot id, sequence) is written in the same transaction as
// the datagram's effect; "accepted" counts a datagram once that transaction committed.
// After a restart the committed datagram is a replay. (One whose tick never committed,
// the listener killed first, had no effect: it is accepted once, after the restart.)
void TestAnnouncementListener::acceptedIsCountedWhenWrittenAndNeverTwice() {
    using protocol::AgentState;
    QVERIFY(m_inv->setState(m_vm177, VmState::Online));
    auto o = options();
    o.flushIntervalMs = 3'600'000; // only the test's flush() writes
    const QByteArray heartbeat = sign(announcement(177, AgentState::Online, 0xA1, 7, 1));
    {
        AnnouncementListener listener(o);
        QVERIFY(listener.start());
        send(listener, heartbeat);
        QTRY_COMPARE(listener.stats().received, quint64(1));
        QCOMPARE(listener.stats().accepted, quint64(0)); // not written yet
        QCOMPARE(row(m_vm177).lastSequence, qint64(0));
        listener.flush();
        QCOMPARE(listener.stats().accepted, quint64(1));
        QCOMPARE(row(m_vm177).lastSequence, qint64(7));
        QCOMPARE(row(m_vm177).bootId, bootHex(0xA1));
    }
    AnnouncementListener restarted(o);
    QVERIFY(restarted.start());
    send(restarted, heartbeat);
    QTRY_COMPARE(restarted.stats().received, quint64(1));
    QCOMPARE(restarted.stats().rejected[int(RejectReason::Replayed)], quint64(1));
    QCOMPARE(restarted.stats().accepted, quint64(0));
}

// Finding 6: a guest holding its own key flips its state as fast as it can. Its row
// follows (within its VM's rate budget), but the event log takes at most the budget a
// minute for it, then one line saying how many were held; other VMs log as before.
void TestAnnouncementListener::aStateFloodIsLoggedWithinAPerVmBudget() {
    using protocol::AgentState;
    auto o = options();
    o.eventsPerVmPerMinute = 5;
    qint64 total = 0;
    {
        AnnouncementListener listener(o);
        QVERIFY(listener.start());
        for (std::uint64_t seq = 1; seq <= 60; ++seq)
            send(listener,
                 sign(announcement(177, seq % 2 ? AgentState::Online : AgentState::Configuring,
                                   0xA1, seq, 1)));
        QTRY_COMPARE(listener.stats().received, quint64(60));
        listener.flush();
        QCOMPARE(eventsOf(u"vm177"_s).size(), 5);
        QVERIFY(listener.stats().eventsHeld > 0);
        total = qint64(listener.stats().eventsHeld);
        send(listener, sign(announcement(178, AgentState::Online, 0xB1, 1, 1)));
        QTRY_COMPARE(eventsOf(u"vm178"_s).size(), 1);
    } // the listener's end summarises what it held
    const QStringList logged = eventsOf(u"vm177"_s);
    QCOMPARE(logged.size(), 6);
    QVERIFY2(logged.last().startsWith(u"%1 more state changes"_s.arg(total))
                 && logged.last().contains(u"at most 5 a minute"_s),
             qPrintable(logged.last()));
}

// Finding 10: a golden's console address that is not this host's cannot be listened
// on; the listener says so and listens where it can (the VMware test in its own network
// namespace shows a console address of this host being listened on).
// A flood of forgeries naming one VM: a few of them are its events, the rest summarised
// once, and its own state changes are still logged (their budget is apart).
void TestAnnouncementListener::rejectionsAreLoggedWithinABudgetOfTheirOwn() {
    using protocol::AgentState;
    {
        AnnouncementListener listener(options());
        QVERIFY(listener.start());
        for (std::uint64_t seq = 1; seq <= 40; ++seq)
            send(listener, sign(announcement(177, AgentState::Online, 0xA1, seq, 1), 178));
        QTRY_COMPARE(listener.stats().received, quint64(40));
        listener.flush();
        QCOMPARE(eventsOf(u"vm177"_s).size(), 5);
        send(listener, sign(announcement(177, AgentState::Online, 0xA1, 1, 1)));
        QTRY_COMPARE(listener.stats().accepted, quint64(1));
        QTRY_COMPARE(eventsOf(u"vm177"_s).size(), 6);
        QVERIFY(!eventsOf(u"vm177"_s).last().startsWith(u"announcement rejected"_s));
    } // the listener's end summarises what it held
    const QStringList logged = eventsOf(u"vm177"_s);
    QCOMPARE(logged.size(), 7);
    QVERIFY2(logged.last().startsWith(u"35 more rejected announcements in a minute"_s),
             qPrintable(logged.last()));
}

void TestAnnouncementListener::aConsoleAddressNotOfThisHostIsNamed() {
    GoldenRecord g;
    g.name = u"bridged"_s;
    g.backend = u"vmware"_s;
    g.path = m_dir->filePath(u"bridged.vmx"_s);
    g.subnet = Subnet::parse(u"203.0.113.0/24").value();
    g.address = Ipv4Address(0xCB007110u);
    g.consoleAddress = Ipv4Address(0xCB007101u); // 203.0.113.1: not an address here
    QVERIFY(m_inv->addGolden(g));
    AnnouncementListener listener(options());
    QVERIFY(listener.start());
    QCOMPARE(listener.listeningOn(), QStringList{u"127.0.0.1:%1"_s.arg(listener.port())});
}

// Finding 5: the listener used to reload the VMs only when a datagram was rejected, so it
// counted the heartbeats of a VM released elsewhere as accepted. Now it follows the
// inventory (data_version) every tick.
void TestAnnouncementListener::followsReleasesWithoutARejection() {
    using protocol::AgentState;
    AnnouncementListener listener(options());
    QVERIFY(listener.start());
    send(listener, sign(announcement(177, AgentState::Online, 0xA1, 1, 1)));
    QTRY_COMPARE(listener.stats().accepted, quint64(1));
    listener.flush();
    QCOMPARE(stateOf(m_vm177), u"online"_s);

    // Another connection (the CLI's release) removes the row.
    QVERIFY(m_inv->removeVm(m_vm177));
    listener.flush(); // the tick that follows the inventory

    send(listener, sign(announcement(177, AgentState::Online, 0xA1, 2, 1)));
    QTRY_COMPARE(listener.stats().received, quint64(2));
    QCOMPARE(listener.stats().accepted, quint64(1));
    QCOMPARE(listener.stats().rejected[static_cast<int>(RejectReason::UnknownVm)], quint64(1));
    listener.flush();
    QVERIFY(!m_inv->vm(m_vm177)->has_value());
}

void TestAnnouncementListener::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto secret = ClusterSecret::loadOrCreate(options().secretPath);
    QVERIFY2(secret, qPrintable(secret.error()));
    m_secret = *secret;
    auto inv = Inventory::open(options().inventoryPath);
    QVERIFY2(inv, qPrintable(inv.error()));
    m_inv = std::move(*inv);

    const QString shardPath = m_dir->filePath(u"shard"_s);
    auto shard = m_inv->addShard(shardPath, 1.0);
    QVERIFY(shard);
    GoldenRecord g;
    g.name = u"vm176"_s;
    g.backend = u"qemu"_s;
    g.path = m_dir->filePath(u"vm176.json"_s);
    g.subnet = Subnet::parse(u"198.51.100.0/24").value();
    g.address = ip(176);
    auto golden = m_inv->addGolden(g);
    QVERIFY2(golden, qPrintable(golden.error()));
    QList<VmRecord> vms;
    for (quint32 s : {177u, 178u}) {
        VmRecord vm;
        vm.name = u"vm%1"_s.arg(s);
        vm.address = ip(s);
        vm.mac = MacAddress::forIpv4(vm.address);
        vm.goldenId = *golden;
        vm.shardId = *shard;
        vm.folder = shardPath + u'/' + vm.name;
        vm.cloneMode = u"linked"_s;
        vm.instance = vm.name;
        vms.append(vm);
    }
    auto r = m_inv->reserve(vms);
    QVERIFY2(r && r->taken.size() == 2, r ? "not all taken" : qPrintable(r.error()));
    m_vm177 = r->taken[0].id;
    m_vm178 = r->taken[1].id;
    QVERIFY(m_inv->setState(m_vm177, VmState::Booting));
    QVERIFY(m_inv->setState(m_vm178, VmState::Booting));
}

void TestAnnouncementListener::cleanup() {
    m_inv.reset();
    m_dir.reset();
}

void TestAnnouncementListener::followsTheAgentToOnline() {
    using protocol::AgentState;
    AnnouncementListener listener(options());
    auto started = listener.start();
    QVERIFY2(started, qPrintable(started.error()));
    QVERIFY(listener.port() != 0);
    QSignalSpy updated(&listener, &AnnouncementListener::vmsUpdated);

    send(listener,
         sign(announcement(177, AgentState::Configuring, 0xA1, 1, 1, "writing ifupdown")));
    QVERIFY(updated.wait(5000));
    VmRecord vm = row(m_vm177);
    QCOMPARE(vmStateName(vm.state), u"configuring"_s);
    QCOMPARE(vm.reason, u"writing ifupdown"_s);
    QCOMPARE(vm.bootId, bootHex(0xA1));
    QCOMPARE(vm.lastSequence, qint64(1));
    QCOMPARE(vm.boots, 1);
    QVERIFY(vm.lastSeen.isValid());
    const auto first = updated.takeFirst().at(0).value<QList<VmUpdate>>();
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().vmId, m_vm177);
    QVERIFY(first.first().state.has_value());
    QCOMPARE(vmStateName(*first.first().state), u"configuring"_s);

    send(listener, sign(announcement(177, AgentState::Rebooting, 0xA1, 2, 1)));
    QVERIFY(updated.wait(5000));
    QCOMPARE(stateOf(m_vm177), u"rebooting"_s);
    QVERIFY(!row(m_vm177).onlineAt.isValid());

    // After the reboot the agent starts again: a new boot id, counting one more boot.
    send(listener,
         sign(announcement(177, AgentState::Online, 0xB2, 1, 2, "eth0 198.51.100.177/24")));
    QVERIFY(updated.wait(5000));
    vm = row(m_vm177);
    QCOMPARE(vmStateName(vm.state), u"online"_s);
    QCOMPARE(vm.bootId, bootHex(0xB2));
    QCOMPARE(vm.boots, 2);
    QCOMPARE(vm.lastSequence, qint64(1));
    QVERIFY(vm.onlineAt.isValid());
    QCOMPARE(stateOf(m_vm178), u"booting"_s); // the other VM was not touched

    QCOMPARE(eventsOf(u"vm177"_s), (QStringList{u"configuring: writing ifupdown"_s, u"rebooting"_s,
                                                u"online: eth0 198.51.100.177/24"_s}));
    QCOMPARE(listener.stats().accepted, quint64(3));
    QCOMPARE(listener.stats().rejectedTotal(), quint64(0));
}

// An instant clone (docs/instant-clones.md) is "resuming" from its start until online:
// what its agent says on the way (configuring) is not shown, and online is written.
void TestAnnouncementListener::anInstantCloneGoesFromResumingToOnline() {
    using protocol::AgentState;
    QVERIFY(m_inv->setState(m_vm177, VmState::Resuming));
    AnnouncementListener listener(options());
    auto started = listener.start();
    QVERIFY2(started, qPrintable(started.error()));
    send(listener, sign(announcement(177, AgentState::Configuring, 0xC3, 1, 1, "live")));
    send(listener,
         sign(announcement(177, AgentState::Online, 0xC3, 2, 1, "eth0 198.51.100.177/24")));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(m_vm177), u"online"_s, 5000);
    QVERIFY(row(m_vm177).onlineAt.isValid());
    QCOMPARE(eventsOf(u"vm177"_s), (QStringList{u"online: eth0 198.51.100.177/24"_s}));
}

void TestAnnouncementListener::forgedDatagramsAreCountedAndChangeNothing() {
    using protocol::AgentState;
    AnnouncementListener listener(options());
    QVERIFY(listener.start());
    QSignalSpy updated(&listener, &AnnouncementListener::vmsUpdated);
    QSignalSpy statsSpy(&listener, &AnnouncementListener::statsChanged);

    const auto online = announcement(177, AgentState::Online, 0xA1, 1, 1);
    send(listener, sign(online, 178));                                       // another VM's key
    send(listener, bytes(protocol::encode(online, nullptr)));                // unsigned
    send(listener, "GET / HTTP/1.1\r\n\r\n"_ba);                             // not vmeclone
    send(listener, sign(online).left(40));                                   // truncated
    send(listener, sign(announcement(200, AgentState::Online, 0xA1, 1, 1))); // unknown VM
    auto wrongMac = online;
    wrongMac.mac = protocol::macForIpv4(ip(178).toUInt());
    send(listener, sign(wrongMac)); // MAC mismatch
    QTRY_COMPARE(listener.stats().received, quint64(6));
    listener.flush();

    const ListenerStats &s = listener.stats();
    auto count = [&s](RejectReason r) {
        return s.rejected[static_cast<int>(r)];
    };
    QCOMPARE(count(RejectReason::BadSignature), quint64(1));
    QCOMPARE(count(RejectReason::Unsigned), quint64(1));
    QCOMPARE(count(RejectReason::BadMagic), quint64(1));
    QCOMPARE(count(RejectReason::Truncated), quint64(1));
    QCOMPARE(count(RejectReason::UnknownVm), quint64(1));
    QCOMPARE(count(RejectReason::MacMismatch), quint64(1));
    QCOMPARE(s.accepted, quint64(0));
    QCOMPARE(s.rejectedTotal(), quint64(6));
    QVERIFY(statsSpy.count() >= 1);
    QCOMPARE(statsSpy.last().at(0).value<ListenerStats>().rejectedTotal(), quint64(6));

    QCOMPARE(updated.count(), 0);
    const VmRecord vm = row(m_vm177);
    QCOMPARE(vmStateName(vm.state), u"booting"_s);
    QVERIFY(vm.bootId.isEmpty());
    QVERIFY(!vm.lastSeen.isValid());
    // Those that name vm177 are its events (the VM page shows them), each with why; the
    // others name no VM of this inventory.
    const QStringList said = eventsOf(u"vm177"_s);
    QCOMPARE(said.size(), 3);
    QVERIFY2(said[0].startsWith(u"announcement rejected: bad signature: not signed with this "
                                u"VM's key"_s)
                 && said[0].contains(u"(from 127.0.0.1:"_s),
             qPrintable(said[0]));
    QVERIFY2(said[1].startsWith(u"announcement rejected: not signed"_s), qPrintable(said[1]));
    QVERIFY2(said[2].startsWith(u"announcement rejected: its MAC is not the one"_s),
             qPrintable(said[2]));
    const auto events = m_inv->events(); // kept: the loop reads into it
    QVERIFY(events.ok());
    QCOMPARE(events->size(), 3);
    for (const auto &e : *events)
        QCOMPARE(e.level, u"warning"_s);

    // A genuine datagram, then the same bytes again: the copy counts as replayed.
    const QByteArray genuine = sign(online);
    send(listener, genuine);
    QVERIFY(updated.wait(5000));
    send(listener, genuine);
    QTRY_COMPARE(listener.stats().received, quint64(8));
    QCOMPARE(count(RejectReason::Replayed), quint64(1));
    QCOMPARE(listener.stats().accepted, quint64(1));
    QCOMPARE(row(m_vm177).lastSequence, qint64(1));
}

void TestAnnouncementListener::unreachableWhenHeartbeatsStop() {
    using protocol::AgentState;
    auto o = options();
    o.unreachableAfterMs = 300;
    AnnouncementListener listener(o);
    QVERIFY(listener.start());
    QSignalSpy updated(&listener, &AnnouncementListener::vmsUpdated);

    send(listener, sign(announcement(177, AgentState::Online, 0xA1, 1, 1)));
    QVERIFY(updated.wait(5000));
    QCOMPARE(stateOf(m_vm177), u"online"_s);
    const VmRecord online = row(m_vm177);
    QVERIFY(online.onlineAt.isValid());

    QTRY_COMPARE_WITH_TIMEOUT(stateOf(m_vm177), u"unreachable"_s, 10000);
    const VmRecord lost = row(m_vm177);
    QVERIFY2(lost.reason.startsWith(u"no heartbeat for "_s), qPrintable(lost.reason));
    // What was last seen stays: it is what the console shows and what refuses replays.
    QCOMPARE(lost.bootId, bootHex(0xA1));
    QCOMPARE(lost.lastSequence, qint64(1));
    QCOMPARE(lost.lastSeen, online.lastSeen);
    const QStringList events = eventsOf(u"vm177"_s);
    QCOMPARE(events.size(), 2);
    QVERIFY2(events.last().startsWith(u"unreachable: no heartbeat for "_s),
             qPrintable(events.last()));
    QCOMPARE(stateOf(m_vm178), u"booting"_s); // never online: never unreachable

    // The heartbeat comes back within the same boot: online again, online since before.
    send(listener, sign(announcement(177, AgentState::Online, 0xA1, 2, 1)));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(m_vm177), u"online"_s, 5000);
    QCOMPARE(row(m_vm177).onlineAt, online.onlineAt);
    QCOMPARE(row(m_vm177).lastSequence, qint64(2));
}

// A VM last heard a minute ago, while no process listened (between a CLI's listener and a
// console's): its guest did not stop, nobody heard it. A listener that starts now gives it
// one full window from its own start before calling it unreachable.
void TestAnnouncementListener::aNewListenerGivesEveryVmOneWindow() {
    QVERIFY(m_inv->setState(m_vm177, VmState::Online));
    VmUpdate seen;
    seen.vmId = m_vm177;
    seen.lastSeen = QDateTime::currentDateTime().addSecs(-60);
    QVERIFY(m_inv->apply({seen}));
    auto o = options();
    o.unreachableAfterMs = 2000;
    AnnouncementListener listener(o);
    QVERIFY(listener.start());
    listener.flush();
    QCOMPARE(stateOf(m_vm177), u"online"_s);
    // Still silent a window later: now it is unreachable.
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(m_vm177), u"unreachable"_s, 10000);
}

void TestAnnouncementListener::secondListenerOnTheSamePortFails() {
    AnnouncementListener first(options());
    QVERIFY(first.start());
    auto o = options();
    o.port = first.port();
    AnnouncementListener second(o);
    auto s = second.start();
    QVERIFY(!s);
    const QString where = u"127.0.0.1:%1"_s.arg(first.port());
    QVERIFY2(s.error().contains(where), qPrintable(s.error()));
    QVERIFY2(s.error().startsWith(u"cannot listen for announcements on "_s), qPrintable(s.error()));

    // The first one still hears the guests.
    QSignalSpy updated(&first, &AnnouncementListener::vmsUpdated);
    send(first, sign(announcement(177, protocol::AgentState::Online, 0xA1, 1, 1)));
    QVERIFY(updated.wait(5000));
    QCOMPARE(stateOf(m_vm177), u"online"_s);
}

void TestAnnouncementListener::releasedElsewhereIsNotMovedBackOnline() {
    using protocol::AgentState;
    AnnouncementListener listener(options());
    QVERIFY(listener.start());
    QSignalSpy updated(&listener, &AnnouncementListener::vmsUpdated);

    // The listener last read vm177 as booting; the CLI (another connection) releases it.
    auto moved = m_inv->transition(m_vm177, VmState::Booting, VmState::Releasing, u"release 177"_s);
    QVERIFY(moved && *moved);

    send(listener, sign(announcement(177, AgentState::Online, 0xA1, 1, 1)));
    QTRY_COMPARE(listener.stats().received, quint64(1));
    listener.flush();
    QCOMPARE(stateOf(m_vm177), u"releasing"_s);
    QCOMPARE(row(m_vm177).reason, u"release 177"_s);
    QVERIFY(!row(m_vm177).onlineAt.isValid());
    // Nobody is told it went online: not in the log, not in the signal.
    QCOMPARE(eventsOf(u"vm177"_s), QStringList());
    for (const auto &args : std::as_const(updated)) {
        for (const auto &u : args.at(0).value<QList<VmUpdate>>())
            QVERIFY(!(u.vmId == m_vm177 && u.state == VmState::Online));
    }

    // Later announcements of that guest are refused as not running.
    send(listener, sign(announcement(177, AgentState::Online, 0xA1, 2, 1)));
    QTRY_COMPARE(listener.stats().received, quint64(2));
    listener.flush();
    QCOMPARE(listener.stats().rejected[static_cast<int>(RejectReason::NotRunning)], quint64(1));
    QCOMPARE(stateOf(m_vm177), u"releasing"_s);
}

QTEST_GUILESS_MAIN(TestAnnouncementListener)
#include "tst_announcement_listener.moc"
