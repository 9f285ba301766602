#pragma once
// Real VMware-shaped files for the vmrun and VMware backend tests: .vmx files in the
// shape Workstation writes them, and small disks (hand-written monolithicFlat
// descriptors, or qemu-img's real VMDK subformats). Also the environment of the vmrun
// contract double (tests/vmrun-double).

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vmware_fixture {

inline bool writeFile(const QString &path, const QByteArray &content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

inline QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A monolithicFlat disk of `mib` MiB: "<name>.vmdk" (descriptor) and "<name>-flat.vmdk".
inline bool makeFlatDisk(const QString &folder, const QString &name, int mib = 1,
                         const QString &cid = QStringLiteral("1a2b3c4d")) {
    const QString flat = name + QStringLiteral("-flat.vmdk");
    QFile data(folder + u'/' + flat);
    if (!data.open(QIODevice::WriteOnly) || !data.resize(qint64(mib) * 1024 * 1024))
        return false;
    const QByteArray descriptor =
        "# Disk DescriptorFile\nversion=1\nCID=" + cid.toLatin1()
        + "\nparentCID=ffffffff\ncreateType=\"monolithicFlat\"\n\n# Extent description\nRW "
        + QByteArray::number(mib * 2048) + " FLAT \"" + flat.toUtf8()
        + "\" 0\n\n# The Disk Data Base\nddb.adapterType = \"lsilogic\"\n";
    return writeFile(folder + u'/' + name + QStringLiteral(".vmdk"), descriptor);
}

// A real VMDK made by qemu-img: monolithicSparse, twoGbMaxExtentSparse, ...
inline bool makeQemuDisk(const QString &path, const QString &subformat,
                         const QString &size = QStringLiteral("64M")) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    return QProcess::execute(QStringLiteral("qemu-img"),
                             {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                              QStringLiteral("vmdk"), QStringLiteral("-o"),
                              QStringLiteral("subformat=") + subformat, path, size})
           == 0;
}

// Writes some data into a VMDK, so copies have something to carry.
inline bool fillDisk(const QString &path, const QString &pattern = QStringLiteral("0x5a")) {
    return QProcess::execute(QStringLiteral("qemu-io"),
                             {QStringLiteral("-f"), QStringLiteral("vmdk"), QStringLiteral("-c"),
                              QStringLiteral("write -P %1 1M 2M").arg(pattern), path})
           == 0;
}

// A .vmx as VMware Workstation writes one for a Linux guest: one SCSI disk, a CD-ROM,
// one NIC with a static MAC (a started clone's shape). `extra` lines are appended;
// keys in `drop` are left out.
inline QByteArray vmxText(const QString &name, const QString &disk, const QString &mac,
                          const QStringList &extra = {}, const QStringList &drop = {}) {
    const QList<QPair<QString, QString>> lines{
        {QStringLiteral(".encoding"), QStringLiteral("UTF-8")},
        {QStringLiteral("config.version"), QStringLiteral("8")},
        {QStringLiteral("virtualHW.version"), QStringLiteral("19")},
        {QStringLiteral("displayName"), name},
        {QStringLiteral("guestOS"), QStringLiteral("centos7-64")},
        {QStringLiteral("memsize"), QStringLiteral("1024")},
        {QStringLiteral("nvram"), name + QStringLiteral(".nvram")},
        {QStringLiteral("scsi0.present"), QStringLiteral("TRUE")},
        {QStringLiteral("scsi0.virtualDev"), QStringLiteral("lsilogic")},
        {QStringLiteral("scsi0:0.present"), QStringLiteral("TRUE")},
        {QStringLiteral("scsi0:0.fileName"), disk},
        {QStringLiteral("sata0.present"), QStringLiteral("TRUE")},
        {QStringLiteral("sata0:1.present"), QStringLiteral("TRUE")},
        {QStringLiteral("sata0:1.deviceType"), QStringLiteral("cdrom-image")},
        {QStringLiteral("sata0:1.fileName"),
         QStringLiteral("/srv/iso/CentOS-7-x86_64-Minimal-2009.iso")},
        {QStringLiteral("ethernet0.present"), QStringLiteral("TRUE")},
        {QStringLiteral("ethernet0.connectionType"), QStringLiteral("bridged")},
        {QStringLiteral("ethernet0.virtualDev"), QStringLiteral("e1000")},
        {QStringLiteral("ethernet0.addressType"), QStringLiteral("static")},
        {QStringLiteral("ethernet0.address"), mac},
        {QStringLiteral("ethernet0.pciSlotNumber"), QStringLiteral("33")},
        {QStringLiteral("uuid.action"), QStringLiteral("create")},
    };
    QByteArray out;
    for (const auto &[key, value] : lines) {
        if (!drop.contains(key))
            out += key.toUtf8() + " = \"" + value.toUtf8() + "\"\n";
    }
    for (const QString &line : extra)
        out += line.toUtf8() + '\n';
    return out;
}

// SHA-256 of every file under `folder` (relative path -> hash): "unchanged" checks.
inline QMap<QString, QByteArray> hashTree(const QString &folder) {
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

// The calls the double logged: one argument list per call (the pid first).
inline QList<QStringList> loggedCalls(const QString &logPath) {
    QList<QStringList> out;
    for (const QByteArray &line : readFile(logPath).split('\n')) {
        if (!line.isEmpty())
            out << QString::fromUtf8(line).split(u'\t');
    }
    return out;
}

} // namespace vmware_fixture
