// The console's main window, part two: its actions, menus, context menu and the
// operations they start (clone, start, stop, release, on a selection or a range).

#include "add_golden_dialog.h"
#include "clone_range_dialog.h"
#include "common/failure_text.h"
#include "common/logging.h"
#include "first_run_panel.h"
#include "guest_view_panel.h"
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
#include "vm_page.h"
#include "vm_state_delegate.h"
#include "vm_state_style.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
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
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace vmeclone {
using namespace main_window_detail;

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
    make(u"openVm"_s, tr("&Open VM page"), QKeySequence(u"Ctrl+O"_s),
         [this] { openCurrentVmPage(); });
    make(u"restart"_s, tr("Rest&art"), QKeySequence(u"Ctrl+Shift+A"_s), [this] {
        if (const VmRecord *vm = currentVm())
            restartVms({*vm});
    });
    make(u"copyAddress"_s, tr("&Copy address"), QKeySequence(QKeySequence::Copy), [this] {
        QStringList addresses;
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            addresses << i.sibling(i.row(), VmTableModel::IpColumn).data().toString();
        QGuiApplication::clipboard()->setText(addresses.join(u'\n'));
    });
    make(u"openFolder"_s, tr("Open &folder"), {}, [this] {
        if (const VmRecord *vm = currentVm())
            QDesktopServices::openUrl(QUrl::fromLocalFile(vm->folder));
    });
    make(u"startRange"_s, tr("Start range…"), QKeySequence(u"Ctrl+Shift+R"_s),
         [this] { actOnRange(Op::Start); });
    make(u"stopRange"_s, tr("Stop range…"), QKeySequence(u"Ctrl+Shift+T"_s),
         [this] { actOnRange(Op::Stop); });
    make(u"releaseRange"_s, tr("Release range…"), QKeySequence(u"Ctrl+Shift+Del"_s),
         [this] { actOnRange(Op::Release); });
    make(u"cancelBatches"_s, tr("Cancel &all batches"), QKeySequence(u"Ctrl+."_s), [this] {
        log::console()->info("{}", tr("cancelling every running batch"));
        m_service->cancelAll();
    });
    make(u"export"_s, tr("&Export inventory…"), QKeySequence(u"Ctrl+E"_s),
         [this] { exportInventory(); });
    make(u"addGolden"_s, tr("Add &golden image…"), QKeySequence(u"Ctrl+G"_s),
         [this] { addGolden(); });
    make(u"removeGolden"_s, tr("Remove golden image"), {}, [this] { removeGolden(); });
    make(u"consoleAddress"_s, tr("&Console address…"), QKeySequence(u"Ctrl+Shift+G"_s),
         [this] { changeConsoleAddress(); });
    make(u"addShard"_s, tr("Add disk &shard…"), QKeySequence(u"Ctrl+Shift+S"_s),
         [this] { addShard(); });
    make(u"removeShard"_s, tr("Remove disk shard"), {}, [this] { removeShard(); });
    make(u"reweighShard"_s, tr("Change shard &weight…"), {}, [this] { reweighShard(); });
    make(u"labelShard"_s, tr("&Label shard…"), {}, [this] { labelShard(); });
    make(u"refresh"_s, tr("&Refresh"), QKeySequence(QKeySequence::Refresh), [this] {
        m_service->refreshSoon();
        m_hostFeed->refreshSoon();
    });
    make(u"hosts"_s, tr("&Hosts panel"), QKeySequence(u"Ctrl+Shift+H"_s), [this] {
        auto *dock = findChild<QDockWidget *>(u"hostsDock"_s);
        dock->show();
        dock->raise();
        m_hostsPanel->table()->setFocus();
        if (!m_hostsPanel->table()->currentItem() && m_hostsPanel->table()->topLevelItemCount())
            m_hostsPanel->table()->setCurrentItem(m_hostsPanel->table()->topLevelItem(0));
    });
    make(u"hostFilter"_s, tr("Filter by &host"), QKeySequence(u"Ctrl+Shift+F"_s), [this] {
        if (m_hostFilter->isVisible()) {
            m_hostFilter->setFocus();
            m_hostFilter->showPopup();
        } else {
            statusBar()->showMessage(tr("No hosts: this machine's VMs are all there is."), 5000);
        }
    });
    make(u"find"_s, tr("&Filter"), QKeySequence(QKeySequence::Find), [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    make(u"listenerPort"_s, tr("Listener &port…"), {}, [this] { setListenerPort(); });
    make(u"quit"_s, tr("&Quit"), QKeySequence(QKeySequence::Quit), [this] { close(); });
    make(u"batchHistory"_s, tr("Batch &history…"), QKeySequence(u"Ctrl+Shift+B"_s),
         [this] { showBatchHistory(); });
    make(u"about"_s, tr("&About vmeclone"), {}, [this] { showAbout(); });
    make(u"aboutQt"_s, tr("About &Qt"), {}, [] { QApplication::aboutQt(); });
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
    vms->addAction(action(u"batchHistory"_s));
    vms->addAction(action(u"find"_s));
    vms->addAction(action(u"hostFilter"_s));
    vms->addAction(action(u"refresh"_s));
    vms->addSeparator();
    vms->addAction(action(u"hosts"_s));

    QMenu *setup = menuBar()->addMenu(tr("&Setup"));
    setup->addAction(action(u"addGolden"_s));
    setup->addAction(action(u"removeGolden"_s));
    setup->addAction(action(u"consoleAddress"_s));
    setup->addSeparator();
    setup->addAction(action(u"addShard"_s));
    setup->addAction(action(u"removeShard"_s));
    setup->addAction(action(u"reweighShard"_s));
    setup->addAction(action(u"labelShard"_s));
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

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(u"about"_s));
    help->addAction(action(u"aboutQt"_s));

    QToolBar *bar = addToolBar(tr("Actions"));
    bar->setObjectName(u"actionsToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const auto &name : {u"clone"_s, u"start"_s, u"stop"_s, u"release"_s, u"export"_s})
        bar->addAction(action(name));
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

namespace {

// A VM in these states has something to start (an unreachable one's QEMU may be gone;
// starting one that runs leaves it as it is).
bool mayStart(VmState s) {
    return s == VmState::Configured || s == VmState::Stopped || s == VmState::Failed
           || s == VmState::Unreachable;
}

// And these have a guest that may run: the running states (inventory/vm_state.h) but
// one already stopping, and those whose QEMU may be on its way or left behind.
bool mayStop(VmState s) {
    return (vmStateIsRunning(s) && s != VmState::Stopping) || s == VmState::Starting
           || s == VmState::Failed;
}

} // namespace

void MainWindow::updateActions() {
    const bool any = m_table->selectionModel()->hasSelection();
    action(u"copyAddress"_s)->setEnabled(any);
    // Start and Stop only where the selection has something to start or stop; disabled,
    // their tooltip says why (issue 14, item 5).
    bool startable = false;
    bool stoppable = false;
    for (const qint64 id : selectedVmIds()) {
        if (const VmRow *row = m_model->rowById(id)) {
            startable = startable || mayStart(row->state);
            stoppable = stoppable || mayStop(row->state);
        }
    }
    const auto explain = [this](const QString &name, bool enabled, const QString &why) {
        QAction *a = action(name);
        a->setEnabled(enabled);
        const QString tip = toolTipWithShortcut(a->text(), a->shortcut());
        a->setToolTip(enabled ? tip : tip + u"\n"_s + why);
    };
    const QString selectFirst = tr("Select one or more VMs in the table first.");
    explain(u"start"_s, startable,
            any ? tr("Nothing to start: the selected VMs run already, or are being made, "
                     "stopped or released.")
                : selectFirst);
    explain(u"stop"_s, stoppable,
            any ? tr("Nothing to stop: none of the selected VMs runs.") : selectFirst);
    explain(u"release"_s, any, selectFirst);
    const bool one = currentVm() != nullptr;
    for (const auto &name : {u"openVm"_s, u"restart"_s, u"openFolder"_s})
        action(name)->setEnabled(one);
    const bool golden = !m_snapshot.goldens.isEmpty();
    QAction *clone = action(u"clone"_s);
    clone->setEnabled(golden);
    clone->setToolTip(golden ? toolTipWithShortcut(clone->text(), clone->shortcut())
                             : tr("Add a golden image first (Setup > Add golden image)."));
    if (auto *why = findChild<QShortcut *>(u"cloneWithoutGolden"_s))
        why->setEnabled(!golden);
    action(u"cancelBatches"_s)->setEnabled(!m_batchOps.isEmpty());
    action(u"export"_s)->setEnabled(!m_export); // one export at a time
    updateConsoleAddressAction();
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
    QStringList hosts;
    for (const HostStatus &h : m_hostsPanel->hosts())
        hosts << h.name;
    dialog->setHosts(m_hostFeed, hosts);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!dialog->hosts().isEmpty())
            startHostsClone(dialog->hosts(), dialog->options(), dialog->range());
        else if (dialog->plan())
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
    log::console()->info("{}", (options.start ? tr("cloning %n VM(s) from %1 (%2, started when "
                                                   "made)",
                                                   nullptr, static_cast<int>(plan.items.size()))
                                              : tr("cloning %n VM(s) from %1 (%2, not started)",
                                                   nullptr, static_cast<int>(plan.items.size())))
                                   .arg(plan.golden.name, plan.mode));
    const int id = m_service->clone(plan, options, [queue, items, subnet](const BatchEvent &e) {
        queue->push(changeFor(e, items, subnet));
    });
    if (!options.start)
        m_noStart.insert(id);
}

void MainWindow::startHostsClone(const QString &hosts, const CloneOptions &options,
                                 const QString &range) {
    log::console()->info("{}",
                         (options.start ? tr("cloning %1 over hosts %2 (%3, started when made)")
                                        : tr("cloning %1 over hosts %2 (%3, not started)"))
                             .arg(range, hosts, options.mode));
    m_hostFeed->clone(hosts, options, range);
}

int MainWindow::runOnVms(EngineService::Operation operation, const QList<VmRecord> &vms) {
    if (vms.isEmpty())
        return 0;
    const auto queue = m_model->queue();
    log::console()->info(
        "{}",
        tr("%1: %n VM(s)", nullptr, static_cast<int>(vms.size())).arg(operationLabel(operation)));
    return m_service->run(operation, vms,
                          [queue](const BatchEvent &e) { queue->push(changeFor(e, {}, {})); });
}

void MainWindow::actOnSelection(EngineService::Operation operation) {
    const QList<qint64> ids = selectedVmIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("Select one or more VMs in the table first."), 5000);
        return;
    }
    // This machine's VMs as always; the hosts' (negative ids) each through its host, all
    // of one host in one command there (HostFeed::run).
    QList<qint64> local;
    QMap<QString, QList<Ipv4Address>> remote;
    QStringList remoteLines;
    for (const qint64 id : ids) {
        if (id > 0) {
            local << id;
        } else if (const VmRow *row = m_model->rowById(id)) {
            remote[row->host] << row->address;
            remoteLines
                << tr("%1  %2  on host %3").arg(row->name, row->address.toString(), row->host);
        }
    }
    const QString verb = EngineService::operationName(operation);
    const auto onHosts = [this, verb, remote] {
        if (!remote.isEmpty())
            m_hostFeed->run(verb, remote);
    };
    const bool release = operation == EngineService::Operation::Release;
    if (local.isEmpty()) {
        if (release)
            confirmRelease({}, remoteLines, onHosts);
        else
            onHosts();
        return;
    }
    m_service->vmsById(local).then(this, [this, operation, release, remoteLines,
                                          onHosts](const Expected<QList<VmRecord>> &vms) {
        if (!vms) {
            notify(tr("Cannot read the VMs"), failureText(vms.error()), true);
            return;
        }
        if (release) {
            confirmRelease(*vms, remoteLines, onHosts);
        } else {
            runOnVms(operation, *vms);
            onHosts();
        }
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

void MainWindow::confirmRelease(const QList<VmRecord> &vms, const QStringList &remote,
                                const std::function<void()> &releaseRemote) {
    if (vms.isEmpty() && remote.isEmpty())
        return;
    QStringList lines;
    for (const auto &vm : vms)
        lines << u"%1  %2  %3"_s.arg(vm.name, vm.address.toString(), vm.folder);
    lines += remote;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Release VMs"),
                        tr("Release %n VM(s)? Each is stopped, its folder with all its files is "
                           "deleted, and its address becomes free.",
                           nullptr, static_cast<int>(lines.size())),
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
    connect(box, &QMessageBox::finished, this, [this, box, vms, releaseRemote] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes)
            return;
        runOnVms(EngineService::Operation::Release, vms);
        if (releaseRemote)
            releaseRemote();
    });
    box->open();
}

void MainWindow::showTableMenu(const QPoint &pos) {
    QMenu menu(this);
    menu.addAction(action(u"openVm"_s));
    menu.addSeparator();
    menu.addAction(action(u"start"_s));
    menu.addAction(action(u"stop"_s));
    menu.addAction(action(u"restart"_s));
    menu.addAction(action(u"release"_s));
    menu.addSeparator();
    menu.addAction(action(u"copyAddress"_s));
    menu.addAction(action(u"openFolder"_s));
    menu.addSeparator();
    menu.addAction(action(u"clone"_s));
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void MainWindow::setLanguage(const QString &code) {
    QSettings().setValue(u"ui/language"_s, code);
    notify(tr("Language"), tr("The language changes when the console starts again."), false);
}

void MainWindow::showAbout() {
    // What an operator reporting a problem is asked first: which version, which data
    // folder, and where the guests' announcements go.
    auto *box = new QMessageBox(QMessageBox::Information, tr("About vmeclone"),
                                tr("vmeclone %1").arg(QStringLiteral(VMECLONE_VERSION)),
                                QMessageBox::Close, this);
    box->setObjectName(u"about"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(
        tr("Clones golden image VMs by the range, on QEMU or VMware Workstation.") + u"\n\n"_s
        + tr("Data folder: %1").arg(m_service->config().home) + u"\n"_s
        + tr("Announcements: %1")
              .arg(m_listenerSays.isEmpty() ? tr("no listener attached yet") : m_listenerSays)
        + u"\n"_s + tr("Qt %1").arg(QString::fromLatin1(qVersion())));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
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

const VmRecord *MainWindow::currentVm() const {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), {}))
        return nullptr;
    const qint64 id = current.data(VmTableModel::IdRole).toLongLong();
    for (const auto &vm : m_snapshot.vms)
        if (vm.id == id)
            return &vm;
    return nullptr;
}

void MainWindow::openCurrentVmPage() {
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        openVmPage(current.data(VmTableModel::IdRole).toLongLong());
}

VmPage *MainWindow::openVmPage(qint64 vmId) {
    const VmRecord *vm = nullptr;
    for (const auto &v : m_snapshot.vms)
        if (v.id == vmId)
            vm = &v;
    if (!vm)
        return nullptr;
    for (auto *open : findChildren<VmPage *>()) {
        if (open->vmId() == vmId) {
            open->raise();
            open->activateWindow();
            return open;
        }
    }
    GoldenRecord golden;
    for (const auto &g : m_snapshot.goldens)
        if (g.id == vm->goldenId)
            golden = g;
    QString shard;
    for (const auto &s : m_snapshot.shards)
        if (s.shard.id == vm->shardId)
            shard = s.shard.path;
    auto *page = new VmPage(*vm, golden, shard, m_recentEvents, this);
    page->setAttribute(Qt::WA_DeleteOnClose);
    connect(page, &VmPage::operationRequested, this,
            [this](EngineService::Operation op, qint64 id) {
                for (const auto &v : m_snapshot.vms) {
                    if (v.id != id)
                        continue;
                    if (op == EngineService::Operation::Release)
                        confirmRelease({v});
                    else
                        runOnVms(op, {v});
                }
            });
    connect(page, &VmPage::restartRequested, this, [this](qint64 id) {
        for (const auto &v : m_snapshot.vms)
            if (v.id == id)
                restartVms({v});
    });
    connect(m_service, &EngineService::eventsAdded, page, &VmPage::addEvents);
    // Asked with the VM as the table knows it then (its state may have changed).
    page->guestPanel()->setSource([this, vmId, golden] {
        VmRecord now;
        for (const auto &v : m_snapshot.vms)
            if (v.id == vmId)
                now = v;
        return m_service->readGuest(now, golden);
    });
    page->show();
    return page;
}

void MainWindow::restartVms(const QList<VmRecord> &vms) {
    // Stop first; onBatchFinished starts them when the stop is done.
    if (const int id = runOnVms(EngineService::Operation::Stop, vms))
        m_restartAfter.insert(id, vms);
}

} // namespace vmeclone
