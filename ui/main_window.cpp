#include "main_window.h"

#include "add_golden_dialog.h"
#include "clone_range_dialog.h"
#include "common/logging.h"
#include "first_run_panel.h"
#include "keyboard.h"
#include "listener_thread.h"
#include "log_pane.h"
#include "progress_delegate.h"
#include "report/inventory_report.h"
#include "status_board.h"
#include "vm_state_delegate.h"
#include "vm_state_style.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
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
namespace {

auto logger() {
    static auto l = log::get("console");
    return l;
}

auto eventLogger() {
    static auto l = log::get("events");
    return l;
}

QString gib(qint64 bytes) {
    return QLocale().toString(static_cast<double>(bytes) / (1024.0 * 1024 * 1024), 'f', 1)
           + u" GiB"_s;
}

constexpr int kUsedRole = Qt::UserRole + 1;
constexpr int kUsedTextRole = Qt::UserRole + 2;
constexpr int kIdRole = Qt::UserRole + 3;

// A batch's step as a change of the table's row.
VmChange changeFor(const BatchEvent &e, const QHash<Ipv4Address, ClonePlanItem> &items,
                   const Subnet &subnet) {
    if (e.state == VmState::Released) {
        VmChange gone = VmChange::remove(e.vmId);
        gone.seq = e.seq;
        return gone;
    }
    VmChange c;
    c.kind = VmChange::Kind::Update;
    c.fields = VmChange::State | VmChange::Reason;
    c.row.id = e.vmId;
    c.row.state = e.state;
    c.row.reason = e.message;
    c.seq = e.seq;
    if (e.state == VmState::Copying) {
        c.fields |= VmChange::Progress;
        c.row.progress = e.progress;
    }
    // A clone's first word: enough to show its row before the inventory is read again.
    if (auto it = items.constFind(e.address); it != items.constEnd()) {
        c.row.name = it->name;
        c.row.address = it->address;
        c.row.suffix = subnet.suffixOf(it->address);
        c.row.mac = it->mac;
        c.row.shard = it->shard.path;
    }
    return c;
}

} // namespace

