// The host .deb: built by cpack from this build into a temporary folder, unpacked with
// dpkg -x into a clean root (no dependencies resolved: the host's Qt serves), and its
// programs run from there; its metadata checked with dpkg-deb, desktop-file-validate and
// appstreamcli.

#include "support/ci_skip.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted() || !p.waitForFinished(240'000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TstHostPackage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void controlFields_data();
    void controlFields();
    void files();
    void programsRunFromTheUnpackedPackage_data();
    void programsRunFromTheUnpackedPackage();
    void noBuildPathsInThePrograms();
    void desktopEntry();
    void appStreamMetadata();
    void listenerConfigurationIsConffiles();
    void listenerUnitVerifies();
    void listenerInitScriptParses();
    void listenerInitScriptRuns();

private:
    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root;
};

void TstHostPackage::initTestCase() {
    QVERIFY(m_dir.isValid());
    // The same command the host-package target runs, into a folder of the test's own.
    const Run cpack = run(QStringLiteral(VMECLONE_CPACK),
                          {u"-G"_s, u"DEB"_s, u"--config"_s, QStringLiteral(VMECLONE_CPACK_CONFIG),
                           u"-B"_s, m_dir.path()});
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.out + cpack.err));
    const QStringList debs = QDir(m_dir.path()).entryList({u"vmeclone_*.deb"_s}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = QDir(m_dir.path()).filePath(debs.first());
    QCOMPARE(debs.first(),
             u"vmeclone_%1_amd64.deb"_s.arg(QStringLiteral(VMECLONE_PACKAGE_VERSION)));
    m_root = m_dir.filePath(u"root"_s);
    const Run x = run(u"dpkg"_s, {u"-x"_s, m_deb, m_root});
    QVERIFY2(x.exitCode == 0, qPrintable(x.err));
}

void TstHostPackage::controlFields_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("pattern");

    QTest::newRow("Package") << u"Package"_s << u"^vmeclone$"_s;
    QTest::newRow("Version") << u"Version"_s
                             << u"^%1$"_s.arg(QRegularExpression::escape(
                                    QStringLiteral(VMECLONE_PACKAGE_VERSION)));
    // dpkg-shlibdeps found the Qt libraries; the SQLite driver plugin is declared by hand.
    QTest::newRow("Depends: Qt") << u"Depends"_s << u"(^|, )libqt6core6( |,|$)"_s;
    QTest::newRow("Depends: Widgets") << u"Depends"_s << u"(^|, )libqt6widgets6( |,|$)"_s;
    QTest::newRow("Depends: libyaml") << u"Depends"_s << u"(^|, )libyaml-0-2( |,|$)"_s;
    QTest::newRow("Depends: SQLite driver") << u"Depends"_s << u"(^|, )libqt6sql6-sqlite(,|$)"_s;
    QTest::newRow("Recommends") << u"Recommends"_s << u"^qemu-system-x86, qemu-utils, e2fsprogs$"_s;
    QTest::newRow("Section") << u"Section"_s << u"^admin$"_s;
    QTest::newRow("Maintainer") << u"Maintainer"_s << u"<.+@.+>"_s;
}

void TstHostPackage::controlFields() {
    QFETCH(QString, field);
    QFETCH(QString, pattern);
    const Run f = run(u"dpkg-deb"_s, {u"-f"_s, m_deb, field});
    QCOMPARE(f.exitCode, 0);
    const QString value = f.out.trimmed();
    QVERIFY2(QRegularExpression(pattern).match(value).hasMatch(),
             qPrintable(field + u": "_s + value));
}

void TstHostPackage::files() {
    const Run c = run(u"dpkg"_s, {u"-c"_s, m_deb});
    QCOMPARE(c.exitCode, 0);
    QStringList files;
    for (const QString &line : c.out.split(u'\n', Qt::SkipEmptyParts))
        if (!line.startsWith(u'd'))
            files << line.section(u' ', -1);
    files.sort();
    const QStringList expected{
        u"./etc/default/vmeclone-listener"_s,
        u"./etc/init.d/vmeclone-listener"_s,
        u"./lib/systemd/system/vmeclone-listener.service"_s,
        u"./usr/bin/vmeclone"_s,
        u"./usr/bin/vmeclone-console"_s,
        u"./usr/share/applications/org.vmeclone.Console.desktop"_s,
        u"./usr/share/doc/vmeclone/golden-image.md"_s,
        u"./usr/share/doc/vmeclone/hosts.md"_s,
        u"./usr/share/icons/hicolor/256x256/apps/org.vmeclone.Console.png"_s,
        u"./usr/share/icons/hicolor/48x48/apps/org.vmeclone.Console.png"_s,
        u"./usr/share/icons/hicolor/scalable/apps/org.vmeclone.Console.svg"_s,
        u"./usr/share/metainfo/org.vmeclone.Console.metainfo.xml"_s,
    };
    // Exactly these: in particular no guest agent (guests get it in packages of their own).
    QCOMPARE(files, expected);
    QVERIFY2(c.out.contains(u"-rwxr-xr-x root/root"_s), qPrintable(c.out));
}

