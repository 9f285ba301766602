// vmeclone-console: the operator's window onto the engine. Wires the engine service
// (its own thread), the announcement listener (its own thread) and the main window.

#include "common/logging.h"
#include "common/translations.h"
#include "engine/engine_service.h"
#include "inventory/liveness.h"
#include "listener_thread.h"
#include "log_pane.h"
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QSettings>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <string_view>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// The user's setting, else the shipped default.
QVariant setting(const QString &key, const QVariant &fallback) {
    static const QSettings defaults(u":/vmeclone/default-settings.ini"_s, QSettings::IniFormat);
    return QSettings().value(key, defaults.value(key, fallback));
}

// SIGTERM (kill, a session's logout) and SIGINT (Ctrl-C in the terminal that started it)
// close the console as its window's Quit does, without asking: batches are cancelled and
// rolled back, the listener and the engine stop in order. The handler only writes the
// signal's number into a pipe the event loop watches (nothing else is safe in a handler).
int quitPipe[2] = {-1, -1};

void onQuitSignal(int signal) {
    const char number = static_cast<char>(signal);
    [[maybe_unused]] const auto written = ::write(quitPipe[1], &number, 1);
}

bool catchQuitSignals() {
    if (::pipe2(quitPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action {};
    action.sa_handler = onQuitSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0
           && ::sigaction(SIGINT, &action, nullptr) == 0;
}

void say(const QString &text) {
    const QByteArray b = (text + u'\n').toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), stderr);
}

// Types `keys` where the focus is; at each '\n' it waits a moment (a dialog's preview
// is made on the engine's thread) and presses Enter.
void typeForScreenshot(MainWindow &window, const QString &keys) {
    const auto send = [&window](int key, const QString &text) {
        QWidget *to = QApplication::focusWidget();
        if (!to)
            to = QApplication::activeWindow() ? QApplication::activeWindow() : &window;
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
        QApplication::sendEvent(to, &press);
        QApplication::sendEvent(to, &release);
    };
    const qsizetype enter = keys.indexOf(u'\n');
    for (const QChar c : keys.left(enter < 0 ? keys.size() : enter))
        send(0, QString(c));
    if (enter < 0)
        return;
    QTimer::singleShot(1500, &window, [&window, send, rest = keys.mid(enter + 1)] {
        send(Qt::Key_Return, u"\r"_s);
        typeForScreenshot(window, rest);
    });
}

// --screenshot-action and --screenshot-keys: what an operator does before the picture.
// The keys are typed a moment after the action, from the event loop, as an action may
// open a dialog that runs its own (QInputDialog::getText).
void playForScreenshot(MainWindow &window, const QString &name, const QString &keys) {
    QAction *action = window.action(name);
    if (!action || !action->isEnabled()) {
        say(u"vmeclone-console: no enabled action %1 to trigger for the screenshot"_s.arg(name));
        QApplication::exit(1);
        return;
    }
    QTimer::singleShot(0, action, &QAction::trigger);
    QTimer::singleShot(500, &window, [&window, keys] { typeForScreenshot(window, keys); });
}

// The window with the dialogs open over it, where they are on the screen.
QPixmap grabWithDialogs(MainWindow &window) {
    QPixmap picture = window.grab();
    QPainter painter(&picture);
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w == &window || !w->isVisible() || !w->isWindow() || w->windowType() == Qt::Popup
            || w->windowType() == Qt::ToolTip)
            continue;
        painter.drawPixmap(w->geometry().topLeft() - window.geometry().topLeft(), w->grab());
    }
    return picture;
}

} // namespace

