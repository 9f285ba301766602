// A golden's template for instant clones (qemu_instant.h, docs/instant-clones.md): the
// golden booted once on an overlay of its disk, its agent stopped before any identity, the
// machine's state and RAM saved for clones to resume from.
#include "clone/qcow2_overlay.h"
#include "common/failure_text.h"
#include "common/logging.h"
#include "hypervisor/qemu_instant.h"
#include "hypervisor/qmp_client.h"
#include "identity/mac_address.h"
#include "qemu_backend.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kQemuTemplateTemplateFolderTooLong{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the folder %1 is too long for QEMU's control socket: use a data folder with a shorter "
    "path")};
const FailureSentence kQemuTemplateTemplateExists{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 already exists: remove the old template first")};
const FailureSentence kQemuTemplateCannotCreateTemplateFolder{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot create the template folder %1")};
const FailureSentence kQemuTemplateCannotMakeTemplate{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot make the template of %1: %2")};
const FailureSentence kQemuTemplateTemplateEnded{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the template VM ended before it was ready: see %1")};
const FailureSentence kQemuTemplateNoTemplateMode{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden's agent has no template mode: it took an identity or rebooted instead of "
    "stopping (see %1); install a vmeclone-agent with template mode in the golden, or clone "
    "it cold")};
const FailureSentence kQemuTemplateAgentNotReady{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "its agent did not say \"%1\" within %2 s (see %3): is it an agent with template mode?")};

} // namespace

Status QemuBackend::makeTemplate(const GoldenRecord &golden, const QString &folder,
                                 const protocol::KeyValueText &identity,
                                 const QByteArray &readyMarker, std::chrono::milliseconds timeout) {
    if (qmpSocket(folder).toUtf8().size() > kMaxSocketPath)
        return fail(kQemuTemplateTemplateFolderTooLong(folder));
    if (auto s = qemu_instant::checkQemu(qemuSystem()); !s)
        return s;
    auto machine = QemuMachine::fromFile(golden.path);
    if (!machine)
        return fail(machine.error());
    if (QFileInfo::exists(folder))
        return fail(kQemuTemplateTemplateExists(folder));
    if (!QDir().mkpath(folder))
        return fail(kQemuTemplateCannotCreateTemplateFolder(folder));
    VmRecord vm;
    vm.name = machine->name + u"-template"_s;
    vm.folder = folder;
    vm.address = golden.address;
    vm.mac = MacAddress::forIpv4(golden.address);
    auto abandon = [&](const QString &why) -> Status {
        if (auto s = stop(vm, std::chrono::milliseconds(0)); !s)
            log::qemu()->warn("{}: {}", vm.name, failureText(s.error()));
        QDir(folder).removeRecursively();
        return fail(kQemuTemplateCannotMakeTemplate(golden.name, why));
    };
    if (auto s = Qcow2Overlay::create(machine->disk, machine->diskFormat, templateDisk(folder)); !s)
        return abandon(s.error());
    {
        const auto text = qemu_instant::paddedIdentity(identity.toText());
        if (!text)
            return abandon(text.error());
        QFile file(identityFile(folder));
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                       QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || file.write(*text) != text->size() || !file.flush())
            return abandon(failures::kCannotWrite(file.fileName(), file.errorString()));
    }
    QemuMachine booted = *machine;
    booted.name = vm.name;
    booted.disk = templateDisk(folder);
    booted.diskFormat = u"qcow2"_s;
    booted.extra.insert(QLatin1String(qemu_instant::kRamKey), templateRam(folder));
    booted.extra.insert(QLatin1String(qemu_instant::kRamSharedKey), true);
    if (auto s = booted.save(machineFile(folder)); !s)
        return abandon(s.error());
    auto pid = start(vm, golden);
    if (!pid)
        return abandon(pid.error());

    // The agent says on the console that it stopped before any identity. An agent without
    // template mode takes an identity (or the guest reboots) instead: refused at once.
    QDeadlineTimer deadline(timeout);
    QFile serial(serialLog(folder));
    QByteArray console;
    bool ready = false;
    while (!ready && !deadline.hasExpired()) {
        if (livePid(folder) <= 0)
            return abandon(kQemuTemplateTemplateEnded(serial.fileName()));
        if (serial.isOpen() || serial.open(QIODevice::ReadOnly))
            console += serial.readAll();
        ready = console.contains(readyMarker);
        if (!ready && qemu_instant::tookAnIdentity(console))
            return abandon(kQemuTemplateNoTemplateMode(serial.fileName()));
        if (!ready)
            QThread::msleep(50);
    }
    if (!ready)
        return abandon(kQemuTemplateAgentNotReady(QString::fromUtf8(readyMarker),
                                                  timeout.count() / 1000, serial.fileName()));
    {
        QmpClient qmp;
        if (auto s = qmp.connectTo(qmpSocket(folder)); !s)
            return abandon(s.error());
        if (auto s = qemu_instant::saveState(qmp, templateState(folder)); !s)
            return abandon(s.error());
        if (auto q = qmp.execute(u"quit"_s); !q)
            log::qemu()->info("{}: quit: {}", vm.name, failureText(q.error()));
        qmp.waitForDisconnected(std::chrono::milliseconds(5000));
    }
    // QMP closes a moment before the process is gone; stop() forces it only if it stays.
    QDeadlineTimer exited(5000);
    while (livePid(folder) > 0 && !exited.hasExpired())
        QThread::msleep(10);
    if (auto s = stop(vm, std::chrono::milliseconds(0)); !s)
        return abandon(s.error());
    QFile::remove(pidFile(folder));
    QFile::remove(qmpSocket(folder));
    // What clones read: the template's machine with its RAM mapped privately.
    QemuMachine made = booted;
    made.extra.insert(QLatin1String(qemu_instant::kRamSharedKey), false);
    if (auto s = made.save(templateMachine(folder)); !s)
        return abandon(s.error());
    // The engine writes it as an event (template-made): an echo.
    log::echo()->info("made the template of {} in {}", golden.name, folder);
    return {};
}

} // namespace vmeclone