MainWindow::MainWindow(EngineService *service, ConsoleOptions options, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_options(std::move(options)) {
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("vmeclone console"));

    m_model = new VmTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
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
    m_table->setItemDelegateForColumn(VmTableModel::StateColumn,
                                      new VmStateDelegate(VmTableModel::StateRole, this));
    m_table->setItemDelegateForColumn(VmTableModel::ProgressColumn,
                                      new ProgressDelegate(VmTableModel::ProgressRole, -1, this));
    const QList<QPair<int, int>> widths{
        {VmTableModel::SuffixColumn, 55},     {VmTableModel::IpColumn, 110},
        {VmTableModel::NameColumn, 70},       {VmTableModel::MacColumn, 130},
        {VmTableModel::ShardColumn, 80},      {VmTableModel::StateColumn, 110},
        {VmTableModel::ProgressColumn, 90},   {VmTableModel::BootsColumn, 50},
        {VmTableModel::HeartbeatColumn, 100}, {VmTableModel::UptimeColumn, 90}};
    for (const auto &[column, width] : widths)
        m_table->setColumnWidth(column, width);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showTableMenu);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"filter"_s);
    m_filter->setPlaceholderText(tr("Filter by name, address, MAC, shard, state or detail"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_tablePage = new QWidget(this);
    auto *layout = new QVBoxLayout(m_tablePage);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
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
        logger()->info("cancelling batch {}", id);
        m_service->cancel(id);
    });
    m_log = new LogPane(this);
    m_log->setObjectName(u"logPane"_s);
    log::addSink(m_log->sink());

    buildActions();
    buildMenus();
    buildDocks();
    // The keyboard (keyboard.h): shortcuts in tooltips, F6 / Ctrl+Tab between panes,
    // Shift+F10 and the Menu key for the table's menu.
    showShortcutsInToolTips(m_actions.values());
    new PaneCycler(this, m_tablePage);
    addKeyboardContextMenu(m_table, [this](const QPoint &pos) { showTableMenu(pos); });
    statusBar()->showMessage(tr("Reading the inventory…"));

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("vmeclone console"));
        m_tray->show();
    }

    connect(m_model, &VmTableModel::changesApplied, this, [this] {
        m_board->setCounts(m_model->stateCounts());
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);

    connect(m_service, &EngineService::inventoryChanged, this, &MainWindow::showSnapshot);
    connect(m_service, &EngineService::eventsAdded, this, &MainWindow::showEvents);
    connect(m_service, &EngineService::batchStarted, this,
            [this](int id, EngineService::Operation op, int total) {
                m_batchOps.insert(id, op);
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

    restoreSettings();
    updateActions();
    m_service->refreshSoon();
}

MainWindow::~MainWindow() {
    // An export still running finishes first: its worker holds only its own copy of the
    // report, but the PDF's fonts belong to the application, which may be going away next.
    if (m_export) {
        m_export->disconnect(this);
        m_export->waitForFinished();
    }
}

QAction *MainWindow::action(const QString &name) const {
    return m_actions.value(name);
}

void MainWindow::buildActions() {
    auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                       auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WindowShortcut);
        }
        connect(a, &QAction::triggered, this, slot);
        m_actions.insert(name, a);
        return a;
    };
    using Op = EngineService::Operation;
    make(u"clone"_s, tr("&Clone range…"), QKeySequence(u"Ctrl+N"_s), [this] { openCloneDialog(); });
    // Ctrl+N while Clone range… is disabled (no golden yet) says why instead of nothing:
    // enabled only then, so it never competes with the action's own shortcut.
    auto *cloneWhy = new QShortcut(QKeySequence(u"Ctrl+N"_s), this);
    cloneWhy->setObjectName(u"cloneWithoutGolden"_s);
    cloneWhy->setEnabled(false);
    connect(cloneWhy, &QShortcut::activated, this, [this] { openCloneDialog(); });
    make(u"start"_s, tr("&Start"), QKeySequence(u"Ctrl+R"_s),
         [this] { actOnSelection(Op::Start); });
    make(u"stop"_s, tr("S&top"), QKeySequence(u"Ctrl+T"_s), [this] { actOnSelection(Op::Stop); });
    make(u"release"_s, tr("&Release…"), QKeySequence(QKeySequence::Delete),
         [this] { actOnSelection(Op::Release); });
    make(u"startRange"_s, tr("Start range…"), QKeySequence(u"Ctrl+Shift+R"_s),
         [this] { actOnRange(Op::Start); });
    make(u"stopRange"_s, tr("Stop range…"), QKeySequence(u"Ctrl+Shift+T"_s),
         [this] { actOnRange(Op::Stop); });
    make(u"releaseRange"_s, tr("Release range…"), QKeySequence(u"Ctrl+Shift+Del"_s),
         [this] { actOnRange(Op::Release); });
    make(u"cancelBatches"_s, tr("Cancel &all batches"), QKeySequence(u"Ctrl+."_s), [this] {
        logger()->info("cancelling every running batch");
        m_service->cancelAll();
    });
    make(u"export"_s, tr("&Export inventory…"), QKeySequence(u"Ctrl+E"_s),
         [this] { exportInventory(); });
    make(u"addGolden"_s, tr("Add &golden image…"), QKeySequence(u"Ctrl+G"_s),
         [this] { addGolden(); });
    make(u"removeGolden"_s, tr("Remove golden image"), {}, [this] { removeGolden(); });
    make(u"addShard"_s, tr("Add disk &shard…"), QKeySequence(u"Ctrl+Shift+S"_s),
         [this] { addShard(); });
    make(u"removeShard"_s, tr("Remove disk shard"), {}, [this] { removeShard(); });
    make(u"reweighShard"_s, tr("Change shard &weight…"), {}, [this] { reweighShard(); });
    make(u"refresh"_s, tr("&Refresh"), QKeySequence(QKeySequence::Refresh),
         [this] { m_service->refreshSoon(); });
    make(u"find"_s, tr("&Filter"), QKeySequence(QKeySequence::Find), [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    make(u"listenerPort"_s, tr("Listener &port…"), {}, [this] { setListenerPort(); });
    make(u"quit"_s, tr("&Quit"), QKeySequence(QKeySequence::Quit), [this] { close(); });
}

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(u"export"_s));
    file->addSeparator();
    file->addAction(action(u"quit"_s));

    QMenu *vms = menuBar()->addMenu(tr("&VMs"));
    vms->addAction(action(u"clone"_s));
    vms->addSeparator();
    vms->addAction(action(u"start"_s));
    vms->addAction(action(u"stop"_s));
    vms->addAction(action(u"release"_s));
    vms->addSeparator();
    vms->addAction(action(u"startRange"_s));
    vms->addAction(action(u"stopRange"_s));
    vms->addAction(action(u"releaseRange"_s));
    vms->addSeparator();
    vms->addAction(action(u"cancelBatches"_s));
    vms->addAction(action(u"find"_s));
    vms->addAction(action(u"refresh"_s));

    QMenu *setup = menuBar()->addMenu(tr("&Setup"));
    setup->addAction(action(u"addGolden"_s));
    setup->addAction(action(u"removeGolden"_s));
    setup->addSeparator();
    setup->addAction(action(u"addShard"_s));
    setup->addAction(action(u"removeShard"_s));
    setup->addAction(action(u"reweighShard"_s));
    setup->addSeparator();
    setup->addAction(action(u"listenerPort"_s));
    QMenu *language = setup->addMenu(tr("&Language"));
    const QString current = QSettings().value(u"ui/language"_s, u"system"_s).toString();
    for (const auto &[code, name] :
         QList<QPair<QString, QString>>{{u"system"_s, tr("As the system")},
                                        {u"en"_s, u"English"_s},
                                        {u"zh_CN"_s, u"简体中文"_s}}) {
        // A copy, not the binding: clang before 16 (the TSan build's) cannot capture one.
        QAction *a = language->addAction(name, this, [this, code = code] { setLanguage(code); });
        a->setCheckable(true);
        a->setChecked(code == current);
    }

    QToolBar *bar = addToolBar(tr("Actions"));
    bar->setObjectName(u"actionsToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const auto &name : {u"clone"_s, u"start"_s, u"stop"_s, u"release"_s, u"export"_s})
        bar->addAction(action(name));
}

