// QmpClient against a fake QMP server (a QLocalServer in its own thread, since the
// client blocks) and, where QEMU is installed, against a real QEMU with no guest.

#include "hypervisor/qmp_client.h"
#include "support/ci_skip.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// Speaks QMP the way QEMU 7.2 does, one JSON object a line: greets, accepts
// qmp_capabilities, sends an event before the answer of query-status, answers
// unknown commands with QEMU's error, answers "quit" and hangs up, never answers
// "hang", and answers "deferred" only when the next command comes. `greet = false`
// plays a QEMU that accepted the connection but is stuck.
class FakeQmpServer : public QObject {
    Q_OBJECT
public:
    explicit FakeQmpServer(bool greet)
        : m_greet(greet) {}

    // Called in the server's thread.
    bool listen(const QString &path) {
        m_server = new QLocalServer(this);
        connect(m_server, &QLocalServer::newConnection, this, &FakeQmpServer::onConnection);
        return m_server->listen(path);
    }

private:
    void onConnection() {
        while (QLocalSocket *s = m_server->nextPendingConnection()) {
            connect(s, &QLocalSocket::readyRead, this, [this, s] { onReadyRead(s); });
            connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
            if (m_greet)
                send(s,
                     {{u"QMP"_s, QJsonObject{{u"version"_s,
                                              QJsonObject{{u"qemu"_s, QJsonObject{{u"major"_s, 7},
                                                                                  {u"minor"_s, 2},
                                                                                  {u"micro"_s, 0}}},
                                                          {u"package"_s, u"fake"_s}}},
                                             {u"capabilities"_s, QJsonArray{u"oob"_s}}}}});
        }
    }

    void onReadyRead(QLocalSocket *s) {
        while (s->canReadLine()) {
            const QJsonObject request = QJsonDocument::fromJson(s->readLine()).object();
            const QString command = request.value(u"execute"_s).toString();
            // Like QEMU, every answer carries the request's "id" when it had one.
            auto answer = [&](QJsonObject o, const QJsonObject &to) {
                if (to.contains(u"id"_s))
                    o.insert(u"id"_s, to.value(u"id"_s));
                send(s, o);
            };
            // A command answered late: its answer goes out just before the next one's.
            if (!m_deferred.isEmpty()) {
                answer({{u"return"_s, QJsonObject{{u"late"_s, true}}}}, m_deferred);
                m_deferred = {};
            }
            if (command == u"qmp_capabilities") {
                answer({{u"return"_s, QJsonObject()}}, request);
            } else if (command == u"query-status") {
                send(s, event(u"RESUME"_s));
                send(s, event(u"RTC_CHANGE"_s));
                answer(
                    {{u"return"_s, QJsonObject{{u"status"_s, u"running"_s}, {u"running"_s, true}}}},
                    request);
            } else if (command == u"echo") {
                answer({{u"return"_s, request.value(u"arguments"_s).toObject()}}, request);
            } else if (command == u"quit") {
                answer({{u"return"_s, QJsonObject()}}, request);
                send(s, event(u"SHUTDOWN"_s));
                s->flush();
                s->disconnectFromServer();
                return;
            } else if (command == u"hang") {
                // never answers
            } else if (command == u"deferred") {
                m_deferred = request;
            } else {
                answer({{u"error"_s,
                         QJsonObject{
                             {u"class"_s, u"CommandNotFound"_s},
                             {u"desc"_s, u"The command %1 has not been found"_s.arg(command)}}}},
                       request);
            }
        }
    }

    static QJsonObject event(const QString &name) {
        return {{u"event"_s, name},
                {u"timestamp"_s, QJsonObject{{u"seconds"_s, 1700000000}, {u"microseconds"_s, 1}}}};
    }

    static void send(QLocalSocket *s, const QJsonObject &o) {
        s->write(QJsonDocument(o).toJson(QJsonDocument::Compact) + "\r\n");
    }

    bool m_greet;
    QLocalServer *m_server = nullptr;
    QJsonObject m_deferred;
};

