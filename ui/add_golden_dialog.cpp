#include "add_golden_dialog.h"

#include "hypervisor/qemu_machine.h"
#include "hypervisor/vmware_backend.h"
#include "vmx/vmx_document.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vmeclone {

AddGoldenDialog::AddGoldenDialog(EngineService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service) {
    setObjectName(u"addGoldenDialog"_s);
    setWindowTitle(tr("Add golden image"));

    auto edit = [this](const QString &name, const QString &placeholder) {
        auto *e = new QLineEdit(this);
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        connect(e, &QLineEdit::textChanged, this, &AddGoldenDialog::validate);
        return e;
    };
    m_path = edit(u"path"_s, tr("a QEMU machine description (.json) or a VMware .vmx"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(u"browse"_s);
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, &AddGoldenDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &AddGoldenDialog::pathChanged);
    m_name = edit(u"name"_s, tr("from the golden's file"));
    m_suffix = edit(u"suffix"_s, tr("from the golden's file, e.g. 176"));
    m_subnet = edit(u"subnet"_s, tr("from the golden's file, e.g. 192.168.1.0/24"));
    m_gateway = edit(u"gateway"_s, tr("none"));
    m_dns = edit(u"dns"_s, tr("none; up to 3, e.g. 192.168.1.1, 192.168.1.2"));
    m_console = edit(u"consoleAddress"_s, tr("VMware: this host's address on the VMs' network"));
    m_said = new QLabel(this);
    m_said->setObjectName(u"said"_s);
    m_said->setWordWrap(true);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout;
    auto row = [this, form](const QString &label, QWidget *buddy, QLayout *field = nullptr) {
        auto *l = new QLabel(label, this);
        l->setBuddy(buddy);
        if (field)
            form->addRow(l, field);
        else
            form->addRow(l, buddy);
    };
    row(tr("Golden &image:"), m_path, pathRow);
    form->addRow(QString(), m_said);
    row(tr("&Name:"), m_name);
    row(tr("Its address &suffix:"), m_suffix);
    row(tr("Su&bnet (CIDR):"), m_subnet);
    row(tr("&Gateway:"), m_gateway);
    row(tr("&DNS servers:"), m_dns);
    row(tr("&Console address:"), m_console);

    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddGoldenDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);
    resize(600, 340);
    pathChanged();
}

void AddGoldenDialog::setPath(const QString &path) {
    m_path->setText(path);
}

QString AddGoldenDialog::message() const {
    return m_message->text();
}

GoldenSpec AddGoldenDialog::spec() const {
    GoldenSpec s;
    s.path = m_path->text().trimmed();
    s.name = m_name->text().trimmed();
    if (const QString suffix = m_suffix->text().trimmed(); !suffix.isEmpty())
        s.suffix = suffix.toUInt();
    s.subnet = m_subnet->text().trimmed();
    s.gateway = m_gateway->text().trimmed();
    s.dns = m_dns->text().trimmed();
    s.consoleAddress = m_console->text().trimmed();
    return s;
}

AddGoldenDialog::Hints AddGoldenDialog::readHints(const QString &path) {
    Hints h;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"json") {
        h.backend = u"qemu"_s;
        auto machine = QemuMachine::fromFile(path);
        if (!machine) {
            h.problem = machine.error();
            return h;
        }
        h.name = machine->name;
        h.subnet = machine->subnet;
        h.suffix = machine->suffix;
    } else if (suffix == u"vmx") {
        h.backend = u"vmware"_s;
        auto vmx = VmxDocument::load(path);
        if (!vmx) {
            h.problem = vmx.error();
            return h;
        }
        const GoldenInspection said = VmwareBackend::describeVmx(*vmx, path);
        h.name = said.name;
        h.subnet = said.subnet;
        h.suffix = said.suffix;
    }
    return h;
}