void MainWindow::buildDocks() {
    // Golden images
    auto *goldenPanel = new QWidget(this);
    m_goldens = new QTreeWidget(goldenPanel);
    m_goldens->setObjectName(u"goldens"_s);
    m_goldens->setRootIsDecorated(false);
    m_goldens->setHeaderLabels(
        {tr("Name"), tr("Backend"), tr("Address"), tr("Subnet"), tr("Disk"), tr("Path")});
    auto *goldenButtons = new QHBoxLayout;
    const QHash<QString, QString> shortText{{u"addGolden"_s, tr("Add…")},
                                            {u"removeGolden"_s, tr("Remove")},
                                            {u"addShard"_s, tr("Add…")},
                                            {u"removeShard"_s, tr("Remove")},
                                            {u"reweighShard"_s, tr("Weight…")}};
    for (const auto &name : {u"addGolden"_s, u"removeGolden"_s}) {
        auto *b = new QPushButton(shortText.value(name), goldenPanel);
        b->setToolTip(action(name)->text().remove(u'&'));
        connect(b, &QPushButton::clicked, action(name), &QAction::trigger);
        goldenButtons->addWidget(b);
    }
    goldenButtons->addStretch();
    auto *gl = new QVBoxLayout(goldenPanel);
    gl->setContentsMargins(2, 2, 2, 2);
    gl->addWidget(m_goldens);
    gl->addLayout(goldenButtons);
    auto *goldenDock = new QDockWidget(tr("Golden images"), this);
    goldenDock->setObjectName(u"goldenDock"_s);
    goldenDock->setWidget(goldenPanel);
    addDockWidget(Qt::LeftDockWidgetArea, goldenDock);

    // Disk shards
    auto *shardPanel = new QWidget(this);
    m_shards = new QTreeWidget(shardPanel);
    m_shards->setObjectName(u"shards"_s);
    m_shards->setRootIsDecorated(false);
    m_shards->setHeaderLabels(
        {tr("Folder"), tr("Used / free"), tr("VMs"), tr("Weight"), tr("Device"), tr("Capacity")});
    m_shards->setItemDelegateForColumn(1, new ProgressDelegate(kUsedRole, kUsedTextRole, this));
    m_shards->setColumnWidth(0, 110);
    m_shards->setColumnWidth(1, 200);
    auto *shardButtons = new QHBoxLayout;
    for (const auto &name : {u"addShard"_s, u"removeShard"_s, u"reweighShard"_s}) {
        auto *b = new QPushButton(shortText.value(name), shardPanel);
        b->setToolTip(action(name)->text().remove(u'&'));
        connect(b, &QPushButton::clicked, action(name), &QAction::trigger);
        shardButtons->addWidget(b);
    }
    shardButtons->addStretch();
    auto *sl = new QVBoxLayout(shardPanel);
    sl->setContentsMargins(2, 2, 2, 2);
    sl->addWidget(m_shards);
    sl->addLayout(shardButtons);
    auto *shardDock = new QDockWidget(tr("Disk shards"), this);
    shardDock->setObjectName(u"shardDock"_s);
    shardDock->setWidget(shardPanel);
    addDockWidget(Qt::LeftDockWidgetArea, shardDock);

    auto *boardDock = new QDockWidget(tr("Status"), this);
    boardDock->setObjectName(u"statusDock"_s);
    boardDock->setWidget(m_board);
    addDockWidget(Qt::RightDockWidgetArea, boardDock);

    auto *logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(u"logDock"_s);
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
}

