#include "logging.h"

#include <QDir>
#include <QFileInfo>

#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>
#include <vector>

namespace vmeclone::log {
namespace {

// Every logger writes to one sink: a dist_sink_mt that fans out to the process's sinks
// under its own mutex. Adding the console's log pane or a file while pool and listener
// threads log changes only that sink's list, never a logger's (spdlog's sinks() vector
// is not safe to swap while another thread logs).
struct Registry {
    std::mutex mutex; // creation of loggers, the level
    std::shared_ptr<spdlog::sinks::dist_sink_mt> fanOut =
        std::make_shared<spdlog::sinks::dist_sink_mt>();
    spdlog::level::level_enum level = spdlog::level::warn;
    bool initialised = false;

    void ensureDefaults()
    {
        if (initialised)
            return;
        initialised = true;
        fanOut->add_sink(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    }
};

Registry &registry()
{
    static Registry r;
    return r;
}

void applyLevel(spdlog::level::level_enum level)
{
    // A logger's level is atomic: safe while it logs.
    spdlog::apply_all([level](const std::shared_ptr<spdlog::logger> &l) { l->set_level(level); });
}

} // namespace

std::shared_ptr<spdlog::logger> get(std::string_view subsystem)
{
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    const std::string name(subsystem);
    if (auto existing = spdlog::get(name))
        return existing;
    r.ensureDefaults();
    auto logger = std::make_shared<spdlog::logger>(name, r.fanOut);
    logger->set_level(r.level);
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ [%n] %v");
    spdlog::register_logger(logger);
    return logger;
}

void setup(spdlog::level::level_enum level, const QString &rotatingFile)
{
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    r.initialised = true;
    r.level = level;
    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_pattern("%H:%M:%S.%e %^%-5l%$ [%n] %v");
    sinks.push_back(console);
    if (!rotatingFile.isEmpty()) {
        QDir().mkpath(QFileInfo(rotatingFile).absolutePath());
        auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            rotatingFile.toStdString(), 5 * 1024 * 1024, 3);
        file->set_level(spdlog::level::debug);
        sinks.push_back(file);
    }
    r.fanOut->set_sinks(std::move(sinks));
    applyLevel(level);
}

void addSink(std::shared_ptr<spdlog::sinks::sink> sink)
{
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    r.ensureDefaults();
    r.fanOut->add_sink(std::move(sink));
}

} // namespace vmeclone::log
