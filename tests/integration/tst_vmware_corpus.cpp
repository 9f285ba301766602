// Every .vmx shape of the corpus (tests/unit/vmx/corpus: ESXi 6.5-8.0 with EFI, NVMe and
// NSX, Workstation 5-17, Player 6, Fusion 13, GSX 3; never powered on; multi-NIC; no NIC;
// datastore paths; a disk named twice; passthrough devices; CD-ROM images) as a golden
// folder with real VMDKs from qemu-img, through the CLI with the vmrun contract double:
// each is either refused at `golden add` with a message naming the cause, or added and
// cloned, full and linked, checked key by key against the golden, its disks clean for
// `qemu-img check`, started on the double, released, and the golden's bytes unchanged.
// No case gets past `golden add` and is refused at `clone`.

#include "../unit/vmx/vmx_corpus.h"
#include "cli_runner.h"
#include "vmx/vmx_devices.h"
#include "vmx/vmx_document.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using vmeclone::VmxDevices;
using vmeclone::VmxDocument;

namespace {

QMap<QString, QByteArray> hashTree(const QString &folder) {
    QMap<QString, QByteArray> out;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (f.open(QIODevice::ReadOnly))
            hash.addData(&f);
        out.insert(QDir(folder).relativeFilePath(path), hash.result().toHex());
    }
    return out;
}

int run(const QString &program, const QStringList &args, QByteArray *output = nullptr) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000))
        return -1;
    if (output)
        *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// Keys a clone may carry with another value than its golden's, or newly.
