// A head spreading one linked clone over N SSH hosts, against the same shares applied by N
// local processes at once (no head, no SSH), in the same run (issue "Many hosts"):
//   head:     vmeclone clone RANGE --hosts h0,...,hN-1 --no-start, each host a real sshd
//             on this machine (its own port, host key and data folder)
//   baseline: for each host, `vmeclone clone ITS-ADDRESSES --no-start` on a data folder of
//             its own, the N processes started together; the shares are the ones the head
//             gives each host (its `plan --hosts --json`)
// Each side runs three times on fresh data folders, alternating; the medians are printed as
//   metric=cluster_clone baseline=<s> vmeclone=<s> ratio=<vmeclone/baseline> vms=<n> hosts=<n>
// and, from the head's runs, each host's own rate (VMs made per second of the whole batch).
//
//   bench_cluster [--small] [--hosts N] [--vms M] FOLDER
//       default 10 hosts, 2,000 VMs; --small: 3 hosts, 30 VMs (CI)
// Runs sshd on 127.0.0.1: run it in a network namespace of its own (unshare --net).

#include "support/ssh_server.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "bench_cluster: %s\n", qPrintable(message));
    std::exit(1);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

QString readText(const QString &file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        die(u"cannot read %1"_s.arg(file));
    return QString::fromUtf8(f.readAll());
}

void writeText(const QString &file, const QString &text) {
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text.toUtf8()) < 0)
        die(u"cannot write %1"_s.arg(file));
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

class Bench {
public:
    Bench(QString root, int hosts, int vms)
        : m_root(std::move(root))
        , m_hostCount(hosts)
        , m_vmCount(vms) {}

    // N sshd, one client configuration that reaches all of them with one key.
    void startServers() {
        QString knownHosts;
        for (int i = 0; i < m_hostCount; ++i) {
            const QString folder = m_root + u"/sshd-%1"_s.arg(i);
            QDir().mkpath(folder);
            auto server = std::make_unique<TestSshServer>();
            if (!server->start(folder))
                die(u"sshd: "_s + server->why());
            knownHosts += readText(folder + u"/known_hosts"_s);
            m_servers.push_back(std::move(server));
        }
        const QString first = m_root + u"/sshd-0"_s;
        const QString key = readText(first + u"/authorized_keys"_s);
        for (int i = 1; i < m_hostCount; ++i) // sshd reads it at each login
            writeText(m_root + u"/sshd-%1/authorized_keys"_s.arg(i), key);
        writeText(m_root + u"/known_hosts"_s, knownHosts);
        writeText(m_root + u"/ssh_config"_s,
                  u"Host *\n    IdentityFile %1/client_key\n    IdentitiesOnly yes\n"
                  u"    IdentityAgent none\n    UserKnownHostsFile %2/known_hosts\n"
                  u"    GlobalKnownHostsFile /dev/null\n    UpdateHostKeys no\n"
                  u"    PasswordAuthentication no\n    KbdInteractiveAuthentication no\n"_s.arg(
                      first, m_root));
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"VMECLONE_SSH_CONFIG"_s, m_root + u"/ssh_config"_s);
        const QString run = m_root + u"/run"_s;
        QDir().mkpath(run);
        QFile::setPermissions(run, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_env.insert(u"XDG_RUNTIME_DIR"_s, run);

        // The golden: a /16, so that 2,000 addresses fit.
        QDir().mkpath(m_root + u"/golden"_s);
        if (QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                              m_root + u"/golden/disk.qcow2"_s, u"1G"_s})
            != 0)
            die(u"qemu-img create failed"_s);
        writeText(m_root + u"/golden/bench.json"_s,
                  uR"({"format": "vmeclone-qemu-machine", "version": 1, "name": "bench",
                       "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2"})"_s);
    }

    void stopServers() {
        // Master connections outlive the CLI (ControlPersist): end them, then the servers.
        const QString run = m_root + u"/run"_s;
        for (const QString &socket :
             QDir(run).entryList({u"vmeclone-ssh-*"_s}, QDir::System | QDir::Files))
            QProcess::execute(u"ssh"_s, {u"-F"_s, u"/dev/null"_s, u"-S"_s, run + u'/' + socket,
                                         u"-O"_s, u"exit"_s, u"127.0.0.1"_s});
        m_servers.clear();
    }

    // A data folder with the golden and a shard of its own.
    QString dataFolder(const QString &name) {
        const QString home = m_root + u'/' + name;
        QDir().mkpath(home + u"-shard"_s);
        cli(home, {u"golden"_s, u"add"_s, m_root + u"/golden/bench.json"_s, u"--suffix"_s, u"1"_s,
                   u"--subnet"_s, u"10.30.0.0/16"_s});
        cli(home, {u"shard"_s, u"add"_s, home + u"-shard"_s});
        return home;
    }

    QString range() const {
        // 10.30.1.0 onwards: the golden is 10.30.0.1.
        const int last = 256 + m_vmCount - 1;
        return u"10.30.1.0-10.30.%1.%2"_s.arg(last / 256).arg(last % 256);
    }

    // A head with N hosts, each a data folder reached over its own sshd.
    QString head(int round) {
        const QString home = dataFolder(u"head-%1"_s.arg(round));
        for (int i = 0; i < m_hostCount; ++i) {
            const QString host = dataFolder(u"r%1-h%2"_s.arg(round).arg(i));
            const auto &s = m_servers.at(size_t(i));
            cli(home, {u"host"_s, u"add"_s, u"h%1"_s.arg(i), s->destination(), u"--port"_s,
                       QString::number(s->port()), u"--home"_s, host, u"--remote-command"_s,
                       QStringLiteral(VMECLONE_CLI)});
        }
        return home;
    }

    QString hostList() const {
        QStringList names;
        for (int i = 0; i < m_hostCount; ++i)
            names << u"h%1"_s.arg(i);
        return names.join(u',');
    }

    // The head's shares: address lists per host, from plan --hosts.
    QHash<QString, QStringList> shares(const QString &home) {
        const QByteArray out =
            cli(home, {u"plan"_s, range(), u"--hosts"_s, hostList(), u"--json"_s});
        QHash<QString, QStringList> perHost;
        const auto results = QJsonDocument::fromJson(out).object().value(u"results"_s).toArray();
        for (const auto &v : results) {
            const QJsonObject o = v.toObject();
            if (!o.value(u"ok"_s).toBool())
                die(u"plan refused %1: %2"_s.arg(o.value(u"ip"_s).toString(),
                                                 o.value(u"message"_s).toString()));
            perHost[o.value(u"host"_s).toString()] << o.value(u"ip"_s).toString();
        }
        if (perHost.size() != m_hostCount)
            die(u"the plan used %1 of %2 hosts"_s.arg(perHost.size()).arg(m_hostCount));
        return perHost;
    }

    // The head's clone; the seconds it took.
    double headClone(const QString &home) {
        QElapsedTimer t;
        t.start();
        const QByteArray out = cli(
            home, {u"clone"_s, range(), u"--hosts"_s, hostList(), u"--no-start"_s, u"--json"_s});
        const double took = t.nsecsElapsed() / 1e9;
        const auto results = QJsonDocument::fromJson(out).object().value(u"results"_s).toArray();
        int made = 0;
        for (const auto &v : results)
            made += v.toObject().value(u"ok"_s).toBool() ? 1 : 0;
        if (made != m_vmCount)
            die(u"the head made %1 of %2 VMs"_s.arg(made).arg(m_vmCount));
        return took;
    }

    // The same shares, each by a local process on a data folder of its own, all at once.
    double directClones(int round, const QHash<QString, QStringList> &perHost) {
        std::vector<std::unique_ptr<QProcess>> procs;
        std::vector<QString> homes;
        for (int i = 0; i < m_hostCount; ++i)
            homes.push_back(dataFolder(u"r%1-direct%2"_s.arg(round).arg(i)));
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < m_hostCount; ++i) {
            auto p = std::make_unique<QProcess>();
            auto env = m_env;
            env.insert(u"VMECLONE_HOME"_s, homes.at(size_t(i)));
            p->setProcessEnvironment(env);
            p->start(QStringLiteral(VMECLONE_CLI),
                     {u"clone"_s, perHost.value(u"h%1"_s.arg(i)).join(u','), u"--no-start"_s,
                      u"--json"_s});
            procs.push_back(std::move(p));
        }
        for (auto &p : procs)
            if (!p->waitForFinished(-1) || p->exitCode() != 0)
                die(u"a direct clone failed: "_s + QString::fromUtf8(p->readAllStandardError()));
        return t.nsecsElapsed() / 1e9;
    }

