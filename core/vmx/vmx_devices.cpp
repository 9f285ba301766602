#include "vmx_devices.h"

#include <QMap>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

bool isDiskType(const QString &deviceType, const QString &fileName) {
    const QString type = deviceType.trimmed();
    if (type.isEmpty())
        return true; // VMware's default device on these buses is a hard disk
    if (type.contains(u"cdrom"_s, Qt::CaseInsensitive)
        || type.contains(u"passthru"_s, Qt::CaseInsensitive))
        return false;
    if (type.contains(u"disk"_s, Qt::CaseInsensitive))
        return true; // scsi-hardDisk, ata-hardDisk, disk, plainDisk, rawDisk
    // A type we do not know: a .vmdk is a disk (leaving one behind would share it).
    return fileName.endsWith(u".vmdk"_s, Qt::CaseInsensitive);
}

} // namespace

QList<VmxDisk> VmxDevices::disks(const VmxDocument &vmx) {
    static const QRegularExpression fileNameKey(u"(?:scsi|sata|ide|nvme)\\d+:\\d+\\.fileName"_s);
    QList<VmxDisk> result;
    for (const QString &key : vmx.keysMatching(fileNameKey)) {
        const QString device = key.left(key.size() - qsizetype(sizeof(".fileName") - 1));
        const QString fileName = vmx.value(key);
        if (!isDiskType(vmx.value(device + u".deviceType"_s), fileName))
            continue;
        result.append(VmxDisk{device, fileName, isTrue(vmx.value(device + u".present"_s))});
    }
    return result;
}

QList<VmxDisk> VmxDevices::cdromImages(const VmxDocument &vmx) {
    static const QRegularExpression fileNameKey(u"(?:scsi|sata|ide|nvme)\\d+:\\d+\\.fileName"_s);
    QList<VmxDisk> result;
    for (const QString &key : vmx.keysMatching(fileNameKey)) {
        const QString device = key.left(key.size() - qsizetype(sizeof(".fileName") - 1));
        if (vmx.value(device + u".deviceType"_s)
                .trimmed()
                .compare(u"cdrom-image"_s, Qt::CaseInsensitive)
            != 0)
            continue;
        result.append(VmxDisk{device, vmx.value(key), isTrue(vmx.value(device + u".present"_s))});
    }
    return result;
}

QList<VmxNic> VmxDevices::nics(const VmxDocument &vmx) {
    static const QRegularExpression nicKey(u"ethernet(\\d+)\\..*"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    QMap<int, VmxNic> byIndex;
    for (const QString &key : vmx.keysMatching(nicKey)) {
        const auto match = nicKey.match(key);
        bool ok = false;
        const int index = match.captured(1).toInt(&ok);
        if (!ok || byIndex.contains(index))
            continue;
        const QString device = key.left(key.indexOf(u'.'));
        byIndex.insert(index, VmxNic{index, device, isTrue(vmx.value(device + u".present"_s))});
    }
    return byIndex.values();
}

bool VmxDevices::isTrue(const QString &value) {
    const QString v = value.trimmed();
    return v.compare(u"TRUE"_s, Qt::CaseInsensitive) == 0
           || v.compare(u"yes"_s, Qt::CaseInsensitive) == 0 || v == u"1"_s;
}

bool VmxDevices::isAbsolutePath(const QString &path) {
    return path.startsWith(u'/') || path.startsWith(u'\\')
           || (path.size() > 2 && path[0].isLetter() && path[1] == u':'
               && (path[2] == u'\\' || path[2] == u'/'));
}

} // namespace vmeclone
