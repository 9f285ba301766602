#pragma once
// How the engine, the CLI, the console and the reports write sizes, durations and ages:
// in the language of the translator the program installed (the console's), else English.

#include <QDateTime>
#include <QString>

namespace vmeclone {

// "29.9 MiB", IEC units with one decimal; a negative size is shown as 0.
QString bytesText(qint64 bytes);
// "-" for none, "42 s", "3 min 5 s", "2 h 10 min", "4 d 3 h".
QString durationText(qint64 seconds);
// "-" when never, "12 s ago", "3 min ago", "2 h ago", "4 d ago".
QString agoText(const QDateTime &t, const QDateTime &now = QDateTime::currentDateTime());

} // namespace vmeclone
