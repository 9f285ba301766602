// vmeclone: the command-line face of the engine. Every verb has --help; every
// listing has --json; the exit code is 0 only on success.

#include "cli/cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vmeclone"));
    QCoreApplication::setOrganizationName(QStringLiteral("vmeclone"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VMECLONE_VERSION));
    return vmeclone::cli::run(QCoreApplication::arguments());
}
