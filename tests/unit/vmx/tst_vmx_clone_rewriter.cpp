#include "vmx/vmx_clone_rewriter.h"
#include "vmx_corpus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using vmeclone::Ipv4Address;
using vmeclone::MacAddress;
using vmeclone::Subnet;
using vmeclone::VmxCloneRewriter;
using vmeclone::VmxCloneSpec;
using vmeclone::VmxDocument;
using vmeclone::protocol::KeyValueText;

namespace {

const QString kKey = u"3f5d0c2a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817065f4e"_s;
const QString kInstance = u"6c1f0a52-7d3e-4b8a-9f21-0c5d8e4b7a19"_s;

// As Engine::identityFor builds it (plus dns, which the golden may carry).
KeyValueText identity177() {
    KeyValueText id;
    id.set("version", "1");
    id.set("instance", kInstance.toStdString());
    id.set("ip", "192.168.1.177");
    id.set("prefix", "24");
    id.set("gateway", "192.168.1.1");
    id.set("dns", "192.168.1.53,192.168.1.54");
    id.set("hostname", "vm177");
    id.set("mac", "00:50:56:28:01:b1");
    id.set("console", "192.168.1.2");
    id.set("port", "40123");
    id.set("heartbeat", "30");
    id.set("key", kKey.toStdString());
    return id;
}

// "old=new" for the disks of a table row: the clone's names are vm177-disk<N>.vmdk.
QMap<QString, QString> diskMap(const QStringList &disks) {
    QMap<QString, QString> map;
    for (qsizetype i = 0; i < disks.size(); ++i)
        map.insert(disks[i].section(u'=', 1), u"vm177-disk%1.vmdk"_s.arg(i));
    return map;
}

VmxDocument load(const QString &file) {
    auto doc = VmxDocument::load(vmx_corpus::path(file));
    if (!doc)
        qFatal("%s", qPrintable(doc.error()));
    return *doc;
}

// The keys the rewriter may touch; every other line must keep its bytes and order.
QRegularExpression touchedKeys(const QStringList &diskDevices) {
    QStringList alternatives{
        u"\\.encoding"_s, u"displayName"_s, u"uuid\\.(bios|location|action)"_s, u"vc\\.uuid"_s,
        u"msg\\.autoAnswer"_s,
        u"ethernet\\d+\\.(generatedAddress|generatedAddressOffset|addressType|address)"_s,
        u"checkpoint\\.vmState"_s, u"sched\\.swap\\.derivedName"_s, u"migrate\\.hostLog"_s,
        u"vmci0\\.id"_s, u".*\\.sasWWID"_s, u"vm\\.genid"_s, u"vm\\.genidX"_s,
        u"vmxstats\\.filename"_s, u"nvram"_s, u"extendedConfigFile"_s,
        u"guestinfo\\.vmeclone\\..*"_s, u"guestinfo\\.metadata(\\.encoding)?"_s,
        // identity-bearing keys (VmxCloneRewriter::identityBearingKeys)
        u"viv\\.moid"_s, u"root-disk-uuid"_s, u"ethernet\\d+\\.externalId"_s, u"nvp\\..*"_s,
        u"guestinfo\\.appInfo"_s, u"guestinfo\\.vmtools\\..*"_s, u"guestInfo\\.detailed\\.data"_s,
        u"[a-z]+\\d+(:\\d+)?\\..*uuid"_s};
    for (const QString &device : diskDevices)
        alternatives << QRegularExpression::escape(device) + u"\\.fileName"_s;
    return QRegularExpression(u"^(%1)$"_s.arg(alternatives.join(u'|')),
                              QRegularExpression::CaseInsensitiveOption);
}

QList<QByteArray> untouchedLines(const QByteArray &bytes, const QRegularExpression &touched) {
    QList<QByteArray> out;
    for (const QByteArray &line : vmx_corpus::rawLines(bytes)) {
        const QString key = vmx_corpus::rawKey(line);
        if (key.isEmpty() || !touched.match(key).hasMatch())
            out.append(line.endsWith('\r') ? line.chopped(1) : line); // CRLF checked apart
    }
    return out;
}

} // namespace

class TstVmxCloneRewriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
    void macForNic_data();
    void macForNic();
    void macsNeverCollide_data();
    void macsNeverCollide();
    void refuses_data();
    void refuses();
    void warnsAboutUnusedDiskEntries();
    void convertsCharsetAndSaysSo();
    void metadataWithoutGatewayOrDns();
    void goldenStaysUntouchedAndOutputIsStable();
    void relativeCdromImage_data();
    void relativeCdromImage();
    void dropsIdentityBearingKeys_data();
    void dropsIdentityBearingKeys();
    void metadataWithoutNic();
};

