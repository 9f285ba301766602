#include "event_text.h"

#include "common/failure_text.h"
#include "common/text_format.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

constexpr const char *kContext = "vmeclone::Event";
// A VM's reason when its heartbeats stopped (EventText::noHeartbeat, reasonText).
constexpr const char *kNoHeartbeat = QT_TRANSLATE_NOOP("vmeclone::Event", "no heartbeat for %1 s");
// Recovery's reason for a VM it failed: the error follows (EventText::recoveryFailed).
constexpr const char *kRecoveryReason = QT_TRANSLATE_NOOP("vmeclone::Event", "recovery: %1");
// A console address there was none of before (the "console-address" event).
constexpr const char *kNone = QT_TRANSLATE_NOOP("vmeclone::Event", "none");

struct Template {
    const char *code;
    const char *text; // %1... are the arguments in order
    // The argument that is a failure as core said it (shown through failureText), or -1.
    int failure = -1;
};

// The sentences, marked for lupdate in the context vmeclone::Event.
// The operations a batch event names (Engine::recordBatch), for lupdate.
[[maybe_unused]] constexpr const char *kOperations[] = {
    QT_TRANSLATE_NOOP("vmeclone::Event", "clone"), QT_TRANSLATE_NOOP("vmeclone::Event", "started"),
    QT_TRANSLATE_NOOP("vmeclone::Event", "stopped"),
    QT_TRANSLATE_NOOP("vmeclone::Event", "released")};
// What recovery did to a VM (Engine::recover, the "recovered" event), for lupdate.
[[maybe_unused]] constexpr const char *kRecoveryActions[] = {
    QT_TRANSLATE_NOOP("vmeclone::Event", "failed"),
    QT_TRANSLATE_NOOP("vmeclone::Event", "rolled back"),
    QT_TRANSLATE_NOOP("vmeclone::Event", "marked stopped"),
    QT_TRANSLATE_NOOP("vmeclone::Event", "marked resuming"),
    QT_TRANSLATE_NOOP("vmeclone::Event", "marked booting"),
    QT_TRANSLATE_NOOP("vmeclone::Event", "marked configured")};

constexpr Template kTemplates[] = {
    {"unreachable", QT_TRANSLATE_NOOP("vmeclone::Event", "unreachable: no heartbeat for %1 s")},
    {"released", QT_TRANSLATE_NOOP("vmeclone::Event", "released: files deleted, address free")},
    {"clone-cancelled",
     QT_TRANSLATE_NOOP("vmeclone::Event", "clone cancelled: rolled back, nothing of it is left")},
    {"clone-failed", QT_TRANSLATE_NOOP("vmeclone::Event", "clone failed, rolled back: %1"), 0},
    {"rejected", QT_TRANSLATE_NOOP("vmeclone::Event", "announcement rejected: %1 (from %2)")},
    {"held-states",
     QT_TRANSLATE_NOOP("vmeclone::Event",
                       "%1 more state changes in a minute were not logged (at most %2 a minute "
                       "are logged per VM; its state in the inventory followed every one)")},
    {"held-rejections",
     QT_TRANSLATE_NOOP("vmeclone::Event",
                       "%1 more rejected announcements in a minute were not logged (at most %2 a "
                       "minute are logged per VM; the status bar counts every one)")},
    {"batch", QT_TRANSLATE_NOOP("vmeclone::Event", "%1 of %2 VMs: %3 done, %4 failed%5")},
    {"golden-added", QT_TRANSLATE_NOOP("vmeclone::Event", "golden image %1 added: %2, %3 in %4")},
    {"shard-added",
     QT_TRANSLATE_NOOP("vmeclone::Event", "disk shard %1 added (weight %2, %3 free)")},
    {"shard-shared",
     QT_TRANSLATE_NOOP("vmeclone::Event",
                       "disk shard %1 is shared: %2 clone folder(s) of other data folders are "
                       "there; this one never touches them")},
    {"golden-fingerprinted",
     QT_TRANSLATE_NOOP("vmeclone::Event",
                       "golden image %1: its files are fingerprinted from now on")},
    {"golden-refreshed-unchanged",
     QT_TRANSLATE_NOOP("vmeclone::Event", "golden image %1 re-accepted unchanged")},
    {"golden-refreshed",
     QT_TRANSLATE_NOOP("vmeclone::Event", "golden image %1 re-accepted as it is now: %2"), 1},
    {"golden-removed",
     QT_TRANSLATE_NOOP("vmeclone::Event", "golden image %1 removed from the inventory")},
    {"console-address",
     QT_TRANSLATE_NOOP("vmeclone::Event", "golden image %1: console address %2 (was %3)")},
    {"template-made", QT_TRANSLATE_NOOP("vmeclone::Event", "template of %1 made in %2 (%3 ms)%4"),
     3},
    {"template-abandoned",
     QT_TRANSLATE_NOOP("vmeclone::Event",
                       "recovered: removed %1, a template that was never completed")},
    {"instant-fallback",
     QT_TRANSLATE_NOOP("vmeclone::Event",
                       "instant clones of %1 asked for, linked clones made instead: %2"),
     1},
    {"recovered", QT_TRANSLATE_NOOP("vmeclone::Event", "recovered: %1 (%2)"), 1},
    {"orphan-removed",
     QT_TRANSLATE_NOOP("vmeclone::Event",
                       "recovered: removed %1, a clone folder with no inventory row")},
    {"host-added", QT_TRANSLATE_NOOP("vmeclone::Event", "host %1 (%2) added: vmeclone %3")},
    {"host-removed", QT_TRANSLATE_NOOP("vmeclone::Event", "host %1 removed from the hosts")},
};

