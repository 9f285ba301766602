#include "log_pane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <spdlog/pattern_formatter.h>

namespace vmeclone {
namespace {

constexpr qsizetype kMaxLines = 5000;

} // namespace

QList<LogPane::Line> LogPane::Sink::take() {
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_lines, {});
}

void LogPane::Sink::sink_it_(const spdlog::details::log_msg &msg) {
    // Events written by core, said again in English (log::echo): the pane shows each
    // event once, from the inventory, in the console's language.
    if (msg.logger_name == "echo")
        return;
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    QString text = QString::fromUtf8(formatted.data(), static_cast<qsizetype>(formatted.size()));
    while (text.endsWith(u'\n') || text.endsWith(u'\r'))
        text.chop(1);
    QMutexLocker lock(&m_mutex);
    m_lines.append(Line{static_cast<int>(msg.level), text});
    if (m_lines.size() > kMaxLines)
        m_lines.remove(0, m_lines.size() - kMaxLines);
}

LogPane::LogPane(QWidget *parent)
    : QWidget(parent)
    , m_sink(std::make_shared<Sink>())
    , m_minimum(spdlog::level::info) {
    m_sink->set_pattern("%H:%M:%S %-5l [%n] %v");
    m_sink->set_level(spdlog::level::trace);

    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->addItem(tr("Debug"), int(spdlog::level::debug));
    m_level->addItem(tr("Info"), int(spdlog::level::info));
    m_level->addItem(tr("Warning"), int(spdlog::level::warn));
    m_level->addItem(tr("Error"), int(spdlog::level::err));
    m_level->setCurrentIndex(1);
    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this](int i) { setMinimumLevel(m_level->itemData(i).toInt()); });

    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setReadOnly(true);
    m_view->setMaximumBlockCount(static_cast<int>(kMaxLines));
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("Monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_view->setFont(mono);

    auto *top = new QHBoxLayout;
    auto *label = new QLabel(tr("Show from level:"), this);
    label->setBuddy(m_level);
    top->addWidget(label);
    top->addWidget(m_level);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view);

    m_timer.setInterval(200);
    connect(&m_timer, &QTimer::timeout, this, &LogPane::drain);
    m_timer.start();
}

void LogPane::setMinimumLevel(int level) {
    if (level == m_minimum)
        return;
    m_minimum = level;
    const int i = m_level->findData(level);
    if (i >= 0 && i != m_level->currentIndex())
        m_level->setCurrentIndex(i);
    render();
}

void LogPane::drain() {
    const QList<Line> fresh = m_sink->take();
    if (fresh.isEmpty())
        return;
    QStringList shown;
    for (const auto &l : fresh) {
        if (l.level >= m_minimum)
            shown.append(l.text);
    }
    m_lines.append(fresh);
    if (m_lines.size() > kMaxLines)
        m_lines.remove(0, m_lines.size() - kMaxLines);
    if (!shown.isEmpty())
        m_view->appendPlainText(shown.join(u'\n'));
}

void LogPane::render() {
    QStringList shown;
    for (const auto &l : std::as_const(m_lines)) {
        if (l.level >= m_minimum)
            shown.append(l.text);
    }
    m_view->setPlainText(shown.join(u'\n'));
    m_view->moveCursor(QTextCursor::End);
}

QString LogPane::text() const {
    return m_view->toPlainText();
}

} // namespace vmeclone
