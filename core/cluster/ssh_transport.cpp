#include "ssh_transport.h"

#include "common/logging.h"
#include "common/translations.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

// ssh's exit status when ssh itself failed (it returns the remote command's otherwise).
constexpr int kSshFailed = 255;
// The remote shell's: the command was not found, or found but could not be run.
constexpr int kNotFound = 127;
constexpr int kNotExecutable = 126;

// A socket path (sun_path) holds 107 bytes. ssh first binds "<ControlPath>.<16 random
// characters>" and renames it; %C expands to 40 hex digits.
constexpr qsizetype kMaxSocketPath = 107;
const QString kControlName = u"vmeclone-ssh-%C"_s;
constexpr qsizetype kControlNameExpanded = 13 + 40 + 17;

// A folder only this user may enter: ours, a real folder (no symbolic link), no access for
// group or others.
bool privateFolder(const QString &path) {
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    return S_ISDIR(st.st_mode) && st.st_uid == ::geteuid() && (st.st_mode & 0077) == 0;
}

// ssh writes "\r\n" on some paths and banners of "@" lines around its warnings.
QStringList stderrLines(const QByteArray &err) {
    QStringList lines;
    for (const QString &line : QString::fromLocal8Bit(err).split(u'\n')) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(u'@'))
            lines.append(t);
    }
    return lines;
}

} // namespace

QString SshOptions::controlFolder() {
    QString folder = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (folder.isEmpty() || !privateFolder(folder)) {
        folder = QDir::tempPath() + u"/vmeclone-ssh-%1"_s.arg(::geteuid());
        // Made private here, or taken as it is only when it is private already (someone
        // else may have made it to catch our sockets).
        ::mkdir(QFile::encodeName(folder).constData(), 0700);
        if (!privateFolder(folder))
            return {};
    }
    if (folder.toLocal8Bit().size() + 1 + kControlNameExpanded > kMaxSocketPath)
        return {}; // ssh would refuse the path: one connection per command instead
    return folder;
}

SshOptions SshOptions::fromEnvironment() {
    SshOptions o;
    if (const QString program = qEnvironmentVariable("VMECLONE_SSH"); !program.isEmpty())
        o.program = program;
    o.configFile = qEnvironmentVariable("VMECLONE_SSH_CONFIG");
    o.controlDir = controlFolder();
    return o;
}

SshTransport::SshTransport(SshOptions options)
    : m_options(std::move(options)) {}

