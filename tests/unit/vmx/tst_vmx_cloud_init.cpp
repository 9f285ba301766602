// A multi-NIC clone's guestinfo.metadata as cloud-init itself reads it: Debian's
// cloud-init package decodes it with its own VMware datasource module (the envvar
// transport of DataSourceVMware, which reads the same key and encoding as guestinfo),
// and `cloud-init devel net-convert` renders the network for Debian (eni), netplan and
// RHEL (sysconfig): every NIC matched by its MAC, the first with the clone's address,
// the default route and the name servers, the others without an address or, where the
// golden gives a further NIC a subnet, with the clone's address there and no route.
// netplan's own `netplan generate` takes the netplan output without a deprecation
// warning (gateway4 is deprecated; a default route is what it wants).

#include "support/ci_skip.h"
#include "vmx/vmx_clone_rewriter.h"
#include "vmx_corpus.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using vmeclone::VmxCloneRewriter;
using vmeclone::VmxCloneSpec;
using vmeclone::VmxDocument;
using vmeclone::protocol::KeyValueText;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {}) {
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// Every file under `folder`, concatenated (what a renderer wrote).
QString allFiles(const QString &folder) {
    QString text;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            text += u"--- "_s + f.fileName() + u'\n' + QString::fromUtf8(f.readAll());
    }
    return text;
}

// The part of `text` from `from` up to `end` (or its end).
QString section(const QString &text, const QString &from, const QString &end) {
    const qsizetype start = text.indexOf(from);
    if (start < 0)
        return {};
    const qsizetype stop = text.indexOf(end, start + from.size());
    return text.mid(start, stop < 0 ? -1 : stop - start);
}

// DataSourceVMware's own reading of guestinfo.metadata(.encoding), through its envvar
// transport (VMX_GUESTINFO_METADATA): the metadata, with the network config under
// network.config, as JSON.
const char kDecode[] = R"(
import json, sys
from cloudinit.sources import DataSourceVMware as ds
md = ds.process_metadata(ds.load_json_or_yaml(ds.guestinfo_envvar("metadata")))
json.dump(md, sys.stdout)
)";

} // namespace

class TstVmxCloudInit : public QObject {
    Q_OBJECT

private:
    QString m_cloudInit;
    QString m_python; // cloud-init's own interpreter (its #! line), which has its modules

private Q_SLOTS:
    void initTestCase() {
        m_cloudInit = QStandardPaths::findExecutable(u"cloud-init"_s);
        QFile script(m_cloudInit);
        if (!m_cloudInit.isEmpty() && script.open(QIODevice::ReadOnly)) {
            const QByteArray first = script.readLine().trimmed();
            if (first.startsWith("#!"))
                m_python = QString::fromUtf8(first.mid(2)).trimmed().section(u' ', 0, 0);
        }
        if (m_python.isEmpty()
            || run(m_python, {u"-c"_s, u"import cloudinit.sources.DataSourceVMware"_s}).exitCode
                   != 0)
            VMECLONE_SKIP_UNLESS_CI("cloud-init is not installed (Debian package cloud-init)");
    }

    void multiNicCloneAsCloudInitReadsIt_data() {
        QTest::addColumn<bool>("secondConfigured");
        QTest::newRow("further NICs left unconfigured") << false;
        QTest::newRow("ethernet1 in a subnet of its own") << true;
    }

