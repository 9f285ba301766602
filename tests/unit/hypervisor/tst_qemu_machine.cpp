// QemuMachine: the JSON machine description of a QEMU golden or clone, read from and
// written to real files: valid and invalid descriptions, paths relative to the file,
// and keys of newer versions kept through a save.

#include "hypervisor/qemu_machine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

bool writeFile(const QString &path, const QByteArray &content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// A complete description; tests change one key at a time.
QJsonObject validJson() {
    return QJsonObject{{u"format"_s, u"vmeclone-qemu-machine"_s},
                       {u"version"_s, 1},
                       {u"name"_s, u"demo"_s},
                       {u"memory_mb"_s, 192},
                       {u"cpus"_s, 2},
                       {u"kernel"_s, u"boot/vmlinuz"_s},
                       {u"initrd"_s, u"boot/initrd.img"_s},
                       {u"cmdline"_s, u"console=ttyS0 quiet"_s},
                       {u"disk"_s, u"disk.qcow2"_s},
                       {u"disk_format"_s, u"qcow2"_s},
                       {u"disk_interface"_s, u"virtio"_s},
                       {u"nic_model"_s, u"virtio-net-pci"_s},
                       {u"suffix"_s, 176},
                       {u"subnet"_s, u"192.0.2.0/24"_s}};
}

} // namespace

class TestQemuMachine : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &relative) const { return m_dir->filePath(relative); }

    // The golden's folder: the description and the files it names.
    QString writeMachine(const QJsonObject &o, const QString &relative = u"golden/machine.json"_s) {
        const QString file = path(relative);
        writeFile(file, QJsonDocument(o).toJson());
        return file;
    }

private Q_SLOTS:
    void init();
    void cleanup() { m_dir.reset(); }

    void readsValidDescription();
    void defaultsForOptionalKeys();
    void resolvesPathsAgainstItsFolder();
    void refusesInvalid_data();
    void refusesInvalid();
    void refusesMissingFile();
    void keepsUnknownKeysThroughSave();
    void saveFailsWithoutLeavingFiles();
};

void TestQemuMachine::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(writeFile(path(u"golden/boot/vmlinuz"_s), "kernel"));
    QVERIFY(writeFile(path(u"golden/boot/initrd.img"_s), "initrd"));
    QVERIFY(writeFile(path(u"golden/disk.qcow2"_s), "disk"));
}

void TestQemuMachine::readsValidDescription() {
    const QString file = writeMachine(validJson());
    auto m = QemuMachine::fromFile(file);
    QVERIFY2(m, qPrintable(m.error()));
    QCOMPARE(m->name, u"demo"_s);
    QCOMPARE(m->memoryMb, 192);
    QCOMPARE(m->cpus, 2);
    QCOMPARE(m->kernel, path(u"golden/boot/vmlinuz"_s));
    QCOMPARE(m->initrd, path(u"golden/boot/initrd.img"_s));
    QCOMPARE(m->cmdline, u"console=ttyS0 quiet"_s);
    QCOMPARE(m->disk, path(u"golden/disk.qcow2"_s));
    QCOMPARE(m->diskFormat, u"qcow2"_s);
    QCOMPARE(m->diskInterface, u"virtio"_s);
    QCOMPARE(m->nicModel, u"virtio-net-pci"_s);
    QVERIFY(m->suffix.has_value());
    QCOMPARE(*m->suffix, 176u);
    QVERIFY(m->subnet.has_value());
    QCOMPARE(m->subnet->toString(), u"192.0.2.0/24"_s);
    QVERIFY(m->extra.isEmpty());
}

void TestQemuMachine::defaultsForOptionalKeys() {
    const QString file = writeMachine({{u"format"_s, u"vmeclone-qemu-machine"_s},
                                       {u"version"_s, 1},
                                       {u"disk"_s, u"disk.qcow2"_s}},
                                      u"golden/minimal.json"_s);
    auto m = QemuMachine::fromFile(file);
    QVERIFY2(m, qPrintable(m.error()));
    QCOMPARE(m->name, u"minimal"_s); // the file's name
    QCOMPARE(m->memoryMb, 256);
    QCOMPARE(m->cpus, 1);
    QVERIFY(m->kernel.isEmpty()); // boots from the disk
    QVERIFY(m->initrd.isEmpty());
    QCOMPARE(m->diskFormat, u"qcow2"_s);
    QVERIFY(!m->suffix);
    QVERIFY(!m->subnet);
}

