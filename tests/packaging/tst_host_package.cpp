// The host .deb: built by cpack from this build into a temporary folder, unpacked with
// dpkg -x into a clean root (no dependencies resolved: the host's Qt serves), and its
// programs run from there; its metadata checked with dpkg-deb, desktop-file-validate and
// appstreamcli.

#include "support/ci_skip.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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
        u"./usr/bin/vmeclone"_s,
        u"./usr/bin/vmeclone-console"_s,
        u"./usr/share/applications/org.vmeclone.Console.desktop"_s,
        u"./usr/share/doc/vmeclone/golden-image.md"_s,
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

QTEST_GUILESS_MAIN(TstHostPackage)
#include "tst_host_package.moc"
