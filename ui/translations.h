#pragma once
// The console's languages: its own strings (embedded .qm, en and zh_CN) and Qt's.
// English has a translation of its own for the plural forms ("1 VM", "3 VMs").

#include <QLocale>
#include <QString>

namespace vmeclone {

class Translations {
public:
    // `language`: "system" (or empty) for the system locale, else "en", "zh_CN", ...
    // Installs the translators on the running application and makes the locale the
    // default; returns it.
    static QLocale install(const QString &language);
};

} // namespace vmeclone
