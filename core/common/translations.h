#pragma once
// vmeclone's languages: its own strings (the .qm files of resources/translations,
// embedded under :/i18n by the console and the CLI) and Qt's. English has a translation of
// its own for the plural forms ("1 VM", "3 VMs").
//
// The console installs the language the operator chose. The CLI speaks English, except
// when VMECLONE_LANGUAGE names a language: a head sets it on the commands it runs on its
// hosts (SshTransport), so that core's words in a host's answers (why an address is
// refused, ...) reach the operator in the head's language.

#include <QLocale>
#include <QString>

namespace vmeclone {

class Translations {
public:
    static constexpr auto kEnvironment = "VMECLONE_LANGUAGE";

    // `language`: "system" (or empty) for the system locale, else "en", "zh_CN", ...
    // Installs the translators on the running application and makes the locale the
    // default; returns it.
    static QLocale install(const QString &language);
    // The language install() put in place ("zh_CN", "en"), empty when it was not called:
    // what a head asks its hosts to answer in.
    static QString installed();
};

} // namespace vmeclone
