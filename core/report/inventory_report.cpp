#include "inventory_report.h"

#include "inventory/liveness.h"

#include "common/text_format.h"

#include "inventory/inventory.h"

#include <QAbstractTextDocumentLayout>
#include <QColor>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const QString kTitle = u"vmeclone inventory report"_s;

QList<VmState> allStates() {
    QList<VmState> states;
    for (int i = 0; i <= static_cast<int>(VmState::Failed); ++i)
        states.append(static_cast<VmState>(i));
    return states;
}

QString isoOrEmpty(const QDateTime &t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Times for people reading the report: local, to the second.
QString localTime(const QDateTime &t) {
    return t.isValid() ? t.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : u"-"_s;
}


QString stateText(const VmRecord &vm) {
    QString text = vmStateName(vm.state);
    if (vm.state == VmState::Copying)
        text += u" %1%"_s.arg(vm.progress);
    return text;
}

// One colour per state, the console's, in the HTML and the PDF.
QColor stateColour(VmState state) {
    return QColor::fromRgb(vmStateColour(state));
}

const QColor kBarBackground(0xd9d9d9);
const QColor kBarUsed(0x1e88e5);
const QColor kBarFull(0xc62828);
const QColor kProblem(0xc62828);

double usedFraction(const ShardStatus &s) {
    if (s.bytesTotal <= 0)
        return 0;
    return std::clamp(1.0 - static_cast<double>(s.bytesFree) / static_cast<double>(s.bytesTotal),
                      0.0, 1.0);
}

QColor barColour(double used) {
    return used >= 0.9 ? kBarFull : kBarUsed;
}

QString shardLabel(const ShardStatus &s, int vms) {
    QString label = s.shard.path;
    if (!s.deviceId.isEmpty())
        label += u"  \u00b7  device %1"_s.arg(s.deviceId);
    if (!s.filesystem.isEmpty())
        label += u", %1"_s.arg(s.filesystem);
    return label + u"  \u00b7  %1 %2"_s.arg(vms).arg(vms == 1 ? u"VM"_s : u"VMs"_s);
}

QString shardUsage(const ShardStatus &s) {
    return u"%1 free of %2 (%3% in use)"_s.arg(bytesText(s.bytesFree), bytesText(s.bytesTotal))
        .arg(qRound(usedFraction(s) * 100));
}

// Text from guests or operators may hold control characters, which XML forbids and
// PDF text cannot show: they become U+FFFD (line breaks and tabs stay).
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

QString esc(const QString &text) {
    return printable(text).toHtmlEscaped();
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

// The VM's fields in one list, so the JSON object and the CSV columns come from the
// same place.
using VmValue = QJsonValue (*)(const VmRecord &, const GoldenRecord &, const Shard &);
struct VmField {
    QString key;
    VmValue value;
};

const QList<VmField> &vmFields() {
    static const QList<VmField> fields = {
        {u"name"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.name;
         }},
        {u"ip"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.address.toString();
         }},
        {u"suffix"_s,
         [](const auto &vm, const auto &g, const auto &) -> QJsonValue {
             return static_cast<qint64>(g.subnet.suffixOf(vm.address));
         }},
        {u"mac"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.mac.toString();
         }},
        {u"state"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vmStateName(vm.state);
         }},
        {u"progress"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.progress;
         }},
        {u"reason"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.reason;
         }},
        {u"golden"_s,
         [](const auto &, const auto &g, const auto &) -> QJsonValue {
             return g.name;
         }},
        {u"clone_mode"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.cloneMode;
         }},
        {u"shard"_s,
         [](const auto &, const auto &, const auto &s) -> QJsonValue {
             return s.path;
         }},
        {u"folder"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.folder;
         }},
        {u"boots"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.boots;
         }},
        {u"boot_id"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.bootId;
         }},
        {u"uptime_seconds"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.uptimeSeconds;
         }},
        {u"pid"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.pid;
         }},
        {u"created_at"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return isoOrEmpty(vm.createdAt);
         }},
        {u"state_changed_at"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return isoOrEmpty(vm.stateChangedAt);
         }},
        {u"last_seen"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return isoOrEmpty(vm.lastSeen);
         }},
        {u"online_at"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return isoOrEmpty(vm.onlineAt);
         }},
    };
    return fields;
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

// ---- PDF ------------------------------------------------------------------------------

