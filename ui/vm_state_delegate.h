#pragma once
// The state cell: the state's icon and its name in the state's colour, bold when
// the VM needs the operator's eye (failed, unreachable).

#include <QStyledItemDelegate>

namespace vmeclone {

class VmStateDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit VmStateDelegate(int stateRole, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace vmeclone