void TstVmxCloneRewriter::corpus_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("disks");   // device=golden file name (present disks)
    QTest::addColumn<QStringList>("kept");    // key=value that must not change
    QTest::addColumn<QStringList>("nics");    // device=expected MAC (present NICs)
    QTest::addColumn<QStringList>("offNics"); // NICs not present
    QTest::addColumn<QStringList>("copies");  // from>to>required
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QStringList>("warnings"); // a phrase of each warning
    const QString mac0 = u"00:50:56:28:01:b1"_s;
    const QString nvram177 = u">vm177.nvram>1"_s;
    const QString vmxf177 = u">vm177.vmxf>1"_s;

    QTest::newRow("ws17_linux")
        << u"ws17_linux.vmx"_s << QStringList{u"scsi0:0=vm176.vmdk"_s}
        << QStringList{u"sata0:1.fileName=/srv/iso/CentOS-7-x86_64-Minimal-2009.iso"_s,
                       u"guestinfo.userdata=I2Nsb3VkLWNvbmZpZwo="_s, u"ethernet0.vnet=vmnet2"_s}
        << QStringList{u"ethernet0="_s + mac0} << QStringList()
        << QStringList{u"vm176.nvram"_s + nvram177, u"vm176.vmxf"_s + vmxf177} << u"UTF-8"_s
        << QStringList();
    QTest::newRow("player6_shebang")
        << u"player6_shebang.vmx"_s << QStringList{u"ide0:0=CentOS 6 64-bit.vmdk"_s}
        << QStringList{u"ide1:0.fileName=auto detect"_s} << QStringList{u"ethernet0="_s + mac0}
        << QStringList()
        << QStringList{u"CentOS 6 64-bit.nvram"_s + nvram177, u"CentOS 6 64-bit.vmxf"_s + vmxf177}
        << u"UTF-8"_s << QStringList();
    QTest::newRow("upper_case_keys")
        << u"upper_case_keys.vmx"_s << QStringList{u"SCSI0:0=VM176.VMDK"_s} << QStringList()
        << QStringList{u"Ethernet0="_s + mac0} << QStringList()
        << QStringList{u"VM176.NVRAM"_s + nvram177} << u"UTF-8"_s << QStringList();
    QTest::newRow("unquoted_spacing")
        << u"unquoted_spacing.vmx"_s << QStringList{u"scsi0:0=vm176.vmdk"_s}
        << QStringList{u"scsi0:0.virtualSSD=1"_s} << QStringList{u"ethernet0="_s + mac0}
        << QStringList() << QStringList{u"vm176.nvram"_s + nvram177} << u"UTF-8"_s << QStringList();
    QTest::newRow("escapes_windows_paths")
        << u"escapes_windows_paths.vmx"_s
        << QStringList{u"nvme0:0=D:\\VMs\\vm176\\vm176-disk1.vmdk"_s}
        << QStringList{u"sata0:1.fileName=C:\\ISO\\Windows Server 2019|lab.iso"_s,
                       u"annotation=Golden image for the lab\nDo not power on\n| owner: ops |"_s}
        << QStringList{u"ethernet0="_s + mac0} << QStringList()
        << QStringList{u"vm176.nvram"_s + nvram177} << u"UTF-8"_s
        << QStringList{u"workingDir is the absolute folder \"D:\\VMs\\vm176\""_s};
    QTest::newRow("windows1252_crlf")
        << u"windows1252_crlf.vmx"_s << QStringList{u"scsi0:0=Caf\u00e9 176.vmdk"_s}
        << QStringList{u"annotation=Preis: 5 \u20ac pro Stunde"_s}
        << QStringList{u"ethernet0="_s + mac0} << QStringList()
        << QStringList{u"Caf\u00e9 176.nvram"_s + nvram177, u"Caf\u00e9 176.vmxf"_s + vmxf177}
        << u"windows-1252"_s << QStringList();
    QTest::newRow("gbk_crlf")
        << u"gbk_crlf.vmx"_s
        << QStringList{u"sata0:0=E:\\\u865a\u62df\u673a\\\u6d4b\u8bd5\u865a\u62df\u673a176\\"
                       u"\u78c1\u76d8.vmdk"_s}
        << QStringList{u"sata0:1.fileName=E:\\\u955c\u50cf\\\u7cfb\u7edf.iso"_s}
        << QStringList{u"ethernet0="_s + mac0} << QStringList()
        << QStringList{u"\u6d4b\u8bd5\u865a\u62df\u673a176.nvram"_s + nvram177} << u"GBK"_s
        << QStringList();
    // ethernet1 and ethernet3 get the primary MAC with 1 and 3 XORed into byte 3 (0x28).
    QTest::newRow("multi_nic_multi_disk")
        << u"multi_nic_multi_disk.vmx"_s
        << QStringList{u"scsi0:0=vm176.vmdk"_s, u"scsi0:1=vm176-data.vmdk"_s,
                       u"sata0:0=vm176-sata.vmdk"_s, u"ide0:0=vm176-ide.vmdk"_s,
                       u"nvme0:0=vm176-nvme.vmdk"_s}
        << QStringList{u"sata0:1.fileName=%CORPUS%tools.iso"_s, u"ide1:0.fileName=/dev/sr0"_s,
                       u"scsi0:2.fileName=vm176-old.vmdk"_s, u"ethernet2.addressType=generated"_s}
        << QStringList{u"ethernet0="_s + mac0, u"ethernet1=00:50:56:29:01:b1"_s,
                       u"ethernet3=00:50:56:2b:01:b1"_s}
        << QStringList{u"ethernet2"_s} << QStringList{u"vm176-multi.nvram"_s + nvram177}
        << u"UTF-8"_s << QStringList{u"scsi0:2 is not present"_s};
    QTest::newRow("snapshots_suspended")
        << u"snapshots_suspended.vmx"_s << QStringList{u"scsi0:0=vm176-000002.vmdk"_s}
        << QStringList{u"checkpoint.vmState.readOnly=FALSE"_s, u"snapshot.action=keep"_s}
        << QStringList{u"ethernet0="_s + mac0} << QStringList()
        << QStringList{u"vm176.nvram"_s + nvram177} << u"UTF-8"_s << QStringList();
    QTest::newRow("linked_clone_disk")
        << u"linked_clone_disk.vmx"_s << QStringList{u"scsi0:0=vm176-cl1-000001.vmdk"_s}
        << QStringList{u"scsi0:0.mode=persistent"_s} << QStringList{u"ethernet0="_s + mac0}
        << QStringList()
        << QStringList{u"Clone of vm176.nvram"_s + nvram177, u"Clone of vm176.vmxf"_s + vmxf177}
        << u"UTF-8"_s << QStringList();
    QTest::newRow("crlf_no_final_newline")
        << u"crlf_no_final_newline.vmx"_s << QStringList{u"scsi0:0=vm176.vmdk"_s}
        << QStringList{u"memsize=768"_s} << QStringList{u"ethernet0="_s + mac0} << QStringList()
        << QStringList{u"vm176.nvram"_s + nvram177} << u"UTF-8"_s << QStringList();
    QTest::newRow("utf8_bom_nvme")
        << u"utf8_bom_nvme.vmx"_s << QStringList{u"nvme0:0=\u78c1\u76d8 176.vmdk"_s}
        << QStringList{u"scsi1.virtualDev=lsisas1068"_s} << QStringList{u"ethernet0="_s + mac0}
        << QStringList() << QStringList{u"vm176.nvram"_s + nvram177} << u"UTF-8"_s << QStringList();
    // No nvram key: VMware's implied name, copied when it exists. ethernet0 is absent, so
    // ethernet1 is the primary NIC and carries the address's MAC.
    QTest::newRow("ws5_no_encoding")
        << u"ws5_no_encoding.vmx"_s << QStringList{u"ide0:0=vm176.vmdk"_s}
        << QStringList{u"ide1:0.fileName=/dev/cdrom"_s} << QStringList{u"ethernet1="_s + mac0}
        << QStringList{u"ethernet0"_s} << QStringList{u"ws5_no_encoding.nvram>vm177.nvram>0"_s}
        << u"UTF-8"_s << QStringList();
    QTest::newRow("duplicate_keys")
        << u"duplicate_keys.vmx"_s << QStringList{u"scsi0:0=vm176.vmdk"_s}
        << QStringList{u"memsize=1024"_s} << QStringList{u"ethernet0="_s + mac0} << QStringList()
        << QStringList{u"vm176.nvram"_s + nvram177} << u"UTF-8"_s << QStringList();
}

