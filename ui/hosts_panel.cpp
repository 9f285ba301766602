#include "hosts_panel.h"

#include "inventory/vm_state.h"
#include "vm_state_style.h"
#include "vm_table_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

QString gibText(qint64 bytes) {
    if (bytes < 0)
        return u"—"_s;
    return QLocale().toString(static_cast<double>(bytes) / (1024.0 * 1024 * 1024), 'f', 1)
           + u" GiB"_s;
}

} // namespace

HostsPanel::HostsPanel(QWidget *parent)
    : QWidget(parent) {
    m_table = new QTreeWidget(this);
    m_table->setObjectName(u"hostsTable"_s);
    m_table->setRootIsDecorated(false);
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Host"), tr("Address"), tr("State"), tr("VMs by state"),
                              tr("Free space"), tr("Version"), tr("Last contact"),
                              tr("Last error")});
    m_table->setColumnWidth(NameColumn, 80);
    m_table->setColumnWidth(AddressColumn, 130);
    m_table->setColumnWidth(StateColumn, 110);
    m_table->setColumnWidth(VmsColumn, 170);
    connect(m_table, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT hostActivated(item->text(NameColumn));
    });
    m_hint = new QLabel(tr("No hosts yet. Add one with: vmeclone host add NAME USER@ADDRESS "
                           "(see docs/hosts.md); its VMs then show here and in the table."),
                        this);
    m_hint->setObjectName(u"hostsHint"_s);
    m_hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_hint);
    rebuild();
}

void HostsPanel::setLocal(const QMap<QString, int> &vmsByState, int vms, qint64 bytesFree) {
    m_localVms = vmsByState;
    m_localCount = vms;
    m_localFree = bytesFree;
    rebuild();
}

void HostsPanel::setHosts(const QList<HostStatus> &hosts) {
    m_hosts = hosts;
    rebuild();
}

QTreeWidgetItem *HostsPanel::itemOf(const QString &host) const {
    for (int i = 0; i < m_table->topLevelItemCount(); ++i)
        if (m_table->topLevelItem(i)->text(NameColumn) == host)
            return m_table->topLevelItem(i);
    return nullptr;
}

QString HostsPanel::vmsText(const QMap<QString, int> &vmsByState) {
    QStringList parts;
    for (auto it = vmsByState.begin(); it != vmsByState.end(); ++it) {
        const auto state = vmStateFromName(it.key());
        parts << u"%1 %2"_s.arg(it.value()).arg(state ? VmStateStyle::label(*state) : it.key());
    }
    return parts.isEmpty() ? tr("none") : parts.join(u", "_s);
}

void HostsPanel::rebuild() {
    const QString selected =
        m_table->currentItem() ? m_table->currentItem()->text(NameColumn) : QString();
    m_table->clear();
    const QDateTime now = QDateTime::currentDateTime();

    auto *local = new QTreeWidgetItem(m_table);
    local->setText(NameColumn, u"local"_s);
    local->setText(AddressColumn, tr("this machine"));
    local->setText(StateColumn, tr("this machine"));
    local->setText(VmsColumn, u"%1: %2"_s.arg(m_localCount).arg(vmsText(m_localVms)));
    local->setText(FreeColumn, gibText(m_localFree));
    local->setText(VersionColumn, QStringLiteral(VMECLONE_VERSION));
    local->setText(ContactColumn, u"—"_s);

    for (const HostStatus &h : std::as_const(m_hosts)) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(NameColumn, h.name);
        item->setText(AddressColumn, h.destination);
        item->setToolTip(AddressColumn, h.destination);
        const QString state = !h.asked      ? tr("not asked yet")
                              : h.reachable ? tr("reachable")
                                            : tr("unreachable");
        item->setText(StateColumn, state);
        item->setData(StateColumn, Qt::UserRole, h.asked && h.reachable);
        item->setIcon(StateColumn, VmStateStyle::icon(h.reachable ? VmState::Online
                                                                  : VmState::Failed));
        item->setText(VmsColumn, u"%1: %2"_s.arg(h.vms).arg(vmsText(h.vmsByState)));
        item->setText(FreeColumn, gibText(h.bytesFree));
        item->setText(VersionColumn, h.version.isEmpty() ? u"—"_s : h.version);
        item->setText(ContactColumn, VmTableModel::agoText(h.lastContact, now));
        if (h.lastContact.isValid())
            item->setToolTip(ContactColumn, QLocale().toString(h.lastContact, QLocale::LongFormat));
        item->setText(ErrorColumn, h.error);
        item->setToolTip(ErrorColumn, h.error);
        if (h.asked && !h.reachable) {
            item->setForeground(StateColumn, VmStateStyle::colour(VmState::Failed));
            for (const int c : {NameColumn, AddressColumn, VmsColumn, FreeColumn, VersionColumn,
                                ContactColumn})
                item->setForeground(c, QColor(Qt::gray));
            item->setToolTip(StateColumn,
                             tr("Its VMs are greyed in the table as \"host unreachable\", with "
                                "their last known state."));
        }
    }
    m_hint->setVisible(m_hosts.isEmpty());
    if (QTreeWidgetItem *again = itemOf(selected))
        m_table->setCurrentItem(again);
}

} // namespace vmeclone
