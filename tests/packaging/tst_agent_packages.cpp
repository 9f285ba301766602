// The guest agent's packages, made by packaging/agent/build-agent-packages.sh into a
// temporary folder: the .deb and .rpm list the expected files, modes and scripts, carry the
// agent's exact bytes, and the .rpm stays readable by CentOS 6's rpm 4.8; the tarball's
// install.sh installs and enables the agent in systemd, CentOS 6 and busybox guest trees
// (as golden check then sees it) and --uninstall takes it all back.

#include "support/ci_skip.h"
#include "golden/guest_hazards.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h> // readlink: a link's own text (Qt 6.4 only gives it resolved)

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, const QString &workingDirectory = {}) {
    QProcess p;
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted() || !p.waitForFinished(120'000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QByteArray sha256(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QString source(const QString &relative) {
    return QStringLiteral(VMECLONE_SOURCE_DIR) + u'/' + relative;
}

// Every entry under `root` with its kind, mode and (for links) target: a tree's snapshot.
QStringList snapshot(const QString &root) {
    QStringList out;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString rel = info.filePath().mid(root.size());
        if (info.isSymLink()) {
            char target[4096];
            const ssize_t n =
                ::readlink(QFile::encodeName(info.filePath()).constData(), target, sizeof target);
            out << u"%1 -> %2"_s.arg(rel, QString::fromLocal8Bit(target, n < 0 ? 0 : n));
        } else {
            out << u"%1 %2 %3"_s
                       .arg(rel,
                            info.isDir() ? u"dir"_s : QString::fromLatin1(sha256(info.filePath())))
                       .arg(int(info.permissions()), 0, 16);
        }
    }
    out.sort();
    return out;
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace

class TstAgentPackages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void debFilesAndModes();
    void debScripts();
    void debCarriesTheAgent();
    void rpmFiles();
    void rpmScripts();
    void rpmReadableByOldRpm();
    void rpmCarriesTheAgent();
    void tarballFiles();
    void installScript_data();
    void installScript();
    void refusesADynamicAgent();

private:
    QString path(const QString &name) const { return QDir(m_dir.path()).filePath(name); }
    bool haveRpm() const { return !QStandardPaths::findExecutable(u"rpm"_s).isEmpty(); }

    QTemporaryDir m_dir;
    QString m_version = QStringLiteral(VMECLONE_PACKAGE_VERSION);
    QString m_deb, m_rpm, m_tarball;
};

void TstAgentPackages::initTestCase() {
    QVERIFY(m_dir.isValid());
    QStringList formats{u"deb"_s, u"tar"_s};
    if (!QStandardPaths::findExecutable(u"rpmbuild"_s).isEmpty())
        formats << u"rpm"_s;
    const Run b =
        run(u"bash"_s, {source(u"packaging/agent/build-agent-packages.sh"_s), u"--agent"_s,
                        QStringLiteral(VMECLONE_AGENT_BINARY), u"--version"_s, m_version,
                        u"--out"_s, m_dir.path(), u"--formats"_s, formats.join(u','),
                        u"--deb-arch"_s, u"amd64"_s, u"--rpm-arch"_s, u"x86_64"_s});
    QVERIFY2(b.exitCode == 0, qPrintable(b.out + b.err));
    m_deb = path(u"vmeclone-agent_%1_amd64.deb"_s.arg(m_version));
    m_rpm = path(u"vmeclone-agent-%1-1.x86_64.rpm"_s.arg(m_version));
    m_tarball = path(u"vmeclone-agent-%1-linux-x86_64.tar.gz"_s.arg(m_version));
    QVERIFY(QFileInfo::exists(m_deb));
    QVERIFY(QFileInfo::exists(m_tarball));
    // Only the packages are left: no half-made folder.
    QStringList expected{QFileInfo(m_deb).fileName(), QFileInfo(m_tarball).fileName()};
    if (formats.contains(u"rpm"_s))
        expected << QFileInfo(m_rpm).fileName();
    expected.sort();
    QCOMPARE(QDir(m_dir.path())
                 .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name),
             expected);
}

