// The SSH transport without a server: its command line (options, quoting for the remote
// shell), how it words each failure ssh reports, the checks on names and destinations,
// and the host description (parse, compatibility, free space).

#include "cluster/host_names.h"
#include "cluster/host_self.h"
#include "cluster/ssh_transport.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestSshTransport : public QObject {
    Q_OBJECT

    static HostRecord lab() {
        HostRecord h;
        h.name = u"lab1"_s;
        h.destination = u"admin@192.0.2.10"_s;
        h.port = 2222;
        return h;
    }

    static ChildRun sshFailed(const QByteArray &err) {
        ChildRun r;
        r.outcome = ChildRun::Outcome::Finished;
        r.exitCode = 255;
        r.err = err;
        return r;
    }

private Q_SLOTS:
    void commandLine() {
        SshOptions o;
        o.configFile = u"/etc/test/ssh_config"_s;
        o.controlDir = u"/run/user/1000"_s;
        o.connectTimeoutSeconds = 7;
        HostRecord h = lab();
        h.remoteHome = u"/srv/it's here"_s;
        h.remoteCommand = u"/opt/vmeclone/bin/vmeclone"_s;
        const QStringList a = SshTransport(o).arguments(h, {u"host"_s, u"self"_s, u"--json"_s});
        const QStringList expected{u"-o"_s,
                                   u"BatchMode=yes"_s,
                                   u"-o"_s,
                                   u"ConnectTimeout=7"_s,
                                   u"-o"_s,
                                   u"ControlMaster=auto"_s,
                                   u"-o"_s,
                                   u"ControlPath=/run/user/1000/vmeclone-ssh-%C"_s,
                                   u"-o"_s,
                                   u"ControlPersist=60"_s,
                                   u"-F"_s,
                                   u"/etc/test/ssh_config"_s,
                                   u"-p"_s,
                                   u"2222"_s,
                                   u"admin@192.0.2.10"_s,
                                   u"--"_s,
                                   u"'/opt/vmeclone/bin/vmeclone'"_s,
                                   u"'--home'"_s,
                                   u"'/srv/it'\\''s here'"_s,
                                   u"'host'"_s,
                                   u"'self'"_s,
                                   u"'--json'"_s};
        QCOMPARE(a, expected);
        // Never a switch that weakens host-key checking.
        QVERIFY(!a.join(u' ').contains(u"StrictHostKeyChecking"_s));
        QVERIFY(!a.join(u' ').contains(u"UserKnownHostsFile"_s));

        // No control folder, no port, no config: none of their options.
        HostRecord plain;
        plain.name = u"lab2"_s;
        plain.destination = u"lab2"_s;
        const QStringList b = SshTransport(SshOptions{}).arguments(plain, {u"--version"_s});
        QCOMPARE(b, (QStringList{u"-o"_s, u"BatchMode=yes"_s, u"-o"_s, u"ConnectTimeout=10"_s,
                                 u"lab2"_s, u"--"_s, u"'vmeclone'"_s, u"'--version'"_s}));
    }

    // What rsync is given as -e: the same program and options as arguments(), each word in
    // single quotes, no destination and no remote command.
    void commandLineForRsync() {
        SshOptions o;
        o.program = u"/usr/bin/ssh"_s;
        o.configFile = u"/etc/test/ssh config"_s;
        o.controlDir = u"/run/user/1000"_s;
        const SshTransport t(o);
        const HostRecord h = lab();
        QCOMPARE(t.arguments(h, {u"x"_s}).mid(0, t.clientOptions(h).size()), t.clientOptions(h));
        QCOMPARE(t.commandLine(h),
                 u"'/usr/bin/ssh' '-o' 'BatchMode=yes' '-o' 'ConnectTimeout=10' '-o' "
                 u"'ControlMaster=auto' '-o' 'ControlPath=/run/user/1000/vmeclone-ssh-%C' '-o' "
                 u"'ControlPersist=60' '-F' '/etc/test/ssh config' '-p' '2222'"_s);
    }

    // What the remote shell makes of a quoted word is the word itself.
    void quotingSurvivesTheShell_data() {
        QTest::addColumn<QString>("word");
        QTest::newRow("plain") << u"plain"_s;
        QTest::newRow("quote") << u"it's"_s;
        QTest::newRow("quotes") << u"''a'b''"_s;
        QTest::newRow("shell") << u"$(touch /tmp/x); `id` && echo $HOME | cat > y *"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("backslash") << u"a\\b\\'c"_s;
        QTest::newRow("unicode") << u"数据 folder"_s;
    }

    void quotingSurvivesTheShell() {
        QFETCH(QString, word);
        QProcess sh;
        sh.start(u"/bin/sh"_s, {u"-c"_s, u"printf '%s' "_s + SshTransport::shellQuote(word)});
        QVERIFY(sh.waitForFinished());
        QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), word);
    }

    void explainsFailures_data() {
        QTest::addColumn<QByteArray>("err");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("said");
        QTest::addColumn<QStringList>("notSaid");
        QTest::newRow("unknown host key")
            << QByteArray("No ED25519 host key is known for [192.0.2.10]:2222 and you have "
                          "requested strict checking.\r\nHost key verification failed.\r\n")
            << 255
            << QStringList{u"host lab1 (192.0.2.10 port 2222)"_s, u"host key is not known"_s,
                           u"ssh-keyscan -p 2222 192.0.2.10 >> ~/.ssh/known_hosts"_s,
                           u"ssh -p 2222 admin@192.0.2.10"_s}
            << QStringList();
        QTest::newRow("changed host key")
            << QByteArray("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                          "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
                          "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                          "Host key for [192.0.2.10]:2222 has changed and you have requested "
                          "strict checking.\nHost key verification failed.\n")
            << 255 << QStringList{u"CHANGED"_s, u"host lab1"_s}
            << QStringList{u"ssh-keyscan"_s, u"ssh-keygen -R"_s, u"connect once"_s};
        QTest::newRow("permission denied")
            << QByteArray("admin@192.0.2.10: Permission denied (publickey).\r\n") << 255
            << QStringList{u"ssh-copy-id -p 2222 admin@192.0.2.10"_s} << QStringList();
        QTest::newRow("refused") << QByteArray(
            "ssh: connect to host 192.0.2.10 port 2222: Connection refused\r\n")
                                 << 255 << QStringList{u"unreachable"_s, u"refused"_s}
                                 << QStringList();
        QTest::newRow("timed out")
            << QByteArray("ssh: connect to host 192.0.2.10 port 2222: Connection timed out\r\n")
            << 255 << QStringList{u"unreachable"_s, u"timed out"_s} << QStringList();
        QTest::newRow("no route") << QByteArray(
            "ssh: connect to host 192.0.2.10 port 2222: No route to host\r\n")
                                  << 255 << QStringList{u"unreachable"_s, u"No route to host"_s}
                                  << QStringList();
        QTest::newRow("unresolved")
            << QByteArray("ssh: Could not resolve hostname lab1.invalid: Name or service not "
                          "known\r\n")
            << 255 << QStringList{u"cannot be resolved"_s} << QStringList();
        QTest::newRow("other ssh failure")
            << QByteArray("kex_exchange_identification: Connection closed by remote host\r\n")
            << 255 << QStringList{u"ssh failed"_s, u"Connection closed"_s} << QStringList();
        QTest::newRow("vmeclone missing")
            << QByteArray("bash: line 1: vmeclone: command not found\n") << 127
            << QStringList{u"not installed"_s, u"say where it is there"_s}
            << QStringList{u"--remote-command"_s}; // core names no flag: the CLI words it
        QTest::newRow("not executable")
            << QByteArray("bash: line 1: /opt/vmeclone: Permission denied\n") << 126
            << QStringList{u"cannot be run"_s} << QStringList{u"ssh-copy-id"_s};
        QTest::newRow("vmeclone refused")
            << QByteArray("vmeclone: the data folder is full\nmore\n") << 1
            << QStringList{u"vmeclone there failed (exit 1): vmeclone: the data folder is full"_s}
            << QStringList{u"more"_s};
    }

    void explainsFailures() {
        QFETCH(QByteArray, err);
        QFETCH(int, exitCode);
        QFETCH(QStringList, said);
        QFETCH(QStringList, notSaid);
        ChildRun r = sshFailed(err);
        r.exitCode = exitCode;
        const Error failure = SshTransport(SshOptions{}).failureOf(lab(), r);
        const QString &text = failure.message;
        // Only a remote command that is not there is a refusal of an input, which each
        // front end words with its own (the CLI: --remote-command PATH).
        QCOMPARE(failure.field, exitCode == 127 ? Field::RemoteCommand : Field::None);
        for (const QString &s : said)
            QVERIFY2(text.contains(s), qPrintable(u"wanted '%1' in: %2"_s.arg(s, text)));
        for (const QString &s : notSaid)
            QVERIFY2(!text.contains(s), qPrintable(u"did not want '%1' in: %2"_s.arg(s, text)));
    }

    void explainsAClientThatCannotRun() {
        SshOptions o;
        o.program = u"/nonexistent/ssh"_s;
        auto r = SshTransport(o).run(lab(), {u"--version"_s});
        QVERIFY(!r);
        QVERIFY2(r.error().contains(u"openssh-client"_s), qPrintable(r.error()));
        QVERIFY2(r.error().contains(u"VMECLONE_SSH"_s), qPrintable(r.error()));
    }

    void hostNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << u"lab1"_s << true;
        QTest::newRow("dots and dashes") << u"rack-2.node_3"_s << true;
        QTest::newRow("63") << QString(63, u'a') << true;
        QTest::newRow("64") << QString(64, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("local") << u"local"_s << false;
        QTest::newRow("Local") << u"Local"_s << false;
        QTest::newRow("leading dash") << u"-lab"_s << false;
        QTest::newRow("leading dot") << u".lab"_s << false;
        QTest::newRow("space") << u"la b"_s << false;
        QTest::newRow("zero width") << u"la\u200bb"_s << false;
        QTest::newRow("right-to-left mark") << u"lab\u200f"_s << false;
        QTest::newRow("non-ASCII letter") << u"läb"_s << false;
        QTest::newRow("slash") << u"a/b"_s << false;
    }

    void hostNames() {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QCOMPARE(validateHostName(name).ok(), ok);
    }

    void destinations_data() {
        QTest::addColumn<QString>("destination");
        QTest::addColumn<bool>("ok");
        QTest::newRow("address") << u"192.0.2.10"_s << true;
        QTest::newRow("user and name") << u"admin@lab1.example"_s << true;
        QTest::newRow("alias") << u"lab1"_s << true;
        QTest::newRow("IPv6") << u"admin@2001:db8::10"_s << true;
        QTest::newRow("IPv6 loopback") << u"::1"_s << true;
        QTest::newRow("option") << u"-oProxyCommand=sh"_s << false;
        QTest::newRow("user option") << u"-l@host"_s << false;
        QTest::newRow("address option") << u"admin@-oProxyCommand=sh"_s << false;
        QTest::newRow("space") << u"admin@lab 1"_s << false;
        QTest::newRow("two users") << u"a@b@c"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("empty user") << u"@lab1"_s << false;
        QTest::newRow("newline") << u"lab1\nx"_s << false;
    }

    void destinations() {
        QFETCH(QString, destination);
        QFETCH(bool, ok);
        QCOMPARE(validateDestination(destination).ok(), ok);
    }

    void describesAndComparesVersions() {
        const QByteArray json = R"({"version": "0.1.3", "protocol": 1, "data_folder": "/srv/v",
            "goldens": [{"name": "demo"}],
            "shards": [{"path": "/a", "device": "8:1", "bytes_free": 1000, "error": ""},
                       {"path": "/b", "device": "8:1", "bytes_free": 1000, "error": ""},
                       {"path": "/c", "device": "8:2", "bytes_free": 500, "error": ""},
                       {"path": "/d", "device": "8:3", "bytes_free": 7, "error": "missing"}],
            "listener": {"running": true, "port": 9176}})";
        auto self = HostSelf::fromJson(json);
        QVERIFY2(self, qPrintable(self.error()));
        QCOMPARE(self->version, u"0.1.3"_s);
        QCOMPARE(self->protocol, 1);
        QCOMPARE(self->dataFolder, u"/srv/v"_s);
        QCOMPARE(self->goldens.size(), 1);
        QVERIFY(self->listenerRunning);
        QCOMPARE(self->listenerPort, 9176);
        QCOMPARE(self->bytesFree(), 1500); // one device once, the broken shard not at all
        // What toJson writes, fromJson reads back.
        auto again = HostSelf::fromJson(QJsonDocument(self->toJson()).toJson());
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->toJson(), self->toJson());

        QVERIFY(checkCompatible(*self, u"lab1"_s, u"0.1.0"_s));
        QVERIFY(checkCompatible(*self, u"lab1"_s, u"0.1.9~rc1"_s));
        auto skew = checkCompatible(*self, u"lab1"_s, u"0.2.0"_s);
        QVERIFY(!skew);
        for (const QString &s : {u"lab1"_s, u"0.1.3"_s, u"0.2.0"_s})
            QVERIFY2(skew.error().contains(s), qPrintable(skew.error()));
        self->protocol = 2;
        auto protocol = checkCompatible(*self, u"lab1"_s, u"0.1.3"_s);
        QVERIFY(!protocol);
        QVERIFY2(protocol.error().contains(u"protocol 2"_s), qPrintable(protocol.error()));

        QVERIFY(!HostSelf::fromJson("not json"));
        QVERIFY(!HostSelf::fromJson("[]"));
        QVERIFY(!HostSelf::fromJson(R"({"protocol": 1})"));
        QVERIFY(!HostSelf::fromJson(R"({"version": "0.1.0"})"));
    }
};

QTEST_GUILESS_MAIN(TestSshTransport)
#include "tst_ssh_transport.moc"
