#pragma once
// The inventory as operators take it away: a snapshot (goldens, shards with their free
// space probed now, VMs, counts per state) written as CSV, JSON, HTML or PDF, and its VMs
// as an Ansible inventory in YAML (ansible_inventory.h). The JSON
// objects are the ones `vmeclone list|golden list|shard list --json` print, and the CSV
// columns are the VM object's keys in the same order, so every format says the same.
//
// CSV is RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma,
// quote or line break. UTF-8 without a BOM: scripts and RFC 4180 readers would take a
// BOM as part of the first column's name (spreadsheets import it as UTF-8 when asked).
// Cells are written as they are, also ones starting with '=' (the reason comes from the
// operator's own signed agent; prefixing a quote would corrupt the data for scripts).
//
// The HTML and the PDF are one document (report_document.h): the PDF is the HTML page
// laid out by QTextDocument, so both carry the same sections, rows and counts. Writing
// a PDF needs fonts, so a QGuiApplication (the offscreen platform will do); it may run
// on any thread (the console writes reports on a worker thread).

#include "common/expected.h"
#include "inventory/records.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vmeclone {

class Inventory;

enum class ReportFormat { Csv, Json, Html, Pdf, Ansible };

class InventoryReport {
public:
    InventoryReport(QDateTime generatedAt, QString inventoryPath, QList<GoldenRecord> goldens,
                    QList<ShardStatus> shards, QList<VmRecord> vms);

    // Reads everything from `inventory` and probes each shard's free space. With
    // `unreachableAfterMs`, VM liveness is judged as every view judges it (judgeLiveness).
    static Expected<InventoryReport> take(Inventory &inventory, qint64 unreachableAfterMs = 0,
                                          const QDateTime &at = QDateTime::currentDateTimeUtc());

    static QString formatName(ReportFormat format); // "csv", "json", "html", "pdf", "ansible"
    static std::optional<ReportFormat> formatFromName(QStringView name);
    // By the file's extension (.csv, .json, .html/.htm, .pdf, .yml/.yaml: Ansible; any case).
    static std::optional<ReportFormat> formatFromPath(const QString &path);

    // The records as the CLI's --json prints them (one function, so they cannot drift).
    static QJsonObject vmJson(const VmRecord &vm, const GoldenRecord &golden, const Shard &shard);
    static QJsonObject goldenJson(const GoldenRecord &golden);
    static QJsonObject shardJson(const ShardStatus &status, int vmCount);
    static QStringList vmColumns(); // vmJson's keys in CSV column order

    QDateTime generatedAt() const { return m_generatedAt; }
    QString inventoryPath() const { return m_inventoryPath; }
    const QList<GoldenRecord> &goldens() const { return m_goldens; }
    const QList<ShardStatus> &shards() const { return m_shards; }
    const QList<VmRecord> &vms() const { return m_vms; }
    int count(VmState state) const;
    int vmCountOnShard(qint64 shardId) const;
    // The VM's golden and shard (empty records when the report does not hold them).
    GoldenRecord goldenOf(const VmRecord &vm) const;
    Shard shardOf(const VmRecord &vm) const;

    QByteArray toCsv() const;
    QJsonObject toJson() const; // generated_at, inventory, summary, goldens, shards, vms
    QString toHtml() const;     // self-contained XHTML-compatible page; the PDF's source

    // Each writes a temporary file next to `path` and renames it over `path` only when
    // complete; errors name the file.
    Status write(const QString &path, ReportFormat format) const;
    Status writeCsv(const QString &path) const;
    Status writeJson(const QString &path) const;
    Status writeHtml(const QString &path) const;
    // toHtml() laid out on A4 landscape: page numbers, the VM table's header row on every page.
    Status writePdf(const QString &path) const;
    // The VMs as an Ansible YAML inventory (AnsibleInventory::fromReport).
    Status writeAnsible(const QString &path) const;

private:
    QDateTime m_generatedAt;
    QString m_inventoryPath;
    QList<GoldenRecord> m_goldens;
    QList<ShardStatus> m_shards;
    QList<VmRecord> m_vms;
};

} // namespace vmeclone
