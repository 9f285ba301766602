#include "table.h"

using namespace Qt::StringLiterals;

namespace vmeclone::cli {

QString Table::toString() const
{
    QList<qsizetype> widths(m_header.size(), 0);
    auto measure = [&](const QStringList &row) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row[i].size());
    };
    measure(m_header);
    for (const auto &r : m_rows)
        measure(r);
    QString out;
    auto writeRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = i < row.size() ? row[i] : QString();
            line += i + 1 < widths.size() ? cell.leftJustified(widths[i] + 2) : cell;
        }
        out += line.trimmed() + u'\n';
    };
    writeRow(m_header);
    for (const auto &r : m_rows)
        writeRow(r);
    return out;
}

} // namespace vmeclone::cli