void AddGoldenDialog::browse() {
    const QString start = m_path->text().isEmpty() ? QString() : QFileInfo(m_path->text()).path();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Golden image"), start, tr("Golden images (*.json *.vmx);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void AddGoldenDialog::pathChanged() {
    const QString path = m_path->text().trimmed();
    m_hints = QFileInfo(path).isFile() ? readHints(path) : Hints{};
    QStringList said;
    if (!m_hints.name.isEmpty())
        said << tr("name %1").arg(m_hints.name);
    if (m_hints.subnet)
        said << tr("subnet %1").arg(m_hints.subnet->toString());
    if (m_hints.subnet && m_hints.suffix)
        said << tr("address %1 (suffix %2)")
                    .arg(m_hints.subnet->addressOfSuffix(*m_hints.suffix)
                             .value_or(Ipv4Address())
                             .toString())
                    .arg(*m_hints.suffix);
    else if (m_hints.suffix)
        said << tr("suffix %1").arg(*m_hints.suffix);
    m_said->setText(said.isEmpty() ? QString()
                                   : tr("The golden says: %1. Fill in a field only to change it.")
                                         .arg(said.join(u", "_s)));
    m_said->setVisible(!said.isEmpty());
    const bool vmware = m_hints.backend == u"vmware";
    // QEMU guests reach the console through QEMU's host alias: nothing to give.
    m_console->setEnabled(vmware || m_hints.backend.isEmpty());
    validate();
}

void AddGoldenDialog::showMessage(const QString &text, bool problem) {
    m_message->setText(text);
    m_message->setStyleSheet(problem ? u"color: #c0392b;"_s : QString());
}

void AddGoldenDialog::validate() {
    m_valid = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    if (m_submitting)
        return;
    const auto refuse = [this](const QString &why) {
        showMessage(why, true);
    };
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return refuse(
            tr("Choose the golden image: a QEMU machine description (.json) or a VMware .vmx."));
    if (!QFileInfo(path).isFile())
        return refuse(tr("%1 does not exist.").arg(path));
    if (m_hints.backend.isEmpty())
        return refuse(
            tr("%1 is neither a QEMU machine description (.json) nor a VMware .vmx.").arg(path));
    if (!m_hints.problem.isEmpty())
        return refuse(tr("Cannot read the golden image: %1").arg(m_hints.problem));

    std::optional<Subnet> subnet = m_hints.subnet;
    if (const QString text = m_subnet->text().trimmed(); !text.isEmpty()) {
        auto parsed = Subnet::parse(text);
        if (!parsed)
            return refuse(tr("Subnet: %1").arg(parsed.error()));
        subnet = *parsed;
    }
    if (!subnet)
        return refuse(
            tr("The golden image does not say its subnet: type it, e.g. 192.168.1.0/24."));

    std::optional<quint32> suffix = m_hints.suffix;
    if (const QString text = m_suffix->text().trimmed(); !text.isEmpty()) {
        bool ok = false;
        suffix = text.toUInt(&ok);
        if (!ok)
            return refuse(tr("The address suffix %1 is not a number (e.g. 176).").arg(text));
    }
    if (!suffix)
        return refuse(
            tr("The golden image does not say its own address: type its suffix, e.g. 176."));
    const auto address = subnet->addressOfSuffix(*suffix);
    if (!address || !subnet->isHostAddress(*address))
        return refuse(tr("Suffix %1 is not a host of %2 (suffixes 1-%3).")
                          .arg(*suffix)
                          .arg(subnet->toString())
                          .arg(subnet->suffixOf(subnet->lastHost())));

    std::optional<Ipv4Address> gateway;
    if (const QString text = m_gateway->text().trimmed(); !text.isEmpty()) {
        gateway = Ipv4Address::parse(text);
        if (!gateway)
            return refuse(tr("The gateway %1 is not an IPv4 address.").arg(text));
        if (!subnet->isHostAddress(*gateway))
            return refuse(
                tr("The gateway %1 is not a host address of %2.").arg(text, subnet->toString()));
        if (*gateway == *address)
            return refuse(tr("The gateway %1 is the golden's own address.").arg(text));
    }

    // The engine's rule (parseNameServers), in the dialog's words.
    const NameServers dns = parseNameServers(m_dns->text());
    if (!dns.invalid.isEmpty())
        return refuse(tr("The DNS server %1 is not an IPv4 address (separate several with commas).")
                          .arg(dns.invalid));
    if (dns.tooMany)
        return refuse(tr("At most 3 DNS servers: the guests' resolv.conf uses no more."));

    // VMware guests announce themselves to this host: they must be able to reach it.
    if (m_hints.backend == u"vmware") {
        const QString text = m_console->text().trimmed();
        if (text.isEmpty())
            return refuse(tr("VMware guests announce themselves to this host: type its address on "
                             "the VMs' network as the console address."));
        const auto console = Ipv4Address::parse(text);
        if (!console)
            return refuse(tr("The console address %1 is not an IPv4 address.").arg(text));
        if (subnet->contains(*console)) {
            if (*console == *address)
                return refuse(tr("The console address %1 is the golden's own address: give this "
                                 "host's address.")
                                  .arg(text));
            if (!subnet->isHostAddress(*console))
                return refuse(tr("The console address %1 is not a host address of %2.")
                                  .arg(text, subnet->toString()));
        } else if (!gateway) {
            return refuse(tr("The console address %1 is outside %2 and there is no gateway: the "
                             "clones could not reach it. Give an address in %2, or a gateway.")
                              .arg(text, subnet->toString()));
        }
    }

    const QString name =
        m_name->text().trimmed().isEmpty() ? m_hints.name : m_name->text().trimmed();
    m_valid = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    showMessage(tr("Ready: %1 (%2) at %3 in %4.")
                    .arg(name, m_hints.backend == u"vmware" ? tr("VMware") : tr("QEMU"),
                         address->toString(), subnet->toString()),
                false);
}

void AddGoldenDialog::submit() {
    if (!m_valid || m_submitting)
        return;
    if (!m_service) {
        accept();
        return;
    }
    m_submitting = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    showMessage(tr("Adding the golden image…"), false);
    m_service->addGolden(spec()).then(this, [this](const Expected<GoldenRecord> &g) {
        m_submitting = false;
        if (!g) {
            // Everything typed stays: the operator corrects it and tries again.
            validate();
            showMessage(tr("The golden image was not added: %1").arg(g.error()), true);
            Q_EMIT addFinished(false);
            return;
        }
        m_added = *g;
        Q_EMIT addFinished(true);
        accept();
    });
}

} // namespace vmeclone