void TstVmxCloneRewriter::corpus() {
    QFETCH(QString, file);
    QFETCH(QStringList, disks);
    QFETCH(QStringList, kept);
    QFETCH(QStringList, nics);
    QFETCH(QStringList, offNics);
    QFETCH(QStringList, copies);
    QFETCH(QString, encoding);
    QFETCH(QStringList, warnings);

    const QByteArray goldenBytes = vmx_corpus::read(file);
    const VmxDocument golden = load(file);
    const VmxCloneSpec spec{u"vm177"_s, identity177(), diskMap(disks)};
    const auto result = VmxCloneRewriter::rewrite(golden, spec);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->vmxFileName, u"vm177.vmx"_s);

    // Read back what VMware would read.
    const QByteArray bytes = result->document.toBytes();
    const auto parsed = VmxDocument::parse(bytes, u"vm177.vmx"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    const VmxDocument &clone = *parsed;
    QCOMPARE(clone.toBytes(), bytes);
    QCOMPARE(clone.encoding(), encoding);

    QCOMPARE(clone.value(u"displayName"_s), u"vm177"_s);
    for (const QString &key : {u"uuid.bios"_s, u"uuid.location"_s, u"vc.uuid"_s,
                               u"sched.swap.derivedName"_s, u"migrate.hostLog"_s, u"vmci0.id"_s,
                               u"vm.genid"_s, u"vm.genidX"_s, u"vmxstats.filename"_s})
        QVERIFY2(!clone.contains(key), qPrintable(key));
    QCOMPARE(clone.keysMatching(QRegularExpression(u".*\\.sasWWID"_s)), QStringList());
    QCOMPARE(clone.value(u"uuid.action"_s), u"create"_s);
    QCOMPARE(clone.value(u"msg.autoAnswer"_s), u"TRUE"_s);
    QCOMPARE(clone.contains(u"checkpoint.vmState"_s), golden.contains(u"checkpoint.vmState"_s));
    QCOMPARE(clone.value(u"checkpoint.vmState"_s), QString());

    // NICs: static MACs, in VMware's static range, distinct; pciSlotNumber kept.
    QSet<QString> macs;
    for (const QString &nic : nics) {
        const QString device = nic.section(u'=', 0, 0);
        const QString mac = nic.section(u'=', 1);
        QCOMPARE(clone.value(device + u".addressType"_s), u"static"_s);
        QCOMPARE(clone.value(device + u".address"_s), mac);
        QVERIFY(!clone.contains(device + u".generatedAddress"_s));
        QVERIFY(!clone.contains(device + u".generatedAddressOffset"_s));
        QCOMPARE(clone.value(device + u".pciSlotNumber"_s, u"<none>"_s),
                 golden.value(device + u".pciSlotNumber"_s, u"<none>"_s));
        const auto parsedMac = MacAddress::parse(mac);
        QVERIFY(parsedMac && vmeclone::protocol::isVmeStaticMac(parsedMac->bytes()));
        macs.insert(mac);
    }
    QCOMPARE(macs.size(), nics.size());
    for (const QString &device : offNics) {
        QVERIFY(!clone.contains(device + u".generatedAddress"_s));
        QVERIFY(!clone.contains(device + u".generatedAddressOffset"_s));
        QCOMPARE(clone.contains(device + u".address"_s), golden.contains(device + u".address"_s));
    }
    QCOMPARE(clone.keysMatching(QRegularExpression(u"ethernet\\d+\\.address"_s)).size(),
             nics.size());

    // Disks onto the clone's files; everything else kept.
    const auto map = diskMap(disks);
    QStringList diskDevices;
    for (const QString &disk : disks) {
        const QString device = disk.section(u'=', 0, 0);
        diskDevices << device;
        QCOMPARE(clone.value(device + u".fileName"_s), map.value(disk.section(u'=', 1)));
    }
    // %CORPUS%: a CD-ROM image named relative to the golden's folder, now pointed there.
    for (const QString &pair : kept) {
        QString value = pair.section(u'=', 1);
        if (value.startsWith(u"%CORPUS%"_s)) {
            value.replace(u"%CORPUS%"_s, vmx_corpus::path(QString()));
            diskDevices << pair.section(u'=', 0, 0).section(u'.', 0, 0);
        }
        QCOMPARE(clone.value(pair.section(u'=', 0, 0)), value);
    }

    // nvram and vmxf under the clone's name, and the plan to copy them.
    QCOMPARE(clone.value(u"nvram"_s), u"vm177.nvram"_s);
    QCOMPARE(clone.value(u"extendedConfigFile"_s, u"<none>"_s),
             golden.contains(u"extendedConfigFile"_s) ? u"vm177.vmxf"_s : u"<none>"_s);
    QStringList plan;
    for (const auto &copy : result->copies)
        plan << u"%1>%2>%3"_s.arg(copy.from, copy.to).arg(int(copy.required));
    QCOMPARE(plan, copies);

    // The identity: every key in guestinfo.vmeclone.*, nothing stale left.
    const KeyValueText id = identity177();
    const QStringList idKeys{u"version"_s, u"instance"_s, u"ip"_s,        u"prefix"_s,
                             u"gateway"_s, u"dns"_s,      u"hostname"_s,  u"mac"_s,
                             u"console"_s, u"port"_s,     u"heartbeat"_s, u"key"_s};
    for (const QString &key : idKeys)
        QCOMPARE(clone.value(u"guestinfo.vmeclone."_s + key),
                 QString::fromStdString(id.value(key.toStdString())));
    // And every further NIC (none has an address here): "nics" lists them, "nic<N>" is
    // each one's MAC.
    QStringList further;
    for (qsizetype i = 1; i < nics.size(); ++i) {
        const QString slot = nics[i].section(u'=', 0, 0).mid(u"ethernet"_s.size());
        further << slot;
        QCOMPARE(clone.value(u"guestinfo.vmeclone.nic"_s + slot), nics[i].section(u'=', 1));
    }
    QCOMPARE(clone.value(u"guestinfo.vmeclone.nics"_s), further.join(u','));
    QCOMPARE(clone.keysMatching(QRegularExpression(u"guestinfo\\.vmeclone\\..*"_s)).size(),
             idKeys.size() + (further.isEmpty() ? 0 : further.size() + 1));

    // cloud-init's metadata: base64 of JSON with the network matched by MAC.
    QCOMPARE(clone.value(u"guestinfo.metadata.encoding"_s), u"base64"_s);
    const QByteArray json = QByteArray::fromBase64(clone.value(u"guestinfo.metadata"_s).toLatin1(),
                                                   QByteArray::AbortOnBase64DecodingErrors);
    QJsonParseError error;
    const QJsonObject metadata = QJsonDocument::fromJson(json, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(metadata.value(u"instance-id"_s).toString(), kInstance);
    QCOMPARE(metadata.value(u"local-hostname"_s).toString(), u"vm177"_s);
    const QJsonObject network = metadata.value(u"network"_s).toObject();
    QCOMPARE(network.value(u"version"_s).toInt(), 2);
    const QJsonObject ethernets = network.value(u"ethernets"_s).toObject();
    // Every present NIC, matched by its MAC; the first has the address.
    QStringList names{u"eth0"_s};
    for (qsizetype i = 1; i < nics.size(); ++i)
        names << u"eth%1"_s.arg(i);
    QCOMPARE(ethernets.keys(), names);
    const QJsonArray said = metadata.value(u"vmeclone-nics"_s).toArray();
    QCOMPARE(said.size(), nics.size());
    for (qsizetype i = 0; i < nics.size(); ++i) {
        const QJsonObject nic = ethernets.value(names[i]).toObject();
        QCOMPARE(nic.value(u"match"_s).toObject().value(u"macaddress"_s).toString(),
                 nics[i].section(u'=', 1));
        QCOMPARE(nic.value(u"set-name"_s).toString(), names[i]);
        QCOMPARE(said[i].toObject().value(u"device"_s).toString(), nics[i].section(u'=', 0, 0));
        QCOMPARE(said[i].toObject().value(u"configured"_s).toBool(), i == 0);
        if (i > 0) { // explicitly left unconfigured
            QCOMPARE(nic.value(u"dhcp4"_s), QJsonValue(false));
            QCOMPARE(nic.value(u"dhcp6"_s), QJsonValue(false));
            QCOMPARE(nic.value(u"optional"_s), QJsonValue(true));
            QVERIFY(!nic.contains(u"addresses"_s) && !nic.contains(u"routes"_s));
        }
    }
    const QJsonObject eth0 = ethernets.value(u"eth0"_s).toObject();
    QCOMPARE(eth0.value(u"match"_s).toObject().value(u"macaddress"_s).toString(),
             u"00:50:56:28:01:b1"_s);
    QCOMPARE(eth0.value(u"set-name"_s).toString(), u"eth0"_s);
    QCOMPARE(eth0.value(u"dhcp4"_s), QJsonValue(false));
    QCOMPARE(eth0.value(u"addresses"_s).toArray(), QJsonArray{u"192.168.1.177/24"_s});
    // A default route, not the deprecated gateway4.
    QVERIFY(!eth0.contains(u"gateway4"_s));
    QCOMPARE(eth0.value(u"routes"_s).toArray(),
             (QJsonArray{QJsonObject{{u"to"_s, u"0.0.0.0/0"_s}, {u"via"_s, u"192.168.1.1"_s}}}));
    QCOMPARE(eth0.value(u"nameservers"_s).toObject().value(u"addresses"_s).toArray(),
             (QJsonArray{u"192.168.1.53"_s, u"192.168.1.54"_s}));

    // Every line the rewriter has no business with keeps its bytes and its place.
    const QRegularExpression touched = touchedKeys(diskDevices);
    QCOMPARE(untouchedLines(bytes, touched), untouchedLines(goldenBytes, touched));
    QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), goldenBytes.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(bytes.contains("\r\n"), goldenBytes.contains("\r\n"));

    QCOMPARE(result->warnings.size(), warnings.size());
    for (qsizetype i = 0; i < warnings.size(); ++i)
        QVERIFY2(result->warnings[i].contains(warnings[i]), qPrintable(result->warnings[i]));
}

