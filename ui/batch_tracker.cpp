#include "batch_tracker.h"

#include "vm_state_style.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace vmeclone {

void BatchTracker::follow(BatchRecord record, VmState goal, const QList<qint64> &vmIds,
                          qint64 startedMsAgo) {
    Followed f;
    f.record = std::move(record);
    f.goal = goal;
    f.vmIds = vmIds;
    f.clock.start();
    f.before = startedMsAgo;
    m_followed.insert(f.record.id, std::move(f));
}

BatchTracker::Progress BatchTracker::progress(int id, const StateOf &stateOf) const {
    Progress p;
    const auto it = m_followed.constFind(id);
    if (it == m_followed.cend())
        return p;
    p.total = static_cast<int>(it->vmIds.size());
    for (const qint64 vm : it->vmIds) {
        const std::optional<VmState> state = stateOf(vm);
        if (!state) {
            ++p.failed; // released or removed meanwhile: it will not get there
            continue;
        }
        ++p.byState[*state];
        if (*state == it->goal)
            ++p.reached;
        else if (*state == VmState::Failed || *state == VmState::Stopped
                 || *state == VmState::Releasing)
            ++p.failed;
    }
    return p;
}

qint64 BatchTracker::elapsedMs(int id) const {
    const auto it = m_followed.constFind(id);
    return it == m_followed.cend() ? 0 : it->before + it->clock.elapsed();
}

BatchRecord BatchTracker::finish(int id, const QString &result) {
    Followed f = m_followed.take(id);
    f.record.tookMs = f.before + (f.clock.isValid() ? f.clock.elapsed() : 0);
    f.record.result = result;
    record(f.record);
    return f.record;
}

void BatchTracker::record(const BatchRecord &record) {
    m_history.prepend(record);
    while (m_history.size() > kHistoryKept)
        m_history.removeLast();
}

QString BatchTracker::breakdown(const Progress &progress) {
    QStringList parts;
    // The goal and the end states first, then the rest in the order of a VM's life.
    QList<VmState> order{VmState::Online, VmState::Configured, VmState::Stopped, VmState::Failed};
    for (const VmState s : VmStateStyle::shownStates())
        if (!order.contains(s))
            order << s;
    for (const VmState s : order)
        if (const int n = progress.byState.value(s); n > 0)
            parts << QCoreApplication::translate("vmeclone::BatchTracker", "%1 %2")
                         .arg(n)
                         .arg(VmStateStyle::label(s));
    const int gone =
        progress.total - std::accumulate(progress.byState.cbegin(), progress.byState.cend(), 0);
    if (gone > 0)
        parts << QCoreApplication::translate("vmeclone::BatchTracker", "%n gone", nullptr, gone);
    return parts.join(QCoreApplication::translate("vmeclone::BatchTracker", ", "));
}

QString BatchTracker::rangeText(QList<quint32> addresses) {
    std::sort(addresses.begin(), addresses.end());
    addresses.erase(std::unique(addresses.begin(), addresses.end()), addresses.end());
    const auto dotted = [](quint32 a) {
        return u"%1.%2.%3.%4"_s.arg(a >> 24)
            .arg((a >> 16) & 0xff)
            .arg((a >> 8) & 0xff)
            .arg(a & 0xff);
    };
    QStringList parts;
    for (qsizetype i = 0; i < addresses.size();) {
        qsizetype j = i;
        while (j + 1 < addresses.size() && addresses[j + 1] == addresses[j] + 1)
            ++j;
        if (j == i) {
            parts << dotted(addresses[i]);
        } else if ((addresses[i] >> 8) == (addresses[j] >> 8)) {
            parts << dotted(addresses[i]) + u"–"_s + QString::number(addresses[j] & 0xff);
        } else {
            parts << dotted(addresses[i]) + u"–"_s + dotted(addresses[j]);
        }
        i = j + 1;
    }
    return parts.join(u", "_s);
}

} // namespace vmeclone
