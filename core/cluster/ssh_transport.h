#pragma once
// The way to another host: the system's OpenSSH client, run as a child process (runChild),
// with the operator's own keys, agent, ~/.ssh/config and known_hosts, as Ansible and
// virt-manager do. No protocol of our own crosses hosts: ssh runs the host's own vmeclone
// and brings back what it prints.
//
// Always BatchMode (nothing may stop to ask a question: a passphrase, a password, a new
// host key), never host-key checking switched off, and one control socket per host
// (ControlMaster) so that a command after the first reuses the connection instead of a new
// handshake. A failure is worded for the operator: which host, what went wrong, and the
// command that fixes it (docs/hosts.md).

#include "common/child_process.h"
#include "common/expected.h"
#include "inventory/records.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <chrono>

namespace vmeclone {

struct SshOptions {
    QString program = QStringLiteral("ssh");
    QString configFile; // given as -F: the client's configuration instead of ~/.ssh/config
    // Where the control sockets go ("<dir>/vmeclone-ssh-%C"); empty: no control socket.
    QString controlDir;
    int connectTimeoutSeconds = 10;
    std::chrono::milliseconds timeout{std::chrono::minutes(2)}; // the whole remote command

    // $VMECLONE_SSH (the program), $VMECLONE_SSH_CONFIG (-F), and the user's runtime
    // folder for control sockets (controlFolder()).
    static SshOptions fromEnvironment();
    // $XDG_RUNTIME_DIR, else a folder of our own in the temp folder: a folder only this
    // user can enter (others could otherwise plant a socket there and see every command).
    // Empty when neither is safe or socket paths there would be too long.
    static QString controlFolder();
};

class SshTransport {
    Q_DECLARE_TR_FUNCTIONS(SshTransport) // why a host could not be asked: for people, translated

public:
    explicit SshTransport(SshOptions options = SshOptions::fromEnvironment());
    const SshOptions &options() const { return m_options; }

    // The ssh arguments that run `REMOTE_COMMAND [--home REMOTE_HOME] ARGS...` on the host.
    QStringList arguments(const HostRecord &host, const QStringList &vmecloneArguments) const;
    // The client's options for the host (BatchMode, control socket, -F, -p), without the
    // destination: what another program that runs ssh (rsync -e) is given.
    QStringList clientOptions(const HostRecord &host) const;
    // The program and those options as one command line, each word in single quotes: rsync's -e
    // (which reads quotes but not backslashes: a quote inside a word is not supported).
    QString commandLine(const HostRecord &host) const;
    // Runs it to its end: the remote vmeclone's standard output when it exits 0, else an
    // error naming the host and, where there is one, the fix.
    Expected<QByteArray> run(const HostRecord &host, const QStringList &vmecloneArguments) const;
    // The same, as it ended: for a caller that reads the remote vmeclone's own exit code
    // (explain() words it).
    ChildRun runRaw(const HostRecord &host, const QStringList &vmecloneArguments) const;
    // Words a run that did not succeed (run() uses it; public for tests).
    QString explain(const HostRecord &host, const ChildRun &run) const;
    // explain() as an Error: a remote command that is not there is refused as
    // Field::RemoteCommand (Problem::NotFound), which a front end words with its own input.
    Error failureOf(const HostRecord &host, const ChildRun &run) const;

    // One word for the remote shell, which ssh hands its command as one line: in single
    // quotes, each quote inside written as '\''.
    static QString shellQuote(const QString &word);

private:
    // "ssh -F CONFIG -p PORT user@host": the operator's own way in, for messages.
    QString sshCommandFor(const HostRecord &host) const;
    SshOptions m_options;
};

} // namespace vmeclone