void TstVmxCloneRewriter::macForNic_data() {
    QTest::addColumn<QString>("ip");
    QTest::addColumn<int>("prefix");
    QTest::addColumn<int>("slot");
    QTest::addColumn<QString>("mac"); // empty: refused
    QTest::newRow("primary") << u"192.168.1.177"_s << 24 << 0 << u"00:50:56:28:01:b1"_s;
    QTest::newRow("slot 1") << u"192.168.1.177"_s << 24 << 1 << u"00:50:56:29:01:b1"_s;
    QTest::newRow("slot 9") << u"192.168.1.177"_s << 24 << 9 << u"00:50:56:21:01:b1"_s;
    QTest::newRow("slot 63") << u"192.168.1.177"_s << 24 << 63 << u"00:50:56:17:01:b1"_s;
    QTest::newRow("slot 64") << u"192.168.1.177"_s << 24 << 64 << QString();
    QTest::newRow("/16 slot 63") << u"198.51.100.200"_s << 16 << 63 << u"00:50:56:0c:64:c8"_s;
    QTest::newRow("/12: bits 20-21") << u"10.1.2.3"_s << 12 << 3 << u"00:50:56:31:02:03"_s;
    QTest::newRow("/12 slot 4") << u"10.1.2.3"_s << 12 << 4 << QString();
    QTest::newRow("/10 no room") << u"10.1.2.3"_s << 10 << 1 << QString();
    QTest::newRow("/10 primary fine") << u"10.1.2.3"_s << 10 << 0 << u"00:50:56:01:02:03"_s;
    QTest::newRow("negative") << u"10.1.2.3"_s << 24 << -1 << QString();
}