    void multiNicCloneAsCloudInitReadsIt() {
        QFETCH(bool, secondConfigured);
        // ethernet0, ethernet1 and ethernet3 are present (ethernet2 is not).
        auto golden = VmxDocument::load(vmx_corpus::path(u"multi_nic_multi_disk.vmx"_s));
        QVERIFY2(golden.ok(), qPrintable(golden.error()));
        KeyValueText identity;
        identity.set("instance", "6c1f0a52-7d3e-4b8a-9f21-0c5d8e4b7a19");
        identity.set("ip", "192.168.1.177");
        identity.set("prefix", "24");
        identity.set("gateway", "192.168.1.1");
        identity.set("dns", "192.168.1.53,192.168.1.54");
        identity.set("hostname", "vm177");
        // As Engine::identityFor gives it for a golden added with
        // --nic ethernet1=10.0.5.0/24 (the MAC is ethernet1's, below).
        if (secondConfigured)
            identity.set("nic1", "00:50:56:29:01:b1,10.0.5.177/24");
        QMap<QString, QString> disks;
        for (const QString &disk : {u"vm176.vmdk"_s, u"vm176-data.vmdk"_s, u"vm176-sata.vmdk"_s,
                                    u"vm176-ide.vmdk"_s, u"vm176-nvme.vmdk"_s})
            disks.insert(disk, u"c-"_s + disk);
        const auto clone =
            VmxCloneRewriter::rewrite(*golden, VmxCloneSpec{u"vm177"_s, identity, disks});
        QVERIFY2(clone.ok(), qPrintable(clone.error()));
        const QStringList macs{clone->document.value(u"ethernet0.address"_s),
                               clone->document.value(u"ethernet1.address"_s),
                               clone->document.value(u"ethernet3.address"_s)};
        QCOMPARE(macs, (QStringList{u"00:50:56:28:01:b1"_s, u"00:50:56:29:01:b1"_s,
                                    u"00:50:56:2b:01:b1"_s}));
        // What vmeclone-agent reads of the further NICs.
        QCOMPARE(clone->document.value(u"guestinfo.vmeclone.nics"_s), u"1,3"_s);
        QCOMPARE(clone->document.value(u"guestinfo.vmeclone.nic1"_s),
                 secondConfigured ? u"00:50:56:29:01:b1,10.0.5.177/24"_s : u"00:50:56:29:01:b1"_s);
        QCOMPARE(clone->document.value(u"guestinfo.vmeclone.nic3"_s), u"00:50:56:2b:01:b1"_s);

        // cloud-init's VMware datasource decodes it.
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(u"VMX_GUESTINFO_METADATA"_s, clone->document.value(u"guestinfo.metadata"_s));
        env.insert(u"VMX_GUESTINFO_METADATA_ENCODING"_s,
                   clone->document.value(u"guestinfo.metadata.encoding"_s));
        const Run decoded = run(m_python, {u"-c"_s, QString::fromLatin1(kDecode)}, env);
        QVERIFY2(decoded.exitCode == 0, qPrintable(decoded.err));
        const QJsonObject metadata = QJsonDocument::fromJson(decoded.out.toUtf8()).object();
        QCOMPARE(metadata.value(u"instance-id"_s).toString(),
                 u"6c1f0a52-7d3e-4b8a-9f21-0c5d8e4b7a19"_s);
        QCOMPARE(metadata.value(u"local-hostname"_s).toString(), u"vm177"_s);
        const QJsonObject network =
            metadata.value(u"network"_s).toObject().value(u"config"_s).toObject();
        QCOMPARE(network.value(u"version"_s).toInt(), 2);
        QCOMPARE(network.value(u"ethernets"_s).toObject().size(), 3);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString config = dir.filePath(u"network.json"_s);
        {
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(network).toJson());
        }
        // Rendered for Debian, netplan and RHEL.
        const QList<QPair<QString, QString>> renderers{
            {u"eni"_s, u"debian"_s}, {u"netplan"_s, u"ubuntu"_s}, {u"sysconfig"_s, u"rhel"_s}};
        for (const auto &renderer : renderers) {
            const QString out = dir.filePath(renderer.first);
            const Run converted =
                run(m_cloudInit, {u"devel"_s, u"net-convert"_s, u"-p"_s, config, u"-k"_s, u"yaml"_s,
                                  u"-d"_s, out, u"-D"_s, renderer.second, u"-O"_s, renderer.first});
            QVERIFY2(converted.exitCode == 0, qPrintable(renderer.first + u": "_s + converted.err));
            const QString text = allFiles(out);
            for (const QString &mac : macs)
                QVERIFY2(text.contains(mac, Qt::CaseInsensitive),
                         qPrintable(renderer.first + u" lacks "_s + mac + u'\n' + text));
            QVERIFY2(text.contains(u"192.168.1.177"_s), qPrintable(text));
            QVERIFY2(text.contains(u"192.168.1.53"_s) && text.contains(u"192.168.1.54"_s),
                     qPrintable(text));
            const QString route = renderer.first == u"eni"_s         ? u"default gw 192.168.1.1"_s
                                  : renderer.first == u"sysconfig"_s ? u"GATEWAY=192.168.1.1"_s
                                                                     : u"via: 192.168.1.1"_s;
            QVERIFY2(text.contains(route), qPrintable(renderer.first + u'\n' + text));
            // The default route once (eni: added and deleted).
            QVERIFY2(text.count(route) == (renderer.first == u"eni"_s ? 2 : 1), qPrintable(text));
            // The first NIC has the clone's address; ethernet1 (eth1) its own where the
            // golden gives it a subnet, and never a route or a name server.
            QCOMPARE(text.count(u"192.168.1.177"_s), 1);
            QCOMPARE(text.count(u"10.0.5.177"_s), secondConfigured ? 1 : 0);
            if (renderer.first != u"netplan"_s) { // netplan: its own reading, below
                const QString eth1 = renderer.first == u"eni"_s
                                         ? section(text, u"iface eth1 "_s, u"\n\n"_s)
                                         : section(text, u"ifcfg-eth1\n"_s, u"--- "_s);
                QVERIFY2(!eth1.isEmpty(), qPrintable(text));
                QCOMPARE(eth1.contains(u"10.0.5.177"_s), secondConfigured);
                for (const QString &word : {u"gateway"_s, u"gw"_s, u"dns"_s, u"route"_s})
                    QVERIFY2(!eth1.contains(word, Qt::CaseInsensitive), qPrintable(eth1));
            }
        }

        // netplan's own reading of the netplan output: no deprecation.
        const QString root = dir.filePath(u"netplan"_s);
        const QString yaml = root + u"/etc/netplan/50-cloud-init.yaml"_s;
        QVERIFY(QFile::exists(yaml));
        QVERIFY(QFile(yaml).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY2(QFileInfo::exists(u"/usr/sbin/netplan"_s), "netplan.io is not installed");
        const Run generated = run(u"/usr/sbin/netplan"_s, {u"generate"_s, u"--root-dir"_s, root});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        QVERIFY2(!generated.err.contains(u"deprecated"_s, Qt::CaseInsensitive),
                 qPrintable(generated.err));
        QVERIFY2(generated.err.trimmed().isEmpty(), qPrintable(generated.err));
        QVERIFY(QFileInfo::exists(root + u"/run/systemd/network/10-netplan-eth0.network"_s));
        // What systemd-networkd would be given for ethernet1: its address, matched by its
        // MAC, no gateway and no DNS.
        QFile eth1(root + u"/run/systemd/network/10-netplan-eth1.network"_s);
        QVERIFY(eth1.open(QIODevice::ReadOnly));
        const QString unit = QString::fromUtf8(eth1.readAll());
        QVERIFY2(unit.contains(u"MACAddress=00:50:56:29:01:b1"_s), qPrintable(unit));
        QCOMPARE(unit.contains(u"Address=10.0.5.177/24"_s), secondConfigured);
        QVERIFY2(!unit.contains(u"Gateway="_s) && !unit.contains(u"DNS="_s), qPrintable(unit));
    }
};

QTEST_GUILESS_MAIN(TstVmxCloudInit)
#include "tst_vmx_cloud_init.moc"
