#pragma once
// Full copies of golden disk files for full clones: sparse-aware (holes stay holes),
// reflinked where the filesystem can, and all-or-nothing (a copy is written under a
// temporary ".part" name and only renamed into place once complete and on disk).

#include "common/expected.h"

#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <functional>

namespace vmeclone {

class DiskCopier {
public:
    // Bytes written so far and in all, counting data only (holes cost nothing).
    // Called from the copying thread when the percentage grows by at least one
    // point, and once at the end with done == total.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    // Copies `source` to `destination`, which must not exist yet; its folder must.
    // The source is opened read-only. `cancel` (may be null) is checked between
    // chunks; on cancel or error nothing is left at the destination. Blocking: run it
    // on a worker thread.
    static Status copyFile(const QString &source, const QString &destination,
                           const std::atomic_bool *cancel = nullptr, const Progress &progress = {});

    // Several files as one job (the extents of a multi-file disk): one progress total
    // over all of them; when any file fails, the ones already copied are removed too.
    static Status copyFiles(const QList<QPair<QString, QString>> &sourceToDestination,
                            const std::atomic_bool *cancel = nullptr,
                            const Progress &progress = {});

    // The bytes a copy of `source` writes: its data extents, without holes. What a
    // full clone needs on its shard (for placement) and the total of the progress.
    static Expected<qint64> dataBytes(const QString &source);

    // The suffix of the temporary file next to the destination.
    static QString partSuffix() { return QStringLiteral(".part"); }
};

} // namespace vmeclone