const Template *templateOf(const QString &code) {
    for (const Template &t : kTemplates)
        if (code == QLatin1String(t.code))
            return &t;
    return nullptr;
}

struct Reason {
    const char *code; // rejectReasonName
    const char *text;
};

constexpr Reason kReasons[] = {
    {"unsigned",
     QT_TRANSLATE_NOOP("vmeclone::Event",
                       "not signed, and this listener takes only signed announcements")},
    {"bad-signature",
     QT_TRANSLATE_NOOP("vmeclone::Event", "bad signature: not signed with this VM's key (another "
                                          "VM's guest, a stale clone of it, or a forgery)")},
    {"mac-mismatch",
     QT_TRANSLATE_NOOP("vmeclone::Event", "its MAC is not the one this VM was given")},
    {"replayed",
     QT_TRANSLATE_NOOP("vmeclone::Event", "a replay: a sequence number or boot already seen")},
    {"vm-rate-limited",
     QT_TRANSLATE_NOOP("vmeclone::Event",
                       "more announcements for this VM than its guest sends: rate limited")},
};

// %1... of `text` from `args`, in one pass (an argument holding "%2" stays as it is).
QString fill(const QString &text, const QStringList &args) {
    switch (args.size()) {
    case 0:
        return text;
    case 1:
        return text.arg(args[0]);
    case 2:
        return text.arg(args[0], args[1]);
    case 3:
        return text.arg(args[0], args[1], args[2]);
    case 4:
        return text.arg(args[0], args[1], args[2], args[3]);
    default:
        return text.arg(args[0], args[1], args[2], args[3], args[4]);
    }
}

