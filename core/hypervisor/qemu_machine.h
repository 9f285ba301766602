#pragma once
// The small machine description a QEMU golden (and each QEMU clone) carries:
// JSON with the kernel, initrd, command line, disk and memory. Paths inside are
// relative to the file; fromFile() makes them absolute.

#include "common/expected.h"
#include "net/ipv4.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace vmeclone {

struct QemuMachine {
    QString name;
    int memoryMb = 256;
    int cpus = 1;
    QString kernel; // absolute after fromFile(); empty: boot from the disk
    QString initrd;
    QString cmdline;
    QString disk; // absolute
    QString diskFormat = QStringLiteral("qcow2");
    QString diskInterface = QStringLiteral("virtio");
    QString nicModel = QStringLiteral("virtio-net-pci");
    std::optional<quint32> suffix;
    std::optional<Subnet> subnet;
    QJsonObject extra; // keys this version does not know, kept when written back

    static Expected<QemuMachine> fromFile(const QString &path);
    // Writes with absolute paths (a clone's description points at the golden's kernel).
    // `sync` false: a new file in a new clone folder, written without QSaveFile's fsync
    // (the batch makes the whole folder durable with one syncfs, engine_steps.cpp).
    Status save(const QString &path, bool sync = true) const;
};

} // namespace vmeclone
