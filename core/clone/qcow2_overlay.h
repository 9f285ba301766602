#pragma once
// A qcow2 overlay (copy-on-write child) over a golden disk, written directly: a
// header naming the backing file and its format, an empty refcount table and block,
// and an empty L1 table — what `qemu-img create -f qcow2 -b GOLDEN -F FMT` writes,
// without starting a process per clone. The backing file is only read (its size).

#include "common/expected.h"

#include <QString>

namespace vmeclone {

class Qcow2Overlay {
public:
    // The size the guest sees of `path` in `format` ("qcow2": from its header; "raw":
    // the file's size). Other formats: an error naming them.
    static Expected<qint64> virtualSize(const QString &path, const QString &format);

    // Writes `overlayPath` (which must not exist) as an empty qcow2 v3 image of the
    // backing file's virtual size, backed by `backingFile` (stored absolute) in
    // `backingFormat`. Written under a temporary name, fsynced and renamed: the
    // overlay exists only when complete.
    // `sync`: fsync the overlay before it gets its name (false: the caller makes it durable).
    static Status create(const QString &backingFile, const QString &backingFormat,
                         const QString &overlayPath, bool sync = true);
};

} // namespace vmeclone
