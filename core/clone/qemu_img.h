#pragma once
// A thin wrapper over the real qemu-img binary: linked clones (qcow2 overlays on a
// golden), and the facts and checks the planner and the tests need about an image.
// Every call runs qemu-img as a child process with an argument list and a timeout.

#include "common/expected.h"

#include <QString>
#include <QStringList>

#include <chrono>

namespace vmeclone {

struct ImageInfo {
    QString filename;
    QString format;              // "qcow2", "raw", "vmdk", ...
    qint64 virtualSize = 0;      // bytes the guest sees
    qint64 actualSize = 0;       // bytes allocated on the host
    QString backingFilename;     // as recorded in the image; empty without a backing file
    QString fullBackingFilename; // resolved against the image's folder
    QString backingFormat;
    bool dirty = false;
};

class QemuImg {
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{120'000};

    // Finds qemu-img on PATH, or in `searchPaths` when given. Error when there is none:
    // "qemu-img not found: install qemu-utils".
    static Expected<QemuImg> find(const QStringList &searchPaths = {},
                                  std::chrono::milliseconds timeout = kDefaultTimeout);
    explicit QemuImg(QString program, std::chrono::milliseconds timeout = kDefaultTimeout);

    QString program() const { return m_program; }

    // qemu-img create -f qcow2 -F <backingFormat> -b <absolute backing> <overlay>, written
    // under a temporary name and renamed, so the overlay exists only when complete. The
    // backing file is opened read-only and never written. Refuses an existing overlay.
    Status createOverlay(const QString &backingFile, const QString &backingFormat,
                         const QString &overlayPath) const;

    // qemu-img info --output=json.
    Expected<ImageInfo> info(const QString &path) const;

    // qemu-img check: succeeds when no corruption is found (leaked clusters only waste
    // space and are logged; formats qemu-img cannot check, like raw, pass).
    Status check(const QString &path) const;

    // qemu-img compare: true when the guest-visible contents are equal.
    Expected<bool> compare(const QString &first, const QString &second) const;

private:
    struct Result {
        int exitCode = 0;
        QByteArray standardOutput;
        QString standardError;
    };
    Expected<Result> run(const QStringList &arguments, const QString &subject) const;

    QString m_program;
    std::chrono::milliseconds m_timeout;
};

} // namespace vmeclone
