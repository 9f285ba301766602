#include "first_run_panel.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
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
        // Wide enough to read as the page's main choices, narrow enough to leave the
        // explanations beside them room on a 1024 px screen with the docks open.
        b->setMinimumWidth(b->fontMetrics().horizontalAdvance(text) * 23 / 20 + 40);
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

    m_actions = new QGridLayout;
    m_actions->setHorizontalSpacing(16);
    m_actions->setVerticalSpacing(14);
    m_choices = {{m_demo, {m_demoText, m_demoReason}},
                 {m_golden,
                  {explain(tr("Your own VM: a QEMU machine description (.json) or a "
                              "VMware VM's .vmx, powered off."))}},
                 {m_shard,
                  {explain(tr("A folder on a disk with room for the clones; add one "
                              "per disk to spread them."))}}};
    arrangeChoices(false);
    m_status = new QLabel(this);
    m_status->setObjectName(u"firstRunStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *column = new QWidget;
    column->setMaximumWidth(760);
    auto *inner = new QVBoxLayout(column);
    inner->setSpacing(18);
    inner->addWidget(title);
    inner->addWidget(needs);
    inner->addLayout(m_actions);
    inner->addWidget(m_status);

    // Centred by stretches, not by alignment: an aligned item would get its size hint's
    // height, too short for the wrapped explanations at the width it really has.
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(column, 4);
    centred->addStretch(1);
    // In a scroll area: on a page too low for the texts it scrolls, where a plain layout
    // would draw them over each other.
    auto *page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->addStretch(1);
    pageLayout->addLayout(centred);
    pageLayout->addStretch(2);
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(page);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

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

void FirstRunPanel::arrangeChoices(bool stacked) {
    m_stacked = stacked;
    for (const auto &[button, texts] : std::as_const(m_choices)) {
        m_actions->removeWidget(button);
        for (QWidget *text : texts)
            m_actions->removeWidget(text);
    }
    // Beside its button where there is room; under it on a narrow page (a 1024 px screen
    // with the docks open), where beside it the text was a column of single words.
    int row = 0;
    for (const auto &[button, texts] : std::as_const(m_choices)) {
        if (stacked) {
            m_actions->addWidget(button, row++, 0, 1, 2);
            for (QWidget *text : texts)
                m_actions->addWidget(text, row++, 0, 1, 2);
        } else {
            m_actions->addWidget(button, row, 0, int(texts.size()), 1, Qt::AlignTop);
            for (QWidget *text : texts)
                m_actions->addWidget(text, row++, 1);
        }
    }
    m_actions->setColumnStretch(0, stacked ? 1 : 0);
    m_actions->setColumnStretch(1, 1);
    m_actions->setVerticalSpacing(stacked ? 4 : 8);
    for (const auto &choice : std::as_const(m_choices))
        choice.first->setMinimumHeight(choice.first->sizeHint().height() * (stacked ? 3 : 4) / 2);
}

void FirstRunPanel::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    // Beside a button, a text wants some 40 characters a line to be read; below that
    // it goes under its button.
    // The column is 4/6 of the page (the stretches beside it), at most 760 px.
    const int column = qMin(event->size().width() * 4 / 6, 760);
    const bool narrow =
        column < m_golden->minimumWidth() + 16 + 40 * fontMetrics().averageCharWidth() + 20;
    if (narrow != m_stacked)
        arrangeChoices(narrow);
}

void FirstRunPanel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    firstChoice()->setFocus();
}

} // namespace vmeclone
