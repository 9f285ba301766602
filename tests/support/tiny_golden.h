#pragma once
// A golden that is never booted, for the console's tests: an empty 64 MiB qcow2 made by
// qemu-img and its machine description (name "tiny", suffix 176 of 192.0.2.0/24, a
// documentation network).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

using namespace Qt::StringLiterals;

namespace vmeclone::test {

// Writes disk.qcow2 and tiny.json into `folder` (made if missing); the .json's path, or
// an empty string when either could not be made.
inline QString makeTinyGolden(const QString &folder) {
    if (!QDir().mkpath(folder))
        return {};
    const QString disk = QDir(folder).filePath(u"disk.qcow2"_s);
    if (QProcess::execute(u"qemu-img"_s,
                          {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, disk, u"64M"_s})
        != 0)
        return {};
    const QString path = QDir(folder).filePath(u"tiny.json"_s);
    QFile json(path);
    if (!json.open(QIODevice::WriteOnly))
        return {};
    json.write(R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny",
                   "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2",
                   "suffix": 176, "subnet": "192.0.2.0/24"})");
    return json.flush() ? path : QString();
}

} // namespace vmeclone::test
