// The console's main window: construction, the snapshot and events it shows, the
// listener's feed, batch completion, settings and closing. Actions and menus are in
// main_window_actions.cpp, the docks, setup and export in main_window_setup.cpp.

#include "main_window.h"

#include "add_golden_dialog.h"
#include "clone_range_dialog.h"
#include "common/event_text.h"
#include "common/failure_text.h"
#include "common/logging.h"
#include "empty_table_hint.h"
#include "first_run_panel.h"
#include "host_feed.h"
#include "hosts_panel.h"
#include "keyboard.h"
#include "listener_thread.h"
#include "log_pane.h"
#include "main_window_p.h"
#include "progress_delegate.h"
#include "report/inventory_report.h"
#include "shard_names.h"
#include "status_board.h"
#include "table_columns.h"
#include "vm_state_delegate.h"
#include "vm_state_style.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace vmeclone {
using namespace main_window_detail;

MainWindow::MainWindow(EngineService *service, ConsoleOptions options, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_options(std::move(options)) {
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("vmeclone console"));

    m_model = new VmTableModel(this);
    m_proxy = new VmTableFilter(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(VmTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);

    m_table = new QTableView(this);
    m_table->setObjectName(u"vmTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(VmTableModel::SuffixColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Uniform rows: the view never measures thousands of rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // One tab stop: Tab leaves the table (arrows move in it), as in a file manager.
    m_table->setTabKeyNavigation(false);
    m_table->setItemDelegateForColumn(
        VmTableModel::StateColumn,
        new VmStateDelegate(VmTableModel::StateRole, this, VmTableModel::HostUnreachableRole));
    m_table->setItemDelegateForColumn(VmTableModel::ProgressColumn,
                                      new ProgressDelegate(VmTableModel::ProgressRole, -1, this));
    const QList<QPair<int, int>> widths{
        {VmTableModel::SuffixColumn, 55}, {VmTableModel::IpColumn, 110},
        {VmTableModel::NameColumn, 70},   {VmTableModel::HostColumn, 70},
        {VmTableModel::MacColumn, 130},   {VmTableModel::ShardColumn, 80},
        {VmTableModel::StateColumn, 150}, {VmTableModel::ProgressColumn, 90},
        {VmTableModel::BootsColumn, 50},  {VmTableModel::HeartbeatColumn, 100},
        {VmTableModel::UptimeColumn, 90}};
    for (const auto &[column, width] : widths)
        m_table->setColumnWidth(column, width);
    // Paths and long names lose their middle, not their end (the tooltip has them whole).
    m_table->setTextElideMode(Qt::ElideMiddle);
    // Columns dragged, hidden or shown (the header's context menu), remembered per data folder.
    m_columns = new TableColumns(m_table, TableColumns::keyFor(m_service->config().home),
                                 VmTableModel::NameColumn);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showTableMenu);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"filter"_s);
    m_filter->setPlaceholderText(tr("Filter by name, address, MAC, shard, state or detail"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    // The host filter: shown once the data folder has hosts (onHostsChanged).
    m_hostFilter = new QComboBox(this);
    m_hostFilter->setObjectName(u"hostFilter"_s);
    m_hostFilter->setToolTip(tr("Show the VMs of one host only"));
    m_hostFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_hostFilter->addItem(tr("All hosts"), QString());
    m_hostFilter->addItem(u"local"_s, u"local"_s);
    m_hostFilter->setVisible(false);
    connect(m_hostFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setHost(m_hostFilter->currentData().toString()); });
    m_table->setColumnHidden(VmTableModel::HostColumn, true);

    m_tablePage = new QWidget(this);
    auto *layout = new QVBoxLayout(m_tablePage);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_hostFilter);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    m_firstRun = new FirstRunPanel(this);
    m_firstRun->setDemoGolden(m_options.demoGolden);
    connect(m_firstRun, &FirstRunPanel::useDemoRequested, this, &MainWindow::setUpDefaults);
    connect(m_firstRun, &FirstRunPanel::addGoldenRequested, this, &MainWindow::addGolden);
    connect(m_firstRun, &FirstRunPanel::addShardRequested, this, &MainWindow::addShard);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(u"pages"_s);
    m_pages->addWidget(m_tablePage);
    m_pages->addWidget(m_firstRun);
    setCentralWidget(m_pages);

    m_board = new StatusBoard(this);
    m_board->setObjectName(u"statusBoard"_s);
    connect(m_board, &StatusBoard::cancelRequested, this, [this](int id) {
        if (m_tracker.follows(id)) {
            stopFollowing(id);
            return;
        }
        log::console()->info("{}", tr("cancelling batch %1").arg(id));
        m_service->cancel(id);
    });
    m_log = new LogPane(this);
    m_log->setObjectName(u"logPane"_s);
    log::addSink(m_log->sink());

    // The data folder's hosts: their VMs into the same queue, on a thread of their own.
    HostFeed::Config hostConfig;
    hostConfig.inventoryPath = m_service->config().inventoryPath();
    hostConfig.intervalMs = m_options.hostIntervalMs;
    hostConfig.cluster.localHome = m_service->config().home;
    hostConfig.cluster.localProgram = m_options.vmecloneProgram;
    if (hostConfig.cluster.localProgram.isEmpty()) {
        const QString beside = QCoreApplication::applicationDirPath() + u"/vmeclone"_s;
        hostConfig.cluster.localProgram = QFileInfo(beside).isExecutable() ? beside : u"vmeclone"_s;
    }
    // A host silent this long is given up: the console must not wait on a dead link for
    // the CLI's ten minutes.
    hostConfig.cluster.silence = std::chrono::minutes(2);
    m_hostFeed = new HostFeed(hostConfig, m_model->queue(), this);

    buildActions();
    buildMenus();
    buildDocks();
    auto *hint = new EmptyTableHint(m_table, m_proxy);
    hint->setTexts(tr("No VMs yet. Press %1 to clone a range.")
                       .arg(action(u"clone"_s)->shortcut().toString(QKeySequence::NativeText)),
                   tr("No VM matches the filter."));
    buildHostsDock();
    // The keyboard (keyboard.h): shortcuts in tooltips, F6 / Ctrl+Tab between panes,
    // Shift+F10 and the Menu key for the table's menu.
    showShortcutsInToolTips(m_actions.values());
    new PaneCycler(this, m_tablePage);
    addKeyboardContextMenu(m_table, [this](const QPoint &pos) { showTableMenu(pos); });
    // A VM's own page: double-click, or Enter on the current row.
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &i) {
        openVmPage(i.data(VmTableModel::IdRole).toLongLong());
    });
    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto *enter =
            new QShortcut(QKeySequence(key), m_table, nullptr, nullptr, Qt::WidgetShortcut);
        connect(enter, &QShortcut::activated, this, &MainWindow::openCurrentVmPage);
    }
    statusBar()->showMessage(tr("Reading the inventory…"));

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("vmeclone console"));
        m_tray->show();
    }

    connect(m_model, &VmTableModel::changesApplied, this, [this] {
        m_board->setCounts(m_model->stateCounts());
        followBatches();
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);

    connect(m_service, &EngineService::inventoryChanged, this, &MainWindow::showSnapshot);
    connect(m_service, &EngineService::eventsAdded, this, &MainWindow::showEvents);
    connect(m_service, &EngineService::batchStarted, this,
            [this](int id, EngineService::Operation op, int total) {
                m_batchOps.insert(id, op);
                m_batchStartedAt.insert(id, QDateTime::currentDateTime());
                m_board->addBatch(id, operationLabel(op), total);
                updateActions();
            });
    connect(m_service, &EngineService::batchProgress, m_board, &StatusBoard::updateBatch);
    connect(m_service, &EngineService::batchFinished, this, &MainWindow::onBatchFinished);

    auto *rate = new QTimer(this);
    connect(rate, &QTimer::timeout, this, [this] {
        m_board->setAnnouncementRate(static_cast<double>(m_received - m_lastReceived));
        m_lastReceived = m_received;
    });
    rate->start(1000);

    connect(m_hostFeed, &HostFeed::hostsChanged, this, &MainWindow::onHostsChanged);
    connect(m_hostFeed, &HostFeed::actionFinished, this, [this](const HostActionResult &r) {
        const QString text =
            tr("%1 on hosts: %2 done, %3 failed").arg(r.verb).arg(r.done).arg(r.failed);
        notify(tr("Hosts"), r.problems.isEmpty() ? text : text + u": "_s + r.problems.first(),
               r.failed > 0);
        m_service->refreshSoon(); // this machine's part of a clone over hosts
        Q_EMIT hostActionFinished(r.verb, r.done, r.failed);
    });

    restoreSettings();
    m_table->setColumnHidden(VmTableModel::HostColumn, true); // until there are hosts
    updateActions();
    m_service->refreshSoon();
    m_hostFeed->start();
}