void MainWindow::attachListener(ListenerThread *listener, const QString &why) {
    if (!listener) {
        m_board->setListener(
            tr("Not listening here: %1. States come from the process that listens.").arg(why),
            false);
        return;
    }
    m_board->setListener(tr("Listening on 127.0.0.1:%1").arg(listener->port()), true);
    connect(listener->listener(), &AnnouncementListener::vmsUpdated, this,
            &MainWindow::onVmsUpdated);
    connect(listener->listener(), &AnnouncementListener::statsChanged, this,
            &MainWindow::onListenerStats);
}

void MainWindow::onListenerStats(const ListenerStats &stats) {
    m_received = stats.received;
    if (!stats.listeningOn.isEmpty() && stats.listeningOn != m_listeningOn) {
        m_listeningOn = stats.listeningOn;
        m_board->setListener(tr("Listening on %1").arg(m_listeningOn.join(u", "_s)), true);
    }
    m_board->setRejected(stats.rejectedTotal());
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
    m_shards->clear();
    for (const auto &s : snapshot.shards) {
        auto *item = new QTreeWidgetItem(m_shards);
        item->setData(0, kIdRole, s.shard.id);
        item->setText(0, s.shard.path);
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
        + tr("%n golden image(s)", nullptr, static_cast<int>(snapshot.goldens.size())) + u", "_s
        + tr("%n disk shard(s)", nullptr, static_cast<int>(snapshot.shards.size())));
    const bool empty =
        snapshot.goldens.isEmpty() && snapshot.shards.isEmpty() && snapshot.vms.isEmpty();
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
    const QDateTime now = QDateTime::currentDateTime();
    for (const auto &e : events) {
        QString text = e.vmName.isEmpty() ? e.message : e.vmName + u": "_s + e.message;
        if (e.at.isValid() && e.at.secsTo(now) > 5)
            text = u"(%1) "_s.arg(e.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s)) + text;
        if (e.level == u"error")
            eventLogger()->error("{}", text);
        else if (e.level == u"warning")
            eventLogger()->warn("{}", text);
        else
            eventLogger()->info("{}", text);
    }
}

