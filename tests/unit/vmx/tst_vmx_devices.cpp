#include "vmx/vmx_devices.h"
#include "vmx_corpus.h"

#include <QTest>

using namespace Qt::StringLiterals;
using vmeclone::VmxDevices;
using vmeclone::VmxDocument;

namespace {

VmxDocument parsed(const QByteArray &bytes) {
    auto doc = VmxDocument::parse(bytes, u"t.vmx"_s);
    if (!doc)
        qFatal("parse failed: %s", qPrintable(doc.error()));
    return *doc;
}

// "device=fileName" (with "!" before the device when not present), in the order given.
QStringList describeDisks(const VmxDocument &doc) {
    QStringList out;
    for (const auto &disk : VmxDevices::disks(doc))
        out << (disk.present ? QString() : u"!"_s) + disk.device + u'=' + disk.fileName;
    return out;
}

} // namespace

class TstVmxDevices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void disksOfCorpus_data();
    void disksOfCorpus();
    void deviceTypes_data();
    void deviceTypes();
    void nics_data();
    void nics();
    void isTrue_data();
    void isTrue();
};

void TstVmxDevices::disksOfCorpus_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("disks");
    QTest::newRow("ws17: the ISO is not a disk")
        << u"ws17_linux.vmx"_s << QStringList{u"scsi0:0=vm176.vmdk"_s};
    QTest::newRow("every bus") << u"multi_nic_multi_disk.vmx"_s
                               << QStringList{
                                      u"scsi0:0=vm176.vmdk"_s,      u"scsi0:1=vm176-data.vmdk"_s,
                                      u"!scsi0:2=vm176-old.vmdk"_s, u"sata0:0=vm176-sata.vmdk"_s,
                                      u"ide0:0=vm176-ide.vmdk"_s,   u"nvme0:0=vm176-nvme.vmdk"_s};
    QTest::newRow("upper-case keys")
        << u"upper_case_keys.vmx"_s << QStringList{u"SCSI0:0=VM176.VMDK"_s};
    QTest::newRow("gbk") << u"gbk_crlf.vmx"_s
                         << QStringList{u"sata0:0=E:\\\u865a\u62df\u673a\\\u6d4b\u8bd5\u865a\u62df"
                                        u"\u673a176\\\u78c1\u76d8.vmdk"_s};
    QTest::newRow("raw cdrom on ide1")
        << u"player6_shebang.vmx"_s << QStringList{u"ide0:0=CentOS 6 64-bit.vmdk"_s};
    QTest::newRow("linked-clone delta")
        << u"linked_clone_disk.vmx"_s << QStringList{u"scsi0:0=vm176-cl1-000001.vmdk"_s};
}

void TstVmxDevices::disksOfCorpus() {
    QFETCH(QString, file);
    QFETCH(QStringList, disks);
    auto doc = VmxDocument::load(vmx_corpus::path(file));
    QVERIFY2(doc.ok(), qPrintable(doc.error()));
    QCOMPARE(describeDisks(*doc), disks);
}

void TstVmxDevices::deviceTypes_data() {
    QTest::addColumn<QString>("deviceType");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("isDisk");
    QTest::newRow("absent") << QString() << u"a.vmdk"_s << true;
    QTest::newRow("scsi-hardDisk") << u"scsi-hardDisk"_s << u"a.vmdk"_s << true;
    QTest::newRow("ata-hardDisk") << u"ata-hardDisk"_s << u"a.vmdk"_s << true;
    QTest::newRow("disk") << u"disk"_s << u"a.vmdk"_s << true;
    QTest::newRow("plainDisk") << u"plainDisk"_s << u"a.dsk"_s << true;
    QTest::newRow("rawDisk") << u"rawDisk"_s << u"raw.vmdk"_s << true;
    QTest::newRow("cdrom-image") << u"cdrom-image"_s << u"a.iso"_s << false;
    QTest::newRow("CDROM-IMAGE") << u"CDROM-IMAGE"_s << u"a.iso"_s << false;
    QTest::newRow("cdrom-raw") << u"cdrom-raw"_s << u"auto detect"_s << false;
    QTest::newRow("atapi-cdrom") << u"atapi-cdrom"_s << u"/dev/sr0"_s << false;
    QTest::newRow("scsi-passthru") << u"scsi-passthru"_s << u"/dev/sg1"_s << false;
    QTest::newRow("unknown type, vmdk") << u"future-thing"_s << u"a.VMDK"_s << true;
    QTest::newRow("unknown type, other") << u"future-thing"_s << u"a.img"_s << false;
}

void TstVmxDevices::deviceTypes() {
    QFETCH(QString, deviceType);
    QFETCH(QString, fileName);
    QFETCH(bool, isDisk);
    VmxDocument doc;
    doc.set(u"sata0.present"_s, u"TRUE"_s);
    doc.set(u"sata0:3.present"_s, u"TRUE"_s);
    if (!deviceType.isNull())
        doc.set(u"sata0:3.deviceType"_s, deviceType);
    doc.set(u"sata0:3.fileName"_s, fileName);
    QCOMPARE(describeDisks(doc), isDisk ? QStringList{u"sata0:3="_s + fileName} : QStringList());
}

void TstVmxDevices::nics_data() {
    QTest::addColumn<QByteArray>("vmx");
    QTest::addColumn<QStringList>("nics");
    QTest::newRow("none") << QByteArray("memsize = 1\n") << QStringList();
    QTest::newRow("ordered by number, not by file")
        << QByteArray("ethernet10.present = TRUE\nethernet2.present = FALSE\n"
                      "Ethernet0.Present = \"true\"\nethernet2.address = x\n")
        << QStringList{u"0:Ethernet0:1"_s, u"2:ethernet2:0"_s, u"10:ethernet10:1"_s};
    QTest::newRow("no present key: absent")
        << QByteArray("ethernet1.virtualDev = \"e1000\"\n") << QStringList{u"1:ethernet1:0"_s};
    QTest::newRow("not a nic") << QByteArray("ethernetX.present = TRUE\nethernet.present = TRUE\n")
                               << QStringList();
}

void TstVmxDevices::nics() {
    QFETCH(QByteArray, vmx);
    QFETCH(QStringList, nics);
    QStringList got;
    for (const auto &nic : VmxDevices::nics(parsed(vmx)))
        got << u"%1:%2:%3"_s.arg(nic.index).arg(nic.device).arg(int(nic.present));
    QCOMPARE(got, nics);
}

void TstVmxDevices::isTrue_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("expected");
    QTest::newRow("TRUE") << u"TRUE"_s << true;
    QTest::newRow("true") << u"true"_s << true;
    QTest::newRow("yes") << u"Yes"_s << true;
    QTest::newRow("1") << u"1"_s << true;
    QTest::newRow("FALSE") << u"FALSE"_s << false;
    QTest::newRow("no") << u"no"_s << false;
    QTest::newRow("0") << u"0"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("other") << u"TRUEISH"_s << false;
}

void TstVmxDevices::isTrue() {
    QFETCH(QString, value);
    QFETCH(bool, expected);
    QCOMPARE(VmxDevices::isTrue(value), expected);
}

QTEST_GUILESS_MAIN(TstVmxDevices)
#include "tst_vmx_devices.moc"
