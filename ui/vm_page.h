#pragma once
// A VM's own page (issue 14, item 2): opened by double-click or Enter on a table row.
// Its identity (name, address, MAC, instance, key scheme), its files and shard, its
// golden, the state changes the console has seen for it (the inventory's events), and
// the guest's serial log (QemuBackend::serialLog) with a live tail: the file is read
// from where it was last read whenever it grows, and the guest's own view of itself
// (GuestViewPanel, asked when its tab is first opened). Its buttons ask the window to start,
// stop, restart or release the VM; Copy address and Open folder act here.

#include "engine/engine_service.h"
#include "inventory/records.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace vmeclone {

class GuestViewPanel;

class VmPage : public QDialog {
    Q_OBJECT
public:
    VmPage(const VmRecord &vm, const GoldenRecord &golden, const QString &shard,
           const QList<EventRecord> &events, QWidget *parent = nullptr);

    qint64 vmId() const { return m_vm.id; }
    // The serial log's path (the QEMU backend's; other backends write none).
    QString serialLogPath() const { return m_serialPath; }
    QPlainTextEdit *serialLog() const { return m_serial; }
    GuestViewPanel *guestPanel() const { return m_guest; }
    // How often the serial log's size is looked at (default 500 ms).
    void setTailInterval(int ms) { m_tail.setInterval(ms); }
    // Reads what the serial log gained since the last read (the timer calls this).
    void readSerial();
    // Adds the events that are about this VM (the window passes every new one).
    void addEvents(const QList<EventRecord> &events);

Q_SIGNALS:
    // Restart is not an operation of the engine: the window stops, then starts.
    void operationRequested(vmeclone::EngineService::Operation operation, qint64 vmId);
    void restartRequested(qint64 vmId);

private:
    VmRecord m_vm;
    QString m_serialPath;
    qint64 m_serialRead = 0;
    QPlainTextEdit *m_serial = nullptr;
    QLabel *m_serialState = nullptr;
    QTreeWidget *m_history = nullptr;
    GuestViewPanel *m_guest = nullptr;
    QTimer m_tail;
};

} // namespace vmeclone
