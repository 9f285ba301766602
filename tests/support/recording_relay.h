#pragma once
// A UDP relay on 127.0.0.1 for guest tests: it stands where guests are told the console
// listens, keeps every datagram (with when it arrived) and forwards it unchanged to the
// real listener's port.

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QNetworkDatagram>
#include <QUdpSocket>

#include <atomic>
#include <future>
#include <thread>

// Rejected by the listener before anything else is looked at: "not-vmeclone".
inline const QByteArray kFence = "FENCE: not a vmeclone datagram";

// Stands where guests are told the console listens (127.0.0.1:port()), keeps every
// datagram that arrives, and forwards it unchanged to the real listener's port. Runs on
// a thread of its own, so it forwards at once also while the test waits for a CLI.
class RecordingRelay {
public:
    struct Datagram {
        QByteArray data;
        QHostAddress from;
        quint16 fromPort = 0;
        qint64 atMs = 0; // when it arrived, in ms since start()
    };

    explicit RecordingRelay(quint16 forwardTo)
        : m_forwardTo(forwardTo) {}
    ~RecordingRelay() { stop(); }

    // Binds a free port of 127.0.0.1, not shared: no listener can take it beside us.
    bool start() {
        m_clock.start();
        std::promise<quint16> bound;
        auto port = bound.get_future();
        m_thread = std::thread([this](std::promise<quint16> p) { run(p); }, std::move(bound));
        m_port = port.get();
        return m_port != 0;
    }
    // Forwards what already arrived, then a fence (kFence, from the same socket: the
    // listener judges it after all of them), and closes the port.
    void stop() {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    quint16 port() const { return m_port; }
    // Milliseconds since start(), on the clock of Datagram::atMs.
    qint64 now() const { return m_clock.elapsed(); }
    QList<Datagram> recorded() const {
        QMutexLocker lock(&m_mutex);
        return m_recorded;
    }
    int notForwarded() const { return m_notForwarded; }

private:
    void run(std::promise<quint16> &bound) {
        QUdpSocket socket;
        if (!socket.bind(QHostAddress::LocalHost, 0, QAbstractSocket::DontShareAddress)) {
            bound.set_value(0);
            return;
        }
        bound.set_value(socket.localPort());
        while (true) {
            const bool stopping = m_stop; // read first: a last drain after the stop
            while (socket.hasPendingDatagrams()) {
                const QNetworkDatagram d = socket.receiveDatagram();
                if (!d.isValid())
                    break;
                {
                    QMutexLocker lock(&m_mutex);
                    m_recorded.append({d.data(), d.senderAddress(),
                                       static_cast<quint16>(d.senderPort()),
                                       m_clock.elapsed()});
                }
                if (socket.writeDatagram(d.data(), QHostAddress::LocalHost, m_forwardTo)
                    != d.data().size())
                    ++m_notForwarded;
            }
            if (stopping) {
                socket.writeDatagram(kFence, QHostAddress::LocalHost, m_forwardTo);
                break;
            }
            socket.waitForReadyRead(50);
        }
    }

    const quint16 m_forwardTo;
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic_bool m_stop{false};
    std::atomic_int m_notForwarded{0};
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    QList<Datagram> m_recorded;
};

