#include "text_format.h"

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
        return u"%1 s"_s.arg(seconds);
    if (seconds < 3600)
        return u"%1 min %2 s"_s.arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return u"%1 h %2 min"_s.arg(seconds / 3600).arg(seconds % 3600 / 60);
    return u"%1 d %2 h"_s.arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QString agoText(const QDateTime &t, const QDateTime &now) {
    if (!t.isValid())
        return u"-"_s;
    const qint64 s = std::max<qint64>(0, t.secsTo(now));
    if (s < 60)
        return u"%1 s ago"_s.arg(s);
    if (s < 3600)
        return u"%1 min ago"_s.arg(s / 60);
    if (s < 86400)
        return u"%1 h ago"_s.arg(s / 3600);
    return u"%1 d ago"_s.arg(s / 86400);
}

} // namespace vmeclone
