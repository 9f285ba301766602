// `vmeclone export --format ansible` judged by Ansible itself: an inventory file holding
// real VM rows (goldens, a shard, VMs in several states; no guests), exported by the
// real CLI, read back by the real `ansible-inventory -i FILE --list` (ansible-core).
// Every VM must come back with its variables and every group with its members, also
// for names YAML would take for numbers or dates and a golden whose name needs its
// characters replaced. Ansible runs with HOME and its temporary folders inside the
// test's folder, and reads only the file (no network).

#include "cli_runner.h"
#include "inventory/inventory.h"
#include "support/ci_skip.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// Documentation networks, used only as data.
const Subnet kDemoNet = Subnet::parse(u"192.0.2.0/24").value();
const Subnet kWebNet = Subnet::parse(u"198.51.100.0/24").value();
const Subnet kEuNet = Subnet::parse(u"203.0.113.0/24").value();

// A golden name with spaces, quotes, YAML indicators, CJK and a character outside the BMP,
// and the group it must become (written out here, not computed by the code under test).
const QString kOddGolden = u"Debian 12: web's \"#1\" [prod] \u4e2d\u6587\U0001F427"_s;
const QString kOddGoldenGroup = u"golden_Debian_12__web_s___1___prod_____"_s;

GoldenRecord makeGolden(const QString &name, const Subnet &net, const QString &path) {
    GoldenRecord g;
    g.name = name;
    g.backend = u"qemu"_s;
    g.path = path;
    g.subnet = net;
    g.address = *net.addressOfSuffix(2);
    g.gateway = *net.addressOfSuffix(1);
    g.diskBytes = qint64(64) << 20;
    return g;
}

struct WantedVm {
    QString name;
    QString ip;
    QString mac;
    QString state;
    QString goldenGroup;
};

QSet<QString> toSet(const QJsonArray &array) {
    QSet<QString> out;
    for (const auto &v : array)
        out.insert(v.toString());
    return out;
}

} // namespace

class TestExportAnsible : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CliRunner> m_cli;
    QString m_ansibleInventory;
    QList<WantedVm> m_vms;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }

    // `ansible-inventory -i file --list` as JSON; fails the test when Ansible does not
    // take the file as a YAML inventory, or warns about it (an invalid group name is
    // only a warning to Ansible).
    QJsonObject ansibleList(const QString &file) {
        QJsonObject result;
        [&] {
            QProcess p;
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert(u"HOME"_s, path(u"ansible-home"_s));
            env.insert(u"ANSIBLE_HOME"_s, path(u"ansible-home/.ansible"_s));
            env.insert(u"ANSIBLE_LOCAL_TEMP"_s, path(u"ansible-tmp"_s));
            env.insert(u"ANSIBLE_CONFIG"_s, path(u"ansible-home/ansible.cfg"_s));
            env.insert(u"ANSIBLE_INVENTORY_ENABLED"_s, u"yaml"_s);
            env.insert(u"ANSIBLE_INVENTORY_UNPARSED_FAILED"_s, u"true"_s);
            env.insert(u"ANSIBLE_NOCOLOR"_s, u"1"_s);
            env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
            env.insert(u"TMPDIR"_s, path(u"ansible-tmp"_s));
            p.setProcessEnvironment(env);
            p.setWorkingDirectory(path(u"ansible-home"_s));
            p.start(m_ansibleInventory, {u"-i"_s, file, u"--list"_s});
            QVERIFY2(p.waitForFinished(120000), "ansible-inventory did not finish");
            const QByteArray out = p.readAllStandardOutput();
            const QString err = QString::fromUtf8(p.readAllStandardError());
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(err));
            QVERIFY2(!err.contains(u"WARNING"_s) && !err.contains(u"ERROR"_s), qPrintable(err));
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
            QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(),
                     qPrintable(error.errorString() + u": "_s + QString::fromUtf8(out)));
            result = doc.object();
        }();
        return result;
    }

    // The groups (without "ungrouped") and their members as Ansible lists them.
    static QMap<QString, QSet<QString>> groupsOf(const QJsonObject &list) {
        QMap<QString, QSet<QString>> groups;
        for (const auto &g : list.value(u"all"_s).toObject().value(u"children"_s).toArray()) {
            const QString name = g.toString();
            if (name != u"ungrouped")
                groups.insert(name, toSet(list.value(name).toObject().value(u"hosts"_s).toArray()));
        }
        return groups;
    }

    QMap<QString, QSet<QString>> expectedGroups() const {
        QMap<QString, QSet<QString>> groups;
        for (const auto &vm : m_vms) {
            groups[u"host_local"_s].insert(vm.name);
            groups[vm.goldenGroup].insert(vm.name);
            groups[u"state_"_s + vm.state].insert(vm.name);
        }
        return groups;
    }

    void checkInventory(const QString &file);

