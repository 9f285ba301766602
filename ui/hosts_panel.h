#pragma once
// The Hosts panel (docs/cluster.md, "The console over hosts"): one row per host of the
// data folder, this machine ("local") first: whether it could be asked, its VMs by state,
// its free space, its vmeclone's version, when it last answered and why it did not. Fed
// by the HostFeed's listings (hostsChanged) and, for this machine, by its inventory.

#include "host_feed.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace vmeclone {

class HostsPanel : public QWidget {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        AddressColumn,
        StateColumn,
        VmsColumn,
        FreeColumn,
        VersionColumn,
        ContactColumn,
        ErrorColumn,
        ColumnCount
    };

    explicit HostsPanel(QWidget *parent = nullptr);

    // This machine: its VMs by state name and the free space of its shards (-1: none).
    void setLocal(const QMap<QString, int> &vmsByState, int vms, qint64 bytesFree);
    void setHosts(const QList<HostStatus> &hosts);
    const QList<HostStatus> &hosts() const { return m_hosts; }

    QTreeWidget *table() const { return m_table; }
    // The row of a host ("local": this machine), nullptr if none.
    QTreeWidgetItem *itemOf(const QString &host) const;

    static QString vmsText(const QMap<QString, int> &vmsByState);

Q_SIGNALS:
    // A row was activated (double-click, Enter): show only that host's VMs.
    void hostActivated(const QString &host);

private:
    void rebuild();

    QTreeWidget *m_table = nullptr;
    QLabel *m_hint = nullptr;
    QList<HostStatus> m_hosts;
    QMap<QString, int> m_localVms;
    int m_localCount = 0;
    qint64 m_localFree = -1;
};

} // namespace vmeclone
