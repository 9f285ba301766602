#pragma once
// Helpers the VMDK tests share: real disks made by qemu-img, writes and reads through
// qemu-io (the guest's view), hashes of every file of a disk.

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace vmeclone::test {

using namespace Qt::StringLiterals;

// QVERIFY2 builds its message even when the check passes, and error() is only valid
// on a failure.
template <typename E>
QByteArray why(const E &e) {
    return e.ok() ? QByteArray() : e.error().toLocal8Bit();
}
#define QVERIFY_OK(e) QVERIFY2((e).ok(), vmeclone::test::why(e).constData())

constexpr qint64 kMiB = 1024 * 1024;

struct ToolResult {
    bool ok = false;
    QString output; // stdout + stderr, or why it did not run
};

inline ToolResult tool(const QString &program, const QStringList &arguments,
                       int timeoutMs = 120000) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {false, u"%1 %2 did not finish"_s.arg(program, arguments.join(u' '))};
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    const bool ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return {ok, ok ? out : u"%1 %2 failed: %3"_s.arg(program, arguments.join(u' '), out)};
}

inline bool haveTools() {
    return !QStandardPaths::findExecutable(u"qemu-img"_s).isEmpty()
           && !QStandardPaths::findExecutable(u"qemu-io"_s).isEmpty();
}

inline ToolResult createVmdk(const QString &path, const QString &subformat, qint64 size) {
    return tool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"vmdk"_s, u"-o"_s,
                                u"subformat="_s + subformat, path, QString::number(size)});
}

// One qemu-io command ("write -P 0x5a 1M 2M", "read -P 0x33 0 64k") on a VMDK.
inline ToolResult qemuIo(const QString &image, const QString &command) {
    return tool(u"qemu-io"_s, {u"-f"_s, u"vmdk"_s, u"-c"_s, command, image});
}

inline ToolResult check(const QString &image) {
    return tool(u"qemu-img"_s, {u"check"_s, u"-f"_s, u"vmdk"_s, image});
}

inline ToolResult compare(const QString &a, const QString &b) {
    return tool(u"qemu-img"_s, {u"compare"_s, u"-f"_s, u"vmdk"_s, u"-F"_s, u"vmdk"_s, a, b});
}

inline QByteArray sha256(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

// Hash and modification time of every file in a folder: "before and after" of a golden.
inline QMap<QString, QString> fingerprint(const QString &folder) {
    QMap<QString, QString> out;
    for (const QFileInfo &info : QDir(folder).entryInfoList(QDir::Files | QDir::Hidden)) {
        out.insert(info.fileName(), QString::fromLatin1(sha256(info.absoluteFilePath())) + u' '
                                        + QString::number(info.lastModified().toMSecsSinceEpoch()));
    }
    return out;
}

inline QStringList filesIn(const QString &folder) {
    // Sorted by code point, not by locale (which may ignore '-' and '.').
    QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System
                                                   | QDir::Dirs | QDir::NoDotAndDotDot,
                                               QDir::NoSort);
    names.sort();
    return names;
}

} // namespace vmeclone::test
