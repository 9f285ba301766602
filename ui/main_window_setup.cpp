// The console's main window, part three: the golden image and disk shard docks and
// their setup actions, and the inventory export.

#include "add_golden_dialog.h"
#include "clone_range_dialog.h"
#include "common/failure_text.h"
#include "common/logging.h"
#include "console_address_dialog.h"
#include "first_run_panel.h"
#include "host_feed.h"
#include "hosts_panel.h"
#include "keyboard.h"
#include "listener_thread.h"
#include "log_pane.h"
#include "main_window.h"
#include "main_window_p.h"
#include "progress_delegate.h"
#include "report/inventory_report.h"
#include "status_board.h"
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

void MainWindow::buildDocks() {
    // Golden images
    auto *goldenPanel = new QWidget(this);
    m_goldens = new QTreeWidget(goldenPanel);
    m_goldens->setObjectName(u"goldens"_s);
    m_goldens->setRootIsDecorated(false);
    m_goldens->setHeaderLabels(
        {tr("Name"), tr("Backend"), tr("Address"), tr("Subnet"), tr("Disk"), tr("Path")});
    auto *goldenButtons = new QHBoxLayout;
    const QHash<QString, QString> shortText{
        {u"addGolden"_s, tr("Add…")},          {u"removeGolden"_s, tr("Remove")},
        {u"consoleAddress"_s, tr("Console…")}, {u"addShard"_s, tr("Add…")},
        {u"removeShard"_s, tr("Remove")},      {u"reweighShard"_s, tr("Weight…")},
        {u"labelShard"_s, tr("Label…")}};
    // A dock's button for an action. It keeps the style's width where there is room and
    // shrinks to its text where there is not: four buttons at the style's 80 px minimum
    // made the docks, and so the window, wider than a 1024 px screen.
    const auto dockButton = [&](const QString &name, QWidget *panel, QHBoxLayout *row) {
        auto *b = new QPushButton(shortText.value(name), panel);
        b->setObjectName(name + u"Button"_s);
        b->setToolTip(action(name)->text().remove(u'&'));
        b->setMinimumWidth(b->fontMetrics().horizontalAdvance(b->text())
                           + 2 * b->fontMetrics().height());
        connect(b, &QPushButton::clicked, action(name), &QAction::trigger);
        row->addWidget(b);
    };
    for (const auto &name : {u"addGolden"_s, u"removeGolden"_s, u"consoleAddress"_s})
        dockButton(name, goldenPanel, goldenButtons);
    // The console address is a VMware golden's: the button follows its action.
    auto *consoleButton = goldenPanel->findChild<QPushButton *>(u"consoleAddressButton"_s);
    connect(action(u"consoleAddress"_s), &QAction::changed, consoleButton, [this, consoleButton] {
        QAction *a = action(u"consoleAddress"_s);
        consoleButton->setEnabled(a->isEnabled());
        consoleButton->setToolTip(a->toolTip());
    });
    connect(m_goldens, &QTreeWidget::itemSelectionChanged, this,
            &MainWindow::updateConsoleAddressAction);
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
    for (const auto &name : {u"addShard"_s, u"removeShard"_s, u"reweighShard"_s, u"labelShard"_s})
        dockButton(name, shardPanel, shardButtons);
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

void MainWindow::buildHostsDock() {
    m_hostsPanel = new HostsPanel(this);
    m_hostsPanel->setObjectName(u"hostsPanel"_s);
    // A host's row activated: the table shows only its VMs.
    connect(m_hostsPanel, &HostsPanel::hostActivated, this, [this](const QString &host) {
        const int i = m_hostFilter->findData(host);
        if (i >= 0)
            m_hostFilter->setCurrentIndex(i);
    });
    auto *dock = new QDockWidget(tr("Hosts"), this);
    dock->setObjectName(u"hostsDock"_s);
    dock->setWidget(m_hostsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *logDock = findChild<QDockWidget *>(u"logDock"_s))
        tabifyDockWidget(logDock, dock);
    if (auto *logDock = findChild<QDockWidget *>(u"logDock"_s))
        logDock->raise();
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
        log::console()->info("{}", text);
        notify(tr("Export"), text, false);
    } else {
        log::console()->warn("{}", tr("Cannot export: %1").arg(failureText(status.error())));
        notify(tr("Export"), tr("Cannot export: %1").arg(failureText(status.error())), true);
        // Not exec(): no event loop nested in this slot, and tests can find and close it.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export inventory"),
                                    tr("Cannot export: %1").arg(failureText(status.error())),
                                    QMessageBox::Ok, this);
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
            log::console()->info("{}", tr("golden image %1 added from %2").arg(g->name, g->path));
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
            QMessageBox::warning(this, tr("Remove golden image"), failureText(s.error()));
    });
}

