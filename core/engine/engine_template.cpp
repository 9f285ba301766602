// Instant clones' templates (issue 15, docs/instant-clones.md): one per golden, in the
// data folder, made on demand, remade when the golden's files changed, never removed
// while instant clones use it.
#include "common/failure_text.h"
#include "common/logging.h"
#include "engine/batch_support.h"
#include "engine/engine.h"
#include "engine/engine_failures.h"
#include "hypervisor/qemu_instant.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kEngineTemplateCannotCreate{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot create %1: check the data folder's permissions")};
const FailureSentence kEngineTemplateBusy{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "another vmeclone is making the template of %1 (%2): try again when it has finished")};
const FailureSentence kEngineTemplateOtherDevicesInUse{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the template of %1 was made for other devices than this vmeclone gives VMs, and %2 "
    "instant clones still use it: release them first (vmeclone release %3)")};
const FailureSentence kEngineTemplateOldFilesInUse{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the template of %1 was made from its files as they were before they changed, and %2 "
    "instant clones still use it: release them first (vmeclone release %3)")};
const FailureSentence kEngineTemplateCannotRemoveOld{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot remove the old template %1: check its permissions")};
const FailureSentence kEngineTemplateInUse{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 instant clones use the template of %2: release them first (vmeclone release %3)")};
const FailureSentence kEngineTemplateNotRemoved{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 was removed but its template %2 could not be: remove that folder")};

constexpr auto kMadeFile = "made.json";
// What the agent, in template mode, writes to the console when it stopped (guest-agent/
// template_mode.cpp).
constexpr auto kReadyMarker = "vmeclone-agent: template: stopped before any identity";
constexpr auto kTemplateTimeout = std::chrono::minutes(3);
// The devices a template's saved state holds (QemuBackend::commandLine): a clone loads it
// only into a QEMU with the same ones. Changed whenever those devices change, so a
// template made by an older vmeclone is made again instead of failing every resume.
constexpr auto kDeviceSet = "2 (virtio-serial port for qemu-guest-agent)";

QString madeFile(const QString &folder) {
    return folder + u"/"_s + QLatin1String(kMadeFile);
}

QString lockFile(const QString &folder) {
    return folder + u".lock"_s;
}

// What the template in `folder` was made from: the golden's fingerprint (empty when the
// template is not complete) and the device set (empty before there was one).
struct MadeFrom {
    QString fingerprint;
    QString devices;
};
MadeFrom madeFrom(const QString &folder) {
    QFile file(madeFile(folder));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject made = QJsonDocument::fromJson(file.readAll()).object();
    return {made.value(u"fingerprint"_s).toString(u"-"_s), made.value(u"devices"_s).toString()};
}

// The instant clones of `golden` (they use its template).
Expected<QStringList> instantClones(Inventory &inv, const GoldenRecord &golden) {
    auto vms = inv.vms();
    if (!vms)
        return fail(vms.error());
    QStringList names;
    for (const auto &vm : *vms) {
        if (vm.goldenId == golden.id && vm.cloneMode == u"instant")
            names << vm.address.toString();
    }
    return names;
}

} // namespace

QString Engine::templateFolder(const GoldenRecord &golden) const {
    return m_config.home + u"/templates/"_s + golden.name;
}

Expected<Engine::TemplateResult> Engine::makeTemplate(const QString &goldenName) {
    auto golden = m_inventory->goldenByName(goldenName);
    if (!golden)
        return fail(golden.error());
    if (!golden->has_value())
        return refuse(Problem::NotFound, Field::Golden, goldenName,
                      engine_failures::kNoGoldenNamed(goldenName));
    return makeTemplate(**golden);
}

Expected<Engine::TemplateResult> Engine::makeTemplate(const GoldenRecord &golden) {
    if (golden.backend != m_qemu->id())
        return fail(engine_failures::kVmwareNoInstantLinked(golden.name));
    if (auto s = mayWrite(); !s)
        return fail(s.error());
    if (auto verified = verifyGolden(golden); !verified)
        return fail(verified.error());
    TemplateResult result;
    result.folder = templateFolder(golden);
    if (!QDir().mkpath(QFileInfo(result.folder).absolutePath()))
        return fail(kEngineTemplateCannotCreate(QFileInfo(result.folder).absolutePath()));
    // One maker at a time per golden, across processes; a second one waits for the first
    // and then finds its template made.
    QLockFile lock(lockFile(result.folder));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(static_cast<int>(
            std::chrono::duration_cast<std::chrono::milliseconds>(kTemplateTimeout).count())))
        return fail(kEngineTemplateBusy(golden.name, lockFile(result.folder)));
    const MadeFrom from = madeFrom(result.folder);
    const bool sameFiles = from.fingerprint == golden.fingerprint;
    const bool sameDevices = from.devices == QLatin1String(kDeviceSet);
    if (!from.fingerprint.isEmpty() && sameFiles && sameDevices)
        return result; // up to date
    if (!from.fingerprint.isEmpty()) {
        auto users = instantClones(*m_inventory, golden);
        if (!users)
            return fail(users.error());
        if (!users->isEmpty())
            return fail(sameFiles ? kEngineTemplateOtherDevicesInUse(golden.name, users->size(),
                                                                     users->join(u","_s))
                                  : kEngineTemplateOldFilesInUse(golden.name, users->size(),
                                                                 users->join(u","_s)));
        result.remadeWhy = sameFiles
                               ? u"this vmeclone gives VMs other devices than the one that made "
                                 u"the template"_s
                               : u"the golden's files changed since the template was made"_s;
    } else if (QFileInfo::exists(result.folder)) {
        result.remadeWhy = u"the template there was never completed"_s;
    }
    if (QFileInfo::exists(result.folder) && !QDir(result.folder).removeRecursively())
        return fail(kEngineTemplateCannotRemoveOld(result.folder));
    protocol::KeyValueText identity;
    identity.set("version", "1");
    identity.set("template", "yes");
    QElapsedTimer clock;
    clock.start();
    if (auto s =
            m_qemu->makeTemplate(golden, result.folder, identity, kReadyMarker, kTemplateTimeout);
        !s)
        return fail(s.error());
    QJsonObject made{{u"golden"_s, golden.name},
                     {u"path"_s, golden.path},
                     {u"fingerprint"_s, golden.fingerprint},
                     {u"devices"_s, QLatin1String(kDeviceSet)},
                     {u"made_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    QSaveFile file(madeFile(result.folder)); // written last: the template is complete
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(made).toJson()) < 0
        || !file.commit()) {
        QDir(result.folder).removeRecursively();
        return fail(failures::kCannotWrite(madeFile(result.folder), file.errorString()));
    }
    result.made = true;
    result.milliseconds = clock.elapsed();
    batch::logLost(m_inventory->addEvent(
                       u"info"_s, {},
                       EventText::make(u"template-made"_s,
                                       {golden.name, result.folder,
                                        QString::number(result.milliseconds), result.remadeWhy})),
                   golden.name);
    return result;
}

Status Engine::removeGolden(const QString &name) {
    if (auto s = mayWrite(); !s)
        return s;
    auto golden = m_inventory->goldenByName(name);
    if (!golden)
        return fail(golden.error());
    if (!golden->has_value())
        return refuse(Problem::NotFound, Field::Golden, name,
                      engine_failures::kNoGoldenNamed(name));
    const GoldenRecord g = **golden;
    auto users = instantClones(*m_inventory, g);
    if (!users)
        return fail(users.error());
    if (!users->isEmpty())
        return refuse(Problem::InUse, Field::Golden, name,
                      kEngineTemplateInUse(users->size(), name, users->join(u","_s)));
    if (auto s = m_inventory->removeGolden(g.id); !s)
        return s;
    const QString folder = templateFolder(g);
    if (QFileInfo::exists(folder)) {
        QLockFile lock(lockFile(folder)); // not while a maker still writes it
        lock.setStaleLockTime(0);
        if (lock.tryLock(0) && !QDir(folder).removeRecursively())
            return fail(kEngineTemplateNotRemoved(name, folder));
        lock.unlock(); // removes the lock file
    }
    return {};
}

void Engine::recoverTemplates(RecoveryMode mode, QList<Recovery> *done) {
    const QDir templates(m_config.home + u"/templates"_s);
    if (!templates.exists())
        return;
    for (const auto &entry : templates.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString folder = entry.absoluteFilePath();
        if (QFileInfo::exists(madeFile(folder)))
            continue;
        QLockFile lock(lockFile(folder));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // being made right now
        if (mode == RecoveryMode::ReportOnly) {
            done->append(Recovery{entry.fileName(),
                                  {},
                                  u"half-made template"_s,
                                  u"%1 is a template that was never completed; the next "
                                  u"command that changes something removes it"_s.arg(folder)});
            continue;
        }
        if (!QDir(folder).removeRecursively())
            continue;
        done->append(Recovery{entry.fileName(), {}, u"removed half-made template"_s, folder});
        batch::logLost(m_inventory->addEvent(u"warning"_s, {},
                                             EventText::make(u"template-abandoned"_s, {folder})),
                       entry.fileName());
    }
}

} // namespace vmeclone