void TstAgentPackages::debFilesAndModes() {
    const Run c = run(u"dpkg"_s, {u"-c"_s, m_deb});
    QCOMPARE(c.exitCode, 0);
    QStringList files;
    for (const QString &line : c.out.split(u'\n', Qt::SkipEmptyParts))
        if (!line.startsWith(u'd'))
            files << line.section(u' ', 0, 1) + u' ' + line.section(u' ', -1);
    files.sort();
    QCOMPARE(files, (QStringList{
                        u"-rw-r--r-- root/root ./etc/vmeclone/agent.conf"_s,
                        u"-rw-r--r-- root/root ./lib/systemd/system/vmeclone-agent.service"_s,
                        u"-rw-r--r-- root/root ./usr/share/doc/vmeclone-agent/README.md"_s,
                        u"-rw-r--r-- root/root ./usr/share/doc/vmeclone-agent/libyaml-License"_s,
                        u"-rwxr-xr-x root/root ./etc/init.d/vmeclone-agent"_s,
                        u"-rwxr-xr-x root/root ./usr/sbin/vmeclone-agent"_s,
                    }));
    const Run f = run(u"dpkg-deb"_s, {u"-f"_s, m_deb, u"Package"_s, u"Version"_s, u"Architecture"_s,
                                      u"Depends"_s});
    QCOMPARE(f.out, u"Package: vmeclone-agent\nVersion: %1\nArchitecture: amd64\n"_s.arg(
                        m_version)); // static: no Depends
}

void TstAgentPackages::debScripts() {
    const Run info = run(u"dpkg"_s, {u"-I"_s, m_deb});
    QCOMPARE(info.exitCode, 0);
    for (const QString &member : {u"postinst"_s, u"prerm"_s, u"postrm"_s, u"conffiles"_s})
        QVERIFY2(info.out.contains(member), qPrintable(info.out));
    const Run conffiles = run(u"dpkg-deb"_s, {u"-I"_s, m_deb, u"conffiles"_s});
    QCOMPARE(conffiles.out, u"/etc/init.d/vmeclone-agent\n/etc/vmeclone/agent.conf\n"_s);
    const Run postinst = run(u"dpkg-deb"_s, {u"-I"_s, m_deb, u"postinst"_s});
    QVERIFY(postinst.out.contains(u"systemctl enable vmeclone-agent.service"_s));
    QVERIFY(postinst.out.contains(u"update-rc.d vmeclone-agent defaults"_s));
    static const QRegularExpression starts(
        u"systemctl (--now )?start|enable --now|invoke-rc.d|service vmeclone-agent start|init.d/vmeclone-agent start"_s);
    QVERIFY2(!starts.match(postinst.out).hasMatch(),
             "the postinst must not start the agent in the golden");
    const Run prerm = run(u"dpkg-deb"_s, {u"-I"_s, m_deb, u"prerm"_s});
    QVERIFY(prerm.out.contains(u"systemctl disable vmeclone-agent.service"_s));
    for (const QString &script : {u"postinst"_s, u"prerm"_s, u"postrm"_s}) {
        const Run sh = run(u"sh"_s, {u"-n"_s, source(u"packaging/agent/deb/"_s + script)});
        QVERIFY2(sh.exitCode == 0, qPrintable(script + sh.err));
    }
}

void TstAgentPackages::debCarriesTheAgent() {
    const QString root = path(u"deb-root"_s);
    QCOMPARE(run(u"dpkg"_s, {u"-x"_s, m_deb, root}).exitCode, 0);
    QCOMPARE(sha256(root + u"/usr/sbin/vmeclone-agent"_s),
             sha256(QStringLiteral(VMECLONE_AGENT_BINARY)));
    QCOMPARE(sha256(root + u"/etc/init.d/vmeclone-agent"_s),
             sha256(source(u"guest-agent/init/vmeclone-agent.init"_s)));
    QCOMPARE(sha256(root + u"/lib/systemd/system/vmeclone-agent.service"_s),
             sha256(source(u"guest-agent/init/vmeclone-agent.service"_s)));
    const Run version = run(root + u"/usr/sbin/vmeclone-agent"_s, {u"--version"_s});
    QCOMPARE(version.out.trimmed(), u"vmeclone-agent %1"_s.arg(m_version));
    // The unpacked tree is what golden check calls an installed, enabled agent (the
    // postinst's links aside, which dpkg -x does not run): installed, so not "missing".
    for (const auto &h : vmeclone::GuestHazards::find(root))
        QVERIFY2(h.id != u"agent-missing", qPrintable(h.what));
}

