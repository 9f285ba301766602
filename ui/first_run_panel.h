#pragma once
// What the console shows instead of the VM table while the inventory has no golden
// image, no disk shard and no VM: what vmeclone needs, and three ways to get there
// (the demo golden with two default shards, a golden of one's own, a shard). The
// panel only asks; the window does the work.

#include <QList>
#include <QWidget>

#include <utility>

class QGridLayout;
class QLabel;
class QPushButton;

namespace vmeclone {

class FirstRunPanel : public QWidget {
    Q_OBJECT
public:
    explicit FirstRunPanel(QWidget *parent = nullptr);

    // The demo golden offered (its button is disabled, saying why, when it is missing).
    void setDemoGolden(const QString &path);
    // While the demo is being set up, the buttons wait; `error` says why it did not work.
    void setBusy(bool busy);
    void setError(const QString &error);

    QPushButton *demoButton() const { return m_demo; }
    QString demoReason() const;
    QString error() const;

Q_SIGNALS:
    void useDemoRequested();
    void addGoldenRequested();
    void addShardRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateDemo();
    void arrangeChoices(bool stacked);
    QPushButton *firstChoice() const;

    QString m_demoGolden;
    bool m_busy = false;
    QPushButton *m_demo = nullptr;
    QPushButton *m_golden = nullptr;
    QPushButton *m_shard = nullptr;
    QLabel *m_demoText = nullptr;
    QLabel *m_demoReason = nullptr;
    QLabel *m_status = nullptr;
    QGridLayout *m_actions = nullptr;
    // Each way to begin: its button and what explains it.
    QList<std::pair<QPushButton *, QList<QWidget *>>> m_choices;
    bool m_stacked = false;
};

} // namespace vmeclone