// Runs a FakeQmpServer in its own thread for the length of a test.
class FakeQmp {
public:
    explicit FakeQmp(const QString &path, bool greet = true)
        : m_server(new FakeQmpServer(greet)) {
        m_thread.setObjectName(u"fake-qmp"_s);
        m_server->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
        m_thread.start();
        // The server by value: the thread reads nothing of this object, whose stack memory
        // the next test reuses (TSan cannot see the semaphore that orders the call).
        FakeQmpServer *server = m_server;
        QMetaObject::invokeMethod(
            m_server, [server, path] { return server->listen(path); }, Qt::BlockingQueuedConnection,
            &m_listening);
    }
    ~FakeQmp() {
        m_thread.quit();
        m_thread.wait();
    }
    bool listening() const { return m_listening; }

private:
    QThread m_thread;
    FakeQmpServer *m_server;
    bool m_listening = false;
};

} // namespace

class TestQmpClient : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString socketPath() const { return m_dir->filePath(u"qmp.sock"_s); }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void connectsAndSkipsEvents();
    void passesArguments();
    void reportsQemuErrors();
    void waitsForDisconnectAfterQuit();
    void timesOutWhenNoAnswer();
    void lateAnswerIsNotTakenForTheNext();
    void timesOutWithoutGreeting();
    void refusesMissingSocket();
    void realQemu();
};

void TestQmpClient::connectsAndSkipsEvents() {
    FakeQmp server(socketPath());
    QVERIFY(server.listening());
    QmpClient qmp;
    auto s = qmp.connectTo(socketPath());
    QVERIFY2(s, qPrintable(s.error()));
    auto status = qmp.execute(u"query-status"_s);
    QVERIFY2(status, qPrintable(status.error()));
    QCOMPARE(status->value(u"status"_s).toString(), u"running"_s);
    QCOMPARE(status->value(u"running"_s).toBool(), true);
    // The events before the first answer were not taken for the answer of the next.
    auto again = qmp.execute(u"query-status"_s);
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(again->value(u"status"_s).toString(), u"running"_s);
}

void TestQmpClient::passesArguments() {
    FakeQmp server(socketPath());
    QmpClient qmp;
    QVERIFY(qmp.connectTo(socketPath()));
    const QJsonObject args{{u"device"_s, u"virtio0"_s}, {u"size"_s, 1024}};
    auto echoed = qmp.execute(u"echo"_s, args);
    QVERIFY2(echoed, qPrintable(echoed.error()));
    QCOMPARE(*echoed, args);
}

void TestQmpClient::reportsQemuErrors() {
    FakeQmp server(socketPath());
    QmpClient qmp;
    QVERIFY(qmp.connectTo(socketPath()));
    auto r = qmp.execute(u"no-such-command"_s);
    QVERIFY(!r);
    QCOMPARE(r.error(),
             u"QEMU refused no-such-command: The command no-such-command has not been found"_s);
    // The connection is still usable.
    QVERIFY(qmp.execute(u"query-status"_s));
}

void TestQmpClient::waitsForDisconnectAfterQuit() {
    FakeQmp server(socketPath());
    QmpClient qmp;
    QVERIFY(qmp.connectTo(socketPath()));
    auto r = qmp.execute(u"quit"_s);
    QVERIFY2(r, qPrintable(r.error()));
    QVERIFY(qmp.waitForDisconnected(QmpClient::Timeout(10000)));
    // Once gone, commands fail naming the socket.
    auto after = qmp.execute(u"query-status"_s, {}, QmpClient::Timeout(1000));
    QVERIFY(!after);
    QCOMPARE(
        after.error(),
        u"cannot send query-status to QEMU: its control socket %1 is closed"_s.arg(socketPath()));
}