void TstHostPackage::programsRunFromTheUnpackedPackage_data() {
    QTest::addColumn<QString>("program");
    QTest::newRow("vmeclone") << u"vmeclone"_s;
    QTest::newRow("vmeclone-console") << u"vmeclone-console"_s;
}

void TstHostPackage::programsRunFromTheUnpackedPackage() {
    QFETCH(QString, program);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"LD_LIBRARY_PATH"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const QString path = m_root + u"/usr/bin/"_s + program;
    QVERIFY(QFileInfo(path).isExecutable());
    const Run r = run(path, {u"--version"_s}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(r.out.trimmed(), u"vmeclone %1"_s.arg(QStringLiteral(VMECLONE_PACKAGE_VERSION)));
}

void TstHostPackage::noBuildPathsInThePrograms() {
    // Installed programs find their libraries where the system keeps them, never in the build.
    for (const QString &program : {u"vmeclone"_s, u"vmeclone-console"_s}) {
        const Run r = run(u"readelf"_s, {u"-d"_s, m_root + u"/usr/bin/"_s + program});
        if (r.exitCode < 0)
            VMECLONE_SKIP_UNLESS_CI("readelf (binutils) is not installed");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(u"RPATH"_s) && !r.out.contains(u"RUNPATH"_s), qPrintable(r.out));
    }
}

void TstHostPackage::desktopEntry() {
    const QString desktop = m_root + u"/usr/share/applications/org.vmeclone.Console.desktop"_s;
    QFile f(desktop);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    // What it names is in the package: the program and the icon.
    const QString exec = QRegularExpression(u"^Exec=(\\S+)"_s, QRegularExpression::MultilineOption)
                             .match(text)
                             .captured(1);
    QCOMPARE(exec, u"vmeclone-console"_s);
    QVERIFY(QFileInfo::exists(m_root + u"/usr/bin/"_s + exec));
    const QString icon = QRegularExpression(u"^Icon=(\\S+)"_s, QRegularExpression::MultilineOption)
                             .match(text)
                             .captured(1);
    QVERIFY(
        QFileInfo::exists(m_root + u"/usr/share/icons/hicolor/scalable/apps/%1.svg"_s.arg(icon)));
    QVERIFY(QFileInfo::exists(m_root + u"/usr/share/icons/hicolor/48x48/apps/%1.png"_s.arg(icon)));
    const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
    if (validator.isEmpty())
        VMECLONE_SKIP_UNLESS_CI("desktop-file-validate is not installed (desktop-file-utils)");
    const Run v = run(validator, {desktop});
    QVERIFY2(v.exitCode == 0 && v.out.trimmed().isEmpty(), qPrintable(v.out + v.err));
}

void TstHostPackage::appStreamMetadata() {
    const QString metainfo = m_root + u"/usr/share/metainfo/org.vmeclone.Console.metainfo.xml"_s;
    QFile f(metainfo);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY2(text.contains(u"<release version=\"%1\" date=\""_s.arg(
                 QStringLiteral(VMECLONE_PACKAGE_VERSION))),
             qPrintable(text));
    QVERIFY(!text.contains(u'@')); // every @VAR@ was filled in
    const QString appstreamcli = QStandardPaths::findExecutable(u"appstreamcli"_s);
    if (appstreamcli.isEmpty())
        VMECLONE_SKIP_UNLESS_CI("appstreamcli is not installed (appstream)");
    const Run v = run(appstreamcli, {u"validate"_s, u"--no-net"_s, u"--no-color"_s, metainfo});
    QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
}