void TestQemuMachine::resolvesPathsAgainstItsFolder() {
    // Relative to the description's folder, never to the working directory; ".." and
    // absolute paths work too.
    QJsonObject o = validJson();
    o.insert(u"kernel"_s, u"../sub/../boot/./vmlinuz"_s);
    o.insert(u"initrd"_s, path(u"golden/boot/initrd.img"_s));
    const QString file = writeMachine(o, u"golden/sub/machine.json"_s);
    QVERIFY(writeFile(path(u"golden/sub/disk.qcow2"_s), "other disk"));
    const QString cwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(QDir::tempPath()));
    auto m = QemuMachine::fromFile(file);
    QDir::setCurrent(cwd);
    QVERIFY2(m, qPrintable(m.error()));
    QCOMPARE(m->kernel, path(u"golden/boot/vmlinuz"_s));
    QCOMPARE(m->initrd, path(u"golden/boot/initrd.img"_s));
    QCOMPARE(m->disk, path(u"golden/sub/disk.qcow2"_s));
}

void TestQemuMachine::refusesInvalid_data() {
    QTest::addColumn<QByteArray>("json"); // empty: validJson() with `key` set to `value`
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message"); // FILE stands for the description's path

    auto change = [](const char *name, const QString &key, const QJsonValue &value,
                     const QString &message) {
        QTest::newRow(name) << QByteArray() << key << value << message;
    };
    change("missing disk", u"disk"_s, QJsonValue(QJsonValue::Undefined),
           u"FILE names no \"disk\""_s);
    change("disk file missing", u"disk"_s, u"nowhere.qcow2"_s,
           u"FILE: the disk DIR/nowhere.qcow2 does not exist"_s);
    change("kernel file missing", u"kernel"_s, u"boot/bzImage"_s,
           u"FILE: the kernel DIR/boot/bzImage does not exist"_s);
    change("initrd is a folder", u"initrd"_s, u"boot"_s,
           u"FILE: the initrd DIR/boot does not exist"_s);
    change(
        "wrong format", u"format"_s, u"vmware-vmx"_s,
        u"FILE is not a vmeclone QEMU machine description (\"format\" must be \"vmeclone-qemu-machine\")"_s);
    change(
        "no format", u"format"_s, QJsonValue(QJsonValue::Undefined),
        u"FILE is not a vmeclone QEMU machine description (\"format\" must be \"vmeclone-qemu-machine\")"_s);
    change("wrong version", u"version"_s, 2,
           u"FILE: machine description version 2 is not supported (this vmeclone reads 1)"_s);
    change("memory too small", u"memory_mb"_s, 8,
           u"FILE: \"memory_mb\" 8 is out of range (16 to 1048576)"_s);
    change("memory too large", u"memory_mb"_s, 2000000,
           u"FILE: \"memory_mb\" 2000000 is out of range (16 to 1048576)"_s);
    change("memory beyond int", u"memory_mb"_s, 1e12,
           u"FILE: \"memory_mb\" 1000000000000 is out of range (16 to 1048576)"_s);
    change("memory not whole", u"memory_mb"_s, 256.5,
           u"FILE: \"memory_mb\" must be a whole number, not 256.5"_s);
    change("memory as text", u"memory_mb"_s, u"512"_s,
           u"FILE: \"memory_mb\" must be a whole number, not \"512\""_s);
    change("cpus 0", u"cpus"_s, 0, u"FILE: \"cpus\" 0 is out of range (1 to 256)"_s);
    change("negative suffix", u"suffix"_s, -1,
           u"FILE: \"suffix\" -1 is out of range (0 to 16777215)"_s);
    change("bad subnet", u"subnet"_s, u"192.0.2.5/24"_s, u"FILE: \"subnet\": "_s);
    change("bad disk interface", u"disk_interface"_s, u"floppy"_s,
           u"FILE: \"disk_interface\" must be virtio, ide or scsi"_s);
    change("NIC model with options", u"nic_model"_s, u"e1000,romfile=/etc/shadow"_s,
           u"FILE: \"nic_model\" e1000,romfile=/etc/shadow is not a QEMU device name"_s);
    change("disk format with options", u"disk_format"_s, u"raw,readonly=on"_s,
           u"FILE: \"disk_format\" raw,readonly=on is not a QEMU image format name"_s);

    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QString() << QJsonValue()
                              << u"FILE is not valid JSON ("_s;
    QTest::newRow("JSON array") << QByteArray("[1, 2]") << QString() << QJsonValue()
                                << u"FILE is not a JSON object"_s;
}