void TstAgentPackages::rpmFiles() {
    if (!haveRpm())
        VMECLONE_SKIP_UNLESS_CI("rpm is not installed (Debian package rpm)");
    const Run l =
        run(u"rpm"_s,
            {u"-qp"_s, u"--qf"_s,
             u"[%{FILEMODES:perms} %{FILEUSERNAME}/%{FILEGROUPNAME} %{FILENAMES}\n]"_s, m_rpm});
    QCOMPARE(l.exitCode, 0);
    QCOMPARE(l.out, u"-rwxr-xr-x root/root /etc/rc.d/init.d/vmeclone-agent\n"
                    u"drwxr-xr-x root/root /etc/vmeclone\n"
                    u"-rw-r--r-- root/root /etc/vmeclone/agent.conf\n"
                    u"-rw-r--r-- root/root /usr/lib/systemd/system/vmeclone-agent.service\n"
                    u"-rwxr-xr-x root/root /usr/sbin/vmeclone-agent\n"
                    u"drwxr-xr-x root/root /usr/share/doc/vmeclone-agent\n"
                    u"-rw-r--r-- root/root /usr/share/doc/vmeclone-agent/libyaml-License\n"_s);
    const Run list = run(u"rpm"_s, {u"-qlp"_s, m_rpm});
    QCOMPARE(list.out.split(u'\n', Qt::SkipEmptyParts).size(), 7);
    const Run config = run(u"rpm"_s, {u"-qcp"_s, m_rpm});
    QCOMPARE(config.out, u"/etc/rc.d/init.d/vmeclone-agent\n/etc/vmeclone/agent.conf\n"_s);
}

void TstAgentPackages::rpmScripts() {
    if (!haveRpm())
        VMECLONE_SKIP_UNLESS_CI("rpm is not installed (Debian package rpm)");
    const Run s = run(u"rpm"_s, {u"-qp"_s, u"--scripts"_s, m_rpm});
    QCOMPARE(s.exitCode, 0);
    const qsizetype post = s.out.indexOf(u"postinstall scriptlet"_s);
    const qsizetype preun = s.out.indexOf(u"preuninstall scriptlet"_s);
    QVERIFY2(post >= 0 && preun > post, qPrintable(s.out));
    const QString postScript = s.out.mid(post, preun - post);
    QVERIFY(postScript.contains(u"/sbin/chkconfig --add vmeclone-agent"_s));
    QVERIFY(postScript.contains(u"systemctl enable vmeclone-agent.service"_s));
    QVERIFY(s.out.mid(preun).contains(u"/sbin/chkconfig --del vmeclone-agent"_s));
}

