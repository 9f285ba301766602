#include "status_board.h"

#include "vm_state_style.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vmeclone {

StatusBoard::StatusBoard(QWidget *parent)
    : QWidget(parent) {
    auto *states = new QGroupBox(tr("VMs by state"), this);
    auto *grid = new QGridLayout(states);
    const QList<VmState> shown = VmStateStyle::shownStates();
    int i = 0;
    for (VmState s : shown) {
        auto *icon = new QLabel(states);
        icon->setPixmap(VmStateStyle::icon(s).pixmap(12, 12));
        auto *name = new QLabel(VmStateStyle::label(s), states);
        auto *value = new QLabel(u"0"_s, states);
        value->setObjectName(u"count-"_s + vmStateName(s));
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(u"00000"_s));
        const int row = i % 7, col = (i / 7) * 3;
        grid->addWidget(icon, row, col);
        grid->addWidget(name, row, col + 1);
        grid->addWidget(value, row, col + 2);
        m_countLabels.insert(s, value);
        ++i;
    }
    m_total = new QLabel(states);
    grid->addWidget(m_total, 7, 0, 1, 6);

    auto *listener = new QGroupBox(tr("Announcements"), this);
    auto *form = new QGridLayout(listener);
    m_listener = new QLabel(listener);
    m_listener->setWordWrap(true);
    m_rate = new QLabel(u"0"_s, listener);
    m_rate->setObjectName(u"announcementRate"_s);
    m_rejected = new QLabel(u"0"_s, listener);
    m_rejected->setObjectName(u"rejectedPackets"_s);
    form->addWidget(m_listener, 0, 0, 1, 2);
    form->addWidget(new QLabel(tr("Per second:"), listener), 1, 0);
    form->addWidget(m_rate, 1, 1);
    form->addWidget(new QLabel(tr("Rejected packets:"), listener), 2, 0);
    form->addWidget(m_rejected, 2, 1);

    auto *batches = new QGroupBox(tr("Batches"), this);
    m_batchLayout = new QVBoxLayout(batches);
    m_idle = new QLabel(tr("No batch running."), batches);
    m_idle->setObjectName(u"batchIdle"_s);
    m_idle->setWordWrap(true);
    m_batchLayout->addWidget(m_idle);
    m_batchLayout->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(states);
    layout->addWidget(listener);
    layout->addWidget(batches, 1);
    setCounts({});
}

void StatusBoard::setCounts(const QHash<VmState, int> &counts) {
    m_counts = counts;
    int total = 0;
    for (auto it = m_countLabels.begin(); it != m_countLabels.end(); ++it) {
        const int n = counts.value(it.key());
        total += n;
        it.value()->setText(QString::number(n));
        it.value()->setEnabled(n > 0);
    }
    m_total->setText(tr("%n VM(s) in all", nullptr, total));
}

void StatusBoard::setListener(const QString &text, bool ok) {
    m_listener->setText(text);
    m_listener->setStyleSheet(ok ? QString() : u"color: #c0392b;"_s);
}

void StatusBoard::setAnnouncementRate(double perSecond) {
    m_rate->setText(QString::number(perSecond, 'f', perSecond < 10 ? 1 : 0));
}

QString StatusBoard::rejectReasonText(RejectReason reason) {
    switch (reason) {
    case RejectReason::Truncated:
        return tr("truncated packet");
    case RejectReason::Oversized:
        return tr("packet too large");
    case RejectReason::BadMagic:
        return tr("not a vmeclone announcement");
    case RejectReason::UnknownVersion:
        return tr("unknown protocol version");
    case RejectReason::Malformed:
        return tr("malformed announcement");
    case RejectReason::Unsigned:
        return tr("unsigned (unsigned guests are not allowed)");
    case RejectReason::BadSignature:
        return tr("bad signature (wrong key, or an address that is not the key's)");
    case RejectReason::UnknownVm:
        return tr("no VM with that address");
    case RejectReason::MacMismatch:
        return tr("MAC address not the VM's");
    case RejectReason::Replayed:
        return tr("replayed (an old sequence number or boot)");
    case RejectReason::NotRunning:
        return tr("VM stopping, stopped or being released (expected)");
    case RejectReason::RateLimited:
        return tr("too many packets from one source");
    case RejectReason::VmRateLimited:
        return tr("too many announcements for one VM");
    case RejectReason::Count_:
        break;
    }
    return QString::fromLatin1(rejectReasonName(reason));
}

