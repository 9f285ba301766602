// Every external program (qemu, qemu-img, vmrun, ip, reboot...) is started with an
// argument list, never through a shell: a VM name, path or address can then never be
// read as shell syntax. This scans the product's sources (not the tests) for the ways
// a shell gets in.

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// The ways a shell gets in, with what to say about each.
const QList<QPair<QRegularExpression, QString>> &forbidden()
{
    static const QList<QPair<QRegularExpression, QString>> patterns = {
        {QRegularExpression(uR"((?<![\w:>.])(std::)?system\s*\()"_s), u"system()"_s},
        {QRegularExpression(uR"(\bpopen\s*\()"_s), u"popen()"_s},
        {QRegularExpression(uR"(\bexecl[p]?\s*\()"_s), u"execl()/execlp() (use execv with a vector)"_s},
        {QRegularExpression(uR"(["'](/bin/|/usr/bin/)?(ba|da)?sh["'])"_s), u"a shell as the program"_s},
        {QRegularExpression(uR"(\bstartCommand\s*\()"_s), u"QProcess::startCommand (splits a string)"_s},
        {QRegularExpression(uR"(QProcess::execute\s*\(\s*[^,()]+\)\s*;)"_s), u"QProcess::execute(command string)"_s},
        {QRegularExpression(uR"(\.start\s*\(\s*u?"[^"]* [^"]*"(_s)?\s*\))"_s), u"QProcess::start(\"program args\")"_s},
    };
    return patterns;
}

QStringList findingsIn(const QString &text)
{
    QStringList out;
    for (const auto &[pattern, what] : forbidden()) {
        if (pattern.match(text).hasMatch())
            out << what;
    }
    return out;
}

} // namespace

class TestNoShell : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noShellAnywhere()
    {
        int scanned = 0;
        QStringList findings;
        for (const auto &top : {u"core"_s, u"app"_s, u"ui"_s, u"guest-agent"_s}) {
            QDirIterator it(QStringLiteral(VMECLONE_SOURCE_DIR) + u"/"_s + top, {u"*.cpp"_s, u"*.h"_s},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                QFile f(file);
                QVERIFY(f.open(QIODevice::ReadOnly));
                ++scanned;
                int line = 0;
                while (!f.atEnd()) {
                    const QString text = QString::fromUtf8(f.readLine());
                    ++line;
                    if (text.trimmed().startsWith(u"//"_s))
                        continue;
                    for (const auto &what : findingsIn(text))
                        findings << u"%1:%2: %3: %4"_s.arg(file).arg(line).arg(what, text.trimmed());
                }
            }
        }
        QVERIFY2(scanned > 50, "the scan must see the sources");
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(u'\n')));
    }

    // The scan itself must catch what it is for, and not the harmless look-alikes.
    void theScanCatches_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("caught");
        QTest::newRow("system") << u"    system(command);"_s << true;
        QTest::newRow("std::system") << u"    std::system(command);"_s << true;
        QTest::newRow("popen") << u"    FILE *f = popen(cmd, \"r\");"_s << true;
        QTest::newRow("sh") << u"    p.start(u\"/bin/sh\"_s, {u\"-c\"_s, cmd});"_s << true;
        QTest::newRow("string start") << u"    p.start(u\"qemu-img create x\"_s);"_s << true;
        QTest::newRow("list start") << u"    p.start(u\"qemu-img\"_s, {u\"create\"_s});"_s << false;
        QTest::newRow("QRandomGenerator") << u"    QRandomGenerator::system()->generate();"_s << false;
        QTest::newRow("QLocale") << u"    QLocale::system();"_s << false;
    }

    void theScanCatches()
    {
        QFETCH(QString, line);
        QFETCH(bool, caught);
        QCOMPARE(!findingsIn(line).isEmpty(), caught);
    }
};

QTEST_GUILESS_MAIN(TestNoShell)
#include "tst_no_shell.moc"
