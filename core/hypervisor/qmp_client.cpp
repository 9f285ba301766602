#include "qmp_client.h"

#include "common/failure_text.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kQmpCannotConnect{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot connect to QEMU's control socket %1: %2")};
const FailureSentence kQmpNoGreeting{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 did not greet as QMP")};
const FailureSentence kQmpCannotConnectAgent{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot connect to the guest agent's channel %1: %2")};
const FailureSentence kQmpNoAgent{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "no guest agent answers on %1 within %2 ms: the guest runs no qemu-guest-agent, or it has "
    "not started yet")};
// The peer is QEMU on its control socket, or (connectToGuestAgent) the guest agent on its
// channel: each sentence is said of both.
const FailureSentence kQmpQemuNotQmp{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "QEMU sent something that is not QMP on %1")};
const FailureSentence kQmpAgentNotQmp{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the guest agent sent something that is not QMP on %1")};
const FailureSentence kQmpQemuClosed{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "QEMU closed its control socket %1")};
const FailureSentence kQmpAgentClosed{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the guest agent closed its channel %1")};
const FailureSentence kQmpQemuNoAnswer{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "QEMU did not answer on %1 within %2 ms")};
const FailureSentence kQmpAgentNoAnswer{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the guest agent did not answer on %1 within %2 ms")};
const FailureSentence kQmpQemuSocketClosed{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot send %1 to QEMU: its control socket %2 is closed")};
const FailureSentence kQmpAgentSocketClosed{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot send %1 to the guest agent: its channel %2 is closed")};
const FailureSentence kQmpQemuCannotSend{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot send %1 to QEMU on %2: %3")};
const FailureSentence kQmpAgentCannotSend{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot send %1 to the guest agent on %2: %3")};
const FailureSentence kQmpQemuRefused{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "QEMU refused %1: %2")};
const FailureSentence kQmpAgentRefused{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the guest agent refused %1: %2")};
const FailureSentence kQmpWaitingForEvent{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "waiting for QEMU's %1 event: %2")};

// The sentence of `qemu` or of `agent`, by who the peer is.
const FailureSentence &said(bool guestAgent, const FailureSentence &qemu,
                            const FailureSentence &agent) {
    return guestAgent ? agent : qemu;
}

} // namespace

Status QmpClient::connectTo(const QString &socketPath, Timeout timeout) {
    m_path = socketPath;
    m_socket.connectToServer(socketPath);
    if (!m_socket.waitForConnected(static_cast<int>(timeout.count())))
        return fail(kQmpCannotConnect(socketPath, m_socket.errorString()));
    auto greeting = readMessage(timeout);
    if (!greeting)
        return fail(greeting.error());
    if (!greeting->contains(u"QMP"_s))
        return fail(kQmpNoGreeting(socketPath));
    if (auto caps = execute(u"qmp_capabilities"_s, {}, timeout); !caps)
        return fail(caps.error());
    return {};
}

Status QmpClient::connectToGuestAgent(const QString &socketPath, Timeout timeout) {
    m_path = socketPath;
    m_guestAgent = true;
    m_socket.connectToServer(socketPath);
    if (!m_socket.waitForConnected(static_cast<int>(timeout.count())))
        return fail(kQmpCannotConnectAgent(socketPath, m_socket.errorString()));
    // 0xFF first resets qemu-ga's JSON parser after a client that left mid-request; the
    // answer to guest-sync-delimited comes after a 0xFF of its own, and everything before
    // that byte is an older client's leftover.
    const qint64 token = QRandomGenerator::global()->bounded(1, 1 << 30);
    const QJsonObject sync{{u"execute"_s, u"guest-sync-delimited"_s},
                           {u"arguments"_s, QJsonObject{{u"id"_s, token}}}};
    m_socket.write(QByteArray(1, '\xff') + QJsonDocument(sync).toJson(QJsonDocument::Compact)
                   + '\n');
    m_socket.waitForBytesWritten(static_cast<int>(timeout.count()));
    QDeadlineTimer deadline(timeout);
    bool delimited = false;
    while (true) {
        if (!delimited) {
            const qsizetype ff = m_buffer.lastIndexOf('\xff');
            if (ff >= 0) {
                m_buffer.remove(0, ff + 1);
                delimited = true;
                continue;
            }
            m_buffer.clear();
            if (deadline.hasExpired() || m_socket.state() != QLocalSocket::ConnectedState)
                return fail(kQmpNoAgent(socketPath, timeout.count()));
            m_socket.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
            m_buffer += m_socket.readAll();
            continue;
        }
        auto message = readMessage(Timeout(qMax<qint64>(1, deadline.remainingTime())));
        if (!message)
            return fail(message.error());
        if (message->value(u"return"_s).toInteger(-1) == token)
            return {};
        delimited = false; // an older sync's answer: look for the next delimiter
    }
}

Expected<QJsonObject> QmpClient::readMessage(Timeout timeout) {
    QDeadlineTimer deadline(timeout);
    while (true) {
        const qsizetype nl = m_buffer.indexOf('\n');
        if (nl >= 0) {
            const QByteArray line = m_buffer.left(nl).trimmed();
            m_buffer.remove(0, nl + 1);
            if (line.isEmpty())
                continue;
            const auto doc = QJsonDocument::fromJson(line);
            if (!doc.isObject())
                return fail(said(m_guestAgent, kQmpQemuNotQmp, kQmpAgentNotQmp)(m_path));
            return doc.object();
        }
        if (m_socket.state() != QLocalSocket::ConnectedState && m_socket.bytesAvailable() == 0)
            return fail(said(m_guestAgent, kQmpQemuClosed, kQmpAgentClosed)(m_path));
        if (deadline.hasExpired())
            return fail(
                said(m_guestAgent, kQmpQemuNoAnswer, kQmpAgentNoAnswer)(m_path, timeout.count()));
        if (m_socket.bytesAvailable() == 0)
            m_socket.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
        m_buffer += m_socket.readAll();
    }
}

Expected<QJsonObject> QmpClient::execute(const QString &command, const QJsonObject &arguments,
                                         Timeout timeout) {
    auto value = call(command, arguments, timeout);
    if (!value)
        return fail(value.error());
    return value->toObject();
}

Expected<QJsonValue> QmpClient::call(const QString &command, const QJsonObject &arguments,
                                     Timeout timeout) {
    // QEMU echoes "id" in the answer: an answer that arrives after its command timed
    // out carries the old id and is skipped instead of being taken for this one's.
    if (m_socket.state() != QLocalSocket::ConnectedState)
        return fail(
            said(m_guestAgent, kQmpQemuSocketClosed, kQmpAgentSocketClosed)(command, m_path));
    const qint64 id = ++m_lastId;
    QJsonObject request{{u"execute"_s, command}, {u"id"_s, id}};
    if (!arguments.isEmpty())
        request.insert(u"arguments"_s, arguments);
    m_socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    if (!m_socket.waitForBytesWritten(static_cast<int>(timeout.count()))
        && m_socket.bytesToWrite() > 0)
        return fail(said(m_guestAgent, kQmpQemuCannotSend,
                         kQmpAgentCannotSend)(command, m_path, m_socket.errorString()));
    QDeadlineTimer deadline(timeout);
    while (true) {
        auto message = readMessage(Timeout(qMax<qint64>(1, deadline.remainingTime())));
        if (!message)
            return fail(message.error());
        if (message->contains(u"event"_s)) {
            if (m_events.size() >= 64) // kept for waitForEvent; the oldest go first
                m_events.removeFirst();
            m_events.append(*message);
            continue;
        }
        if (message->contains(u"id"_s) && message->value(u"id"_s).toInteger(-1) != id)
            continue;
        if (message->contains(u"error"_s)) {
            const auto error = message->value(u"error"_s).toObject();
            return fail(said(m_guestAgent, kQmpQemuRefused,
                             kQmpAgentRefused)(command, error.value(u"desc"_s).toString()));
        }
        return message->value(u"return"_s);
    }
}

Expected<QJsonObject>
QmpClient::waitForEvent(const QString &name, const std::function<bool(const QJsonObject &)> &accept,
                        Timeout timeout) {
    auto matches = [&](const QJsonObject &message) {
        return message.value(u"event"_s).toString() == name
               && (!accept || accept(message.value(u"data"_s).toObject()));
    };
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        if (matches(m_events.at(i)))
            return m_events.takeAt(i).value(u"data"_s).toObject();
    }
    m_events.clear(); // none of them is waited for
    QDeadlineTimer deadline(timeout);
    while (true) {
        auto message = readMessage(Timeout(qMax<qint64>(1, deadline.remainingTime())));
        if (!message)
            return fail(kQmpWaitingForEvent(name, message.error()));
        if (matches(*message))
            return message->value(u"data"_s).toObject();
    }
}

bool QmpClient::waitForDisconnected(Timeout timeout) {
    if (m_socket.state() == QLocalSocket::UnconnectedState)
        return true;
    QDeadlineTimer deadline(timeout);
    while (!deadline.hasExpired()) {
        // Drain events (SHUTDOWN, POWERDOWN) until the peer closes.
        if (m_socket.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime()))))
            m_socket.readAll();
        if (m_socket.state() == QLocalSocket::UnconnectedState)
            return true;
    }
    return m_socket.state() == QLocalSocket::UnconnectedState;
}

void QmpClient::close() {
    m_socket.abort();
}

} // namespace vmeclone
