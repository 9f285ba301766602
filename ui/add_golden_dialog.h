#pragma once
// "Add golden image…": the golden's file (a QEMU machine description .json or a VMware
// .vmx) and what it does not say itself: its own address suffix, its subnet, the
// clones' gateway and, for VMware, this host's address on the VMs' network (where the
// guests announce themselves). The input is checked as the operator types; OK stays
// disabled, with the reason shown, until it is valid. OK hands the spec to the engine
// (in the engine's thread) and closes only when the engine took the golden: a refusal
// is shown and everything typed stays.

#include "engine/engine_service.h"
#include "net/ipv4.h"

#include <QDialog>

#include <optional>

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
    // The golden the engine added (after accepted()).
    const std::optional<GoldenRecord> &added() const { return m_added; }

Q_SIGNALS:
    // The engine answered OK: `ok` false when it refused (message() says why).
    void addFinished(bool ok);

private:
    // What the golden's file says about itself (read when the path changes).
    struct Hints {
        QString backend; // "qemu" | "vmware"; empty: not a golden's file
        QString name;
        std::optional<Subnet> subnet;
        std::optional<quint32> suffix;
        QString problem; // the file cannot be read as a golden
    };
    static Hints readHints(const QString &path);

    void browse();
    void pathChanged();
    void validate();
    void submit();
    void showMessage(const QString &text, bool problem);

    EngineService *m_service;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_suffix = nullptr;
    QLineEdit *m_subnet = nullptr;
    QLineEdit *m_gateway = nullptr;
    QLineEdit *m_dns = nullptr;
    QLineEdit *m_console = nullptr;
    QLabel *m_said = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    Hints m_hints;
    bool m_valid = false;
    bool m_submitting = false;
    std::optional<GoldenRecord> m_added;
};

} // namespace vmeclone
