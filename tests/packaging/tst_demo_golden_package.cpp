// The demo golden (the demo_golden fixture builds it) is made from the agent's .deb: the
// agent and the init script inside its root disk are the package's bytes, read back with
// qemu-img and debugfs; and `vmeclone golden check` finds the golden clean.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

int run(const QString &program, const QStringList &args, QByteArray *out = nullptr) {
    QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(program, {u"/sbin"_s, u"/usr/sbin"_s});
    QProcess p;
    p.start(path.isEmpty() ? program : path, args);
    if (!p.waitForStarted() || !p.waitForFinished(60'000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitCode() != 0)
        qWarning("%s: %s", qPrintable(program), p.readAllStandardError().constData());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QByteArray sha256(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace

class TstDemoGoldenPackage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agentIsThePackagedOne_data();
    void agentIsThePackagedOne();
    void goldenCheckFindsItClean();

private:
    QTemporaryDir m_dir;
};

void TstDemoGoldenPackage::initTestCase() {
    QVERIFY(QFile::exists(QStringLiteral(VMECLONE_DEMO_GOLDEN)));
    QVERIFY(QFile::exists(QStringLiteral(VMECLONE_AGENT_DEB)));
    QCOMPARE(
        run(u"dpkg-deb"_s, {u"-x"_s, QStringLiteral(VMECLONE_AGENT_DEB), m_dir.filePath(u"deb"_s)}),
        0);
    // The golden's root disk as raw ext4 (it has no partition table).
    const QString disk =
        QFileInfo(QStringLiteral(VMECLONE_DEMO_GOLDEN)).dir().filePath(u"vmeclone-demo.qcow2"_s);
    QCOMPARE(run(u"qemu-img"_s,
                 {u"convert"_s, u"-U"_s, u"-O"_s, u"raw"_s, disk, m_dir.filePath(u"root.raw"_s)}),
             0);
}

void TstDemoGoldenPackage::agentIsThePackagedOne_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("agent") << u"/usr/sbin/vmeclone-agent"_s;
    QTest::newRow("init script") << u"/etc/init.d/vmeclone-agent"_s;
}

void TstDemoGoldenPackage::agentIsThePackagedOne() {
    QFETCH(QString, file);
    const QString out = m_dir.filePath(QFileInfo(file).fileName() + u".from-golden"_s);
    QCOMPARE(
        run(u"debugfs"_s, {u"-R"_s, u"dump %1 %2"_s.arg(file, out), m_dir.filePath(u"root.raw"_s)}),
        0);
    const QByteArray fromGolden = sha256(out);
    QVERIFY2(!fromGolden.isEmpty(), qPrintable(file + u" is not in the golden"_s));
    QCOMPARE(fromGolden, sha256(m_dir.filePath(u"deb"_s) + file));
}

void TstDemoGoldenPackage::goldenCheckFindsItClean() {
    QByteArray out;
    const int code =
        run(QStringLiteral(VMECLONE_CLI),
            {u"golden"_s, u"check"_s, u"--json"_s, QStringLiteral(VMECLONE_DEMO_GOLDEN)}, &out);
    const QJsonObject report = QJsonDocument::fromJson(out).object();
    QVERIFY2(code == 0, out.constData());
    QCOMPARE(report.value(u"clean"_s).toBool(), true);
    QCOMPARE(report.value(u"root_file_system"_s).toString(),
             u"vmeclone-demo.qcow2, whole disk (ext4)"_s);
}

QTEST_GUILESS_MAIN(TstDemoGoldenPackage)
#include "tst_demo_golden_package.moc"
