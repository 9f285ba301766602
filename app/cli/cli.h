#pragma once

#include <QStringList>

namespace vmeclone::cli {

// Runs one command line (arguments()[0] is the program); returns the exit code:
// 0 success, 1 the operation failed (in part), 2 the command line was wrong.
int run(const QStringList &arguments);

} // namespace vmeclone::cli
