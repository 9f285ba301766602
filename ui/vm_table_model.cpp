#include "vm_table_model.h"

#include "common/event_text.h"
#include "common/text_format.h"
#include "shard_names.h"
#include "vm_state_style.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

// Internal field bit for what only a whole row carries.
constexpr unsigned kIdentity = 1u << 8;
constexpr unsigned kAllFields = VmChange::State | VmChange::Progress | VmChange::Reason
                                | VmChange::Boots | VmChange::Uptime | VmChange::LastSeen
                                | kIdentity;
// Internal field bit: only whether the row's host could be asked (VmChange::HostState).
constexpr unsigned kHostReach = 1u << 9;

constexpr unsigned bit(int column) {
    return 1u << column;
}

void addRoles(QList<int> &roles, std::initializer_list<int> more) {
    for (int r : more) {
        if (!roles.contains(r))
            roles.append(r);
    }
}

bool isRunningForUptime(VmState s) {
    return vmStateIsRunning(s) && s != VmState::Unreachable;
}

QString hostText(const QString &host) {
    return host.isEmpty() ? u"local"_s : host; // the CLI's name for this machine
}

QIcon hostUnreachableIcon() {
    static const QIcon icon = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(Qt::darkGray), 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(2.5, 2.5, 11, 11));
        return QIcon(pixmap);
    }();
    return icon;
}

} // namespace

VmTableModel::VmTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_queue(std::make_shared<VmChangeQueue>())
    , m_rowsInState(static_cast<size_t>(VmState::Failed) + 1, 0) {
    m_drainTimer.setInterval(100);
    connect(&m_drainTimer, &QTimer::timeout, this, &VmTableModel::drain);
    m_drainTimer.start();
    m_clockTimer.setInterval(1000);
    connect(&m_clockTimer, &QTimer::timeout, this, &VmTableModel::refreshClock);
    m_clockTimer.start();
}

VmTableModel::~VmTableModel() = default;

void VmTableModel::setDrainInterval(int ms) {
    m_drainTimer.setInterval(qMax(1, ms));
}

void VmTableModel::setShardNames(const QHash<QString, QString> &names) {
    if (names == m_shardNames)
        return;
    m_shardNames = names;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, ShardColumn), index(rowCount() - 1, ShardColumn));
}

void VmTableModel::setClockInterval(int ms) {
    if (ms <= 0) {
        m_clockTimer.stop();
        return;
    }
    m_clockTimer.start(ms);
}

