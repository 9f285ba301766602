#pragma once
// What a host says about itself (`vmeclone host self --json`, run there over SSH): its
// vmeclone's version and the protocol between head and hosts, its data folder, goldens,
// shards with their free space, and whether its listener runs. A head reads it to check a
// host before adding it and whenever it checks one; it is the only thing a head needs to
// understand of a host's output, so it carries a protocol number of its own.

#include "cluster/ssh_transport.h"
#include "common/expected.h"
#include "inventory/records.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace vmeclone {

// Raised when what a head and a host say to each other changes incompatibly.
inline constexpr int kHostProtocol = 1;

struct HostSelf {
    QString version; // the host's vmeclone, "0.1.0"
    int protocol = 0;
    QString dataFolder;
    QJsonArray goldens; // as `golden list --json` prints them
    QJsonArray shards;  // as `shard list --json` prints them (bytes_free, device, ...)
    bool listenerRunning = false;
    int listenerPort = 0;

    QJsonObject toJson() const;
    // Fails saying what is missing or malformed.
    static Expected<HostSelf> fromJson(const QByteArray &json);
    // Free bytes over the usable shards, each filesystem (device) counted once.
    qint64 bytesFree() const;
};

// A head and a host work together only on the same major.minor version and the same
// protocol; the error names the host and both versions.
Status checkCompatible(const HostSelf &remote, const QString &hostName,
                       const QString &localVersion = QStringLiteral(VMECLONE_VERSION));

// Whether some process holds the UDP port on this machine (a listener: it binds without
// SO_REUSEADDR, so our bind fails), found as the console finds it: by trying.
bool udpPortHeld(quint16 port);

// Runs `host self --json` on the host and reads the answer. A vmeclone there too old to
// know `host self` is named with its version.
Expected<HostSelf> askHost(const SshTransport &transport, const HostRecord &host);

// `host check --start-listener`: starts `vmeclone listen` for the host's data folder and
// port (as its `host self` reported them) over the same SSH transport, detached from the
// session (setsid, no terminal, output appended to listenerLogPath()). Returns the
// listener's process id there; whether it took its port is for the caller to ask again.
Expected<qint64> startRemoteListener(const SshTransport &transport, const HostRecord &host,
                                     const HostSelf &self);
// The same on this machine: `program` (this vmeclone) started detached.
Expected<qint64> startLocalListener(const QString &program, const HostSelf &self);
// Where a listener started so writes its output: "DATA_FOLDER/listener.log".
QString listenerLogPath(const QString &dataFolder);

} // namespace vmeclone
