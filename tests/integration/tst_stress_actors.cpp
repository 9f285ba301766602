// Stress: several actors share one data folder (two shards) and loop random clone,
// release, list, start, stop and now and then recover over small overlapping ranges,
// each command the real CLI as a child process, all actors' commands overlapping in
// time. Every command ends in success or in a refusal that names another actor or a
// state conflict; none crashes, hangs or takes another actor's files for orphans.
// Afterwards nothing needs recovery, every clone folder on the shards belongs to a row
// and every row to its folder, no address, name, MAC or folder is held twice, every
// QEMU of the test belongs to a running row; and a release of the whole range leaves
// no row, no folder and no process.
//
// Guests are not booted: the tiny golden's disk is empty, so a started QEMU finds
// nothing to boot and idles. Still, it runs only in a network namespace of its own
// (CTest starts it under unshare --net).
//
// VMECLONE_STRESS_SEED replays an actor's choice of commands (the interleaving is the
// machine's); VMECLONE_STRESS_SECONDS sets how long the actors loop (default 120);
// VMECLONE_STRESS_ACTORS how many loop at once (default 3: a stop waits 20 s for a guest
// that ignores the power button, and with two actors one often waits while the other
// has nobody to race; three run about five times as many commands).

#include "support/own_network.h"
#include "cli_runner.h"
#include "inventory/clone_marker.h"
#include "inventory/inventory.h"
#include "inventory/vm_state.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

constexpr int kFirst = 177; // the actors' addresses: 192.168.1.177-186
constexpr int kLast = 186;
constexpr int kMaxRunning = 2;             // QEMUs of the test running at once, about
constexpr int kCommandTimeoutMs = 300'000; // a hang, not a slow command (a stop waits 20 s)
constexpr int kTimelineShown = 60;         // commands printed with a failure

struct Actor {
    int index = 0;
    QRandomGenerator rng;
    std::unique_ptr<QProcess> process;
    QStringList args;
    double startedAt = 0;
    bool timedOut = false;
    bool done = false;
};

struct QemuProcess {
    qint64 pid = 0;
    QString folder; // of its -pidfile
    QString commandLine;
};

// Why a VM's step may fail while other actors work on the same VMs, by kind;
// empty when the message is none of them.
QString conflictKind(const QString &message) {
    static const QList<std::pair<QString, QString>> kinds{
        {u"was released by another actor"_s, u"released by another actor"_s},
        {u"another actor changed it"_s, u"changed by another actor"_s},
        {u"by another batch"_s, u"busy in another batch"_s},
        {u"is in use"_s, u"name, address or folder taken"_s},
        {u"in use by"_s, u"name, address or folder taken"_s},
        {u"exists already"_s, u"folder exists already"_s},
    };
    for (const auto &[text, kind] : kinds)
        if (message.contains(text))
            return kind;
    return {};
}

} // namespace

