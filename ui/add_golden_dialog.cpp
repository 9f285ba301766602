#include "add_golden_dialog.h"

#include "common/failure_text.h"
#include "console_address_dialog.h"
#include "engine/golden_rules.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vmeclone {

AddGoldenDialog::AddGoldenDialog(EngineService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_context(service ? Engine::goldenRulesContext(service->config()) : GoldenRules::Context{}) {
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
    m_nics = edit(u"nics"_s, QString()); // placeholder: pathChanged(), from the golden's NICs
    m_consoleFound = new QLabel(this);
    m_consoleFound->setObjectName(u"consoleFound"_s);
    m_consoleFound->setWordWrap(true);
    m_consoleFound->hide();
    m_consoleChoice = new QComboBox(this);
    m_consoleChoice->setObjectName(u"consoleCandidates"_s);
    m_consoleChoice->hide();
    connect(m_consoleChoice, &QComboBox::activated, this, &AddGoldenDialog::consoleChosen);
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
    auto *consoleColumn = new QVBoxLayout;
    consoleColumn->addWidget(m_console);
    consoleColumn->addWidget(m_consoleChoice);
    consoleColumn->addWidget(m_consoleFound);
    row(tr("&Console address:"), m_console, consoleColumn);
    row(tr("Further &NICs:"), m_nics);

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

QString AddGoldenDialog::fieldLabel(Field field) {
    switch (field) {
    case Field::GoldenPath:
        return tr("Golden image");
    case Field::GoldenName:
        return tr("Name");
    case Field::NamePrefix:
        return tr("Name prefix");
    case Field::Suffix:
        return tr("Address suffix");
    case Field::Subnet:
        return tr("Subnet");
    case Field::Gateway:
        return tr("Gateway");
    case Field::Dns:
        return tr("DNS servers");
    case Field::ConsoleAddress:
        return tr("Console address");
    case Field::Nics:
        return tr("Further NICs");
    default:
        return {};
    }
}

QLineEdit *AddGoldenDialog::editOf(Field field) const {
    switch (field) {
    case Field::GoldenPath:
        return m_path;
    case Field::GoldenName:
        return m_name;
    case Field::Suffix:
        return m_suffix;
    case Field::Subnet:
        return m_subnet;
    case Field::Gateway:
        return m_gateway;
    case Field::Dns:
        return m_dns;
    case Field::ConsoleAddress:
        return m_console;
    case Field::Nics:
        return m_nics;
    default:
        return nullptr;
    }
}

GoldenSpec AddGoldenDialog::spec() const {
    GoldenSpec s;
    s.path = m_path->text().trimmed();
    s.name = m_name->text().trimmed();
    // An empty field leaves the suffix to the golden; a bad one is refused (validate()).
    if (const QString suffix = m_suffix->text().trimmed(); !suffix.isEmpty())
        if (auto parsed = GoldenRules::suffixFrom(suffix))
            s.suffix = *parsed;
    s.subnet = m_subnet->text().trimmed();
    s.gateway = m_gateway->text().trimmed();
    s.dns = m_dns->text().trimmed();
    s.consoleAddress = m_console->text().trimmed();
    // "ethernet1=10.0.5.0/24, ethernet2=none": one rule per further NIC.
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    if (m_nics->isEnabled()) // what was typed for another golden is not this one's
        s.nics = m_nics->text().split(separators, Qt::SkipEmptyParts);
    return s;
}

AddGoldenDialog::Hints AddGoldenDialog::readHints(const QString &path) {
    Hints h;
    auto backend = GoldenRules::backendFor(path);
    if (!backend) {
        h.refusal = backend.failure();
        return h;
    }
    h.backend = *backend;
    auto said = GoldenRules::describe(path, h.backend);
    if (!said)
        h.refusal = said.failure();
    else
        h.said = *said;
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
    m_hints = readHints(path);
    const GoldenInspection &said = m_hints.said;
    QStringList saying;
    if (!said.name.isEmpty())
        saying << tr("name %1").arg(said.name);
    if (said.subnet)
        saying << tr("subnet %1").arg(said.subnet->toString());
    if (said.subnet && said.suffix)
        saying << tr("address %1 (suffix %2)")
                      .arg(said.subnet->addressOfSuffix(*said.suffix)
                               .value_or(Ipv4Address())
                               .toString())
                      .arg(*said.suffix);
    else if (said.suffix)
        saying << tr("suffix %1").arg(*said.suffix);
    m_said->setText(saying.isEmpty() ? QString()
                                     : tr("The golden says: %1. Fill in a field only to change it.")
                                           .arg(saying.join(u", "_s)));
    m_said->setVisible(!saying.isEmpty());
    const bool vmware = m_hints.backend == u"vmware";
    // QEMU guests reach the console through QEMU's host alias: nothing to give.
    m_console->setEnabled(vmware || m_hints.backend.isEmpty());
    // A VMware golden's further NICs may each get a subnet; the others are left unconfigured.
    QStringList further;
    for (const int slot : said.nicSlots)
        further << u"ethernet%1"_s.arg(slot);
    m_nics->setEnabled(vmware && !further.isEmpty());
    m_nics->setPlaceholderText(
        further.isEmpty()
            ? tr("a VMware golden's NICs after its first: this one has none")
            : tr("each unconfigured unless given, e.g. %1=10.0.5.0/24 (this golden has %2)")
                  .arg(further.first(), further.join(u", "_s)));
    validate();
}

void AddGoldenDialog::showMessage(const QString &text, bool problem) {
    m_message->setText(text);
    m_message->setStyleSheet(problem ? u"color: #c0392b;"_s : QString());
}

void AddGoldenDialog::showRefusals() {
    for (Field field : {Field::GoldenPath, Field::GoldenName, Field::Suffix, Field::Subnet,
                        Field::Gateway, Field::Dns, Field::ConsoleAddress, Field::Nics}) {
        QLineEdit *edit = editOf(field);
        const auto refusal = std::find_if(m_refusals.cbegin(), m_refusals.cend(),
                                          [field](const Error &e) { return e.field == field; });
        const bool refused = refusal != m_refusals.cend();
        // The machine-readable verdict on the widget itself, for tests and accessibility.
        edit->setProperty("refusal", refused ? problemName(refusal->problem) : QString());
        edit->setToolTip(refused ? refusal->message : QString());
        edit->setStyleSheet(refused ? u"QLineEdit { border: 1px solid #c0392b; }"_s : QString());
    }
    if (m_refusals.isEmpty())
        return;
    const Error &first = m_refusals.constFirst();
    const QString label = fieldLabel(first.field);
    const QString said = failureText(first.message);
    showMessage(label.isEmpty() ? said : tr("%1: %2").arg(label, said), true);
}

void AddGoldenDialog::validate() {
    m_valid = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    if (m_submitting)
        return;
    // The engine's rules, as it will apply them to spec() (GoldenRules).
    m_refusals.clear();
    if (m_hints.refusal) {
        m_refusals = {*m_hints.refusal};
        offerConsoleAddresses({});
        return showRefusals();
    }
    const GoldenSpec typed = spec();
    const GoldenVerdict verdict =
        GoldenRules::check(typed, m_hints.backend, m_hints.said, m_context);
    if (offerConsoleAddresses(verdict))
        return validate(); // judged again with the address found filled in
    m_refusals = verdict.refusals;
    if (const QString suffix = m_suffix->text().trimmed(); !suffix.isEmpty()) {
        if (auto parsed = GoldenRules::suffixFrom(suffix); !parsed) {
            // Judged as typed, not as the golden's own suffix the spec fell back to.
            m_refusals.removeIf([](const Error &e) { return e.field == Field::Suffix; });
            m_refusals.append(parsed.failure());
            GoldenRules::inFormOrder(m_refusals);
        }
    }
    if (!m_refusals.isEmpty())
        return showRefusals();
    showRefusals(); // clears the marks
    m_valid = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    const GoldenRecord &g = verdict.golden;
    showMessage(tr("Ready: %1 (%2) at %3 in %4.")
                    .arg(g.name, m_hints.backend == u"vmware" ? tr("VMware") : tr("QEMU"),
                         g.address.toString(), g.subnet.toString()),
                false);
}

bool AddGoldenDialog::offerConsoleAddresses(const GoldenVerdict &verdict) {
    // Offered for a VMware golden whose subnet is known, when this host's addresses were
    // looked up (with an engine: the one that will judge them).
    const bool offered = m_hints.backend == u"vmware"_s && !verdict.golden.subnet.isNull()
                         && m_context.hostAddresses.has_value();
    const QList<HostAddress> candidates =
        offered ? verdict.consoleCandidates : QList<HostAddress>{};
    const QString subnet = verdict.golden.subnet.toString();
    const QString typed = m_console->text().trimmed();
    const bool ours = typed.isEmpty() || typed == m_consoleFilled; // not the operator's own
    const bool listed =
        std::any_of(candidates.cbegin(), candidates.cend(),
                    [&typed](const auto &c) { return c.address.toString() == typed; });

    bool changed = false;
    if (ours) {
        QString fill;
        if (candidates.size() == 1)
            fill = candidates.first().address.toString();
        else if (candidates.size() > 1 && listed)
            fill = typed; // chosen from the list: kept while it is still there
        m_consoleFilled = fill;
        if (fill != typed) {
            const QSignalBlocker quiet(m_console);
            m_console->setText(fill);
            changed = true;
        }
    }

    if (candidates != m_consoleOffered) {
        m_consoleOffered = candidates;
        const QSignalBlocker quiet(m_consoleChoice);
        m_consoleChoice->clear();
        m_consoleChoice->addItem(tr("Choose one of this host's %n address(es) in %1…", nullptr,
                                    static_cast<int>(candidates.size()))
                                     .arg(subnet));
        for (const HostAddress &c : candidates)
            m_consoleChoice->addItem(ConsoleAddressDialog::addressOn(c), c.address.toString());
    }
    {
        const QSignalBlocker quiet(m_consoleChoice);
        const int at = m_consoleChoice->findData(m_console->text().trimmed());
        m_consoleChoice->setCurrentIndex(at > 0 ? at : 0);
    }
    m_consoleChoice->setVisible(candidates.size() > 1);

    QString found;
    if (offered && candidates.isEmpty())
        found =
            tr("This host has no address in %1: give its address on the VMs' network.").arg(subnet);
    else if (candidates.size() == 1)
        found = ours ? tr("found: %1").arg(ConsoleAddressDialog::addressOn(candidates.first()))
                     : tr("this host's address in %1: %2")
                           .arg(subnet, ConsoleAddressDialog::addressOn(candidates.first()));
    else if (candidates.size() > 1 && !listed)
        found = tr("This host has %n addresses in %1: choose the one on the VMs' network.", nullptr,
                   static_cast<int>(candidates.size()))
                    .arg(subnet);
    m_consoleFound->setText(found);
    m_consoleFound->setVisible(!found.isEmpty());
    return changed;
}

void AddGoldenDialog::consoleChosen(int index) {
    const QString address = m_consoleChoice->itemData(index).toString();
    if (address.isEmpty())
        return;
    m_consoleFilled = address; // the dialog's offer: replaced if the subnet changes
    m_console->setText(address);
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
            const Error &e = g.failure();
            if (editOf(e.field)) {
                m_refusals = {e};
                showRefusals();
            }
            const QString label = fieldLabel(e.field);
            const QString said = failureText(e.message);
            showMessage(tr("The golden image was not added: %1")
                            .arg(label.isEmpty() ? said : tr("%1: %2").arg(label, said)),
                        true);
            Q_EMIT addFinished(false);
            return;
        }
        m_added = *g;
        Q_EMIT addFinished(true);
        accept();
    });
}

} // namespace vmeclone