const GoldenRecord *MainWindow::consoleAddressGolden() const {
    const qint64 selected = selectedGoldenId();
    const GoldenRecord *vmware = nullptr;
    int vmwareCount = 0;
    for (const auto &g : m_snapshot.goldens) {
        if (selected && g.id == selected)
            return &g;
        if (g.backend == u"vmware"_s) {
            vmware = &g;
            ++vmwareCount;
        }
    }
    if (vmwareCount == 1)
        return vmware;
    return m_snapshot.goldens.size() == 1 ? &m_snapshot.goldens.first() : nullptr;
}

void MainWindow::updateConsoleAddressAction() {
    QAction *a = action(u"consoleAddress"_s);
    const GoldenRecord *golden = consoleAddressGolden();
    const bool vmware = golden && golden->backend == u"vmware"_s;
    a->setEnabled(vmware);
    const QString tip = toolTipWithShortcut(a->text(), a->shortcut());
    if (vmware)
        a->setToolTip(tip + u"\n"_s + tr("For the golden image %1.").arg(golden->name));
    else if (golden)
        a->setToolTip(tip + u"\n"_s
                      + tr("%1 is a QEMU golden image: its guests reach this host at QEMU's own "
                           "host address, so it has no console address.")
                            .arg(golden->name));
    else
        a->setToolTip(tip + u"\n"_s + tr("Select a VMware golden image first."));
}

void MainWindow::changeConsoleAddress() {
    const GoldenRecord *golden = consoleAddressGolden();
    if (!golden || golden->backend != u"vmware"_s) {
        statusBar()->showMessage(action(u"consoleAddress"_s)->toolTip().section(u'\n', 1), 5000);
        return;
    }
    auto *dialog = new ConsoleAddressDialog(m_service, *golden, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConsoleAddressDialog::applyFinished, this, [dialog](bool ok) {
        if (ok && dialog->change())
            log::console()->info("{}",
                                 tr("golden image %1: console address %2")
                                     .arg(dialog->change()->golden.name,
                                          dialog->change()->golden.consoleAddress.toString()));
    });
    dialog->open();
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
            QMessageBox::warning(this, tr("Add disk shard"), failureText(s.error()));
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
            QMessageBox::warning(this, tr("Remove disk shard"), failureText(s.error()));
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
            QMessageBox::warning(this, tr("Change shard weight"), failureText(s.error()));
    });
}

void MainWindow::labelShard() {
    const qint64 id = selectedShardId();
    if (!id) {
        statusBar()->showMessage(tr("Select a disk shard first."), 5000);
        return;
    }
    QString current, path;
    for (const auto &s : m_snapshot.shards) {
        if (s.shard.id == id) {
            current = s.shard.label;
            path = s.shard.path;
        }
    }
    bool ok = false;
    const QString label = QInputDialog::getText(
        this, tr("Label shard"),
        tr("A short name for %1, shown instead of its folder's (empty: none):").arg(path),
        QLineEdit::Normal, current, &ok);
    if (!ok)
        return;
    m_service->setShardLabel(id, label).then(this, [this](const Status &s) {
        if (!s)
            QMessageBox::warning(this, tr("Label shard"), failureText(s.error()));
    });
}

} // namespace vmeclone