class TestStressActors : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{u"/tmp/vme-stress-XXXXXX"_s}; // short: QMP socket paths must fit 108 bytes
    std::unique_ptr<CliRunner> m_cli;
    quint32 m_seed = 0;
    int m_seconds = 120;
    int m_actorCount = 3;

    // The run
    std::vector<std::unique_ptr<Actor>> m_actors;
    QDeadlineTimer m_deadline;
    QElapsedTimer m_clock;
    QEventLoop *m_loop = nullptr;
    QStringList m_timeline;
    QStringList m_failures;
    QMap<QString, int> m_counts;
    int m_runningNow = 0;
    int m_overlapping = 0; // commands begun while another actor's command ran
    int m_commands = 0;
    qsizetype m_maxQemus = 0;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }
    QString replay() const {
        return u"seed %1 (replay: VMECLONE_STRESS_SEED=%1 VMECLONE_STRESS_SECONDS=%2 "
               u"VMECLONE_STRESS_ACTORS=%3)"_s.arg(m_seed)
                   .arg(m_seconds)
                   .arg(m_actorCount);
    }
    double now() const { return static_cast<double>(m_clock.elapsed()) / 1000.0; }

    // QEMU processes whose command line names this test's folder.
    QList<QemuProcess> ourQemus() const {
        QList<QemuProcess> found;
        const QByteArray mine = m_dir.path().toUtf8();
        for (const auto &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
            bool isPid = false;
            const qint64 n = pid.toLongLong(&isPid);
            if (!isPid)
                continue;
            QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
            if (!cmdline.open(QIODevice::ReadOnly))
                continue;
            const QList<QByteArray> args = cmdline.readAll().split('\0');
            if (args.isEmpty() || !args.first().contains("qemu")
                || !std::any_of(args.begin(), args.end(),
                                [&](const QByteArray &a) { return a.contains(mine); }))
                continue;
            QemuProcess q{n, {}, {}};
            for (qsizetype i = 0; i < args.size(); ++i) {
                q.commandLine += QString::fromUtf8(args[i]) + u' ';
                if (args[i] == "-pidfile" && i + 1 < args.size())
                    q.folder =
                        QDir::cleanPath(QFileInfo(QString::fromUtf8(args[i + 1])).absolutePath());
            }
            found.append(q);
        }
        return found;
    }

    // "180", "180-182" or "179,184": small and overlapping between actors.
    static QString randomRange(QRandomGenerator &rng, int maxLength) {
        const int a = kFirst + static_cast<int>(rng.bounded(kLast - kFirst + 1));
        if (rng.bounded(8) == 0) {
            const int b = kFirst + static_cast<int>(rng.bounded(kLast - kFirst + 1));
            if (b != a)
                return u"%1,%2"_s.arg(qMin(a, b)).arg(qMax(a, b));
        }
        const int b = qMin(kLast, a + static_cast<int>(rng.bounded(maxLength)));
        return a == b ? QString::number(a) : u"%1-%2"_s.arg(a).arg(b);
    }

    QStringList chooseCommand(Actor &actor) {
        QRandomGenerator &rng = actor.rng;
        const QString jobs = QString::number(1 + rng.bounded(3));
        const int dice = static_cast<int>(rng.bounded(100));
        const QString range = randomRange(rng, 3);
        const QString one = QString::number(kFirst + rng.bounded(kLast - kFirst + 1));
        const bool full = rng.bounded(6) == 0;
        if (dice < 30) {
            QStringList args{u"clone"_s, range, u"--no-start"_s, u"--json"_s, u"--jobs"_s, jobs};
            if (full)
                args << u"--full"_s;
            return args;
        }
        if (dice < 52)
            return {u"release"_s, range, u"--json"_s, u"--jobs"_s, jobs};
        if (dice < 58) {
            // One VM at a time, and only a few running: each costs a 20 s stop later.
            const qsizetype running = ourQemus().size();
            m_maxQemus = qMax(m_maxQemus, running);
            if (running < kMaxRunning)
                return {u"start"_s, one, u"--json"_s};
        }
        if (dice < 68)
            return {u"stop"_s, range, u"--json"_s, u"--jobs"_s, jobs};
        if (dice < 92)
            return {u"list"_s, u"--json"_s};
        return {u"recover"_s, u"--json"_s};
    }

    // What became of one command: "ok", "conflict", "empty" or a failure (why).
    struct Verdict {
        QString outcome;
        QString kind;
        QString failure;
    };

    static Verdict judge(const QStringList &args, bool timedOut, QProcess::ExitStatus status,
                         int exitCode, const QByteArray &out, const QString &err) {
        const QString verb = args.first();
        auto failed = [](const QString &why) {
            return Verdict{u"FAILED"_s, {}, why};
        };
        if (timedOut)
            return failed(u"timed out after %1 s"_s.arg(kCommandTimeoutMs / 1000));
        if (status != QProcess::NormalExit)
            return failed(u"CRASHED (exit status %1)"_s.arg(static_cast<int>(status)));
        if (err.contains(u"orphan"_s, Qt::CaseInsensitive))
            return failed(u"took a clone folder for an orphan"_s);
        if (err.contains(u"recover"_s, Qt::CaseInsensitive))
            return failed(u"recovered (or would recover) VMs, though no vmeclone died"_s);
        if (exitCode != 0 && exitCode != 1)
            return failed(u"exit code %1"_s.arg(exitCode));
        const QJsonDocument doc = QJsonDocument::fromJson(out);

        if (verb == u"list") {
            if (exitCode != 0 || !doc.isArray())
                return failed(u"list failed"_s);
            QSet<QString> names, ips, folders;
            for (const auto &v : doc.array()) {
                const auto vm = v.toObject();
                const QString name = vm.value(u"name"_s).toString();
                const QString ip = vm.value(u"ip"_s).toString();
                const QString folder = vm.value(u"folder"_s).toString();
                if (names.contains(name) || ips.contains(ip) || folders.contains(folder))
                    return failed(u"two rows share %1 / %2 / %3"_s.arg(name, ip, folder));
                names << name;
                ips << ip;
                folders << folder;
            }
            return {u"ok"_s, {}, {}};
        }
        if (verb == u"recover") {
            if (exitCode != 0 || !doc.isArray())
                return failed(u"recover failed"_s);
            if (!doc.array().isEmpty())
                return failed(u"recovered VMs, though no vmeclone died"_s);
            return {u"ok"_s, {}, {}};
        }
        // clone, release, start, stop: the batch report
        if (exitCode == 1 && out.trimmed().isEmpty() && err.contains(u"no VM in"_s))
            return {u"empty"_s, {}, {}};
        if (!doc.isObject() || !doc.object().value(u"results"_s).isArray())
            return failed(u"no batch report on stdout"_s);
        const QJsonObject report = doc.object();
        if (exitCode == 0)
            return report.value(u"ok"_s).toBool() ? Verdict{u"ok"_s, {}, {}}
                                                  : failed(u"exit 0 but the report says not ok"_s);
        QStringList kinds;
        for (const auto &r : report.value(u"results"_s).toArray()) {
            const auto result = r.toObject();
            if (result.value(u"ok"_s).toBool())
                continue;
            const QString message = result.value(u"message"_s).toString();
            const QString kind = conflictKind(message);
            if (kind.isEmpty())
                return failed(
                    u"%1 failed for a reason that is no conflict between actors: %2"_s.arg(
                        result.value(u"ip"_s).toString(), message));
            if (!kinds.contains(kind))
                kinds << kind;
        }
        if (kinds.isEmpty())
            return failed(u"exit 1 but no VM of the report failed"_s);
        kinds.sort();
        return {u"conflict"_s, kinds.join(u", "_s), {}};
    }

    void launch(Actor &actor) {
        if (m_deadline.hasExpired() || !m_failures.isEmpty()) {
            actor.done = true;
            if (std::all_of(m_actors.begin(), m_actors.end(),
                            [](const auto &a) { return a->done; }))
                m_loop->quit();
            return;
        }
        actor.args = chooseCommand(actor);
        actor.timedOut = false;
        actor.startedAt = now();
        ++m_commands;
        if (m_runningNow > 0)
            ++m_overlapping;
        ++m_runningNow;
        m_timeline << u"%1 s  actor %2: vmeclone %3"_s.arg(actor.startedAt, 0, 'f', 3)
                          .arg(actor.index)
                          .arg(actor.args.join(u' '));
        actor.process = std::make_unique<QProcess>();
        QProcess *p = actor.process.get();
        p->setProcessEnvironment(m_cli->environment());
        p->setProgram(m_cli->program());
        p->setArguments(actor.args);
        auto *watchdog = new QTimer(p);
        watchdog->setSingleShot(true);
        connect(watchdog, &QTimer::timeout, p, [&actor, p] {
            actor.timedOut = true;
            p->kill();
        });
        connect(p, &QProcess::finished, this,
                [this, &actor](int exitCode, QProcess::ExitStatus status) {
                    finished(actor, exitCode, status);
                });
        connect(p, &QProcess::errorOccurred, this, [this, &actor](QProcess::ProcessError e) {
            if (e != QProcess::FailedToStart)
                return;
            --m_runningNow;
            m_failures << u"%1\nactor %2: vmeclone %3 did not start: %4"_s.arg(replay())
                              .arg(actor.index)
                              .arg(actor.args.join(u' '), actor.process->errorString());
            actor.process.release()->deleteLater();
            QTimer::singleShot(0, this, [this, &actor] { launch(actor); });
        });
        p->start();
        watchdog->start(kCommandTimeoutMs);
    }

    void finished(Actor &actor, int exitCode, QProcess::ExitStatus status) {
        --m_runningNow;
        QProcess *p = actor.process.get();
        const QByteArray out = p->readAllStandardOutput();
        const QString err = QString::fromUtf8(p->readAllStandardError());
        const Verdict v = judge(actor.args, actor.timedOut, status, exitCode, out, err);
        const QString verb = actor.args.first();
        ++m_counts[verb + u": "_s + v.outcome];
        if (!v.kind.isEmpty())
            ++m_counts[verb + u": "_s + v.outcome + u": "_s + v.kind];
        m_timeline << u"%1 s  actor %2: exit %3 %4 (began %5 s: %6)"_s.arg(now(), 0, 'f', 3)
                          .arg(actor.index)
                          .arg(status == QProcess::NormalExit ? exitCode : -1)
                          .arg(v.outcome + (v.kind.isEmpty() ? QString() : u" ("_s + v.kind + u')'))
                          .arg(actor.startedAt, 0, 'f', 3)
                          .arg(actor.args.join(u' '));
        if (!v.failure.isEmpty()) {
            const QString report =
                u"%1\nactor %2: vmeclone %3\n  -> %4\n--- stderr:\n%5--- stdout:\n%6--- recent "
                u"commands of all actors:\n%7"_s.arg(replay())
                    .arg(actor.index)
                    .arg(actor.args.join(u' '), v.failure, err, QString::fromUtf8(out),
                         m_timeline.mid(qMax<qsizetype>(0, m_timeline.size() - kTimelineShown))
                             .join(u'\n'));
            qWarning().noquote() << report;
            m_failures << report;
        }
        actor.process.release()->deleteLater();
        launch(actor);
    }

    // Rows and folders agree, nothing is in flight, every QEMU of the test belongs to a
    // running row; `expectEmpty`: no row, no folder, no QEMU at all.
    void checkConsistent(bool expectEmpty) {
        const auto listed = m_cli->run({u"list"_s, u"--json"_s});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY2(!listed.err.contains(u"orphan"_s, Qt::CaseInsensitive)
                     && !listed.err.contains(u"recover"_s, Qt::CaseInsensitive),
                 qPrintable(listed.err));
        QHash<QString, QString> listedFolder; // name -> folder, as the CLI shows them
        for (const auto &v : listed.json().array())
            listedFolder.insert(v.toObject().value(u"name"_s).toString(),
                                QDir::cleanPath(v.toObject().value(u"folder"_s).toString()));

        auto opened = Inventory::open(path(u"home/inventory.sqlite"_s));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
        const std::unique_ptr<Inventory> inventory = std::move(*opened);
        const auto vms = inventory->vms();
        QVERIFY2(vms, qPrintable(vms ? QString() : vms.error()));
        const auto shards = inventory->shards();
        QVERIFY2(shards, qPrintable(shards ? QString() : shards.error()));
        QCOMPARE(shards->size(), qsizetype(2));
        QHash<qint64, QString> shardPath;
        for (const auto &s : *shards)
            shardPath.insert(s.id, QDir::cleanPath(s.path));

        QHash<QString, VmRecord> rowByFolder;
        QSet<QString> names, addresses, macs, instances;
        for (const auto &vm : *vms) {
            const QString folder = QDir::cleanPath(vm.folder);
            const QString what = u"%1 (%2, %3, %4)"_s.arg(vm.name, vm.address.toString(),
                                                          vmStateName(vm.state), folder);
            QVERIFY2(!names.contains(vm.name), qPrintable(u"two rows named "_s + what));
            QVERIFY2(!addresses.contains(vm.address.toString()),
                     qPrintable(u"two rows with the address of "_s + what));
            QVERIFY2(!macs.contains(vm.mac.toString()),
                     qPrintable(u"two rows with the MAC of "_s + what));
            QVERIFY2(!instances.contains(vm.instance),
                     qPrintable(u"two rows with the instance of "_s + what));
            QVERIFY2(!rowByFolder.contains(folder),
                     qPrintable(u"two rows with the folder of "_s + what));
            names << vm.name;
            addresses << vm.address.toString();
            macs << vm.mac.toString();
            instances << vm.instance;
            rowByFolder.insert(folder, vm);

            const auto state = vm.state;
            QVERIFY2(state != VmState::Planned && state != VmState::Copying
                         && state != VmState::Starting && state != VmState::Stopping
                         && state != VmState::Releasing,
                     qPrintable(u"still in flight with no vmeclone running: "_s + what));
            QVERIFY2(listedFolder.value(vm.name) == folder,
                     qPrintable(u"list --json does not show "_s + what));
            QVERIFY2(QFileInfo(folder).absolutePath() == shardPath.value(vm.shardId),
                     qPrintable(u"not a folder of its shard: "_s + what));
            const auto marker = CloneMarker::readFrom(folder);
            QVERIFY2(marker, qPrintable(u"the row's folder is gone or unmarked: "_s + what));
            QVERIFY2(marker->dataFolderId == inventory->dataFolderId()
                         && marker->instance == vm.instance,
                     qPrintable(u"the folder's mark (%1, %2) is not the row's (%3, %4): "_s.arg(
                                    marker->dataFolderId, marker->instance,
                                    inventory->dataFolderId(), vm.instance)
                                + what));
            for (const QString &file :
                 QStringList{u"machine.json"_s, u"identity.conf"_s, vm.name + u".qcow2"_s})
                QVERIFY2(QFileInfo::exists(folder + u'/' + file),
                         qPrintable(u"%1 lacks %2"_s.arg(what, file)));
        }
        QCOMPARE(listedFolder.size(), vms->size());

        // Every folder (every entry) on the shards is a row's.
        for (const auto &shard : *shards) {
            for (const auto &entry : QDir(shard.path)
                                         .entryInfoList(QDir::AllEntries | QDir::Hidden
                                                        | QDir::System | QDir::NoDotAndDotDot)) {
                const QString folder = QDir::cleanPath(entry.absoluteFilePath());
                const auto marker = CloneMarker::readFrom(folder);
                QVERIFY2(rowByFolder.contains(folder),
                         qPrintable(u"%1 on a shard belongs to no row (%2)"_s.arg(
                             folder, marker ? u"marked for instance "_s + marker->instance
                                            : u"no clone mark"_s)));
            }
        }

        // Every QEMU of the test runs for a running row; no stopped row has one.
        const auto qemus = ourQemus();
        QSet<QString> qemuFolders;
        for (const auto &q : qemus) {
            QVERIFY2(
                rowByFolder.contains(q.folder),
                qPrintable(u"QEMU pid %1 runs for no row: %2"_s.arg(q.pid).arg(q.commandLine)));
            const VmRecord &vm = rowByFolder[q.folder];
            QVERIFY2(vmStateIsRunning(vm.state) || vm.state == VmState::Failed,
                     qPrintable(u"QEMU pid %1 runs for %2, which is %3"_s.arg(q.pid).arg(
                         vm.name, vmStateName(vm.state))));
            qemuFolders << q.folder;
        }
        for (const auto &vm : *vms)
            QVERIFY2(!vmStateIsRunning(vm.state)
                         || qemuFolders.contains(QDir::cleanPath(vm.folder)),
                     qPrintable(u"%1 is %2 but no QEMU runs for it"_s.arg(vm.name,
                                                                          vmStateName(vm.state))));
        if (expectEmpty) {
            QCOMPARE(vms->size(), qsizetype(0));
            QCOMPARE(qemus.size(), qsizetype(0));
        }
        qInfo().noquote()
            << u"consistent: %1 rows, %2 QEMUs running"_s.arg(vms->size()).arg(qemus.size());
    }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
        QVERIFY2(!QStandardPaths::findExecutable(u"qemu-system-x86_64"_s).isEmpty(),
                 "the actors start VMs: install qemu-system-x86");

        bool ok = false;
        m_seed = qEnvironmentVariable("VMECLONE_STRESS_SEED").toUInt(&ok);
        if (!ok)
            m_seed = QRandomGenerator::global()->generate();
        if (const int s = qEnvironmentVariableIntValue("VMECLONE_STRESS_SECONDS", &ok); ok && s > 0)
            m_seconds = s;
        if (const int n = qEnvironmentVariableIntValue("VMECLONE_STRESS_ACTORS", &ok); ok && n > 1)
            m_actorCount = n;
        qInfo().noquote() << replay();

        QVERIFY(m_dir.isValid());
        for (const auto &d : {u"golden"_s, u"home"_s, u"shard-a"_s, u"shard-b"_s})
            QVERIFY(QDir().mkpath(path(d)));
        QCOMPARE(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                                   path(u"golden/disk.qcow2"_s), u"64M"_s}),
                 0);
        QFile json(path(u"golden/tiny.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"format": "vmeclone-qemu-machine", "version": 1, "name": "tiny",
            "memory_mb": 64, "disk": "disk.qcow2", "disk_format": "qcow2", "suffix": 176,
            "subnet": "192.168.1.0/24"})");
        json.close();
        m_cli = std::make_unique<CliRunner>(QStringLiteral(VMECLONE_CLI), path(u"home"_s));
        for (const QStringList &args :
             {QStringList{u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s)},
              QStringList{u"shard"_s, u"add"_s, path(u"shard-a"_s)},
              QStringList{u"shard"_s, u"add"_s, path(u"shard-b"_s)}}) {
            const auto r = m_cli->run(args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
    }

    void cleanupTestCase() {
        // Whatever failed, no QEMU outlives the test.
        if (m_cli && !ourQemus().isEmpty())
            m_cli->run({u"release"_s, u"%1-%2"_s.arg(kFirst).arg(kLast)});
        for (const auto &q : ourQemus()) {
            qWarning() << "killing a QEMU the release left:" << q.pid << q.commandLine;
            ::kill(static_cast<pid_t>(q.pid), SIGKILL);
        }
    }

    // The actors loop until the time is up (or a command fails), each command a child
    // process; they overlap all the time.
    void actorsLoopOnOverlappingRanges() {
        for (int i = 0; i < m_actorCount; ++i) {
            auto actor = std::make_unique<Actor>();
            actor->index = i + 1;
            actor->rng.seed(m_seed + static_cast<quint32>(i) * 7919u);
            m_actors.push_back(std::move(actor));
        }
        QEventLoop loop;
        m_loop = &loop;
        m_clock.start();
        m_deadline = QDeadlineTimer(std::chrono::seconds(m_seconds));
        QTimer::singleShot(0, this, [this] {
            for (auto &a : m_actors)
                launch(*a);
        });
        loop.exec();
        m_loop = nullptr;

        QStringList counts;
        for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
            counts << u"  %1: %2"_s.arg(it.key()).arg(it.value());
        qInfo().noquote() << u"%1 commands by %2 actors in %3 s, %4 begun while another ran; up "
                             u"to %5 QEMUs seen running; %6\n%7"_s.arg(m_commands)
                                 .arg(m_actorCount)
                                 .arg(now(), 0, 'f', 1)
                                 .arg(m_overlapping)
                                 .arg(m_maxQemus)
                                 .arg(replay(), counts.join(u'\n'));
        if (!m_failures.isEmpty())
            QFAIL(qPrintable(u"%1 command(s) failed; the first:\n%2"_s.arg(m_failures.size())
                                 .arg(m_failures.first())));
        QVERIFY(m_overlapping > 0);
    }

    // No vmeclone runs any more: there is nothing to recover, and rows and folders agree.
    void afterTheActorsAllIsConsistent() {
        const auto recovered = m_cli->run({u"recover"_s, u"--json"_s});
        QVERIFY2(recovered.exitCode == 0, qPrintable(recovered.err));
        QVERIFY2(!recovered.err.contains(u"orphan"_s, Qt::CaseInsensitive),
                 qPrintable(recovered.err));
        QVERIFY2(recovered.json().isArray() && recovered.json().array().isEmpty(),
                 qPrintable(u"%1\n%2"_s.arg(replay(), QString::fromUtf8(recovered.out))));
        checkConsistent(false);
    }

    // A release of the whole range leaves no row, no folder and no process.
    void releaseOfTheRangeLeavesNothing() {
        const bool any = !m_cli->run({u"list"_s, u"--json"_s}).json().array().isEmpty();
        const auto released = m_cli->run({u"release"_s, u"%1-%2"_s.arg(kFirst).arg(kLast)});
        if (any)
            QVERIFY2(released.exitCode == 0, qPrintable(replay() + u'\n' + released.err));
        else
            QVERIFY2(released.exitCode == 1 && released.err.contains(u"no VM in"_s),
                     qPrintable(released.err));
        QVERIFY2(!released.err.contains(u"orphan"_s, Qt::CaseInsensitive),
                 qPrintable(released.err));
        QCOMPARE(ourQemus().size(), qsizetype(0));
        checkConsistent(true);
        for (const auto &shard : {path(u"shard-a"_s), path(u"shard-b"_s)})
            QCOMPARE(QDir(shard).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                     QStringList());
    }

    // What the loop found (runs with seeds 2186009213 and 3840304839: a start's and a
    // stop's recovery "rolled back" a VM a clone had just made and reported done), made
    // certain: a recovery reads the VMs, and one it read in flight (planned) finishes
    // meanwhile, its process exits. The recovery must leave it alone. Here a dead
    // actor's release (its QEMU ignores the power button: 20 s to stop) holds the
    // recovery up while the clone finishes. Its own data folder and shard.
    void recoveryLeavesAVmFinishedMeanwhileAlone() {
        QVERIFY(QDir().mkpath(path(u"shard-r"_s)));
        CliRunner cli(QStringLiteral(VMECLONE_CLI), path(u"home-r"_s));
        for (const QStringList &args :
             {QStringList{u"golden"_s, u"add"_s, path(u"golden/tiny.json"_s)},
              QStringList{u"shard"_s, u"add"_s, path(u"shard-r"_s)},
              QStringList{u"clone"_s, u"177"_s, u"--no-start"_s},
              QStringList{u"start"_s, u"177"_s}}) {
            const auto r = cli.run(args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(u' ') + u": "_s + r.err));
        }
        // Actor A: clone 180, paused right after its reservation (vm180 planned).
        QProcess a;
        const QString pause = path(u"paused-clone"_s);
        auto env = cli.environment();
        env.insert(u"VMECLONE_PAUSE_AT"_s, u"planned"_s);
        env.insert(u"VMECLONE_PAUSE_FILE"_s, pause);
        a.setProcessEnvironment(env);
        a.start(cli.program(), {u"clone"_s, u"180"_s, u"--no-start"_s});
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pause) || a.state() == QProcess::NotRunning, 60000);
        QVERIFY2(QFile::exists(pause), a.readAllStandardError().constData());
        // Actor D: release 177, killed while releasing (vm177 releasing, its owner dead).
        {
            QProcess d;
            env = cli.environment();
            env.insert(u"VMECLONE_CRASH_AT"_s, u"releasing"_s);
            d.setProcessEnvironment(env);
            d.start(cli.program(), {u"release"_s, u"177"_s});
            QVERIFY(d.waitForFinished(60000));
            QCOMPARE(d.exitStatus(), QProcess::CrashExit);
        }
        auto opened = Inventory::open(path(u"home-r/inventory.sqlite"_s));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
        const std::unique_ptr<Inventory> inventory = std::move(*opened);
        auto ownerOf = [&](const QString &ip) {
            const auto vm = inventory->vmByAddress(*Ipv4Address::parse(ip));
            return vm && vm->has_value() ? (*vm)->owner : QString();
        };
        const QString deadOwner = ownerOf(u"192.168.1.177"_s);
        QVERIFY(!deadOwner.isEmpty());

        // Actor B: recover. It reads both VMs, claims vm177 and stops its QEMU (20 s).
        QProcess b;
        b.setProcessEnvironment(cli.environment());
        b.start(cli.program(), {u"recover"_s});
        QTRY_VERIFY_WITH_TIMEOUT(
            ownerOf(u"192.168.1.177"_s) != deadOwner || b.state() == QProcess::NotRunning, 30000);
        QVERIFY2(b.state() == QProcess::Running,
                 "the recovery was over before A went on: no race made");

        // Meanwhile A finishes: vm180 is configured, and A exits.
        QVERIFY(QFile::remove(pause));
        QVERIFY(a.waitForFinished(60000));
        const QString aErr = QString::fromUtf8(a.readAllStandardError());
        QVERIFY2(a.exitStatus() == QProcess::NormalExit && a.exitCode() == 0, qPrintable(aErr));
        QVERIFY2(aErr.contains(u"clone: 1 of 1 done"_s), qPrintable(aErr));

        QVERIFY(b.waitForFinished(120000));
        const QString bErr = QString::fromUtf8(b.readAllStandardError());
        QVERIFY2(b.exitStatus() == QProcess::NormalExit && b.exitCode() == 0, qPrintable(bErr));
        QVERIFY2(bErr.contains(u"recovered vm177"_s), qPrintable(bErr));
        // The clone A made and reported done is there, whole.
        QVERIFY2(!bErr.contains(u"vm180"_s),
                 qPrintable(u"the recovery took vm180, which A had finished, for "
                            u"interrupted:\n"_s
                            + bErr));
        const auto vm = inventory->vmByAddress(*Ipv4Address::parse(u"192.168.1.180"_s));
        QVERIFY(vm && vm->has_value());
        QCOMPARE(vmStateName((*vm)->state), u"configured"_s);
        QVERIFY(CloneMarker::readFrom((*vm)->folder));
        const auto released = cli.run({u"release"_s, u"177-180"_s});
        QVERIFY2(released.exitCode == 0, qPrintable(released.err));
    }
};

QTEST_GUILESS_MAIN(TestStressActors)
#include "tst_stress_actors.moc"
