#pragma once
// What a golden's files were when it was added (or re-accepted with `golden refresh`),
// checked again before every clone batch: a golden written since (a guest booted from
// it, a disk edited with qemu-io) is refused until the operator accepts the change.
//
// Per file: its size, its modification time (ns) and a SHA-256 of samples of its
// content (the first and last MiB and 64 blocks of 64 KiB spread over the rest).
// Not a hash of every byte: that reads the whole golden (tens of GiB) before every
// batch. Every write through QEMU, qemu-img, qemu-io or VMware moves the mtime; the
// samples catch a copy that kept the old mtime (cp -p, rsync -t) in most cases.

#include "common/expected.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace vmeclone {

struct GoldenFileStamp {
    QString path;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    QString sample; // hex SHA-256 of the sampled content
    bool operator==(const GoldenFileStamp &) const = default;
};

class GoldenFingerprint {
public:
    static Expected<GoldenFingerprint> of(const QStringList &files);
    // The stored text (JSON); an empty text is a golden from before fingerprints.
    static Expected<GoldenFingerprint> parse(const QString &text);
    QString toText() const;

    // Empty when both name the same content; otherwise the first difference, in words
    // ("disk.qcow2 was written at 2026-12-03 14:22:01 (added at ...)").
    QString differenceFrom(const GoldenFingerprint &before) const;

    const QList<GoldenFileStamp> &files() const { return m_files; }

    // The content alone, comparable between hosts: a SHA-256 over each file's path relative
    // to `folder` (the description's), size and samples, without times (a copy has its own).
    // Empty for a golden from before fingerprints.
    QString checksum(const QString &folder) const;

private:
    QList<GoldenFileStamp> m_files;
};

// qemu-img's words when another process (a running QEMU) holds an image's write lock.
bool isImageLockError(const QString &error);

} // namespace vmeclone
