#pragma once
// The inventory report as one document for people: an XHTML page (the .html export as it
// is) that QTextDocument also reads to lay out the PDF, so the two cannot say different
// things. Browsers print it with the same CSS (@media print) the PDF is laid out with.

#include "common/expected.h"

#include <QString>

namespace vmeclone {

class InventoryReport;

namespace report {

// A self-contained page (no scripts, images or links), XHTML-compatible so XML tools
// read it: the summary per state, the goldens, the disk shards with a usage bar each,
// then the VM table (which starts a new page when printed).
QString documentHtml(const InventoryReport &report);

// Lays out `html` (documentHtml's) with QTextDocument on A4 landscape and writes it to
// `path`: the VM table's header row is repeated on every page, and each page has a
// footer with the title, `generated` and "Page k of N". Needs a QGuiApplication (fonts);
// any thread will do, as the document and the writer are made here.
Status writePdf(const QString &html, const QString &generated, const QString &path);

} // namespace report
} // namespace vmeclone
