#pragma once
// Helpers of the instant-clone guest tests (tst_instant_qemu, tst_instant_cli): the
// hashes of a template's files, and the memory a running QEMU adds.

#include "hypervisor/qemu_backend.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QMap>
#include <QString>

namespace instant_test {

inline QByteArray sha256(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

// The SHA-256 of each file clones read from the template in `folder`: its machine
// description, RAM, device state and disk (an empty hash: the file is missing).
inline QMap<QString, QByteArray> templateHashes(const QString &folder) {
    using vmeclone::QemuBackend;
    QMap<QString, QByteArray> out;
    for (const QString &path :
         {QemuBackend::templateMachine(folder), QemuBackend::templateRam(folder),
          QemuBackend::templateState(folder), QemuBackend::templateDisk(folder)})
        out.insert(path, sha256(path));
    return out;
}

// "Pss:" of a process from /proc/PID/smaps_rollup, in KiB; -1 when unreadable.
inline qint64 pssKib(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("Pss:"))
            return line.mid(4).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace instant_test
