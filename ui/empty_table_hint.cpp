#include "empty_table_hint.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QSortFilterProxyModel>

using namespace Qt::StringLiterals;

namespace vmeclone {

EmptyTableHint::EmptyTableHint(QAbstractItemView *view, QSortFilterProxyModel *proxy)
    : QLabel(view->viewport())
    , m_view(view)
    , m_proxy(proxy) {
    setObjectName(u"emptyTableHint"_s);
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    setAttribute(Qt::WA_TransparentForMouseEvents); // clicks still reach the table
    view->viewport()->installEventFilter(this);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(proxy, signal, this, &EmptyTableHint::refresh);
    connect(proxy, &QAbstractItemModel::modelReset, this, &EmptyTableHint::refresh);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &EmptyTableHint::refresh);
    refresh();
}

void EmptyTableHint::setTexts(const QString &nothing, const QString &filtered) {
    m_nothing = nothing;
    m_filtered = filtered;
    refresh();
}

bool EmptyTableHint::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        setGeometry(m_view->viewport()->rect().adjusted(24, 24, -24, -24));
    return QLabel::eventFilter(watched, event);
}

void EmptyTableHint::refresh() {
    const bool empty = m_proxy->rowCount() == 0;
    const bool filtered = m_proxy->sourceModel() && m_proxy->sourceModel()->rowCount() > 0;
    setText(filtered ? m_filtered : m_nothing);
    setGeometry(m_view->viewport()->rect().adjusted(24, 24, -24, -24));
    setVisible(empty && !text().isEmpty());
}

} // namespace vmeclone
