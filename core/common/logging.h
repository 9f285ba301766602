#pragma once
// Logging for the engine: one spdlog logger per subsystem, separate from the
// operator-facing event log (the inventory's events and the console's log pane).

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <string_view>

template <>
struct fmt::formatter<QString> : fmt::formatter<std::string_view> {
    auto format(const QString &s, format_context &ctx) const -> decltype(ctx.out()) {
        const QByteArray utf8 = s.toUtf8();
        return fmt::formatter<std::string_view>::format(
            std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())), ctx);
    }
};

template <>
struct fmt::formatter<QStringView> : fmt::formatter<QString> {
    auto format(QStringView s, format_context &ctx) const -> decltype(ctx.out()) {
        return fmt::formatter<QString>::format(s.toString(), ctx);
    }
};

template <>
struct fmt::formatter<QByteArray> : fmt::formatter<std::string_view> {
    auto format(const QByteArray &b, format_context &ctx) const -> decltype(ctx.out()) {
        return fmt::formatter<std::string_view>::format(
            std::string_view(b.constData(), static_cast<size_t>(b.size())), ctx);
    }
};

namespace vmeclone {
// The words of core's log lines, for people: LogText::tr("started %1 (pid %2)").arg(...)
// gives them in the language of an installed translator (the console's, whose log pane
// shows them), in English elsewhere (the CLI, `vmeclone listen`, log files of English
// processes). Names, paths, addresses and others' error texts go in as arguments.
class LogText {
    Q_DECLARE_TR_FUNCTIONS(LogText)
};
} // namespace vmeclone

namespace vmeclone::log {

// The named logger of a subsystem ("clone", "qemu", "listener", ...), created on
// first use with the process-wide sinks. Thread-safe.
std::shared_ptr<spdlog::logger> get(std::string_view subsystem);

// Each subsystem's logger, looked up once: log::qemu()->info(...). One list of the
// subsystems, instead of a private logger() in every file (two of those in one
// translation unit of a unity build would clash).
#define VMECLONE_LOG_SUBSYSTEM(name)                                                               \
    inline const std::shared_ptr<spdlog::logger> &name() {                                         \
        static const std::shared_ptr<spdlog::logger> logger = get(#name);                          \
        return logger;                                                                             \
    }
VMECLONE_LOG_SUBSYSTEM(clone)
VMECLONE_LOG_SUBSYSTEM(cluster)
VMECLONE_LOG_SUBSYSTEM(console)
// An event core wrote to the inventory, said again in English in the process's own log
// (stderr, the log file: what `vmeclone listen` shows). The console's log pane skips
// these: it shows the event itself, read back from the inventory, in its own language.
VMECLONE_LOG_SUBSYSTEM(echo)
VMECLONE_LOG_SUBSYSTEM(engine)
VMECLONE_LOG_SUBSYSTEM(events)
VMECLONE_LOG_SUBSYSTEM(golden)
VMECLONE_LOG_SUBSYSTEM(hosts)
VMECLONE_LOG_SUBSYSTEM(listener)
VMECLONE_LOG_SUBSYSTEM(qemu)
VMECLONE_LOG_SUBSYSTEM(vmdk)
VMECLONE_LOG_SUBSYSTEM(vmrun)
VMECLONE_LOG_SUBSYSTEM(vmware)
#undef VMECLONE_LOG_SUBSYSTEM

// Installs the process-wide sinks: stderr at `level`, and optionally a rotating file.
// Loggers created before the call are re-pointed at the new sinks.
void setup(spdlog::level::level_enum level, const QString &rotatingFile = {});

// Adds a sink to every existing and future logger (the console's log pane uses this).
void addSink(std::shared_ptr<spdlog::sinks::sink> sink);

} // namespace vmeclone::log