void MainWindow::onHostsChanged(const QList<HostStatus> &hosts) {
    m_hostsPanel->setHosts(hosts);
    const bool any = !hosts.isEmpty();
    m_hostVms = 0;
    for (const HostStatus &h : hosts)
        m_hostVms += h.vms;
    m_table->setColumnHidden(VmTableModel::HostColumn, !any);
    m_hostFilter->setVisible(any);
    if (any && m_pages->currentWidget() == m_firstRun)
        m_pages->setCurrentWidget(m_tablePage);
    // The filter's hosts: every host, this machine, then each host; the choice kept.
    QStringList names{QString(), u"local"_s};
    for (const HostStatus &h : hosts)
        names << h.name;
    QStringList present;
    for (int i = 0; i < m_hostFilter->count(); ++i)
        present << m_hostFilter->itemData(i).toString();
    if (present != names) {
        const QString chosen = m_hostFilter->currentData().toString();
        const QSignalBlocker quiet(m_hostFilter);
        while (m_hostFilter->count() > 2)
            m_hostFilter->removeItem(2);
        for (const HostStatus &h : hosts)
            m_hostFilter->addItem(h.name, h.name);
        const int again = m_hostFilter->findData(chosen);
        m_hostFilter->setCurrentIndex(again < 0 ? 0 : again);
        m_proxy->setHost(m_hostFilter->currentData().toString());
    }
}

