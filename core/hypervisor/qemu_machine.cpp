#include "qemu_machine.h"

#include "common/failure_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kQemuMachineNotWhole{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: \"%2\" must be a whole number, not %3")};
const FailureSentence kQemuMachineOutOfRange{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: \"%2\" %3 is out of range (%4 to %5)")};
const FailureSentence kQemuMachineCannotRead{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot read the machine description %1: %2")};
const FailureSentence kQemuMachineTooLarge{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is not a machine description (over 1 MiB)")};
const FailureSentence kQemuMachineNotJson{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is not valid JSON (%2 at offset %3)")};
const FailureSentence kQemuMachineNotObject{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is not a JSON object")};
const FailureSentence kQemuMachineWrongFormat{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "%1 is not a vmeclone QEMU machine description (\"format\" must be \"%2\")")};
const FailureSentence kQemuMachineWrongVersion{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1: machine description version %2 is not supported (this vmeclone reads 1)")};
const FailureSentence kQemuMachineNoDisk{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 names no \"disk\"")};
const FailureSentence kQemuMachineKernelMissing{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: the kernel %2 does not exist")};
const FailureSentence kQemuMachineInitrdMissing{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: the initrd %2 does not exist")};
const FailureSentence kQemuMachineDiskMissing{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: the disk %2 does not exist")};
const FailureSentence kQemuMachineBadInterface{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: \"disk_interface\" must be virtio, ide or scsi")};
const FailureSentence kQemuMachineBadFormatName{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1: \"disk_format\" %2 is not a QEMU image format name")};
const FailureSentence kQemuMachineBadNicModel{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: \"nic_model\" %2 is not a QEMU device name")};

const QString kFormat = u"vmeclone-qemu-machine"_s;

// The JSON text of a value, for messages: "512" (quoted), 256.5, 1000000000000.
QString jsonText(const QJsonValue &v) {
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

// A whole number within [min, max], or `fallback` when the key is absent. QJsonValue's
// toInt() would turn "512", 256.5 or 1e12 silently into the default.
Expected<qint64> wholeNumber(const QString &path, const QJsonObject &o, const QString &key,
                             qint64 fallback, qint64 min, qint64 max) {
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return fallback;
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d))
        return fail(kQemuMachineNotWhole(path, key, jsonText(v)));
    if (d < static_cast<double>(min) || d > static_cast<double>(max))
        return fail(kQemuMachineOutOfRange(path, key, jsonText(v), min, max));
    return static_cast<qint64>(d);
}

// Format and device names go into QEMU's comma-separated option strings: a comma or
// '=' in them would add options nobody wrote.
bool isQemuName(const QString &name) {
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (!(c.isDigit() || (c >= u'a' && c <= u'z') || c == u'-' || c == u'_'))
            return false;
    }
    return true;
}

} // namespace

