#include "logging.h"

#include <QDir>
#include <QFileInfo>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>
#include <vector>

namespace vmeclone::log {
namespace {

struct Registry {
    std::mutex mutex;
    std::vector<spdlog::sink_ptr> sinks;
    spdlog::level::level_enum level = spdlog::level::warn;
    bool initialised = false;

    void ensureDefaults()
    {
        if (initialised)
            return;
        initialised = true;
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    }
};

Registry &registry()
{
    static Registry r;
    return r;
}

void repointAll(Registry &r)
{
    spdlog::apply_all([&r](const std::shared_ptr<spdlog::logger> &l) {
        l->sinks() = r.sinks;
        l->set_level(r.level);
    });
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
    auto logger = std::make_shared<spdlog::logger>(name, r.sinks.begin(), r.sinks.end());
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
    r.sinks.clear();
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_pattern("%H:%M:%S.%e %^%-5l%$ [%n] %v");
    r.sinks.push_back(console);
    if (!rotatingFile.isEmpty()) {
        QDir().mkpath(QFileInfo(rotatingFile).absolutePath());
        auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            rotatingFile.toStdString(), 5 * 1024 * 1024, 3);
        file->set_level(spdlog::level::debug);
        r.sinks.push_back(file);
    }
    repointAll(r);
}

void addSink(std::shared_ptr<spdlog::sinks::sink> sink)
{
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    r.ensureDefaults();
    r.sinks.push_back(std::move(sink));
    repointAll(r);
}

} // namespace vmeclone::log