void VmTableModel::applyFields(VmRow &t, const VmRow &s, unsigned fields, Touched *touched) {
    Touched scratch;
    Touched &d = touched ? *touched : scratch;
    const int display = Qt::DisplayRole;
    if (fields & kIdentity) {
        if (t.name != s.name) {
            t.name = s.name;
            d.columns |= bit(NameColumn);
            addRoles(d.roles, {display, SortRole});
        }
        if (t.address != s.address || t.suffix != s.suffix) {
            t.address = s.address;
            t.suffix = s.suffix;
            d.columns |= bit(SuffixColumn) | bit(IpColumn) | bit(NameColumn);
            addRoles(d.roles, {display, SortRole});
        }
        if (!(t.mac == s.mac)) {
            t.mac = s.mac;
            d.columns |= bit(MacColumn);
            addRoles(d.roles, {display, SortRole});
        }
        if (t.shard != s.shard) {
            t.shard = s.shard;
            d.columns |= bit(ShardColumn);
            addRoles(d.roles, {display, SortRole, Qt::ToolTipRole});
        }
        if (t.host != s.host || t.hostKey < 0) {
            t.host = s.host;
            t.hostKey = hostKeyOf(s.host);
            d.columns |= bit(HostColumn);
            addRoles(d.roles, {display, SortRole, HostRole});
        }
        if (t.hostUnreachable != s.hostUnreachable || t.hostError != s.hostError) {
            t.hostUnreachable = s.hostUnreachable;
            t.hostError = s.hostError;
            d.columns |= (1u << ColumnCount) - 1; // greyed or not: every cell
            addRoles(d.roles, {display, Qt::ForegroundRole, Qt::DecorationRole, Qt::ToolTipRole,
                               HostUnreachableRole});
        }
    }
    if ((fields & kHostReach) && !(fields & kIdentity)
        && (t.hostUnreachable != s.hostUnreachable || t.hostError != s.hostError)) {
        t.hostUnreachable = s.hostUnreachable;
        t.hostError = s.hostError;
        d.columns |= (1u << ColumnCount) - 1;
        addRoles(d.roles, {display, Qt::ForegroundRole, Qt::DecorationRole, Qt::ToolTipRole,
                           HostUnreachableRole});
    }
    if ((fields & VmChange::State) && t.state != s.state) {
        t.state = s.state;
        d.columns |= bit(StateColumn) | bit(ProgressColumn) | bit(UptimeColumn);
        addRoles(d.roles, {display, SortRole, Qt::DecorationRole, Qt::ForegroundRole, StateRole,
                           StateNameRole, ProgressRole});
    }
    if ((fields & VmChange::Progress) && t.progress != s.progress) {
        t.progress = s.progress;
        d.columns |= bit(ProgressColumn);
        addRoles(d.roles, {display, SortRole, ProgressRole});
    }
    if ((fields & VmChange::Reason) && t.reason != s.reason) {
        t.reason = s.reason;
        d.columns |= bit(StateColumn) | bit(DetailColumn);
        addRoles(d.roles, {display, SortRole, Qt::ToolTipRole});
    }
    if ((fields & VmChange::Boots) && t.boots != s.boots) {
        t.boots = s.boots;
        d.columns |= bit(BootsColumn);
        addRoles(d.roles, {display, SortRole});
    }
    if ((fields & VmChange::Uptime) && t.uptimeSeconds != s.uptimeSeconds) {
        t.uptimeSeconds = s.uptimeSeconds;
        d.columns |= bit(UptimeColumn);
        addRoles(d.roles, {display, SortRole});
    }
    if ((fields & VmChange::LastSeen) && t.lastSeen != s.lastSeen) {
        t.lastSeen = s.lastSeen;
        d.columns |= bit(HeartbeatColumn) | bit(UptimeColumn);
        addRoles(d.roles, {display, SortRole});
    }
}