void TstVmxCloneRewriter::macForNic() {
    QFETCH(QString, ip);
    QFETCH(int, prefix);
    QFETCH(int, slot);
    QFETCH(QString, mac);
    const auto got = VmxCloneRewriter::macForNic(*Ipv4Address::parse(ip), prefix, slot);
    if (mac.isEmpty()) {
        QVERIFY(!got.ok());
        QVERIFY2(!got.error().isEmpty(), "refusal without a message");
        return;
    }
    QVERIFY2(got.ok(), qPrintable(got.error()));
    QCOMPARE(got->toString(), mac);
}

void TstVmxCloneRewriter::macsNeverCollide_data() {
    QTest::addColumn<QString>("subnet");
    QTest::addColumn<int>("slots"); // how many slots the subnet has room for
    QTest::newRow("/24") << u"192.168.1.0/24"_s << 64;
    QTest::newRow("/20") << u"203.0.112.0/20"_s << 64;
    QTest::newRow("/16") << u"198.51.0.0/16"_s << 64;
    QTest::newRow("/12") << u"172.16.0.0/12"_s << 4;
}

void TstVmxCloneRewriter::macsNeverCollide() {
    QFETCH(QString, subnet);
    QFETCH(int, slots);
    const Subnet net = *Subnet::parse(subnet);
    std::vector<std::uint32_t> seen;
    seen.reserve(size_t(net.lastHost().toUInt() - net.firstHost().toUInt() + 1) * size_t(slots));
    for (std::uint32_t a = net.firstHost().toUInt(); a <= net.lastHost().toUInt(); ++a) {
        for (int slot = 0; slot < slots; ++slot) {
            const auto mac = VmxCloneRewriter::macForNic(Ipv4Address(a), net.prefix(), slot);
            if (!mac.ok())
                QFAIL(qPrintable(mac.error()));
            const auto &b = mac->bytes();
            if (!vmeclone::protocol::isVmeStaticMac(b))
                QFAIL(qPrintable(mac->toString()));
            seen.push_back(std::uint32_t(b[3]) << 16 | std::uint32_t(b[4]) << 8 | b[5]);
        }
    }
    const size_t all = seen.size();
    std::sort(seen.begin(), seen.end());
    QCOMPARE(size_t(std::unique(seen.begin(), seen.end()) - seen.begin()), all);
    // One slot more has no room: refused, not wrapped onto another clone's MAC.
    QVERIFY(!VmxCloneRewriter::macForNic(net.firstHost(), net.prefix(), slots).ok());
}

