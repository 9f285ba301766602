#include "qemu_machine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const QString kFormat = u"vmeclone-qemu-machine"_s;

} // namespace

Expected<QemuMachine> QemuMachine::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read the machine description %1: %2"_s.arg(path, file.errorString()));
    if (file.size() > 1024 * 1024)
        return fail(u"%1 is not a machine description (over 1 MiB)"_s.arg(path));
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (doc.isNull() || !doc.isObject())
        return fail(u"%1 is not valid JSON (%2 at offset %3)"_s.arg(path, error.errorString())
                        .arg(error.offset));
    QJsonObject o = doc.object();
    if (o.value(u"format"_s).toString() != kFormat)
        return fail(u"%1 is not a vmeclone QEMU machine description (\"format\" must be \"%2\")"_s
                        .arg(path, kFormat));
    if (o.value(u"version"_s).toInt() != 1)
        return fail(u"%1: machine description version %2 is not supported (this vmeclone reads 1)"_s
                        .arg(path)
                        .arg(o.value(u"version"_s).toInt()));

    const QDir base = QFileInfo(path).absoluteDir();
    auto resolve = [&](const QString &key) -> QString {
        const QString v = o.value(key).toString();
        return v.isEmpty() ? QString() : QDir::cleanPath(base.absoluteFilePath(v));
    };

    QemuMachine m;
    m.name = o.value(u"name"_s).toString(QFileInfo(path).completeBaseName());
    m.memoryMb = o.value(u"memory_mb"_s).toInt(256);
    m.cpus = o.value(u"cpus"_s).toInt(1);
    m.kernel = resolve(u"kernel"_s);
    m.initrd = resolve(u"initrd"_s);
    m.cmdline = o.value(u"cmdline"_s).toString();
    m.disk = resolve(u"disk"_s);
    m.diskFormat = o.value(u"disk_format"_s).toString(u"qcow2"_s);
    m.diskInterface = o.value(u"disk_interface"_s).toString(u"virtio"_s);
    m.nicModel = o.value(u"nic_model"_s).toString(u"virtio-net-pci"_s);
    if (o.contains(u"suffix"_s))
        m.suffix = static_cast<quint32>(o.value(u"suffix"_s).toInt());
    if (const QString subnet = o.value(u"subnet"_s).toString(); !subnet.isEmpty()) {
        auto parsed = Subnet::parse(subnet);
        if (!parsed)
            return fail(u"%1: \"subnet\": %2"_s.arg(path, parsed.error()));
        m.subnet = *parsed;
    }

    if (m.disk.isEmpty())
        return fail(u"%1 names no \"disk\""_s.arg(path));
    if (m.memoryMb < 16 || m.memoryMb > 1024 * 1024)
        return fail(u"%1: \"memory_mb\" %2 is out of range (16 to 1048576)"_s.arg(path).arg(m.memoryMb));
    if (m.cpus < 1 || m.cpus > 256)
        return fail(u"%1: \"cpus\" %2 is out of range (1 to 256)"_s.arg(path).arg(m.cpus));
    for (const auto &[key, file] : {std::pair{u"kernel", m.kernel}, std::pair{u"initrd", m.initrd},
                                    std::pair{u"disk", m.disk}}) {
        if (!file.isEmpty() && !QFileInfo(file).isFile())
            return fail(u"%1: the %2 %3 does not exist"_s.arg(path, QString::fromUtf16(key), file));
    }
    if (m.diskInterface != u"virtio" && m.diskInterface != u"ide" && m.diskInterface != u"scsi")
        return fail(u"%1: \"disk_interface\" must be virtio, ide or scsi"_s.arg(path));

    for (const auto *known : {u"format", u"version", u"name", u"memory_mb", u"cpus", u"kernel", u"initrd",
                              u"cmdline", u"disk", u"disk_format", u"disk_interface", u"nic_model",
                              u"suffix", u"subnet"})
        o.remove(QString::fromUtf16(known));
    m.extra = o;
    return m;
}

Status QemuMachine::save(const QString &path) const
{
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
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    file.write(QJsonDocument(o).toJson());
    if (!file.commit())
        return fail(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    return {};
}

} // namespace vmeclone
