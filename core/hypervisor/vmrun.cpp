#include "vmrun.h"

#include "common/child_process.h"
#include "common/failure_text.h"
#include "common/logging.h"
#include "net/ipv4.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kVmrunNotFound{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "vmrun not found on PATH nor in %1: install VMware Workstation Pro, or give its path. %2")};
const FailureSentence kVmrunWhereToGetIt{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "vmrun ships with VMware Workstation Pro (free for all use since November 2024; download it "
    "from Broadcom's support portal, support.broadcom.com, under VMware Workstation Pro). "
    "VMware Workstation Player is discontinued and installs no vmrun without the separate VIX "
    "API")};
// Why a type was chosen (typeReason()): said in failures that name the type.
const FailureSentence kVmrunWorkstationInstalled{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "VMware Workstation's program %1 is installed")};
const FailureSentence kVmrunOnlyPlayer{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "only VMware Player is installed (%1, no Workstation program %2 beside %3 or on PATH): "
    "Player's vmrun -T player cannot clone or snapshot")};
const FailureSentence kVmrunNeitherProgram{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "neither Workstation's %1 nor Player's %2 is beside %3 or on PATH: Workstation Pro assumed "
    "(Player is discontinued); give the type player for a Player host")};
const FailureSentence kVmrunNotExecutable{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the vmrun given (%1) is not an executable file")};
const FailureSentence kVmrunUnknownType{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "VMware product type '%1' is unknown: use player (VMware Player) or ws (VMware "
    "Workstation)")};
const FailureSentence kVmrunTimeoutNotPositive{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the vmrun timeout must be positive")};
const FailureSentence kVmrunCannotRun{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot run vmrun (%1) for %2: %3")};
const FailureSentence kVmrunTimedOut{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "vmrun %1 did not finish within %2 s: killed it. VMware may be waiting for an answer in the "
    "VM's window, or its services may be stuck")};
const FailureSentence kVmrunCrashed{QT_TRANSLATE_NOOP("vmeclone::Failure", "vmrun %1 crashed: %2")};
const FailureSentence kVmrunFailedSilently{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "vmrun %1 failed (exit code %2): it printed nothing")};
const FailureSentence kVmrunFailed{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "vmrun %1 failed (exit code %2): %3")};
const FailureSentence kVmrunNoCloneCommand{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "vmrun -T %1 has no clone command: linked clones by vmrun need VMware Workstation Pro (-T "
    "ws, free since November 2024); let vmeclone link the disks itself instead")};
const FailureSentence kVmrunNotAnAddress{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "vmrun getGuestIPAddress %1 printed '%2', not an IPv4 address")};
const FailureSentence kVmrunListUnreadable{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "vmrun list printed '%1', not 'Total running VMs: N' and the VMs: is this VMware's vmrun?")};
const FailureSentence kVmrunListMiscounted{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "vmrun list said %1 running VMs but listed %2: %3")};

QString seconds(std::chrono::milliseconds d) {
    return QString::number(static_cast<double>(d.count()) / 1000.0, 'g', 3);
}

bool isFile(const QString &path) {
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

#ifdef Q_OS_WIN
QString windowsProgramFolder(const char *variable, const QString &fallback) {
    const QString value = qEnvironmentVariable(variable);
    return value.isEmpty() ? fallback : QDir::fromNativeSeparators(value);
}
#endif

} // namespace

QStringList Vmrun::standardLocations() {
#ifdef Q_OS_WIN
    const QString x86 = windowsProgramFolder("ProgramFiles(x86)", u"C:/Program Files (x86)"_s);
    const QString native = windowsProgramFolder("ProgramFiles", u"C:/Program Files"_s);
    QStringList out;
    for (const QString &folder : {u"VMware Workstation"_s, u"VMware VIX"_s, u"VMware Player"_s}) {
        for (const QString &root : {x86, native}) {
            const QString path = root + u"/VMware/"_s + folder + u"/vmrun.exe"_s;
            if (!out.contains(path))
                out << path;
        }
    }
    return out;
#else
    return {u"/usr/bin/vmrun"_s, u"/usr/local/bin/vmrun"_s};
#endif
}

Expected<QString> Vmrun::find() {
    if (const QString onPath = QStandardPaths::findExecutable(u"vmrun"_s); !onPath.isEmpty())
        return onPath;
    const QStringList standard = standardLocations();
    for (const QString &path : standard) {
        if (isFile(path))
            return path;
    }
    return refuse(Problem::Missing, Field::Vmrun, {},
                  kVmrunNotFound(standard.join(u", "_s), whereToGetIt()));
}

