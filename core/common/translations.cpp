#include "common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {
QString g_installed; // set once, on the main thread, before any engine work starts
} // namespace

QLocale Translations::install(const QString &language) {
    const QLocale locale =
        language.isEmpty() || language == u"system" ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *app = QCoreApplication::instance();
    auto *ours = new QTranslator(app);
    // Anything without its own file (de, fr, ...) falls back to English, plurals included.
    if (ours->load(locale, u"vmeclone"_s, u"_"_s, u":/i18n"_s)
        || ours->load(u":/i18n/vmeclone_en.qm"_s))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    g_installed = locale.name();
    return locale;
}

QString Translations::installed() {
    return g_installed;
}

} // namespace vmeclone