void MainWindow::setUpDefaults() {
    if (m_setUpPending > 0)
        return;
    if (m_options.demoGolden.isEmpty() || !QFileInfo::exists(m_options.demoGolden)) {
        logger()->info(
            "no golden image yet: add one (Setup > Add golden image) and a disk shard to start");
        return;
    }
    const QString base = QDir(m_options.home).filePath(u"shards"_s);
    const QStringList shards{base + u"/shard-a"_s, base + u"/shard-b"_s};
    for (const auto &s : shards)
        QDir().mkpath(s);
    logger()->info("first start: adding the demo golden image {} and the disk shards {}",
                   m_options.demoGolden, shards.join(u", "_s));
    m_setUpPending = 1 + static_cast<int>(shards.size());
    m_setUpErrors.clear();
    m_firstRun->setBusy(true);
    GoldenSpec spec;
    spec.path = m_options.demoGolden;
    m_service->addGolden(spec).then(this, [this](const Expected<GoldenRecord> &g) {
        if (!g)
            logger()->error("the demo golden image could not be added: {}", g.error());
        setUpAnswered(g ? QString()
                        : tr("The demo golden image could not be added: %1").arg(g.error()));
    });
    for (const auto &s : shards) {
        m_service->addShard(s, 1.0).then(this, [this, s](const Expected<Shard> &shard) {
            if (!shard)
                logger()->error("the disk shard {} could not be added: {}", s, shard.error());
            setUpAnswered(
                shard ? QString()
                      : tr("The disk shard %1 could not be added: %2").arg(s, shard.error()));
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

QString MainWindow::operationLabel(EngineService::Operation op) const {
    switch (op) {
    case EngineService::Operation::Clone:
        return tr("Clone");
    case EngineService::Operation::Start:
        return tr("Start");
    case EngineService::Operation::Stop:
        return tr("Stop");
    case EngineService::Operation::Release:
        return tr("Release");
    }
    return {};
}

QList<qint64> MainWindow::selectedVmIds() const {
    QList<qint64> ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids.append(i.data(VmTableModel::IdRole).toLongLong());
    return ids;
}

qint64 MainWindow::selectedShardId() const {
    const auto items = m_shards->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(0, kIdRole).toLongLong();
}

qint64 MainWindow::selectedGoldenId() const {
    const auto items = m_goldens->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(0, kIdRole).toLongLong();
}

void MainWindow::updateActions() {
    const bool any = m_table->selectionModel()->hasSelection();
    for (const auto &name : {u"start"_s, u"stop"_s, u"release"_s})
        action(name)->setEnabled(any);
    const bool golden = !m_snapshot.goldens.isEmpty();
    QAction *clone = action(u"clone"_s);
    clone->setEnabled(golden);
    clone->setToolTip(golden ? toolTipWithShortcut(clone->text(), clone->shortcut())
                             : tr("Add a golden image first (Setup > Add golden image)."));
    if (auto *why = findChild<QShortcut *>(u"cloneWithoutGolden"_s))
        why->setEnabled(!golden);
    action(u"cancelBatches"_s)->setEnabled(!m_batchOps.isEmpty());
    action(u"export"_s)->setEnabled(!m_export); // one export at a time
}

void MainWindow::openCloneDialog() {
    if (m_snapshot.goldens.isEmpty()) {
        notify(tr("No golden image"), tr("Add a golden image first (Setup > Add golden image)."),
               true);
        return;
    }
    auto *dialog =
        new CloneRangeDialog(m_service, m_snapshot.goldens, m_snapshot.goldenProblems, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->plan())
            startClone(*dialog->plan(), dialog->options());
    });
    dialog->open();
}

void MainWindow::startClone(const ClonePlan &plan, const CloneOptions &options) {
    QHash<Ipv4Address, ClonePlanItem> items;
    for (const auto &i : plan.items)
        items.insert(i.address, i);
    const Subnet subnet = plan.golden.subnet;
    const auto queue = m_model->queue();
    logger()->info("cloning {} VMs from {} ({}, {})", plan.items.size(), plan.golden.name,
                   plan.mode, options.start ? "started when made" : "not started");
    m_service->clone(plan, options, [queue, items, subnet](const BatchEvent &e) {
        queue->push(changeFor(e, items, subnet));
    });
}

void MainWindow::runOnVms(EngineService::Operation operation, const QList<VmRecord> &vms) {
    if (vms.isEmpty())
        return;
    const auto queue = m_model->queue();
    logger()->info("{} {} VMs", EngineService::operationName(operation), vms.size());
    m_service->run(operation, vms,
                   [queue](const BatchEvent &e) { queue->push(changeFor(e, {}, {})); });
}

void MainWindow::actOnSelection(EngineService::Operation operation) {
    const QList<qint64> ids = selectedVmIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("Select one or more VMs in the table first."), 5000);
        return;
    }
    m_service->vmsById(ids).then(this, [this, operation](const Expected<QList<VmRecord>> &vms) {
        if (!vms) {
            notify(tr("Cannot read the VMs"), vms.error(), true);
            return;
        }
        if (operation == EngineService::Operation::Release)
            confirmRelease(*vms);
        else
            runOnVms(operation, *vms);
    });
}

