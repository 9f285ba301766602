#include "report_text.h"

#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone::report {

QString title() {
    return u"vmeclone inventory report"_s;
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
