#include "guest_view_panel.h"

#include "common/failure_text.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vmeclone {

GuestViewPanel::GuestViewPanel(const VmRecord &vm, const GoldenRecord &golden, QWidget *parent)
    : QWidget(parent)
    , m_vm(vm)
    , m_golden(golden) {
    setObjectName(u"guestView"_s);
    m_state = new QLabel(tr("Not asked yet."), this);
    m_state->setObjectName(u"guestState"_s);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_askButton = new QPushButton(tr("Ask the guest"), this);
    m_askButton->setObjectName(u"askGuest"_s);
    m_askButton->setAutoDefault(false);
    m_askButton->setToolTip(tr("Reads the running guest's own view through qemu-guest-agent"));
    connect(m_askButton, &QPushButton::clicked, this, &GuestViewPanel::ask);
    m_fields = new QTreeWidget(this);
    m_fields->setObjectName(u"guestFields"_s);
    m_fields->setRootIsDecorated(false);
    m_fields->setHeaderLabels({tr("Field"), tr("The guest says"), tr("The inventory says")});
    m_fields->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_fields->header()->setStretchLastSection(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_state, 1);
    top->addWidget(m_askButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_fields, 1);

    connect(&m_watcher, &QFutureWatcher<Engine::GuestReading>::finished, this, [this] {
        m_askButton->setEnabled(true);
        if (m_watcher.future().resultCount() > 0)
            show(m_watcher.result());
    });
}

void GuestViewPanel::ask() {
    m_asked = true;
    if (!m_source) {
        m_state->setText(tr("This guest cannot be asked from here."));
        return;
    }
    if (m_watcher.isRunning())
        return;
    m_askButton->setEnabled(false);
    m_state->setText(tr("Asking the guest…"));
    m_watcher.setFuture(m_source());
}

void GuestViewPanel::show(const Engine::GuestReading &reading) {
    m_fields->clear();
    if (!reading.view) {
        m_state->setText(tr("The guest did not answer: %1").arg(failureText(reading.error)));
        Q_EMIT readingShown();
        return;
    }
    const GuestView &v = *reading.view;
    QStringList differing;
    for (const QString &d : reading.disagreements)
        differing << disagreementField(d);
    auto row = [&](const QString &key, const QString &label, const QString &said,
                   const QString &expected) {
        auto *item = new QTreeWidgetItem(m_fields, {label, said, expected});
        item->setData(0, Qt::UserRole, key);
        if (differing.contains(key)) {
            for (int c = 0; c < 3; ++c)
                item->setForeground(c, QColor(0xb00020));
            item->setToolTip(1, tr("The guest's own view differs from the inventory"));
        }
    };
    const GuestInterface *nic = v.interfaceWithMac(m_vm.mac.toString());
    QStringList macs, addresses;
    for (const auto &n : v.interfaces) {
        if (n.name == u"lo")
            continue;
        macs << u"%1 %2"_s.arg(n.name, n.mac);
    }
    if (nic)
        addresses = nic->ipv4 + nic->ipv6;
    QStringList dns;
    for (const auto &d : m_golden.dns)
        dns << d.toString();
    row(u"hostname"_s, tr("Host name"), v.hostname, m_vm.name);
    row(u"mac"_s, tr("Interface"), nic ? u"%1 %2"_s.arg(nic->name, nic->mac) : macs.join(u", "_s),
        m_vm.mac.toString());
    row(u"address"_s, tr("Addresses"), addresses.join(u", "_s), m_vm.address.toString());
    row(u"gateway"_s, tr("Default gateway"), v.defaultGateway,
        m_golden.gateway.toUInt() ? m_golden.gateway.toString() : QString());
    row(u"dns"_s, tr("Name servers"), v.nameServers.join(u", "_s), dns.join(u", "_s));
    row(u"os"_s, tr("Operating system"), v.osName, QString());
    row(u"kernel"_s, tr("Kernel"), v.kernel, QString());
    row(u"machine_id"_s, tr("Machine ID"), v.machineId.isEmpty() ? tr("(none)") : v.machineId,
        QString());
    row(u"ssh_host_key"_s, tr("SSH host key"), v.sshHostKey.isEmpty() ? tr("(none)") : v.sshHostKey,
        QString());
    const QString when = QLocale().toString(v.readAt.toLocalTime().time(), QLocale::LongFormat);
    m_state->setText(reading.disagreements.isEmpty()
                         ? tr("Read at %1: the guest agrees with the inventory.").arg(when)
                         : tr("Read at %1: the guest differs in %n field(s).", nullptr,
                              static_cast<int>(reading.disagreements.size()))
                               .arg(when));
    Q_EMIT readingShown();
}

} // namespace vmeclone