QString SshTransport::shellQuote(const QString &word) {
    QString quoted = word;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QStringList SshTransport::clientOptions(const HostRecord &host) const {
    QStringList a{u"-o"_s, u"BatchMode=yes"_s, u"-o"_s,
                  u"ConnectTimeout=%1"_s.arg(m_options.connectTimeoutSeconds)};
    if (!m_options.controlDir.isEmpty())
        a << u"-o"_s << u"ControlMaster=auto"_s << u"-o"_s
          << u"ControlPath=%1/%2"_s.arg(m_options.controlDir, kControlName) << u"-o"_s
          << u"ControlPersist=60"_s;
    if (!m_options.configFile.isEmpty())
        a << u"-F"_s << m_options.configFile;
    if (host.port > 0)
        a << u"-p"_s << QString::number(host.port);
    return a;
}

QString SshTransport::commandLine(const HostRecord &host) const {
    QStringList words{shellQuote(m_options.program)};
    for (const QString &word : clientOptions(host))
        words << shellQuote(word);
    return words.join(u' ');
}

QStringList SshTransport::arguments(const HostRecord &host,
                                    const QStringList &vmecloneArguments) const {
    QStringList a = clientOptions(host);
    // The destination was validated (it cannot start with '-'); "--" ends ssh's options.
    a << host.destination << u"--"_s;
    QStringList remote;
    // A head in another language than English asks the host for core's words in it
    // (why an address is refused, ...): `env` sets it for the remote command alone.
    // (The C locale, a console started without LANG, is English too.)
    if (const QString language = Translations::installed();
        !language.isEmpty() && QLocale(language).language() != QLocale::English
        && QLocale(language).language() != QLocale::C)
        remote << u"env"_s << u"%1=%2"_s.arg(QLatin1String(Translations::kEnvironment), language);
    remote << (host.remoteCommand.isEmpty() ? u"vmeclone"_s : host.remoteCommand);
    if (!host.remoteHome.isEmpty())
        remote << u"--home"_s << host.remoteHome;
    remote << vmecloneArguments;
    for (const QString &word : std::as_const(remote))
        a << shellQuote(word);
    return a;
}

QString SshTransport::sshCommandFor(const HostRecord &host) const {
    QString command = u"ssh"_s;
    if (!m_options.configFile.isEmpty())
        command += u" -F "_s + m_options.configFile;
    if (host.port > 0)
        command += u" -p %1"_s.arg(host.port);
    return command + u' ' + host.destination;
}

QString SshTransport::explain(const HostRecord &host, const ChildRun &run) const {
    const QString address = host.address();
    const QString where = host.port > 0 ? tr("%1 port %2").arg(address).arg(host.port) : address;
    const QString who = tr("host %1 (%2)").arg(host.name, where);
    const QString remoteCommand = host.remoteCommand.isEmpty() ? u"vmeclone"_s : host.remoteCommand;
    const QStringList lines = stderrLines(run.err);
    const QString said = lines.isEmpty() ? QString() : lines.last();
    const QString all = QString::fromLocal8Bit(run.err);

    switch (run.outcome) {
    case ChildRun::Outcome::CannotStart:
        return tr("%1: cannot run the ssh client '%2': %3 (install openssh-client, or name the "
                  "program in VMECLONE_SSH)")
            .arg(who, m_options.program, run.error);
    case ChildRun::Outcome::TimedOut:
        return tr("%1: no answer within %2 s (ssh connected, but '%3' there did not finish)")
            .arg(who, QString::number(m_options.timeout.count() / 1000), remoteCommand);
    case ChildRun::Outcome::Crashed:
        return tr("%1: the ssh client stopped: %2").arg(who, run.error);
    case ChildRun::Outcome::Finished:
        break;
    }
    if (run.exitCode == 0)
        return {};
    if (run.exitCode == kNotFound)
        return tr("%1: vmeclone is not installed there: '%2' was not found (%3). Install vmeclone "
                  "on it, or say where it is there")
            .arg(who, remoteCommand, said);
    if (run.exitCode == kNotExecutable)
        return tr("%1: '%2' there cannot be run (%3): check that it is vmeclone and executable")
            .arg(who, remoteCommand, said);
    if (run.exitCode != kSshFailed) {
        // The remote vmeclone's own refusal: its first line says why (usage text follows).
        const QString first = lines.isEmpty() ? tr("no message") : lines.first();
        return tr("%1: vmeclone there failed (exit %2): %3").arg(who).arg(run.exitCode).arg(first);
    }

    // ssh itself failed: its words say how. The changed key first: its message also ends
    // in "Host key verification failed."
    const QString keyscan = u"ssh-keyscan%1 %2 >> ~/.ssh/known_hosts"_s.arg(
        host.port > 0 ? u" -p %1"_s.arg(host.port) : QString(), address);
    if (all.contains(u"REMOTE HOST IDENTIFICATION HAS CHANGED"_s)
        || all.contains(u"has changed and you have requested strict checking"_s))
        return tr("%1: its host key has CHANGED since it was recorded in your known_hosts. Someone "
                  "may be intercepting the connection, or the host was reinstalled: find out which "
                  "from its administrator before you trust the new key. vmeclone does not connect "
                  "to it until then")
            .arg(who);
    if (all.contains(u"Host key verification failed"_s) || all.contains(u"host key is known for"_s))
        return tr("%1: its host key is not known: check it and add it with `%2` or connect once "
                  "with `%3`")
            .arg(who, keyscan, sshCommandFor(host));
    if (all.contains(u"Permission denied"_s))
        return tr("%1: the login was refused (%2): install your key with `ssh-copy-id%3%4 %5`, or "
                  "load it into your agent")
            .arg(who, said,
                 m_options.configFile.isEmpty() ? QString() : u" -F "_s + m_options.configFile,
                 host.port > 0 ? u" -p %1"_s.arg(host.port) : QString(), host.destination);
    if (all.contains(u"Connection refused"_s))
        return tr("%1 is unreachable: connection refused (no SSH server listens there)").arg(who);
    if (all.contains(u"timed out"_s))
        return tr("%1 is unreachable: the connection timed out after %2 s")
            .arg(who)
            .arg(m_options.connectTimeoutSeconds);
    if (all.contains(u"No route to host"_s) || all.contains(u"Network is unreachable"_s))
        return tr("%1 is unreachable: %2").arg(who, said);
    if (all.contains(u"Could not resolve hostname"_s))
        return tr("%1: its name cannot be resolved: %2").arg(who, said);
    return tr("%1: ssh failed: %2").arg(who, said.isEmpty() ? tr("no message") : said);
}

ChildRun SshTransport::runRaw(const HostRecord &host, const QStringList &vmecloneArguments) const {
    static auto logger = log::get("ssh");
    ChildRun r = runChild(m_options.program, arguments(host, vmecloneArguments), m_options.timeout);
    if (!r.succeeded())
        logger->debug("host {}: exit {}: {}", host.name, r.exitCode, QString::fromLocal8Bit(r.err));
    return r;
}

Expected<QByteArray> SshTransport::run(const HostRecord &host,
                                       const QStringList &vmecloneArguments) const {
    const ChildRun r = runRaw(host, vmecloneArguments);
    if (r.succeeded())
        return r.out;
    return failureOf(host, r);
}

Error SshTransport::failureOf(const HostRecord &host, const ChildRun &run) const {
    if (run.outcome == ChildRun::Outcome::Finished && run.exitCode == kNotFound)
        return refuse(Problem::NotFound, Field::RemoteCommand,
                      host.remoteCommand.isEmpty() ? u"vmeclone"_s : host.remoteCommand,
                      explain(host, run));
    return Error(explain(host, run));
}

} // namespace vmeclone
