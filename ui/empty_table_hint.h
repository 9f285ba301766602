#pragma once
// Words in an empty table's viewport (as file managers and mail clients show them):
// what to do when there is nothing yet ("Press Ctrl+N to clone a range"), or that the
// filter hides every row. Hidden while the view has rows.

#include <QLabel>

class QAbstractItemView;
class QSortFilterProxyModel;

namespace vmeclone {

class EmptyTableHint : public QLabel {
    Q_OBJECT
public:
    // Watches `view`, whose model is `proxy`: "nothing" when its source has no rows,
    // "filtered" when the source has rows and the proxy shows none.
    EmptyTableHint(QAbstractItemView *view, QSortFilterProxyModel *proxy);

    void setTexts(const QString &nothing, const QString &filtered);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();

    QAbstractItemView *m_view;
    QSortFilterProxyModel *m_proxy;
    QString m_nothing;
    QString m_filtered;
};

} // namespace vmeclone