void TstAgentPackages::rpmReadableByOldRpm() {
    if (!haveRpm())
        VMECLONE_SKIP_UNLESS_CI("rpm is not installed (Debian package rpm)");
    // rpm 4.8 (CentOS 6) reads gzip payloads and SHA-256 file digests (algorithm 8);
    // it knows only these rpmlib() features, and no weak or rich dependencies.
    const Run q = run(u"rpm"_s, {u"-qp"_s, u"--qf"_s,
                                 u"%{PAYLOADCOMPRESSOR} %{FILEDIGESTALGO} %{ARCH}\n"_s, m_rpm});
    QCOMPARE(q.out, u"gzip 8 x86_64\n"_s);
    const Run required = run(u"rpm"_s, {u"-qp"_s, u"--requires"_s, m_rpm});
    const QStringList known{u"rpmlib(CompressedFileNames)"_s, u"rpmlib(FileDigests)"_s,
                            u"rpmlib(PayloadFilesHavePrefix)"_s, u"/bin/sh"_s};
    for (const QString &line : required.out.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(known.contains(line.section(u' ', 0, 0)), qPrintable(line));
    for (const QString &tag :
         {u"--recommends"_s, u"--suggests"_s, u"--supplements"_s, u"--enhances"_s})
        QCOMPARE(run(u"rpm"_s, {u"-qp"_s, tag, m_rpm}).out, QString());
}

void TstAgentPackages::rpmCarriesTheAgent() {
    if (!haveRpm() || QStandardPaths::findExecutable(u"rpm2cpio"_s).isEmpty())
        VMECLONE_SKIP_UNLESS_CI("rpm2cpio is not installed (Debian package rpm)");
    const QString root = path(u"rpm-root"_s);
    QDir().mkpath(root);
    QProcess unpack;
    QProcess cpio;
    unpack.setStandardOutputProcess(&cpio);
    cpio.setWorkingDirectory(root);
    unpack.start(QStandardPaths::findExecutable(u"rpm2cpio"_s), {m_rpm});
    cpio.start(u"cpio"_s, {u"-idm"_s, u"--quiet"_s});
    QVERIFY(unpack.waitForFinished() && cpio.waitForFinished());
    QCOMPARE(cpio.exitCode(), 0);
    QCOMPARE(sha256(root + u"/usr/sbin/vmeclone-agent"_s),
             sha256(QStringLiteral(VMECLONE_AGENT_BINARY)));
    QCOMPARE(sha256(root + u"/etc/rc.d/init.d/vmeclone-agent"_s),
             sha256(source(u"guest-agent/init/vmeclone-agent.init"_s)));
}

void TstAgentPackages::tarballFiles() {
    const Run t = run(u"tar"_s, {u"tzvf"_s, m_tarball});
    QCOMPARE(t.exitCode, 0);
    const QString top = u"vmeclone-agent-%1-linux-x86_64/"_s.arg(m_version);
    QStringList files;
    for (const QString &line : t.out.split(u'\n', Qt::SkipEmptyParts))
        if (!line.startsWith(u'd'))
            files << line.section(u' ', 0, 0) + u' ' + line.section(u' ', 1, 1) + u' '
                         + line.section(u' ', -1);
    QCOMPARE(files, (QStringList{
                        u"-rw-r--r-- 0/0 %1README.md"_s.arg(top),
                        u"-rw-r--r-- 0/0 %1agent.conf"_s.arg(top),
                        u"-rwxr-xr-x 0/0 %1install.sh"_s.arg(top),
                        u"-rw-r--r-- 0/0 %1libyaml-License"_s.arg(top),
                        u"-rwxr-xr-x 0/0 %1vmeclone-agent"_s.arg(top),
                        u"-rwxr-xr-x 0/0 %1vmeclone-agent.init"_s.arg(top),
                        u"-rw-r--r-- 0/0 %1vmeclone-agent.service"_s.arg(top),
                    }));
}

void TstAgentPackages::installScript_data() {
    QTest::addColumn<QStringList>("guest");    // files of the guest tree before
    QTest::addColumn<QStringList>("expected"); // entries install.sh adds (links with targets)

    QTest::newRow("systemd")
        << QStringList{u"/usr/lib/systemd/systemd"_s, u"/etc/os-release"_s}
        << QStringList{u"/etc/systemd/system/vmeclone-agent.service"_s,
                       u"/etc/systemd/system/multi-user.target.wants/vmeclone-agent.service -> "
                       u"/etc/systemd/system/vmeclone-agent.service"_s,
                       u"/etc/init.d/vmeclone-agent"_s};
    QTest::newRow("CentOS 6")
        << QStringList{u"/etc/redhat-release"_s,   u"/etc/rc.d/init.d/network"_s,
                       u"/etc/rc.d/rc0.d/.keep"_s, u"/etc/rc.d/rc1.d/.keep"_s,
                       u"/etc/rc.d/rc2.d/.keep"_s, u"/etc/rc.d/rc3.d/.keep"_s,
                       u"/etc/rc.d/rc4.d/.keep"_s, u"/etc/rc.d/rc5.d/.keep"_s,
                       u"/etc/rc.d/rc6.d/.keep"_s, u"/etc/passwd"_s}
        << QStringList{u"/etc/rc.d/init.d/vmeclone-agent"_s,
                       u"/etc/rc.d/rc3.d/S90vmeclone-agent -> ../init.d/vmeclone-agent"_s,
                       u"/etc/rc.d/rc0.d/K10vmeclone-agent -> ../init.d/vmeclone-agent"_s};
    QTest::newRow("busybox") << QStringList{u"/etc/init.d/rcS"_s, u"/etc/inittab"_s}
                             << QStringList{u"/etc/init.d/vmeclone-agent"_s};
}

void TstAgentPackages::installScript() {
    QFETCH(QStringList, guest);
    QFETCH(QStringList, expected);

    QTemporaryDir work;
    QCOMPARE(run(u"tar"_s, {u"xzf"_s, m_tarball, u"-C"_s, work.path()}).exitCode, 0);
    const QString installer =
        work.filePath(u"vmeclone-agent-%1-linux-x86_64/install.sh"_s.arg(m_version));
    const QString root = work.filePath(u"guest"_s);
    for (const QString &f : guest)
        writeFile(root + f, f.endsWith(u"rcS"_s) ? "#!/bin/sh\nmount -a\n" : "x\n");
    const QStringList before = snapshot(root);

    const Run install = run(u"sh"_s, {installer, u"--root"_s, root});
    QVERIFY2(install.exitCode == 0, qPrintable(install.out + install.err));
    QVERIFY2(install.out.contains(u"installed in "_s + QFileInfo(root).canonicalFilePath()),
             qPrintable(install.out));
    QCOMPARE(sha256(root + u"/usr/sbin/vmeclone-agent"_s),
             sha256(QStringLiteral(VMECLONE_AGENT_BINARY)));
    QVERIFY(QFileInfo(root + u"/usr/sbin/vmeclone-agent"_s).isExecutable());
    QVERIFY(QFileInfo::exists(root + u"/etc/vmeclone/agent.conf"_s));
    const QStringList after = snapshot(root);
    for (const QString &e : expected) {
        const bool found = std::any_of(after.begin(), after.end(),
                                       [&](const QString &s) { return s.startsWith(e); });
        QVERIFY2(found, qPrintable(e + u"\nin:\n"_s + after.join(u'\n')));
    }
    // golden check sees what it installed as installed and started at boot.
    for (const auto &h : vmeclone::GuestHazards::find(root))
        QVERIFY2(!h.id.startsWith(u"agent-"_s), qPrintable(h.id + u": "_s + h.what));
    // Installing twice changes nothing.
    QCOMPARE(run(u"sh"_s, {installer, u"--root"_s, root}).exitCode, 0);
    QCOMPARE(snapshot(root), after);

    const Run uninstall = run(u"sh"_s, {installer, u"--root"_s, root, u"--uninstall"_s});
    QVERIFY2(uninstall.exitCode == 0, qPrintable(uninstall.out + uninstall.err));
    // Everything goes but the operator's configuration and the folders made for the files.
    const auto withoutKept = [](QStringList entries) {
        static const QStringList folders{u"/usr"_s,
                                         u"/usr/sbin"_s,
                                         u"/etc/init.d"_s,
                                         u"/etc/vmeclone"_s,
                                         u"/etc/systemd"_s,
                                         u"/etc/systemd/system"_s,
                                         u"/etc/systemd/system/multi-user.target.wants"_s};
        entries.removeIf([](const QString &s) {
            return s.startsWith(u"/etc/vmeclone/agent.conf "_s)
                   || (s.contains(u" dir "_s) && folders.contains(s.section(u' ', 0, 0)));
        });
        return entries;
    };
    const QStringList left = withoutKept(snapshot(root));
    const QStringList expectedLeft = withoutKept(before);
    QCOMPARE(left, expectedLeft);
}

void TstAgentPackages::refusesADynamicAgent() {
    QTemporaryDir out;
    const QString dynamic = QStandardPaths::findExecutable(u"sh"_s);
    const Run b =
        run(u"bash"_s, {source(u"packaging/agent/build-agent-packages.sh"_s), u"--agent"_s,
                        QFileInfo(dynamic).canonicalFilePath(), u"--version"_s, m_version,
                        u"--out"_s, out.path(), u"--formats"_s, u"deb"_s});
    QCOMPARE(b.exitCode, 1);
    QVERIFY2(b.err.contains(u"dynamically linked"_s), qPrintable(b.err));
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{});
}

QTEST_GUILESS_MAIN(TstAgentPackages)
#include "tst_agent_packages.moc"