MainWindow::~MainWindow() {
    // The host feed's thread first: nothing of it reaches a window being taken apart.
    delete m_hostFeed;
    m_hostFeed = nullptr;
    // An export still running finishes first: its worker holds only its own copy of the
    // report, but the PDF's fonts belong to the application, which may be going away next.
    if (m_export) {
        m_export->disconnect(this);
        m_export->waitForFinished();
    }
}

void MainWindow::attachListener(ListenerThread *listener, const QString &why) {
    if (!listener) {
        m_listenerSays =
            tr("Not listening here: %1. States come from the process that listens.").arg(why);
        m_board->setListener(m_listenerSays, false);
        return;
    }
    m_listenerSays = tr("Listening on 127.0.0.1:%1").arg(listener->port());
    m_board->setListener(m_listenerSays, true);
    connect(listener->listener(), &AnnouncementListener::vmsUpdated, this,
            &MainWindow::onVmsUpdated);
    connect(listener->listener(), &AnnouncementListener::statsChanged, this,
            &MainWindow::onListenerStats);
}

void MainWindow::onListenerStats(const ListenerStats &stats) {
    m_received = stats.received;
    if (!stats.listeningOn.isEmpty() && stats.listeningOn != m_listeningOn) {
        m_listeningOn = stats.listeningOn;
        m_listenerSays = tr("Listening on %1").arg(m_listeningOn.join(u", "_s));
        m_board->setListener(m_listenerSays, true);
    }
    m_board->setRejected(stats.rejected);
}