void MainWindow::actOnRange(EngineService::Operation operation) {
    bool ok = false;
    const QString range = QInputDialog::getText(this, operationLabel(operation),
                                                tr("Addresses (e.g. 177-254 or 177,180-190):"),
                                                QLineEdit::Normal, {}, &ok);
    if (!ok || range.trimmed().isEmpty())
        return;
    m_service->vmsInRange(range).then(
        this, [this, operation, range](const Expected<QList<VmRecord>> &vms) {
            if (!vms) {
                notify(tr("Not a range"), vms.error(), true);
                return;
            }
            if (vms->isEmpty()) {
                notify(tr("No VM there"), tr("No VM in %1.").arg(range), true);
                return;
            }
            if (operation == EngineService::Operation::Release)
                confirmRelease(*vms);
            else
                runOnVms(operation, *vms);
        });
}

void MainWindow::confirmRelease(const QList<VmRecord> &vms) {
    if (vms.isEmpty())
        return;
    QStringList lines;
    for (const auto &vm : vms)
        lines << u"%1  %2  %3"_s.arg(vm.name, vm.address.toString(), vm.folder);
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Release VMs"),
                        tr("Release %n VM(s)? Each is stopped, its folder with all its files is "
                           "deleted, and its address becomes free.",
                           nullptr, static_cast<int>(vms.size())),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"releaseConfirmation"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Release and delete"));
    const qsizetype shown = qMin<qsizetype>(lines.size(), 12);
    QString info = tr("What will be deleted:") + u"\n"_s + lines.mid(0, shown).join(u'\n');
    if (lines.size() > shown)
        info += u"\n"_s
                + tr("… and %n more (see the details)", nullptr,
                     static_cast<int>(lines.size() - shown));
    box->setInformativeText(info);
    box->setDetailedText(lines.join(u'\n'));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, vms] {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
            runOnVms(EngineService::Operation::Release, vms);
    });
    box->open();
}

void MainWindow::onBatchFinished(int id, EngineService::Operation op, const BatchResult &result) {
    m_batchOps.remove(id);
    m_board->removeBatch(id);
    const int failed = result.failures();
    const int done = static_cast<int>(result.outcomes.size()) - failed;
    for (const auto &o : result.outcomes) {
        if (!o.ok)
            logger()->warn("{} {}{}: {}", EngineService::operationName(op), o.address.toString(),
                           o.name.isEmpty() ? QString() : u" ("_s + o.name + u")"_s, o.message);
    }
    QString text = tr("%1: %2 done, %3 failed").arg(operationLabel(op)).arg(done).arg(failed);
    if (result.cancelled)
        text += tr(" (cancelled)");
    logger()->info("batch {} finished: {} done, {} failed{}", id, done, failed,
                   result.cancelled ? " (cancelled)" : "");
    notify(tr("Batch finished"), text, failed > 0 || result.cancelled);
    m_service->refreshSoon();
    updateActions();
    Q_EMIT batchDone(id, result);
}

