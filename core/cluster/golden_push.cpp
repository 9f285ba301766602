#include "golden_push.h"

#include "cluster/host_names.h"
#include "cluster/host_self.h"
#include "common/failure_text.h"
#include "common/logging.h"
#include "golden/golden_fingerprint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <future>
#include <vector>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kGoldenPushGoldenFailed{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the golden %1: %2")};
const FailureSentence kGoldenPushNoFingerprint{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 has no fingerprint of its files yet: check it once on this machine (a clone "
    "or plan of it does), or accept its files with 'vmeclone golden refresh %1'")};
const FailureSentence kGoldenPushFileOutside{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1: its file %2 is not inside %3, the folder of its description, so a copy of "
    "that folder would not find it: keep a golden's files together to push it")};
const FailureSentence kGoldenPushChanged{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden %1 changed since it was added: %2. Accept the change first (vmeclone golden "
    "refresh %1), then push it")};
const FailureSentence kGoldenPushOtherGolden{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1 holds another golden image named %2 (checksum %3 there, %4 here): remove it there "
    "first (vmeclone golden remove %2 on host %1), then push again")};
const FailureSentence kGoldenPushOtherGoldenUnknown{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1 holds another golden image named %2 (checksum unknown there, %3 here): remove it "
    "there first (vmeclone golden remove %2 on host %1), then push again")};
const FailureSentence kGoldenPushNoDataFolder{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "host %1 did not say where its data folder is")};
const FailureSentence kGoldenPushFolderTaken{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1: %2, where the golden image %3 would go, holds the files of its golden image %4: "
    "remove that golden there first")};
const FailureSentence kGoldenPushCannotRunRsync{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot run '%1': %2 (install rsync here and on the host)")};
const FailureSentence kGoldenPushRsyncFailed{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "rsync failed (exit %1): %2")};
const FailureSentence kGoldenPushRsyncStopped{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "rsync stopped: %1")};
const FailureSentence kGoldenPushCopyFailed{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1: copying the golden image %2 to %3 failed: %4. Nothing was registered there; push "
    "again to resume the copy")};
const FailureSentence kGoldenPushRegisterFailed{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "host %1: the files were copied to %2 but registering them failed: %3")};
const FailureSentence kGoldenPushCopyDiffers{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1: the copied files differ from here (checksum %2 there, %3 here), so it was not kept "
    "registered: push again")};
const FailureSentence kGoldenPushCopyDiffersUnknown{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1: the copied files differ from here (checksum unknown there, %2 here), so it was not "
    "kept registered: push again")};
const FailureSentence kGoldenPushCopyDiffersStuck{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1: the copied files differ from here (checksum %2 there, %3 here), and unregistering "
    "it failed: %4: push again")};
const FailureSentence kGoldenPushCopyDiffersUnknownStuck{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1: the copied files differ from here (checksum unknown there, %2 here), and "
    "unregistering it failed: %3: push again")};

// rsync --stats: "Total transferred file size: 67,108,864 bytes" (separators by locale).
qint64 transferredBytes(const QByteArray &stats) {
    static const QRegularExpression re(u"Total transferred file size: ([0-9][0-9,.']*) bytes"_s);
    const auto m = re.match(QString::fromLocal8Bit(stats));
    if (!m.hasMatch())
        return -1;
    QString digits = m.captured(1);
    digits.remove(QRegularExpression(u"[^0-9]"_s));
    return digits.toLongLong();
}

// The golden's folder under the host's goldens/: its name when that is a plain folder
// name, else a cleaned one with a hash of the name (a name may hold '/', '..' or spaces).
QString folderNameFor(const QString &name) {
    static const QRegularExpression plain(
        QRegularExpression::anchoredPattern(u"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"_s));
    if (plain.match(name).hasMatch() && !name.contains(u".."_s))
        return name;
    QString cleaned;
    for (const QChar c : name.left(40))
        cleaned += c.isLetterOrNumber() && c.unicode() < 128 ? c : u'_';
    const QByteArray hash = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256);
    return u"golden-%1-%2"_s.arg(cleaned, QString::fromLatin1(hash.toHex().left(8)));
}

QString lastLine(const QByteArray &text) {
    const QStringList lines = QString::fromLocal8Bit(text).split(u'\n', Qt::SkipEmptyParts);
    return lines.isEmpty() ? u"no message"_s : lines.last().trimmed();
}

} // namespace