private Q_SLOTS:
    void initTestCase();
    void exportReadByAnsible();
    void formatByNameOrExtension_data();
    void formatByNameOrExtension();
    void replacesExistingFile();
};

void TestExportAnsible::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(path(u"ansible-home/.ansible"_s)));
    QVERIFY(QDir().mkpath(path(u"ansible-tmp"_s)));
    QFile cfg(path(u"ansible-home/ansible.cfg"_s)); // no machine-wide configuration
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write("[defaults]\n");
    cfg.close();

    m_ansibleInventory = QStandardPaths::findExecutable(u"ansible-inventory"_s);
    m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s));

    // The inventory the CLI will find in its data folder, made through the engine's own
    // inventory code, as `clone` would leave it.
    auto opened = Inventory::open(path(u"home/inventory.sqlite"_s));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    std::unique_ptr<Inventory> inventory = std::move(*opened);
    QVERIFY(QDir().mkpath(path(u"shard"_s)));
    const qint64 shard = inventory->addShard(path(u"shard"_s), 1).value();

    struct Golden {
        GoldenRecord record;
        QString group;
        qint64 id = 0;
    };
    QList<Golden> goldens = {
        {makeGolden(u"vmeclone-demo"_s, kDemoNet, path(u"demo.json"_s)), u"golden_vmeclone_demo"_s},
        {makeGolden(kOddGolden, kWebNet, path(u"web.json"_s)), kOddGoldenGroup},
        // Two names that differ only in replaced characters share a group (docs say so).
        {makeGolden(u"eu-web"_s, kEuNet, path(u"eu1.json"_s)), u"golden_eu_web"_s},
        {makeGolden(u"eu.web"_s, Subnet::parse(u"10.9.8.0/24"_s).value(), path(u"eu2.json"_s)),
         u"golden_eu_web"_s},
    };
    for (auto &g : goldens) {
        auto id = inventory->addGolden(g.record);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        g.id = *id;
    }

    // name, golden, suffix, state. Names as name prefixes make them: some read by YAML as
    // a float (1e10, 1.5), an octal int (017) or a date (2024-05-17) unless quoted; one
    // no prefix can make (spaces, quotes, '#', ': '), which the inventory still holds.
    struct Row {
        QString name;
        int golden;
        quint32 suffix;
        VmState state;
    };
    const QList<Row> rows = {
        {u"vm177"_s, 0, 177, VmState::Online},  {u"vm178"_s, 0, 178, VmState::Stopped},
        {u"vm179"_s, 0, 179, VmState::Planned}, {u"1e10"_s, 1, 10, VmState::Failed},
        {u"017"_s, 1, 17, VmState::Configured}, {u"2024-05-17"_s, 1, 20, VmState::Online},
        {u"1.5"_s, 1, 5, VmState::Stopped},     {u"odd name's \"#7\": x"_s, 1, 7, VmState::Failed},
        {u"eu-web5"_s, 2, 5, VmState::Online},  {u"eu.web6"_s, 3, 6, VmState::Stopped},
    };
    QList<VmRecord> wanted;
    for (const auto &r : rows) {
        const GoldenRecord &g = goldens[r.golden].record;
        VmRecord vm;
        vm.name = r.name;
        vm.address = *g.subnet.addressOfSuffix(r.suffix);
        vm.mac = MacAddress::forIpv4(vm.address);
        vm.goldenId = goldens[r.golden].id;
        vm.shardId = shard;
        vm.folder = path(u"shard/"_s) + QString::number(wanted.size());
        vm.cloneMode = u"linked"_s;
        vm.instance = u"instance-"_s + QString::number(wanted.size());
        wanted.append(vm);
        m_vms.append({vm.name, vm.address.toString(), vm.mac.toString(), vmStateName(r.state),
                      goldens[r.golden].group});
    }
    auto reservation = inventory->reserve(wanted);
    QVERIFY2(reservation.ok(), qPrintable(reservation.error()));
    QCOMPARE(reservation->taken.size(), wanted.size());
    QList<VmUpdate> online;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const qint64 id = reservation->taken[i].id;
        QCOMPARE(reservation->taken[i].name, rows[i].name);
        if (rows[i].state == VmState::Online) {
            // Online through the listener's path (last heard now; the CLI runs with a
            // heartbeat of an hour, so none is judged unreachable while the test runs).
            QVERIFY(inventory->setState(id, VmState::Booting).ok());
            VmUpdate u;
            u.vmId = id;
            u.state = VmState::Online;
            u.bootId = u"0123456789abcdef0123456789abcdef"_s;
            u.boots = 1;
            u.lastSeen = QDateTime::currentDateTimeUtc();
            u.wentOnline = true;
            online.append(u);
        } else if (rows[i].state != VmState::Planned) {
            QVERIFY(inventory->setState(id, rows[i].state, u"reason"_s).ok());
        }
    }
    QVERIFY(inventory->apply(online).ok());
    inventory.reset();

    qputenv("VMECLONE_HEARTBEAT", "3600"); // the CLI inherits it (CliRunner)
}