private:
    QByteArray cli(const QString &home, const QStringList &args) {
        QProcess p;
        auto env = m_env;
        env.insert(u"VMECLONE_HOME"_s, home);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(VMECLONE_CLI), args);
        if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            die(u"vmeclone %1 failed: %2"_s.arg(args.join(u' '),
                                                QString::fromUtf8(p.readAllStandardError())));
        return p.readAllStandardOutput();
    }

    QString m_root;
    int m_hostCount;
    int m_vmCount;
    QProcessEnvironment m_env;
    std::vector<std::unique_ptr<TestSshServer>> m_servers;
};

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool small = args.removeAll(u"--small"_s) > 0;
    int hosts = small ? 3 : 10;
    int vms = small ? 30 : 2000;
    for (const auto &[flag, value, most] :
         {std::tuple{u"--hosts"_s, &hosts, 50}, std::tuple{u"--vms"_s, &vms, 20000}}) {
        if (const auto at = args.indexOf(flag); at >= 0 && at + 1 < args.size()) {
            *value = args.at(at + 1).toInt();
            args.remove(at, 2);
            if (*value < 1 || *value > most)
                die(u"%1 takes 1 to %2"_s.arg(flag).arg(most));
        }
    }
    QTemporaryDir tmp(args.isEmpty() ? QDir::tempPath() + u"/bench-cluster-XXXXXX"_s
                                     : args.first() + u"/bench-cluster-XXXXXX"_s);
    if (!tmp.isValid())
        die(u"cannot make a scratch folder"_s);

    Bench bench(tmp.path(), hosts, vms);
    bench.startServers();
    std::vector<double> viaHead, direct;
    for (int round = 0; round < 3; ++round) {
        const QString head = bench.head(round);
        const auto perHost = bench.shares(head);
        direct.push_back(bench.directClones(round, perHost));
        viaHead.push_back(bench.headClone(head));
        std::fprintf(stderr, "round %d: head %.2f s, direct %.2f s\n", round, viaHead.back(),
                     direct.back());
    }
    bench.stopServers();
    const double h = median(viaHead), d = median(direct);
    std::printf("metric=cluster_clone baseline=%.4f vmeclone=%.4f ratio=%.3f vms=%d hosts=%d\n", d,
                h, h / d, vms, hosts);
    std::printf("metric=cluster_rate per_host_vms_per_s=%.0f cluster_vms_per_s=%.0f\n",
                vms / double(hosts) / h, vms / h);
    return 0;
}
