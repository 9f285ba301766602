#include "console_address_dialog.h"

#include "common/failure_text.h"
#include "engine/golden_rules.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

constexpr int kShownClones = 10; // names listed after Apply; the rest counted

} // namespace

QString ConsoleAddressDialog::addressOn(const HostAddress &a) {
    return a.interfaceName.isEmpty() ? a.address.toString()
                                     : tr("%1 on %2").arg(a.address.toString(), a.interfaceName);
}

ConsoleAddressDialog::ConsoleAddressDialog(EngineService *service, const GoldenRecord &golden,
                                           QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_golden(golden)
    , m_context(Engine::goldenRulesContext(service ? service->config() : EngineConfig{})) {
    setObjectName(u"consoleAddressDialog"_s);
    setWindowTitle(tr("Console address of %1").arg(golden.name));
    if (m_context.hostAddresses)
        m_candidates = candidatesIn(*m_context.hostAddresses, golden.subnet, golden.address);

    auto *intro = new QLabel(
        tr("The clones of %1 announce themselves to this host at its console address, on "
           "their network %2. Clones made from now on are given the new address.")
            .arg(golden.name, golden.subnet.toString()),
        this);
    intro->setWordWrap(true);
    m_current = new QLabel(this);
    m_current->setObjectName(u"current"_s);

    auto *box = new QGroupBox(tr("New console address"), this);
    auto *choices = new QVBoxLayout(box);
    m_choices = new QButtonGroup(this);
    if (m_candidates.isEmpty()) {
        auto *none =
            new QLabel(tr("This host has no address in %1.").arg(golden.subnet.toString()), box);
        none->setObjectName(u"noCandidates"_s);
        choices->addWidget(none);
    }
    for (qsizetype i = 0; i < m_candidates.size(); ++i) {
        auto *b = new QRadioButton(addressOn(m_candidates.at(i)), box);
        b->setObjectName(u"candidate%1"_s.arg(i));
        b->setProperty("address", m_candidates.at(i).address.toString());
        m_choices->addButton(b);
        choices->addWidget(b);
    }
    m_automatic = new QRadioButton(
        m_candidates.size() == 1
            ? tr("Auto&matic: this host's only address in %1, now %2")
                  .arg(golden.subnet.toString(), addressOn(m_candidates.first()))
            : tr("Auto&matic: this host's only address in %1").arg(golden.subnet.toString()),
        box);
    m_automatic->setObjectName(u"automatic"_s);
    m_choices->addButton(m_automatic);
    choices->addWidget(m_automatic);
    m_other = new QRadioButton(tr("An&other address:"), box);
    m_other->setObjectName(u"other"_s);
    m_choices->addButton(m_other);
    m_address = new QLineEdit(box);
    m_address->setObjectName(u"address"_s);
    m_address->setPlaceholderText(tr("e.g. %1").arg(golden.subnet.firstHost().toString()));
    auto *otherRow = new QHBoxLayout;
    otherRow->addWidget(m_other);
    otherRow->addWidget(m_address, 1);
    choices->addLayout(otherRow);
    m_other->setFocusProxy(m_address);

    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Close, this);
    m_buttons->button(QDialogButtonBox::Apply)->setText(tr("&Apply"));
    m_buttons->button(QDialogButtonBox::Apply)->setDefault(true);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &ConsoleAddressDialog::apply);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_current);
    layout->addWidget(box);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);

    // The current address chosen where it is listed; else it stands in the free field.
    QAbstractButton *initial = nullptr;
    for (QAbstractButton *b : m_choices->buttons())
        if (b->property("address").toString() == golden.consoleAddress.toString())
            initial = b;
    if (!initial && golden.consoleAddress.toUInt() != 0) {
        m_address->setText(golden.consoleAddress.toString());
        initial = m_other;
    }
    if (!initial && m_candidates.size() == 1)
        initial = m_automatic;
    if (initial)
        initial->setChecked(true);
    connect(m_choices, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on)
            validate();
    });
    connect(m_address, &QLineEdit::textEdited, this, [this] {
        m_other->setChecked(true); // typing an address chooses it
        validate();
    });
    resize(520, 0);
    showCurrent();
    validate();
}

QString ConsoleAddressDialog::chosen() const {
    QAbstractButton *b = m_choices->checkedButton();
    if (!b)
        return {};
    if (b == m_automatic)
        return u"auto"_s;
    if (b == m_other)
        return m_address->text().trimmed();
    return b->property("address").toString();
}

QString ConsoleAddressDialog::message() const {
    return m_message->text();
}

void ConsoleAddressDialog::showMessage(const QString &text, bool problem) {
    m_message->setText(text);
    m_message->setStyleSheet(problem ? u"color: #c0392b;"_s : QString());
}

void ConsoleAddressDialog::showCurrent() {
    m_current->setText(tr("Current: %1")
                           .arg(m_golden.consoleAddress.toUInt() != 0
                                    ? m_golden.consoleAddress.toString()
                                    : tr("none (its clones cannot be made until one is given)")));
}

void ConsoleAddressDialog::validate() {
    m_valid = false;
    QPushButton *applyButton = m_buttons->button(QDialogButtonBox::Apply);
    applyButton->setEnabled(false);
    if (m_applying)
        return;
    const QString choice = chosen();
    if (choice.isEmpty()) {
        showMessage(m_choices->checkedButton() == m_other
                        ? tr("Give this host's address on the VMs' network.")
                        : tr("Choose one of this host's addresses, Automatic, or another address."),
                    false);
        return;
    }
    // The engine's rules, as it will apply them (its own refusal, word for word).
    const auto address = GoldenRules::consoleAddressFor(m_golden, choice, {}, m_context);
    if (!address) {
        showMessage(address.error(), true);
        return;
    }
    if (*address == m_golden.consoleAddress) {
        showMessage(tr("%1 is the console address already.").arg(address->toString()), false);
        return;
    }
    m_valid = true;
    applyButton->setEnabled(true);
    showMessage(
        tr("Clones made from now on will announce themselves to %1.").arg(address->toString()),
        false);
}

void ConsoleAddressDialog::apply() {
    if (!m_valid || m_applying || !m_service)
        return;
    m_applying = true;
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(false);
    showMessage(tr("Changing the console address…"), false);
    m_service->setConsoleAddress(m_golden.name, chosen())
        .then(this, [this](const Expected<Engine::ConsoleChange> &changed) {
            m_applying = false;
            if (!changed) {
                validate();
                showMessage(
                    tr("The console address was not changed: %1").arg(failureText(changed.error())),
                    true);
                Q_EMIT applyFinished(false);
                return;
            }
            m_change = *changed;
            m_golden = changed->golden;
            showCurrent();
            validate(); // the new address is the current one now: Apply off
            const QString before =
                changed->before.toUInt() != 0 ? changed->before.toString() : tr("none");
            QString text = tr("The console address of %1 is now %2 (was %3).")
                               .arg(m_golden.name, m_golden.consoleAddress.toString(), before);
            const QStringList &clones = changed->existingClones;
            if (!clones.isEmpty()) {
                QString names = clones.mid(0, kShownClones).join(u", "_s);
                if (clones.size() > kShownClones)
                    names += u", …"_s;
                text += u' '
                        + tr("%n existing clone(s) were made with the old address and announce "
                             "themselves to it until released and cloned again: %1",
                             nullptr, static_cast<int>(clones.size()))
                              .arg(names);
            } else {
                text += u' ' + tr("No existing clone was made with the old address.");
            }
            showMessage(text, false);
            Q_EMIT applyFinished(true);
        });
}

} // namespace vmeclone