void TestExportAnsible::checkInventory(const QString &file) {
    if (m_ansibleInventory.isEmpty())
        VMECLONE_SKIP_UNLESS_CI("ansible-inventory is not installed (Debian package ansible-core)");
    const QJsonObject list = ansibleList(file);
    if (QTest::currentTestFailed())
        return;

    const QJsonObject hostvars = list.value(u"_meta"_s).toObject().value(u"hostvars"_s).toObject();
    QCOMPARE(hostvars.size(), m_vms.size());
    for (const auto &vm : m_vms) {
        QVERIFY2(hostvars.contains(vm.name), qPrintable(u"no host "_s + vm.name));
        const QJsonObject vars = hostvars.value(vm.name).toObject();
        // Strings, all of them (a number or a date would mean a name was not quoted).
        const QJsonObject want{{u"ansible_host"_s, vm.ip},
                               {u"ip"_s, vm.ip},
                               {u"mac"_s, vm.mac},
                               {u"name"_s, vm.name},
                               {u"vmeclone_host"_s, u"local"_s}};
        QVERIFY2(vars == want,
                 qPrintable(vm.name + u": "_s + QString::fromUtf8(QJsonDocument(vars).toJson())));
    }

    const auto groups = groupsOf(list);
    const auto want = expectedGroups();
    QCOMPARE(groups.keys(), want.keys());
    for (auto g = want.cbegin(); g != want.cend(); ++g)
        QVERIFY2(groups.value(g.key()) == g.value(), qPrintable(g.key()));
    // Every VM is in its groups, so none is left "ungrouped".
    QVERIFY(list.value(u"ungrouped"_s).toObject().value(u"hosts"_s).toArray().isEmpty());
}

void TestExportAnsible::exportReadByAnsible() {
    const QString file = path(u"inventory.yml"_s);
    const auto r = m_cli->run({u"export"_s, u"--output"_s, file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(QString::fromUtf8(r.out).startsWith(u"Ansible inventory of 10 VMs written to "_s),
             r.out.constData());
    // The group names the test expects are the ones in the file.
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray yaml = f.readAll();
    QVERIFY2(yaml.contains(QByteArray(kOddGoldenGroup.toUtf8() + ":")), yaml.constData());
    checkInventory(file);
}

void TestExportAnsible::formatByNameOrExtension_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("options");
    QTest::newRow(".yaml") << u"hosts.yaml"_s << QStringList{};
    // vmeclone takes extensions in any case; Ansible's yaml plugin only lower-case ones
    // (the docs say so), so Ansible is given a copy named .yml.
    QTest::newRow("upper-case .YML") << u"HOSTS.YML"_s << QStringList{};
    QTest::newRow("--format, no extension")
        << u"hosts"_s << QStringList{u"--format"_s, u"ansible"_s};
    QTest::newRow("--format over the extension")
        << u"hosts.json"_s << QStringList{u"--format"_s, u"ANSIBLE"_s};
}

void TestExportAnsible::formatByNameOrExtension() {
    QFETCH(QString, file);
    QFETCH(QStringList, options);
    const QString target = path(u"formats/"_s + file);
    QVERIFY(QDir().mkpath(path(u"formats"_s)));
    const auto r =
        m_cli->run(QStringList{u"export"_s, u"--output"_s, target, u"--json"_s} + options);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // --json says what it says for every format: file, format, vms.
    const QJsonObject o = r.json().object();
    QCOMPARE(o.keys(), (QStringList{u"file"_s, u"format"_s, u"vms"_s}));
    QCOMPARE(o.value(u"format"_s).toString(), u"ansible"_s);
    QCOMPARE(o.value(u"vms"_s).toInteger(), qint64(m_vms.size()));
    QCOMPARE(o.value(u"file"_s).toString(), QFileInfo(target).absoluteFilePath());
    if (QFileInfo(target).suffix() == u"YML") {
        QVERIFY(QFile::copy(target, target + u".yml"_s));
        checkInventory(target + u".yml"_s);
    } else {
        checkInventory(target);
    }
}

void TestExportAnsible::replacesExistingFile() {
    const QString file = path(u"old.yml"_s);
    {
        QFile old(file);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(200000, '#')); // longer than the inventory: no tail may remain
    }
    const auto r = m_cli->run({u"export"_s, u"--output"_s, file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("########"));
    QVERIFY(!QDir(m_dir.path()).entryList({u"old.yml.*"_s}, QDir::Files).size());
    checkInventory(file);
}

QTEST_MAIN(TestExportAnsible)
#include "tst_export_ansible.moc"
