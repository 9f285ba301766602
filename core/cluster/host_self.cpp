#include "host_self.h"

#include "common/failure_text.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kHostSelfNotJson{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "not a host description (JSON object): %1")};
const FailureSentence kHostSelfNotObject{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "not a host description (JSON object): not an object")};
const FailureSentence kHostSelfNoVersion{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the host description names no version")};
const FailureSentence kHostSelfNoProtocol{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the host description names no protocol")};
const FailureSentence kHostSelfOtherVersion{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1 runs vmeclone %2 and this is vmeclone %3: a head and its hosts need the same "
    "major.minor version; install the same version on both")};
const FailureSentence kHostSelfOtherProtocol{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1 speaks host protocol %2 (vmeclone %3) and this vmeclone %4 speaks protocol %5: "
    "install the same version on both")};
const FailureSentence kHostSelfNotDescribed{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "host %1: '%2 host self' there did not describe the host (%3): is it vmeclone?")};

// "0.1.0" -> (0, 1); empty when it is not a version.
std::optional<std::pair<int, int>> majorMinor(const QString &version) {
    static const QRegularExpression re(u"^(\\d+)\\.(\\d+)(\\.\\d+)?([-+~][0-9A-Za-z.+~-]*)?$"_s);
    const auto m = re.match(version);
    if (!m.hasMatch())
        return std::nullopt;
    return std::pair{m.captured(1).toInt(), m.captured(2).toInt()};
}

} // namespace

QJsonObject HostSelf::toJson() const {
    return {
        {u"version"_s, version},
        {u"protocol"_s, protocol},
        {u"data_folder"_s, dataFolder},
        {u"goldens"_s, goldens},
        {u"shards"_s, shards},
        {u"listener"_s, QJsonObject{{u"running"_s, listenerRunning}, {u"port"_s, listenerPort}}}};
}

Expected<HostSelf> HostSelf::fromJson(const QByteArray &json) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(error.error != QJsonParseError::NoError ? kHostSelfNotJson(error.errorString())
                                                            : kHostSelfNotObject());
    const QJsonObject o = doc.object();
    HostSelf s;
    s.version = o.value(u"version"_s).toString();
    if (s.version.isEmpty())
        return fail(kHostSelfNoVersion());
    s.protocol = o.value(u"protocol"_s).toInt(0);
    if (s.protocol <= 0)
        return fail(kHostSelfNoProtocol());
    s.dataFolder = o.value(u"data_folder"_s).toString();
    s.goldens = o.value(u"goldens"_s).toArray();
    s.shards = o.value(u"shards"_s).toArray();
    const QJsonObject listener = o.value(u"listener"_s).toObject();
    s.listenerRunning = listener.value(u"running"_s).toBool();
    s.listenerPort = listener.value(u"port"_s).toInt();
    return s;
}

qint64 HostSelf::bytesFree() const {
    qint64 total = 0;
    QSet<QString> devices;
    for (const auto &v : shards) {
        const QJsonObject shard = v.toObject();
        if (!shard.value(u"error"_s).toString().isEmpty())
            continue;
        const QString device = shard.value(u"device"_s).toString();
        if (!device.isEmpty() && devices.contains(device))
            continue;
        devices.insert(device);
        total += static_cast<qint64>(shard.value(u"bytes_free"_s).toDouble());
    }
    return total;
}

Status checkCompatible(const HostSelf &remote, const QString &hostName,
                       const QString &localVersion) {
    const auto there = majorMinor(remote.version);
    const auto here = majorMinor(localVersion);
    if (!there || !here || *there != *here)
        return fail(kHostSelfOtherVersion(hostName, remote.version, localVersion));
    if (remote.protocol != kHostProtocol)
        return fail(kHostSelfOtherProtocol(hostName, remote.protocol, remote.version, localVersion,
                                           kHostProtocol));
    return {};
}

bool udpPortHeld(quint16 port) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY); // conflicts with a bind to any one address
    const bool held = ::bind(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0
                      && errno == EADDRINUSE;
    ::close(fd);
    return held;
}

