#pragma once
// A real OpenSSH server for tests: Debian's sshd on 127.0.0.1 inside the test's own network
// namespace (CTest runs such tests under unshare --net), with a host key and a client key
// the fixture makes, and a client configuration that uses nothing of the user's own (no
// agent, no ~/.ssh). Point vmeclone at it with VMECLONE_SSH_CONFIG=clientConfig().
// A server may listen on another address of the test's namespace (a veth end the test
// made, own_network.h), and give its sessions environment of its own (a pause file).

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>
#include <functional>
#include <pwd.h>
#include <unistd.h>

class TestSshServer {
public:
    ~TestSshServer() { stop(); }

    // Before start(): the address to listen on (default 127.0.0.1), and NAME=VALUE pairs
    // every session gets (sshd's SetEnv).
    void setAddress(const QString &address) { m_address = address; }
    // A server in a network namespace of its own: sshd is run under `prefix` (unshare
    // --net --), listens on every address there on `port`, and `onStarted(pid)` gives
    // that namespace its link (empty: done, else why not) before it is probed.
    void setOwnNamespace(const QStringList &prefix, quint16 port,
                         std::function<QString(qint64)> onStarted) {
        m_prefix = prefix;
        m_fixedPort = port;
        m_onStarted = std::move(onStarted);
    }
    void setSessionEnvironment(const QStringList &pairs) { m_sessionEnv = pairs; }

    // Everything in `folder`; false with why() on failure.
    bool start(const QString &folder) {
        m_folder = folder;
        m_ssh = QStandardPaths::findExecutable(QStringLiteral("ssh"));
        m_keygen = QStandardPaths::findExecutable(QStringLiteral("ssh-keygen"));
        m_sshd = QStandardPaths::findExecutable(
            QStringLiteral("sshd"),
            {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
        if (m_ssh.isEmpty() || m_keygen.isEmpty() || m_sshd.isEmpty())
            return failed(QStringLiteral("ssh, ssh-keygen or sshd is missing: install "
                                         "openssh-client and openssh-server"));
        // sshd's privilege separation folder (the package makes it at boot, not at install).
        if (!QFileInfo::exists(QStringLiteral("/run/sshd"))
            && !QDir().mkpath(QStringLiteral("/run/sshd")))
            return failed(QStringLiteral("/run/sshd is missing and cannot be made (run as root)"));
        const passwd *pw = ::getpwuid(::geteuid());
        if (!pw)
            return failed(QStringLiteral("no passwd entry for this user"));
        m_user = QString::fromLocal8Bit(pw->pw_name);
        if (!QDir().mkpath(path("home")))
            return failed(QStringLiteral("cannot make %1").arg(path("home")));
        if (!keygen(path("host_key")) || !keygen(path("client_key")))
            return failed(QStringLiteral("ssh-keygen failed"));
        if (!write(path("authorized_keys"), keyLine(path("client_key.pub")).toLatin1() + '\n'))
            return failed(QStringLiteral("cannot write authorized_keys"));
        if (m_fixedPort) {
            m_port = m_fixedPort;
        } else {
            QTcpServer probe; // a port nobody listens on (this namespace is the test's own)
            if (!probe.listen(QHostAddress(m_address), 0))
                return failed(probe.errorString());
            m_port = probe.serverPort();
        }
        const QString config =
            QStringLiteral("Port %1\nListenAddress %6\nHostKey %2\nAuthorizedKeysFile %3\n"
                           "PidFile %4\nStrictModes no\nUsePAM no\n"
                           "PermitRootLogin prohibit-password\nPasswordAuthentication no\n"
                           "KbdInteractiveAuthentication no\nPrintMotd no\nMaxStartups 100\n"
                           "MaxSessions 100\n"
                           "AcceptEnv ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS "
                           "VMECLONE_PAUSE_AT\n"
                           // A host that is itself a head reaches its own hosts (this
                           // server again) with the same client configuration. HOME is
                           // a folder of the fixture's: the login shell that runs each
                           // command reads no ~/.bashrc of this machine's user (one that
                           // starts pyenv took seconds per command here).
                           "SetEnv VMECLONE_SSH_CONFIG=%5 HOME=%8 %7\n")
                .arg(m_port)
                .arg(path("host_key"), path("authorized_keys"), path("sshd.pid"),
                     path("ssh_config"), m_prefix.isEmpty() ? m_address : QStringLiteral("0.0.0.0"),
                     m_sessionEnv.join(u' '), path("home"));
        if (!write(path("sshd_config"), config.toUtf8()))
            return failed(QStringLiteral("cannot write sshd_config"));
        // ssh names a host on port 22 without the port.
        const QString knownAs =
            m_port == 22 ? m_address : u'[' + m_address + u"]:" + QString::number(m_port);
        if (!write(path("known_hosts"),
                   (knownAs + u' ' + keyLine(path("host_key.pub")) + u'\n').toLatin1()))
            return failed(QStringLiteral("cannot write known_hosts"));
        const QString client =
            QStringLiteral("Host *\n    IdentityFile %1\n    IdentitiesOnly yes\n"
                           "    IdentityAgent none\n    UserKnownHostsFile %2\n"
                           "    GlobalKnownHostsFile /dev/null\n    UpdateHostKeys no\n"
                           "    PasswordAuthentication no\n    KbdInteractiveAuthentication no\n"
                           "    SendEnv ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS "
                           "VMECLONE_PAUSE_AT\n")
                .arg(path("client_key"), path("known_hosts"));
        if (!write(path("ssh_config"), client.toUtf8()))
            return failed(QStringLiteral("cannot write ssh_config"));
        return resume();
    }

    // Starts sshd (again, after stop()) on the same port and keys.
    bool resume() {
        m_server.setProcessChannelMode(QProcess::MergedChannels);
        const QStringList args{QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                               path("sshd_config")};
        if (m_prefix.isEmpty())
            m_server.start(m_sshd, args);
        else
            m_server.start(m_prefix.first(), m_prefix.mid(1) + QStringList{m_sshd} + args);
        if (!m_server.waitForStarted())
            return failed(m_server.errorString());
        if (m_onStarted)
            if (const QString why = m_onStarted(m_server.processId()); !why.isEmpty())
                return failed(why);
        // Ready when the port accepts a connection; between tries this waits for sshd's
        // output (or its end), not for a time.
        QDeadlineTimer deadline(std::chrono::seconds(30));
        while (!deadline.hasExpired() && m_server.state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress(m_address), m_port);
            if (probe.waitForConnected(1000))
                return true;
            m_server.waitForReadyRead(200);
        }
        return failed(QString::fromLocal8Bit(m_server.readAll()));
    }

    // Kills sshd at once (SIGKILL), as a host that drops off the network.
    void kill() {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished(10000);
        }
    }