const QRegularExpression &changedKeys() {
    static const QRegularExpression re(
        u"^(\\.encoding|displayName|uuid\\.action|msg\\.autoAnswer|nvram|extendedConfigFile|"
        u"checkpoint\\.vmState|ethernet\\d+\\.(addressType|address)|"
        u"(scsi|sata|ide|nvme)\\d+:\\d+\\.fileName|guestinfo\\.vmeclone\\..*|"
        u"guestinfo\\.metadata(\\.encoding)?)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Keys a clone must not have: stale state of the golden's runs, and its identity
// elsewhere (docs/vmware-goldens.md), written out here rather than taken from the code.
const QRegularExpression &droppedKeys() {
    static const QRegularExpression re(
        u"^(uuid\\.bios|uuid\\.location|vc\\.uuid|sched\\.swap\\.derivedName|migrate\\.hostLog|"
        u"vmci0\\.id|vm\\.genid|vm\\.genidX|vmxstats\\.filename|"
        u"ethernet\\d+\\.(generatedAddress|generatedAddressOffset|externalId)|viv\\.moid|"
        u"root-disk-uuid|nvp\\.vm-uuid|nvp\\.iface-id\\..*|guestinfo\\.appInfo|"
        u"guestinfo\\.vmtools\\..*|guestInfo\\.detailed\\.data|.*\\.sasWWID|"
        u"[a-z]+\\d+(:\\d+)?\\..*uuid)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

class TstVmwareCorpus : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CliRunner> m_cli;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    QStringList vmwareRunning() const {
        QProcess p;
        p.start(QStringLiteral(FAKE_VMRUN), {u"-T"_s, u"ws"_s, u"list"_s});
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts).mid(1);
    }

    // The corpus file as a golden folder: the .vmx, and a real VMDK for every present
    // disk it names in its folder (and the relative CD-ROM images).
    QString makeGolden(const QString &file) {
        const QString folder = path(u"goldens/"_s + QFileInfo(file).completeBaseName());
        if (!QDir().mkpath(folder))
            return {};
        const QString vmx = folder + u'/' + file;
        if (!QFile::copy(vmx_corpus::path(file), vmx))
            return {};
        auto doc = VmxDocument::load(vmx);
        if (!doc)
            return {};
        for (const auto &disk : VmxDevices::disks(*doc)) {
            if (!disk.present || VmxDevices::isAbsolutePath(disk.fileName)
                || disk.fileName.startsWith(u'[')
                || QFileInfo::exists(folder + u'/' + disk.fileName))
                continue;
            if (run(u"qemu-img"_s,
                    {u"create"_s, u"-q"_s, u"-f"_s, u"vmdk"_s, u"-o"_s,
                     u"subformat=monolithicSparse"_s, folder + u'/' + disk.fileName, u"8M"_s})
                != 0)
                return {};
        }
        for (const auto &image : VmxDevices::cdromImages(*doc)) {
            if (VmxDevices::isAbsolutePath(image.fileName))
                continue;
            QFile iso(folder + u'/' + image.fileName);
            if (!iso.open(QIODevice::WriteOnly) || iso.write(QByteArray(2048, '\0')) != 2048)
                return {};
        }
        return vmx;
    }

    void checkClone(const QString &goldenVmx, const QString &cloneVmx) {
        auto golden = VmxDocument::load(goldenVmx);
        auto clone = VmxDocument::load(cloneVmx);
        QVERIFY2(golden.ok(), qPrintable(golden.error()));
        QVERIFY2(clone.ok(), qPrintable(clone.error()));
        // Key by key: kept as it was, changed where a clone must differ, or dropped.
        for (const QString &key : golden->keys()) {
            if (droppedKeys().match(key).hasMatch()) {
                QVERIFY2(!clone->contains(key), qPrintable(cloneVmx + u": "_s + key));
                continue;
            }
            // The golden's own guestinfo.vmeclone.* give way to the clone's identity.
            if (key.startsWith(u"guestinfo.vmeclone."_s, Qt::CaseInsensitive))
                continue;
            QVERIFY2(clone->contains(key), qPrintable(cloneVmx + u" lost "_s + key));
            if (!changedKeys().match(key).hasMatch())
                QVERIFY2(clone->value(key) == golden->value(key),
                         qPrintable(cloneVmx + u": "_s + key));
        }
        for (const QString &key : clone->keys())
            QVERIFY2(golden->contains(key) || changedKeys().match(key).hasMatch(),
                     qPrintable(cloneVmx + u" gained "_s + key));
        QCOMPARE(clone->value(u"uuid.action"_s), u"create"_s);
        // Every present NIC has a static MAC of VMware's range; every disk is the
        // clone's own, and clean.
        for (const auto &nic : VmxDevices::nics(*clone)) {
            if (!nic.present)
                continue;
            QCOMPARE(clone->value(nic.device + u".addressType"_s), u"static"_s);
            QVERIFY2(clone->value(nic.device + u".address"_s).startsWith(u"00:50:56:"_s),
                     qPrintable(clone->value(nic.device + u".address"_s)));
        }
        const QString folder = QFileInfo(cloneVmx).absolutePath();
        for (const auto &disk : VmxDevices::disks(*clone)) {
            if (!disk.present)
                continue;
            QVERIFY2(!disk.fileName.contains(u'/'), qPrintable(disk.fileName));
            QByteArray output;
            QCOMPARE(
                run(u"qemu-img"_s, {u"check"_s, u"-q"_s, folder + u'/' + disk.fileName}, &output),
                0);
            QVERIFY2(output.isEmpty(), output.constData());
        }
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        for (const auto &folder : {u"goldens"_s, u"shard"_s, u"bin"_s})
            QVERIFY(QDir().mkpath(path(folder)));
        QVERIFY(QFile::link(QStringLiteral(FAKE_VMRUN), path(u"bin/vmrun"_s)));
        qputenv("VMECLONE_VMRUN", path(u"bin/vmrun"_s).toUtf8());
        qputenv("FAKE_VMRUN_STATE", path(u"vmrun.state"_s).toUtf8());
        qputenv("FAKE_VMRUN_LOG", path(u"vmrun.log"_s).toUtf8());
        qunsetenv("VMECLONE_CONSOLE_ADDRESS");
        qunsetenv("VMECLONE_VMWARE_TYPE");
        m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s));
        const auto r = m_cli->run({u"shard"_s, u"add"_s, path(u"shard"_s)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // A failed case leaves nothing behind for the next one.
    void cleanup() {
        m_cli->run({u"release"_s, u"30"_s});
        m_cli->run({u"golden"_s, u"remove"_s, u"g"_s});
    }

    void corpus_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("extra"); // golden add options
        QTest::addColumn<QString>("refusal");   // a phrase of the cause; empty: clones
        const QMap<QString, QString> refused{
            {u"duplicate_disk.vmx"_s,
             u"names the disk \"twice.vmdk\" twice (scsi0:0 and scsi0:1)"_s},
            {u"esxi80_datastore_path.vmx"_s,
             u"names the disk \"[datastore2] db01/db01_1.vmdk\" (scsi0:1.fileName), an ESXi "
             u"datastore path: copy the VM's files to this host and point the disk at them"_s},
            {u"no_nic.vmx"_s, u"has no network adapter"_s},
            {u"escapes_windows_paths.vmx"_s,
             u"names the disk \"D:\\VMs\\vm176\\vm176-disk1.vmdk\" (nvme0:0.fileName), which "
             u"does not exist"_s},
            {u"gbk_crlf.vmx"_s, u"(sata0:0.fileName), which does not exist"_s},
        };
        const QStringList files = vmx_corpus::wellFormed();
        QVERIFY2(files.size() >= 25, qPrintable(files.join(u", "_s)));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << file << QStringList() << refused.value(file);
        QTest::newRow("no_nic.vmx, allowed")
            << u"no_nic.vmx"_s << QStringList{u"--allow-no-network"_s} << QString();
    }

    void corpus() {
        QFETCH(QString, file);
        QFETCH(QStringList, extra);
        QFETCH(QString, refusal);
        QDir(path(u"goldens/"_s + QFileInfo(file).completeBaseName())).removeRecursively();
        const QString vmx = makeGolden(file);
        QVERIFY2(!vmx.isEmpty(), qPrintable(file));
        const auto before = hashTree(QFileInfo(vmx).absolutePath());

        auto r = m_cli->run(QStringList{u"golden"_s, u"add"_s, vmx, u"--name"_s, u"g"_s,
                                        u"--suffix"_s, u"5"_s, u"--subnet"_s, u"198.18.0.0/24"_s,
                                        u"--console-address"_s, u"198.18.0.1"_s}
                            + extra);
        if (!refusal.isEmpty()) {
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(refusal), qPrintable(r.err));
            QVERIFY2(r.err.contains(vmx), qPrintable(r.err)); // names the input
            QCOMPARE(m_cli->run({u"golden"_s, u"list"_s, u"--json"_s}).json().array().size(), 0);
            QCOMPARE(hashTree(QFileInfo(vmx).absolutePath()), before);
            return;
        }
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QString &mode : {u"--full"_s, u"--linked"_s}) {
            r = m_cli->run({u"clone"_s, u"30"_s, mode});
            QVERIFY2(r.exitCode == 0, qPrintable(mode + u": "_s + r.err));
            const QJsonArray vms = m_cli->run({u"list"_s, u"--json"_s}).json().array();
            QCOMPARE(vms.size(), 1);
            const QJsonObject vm = vms.first().toObject();
            QCOMPARE(vm.value(u"state"_s).toString(), u"booting"_s);
            const QString cloneVmx = vm.value(u"folder"_s).toString() + u"/vm30.vmx"_s;
            checkClone(vmx, cloneVmx);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(vmwareRunning(), QStringList{cloneVmx});
            r = m_cli->run({u"release"_s, u"30"_s});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QCOMPARE(vmwareRunning(), QStringList());
        }
        QCOMPARE(hashTree(QFileInfo(vmx).absolutePath()), before);
        r = m_cli->run({u"golden"_s, u"remove"_s, u"g"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TstVmwareCorpus)
#include "tst_vmware_corpus.moc"
