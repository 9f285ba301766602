#pragma once
// Runs the built vmeclone-agent as a real child process (its path comes from CMake:
// $<TARGET_FILE:vmeclone-agent>), and receives what it announces on a loopback socket.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QUdpSocket>

namespace vmeclone::test {

struct AgentRun {
    bool finished = false;
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray standardOutput;
    QByteArray standardError;
};

class AgentProcess {
public:
    static QString binary() { return QStringLiteral(VMECLONE_AGENT_BINARY); }

    // Runs `program args` to the end (`program` defaults to the agent).
    static AgentRun run(const QStringList &args, const QString &program = {},
                        int timeoutMs = 60000) {
        QProcess process;
        process.start(program.isEmpty() ? binary() : program, args);
        AgentRun result;
        if (!process.waitForStarted(timeoutMs))
            return result;
        result.finished = process.waitForFinished(timeoutMs);
        if (!result.finished) {
            process.kill();
            process.waitForFinished();
        }
        result.exitCode = process.exitCode();
        result.exitStatus = process.exitStatus();
        result.standardOutput = process.readAllStandardOutput();
        result.standardError = process.readAllStandardError();
        return result;
    }
};

// A UDP socket on 127.0.0.1 with a port of the kernel's choosing: the agent's console.
class DatagramSink {
public:
    DatagramSink() { m_socket.bind(QHostAddress::LocalHost, 0); }

    bool isBound() const { return m_socket.state() == QAbstractSocket::BoundState; }
    quint16 port() const { return m_socket.localPort(); }

    // Everything queued so far.
    QList<QByteArray> take() {
        QList<QByteArray> out;
        while (m_socket.hasPendingDatagrams()) {
            QByteArray datagram(int(m_socket.pendingDatagramSize()), '\0');
            const qint64 n = m_socket.readDatagram(datagram.data(), datagram.size());
            if (n >= 0) {
                datagram.resize(int(n));
                out.append(datagram);
            }
        }
        return out;
    }

    // Waits (on the socket's readyRead, not a sleep) until `count` more datagrams came.
    bool waitFor(int count, QList<QByteArray> &into, int timeoutMs = 20000) {
        QSignalSpy ready(&m_socket, &QUdpSocket::readyRead);
        int got = 0;
        const auto drain = [&] {
            const QList<QByteArray> more = take();
            into += more;
            got += int(more.size());
        };
        drain();
        while (got < count) {
            if (!ready.wait(timeoutMs))
                return false;
            drain();
        }
        return true;
    }

private:
    QUdpSocket m_socket;
};

} // namespace vmeclone::test