    // Kills sshd and every session it runs (their commands too) at once: the host is gone
    // mid-command, as when it loses power.
    void killWithSessions() {
        if (m_server.state() == QProcess::NotRunning)
            return;
        for (const pid_t pid : sessionProcesses())
            ::kill(pid, SIGKILL);
        kill();
    }

    // The processes sshd runs for its sessions (all its descendants), from /proc.
    QList<pid_t> sessionProcesses() const {
        QList<pid_t> found;
        if (m_server.state() == QProcess::NotRunning)
            return found;
        QHash<pid_t, QList<pid_t>> children;
        for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool number = false;
            const pid_t pid = pid_t(entry.toInt(&number));
            QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
            if (!number || !stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = stat.readAll();
            const QList<QByteArray> after = text.mid(text.lastIndexOf(')') + 2).split(' ');
            if (after.size() > 1)
                children[pid_t(after[1].toInt())].append(pid);
        }
        QList<pid_t> todo{pid_t(m_server.processId())};
        while (!todo.isEmpty()) {
            const pid_t pid = todo.takeLast();
            for (const pid_t child : children.value(pid)) {
                found << child;
                todo << child;
            }
        }
        return found;
    }

    void stop() {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.terminate();
            if (!m_server.waitForFinished(10000))
                kill();
        }
    }

    quint16 port() const { return m_port; }
    // sshd's process (in its own namespace when it has one: unshare execs it), 0 when stopped.
    qint64 processId() const { return m_server.processId(); }
    QString destination() const { return m_user + u'@' + m_address; }
    QString clientConfig() const { return path("ssh_config"); }
    QString clientKey() const { return path("client_key"); }
    QString knownHosts() const { return path("known_hosts"); }
    QString why() const { return m_why; }

private:
    QString path(const char *name) const { return m_folder + u'/' + QLatin1String(name); }

    bool failed(const QString &why) {
        m_why = why;
        return false;
    }

    bool keygen(const QString &file) const {
        return QProcess::execute(m_keygen, {QStringLiteral("-q"), QStringLiteral("-t"),
                                            QStringLiteral("ed25519"), QStringLiteral("-N"),
                                            QString(), QStringLiteral("-f"), file})
               == 0;
    }

    static QString keyLine(const QString &publicKeyFile) {
        QFile f(publicKeyFile);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QStringList parts = QString::fromLatin1(f.readAll()).split(u' ');
        return parts.size() >= 2 ? parts[0] + u' ' + parts[1] : QString();
    }

    static bool write(const QString &file, const QByteArray &text) {
        QFile f(file);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size()
               && f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

    QString m_folder;
    QString m_ssh, m_keygen, m_sshd;
    QString m_user;
    quint16 m_port = 0;
    QProcess m_server;
    QString m_why;
    QString m_address = QStringLiteral("127.0.0.1");
    QStringList m_prefix;
    quint16 m_fixedPort = 0;
    std::function<QString(qint64)> m_onStarted;
    QStringList m_sessionEnv;
};
