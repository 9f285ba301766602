// Vmrun against the vmrun contract double (tests/vmrun-double): every verb with the
// exact command line it runs, VMware's errors passed on verbatim with their exit code,
// hung calls killed and reported, a soft stop that fails or hangs followed by a hard
// one, and where vmrun is found and which -T it gets.

#include "hypervisor/vmrun.h"
#include "vmware_fixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace vmeclone;
using namespace vmware_fixture;

namespace {

const char *const kKnobs[] = {"FAKE_VMRUN_DELAY_MS", "FAKE_VMRUN_HANG",
                              "FAKE_VMRUN_SOFT_STOP_IGNORED", "FAKE_VMRUN_IP"};

bool processGone(qint64 pid) {
    return ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH;
}

} // namespace

class TestVmrun : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_savedPath;

    QString path(const QString &relative) const { return m_dir->filePath(relative); }
    QString logPath() const { return path(u"vmrun.log"_s); }

    Vmrun vmrun(std::chrono::milliseconds timeout = 30s) const {
        auto v = Vmrun::create(VmrunConfig{QStringLiteral(FAKE_VMRUN), u"player"_s, timeout});
        if (!v)
            qFatal("%s", qPrintable(v.error()));
        return *v;
    }

    // A VM the double will start: a flat disk and a static MAC of VMware's range.
    QString makeVm(const QString &name, const QString &mac = u"00:50:56:28:01:b1"_s) {
        const QString folder = path(name);
        QDir().mkpath(folder);
        if (!makeFlatDisk(folder, name)
            || !writeFile(folder + u'/' + name + u".vmx"_s, vmxText(name, name + u".vmdk"_s, mac)))
            qFatal("cannot write the fixture VM %s", qPrintable(name));
        return folder + u'/' + name + u".vmx"_s;
    }

    QList<QStringList> calls() const {
        QList<QStringList> out;
        for (QStringList call : loggedCalls(logPath())) {
            call.removeFirst(); // the pid
            out << call;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() { m_savedPath = qEnvironmentVariable("PATH"); }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        qputenv("FAKE_VMRUN_STATE", path(u"vmrun.state"_s).toUtf8());
        qputenv("FAKE_VMRUN_LOG", logPath().toUtf8());
        for (const char *knob : kKnobs)
            qunsetenv(knob);
    }

    void cleanup() {
        qputenv("PATH", m_savedPath.toUtf8());
        m_dir.reset();
    }

    void createRefusesBadInput_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing program")
            << u"/nonexistent/vmrun"_s << u"player"_s << u"/nonexistent/vmrun"_s;
        QTest::newRow("unknown type") << QStringLiteral(FAKE_VMRUN) << u"fusion"_s << u"player"_s;
    }

    void createRefusesBadInput() {
        QFETCH(QString, program);
        QFETCH(QString, type);
        QFETCH(QString, mentions);
        auto v = Vmrun::create(VmrunConfig{program, type, 30s});
        QVERIFY(!v);
        QVERIFY2(v.error().contains(mentions), qPrintable(v.error()));
        // The program given is a refusal of that input (the CLI names its --vmrun).
        if (program != QStringLiteral(FAKE_VMRUN)) {
            QCOMPARE(v.failure().field, Field::Vmrun);
            QCOMPARE(v.failure().value, program);
        }
    }

    void standardLocations() {
#ifdef Q_OS_WIN
        const QStringList locations = Vmrun::standardLocations();
        QVERIFY(
            locations.contains(u"C:/Program Files (x86)/VMware/VMware Workstation/vmrun.exe"_s));
        QVERIFY(locations.contains(u"C:/Program Files (x86)/VMware/VMware VIX/vmrun.exe"_s));
#else
        QCOMPARE(Vmrun::standardLocations(),
                 (QStringList{u"/usr/bin/vmrun"_s, u"/usr/local/bin/vmrun"_s}));
#endif
    }

    void findsVmrunOnPath() {
        const QString bin = path(u"bin"_s);
        QVERIFY(QDir().mkpath(bin));
        QVERIFY(QFile::link(QStringLiteral(FAKE_VMRUN), bin + u"/vmrun"_s));
        qputenv("PATH", bin.toUtf8());
        auto found = Vmrun::find();
        QVERIFY2(found, qPrintable(found.error()));
        QCOMPARE(*found, bin + u"/vmrun"_s);
        // ... and uses it when no program is given.
        auto v = Vmrun::create(VmrunConfig{{}, u"player"_s, 30s});
        QVERIFY2(v, qPrintable(v.error()));
        QCOMPARE(v->program(), bin + u"/vmrun"_s);
    }

    void notFoundSaysWhatToDo() {
        const auto standard = Vmrun::standardLocations();
        if (std::any_of(standard.begin(), standard.end(),
                        [](const QString &p) { return QFileInfo::exists(p); }))
            QSKIP("a vmrun is installed in a standard folder here");
        qputenv("PATH", path(u"empty"_s).toUtf8());
        auto found = Vmrun::find();
        QVERIFY(!found);
        // Says what to do; the way to give the path is the CLI's to name (its --vmrun).
        QVERIFY2(found.error().contains(u"install VMware Workstation Pro"_s)
                     && found.error().contains(u"give its path"_s)
                     && found.error().contains(u"support.broadcom.com"_s),
                 qPrintable(found.error()));
        QCOMPARE(found.failure().field, Field::Vmrun);
        QCOMPARE(found.failure().problem, Problem::Missing);
    }

    void detectsProductType_data() {
        QTest::addColumn<bool>("workstation");
        QTest::addColumn<bool>("player");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("reason");
        // Workstation installs vmplayer too: only its own program tells it from Player.
        QTest::newRow("Workstation's vmware beside it")
            << true << true << u"ws"_s << u"VMware Workstation's program"_s;
        QTest::newRow("Player's vmplayer alone: Player")
            << false << true << u"player"_s << u"only VMware Player is installed"_s;
        // Player is discontinued: a lone vmrun is taken for Workstation Pro's.
        QTest::newRow("vmrun alone: Workstation Pro")
            << false << false << u"ws"_s << u"Workstation Pro assumed"_s;
    }

    void detectsProductType() {
        QFETCH(bool, workstation);
        QFETCH(bool, player);
        QFETCH(QString, type);
        QFETCH(QString, reason);
        const QString bin = path(u"bin"_s);
        QDir(bin).removeRecursively();
        QVERIFY(QDir().mkpath(bin));
        QVERIFY(QFile::link(QStringLiteral(FAKE_VMRUN), bin + u"/vmrun"_s));
        if (player) {
            QVERIFY(writeFile(bin + u"/vmplayer"_s, "#!/bin/sh\n"));
            QVERIFY(QFile(bin + u"/vmplayer"_s)
                        .setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        if (workstation) {
            QVERIFY(writeFile(bin + u"/vmware"_s, "#!/bin/sh\n"));
            QVERIFY(QFile(bin + u"/vmware"_s)
                        .setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        qputenv("PATH", bin.toUtf8());
        const auto detected = Vmrun::detectType(bin + u"/vmrun"_s);
        QCOMPARE(detected.type, type);
        QVERIFY2(detected.reason.contains(reason), qPrintable(detected.reason));
        auto v = Vmrun::create(VmrunConfig{bin + u"/vmrun"_s, {}, 30s});
        QVERIFY2(v, qPrintable(v.error()));
        QCOMPARE(v->type(), type);
        QCOMPARE(v->typeReason(), detected.reason);
        // An explicit type wins.
        auto forced =
            Vmrun::create(VmrunConfig{bin + u"/vmrun"_s, workstation ? u"player"_s : u"ws"_s, 30s});
        QVERIFY(forced);
        QCOMPARE(forced->type(), workstation ? u"player"_s : u"ws"_s);
    }

    void startListStop() {
        const QString vmx = makeVm(u"vm177"_s);
        const Vmrun v = vmrun();
        auto before = v.list();
        QVERIFY2(before, qPrintable(before.error()));
        QVERIFY(before->isEmpty());

        QVERIFY2(v.start(vmx, u"vm177"_s), "start");
        auto running = v.list();
        QVERIFY2(running, qPrintable(running.error()));
        QCOMPARE(*running, QStringList{vmx});
        auto isRunning = v.isRunning(vmx);
        QVERIFY(isRunning && *isRunning);

        auto stopped = v.stop(vmx, u"vm177"_s, true, 30s);
        QVERIFY2(stopped, qPrintable(stopped.error()));
        isRunning = v.isRunning(vmx);
        QVERIFY(isRunning && !*isRunning);
        // Stopping a VM that is off is not an error (vmrun says it is not powered on).
        QVERIFY2(v.stop(vmx, u"vm177"_s, true, 30s), "second stop");

        // The exact command lines of the contract.
        QCOMPARE(calls(), (QList<QStringList>{
                              {u"-T"_s, u"player"_s, u"list"_s},
                              {u"-T"_s, u"player"_s, u"start"_s, vmx, u"nogui"_s},
                              {u"-T"_s, u"player"_s, u"list"_s},
                              {u"-T"_s, u"player"_s, u"list"_s},
                              {u"-T"_s, u"player"_s, u"stop"_s, vmx, u"hard"_s},
                              {u"-T"_s, u"player"_s, u"list"_s},
                              {u"-T"_s, u"player"_s, u"stop"_s, vmx, u"hard"_s},
                          }));
    }

    void errorsVerbatim_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("start of a missing .vmx")
            << u"missing"_s << u"Error: Cannot open VM: %1, The virtual machine cannot be found"_s;
        QTest::newRow("start of a running VM")
            << u"running"_s
            << u"Error: The virtual machine should not be powered on. It is already running."_s;
        QTest::newRow("snapshot on Player")
            << u"snapshot"_s << u"Error: The operation is not supported"_s;
        QTest::newRow("unknown command")
            << u"unknown"_s << u"Error: Unrecognized command: frobnicate"_s;
    }

    void errorsVerbatim() {
        QFETCH(QString, what);
        QFETCH(QString, expected);
        const Vmrun v = vmrun();
        const QString vmx = makeVm(u"vm178"_s);
        Status s;
        if (what == u"missing") {
            const QString missing = path(u"gone/vm178.vmx"_s);
            expected = expected.arg(missing);
            s = v.start(missing, u"vm178"_s);
        } else if (what == u"running") {
            QVERIFY(v.start(vmx, u"vm178"_s));
            s = v.start(vmx, u"vm178"_s);
        } else if (what == u"snapshot") {
            auto out = v.run({u"snapshot"_s, vmx, u"base"_s}, 30s, u"snapshot vm178"_s);
            s = out ? Status() : Status(fail(out.error()));
        } else {
            auto out = v.run({u"frobnicate"_s}, 30s, u"frobnicate vm178"_s);
            s = out ? Status() : Status(fail(out.error()));
        }
        QVERIFY(!s);
        QVERIFY2(s.error().contains(expected), qPrintable(s.error()));
        QVERIFY2(s.error().contains(u"exit code 255"_s), qPrintable(s.error()));
        QVERIFY2(s.error().contains(u"vm178"_s), qPrintable(s.error()));
    }

    // vmrun on Windows exits with -1, which VMware's users quote as 4294967295; the
    // message says it as they know it (the double, on Linux, can only exit with 255).
    void exitCodeAsVmwareUsersQuoteIt_data() {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("shown");
        QTest::newRow("Linux") << 255 << u"exit code 255"_s;
        QTest::newRow("Windows -1") << -1 << u"exit code 4294967295"_s;
        QTest::newRow("Windows 1") << 1 << u"exit code 1"_s;
    }

    void exitCodeAsVmwareUsersQuoteIt() {
        QFETCH(int, exitCode);
        QFETCH(QString, shown);
        const QString message = Vmrun::describeFailure(
            u"start vm178"_s, {exitCode, u"Error: The file is already in use\n"_s});
        QCOMPARE(message, u"vmrun start vm178 failed (%1): Error: The file is already in use"_s.arg(
                              shown));
        QCOMPARE(Vmrun::describeFailure(u"list"_s, {exitCode, u"  "_s}),
                 u"vmrun list failed (%1): it printed nothing"_s.arg(shown));
    }

    void hungCallIsKilledAndReported() {
        qputenv("FAKE_VMRUN_HANG", "list");
        const Vmrun v = vmrun(1s);
        auto listed = v.list();
        QVERIFY(!listed);
        QVERIFY2(listed.error().contains(u"did not finish within 1 s: killed it"_s),
                 qPrintable(listed.error()));
        const auto logged = loggedCalls(logPath());
        QCOMPARE(logged.size(), 1);
        QVERIFY2(processGone(logged.first().first().toLongLong()), "the hung vmrun still runs");
    }

    void softStopIgnoredThenHard() {
        const QString vmx = makeVm(u"vm179"_s);
        const Vmrun v = vmrun();
        QVERIFY(v.start(vmx, u"vm179"_s));
        qputenv("FAKE_VMRUN_SOFT_STOP_IGNORED", "1");
        auto s = v.stopSoftThenHard(vmx, u"vm179"_s, 5s);
        QVERIFY2(s, qPrintable(s.error()));
        auto running = v.isRunning(vmx);
        QVERIFY(running && !*running);
        const auto c = calls();
        QCOMPARE(c.at(1), (QStringList{u"-T"_s, u"player"_s, u"stop"_s, vmx, u"soft"_s}));
        QCOMPARE(c.at(2), (QStringList{u"-T"_s, u"player"_s, u"stop"_s, vmx, u"hard"_s}));
    }

    void softStopHangsThenHard() {
        const QString vmx = makeVm(u"vm180"_s);
        const Vmrun v = vmrun();
        QVERIFY(v.start(vmx, u"vm180"_s));
        qputenv("FAKE_VMRUN_HANG", "stop-soft");
        auto s = v.stopSoftThenHard(vmx, u"vm180"_s, 1s);
        QVERIFY2(s, qPrintable(s.error()));
        auto running = v.isRunning(vmx);
        QVERIFY(running && !*running);
        const auto logged = loggedCalls(logPath());
        QCOMPARE(logged.at(1).mid(1),
                 (QStringList{u"-T"_s, u"player"_s, u"stop"_s, vmx, u"soft"_s}));
        QVERIFY(processGone(logged.at(1).first().toLongLong()));
        QCOMPARE(logged.at(2).mid(1),
                 (QStringList{u"-T"_s, u"player"_s, u"stop"_s, vmx, u"hard"_s}));
    }

    void stopFailsWhenHardFailsToo() {
        const QString vmx = makeVm(u"vm181"_s);
        QVERIFY(vmrun().start(vmx, u"vm181"_s));
        qputenv("FAKE_VMRUN_HANG", "stop");
        auto s = vmrun(1s).stopSoftThenHard(vmx, u"vm181"_s, 1s);
        QVERIFY(!s);
        QVERIFY2(s.error().contains(u"stop vm181 (soft)"_s)
                     && s.error().contains(u"stop vm181 (hard)"_s),
                 qPrintable(s.error()));
    }

    void slowStart() {
        const QString vmx = makeVm(u"vm182"_s);
        qputenv("FAKE_VMRUN_DELAY_MS", "3000");
        auto tooSlow = vmrun(200ms).start(vmx, u"vm182"_s);
        QVERIFY(!tooSlow);
        QVERIFY2(tooSlow.error().contains(u"start vm182 did not finish"_s),
                 qPrintable(tooSlow.error()));
        qputenv("FAKE_VMRUN_DELAY_MS", "200");
        auto s = vmrun().start(vmx, u"vm182"_s);
        QVERIFY2(s, qPrintable(s.error()));
        auto running = vmrun().isRunning(vmx);
        QVERIFY(running && *running);
    }

    void guestIpAddress() {
        const QString vmx = makeVm(u"vm183"_s);
        const Vmrun v = vmrun(30s);
        QVERIFY(v.start(vmx, u"vm183"_s));
        qputenv("FAKE_VMRUN_IP", "192.0.2.183");
        auto ip = v.guestIpAddress(vmx, u"vm183"_s, 30s);
        QVERIFY2(ip, qPrintable(ip.error()));
        QCOMPARE(*ip, u"192.0.2.183"_s);
        QCOMPARE(calls().last(),
                 (QStringList{u"-T"_s, u"player"_s, u"getGuestIPAddress"_s, vmx, u"-wait"_s}));

        qputenv("FAKE_VMRUN_IP", "unknown");
        ip = v.guestIpAddress(vmx, u"vm183"_s, 30s);
        QVERIFY(!ip);
        QVERIFY2(ip.error().contains(u"not an IPv4 address"_s), qPrintable(ip.error()));

        // The Tools never report: -wait waits forever, the timeout ends it.
        qunsetenv("FAKE_VMRUN_IP");
        ip = v.guestIpAddress(vmx, u"vm183"_s, 1s);
        QVERIFY(!ip);
        QVERIFY2(ip.error().contains(u"getGuestIPAddress vm183 did not finish"_s),
                 qPrintable(ip.error()));
    }

    void parseList_data() {
        QTest::addColumn<QString>("output");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("vms");
        QTest::newRow("none") << u"Total running VMs: 0\n"_s << true << QStringList{};
        QTest::newRow("two") << u"Total running VMs: 2\n/vms/a/a.vmx\n/vms/b b/b.vmx\n"_s << true
                             << QStringList{u"/vms/a/a.vmx"_s, u"/vms/b b/b.vmx"_s};
        QTest::newRow("windows") << u"Total running VMs: 1\r\nD:\\VMs\\vm177\\vm177.vmx\r\n"_s
                                 << true << QStringList{u"D:\\VMs\\vm177\\vm177.vmx"_s};
        QTest::newRow("no final newline")
            << u"Total running VMs: 1\n/a.vmx"_s << true << QStringList{u"/a.vmx"_s};
        QTest::newRow("no header") << u"/a.vmx\n"_s << false << QStringList{};
        QTest::newRow("empty") << QString() << false << QStringList{};
        QTest::newRow("count too high")
            << u"Total running VMs: 2\n/a.vmx\n"_s << false << QStringList{};
        QTest::newRow("count too low")
            << u"Total running VMs: 0\n/a.vmx\n"_s << false << QStringList{};
        QTest::newRow("an error instead")
            << u"Error: Unable to connect to host.\n"_s << false << QStringList{};
    }

    void parseList() {
        QFETCH(QString, output);
        QFETCH(bool, ok);
        QFETCH(QStringList, vms);
        auto parsed = Vmrun::parseList(output);
        QCOMPARE(parsed.ok(), ok);
        if (ok)
            QCOMPARE(*parsed, vms);
    }

    void samePath_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("equal") << u"/vms/a/a.vmx"_s << u"/vms/a/a.vmx"_s << true;
        QTest::newRow("dot segments") << u"/vms/a/../a/./a.vmx"_s << u"/vms/a/a.vmx"_s << true;
        QTest::newRow("other file") << u"/vms/a/a.vmx"_s << u"/vms/b/a.vmx"_s << false;
#ifdef Q_OS_WIN
        QTest::newRow("case (Windows)")
            << u"D:\\VMs\\VM177\\vm177.VMX"_s << u"d:/vms/vm177/vm177.vmx"_s << true;
#else
        QTest::newRow("case (Unix)") << u"/VMs/vm177.vmx"_s << u"/vms/vm177.vmx"_s << false;
#endif
    }

    void samePath() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(Vmrun::samePath(a, b), same);
    }
};

QTEST_GUILESS_MAIN(TestVmrun)
#include "tst_vmrun.moc"
