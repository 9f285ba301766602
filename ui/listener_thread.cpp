#include "listener_thread.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace vmeclone {

ListenerThread::ListenerThread(AnnouncementListener::Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    qRegisterMetaType<QList<vmeclone::VmUpdate>>();
    qRegisterMetaType<vmeclone::ListenerStats>();
}

ListenerThread::~ListenerThread() {
    if (!m_thread)
        return;
    if (m_listener) {
        // Its socket, timer and inventory connection belong to the listener thread.
        QMetaObject::invokeMethod(
            m_listener, [this] { delete m_listener; }, Qt::BlockingQueuedConnection);
        m_listener = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

Status ListenerThread::start() {
    if (m_thread)
        return fail(u"the listener is already started"_s);
    m_thread = new QThread;
    m_thread->setObjectName(u"vmeclone-listener"_s);
    m_thread->start();
    // Made inside its thread: its timers and socket must belong there from the start.
    QObject context;
    context.moveToThread(m_thread);
    Status status;
    QMetaObject::invokeMethod(
        &context,
        [this, &status] {
            m_listener = new AnnouncementListener(m_options);
            status = m_listener->start();
            m_port = m_listener->port();
        },
        Qt::BlockingQueuedConnection);
    return status;
}

} // namespace vmeclone
