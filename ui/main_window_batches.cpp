// Batches until online (issue 14, item 1): the engine's batch of a clone that starts its
// VMs, or of a start, ends when their QEMUs run; the window then follows the VMs in its
// table until each is online (or failed, stopped, gone), shows how far they are with an
// ETA from the VMs already there and a breakdown by state, and keeps every finished
// batch in a history the operator can reopen (Batch history…).

#include "common/failure_text.h"
#include "common/logging.h"
#include "main_window.h"
#include "main_window_p.h"
#include "status_board.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vmeclone {

using namespace main_window_detail;

void MainWindow::onBatchFinished(int id, EngineService::Operation op, const BatchResult &result) {
    m_batchOps.remove(id);
    const QDateTime started = m_batchStartedAt.take(id);
    const bool noStart = m_noStart.remove(id);
    if (const auto restart = m_restartAfter.take(id); !restart.isEmpty() && !result.cancelled)
        runOnVms(EngineService::Operation::Start, restart);
    int cancelled = 0;
    BatchRecord record;
    record.id = id;
    record.operation = operationLabel(op);
    record.started = started.isValid() ? started : QDateTime::currentDateTime();
    QList<quint32> addresses;
    QSet<quint32> goingOn; // done by the engine: followed to their goal when there is one
    for (const auto &o : result.outcomes) {
        addresses << o.address.toUInt();
        // A VM the cancel rolled back was told once, by its event; only failures warn.
        if (o.cancelled) {
            ++cancelled;
        } else if (!o.ok) {
            log::console()->warn("{}", (o.name.isEmpty()
                                            ? tr("%1 %2: %3")
                                                  .arg(operationLabel(op), o.address.toString(),
                                                       failureText(o.message))
                                            : tr("%1 %2 (%3): %4")
                                                  .arg(operationLabel(op), o.address.toString(),
                                                       o.name, failureText(o.message))));
            record.failures
                << tr("%1 (%2): %3").arg(o.name, o.address.toString(), failureText(o.message));
        } else {
            goingOn.insert(o.address.toUInt());
        }
    }
    record.range = BatchTracker::rangeText(addresses);
    const int failed = result.failures() - cancelled;
    const int done = static_cast<int>(result.outcomes.size()) - failed - cancelled;
    log::console()->info(
        "{}", result.cancelled
                  ? tr("batch %1 finished: %2 done, %3 failed, cancelled: %4 not made")
                        .arg(id)
                        .arg(done)
                        .arg(failed)
                        .arg(cancelled)
                  : tr("batch %1 finished: %2 done, %3 failed").arg(id).arg(done).arg(failed));
    m_service->refreshSoon();
    updateActions();
    Q_EMIT batchDone(id, result);

    // A clone that starts its VMs, and a start, are done when the VMs are online.
    const bool toOnline = (op == EngineService::Operation::Clone && !noStart)
                          || op == EngineService::Operation::Start;
    if (toOnline && !result.cancelled && !goingOn.isEmpty()) {
        QList<qint64> ids;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const QModelIndex i = m_model->index(r, 0);
            const qint64 vmId = i.data(VmTableModel::IdRole).toLongLong();
            if (vmId <= 0)
                continue; // a host's VM: not this machine's batch
            if (const VmRow *row = m_model->rowById(vmId);
                row && goingOn.contains(row->address.toUInt()))
                ids << vmId;
        }
        // VMs of the batch the table does not show yet count as gone only once it has
        // caught up: their rows come with the next snapshot, which the refresh asks for.
        if (ids.size() == goingOn.size()) {
            m_tracker.follow(record, VmState::Online, ids,
                             record.started.msecsTo(QDateTime::currentDateTime()));
            statusBar()->showMessage(
                tr("%1: %n VM(s) started; following them until online", nullptr, done)
                    .arg(record.operation),
                8000);
            followBatches();
            return;
        }
    }
    m_board->removeBatch(id);
    QString text = tr("%1 done, %2 failed").arg(done).arg(failed);
    if (result.cancelled)
        text += tr(" (cancelled: %n not made)", nullptr, cancelled);
    record.tookMs = record.started.msecsTo(QDateTime::currentDateTime());
    record.result = text;
    m_tracker.record(record);
    batchSettled(id, record, failed > 0 || result.cancelled);
}

void MainWindow::followBatches() {
    const BatchTracker::StateOf stateOf = [this](qint64 vmId) -> std::optional<VmState> {
        if (const VmRow *row = m_model->rowById(vmId))
            return row->state;
        return std::nullopt;
    };
    for (const int id : m_tracker.followed()) {
        const BatchTracker::Progress p = m_tracker.progress(id, stateOf);
        const QString breakdown = BatchTracker::breakdown(p);
        if (p.settled()) {
            const BatchRecord record = m_tracker.finish(id, breakdown);
            m_board->removeBatch(id);
            batchSettled(id, record, p.failed > 0);
            continue;
        }
        m_board->setBatchFollowing(id,
                                   tr("%1: %2 of %3 online (%4)")
                                       .arg(m_tracker.operationOf(id))
                                       .arg(p.reached)
                                       .arg(p.total)
                                       .arg(breakdown),
                                   p.permille());
    }
}

void MainWindow::stopFollowing(int id) {
    const BatchTracker::StateOf stateOf = [this](qint64 vmId) -> std::optional<VmState> {
        if (const VmRow *row = m_model->rowById(vmId))
            return row->state;
        return std::nullopt;
    };
    const QString breakdown = BatchTracker::breakdown(m_tracker.progress(id, stateOf));
    const BatchRecord record =
        m_tracker.finish(id, tr("not followed to the end: %1").arg(breakdown));
    m_board->removeBatch(id);
    batchSettled(id, record, false);
}

void MainWindow::batchSettled(int id, const BatchRecord &record, bool problem) {
    const QString took = QLocale().toString(static_cast<double>(record.tookMs) / 1000.0, 'f', 1);
    const QString text =
        tr("%1 %2: %3 (%4 s)").arg(record.operation, record.range, record.result, took);
    log::console()->info("{}", tr("batch %1 settled: %2").arg(id).arg(text));
    m_board->setLastFinished(text, problem);
    notify(tr("Batch finished"), text, problem);
    Q_EMIT batchSettledSignal(id, record.result);
}

void MainWindow::showBatchHistory() {
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"batchHistoryDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Batch history"));
    auto *tree = new QTreeWidget(dialog);
    tree->setObjectName(u"batchHistory"_s);
    tree->setHeaderLabels({tr("Operation"), tr("VMs"), tr("Started"), tr("Took"), tr("Result")});
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(true);
    for (const BatchRecord &r : m_tracker.history()) {
        auto *item = new QTreeWidgetItem(tree);
        item->setText(0, r.operation);
        item->setText(1, r.range);
        item->setText(2, QLocale().toString(r.started, QLocale::ShortFormat));
        item->setText(
            3, tr("%1 s").arg(QLocale().toString(static_cast<double>(r.tookMs) / 1000.0, 'f', 1)));
        item->setText(4, r.result);
        item->setToolTip(4, r.result);
        // Each failure with its reason, under its batch.
        for (const QString &f : r.failures) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(4, f);
            child->setToolTip(4, f);
            child->setForeground(4, QColor(0xc0392b));
        }
    }
    if (m_tracker.history().isEmpty()) {
        auto *none = new QTreeWidgetItem(tree);
        none->setText(0, tr("No batch has finished since the console started."));
        none->setFirstColumnSpanned(true);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    dialog->resize(860, 360);
    dialog->show();
}

} // namespace vmeclone