constexpr int kPdfDpi = 300;

// Lengths in a QTextDocument's formats are CSS pixels (1/96 inch): its layout scales
// them to the device.
double css(double points) {
    return points * 96.0 / 72.0;
}

// Lengths for QPainter on the PDF writer are device pixels.
double pt(double points) {
    return points * kPdfDpi / 72.0;
}

QFont reportFont(double pointSize, bool bold = false) {
    QFont font;
    font.setFamilies({u"DejaVu Sans"_s, u"Liberation Sans"_s, u"Noto Sans"_s});
    font.setStyleHint(QFont::SansSerif);
    // No Latin ligatures: an "fi" glyph would make "configured" unsearchable in the PDF.
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

QTextCharFormat charFormat(double pointSize, bool bold = false, QColor colour = Qt::black) {
    QTextCharFormat f;
    f.setFont(reportFont(pointSize, bold));
    f.setForeground(colour);
    return f;
}

// Builds a QTextDocument with headings, paragraphs and tables whose header row repeats
// on every page.
class DocumentBuilder {
public:
    // One edit block: the document is laid out once at the end, not after every cell
    // (which is quadratic in the number of VMs).
    DocumentBuilder(QTextDocument *doc, double pointSize)
        : m_cursor(doc)
        , m_pointSize(pointSize) {
        m_cursor.beginEditBlock();
    }
    ~DocumentBuilder() { m_cursor.endEditBlock(); }
    DocumentBuilder(const DocumentBuilder &) = delete;
    DocumentBuilder &operator=(const DocumentBuilder &) = delete;

    void paragraph(const QString &text, double pointSize, bool bold = false,
                   double spaceAbove = 0) {
        newBlock(spaceAbove);
        m_cursor.insertText(printable(text), charFormat(pointSize, bold));
    }

    // `numeric` columns are right-aligned; a `fullWidth` table spans the page; columns
    // without a width in `widths` are sized by their content.
    QTextTable *table(const QStringList &headers, int rows, bool fullWidth,
                      const QList<int> &numeric = {}, const QList<QTextLength> &widths = {}) {
        newBlock(css(4));
        QTextTableFormat format;
        format.setHeaderRowCount(1);
        format.setCellPadding(css(1.5));
        format.setCellSpacing(0);
        format.setBorder(1); // one CSS pixel: a light grid
        format.setBorderBrush(QColor(0xb0b0b0));
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setBorderCollapse(true);
        format.setBottomMargin(css(8)); // block top margins are not kept after a table
        // Columns sized by their content (fixed shares cut words in narrow columns).
        if (fullWidth)
            format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        if (!widths.isEmpty())
            format.setColumnWidthConstraints(widths);
        QTextTable *t = m_cursor.insertTable(rows + 1, static_cast<int>(headers.size()), format);
        m_numeric = numeric;
        for (int c = 0; c < headers.size(); ++c) {
            QTextTableCell cell = t->cellAt(0, c);
            QTextTableCellFormat cf = cell.format().toTableCellFormat();
            cf.setBackground(QColor(0xf0f0f0));
            cell.setFormat(cf);
            cell.firstCursorPosition().insertText(headers[c], charFormat(m_pointSize, true));
        }
        return t;
    }

    void cell(QTextTable *t, int row, int column, const QString &text, QColor colour = Qt::black,
              bool bold = false) {
        QTextCursor c = t->cellAt(row + 1, column).firstCursorPosition();
        if (m_numeric.contains(column)) {
            QTextBlockFormat bf = c.blockFormat();
            bf.setAlignment(Qt::AlignRight);
            c.setBlockFormat(bf);
        }
        c.insertText(printable(text), charFormat(m_pointSize, bold, colour));
    }

    void endTable() { m_cursor.movePosition(QTextCursor::End); }

private:
    void newBlock(double spaceAbove) {
        if (m_cursor.block().length() > 1 || m_cursor.currentTable())
            m_cursor.insertBlock();
        QTextBlockFormat bf;
        bf.setTopMargin(spaceAbove);
        bf.setBottomMargin(css(2));
        m_cursor.setBlockFormat(bf);
    }

    QTextCursor m_cursor;
    double m_pointSize;
    QList<int> m_numeric;
};

// Draws page `index` of a paginated document at the top of the current page.
void drawDocumentPage(QPainter &p, QTextDocument &doc, int index, const QSizeF &body) {
    p.save();
    const QRectF view(0, index * body.height(), body.width(), body.height());
    p.translate(0, -view.top());
    p.setClipRect(view);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = view;
    context.palette.setColor(QPalette::Text, Qt::black);
    doc.documentLayout()->draw(&p, context);
    p.restore();
}

void drawShardRow(QPainter &p, const ShardStatus &s, int vms, const QRectF &row,
                  double lineHeight) {
    p.save();
    p.setFont(reportFont(8));
    const QFontMetricsF metrics(p.font(), p.device());
    p.setPen(Qt::black);
    p.drawText(QPointF(row.left(), row.top() + metrics.ascent()),
               metrics.elidedText(printable(shardLabel(s, vms)), Qt::ElideMiddle, row.width()));
    const double barTop = row.top() + lineHeight * 1.15;
    if (!s.usable()) {
        p.setPen(kProblem);
        p.drawText(QPointF(row.left(), barTop + metrics.ascent()),
                   metrics.elidedText(printable(s.error), Qt::ElideRight, row.width()));
    } else {
        const double used = usedFraction(s);
        const QRectF bar(row.left(), barTop, row.width() * 0.6, lineHeight * 0.85);
        p.setPen(Qt::NoPen);
        p.setBrush(kBarBackground);
        p.drawRect(bar);
        p.setBrush(barColour(used));
        p.drawRect(QRectF(bar.topLeft(), QSizeF(bar.width() * used, bar.height())));
        p.setPen(Qt::black);
        p.setBrush(Qt::NoBrush);
        p.drawText(
            QPointF(bar.right() + pt(6), barTop + metrics.ascent()),
            metrics.elidedText(shardUsage(s), Qt::ElideRight, row.width() - bar.width() - pt(6)));
    }
    p.restore();
}

void drawFooter(QPainter &p, const QSizeF &page, const QString &left, int number, int total) {
    p.save();
    p.setFont(reportFont(7));
    p.setPen(QColor(0x606060));
    const QFontMetricsF metrics(p.font(), p.device());
    const double y = page.height() - metrics.descent();
    p.drawText(QPointF(0, y), metrics.elidedText(left, Qt::ElideRight, page.width() * 0.7));
    const QString right = u"Page %1 of %2"_s.arg(number).arg(total);
    p.drawText(QPointF(page.width() - metrics.horizontalAdvance(right), y), right);
    p.restore();
}

} // namespace

