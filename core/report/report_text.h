#pragma once
// Wording and small helpers every report writer shares (inventory_report.cpp for CSV and
// JSON, report_document.cpp for HTML and PDF), so the formats word times, states and
// shard usage the same way and fail with the same message.

#include "common/expected.h"
#include "inventory/records.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace vmeclone::report {

// The report's title: the HTML's <title> and <h1>, the PDF's title and page footer, in
// the program's language.
QString title();

// Every state in the enum's order (the summary lists them in this order).
QList<VmState> allStates();

// Instants for machines (JSON, CSV): ISO 8601 UTC with milliseconds, empty when unset.
QString isoOrEmpty(const QDateTime &t);
// Instants for people (HTML, PDF): local time to the second, "-" when unset.
QString localTime(const QDateTime &t);

// "online", or "copying 40%" while a copy runs (CSV, JSON: the state's code).
QString stateText(const VmRecord &vm);

// For people (HTML, PDF), in the program's language and locale (the console's; English
// and ISO dates in the C or an English locale): a time, a count, a size, a state by itself and with
// a copy's progress, a clone mode.
QString peopleTime(const QDateTime &t);
QString number(qint64 n);
QString bytes(qint64 n);
QString stateName(VmState state);
QString stateLabel(const VmRecord &vm);
QString cloneModeName(const QString &mode);

// The share of the shard in use, 0..1 (0 when its size is unknown).
double usedFraction(const ShardStatus &s);

// Text from guests or operators may hold control characters, which XML forbids and
// PDF text cannot show: they become U+FFFD (line breaks and tabs stay).
QString printable(const QString &text);

// "cannot write the report <path>: <why>: check that its folder exists and is writable"
QString cannotWrite(const QString &path, const QString &why);

// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
QString csvField(const QString &text);
// A JSON value as a CSV cell: strings as they are, numbers as integers, booleans as
// true/false, anything else empty.
QString jsonText(const QJsonValue &v);

// Writes `bytes` to a temporary file next to `path` and renames it over `path` only
// when complete, so a failed write leaves neither a partial report nor a stray file.
Status saveBytes(const QString &path, const QByteArray &bytes);

} // namespace vmeclone::report
