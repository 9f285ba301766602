// VmwareBackend on a real VMware-shaped golden folder (a .vmx as Workstation writes one
// for a golden: generated MACs, UUIDs, logs, snapshot database; disks made by qemu-img),
// with the vmrun contract double as vmrun: full and linked clones that VMware would start
// without a question (the double checks MACs, disk chains and UUIDs), start, list, stop
// and delete; a golden VMware has open is refused naming its lock; every refusal and
// failure leaves nothing behind; the golden's bytes never change.

#include "hypervisor/vmware_backend.h"
#include "identity/mac_address.h"
#include "inventory/clone_marker.h"
#include "vmware_fixture.h"
#include "vmx/vmx_devices.h"
#include "vmx/vmx_document.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace vmeclone;
using namespace vmware_fixture;

namespace {

// Workstation's .vmx of a powered-off golden: generated MACs made from uuid.bios, two
// disks on two buses, a CD-ROM, and the keys a copy must not keep.
const char kGoldenVmx[] = R"(.encoding = "UTF-8"
config.version = "8"
virtualHW.version = "19"
displayName = "vm176"
guestOS = "centos7-64"
memsize = "1024"
nvram = "vm176.nvram"
extendedConfigFile = "vm176.vmxf"
scsi0.present = "TRUE"
scsi0.virtualDev = "lsilogic"
scsi0:0.present = "TRUE"
scsi0:0.fileName = "vm176.vmdk"
sata0.present = "TRUE"
sata0:0.present = "TRUE"
sata0:0.fileName = "vm176-data.vmdk"
sata0:1.present = "TRUE"
sata0:1.deviceType = "cdrom-image"
sata0:1.fileName = "/srv/iso/CentOS-7-x86_64-Minimal-2009.iso"
ethernet0.present = "TRUE"
ethernet0.connectionType = "bridged"
ethernet0.virtualDev = "e1000"
ethernet0.addressType = "generated"
ethernet0.generatedAddress = "00:0c:29:c5:d6:e7"
ethernet0.generatedAddressOffset = "0"
ethernet0.pciSlotNumber = "33"
ethernet1.present = "TRUE"
ethernet1.connectionType = "hostonly"
ethernet1.virtualDev = "vmxnet3"
ethernet1.addressType = "generated"
ethernet1.generatedAddress = "00:0c:29:c5:d6:f1"
ethernet1.generatedAddressOffset = "10"
ethernet1.pciSlotNumber = "192"
uuid.bios = "56 4d 1a 2b 3c 4d 5e 6f-70 81 92 a3 b4 c5 d6 e7"
uuid.location = "56 4d 1a 2b 3c 4d 5e 6f-70 81 92 a3 b4 c5 d6 e7"
vc.uuid = "52 0d 6a 7c 10 11 12 13-14 15 16 17 18 19 1a 1b"
vm.genid = "-6411278150412345678"
vmci0.id = "-1261571353"
checkpoint.vmState = ""
sched.swap.derivedName = "/vms/vm176/vm176-a1b2c3d4.vswp"
cleanShutdown = "TRUE"
)";

protocol::KeyValueText identityFor(const VmRecord &vm, int prefix, const QString &console) {
    protocol::KeyValueText id;
    id.set("version", "1");
    id.set("instance", vm.instance.toStdString());
    id.set("ip", vm.address.toString().toStdString());
    id.set("prefix", std::to_string(prefix));
    id.set("hostname", vm.name.toStdString());
    id.set("mac", vm.mac.toString().toStdString());
    id.set("console", console.toStdString());
    id.set("port", "9176");
    id.set("heartbeat", "5");
    id.set("key", std::string(64, 'a'));
    return id;
}

} // namespace

