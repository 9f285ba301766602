#include "qemu_instant.h"

#include "common/failure_text.h"
#include "hypervisor/qmp_client.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace vmeclone::qemu_instant {
namespace {

const FailureSentence kQemuInstantNoIgnoreShared{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "this QEMU cannot leave shared RAM out of a saved state (x-ignore-shared): %1")};
const FailureSentence kQemuInstantQemuSays{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: QEMU says %2")};
const FailureSentence kQemuInstantQemuSaysWhy{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1: QEMU says %2 (%3)")};
const FailureSentence kQemuInstantIdentityTooLong{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the identity is %1 bytes, more than the %2 an instant clone's fixed-size identity holds: "
    "shorten its hostname or DNS list")};
const FailureSentence kQemuInstantNoQemuSystem{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "qemu-system-x86_64 not found: install qemu-system-x86")};
const FailureSentence kQemuInstantDidNotAnswer{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 %2 did not answer: %3")};
const FailureSentence kQemuInstantNoMemoryBackend{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 has no memory-backend-file object: instant clones need QEMU 5.0 or later built with it")};
const FailureSentence kQemuInstantNoVmgenid{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 has no vmgenid device: a resumed clone's random generator could not be told to reseed; "
    "instant clones need it")};
// What a migration was for, in migrationDone's failures ("<this>: QEMU says failed").
const FailureSentence kQemuInstantSavingState{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "saving the template's state to %1")};
const FailureSentence kQemuInstantLoadingState{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "loading the template's state %1")};

// A file name inside QEMU's exec: migration URI, which /bin/sh runs: single-quoted.
QString shellQuoted(const QString &path) {
    QString out = path;
    out.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + out + u"'"_s;
}

Status ignoreShared(QmpClient &qmp) {
    const QJsonObject on{{u"capability"_s, u"x-ignore-shared"_s}, {u"state"_s, true}};
    const QJsonObject events{{u"capability"_s, u"events"_s}, {u"state"_s, true}};
    auto r =
        qmp.execute(u"migrate-set-capabilities"_s, {{u"capabilities"_s, QJsonArray{on, events}}});
    if (!r)
        return fail(kQemuInstantNoIgnoreShared(r.error()));
    return {};
}

// Waits for the MIGRATION event that ends it: "completed", or fails with QEMU's reason.
Status migrationDone(QmpClient &qmp, std::chrono::milliseconds timeout, const QString &what) {
    auto done = qmp.waitForEvent(
        u"MIGRATION"_s,
        [](const QJsonObject &data) {
            const QString status = data.value(u"status"_s).toString();
            return status == u"completed" || status == u"failed" || status == u"cancelled";
        },
        timeout);
    if (!done)
        return fail(u"%1: %2"_s.arg(what, done.error()));
    const QString status = done->value(u"status"_s).toString();
    if (status == u"completed")
        return {};
    QString reason;
    if (auto info = qmp.execute(u"query-migrate"_s); info)
        reason = info->value(u"error-desc"_s).toString();
    return fail(reason.isEmpty() ? kQemuInstantQemuSays(what, status)
                                 : kQemuInstantQemuSaysWhy(what, status, reason));
}

} // namespace

Expected<QByteArray> paddedIdentity(const std::string &text) {
    QByteArray out = QByteArray::fromStdString(text);
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += '\n';
    // "#" + filler + "\n": at least two bytes of padding.
    if (out.size() > kIdentityBytes - 2)
        return fail(kQemuInstantIdentityTooLong(out.size(), kIdentityBytes - 2));
    out += '#';
    out += QByteArray(kIdentityBytes - out.size() - 1, ' ');
    out += '\n';
    return out;
}

bool tookAnIdentity(const QByteArray &console) {
    // The agent's own lines, and the kernel's on a reboot (printed even with `quiet`).
    return console.contains("vmeclone-agent: identity from")
           || console.contains("vmeclone-agent: rebooting")
           || console.contains("reboot: Restarting system");
}

QStringList memoryArguments(const QString &ramFile, int memoryMb, bool shared) {
    // QEMU's object options are comma-separated: a comma in the path is doubled.
    QString path = ramFile;
    path.replace(u","_s, u",,"_s);
    return {
        u"-object"_s,
        u"memory-backend-file,id=pc.ram,size=%1M,mem-path=%2,share=%3,prealloc=off"_s.arg(memoryMb)
            .arg(path, shared ? u"on"_s : u"off"_s),
        u"-device"_s, u"vmgenid"_s};
}

Status checkQemu(const QString &qemuSystem) {
    if (qemuSystem.isEmpty())
        return fail(kQemuInstantNoQemuSystem());
    auto ask = [&](const QStringList &args) -> Expected<QString> {
        QProcess qemu;
        qemu.start(qemuSystem, args);
        if (!qemu.waitForFinished(30'000) || qemu.exitCode() != 0) {
            qemu.kill();
            qemu.waitForFinished(5000);
            return fail(kQemuInstantDidNotAnswer(qemuSystem, args.join(u' '),
                                                 QString::fromUtf8(qemu.readAllStandardError())));
        }
        return QString::fromUtf8(qemu.readAllStandardOutput());
    };
    auto objects = ask({u"-object"_s, u"help"_s});
    if (!objects)
        return fail(objects.error());
    if (!objects->contains(u"memory-backend-file"_s))
        return fail(kQemuInstantNoMemoryBackend(qemuSystem));
    auto devices = ask({u"-machine"_s, u"none"_s, u"-device"_s, u"help"_s});
    if (!devices)
        return fail(devices.error());
    if (!devices->contains(u"\"vmgenid\""_s))
        return fail(kQemuInstantNoVmgenid(qemuSystem));
    // x-ignore-shared has no help text of its own: it is checked on the template's QMP
    // (migrate-set-capabilities refuses an unknown capability, and saveState says so).
    return {};
}

Status saveState(QmpClient &qmp, const QString &stateFile, std::chrono::milliseconds timeout) {
    if (auto r = qmp.execute(u"stop"_s); !r)
        return fail(r.error());
    if (auto s = ignoreShared(qmp); !s)
        return s;
    if (auto r = qmp.execute(
            u"migrate"_s,
            QJsonObject{{u"uri"_s, QString(u"exec:cat > "_s + shellQuoted(stateFile))}});
        !r)
        return fail(r.error());
    return migrationDone(qmp, timeout, kQemuInstantSavingState(stateFile));
}

Expected<qint64> resume(QmpClient &qmp, const QString &stateFile,
                        std::chrono::milliseconds timeout) {
    QElapsedTimer clock;
    clock.start();
    if (auto s = ignoreShared(qmp); !s)
        return fail(s.error());
    if (auto r =
            qmp.execute(u"migrate-incoming"_s,
                        QJsonObject{{u"uri"_s, QString(u"exec:cat "_s + shellQuoted(stateFile))}});
        !r)
        return fail(r.error());
    if (auto s = migrationDone(qmp, timeout, kQemuInstantLoadingState(stateFile)); !s)
        return fail(s.error());
    // The template was paused when saved, so the clone stays paused after the load.
    if (auto r = qmp.execute(u"cont"_s); !r)
        return fail(r.error());
    return clock.elapsed();
}

} // namespace vmeclone::qemu_instant