int main(int argc, char **argv) {
    // --help and --version answer on a terminal without a display.
    bool textOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a(argv[i]);
        textOnly = textOnly || a == "--help" || a == "-h" || a == "-?" || a == "--help-all"
                   || a == "--version" || a == "-v";
    }
    const std::unique_ptr<QCoreApplication> app(textOnly ? new QCoreApplication(argc, argv)
                                                         : new QApplication(argc, argv));
    QCoreApplication::setApplicationName(u"vmeclone"_s);
    QCoreApplication::setOrganizationName(u"vmeclone"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VMECLONE_VERSION));
    if (!textOnly) {
        QApplication::setApplicationDisplayName(u"vmeclone console"_s);
        QApplication::setWindowIcon(QIcon(u":/vmeclone/vmeclone.xpm"_s));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The vmeclone console: clone a golden VM to a range of addresses and watch "
        u"the clones come online."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption home({u"home"_s},
                                  u"Data folder (inventory, cluster secret, logs). Default: "
                                  u"$VMECLONE_HOME, else the user's application data folder."_s,
                                  u"DIR"_s);
    const QCommandLineOption port({u"port"_s},
                                  u"UDP port of the announcement listener (default: the setting, "
                                  u"$VMECLONE_PORT or 9176)."_s,
                                  u"PORT"_s);
    const QCommandLineOption language({u"language"_s},
                                      u"Interface language: system, en or zh_CN."_s, u"CODE"_s);
    const QCommandLineOption demo(
        {u"demo-golden"_s},
        u"The demo golden image the first-run screen offers (default: $VMECLONE_DEMO_GOLDEN, "
        u"else the built demo golden). Given here, it is set up with two disk shards without "
        u"asking when the inventory is empty."_s,
        u"PATH"_s);
    const QCommandLineOption noDefaults(
        {u"no-defaults"_s},
        u"Never set up the demo golden and shards without asking (even with --demo-golden)."_s);
    QCommandLineOption screenshot({u"screenshot"_s},
                                  u"Save a picture of the window to FILE and quit."_s, u"FILE"_s);
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotDelay(
        {u"screenshot-delay"_s}, u"Milliseconds to wait before the picture."_s, u"MS"_s, u"4000"_s);
    screenshotDelay.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotAction(
        {u"screenshot-action"_s},
        u"Before the picture, trigger the window's action NAME (e.g. clone, batchHistory); "
        u"repeat for several, in turn."_s,
        u"NAME"_s);
    screenshotAction.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotKeys(
        {u"screenshot-keys"_s},
        u"Then type TEXT where the focus is ('\\n' presses Enter); the Nth for the Nth action."_s,
        u"TEXT"_s);
    screenshotKeys.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({home, port, language, demo, noDefaults, screenshot, screenshotDelay,
                       screenshotAction, screenshotKeys});
    parser.process(*app);

    QString homeDir = parser.value(home);
    if (homeDir.isEmpty())
        homeDir = qEnvironmentVariable("VMECLONE_HOME");
    if (homeDir.isEmpty())
        homeDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    homeDir = QDir(homeDir).absolutePath();

    QString portText = parser.value(port);
    if (portText.isEmpty())
        portText = qEnvironmentVariable("VMECLONE_PORT");
    if (portText.isEmpty())
        portText = setting(u"listener/port"_s, 9176).toString();
    bool ok = false;
    const uint portNumber = portText.toUInt(&ok);
    if (!ok || portNumber == 0 || portNumber > 65535) {
        say(u"vmeclone-console: --port %1 is not a port number (1-65535)"_s.arg(portText));
        return 2;
    }

    Translations::install(parser.isSet(language)
                              ? parser.value(language)
                              : setting(u"ui/language"_s, u"system"_s).toString());
    // Qt adds the display name to every window's title unless they are the same: in the
    // operator's language, so that the title is "vmeclone 控制台", not that and the English.
    if (!textOnly)
        QApplication::setApplicationDisplayName(
            QApplication::translate("main", "vmeclone console"));
    log::setup(spdlog::level::info, QDir(homeDir).filePath(u"logs/console.log"_s));

    EngineConfig config;
    config.home = homeDir;
    config.listenerPort = static_cast<quint16>(portNumber);
    config.qemu.listenerPort = config.listenerPort;
    config.parallelism = qMax(2, QThread::idealThreadCount());
    if (const QString accel = qEnvironmentVariable("VMECLONE_QEMU_ACCEL"); !accel.isEmpty())
        config.qemu.accel = accel;
    if (const int hb = qEnvironmentVariableIntValue("VMECLONE_HEARTBEAT", &ok); ok && hb > 0)
        config.heartbeatSeconds = hb;
    if (const int grace = qEnvironmentVariableIntValue("VMECLONE_STOP_GRACE", &ok);
        ok && grace >= 0)
        config.stopGrace = std::chrono::seconds(grace);

    EngineService service(config);
    if (auto s = service.open(); !s) {
        say(u"vmeclone-console: "_s + s.error());
        if (!parser.isSet(screenshot))
            QMessageBox::critical(nullptr, QApplication::translate("main", "vmeclone console"),
                                  s.error());
        return 1;
    }

    AnnouncementListener::Options listenerOptions;
    listenerOptions.port = config.listenerPort;
    listenerOptions.inventoryPath = config.inventoryPath();
    listenerOptions.secretPath = config.secretPath();
    listenerOptions.unreachableAfterMs =
        static_cast<int>(unreachableAfterMs(config.heartbeatSeconds));
    listenerOptions.verifier.allowUnsigned =
        qEnvironmentVariableIntValue("VMECLONE_ALLOW_UNSIGNED") == 1;
    ListenerThread listener(listenerOptions);
    const Status listening = listener.start();

    ConsoleOptions options;
    options.home = homeDir;
    // Only an explicit --demo-golden (the README's run command) skips the first-run screen.
    options.setUpDefaults = parser.isSet(demo) && !parser.isSet(noDefaults);
    options.demoGolden = parser.value(demo);
    if (options.demoGolden.isEmpty())
        options.demoGolden = qEnvironmentVariable("VMECLONE_DEMO_GOLDEN");
    if (options.demoGolden.isEmpty())
        options.demoGolden = QStringLiteral(VMECLONE_DEMO_GOLDEN);

    MainWindow window(&service, options);
    window.model()->setDrainInterval(setting(u"table/drain_interval_ms"_s, 100).toInt());
    if (listening) {
        window.attachListener(&listener);
    } else {
        log::get("console")->warn(
            "{}", QApplication::translate("main", "%1; relying on the process that listens there")
                      .arg(listening.error()));
        window.attachListener(nullptr, listening.error());
    }
    log::get("console")->info(
        "{}", QApplication::translate(
                  "main", "vmeclone console %1: data folder %2, announcements on port %3")
                  .arg(QApplication::applicationVersion(), homeDir)
                  .arg(config.listenerPort));
    window.show();

    std::unique_ptr<QSocketNotifier> quitNotifier;
    if (catchQuitSignals()) {
        quitNotifier = std::make_unique<QSocketNotifier>(quitPipe[0], QSocketNotifier::Read);
        QObject::connect(quitNotifier.get(), &QSocketNotifier::activated, &window, [&window] {
            char number = 0;
            while (::read(quitPipe[0], &number, 1) == 1) {
            }
            window.quitCancellingBatches(
                QString::fromUtf8(number == SIGINT ? "SIGINT" : "SIGTERM"));
        });
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        const int delay = parser.value(screenshotDelay).toInt();
        // Each action in turn, evenly over the delay: the first once the inventory is read.
        const QStringList actions = parser.values(screenshotAction);
        const QStringList keys = parser.values(screenshotKeys);
        for (qsizetype i = 0; i < actions.size(); ++i) {
            const int at = int((i + 1) * delay / (actions.size() + 2));
            QTimer::singleShot(at, &window, [&window, name = actions[i], typed = keys.value(i)] {
                playForScreenshot(window, name, typed);
            });
        }
        QTimer::singleShot(delay, &window, [&window, file] {
            const bool saved = grabWithDialogs(window).save(file);
            say(saved ? u"saved %1"_s.arg(file) : u"cannot write %1"_s.arg(file));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
