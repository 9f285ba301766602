#include "clone_range_dialog.h"

#include "common/failure_text.h"
#include "host_feed.h"
#include "shard_names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

QString gib(qint64 bytes) {
    return QLocale().toString(static_cast<double>(bytes) / (1024.0 * 1024 * 1024), 'f', 1)
           + u" GiB"_s;
}

} // namespace

CloneRangeDialog::CloneRangeDialog(EngineService *service, const QList<GoldenRecord> &goldens,
                                   const QHash<qint64, QString> &goldenProblems, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_goldens(goldens)
    , m_problems(goldenProblems) {
    setObjectName(u"cloneRangeDialog"_s);
    setWindowTitle(tr("Clone range"));

    m_golden = new QComboBox(this);
    m_golden->setObjectName(u"golden"_s);
    for (const auto &g : goldens)
        m_golden->addItem(tr("%1 (%2, %3)").arg(g.name, g.address.toString(), g.subnet.toString()),
                          g.name);
    m_range = new QLineEdit(this);
    m_range->setObjectName(u"range"_s);
    m_range->setPlaceholderText(tr("e.g. 177-254 or 177,180-190"));
    m_range->setClearButtonEnabled(true);

    m_linked = new QRadioButton(tr("&Linked (copy-on-write over the golden's disk)"), this);
    m_linked->setObjectName(u"linked"_s);
    m_full = new QRadioButton(tr("&Full copy (independent disks)"), this);
    m_full->setObjectName(u"full"_s);
    m_instant = new QRadioButton(tr("&Instant (resume from template)"), this);
    m_instant->setObjectName(u"instant"_s);
    m_instant->setToolTip(
        tr("QEMU goldens only: the clones resume from the golden's template, saved once after "
           "its agent stopped before taking any identity, instead of booting. The template is "
           "made first when there is none."));
    m_byVmware = new QRadioButton(tr("Linked, made by &VMware (from the golden's snapshot)"), this);
    m_byVmware->setObjectName(u"byVmware"_s);
    m_byVmware->setToolTip(
        tr("VMware goldens only: Workstation Pro makes each linked clone (vmrun clone) from the "
           "golden's current snapshot, instead of vmeclone linking the disks itself."));
    m_linked->setChecked(true);
    m_start = new QCheckBox(tr("&Start the clones when they are made"), this);
    m_start->setObjectName(u"start"_s);
    m_start->setChecked(true);

    m_hosts = new QComboBox(this);
    m_hosts->setObjectName(u"hosts"_s);
    m_hosts->addItem(tr("This machine only"), QString());
    m_hosts->setEnabled(false); // setHosts
    m_hosts->setToolTip(tr("Where the clones go: this machine, or a head's hosts (the head "
                           "places each address on a host, each host on its own shards)"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Golden image:"), m_golden);
    form->addRow(tr("&Hosts:"), m_hosts);
    form->addRow(tr("&Addresses:"), m_range);
    auto *mode = new QVBoxLayout;
    mode->addWidget(m_linked);
    mode->addWidget(m_full);
    mode->addWidget(m_instant);
    mode->addWidget(m_byVmware);
    form->addRow(tr("Clone mode:"), mode);
    form->addRow(QString(), m_start);

    auto *preview = new QGroupBox(tr("Preview"), this);
    m_count = new QLabel(preview);
    m_count->setObjectName(u"count"_s);
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    m_conflicts = new QListWidget(preview);
    m_conflicts->setObjectName(u"conflicts"_s);
    m_conflicts->setMaximumHeight(110);
    m_placement = new QTreeWidget(preview);
    m_placement->setObjectName(u"placement"_s);
    m_placement->setRootIsDecorated(false);
    m_placement->setHeaderLabels(
        {tr("Shard"), tr("VMs"), tr("Added"), tr("Free after"), tr("Why this many")});
    m_placement->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_placement->header()->setStretchLastSection(true);
    m_placement->setMaximumHeight(160); // a few hosts with their shards under them
    m_vms = new QTreeWidget(preview);
    m_vms->setObjectName(u"plannedVms"_s);
    m_vms->setRootIsDecorated(false);
    m_vms->setUniformRowHeights(true);
    m_vms->setHeaderLabels({tr("Name"), tr("Address"), tr("MAC"), tr("Shard")});
    m_vms->setMaximumHeight(140);
    m_vms->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *pv = new QVBoxLayout(preview);
    pv->addWidget(m_count);
    pv->addWidget(new QLabel(tr("Refused addresses:"), preview));
    pv->addWidget(m_conflicts);
    m_placementTitle = new QLabel(tr("Placement on the disk shards:"), preview);
    pv->addWidget(m_placementTitle);
    pv->addWidget(m_placement);
    pv->addWidget(new QLabel(tr("The VMs:"), preview));
    pv->addWidget(m_vms);

    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Clone"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_valid)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(preview, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(720, 600);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(120);
    connect(&m_debounce, &QTimer::timeout, this, &CloneRangeDialog::requestPlan);
    connect(m_range, &QLineEdit::textChanged, this, &CloneRangeDialog::inputChanged);
    connect(m_golden, &QComboBox::currentIndexChanged, this, &CloneRangeDialog::inputChanged);
    connect(m_hosts, &QComboBox::currentIndexChanged, this, &CloneRangeDialog::inputChanged);
    connect(m_linked, &QRadioButton::toggled, this, &CloneRangeDialog::inputChanged);
    connect(m_instant, &QRadioButton::toggled, this, &CloneRangeDialog::inputChanged);
    connect(m_byVmware, &QRadioButton::toggled, this, &CloneRangeDialog::inputChanged);
    inputChanged();
    // What the operator types first: the addresses (the golden is usually the only one).
    m_range->setFocus(Qt::OtherFocusReason);
}

void CloneRangeDialog::setHosts(HostFeed *feed, const QStringList &hosts) {
    m_feed = feed;
    const QSignalBlocker quiet(m_hosts);
    while (m_hosts->count() > 1)
        m_hosts->removeItem(1);
    if (!hosts.isEmpty())
        m_hosts->addItem(tr("All hosts (this machine and %1)").arg(hosts.join(u", "_s)), u"all"_s);
    for (const QString &h : hosts)
        m_hosts->addItem(h, h);
    m_hosts->setEnabled(feed && !hosts.isEmpty());
    if (feed)
        connect(feed, &HostFeed::planned, this, &CloneRangeDialog::showHostsPlan,
                Qt::UniqueConnection); // a member, not a lambda: Qt can tell it is there already
}

QString CloneRangeDialog::hosts() const {
    return m_hosts->currentData().toString();
}

void CloneRangeDialog::showHostsPlan(quint64 sequence, const ClusterResult &r) {
    if (sequence != m_sequence)
        return;
    m_conflicts->clear();
    m_placement->clear();
    m_vms->clear();
    m_placement->setHeaderLabels(
        {tr("Host"), tr("VMs"), tr("Placed before"), QString(), QString()});
    m_placementTitle->setText(tr("Placement on the hosts and their disk shards:"));
    m_vms->setHeaderLabels({tr("Name"), tr("Address"), tr("MAC"), tr("Host: shard")});
    if (!r.refused.isEmpty()) {
        m_count->setText(tr("Nothing to clone."));
        setInvalid(r.refused);
        Q_EMIT previewUpdated();
        return;
    }
    QMap<QString, int> perHost, resumed;
    QMap<QString, QMap<QString, int>> perShard; // host → its shard → planned VMs
    constexpr int kVmsShown = 500;
    QList<QTreeWidgetItem *> vmRows;
    int count = 0, refused = 0;
    for (const ClusterOutcome &o : r.outcomes) {
        if (!o.ok) {
            ++refused;
            auto *item = new QListWidgetItem(
                u"%1 — %2"_s.arg(o.address.toString(), failureText(o.message)), m_conflicts);
            item->setForeground(conflictColour(RefusalKind::InUse));
            continue;
        }
        ++count;
        ++perHost[o.host];
        if (o.state != u"planned"_s)
            ++resumed[o.host];
        else if (!o.shard.isEmpty())
            ++perShard[o.host][o.shard];
        if (vmRows.size() < kVmsShown) {
            auto *row = new QTreeWidgetItem;
            row->setText(0, o.name);
            row->setText(1, o.address.toString());
            row->setText(2, o.mac.toString());
            const QString shard = o.shard.startsWith(u'/') ? shardShortName({}, o.shard) : o.shard;
            row->setText(3, shard.isEmpty() ? o.host : o.host + u": "_s + shard);
            row->setToolTip(3, o.shard);
            vmRows << row;
        }
    }
    for (auto it = r.hostErrors.begin(); it != r.hostErrors.end(); ++it) {
        auto *item = new QListWidgetItem(it.value(), m_conflicts);
        item->setForeground(conflictColour(RefusalKind::Other));
    }
    for (auto it = perHost.begin(); it != perHost.end(); ++it) {
        auto *item = new QTreeWidgetItem(m_placement);
        item->setText(0, it.key());
        item->setText(1, QString::number(it.value()));
        item->setText(2, QString::number(resumed.value(it.key())));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        // Under each host, the shards its own plan puts its share on.
        const QMap<QString, int> shards = perShard.value(it.key());
        for (auto s = shards.cbegin(); s != shards.cend(); ++s) {
            auto *child = new QTreeWidgetItem(item);
            // A folder by its own name; a label or "SUBHOST/shard" as the host said it.
            child->setText(0, s.key().startsWith(u'/') ? shardShortName({}, s.key()) : s.key());
            child->setToolTip(0, s.key());
            child->setText(1, QString::number(s.value()));
            child->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    m_placement->setRootIsDecorated(!perShard.isEmpty());
    m_placement->expandAll();
    if (count > kVmsShown) {
        auto *more = new QTreeWidgetItem;
        more->setText(0, tr("… and %n more", nullptr, count - kVmsShown));
        vmRows << more;
    }
    m_vms->addTopLevelItems(vmRows);
    m_count->setText(refused ? tr("%n VM(s) can be cloned", nullptr, count) + u"; "_s
                                   + tr("%n address(es) refused", nullptr, refused)
                             : tr("%n VM(s) will be cloned", nullptr, count));
    if (refused > 0) {
        setInvalid(
            tr("%n address(es) cannot be cloned. Leave them out of the range.", nullptr, refused));
    } else if (count == 0) {
        setInvalid(tr("The range names no address to clone."));
    } else {
        m_valid = true;
        m_message->setText(
            tr("Ready: %n VM(s) over %1 host(s); each host places its share on its own shards.",
               nullptr, count)
                .arg(perHost.size())
            + (r.hostErrors.isEmpty()
                   ? QString()
                   : u" "_s
                         + tr("Hosts that cannot be asked now fail their VMs; the same clone "
                              "again finishes them.")));
        m_message->setStyleSheet(QString());
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    }
    Q_EMIT previewUpdated();
}

void CloneRangeDialog::setRange(const QString &range) {
    m_range->setText(range);
}

QString CloneRangeDialog::range() const {
    return m_range->text().trimmed();
}

CloneOptions CloneRangeDialog::options() const {
    CloneOptions o;
    o.golden = m_golden->currentData().toString();
    o.mode = m_full->isChecked() ? u"full"_s : m_instant->isChecked() ? u"instant"_s : u"linked"_s;
    o.vmwareClone = m_byVmware->isChecked();
    o.start = m_start->isChecked();
    return o;
}

QString CloneRangeDialog::message() const {
    return m_message->text();
}

QString CloneRangeDialog::countText() const {
    return m_count->text();
}

QStringList CloneRangeDialog::conflicts() const {
    QStringList out;
    for (int i = 0; i < m_conflicts->count(); ++i)
        out << m_conflicts->item(i)->text();
    return out;
}

QColor CloneRangeDialog::conflictColour(RefusalKind kind) {
    switch (kind) {
    case RefusalKind::GoldenAddress:
        return QColor(0x8e44ad);
    case RefusalKind::InUse:
    case RefusalKind::MacInUse:
    case RefusalKind::NameInUse:
    case RefusalKind::FolderInUse:
    case RefusalKind::FolderExists:
        return QColor(0xd35400);
    case RefusalKind::HostAlias:
    case RefusalKind::DnsAlias:
    case RefusalKind::ConsoleAddress:
        return QColor(0x2471a3);
    case RefusalKind::NoRoom:
    case RefusalKind::NoShard:
        return QColor(0xc0392b);
    case RefusalKind::OutsideShard:
    case RefusalKind::Other:
        break;
    }
    return QColor(0x7f8c8d);
}

void CloneRangeDialog::setInvalid(const QString &why) {
    m_valid = false;
    m_plan.reset();
    m_message->setText(why);
    m_message->setStyleSheet(u"color: #c0392b;"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
}

void CloneRangeDialog::inputChanged() {
    // VMware's own linked clones: for a VMware golden, on this machine only.
    const bool vmware = !m_goldens.isEmpty()
                        && m_goldens.at(qMax(0, m_golden->currentIndex())).backend == u"vmware"_s
                        && m_hosts->currentIndex() <= 0;
    if (!vmware && m_byVmware->isChecked())
        m_linked->setChecked(true); // toggles back here
    m_byVmware->setEnabled(vmware);
    ++m_sequence;
    // Until the new plan is in, the old preview must not be accepted.
    m_valid = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_debounce.start();
}

void CloneRangeDialog::requestPlan() {
    const quint64 sequence = m_sequence;
    m_conflicts->clear();
    m_placement->clear();
    m_vms->clear();
    if (m_goldens.isEmpty()) {
        m_count->clear();
        setInvalid(tr("There is no golden image yet: add one first."));
        Q_EMIT previewUpdated();
        return;
    }
    const GoldenRecord &golden = m_goldens.at(qMax(0, m_golden->currentIndex()));
    if (const QString problem = m_problems.value(golden.id); !problem.isEmpty()) {
        m_count->clear();
        setInvalid(tr("The golden image %1 cannot be cloned now: %2").arg(golden.name, problem));
        Q_EMIT previewUpdated();
        return;
    }
    if (range().isEmpty()) {
        m_count->setText(tr("No addresses yet."));
        setInvalid(tr("Type the addresses to clone, e.g. 177-254 or 177,180-190."));
        Q_EMIT previewUpdated();
        return;
    }
    m_count->setText(tr("Checking…"));
    if (!hosts().isEmpty() && m_feed) {
        m_feed->plan(hosts(), options(), range(), sequence);
        return;
    }
    m_placement->setRootIsDecorated(false); // hosts' shards were shown under their hosts
    m_placementTitle->setText(tr("Placement on the disk shards:"));
    m_vms->setHeaderLabels({tr("Name"), tr("Address"), tr("MAC"), tr("Shard")});
    m_placement->setHeaderLabels(
        {tr("Shard"), tr("VMs"), tr("Added"), tr("Free after"), tr("Why this many")});
    m_service->plan(options(), range())
        .then(this,
              [this, sequence](const Expected<ClonePlan> &plan) { showPlan(sequence, plan); });
}

void CloneRangeDialog::showPlan(quint64 sequence, const Expected<ClonePlan> &plan) {
    if (sequence != m_sequence)
        return; // the operator typed on: a newer plan is coming
    m_conflicts->clear();
    m_placement->clear();
    m_vms->clear();
    if (!plan) {
        m_count->setText(tr("Nothing to clone."));
        setInvalid(failureText(plan.error()));
        Q_EMIT previewUpdated();
        return;
    }
    const int count = static_cast<int>(plan->items.size());
    const int refused = static_cast<int>(plan->refused.size());
    m_count->setText(refused ? tr("%n VM(s) can be cloned", nullptr, count) + u"; "_s
                                   + tr("%n address(es) refused", nullptr, refused)
                             : tr("%n VM(s) will be cloned", nullptr, count));
    for (const auto &r : plan->refused) {
        auto *item =
            new QListWidgetItem(u"%1 — %2"_s.arg(r.address.toString(), r.reason), m_conflicts);
        item->setForeground(conflictColour(r.kind));
        item->setData(Qt::UserRole, refusalKindName(r.kind));
    }
    // Why a shard got what it got: its part of the batch is its weight times its free
    // space over the sum of those (core/placement/placement.h), rounded, the VMs the
    // rounding leaves going one per shard.
    QStringList shardPaths;
    QHash<QString, QString> shardLabels;
    for (const auto &s : plan->shards) {
        shardPaths << s.shard.path;
        shardLabels.insert(s.shard.path, s.shard.label);
    }
    const QHash<QString, QString> names = shardShortNames(shardPaths, shardLabels);
    double weightSum = 0;
    for (const auto &s : plan->shards)
        if (s.usable())
            weightSum += s.shard.weight * double(std::max<qint64>(s.bytesFree, 0));
    for (const auto &use : plan->shardUse) {
        const ShardStatus *status = nullptr;
        for (const auto &s : plan->shards) {
            if (s.shard.id == use.shardId)
                status = &s;
        }
        if (!status)
            continue;
        const double part =
            weightSum > 0
                ? status->shard.weight * double(std::max<qint64>(status->bytesFree, 0)) / weightSum
                : 0.0;
        auto *item = new QTreeWidgetItem(m_placement);
        item->setText(0, shardShortName(names, status->shard.path)); // the full path in its tooltip
        item->setToolTip(0, status->shard.path);
        item->setText(1, QString::number(use.vmCount));
        item->setText(2, gib(use.bytesAdded));
        item->setText(3, gib(use.bytesFreeAfter));
        item->setText(4, tr("weight %1 × %2 free: %3 % of the batch")
                             .arg(QLocale().toString(status->shard.weight))
                             .arg(gib(status->bytesFree))
                             .arg(QLocale().toString(part * 100.0, 'f', 0)));
        item->setToolTip(4, tr("Each shard takes its part of the batch: its weight times its "
                               "free space, over the sum of those of all usable shards; what "
                               "the rounding leaves goes one VM per shard."));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    // The VMs themselves, as they will be made (the first ones of a large range).
    constexpr int kVmsShown = 500;
    QList<QTreeWidgetItem *> rows;
    for (const auto &i : plan->items) {
        if (rows.size() == kVmsShown) {
            auto *more = new QTreeWidgetItem;
            more->setText(0, tr("… and %n more", nullptr, count - kVmsShown));
            rows << more;
            break;
        }
        auto *row = new QTreeWidgetItem;
        row->setText(0, i.name);
        row->setText(1, i.address.toString());
        row->setText(2, i.mac.toString());
        row->setText(3, shardShortName(names, i.shard.path));
        row->setToolTip(3, i.shard.path);
        rows << row;
    }
    m_vms->addTopLevelItems(rows);
    if (refused > 0) {
        setInvalid(tr("%n address(es) cannot be cloned: %1. Leave them out of the range.", nullptr,
                      refused)
                       .arg(plan->refusalSummary));
    } else if (count == 0) {
        setInvalid(tr("The range names no address to clone."));
    } else {
        m_plan = *plan;
        m_valid = true;
        m_message->setText(tr("Ready: %n VM(s), %1 clones.", nullptr, count)
                               .arg(plan->mode == u"full"      ? tr("full")
                                    : plan->mode == u"instant" ? tr("instant")
                                    : m_byVmware->isChecked()  ? tr("linked (made by VMware)")
                                                               : tr("linked")));
        m_message->setStyleSheet(QString());
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    }
    Q_EMIT previewUpdated();
}

} // namespace vmeclone