void TstVmxCloneRewriter::refuses_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("identityKey"); // changed in the identity ("" = none)
    QTest::addColumn<QString>("identityValue");
    QTest::addColumn<QString>("dropDisk"); // removed from the disk map
    QTest::addColumn<QString>("message");
    const QString multi = u"multi_nic_multi_disk.vmx"_s;
    QTest::newRow("disk without a new name")
        << multi << u"vm177"_s << QString() << QString() << u"vm176-ide.vmdk"_s
        << u"ide0:0.fileName names the disk \"vm176-ide.vmdk\", but clone vm177 has no file "
           u"for it"_s;
    QTest::newRow("no ip") << multi << u"vm177"_s << u"ip"_s << QString() << QString()
                           << u"the identity of clone vm177 has no valid ip ('')"_s;
    QTest::newRow("bad ip") << multi << u"vm177"_s << u"ip"_s << u"192.168.1.300"_s << QString()
                            << u"the identity of clone vm177 has no valid ip ('192.168.1.300')"_s;
    QTest::newRow("bad prefix") << multi << u"vm177"_s << u"prefix"_s << u"x"_s << QString()
                                << u"has no valid prefix ('x')"_s;
    QTest::newRow("mac of another ip")
        << multi << u"vm177"_s << u"mac"_s << u"00:50:56:28:01:b2"_s << QString()
        << u"names the MAC '00:50:56:28:01:b2', but its ip 192.168.1.177 gives 00:50:56:28:01:b1"_s;
    QTest::newRow("bad gateway") << multi << u"vm177"_s << u"gateway"_s << u"gw"_s << QString()
                                 << u"has an invalid gateway 'gw'"_s;
    QTest::newRow("bad dns") << multi << u"vm177"_s << u"dns"_s << u"192.168.1.53,x"_s << QString()
                             << u"has an invalid dns server 'x'"_s;
    QTest::newRow("guestinfo-unsafe key")
        << multi << u"vm177"_s << u"a b"_s << u"1"_s << QString() << u"has the key 'a b'"_s;
    QTest::newRow("/10 leaves no room for ethernet1")
        << multi << u"vm177"_s << u"prefix"_s << u"10"_s << QString()
        << u"ethernet1 cannot get a static MAC of its own in a /10 subnet"_s;
    // A further NIC's address as Engine::identityFor gives it: "<mac>,<ip>/<prefix>".
    QTest::newRow("further NIC, MAC of another")
        << multi << u"vm177"_s << u"nic1"_s << u"00:50:56:29:01:b2,10.0.5.177/24"_s << QString()
        << u"gives ethernet1 the MAC 00:50:56:29:01:b2, but its ip 192.168.1.177 gives "
           u"00:50:56:29:01:b1"_s;
    QTest::newRow("further NIC that is absent")
        << multi << u"vm177"_s << u"nic2"_s << u"00:50:56:2a:01:b1,10.0.5.177/24"_s << QString()
        << u"multi_nic_multi_disk.vmx has not as a present NIC after its first"_s;
    QTest::newRow("further NIC, no MAC")
        << multi << u"vm177"_s << u"nic1"_s << u"10.0.5.177/24"_s << QString()
        << u"has nic1=10.0.5.177/24, which is not <mac>[,<ip>/<prefix>]"_s;
    QTest::newRow("further NIC, bad prefix")
        << multi << u"vm177"_s << u"nic1"_s << u"00:50:56:29:01:b1,10.0.5.177/33"_s << QString()
        << u"which is not <mac>[,<ip>/<prefix>]"_s;
    QTest::newRow("empty name") << multi << QString() << QString() << QString() << QString()
                                << u"the clone has no name"_s;
    QTest::newRow("slash in name") << multi << u"vm/177"_s << QString() << QString() << QString()
                                   << u"'vm/177' cannot be a file name"_s;
    QTest::newRow("backslash in name") << multi << u"vm\\177"_s << QString() << QString()
                                       << QString() << u"cannot be a file name"_s;
    QTest::newRow("reserved on Windows") << multi << u"con"_s << QString() << QString() << QString()
                                         << u"'con' cannot be a file name on Windows"_s;
    QTest::newRow("trailing dot") << multi << u"vm177."_s << QString() << QString() << QString()
                                  << u"cannot be a file name on Windows"_s;
}

void TstVmxCloneRewriter::refuses() {
    QFETCH(QString, file);
    QFETCH(QString, name);
    QFETCH(QString, identityKey);
    QFETCH(QString, identityValue);
    QFETCH(QString, dropDisk);
    QFETCH(QString, message);
    VmxCloneSpec spec{name, identity177(),
                      diskMap({u"a=vm176.vmdk"_s, u"b=vm176-data.vmdk"_s, u"c=vm176-sata.vmdk"_s,
                               u"d=vm176-ide.vmdk"_s, u"e=vm176-nvme.vmdk"_s})};
    if (!identityKey.isEmpty())
        spec.identity.set(identityKey.toStdString(), identityValue.toStdString());
    spec.disks.remove(dropDisk);
    const auto result = VmxCloneRewriter::rewrite(load(file), spec);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(message), qPrintable(result.error()));
}

void TstVmxCloneRewriter::warnsAboutUnusedDiskEntries() {
    // Two disks mapped to one name are refused; a map entry no disk uses is a warning.
    const VmxDocument golden = load(u"multi_nic_multi_disk.vmx"_s);
    VmxCloneSpec spec{u"vm177"_s, identity177(),
                      diskMap({u"a=vm176.vmdk"_s, u"b=vm176-data.vmdk"_s, u"c=vm176-sata.vmdk"_s,
                               u"d=vm176-ide.vmdk"_s, u"e=vm176-nvme.vmdk"_s})};
    spec.disks.insert(u"spare.vmdk"_s, u"vm177-spare.vmdk"_s);
    auto result = VmxCloneRewriter::rewrite(golden, spec);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QVERIFY(std::any_of(result->warnings.begin(), result->warnings.end(), [](const QString &w) {
        return w.contains(u"\"spare.vmdk\" is not a disk"_s);
    }));
    spec.disks.insert(u"vm176-ide.vmdk"_s, u"vm177-disk0.vmdk"_s);
    result = VmxCloneRewriter::rewrite(golden, spec);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(u"would both become \"vm177-disk0.vmdk\""_s),
             qPrintable(result.error()));
}

