#include "keyboard.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>

using namespace Qt::StringLiterals;

namespace vmeclone {

QString toolTipWithShortcut(const QString &text, const QKeySequence &key) {
    QString plain = text;
    plain.remove(u'&').remove(u'…').remove(u"..."_s);
    plain = plain.trimmed();
    if (key.isEmpty())
        return plain;
    return u"%1 (%2)"_s.arg(plain, key.toString(QKeySequence::NativeText));
}

void showShortcutsInToolTips(const QList<QAction *> &actions) {
    for (QAction *a : actions)
        a->setToolTip(toolTipWithShortcut(a->text(), a->shortcut()));
}

PaneCycler::PaneCycler(QMainWindow *window, QWidget *first)
    : QObject(window)
    , m_window(window)
    , m_first(first) {
    auto *forward = new QAction(window);
    forward->setObjectName(u"nextPane"_s);
    forward->setShortcuts({QKeySequence(Qt::Key_F6), QKeySequence(u"Ctrl+Tab"_s)});
    forward->setShortcutContext(Qt::WindowShortcut);
    connect(forward, &QAction::triggered, this, &PaneCycler::next);
    window->addAction(forward);
    auto *back = new QAction(window);
    back->setObjectName(u"previousPane"_s);
    back->setShortcuts({QKeySequence(u"Shift+F6"_s), QKeySequence(u"Ctrl+Shift+Tab"_s)});
    back->setShortcutContext(Qt::WindowShortcut);
    connect(back, &QAction::triggered, this, &PaneCycler::previous);
    window->addAction(back);
}

QList<QWidget *> PaneCycler::panes() const {
    QList<QWidget *> panes;
    // The table's page, or what stands in its place (the first-run panel).
    QWidget *first = m_first && m_first->isVisible() ? m_first.data() : m_window->centralWidget();
    if (first && first->isVisible())
        panes << first;
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        if (dock->isVisible() && dock->widget())
            panes << dock->widget();
    return panes;
}

void PaneCycler::step(int direction) {
    const QList<QWidget *> all = panes();
    if (all.isEmpty())
        return;
    // The pane that holds the focus now (or none: start from the first).
    qsizetype current = -1;
    QWidget *focus = QApplication::focusWidget();
    for (qsizetype i = 0; i < all.size() && focus; ++i)
        if (all[i] == focus || all[i]->isAncestorOf(focus))
            current = i;
    const qsizetype n = all.size();
    const qsizetype target =
        current < 0 ? (direction > 0 ? 0 : n - 1) : ((current + direction) % n + n) % n;
    QWidget *pane = all[target];
    // The pane's first widget that takes the keyboard focus (itself, if it does).
    QWidget *into = pane->focusPolicy() & Qt::TabFocus ? pane : nullptr;
    for (QWidget *w = pane->nextInFocusChain(); !into && w && w != pane;
         w = w->nextInFocusChain()) {
        if (pane->isAncestorOf(w) && w->isVisible() && w->isEnabled()
            && (w->focusPolicy() & Qt::TabFocus))
            into = w;
    }
    (into ? into : pane)->setFocus(Qt::OtherFocusReason);
}

void addKeyboardContextMenu(QAbstractItemView *view, std::function<void(const QPoint &)> show) {
    auto *menuKey = new QAction(view);
    menuKey->setObjectName(u"contextMenuKey"_s);
    menuKey->setShortcuts({QKeySequence(u"Shift+F10"_s), QKeySequence(Qt::Key_Menu)});
    menuKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(menuKey, &QAction::triggered, view, [view, show = std::move(show)] {
        const QModelIndex current = view->currentIndex();
        const QRect cell = current.isValid() ? view->visualRect(current) : QRect();
        show(cell.isValid() ? cell.center() : QPoint(4, 4));
    });
    view->addAction(menuKey);
}

} // namespace vmeclone