QString Vmrun::whereToGetIt() {
    return kVmrunWhereToGetIt();
}

Vmrun::DetectedType Vmrun::detectType(const QString &vmrunPath) {
#ifdef Q_OS_WIN
    const QString workstation = u"vmware.exe"_s;
    const QString player = u"vmplayer.exe"_s;
#else
    const QString workstation = u"vmware"_s;
    const QString player = u"vmplayer"_s;
#endif
    const QString folder = QFileInfo(vmrunPath).absolutePath();
    const auto installed = [&](const QString &program) -> QString {
        if (isFile(folder + u'/' + program))
            return folder + u'/' + program;
        if (const QString onPath = QStandardPaths::findExecutable(program); !onPath.isEmpty())
            return onPath;
#ifdef Q_OS_WIN
        // The VIX API's vmrun lives apart from Workstation and Player.
        for (const QString &path : standardLocations()) {
            const QString beside = QFileInfo(path).absolutePath() + u'/' + program;
            if (isFile(beside))
                return beside;
        }
#endif
        return {};
    };
    if (const QString ws = installed(workstation); !ws.isEmpty())
        return {u"ws"_s, kVmrunWorkstationInstalled(ws)};
    if (const QString vmplayer = installed(player); !vmplayer.isEmpty())
        return {u"player"_s, kVmrunOnlyPlayer(vmplayer, workstation, vmrunPath)};
    return {u"ws"_s, kVmrunNeitherProgram(workstation, player, vmrunPath)};
}

Expected<Vmrun> Vmrun::create(const VmrunConfig &config) {
    Vmrun v;
    if (!config.program.isEmpty()) {
        if (!isFile(config.program))
            return refuse(Problem::NotFound, Field::Vmrun, config.program,
                          kVmrunNotExecutable(config.program));
        v.m_program = config.program;
    } else {
        auto found = find();
        if (!found)
            return found.failure();
        v.m_program = *found;
    }
    if (config.type.isEmpty()) {
        const DetectedType detected = detectType(v.m_program);
        v.m_type = detected.type;
        v.m_typeReason = detected.reason;
    } else if (config.type == u"player" || config.type == u"ws") {
        v.m_type = config.type;
        v.m_typeReason = u"given"_s;
    } else {
        return fail(kVmrunUnknownType(config.type));
    }
    if (config.timeout.count() <= 0)
        return fail(kVmrunTimeoutNotPositive());
    v.m_timeout = config.timeout;
    return v;
}

Expected<VmrunOutput> Vmrun::runRaw(const QStringList &arguments, std::chrono::milliseconds timeout,
                                    const QString &what) const {
    const QStringList args = QStringList{u"-T"_s, m_type} + arguments;
    // vmrun waits for VMware without limit (a question in the VM, a hung host service):
    // it must not hold a batch forever, so it runs with a time limit.
    const ChildRun run = runChild(m_program, args, timeout);
    switch (run.outcome) {
    case ChildRun::Outcome::CannotStart:
        return fail(kVmrunCannotRun(m_program, what, run.error));
    case ChildRun::Outcome::TimedOut:
        log::vmrun()->warn(
            "{}", LogText::tr("vmrun %1 hung for %2 s: killed").arg(what).arg(seconds(timeout)));
        return fail(kVmrunTimedOut(what, seconds(timeout)));
    case ChildRun::Outcome::Crashed:
        return fail(kVmrunCrashed(what, run.error));
    case ChildRun::Outcome::Finished:
        break;
    }
    VmrunOutput out;
    out.exitCode = run.exitCode;
    // vmrun writes in the system's code page on Windows, UTF-8 elsewhere.
    out.output = QString::fromLocal8Bit(run.out);
    const QString err = QString::fromLocal8Bit(run.err).trimmed();
    if (!err.isEmpty())
        out.output +=
            (out.output.endsWith(u'\n') || out.output.isEmpty() ? QString() : u"\n"_s) + err;
    return out;
}

QString Vmrun::describeFailure(const QString &what, const VmrunOutput &out) {
    const QString text = out.output.trimmed();
    // An exit status is 32 bits unsigned on Windows (-1 there is 4294967295, as VMware's
    // users quote it) and 0-255 elsewhere, where the cast changes nothing.
    const auto exitCode = static_cast<quint32>(out.exitCode);
    return text.isEmpty() ? kVmrunFailedSilently(what, exitCode)
                          : kVmrunFailed(what, exitCode, text);
}

