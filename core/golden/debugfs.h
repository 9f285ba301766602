#pragma once
// Reads files out of an ext2/3/4 file system inside a raw disk image, without mounting it
// and without root: e2fsprogs' debugfs, opened read-only at the partition's offset
// ("image?offset=N"), copies them into a folder of the host.

#include "common/expected.h"

#include <QString>
#include <QStringList>

#include <chrono>

namespace vmeclone {

class Debugfs {
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{300'000};

    // debugfs on PATH or in /sbin, /usr/sbin (where Debian puts it, often off a user's PATH).
    // Error when there is none: "debugfs not found: install e2fsprogs".
    static Expected<Debugfs> find(std::chrono::milliseconds timeout = kDefaultTimeout);
    explicit Debugfs(QString program, std::chrono::milliseconds timeout = kDefaultTimeout);

    QString program() const { return m_program; }

    // Copies each of `guestPaths` (absolute; files or whole folders) that exists in the
    // file system at byte `offset` of `image` to the same place under `destination`
    // (/etc -> destination/etc), with its symbolic links as links. Paths the file system
    // lacks are skipped. The image is only read.
    Status dump(const QString &image, qint64 offset, const QStringList &guestPaths,
                const QString &destination) const;

private:
    QString m_program;
    std::chrono::milliseconds m_timeout;
};

} // namespace vmeclone
