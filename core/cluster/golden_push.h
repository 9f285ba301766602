#pragma once
// `golden push`: a golden's files copied to hosts over the same SSH as everything else
// (rsync -e "ssh <SshTransport's options>": resumable with --partial, compared by content
// with --checksum) into <host's data folder>/goldens/NAME/, then registered there with the
// host's own `golden add` under the same name, subnet, address and names. A host that
// already holds identical files under that name is skipped; one whose golden of that name
// differs (GoldenFingerprint::checksum) is refused. Hosts are worked on in parallel and each
// one's outcome is its own; a copy that fails registers nothing, and the next push resumes it.

#include "cluster/ssh_transport.h"
#include "common/expected.h"
#include "inventory/records.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

namespace vmeclone {

struct GoldenPushConfig {
    SshOptions ssh = SshOptions::fromEnvironment();
    QString rsyncProgram = QStringLiteral("rsync");
    std::chrono::milliseconds copyTimeout{std::chrono::hours(24)};
};

struct GoldenPushOutcome {
    QString host;
    bool ok = false;
    bool skipped = false;    // the host held identical files already
    qint64 copiedBytes = -1; // what rsync sent (-1: no copy was made)
    QString message;
};

class GoldenPush {
public:
    explicit GoldenPush(GoldenPushConfig config = {});

    // The golden's files, each inside the folder of its description (what is copied),
    // read from its fingerprint; fails when it has none or a file lies outside that folder.
    static Expected<QStringList> filesOf(const GoldenRecord &golden);

    // Pushes `golden` (as this machine holds it: unchanged since added or refreshed) to
    // every host of `hosts`; "local" is this machine and is reported as holding it.
    QList<GoldenPushOutcome> push(const GoldenRecord &golden, const QList<HostRecord> &hosts) const;

private:
    GoldenPushOutcome pushTo(const GoldenRecord &golden, const QStringList &files,
                             const QString &checksum, const HostRecord &host) const;

    GoldenPushConfig m_config;
    SshTransport m_ssh;
};

} // namespace vmeclone