Expected<QString> Vmrun::run(const QStringList &arguments, std::chrono::milliseconds timeout,
                             const QString &what) const {
    auto out = runRaw(arguments, timeout, what);
    if (!out)
        return fail(out.error());
    if (out->exitCode != 0)
        return fail(describeFailure(what, *out));
    return out->output;
}

Status Vmrun::start(const QString &vmx, const QString &vm) const {
    // nogui: no window and no startup dialog, so nothing can wait for a click.
    auto out =
        run({u"start"_s, QDir::toNativeSeparators(vmx), u"nogui"_s}, m_timeout, u"start "_s + vm);
    if (!out)
        return fail(out.error());
    return {};
}

Status Vmrun::cloneLinked(const QString &sourceVmx, const QString &cloneVmx,
                          const QString &snapshot, const QString &name) const {
    if (m_type != u"ws")
        return fail(kVmrunNoCloneCommand(m_type));
    auto out =
        run({u"clone"_s, QDir::toNativeSeparators(sourceVmx), QDir::toNativeSeparators(cloneVmx),
             u"linked"_s, u"-snapshot="_s + snapshot, u"-cloneName="_s + name},
            m_timeout, u"clone "_s + name);
    if (!out)
        return fail(out.error());
    return {};
}

Status Vmrun::stop(const QString &vmx, const QString &vm, bool hard,
                   std::chrono::milliseconds timeout) const {
    const QString mode = hard ? u"hard"_s : u"soft"_s;
    const QString what = u"stop %1 (%2)"_s.arg(vm, mode);
    auto out = runRaw({u"stop"_s, QDir::toNativeSeparators(vmx), mode}, timeout, what);
    if (!out)
        return fail(out.error());
    if (out->exitCode == 0)
        return {};
    // "Error: The virtual machine is not powered on: <vmx>": already where we want it.
    if (out->output.contains(u"is not powered on"_s))
        return {};
    return fail(describeFailure(what, *out));
}

Status Vmrun::stopSoftThenHard(const QString &vmx, const QString &vm,
                               std::chrono::milliseconds grace) const {
    auto soft = stop(vmx, vm, false, grace);
    if (soft)
        return {};
    log::vmrun()->info(
        "{}",
        LogText::tr("%1: soft stop did not work (%2); stopping it hard").arg(vm, soft.error()));
    auto hard = stop(vmx, vm, true, m_timeout);
    if (!hard)
        return fail(u"%1; then: %2"_s.arg(soft.error(), hard.error()));
    return {};
}

Expected<QStringList> Vmrun::list() const {
    auto out = run({u"list"_s}, m_timeout, u"list"_s);
    if (!out)
        return fail(out.error());
    return parseList(*out);
}

Expected<bool> Vmrun::isRunning(const QString &vmx) const {
    auto running = list();
    if (!running)
        return fail(running.error());
    return std::any_of(running->begin(), running->end(),
                       [&](const QString &path) { return samePath(path, vmx); });
}

Expected<QString> Vmrun::guestIpAddress(const QString &vmx, const QString &vm,
                                        std::chrono::milliseconds timeout) const {
    // -wait: without it vmrun answers at once that the Tools are not running while the
    // guest still boots.
    auto out = run({u"getGuestIPAddress"_s, QDir::toNativeSeparators(vmx), u"-wait"_s}, timeout,
                   u"getGuestIPAddress "_s + vm);
    if (!out)
        return fail(out.error());
    const QString ip = out->trimmed();
    if (!Ipv4Address::parse(ip))
        return fail(kVmrunNotAnAddress(vm, ip));
    return ip;
}

Expected<QStringList> Vmrun::parseList(const QString &output) {
    QStringList lines;
    for (const QString &line : output.split(u'\n')) {
        const QString l = line.trimmed();
        if (!l.isEmpty())
            lines << l;
    }
    static const QRegularExpression header(u"^Total running VMs: (\\d+)$"_s);
    const auto m = lines.isEmpty() ? QRegularExpressionMatch() : header.match(lines.first());
    if (!m.hasMatch())
        return fail(kVmrunListUnreadable(output.trimmed().left(200)));
    const qsizetype count = m.captured(1).toLongLong();
    lines.removeFirst();
    if (lines.size() != count)
        return fail(kVmrunListMiscounted(count, lines.size(), output.trimmed().left(400)));
    return lines;
}

bool Vmrun::samePath(const QString &a, const QString &b) {
    const QString x = QDir::cleanPath(QDir::fromNativeSeparators(a));
    const QString y = QDir::cleanPath(QDir::fromNativeSeparators(b));
#ifdef Q_OS_WIN
    return x.compare(y, Qt::CaseInsensitive) == 0;
#else
    return x == y;
#endif
}

} // namespace vmeclone
