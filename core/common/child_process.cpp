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

} // namespace vmeclone