Expected<HostSelf> askHost(const SshTransport &transport, const HostRecord &host) {
    const ChildRun run = transport.runRaw(host, {u"host"_s, u"self"_s, u"--json"_s});
    if (!run.succeeded()) {
        // A vmeclone from before hosts: it has no `host self`, but says its version.
        if (run.outcome == ChildRun::Outcome::Finished && run.exitCode == 2
            && run.err.contains("unknown command 'host self'")) {
            const ChildRun version = transport.runRaw(host, {u"--version"_s});
            const QString said = QString::fromUtf8(version.out).trimmed().section(u' ', -1);
            if (version.succeeded() && !said.isEmpty())
                return fail(
                    kHostSelfOtherVersion(host.name, said, QStringLiteral(VMECLONE_VERSION)));
        }
        return transport.failureOf(host, run);
    }
    auto self = HostSelf::fromJson(run.out);
    if (!self)
        return refuse(Problem::Unknown, Field::RemoteCommand, host.remoteCommand,
                      kHostSelfNotDescribed(host.name, host.remoteCommand, self.error()));
    return self;
}

QString listenerLogPath(const QString &dataFolder) {
    return QDir(dataFolder).filePath(u"listener.log"_s);
}

Expected<qint64> startRemoteListener(const SshTransport &transport, const HostRecord &host,
                                     const HostSelf &self) {
    const auto q = [](const QString &word) {
        return SshTransport::shellQuote(word);
    };
    const QString program = host.remoteCommand.isEmpty() ? u"vmeclone"_s : host.remoteCommand;
    // One line for the remote shell: the listener in a session of its own (no hang-up when
    // ssh leaves), nothing of ssh's channels kept open (ssh would wait for them), and its
    // process id printed. The data folder is made first: the log lives there. Only the
    // setsid command goes to the background (not a list: its subshell would keep ssh's
    // output open and ssh would wait for it).
    const QString listen = QStringList{q(program),
                                       u"--home"_s,
                                       q(self.dataFolder),
                                       u"--port"_s,
                                       q(QString::number(self.listenerPort)),
                                       u"listen"_s}
                               .join(u' ');
    const QString line =
        u"mkdir -p %1 && cd / || exit 1; setsid %2 </dev/null >>%3 2>&1 & echo $!"_s.arg(
            q(self.dataFolder), listen, q(listenerLogPath(self.dataFolder)));
    QStringList args = transport.clientOptions(host);
    args << host.destination << u"--"_s << line;
    const ChildRun run = runChild(transport.options().program, args, transport.options().timeout);
    if (!run.succeeded())
        return transport.failureOf(host, run);
    bool ok = false;
    const qint64 pid = QString::fromUtf8(run.out).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0)
        return fail(QCoreApplication::translate(
                        "vmeclone::cli", "host %1: starting the listener there printed no process "
                                         "id ('%2'): see %3 there")
                        .arg(host.name, QString::fromUtf8(run.out).trimmed(),
                             listenerLogPath(self.dataFolder)));
    return pid;
}

Expected<qint64> startLocalListener(const QString &program, const HostSelf &self) {
    if (!QDir().mkpath(self.dataFolder))
        return fail(QCoreApplication::translate(
                        "vmeclone::cli", "cannot make the data folder %1: check its parent's "
                                         "permissions")
                        .arg(self.dataFolder));
    QProcess listener;
    listener.setProgram(program);
    listener.setArguments({u"--home"_s, self.dataFolder, u"--port"_s,
                           QString::number(self.listenerPort), u"listen"_s});
    listener.setStandardInputFile(QProcess::nullDevice());
    listener.setStandardOutputFile(listenerLogPath(self.dataFolder), QIODevice::Append);
    listener.setStandardErrorFile(listenerLogPath(self.dataFolder), QIODevice::Append);
    listener.setWorkingDirectory(u"/"_s);
    // startDetached gives it a session of its own: this command's end does not end it.
    qint64 pid = 0;
    if (!listener.startDetached(&pid))
        return fail(QCoreApplication::translate("vmeclone::cli", "cannot start %1 listen: %2")
                        .arg(program, listener.errorString()));
    return pid;
}

} // namespace vmeclone