void TstVmxCloneRewriter::convertsCharsetAndSaysSo() {
    const VmxDocument golden = load(u"windows1252_crlf.vmx"_s);
    const VmxCloneSpec spec{u"\u514b\u9686177"_s,
                            identity177(),
                            {{u"Caf\u00e9 176.vmdk"_s, u"\u514b\u9686177.vmdk"_s}}};
    const auto result = VmxCloneRewriter::rewrite(golden, spec);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->document.encoding(), u"UTF-8"_s);
    QCOMPARE(result->warnings.size(), 1);
    QVERIFY2(result->warnings.first().contains(u"windows-1252 could not hold"_s),
             qPrintable(result->warnings.first()));
    const auto again = VmxDocument::parse(result->document.toBytes(), u"x.vmx"_s);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(again->value(u".encoding"_s), u"UTF-8"_s);
    QCOMPARE(again->value(u"displayName"_s), u"\u514b\u9686177"_s);
    QCOMPARE(again->value(u"scsi0:0.fileName"_s), u"\u514b\u9686177.vmdk"_s);
    QCOMPARE(again->value(u"nvram"_s), u"\u514b\u9686177.nvram"_s);
    QCOMPARE(again->value(u"annotation"_s), u"Preis: 5 \u20ac pro Stunde"_s);
}

void TstVmxCloneRewriter::metadataWithoutGatewayOrDns() {
    KeyValueText id;
    id.set("ip", "203.0.113.9");
    id.set("prefix", "24");
    const VmxCloneSpec spec{u"vm9"_s, id, {{u"vm176.vmdk"_s, u"vm9.vmdk"_s}}};
    const auto result = VmxCloneRewriter::rewrite(load(u"ws17_linux.vmx"_s), spec);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const QByteArray json =
        QByteArray::fromBase64(result->document.value(u"guestinfo.metadata"_s).toLatin1());
    const QJsonObject metadata = QJsonDocument::fromJson(json).object();
    // Without an instance or hostname in the identity, the clone's name is both.
    QCOMPARE(metadata.value(u"instance-id"_s).toString(), u"vm9"_s);
    QCOMPARE(metadata.value(u"local-hostname"_s).toString(), u"vm9"_s);
    const QJsonObject eth0 = metadata.value(u"network"_s)
                                 .toObject()
                                 .value(u"ethernets"_s)
                                 .toObject()
                                 .value(u"eth0"_s)
                                 .toObject();
    QCOMPARE(eth0.value(u"match"_s).toObject().value(u"macaddress"_s).toString(),
             u"00:50:56:00:71:09"_s);
    QVERIFY(!eth0.contains(u"gateway4"_s));
    QVERIFY(!eth0.contains(u"routes"_s));
    QVERIFY(!eth0.contains(u"nameservers"_s));
    QCOMPARE(result->document.keysMatching(QRegularExpression(u"guestinfo\\.vmeclone\\..*"_s)),
             (QStringList{u"guestinfo.vmeclone.ip"_s, u"guestinfo.vmeclone.prefix"_s}));
}

void TstVmxCloneRewriter::goldenStaysUntouchedAndOutputIsStable() {
    const QByteArray goldenBytes = vmx_corpus::read(u"ws5_no_encoding.vmx"_s);
    const VmxDocument golden = load(u"ws5_no_encoding.vmx"_s);
    const VmxCloneSpec spec{u"vm177"_s, identity177(), {{u"vm176.vmdk"_s, u"vm177.vmdk"_s}}};
    const auto first = VmxCloneRewriter::rewrite(golden, spec);
    const auto second = VmxCloneRewriter::rewrite(golden, spec);
    QVERIFY2(first.ok() && second.ok(), qPrintable(first.error()));
    QCOMPARE(golden.toBytes(), goldenBytes);
    QCOMPARE(first->document.toBytes(), second->document.toBytes());
    // The golden's own stale vmeclone identity is replaced, not kept beside the new one.
    QCOMPARE(first->document.value(u"guestinfo.vmeclone.key"_s), kKey);
    QVERIFY(!first->document.toBytes().contains("stale"));
}

void TstVmxCloneRewriter::relativeCdromImage_data() {
    QTest::addColumn<QString>("goldenPath");
    QTest::addColumn<QString>("image"); // empty: left as it was, with a warning
    QTest::newRow("linux") << u"/vms/vm176/vm176.vmx"_s << u"/vms/vm176/tools.iso"_s;
    QTest::newRow("windows") << u"D:\\VMs\\vm176\\vm176.vmx"_s << u"D:\\VMs\\vm176\\tools.iso"_s;
    QTest::newRow("no folder known") << u"vm176.vmx"_s << QString();
}

