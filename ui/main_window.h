#pragma once
// The console's main window: golden images and disk shards (docks), the live VM
// table with filter and context menu, the status board and the log pane. Every
// engine call goes through the EngineService (never on the GUI thread); every
// change reaches the table through its queue.

#include "batch_tracker.h"
#include "engine/engine_service.h"
#include "vm_table_filter.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QSystemTrayIcon;
class QTableView;
class QTreeWidget;

namespace vmeclone {

class FirstRunPanel;
class HostFeed;
class HostsPanel;
struct HostStatus;
class ListenerThread;
class LogPane;
class StatusBoard;
struct ListenerStats;

struct ConsoleOptions {
    QString home;
    // The embedded default golden: the first-run panel offers it, with two shards
    // under `home`, while the inventory is empty.
    QString demoGolden;
    // Set it up without asking on a first snapshot of an empty inventory (the console
    // does when --demo-golden is given, as the README's run command does).
    bool setUpDefaults = false;
    // The vmeclone CLI a clone over hosts runs for this machine (host "local"); empty:
    // the one next to the console, else "vmeclone" on the PATH.
    QString vmecloneProgram;
    // How often the data folder's hosts are asked for their VMs (HostFeed).
    int hostIntervalMs = 5000;
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(EngineService *service, ConsoleOptions options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The listener this console runs (nullptr: another process listens; `why` says so).
    void attachListener(ListenerThread *listener, const QString &why = {});

    VmTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    LogPane *logPane() const { return m_log; }
    StatusBoard *statusBoard() const { return m_board; }
    QLineEdit *filterBox() const { return m_filter; }
    // The host filter: "" every host, "local" this machine, else a host's name.
    QComboBox *hostFilter() const { return m_hostFilter; }
    HostsPanel *hostsPanel() const { return m_hostsPanel; }
    HostFeed *hostFeed() const { return m_hostFeed; }
    // Shown instead of the table while there is no golden, no shard and no VM.
    FirstRunPanel *firstRunPanel() const { return m_firstRun; }
    // By object name: "clone", "start", "stop", "release", "export", "cancelBatches", ...
    QAction *action(const QString &name) const;
    const InventorySnapshot &inventory() const { return m_snapshot; }
    const BatchTracker &batches() const { return m_tracker; }
    QList<qint64> selectedVmIds() const;

    void startClone(const ClonePlan &plan, const CloneOptions &options);
    // A clone over hosts ("all" or NAME[,NAME...], docs/cluster.md), on the host feed's
    // thread; hostActionFinished says how it went.
    void startHostsClone(const QString &hosts, const CloneOptions &options, const QString &range);
    // Returns the batch's id (0: nothing to do).
    int runOnVms(EngineService::Operation operation, const QList<VmRecord> &vms);
    // A VM's own page (issue 14, item 2); nullptr when the id is not in the inventory shown.
    class VmPage *openVmPage(qint64 vmId);
    // Writes the inventory the window shows as CSV, JSON, HTML, PDF or an Ansible inventory
    // (.yml, .yaml), by the extension, on a worker thread, so a long PDF does not freeze
    // the window; exportFinished says how it went. False, and no signal, while an earlier export
    // still runs.
    bool startExport(const QString &path);
    bool exportRunning() const { return m_export != nullptr; }
    // Whether the last finished export ran on the GUI thread (tests check it did not).
    bool lastExportRanOnGuiThread() const { return m_lastExportOnGuiThread; }
    // Closes without asking (SIGTERM, SIGINT): running batches are cancelled and rolled
    // back, and the log says why.
    void quitCancellingBatches(const QString &why);

Q_SIGNALS:
    void inventoryShown();
    void batchDone(int batchId, const vmeclone::BatchResult &result);
    // A batch reached its goal for every VM (online after a clone that starts them, or a
    // start), or was not followed further: `result` as the history has it.
    void batchSettledSignal(int batchId, const QString &result);
    // `error` is empty when the file is written.
    void exportFinished(const QString &path, const QString &error);
    // An action on VMs of hosts (start, stop, release, clone) is done.
    void hostActionFinished(const QString &verb, int done, int failed);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildDocks();
    void showSnapshot(const InventorySnapshot &snapshot);
    void showEvents(const QList<EventRecord> &events);
    // The demo golden and two shards under <home>/shards (first run).
    void setUpDefaults();
    void setUpAnswered(const QString &error);
    void onListenerStats(const ListenerStats &stats);
    void onVmsUpdated(const QList<VmUpdate> &updates);
    void onBatchFinished(int id, EngineService::Operation op, const BatchResult &result);
    // Batches until online (main_window_batches.cpp): the followed batches' progress from
    // the table's states; a settled one goes into the history.
    void followBatches();
    void stopFollowing(int id);
    void batchSettled(int id, const BatchRecord &record, bool problem);
    void showBatchHistory();
    void openCloneDialog();
    void showAbout();
    void actOnSelection(EngineService::Operation operation);
    void actOnRange(EngineService::Operation operation);
    // Asks before releasing this machine's `vms` and the hosts' VMs `remote` names (one
    // line each); `releaseRemote` releases those.
    void confirmRelease(const QList<VmRecord> &vms, const QStringList &remote = {},
                        const std::function<void()> &releaseRemote = {});
    void buildHostsDock();
    void onHostsChanged(const QList<HostStatus> &hosts);
    void exportInventory();
    void exportDone(const QString &path, int vms, const Status &status);
    void addGolden();
    void removeGolden();
    // Setup ▸ Console address… (console_address_dialog.h): for the golden it is about,
    // enabled for a VMware one only, its tooltip saying why not.
    void changeConsoleAddress();
    void updateConsoleAddressAction();
    // The selected golden, else the only VMware golden, else the only golden; or null.
    const GoldenRecord *consoleAddressGolden() const;
    void addShard();
    void removeShard();
    void reweighShard();
    void labelShard();
    void setLanguage(const QString &code);
    void setListenerPort();
    void showTableMenu(const QPoint &pos);
    void openCurrentVmPage();
    void restartVms(const QList<VmRecord> &vms);
    const VmRecord *currentVm() const;
    void updateActions();
    void notify(const QString &title, const QString &text, bool problem);
    QString operationLabel(EngineService::Operation op) const;
    qint64 selectedShardId() const;
    qint64 selectedGoldenId() const;
    void saveSettings();
    void restoreSettings();

    EngineService *m_service;
    ConsoleOptions m_options;
    VmTableModel *m_model = nullptr;
    VmTableFilter *m_proxy = nullptr;
    QComboBox *m_hostFilter = nullptr;
    HostFeed *m_hostFeed = nullptr;
    HostsPanel *m_hostsPanel = nullptr;
    int m_hostVms = 0; // the hosts' VMs as last listed
    QStackedWidget *m_pages = nullptr;
    QWidget *m_tablePage = nullptr;
    FirstRunPanel *m_firstRun = nullptr;
    QTableView *m_table = nullptr;
    class TableColumns *m_columns = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_goldens = nullptr;
    QTreeWidget *m_shards = nullptr;
    StatusBoard *m_board = nullptr;
    LogPane *m_log = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QHash<QString, QAction *> m_actions;
    InventorySnapshot m_snapshot;
    bool m_firstSnapshot = true;
    bool m_quitting = false; // quitCancellingBatches: close without asking
    int m_setUpPending = 0;  // answers setUpDefaults() still waits for
    QStringList m_setUpErrors;
    quint64 m_lastReceived = 0;
    quint64 m_received = 0;
    QStringList m_listeningOn; // the listener's addresses, as last shown
    QString m_listenerSays;    // the board's listener line, as last shown (Help ▸ About)
    QHash<int, EngineService::Operation> m_batchOps;
    QHash<int, QDateTime> m_batchStartedAt;
    QSet<int> m_noStart; // clone batches that do not start their VMs: done when made
    BatchTracker m_tracker;
    QHash<int, QList<VmRecord>> m_restartAfter; // a restart's stop batch: start these after it
    QList<EventRecord> m_recentEvents;          // the newest events seen, for VM pages
    // What an export's worker hands back.
    struct ExportOutcome {
        Status status;
        bool onGuiThread = false;
    };
    QFutureWatcher<ExportOutcome> *m_export = nullptr; // the running export, if any
    bool m_lastExportOnGuiThread = false;
};

} // namespace vmeclone