void MainWindow::notify(const QString &title, const QString &text, bool problem) {
    statusBar()->showMessage(title + u": "_s + text, 15000);
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(
            title, text, problem ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
}

void MainWindow::showTableMenu(const QPoint &pos) {
    QMenu menu(this);
    menu.addAction(action(u"start"_s));
    menu.addAction(action(u"stop"_s));
    menu.addAction(action(u"release"_s));
    menu.addSeparator();
    menu.addAction(action(u"clone"_s));
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void MainWindow::exportInventory() {
    const QString csv = tr("CSV (*.csv)"), json = tr("JSON (*.json)"), html = tr("HTML (*.html)"),
                  pdf = tr("PDF (*.pdf)"), ansible = tr("Ansible inventory (*.yml *.yaml)");
    QString filter = pdf;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export inventory"),
        QDir::home().filePath(
            u"vmeclone-inventory-%1.pdf"_s.arg(QDate::currentDate().toString(Qt::ISODate))),
        QStringList{pdf, html, csv, json, ansible}.join(u";;"_s), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == csv       ? u".csv"_s
                : filter == json    ? u".json"_s
                : filter == html    ? u".html"_s
                : filter == ansible ? u".yml"_s
                                    : u".pdf"_s;
    startExport(path);
}

bool MainWindow::startExport(const QString &path) {
    if (m_export)
        return false;
    const auto format = InventoryReport::formatFromPath(path);
    if (!format) {
        exportDone(path, 0,
                   fail(tr("%1 is not a report format: name the file .csv, .json, .html, .pdf "
                           "or .yml (Ansible inventory)")
                            .arg(path)));
        return true;
    }
    // The snapshot the window shows is the inventory as of the last commit anyone made.
    // The report takes a copy of it (plain values), so the worker shares nothing with
    // the window, which goes on showing new snapshots meanwhile.
    InventoryReport report(QDateTime::currentDateTimeUtc(), m_service->config().inventoryPath(),
                           m_snapshot.goldens, m_snapshot.shards, m_snapshot.vms);
    const int vms = static_cast<int>(m_snapshot.vms.size());
    // Parented to the window, so it goes with it; the destructor waits for the worker.
    m_export = new QFutureWatcher<ExportOutcome>(this);
    connect(m_export, &QFutureWatcherBase::finished, this, [this, path, vms] {
        const ExportOutcome outcome = m_export->result();
        m_export->deleteLater();
        m_export = nullptr;
        m_lastExportOnGuiThread = outcome.onGuiThread;
        updateActions();
        exportDone(path, vms, outcome.status);
    });
    m_export->setFuture(QtConcurrent::run([report = std::move(report), path, format = *format] {
        // The PDF's QTextDocument and QPdfWriter are made in this thread, as they must be.
        return ExportOutcome{report.write(path, format),
                             QThread::currentThread() == QCoreApplication::instance()->thread()};
    }));
    updateActions();
    statusBar()->showMessage(tr("Exporting to %1…").arg(path));
    return true;
}

void MainWindow::exportDone(const QString &path, int vms, const Status &status) {
    if (status) {
        const QString text = tr("Exported %n VM(s) to %1", nullptr, vms).arg(path);
        logger()->info("{}", text);
        notify(tr("Export"), text, false);
    } else {
        logger()->warn("{}", tr("Cannot export: %1").arg(status.error()));
        notify(tr("Export"), tr("Cannot export: %1").arg(status.error()), true);
        // Not exec(): no event loop nested in this slot, and tests can find and close it.
        auto *box =
            new QMessageBox(QMessageBox::Warning, tr("Export inventory"),
                            tr("Cannot export: %1").arg(status.error()), QMessageBox::Ok, this);
        box->setObjectName(u"exportFailed"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT exportFinished(path, status.error());
}

void MainWindow::addGolden() {
    // The dialog hands the golden to the engine itself and stays open on a refusal.
    auto *dialog = new AddGoldenDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto &g = dialog->added()) {
            logger()->info("golden image {} added from {}", g->name, g->path);
            m_service->refreshSoon();
        }
    });
    dialog->open();
}

void MainWindow::removeGolden() {
    const qint64 id = selectedGoldenId();
    if (!id) {
        statusBar()->showMessage(tr("Select a golden image first."), 5000);
        return;
    }
    m_service->removeGolden(id).then(this, [this](const Status &s) {
        if (!s)
            QMessageBox::warning(this, tr("Remove golden image"), s.error());
    });
}

void MainWindow::addShard() {
    const QString path = QFileDialog::getExistingDirectory(this, tr("Add disk shard"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const double weight = QInputDialog::getDouble(this, tr("Add disk shard"),
                                                  tr("Relative share of new VMs for %1:").arg(path),
                                                  1.0, 0.01, 1000.0, 2, &ok);
    if (!ok)
        return;
    m_service->addShard(path, weight).then(this, [this](const Expected<Shard> &s) {
        if (!s)
            QMessageBox::warning(this, tr("Add disk shard"), s.error());
    });
}

void MainWindow::removeShard() {
    const qint64 id = selectedShardId();
    if (!id) {
        statusBar()->showMessage(tr("Select a disk shard first."), 5000);
        return;
    }
    m_service->removeShard(id).then(this, [this](const Status &s) {
        if (!s)
            QMessageBox::warning(this, tr("Remove disk shard"), s.error());
    });
}

void MainWindow::reweighShard() {
    const qint64 id = selectedShardId();
    if (!id) {
        statusBar()->showMessage(tr("Select a disk shard first."), 5000);
        return;
    }
    double current = 1.0;
    for (const auto &s : m_snapshot.shards) {
        if (s.shard.id == id)
            current = s.shard.weight;
    }
    bool ok = false;
    const double weight =
        QInputDialog::getDouble(this, tr("Change shard weight"), tr("Relative share of new VMs:"),
                                current, 0.01, 1000.0, 2, &ok);
    if (!ok)
        return;
    m_service->setShardWeight(id, weight).then(this, [this](const Status &s) {
        if (!s)
            QMessageBox::warning(this, tr("Change shard weight"), s.error());
    });
}

void MainWindow::setLanguage(const QString &code) {
    QSettings().setValue(u"ui/language"_s, code);
    notify(tr("Language"), tr("The language changes when the console starts again."), false);
}

void MainWindow::setListenerPort() {
    QSettings settings;
    bool ok = false;
    const int port = QInputDialog::getInt(
        this, tr("Listener port"), tr("UDP port the guests announce themselves to:"),
        settings.value(u"listener/port"_s, 9176).toInt(), 1, 65535, 1, &ok);
    if (!ok)
        return;
    settings.setValue(u"listener/port"_s, port);
    notify(
        tr("Listener port"),
        tr("Port %1 is used from the next start; clones made before keep the port they were given.")
            .arg(port),
        false);
}

void MainWindow::saveSettings() {
    QSettings s;
    s.setValue(u"window/geometry"_s, saveGeometry());
    s.setValue(u"window/state"_s, saveState());
    s.setValue(u"table/header"_s, m_table->horizontalHeader()->saveState());
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
                        {320, 250}, Qt::Horizontal);
            resizeDocks({findChild<QDockWidget *>(u"logDock"_s)}, {170}, Qt::Vertical);
        });
    }
    m_table->horizontalHeader()->restoreState(s.value(u"table/header"_s).toByteArray());
    m_log->setMinimumLevel(s.value(u"log/level"_s, int(spdlog::level::info)).toInt());
}

void MainWindow::quitCancellingBatches(const QString &why) {
    const int running = static_cast<int>(m_service->runningBatches().size());
    logger()->warn("{}: closing the console{}", why,
                   running > 0 ? u", cancelling %1 running batch(es)"_s.arg(running) : QString());
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
