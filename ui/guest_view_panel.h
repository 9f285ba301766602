#pragma once
// A VM page's "Guest" tab (issue 13, item 4): what the running guest says of itself
// through qemu-guest-agent (Engine::GuestReading) beside what the inventory expects,
// each field that differs marked. Asked when the tab is first shown and on "Ask the
// guest"; the reading runs on a pool thread (EngineService::readGuest), never here.

#include "engine/engine.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace vmeclone {

class GuestViewPanel : public QWidget {
    Q_OBJECT
public:
    using Source = std::function<QFuture<Engine::GuestReading>()>;

    GuestViewPanel(const VmRecord &vm, const GoldenRecord &golden, QWidget *parent = nullptr);
    // Where readings come from; without one, the panel says the guest cannot be asked.
    void setSource(Source source) { m_source = std::move(source); }
    // Asks the guest now (a reading in flight is not asked twice).
    void ask();
    // Shows a reading (the source's answer; tests may pass one).
    void show(const Engine::GuestReading &reading);
    bool asked() const { return m_asked; }
    QTreeWidget *fields() const { return m_fields; }

Q_SIGNALS:
    void readingShown();

private:
    VmRecord m_vm;
    GoldenRecord m_golden;
    Source m_source;
    bool m_asked = false;
    QFutureWatcher<Engine::GuestReading> m_watcher;
    QLabel *m_state = nullptr;
    QPushButton *m_askButton = nullptr;
    QTreeWidget *m_fields = nullptr;
};

} // namespace vmeclone