void TstVmxCloneRewriter::relativeCdromImage() {
    QFETCH(QString, goldenPath);
    QFETCH(QString, image);
    const auto golden =
        VmxDocument::parse("ide1:0.present = \"TRUE\"\nide1:0.deviceType = \"cdrom-image\"\n"
                           "ide1:0.fileName = \"tools.iso\"\nide1:1.deviceType = \"cdrom-image\"\n"
                           "ide1:1.fileName = \"/abs/other.iso\"\n",
                           goldenPath);
    QVERIFY2(golden.ok(), qPrintable(golden.error()));
    KeyValueText id;
    id.set("ip", "203.0.113.9");
    id.set("prefix", "24");
    const auto result = VmxCloneRewriter::rewrite(*golden, VmxCloneSpec{u"vm9"_s, id, {}});
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->document.value(u"ide1:1.fileName"_s), u"/abs/other.iso"_s);
    if (image.isEmpty()) {
        QCOMPARE(result->document.value(u"ide1:0.fileName"_s), u"tools.iso"_s);
        QVERIFY(std::any_of(result->warnings.begin(), result->warnings.end(), [](const QString &w) {
            return w.contains(u"the CD-ROM image \"tools.iso\" (ide1:0)"_s);
        }));
    } else {
        QCOMPARE(result->document.value(u"ide1:0.fileName"_s), image);
    }
}

void TstVmxCloneRewriter::dropsIdentityBearingKeys_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("disks");
    QTest::addColumn<QStringList>("dropped"); // as spelled in the file
    QTest::newRow("ESXi 8 with NSX")
        << u"esxi80_nsx_two_nics.vmx"_s
        << QStringList{u"scsi0:0=web01.vmdk"_s, u"scsi0:1=web01_1.vmdk"_s}
        << QStringList{u"ethernet0.externalId"_s,
                       u"ethernet1.externalId"_s,
                       u"viv.moid"_s,
                       u"nvp.vm-uuid"_s,
                       u"nvp.iface-id.0"_s,
                       u"nvp.iface-id.1"_s,
                       u"root-disk-uuid"_s,
                       u"scsi0.sasWWID"_s,
                       u"guestinfo.vmtools.versionString"_s,
                       u"guestinfo.vmtools.versionNumber"_s};
    QTest::newRow("ESXi 7 with EFI and NVMe")
        << u"esxi70_efi_nvme.vmx"_s << QStringList{u"nvme0:0=vm176.vmdk"_s}
        << QStringList{u"nvme0.subnqnUUID"_s,
                       u"viv.moid"_s,
                       u"guestinfo.appInfo"_s,
                       u"guestinfo.vmtools.buildNumber"_s,
                       u"guestinfo.vmtools.description"_s,
                       u"guestinfo.vmtools.versionNumber"_s,
                       u"guestinfo.vmtools.versionString"_s,
                       u"guestInfo.detailed.data"_s};
    QTest::newRow("Fusion 13 with NVMe")
        << u"fusion13_arm_like_mac_paths.vmx"_s << QStringList{u"nvme0:0=Virtual Disk.vmdk"_s}
        << QStringList{u"nvme0.subnqnUUID"_s};
}

void TstVmxCloneRewriter::dropsIdentityBearingKeys() {
    QFETCH(QString, file);
    QFETCH(QStringList, disks);
    QFETCH(QStringList, dropped);
    const QByteArray goldenBytes = vmx_corpus::read(file);
    const VmxDocument golden = load(file);
    for (const QString &key : dropped)
        QVERIFY2(golden.contains(key), qPrintable(key)); // the corpus has what is tested
    QStringList expected = dropped;
    QStringList found = VmxCloneRewriter::identityBearingKeys(golden);
    expected.sort(Qt::CaseInsensitive);
    found.sort(Qt::CaseInsensitive);
    QCOMPARE(found, expected);

    const auto result =
        VmxCloneRewriter::rewrite(golden, {u"vm177"_s, identity177(), diskMap(disks)});
    QVERIFY2(result.ok(), qPrintable(result.error()));
    for (const QString &key : dropped)
        QVERIFY2(!result->document.contains(key), qPrintable(key));
    QCOMPARE(VmxCloneRewriter::identityBearingKeys(result->document), QStringList());
    // Not device ids: kept.
    for (const QString &key : {u"ethernet0.dvs.portgroupId"_s, u"uuid.action"_s})
        QCOMPARE(result->document.contains(key), key == u"uuid.action"_s || golden.contains(key));
    // Every other line keeps its bytes and its place.
    QStringList devices;
    for (const QString &disk : disks)
        devices << disk.section(u'=', 0, 0);
    const QRegularExpression touched = touchedKeys(devices);
    QCOMPARE(untouchedLines(result->document.toBytes(), touched),
             untouchedLines(goldenBytes, touched));
}

// A golden without a present NIC (accepted at golden add only when allowed): cloud-init
// is told of no network, rather than of a NIC the clone does not have.
void TstVmxCloneRewriter::metadataWithoutNic() {
    const VmxDocument golden = load(u"no_nic.vmx"_s);
    const auto result = VmxCloneRewriter::rewrite(
        golden, {u"vm177"_s, identity177(), {{u"appliance-offline.vmdk"_s, u"vm177.vmdk"_s}}});
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const QJsonObject metadata =
        QJsonDocument::fromJson(
            QByteArray::fromBase64(result->document.value(u"guestinfo.metadata"_s).toLatin1()))
            .object();
    QCOMPARE(metadata.value(u"instance-id"_s).toString(), kInstance);
    QVERIFY(!metadata.contains(u"network"_s));
    QCOMPARE(result->document.keysMatching(QRegularExpression(u"ethernet\\d+\\..*"_s)),
             QStringList());
    QVERIFY(!result->warnings.isEmpty());
    QVERIFY2(result->warnings.first().contains(u"no present network adapter"_s),
             qPrintable(result->warnings.first()));
}

QTEST_GUILESS_MAIN(TstVmxCloneRewriter)
#include "tst_vmx_clone_rewriter.moc"
