// The vmeclone CLI end to end on a small qcow2 golden that is never booted: every
// verb, its errors, and that a refused request writes nothing.

#include "cli_runner.h"
#include "identity/cluster_secret.h"
#include "identity/mac_address.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CliRunner> m_cli;
    QString m_golden;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    // Every file under the shards, for "nothing was written" checks.
    QStringList shardFiles() const {
        QStringList files;
        for (const auto &shard : {u"shard1"_s, u"shard2"_s}) {
            QDirIterator it(path(shard), QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        }
        files.sort();
        return files;
    }

    QJsonArray list() const {
        const auto r = m_cli->run({u"list"_s, u"--json"_s});
        [&] {
            QCOMPARE(r.exitCode, 0);
        }();
        return r.json().array();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(u"golden"_s)));
        QVERIFY(QDir().mkpath(path(u"shard1"_s)));
        QVERIFY(QDir().mkpath(path(u"shard2"_s)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"golden/disk.qcow2"_s), u"64M"_s}),
                 0);
        // Some data, so full clones have something to copy and compare.
        QCOMPARE(QProcess::execute(u"qemu-io"_s, {u"-c"_s, u"write -P 0x5a 1M 2M"_s,
                                                  path(u"golden/disk.qcow2"_s)}),
                 0);
        m_golden = path(u"golden/tiny.json"_s);
        QFile json(m_golden);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(
            R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny", "memory_mb": 64,
                       "disk": "disk.qcow2", "disk_format": "qcow2"})");
        json.close();
        m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s));
    }

    void helpOnEveryVerb_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("overview") << QStringList{u"--help"_s} << u"release"_s;
        QTest::newRow("golden add")
            << QStringList{u"golden"_s, u"add"_s, u"--help"_s} << u"--subnet"_s;
        QTest::newRow("golden list")
            << QStringList{u"golden"_s, u"list"_s, u"--help"_s} << u"--json"_s;
        QTest::newRow("shard add")
            << QStringList{u"shard"_s, u"add"_s, u"--help"_s} << u"--weight"_s;
        QTest::newRow("shard list")
            << QStringList{u"shard"_s, u"list"_s, u"--help"_s} << u"--json"_s;
        QTest::newRow("shard label")
            << QStringList{u"shard"_s, u"label"_s, u"--help"_s} << u"DIR LABEL"_s;
        QTest::newRow("plan") << QStringList{u"plan"_s, u"--help"_s} << u"--full"_s;
        QTest::newRow("clone") << QStringList{u"clone"_s, u"--help"_s} << u"--wait-online"_s;
        QTest::newRow("list") << QStringList{u"list"_s, u"--help"_s} << u"--json"_s;
        QTest::newRow("start") << QStringList{u"start"_s, u"--help"_s} << u"RANGE"_s;
        QTest::newRow("stop") << QStringList{u"stop"_s, u"--help"_s} << u"RANGE"_s;
        QTest::newRow("release") << QStringList{u"release"_s, u"--help"_s} << u"RANGE"_s;
        QTest::newRow("listen") << QStringList{u"listen"_s, u"--help"_s} << u"--port"_s;
        QTest::newRow("export") << QStringList{u"export"_s, u"--help"_s} << u"ansible"_s;
        QTest::newRow("seed alias")
            << QStringList{u"vmecloneVMOS"_s, u"--help"_s} << u"NEW_SUFFIX"_s;
    }

    void helpOnEveryVerb() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const auto r = m_cli->run(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains(mentions), r.out.constData());
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown verb")
            << QStringList{u"frobnicate"_s} << u"unknown command 'frobnicate'"_s;
        QTest::newRow("clone without range") << QStringList{u"clone"_s} << u"give a range"_s;
        QTest::newRow("linked and full")
            << QStringList{u"clone"_s, u"177"_s, u"--linked"_s, u"--full"_s}
            << u"exclude each other"_s;
        QTest::newRow("bad port") << QStringList{u"listen"_s, u"--port"_s, u"70000"_s}
                                  << u"--port 70000"_s;
        QTest::newRow("bad wait") << QStringList{u"clone"_s, u"177"_s, u"--wait-online"_s,
                                                 u"soon"_s}
                                  << u"--wait-online soon"_s;
        QTest::newRow("bad weight")
            << QStringList{u"shard"_s, u"add"_s, u"/tmp"_s, u"--weight"_s, u"-1"_s}
            << u"--weight -1"_s;
        QTest::newRow("export: unknown format")
            << QStringList{u"export"_s, u"--output"_s, u"x.yml"_s, u"--format"_s, u"yaml"_s}
            << u"--format yaml is not one of csv, json, html, pdf, ansible"_s;
        QTest::newRow("export: no format in the name")
            << QStringList{u"export"_s, u"--output"_s, u"inventory.txt"_s}
            << u".pdf or .yml (Ansible), or give --format"_s;
    }

    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r = m_cli->run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void setUpGoldenAndShards() {
        auto r = m_cli->run({u"clone"_s, u"177"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"no golden image"_s), qPrintable(r.err));

        r = m_cli->run({u"golden"_s, u"add"_s, path(u"golden/missing.json"_s), u"--suffix"_s,
                        u"176"_s, u"--subnet"_s, u"192.168.1.0/24"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"missing.json does not exist"_s), qPrintable(r.err));

        r = m_cli->run({u"golden"_s, u"add"_s, m_golden, u"--suffix"_s, u"176"_s, u"--subnet"_s,
                        u"192.168.1.5/24"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"192.168.1.0/24"_s), qPrintable(r.err));

        r = m_cli->run({u"golden"_s, u"add"_s, m_golden, u"--suffix"_s, u"176"_s, u"--subnet"_s,
                        u"192.168.1.0/24"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().object().value(u"ip"_s).toString(), u"192.168.1.176"_s);

        r = m_cli->run({u"golden"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().array().size(), 1);
        QCOMPARE(r.json().array().at(0).toObject().value(u"name"_s).toString(), u"tiny"_s);

        r = m_cli->run({u"shard"_s, u"add"_s, path(u"nowhere"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"nowhere is not a folder"_s), qPrintable(r.err));
        QCOMPARE(m_cli->run({u"shard"_s, u"add"_s, path(u"shard1"_s)}).exitCode, 0);
        QCOMPARE(
            m_cli->run({u"shard"_s, u"add"_s, path(u"shard2"_s), u"--weight"_s, u"2"_s}).exitCode,
            0);
        r = m_cli->run({u"shard"_s, u"add"_s, path(u"shard2"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"already a disk shard"_s), qPrintable(r.err));

        r = m_cli->run({u"shard"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const auto shards = r.json().array();
        QCOMPARE(shards.size(), 2);
        QVERIFY(shards.at(0).toObject().value(u"bytes_free"_s).toDouble() > 0);
        QVERIFY(!shards.at(0).toObject().value(u"device"_s).toString().isEmpty());

        // A label for the console, unique among the shards; '' removes it.
        QCOMPARE(m_cli->run({u"shard"_s, u"label"_s, path(u"shard1"_s), u"ssd"_s}).exitCode, 0);
        r = m_cli->run({u"shard"_s, u"label"_s, path(u"shard2"_s), u"ssd"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"labelled 'ssd' already"_s), qPrintable(r.err));
        r = m_cli->run({u"shard"_s, u"label"_s, path(u"nowhere"_s), u"x"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"is not a disk shard"_s), qPrintable(r.err));
        QCOMPARE(m_cli->run({u"shard"_s, u"label"_s, path(u"shard2"_s), u"a/b"_s}).exitCode, 2);
        r = m_cli->run({u"shard"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.json().array().at(0).toObject().value(u"label"_s).toString(), u"ssd"_s);
        QCOMPARE(r.json().array().at(1).toObject().value(u"label"_s).toString(), QString());
        QCOMPARE(m_cli->run({u"shard"_s, u"label"_s, path(u"shard1"_s), u""_s}).exitCode, 0);
        r = m_cli->run({u"shard"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.json().array().at(0).toObject().value(u"label"_s).toString(), QString());
    }

    void planThenCloneUsesThePlannedShards() {
        auto r = m_cli->run({u"plan"_s, u"177-179"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QMap<QString, QString> planned;
        for (const auto &v : r.json().object().value(u"vms"_s).toArray())
            planned.insert(v.toObject().value(u"ip"_s).toString(),
                           v.toObject().value(u"shard"_s).toString());
        QCOMPARE(planned.size(), 3);
        QVERIFY2(shardFiles().isEmpty(), "plan must write nothing");

        r = m_cli->run({u"clone"_s, u"177-179"_s, u"--no-start"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.json().object().value(u"ok"_s).toBool());

        const auto vms = list();
        QCOMPARE(vms.size(), 3);
        for (const auto &value : vms) {
            const auto vm = value.toObject();
            const QString ip = vm.value(u"ip"_s).toString();
            QCOMPARE(vm.value(u"state"_s).toString(), u"configured"_s);
            QCOMPARE(vm.value(u"shard"_s).toString(), planned.value(ip));
            const auto expectedMac =
                vmeclone::MacAddress::forIpv4(*vmeclone::Ipv4Address::parse(ip));
            QCOMPARE(vm.value(u"mac"_s).toString(), expectedMac.toString());
            const QString folder = vm.value(u"folder"_s).toString();
            QVERIFY(folder.startsWith(planned.value(ip)));
            QVERIFY(QFile::exists(folder + u"/identity.conf"_s));
            QCOMPARE(QFile(folder + u"/identity.conf"_s).permissions()
                         & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
            // A linked clone reads the same as its golden.
            QCOMPARE(
                QProcess::execute(u"qemu-img"_s,
                                  {u"compare"_s, u"-q"_s, path(u"golden/disk.qcow2"_s),
                                   folder + u"/"_s + vm.value(u"name"_s).toString() + u".qcow2"_s}),
                0);
        }
    }

    // list --guest on VMs that are not running: each says why its guest was not asked,
    // in the JSON and in the table's GUEST column; the plain list has no such column.
    void listGuestSaysWhyNotAsked() {
        auto r = m_cli->run({u"list"_s, u"177"_s, u"--guest"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto vm = r.json().array().first().toObject();
        QCOMPARE(vm.value(u"guest"_s).toObject().value(u"error"_s).toString(),
                 u"not running (configured)"_s);
        QCOMPARE(vm.value(u"guest_disagrees"_s).toArray(), QJsonArray());
        r = m_cli->run({u"list"_s, u"--guest"_s});
        QVERIFY(r.out.contains("GUEST"));
        QCOMPARE(r.out.count("not running (configured)"), 3);
        QVERIFY(!m_cli->run({u"list"_s}).out.contains("GUEST"));
    }

    void secretsAreNeverShown() {
        const QString secretPath = path(u"home/cluster.secret"_s);
        QCOMPARE(QFile(secretPath).permissions()
                     & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        auto secret = vmeclone::ClusterSecret::loadOrCreate(secretPath);
        QVERIFY2(secret.ok(), qPrintable(secret.error()));
        QFile raw(secretPath);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QStringList secrets{QString::fromLatin1(raw.readAll().toHex())};
        // Each clone's own key, as its guest holds it.
        for (const auto &v : m_cli->run({u"list"_s, u"--json"_s}).json().array()) {
            const QString key = guestKeyHex(v.toObject().value(u"folder"_s).toString());
            QCOMPARE(key.size(), 64);
            secrets << key;
        }
        QString said;
        for (const QStringList &args :
             {QStringList{u"list"_s}, QStringList{u"list"_s, u"--json"_s},
              QStringList{u"plan"_s, u"180"_s, u"--json"_s},
              QStringList{u"golden"_s, u"list"_s, u"--json"_s},
              QStringList{u"clone"_s, u"180"_s, u"--no-start"_s, u"--json"_s},
              QStringList{u"release"_s, u"180"_s}}) {
            const auto r = m_cli->run(args + QStringList{u"--verbose"_s});
            said += QString::fromUtf8(r.out) + r.err;
        }
        // Nor in any export.
        for (const auto &format : {u"csv"_s, u"json"_s, u"html"_s, u"yml"_s}) {
            const QString file = path(u"export."_s + format);
            const auto r = m_cli->run({u"export"_s, u"--output"_s, file});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            said += QString::fromUtf8(f.readAll());
        }
        QVERIFY(said.contains(u"vm180"_s)); // the commands did talk
        for (const auto &s : secrets) {
            QVERIFY(s.size() == 64);
            QVERIFY2(!said.contains(s, Qt::CaseInsensitive), "a secret or a VM key was printed");
        }
    }

    void exportsPdfWithoutADisplay() {
        const QString file = path(u"inventory.pdf"_s);
        QProcess p;
        auto env = m_cli->environment();
        env.remove(u"QT_QPA_PLATFORM"_s);
        env.remove(u"DISPLAY"_s);
        p.setProcessEnvironment(env);
        p.start(m_cli->program(), {u"export"_s, u"--output"_s, file, u"--json"_s});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const auto o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o.value(u"format"_s).toString(), u"pdf"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
    }

    void refusedRequestsWriteNothing_data() {
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("message");
        QTest::newRow("in use") << u"178"_s << u"192.168.1.178 is in use by vm178"_s;
        QTest::newRow("in use inside a range")
            << u"180-182,179"_s << u"192.168.1.179 is in use by vm179"_s;
        QTest::newRow("golden's own")
            << u"176"_s << u"192.168.1.176 is the golden image tiny's own address"_s;
        QTest::newRow("outside subnet") << u"300"_s << u"'300' is not a host of 192.168.1.0/24"_s;
        QTest::newRow("other subnet") << u"10.0.0.5"_s << u"outside 192.168.1.0/24"_s;
        QTest::newRow("network") << u"0"_s << u"network address"_s;
        QTest::newRow("broadcast") << u"255"_s << u"broadcast address"_s;
        QTest::newRow("QEMU host alias") << u"2"_s << u"QEMU's host alias"_s;
    }

    void refusedRequestsWriteNothing() {
        QFETCH(QString, range);
        QFETCH(QString, message);
        const QStringList before = shardFiles();
        const QByteArray listBefore = QJsonDocument(list()).toJson();
        const auto r = m_cli->run({u"clone"_s, range, u"--no-start"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(shardFiles(), before);
        QCOMPARE(QJsonDocument(list()).toJson(), listBefore);
    }

    // Issue 11, item 6: the engine says which input it refuses (code, field, value) and
    // never a flag; the CLI names the flag: first when the operator typed it, else as
    // the way to give it. --json carries the code, field, value and flag as keys, and a
    // refused address's kind.
    void refusalsNameTheirFlag() {
        const QStringList add{u"golden"_s,   u"add"_s, m_golden,      u"--name"_s,     u"flagged"_s,
                              u"--suffix"_s, u"300"_s, u"--subnet"_s, u"10.0.0.0/24"_s};
        auto r = m_cli->run(add);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"golden add: --suffix 300: the suffix 300 is not a host of "
                                u"10.0.0.0/24 (suffixes 1-254)"_s),
                 qPrintable(r.err));
        r = m_cli->run(add + QStringList{u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject refusal = r.json().object();
        QCOMPARE(refusal.value(u"ok"_s).toBool(true), false);
        QCOMPARE(refusal.value(u"code"_s).toString(), u"not-a-host-address"_s);
        QCOMPARE(refusal.value(u"field"_s).toString(), u"suffix"_s);
        QCOMPARE(refusal.value(u"value"_s).toString(), u"300"_s);
        QCOMPARE(refusal.value(u"flag"_s).toString(), u"--suffix"_s);
        QVERIFY(refusal.value(u"message"_s).toString().startsWith(u"the suffix 300"_s));

        // Not typed: what the golden does not say, and the flag that gives it.
        r = m_cli->run({u"golden"_s, u"add"_s, m_golden, u"--suffix"_s, u"9"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"does not say its subnet: give it, e.g. 192.168.1.0/24 "
                                u"(--subnet CIDR)"_s),
                 qPrintable(r.err));
        // Read by the CLI itself, by the engine's rule: a usage error.
        r = m_cli->run({u"golden"_s, u"add"_s, m_golden, u"--suffix"_s, u"17x"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--suffix 17x: the suffix '17x' is not a number"_s),
                 qPrintable(r.err));
        QCOMPARE(r.json().object().value(u"code"_s).toString(), u"not-a-number"_s);
        r = m_cli->run({u"plan"_s, u"177"_s, u"--golden"_s, u"nope"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"plan: --golden nope: no golden image named 'nope'"_s),
                 qPrintable(r.err));
        QCOMPARE(r.json().object().value(u"field"_s).toString(), u"golden"_s);
        QCOMPARE(r.json().object().value(u"code"_s).toString(), u"not-found"_s);
        QCOMPARE(r.json().object().value(u"value"_s).toString(), u"nope"_s);
        r = m_cli->run({u"plan"_s, u"190-180"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().object().value(u"field"_s).toString(), u"range"_s);
        QCOMPARE(r.json().object().value(u"code"_s).toString(), u"invalid-range"_s);
        QVERIFY(!r.json().object().contains(u"flag"_s)); // RANGE is an argument

        // Refused addresses: plan and clone name each one's kind.
        r = m_cli->run({u"plan"_s, u"176,178,2"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        QStringList kinds;
        for (const auto &x : r.json().object().value(u"refused"_s).toArray())
            kinds << x.toObject().value(u"kind"_s).toString();
        QCOMPARE(kinds, (QStringList{u"host-alias"_s, u"golden-address"_s, u"in-use"_s}));
        r = m_cli->run({u"clone"_s, u"178"_s, u"--no-start"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 1);
        const auto results = r.json().object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.at(0).toObject().value(u"kind"_s).toString(), u"in-use"_s);
    }

    void fullCloneCopiesTheDisk() {
        const auto r = m_cli->run({u"clone"_s, u"190"_s, u"--full"_s, u"--no-start"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString folder;
        for (const auto &v : list())
            if (v.toObject().value(u"ip"_s).toString() == u"192.168.1.190")
                folder = v.toObject().value(u"folder"_s).toString();
        QVERIFY(!folder.isEmpty());
        const QString disk = folder + u"/vm190.qcow2"_s;
        QProcess info;
        info.start(u"qemu-img"_s, {u"info"_s, u"--output=json"_s, disk});
        QVERIFY(info.waitForFinished());
        const auto o = QJsonDocument::fromJson(info.readAllStandardOutput()).object();
        QVERIFY2(!o.contains(u"backing-filename"_s), "a full clone must not depend on the golden");
        QCOMPARE(QProcess::execute(u"qemu-img"_s,
                                   {u"compare"_s, u"-q"_s, path(u"golden/disk.qcow2"_s), disk}),
                 0);
    }

    void seedAliasClonesOneSuffix() {
        const auto r = m_cli->run({u"vmecloneVMOS"_s, u"176"_s, u"188"_s, u"--no-start"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        bool found = false;
        for (const auto &v : list())
            found |= v.toObject().value(u"ip"_s).toString() == u"192.168.1.188";
        QVERIFY(found);
        const auto bad = m_cli->run({u"vmecloneVMOS"_s, u"99"_s, u"189"_s, u"--no-start"_s});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(u"no golden image has the suffix 99"_s), qPrintable(bad.err));
    }

    void racingClonesNeverShareAnAddress() {
        // Two processes clone overlapping ranges at once: the inventory decides.
        QProcess a, b;
        for (QProcess *p : {&a, &b})
            p->setProcessEnvironment(m_cli->environment());
        a.start(m_cli->program(), {u"clone"_s, u"200-215"_s, u"--no-start"_s, u"--json"_s});
        b.start(m_cli->program(), {u"clone"_s, u"208-223"_s, u"--no-start"_s, u"--json"_s});
        QVERIFY(a.waitForFinished(120000));
        QVERIFY(b.waitForFinished(120000));
        QSet<QString> ips;
        QSet<QString> macs;
        int count = 0;
        for (const auto &v : list()) {
            const auto vm = v.toObject();
            const QString ip = vm.value(u"ip"_s).toString();
            if (!ip.startsWith(u"192.168.1.2"_s) || ip.size() != 13)
                continue;
            ++count;
            ips.insert(ip);
            macs.insert(vm.value(u"mac"_s).toString());
            QCOMPARE(vm.value(u"state"_s).toString(), u"configured"_s);
        }
        QCOMPARE(ips.size(), count);
        QCOMPARE(macs.size(), count);
        QVERIFY(count >= 16); // the first to reserve gets its whole range
        // Each address went to exactly one of them; whoever lost a race names what it
        // could not take.
        QSet<QString> okA, okB;
        bool lostNamed = false;
        for (auto [process, ok] : {std::pair{&a, &okA}, std::pair{&b, &okB}}) {
            const auto results = QJsonDocument::fromJson(process->readAllStandardOutput())
                                     .object()
                                     .value(u"results"_s)
                                     .toArray();
            QVERIFY2(!results.isEmpty(), "each process reports per address in --json");
            for (const auto &x : results) {
                const auto o = x.toObject();
                if (o.value(u"ok"_s).toBool())
                    ok->insert(o.value(u"ip"_s).toString());
                else if (o.value(u"message"_s).toString().contains(u"in use"_s))
                    lostNamed = true;
            }
        }
        QVERIFY((okA & okB).isEmpty());
        QCOMPARE(okA | okB, ips);
        QVERIFY2(lostNamed, "the overlap 208-215 was lost by one of them, by name");
    }

    void releaseLeavesNothing() {
        auto r = m_cli->run({u"release"_s, u"177-254"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(list().size(), 0);
        QCOMPARE(shardFiles(), QStringList());
        r = m_cli->run({u"release"_s, u"177"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"no VM in 177"_s), qPrintable(r.err));
        // The golden's disk is untouched by all of it.
        QProcess check;
        check.start(u"qemu-img"_s, {u"check"_s, path(u"golden/disk.qcow2"_s)});
        QVERIFY(check.waitForFinished());
        QCOMPARE(check.exitCode(), 0);
    }

    void namePrefixCannotLeaveTheShard_data() {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("parent") << u"../evil"_s;
        QTest::newRow("absolute") << u"/etc/x"_s;
        QTest::newRow("separator") << u"a/b"_s;
        QTest::newRow("backslash") << u"a\\b"_s;
        QTest::newRow("hidden") << u".vm"_s;
        QTest::newRow("dots") << u"a..b"_s;
        QTest::newRow("final newline") << u"vm\n"_s; // '$' matched before it
    }

    // Finding 9: inputs the backends cannot carry are refused, naming them.
    void inputsThatSlipThroughAreRefused() {
        QVERIFY(QDir().mkpath(path(u"a,b"_s)));
        auto r = m_cli->run({u"shard"_s, u"add"_s, path(u"a,b"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"contains ','"_s), qPrintable(r.err));
        QVERIFY(QDir().mkpath(path(u"inf-shard"_s)));
        for (const QString &w : {u"inf"_s, u"nan"_s, u"1e999"_s}) {
            r = m_cli->run({u"shard"_s, u"add"_s, path(u"inf-shard"_s), u"--weight"_s, w});
            QCOMPARE(r.exitCode, 2); // a usage error
            QVERIFY2(r.err.contains(u"finite number greater than 0"_s), qPrintable(r.err));
        }
        QProcess p;
        p.start(QStringLiteral(VMECLONE_CLI), {u"list"_s, u"--home"_s, u""_s});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(u"--home is empty"_s));
    }

    void namePrefixCannotLeaveTheShard() {
        QFETCH(QString, prefix);
        QFile::copy(m_golden, path(u"golden/second.json"_s));
        const auto r = m_cli->run({u"golden"_s, u"add"_s, path(u"golden/second.json"_s),
                                   u"--name"_s, u"second"_s, u"--suffix"_s, u"10"_s, u"--subnet"_s,
                                   u"192.168.2.0/24"_s, u"--name-prefix"_s, prefix});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"golden add: --name-prefix"_s)
                     && r.err.contains(u"the name prefix '%1' cannot name folders"_s.arg(prefix)),
                 qPrintable(r.err));
    }

    void namePrefixNamesTheClones() {
        QFile::copy(m_golden, path(u"golden/third.json"_s));
        auto r = m_cli->run({u"golden"_s, u"add"_s, path(u"golden/third.json"_s), u"--name"_s,
                             u"web"_s, u"--suffix"_s, u"10"_s, u"--subnet"_s, u"192.168.3.0/24"_s,
                             u"--name-prefix"_s, u"web-"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_cli->run(
            {u"clone"_s, u"20"_s, u"--golden"_s, u"web"_s, u"--no-start"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const auto vms = list();
        QCOMPARE(vms.size(), 1);
        QCOMPARE(vms.at(0).toObject().value(u"name"_s).toString(), u"web-20"_s);
        QVERIFY(vms.at(0).toObject().value(u"folder"_s).toString().endsWith(u"/web-20"_s));
        QCOMPARE(m_cli->run({u"release"_s, u"192.168.3.20"_s}).exitCode, 0);
    }

    // Finding 9: a golden's name is printed in tables and logs: no newline, escape or
    // bidi override gets in, whether from --name or from the golden's description.
    void goldenNamesWithHiddenCharactersAreRefused() {
        QFile::copy(m_golden, path(u"golden/hidden.json"_s));
        for (const QString &name : {u"two\nlines"_s, u"red\x1b[31m"_s, u"\u202Eevil"_s}) {
            const auto r =
                m_cli->run({u"golden"_s, u"add"_s, path(u"golden/hidden.json"_s), u"--name"_s, name,
                            u"--suffix"_s, u"10"_s, u"--subnet"_s, u"192.168.4.0/24"_s});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(u"control characters"_s) && !r.err.contains(name),
                     qPrintable(r.err));
        }
    }

    // Finding 9: two goldens' subnets whose clones' MACs coincide (a MAC carries the low
    // 22 bits of its address). Plan and clone refuse the same address with the same
    // words, with and without --json, and nothing is written.
    void planAndCloneAgreeOnAMacInUse() {
        QFile::copy(m_golden, path(u"golden/other.json"_s));
        auto r = m_cli->run({u"golden"_s, u"add"_s, path(u"golden/other.json"_s), u"--name"_s,
                             u"other"_s, u"--suffix"_s, u"176"_s, u"--subnet"_s, u"10.40.1.0/24"_s,
                             u"--name-prefix"_s, u"other"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = m_cli->run({u"clone"_s, u"177"_s, u"--golden"_s, u"tiny"_s, u"--no-start"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString why = u"its MAC 00:50:56:28:01:b1 is in use by vm177"_s;
        for (const QString &verb : {u"plan"_s, u"clone"_s}) {
            const QStringList args{verb, u"177"_s, u"--golden"_s, u"other"_s};
            const QStringList noStart =
                verb == u"clone"_s ? QStringList{u"--no-start"_s} : QStringList{};
            r = m_cli->run(args + noStart);
            QVERIFY2(r.exitCode == 1 && r.err.contains(why), qPrintable(verb + u": "_s + r.err));
            r = m_cli->run(args + noStart + QStringList{u"--json"_s});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(QString::fromUtf8(r.out).contains(why), r.out.constData());
        }
        QCOMPARE(list().size(), 1);
        QCOMPARE(m_cli->run({u"release"_s, u"192.168.1.177"_s}).exitCode, 0);
        QCOMPARE(m_cli->run({u"golden"_s, u"remove"_s, u"other"_s}).exitCode, 0);
    }

    // Issue "One truth…", item 4: a release of several VMs typed at a terminal asks
    // first; anything but "yes" does nothing. Scripts (no terminal, as every other test
    // here) and --yes are never asked. The terminal is a real pty (script(1)).
    void releaseAtATerminalAsksFirst() {
        QCOMPARE(m_cli->run({u"clone"_s, u"181-182"_s, u"--golden"_s, u"tiny"_s, u"--no-start"_s})
                     .exitCode,
                 0);
        const auto atTerminal = [&](const QByteArray &answer, const QString &extra) {
            QProcess p;
            p.setProcessEnvironment(m_cli->environment());
            p.start(u"script"_s,
                    {u"-qec"_s, u"'%1' release 181-182 %2"_s.arg(m_cli->program(), extra),
                     u"/dev/null"_s});
            p.waitForStarted();
            p.write(answer);
            p.waitForFinished(60000);
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput())};
        };
        auto [code, said] = atTerminal("no\n", {});
        QCOMPARE(code, 1);
        QVERIFY2(said.contains(u"release 2 VMs (vm181, vm182)?"_s)
                     && said.contains(u"nothing done"_s),
                 qPrintable(said));
        QCOMPARE(list().size(), 2);
        std::tie(code, said) = atTerminal("yes\n", {});
        QVERIFY2(code == 0, qPrintable(said));
        QCOMPARE(list().size(), 0);
        QCOMPARE(m_cli->run({u"clone"_s, u"181-182"_s, u"--golden"_s, u"tiny"_s, u"--no-start"_s})
                     .exitCode,
                 0);
        std::tie(code, said) = atTerminal({}, u"--yes"_s);
        QVERIFY2(code == 0 && !said.contains(u"?"_s), qPrintable(said));
        QCOMPARE(list().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
