#pragma once
// Runs the real vmeclone binary as a child process, as an operator would.

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

class CliRunner {
public:
    CliRunner(QString program, QString home, quint16 port = 0)
        : m_program(std::move(program))
        , m_home(std::move(home))
        , m_port(port) {}

    QProcessEnvironment environment() const {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VMECLONE_HOME"), m_home);
        if (m_port)
            env.insert(QStringLiteral("VMECLONE_PORT"), QString::number(m_port));
        for (auto it = m_extra.cbegin(); it != m_extra.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    // An environment variable of every later run (e.g. VMECLONE_STOP_GRACE).
    void setEnv(const QString &name, const QString &value) { m_extra.insert(name, value); }

    CliResult run(const QStringList &args, int timeoutMs = 120000) const {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(m_program, args);
        CliResult r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out: ") + args.join(QLatin1Char(' '));
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = QString::fromUtf8(p.readAllStandardError());
        if (p.exitStatus() == QProcess::CrashExit) // say so: a crash at exit looks like a failure
            r.err = QStringLiteral("CRASHED (%1): %2\n")
                        .arg(p.errorString(), args.join(QLatin1Char(' ')))
                    + r.err;
        return r;
    }

    // Starts the CLI on `args` so that it stops at the engine's pause point `at`
    // (VMECLONE_PAUSE_AT) until `pauseFile` is removed: true once it waits there.
    bool startPaused(QProcess &p, const QString &at, const QString &pauseFile,
                     const QStringList &args) const {
        auto env = environment();
        env.insert(QStringLiteral("VMECLONE_PAUSE_AT"), at);
        env.insert(QStringLiteral("VMECLONE_PAUSE_FILE"), pauseFile);
        p.setProcessEnvironment(env);
        p.start(m_program, args);
        const bool settled = QTest::qWaitFor(
            [&] { return QFile::exists(pauseFile) || p.state() == QProcess::NotRunning; }, 60000);
        return settled && QFile::exists(pauseFile);
    }

    // Starts `vmeclone listen` (and `more`) in `p`, as an operator's console would listen,
    // and waits until it says it is listening: true then; else false with what it said.
    bool startListener(QProcess &p, const QStringList &more = {},
                       QByteArray *said = nullptr) const {
        p.setProcessEnvironment(environment());
        p.start(m_program, QStringList{QStringLiteral("listen")} + more);
        if (!p.waitForStarted())
            return false;
        QByteArray err;
        const bool settled = QTest::qWaitFor(
            [&] {
                err += p.readAllStandardError();
                return err.contains("listening") || p.state() != QProcess::Running;
            },
            10000);
        if (said)
            *said = err;
        return settled && p.state() == QProcess::Running && err.contains("listening");
    }

    QString program() const { return m_program; }
    QString home() const { return m_home; }

private:
    QString m_program;
    QString m_home;
    quint16 m_port;
    QMap<QString, QString> m_extra;
};

// The key a clone's guest was handed (its identity.conf's key=), as hex.
inline QString guestKeyHex(const QString &folder) {
    QFile f(folder + QStringLiteral("/identity.conf"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("key="))
            return QString::fromLatin1(line.mid(4).trimmed());
    }
    return {};
}
