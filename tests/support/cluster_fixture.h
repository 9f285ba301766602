#pragma once
// A head and its hosts for the cluster tests (tst_cluster, tst_cluster_faults,
// tst_cluster_guests): the head
// (this machine, host "local") and hosts reached over real OpenSSH servers
// (ssh_server.h) inside the test's own network namespace, each host its own data folder
// with the same golden registered and a shard of its own.
//
// One server for every host (tst_cluster), or one per host (tst_cluster_faults): then a
// host is its own sshd in a network namespace of its own (unshare --net inside the
// test's), joined to the test's namespace by a veth pair (192.0.2.4i+1 here, 4i+2
// there: TEST-NET-1, never outside these namespaces), so that one host's sshd can be
// killed and one host's link taken down while the others go on. Each server gives its sessions a
// pause file of their own (VMECLONE_PAUSE_FILE=<folder>/paused-HOST): a head run with
// VMECLONE_PAUSE_AT (sent on by ssh) stops each remote host's apply at that engine point until the
// file goes.

#include "integration/cli_runner.h"
#include "support/ssh_server.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

class ClusterFixture {
public:
    enum class Servers { Shared, OnePerHost };

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    // Starts the servers: empty on success, else why (a missing tool: the caller skips).
    QString startServers(const QStringList &remoteHosts, Servers servers) {
        m_remote = remoteHosts;
        if (!m_dir.isValid())
            return u"no temporary folder"_s;
        for (qsizetype i = 0; i < remoteHosts.size(); ++i) {
            const QString host = remoteHosts[i];
            if (servers == Servers::Shared && i > 0) {
                m_serverOf.insert(host, m_serverOf.value(remoteHosts.first()));
                continue;
            }
            const QString folder = path(u"sshd-"_s + host);
            if (!QDir().mkpath(folder))
                return u"cannot make "_s + folder;
            auto server = std::make_shared<TestSshServer>();
            if (servers == Servers::OnePerHost) {
                // 192.0.2.4i+1 here, 4i+2 in the host's namespace (TEST-NET-1, a /30 each).
                const QString near = u"192.0.2.%1"_s.arg(4 * i + 1);
                const QString far = u"192.0.2.%1"_s.arg(4 * i + 2);
                server->setAddress(far);
                server->setOwnNamespace(
                    {u"unshare"_s, u"--net"_s, u"--"_s}, 22,
                    [host, near, far](qint64 pid) { return linkTo(host, pid, near, far); });
                server->setSessionEnvironment(
                    {u"VMECLONE_PAUSE_FILE="_s + pauseFileIn(m_dir.path(), host)});
            }
            if (!server->start(folder))
                return server->why();
            m_serverOf.insert(host, server);
        }
        // One client configuration that reaches every server.
        QString identities, known;
        for (const auto &server : std::as_const(m_serverOf)) {
            identities += u"    IdentityFile %1\n"_s.arg(server->clientKey());
            known += u' ' + server->knownHosts();
        }
        const QString client =
            u"Host *\n%1    IdentitiesOnly yes\n    IdentityAgent none\n"
            u"    UserKnownHostsFile%2\n    GlobalKnownHostsFile /dev/null\n"
            u"    UpdateHostKeys no\n    PasswordAuthentication no\n"
            u"    KbdInteractiveAuthentication no\n"
            u"    SendEnv ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS VMECLONE_PAUSE_AT\n"_s
                .arg(identities, known);
        QFile config(path(u"ssh_config"_s));
        if (!config.open(QIODevice::WriteOnly) || config.write(client.toUtf8()) < 0)
            return u"cannot write "_s + config.fileName();
        config.close();
        qputenv("VMECLONE_SSH_CONFIG",
                (m_serverOf.size() == 1 ? m_serverOf.cbegin().value()->clientConfig()
                                        : config.fileName())
                    .toLocal8Bit());
        return {};
    }

