#include "vm_table_filter.h"

using namespace Qt::StringLiterals;

namespace vmeclone {

void VmTableFilter::setHost(const QString &host) {
    if (host == m_host)
        return;
    m_host = host;
    invalidateFilter();
}

void VmTableFilter::setSourceModel(QAbstractItemModel *model) {
    m_vms = qobject_cast<const VmTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool VmTableFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    if (m_vms && sortRole() == VmTableModel::SortRole && left.column() == right.column()) {
        const VmRow &a = m_vms->rowAt(left.row());
        const VmRow &b = m_vms->rowAt(right.row());
        // The same order as data(SortRole) gives; the other columns go through it.
        switch (left.column()) {
        case VmTableModel::SuffixColumn:
        case VmTableModel::IpColumn:
        case VmTableModel::NameColumn:
            return a.address.toUInt() < b.address.toUInt();
        case VmTableModel::StateColumn:
            return static_cast<int>(a.state) < static_cast<int>(b.state);
        case VmTableModel::BootsColumn:
            return a.boots < b.boots;
        default:
            break;
        }
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool VmTableFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (!m_host.isEmpty()) {
        const QString host = sourceModel()
                                 ->index(sourceRow, VmTableModel::HostColumn, sourceParent)
                                 .data(VmTableModel::HostRole)
                                 .toString();
        // A head's host holds the hosts below it too ("sub" holds "sub/lab1").
        if (host != m_host && !host.startsWith(m_host + u'/'))
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace vmeclone
