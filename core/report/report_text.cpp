#include "report_text.h"

#include "common/text_format.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone::report {

QString title() {
    return QCoreApplication::translate("vmeclone::Report", "vmeclone inventory report");
}

QList<VmState> allStates() {
    QList<VmState> states;
    for (int i = 0; i <= static_cast<int>(VmState::Failed); ++i)
        states.append(static_cast<VmState>(i));
    return states;
}

QString isoOrEmpty(const QDateTime &t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString localTime(const QDateTime &t) {
    return t.isValid() ? t.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : u"-"_s;
}

namespace {
// Machines' formats and the C locale (the CLI's, unless LANG says otherwise) keep the
// wording the reports always had; a language of its own gets its own numbers and dates.
bool plainLocale() {
    const QLocale locale;
    return locale.language() == QLocale::C || locale.language() == QLocale::English;
}
} // namespace

QString peopleTime(const QDateTime &t) {
    if (plainLocale() || !t.isValid())
        return localTime(t);
    const QDateTime local = t.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + u' '
           + local.time().toString(u"HH:mm:ss"_s);
}

QString number(qint64 n) {
    return plainLocale() ? QString::number(n) : QLocale().toString(n);
}

QString bytes(qint64 n) {
    return plainLocale()
               ? bytesText(n)
               : QLocale().formattedDataSize(std::max<qint64>(n, 0), 1, QLocale::DataSizeIecFormat);
}

QString stateName(VmState state) {
    // The console's words for the states (ui/vm_state_style.cpp), so a report and the
    // table name a state alike.
    return QCoreApplication::translate("vmeclone::VmStateStyle",
                                       vmStateName(state).toUtf8().constData());
}

QString stateLabel(const VmRecord &vm) {
    QString text = stateName(vm.state);
    if (vm.state == VmState::Copying)
        text += u' ' + number(vm.progress) + u'%';
    return text;
}

QString cloneModeName(const QString &mode) {
    if (mode == u"linked")
        return QCoreApplication::translate("vmeclone::Report", "linked");
    if (mode == u"full")
        return QCoreApplication::translate("vmeclone::Report", "full");
    if (mode == u"instant")
        return QCoreApplication::translate("vmeclone::Report", "instant");
    return mode;
}

QString stateText(const VmRecord &vm) {
    QString text = vmStateName(vm.state);
    if (vm.state == VmState::Copying)
        text += u" %1%"_s.arg(vm.progress);
    return text;
}

double usedFraction(const ShardStatus &s) {
    if (s.bytesTotal <= 0)
        return 0;
    return std::clamp(1.0 - static_cast<double>(s.bytesFree) / static_cast<double>(s.bytesTotal),
                      0.0, 1.0);
}

QString printable(const QString &text) {
    QString out = text;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n' && u != u'\t' && u != u'\r') || u == 0x7f || u == 0xfffe
            || u == 0xffff)
            c = QChar(0xfffd);
    }
    return out;
}

QString cannotWrite(const QString &path, const QString &why) {
    return u"cannot write the report %1: %2: check that its folder exists and is writable"_s.arg(
        path, why);
}

Status saveBytes(const QString &path, const QByteArray &bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(cannotWrite(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(cannotWrite(path, file.errorString()));
    return {};
}

QString csvField(const QString &text) {
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(u'"', u"\"\""_s) + u'"';
}

QString jsonText(const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return QString::number(v.toInteger());
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    default:
        return {};
    }
}

} // namespace vmeclone::report