void StatusBoard::setRejected(const std::array<quint64, kRejectReasonCount> &byReason) {
    quint64 counted = 0;
    quint64 expected = 0;
    QStringList lines;
    for (int i = 0; i < kRejectReasonCount; ++i) {
        const auto reason = static_cast<RejectReason>(i);
        const quint64 n = byReason[static_cast<size_t>(i)];
        (isExpected(reason) ? expected : counted) += n;
        if (n > 0)
            lines << tr("%1: %2").arg(rejectReasonText(reason)).arg(n);
    }
    m_rejected->setText(expected > 0 ? tr("%1 (and %2 expected)").arg(counted).arg(expected)
                                     : QString::number(counted));
    m_rejected->setStyleSheet(counted > 0 ? u"color: #c0392b;"_s : QString());
    QString tip = tr("Announcements the listener refused. A guest still speaking while its VM "
                     "stops or is released is expected and not counted; anything else means a "
                     "packet that was not a current, signed announcement of a running VM.");
    if (!lines.isEmpty())
        tip += u"\n\n"_s + lines.join(u'\n');
    m_rejected->setToolTip(tip);
}

QString StatusBoard::etaText(qint64 elapsedMs, int permille) {
    if (permille <= 0 || permille >= 1000 || elapsedMs < 1000)
        return {};
    const qint64 remaining = elapsedMs * (1000 - permille) / permille / 1000;
    if (remaining >= 3600)
        return tr("ETA %1 h %2 min").arg(remaining / 3600).arg(remaining / 60 % 60);
    if (remaining >= 60)
        return tr("ETA %1 min %2 s").arg(remaining / 60).arg(remaining % 60);
    return tr("ETA %1 s").arg(remaining);
}

void StatusBoard::addBatch(int id, const QString &title, int total) {
    BatchRow b;
    b.row = new QWidget(this);
    b.row->setObjectName(u"batch-%1"_s.arg(id));
    b.name = title;
    b.title = new QLabel(tr("%1: 0 of %2").arg(title).arg(total), b.row);
    b.bar = new QProgressBar(b.row);
    b.bar->setRange(0, 1000);
    b.bar->setValue(0);
    b.bar->setFormat(u"%p %"_s);
    b.eta = new QLabel(b.row);
    b.cancel = new QPushButton(tr("Cancel"), b.row);
    b.cancel->setObjectName(u"cancelBatch"_s);
    connect(b.cancel, &QPushButton::clicked, this, [this, id] {
        if (auto it = m_batches.find(id); it != m_batches.end()) {
            it->cancel->setEnabled(false);
            it->cancel->setText(tr("Cancelling…"));
        }
        Q_EMIT cancelRequested(id);
    });
    auto *layout = new QGridLayout(b.row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(b.title, 0, 0);
    layout->addWidget(b.eta, 0, 1, Qt::AlignRight);
    layout->addWidget(b.bar, 1, 0);
    layout->addWidget(b.cancel, 1, 1);
    b.clock.start();
    m_batchLayout->insertWidget(m_batchLayout->count() - 1, b.row);
    m_batches.insert(id, b);
    m_idle->hide();
}

void StatusBoard::updateBatch(int id, int done, int total, int permille) {
    auto it = m_batches.find(id);
    if (it == m_batches.end())
        return;
    it->title->setText(tr("%1: %2 of %3").arg(it->name).arg(done).arg(total));
    it->bar->setValue(qBound(0, permille, 1000));
    it->eta->setText(etaText(it->clock.elapsed(), permille));
}

void StatusBoard::setBatchFollowing(int id, const QString &text, int permille) {
    auto it = m_batches.find(id);
    if (it == m_batches.end())
        return;
    it->title->setText(text);
    it->title->setToolTip(text);
    it->bar->setValue(qBound(0, permille, 1000));
    it->eta->setText(etaText(it->clock.elapsed(), permille));
    if (!it->following) {
        it->following = true;
        it->cancel->setText(tr("Stop following"));
        it->cancel->setToolTip(tr("The VMs are made and started; stop waiting for them here "
                                  "(they go on booting)."));
        it->cancel->setEnabled(true);
    }
}

void StatusBoard::setLastFinished(const QString &text, bool problem) {
    m_idle->setText(tr("No batch running.") + u"\n"_s + tr("Last: %1").arg(text));
    m_idle->setStyleSheet(problem ? u"color: #c0392b;"_s : QString());
}

void StatusBoard::removeBatch(int id) {
    auto it = m_batches.find(id);
    if (it == m_batches.end())
        return;
    it->row->deleteLater();
    m_batches.erase(it);
    m_idle->setVisible(m_batches.isEmpty());
}

} // namespace vmeclone
