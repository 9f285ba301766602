#pragma once
// The proxy between the VM table model and its view: filter and sort.

#include "vm_table_model.h"

#include <QSortFilterProxyModel>

namespace vmeclone {

// The table's filter: the text box's words over every column, and one host (the host
// filter; empty: every host, "local": this machine's own VMs).
class VmTableFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setHost(const QString &host);
    QString host() const { return m_host; }
    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // The numeric columns compared on the rows themselves, not through QVariants: sorting
    // 100,000 rows asks this about 1.7 million times.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_host;
    const VmTableModel *m_vms = nullptr; // the source model, when it is the VM table
};

} // namespace vmeclone