void MainWindow::onVmsUpdated(const QList<VmUpdate> &updates) {
    QList<VmChange> changes;
    changes.reserve(updates.size());
    for (const auto &u : updates) {
        VmChange c;
        c.kind = VmChange::Kind::Update;
        c.row.id = u.vmId;
        c.fields = VmChange::Boots | VmChange::Uptime | VmChange::LastSeen;
        c.row.boots = u.boots;
        c.row.uptimeSeconds = u.uptimeSeconds;
        c.row.lastSeen = u.lastSeen;
        if (u.state) {
            c.fields |= VmChange::State | VmChange::Reason;
            c.row.state = *u.state;
            c.row.reason = u.reason;
        }
        c.seq = u.seq; // the listener's commit
        changes.append(c);
    }
    m_model->queue()->push(std::move(changes));
}

void MainWindow::showSnapshot(const InventorySnapshot &snapshot) {
    m_snapshot = snapshot;
    QHash<qint64, GoldenRecord> goldenById;
    for (const auto &g : snapshot.goldens)
        goldenById.insert(g.id, g);
    QHash<qint64, QString> shardPath;
    for (const auto &s : snapshot.shards)
        shardPath.insert(s.shard.id, s.shard.path);
    QHash<qint64, int> perShard;
    QMap<QString, int> localStates;
    for (const auto &vm : snapshot.vms)
        ++localStates[vmStateName(vm.state)];
    qint64 localFree = -1;
    QSet<QString> devices;
    for (const auto &s : snapshot.shards)
        if (s.usable() && !devices.contains(s.deviceId)) {
            devices.insert(s.deviceId);
            localFree = qMax<qint64>(localFree, 0) + s.bytesFree;
        }
    m_hostsPanel->setLocal(localStates, static_cast<int>(snapshot.vms.size()), localFree);
    QList<VmRow> rows;
    rows.reserve(snapshot.vms.size());
    for (const auto &vm : snapshot.vms) {
        rows.append(VmRow::fromRecord(vm, goldenById.value(vm.goldenId).subnet,
                                      shardPath.value(vm.shardId)));
        ++perShard[vm.shardId];
    }
    VmChange table = VmChange::snapshot(std::move(rows));
    table.seq = snapshot.seq;
    m_model->queue()->push(std::move(table));

    const qint64 goldenId = selectedGoldenId();
    m_goldens->clear();
    for (const auto &g : snapshot.goldens) {
        auto *item = new QTreeWidgetItem(m_goldens);
        item->setData(0, kIdRole, g.id);
        item->setText(0, g.name);
        item->setText(1, g.backend);
        item->setText(2, tr("%1 (suffix %2)").arg(g.address.toString()).arg(g.suffix()));
        item->setText(3, g.subnet.toString());
        item->setText(4, gib(g.diskBytes));
        item->setText(5, g.path);
        item->setToolTip(5, g.path);
        if (const QString problem = snapshot.goldenProblems.value(g.id); !problem.isEmpty()) {
            item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            for (int c = 0; c < item->columnCount(); ++c)
                item->setToolTip(c, problem);
            item->setForeground(0, VmStateStyle::colour(VmState::Failed));
        }
        if (g.id == goldenId)
            item->setSelected(true);
    }
    for (int c = 0; c < m_goldens->columnCount() - 1; ++c)
        m_goldens->resizeColumnToContents(c);

    const qint64 shardId = selectedShardId();
    QStringList shardPaths;
    QHash<QString, QString> shardLabels;
    for (const auto &s : snapshot.shards) {
        shardPaths << s.shard.path;
        shardLabels.insert(s.shard.path, s.shard.label);
    }
    const QHash<QString, QString> shardNames = shardShortNames(shardPaths, shardLabels);
    m_model->setShardNames(shardNames);
    m_shards->clear();
    for (const auto &s : snapshot.shards) {
        auto *item = new QTreeWidgetItem(m_shards);
        item->setData(0, kIdRole, s.shard.id);
        item->setText(0, shardShortName(shardNames, s.shard.path));
        item->setToolTip(0, s.shard.path);
        if (s.usable()) {
            const qint64 used = s.bytesTotal - s.bytesFree;
            item->setData(1, kUsedRole,
                          s.bytesTotal > 0 ? static_cast<int>(used * 100 / s.bytesTotal) : 0);
            item->setData(1, kUsedTextRole,
                          tr("%1 free of %2").arg(gib(s.bytesFree), gib(s.bytesTotal)));
        } else {
            item->setText(1, s.error);
            item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            item->setToolTip(1, s.error);
        }
        item->setText(2, QString::number(perShard.value(s.shard.id)));
        item->setText(3, QLocale().toString(s.shard.weight));
        item->setText(4, s.filesystem.isEmpty() ? s.deviceId
                                                : u"%1 (%2)"_s.arg(s.deviceId, s.filesystem));
        item->setText(5, gib(s.bytesTotal));
        if (s.shard.id == shardId)
            item->setSelected(true);
    }

    statusBar()->showMessage(
        tr("%n VM(s)", nullptr, static_cast<int>(snapshot.vms.size())) + u", "_s
        + (m_hostVms > 0 ? tr("%n VM(s) on hosts", nullptr, m_hostVms) + u", "_s : QString())
        + tr("%n golden image(s)", nullptr, static_cast<int>(snapshot.goldens.size())) + u", "_s
        + tr("%n disk shard(s)", nullptr, static_cast<int>(snapshot.shards.size())));
    // A head with hosts but nothing of its own yet shows its hosts' VMs, not the first run.
    const bool empty = snapshot.goldens.isEmpty() && snapshot.shards.isEmpty()
                       && snapshot.vms.isEmpty() && m_hostsPanel->hosts().isEmpty();
    m_pages->setCurrentWidget(empty ? static_cast<QWidget *>(m_firstRun) : m_tablePage);
    if (m_firstSnapshot) {
        m_firstSnapshot = false;
        if (m_options.setUpDefaults && empty)
            setUpDefaults();
    }
    updateActions();
    Q_EMIT inventoryShown();
}

