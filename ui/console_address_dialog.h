#pragma once
// "Console address…" (Setup menu, golden dock): where the guests of a VMware golden
// announce themselves, changed after the golden was added. Lists this host's addresses
// in the golden's subnet (with their interfaces), offers Automatic (this host's only one
// there) and any other address, shows the current one, and judges the choice as the
// operator makes it by the engine's own rules (GoldenRules::consoleAddressFor). Apply
// hands it to the engine in the engine's thread and says how many existing clones were
// made with the old address; the dialog stays open with the answer.

#include "engine/engine_service.h"
#include "net/host_addresses.h"

#include <QDialog>

#include <optional>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace vmeclone {

class ConsoleAddressDialog : public QDialog {
    Q_OBJECT
public:
    // `golden` a VMware golden as the inventory has it. `service` may be null: the
    // choice is then only judged (this host's addresses looked up), never applied.
    ConsoleAddressDialog(EngineService *service, const GoldenRecord &golden,
                         QWidget *parent = nullptr);

    // "192.0.2.2 on eth0": an address as the console lists it.
    static QString addressOn(const HostAddress &address);

    // This host's addresses in the golden's subnet, one choice each (in this order).
    const QList<HostAddress> &candidates() const { return m_candidates; }
    // What is chosen, as Engine::setConsoleAddress takes it: an address, or "auto".
    // Empty: nothing chosen yet.
    QString chosen() const;
    bool isValid() const { return m_valid; }
    // Why Apply is disabled, what it will do, or what the engine answered.
    QString message() const;
    // The engine's answer to the last Apply that it took.
    const std::optional<Engine::ConsoleChange> &change() const { return m_change; }

Q_SIGNALS:
    // The engine answered Apply: `ok` false when it refused (message() says why).
    void applyFinished(bool ok);

private:
    void showCurrent();
    void validate();
    void apply();
    void showMessage(const QString &text, bool problem);

    EngineService *m_service;
    GoldenRecord m_golden;
    GoldenRules::Context m_context;
    QList<HostAddress> m_candidates;
    QLabel *m_current = nullptr;
    QButtonGroup *m_choices = nullptr;
    QRadioButton *m_automatic = nullptr;
    QRadioButton *m_other = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_valid = false;
    bool m_applying = false;
    std::optional<Engine::ConsoleChange> m_change;
};

} // namespace vmeclone
