#pragma once
// Paints a progress bar in cells whose progress role is 0..100 (a VM being copied,
// a shard's used space), and nothing in the others. The text role, when given,
// labels the bar ("12.0 GiB free of 50.0 GiB"); else it reads "42 %".

#include <QStyledItemDelegate>

namespace vmeclone {

class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ProgressDelegate(int progressRole, int textRole = -1, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_role;
    int m_textRole;
};

} // namespace vmeclone