void VmTableModel::drain() {
    const QList<VmChange> changes = m_queue->takeAll();
    if (changes.isEmpty())
        return;

    QHash<qint64, Touched> touched; // existing rows, by id
    std::vector<VmRow> inserts;     // id -1: inserted and removed again in this batch
    QHash<qint64, size_t> insertAt;
    QSet<qint64> removals;

    // New rows per host number, as insertAt holds them (a snapshot counts its host's rows).
    std::vector<int> insertsOfHostKey;
    const auto countInsert = [&](int hostKey, int by) {
        if (static_cast<size_t>(hostKey) >= insertsOfHostKey.size())
            insertsOfHostKey.resize(static_cast<size_t>(hostKey) + 1, 0);
        insertsOfHostKey[static_cast<size_t>(hostKey)] += by;
    };
    bool rowMovedHost = false; // an existing row changed host: m_rowsOfHostKey is stale

    auto apply = [&](const VmRow &src, unsigned fields, bool whole, bool mayInsert) {
        if (auto it = m_rowOfId.constFind(src.id); it != m_rowOfId.constEnd()) {
            // Removed earlier in this batch: only a whole row (or one that may be new)
            // brings it back; a state change of a removed VM is late news.
            if (removals.contains(src.id) && !whole && !mayInsert)
                return;
            removals.remove(src.id);
            VmRow &row = m_rows[static_cast<size_t>(*it)];
            const VmState was = row.state;
            const int hostWas = row.hostKey;
            applyFields(row, src, whole ? kAllFields : fields, &touched[src.id]);
            if (row.state != was) {
                --m_rowsInState[static_cast<size_t>(was)];
                ++m_rowsInState[static_cast<size_t>(row.state)];
            }
            rowMovedHost = rowMovedHost || row.hostKey != hostWas;
        } else if (auto jt = insertAt.constFind(src.id); jt != insertAt.constEnd()) {
            VmRow &row = inserts[*jt];
            const int hostWas = row.hostKey;
            if (whole) {
                row = src;
                row.hostKey = hostKeyOf(src.host);
            } else {
                applyFields(row, src, fields, nullptr);
            }
            if (row.hostKey != hostWas) {
                countInsert(hostWas, -1);
                countInsert(row.hostKey, +1);
            }
        } else if (mayInsert) {
            insertAt.insert(src.id, inserts.size());
            inserts.push_back(src);
            inserts.back().hostKey = hostKeyOf(src.host);
            countInsert(inserts.back().hostKey, +1);
        }
    };
    auto removeId = [&](qint64 id) {
        if (m_rowOfId.contains(id))
            removals.insert(id);
        if (auto jt = insertAt.find(id); jt != insertAt.end()) {
            countInsert(inserts[*jt].hostKey, -1);
            inserts[*jt].id = -1;
            insertAt.erase(jt);
        }
    };
    // Whether every row of the snapshot's scope (the model's and this batch's new ones) is
    // in `present`: then nothing is gone and the scope's rows need not be walked. Exact
    // only while no row was removed or moved host in this batch; otherwise walk.
    const auto allPresent = [&](const QSet<qint64> &present, const std::vector<char> &mask) {
        if (rowMovedHost || !removals.isEmpty())
            return false;
        qsizetype inScope = 0;
        for (size_t k = 0; k < mask.size(); ++k) {
            if (!mask[k])
                continue;
            if (k < m_rowsOfHostKey.size())
                inScope += m_rowsOfHostKey[k];
            if (k < insertsOfHostKey.size())
                inScope += insertsOfHostKey[k];
        }
        qsizetype found = 0;
        for (qint64 id : present) {
            if (auto it = m_rowOfId.constFind(id); it != m_rowOfId.constEnd())
                found += mask[static_cast<size_t>(m_rows[static_cast<size_t>(*it)].hostKey)];
            else if (auto jt = insertAt.constFind(id); jt != insertAt.constEnd())
                found += mask[static_cast<size_t>(inserts[*jt].hostKey)];
        }
        return found == inScope;
    };

    // Ordered by the inventory's change sequence (VmChange::seq): per VM, the newest
    // sequence applied. A change or a snapshot's row older than that is what the VM was
    // before: skipped. Entries of removed VMs stay until a snapshot read after their
    // removal, so an older snapshot that still holds them cannot bring them back.
    const auto isCurrent = [&](qint64 id, qint64 seq) {
        return seq == 0 || (seq > 0 && seq >= m_seq.value(id, 0));
    };
    const auto hold = [&](qint64 id, qint64 seq) {
        if (seq > 0) {
            qint64 &held = m_seq[id];
            held = std::max(held, seq);
        }
    };
    for (const auto &c : changes) {
        switch (c.kind) {
        case VmChange::Kind::Upsert:
        case VmChange::Kind::Update:
            if (!isCurrent(c.row.id, c.seq))
                break;
            hold(c.row.id, c.seq);
            if (c.kind == VmChange::Kind::Upsert)
                apply(c.row, kAllFields, true, true);
            else
                apply(c.row, c.fields, false, !c.row.name.isEmpty());
            break;
        case VmChange::Kind::Remove:
            if (!isCurrent(c.row.id, c.seq))
                break;
            hold(c.row.id, c.seq);
            removeId(c.row.id);
            break;
        case VmChange::Kind::HostState: {
            // Every row of the host as it is, flagged (or no longer) as unreachable.
            VmRow flag;
            flag.hostUnreachable = c.row.hostUnreachable;
            flag.hostError = c.row.hostUnreachable ? c.row.hostError : QString();
            const std::vector<char> mask = scopeMask(c.host);
            for (const VmRow &r : m_rows) {
                if (!mask[static_cast<size_t>(r.hostKey)] || removals.contains(r.id)
                    || (r.hostUnreachable == flag.hostUnreachable && r.hostError == flag.hostError))
                    continue;
                flag.id = r.id;
                apply(flag, kHostReach, false, false);
            }
            for (VmRow &r : inserts)
                if (r.id != -1 && mask[static_cast<size_t>(r.hostKey)])
                    applyFields(r, flag, kHostReach, nullptr);
            break;
        }
        case VmChange::Kind::Snapshot: {
            QSet<qint64> present;
            present.reserve(c.rows.size());
            for (const auto &r : c.rows) {
                present.insert(r.id);
                if (c.seq == 0 || isCurrent(r.id, r.seq)) {
                    hold(r.id, r.seq);
                    apply(r, kAllFields, true, true);
                }
            }
            // Absent from the snapshot: gone, unless this view learnt of the VM after the
            // snapshot was read (a clone reserved since).
            const auto goneBy = [&](qint64 id) {
                return c.seq == 0 || m_seq.value(id, 0) <= c.seq;
            };
            // Only rows of the snapshot's own host: this machine's snapshot leaves the
            // hosts' rows alone, and each host's its own.
            const std::vector<char> mask = scopeMask(c.host);
            if (!allPresent(present, mask)) {
                for (const VmRow &r : m_rows) {
                    if (mask[static_cast<size_t>(r.hostKey)] && !present.contains(r.id)
                        && goneBy(r.id))
                        removals.insert(r.id);
                }
                for (const VmRow &r : inserts) {
                    if (r.id != -1 && mask[static_cast<size_t>(r.hostKey)]
                        && !present.contains(r.id) && goneBy(r.id))
                        removeId(r.id);
                }
            }
            // A removal this snapshot saw needs no guarding any more (only this machine's
            // rows carry sequences).
            if (c.host.isEmpty())
                m_seq.removeIf([&](const auto &it) {
                    return !present.contains(it.key()) && it.value() <= c.seq
                           && !insertAt.contains(it.key());
                });
            break;
        }
        }
    }

    // 1. Removals, as merged ranges from the bottom up so indices stay valid.
    if (!removals.isEmpty()) {
        QList<int> rows;
        rows.reserve(removals.size());
        for (qint64 id : std::as_const(removals)) {
            rows.append(m_rowOfId.value(id));
            --m_rowsInState[static_cast<size_t>(m_rows[static_cast<size_t>(rows.last())].state)];
        }
        std::sort(rows.begin(), rows.end(), std::greater<>());
        qsizetype i = 0;
        while (i < rows.size()) {
            const int last = rows[i];
            int first = last;
            while (i + 1 < rows.size() && rows[i + 1] == first - 1)
                first = rows[++i];
            ++i;
            beginRemoveRows({}, first, last);
            m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
            endRemoveRows();
        }
        m_rowOfId.clear();
        for (size_t r = 0; r < m_rows.size(); ++r)
            m_rowOfId.insert(m_rows[r].id, static_cast<int>(r));
    }

    // 2. Changed rows: sorted, merged into contiguous ranges, one dataChanged each.
    QList<QPair<int, const Touched *>> changed;
    for (auto it = touched.constBegin(); it != touched.constEnd(); ++it) {
        if (it->columns == 0)
            continue;
        auto row = m_rowOfId.constFind(it.key());
        if (row != m_rowOfId.constEnd())
            changed.append({*row, &it.value()});
    }
    std::sort(changed.begin(), changed.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    // Rows scattered over a large table (a feed from many hosts): past this many runs,
    // one signal for the stretch they span costs the view and the proxy less.
    qsizetype runs = changed.isEmpty() ? 0 : 1;
    for (qsizetype k = 1; k < changed.size(); ++k)
        runs += changed[k].first != changed[k - 1].first + 1 ? 1 : 0;
    const bool oneStretch = runs > 64;
    qsizetype i = 0;
    while (i < changed.size()) {
        const int first = changed[i].first;
        int last = first;
        unsigned columns = changed[i].second->columns;
        QList<int> roles = changed[i].second->roles;
        while (i + 1 < changed.size() && (oneStretch || changed[i + 1].first == last + 1)) {
            ++i;
            last = changed[i].first;
            columns |= changed[i].second->columns;
            for (int r : changed[i].second->roles) {
                if (!roles.contains(r))
                    roles.append(r);
            }
        }
        ++i;
        int firstColumn = 0;
        while (!(columns & bit(firstColumn)))
            ++firstColumn;
        int lastColumn = ColumnCount - 1;
        while (!(columns & bit(lastColumn)))
            --lastColumn;
        std::sort(roles.begin(), roles.end());
        Q_EMIT dataChanged(index(first, firstColumn), index(last, lastColumn), roles);
    }

    // 3. New rows, all at once at the end.
    std::vector<VmRow> fresh;
    fresh.reserve(inserts.size());
    for (auto &r : inserts) {
        if (r.id != -1)
            fresh.push_back(std::move(r));
    }
    if (!fresh.empty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        for (auto &r : fresh) {
            m_rowOfId.insert(r.id, static_cast<int>(m_rows.size()));
            ++m_rowsInState[static_cast<size_t>(r.state)];
            m_rows.push_back(std::move(r));
        }
        endInsertRows();
    }
    if (!removals.isEmpty() || !fresh.empty() || rowMovedHost)
        recountHosts();
    Q_EMIT changesApplied(static_cast<int>(changes.size()));
}

void VmTableModel::recountHosts() {
    m_rowsOfHostKey.assign(static_cast<size_t>(m_hostKeys.size()), 0);
    for (const VmRow &r : m_rows)
        ++m_rowsOfHostKey[static_cast<size_t>(r.hostKey)];
}

int VmTableModel::hostKeyOf(const QString &host) {
    const auto it = m_hostKeys.constFind(host);
    if (it != m_hostKeys.constEnd())
        return *it;
    const int key = static_cast<int>(m_hostKeys.size());
    m_hostKeys.insert(host, key);
    return key;
}

std::vector<char> VmTableModel::scopeMask(const QString &scope) const {
    std::vector<char> mask(static_cast<size_t>(m_hostKeys.size()), 0);
    for (auto it = m_hostKeys.constBegin(); it != m_hostKeys.constEnd(); ++it)
        mask[static_cast<size_t>(it.value())] = VmRow::inScope(it.key(), scope) ? 1 : 0;
    return mask;
}

void VmTableModel::refreshClock() {
    if (m_rows.empty())
        return;
    Q_EMIT dataChanged(index(0, HeartbeatColumn), index(rowCount() - 1, UptimeColumn),
                       {Qt::DisplayRole});
}

int VmTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int VmTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString VmTableModel::agoText(const QDateTime &t, const QDateTime &now) {
    return t.isValid() ? vmeclone::agoText(t, now) : u"—"_s;
}

QString VmTableModel::durationText(qint64 seconds) {
    // "0 s" where the engine's wording has "-": the VM is up, for less than a second.
    return seconds > 0 ? vmeclone::durationText(seconds)
                       : QCoreApplication::translate("vmeclone::TextFormat", "%1 s").arg(0);
}

QVariant VmTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VmRow &r = m_rows[static_cast<size_t>(index.row())];
    const int column = index.column();
    auto currentUptime = [&]() -> qint64 {
        if (!isRunningForUptime(r.state) || !r.lastSeen.isValid())
            return -1;
        return r.uptimeSeconds + qMax<qint64>(0, r.lastSeen.secsTo(QDateTime::currentDateTime()));
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SuffixColumn:
            return r.suffix;
        case IpColumn:
            return r.address.toString();
        case NameColumn:
            return r.name;
        case HostColumn:
            return hostText(r.host);
        case MacColumn:
            return r.mac.toString();
        case ShardColumn:
            // A short name that tells shards apart; the tooltip has the whole path.
            return shardShortName(m_shardNames, r.shard);
        case StateColumn:
            // Its host could not be asked: not the VM's state (that is "unreachable").
            return r.hostUnreachable ? tr("host unreachable") : VmStateStyle::label(r.state);
        case ProgressColumn:
            return r.state == VmState::Copying ? u"%1 %"_s.arg(r.progress) : QString();
        case BootsColumn:
            return r.boots;
        case HeartbeatColumn:
            return agoText(r.lastSeen, QDateTime::currentDateTime());
        case UptimeColumn: {
            const qint64 up = currentUptime();
            return up < 0 ? QString() : durationText(up);
        }
        case DetailColumn:
            return reasonText(r.reason); // core's words in the console's language
        }
        break;
    case SortRole:
        switch (column) {
        case SuffixColumn:
        case IpColumn:
        case NameColumn:
            return static_cast<qulonglong>(r.address.toUInt());
        case HostColumn:
            return r.host;
        case MacColumn:
            return r.mac.toString();
        case ShardColumn:
            return r.shard;
        case StateColumn:
            return static_cast<int>(r.state);
        case ProgressColumn:
            return r.state == VmState::Copying ? r.progress : -1;
        case BootsColumn:
            return r.boots;
        case HeartbeatColumn:
            return r.lastSeen.isValid() ? r.lastSeen.toMSecsSinceEpoch() : qint64(0);
        case UptimeColumn:
            return currentUptime();
        case DetailColumn:
            return reasonText(r.reason); // in the order the console's language shows
        }
        break;
    case StateRole:
        return static_cast<int>(r.state);
    case StateNameRole:
        return vmStateName(r.state);
    case HostRole:
        return hostText(r.host);
    case HostUnreachableRole:
        return r.hostUnreachable;
    case ProgressRole:
        return r.state == VmState::Copying ? r.progress : -1;
    case IdRole:
        return r.id;
    case Qt::DecorationRole:
        if (column == StateColumn)
            return r.hostUnreachable ? hostUnreachableIcon() : VmStateStyle::icon(r.state);
        break;
    case Qt::ForegroundRole:
        if (r.hostUnreachable)
            return QColor(Qt::gray); // greyed: what the table last knew
        if (column == StateColumn)
            return VmStateStyle::colour(r.state);
        break;
    case Qt::ToolTipRole:
        if (r.hostUnreachable && (column == StateColumn || column == HostColumn))
            return tr("Host %1 could not be asked (%2); the row shows its last known state: %3")
                .arg(hostText(r.host), r.hostError, VmStateStyle::label(r.state));
        if (column == StateColumn || column == DetailColumn)
            return r.reason.isEmpty() ? QVariant() : QVariant(reasonText(r.reason));
        if (column == ShardColumn)
            return r.shard;
        break;
    case Qt::TextAlignmentRole:
        if (column == SuffixColumn || column == BootsColumn || column == ProgressColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant VmTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SuffixColumn:
        return tr("Suffix");
    case IpColumn:
        return tr("IP");
    case NameColumn:
        return tr("Name");
    case HostColumn:
        return tr("Host");
    case MacColumn:
        return tr("MAC");
    case ShardColumn:
        return tr("Shard");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case BootsColumn:
        return tr("Boots");
    case HeartbeatColumn:
        return tr("Last heartbeat");
    case UptimeColumn:
        return tr("Uptime");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

const VmRow *VmTableModel::rowById(qint64 id) const {
    auto it = m_rowOfId.constFind(id);
    return it == m_rowOfId.constEnd() ? nullptr : &m_rows[static_cast<size_t>(*it)];
}

QModelIndex VmTableModel::indexOfId(qint64 id, int column) const {
    auto it = m_rowOfId.constFind(id);
    return it == m_rowOfId.constEnd() ? QModelIndex() : index(*it, column);
}

QHash<VmState, int> VmTableModel::stateCounts() const {
    // Kept as rows change (drain), not counted over 100,000 rows at every batch.
    QHash<VmState, int> counts;
    for (size_t s = 0; s < m_rowsInState.size(); ++s)
        if (m_rowsInState[s] > 0)
            counts.insert(static_cast<VmState>(s), m_rowsInState[s]);
    return counts;
}

} // namespace vmeclone
