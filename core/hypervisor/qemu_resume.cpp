// An instant clone's resume (qemu_instant.h): the first start of a clone whose machine
// description names its template's state loads that state and resumes the guest; after a
// crash during a start, what its QEMU is doing is found out and a resume cut short is
// finished (docs/instant-clones.md, "Recovery").
#include "common/failure_text.h"
#include "common/logging.h"
#include "engine/crash_point.h"
#include "hypervisor/qemu_instant.h"
#include "hypervisor/qmp_client.h"
#include "qemu_backend.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#include <optional>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kQemuResumeLoadEnded{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1's QEMU was loading its template's state when the process that started it ended, and "
    "the load ended %2")};
const FailureSentence kQemuResumeUnexpectedStatus{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1's QEMU, launched to resume its template, is '%2'")};

// Whether the process `pid` was launched to receive a template's state (-incoming);
// nullopt when its command line cannot be read.
std::optional<bool> launchedToResume(qint64 pid) {
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return std::nullopt;
    return cmdline.readAll().split('\0').contains("-incoming");
}

// The description no longer names the template's state: a later start boots the disk.
Status forgetTemplate(QemuMachine &machine, const QString &file) {
    machine.extra.remove(QLatin1String(qemu_instant::kStateKey));
    machine.extra.remove(QLatin1String(qemu_instant::kRamKey));
    machine.extra.remove(QLatin1String(qemu_instant::kRamSharedKey));
    return machine.save(file);
}

} // namespace

Status QemuBackend::resumeIfInstant(const VmRecord &vm) {
    const QString file = machineFile(vm.folder);
    auto machine = QemuMachine::fromFile(file);
    if (!machine)
        return fail(machine.error());
    const QString state = machine->extra.value(QLatin1String(qemu_instant::kStateKey)).toString();
    if (state.isEmpty())
        return {};
    crashPoint("resuming"); // QEMU waits for the state (-incoming defer), nothing loaded
    QmpClient qmp;
    if (auto s = qmp.connectTo(qmpSocket(vm.folder)); !s)
        return s;
    auto ms = qemu_instant::resume(qmp, state);
    if (!ms)
        return fail(ms.error());
    m_resumeMs += *ms;
    // Resumed once: its disk has moved on from the template's memory, so any later start
    // boots the clone's own disk.
    if (auto s = forgetTemplate(*machine, file); !s)
        return s;
    log::qemu()->info("{}",
                      LogText::tr("%1 resumed from %2 in %3 ms").arg(vm.name, state).arg(*ms));
    return {};
}

Expected<QemuBackend::StartedAs> QemuBackend::settleInterruptedStart(const VmRecord &vm) {
    const qint64 pid = livePid(vm.folder);
    if (pid <= 0)
        return StartedAs::NotRunning;
    const QString file = machineFile(vm.folder);
    auto machine = QemuMachine::fromFile(file);
    if (!machine)
        return fail(machine.error());
    const bool stateLeft = machine->extra.contains(QLatin1String(qemu_instant::kStateKey));
    // Its command line says how this QEMU was launched; where it cannot be read, a
    // description that still names the state says it was launched to resume.
    if (!launchedToResume(pid).value_or(stateLeft))
        return StartedAs::Booted;
    QmpClient qmp;
    if (auto s = qmp.connectTo(qmpSocket(vm.folder)); !s)
        return fail(s.error());
    auto status = qmp.execute(u"query-status"_s);
    if (!status)
        return fail(status.error());
    QString run = status->value(u"status"_s).toString();
    if (run == u"inmigrate") {
        auto migration = qmp.execute(u"query-migrate"_s);
        if (!migration)
            return fail(migration.error());
        QString loading = migration->value(u"status"_s).toString();
        if ((loading.isEmpty() || loading == u"none") && stateLeft) {
            // Launched, nothing loaded yet: the resume is done now, as start does it.
            qmp.close();
            if (auto s = resumeIfInstant(vm); !s)
                return fail(s.error());
            return StartedAs::Resumed;
        }
        // A load under way when the starter died: it goes on inside QEMU.
        QDeadlineTimer deadline(60'000);
        while ((loading == u"setup" || loading == u"active" || loading == u"device")
               && !deadline.hasExpired()) {
            QThread::msleep(20);
            migration = qmp.execute(u"query-migrate"_s);
            if (!migration)
                return fail(migration.error());
            loading = migration->value(u"status"_s).toString();
        }
        if (loading != u"completed")
            return fail(kQemuResumeLoadEnded(vm.name, loading));
        status = qmp.execute(u"query-status"_s);
        if (!status)
            return fail(status.error());
        run = status->value(u"status"_s).toString();
    }
    // Loaded but not yet continued (the template was saved paused).
    if (run == u"paused" || run == u"postmigrate" || run == u"prelaunch") {
        if (auto r = qmp.execute(u"cont"_s); !r)
            return fail(r.error());
    } else if (run != u"running") {
        return fail(kQemuResumeUnexpectedStatus(vm.name, run));
    }
    if (stateLeft)
        if (auto s = forgetTemplate(*machine, file); !s)
            return fail(s.error());
    log::qemu()->info(
        "{}", LogText::tr("%1: an interrupted resume settled (its QEMU was %2)").arg(vm.name, run));
    return StartedAs::Resumed;
}

} // namespace vmeclone
