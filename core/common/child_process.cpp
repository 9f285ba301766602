#include "child_process.h"

#include "common/logging.h"

#include <QProcess>

namespace vmeclone {

ChildRun runChild(const QString &program, const QStringList &arguments,
                  std::chrono::milliseconds timeout) {
    static auto logger = log::get("process");
    ChildRun run;
    QProcess p;
    p.setProgram(program);
    p.setArguments(arguments);
    p.setStandardInputFile(QProcess::nullDevice());
    logger->debug("{} {}", program, arguments.join(u' '));
    const int ms = static_cast<int>(std::min<qint64>(timeout.count(), INT_MAX));
    p.start();
    if (!p.waitForStarted(ms)) {
        run.outcome = ChildRun::Outcome::CannotStart;
        run.error = p.errorString();
        return run;
    }
    if (!p.waitForFinished(ms)) {
        p.kill();
        p.waitForFinished(5000);
        run.outcome = ChildRun::Outcome::TimedOut;
        run.err = p.readAllStandardError();
        return run;
    }
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    run.exitCode = p.exitCode();
    if (p.exitStatus() != QProcess::NormalExit) {
        run.outcome = ChildRun::Outcome::Crashed;
        run.error = p.errorString();
        return run;
    }
    run.outcome = ChildRun::Outcome::Finished;
    return run;
}

ChildRun runChildStreaming(const QString &program, const QStringList &arguments,
                           const QByteArray &input,
                           const std::function<void(const QByteArray &line)> &onLine,
                           std::chrono::milliseconds silence, const std::atomic_bool *cancel) {
    static auto logger = log::get("process");
    ChildRun run;
    QProcess p;
    p.setProgram(program);
    p.setArguments(arguments);
    logger->debug("{} {}", program, arguments.join(u' '));
    p.start();
    if (!p.waitForStarted(30000)) {
        run.outcome = ChildRun::Outcome::CannotStart;
        run.error = p.errorString();
        return run;
    }
    p.write(input);
    p.closeWriteChannel();
    QByteArray pending;
    auto deliver = [&] {
        pending += p.readAllStandardOutput();
        if (!onLine)
            return; // all of it is the output
        for (qsizetype nl; (nl = pending.indexOf('\n')) >= 0;) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (onLine)
                onLine(line);
        }
    };
    // Short waits, so a cancel is seen within a quarter second; the silence limit counts
    // from the last line (or the start).
    constexpr int kStepMs = 250;
    qint64 quietMs = 0;
    bool cancelled = false;
    while (p.state() != QProcess::NotRunning) {
        if (cancel && cancel->load()) {
            cancelled = true;
            p.terminate();
            if (!p.waitForFinished(5000)) {
                p.kill();
                p.waitForFinished(5000);
            }
            break;
        }
        if (p.waitForReadyRead(kStepMs)) {
            quietMs = 0;
            deliver();
            continue;
        }
        if (p.state() == QProcess::NotRunning)
            break;
        quietMs += kStepMs;
        if (quietMs >= silence.count()) {
            p.kill();
            p.waitForFinished(5000);
            run.outcome = ChildRun::Outcome::TimedOut;
            run.err = p.readAllStandardError();
            return run;
        }
    }
    p.waitForFinished(5000);
    deliver();
    run.out = pending;
    run.err = p.readAllStandardError();
    run.exitCode = p.exitCode();
    if (cancelled) {
        run.outcome = ChildRun::Outcome::Crashed;
        run.error = QStringLiteral("cancelled");
        return run;
    }
    if (p.exitStatus() != QProcess::NormalExit) {
        run.outcome = ChildRun::Outcome::Crashed;
        run.error = p.errorString();
        return run;
    }
    run.outcome = ChildRun::Outcome::Finished;
    return run;
}

} // namespace vmeclone
