#pragma once
// A blocking client of QEMU's machine protocol (QMP) over its unix socket, for the
// pool threads that start and stop VMs: status queries and power-off. The same JSON
// protocol reaches qemu-guest-agent inside a guest through the VM's virtio-serial
// channel (connectToGuestAgent).

#include "common/expected.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QLocalSocket>
#include <QString>

#include <chrono>
#include <functional>

namespace vmeclone {

class QmpClient {
public:
    using Timeout = std::chrono::milliseconds;

    // Connects, reads QEMU's greeting and leaves capabilities negotiation mode.
    Status connectTo(const QString &socketPath, Timeout timeout = Timeout(5000));
    // Connects to the host end of a guest's qemu-guest-agent channel and synchronises
    // with the agent (guest-sync-delimited with a random token, its 0xFF delimiter
    // skipped): whatever an earlier client left half-read is discarded. QEMU accepts the
    // connection whether or not the guest runs the agent; a guest without one fails here
    // after `timeout`.
    Status connectToGuestAgent(const QString &socketPath, Timeout timeout = Timeout(3000));
    // Runs a command; returns its "return" object. Asynchronous events that arrive
    // before the answer are skipped. QEMU's "error" is returned with its description.
    Expected<QJsonObject> execute(const QString &command, const QJsonObject &arguments = {},
                                  Timeout timeout = Timeout(5000));
    // The same for a command whose "return" is not an object (qemu-ga's guest-file-open
    // returns a number, guest-network-get-interfaces an array).
    Expected<QJsonValue> call(const QString &command, const QJsonObject &arguments = {},
                              Timeout timeout = Timeout(5000));
    // Waits for the asynchronous event `name` (e.g. "MIGRATION") whose "data" satisfies
    // `accept` (any, when empty); events that arrived while a command ran count too.
    Expected<QJsonObject> waitForEvent(const QString &name,
                                       const std::function<bool(const QJsonObject &)> &accept,
                                       Timeout timeout);
    // True once QEMU closed the socket (it exits), false on timeout.
    bool waitForDisconnected(Timeout timeout);
    void close();

private:
    Expected<QJsonObject> readMessage(Timeout timeout);

    QLocalSocket m_socket;
    QString m_path;
    bool m_guestAgent = false; // the peer is qemu-guest-agent, not QEMU: its errors say so
    QByteArray m_buffer;
    QList<QJsonObject> m_events; // events read while waiting for an answer
    qint64 m_lastId = 0;         // each command's "id", so a late answer is not taken for another's
};

} // namespace vmeclone
