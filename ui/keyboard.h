#pragma once
// The console without a mouse (issue 14, item 6): each action's shortcut in its tooltip;
// F6 / Ctrl+Tab (Shift+F6 / Ctrl+Shift+Tab back) from pane to pane (the table, then each
// visible dock); Shift+F10 and the Menu key open a view's context menu at its current
// row. The table itself is one tab stop (MainWindow turns its Tab key navigation off).

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAbstractItemView;
class QAction;
class QMainWindow;
class QPoint;
class QWidget;

namespace vmeclone {

// "Start (Ctrl+R)": the action's text without its mnemonic, and its shortcut as the
// platform writes it; the text alone when it has none.
QString toolTipWithShortcut(const QString &text, const QKeySequence &key);
// Sets every action's tooltip so.
void showShortcutsInToolTips(const QList<QAction *> &actions);

// Moves the keyboard focus between the window's panes: `first` (the table's page), then
// each dock that is visible, in the order they were added; around at either end.
class PaneCycler : public QObject {
    Q_OBJECT
public:
    PaneCycler(QMainWindow *window, QWidget *first);
    // The panes in order, for tests: the first, then the visible docks' widgets.
    QList<QWidget *> panes() const;
    void next() { step(+1); }
    void previous() { step(-1); }

private:
    void step(int direction);
    QMainWindow *m_window;
    QPointer<QWidget> m_first;
};

// Shift+F10 and the Menu key on `view` call `show` with a point in its viewport: the
// centre of the current cell, or the viewport's corner when there is none.
void addKeyboardContextMenu(QAbstractItemView *view, std::function<void(const QPoint &)> show);

} // namespace vmeclone
