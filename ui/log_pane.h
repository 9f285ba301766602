#pragma once
// The log pane: every spdlog logger of the process writes into a LogPane::Sink (a
// mutex-guarded queue, any thread); the pane drains it on a timer and shows the
// lines at or above the chosen level. A line per event never reaches the GUI thread
// as a signal of its own.

#include <QList>
#include <QMutex>
#include <QTimer>
#include <QWidget>

#include <spdlog/sinks/base_sink.h>

#include <memory>
#include <mutex>

class QComboBox;
class QPlainTextEdit;

namespace vmeclone {

class LogPane : public QWidget {
    Q_OBJECT
public:
    struct Line {
        int level = 0; // spdlog::level::level_enum
        QString text;
    };

    // The sink to hand to log::addSink(); keeps working after the pane is gone.
    class Sink : public spdlog::sinks::base_sink<std::mutex> {
    public:
        QList<Line> take();

    protected:
        void sink_it_(const spdlog::details::log_msg &msg) override;
        void flush_() override {}

    private:
        QMutex m_mutex;
        QList<Line> m_lines;
    };

    explicit LogPane(QWidget *parent = nullptr);
    std::shared_ptr<Sink> sink() const { return m_sink; }

    void setMinimumLevel(int level); // spdlog::level::level_enum
    int minimumLevel() const { return m_minimum; }
    // Shown text (tests).
    QString text() const;
    void drain();

private:
    void render();

    std::shared_ptr<Sink> m_sink;
    QList<Line> m_lines; // the last kMaxLines, all levels
    int m_minimum;
    QComboBox *m_level = nullptr;
    QPlainTextEdit *m_view = nullptr;
    QTimer m_timer;
};

} // namespace vmeclone
