#pragma once
// "Clone range…": the operator types "177-254" or a list; the dialog asks the engine
// for a plan as they type (in the engine's thread, never the GUI's) and previews the
// count, every refused address highlighted by why (in use, the golden, QEMU's host
// alias, no room: the refusal's RefusalKind, never its words), and the placement per
// shard with the free space left after. OK stays disabled, with the reason shown,
// until the plan is clean.

#include "engine/engine_service.h"

#include <QColor>
#include <QDialog>
#include <QHash>
#include <QTimer>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QTreeWidget;

namespace vmeclone {

class HostFeed;
struct ClusterResult;

class CloneRangeDialog : public QDialog {
    Q_OBJECT
public:
    CloneRangeDialog(EngineService *service, const QList<GoldenRecord> &goldens,
                     const QHash<qint64, QString> &goldenProblems, QWidget *parent = nullptr);

    // The data folder's hosts (docs/cluster.md): a Hosts choice, "this machine only" (a
    // clone here, as without hosts), "all" or one host; its preview is the head's plan
    // per host (HostFeed::plan).
    void setHosts(HostFeed *feed, const QStringList &hosts);
    // "" (this machine only, plan() is the plan), "all" or a host's name.
    QString hosts() const;
    void setRange(const QString &range);
    QString range() const;
    CloneOptions options() const;
    // The last plan previewed; set only while the input is valid.
    const std::optional<ClonePlan> &plan() const { return m_plan; }
    bool isValid() const { return m_valid; }
    QString message() const;
    QString countText() const;
    // What the conflicts list shows, one line per refused address (each item carries
    // its refusalKindName() as Qt::UserRole).
    QStringList conflicts() const;
    // The colour a refusal is highlighted in: one per family (in use, the golden's,
    // the host's, no room, other).
    static QColor conflictColour(RefusalKind kind);

Q_SIGNALS:
    // A preview (valid or not) was shown for the current input.
    void previewUpdated();

private:
    void inputChanged();
    void requestPlan();
    void showPlan(quint64 sequence, const Expected<ClonePlan> &plan);
    void setInvalid(const QString &why);
    void showHostsPlan(quint64 sequence, const ClusterResult &result);

    EngineService *m_service;
    QList<GoldenRecord> m_goldens;
    QHash<qint64, QString> m_problems;
    QComboBox *m_golden = nullptr;
    QComboBox *m_hosts = nullptr;
    HostFeed *m_feed = nullptr;
    QLineEdit *m_range = nullptr;
    QRadioButton *m_linked = nullptr;
    QRadioButton *m_full = nullptr;
    QRadioButton *m_instant = nullptr;
    QRadioButton *m_byVmware = nullptr; // linked, made by VMware (CloneOptions::vmwareClone)
    QCheckBox *m_start = nullptr;
    QLabel *m_count = nullptr;
    QListWidget *m_conflicts = nullptr;
    QTreeWidget *m_placement = nullptr;
    QTreeWidget *m_vms = nullptr; // the planned VMs: name, address, MAC, shard (host: shard)
    QLabel *m_placementTitle = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer m_debounce;
    quint64 m_sequence = 0;
    std::optional<ClonePlan> m_plan;
    bool m_valid = false;
};

} // namespace vmeclone
