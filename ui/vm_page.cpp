#include "vm_page.h"

#include "common/event_text.h"
#include "guest_view_panel.h"
#include "hypervisor/qemu_backend.h"
#include "vm_state_style.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vmeclone {

VmPage::VmPage(const VmRecord &vm, const GoldenRecord &golden, const QString &shard,
               const QList<EventRecord> &events, QWidget *parent)
    : QDialog(parent)
    , m_vm(vm)
    , m_serialPath(QemuBackend::serialLog(vm.folder)) {
    setObjectName(u"vmPage"_s);
    setWindowTitle(tr("%1 (%2)").arg(vm.name, vm.address.toString()));

    auto *identity = new QWidget(this);
    auto *form = new QFormLayout(identity);
    auto addRow = [&](const QString &label, const QString &value, const QString &name) {
        auto *v = new QLabel(value, identity);
        v->setObjectName(name);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        form->addRow(label, v);
    };
    addRow(tr("Name:"), vm.name, u"name"_s);
    addRow(tr("Address:"), vm.address.toString(), u"address"_s);
    addRow(tr("MAC:"), vm.mac.toString(), u"mac"_s);
    addRow(tr("State:"),
           vm.reason.isEmpty()
               ? VmStateStyle::label(vm.state)
               : tr("%1 (%2)").arg(VmStateStyle::label(vm.state), reasonText(vm.reason)),
           u"state"_s);
    addRow(tr("Instance:"), vm.instance, u"instance"_s);
    addRow(tr("Key scheme:"), QString::number(vm.keyScheme), u"keyScheme"_s);
    addRow(tr("Golden image:"), golden.name.isEmpty() ? tr("(removed)") : golden.name, u"golden"_s);
    addRow(tr("Clone mode:"), vm.cloneMode, u"cloneMode"_s);
    addRow(tr("Shard:"), shard, u"shard"_s);
    addRow(tr("Folder:"), vm.folder, u"folder"_s);
    addRow(tr("Boots:"), QString::number(vm.boots), u"boots"_s);
    addRow(tr("Last announcement:"),
           vm.lastSeen.isValid()
               ? QLocale().toString(vm.lastSeen.toLocalTime(), QLocale::ShortFormat)
               : tr("none yet"),
           u"lastSeen"_s);
    addRow(tr("Created:"), QLocale().toString(vm.createdAt.toLocalTime(), QLocale::ShortFormat),
           u"created"_s);

    m_history = new QTreeWidget(this);
    m_history->setObjectName(u"history"_s);
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels({tr("When"), tr("Level"), tr("What")});
    m_history->header()->setStretchLastSection(true);
    addEvents(events);

    auto *serialPage = new QWidget(this);
    m_serial = new QPlainTextEdit(serialPage);
    m_serial->setObjectName(u"serialLog"_s);
    m_serial->setReadOnly(true);
    m_serial->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_serial->setMaximumBlockCount(20000);
    m_serial->setFont(QFont(u"monospace"_s));
    m_serialState = new QLabel(serialPage);
    m_serialState->setObjectName(u"serialState"_s);
    auto *sl = new QVBoxLayout(serialPage);
    sl->setContentsMargins(0, 0, 0, 0);
    sl->addWidget(m_serialState);
    sl->addWidget(m_serial, 1);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(u"tabs"_s);
    tabs->addTab(identity, tr("Identity"));
    tabs->addTab(m_history, tr("State history"));
    tabs->addTab(serialPage, tr("Serial log"));
    m_guest = new GuestViewPanel(vm, golden, this);
    tabs->addTab(m_guest, tr("Guest"));
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs](int index) {
        if (tabs->widget(index) == m_guest && !m_guest->asked())
            m_guest->ask();
    });

    auto *buttons = new QHBoxLayout;
    auto button = [&](const QString &name, const QString &text, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    using Op = EngineService::Operation;
    button(u"start"_s, tr("Start"), [this] { Q_EMIT operationRequested(Op::Start, m_vm.id); });
    button(u"stop"_s, tr("Stop"), [this] { Q_EMIT operationRequested(Op::Stop, m_vm.id); });
    button(u"restart"_s, tr("Restart"), [this] { Q_EMIT restartRequested(m_vm.id); });
    button(u"release"_s, tr("Release…"),
           [this] { Q_EMIT operationRequested(Op::Release, m_vm.id); });
    buttons->addStretch();
    button(u"copyAddress"_s, tr("Copy address"),
           [this] { QGuiApplication::clipboard()->setText(m_vm.address.toString()); });
    button(u"openFolder"_s, tr("Open folder"),
           [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_vm.folder)); });
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addLayout(buttons);
    layout->addWidget(close);
    resize(760, 520);

    m_tail.setInterval(500);
    connect(&m_tail, &QTimer::timeout, this, &VmPage::readSerial);
    m_tail.start();
    readSerial();
}

void VmPage::readSerial() {
    QFile file(m_serialPath);
    if (!file.exists()) {
        m_serialState->setText(tr("No serial log yet: %1").arg(m_serialPath));
        return;
    }
    if (file.size() < m_serialRead) { // a new boot wrote it anew
        m_serial->clear();
        m_serialRead = 0;
    }
    m_serialState->setText(tr("Following %1").arg(m_serialPath));
    if (file.size() == m_serialRead || !file.open(QIODevice::ReadOnly))
        return;
    file.seek(m_serialRead);
    const QByteArray more = file.read(4 * 1024 * 1024);
    m_serialRead += more.size();
    QScrollBar *bar = m_serial->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_serial->moveCursor(QTextCursor::End);
    m_serial->insertPlainText(QString::fromUtf8(more));
    if (atEnd)
        bar->setValue(bar->maximum());
}

void VmPage::addEvents(const QList<EventRecord> &events) {
    for (const auto &e : events) {
        if (e.vmName != m_vm.name)
            continue;
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, QLocale().toString(e.at.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s));
        item->setText(1, e.level);
        const QString said = eventText(e.code, e.args, e.message);
        item->setText(2, said);
        item->setToolTip(2, said);
    }
}

} // namespace vmeclone