void TestQmpClient::timesOutWhenNoAnswer() {
    FakeQmp server(socketPath());
    QmpClient qmp;
    QVERIFY(qmp.connectTo(socketPath()));
    auto r = qmp.execute(u"hang"_s, {}, QmpClient::Timeout(200));
    QVERIFY(!r);
    QCOMPARE(r.error(), u"QEMU did not answer on %1 within 200 ms"_s.arg(socketPath()));
    // Still connected: the peer did not go away, so waiting for that times out too.
    QVERIFY(!qmp.waitForDisconnected(QmpClient::Timeout(200)));
    qmp.close();
    QVERIFY(qmp.waitForDisconnected(QmpClient::Timeout(0)));
}

void TestQmpClient::lateAnswerIsNotTakenForTheNext() {
    FakeQmp server(socketPath());
    QmpClient qmp;
    QVERIFY(qmp.connectTo(socketPath()));
    auto late = qmp.execute(u"deferred"_s, {}, QmpClient::Timeout(200));
    QVERIFY(!late);
    QVERIFY2(late.error().contains(u"did not answer"_s), qPrintable(late.error()));
    // The answer of "deferred" arrives now, just before this one's: it must be skipped.
    auto status = qmp.execute(u"query-status"_s);
    QVERIFY2(status, qPrintable(status.error()));
    QCOMPARE(status->value(u"status"_s).toString(), u"running"_s);
}

void TestQmpClient::timesOutWithoutGreeting() {
    FakeQmp server(socketPath(), false);
    QmpClient qmp;
    auto s = qmp.connectTo(socketPath(), QmpClient::Timeout(200));
    QVERIFY(!s);
    QVERIFY2(s.error().contains(u"did not answer"_s), qPrintable(s.error()));
    QVERIFY2(s.error().contains(socketPath()), qPrintable(s.error()));
}

void TestQmpClient::refusesMissingSocket() {
    QmpClient qmp;
    const QString missing = m_dir->filePath(u"missing.sock"_s);
    auto s = qmp.connectTo(missing, QmpClient::Timeout(500));
    QVERIFY(!s);
    QVERIFY2(s.error().startsWith(u"cannot connect to QEMU's control socket %1: "_s.arg(missing)),
             qPrintable(s.error()));
}

void TestQmpClient::realQemu() {
    const QString qemu = QStandardPaths::findExecutable(u"qemu-system-x86_64"_s);
    if (qemu.isEmpty())
        VMECLONE_SKIP_UNLESS_CI("qemu-system-x86_64 is not installed");
    // No guest and no devices at all (-nodefaults, no -netdev): only the QMP socket.
    QProcess process;
    process.setProgram(qemu);
    process.setArguments({u"-nodefaults"_s, u"-display"_s, u"none"_s, u"-machine"_s, u"none"_s,
                          u"-qmp"_s, u"unix:%1,server=on,wait=off"_s.arg(socketPath())});
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    auto stop = qScopeGuard([&process] {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(10000);
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(
        QFileInfo(socketPath()).exists() || process.state() == QProcess::NotRunning, 20000);
    QVERIFY2(process.state() == QProcess::Running, "QEMU exited before opening its QMP socket");

    QmpClient qmp;
    auto s = qmp.connectTo(socketPath(), QmpClient::Timeout(20000));
    QVERIFY2(s, qPrintable(s.error()));
    auto status = qmp.execute(u"query-status"_s, {}, QmpClient::Timeout(20000));
    QVERIFY2(status, qPrintable(status.error()));
    QVERIFY2(status->contains(u"status"_s), QJsonDocument(*status).toJson().constData());
    QVERIFY(status->value(u"running"_s).isBool());
    auto refused = qmp.execute(u"no-such-command"_s, {}, QmpClient::Timeout(20000));
    QVERIFY(!refused);
    QVERIFY2(refused.error().startsWith(u"QEMU refused no-such-command: "_s),
             qPrintable(refused.error()));
    QVERIFY(qmp.execute(u"quit"_s, {}, QmpClient::Timeout(20000)));
    QVERIFY(qmp.waitForDisconnected(QmpClient::Timeout(20000)));
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestQmpClient)
#include "tst_qmp_client.moc"
