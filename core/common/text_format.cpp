#include "text_format.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {

QString bytesText(qint64 bytes) {
    return QLocale::c().formattedDataSize(std::max<qint64>(bytes, 0), 1,
                                          QLocale::DataSizeIecFormat);
}

QString durationText(qint64 seconds) {
    if (seconds <= 0)
        return u"-"_s;
    if (seconds < 60)
        return QCoreApplication::translate("vmeclone::TextFormat", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("vmeclone::TextFormat", "%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60);
    if (seconds < 86400)
        return QCoreApplication::translate("vmeclone::TextFormat", "%1 h %2 min")
            .arg(seconds / 3600)
            .arg(seconds % 3600 / 60);
    return QCoreApplication::translate("vmeclone::TextFormat", "%1 d %2 h")
        .arg(seconds / 86400)
        .arg(seconds % 86400 / 3600);
}

QString agoText(const QDateTime &t, const QDateTime &now) {
    if (!t.isValid())
        return u"-"_s;
    const qint64 s = std::max<qint64>(0, t.secsTo(now));
    if (s < 60)
        return QCoreApplication::translate("vmeclone::TextFormat", "%1 s ago").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("vmeclone::TextFormat", "%1 min ago").arg(s / 60);
    if (s < 86400)
        return QCoreApplication::translate("vmeclone::TextFormat", "%1 h ago").arg(s / 3600);
    return QCoreApplication::translate("vmeclone::TextFormat", "%1 d ago").arg(s / 86400);
}

} // namespace vmeclone
