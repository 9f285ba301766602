// No message of core names one of the CLI's flags: core says which input is wrong
// (common/validation.h) and the CLI names its flag (app/cli/refusals.cpp), so that the
// console never tells an operator to "pass --suffix". The flags are read from the CLI's
// own option definitions; core's string literals are scanned for them. Other programs'
// options in core's commands and hints (qemu-img --output=json, sfdisk --verify) are not
// the CLI's and pass, and so does a literal that is a flag alone (u"--json"_s): a word of
// the command line core runs vmeclone with on another host (core/cluster), not a message.

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QString read(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Every long option the CLI defines: p.addOption({u"suffix"_s, ...}) and the globals'
// QCommandLineOption kHome({u"home"_s}, ...).
QStringList cliFlags() {
    static const QRegularExpression option(
        u"(?:addOption\\(\\s*\\{\\s*|QCommandLineOption\\s+k\\w+\\(\\{)u\"([a-z][a-z-]+)\"_s"_s);
    QStringList flags;
    QDirIterator it(QStringLiteral(VMECLONE_SOURCE_DIR) + u"/app/cli"_s, {u"*.cpp"_s},
                    QDir::Files);
    while (it.hasNext()) {
        const QString text = read(it.next());
        for (auto m = option.globalMatch(text); m.hasNext();)
            flags << m.next().captured(1);
    }
    flags.removeDuplicates();
    return flags;
}

// The CLI's flags a line's string literals name ("--suffix", not "--output=json").
QStringList flagsNamedIn(const QString &line, const QStringList &flags) {
    static const QRegularExpression literal(u"\"(?:[^\"\\\\]|\\\\.)*\""_s);
    QStringList found;
    for (auto m = literal.globalMatch(line); m.hasNext();) {
        const QString text = m.next().captured();
        static const QRegularExpression word(u"\"--[a-z][a-z-]*\""_s);
        if (word.match(text).hasMatch() && word.match(text).capturedLength() == text.size())
            continue; // an argument word of a vmeclone command line
        for (const QString &flag : flags) {
            const QRegularExpression named(u"--"_s + QRegularExpression::escape(flag)
                                           + u"(?![\\w=-])"_s);
            if (named.match(text).hasMatch())
                found << u"--"_s + flag;
        }
    }
    return found;
}

} // namespace

class TestNoCliFlagsInCore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theCliFlagsAreFound() {
        const QStringList flags = cliFlags();
        for (const auto &f : {u"suffix"_s, u"name-prefix"_s, u"console-address"_s, u"home"_s,
                              u"golden"_s, u"temp-dir"_s, u"vmrun"_s, u"weight"_s})
            QVERIFY2(flags.contains(f), qPrintable(f + u" not in "_s + flags.join(u' ')));
    }

    void noCoreLiteralNamesOne() {
        const QStringList flags = cliFlags();
        QStringList findings;
        int scanned = 0;
        QDirIterator it(QStringLiteral(VMECLONE_SOURCE_DIR) + u"/core"_s, {u"*.cpp"_s, u"*.h"_s},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            ++scanned;
            int number = 0;
            for (const QString &line : read(file).split(u'\n')) {
                ++number;
                if (line.trimmed().startsWith(u"//"_s))
                    continue;
                for (const QString &flag : flagsNamedIn(line, flags))
                    findings << u"%1:%2: %3: %4"_s.arg(file).arg(number).arg(flag, line.trimmed());
            }
        }
        QVERIFY2(scanned > 50, "the scan must see core's sources");
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(u'\n')));
    }

    void theScanCatches_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("caught");
        QTest::newRow("a flag") << u"return fail(u\"pass --suffix N\"_s);"_s << true;
        QTest::newRow("a flag first") << u"u\"--subnet: %1\"_s.arg(x)"_s << true;
        QTest::newRow("a remote command line's word")
            << u"remote << u\"--home\"_s << host.remoteHome;"_s << false;
        QTest::newRow("qemu-img's") << u"run({u\"info\"_s, u\"--output=json\"_s})"_s << false;
        QTest::newRow("sfdisk's") << u"u\"check it with 'sfdisk --verify'\"_s"_s << false;
        QTest::newRow("a longer flag") << u"u\"--name-prefix 'x'\"_s"_s << true;
        QTest::newRow("outside a literal") << u"--cut; // --suffix"_s << false;
    }

    void theScanCatches() {
        QFETCH(QString, line);
        QFETCH(bool, caught);
        QCOMPARE(!flagsNamedIn(line, cliFlags()).isEmpty(), caught);
    }
};

QTEST_GUILESS_MAIN(TestNoCliFlagsInCore)
#include "tst_no_cli_flags_in_core.moc"
