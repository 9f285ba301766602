// Hosts over a real OpenSSH server: the test makes a host key and client keys, starts
// Debian's sshd on 127.0.0.1 inside its own network namespace (CTest runs it under
// unshare --net, so nothing leaves this machine), and points the CLI at it with a client
// configuration of its own (VMECLONE_SSH_CONFIG). The "remote" vmeclone is the built one
// with a data folder of its own. Every refusal is a clear error naming its fix, and
// writes nothing.

#include "cli_runner.h"
#include "support/ci_skip.h"
#include "support/own_network.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestHosts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ssh;
    QString m_sshd;
    QString m_keygen;
    QProcess m_server;
    quint16 m_sshPort = 0;
    QString m_user;
    QString m_hostKeyLine; // "ssh-ed25519 AAAA..."
    std::unique_ptr<CliRunner> m_head;
    std::unique_ptr<CliRunner> m_remote;
    QStringList m_runDirs;             // one control-socket folder per case
    QHash<QString, QString> m_configs; // client configurations by kind

    QString path(const QString &rel) const { return m_dir.filePath(rel); }
    QString destination() const { return m_user + u"@127.0.0.1"_s; }

    bool keygen(const QString &file) const {
        return QProcess::execute(m_keygen, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(),
                                            u"-C"_s, u"tst_hosts"_s, u"-f"_s, file})
               == 0;
    }

    // "ssh-ed25519 AAAA..." of a public key file, without its comment.
    static QString keyLine(const QString &publicKeyFile) {
        QFile f(publicKeyFile);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QStringList parts = QString::fromLatin1(f.readAll()).split(u' ');
        return parts.size() >= 2 ? parts[0] + u' ' + parts[1] : QString();
    }

    static bool write(const QString &file, const QByteArray &text,
                      QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner) {
        QFile f(file);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size()
               && f.setPermissions(permissions);
    }

    // A port nobody listens on (in this namespace nobody else takes it meanwhile).
    static quint16 closedPort() {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return 0;
        return server.serverPort();
    }

    // A client configuration: which key, which known_hosts, and nothing of the user's own
    // (no agent, no ~/.ssh: OpenSSH reads the passwd entry's home, not $HOME).
    QString clientConfig(const QString &kind, const QString &identity, const QString &knownHosts) {
        const QString file = path(u"ssh_config-"_s + kind);
        const QString text =
            u"Host *\n"
            u"    IdentityFile %1\n"
            u"    IdentitiesOnly yes\n"
            u"    IdentityAgent none\n"
            u"    UserKnownHostsFile %2\n"
            u"    GlobalKnownHostsFile /dev/null\n"
            u"    UpdateHostKeys no\n"
            u"    PasswordAuthentication no\n"
            u"    KbdInteractiveAuthentication no\n"
            // A sanitizer build's remote vmeclone reports where the local one does.
            u"    SendEnv ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS\n"_s.arg(identity,
                                                                                        knownHosts);
        return write(file, text.toUtf8()) ? file : QString();
    }

    // The CLI from now on: this client configuration, and a control-socket folder of its
    // own (a master connection of an earlier case must not carry this one).
    void useClient(const QString &kind) {
        const QString run = path(u"run-%1"_s.arg(m_runDirs.size()));
        QVERIFY(QDir().mkpath(run));
        QVERIFY(QFile::setPermissions(run, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        m_runDirs << run;
        QVERIFY(m_configs.contains(kind));
        qputenv("VMECLONE_SSH_CONFIG", m_configs.value(kind).toLocal8Bit());
        qputenv("XDG_RUNTIME_DIR", run.toLocal8Bit());
    }

    QStringList hostNames() const {
        const auto r = m_head->run({u"host"_s, u"list"_s, u"--json"_s});
        QStringList names;
        for (const auto &v : r.json().array())
            names << v.toObject().value(u"name"_s).toString();
        return names;
    }

    QStringList addArguments(const QString &name, int port, const QString &remoteCommand) const {
        return {u"host"_s,     u"add"_s,         name,
                destination(), u"--port"_s,      QString::number(port),
                u"--home"_s,   m_remote->home(), u"--remote-command"_s,
                remoteCommand};
    }

    // A stand-in for the remote vmeclone: a script printing `text` (or `stderr` and exit 2).
    QString script(const QString &name, const QByteArray &body) const {
        const QString file = path(name);
        const bool ok = write(file, "#!/bin/sh\n" + body,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return ok ? file : QString();
    }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
        QVERIFY(m_dir.isValid());
        m_ssh = QStandardPaths::findExecutable(u"ssh"_s);
        m_keygen = QStandardPaths::findExecutable(u"ssh-keygen"_s);
        m_sshd = QStandardPaths::findExecutable(u"sshd"_s, {u"/usr/sbin"_s, u"/usr/local/sbin"_s});
        if (m_ssh.isEmpty() || m_keygen.isEmpty() || m_sshd.isEmpty())
            VMECLONE_SKIP_UNLESS_CI("ssh, ssh-keygen or sshd is missing: install openssh-client "
                                    "and openssh-server (packaging/debian-packages.txt)");
        // sshd's privilege separation folder (the package makes it at boot, not at install).
        if (!QFileInfo::exists(u"/run/sshd"_s) && !QDir().mkpath(u"/run/sshd"_s))
            VMECLONE_SKIP_UNLESS_CI("/run/sshd is missing and cannot be made (run as root)");
        const passwd *pw = ::getpwuid(::geteuid());
        QVERIFY(pw);
        m_user = QString::fromLocal8Bit(pw->pw_name);

        QVERIFY(keygen(path(u"host_key"_s)));
        QVERIFY(keygen(path(u"other_host_key"_s)));
        QVERIFY(keygen(path(u"client_key"_s)));
        QVERIFY(keygen(path(u"stranger_key"_s)));
        m_hostKeyLine = keyLine(path(u"host_key.pub"_s));
        QVERIFY(!m_hostKeyLine.isEmpty());
        QVERIFY(write(path(u"authorized_keys"_s),
                      keyLine(path(u"client_key.pub"_s)).toLatin1() + '\n'));

        m_sshPort = closedPort();
        QVERIFY(m_sshPort > 0);
        const QString sshdConfig =
            u"Port %1\n"
            u"ListenAddress 127.0.0.1\n"
            u"HostKey %2\n"
            u"AuthorizedKeysFile %3\n"
            u"PidFile %4\n"
            u"StrictModes no\n"
            u"UsePAM no\n"
            u"PermitRootLogin prohibit-password\n"
            u"PasswordAuthentication no\n"
            u"KbdInteractiveAuthentication no\n"
            u"PrintMotd no\n"
            u"AcceptEnv ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS\n"_s.arg(m_sshPort)
                .arg(path(u"host_key"_s), path(u"authorized_keys"_s), path(u"sshd.pid"_s));
        QVERIFY(write(path(u"sshd_config"_s), sshdConfig.toUtf8()));
        m_server.setProcessChannelMode(QProcess::MergedChannels);
        m_server.start(m_sshd, {u"-D"_s, u"-e"_s, u"-f"_s, path(u"sshd_config"_s)});
        QVERIFY2(m_server.waitForStarted(), qPrintable(m_server.errorString()));
        // Ready when the port accepts a connection; sshd says "Server listening" then, so
        // between tries this waits for its output (or its end), not for a time.
        QDeadlineTimer deadline(std::chrono::seconds(30));
        bool up = false;
        while (!up && !deadline.hasExpired() && m_server.state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_sshPort);
            up = probe.waitForConnected(1000);
            if (!up)
                m_server.waitForReadyRead(200);
        }
        QVERIFY2(up, m_server.readAll().constData());

        const QString known = path(u"known_hosts"_s);
        QVERIFY(
            write(known, u"[127.0.0.1]:%1 %2\n"_s.arg(m_sshPort).arg(m_hostKeyLine).toLatin1()));
        QVERIFY(write(path(u"known_hosts-empty"_s), {}));
        QVERIFY(
            write(path(u"known_hosts-changed"_s), u"[127.0.0.1]:%1 %2\n"_s.arg(m_sshPort)
                                                      .arg(keyLine(path(u"other_host_key.pub"_s)))
                                                      .toLatin1()));
        m_configs.insert(u"good"_s, clientConfig(u"good"_s, path(u"client_key"_s), known));
        m_configs.insert(u"wrong key"_s,
                         clientConfig(u"wrong-key"_s, path(u"stranger_key"_s), known));
        m_configs.insert(u"unknown host key"_s,
                         clientConfig(u"unknown-host-key"_s, path(u"client_key"_s),
                                      path(u"known_hosts-empty"_s)));
        m_configs.insert(u"changed host key"_s,
                         clientConfig(u"changed-host-key"_s, path(u"client_key"_s),
                                      path(u"known_hosts-changed"_s)));
        for (const QString &config : std::as_const(m_configs))
            QVERIFY(!config.isEmpty());

        // The head and the host: two data folders; the host has a shard.
        m_head = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"head"_s));
        m_remote = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"remote"_s));
        QVERIFY(QDir().mkpath(path(u"remote-shard"_s)));
        const auto shard = m_remote->run({u"shard"_s, u"add"_s, path(u"remote-shard"_s)});
        QVERIFY2(shard.exitCode == 0, qPrintable(shard.err));
    }

    void cleanupTestCase() {
        // Master connections outlive the CLI (ControlPersist): end them, then the server.
        for (const QString &run : std::as_const(m_runDirs))
            for (const QString &socket :
                 QDir(run).entryList({u"vmeclone-ssh-*"_s}, QDir::System | QDir::Files))
                QProcess::execute(m_ssh, {u"-F"_s, u"/dev/null"_s, u"-S"_s, run + u'/' + socket,
                                          u"-O"_s, u"exit"_s, u"127.0.0.1"_s});
        if (m_server.state() != QProcess::NotRunning) {
            m_server.terminate();
            m_server.waitForFinished(10000);
        }
    }

    // What every host answers, locally: version, protocol, the shard with its free space.
    void selfDescribesThisMachine() {
        const auto r = m_remote->run({u"host"_s, u"self"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject self = r.json().object();
        QCOMPARE(self.value(u"version"_s).toString(), QStringLiteral(VMECLONE_VERSION));
        QCOMPARE(self.value(u"protocol"_s).toInt(), 1);
        QCOMPARE(self.value(u"data_folder"_s).toString(), path(u"remote"_s));
        QVERIFY(self.value(u"goldens"_s).isArray());
        const QJsonArray shards = self.value(u"shards"_s).toArray();
        QCOMPARE(shards.size(), 1);
        QCOMPARE(shards[0].toObject().value(u"path"_s).toString(), path(u"remote-shard"_s));
        QVERIFY(shards[0].toObject().value(u"bytes_free"_s).toDouble() > 0);
        QCOMPARE(self.value(u"listener"_s).toObject().value(u"running"_s).toBool(), false);
        QCOMPARE(self.value(u"listener"_s).toObject().value(u"port"_s).toInt(), 9176);
    }

    void addListCheckRemove() {
        useClient(u"good"_s);
        const auto added =
            m_head->run(addArguments(u"lab1"_s, m_sshPort, QStringLiteral(VMECLONE_CLI))
                        << u"--weight"_s << u"2"_s);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(QString::fromUtf8(added.out).contains(u"host lab1 added"_s),
                 added.out.constData());
        // One master connection per host, in the runtime folder: later commands reuse it.
        QCOMPARE(QDir(m_runDirs.last())
                     .entryList({u"vmeclone-ssh-*"_s}, QDir::System | QDir::Files)
                     .size(),
                 1);

        QCOMPARE(hostNames(), (QStringList{u"local"_s, u"lab1"_s}));
        const auto listed = m_head->run({u"host"_s, u"list"_s, u"--json"_s});
        const QJsonObject lab1 = listed.json().array().at(1).toObject();
        QCOMPARE(lab1.value(u"destination"_s).toString(), destination());
        QCOMPARE(lab1.value(u"port"_s).toInt(), int(m_sshPort));
        QCOMPARE(lab1.value(u"remote_home"_s).toString(), m_remote->home());
        QCOMPARE(lab1.value(u"remote_command"_s).toString(), QStringLiteral(VMECLONE_CLI));
        QCOMPARE(lab1.value(u"weight"_s).toDouble(), 2.0);
        QCOMPARE(listed.json().array().at(0).toObject().value(u"local"_s).toBool(), true);
        const auto table = m_head->run({u"host"_s, u"list"_s});
        QVERIFY(QString::fromUtf8(table.out).contains(u"lab1"_s));
        QVERIFY(QString::fromUtf8(table.out).contains(u"(this machine)"_s));

        auto checked = m_head->run({u"host"_s, u"check"_s, u"lab1"_s, u"--json"_s});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
        QJsonObject check = checked.json().object();
        QCOMPARE(check.value(u"reachable"_s).toBool(), true);
        QCOMPARE(check.value(u"compatible"_s).toBool(), true);
        QVERIFY(check.value(u"bytes_free"_s).toDouble() > 0);
        QJsonObject self = check.value(u"self"_s).toObject();
        QCOMPARE(self.value(u"version"_s).toString(), QStringLiteral(VMECLONE_VERSION));
        QCOMPARE(self.value(u"data_folder"_s).toString(), m_remote->home());
        QCOMPARE(self.value(u"shards"_s).toArray().size(), 1);
        QCOMPARE(self.value(u"listener"_s).toObject().value(u"running"_s).toBool(), false);

        // A listener holds the host's port: check says it runs.
        QUdpSocket listener;
        QVERIFY(listener.bind(QHostAddress::LocalHost, 9176));
        checked = m_head->run({u"host"_s, u"check"_s, u"lab1"_s, u"--json"_s});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
        self = checked.json().object().value(u"self"_s).toObject();
        QCOMPARE(self.value(u"listener"_s).toObject().value(u"running"_s).toBool(), true);
        listener.close();

        const auto text = m_head->run({u"host"_s, u"check"_s, u"lab1"_s});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        for (const QString &said : {u"vmeclone " VMECLONE_VERSION ""_s, u"not running"_s,
                                    path(u"remote-shard"_s), u"free space"_s})
            QVERIFY2(QString::fromUtf8(text.out).contains(said), text.out.constData());
        const auto local = m_head->run({u"host"_s, u"check"_s, u"local"_s, u"--json"_s});
        QVERIFY2(local.exitCode == 0, qPrintable(local.err));
        QCOMPARE(local.json().object().value(u"self"_s).toObject().value(u"data_folder"_s),
                 m_head->home());

        // The same name twice is refused.
        const auto again =
            m_head->run(addArguments(u"LAB1"_s, m_sshPort, QStringLiteral(VMECLONE_CLI)));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"exists already"_s), qPrintable(again.err));

        const auto removed = m_head->run({u"host"_s, u"remove"_s, u"lab1"_s});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QCOMPARE(hostNames(), QStringList{u"local"_s});
        const auto gone = m_head->run({u"host"_s, u"check"_s, u"lab1"_s});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY2(gone.err.contains(u"no host named 'lab1'"_s), qPrintable(gone.err));
        // The host itself kept everything it had.
        QCOMPARE(m_remote->run({u"shard"_s, u"list"_s, u"--json"_s}).json().array().size(), 1);
    }

    // A host whose data folder is not there yet is added (an empty host), and checking it
    // made nothing there.
    void checkingMakesNothingOnTheHost() {
        useClient(u"good"_s);
        QStringList args = addArguments(u"lab4"_s, m_sshPort, QStringLiteral(VMECLONE_CLI));
        args[args.indexOf(u"--home"_s) + 1] = path(u"fresh-host"_s);
        const auto added = m_head->run(args);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const auto checked = m_head->run({u"host"_s, u"check"_s, u"lab4"_s, u"--json"_s});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
        const QJsonObject self = checked.json().object().value(u"self"_s).toObject();
        QCOMPARE(self.value(u"data_folder"_s).toString(), path(u"fresh-host"_s));
        QCOMPARE(self.value(u"shards"_s).toArray().size(), 0);
        QVERIFY(!QFileInfo::exists(path(u"fresh-host"_s)));
        QCOMPARE(m_head->run({u"host"_s, u"remove"_s, u"lab4"_s}).exitCode, 0);
        QCOMPARE(hostNames(), QStringList{u"local"_s});
    }

    // A host without a listener: check says so and names the flag; --start-listener starts
    // one there over SSH, detached, and reports it running. The test ends it.
    void startListener() {
        useClient(u"good"_s);
        QVERIFY(QUdpSocket().bind(QHostAddress::Any, 9176)); // nobody holds the port yet
        const auto added =
            m_head->run(addArguments(u"lab5"_s, m_sshPort, QStringLiteral(VMECLONE_CLI)));
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const auto idle = m_head->run({u"host"_s, u"check"_s, u"lab5"_s});
        QVERIFY2(idle.exitCode == 0, qPrintable(idle.err));
        for (const QString &said : {u"not running"_s, u"host check lab5 --start-listener"_s})
            QVERIFY2(QString::fromUtf8(idle.out).contains(said), idle.out.constData());

        const auto started =
            m_head->run({u"host"_s, u"check"_s, u"lab5"_s, u"--start-listener"_s, u"--json"_s});
        const QJsonObject check = started.json().object();
        const qint64 pid =
            check.value(u"listener_started"_s).toObject().value(u"pid"_s).toInteger();
        // Whatever happens below, the listener does not outlive the test.
        bool ended = false;
        const auto end = qScopeGuard([this, pid, &ended] {
            if (pid > 0 && !ended)
                ::kill(static_cast<pid_t>(pid), SIGTERM);
            m_head->run({u"host"_s, u"remove"_s, u"lab5"_s});
        });
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QVERIFY(pid > 0);
        QCOMPARE(check.value(u"self"_s)
                     .toObject()
                     .value(u"listener"_s)
                     .toObject()
                     .value(u"running"_s)
                     .toBool(),
                 true);
        QCOMPARE(check.value(u"listener_started"_s).toObject().value(u"log"_s).toString(),
                 m_remote->home() + u"/listener.log"_s);
        // It is the host's `vmeclone listen` on its data folder, and it holds the port.
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        const QList<QByteArray> words = cmdline.readAll().split('\0');
        QVERIFY2(words.contains("listen") && words.contains(m_remote->home().toLocal8Bit()),
                 qPrintable(QString::fromLocal8Bit(words.join(' '))));
        QVERIFY(!QUdpSocket().bind(QHostAddress::Any, 9176));

        // Running already: nothing more is started.
        const auto again =
            m_head->run({u"host"_s, u"check"_s, u"lab5"_s, u"--start-listener"_s, u"--json"_s});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(!again.json().object().contains(u"listener_started"_s));

        ended = true;
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(QUdpSocket().bind(QHostAddress::Any, 9176), 20000);
        const auto stopped = m_head->run({u"host"_s, u"check"_s, u"lab5"_s, u"--json"_s});
        QCOMPARE(stopped.json()
                     .object()
                     .value(u"self"_s)
                     .toObject()
                     .value(u"listener"_s)
                     .toObject()
                     .value(u"running"_s)
                     .toBool(),
                 false);
    }

    // 'local' starts its listener without SSH: detached, it outlives the command.
    void startLocalListener() {
        QVERIFY(QUdpSocket().bind(QHostAddress::Any, 9176));
        const auto started =
            m_head->run({u"host"_s, u"check"_s, u"local"_s, u"--start-listener"_s, u"--json"_s});
        const QJsonObject check = started.json().object();
        const qint64 pid =
            check.value(u"listener_started"_s).toObject().value(u"pid"_s).toInteger();
        const auto end = qScopeGuard([pid] {
            if (pid > 0)
                ::kill(static_cast<pid_t>(pid), SIGTERM);
        });
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QVERIFY(pid > 0);
        QCOMPARE(check.value(u"listener_started"_s).toObject().value(u"log"_s).toString(),
                 m_head->home() + u"/listener.log"_s);
        QVERIFY(!QUdpSocket().bind(QHostAddress::Any, 9176));
        const auto text = m_head->run({u"host"_s, u"check"_s, u"local"_s});
        QVERIFY2(QString::fromUtf8(text.out).contains(u"listener: running"_s),
                 text.out.constData());
    }

    // Each refusal names the host and the fix, and nothing is written.
    void refusals_data() {
        QTest::addColumn<QString>("client");
        QTest::addColumn<int>("port");              // 0: the server's; -1: a closed one
        QTest::addColumn<QString>("remoteCommand"); // empty: the built vmeclone
        QTest::addColumn<QStringList>("said");
        QTest::addColumn<QStringList>("notSaid");

        QTest::newRow("wrong key") << u"wrong key"_s << 0 << QString()
                                   << QStringList{u"ssh-copy-id"_s, u"refused"_s} << QStringList();
        QTest::newRow("unknown host key")
            << u"unknown host key"_s << 0 << QString()
            << QStringList{u"host key is not known"_s, u"ssh-keyscan -p "_s} << QStringList();
        QTest::newRow("changed host key")
            << u"changed host key"_s << 0 << QString() << QStringList{u"CHANGED"_s}
            << QStringList{u"ssh-keyscan"_s, u"ssh-keygen -R"_s};
        QTest::newRow("unreachable")
            << u"good"_s << -1 << QString() << QStringList{u"unreachable"_s, u"refused"_s}
            << QStringList();
        QTest::newRow("vmeclone missing there")
            << u"good"_s << 0 << path(u"no-such/vmeclone"_s)
            << QStringList{u"not installed"_s, u"--remote-command"_s} << QStringList();
        QTest::newRow("version skew")
            << u"good"_s << 0 << u"skew.sh"_s
            << QStringList{u"9.9.0"_s, QStringLiteral(VMECLONE_VERSION), u"major.minor"_s}
            << QStringList();
        QTest::newRow("protocol skew")
            << u"good"_s << 0 << u"protocol.sh"_s << QStringList{u"protocol 2"_s, u"protocol 1"_s}
            << QStringList();
        QTest::newRow("vmeclone before hosts")
            << u"good"_s << 0 << u"old.sh"_s
            << QStringList{u"0.0.9"_s, QStringLiteral(VMECLONE_VERSION)} << QStringList();
        QTest::newRow("not vmeclone")
            << u"good"_s << 0 << u"/bin/true"_s << QStringList{u"did not describe the host"_s}
            << QStringList();
    }

    void refusals() {
        QFETCH(QString, client);
        QFETCH(int, port);
        QFETCH(QString, remoteCommand);
        QFETCH(QStringList, said);
        QFETCH(QStringList, notSaid);

        const QByteArray description = R"({"version": "%1", "protocol": %2, "data_folder": "/x",
            "goldens": [], "shards": [], "listener": {"running": false, "port": 9176}})";
        if (remoteCommand == u"skew.sh")
            remoteCommand = script(
                remoteCommand,
                "cat <<'EOF'\n" + QByteArray(description).replace("%1", "9.9.0").replace("%2", "1")
                    + "\nEOF\n");
        else if (remoteCommand == u"protocol.sh")
            remoteCommand = script(
                remoteCommand,
                "cat <<'EOF'\n"
                    + QByteArray(description).replace("%1", VMECLONE_VERSION).replace("%2", "2")
                    + "\nEOF\n");
        else if (remoteCommand == u"old.sh")
            remoteCommand = script(
                remoteCommand, "for a in \"$@\"; do\n"
                               "  [ \"$a\" = --version ] && { echo 'vmeclone 0.0.9'; exit 0; }\n"
                               "done\n"
                               "echo \"vmeclone: unknown command 'host self'\" >&2\n"
                               "exit 2\n");
        else if (remoteCommand.isEmpty())
            remoteCommand = QStringLiteral(VMECLONE_CLI);
        QVERIFY(!remoteCommand.isEmpty());

        useClient(client);
        const int sshPort = port == 0 ? m_sshPort : closedPort();
        const auto r = m_head->run(addArguments(u"lab2"_s, sshPort, remoteCommand));
        QCOMPARE(r.exitCode, 1);
        qInfo().noquote() << r.err.trimmed(); // the wording, for whoever reads the log
        QVERIFY2(r.err.contains(u"host lab2"_s), qPrintable(r.err));
        for (const QString &s : said)
            QVERIFY2(r.err.contains(s), qPrintable(u"wanted '%1' in: %2"_s.arg(s, r.err)));
        for (const QString &s : notSaid)
            QVERIFY2(!r.err.contains(s), qPrintable(u"did not want '%1' in: %2"_s.arg(s, r.err)));
        QVERIFY2(r.err.contains(u"nothing was written"_s), qPrintable(r.err));
        QCOMPARE(hostNames(), QStringList{u"local"_s});
    }

    void reservedAndMalformed_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("said");
        QTest::newRow("add local")
            << QStringList{u"host"_s, u"add"_s, u"local"_s, u"127.0.0.1"_s} << 2 << u"reserved"_s;
        QTest::newRow("add LOCAL")
            << QStringList{u"host"_s, u"add"_s, u"LOCAL"_s, u"127.0.0.1"_s} << 2 << u"reserved"_s;
        QTest::newRow("remove local")
            << QStringList{u"host"_s, u"remove"_s, u"local"_s} << 1 << u"cannot be removed"_s;
        QTest::newRow("space") << QStringList{u"host"_s, u"add"_s, u"a b"_s, u"127.0.0.1"_s} << 2
                               << u"invisible"_s;
        QTest::newRow("zero-width space")
            << QStringList{u"host"_s, u"add"_s, u"lab\u200b3"_s, u"127.0.0.1"_s} << 2
            << u"U+200B"_s;
        QTest::newRow("too long") << QStringList{u"host"_s, u"add"_s, QString(64, u'a'),
                                                 u"127.0.0.1"_s}
                                  << 2 << u"63"_s;
        QTest::newRow("slash") << QStringList{u"host"_s, u"add"_s, u"a/b"_s, u"127.0.0.1"_s} << 2
                               << u"only letters"_s;
        QTest::newRow("option as address")
            << QStringList{u"host"_s, u"add"_s, u"lab3"_s, u"--"_s, u"-oProxyCommand=x"_s} << 2
            << u"is not [USER@]ADDRESS"_s;
        QTest::newRow("bad port") << QStringList{u"host"_s,      u"add"_s,    u"lab3"_s,
                                                 u"127.0.0.1"_s, u"--port"_s, u"0"_s}
                                  << 2 << u"--port 0"_s;
        QTest::newRow("bad weight")
            << QStringList{u"host"_s, u"add"_s, u"lab3"_s, u"127.0.0.1"_s, u"--weight"_s, u"0"_s}
            << 2 << u"--weight 0"_s;
        QTest::newRow("remove unknown")
            << QStringList{u"host"_s, u"remove"_s, u"nope"_s} << 1 << u"no host named 'nope'"_s;
    }

    void reservedAndMalformed() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, said);
        const auto r = m_head->run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(said), qPrintable(r.err));
        QCOMPARE(hostNames(), QStringList{u"local"_s});
    }

    void helpTexts_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("overview") << QStringList{u"--help"_s} << u"host add"_s;
        QTest::newRow("host add") << QStringList{u"host"_s, u"add"_s, u"--help"_s}
                                  << u"--remote-command"_s;
        QTest::newRow("host list") << QStringList{u"host"_s, u"list"_s, u"--help"_s} << u"local"_s;
        QTest::newRow("host check")
            << QStringList{u"host"_s, u"check"_s, u"--help"_s} << u"free space"_s;
        QTest::newRow("host check --start-listener")
            << QStringList{u"host"_s, u"check"_s, u"--help"_s} << u"--start-listener"_s;
        QTest::newRow("host remove")
            << QStringList{u"host"_s, u"remove"_s, u"--help"_s} << u"refused while VMs"_s;
        QTest::newRow("host self")
            << QStringList{u"host"_s, u"self"_s, u"--help"_s} << u"protocol"_s;
    }

    void helpTexts() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const auto r = m_head->run(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains(mentions), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestHosts)
#include "tst_hosts.moc"
