#include "table_columns.h"

#include <QCryptographicHash>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace vmeclone {

TableColumns::TableColumns(QTableView *view, QString settingsKey, int alwaysShown)
    : QObject(view)
    , m_view(view)
    , m_key(std::move(settingsKey))
    , m_alwaysShown(alwaysShown) {
    QHeaderView *header = view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setFirstSectionMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &at) {
        QMenu *menu = chooser(m_view);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(header->viewport()->mapToGlobal(at));
    });
}

void TableColumns::setDefaultOrder(const QList<int> &order) {
    if (m_restored)
        return;
    QHeaderView *header = m_view->horizontalHeader();
    for (int i = 0; i < order.size(); ++i)
        header->moveSection(header->visualIndex(order.at(i)), i);
}

bool TableColumns::restore() {
    const QByteArray state = QSettings().value(m_key).toByteArray();
    m_restored = !state.isEmpty() && m_view->horizontalHeader()->restoreState(state);
    m_view->setColumnHidden(m_alwaysShown, false);
    return m_restored;
}

void TableColumns::save() const {
    QSettings().setValue(m_key, m_view->horizontalHeader()->saveState());
}

QMenu *TableColumns::chooser(QWidget *parent) const {
    auto *menu = new QMenu(tr("Columns"), parent);
    menu->setObjectName(u"columnChooser"_s);
    QAbstractItemModel *model = m_view->model();
    QHeaderView *header = m_view->horizontalHeader();
    // In the order they are shown.
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        const QString name = model->headerData(column, Qt::Horizontal).toString();
        QAction *a = menu->addAction(name);
        a->setObjectName(u"column-%1"_s.arg(column));
        a->setCheckable(true);
        a->setChecked(!m_view->isColumnHidden(column));
        a->setEnabled(column != m_alwaysShown);
        connect(a, &QAction::toggled, m_view,
                [view = m_view, column](bool shown) { view->setColumnHidden(column, !shown); });
    }
    return menu;
}

QString TableColumns::keyFor(const QString &dataFolder) {
    const QByteArray hash =
        QCryptographicHash::hash(dataFolder.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return u"table/columns/"_s + QString::fromLatin1(hash);
}

} // namespace vmeclone