    // The head and every host: the golden registered, a shard, the hosts added at the head.
    void setUpHosts() {
        freshConnections();
        QVERIFY(QDir().mkpath(path(u"golden"_s)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"golden/disk.qcow2"_s), u"64M"_s}),
                 0);
        QFile json(path(u"golden/tiny.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny",
                      "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2"})");
        json.close();

        setUpHostsWith({path(u"golden/tiny.json"_s), u"--suffix"_s, u"176"_s, u"--subnet"_s,
                        u"10.40.0.0/24"_s},
                       allHosts());
    }

    // The head and every host's CLI; on each of `holders` the golden `goldenAdd` (the
    // arguments of `golden add`) and a shard; the remote hosts added at the head.
    void setUpHostsWith(const QStringList &goldenAdd, const QStringList &holders) {
        m_goldenAdd = goldenAdd;
        head = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home-local"_s));
        for (const QString &host : allHosts()) {
            hosts.insert(host, std::make_shared<CliRunner>(QStringLiteral(VMECLONE_CLI),
                                                           path(u"home-"_s + host)));
            if (holders.contains(host))
                addGoldenAndShard(host, *hosts.value(host));
        }
        for (const QString &host : std::as_const(m_remote))
            addHostTo(*head, host, host);
    }

    // A data folder of its own with the golden and a shard ("shard-NAME").
    void addGoldenAndShard(const QString &name, const CliRunner &cli) {
        QVERIFY(QDir().mkpath(path(u"shard-"_s + name)));
        auto r = cli.run(QStringList{u"golden"_s, u"add"_s} + m_goldenAdd);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli.run({u"shard"_s, u"add"_s, path(u"shard-"_s + name)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // `host add NAME` at `at`, reaching the data folder of `folderOf` over its server.
    void addHostTo(const CliRunner &at, const QString &name, const QString &folderOf) {
        const auto r = at.run({u"host"_s, u"add"_s, name, server(folderOf).destination(),
                               u"--port"_s, QString::number(server(folderOf).port()), u"--home"_s,
                               path(u"home-"_s + folderOf), u"--remote-command"_s,
                               QStringLiteral(VMECLONE_CLI)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void tearDown() {
        // Master connections outlive the CLI (ControlPersist): end them, then the servers.
        for (const QString &run : std::as_const(m_runDirs))
            for (const QString &socket :
                 QDir(run).entryList({u"vmeclone-ssh-*"_s}, QDir::System | QDir::Files))
                QProcess::execute(u"ssh"_s, {u"-F"_s, u"/dev/null"_s, u"-S"_s, run + u'/' + socket,
                                             u"-O"_s, u"exit"_s, u"127.0.0.1"_s});
        for (const auto &server : std::as_const(m_serverOf))
            server->stop();
    }

    // A control-socket folder of its own from now on: no master connection of before.
    void freshConnections() {
        const QString run = path(u"run-%1"_s.arg(m_runDirs.size()));
        QVERIFY(QDir().mkpath(run));
        QVERIFY(QFile::setPermissions(run, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        m_runDirs << run;
        qputenv("XDG_RUNTIME_DIR", run.toLocal8Bit());
    }

    TestSshServer &server(const QString &host) const { return *m_serverOf.value(host); }
    QStringList allHosts() const { return QStringList{u"local"_s} + m_remote; }
    QStringList remoteHosts() const { return m_remote; }
    // The file a paused apply on `host` waits on (OnePerHost servers).
    QString pauseFile(const QString &host) const { return pauseFileIn(m_dir.path(), host); }
    // This end of the veth pair to `host` (OnePerHost servers), for ip link set.
    static QString linkOf(const QString &host) { return u"vc-"_s + host; }

    static bool ip(const QStringList &arguments) {
        return QProcess::execute(u"ip"_s, arguments) == 0;
    }

    // The VMs a host's own inventory holds, by address (--here: on the head, a plain list
    // would be the fleet's).
    QHash<QString, QJsonObject> vmsOf(const QString &host) const {
        const auto r = hosts.value(host)->run({u"list"_s, u"--here"_s, u"--json"_s});
        return byAddress(r.json().array());
    }

    // Clone folders on a host's shard.
    QStringList foldersOn(const QString &host) const {
        return QDir(path(u"shard-"_s + host)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    }

    static QHash<QString, QJsonObject> byAddress(const QJsonArray &results) {
        QHash<QString, QJsonObject> out;
        for (const auto &v : results)
            out.insert(v.toObject().value(u"ip"_s).toString(), v.toObject());
        return out;
    }

    std::unique_ptr<CliRunner> head;
    QHash<QString, std::shared_ptr<CliRunner>> hosts; // local and every remote: their own CLIs

private:
    static QString pauseFileIn(const QString &folder, const QString &host) {
        return folder + u"/paused-"_s + host;
    }

    // A veth pair from here into the namespace of the host's sshd (`pid`), made anew on
    // every start: the pair goes with that namespace when sshd is killed.
    static QString linkTo(const QString &host, qint64 pid, const QString &near,
                          const QString &far) {
        const QString here = linkOf(host), there = u"vh-"_s + host;
        const QStringList in{u"-t"_s, QString::number(pid), u"-n"_s, u"ip"_s};
        QProcess::execute(u"ip"_s, {u"link"_s, u"del"_s, here}); // left from before, if any
        if (!ip({u"link"_s, u"add"_s, here, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, there})
            || !ip({u"link"_s, u"set"_s, there, u"netns"_s, QString::number(pid)})
            || QProcess::execute(
                   u"nsenter"_s,
                   in + QStringList{u"addr"_s, u"add"_s, far + u"/30"_s, u"dev"_s, there})
                   != 0
            || QProcess::execute(u"nsenter"_s,
                                 in + QStringList{u"link"_s, u"set"_s, there, u"up"_s})
                   != 0
            || QProcess::execute(u"nsenter"_s,
                                 in + QStringList{u"link"_s, u"set"_s, u"lo"_s, u"up"_s})
                   != 0
            || !ip({u"addr"_s, u"add"_s, near + u"/30"_s, u"dev"_s, here})
            || !ip({u"link"_s, u"set"_s, here, u"up"_s}))
            return u"cannot link host %1's namespace (ip link add, nsenter: run as root, in "
                   u"a namespace of the test's own)"_s.arg(host);
        return {};
    }

    QTemporaryDir m_dir;
    QStringList m_remote;
    QStringList m_goldenAdd; // the arguments of `golden add` on each host
    QHash<QString, std::shared_ptr<TestSshServer>> m_serverOf;
    QStringList m_runDirs;
};