InventoryReport::InventoryReport(QDateTime generatedAt, QString inventoryPath,
                                 QList<GoldenRecord> goldens, QList<ShardStatus> shards,
                                 QList<VmRecord> vms)
    : m_generatedAt(std::move(generatedAt))
    , m_inventoryPath(std::move(inventoryPath))
    , m_goldens(std::move(goldens))
    , m_shards(std::move(shards))
    , m_vms(std::move(vms)) {}

Expected<InventoryReport> InventoryReport::take(Inventory &inventory, qint64 unreachableAfterMs,
                                               const QDateTime &at) {
    // VMs first: a golden or shard cannot be removed while a VM uses it, so every VM
    // read here still finds its golden and shard in the reads that follow.
    auto vms = inventory.vms();
    if (!vms)
        return fail(vms.error());
    if (unreachableAfterMs > 0)
        judgeLiveness(*vms, at, unreachableAfterMs);
    auto goldens = inventory.goldens();
    if (!goldens)
        return fail(goldens.error());
    auto shards = inventory.shards();
    if (!shards)
        return fail(shards.error());
    return InventoryReport(at, inventory.path(), *goldens, ShardProbe::probe(*shards), *vms);
}

QString InventoryReport::formatName(ReportFormat format) {
    switch (format) {
    case ReportFormat::Csv:
        return u"csv"_s;
    case ReportFormat::Json:
        return u"json"_s;
    case ReportFormat::Html:
        return u"html"_s;
    case ReportFormat::Pdf:
        return u"pdf"_s;
    }
    return {};
}