class TestVmwareBackend : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    GoldenRecord m_golden;

    QString path(const QString &relative) const { return m_dir->filePath(relative); }
    QString goldenFolder() const { return path(u"golden/vm176"_s); }

    VmwareBackendConfig config(const QString &console = u"192.0.2.10"_s) const {
        return VmwareBackendConfig{QStringLiteral(FAKE_VMRUN), u"player"_s, console, 60s};
    }

    VmRecord vmRecord(quint32 suffix, const QString &mode) const {
        VmRecord vm;
        vm.name = u"vm%1"_s.arg(suffix);
        vm.address = *m_golden.subnet.addressOfSuffix(suffix);
        vm.mac = MacAddress::forIpv4(vm.address);
        vm.goldenId = 1;
        vm.folder = path(u"shard/"_s) + vm.name;
        vm.cloneMode = mode;
        vm.instance = QUuid::createUuid().toString(QUuid::WithoutBraces);
        return vm;
    }

    CloneRequest request(const VmRecord &vm) const {
        return CloneRequest{
            m_golden, vm, identityFor(vm, m_golden.subnet.prefix(), u"192.0.2.10"_s), {}, {}};
    }

    static bool qemuImg(const QStringList &args) {
        QProcess p;
        p.start(u"qemu-img"_s, args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            qWarning("qemu-img %s: %s%s", qPrintable(args.join(u' ')),
                     p.readAllStandardOutput().constData(), p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        qputenv("FAKE_VMRUN_STATE", path(u"vmrun.state"_s).toUtf8());
        qputenv("FAKE_VMRUN_LOG", path(u"vmrun.log"_s).toUtf8());
        for (const char *knob : {"FAKE_VMRUN_DELAY_MS", "FAKE_VMRUN_HANG",
                                 "FAKE_VMRUN_SOFT_STOP_IGNORED", "FAKE_VMRUN_IP"})
            qunsetenv(knob);
        const QString g = goldenFolder();
        QVERIFY(makeQemuDisk(g + u"/vm176.vmdk"_s, u"monolithicSparse"_s, u"64M"_s));
        QVERIFY(fillDisk(g + u"/vm176.vmdk"_s));
        QVERIFY(makeQemuDisk(g + u"/vm176-data.vmdk"_s, u"twoGbMaxExtentSparse"_s, u"32M"_s));
        QVERIFY(fillDisk(g + u"/vm176-data.vmdk"_s, u"0x33"_s));
        QVERIFY(writeFile(g + u"/vm176.vmx"_s, kGoldenVmx));
        QVERIFY(writeFile(g + u"/vm176.nvram"_s, QByteArray(8684, '\x01')));
        QVERIFY(writeFile(g + u"/vm176.vmxf"_s, "<?xml version=\"1.0\"?>\n<Foundry/>\n"));
        // Never copied: logs, the snapshot database, a backup of the .vmx.
        QVERIFY(writeFile(g + u"/vmware.log"_s, "log\n"));
        QVERIFY(writeFile(g + u"/vm176.vmsd"_s, ".encoding = \"UTF-8\"\n"));
        QVERIFY(writeFile(g + u"/vm176.vmx~"_s, kGoldenVmx));
        QVERIFY(QDir().mkpath(path(u"shard"_s)));

        m_golden = GoldenRecord{};
        m_golden.id = 1;
        m_golden.name = u"vm176"_s;
        m_golden.backend = u"vmware"_s;
        m_golden.path = g + u"/vm176.vmx"_s;
        m_golden.subnet = *Subnet::parse(u"192.0.2.0/24"_s);
        m_golden.address = *m_golden.subnet.addressOfSuffix(176);
        VmwareBackend backend(config());
        auto inspection = backend.inspectGolden(m_golden.path);
        QVERIFY2(inspection, qPrintable(inspection.error()));
        m_golden.diskBytes = inspection->allocatedBytes;
    }

    void cleanup() { m_dir.reset(); }

    void inspectsGolden() {
        VmwareBackend backend(config());
        auto inspection = backend.inspectGolden(m_golden.path);
        QVERIFY2(inspection, qPrintable(inspection.error()));
        QCOMPARE(inspection->name, u"vm176"_s);
        QCOMPARE(inspection->virtualBytes, qint64(96) * 1024 * 1024);
        // Both disks hold 2 MiB of data each (and their metadata).
        QVERIFY2(inspection->allocatedBytes >= qint64(4) * 1024 * 1024,
                 qPrintable(QString::number(inspection->allocatedBytes)));
        QVERIFY(!inspection->subnet && !inspection->suffix); // the .vmx does not say them
        QVERIFY(inspection->files.contains(m_golden.path));
        QVERIFY(inspection->files.contains(goldenFolder() + u"/vm176.vmdk"_s));
        QVERIFY(inspection->files.contains(goldenFolder() + u"/vm176-data.vmdk"_s));
        QVERIFY(inspection->files.contains(goldenFolder() + u"/vm176-data-s001.vmdk"_s));
        QCOMPARE(backend.id(), u"vmware"_s);
    }

    void refusesGoldenWithLock() {
        QVERIFY(QDir().mkpath(goldenFolder() + u"/vm176.vmx.lck"_s));
        VmwareBackend backend(config());
        auto inspection = backend.inspectGolden(m_golden.path);
        QVERIFY(!inspection);
        QVERIFY2(inspection.error().contains(u"vm176.vmx.lck"_s), qPrintable(inspection.error()));
        // ... also when it is cloned (VMware may have opened it after it was added).
        const VmRecord vm = vmRecord(177, u"linked"_s);
        auto made = backend.createClone(request(vm), nullptr, {});
        QVERIFY(!made);
        QVERIFY2(made.error().contains(u"vm176.vmx.lck"_s), qPrintable(made.error()));
        QVERIFY(!QFileInfo::exists(vm.folder));
    }

    void cloneStartStopDelete_data() {
        QTest::addColumn<QString>("mode");
        QTest::newRow("full") << u"full"_s;
        QTest::newRow("linked") << u"linked"_s;
    }

    void cloneStartStopDelete() {
        QFETCH(QString, mode);
        const auto goldenBefore = hashTree(goldenFolder());
        VmwareBackend backend(config());
        const VmRecord vm = vmRecord(177, mode);
        qint64 lastDone = -1, lastTotal = -1;
        auto made = backend.createClone(request(vm), nullptr, [&](qint64 done, qint64 total) {
            lastDone = done;
            lastTotal = total;
        });
        QVERIFY2(made, qPrintable(made.error()));
        QVERIFY(lastTotal > 0);
        QCOMPARE(lastDone, lastTotal);

        // The clone's folder: its configuration, its disks, nvram and vmxf; nothing else
        // of the golden's.
        QStringList files = QDir(vm.folder).entryList(QDir::Files | QDir::Hidden);
        QVERIFY2(files.contains(u"vm177.vmx"_s) && files.contains(u"vm177.nvram"_s)
                     && files.contains(u"vm177.vmxf"_s) && files.contains(u"vm177.vmdk"_s)
                     && files.contains(u"vm177-sata0-0.vmdk"_s),
                 qPrintable(files.join(u' ')));
        // Marked as this data folder's clone (on the folder, or in its file).
        const auto marker = CloneMarker::readFrom(vm.folder);
        QVERIFY(marker);
        QCOMPARE(marker->instance, vm.instance);
        for (const QString &f : files)
            QVERIFY2(!f.endsWith(u".log"_s) && !f.endsWith(u".vmsd"_s) && !f.endsWith(u'~'),
                     qPrintable(f));

        auto vmx = VmxDocument::load(VmwareBackend::vmxPath(vm));
        QVERIFY2(vmx, qPrintable(vmx.error()));
        // The .vmx holds the clone's key: its owner's alone (finding 7).
        QCOMPARE(QFile(VmwareBackend::vmxPath(vm)).permissions()
                     & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                        | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QCOMPARE(vmx->value(u"displayName"_s), u"vm177"_s);
        QCOMPARE(vmx->value(u"ethernet0.addressType"_s), u"static"_s);
        QCOMPARE(vmx->value(u"ethernet0.address"_s).toLower(), vm.mac.toString());
        QCOMPARE(vmx->value(u"scsi0:0.fileName"_s), u"vm177.vmdk"_s);
        QCOMPARE(vmx->value(u"sata0:0.fileName"_s), u"vm177-sata0-0.vmdk"_s);
        QCOMPARE(vmx->value(u"guestinfo.vmeclone.instance"_s), vm.instance);
        QCOMPARE(vmx->value(u"guestinfo.vmeclone.console"_s), u"192.0.2.10"_s);
        QVERIFY(!vmx->contains(u"uuid.bios"_s));

        // Every clone disk is a sound VMDK with the golden's content.
        const QList<QPair<QString, QString>> disks{{u"vm176.vmdk"_s, u"vm177.vmdk"_s},
                                                   {u"vm176-data.vmdk"_s, u"vm177-sata0-0.vmdk"_s}};
        for (const auto &[golden, clone] : disks) {
            QVERIFY(qemuImg({u"check"_s, u"-q"_s, vm.folder + u'/' + clone}));
            QVERIFY(qemuImg(
                {u"compare"_s, u"-q"_s, goldenFolder() + u'/' + golden, vm.folder + u'/' + clone}));
        }

        // VMware (the double: MACs, disk chains, UUIDs) starts it without a question.
        auto started = backend.start(vm, m_golden);
        QVERIFY2(started, qPrintable(started.error()));
        auto running = backend.isRunning(vm);
        QVERIFY(running && *running);
        QVERIFY2(backend.start(vm, m_golden), "a second start is not an error");
        auto refused = backend.deleteClone(vm);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"still running"_s), qPrintable(refused.error()));
        QVERIFY(QFileInfo::exists(VmwareBackend::vmxPath(vm)));

        auto stopped = backend.stop(vm, 5s);
        QVERIFY2(stopped, qPrintable(stopped.error()));
        running = backend.isRunning(vm);
        QVERIFY(running && !*running);
        QVERIFY2(backend.stop(vm, 5s), "stopping a stopped VM is not an error");
        auto deleted = backend.deleteClone(vm);
        QVERIFY2(deleted, qPrintable(deleted.error()));
        QVERIFY(!QFileInfo::exists(vm.folder));
        QCOMPARE(hashTree(goldenFolder()), goldenBefore);
    }

    void linkedClonesRunTogether() {
        const auto goldenBefore = hashTree(goldenFolder());
        VmwareBackend backend(config());
        QList<VmRecord> vms{vmRecord(177, u"linked"_s), vmRecord(178, u"linked"_s),
                            vmRecord(179, u"full"_s)};
        for (const VmRecord &vm : vms) {
            auto made = backend.createClone(request(vm), nullptr, {});
            QVERIFY2(made, qPrintable(made.error()));
            auto started = backend.start(vm, m_golden);
            QVERIFY2(started, qPrintable(started.error()));
        }
        // Both NICs of every clone have MACs of their own: the double refuses duplicates.
        auto v = Vmrun::create(VmrunConfig{QStringLiteral(FAKE_VMRUN), u"player"_s, 60s});
        QVERIFY(v);
        auto listed = v->list();
        QVERIFY2(listed, qPrintable(listed.error()));
        QCOMPARE(listed->size(), 3);
        for (const VmRecord &vm : vms) {
            QVERIFY(backend.stop(vm, 5s));
            QVERIFY(backend.deleteClone(vm));
        }
        QCOMPARE(QDir(path(u"shard"_s))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{});
        QCOMPARE(hashTree(goldenFolder()), goldenBefore);
    }

    void softStopIgnoredIsForced() {
        VmwareBackend backend(config());
        const VmRecord vm = vmRecord(180, u"linked"_s);
        QVERIFY(backend.createClone(request(vm), nullptr, {}));
        QVERIFY(backend.start(vm, m_golden));
        qputenv("FAKE_VMRUN_SOFT_STOP_IGNORED", "1");
        auto stopped = backend.stop(vm, 2s);
        QVERIFY2(stopped, qPrintable(stopped.error()));
        auto running = backend.isRunning(vm);
        QVERIFY(running && !*running);
        const auto calls = loggedCalls(path(u"vmrun.log"_s));
        QVERIFY(std::any_of(calls.begin(), calls.end(),
                            [](const QStringList &c) { return c.endsWith(u"hard"_s); }));
    }

    void startErrorIsVmwares() {
        // vmrun's own words, naming the VM: here the .vmx was broken after the clone.
        VmwareBackend backend(config());
        const VmRecord vm = vmRecord(181, u"linked"_s);
        QVERIFY(backend.createClone(request(vm), nullptr, {}));
        QVERIFY(QFile::remove(vm.folder + u"/vm181.vmdk"_s));
        auto started = backend.start(vm, m_golden);
        QVERIFY(!started);
        QVERIFY2(started.error().contains(u"vm181"_s)
                     && started.error().contains(u"Error: Cannot open the disk"_s)
                     && started.error().contains(u"exit code 255"_s),
                 qPrintable(started.error()));
    }

    void consoleAddress_data() {
        QTest::addColumn<QString>("console");
        QTest::addColumn<QString>("error");
        QTest::newRow("not set") << QString() << u"no console address"_s;
        QTest::newRow("not an address") << u"host.example"_s << u"not an IPv4 address"_s;
        QTest::newRow("the golden's own") << u"192.0.2.176"_s << u"the golden's own address"_s;
        QTest::newRow("broadcast") << u"192.0.2.255"_s << u"not a host address"_s;
        QTest::newRow("outside, no gateway") << u"198.51.100.1"_s << u"no gateway"_s;
        QTest::newRow("fine") << u"192.0.2.10"_s << QString();
    }

    void consoleAddress() {
        QFETCH(QString, console);
        QFETCH(QString, error);
        VmwareBackend backend(config(console));
        const VmRecord vm = vmRecord(182, u"linked"_s);
        auto made = backend.createClone(request(vm), nullptr, {});
        if (error.isEmpty()) {
            QVERIFY2(made, qPrintable(made.error()));
            QCOMPARE(backend.consoleAddressFor(m_golden).toString(), console);
            QCOMPARE(backend.reservedAddresses(m_golden).keys(),
                     QList<Ipv4Address>{*Ipv4Address::parse(console)});
            return;
        }
        QVERIFY(!made);
        QVERIFY2(made.error().contains(error), qPrintable(made.error()));
        // A refusal of the console address, whoever gave it (the CLI names its flag).
        QCOMPARE(made.failure().field, Field::ConsoleAddress);
        QCOMPARE(made.failure().value, console);
        QVERIFY2(!made.error().contains(u"--"_s), qPrintable(made.error()));
        QVERIFY(!QFileInfo::exists(vm.folder));
        QCOMPARE(backend.consoleAddressFor(m_golden), Ipv4Address());
    }

    void consoleOutsideSubnetWithGateway() {
        m_golden.gateway = *Ipv4Address::parse(u"192.0.2.1"_s);
        VmwareBackend backend(config(u"198.51.100.1"_s));
        QCOMPARE(backend.consoleAddressFor(m_golden).toString(), u"198.51.100.1"_s);
        QVERIFY(backend.reservedAddresses(m_golden).isEmpty());
    }

    void failuresLeaveNothing_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("error");
        QTest::newRow("cancelled") << u"cancel"_s << u"cancelled"_s;
        QTest::newRow("identity without ip") << u"identity"_s << u"ip"_s;
        QTest::newRow("a disk missing") << u"disk"_s << u"vm176-data.vmdk"_s;
    }

    void failuresLeaveNothing() {
        QFETCH(QString, what);
        QFETCH(QString, error);
        VmwareBackend backend(config());
        const VmRecord vm = vmRecord(183, u"full"_s);
        CloneRequest r = request(vm);
        std::atomic_bool cancel{false};
        if (what == u"cancel")
            cancel = true;
        else if (what == u"identity")
            r.identity = protocol::KeyValueText::parse("hostname=vm183\n");
        else
            QVERIFY(QFile::remove(goldenFolder() + u"/vm176-data.vmdk"_s));
        auto made = backend.createClone(r, &cancel, {});
        QVERIFY(!made);
        QVERIFY2(made.error().contains(error), qPrintable(made.error()));
        QVERIFY(!QFileInfo::exists(vm.folder));
    }

    // Only the disks and the .vmx are essential: a golden whose .nvram is missing (never
    // powered on here) is cloned, and its clone's .vmx names its own for VMware to make.
    void missingNvramIsNotAnError() {
        const QString nvram = goldenFolder() + u"/vm176.nvram"_s;
        const QByteArray bytes = readFile(nvram);
        QVERIFY(QFile::remove(nvram));
        VmwareBackend backend(config());
        const VmRecord vm = vmRecord(188, u"full"_s);
        auto made = backend.createClone(request(vm), nullptr, {});
        QVERIFY(writeFile(nvram, bytes)); // the golden as the other cases expect it
        QVERIFY2(made, qPrintable(made.error()));
        QVERIFY(QFileInfo::exists(vm.folder + u"/vm188.vmx"_s));
        QVERIFY(!QFileInfo::exists(vm.folder + u"/vm188.nvram"_s));
        QVERIFY(readFile(vm.folder + u"/vm188.vmx"_s).contains("nvram = \"vm188.nvram\""));
        QVERIFY2(backend.deleteClone(vm), "delete");
    }

    void refusesExistingFolder() {
        VmwareBackend backend(config());
        const VmRecord vm = vmRecord(184, u"linked"_s);
        QVERIFY(writeFile(vm.folder + u"/notes.txt"_s, "mine\n"));
        auto made = backend.createClone(request(vm), nullptr, {});
        QVERIFY(!made);
        QVERIFY2(made.error().contains(u"exists already"_s), qPrintable(made.error()));
        QCOMPARE(readFile(vm.folder + u"/notes.txt"_s), QByteArray("mine\n"));
    }

    void deleteOnlyOwnClones_data() {
        QTest::addColumn<QByteArray>("vmx");
        QTest::addColumn<bool>("deleted");
        QTest::newRow("a foreign VM")
            << vmxText(u"vm185"_s, u"vm185.vmdk"_s, u"00:50:56:00:00:01"_s) << false;
        QTest::newRow("another clone")
            << vmxText(u"vm185"_s, u"vm185.vmdk"_s, u"00:50:56:00:00:01"_s,
                       {u"guestinfo.vmeclone.instance = \"someone-else\""_s})
            << false;
    }

    void deleteOnlyOwnClones() {
        QFETCH(QByteArray, vmx);
        QFETCH(bool, deleted);
        VmwareBackend backend(config());
        const VmRecord vm = vmRecord(185, u"linked"_s);
        QVERIFY(writeFile(VmwareBackend::vmxPath(vm), vmx));
        auto s = backend.deleteClone(vm);
        QCOMPARE(s.ok(), deleted);
        QVERIFY2(s.error().contains(u"not deleting"_s), qPrintable(s.error()));
        QVERIFY(QFileInfo::exists(VmwareBackend::vmxPath(vm)));
    }

    void deletesHalfMadeClone() {
        // Only the marker: a clone interrupted before its .vmx was written.
        // The mark as the folder's attribute (as made now), then as the file (older clones).
        VmwareBackend backend(config());
        const VmRecord vm = vmRecord(186, u"full"_s);
        const CloneMarker mark{QUuid::createUuid().toString(QUuid::WithoutBraces), vm.instance};
        QVERIFY(QDir().mkpath(path(u"shard"_s)));
        QVERIFY(mark.makeFolder(vm.folder));
        QVERIFY(writeFile(vm.folder + u"/vm186.vmdk"_s, "partial"));
        QVERIFY(backend.deleteClone(vm));
        QVERIFY(!QFileInfo::exists(vm.folder));
        QVERIFY(QDir().mkpath(vm.folder));
        QVERIFY(mark.writeFileTo(vm.folder));
        QVERIFY(writeFile(vm.folder + u"/vm186.vmdk"_s, "partial"));
        QVERIFY(backend.deleteClone(vm));
        QVERIFY(!QFileInfo::exists(vm.folder));
        // And a folder that is gone is no error.
        QVERIFY(backend.deleteClone(vm));
    }

    void bytesNeeded() {
        VmwareBackend backend(config());
        QCOMPARE(backend.bytesNeeded(m_golden, u"full"_s), m_golden.diskBytes);
        QCOMPARE(backend.bytesNeeded(m_golden, u"linked"_s), qint64(16) * 1024 * 1024);
    }

    // Every .vmx shape of the vmx corpus (tests/unit/vmx/corpus: shebang, CRLF, BOM,
    // upper-case keys, unquoted values, windows-1252, several NICs and buses, snapshots,
    // a linked-clone disk) as a golden, with real disks under the names it gives: a linked
    // clone of it starts under the double.
    void clonesEveryCorpusShape_data() {
        QTest::addColumn<QString>("vmx");
        const QDir corpus(QStringLiteral(VMECLONE_SOURCE_DIR) + u"/tests/unit/vmx/corpus"_s);
        const QStringList files = corpus.entryList({u"*.vmx"_s}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 12);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << corpus.filePath(f);
    }

    void clonesEveryCorpusShape() {
        QFETCH(QString, vmx);
        auto doc = VmxDocument::load(vmx);
        QVERIFY2(doc, qPrintable(doc.error()));
        const QString folder = path(u"corpus-golden"_s);
        QVERIFY(QDir().mkpath(folder));
        for (const VmxDisk &disk : VmxDevices::disks(*doc)) {
            if (!disk.present)
                continue;
            if (disk.fileName.contains(u'/') || disk.fileName.contains(u'\\'))
                QSKIP(qPrintable(
                    u"names the disk %1 by a path of another host"_s.arg(disk.fileName)));
            QVERIFY(makeQemuDisk(folder + u'/' + disk.fileName, u"monolithicSparse"_s, u"16M"_s));
        }
        const QString nvram =
            doc->value(u"nvram"_s, QFileInfo(vmx).completeBaseName() + u".nvram"_s);
        QVERIFY(writeFile(folder + u'/' + nvram, QByteArray(512, '\x01')));
        if (doc->contains(u"extendedConfigFile"_s))
            QVERIFY(writeFile(folder + u'/' + doc->value(u"extendedConfigFile"_s), "<Foundry/>\n"));
        const QString goldenVmx = folder + u'/' + QFileInfo(vmx).fileName();
        QVERIFY(QFile::copy(vmx, goldenVmx));
        const auto before = hashTree(folder);

        VmwareBackend backend(config());
        auto inspection = backend.inspectGolden(goldenVmx);
        // A shape VMware itself cannot run is refused here, naming the cause
        // (tst_vmware_corpus has every refusal; the others name files of another host).
        if (QFileInfo(vmx).fileName() == u"duplicate_disk.vmx"_s) {
            QVERIFY(!inspection);
            QVERIFY2(inspection.error().contains(u"names the disk \"twice.vmdk\" twice"_s),
                     qPrintable(inspection.error()));
            return;
        }
        QVERIFY2(inspection, qPrintable(inspection.error()));
        m_golden.path = goldenVmx;
        const VmRecord vm = vmRecord(187, u"linked"_s);
        auto made = backend.createClone(request(vm), nullptr, {});
        QVERIFY2(made, qPrintable(made.error()));
        auto started = backend.start(vm, m_golden);
        QVERIFY2(started, qPrintable(started.error()));
        QVERIFY(backend.stop(vm, 5s));
        QVERIFY(backend.deleteClone(vm));
        QCOMPARE(hashTree(folder), before);
    }

    void diskBaseNames() {
        QCOMPARE(VmwareBackend::diskBaseName(u"vm177"_s, u"scsi0:0"_s, true), u"vm177"_s);
        QCOMPARE(VmwareBackend::diskBaseName(u"vm177"_s, u"sata0:1"_s, false), u"vm177-sata0-1"_s);
        QCOMPARE(VmwareBackend::diskBaseName(u"vm177"_s, u"nvme0:0"_s, false), u"vm177-nvme0-0"_s);
    }
};

QTEST_GUILESS_MAIN(TestVmwareBackend)
#include "tst_vmware_backend.moc"
