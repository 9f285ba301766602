// Chinese complete on a machine set up by the README (issue 14, item 4): Qt's own texts
// (Cancel, Show Details…, the file dialog) come from qt6-translations-l10n, and the glyphs
// from a CJK font (fonts-wqy-microhei); both are in packaging/debian-packages.txt, and
// this test fails, not skips, when either is missing.

#include "translations.h"

#include <QApplication>
#include <QFontDatabase>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void qtsOwnTextsAreChinese() {
        Translations::install(u"zh_CN"_s);
        // Our own, and Qt's own buttons of QMessageBox and QDialogButtonBox.
        QCOMPARE(QCoreApplication::translate("vmeclone::MainWindow", "vmeclone console"),
                 u"vmeclone 控制台"_s);
        const QString cancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
        QVERIFY2(cancel != u"Cancel"_s, "Qt's own texts are English: install qt6-translations-l10n "
                                        "(packaging/debian-packages.txt)");
        QCOMPARE(cancel, u"取消"_s);
    }

    void aFontHasTheChineseGlyphs() {
        const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
        QVERIFY2(!families.isEmpty(),
                 "no font writes Simplified Chinese: every glyph would be a box; install "
                 "fonts-wqy-microhei (packaging/debian-packages.txt)");
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
