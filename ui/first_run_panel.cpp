#include "first_run_panel.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShowEvent>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace vmeclone {

FirstRunPanel::FirstRunPanel(QWidget *parent)
    : QWidget(parent) {
    setObjectName(u"firstRunPanel"_s);

    auto *title = new QLabel(tr("Welcome to vmeclone"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    auto *needs = new QLabel(
        tr("To clone VMs, vmeclone needs a golden image (the VM every clone is copied from) and "
           "at least one disk shard (a folder where the clones' disks are kept)."),
        this);
    needs->setWordWrap(true);

    auto button = [this](const QString &name, const QString &text) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setMinimumHeight(b->sizeHint().height() * 2);
        b->setMinimumWidth(260);
        QFont f = b->font();
        f.setPointSizeF(f.pointSizeF() * 1.15);
        b->setFont(f);
        return b;
    };
    auto explain = [this](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setWordWrap(true);
        return l;
    };
    m_demo = button(u"useDemoGolden"_s, tr("&Use the demo golden image"));
    m_golden = button(u"addGoldenImage"_s, tr("Add a &golden image…"));
    m_shard = button(u"addDiskShard"_s, tr("Add a &disk shard…"));
    m_demoText = explain(tr("A small Linux VM for QEMU, with two disk shards in the data folder: "
                            "ready to clone in one click."));
    m_demoReason = new QLabel(this);
    m_demoReason->setObjectName(u"demoReason"_s);
    m_demoReason->setWordWrap(true);
    m_demoReason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_demoReason->setStyleSheet(u"color: #c0392b;"_s);

    auto *actions = new QGridLayout;
    actions->setHorizontalSpacing(16);
    actions->setVerticalSpacing(14);
    actions->addWidget(m_demo, 0, 0, Qt::AlignTop);
    auto *demoTexts = new QVBoxLayout;
    demoTexts->addWidget(m_demoText);
    demoTexts->addWidget(m_demoReason);
    actions->addLayout(demoTexts, 0, 1);
    actions->addWidget(m_golden, 1, 0, Qt::AlignTop);
    actions->addWidget(explain(tr("Your own VM: a QEMU machine description (.json) or a VMware "
                                  "VM's .vmx, powered off.")),
                       1, 1);
    actions->addWidget(m_shard, 2, 0, Qt::AlignTop);
    actions->addWidget(explain(tr("A folder on a disk with room for the clones; add one per "
                                  "disk to spread them.")),
                       2, 1);
    actions->setColumnStretch(1, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(u"firstRunStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *column = new QWidget(this);
    column->setMaximumWidth(760);
    auto *inner = new QVBoxLayout(column);
    inner->setSpacing(18);
    inner->addWidget(title);
    inner->addWidget(needs);
    inner->addLayout(actions);
    inner->addWidget(m_status);

    // Centred by stretches, not by alignment: an aligned item would get its size hint's
    // height, too short for the wrapped explanations at the width it really has.
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(column, 4);
    centred->addStretch(1);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(centred);
    outer->addStretch(2);

    connect(m_demo, &QPushButton::clicked, this, &FirstRunPanel::useDemoRequested);
    connect(m_golden, &QPushButton::clicked, this, &FirstRunPanel::addGoldenRequested);
    connect(m_shard, &QPushButton::clicked, this, &FirstRunPanel::addShardRequested);
    updateDemo();
}

void FirstRunPanel::setDemoGolden(const QString &path) {
    m_demoGolden = path;
    updateDemo();
}

void FirstRunPanel::setBusy(bool busy) {
    m_busy = busy;
    m_status->setText(busy ? tr("Setting up the demo golden image and two disk shards…")
                           : QString());
    m_status->setStyleSheet(QString());
    updateDemo();
}

void FirstRunPanel::setError(const QString &error) {
    m_busy = false;
    m_status->setText(error);
    m_status->setStyleSheet(u"color: #c0392b;"_s);
    updateDemo();
}

QString FirstRunPanel::demoReason() const {
    return m_demoReason->text();
}

QString FirstRunPanel::error() const {
    return m_status->styleSheet().isEmpty() ? QString() : m_status->text();
}

void FirstRunPanel::updateDemo() {
    QString reason;
    if (m_demoGolden.isEmpty())
        reason = tr("This console was built without the demo golden image.");
    else if (!QFileInfo(m_demoGolden).isFile())
        reason = tr("The demo golden image %1 is missing: build it with "
                    "cmake --build build --target demo-golden")
                     .arg(m_demoGolden);
    m_demoReason->setText(reason);
    m_demoReason->setVisible(!reason.isEmpty());
    m_demo->setEnabled(reason.isEmpty() && !m_busy);
    m_golden->setEnabled(!m_busy);
    m_shard->setEnabled(!m_busy);
    // The easiest way there is is drawn as the default and gets the focus (Space takes it).
    QPushButton *first = firstChoice();
    m_demo->setDefault(first == m_demo);
    m_golden->setDefault(first == m_golden);
    if (isVisible())
        first->setFocus();
}

QPushButton *FirstRunPanel::firstChoice() const {
    return m_demo->isEnabled() ? m_demo : m_golden;
}

void FirstRunPanel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    firstChoice()->setFocus();
}

} // namespace vmeclone
