// vmeclone: the command-line face of the engine. Every verb has --help; every
// listing has --json; the exit code is 0 only on success.

#include "cli/cli.h"
#include "common/logging.h"
#include "common/translations.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {
// What Qt itself says is not the operator's business: a CLI's stdout and stderr carry its
// results and its own words only. Qt's debug, info and warning lines go to the "qt" log at
// debug level (seen with --verbose once the command line is read; those said before, as
// QGuiApplication's at start, are dropped); critical and fatal ones stay on stderr. The one seen in
// practice: QGuiApplication (export's PDF needs its fonts) looks for $XDG_RUNTIME_DIR/flatpak-info
// to tell whether it runs in a Flatpak sandbox, and QStandardPaths warns "XDG_RUNTIME_DIR
// not set" where there is none (cron, ssh without a login session, root, CI).
void qtMessage(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (type == QtCriticalMsg || type == QtFatalMsg) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(qFormatLogMessage(type, context, message)));
        return;
    }
    vmeclone::log::get("qt")->debug("{}{}{}", context.category ? context.category : "",
                                    context.category ? ": " : "", message);
}
} // namespace

int main(int argc, char **argv) {
    // Only `export` (its PDF needs fonts) pays for a GUI application, and never needs
    // a display for it.
    qInstallMessageHandler(qtMessage);
    bool gui = false;
    for (int i = 1; i < argc; ++i)
        gui = gui || std::strcmp(argv[i], "export") == 0;
    if (gui && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = gui ? std::make_unique<QGuiApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vmeclone"));
    QCoreApplication::setOrganizationName(QStringLiteral("vmeclone"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VMECLONE_VERSION));
    // A head's command on this host (common/translations.h): core's words in its language.
    if (const QString language = qEnvironmentVariable(vmeclone::Translations::kEnvironment);
        !language.isEmpty())
        vmeclone::Translations::install(language);
    return vmeclone::cli::run(QCoreApplication::arguments());
}