Expected<QemuMachine> QemuMachine::fromFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(kQemuMachineCannotRead(path, file.errorString()));
    if (file.size() > 1024 * 1024)
        return fail(kQemuMachineTooLarge(path));
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (doc.isNull())
        return fail(kQemuMachineNotJson(path, error.errorString(), error.offset));
    if (!doc.isObject())
        return fail(kQemuMachineNotObject(path));
    QJsonObject o = doc.object();
    if (o.value(u"format"_s).toString() != kFormat)
        return fail(kQemuMachineWrongFormat(path, kFormat));
    if (o.value(u"version"_s).toInt() != 1)
        return fail(kQemuMachineWrongVersion(path, o.value(u"version"_s).toInt()));

    const QDir base = QFileInfo(path).absoluteDir();
    auto resolve = [&](const QString &key) -> QString {
        const QString v = o.value(key).toString();
        return v.isEmpty() ? QString() : QDir::cleanPath(base.absoluteFilePath(v));
    };

    QemuMachine m;
    m.name = o.value(u"name"_s).toString(QFileInfo(path).completeBaseName());
    const auto memoryMb = wholeNumber(path, o, u"memory_mb"_s, 256, 16, 1024 * 1024);
    if (!memoryMb)
        return fail(memoryMb.error());
    m.memoryMb = static_cast<int>(*memoryMb);
    const auto cpus = wholeNumber(path, o, u"cpus"_s, 1, 1, 256);
    if (!cpus)
        return fail(cpus.error());
    m.cpus = static_cast<int>(*cpus);
    m.kernel = resolve(u"kernel"_s);
    m.initrd = resolve(u"initrd"_s);
    m.cmdline = o.value(u"cmdline"_s).toString();
    m.disk = resolve(u"disk"_s);
    m.diskFormat = o.value(u"disk_format"_s).toString(u"qcow2"_s);
    m.diskInterface = o.value(u"disk_interface"_s).toString(u"virtio"_s);
    m.nicModel = o.value(u"nic_model"_s).toString(u"virtio-net-pci"_s);
    if (o.contains(u"suffix"_s)) {
        // A host number inside a subnet of prefix 8 or longer.
        const auto suffix = wholeNumber(path, o, u"suffix"_s, 0, 0, (1 << 24) - 1);
        if (!suffix)
            return fail(suffix.error());
        m.suffix = static_cast<quint32>(*suffix);
    }
    if (const QString subnet = o.value(u"subnet"_s).toString(); !subnet.isEmpty()) {
        auto parsed = Subnet::parse(subnet);
        if (!parsed)
            return fail(u"%1: \"subnet\": %2"_s.arg(path, parsed.error()));
        m.subnet = *parsed;
    }

    if (m.disk.isEmpty())
        return fail(kQemuMachineNoDisk(path));
    for (const auto &[missing, named] : {std::pair{&kQemuMachineKernelMissing, m.kernel},
                                         std::pair{&kQemuMachineInitrdMissing, m.initrd},
                                         std::pair{&kQemuMachineDiskMissing, m.disk}}) {
        if (!named.isEmpty() && !QFileInfo(named).isFile())
            return fail((*missing)(path, named));
    }
    if (m.diskInterface != u"virtio" && m.diskInterface != u"ide" && m.diskInterface != u"scsi")
        return fail(kQemuMachineBadInterface(path));
    if (!isQemuName(m.diskFormat))
        return fail(kQemuMachineBadFormatName(path, m.diskFormat));
    if (!isQemuName(m.nicModel))
        return fail(kQemuMachineBadNicModel(path, m.nicModel));

    for (const auto *known :
         {u"format", u"version", u"name", u"memory_mb", u"cpus", u"kernel", u"initrd", u"cmdline",
          u"disk", u"disk_format", u"disk_interface", u"nic_model", u"suffix", u"subnet"})
        o.remove(QString::fromUtf16(known));
    m.extra = o;
    return m;
}

Status QemuMachine::save(const QString &path, bool sync) const {
    QJsonObject o = extra;
    o.insert(u"format"_s, kFormat);
    o.insert(u"version"_s, 1);
    o.insert(u"name"_s, name);
    o.insert(u"memory_mb"_s, memoryMb);
    o.insert(u"cpus"_s, cpus);
    if (!kernel.isEmpty())
        o.insert(u"kernel"_s, kernel);
    if (!initrd.isEmpty())
        o.insert(u"initrd"_s, initrd);
    o.insert(u"cmdline"_s, cmdline);
    o.insert(u"disk"_s, disk);
    o.insert(u"disk_format"_s, diskFormat);
    o.insert(u"disk_interface"_s, diskInterface);
    o.insert(u"nic_model"_s, nicModel);
    if (suffix)
        o.insert(u"suffix"_s, static_cast<qint64>(*suffix));
    if (subnet)
        o.insert(u"subnet"_s, subnet->toString());
    const QByteArray text = QJsonDocument(o).toJson();
    if (!sync) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(text) != text.size()
            || !file.flush())
            return fail(failures::kCannotWrite(path, file.errorString()));
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(failures::kCannotWrite(path, file.errorString()));
    file.write(text);
    if (!file.commit())
        return fail(failures::kCannotWrite(path, file.errorString()));
    return {};
}

} // namespace vmeclone