std::optional<ReportFormat> InventoryReport::formatFromName(QStringView name) {
    for (auto f : {ReportFormat::Csv, ReportFormat::Json, ReportFormat::Html, ReportFormat::Pdf}) {
        if (name.compare(formatName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

std::optional<ReportFormat> InventoryReport::formatFromPath(const QString &path) {
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.compare(u"htm"_s, Qt::CaseInsensitive) == 0)
        return ReportFormat::Html;
    return suffix.isEmpty() ? std::nullopt : formatFromName(suffix);
}

QJsonObject InventoryReport::vmJson(const VmRecord &vm, const GoldenRecord &golden,
                                    const Shard &shard) {
    QJsonObject o;
    for (const auto &f : vmFields())
        o.insert(f.key, f.value(vm, golden, shard));
    return o;
}

namespace {
QJsonArray dnsArray(const QList<Ipv4Address> &servers) {
    QJsonArray array;
    for (const auto &a : servers)
        array.append(a.toString());
    return array;
}
} // namespace

QJsonObject InventoryReport::goldenJson(const GoldenRecord &g) {
    return {
        {u"name"_s, g.name},
        {u"backend"_s, g.backend},
        {u"path"_s, g.path},
        {u"subnet"_s, g.subnet.toString()},
        {u"suffix"_s, static_cast<qint64>(g.suffix())},
        {u"ip"_s, g.address.toString()},
        {u"gateway"_s, g.gateway.toUInt() ? g.gateway.toString() : QString()},
        {u"disk_bytes"_s, g.diskBytes},
        {u"console_address"_s, g.consoleAddress.toUInt() ? g.consoleAddress.toString() : QString()},
        {u"dns"_s, dnsArray(g.dns)},
        {u"added_at"_s, isoOrEmpty(g.addedAt)}};
}

QJsonObject InventoryReport::shardJson(const ShardStatus &s, int vmCount) {
    return {{u"path"_s, s.shard.path},
            {u"weight"_s, s.shard.weight},
            {u"device"_s, s.deviceId},
            {u"filesystem"_s, s.filesystem},
            {u"bytes_total"_s, s.bytesTotal},
            {u"bytes_free"_s, s.bytesFree},
            {u"vms"_s, vmCount},
            {u"error"_s, s.error}};
}

QStringList InventoryReport::vmColumns() {
    QStringList keys;
    for (const auto &f : vmFields())
        keys.append(f.key);
    return keys;
}

int InventoryReport::count(VmState state) const {
    return static_cast<int>(std::count_if(m_vms.begin(), m_vms.end(),
                                          [&](const VmRecord &vm) { return vm.state == state; }));
}

int InventoryReport::vmCountOnShard(qint64 shardId) const {
    return static_cast<int>(std::count_if(
        m_vms.begin(), m_vms.end(), [&](const VmRecord &vm) { return vm.shardId == shardId; }));
}

GoldenRecord InventoryReport::goldenOf(const VmRecord &vm) const {
    for (const auto &g : m_goldens) {
        if (g.id == vm.goldenId)
            return g;
    }
    return {};
}

Shard InventoryReport::shardOf(const VmRecord &vm) const {
    for (const auto &s : m_shards) {
        if (s.shard.id == vm.shardId)
            return s.shard;
    }
    return {};
}

// ---- CSV and JSON -------------------------------------------------------------------------

QByteArray InventoryReport::toCsv() const {
    QString text = vmColumns().join(u',') + u"\r\n"_s;
    for (const auto &vm : m_vms) {
        const GoldenRecord golden = goldenOf(vm);
        const Shard shard = shardOf(vm);
        QStringList row;
        for (const auto &f : vmFields())
            row.append(csvField(jsonText(f.value(vm, golden, shard))));
        text += row.join(u',') + u"\r\n"_s;
    }
    return text.toUtf8();
}

QJsonObject InventoryReport::toJson() const {
    QJsonObject summary;
    for (VmState state : allStates())
        summary.insert(vmStateName(state), count(state));
    QJsonArray goldens;
    for (const auto &g : m_goldens)
        goldens.append(goldenJson(g));
    QJsonArray shards;
    for (const auto &s : m_shards)
        shards.append(shardJson(s, vmCountOnShard(s.shard.id)));
    QJsonArray vms;
    for (const auto &vm : m_vms)
        vms.append(vmJson(vm, goldenOf(vm), shardOf(vm)));
    return {{u"generated_at"_s, isoOrEmpty(m_generatedAt)},
            {u"inventory"_s, m_inventoryPath},
            {u"summary"_s, summary},
            {u"goldens"_s, goldens},
            {u"shards"_s, shards},
            {u"vms"_s, vms}};
}

// ---- HTML --------------------------------------------------------------------------------

QString InventoryReport::toHtml() const {
    // XHTML-compatible (every element closed, no named entities) so XML tools read it too.
    QString h;
    h += u"<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
         u"<meta charset=\"utf-8\"/>\n<title>"_s
         + esc(kTitle) + u"</title>\n"_s;
    h += uR"(<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #222; margin: 1.5em; }
h1 { font-size: 16pt; margin: 0 0 0.2em; }
h2 { font-size: 12pt; margin: 1.2em 0 0.3em; page-break-after: avoid; }
p.meta { color: #555; margin: 0 0 1em; }
table { border-collapse: collapse; margin: 0.3em 0 1em; }
th, td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; }
td.detail { white-space: pre-wrap; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; vertical-align: -0.05em; }
.problem { color: #c62828; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; font-size: 8pt; } }
</style>
</head>
<body>
)"_s;
    h += u"<h1>"_s + esc(kTitle) + u"</h1>\n"_s;
    h += u"<p class=\"meta\">Generated %1 \u00b7 inventory %2 \u00b7 %3 VMs</p>\n"_s.arg(
        esc(localTime(m_generatedAt)), esc(m_inventoryPath), QString::number(m_vms.size()));

    const auto swatch = [](VmState state) {
        return u"<span class=\"swatch\" style=\"background: %1\"></span>"_s.arg(
            stateColour(state).name());
    };

    h += u"<h2>VMs per state</h2>\n<table class=\"states\">\n<thead><tr><th>State</th><th>VMs</th>"
         u"</tr></thead>\n<tbody>\n"_s;
    for (VmState state : allStates()) {
        if (const int n = count(state); n > 0)
            h += u"<tr><td>%1%2</td><td class=\"num\">%3</td></tr>\n"_s.arg(
                swatch(state), esc(vmStateName(state)), QString::number(n));
    }
    h += u"<tr><th>total</th><td class=\"num\">%1</td></tr>\n</tbody>\n</table>\n"_s.arg(
        m_vms.size());

    h += u"<h2>Golden images</h2>\n"_s;
    if (m_goldens.isEmpty()) {
        h += u"<p>No golden image is registered.</p>\n"_s;
    } else {
        h += u"<table class=\"goldens\">\n<thead><tr><th>Name</th><th>Backend</th><th>IP</th>"
             u"<th>Subnet</th><th>Disk</th><th>Path</th></tr></thead>\n<tbody>\n"_s;
        for (const auto &g : m_goldens)
            h += u"<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td class=\"num\">%5</td>"
                 u"<td>%6</td></tr>\n"_s.arg(esc(g.name), esc(g.backend), esc(g.address.toString()),
                                             esc(g.subnet.toString()),
                                             esc(bytesText(g.diskBytes)), esc(g.path));
        h += u"</tbody>\n</table>\n"_s;
    }

    h += u"<h2>Disk shards</h2>\n"_s;
    if (m_shards.isEmpty()) {
        h += u"<p>No disk shard is registered.</p>\n"_s;
    } else {
        h += u"<table class=\"shards\">\n<thead><tr><th>Path</th><th>Device</th><th>Filesystem</th>"
             u"<th>Free</th><th>Total</th><th>VMs</th><th>Problem</th></tr></thead>\n<tbody>\n"_s;
        for (const auto &s : m_shards)
            h += u"<tr><td>%1</td><td>%2</td><td>%3</td><td class=\"num\">%4</td>"
                 u"<td class=\"num\">%5</td><td class=\"num\">%6</td><td class=\"problem\">%7</td>"
                 u"</tr>\n"_s.arg(esc(s.shard.path), esc(s.deviceId), esc(s.filesystem),
                                  esc(s.usable() ? bytesText(s.bytesFree) : u"-"_s),
                                  esc(s.usable() ? bytesText(s.bytesTotal) : u"-"_s),
                                  QString::number(vmCountOnShard(s.shard.id)), esc(s.error));
        h += u"</tbody>\n</table>\n"_s;

        // The usage chart: one labelled bar per shard in a 700-unit-wide box (long labels
        // may run past it rather than be cut).
        constexpr int kRow = 40, kBar = 460;
        h += u"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"shard-usage\" width=\"700\" "
             u"height=\"%1\" viewBox=\"0 0 700 %1\" style=\"overflow: visible\" "
             u"font-family=\"DejaVu Sans, Arial, sans-serif\" "
             u"font-size=\"11\">\n"_s.arg(kRow * m_shards.size());
        int y = 0;
        for (const auto &s : m_shards) {
            h += u"<text x=\"0\" y=\"%1\">%2</text>\n"_s.arg(y + 12).arg(
                esc(shardLabel(s, vmCountOnShard(s.shard.id))));
            if (!s.usable()) {
                h += u"<text x=\"0\" y=\"%1\" fill=\"%2\">%3</text>\n"_s.arg(y + 28).arg(
                    kProblem.name(), esc(s.error));
            } else {
                const double used = usedFraction(s);
                h += u"<rect x=\"0\" y=\"%1\" width=\"%2\" height=\"14\" fill=\"%3\"/>\n"_s
                         .arg(y + 17)
                         .arg(kBar)
                         .arg(kBarBackground.name());
                h += u"<rect class=\"used\" x=\"0\" y=\"%1\" width=\"%2\" height=\"14\" "
                     u"fill=\"%3\"/>\n"_s.arg(y + 17)
                         .arg(QString::number(kBar * used, 'f', 1), barColour(used).name());
                h += u"<text x=\"%1\" y=\"%2\">%3</text>\n"_s.arg(kBar + 10).arg(y + 28).arg(
                    esc(shardUsage(s)));
            }
            y += kRow;
        }
        h += u"</svg>\n"_s;
    }

    h += u"<h2>VMs</h2>\n"_s;
    if (m_vms.isEmpty()) {
        h += u"<p>No VMs in the inventory.</p>\n"_s;
    } else {
        h += u"<table class=\"vms\">\n<thead><tr><th>Name</th><th>IP</th><th>MAC</th><th>State</th>"
             u"<th>Golden</th><th>Clone</th><th>Shard</th><th>Boots</th><th>Uptime</th>"
             u"<th>Last seen</th><th>Detail</th></tr></thead>\n<tbody>\n"_s;
        // Cell by cell, not one chained arg(): text put in by one arg() may hold "%2".
        const auto td = [](const QString &html, const QString &cls = {}) -> QString {
            return (cls.isEmpty() ? u"<td>"_s : u"<td class=\"%1\">"_s.arg(cls)) + html
                   + u"</td>"_s;
        };
        for (const auto &vm : m_vms) {
            h += u"<tr>"_s + td(esc(vm.name)) + td(esc(vm.address.toString()))
                 + td(esc(vm.mac.toString())) + td(swatch(vm.state) + esc(stateText(vm)))
                 + td(esc(goldenOf(vm).name)) + td(esc(vm.cloneMode)) + td(esc(shardOf(vm).path))
                 + td(QString::number(vm.boots), u"num"_s)
                 + td(esc(durationText(vm.uptimeSeconds)), u"num"_s)
                 + td(esc(localTime(vm.lastSeen))) + td(esc(vm.reason), u"detail"_s) + u"</tr>\n"_s;
        }
        h += u"</tbody>\n</table>\n"_s;
    }
    h += u"</body>\n</html>\n"_s;
    return h;
}

// ---- writers ------------------------------------------------------------------------------

Status InventoryReport::write(const QString &path, ReportFormat format) const {
    switch (format) {
    case ReportFormat::Csv:
        return writeCsv(path);
    case ReportFormat::Json:
        return writeJson(path);
    case ReportFormat::Html:
        return writeHtml(path);
    case ReportFormat::Pdf:
        return writePdf(path);
    }
    return fail(u"unknown report format"_s);
}

Status InventoryReport::writeCsv(const QString &path) const {
    return saveBytes(path, toCsv());
}

Status InventoryReport::writeJson(const QString &path) const {
    return saveBytes(path, QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
}

Status InventoryReport::writeHtml(const QString &path) const {
    return saveBytes(path, toHtml().toUtf8());
}

Status InventoryReport::writePdf(const QString &path) const {
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(u"cannot write the PDF report %1: a PDF needs fonts, which this program "
                    u"cannot load without a Qt GUI application: export HTML and print it to PDF "
                    u"instead"_s.arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(cannotWrite(path, file.errorString()));

    QPdfWriter writer(&file);
    writer.setCreator(u"vmeclone"_s);
    writer.setTitle(kTitle);
    writer.setResolution(kPdfDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                     QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    const QSizeF page(writer.width(), writer.height()); // inside the margins, device pixels
    const double lineHeight = QFontMetricsF(reportFont(8), &writer).height();
    const QSizeF body(page.width(), page.height() - lineHeight * 2.5); // room for the footer

    const auto prepare = [&](QTextDocument &doc) {
        doc.documentLayout()->setPaintDevice(&writer);
        doc.setDocumentMargin(0);
        doc.setDefaultFont(reportFont(8));
        doc.setPageSize(body);
    };

    // The summary: counts per state, goldens, shards (the chart follows it).
    QTextDocument summaryDoc;
    prepare(summaryDoc);
    {
        DocumentBuilder b(&summaryDoc, 8);
        b.paragraph(kTitle, 16, true);
        b.paragraph(
            u"Generated %1 \u00b7 inventory %2"_s.arg(localTime(m_generatedAt), m_inventoryPath),
            8);
        b.paragraph(u"VMs per state"_s, 12, true, css(14));
        QList<VmState> present;
        for (VmState state : allStates()) {
            if (count(state) > 0)
                present.append(state);
        }
        QTextTable *t =
            b.table({u"State"_s, u"VMs"_s}, static_cast<int>(present.size()) + 1, false, {1});
        for (int i = 0; i < present.size(); ++i) {
            b.cell(t, i, 0, vmStateName(present[i]), stateColour(present[i]), true);
            b.cell(t, i, 1, QString::number(count(present[i])));
        }
        b.cell(t, static_cast<int>(present.size()), 0, u"total"_s, Qt::black, true);
        b.cell(t, static_cast<int>(present.size()), 1, QString::number(m_vms.size()), Qt::black,
               true);
        b.endTable();

        b.paragraph(u"Golden images"_s, 12, true, css(14));
        if (m_goldens.isEmpty()) {
            b.paragraph(u"No golden image is registered."_s, 8);
        } else {
            t = b.table({u"Name"_s, u"Backend"_s, u"IP"_s, u"Subnet"_s, u"Disk"_s, u"Path"_s},
                        static_cast<int>(m_goldens.size()), true, {4});
            for (int i = 0; i < m_goldens.size(); ++i) {
                const auto &g = m_goldens[i];
                const QStringList cells{g.name,
                                        g.backend,
                                        g.address.toString(),
                                        g.subnet.toString(),
                                        bytesText(g.diskBytes),
                                        g.path};
                for (int c = 0; c < cells.size(); ++c)
                    b.cell(t, i, c, cells[c]);
            }
            b.endTable();
        }

        b.paragraph(u"Disk shards"_s, 12, true, css(14));
        if (m_shards.isEmpty()) {
            b.paragraph(u"No disk shard is registered."_s, 8);
        } else {
            t = b.table({u"Path"_s, u"Device"_s, u"Filesystem"_s, u"Free"_s, u"Total"_s, u"VMs"_s,
                         u"Problem"_s},
                        static_cast<int>(m_shards.size()), true, {3, 4, 5});
            for (int i = 0; i < m_shards.size(); ++i) {
                const auto &s = m_shards[i];
                const QStringList cells{s.shard.path,
                                        s.deviceId,
                                        s.filesystem,
                                        s.usable() ? bytesText(s.bytesFree) : u"-"_s,
                                        s.usable() ? bytesText(s.bytesTotal) : u"-"_s,
                                        QString::number(vmCountOnShard(s.shard.id))};
                for (int c = 0; c < cells.size(); ++c)
                    b.cell(t, i, c, cells[c]);
                b.cell(t, i, 6, s.error, kProblem);
            }
            b.endTable();
        }
    }

    // The full VM list, on pages of its own.
    QTextDocument vmDoc;
    prepare(vmDoc);
    {
        DocumentBuilder b(&vmDoc, 7);
        b.paragraph(u"VMs"_s, 12, true);
        if (m_vms.isEmpty()) {
            b.paragraph(u"No VMs in the inventory."_s, 8);
        } else {
            // Columns of known shape get exactly their width; name, golden, shard and
            // detail share the rest (sized by content, they squeezed addresses into two lines).
            const auto fixed = [&](const QString &widest, bool bold = false) {
                const QFontMetricsF m(reportFont(7, bold), &writer);
                return QTextLength(QTextLength::FixedLength,
                                   m.horizontalAdvance(widest) * 96.0 / kPdfDpi + css(1.5) * 2
                                       + css(4));
            };
            const QTextLength variable(QTextLength::VariableLength, 0);
            QTextTable *t =
                b.table({u"Name"_s, u"IP"_s, u"MAC"_s, u"State"_s, u"Golden"_s, u"Shard"_s,
                         u"Boots"_s, u"Uptime"_s, u"Last seen"_s, u"Detail"_s},
                        static_cast<int>(m_vms.size()), true, {6, 7},
                        {variable, fixed(u"255.255.255.255"_s), fixed(u"00:00:00:00:00:00"_s),
                         fixed(u"unreachable"_s, true), variable, variable, fixed(u"Boots"_s, true),
                         fixed(u"23 min 59 s"_s), fixed(u"2024-12-31 23:59:59"_s), variable});
            for (int i = 0; i < m_vms.size(); ++i) {
                const auto &vm = m_vms[i];
                const QStringList cells{vm.name,
                                        vm.address.toString(),
                                        vm.mac.toString(),
                                        {},
                                        goldenOf(vm).name,
                                        shardOf(vm).path,
                                        QString::number(vm.boots),
                                        durationText(vm.uptimeSeconds),
                                        localTime(vm.lastSeen),
                                        vm.reason};
                for (int c = 0; c < cells.size(); ++c) {
                    if (c == 3)
                        b.cell(t, i, c, stateText(vm), stateColour(vm.state), true);
                    else
                        b.cell(t, i, c, cells[c]);
                }
            }
            b.endTable();
        }
    }

    // Laid out twice: once to count the pages ("Page 2 of 5"), once to paint.
    const QString footer = u"%1 \u00b7 %2"_s.arg(kTitle, localTime(m_generatedAt));
    const double chartRow = lineHeight * 2.6;
    QPainter painter;
    const auto render = [&](QPainter *p, int total) {
        int pages = 0;
        const auto finishPage = [&] {
            if (p)
                drawFooter(*p, page, footer, pages + 1, total);
            ++pages;
        };
        const auto newPage = [&] {
            finishPage();
            if (p)
                writer.newPage();
        };
        const int summaryPages = summaryDoc.pageCount();
        for (int i = 0; i < summaryPages; ++i) {
            if (i > 0)
                newPage();
            if (p)
                drawDocumentPage(*p, summaryDoc, i, body);
        }
        double y = summaryDoc.documentLayout()->documentSize().height()
                   - (summaryPages - 1) * body.height();
        // The chart's heading stays with its first bar.
        const QFont headingFont = reportFont(12, true);
        const QFontMetricsF headingMetrics(headingFont, &writer);
        const double headingHeight = headingMetrics.height() * 1.8;
        if (!m_shards.isEmpty()) {
            if (y + headingHeight + chartRow > body.height()) {
                newPage();
                y = 0;
            }
            if (p) {
                p->setFont(headingFont);
                p->setPen(Qt::black);
                p->drawText(QPointF(0, y + headingHeight - headingMetrics.height() * 0.4
                                           - headingMetrics.descent()),
                            u"Disk shard usage"_s);
            }
            y += headingHeight;
        }
        for (const auto &s : m_shards) {
            if (y + chartRow > body.height()) {
                newPage();
                y = 0;
            }
            if (p)
                drawShardRow(*p, s, vmCountOnShard(s.shard.id),
                             QRectF(0, y, body.width(), chartRow), lineHeight);
            y += chartRow;
        }
        newPage();
        for (int i = 0; i < vmDoc.pageCount(); ++i) {
            if (i > 0)
                newPage();
            if (p)
                drawDocumentPage(*p, vmDoc, i, body);
        }
        finishPage();
        return pages;
    };
    const int total = render(nullptr, 0);
    if (!painter.begin(&writer))
        return fail(cannotWrite(path, u"the PDF writer did not start"_s));
    render(&painter, total);
    if (!painter.end())
        return fail(cannotWrite(path, u"the PDF writer did not finish"_s));
    if (!file.commit())
        return fail(cannotWrite(path, file.errorString()));
    return {};
}

} // namespace vmeclone
