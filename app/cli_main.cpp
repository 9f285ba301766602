// vmeclone: the command-line face of the engine. Every verb has --help; every
// listing has --json; the exit code is 0 only on success.

#include "cli/cli.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

int main(int argc, char **argv) {
    // Only `export` (its PDF needs fonts) pays for a GUI application, and never needs
    // a display for it.
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
    return vmeclone::cli::run(QCoreApplication::arguments());
}
