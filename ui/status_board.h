#pragma once
// The status board: VMs per state, the listener's announcements per second and
// rejected packets, and one progress row per running batch with its ETA and a
// Cancel button.

#include "inventory/vm_state.h"
#include "listener/announcement_verifier.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <array>

class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace vmeclone {

class StatusBoard : public QWidget {
    Q_OBJECT
public:
    explicit StatusBoard(QWidget *parent = nullptr);

    void setCounts(const QHash<VmState, int> &counts);
    int count(VmState state) const { return m_counts.value(state); }
    void setListener(const QString &text, bool ok);
    void setAnnouncementRate(double perSecond);
    // The listener's rejected announcements by reason (ListenerStats::rejected): the
    // count shown leaves out those expected in normal work (a guest still speaking while
    // its VM stops or is released); the tooltip gives every reason with its count.
    void setRejected(const std::array<quint64, kRejectReasonCount> &byReason);
    // A reason in the operator's words.
    static QString rejectReasonText(RejectReason reason);
    // Rejections that normal stop and release produce, not a sign of trouble.
    static bool isExpected(RejectReason reason) { return reason == RejectReason::NotRunning; }

    void addBatch(int id, const QString &title, int total);
    void updateBatch(int id, int done, int total, int permille);
    void removeBatch(int id);
    // A batch the engine finished whose VMs are followed until their goal (online):
    // its title says how far they are, and its button stops following instead of
    // cancelling.
    void setBatchFollowing(int id, const QString &text, int permille);
    // The last finished batch, shown until the next one starts.
    void setLastFinished(const QString &text, bool problem);
    // "ETA 1 min 20 s" from elapsed time and progress; empty when unknown.
    static QString etaText(qint64 elapsedMs, int permille);

Q_SIGNALS:
    void cancelRequested(int batchId);

private:
    struct BatchRow {
        QWidget *row = nullptr;
        QLabel *title = nullptr;
        QProgressBar *bar = nullptr;
        QLabel *eta = nullptr;
        QPushButton *cancel = nullptr;
        QElapsedTimer clock;
        QString name;
        bool following = false; // the engine is done; the VMs are followed to their goal
    };
    QHash<VmState, QLabel *> m_countLabels;
    QHash<VmState, int> m_counts;
    QLabel *m_total = nullptr;
    QLabel *m_listener = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_rejected = nullptr;
    QVBoxLayout *m_batchLayout = nullptr;
    QLabel *m_idle = nullptr;
    QHash<int, BatchRow> m_batches;
};

} // namespace vmeclone