GoldenPush::GoldenPush(GoldenPushConfig config)
    : m_config(std::move(config))
    , m_ssh(m_config.ssh) {}

Expected<QStringList> GoldenPush::filesOf(const GoldenRecord &golden) {
    auto fingerprint = GoldenFingerprint::parse(golden.fingerprint);
    if (!fingerprint)
        return fail(kGoldenPushGoldenFailed(golden.name, fingerprint.error()));
    if (fingerprint->files().isEmpty())
        return fail(kGoldenPushNoFingerprint(golden.name));
    const QString folder = QFileInfo(golden.path).absolutePath();
    const QDir base(folder);
    QStringList files;
    for (const GoldenFileStamp &s : fingerprint->files()) {
        const QString relative = base.relativeFilePath(s.path);
        if (relative.startsWith(u"../"_s) || QDir::isAbsolutePath(relative))
            return fail(kGoldenPushFileOutside(golden.name, s.path, folder));
        files << relative;
    }
    return files;
}

QList<GoldenPushOutcome> GoldenPush::push(const GoldenRecord &golden,
                                          const QList<HostRecord> &hosts) const {
    QList<GoldenPushOutcome> outcomes;
    const auto refuseAll = [&](const QString &why) {
        for (const HostRecord &host : hosts)
            outcomes.append({host.name, false, false, -1, why});
        return outcomes;
    };
    auto files = filesOf(golden);
    if (!files)
        return refuseAll(files.error());
    // What is pushed is what was accepted: a golden written since is refused, as a clone is.
    const QString folder = QFileInfo(golden.path).absolutePath();
    QStringList absolute;
    for (const QString &f : std::as_const(*files))
        absolute << QDir(folder).filePath(f);
    auto now = GoldenFingerprint::of(absolute);
    if (!now)
        return refuseAll(kGoldenPushGoldenFailed(golden.name, now.error()));
    const auto accepted = GoldenFingerprint::parse(golden.fingerprint);
    if (const QString change = now->differenceFrom(*accepted); !change.isEmpty())
        return refuseAll(kGoldenPushChanged(golden.name, change));
    const QString checksum = now->checksum(folder);

    // A thread per host: they wait on the network and on each other's copies.
    std::vector<std::future<GoldenPushOutcome>> futures;
    futures.reserve(size_t(hosts.size()));
    for (const HostRecord &host : hosts)
        futures.push_back(std::async(std::launch::async, [this, &golden, &files, &checksum, host] {
            return pushTo(golden, *files, checksum, host);
        }));
    for (auto &f : futures)
        outcomes.append(f.get());
    return outcomes;
}

