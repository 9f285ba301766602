#pragma once
// The state cell: the state's icon and its name in the state's colour, bold when
// the VM needs the operator's eye (failed, unreachable). A row whose `greyRole` is true
// (its host could not be asked) is drawn as the model gives it: greyed, its own icon.

#include <QStyledItemDelegate>

namespace vmeclone {

class VmStateDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit VmStateDelegate(int stateRole, QObject *parent = nullptr, int greyRole = -1);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
    int m_greyRole;
};

} // namespace vmeclone
