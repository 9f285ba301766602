#pragma once
// `vmeclone golden check`: the clone hazards of a golden image (DESIGN §5), before any
// clone is made. A running golden (QEMU's write lock on its disk, VMware's *.lck) is seen
// from the host; the rest by reading the guest's root file system offline: the disk is
// converted to a temporary raw image with qemu-img when it is not raw already, its
// partition table read, and the few files that matter copied out of an ext2/3/4 file
// system with debugfs. No mount, no root, nothing written next to the golden.

#include "common/expected.h"
#include "golden/golden_hazard.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace vmeclone {

struct GoldenCheckOptions {
    QString tempDir; // where a raw copy of the disk may go; empty: the system's temp folder
};

struct GoldenCheckReport {
    QString path;           // the machine description (.json) or .vmx checked
    QString backend;        // "qemu" or "vmware"
    QStringList disks;      // the golden's disks, absolute
    QString rootFileSystem; // "vm.qcow2, whole disk (ext4)"; empty when none was read
    bool lookedInside = false;
    QStringList notes;        // what could not be checked, and why
    QStringList checksByHand; // when the guest's files could not be read
    QList<GoldenHazard> hazards;

    // Nothing found, and everything was looked at.
    bool clean() const { return lookedInside && hazards.isEmpty(); }
    QJsonObject toJson() const;
    QString toText() const;
};

class GoldenCheck {
public:
    explicit GoldenCheck(GoldenCheckOptions options = {});

    // Checks the golden described by `path`: a QEMU machine description (.json) or a
    // VMware .vmx. An error only when the golden cannot be checked at all (no such file,
    // not a golden, qemu-img or debugfs missing, no room for the raw copy); hazards and
    // unreadable file systems are in the report.
    Expected<GoldenCheckReport> run(const QString &path) const;

private:
    GoldenCheckOptions m_options;
};

} // namespace vmeclone