void TstHostPackage::listenerConfigurationIsConffiles() {
    // An upgrade keeps what the operator changed in /etc.
    QTemporaryDir control;
    QVERIFY(control.isValid());
    const Run e = run(u"dpkg-deb"_s, {u"-e"_s, m_deb, control.path()});
    QVERIFY2(e.exitCode == 0, qPrintable(e.err));
    QFile f(control.filePath(u"conffiles"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QStringList conffiles = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    conffiles.sort();
    QCOMPARE(conffiles, (QStringList{u"/etc/default/vmeclone-listener"_s,
                                     u"/etc/init.d/vmeclone-listener"_s}));
    const Run c = run(u"dpkg"_s, {u"-c"_s, m_deb});
    QVERIFY2(QRegularExpression(u"^-rwxr-xr-x root/root .* \\./etc/init\\.d/vmeclone-listener$"_s,
                                QRegularExpression::MultilineOption)
                 .match(c.out)
                 .hasMatch(),
             qPrintable(c.out));
}

void TstHostPackage::listenerUnitVerifies() {
    // systemd's own check of the unit as installed (not started: no systemd runs here), in
    // the unpacked package as its root: what the unit needs of the system is copied in
    // (systemd's own units, setpriv from util-linux). Verify exits 0 on a setting it
    // ignores, but names the unit: nothing may be said about it.
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    if (analyze.isEmpty() || !QFileInfo::exists(u"/lib/systemd/system/sysinit.target"_s))
        VMECLONE_SKIP_UNLESS_CI("systemd-analyze is not installed (systemd)");
    const QString unit = m_root + u"/lib/systemd/system/vmeclone-listener.service"_s;
    QVERIFY(QFileInfo::exists(unit));
    const Run cp =
        run(u"cp"_s, {u"-rn"_s, u"/lib/systemd/system/."_s, m_root + u"/lib/systemd/system/"_s});
    QVERIFY2(cp.exitCode == 0, qPrintable(cp.err));
    if (!QFileInfo::exists(m_root + u"/usr/bin/setpriv"_s))
        QVERIFY(QFile::copy(u"/usr/bin/setpriv"_s, m_root + u"/usr/bin/setpriv"_s));
    const Run v = run(analyze, {u"verify"_s, u"--man=no"_s, u"--root="_s + m_root,
                                u"/lib/systemd/system/vmeclone-listener.service"_s});
    QVERIFY2(v.exitCode == 0 && !v.err.contains(u"vmeclone-listener"_s), qPrintable(v.out + v.err));
    QFile f(unit);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    for (const QString &line :
         {u"EnvironmentFile=/etc/default/vmeclone-listener"_s, u"Type=simple"_s,
          u"Restart=on-failure"_s, u"NoNewPrivileges=yes"_s, u"WantedBy=multi-user.target"_s})
        QVERIFY2(text.contains(line), qPrintable(line));
}

void TstHostPackage::listenerInitScriptParses() {
    const QString script = m_root + u"/etc/init.d/vmeclone-listener"_s;
    QVERIFY(QFileInfo(script).isExecutable());
    for (const QString &shell : {u"sh"_s, u"dash"_s, u"bash"_s}) {
        const QString path = QStandardPaths::findExecutable(shell);
        if (path.isEmpty())
            continue;
        const Run n = run(path, {u"-n"_s, script});
        QVERIFY2(n.exitCode == 0, qPrintable(shell + u": "_s + n.err));
    }
    // The LSB header insserv and update-rc.d read: every field they need, with values.
    QFile f(script);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    const auto header =
        QRegularExpression(u"^### BEGIN INIT INFO\n((?:#.*\n)+?)### END INIT INFO$"_s,
                           QRegularExpression::MultilineOption)
            .match(text);
    QVERIFY2(header.hasMatch(), "no LSB header");
    QHash<QString, QString> fields;
    for (const QString &line : header.captured(1).split(u'\n', Qt::SkipEmptyParts)) {
        const auto m = QRegularExpression(u"^# ([A-Za-z-]+):\\s+(.+)$"_s).match(line);
        if (m.hasMatch())
            fields.insert(m.captured(1), m.captured(2).trimmed());
    }
    QCOMPARE(fields.value(u"Provides"_s), u"vmeclone-listener"_s);
    QCOMPARE(fields.value(u"Default-Start"_s), u"2 3 4 5"_s);
    QCOMPARE(fields.value(u"Default-Stop"_s), u"0 1 6"_s);
    for (const QString &field : {u"Required-Start"_s, u"Required-Stop"_s, u"Short-Description"_s})
        QVERIFY2(!fields.value(field).isEmpty(), qPrintable(field));
    const QString checker = QStandardPaths::findExecutable(u"checkbashisms"_s);
    if (!checker.isEmpty()) {
        const Run c = run(checker, {script});
        QVERIFY2(c.exitCode == 0, qPrintable(c.out + c.err));
    }
}

void TstHostPackage::listenerInitScriptRuns() {
    // The package's script and program for real: start with a data folder and a free port of
    // the test's own, status, the listener holds the port, stop, gone.
    const QString script = m_root + u"/etc/init.d/vmeclone-listener"_s;
    const QString vmeclone = m_root + u"/usr/bin/vmeclone"_s;
    if (QStandardPaths::findExecutable(u"start-stop-daemon"_s, {u"/sbin"_s, u"/usr/sbin"_s})
            .isEmpty())
        VMECLONE_SKIP_UNLESS_CI("start-stop-daemon is not installed (dpkg)");
    QTemporaryDir work;
    QVERIFY(work.isValid());
    quint16 port = 0;
    {
        QUdpSocket probe; // a free UDP port, given back at once
        QVERIFY(probe.bind(QHostAddress::Any, 0));
        port = probe.localPort();
    }
    const QString home = work.filePath(u"home"_s);
    const QString pidfile = work.filePath(u"listener.pid"_s);
    const QString log = work.filePath(u"listener.log"_s);
    const passwd *pw = ::getpwuid(::geteuid());
    const group *gr = ::getgrgid(::getegid());
    QVERIFY(pw && gr);
    QFile defaults(work.filePath(u"defaults"_s));
    QVERIFY(defaults.open(QIODevice::WriteOnly));
    defaults.write(
        u"DAEMON=%1\nPIDFILE=%2\nLOGFILE=%3\nVMECLONE_HOME=%4\nVMECLONE_PORT=%5\n"
        u"VMECLONE_USER=%6\nVMECLONE_GROUP=%7\n"_s.arg(vmeclone, pidfile, log, home)
            .arg(port)
            .arg(QString::fromLocal8Bit(pw->pw_name), QString::fromLocal8Bit(gr->gr_name))
            .toUtf8());
    defaults.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"VMECLONE_LISTENER_DEFAULTS"_s, defaults.fileName());
    env.insert(u"PATH"_s, env.value(u"PATH"_s) + u":/sbin:/usr/sbin"_s);
    env.remove(u"LD_LIBRARY_PATH"_s);
    const auto stopAnyway = qScopeGuard([&] { run(script, {u"stop"_s}, env); });

    Run r = run(script, {u"status"_s}, env);
    QCOMPARE(r.exitCode, 3);
    r = run(script, {u"start"_s}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err + u"\nlog: "_s + log));
    QVERIFY(QFileInfo::exists(pidfile));
    r = run(script, {u"status"_s}, env);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"is running"_s), qPrintable(r.out + r.err));
    // The listener answers: its own host description says so, and the port is taken.
    QProcessEnvironment plain = env;
    plain.insert(u"VMECLONE_PORT"_s, QString::number(port));
    r = run(vmeclone, {u"--home"_s, home, u"host"_s, u"self"_s, u"--json"_s}, plain);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject listener =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"listener"_s).toObject();
    QVERIFY2(listener.value(u"running"_s).toBool(), qPrintable(r.out));
    QCOMPARE(listener.value(u"port"_s).toInt(), int(port));
    QVERIFY(!QUdpSocket().bind(QHostAddress::Any, port));
    r = run(script, {u"start"_s}, env); // once is enough
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"running already"_s), qPrintable(r.out + r.err));

    r = run(script, {u"stop"_s}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(!QFileInfo::exists(pidfile));
    QVERIFY(QUdpSocket().bind(QHostAddress::Any, port)); // stop waits for the end
    r = run(script, {u"status"_s}, env);
    QCOMPARE(r.exitCode, 3);
    QFile logFile(log);
    QVERIFY(logFile.open(QIODevice::ReadOnly));
    QVERIFY2(logFile.readAll().contains("listening for announcements"), qPrintable(log));
}

QTEST_GUILESS_MAIN(TstHostPackage)
#include "tst_host_package.moc"