void MainWindow::showEvents(const QList<EventRecord> &events) {
    m_recentEvents += events;
    if (m_recentEvents.size() > 5000)
        m_recentEvents.remove(0, m_recentEvents.size() - 5000);
    const QDateTime now = QDateTime::currentDateTime();
    for (const auto &e : events) {
        // In the console's language where core gave the event a code (common/event_text.h).
        const QString said = eventText(e.code, e.args, e.message);
        QString text = e.vmName.isEmpty() ? said : e.vmName + u": "_s + said;
        if (e.at.isValid() && e.at.secsTo(now) > 5)
            text = u"(%1) "_s.arg(e.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s)) + text;
        if (e.level == u"error")
            log::events()->error("{}", text);
        else if (e.level == u"warning")
            log::events()->warn("{}", text);
        else
            log::events()->info("{}", text);
    }
}

void MainWindow::setUpDefaults() {
    if (m_setUpPending > 0)
        return;
    if (m_options.demoGolden.isEmpty() || !QFileInfo::exists(m_options.demoGolden)) {
        log::console()->info("{}", tr("no golden image yet: add one (Setup > Add golden image) "
                                      "and a disk shard to start"));
        return;
    }
    const QString base = QDir(m_options.home).filePath(u"shards"_s);
    const QStringList shards{base + u"/shard-a"_s, base + u"/shard-b"_s};
    for (const auto &s : shards)
        QDir().mkpath(s);
    log::console()->info("{}", tr("first start: adding the demo golden image %1 and the disk "
                                  "shards %2")
                                   .arg(m_options.demoGolden, shards.join(u", "_s)));
    m_setUpPending = 1 + static_cast<int>(shards.size());
    m_setUpErrors.clear();
    m_firstRun->setBusy(true);
    GoldenSpec spec;
    spec.path = m_options.demoGolden;
    m_service->addGolden(spec).then(this, [this](const Expected<GoldenRecord> &g) {
        if (!g)
            log::console()->error(
                "{}", tr("the demo golden image could not be added: %1").arg(g.error()));
        setUpAnswered(
            g ? QString()
              : tr("The demo golden image could not be added: %1").arg(failureText(g.error())));
    });
    for (const auto &s : shards) {
        m_service->addShard(s, 1.0).then(this, [this, s](const Expected<Shard> &shard) {
            if (!shard)
                log::console()->error(
                    "{}", tr("the disk shard %1 could not be added: %2").arg(s, shard.error()));
            setUpAnswered(shard ? QString()
                                : tr("The disk shard %1 could not be added: %2")
                                      .arg(s, failureText(shard.error())));
        });
    }
}

