#include "vm_state_delegate.h"

#include "inventory/vm_state.h"
#include "vm_state_style.h"

namespace vmeclone {

VmStateDelegate::VmStateDelegate(int stateRole, QObject *parent, int greyRole)
    : QStyledItemDelegate(parent)
    , m_role(stateRole)
    , m_greyRole(greyRole) {}

void VmStateDelegate::initStyleOption(QStyleOptionViewItem *option,
                                      const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant raw = index.data(m_role);
    if (!raw.isValid())
        return;
    if (m_greyRole >= 0 && index.data(m_greyRole).toBool()) {
        if (!(option->state & QStyle::State_Selected))
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled,
                                                                          QPalette::Text));
        return; // the model's own icon and text ("host unreachable")
    }
    const auto state = static_cast<VmState>(raw.toInt());
    option->icon = VmStateStyle::icon(state);
    option->features |= QStyleOptionViewItem::HasDecoration;
    if (!(option->state & QStyle::State_Selected))
        option->palette.setColor(QPalette::Text, VmStateStyle::colour(state));
    if (state == VmState::Failed || state == VmState::Unreachable)
        option->font.setBold(true);
}

} // namespace vmeclone