GoldenPushOutcome GoldenPush::pushTo(const GoldenRecord &golden, const QStringList &files,
                                     const QString &checksum, const HostRecord &host) const {
    GoldenPushOutcome o{host.name, false, false, -1, {}};
    if (isLocalHost(host.name)) {
        o.ok = o.skipped = true;
        o.message = u"host local is this machine: it holds the golden image %1"_s.arg(golden.name);
        return o;
    }
    // 1. What the host holds.
    auto self = askHost(m_ssh, host);
    if (!self) {
        o.message = self.error();
        return o;
    }
    if (auto s = checkCompatible(*self, host.name); !s) {
        o.message = s.error();
        return o;
    }
    for (const auto &v : std::as_const(self->goldens)) {
        const QJsonObject there = v.toObject();
        if (there.value(u"name"_s).toString() != golden.name)
            continue;
        const QString theirs = there.value(u"checksum"_s).toString();
        if (theirs == checksum) {
            o.ok = o.skipped = true;
            o.message = u"host %1 holds identical files of the golden image %2 already: "
                        u"skipped"_s.arg(host.name, golden.name);
        } else {
            o.message =
                theirs.isEmpty()
                    ? kGoldenPushOtherGoldenUnknown(host.name, golden.name, checksum.left(12))
                    : kGoldenPushOtherGolden(host.name, golden.name, theirs.left(12),
                                             checksum.left(12));
        }
        return o;
    }
    if (self->dataFolder.isEmpty()) {
        o.message = kGoldenPushNoDataFolder(host.name);
        return o;
    }

    // 2. The copy: resumable (--partial), by content (--checksum); nothing is registered
    // unless it completes.
    const QString folder = QFileInfo(golden.path).absolutePath();
    const QString remoteFolder = self->dataFolder + u"/goldens/"_s + folderNameFor(golden.name);
    // Never over the files of another golden the host holds there.
    for (const auto &v : std::as_const(self->goldens)) {
        const QJsonObject there = v.toObject();
        const QString path = there.value(u"path"_s).toString();
        if (path.startsWith(remoteFolder + u'/')) {
            o.message = kGoldenPushFolderTaken(host.name, remoteFolder, golden.name,
                                               there.value(u"name"_s).toString());
            return o;
        }
    }
    QStringList rsync{u"--partial"_s, u"--checksum"_s, u"--times"_s,
                      u"--mkpath"_s,  u"--relative"_s, u"--protect-args"_s,
                      u"--stats"_s,   u"-e"_s,         m_ssh.commandLine(host)};
    // "folder/./file": --relative keeps only what follows "./".
    for (const QString &f : files)
        rsync << folder + u"/./"_s + f;
    rsync << host.destination + u':' + remoteFolder + u'/';
    log::cluster()->info(
        "{}",
        LogText::tr("host %1: copying golden %2 to %3").arg(host.name, golden.name, remoteFolder));
    const ChildRun copy = runChild(m_config.rsyncProgram, rsync, m_config.copyTimeout);
    if (!copy.succeeded()) {
        const QString why = copy.outcome == ChildRun::Outcome::CannotStart
                                ? kGoldenPushCannotRunRsync(m_config.rsyncProgram, copy.error)
                            : copy.outcome == ChildRun::Outcome::Finished
                                ? kGoldenPushRsyncFailed(copy.exitCode, lastLine(copy.err))
                                : kGoldenPushRsyncStopped(copy.error);
        o.message = kGoldenPushCopyFailed(host.name, golden.name, remoteFolder, why);
        return o;
    }
    o.copiedBytes = transferredBytes(copy.out);

    // 3. Registered there with the same parameters as here.
    QStringList add{u"golden"_s,
                    u"add"_s,
                    remoteFolder + u'/' + QDir(folder).relativeFilePath(golden.path),
                    u"--name"_s,
                    golden.name,
                    u"--suffix"_s,
                    QString::number(golden.suffix()),
                    u"--subnet"_s,
                    golden.subnet.toString(),
                    u"--name-prefix"_s,
                    golden.namePrefix};
    if (golden.gateway.toUInt())
        add << u"--gateway"_s << golden.gateway.toString();
    if (!golden.dns.isEmpty()) {
        QStringList dns;
        for (const Ipv4Address &a : golden.dns)
            dns << a.toString();
        add << u"--dns"_s << dns.join(u',');
    }
    for (const GoldenNic &nic : golden.nics)
        add << u"--nic"_s << goldenNicsText({nic});
    add << u"--json"_s;
    auto added = m_ssh.run(host, add);
    if (!added) {
        o.message = kGoldenPushRegisterFailed(host.name, remoteFolder, added.error());
        return o;
    }
    // Its own fingerprint of what arrived must name the same content.
    const QString theirs = QJsonDocument::fromJson(*added).object().value(u"checksum"_s).toString();
    if (theirs != checksum) {
        const auto removed = m_ssh.run(host, {u"golden"_s, u"remove"_s, golden.name});
        const QString here = checksum.left(12);
        if (removed)
            o.message = theirs.isEmpty() ? kGoldenPushCopyDiffersUnknown(host.name, here)
                                         : kGoldenPushCopyDiffers(host.name, theirs.left(12), here);
        else
            o.message = theirs.isEmpty()
                            ? kGoldenPushCopyDiffersUnknownStuck(host.name, here, removed.error())
                            : kGoldenPushCopyDiffersStuck(host.name, theirs.left(12), here,
                                                          removed.error());
        return o;
    }
    o.ok = true;
    o.message = u"host %1: golden image %2 pushed to %3 (%4 bytes copied) and registered"_s
                    .arg(host.name, golden.name, remoteFolder)
                    .arg(o.copiedBytes < 0 ? 0 : o.copiedBytes);
    return o;
}

} // namespace vmeclone