QString render(const QString &code, const QStringList &args, bool translated) {
    if (code == u"state") {
        // The state's name as the console's table says it (ui/vm_state_style.cpp).
        const QString state = args.value(0);
        QString text = translated ? QCoreApplication::translate("vmeclone::VmStateStyle",
                                                                state.toUtf8().constData())
                                  : state;
        if (!args.value(1).isEmpty())
            text += u": "_s + args.value(1); // the agent's own words
        if (args.value(2) == u"unsigned")
            text += translated ? QCoreApplication::translate("vmeclone::Event",
                                                             " (unverified: unsigned announcement)")
                               : u" (unverified: unsigned announcement)"_s;
        return text;
    }
    const Template *t = templateOf(code);
    if (!t)
        return {};
    QStringList shown = args;
    // Why, as core said it: its failure sentences in the reader's language (failure_text.h).
    if (translated && t->failure >= 0 && t->failure < shown.size())
        shown[t->failure] = failureText(shown[t->failure]);
    if (code == u"rejected" && !shown.isEmpty())
        shown[0] = EventText::rejection(shown[0], translated);
    if (code == u"shard-added" && shown.size() > 2)
        shown[2] = bytesText(shown[2].toLongLong());
    if (code == u"console-address" && shown.size() > 2 && shown[2].isEmpty())
        shown[2] =
            translated ? QCoreApplication::translate(kContext, kNone) : QString::fromUtf8(kNone);
    if (code == u"template-made" && shown.size() > 3 && !shown[3].isEmpty())
        shown[3] = u": "_s + shown[3]; // why it was made again, as the template check said it
    if (code == u"recovered" && !shown.isEmpty() && translated)
        shown[0] = QCoreApplication::translate(kContext, shown[0].toUtf8().constData());
    if (code == u"batch" && shown.size() > 4) {
        // The operation by its name, and whether the batch was cancelled.
        if (translated)
            shown[0] = QCoreApplication::translate(kContext, shown[0].toUtf8().constData());
        shown[4] = shown[4].isEmpty() ? QString()
                   : translated ? QCoreApplication::translate("vmeclone::Event", " (cancelled)")
                                : u" (cancelled)"_s;
    }
    return fill(translated ? QCoreApplication::translate(kContext, t->text)
                           : QString::fromUtf8(t->text),
                shown);
}

} // namespace

EventText EventText::make(const QString &code, const QStringList &args) {
    return {code, args, render(code, args, false)};
}

QString EventText::rejection(const QString &reason, bool translated) {
    for (const Reason &r : kReasons)
        if (reason == QLatin1String(r.code))
            return translated ? QCoreApplication::translate(kContext, r.text)
                              : QString::fromUtf8(r.text);
    return reason;
}

QString EventText::noHeartbeat(qint64 seconds) {
    return QString::fromUtf8(kNoHeartbeat).arg(seconds);
}

QString EventText::recoveryFailed(const QString &error) {
    return QString::fromUtf8(kRecoveryReason).arg(error);
}

QString reasonText(const QString &reason) {
    // Read back from the very sentences noHeartbeat and recoveryFailed write.
    static const QStringList around = QString::fromUtf8(kNoHeartbeat).split(u"%1"_s);
    static const QRegularExpression silent(u"^"_s + QRegularExpression::escape(around.value(0))
                                           + u"(\\d+)"_s
                                           + QRegularExpression::escape(around.value(1)) + u"$"_s);
    static const QString recovery = QString::fromUtf8(kRecoveryReason).section(u"%1"_s, 0, 0);
    if (reason.isEmpty())
        return reason;
    // A plain prefix test first: the table sorts its Detail column by this, row after row,
    // and most reasons are an agent's detail, which no pattern of ours matches.
    if (const auto m =
            reason.startsWith(around.value(0)) ? silent.match(reason) : QRegularExpressionMatch();
        m.hasMatch())
        return QCoreApplication::translate(kContext, kNoHeartbeat).arg(m.captured(1));
    if (reason.startsWith(recovery))
        return QCoreApplication::translate(kContext, kRecoveryReason)
            .arg(failureText(reason.mid(recovery.size())));
    return failureText(reason);
}

QStringList EventText::codes() {
    QStringList codes{u"state"_s};
    for (const Template &t : kTemplates)
        codes << QString::fromLatin1(t.code);
    return codes;
}

QString eventText(const QString &code, const QStringList &args, const QString &english) {
    // An event without a code is a failure as core said it (a start's, a release's), or a
    // text from elsewhere, which failureText leaves as it is.
    if (code.isEmpty())
        return failureText(english);
    const QString text = render(code, args, true);
    return text.isEmpty() ? english : text;
}

} // namespace vmeclone
