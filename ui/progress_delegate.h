#pragma once
// Paints a progress bar in cells whose ProgressRole is 0..100 (a VM being copied),
// and nothing in the others.

#include <QStyledItemDelegate>

namespace vmeclone {

class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ProgressDelegate(int progressRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace vmeclone
