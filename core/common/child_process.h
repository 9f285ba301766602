#pragma once
// Runs an outside program to its end, as every tool the engine calls is run: arguments as
// a list (no shell), stdin from /dev/null, a time limit after which it is killed, both
// outputs kept. Callers word the failure for their tool; the mechanics live here once.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>

namespace vmeclone {

struct ChildRun {
    enum class Outcome {
        Finished,    // it ran to its end: see exitCode
        CannotStart, // not found, not executable: see error
        TimedOut,    // over its time: killed
        Crashed,     // killed by a signal
    };
    Outcome outcome = Outcome::CannotStart;
    int exitCode = -1;
    QString error; // the system's words when it could not start or crashed
    QByteArray out;
    QByteArray err;

    bool succeeded() const { return outcome == Outcome::Finished && exitCode == 0; }
};

ChildRun runChild(const QString &program, const QStringList &arguments,
                  std::chrono::milliseconds timeout);

} // namespace vmeclone
