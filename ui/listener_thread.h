#pragma once
// The announcement listener in a named thread of its own ("vmeclone-listener"), so
// a burst of datagrams never waits for the GUI and the GUI never waits for it. Its
// signals reach receivers in other threads queued.

#include "listener/announcement_listener.h"

#include <QObject>

class QThread;

namespace vmeclone {

class ListenerThread : public QObject {
    Q_OBJECT
public:
    explicit ListenerThread(AnnouncementListener::Options options, QObject *parent = nullptr);
    // Flushes and deletes the listener in its thread, then stops the thread.
    ~ListenerThread() override;

    // Starts the thread and the listener in it; fails naming the port when taken.
    Status start();
    // Lives in the listener thread: connect to its signals, call nothing on it.
    AnnouncementListener *listener() const { return m_listener; }
    quint16 port() const { return m_port; }

private:
    AnnouncementListener::Options m_options;
    QThread *m_thread = nullptr;
    AnnouncementListener *m_listener = nullptr;
    quint16 m_port = 0;
};

} // namespace vmeclone
