#include "vmx_snapshots.h"

#include "common/failure_text.h"
#include "vmx/vmx_document.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

const FailureSentence kVmxSnapshotsTakeOne{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "take one in Workstation Pro (VM > Snapshot > Take Snapshot) or with `vmrun -T ws snapshot "
    "\"%1\" NAME` while it is off, then let vmeclone accept the golden's changed files (golden "
    "remove and golden add)")};
const FailureSentence kVmxSnapshotsNoVmsd{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 has no snapshot (no %2): vmrun's linked clone starts from a snapshot of the golden; %3")};
const FailureSentence kVmxSnapshotsUnreadableList{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the snapshot list %1 cannot be read: %2")};
const FailureSentence kVmxSnapshotsNoCurrent{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 has no current snapshot (%2 names none): vmrun's linked clone starts from a snapshot of "
    "the golden; %3")};
const FailureSentence kVmxSnapshotsNoName{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the current snapshot of %1 (uid %2 in %3) has no name, so vmrun cannot be told which one "
    "to clone from: name it in Workstation Pro's Snapshot Manager")};
const FailureSentence kVmxSnapshotsNoSuch{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 names the current snapshot uid %2 but describes no such snapshot: open the golden's "
    "Snapshot Manager in Workstation Pro, or take a new snapshot")};

} // namespace

QString VmxSnapshots::vmsdPath(const QString &vmxPath) {
    const QFileInfo vmx(vmxPath);
    return vmx.absolutePath() + u'/' + vmx.completeBaseName() + u".vmsd"_s;
}

Expected<VmxSnapshot> VmxSnapshots::current(const QString &vmxPath) {
    const QString vmsd = vmsdPath(vmxPath);
    const QString take = kVmxSnapshotsTakeOne(vmxPath);
    if (!QFileInfo::exists(vmsd))
        return fail(kVmxSnapshotsNoVmsd(vmxPath, QFileInfo(vmsd).fileName(), take));
    auto doc = VmxDocument::load(vmsd);
    if (!doc)
        return fail(kVmxSnapshotsUnreadableList(vmsd, doc.error()));
    const QString current = doc->value(u"snapshot.current"_s).trimmed();
    if (current.isEmpty() || current == u"0"_s)
        return fail(kVmxSnapshotsNoCurrent(vmxPath, QFileInfo(vmsd).fileName(), take));
    bool ok = false;
    const int count = doc->value(u"snapshot.numSnapshots"_s).toInt(&ok);
    for (int i = 0; i < (ok ? count : 1000); ++i) {
        const QString prefix = u"snapshot%1."_s.arg(i);
        if (!doc->contains(prefix + u"uid"_s)) {
            if (ok)
                continue;
            break;
        }
        if (doc->value(prefix + u"uid"_s).trimmed() != current)
            continue;
        VmxSnapshot s;
        s.uid = current;
        s.name = doc->value(prefix + u"displayName"_s);
        const int disks = doc->value(prefix + u"numDisks"_s).toInt();
        for (int d = 0; d < disks; ++d)
            s.disks.insert(doc->value(prefix + u"disk%1.node"_s.arg(d)),
                           doc->value(prefix + u"disk%1.fileName"_s.arg(d)));
        if (s.name.isEmpty())
            return fail(kVmxSnapshotsNoName(vmxPath, current, QFileInfo(vmsd).fileName()));
        return s;
    }
    return fail(kVmxSnapshotsNoSuch(vmsd, current));
}

} // namespace vmeclone
