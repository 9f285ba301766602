#pragma once
// Runs an outside program to its end, as every tool the engine calls is run: arguments as
// a list (no shell), stdin from /dev/null, a time limit after which it is killed, both
// outputs kept. Callers word the failure for their tool; the mechanics live here once.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>

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

// The same for a program that reports as it goes: `input` is its standard input (then
// closed), and each line of its standard output is handed to `onLine` (without the
// newline) as soon as it is complete; ChildRun::out keeps only an unfinished last line
// (all of the output when there is no onLine).
// `silence` limits the time without a line (not the whole run); a set `cancel` ends the
// program (SIGTERM, then SIGKILL) and the run reads as Crashed with error "cancelled".
ChildRun runChildStreaming(const QString &program, const QStringList &arguments,
                           const QByteArray &input,
                           const std::function<void(const QByteArray &line)> &onLine,
                           std::chrono::milliseconds silence,
                           const std::atomic_bool *cancel = nullptr);

} // namespace vmeclone