void MainWindow::setUpAnswered(const QString &error) {
    if (!error.isEmpty())
        m_setUpErrors << error;
    if (--m_setUpPending > 0)
        return;
    if (m_setUpErrors.isEmpty())
        m_firstRun->setBusy(false);
    else
        m_firstRun->setError(m_setUpErrors.join(u'\n'));
    m_service->refreshSoon();
}

void MainWindow::notify(const QString &title, const QString &text, bool problem) {
    statusBar()->showMessage(title + u": "_s + text, 15000);
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(
            title, text, problem ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
}

void MainWindow::saveSettings() {
    QSettings s;
    s.setValue(u"window/geometry"_s, saveGeometry());
    s.setValue(u"window/state"_s, saveState());
    m_columns->save();
    s.setValue(u"log/level"_s, m_log->minimumLevel());
}

void MainWindow::restoreSettings() {
    QSettings s;
    if (!restoreGeometry(s.value(u"window/geometry"_s).toByteArray()))
        resize(1360, 860);
    if (!restoreState(s.value(u"window/state"_s).toByteArray())) {
        // First start: the VM table gets the room (once the window is laid out).
        QTimer::singleShot(0, this, [this] {
            resizeDocks({findChild<QDockWidget *>(u"goldenDock"_s),
                         findChild<QDockWidget *>(u"statusDock"_s)},
                        {240, 230}, Qt::Horizontal);
            resizeDocks({findChild<QDockWidget *>(u"logDock"_s)}, {170}, Qt::Vertical);
        });
    }
    // A first start shows State next to Name: what an operator reads first.
    if (!m_columns->restore())
        m_columns->setDefaultOrder({VmTableModel::SuffixColumn, VmTableModel::IpColumn,
                                    VmTableModel::NameColumn, VmTableModel::StateColumn});
    m_log->setMinimumLevel(s.value(u"log/level"_s, int(spdlog::level::info)).toInt());
}

void MainWindow::quitCancellingBatches(const QString &why) {
    const int running = static_cast<int>(m_service->runningBatches().size());
    log::console()->warn("{}", running > 0 ? tr("%1: closing the console, cancelling %n running "
                                                "batch(es)",
                                                nullptr, running)
                                                 .arg(why)
                                           : tr("%1: closing the console").arg(why));
    m_quitting = true;
    m_service->cancelAll();
    close();
}

void MainWindow::closeEvent(QCloseEvent *event) {
    const int running = static_cast<int>(m_service->runningBatches().size());
    if (running > 0 && !m_quitting) {
        const auto answer = QMessageBox::question(this, tr("Batches running"),
                                                  tr("%n batch(es) still running. Cancel them and "
                                                     "quit? VMs being copied are rolled back.",
                                                     nullptr, running));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_service->cancelAll();
    }
    saveSettings();
    event->accept();
}

} // namespace vmeclone
