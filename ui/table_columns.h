#pragma once
// The columns of a table as the operator arranges them (issue 14, item 3): dragged into
// another order, shown or hidden from the header's context menu (the column chooser),
// widths and order remembered under a settings key of their own (one per data folder),
// and a default order for a first start.

#include <QList>
#include <QObject>
#include <QString>

class QMenu;
class QTableView;

namespace vmeclone {

class TableColumns : public QObject {
    Q_OBJECT
public:
    // `alwaysShown`: the column that cannot be hidden (it names the row).
    TableColumns(QTableView *view, QString settingsKey, int alwaysShown);

    // A first start's order: `order` holds logical columns in the order they are shown;
    // columns not named keep their places after them. Ignored when restore() found a
    // saved arrangement.
    void setDefaultOrder(const QList<int> &order);
    // Restores the saved arrangement; false when there is none (a first start).
    bool restore();
    void save() const;
    // The column chooser: a checkable entry per column (the header's context menu).
    QMenu *chooser(QWidget *parent) const;

    // "table/columns/<a hash of the data folder>": one arrangement per data folder.
    static QString keyFor(const QString &dataFolder);

private:
    QTableView *m_view;
    QString m_key;
    int m_alwaysShown;
    bool m_restored = false;
};

} // namespace vmeclone
