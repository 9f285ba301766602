#include "progress_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace vmeclone {

ProgressDelegate::ProgressDelegate(int progressRole, int textRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(progressRole)
    , m_textRole(textRole) {}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const {
    const QVariant value = index.data(m_role);
    const int percent = value.isValid() ? value.toInt() : -1;
    if (percent < 0) {
        QStyledItemDelegate::paint(painter, option, QModelIndex());
        // Keep the selection highlight of an empty cell.
        if (option.state & QStyle::State_Selected)
            painter->fillRect(option.rect, option.palette.highlight());
        return;
    }
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = qBound(0, percent, 100);
    bar.text = m_textRole >= 0 ? index.data(m_textRole).toString()
                               : QStringLiteral("%1 %").arg(bar.progress);
    bar.textVisible = true;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.palette = option.palette;
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

} // namespace vmeclone
