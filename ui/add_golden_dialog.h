#pragma once
// "Add golden image…": the golden's file (a QEMU machine description .json or a VMware
// .vmx) and what it does not say itself: its own address suffix, its subnet, the
// clones' gateway and, for VMware, this host's address on the VMs' network (where the
// guests announce themselves). The input is checked as the operator types, by the
// engine's own rules (GoldenRules), so the dialog and the engine never disagree: each
// refused field is marked with the engine's reason, the first one is shown under its
// translated label, and OK stays disabled until there is none. OK hands the spec to the
// engine (in the engine's thread) and closes only when the engine took the golden: a
// refusal is shown and everything typed stays.
//
// A VMware golden's console address is found, not typed: once its subnet is known, this
// host's addresses there are shown under the field (GoldenVerdict::consoleCandidates):
// exactly one is filled in and shown as found, several are offered to choose from, none
// is said. An address the operator typed is never replaced. Its further NICs (ethernet1,
// ...) may each be given a subnet ("ethernet1=10.0.5.0/24"), where every clone takes its
// own suffix; a NIC without one is left unconfigured.

#include "engine/engine_service.h"
#include "net/ipv4.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vmeclone {

class AddGoldenDialog : public QDialog {
    Q_OBJECT
public:
    // `service` may be null: OK then only accepts, and the caller adds spec() itself.
    explicit AddGoldenDialog(EngineService *service, QWidget *parent = nullptr);

    void setPath(const QString &path);
    // What the operator typed, as the engine takes it (valid only while isValid()).
    GoldenSpec spec() const;
    bool isValid() const { return m_valid; }
    // Why OK is disabled, or what OK will add; the engine's refusal after OK.
    QString message() const;
    // The engine's refusals of what is typed now, in the form's order.
    const QList<Error> &refusals() const { return m_refusals; }
    // A field's name as the dialog shows it (translated).
    static QString fieldLabel(Field field);
    // The golden the engine added (after accepted()).
    const std::optional<GoldenRecord> &added() const { return m_added; }

Q_SIGNALS:
    // The engine answered OK: `ok` false when it refused (message() says why).
    void addFinished(bool ok);

private:
    // What the golden's file says about itself (read when the path changes).
    struct Hints {
        QString backend; // "qemu" | "vmware"; empty: not a golden's file (see refusal)
        GoldenInspection said;
        // The path refused (GoldenRules::backendFor), or its file unreadable (describe).
        std::optional<Error> refusal;
    };
    static Hints readHints(const QString &path);

    void browse();
    void pathChanged();
    void validate();
    void submit();
    void showMessage(const QString &text, bool problem);
    // Marks each field the engine refuses (its reason as tooltip) and shows the first.
    void showRefusals();
    QLineEdit *editOf(Field field) const;
    // Shows this host's addresses in the golden's subnet under the console field, and
    // fills in the one found where nothing is typed. True when it changed the field.
    bool offerConsoleAddresses(const GoldenVerdict &verdict);
    void consoleChosen(int index);

    EngineService *m_service;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_suffix = nullptr;
    QLineEdit *m_subnet = nullptr;
    QLineEdit *m_gateway = nullptr;
    QLineEdit *m_dns = nullptr;
    QLineEdit *m_console = nullptr;
    QLineEdit *m_nics = nullptr;          // VMware: further NICs' subnets, "ethernet1=10.0.5.0/24"
    QLabel *m_consoleFound = nullptr;     // "found: 192.0.2.2 on eth0", or none found
    QComboBox *m_consoleChoice = nullptr; // several found: choose one
    QString m_consoleFilled;              // what the dialog put in the console field
    QList<HostAddress> m_consoleOffered;  // what the choice lists
    GoldenRules::Context m_context;       // this host's addresses, looked up once
    QLabel *m_said = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Hints m_hints;
    QList<Error> m_refusals;
    bool m_valid = false;
    bool m_submitting = false;
    std::optional<GoldenRecord> m_added;
};

} // namespace vmeclone
