#pragma once
// Plain-text tables for the terminal: columns padded to their widest cell.

#include <QList>
#include <QString>
#include <QStringList>

namespace vmeclone::cli {

class Table {
public:
    explicit Table(QStringList header) : m_header(std::move(header)) {}
    void addRow(QStringList row) { m_rows.append(std::move(row)); }
    QString toString() const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace vmeclone::cli
