// Instant clones on QEMU (issue 15), on the real demo golden: a template boots with its
// RAM in a file until its agent, in template mode, stops before any identity; it is
// paused and its device state saved with x-ignore-shared. Four clones map that RAM
// privately, load the state through `-incoming defer` and resume without booting; each
// guest takes its own identity live and announces online. The template's files are byte
// for byte what they were before the clones ran.
//
// Must run in a network namespace of its own (CTest starts it under unshare --net).

#include "hypervisor/qemu_backend.h"
#include "hypervisor/qemu_instant.h"
#include "hypervisor/qmp_client.h"
#include "identity/mac_address.h"
#include "protocol/announcement.h"
#include "support/ci_skip.h"
#include "support/instant_template.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

using instant_test::pssKib;
using instant_test::templateHashes;

class TestInstantQemu : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (QStandardPaths::findExecutable(u"qemu-system-x86_64"_s).isEmpty())
            VMECLONE_SKIP_UNLESS_CI(
                "qemu-system-x86_64 is missing: apt-get install qemu-system-x86");
        QVERIFY2(QFileInfo::exists(QStringLiteral(VMECLONE_DEMO_GOLDEN)),
                 "the demo golden is missing: cmake --build build --target demo-golden");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_listener.bind(QHostAddress::LocalHost, 0));
        m_golden.name = u"vmeclone-demo"_s;
        m_golden.backend = u"qemu"_s;
        m_golden.path = QStringLiteral(VMECLONE_DEMO_GOLDEN);
        m_golden.subnet = *Subnet::parse(u"192.168.1.0/24");
        m_golden.address = *Ipv4Address::parse(u"192.168.1.176");
    }

    void refusesWithoutTemplate() {
        QemuBackend backend({});
        CloneRequest request;
        request.golden = m_golden;
        request.vm = clone(190);
        request.templateFolder = m_dir.filePath(u"no-template"_s);
        request.identity.set("ip", "192.168.1.190");
        auto made = backend.createClone(request, nullptr, {});
        QVERIFY(!made);
        QVERIFY2(made.error().contains(u"vmeclone golden template vmeclone-demo"_s),
                 qPrintable(made.error()));
        QVERIFY(!QFileInfo::exists(request.vm.folder));
    }

    void paddedIdentityHasOneSize() {
        protocol::KeyValueText a, b;
        a.set("ip", "10.0.0.1");
        b.set("ip", "192.168.100.200");
        b.set("hostname", "a-much-longer-hostname");
        const auto pa = qemu_instant::paddedIdentity(a.toText());
        const auto pb = qemu_instant::paddedIdentity(b.toText());
        QVERIFY(pa && pb);
        QCOMPARE(pa->size(), qemu_instant::kIdentityBytes);
        QCOMPARE(pb->size(), qemu_instant::kIdentityBytes);
        QVERIFY(pa->startsWith("ip=10.0.0.1\n#"));
        QVERIFY(!qemu_instant::paddedIdentity(std::string(qemu_instant::kIdentityBytes, 'x')));
    }

    // A golden whose agent does not stop (here: an identity without template=yes, which
    // the agent takes, as one without template mode takes any) is refused at once, naming
    // the cause, and nothing of the template is left.
    void refusesAnAgentWithoutTemplateMode() {
        const QString folder = m_dir.filePath(u"not-a-template"_s);
        QemuBackend backend({});
        protocol::KeyValueText identity;
        identity.set("version", "1");
        identity.set("ip", "192.168.1.176");
        identity.set("prefix", "24");
        auto made = backend.makeTemplate(m_golden, folder, identity,
                                         "vmeclone-agent: template: stopped before any identity",
                                         std::chrono::minutes(3));
        QVERIFY(!made);
        QVERIFY2(made.error().contains(u"has no template mode"_s), qPrintable(made.error()));
        QVERIFY(!QFileInfo::exists(folder));
    }

    // Four clones resume from one template; each guest's agent, in template mode until
    // then, takes its clone's identity live and announces online, signed, with its own
    // MAC, address, hostname and boot id (16 bytes read from /dev/urandom after the
    // resume: vmgenid reseeded each guest's generator differently) and its own fresh
    // machine-id (also from /dev/urandom after the resume, shown on its console).
    void clonesResumeFromOneTemplate() {
        const QString folder = m_dir.filePath(u"template"_s);
        QemuBackend backend({});
        protocol::KeyValueText templateIdentity;
        templateIdentity.set("version", "1");
        templateIdentity.set("template", "yes");
        QElapsedTimer clock;
        clock.start();
        auto made = backend.makeTemplate(m_golden, folder, templateIdentity,
                                         "vmeclone-agent: template: stopped before any identity",
                                         std::chrono::minutes(3));
        QVERIFY2(made, made ? "" : qPrintable(made.error()));
        qInfo("template made in %lld ms", static_cast<long long>(clock.elapsed()));
        const auto before = templateHashes(folder);
        for (const QByteArray &h : before)
            QVERIFY(!h.isEmpty());
        QVERIFY(!QFileInfo::exists(QemuBackend::qmpSocket(folder)));
        QVERIFY(QFileInfo(QemuBackend::templateState(folder)).size()
                < QFileInfo(QemuBackend::templateRam(folder)).size() / 10);
        QVERIFY(!m_listener.hasPendingDatagrams()); // the template announces nothing

        QList<VmRecord> clones{clone(181), clone(182), clone(183), clone(184)};
        QMap<quint32, protocol::Digest> keys; // by address
        QMap<quint32, qint64> pids;
        for (VmRecord &vm : clones) {
            protocol::Digest key{};
            for (auto &b : key)
                b = static_cast<std::uint8_t>(QRandomGenerator::global()->generate());
            keys.insert(vm.address.toUInt(), key);
            CloneRequest request;
            request.golden = m_golden;
            request.vm = vm;
            request.templateFolder = folder;
            request.identity.set("version", "1");
            request.identity.set("instance", vm.instance.toStdString());
            request.identity.set("ip", vm.address.toString().toStdString());
            request.identity.set("prefix", "24");
            request.identity.set("hostname", vm.name.toStdString());
            request.identity.set("mac", vm.mac.toString().toStdString());
            request.identity.set("console", "192.168.1.2");
            request.identity.set("port", std::to_string(m_listener.localPort()));
            request.identity.set("heartbeat", "1");
            request.identity.set("key",
                                 QByteArray(reinterpret_cast<const char *>(key.data()), key.size())
                                     .toHex()
                                     .toStdString());
            request.dataFolderId = u"test"_s;
            auto s = backend.createClone(request, nullptr, {});
            QVERIFY2(s, s ? "" : qPrintable(s.error()));
            const auto args = backend.commandLine(vm, m_golden);
            QVERIFY(args);
            QVERIFY(args->join(u' ').contains(u"share=off"_s));
            QVERIFY(args->contains(u"-incoming"_s));
        }
        QElapsedTimer click;
        click.start();
        for (const VmRecord &vm : clones) {
            clock.restart();
            auto pid = backend.start(vm, m_golden);
            QVERIFY2(pid, pid ? "" : qPrintable(pid.error()));
            qInfo("%s: started and resumed in %lld ms", qPrintable(vm.name),
                  static_cast<long long>(clock.elapsed()));
            pids.insert(vm.address.toUInt(), *pid);
            // No transparent huge pages for a resumed clone's QEMU (QemuBackend::start).
            QFile procStatus(u"/proc/%1/status"_s.arg(*pid));
            QVERIFY(procStatus.open(QIODevice::ReadOnly));
            QVERIFY2(procStatus.readAll().contains("THP_enabled:\t0"), qPrintable(vm.name));
            QmpClient qmp;
            QVERIFY(qmp.connectTo(QemuBackend::qmpSocket(vm.folder)));
            auto status = qmp.execute(u"query-status"_s);
            QVERIFY2(status, status ? "" : qPrintable(status.error()));
            QCOMPARE(status->value(u"status"_s).toString(), u"running"_s);
            // Resumed once: a later start boots the clone's own disk.
            const auto again = backend.commandLine(vm, m_golden);
            QVERIFY(again && !again->contains(u"-incoming"_s));
        }
        qInfo("load and resume: %lld ms for %lld clones",
              static_cast<long long>(backend.resumeMilliseconds()),
              static_cast<long long>(clones.size()));

        // Online, signed, each under its own identity.
        QMap<quint32, protocol::Announcement> online; // by address
        QDeadlineTimer deadline(120'000);
        while (online.size() < clones.size() && !deadline.hasExpired()) {
            if (!m_listener.hasPendingDatagrams()
                && !m_listener.waitForReadyRead(static_cast<int>(deadline.remainingTime())))
                break;
            const QByteArray data = m_listener.receiveDatagram().data();
            const auto *bytes = reinterpret_cast<const std::uint8_t *>(data.data());
            const auto d = protocol::decode(bytes, static_cast<std::size_t>(data.size()));
            QCOMPARE(d.error, protocol::DecodeError::None);
            QVERIFY(keys.contains(d.announcement.ip));
            QVERIFY2(protocol::verify(bytes, d, keys.value(d.announcement.ip)),
                     "an announcement not signed with its clone's key");
            if (d.announcement.state == protocol::AgentState::Online
                && !online.contains(d.announcement.ip)) {
                online.insert(d.announcement.ip, d.announcement);
                qInfo("%s online %lld ms after the first start", d.announcement.hostname.c_str(),
                      static_cast<long long>(click.elapsed()));
            }
        }
        QCOMPARE(online.size(), clones.size());
        QSet<QByteArray> bootIds, machineIds;
        for (const VmRecord &vm : clones) {
            const protocol::Announcement a = online.value(vm.address.toUInt());
            QCOMPARE(QString::fromStdString(a.hostname), vm.name);
            QCOMPARE(QString::fromStdString(protocol::formatMac(a.mac)), vm.mac.toString());
            QCOMPARE(a.boots, 1u);
            bootIds.insert(QByteArray(reinterpret_cast<const char *>(a.bootId.data()),
                                      static_cast<qsizetype>(a.bootId.size())));
            // The agent's console lines of this clone (its QEMU's own serial log).
            QFile serial(QemuBackend::serialLog(vm.folder));
            QVERIFY(serial.open(QIODevice::ReadOnly));
            const QByteArray console = serial.readAll();
            QVERIFY2(console.contains("resumed as a clone"), console.constData());
            QVERIFY2(!console.contains("rebooting"), console.constData());
            const auto match = QRegularExpression(u"machine-id ([0-9a-f]{32})"_s)
                                   .match(QString::fromLatin1(console));
            QVERIFY2(match.hasMatch(), console.constData());
            machineIds.insert(match.captured(1).toLatin1());
            qInfo("%s: PSS %lld KiB (guest RAM 131072 KiB)", qPrintable(vm.name),
                  static_cast<long long>(pssKib(pids.value(vm.address.toUInt()))));
        }
        QCOMPARE(bootIds.size(), clones.size());
        QCOMPARE(machineIds.size(), clones.size());

        for (const VmRecord &vm : clones) {
            QVERIFY(backend.stop(vm, std::chrono::milliseconds(0)));
            QVERIFY(backend.deleteClone(vm));
            QVERIFY(!QFileInfo::exists(vm.folder));
        }
        QCOMPARE(templateHashes(folder), before);
    }

private:
    VmRecord clone(quint32 suffix) {
        VmRecord vm;
        vm.name = u"vm%1"_s.arg(suffix);
        vm.address = *m_golden.subnet.addressOfSuffix(suffix);
        vm.mac = MacAddress::forIpv4(vm.address);
        vm.folder = m_dir.filePath(vm.name);
        vm.cloneMode = u"instant"_s;
        vm.instance = u"instance-%1"_s.arg(suffix);
        return vm;
    }

    QTemporaryDir m_dir;
    QUdpSocket m_listener;
    GoldenRecord m_golden;
};

QTEST_GUILESS_MAIN(TestInstantQemu)
#include "tst_instant_qemu.moc"