void TestQemuMachine::refusesInvalid() {
    QFETCH(QByteArray, json);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    const QString file = path(u"golden/machine.json"_s);
    if (json.isEmpty()) {
        QJsonObject o = validJson();
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        json = QJsonDocument(o).toJson();
    }
    QVERIFY(writeFile(file, json));
    message.replace(u"FILE"_s, file).replace(u"DIR"_s, path(u"golden"_s));

    auto m = QemuMachine::fromFile(file);
    QVERIFY(!m);
    // Messages that carry a parser's or another class's detail are checked up to it.
    if (message.endsWith(u": "_s) || message.endsWith(u'('))
        QVERIFY2(m.error().startsWith(message), qPrintable(m.error()));
    else
        QCOMPARE(m.error(), message);
}

void TestQemuMachine::refusesMissingFile() {
    const QString file = path(u"golden/absent.json"_s);
    auto m = QemuMachine::fromFile(file);
    QVERIFY(!m);
    QVERIFY2(m.error().startsWith(u"cannot read the machine description %1: "_s.arg(file)),
             qPrintable(m.error()));
}

void TestQemuMachine::keepsUnknownKeysThroughSave() {
    QJsonObject o = validJson();
    const QJsonObject vendor{{u"smbios"_s, u"type=11,value=hello"_s},
                             {u"numa"_s, QJsonArray{0, 1}}};
    o.insert(u"x_vendor"_s, vendor);
    o.insert(u"notes"_s, u"keep me"_s);
    auto m = QemuMachine::fromFile(writeMachine(o));
    QVERIFY2(m, qPrintable(m.error()));
    QCOMPARE(m->extra.size(), 2);
    QCOMPARE(m->extra.value(u"x_vendor"_s).toObject(), vendor);

    // A clone's description lives elsewhere and points at the golden's files.
    const QString cloneFile = path(u"shard/vm177/machine.json"_s);
    QVERIFY(QDir().mkpath(QFileInfo(cloneFile).absolutePath()));
    m->name = u"vm177"_s;
    m->suffix = 177;
    QVERIFY(m->save(cloneFile));

    QFile saved(cloneFile);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject written = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(written.value(u"kernel"_s).toString(), path(u"golden/boot/vmlinuz"_s)); // absolute
    QCOMPARE(written.value(u"notes"_s).toString(), u"keep me"_s);

    auto again = QemuMachine::fromFile(cloneFile);
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(again->name, u"vm177"_s);
    QCOMPARE(*again->suffix, 177u);
    QCOMPARE(again->kernel, m->kernel);
    QCOMPARE(again->initrd, m->initrd);
    QCOMPARE(again->disk, m->disk);
    QCOMPARE(again->memoryMb, m->memoryMb);
    QCOMPARE(again->cpus, m->cpus);
    QCOMPARE(again->cmdline, m->cmdline);
    QCOMPARE(again->subnet, m->subnet);
    QCOMPARE(again->extra, m->extra);
}

void TestQemuMachine::saveFailsWithoutLeavingFiles() {
    auto m = QemuMachine::fromFile(writeMachine(validJson()));
    QVERIFY(m);
    const QString target = path(u"no-such-folder/machine.json"_s);
    auto s = m->save(target);
    QVERIFY(!s);
    QVERIFY2(s.error().startsWith(u"cannot write %1: "_s.arg(target)), qPrintable(s.error()));
    QVERIFY(!QFileInfo::exists(path(u"no-such-folder"_s)));
    QCOMPARE(QDir(path(u"golden"_s)).entryList(QDir::Files),
             (QStringList{u"disk.qcow2"_s, u"machine.json"_s}));
}

QTEST_GUILESS_MAIN(TestQemuMachine)
#include "tst_qemu_machine.moc"
