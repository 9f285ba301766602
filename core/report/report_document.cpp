#include "report_document.h"

#include "common/text_format.h"
#include "inventory_report.h"
#include "report_text.h"

#include <QAbstractTextDocumentLayout>
#include <QColor>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace vmeclone::report {
namespace {

const QColor kBarBackground(0xd9d9d9);
const QColor kBarUsed(0x1e88e5);
const QColor kBarFull(0xc62828);

QColor barColour(double used) {
    return used >= 0.9 ? kBarFull : kBarUsed;
}

// Escaped for element text and attribute values. Line ends become LF, as an XML reader
// would make them anyway, so the PDF (QTextDocument) breaks lines where a browser does.
QString esc(const QString &text) {
    QString out = printable(text);
    out.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    return out.toHtmlEscaped();
}

// One cell; `cls` is its CSS class. Appended cell by cell rather than by one chained
// arg(): text put in by one arg() may hold "%2".
QString td(const QString &html, const QString &cls = {}) {
    return (cls.isEmpty() ? u"<td>"_s : u"<td class=\"%1\">"_s.arg(cls)) + html + u"</td>"_s;
}

QString th(const QString &text, const QString &attributes = {}) {
    return (attributes.isEmpty() ? u"<th>"_s : u"<th %1>"_s.arg(attributes)) + esc(text)
           + u"</th>"_s;
}

// A state's name in the console's colour for that state. The colour is on a span:
// QTextDocument drops a cell's CSS border when the cell has a style attribute of its own.
QString stateCell(VmState state, const QString &text) {
    return u"<td class=\"state\"><span style=\"color: %1\">%2</span></td>"_s.arg(
        QColor::fromRgb(vmStateColour(state)).name(), esc(text));
}

// A horizontal bar as a borderless one-row table (QTextDocument draws neither SVG nor
// CSS boxes of a set width, but it draws table cells of a set width and colour). Cells
// of no width are left out: an empty cell still takes its padding.
QString usageBar(double used) {
    const int percent = qRound(used * 100);
    QString h = u"<table class=\"bar\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"_s;
    if (percent > 0)
        h += u"<td class=\"used\" width=\"%1%\" style=\"background-color: %2\"></td>"_s.arg(
            QString::number(percent), barColour(used).name());
    if (percent < 100)
        h +=
            u"<td class=\"free\" style=\"background-color: %1\"></td>"_s.arg(kBarBackground.name());
    return h + u"</tr></table>"_s;
}

// Read by browsers and by QTextDocument alike (QTextDocument takes the @media print
// rules, as the PDF is print). Lengths in pt, px or em only: QTextDocument knows no mm.
// The body's margin is for screens only: QTextDocument would put it around every table.
const QString kStyle = uR"(<style>
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #222; }
h1 { font-size: 16pt; margin: 0 0 0.2em; }
h2 { font-size: 12pt; margin: 1.2em 0 0.3em; page-break-after: avoid; }
h2.new-page { page-break-before: always; }
p.meta { color: #555; margin: 0 0 1em; }
table { border-collapse: collapse; margin: 0.3em 0 1em 0; }
th, td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }
th { background-color: #eee; white-space: nowrap; }
td.num { text-align: right; }
td.state { font-weight: bold; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.detail { white-space: pre-wrap; }
td.usage { vertical-align: middle; }
td.problem { color: #c62828; }
table.bar { margin: 0; border: none; }
table.bar td { border: none; padding: 0; height: 0.9em; font-size: 6pt; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4 landscape; margin: 15mm; }
@media screen { body { margin: 1.5em; } }
@media print { body { font-size: 8pt; } th, td { padding: 2px 4px; } table.vms { font-size: 7pt; } }
</style>
)"_s;

} // namespace

QString documentHtml(const InventoryReport &r) {
    QString h;
    h += u"<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%1\">\n<head>\n"
         u"<meta charset=\"utf-8\"/>\n<title>"_s.arg(
             QLocale().language() == QLocale::C ? u"en"_s : QLocale().bcp47Name())
         + esc(title()) + u"</title>\n"_s + kStyle + u"</head>\n<body>\n"_s;
    h += u"<h1>"_s + esc(title()) + u"</h1>\n"_s;
    h += u"<p class=\"meta\">"_s
         + esc(QCoreApplication::translate("vmeclone::Report",
                                           "Generated %1 · inventory %2 · %n VMs", nullptr,
                                           int(r.vms().size()))
                   .arg(peopleTime(r.generatedAt()), r.inventoryPath()))
         + u"</p>\n"_s;

    h += u"<h2>"_s + esc(QCoreApplication::translate("vmeclone::Report", "VMs per state"))
         + u"</h2>\n<table class=\"states\">\n<thead><tr>"_s
         + th(QCoreApplication::translate("vmeclone::Report", "State"))
         + th(QCoreApplication::translate("vmeclone::Report", "VMs"))
         + u"</tr></thead>\n<tbody>\n"_s;
    for (VmState state : allStates()) {
        if (const int n = r.count(state); n > 0)
            h += u"<tr>"_s + stateCell(state, stateName(state)) + td(number(n), u"num"_s)
                 + u"</tr>\n"_s;
    }
    h += u"<tr>"_s + th(QCoreApplication::translate("vmeclone::Report", "total"))
         + td(number(r.vms().size()), u"num"_s) + u"</tr>\n</tbody>\n</table>\n"_s;

    h += u"<h2>"_s + esc(QCoreApplication::translate("vmeclone::Report", "Golden images"))
         + u"</h2>\n"_s;
    if (r.goldens().isEmpty()) {
        h +=
            u"<p>"_s
            + esc(QCoreApplication::translate("vmeclone::Report", "No golden image is registered."))
            + u"</p>\n"_s;
    } else {
        h += u"<table class=\"goldens\" width=\"100%\">\n<thead><tr>"_s;
        for (const auto &name : {QCoreApplication::translate("vmeclone::Report", "Name"),
                                 QCoreApplication::translate("vmeclone::Report", "Backend"),
                                 QCoreApplication::translate("vmeclone::Report", "IP"),
                                 QCoreApplication::translate("vmeclone::Report", "Subnet"),
                                 QCoreApplication::translate("vmeclone::Report", "Disk"),
                                 QCoreApplication::translate("vmeclone::Report", "Path")})
            h += th(name);
        h += u"</tr></thead>\n<tbody>\n"_s;
        for (const auto &g : r.goldens())
            h += u"<tr>"_s + td(esc(g.name)) + td(esc(g.backend))
                 + td(esc(g.address.toString()), u"nowrap"_s)
                 + td(esc(g.subnet.toString()), u"nowrap"_s)
                 + td(esc(bytes(g.diskBytes)), u"num nowrap"_s) + td(esc(g.path)) + u"</tr>\n"_s;
        h += u"</tbody>\n</table>\n"_s;
    }

    // The shards with their usage as a bar (wide enough to compare shards at a glance);
    // a shard that cannot be used says why in its place. Columns without a set width
    // are sized by their content, so short ones are not squeezed by a long path.
    h += u"<h2>"_s + esc(QCoreApplication::translate("vmeclone::Report", "Disk shards"))
         + u"</h2>\n"_s;
    if (r.shards().isEmpty()) {
        h += u"<p>"_s
             + esc(QCoreApplication::translate("vmeclone::Report", "No disk shard is registered."))
             + u"</p>\n"_s;
    } else {
        h += u"<table class=\"shards\" width=\"100%\">\n<thead><tr>"_s;
        for (const auto &name : {QCoreApplication::translate("vmeclone::Report", "Path"),
                                 QCoreApplication::translate("vmeclone::Report", "Device"),
                                 QCoreApplication::translate("vmeclone::Report", "Filesystem"),
                                 QCoreApplication::translate("vmeclone::Report", "VMs"),
                                 QCoreApplication::translate("vmeclone::Report", "Free"),
                                 QCoreApplication::translate("vmeclone::Report", "Total"),
                                 QCoreApplication::translate("vmeclone::Report", "In use")})
            h += th(name);
        h += th(QCoreApplication::translate("vmeclone::Report", "Usage"), u"width=\"35%\""_s)
             + u"</tr></thead>\n<tbody>\n"_s;
        for (const auto &s : r.shards()) {
            const bool usable = s.usable();
            const double used = usedFraction(s);
            h += u"<tr>"_s + td(esc(s.shard.path)) + td(esc(s.deviceId), u"nowrap"_s)
                 + td(esc(s.filesystem)) + td(number(r.vmCountOnShard(s.shard.id)), u"num"_s)
                 + td(esc(usable ? bytes(s.bytesFree) : u"-"_s), u"num nowrap"_s)
                 + td(esc(usable ? bytes(s.bytesTotal) : u"-"_s), u"num nowrap"_s)
                 + td(usable ? QLocale().toString(qRound(used * 100)) + u"%"_s : u"-"_s, u"num"_s)
                 + (usable ? td(usageBar(used), u"usage"_s) : td(esc(s.error), u"problem"_s))
                 + u"</tr>\n"_s;
        }
        h += u"</tbody>\n</table>\n"_s;
    }

    // Printed, the VM list starts a page of its own; its header row repeats on each page.
    h += u"<h2 class=\"new-page\">"_s
         + esc(QCoreApplication::translate("vmeclone::Report", "VMs",
                                           "the heading of the list of VMs"))
         + u"</h2>\n"_s;
    if (r.vms().isEmpty()) {
        h += u"<p>"_s
             + esc(QCoreApplication::translate("vmeclone::Report", "No VMs in the inventory."))
             + u"</p>\n"_s;
    } else {
        h += u"<table class=\"vms\" width=\"100%\">\n<thead><tr>"_s;
        // A set share for the detail: sized by content, a long reason would take the width
        // the short columns need to stay on one line. It is the last column on purpose:
        // Qt 6.4 gives a share set on an earlier column less than asked when the columns
        // after it have wide minimums.
        for (const auto &name : {QCoreApplication::translate("vmeclone::Report", "Name"),
                                 QCoreApplication::translate("vmeclone::Report", "IP"),
                                 QCoreApplication::translate("vmeclone::Report", "MAC"),
                                 QCoreApplication::translate("vmeclone::Report", "State"),
                                 QCoreApplication::translate("vmeclone::Report", "Golden"),
                                 QCoreApplication::translate("vmeclone::Report", "Clone"),
                                 QCoreApplication::translate("vmeclone::Report", "Shard"),
                                 QCoreApplication::translate("vmeclone::Report", "Boots"),
                                 QCoreApplication::translate("vmeclone::Report", "Uptime"),
                                 QCoreApplication::translate("vmeclone::Report", "Last seen")})
            h += th(name);
        h += th(QCoreApplication::translate("vmeclone::Report", "Detail"), u"width=\"16%\""_s)
             + u"</tr></thead>\n<tbody>\n"_s;
        for (const auto &vm : r.vms()) {
            h += u"<tr>"_s + td(esc(vm.name)) + td(esc(vm.address.toString()), u"nowrap"_s)
                 + td(esc(vm.mac.toString()), u"nowrap"_s) + stateCell(vm.state, stateLabel(vm))
                 + td(esc(r.goldenOf(vm).name)) + td(esc(cloneModeName(vm.cloneMode)))
                 + td(esc(r.shardOf(vm).path)) + td(number(vm.boots), u"num"_s)
                 + td(esc(durationText(vm.uptimeSeconds)), u"num nowrap"_s)
                 + td(esc(peopleTime(vm.lastSeen)), u"nowrap"_s) + td(esc(vm.reason), u"detail"_s)
                 + u"</tr>\n"_s;
        }
        h += u"</tbody>\n</table>\n"_s;
    }
    h += u"</body>\n</html>\n"_s;
    return h;
}

// ---- PDF ------------------------------------------------------------------------------

namespace {

constexpr int kPdfDpi = 300;

QFont reportFont(double pointSize) {
    QFont font;
    // WenQuanYi (fonts-wqy-microhei, in the package list) for Chinese.
    font.setFamilies(
        {u"DejaVu Sans"_s, u"Liberation Sans"_s, u"Noto Sans"_s, u"WenQuanYi Micro Hei"_s});
    font.setStyleHint(QFont::SansSerif);
    // No Latin ligatures: an "fi" glyph would make "configured" unsearchable in the PDF.
    // The document's default font: formats from the HTML that set no strategy inherit it.
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setPointSizeF(pointSize);
    return font;
}

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

void drawFooter(QPainter &p, const QSizeF &page, const QString &left, int number, int total) {
    p.save();
    p.setFont(reportFont(7));
    p.setPen(QColor(0x606060));
    const QFontMetricsF metrics(p.font(), p.device());
    const double y = page.height() - metrics.descent();
    p.drawText(QPointF(0, y), metrics.elidedText(left, Qt::ElideRight, page.width() * 0.7));
    const QString right = QCoreApplication::translate("vmeclone::Report", "Page %1 of %2")
                              .arg(QLocale().toString(number), QLocale().toString(total));
    p.drawText(QPointF(page.width() - metrics.horizontalAdvance(right), y), right);
    p.restore();
}

} // namespace

Status writePdf(const QString &html, const QString &generated, const QString &path) {
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(u"cannot write the PDF report %1: a PDF needs fonts, which this program "
                    u"cannot load without a Qt GUI application: export HTML and print it to PDF "
                    u"instead"_s.arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(cannotWrite(path, file.errorString()));

    QPdfWriter writer(&file);
    writer.setCreator(u"vmeclone"_s);
    writer.setTitle(title());
    writer.setResolution(kPdfDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                     QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    const QSizeF page(writer.width(), writer.height()); // inside the margins, device pixels
    const double lineHeight = QFontMetricsF(reportFont(7), &writer).height();
    const QSizeF body(page.width(), page.height() - lineHeight * 2.5); // room for the footer

    // Laid out for the writer (its resolution) and paginated to the body's height, which
    // is what makes QTextDocument repeat a table's <thead> row on each page.
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDocumentMargin(0);
    doc.setDefaultFont(reportFont(8));
    doc.setMetaInformation(QTextDocument::CssMedia, u"print"_s);
    doc.setPageSize(body);
    doc.setHtml(html);

    const QString footer = u"%1 \u00b7 %2"_s.arg(title(), generated);
    const int total = doc.pageCount();
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(cannotWrite(path, u"the PDF writer did not start"_s));
    for (int i = 0; i < total; ++i) {
        if (i > 0)
            writer.newPage();
        drawDocumentPage(painter, doc, i, body);
        drawFooter(painter, page, footer, i + 1, total);
    }
    if (!painter.end())
        return fail(cannotWrite(path, u"the PDF writer did not finish"_s));
    if (!file.commit())
        return fail(cannotWrite(path, file.errorString()));
    return {};
}

} // namespace vmeclone::report
