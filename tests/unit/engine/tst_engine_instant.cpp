// Instant clones in the engine without a guest (issue 15): the refusals and the fallback.
// A QEMU without memory-backend-file (a real script standing in for qemu-system-x86_64,
// answering its help queries without it) is refused with the cause; --instant=auto's
// fallback makes linked clones and says why, in the result and in the event log; a VMware
// golden is refused before anything; a half-made template is removed by recovery; a golden
// whose template clones use cannot be removed. Real SQLite, real qemu-img, real files.
#include "engine/engine.h"
#include "support/ci_skip.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TstEngineInstant : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_golden;
    QString m_fakeQemu;

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    std::unique_ptr<Engine> engineIn(const QString &home) {
        EngineConfig config;
        config.home = path(home);
        config.qemu.qemuSystem = m_fakeQemu;
        auto engine = std::make_unique<Engine>(config);
        if (auto s = engine->open(); !s) {
            qWarning("%s", qPrintable(s.error()));
            return {};
        }
        GoldenSpec spec;
        spec.path = m_golden;
        spec.suffix = 176;
        spec.subnet = u"192.168.1.0/24"_s;
        if (auto g = engine->addGolden(spec); !g) {
            qWarning("%s", qPrintable(g.error()));
            return {};
        }
        QDir().mkpath(path(home + u"-shard"_s));
        if (auto s = engine->addShard(path(home + u"-shard"_s), 1.0); !s) {
            qWarning("%s", qPrintable(s.error()));
            return {};
        }
        return engine;
    }

    // An instant clone of the golden "tiny" at 192.168.1.SUFFIX, in the shard of `home`, as
    // the inventory holds one (not reserved yet).
    VmRecord instantClone(Engine &engine, const QString &home, int suffix) {
        VmRecord vm;
        vm.name = u"tiny-%1"_s.arg(suffix);
        vm.address = *Ipv4Address::parse(u"192.168.1.%1"_s.arg(suffix));
        vm.mac = MacAddress::forIpv4(vm.address);
        vm.goldenId = engine.inventory().goldenByName(u"tiny"_s).value().value().id;
        vm.shardId = engine.inventory().shards()->first().id;
        vm.folder = path(u"%1-shard/%2"_s.arg(home, vm.name));
        vm.cloneMode = u"instant"_s; // schema 9 allows it
        vm.instance = u"00000000-0000-0000-0000-000000000%1"_s.arg(suffix);
        return vm;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(u"qemu-img"_s).isEmpty())
            VMECLONE_SKIP_UNLESS_CI("qemu-img not installed (apt-get install qemu-utils)");
        QVERIFY(QDir().mkpath(path(u"golden"_s)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"golden/disk.qcow2"_s), u"16M"_s}),
                 0);
        m_golden = path(u"golden/tiny.json"_s);
        QFile json(m_golden);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(
            R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny", "memory_mb": 64,
                "disk": "disk.qcow2", "disk_format": "qcow2"})");
        json.close();
        // A QEMU that answers '-object help' and '-device help' without what instant
        // clones need.
        m_fakeQemu = path(u"old-qemu"_s);
        QFile script(m_fakeQemu);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho 'memory-backend-ram'\necho 'name \"virtio-net-pci\"'\n");
        script.close();
        QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ExeOwner));
    }

    void qemuWithoutTheCapabilityIsRefusedWithTheCause() {
        auto engine = engineIn(u"refused"_s);
        QVERIFY(engine);
        CloneOptions options;
        options.mode = u"instant"_s;
        options.start = false;
        auto plan = engine->plan(options, u"177-178"_s);
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan->mode, u"instant"_s);
        const BatchResult result = engine->clone(*plan, options, nullptr);
        QCOMPARE(result.outcomes.size(), 2);
        for (const auto &o : result.outcomes) {
            QVERIFY(!o.ok);
            QVERIFY2(o.message.contains(u"no memory-backend-file"_s), qPrintable(o.message));
        }
        QVERIFY(result.fallback.isEmpty());
        QCOMPARE(engine->inventory().vms()->size(), 0); // nothing reserved
        // The template verb says the same, and leaves no template behind.
        auto made = engine->makeTemplate(u"tiny"_s);
        QVERIFY(!made);
        QVERIFY2(made.error().contains(u"no memory-backend-file"_s), qPrintable(made.error()));
        QVERIFY(!QFileInfo::exists(path(u"refused/templates/tiny"_s)));
    }

    void autoFallsBackToLinkedSayingWhy() {
        auto engine = engineIn(u"fallback"_s);
        QVERIFY(engine);
        CloneOptions options;
        options.mode = u"instant"_s;
        options.instantFallback = true;
        options.start = false;
        auto plan = engine->plan(options, u"177-178"_s);
        QVERIFY2(plan, qPrintable(plan.error()));
        const BatchResult result = engine->clone(*plan, options, nullptr);
        QVERIFY2(result.ok(), qPrintable(result.outcomes.value(0).message));
        QVERIFY2(result.fallback.contains(u"no memory-backend-file"_s),
                 qPrintable(result.fallback));
        const auto vms = engine->inventory().vms();
        QCOMPARE(vms->size(), 2);
        for (const auto &vm : *vms)
            QCOMPARE(vm.cloneMode, u"linked"_s);
        const auto events = engine->inventory().events();
        QVERIFY(events);
        bool logged = false;
        for (const auto &e : *events)
            logged = logged
                     || (e.message.contains(u"linked clones made instead"_s)
                         && e.message.contains(u"no memory-backend-file"_s));
        QVERIFY(logged);
    }

    void vmwareGoldenIsRefusedOrFallsBack() {
        auto engine = engineIn(u"vmware"_s);
        QVERIFY(engine);
        GoldenRecord vmware;
        vmware.name = u"winxp"_s;
        vmware.backend = u"vmware"_s;
        vmware.path = path(u"nowhere/winxp.vmx"_s);
        vmware.subnet = *Subnet::parse(u"10.0.0.0/24"_s);
        vmware.address = *Ipv4Address::parse(u"10.0.0.2"_s);
        vmware.namePrefix = u"xp"_s;
        QVERIFY(engine->inventory().addGolden(vmware));
        CloneOptions options;
        options.golden = u"winxp"_s;
        options.mode = u"instant"_s;
        auto plan = engine->plan(options, u"10.0.0.10"_s);
        QVERIFY(!plan);
        QVERIFY2(plan.error().contains(u"VMware golden"_s) && plan.error().contains(u"QEMU"_s),
                 qPrintable(plan.error()));
        auto made = engine->makeTemplate(u"winxp"_s);
        QVERIFY(!made);
        QVERIFY2(made.error().contains(u"VMware golden"_s), qPrintable(made.error()));
        auto unknown = engine->makeTemplate(u"nosuch"_s);
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().contains(u"'nosuch'"_s), qPrintable(unknown.error()));
    }

    // A template folder without its made.json is what a crash while making it left.
    void recoveryRemovesAHalfMadeTemplate() {
        auto engine = engineIn(u"recovery"_s);
        QVERIFY(engine);
        const QString half = path(u"recovery/templates/tiny"_s);
        QVERIFY(QDir().mkpath(half));
        QFile ram(half + u"/template.ram"_s);
        QVERIFY(ram.open(QIODevice::WriteOnly));
        ram.close();
        auto report = engine->recover(Engine::RecoveryMode::ReportOnly);
        QVERIFY(report);
        QCOMPARE(report->size(), 1);
        QVERIFY(QFileInfo::exists(half));
        auto done = engine->recover();
        QVERIFY(done);
        QCOMPARE(done->size(), 1);
        QCOMPARE(done->first().action, u"removed half-made template"_s);
        QVERIFY(!QFileInfo::exists(half));
        // A complete one stays.
        QVERIFY(QDir().mkpath(half));
        QFile made(half + u"/made.json"_s);
        QVERIFY(made.open(QIODevice::WriteOnly));
        made.write("{}");
        made.close();
        auto again = engine->recover();
        QVERIFY(again && again->isEmpty());
        QVERIFY(QFileInfo::exists(half + u"/made.json"_s));
    }

    // A dead process left an instant clone "starting" and its QEMU never came up: it is
    // settled as configured, and recovery says its next start resumes it from its template
    // (the description still names the template's state). With a QEMU that runs, the guest
    // test tst_instant_cli shows "marked resuming".
    void recoveryOfAnInstantCloneThatDidNotStart() {
        auto engine = engineIn(u"starting"_s);
        QVERIFY(engine);
        auto golden = engine->inventory().goldenByName(u"tiny"_s);
        QVERIFY(golden && golden->has_value());
        VmRecord vm = instantClone(*engine, u"starting"_s, 181);
        vm.owner = u"a-batch-that-died"_s; // no lock file: its process is gone
        QVERIFY(QDir().mkpath(vm.folder));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   vm.folder + u"/disk.qcow2"_s, u"16M"_s}),
                 0);
        QFile machine(vm.folder + u"/machine.json"_s);
        QVERIFY(machine.open(QIODevice::WriteOnly));
        machine.write(R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny-181",
                          "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2",
                          "instant_state": "/nowhere/template.state"})");
        machine.close();
        auto reserved = engine->inventory().reserve({vm});
        QVERIFY2(reserved, qPrintable(reserved.error()));
        QCOMPARE(reserved->taken.size(), 1);
        const qint64 id = reserved->taken.first().id;
        QVERIFY(engine->inventory().setState(id, VmState::Starting));
        auto report = engine->recover(Engine::RecoveryMode::ReportOnly);
        QVERIFY(report);
        QCOMPARE(report->size(), 1);
        QCOMPARE(report->first().action, u"needs recovery"_s);
        auto done = engine->recover();
        QVERIFY2(done, done ? "" : qPrintable(done.error()));
        QCOMPARE(done->size(), 1);
        QCOMPARE(done->first().action, u"marked configured"_s);
        QVERIFY2(done->first().detail.contains(u"resumes it from its template"_s),
                 qPrintable(done->first().detail));
        auto after = engine->inventory().vm(id);
        QVERIFY(after && after->has_value());
        QCOMPARE((*after)->state, VmState::Configured);
        QVERIFY((*after)->owner.isEmpty());
    }

    // golden remove: refused while instant clones use its template (naming how many and
    // the command that releases them); otherwise the template goes with the golden.
    void goldenRemoveGuardsTheTemplate() {
        auto engine = engineIn(u"remove"_s);
        QVERIFY(engine);
        const QString folder = path(u"remove/templates/tiny"_s);
        QVERIFY(QDir().mkpath(folder));
        auto golden = engine->inventory().goldenByName(u"tiny"_s);
        QVERIFY(golden && golden->has_value());
        VmRecord vm = instantClone(*engine, u"remove"_s, 177);
        auto reserved = engine->inventory().reserve({vm});
        QVERIFY2(reserved, qPrintable(reserved.error()));
        QCOMPARE(reserved->taken.size(), 1);
        auto refused = engine->removeGolden(u"tiny"_s);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"1 instant clones use the template of tiny"_s)
                     && refused.error().contains(u"vmeclone release 192.168.1.177"_s),
                 qPrintable(refused.error()));
        QVERIFY(QFileInfo::exists(folder));
        QVERIFY(engine->inventory().removeOwned(reserved->taken.first(),
                                                reserved->taken.first().owner));
        auto removed = engine->removeGolden(u"tiny"_s);
        QVERIFY2(removed, removed ? "" : qPrintable(removed.error()));
        QVERIFY(!QFileInfo::exists(folder));
        QVERIFY(engine->inventory().goldenByName(u"tiny"_s)->has_value() == false);
    }

    // A template made by a vmeclone that gave VMs other devices (before the guest agent's
    // port: its made.json names no device set) cannot be resumed by today's QEMU command
    // line: while instant clones use it, making it again is refused, saying why.
    void aTemplateForOtherDevicesIsNotKeptSilently() {
        auto engine = engineIn(u"devices"_s);
        QVERIFY(engine);
        auto golden = engine->inventory().goldenByName(u"tiny"_s);
        QVERIFY(golden && golden->has_value());
        const QString folder = path(u"devices/templates/tiny"_s);
        QVERIFY(QDir().mkpath(folder));
        QFile made(folder + u"/made.json"_s);
        QVERIFY(made.open(QIODevice::WriteOnly));
        made.write(QJsonDocument(QJsonObject{{u"fingerprint"_s, (*golden)->fingerprint}}).toJson());
        made.close();
        VmRecord vm = instantClone(*engine, u"devices"_s, 178);
        auto reserved = engine->inventory().reserve({vm});
        QVERIFY2(reserved, qPrintable(reserved.error()));
        auto again = engine->makeTemplate(u"tiny"_s);
        QVERIFY2(!again, again ? qPrintable(again->folder + u" "_s + again->remadeWhy) : "");
        QVERIFY2(again.error().contains(u"made for other devices than this vmeclone gives VMs"_s)
                     && again.error().contains(u"vmeclone release 192.168.1.178"_s),
                 qPrintable(again.error()));
        QVERIFY(QFileInfo::exists(folder + u"/made.json"_s)); // nothing removed under a clone
    }

    // A schema-8 inventory (clone_mode allowed linked and full only) is upgraded: its rows
    // stay, 'instant' is accepted, and ids go on after the highest ever handed out.
    void schemaEightUpgradesToAllowInstant() {
        QString dbPath;
        {
            auto engine = engineIn(u"schema8"_s);
            QVERIFY(engine);
            dbPath = engine->config().inventoryPath();
            CloneOptions options;
            options.start = false;
            auto plan = engine->plan(options, u"177-179"_s);
            QVERIFY2(plan, qPrintable(plan.error()));
            QVERIFY(engine->clone(*plan, options, nullptr).ok());
            // The highest id is deleted: it must not be handed out again.
            const auto vms = engine->inventory().vms();
            QCOMPARE(vms->size(), 3);
            QVERIFY(engine->inventory().removeOwned(vms->last(), vms->last().owner));
        }
        qint64 highest = 0;
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw8"_s);
            db.setDatabaseName(dbPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT seq FROM sqlite_sequence WHERE name = 'vms'"_s) && q.next());
            highest = q.value(0).toLongLong();
            QCOMPARE(highest, 3);
            q.finish();
            // Schema 8's table, as it was: the CHECK without 'instant'.
            QVERIFY(q.exec(u"SELECT sql FROM sqlite_master WHERE name = 'vms'"_s) && q.next());
            QString sql = q.value(0).toString();
            q.finish();
            QVERIFY(sql.contains(u"'linked', 'full', 'instant'"_s));
            sql.replace(u"'linked', 'full', 'instant'"_s, u"'linked', 'full'"_s);
            sql.replace(u"CREATE TABLE vms"_s, u"CREATE TABLE vms8"_s);
            for (const QString &stmt :
                 {u"DROP TRIGGER vms_stamp_insert"_s, u"DROP TRIGGER vms_stamp_update"_s,
                  u"DROP TRIGGER vms_stamp_delete"_s, sql, u"INSERT INTO vms8 SELECT * FROM vms"_s,
                  u"DROP TABLE vms"_s, u"ALTER TABLE vms8 RENAME TO vms"_s,
                  u"UPDATE sqlite_sequence SET seq = 3 WHERE name = 'vms'"_s,
                  u"UPDATE meta SET value = '8' WHERE key = 'schema'"_s})
                QVERIFY2(q.exec(stmt), qPrintable(stmt + u": "_s + q.lastError().text()));
            // What schema 8 refuses.
            QVERIFY(!q.exec(u"UPDATE vms SET clone_mode = 'instant'"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"raw8"_s);
        EngineConfig config;
        config.home = path(u"schema8"_s);
        Engine engine(config);
        QVERIFY(engine.open());
        auto vms = engine.inventory().vms();
        QVERIFY(vms);
        QCOMPARE(vms->size(), 2);
        VmRecord vm = vms->first();
        vm.name = u"tiny-190"_s;
        vm.address = *Ipv4Address::parse(u"192.168.1.190"_s);
        vm.mac = MacAddress::forIpv4(vm.address);
        vm.folder = path(u"schema8-shard/tiny-190"_s);
        vm.instance = u"00000000-0000-0000-0000-000000000190"_s;
        vm.cloneMode = u"instant"_s;
        auto reserved = engine.inventory().reserve({vm});
        QVERIFY2(reserved, qPrintable(reserved.error()));
        QCOMPARE(reserved->taken.size(), 1);
        QVERIFY(reserved->taken.first().id > highest);
        QVERIFY(engine.inventory().setState(reserved->taken.first().id, VmState::Resuming));
        auto again = engine.inventory().vm(reserved->taken.first().id);
        QVERIFY(again && again->has_value());
        QCOMPARE((*again)->cloneMode, u"instant"_s);
        QCOMPARE((*again)->state, VmState::Resuming);
    }
};

QTEST_GUILESS_MAIN(TstEngineInstant)
#include "tst_engine_instant.moc"
