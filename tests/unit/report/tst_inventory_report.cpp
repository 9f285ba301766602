// Inventory reports from a real inventory file (goldens, shards, VMs in several states):
// CSV and JSON are parsed back and compared field by field with the inventory; the HTML
// is read as XML; the PDF is rendered with poppler (pdftoppm, pdftotext) and checked for
// ink, the usage bars, every VM name, the state counts and page numbers, and against the
// HTML it is laid out from (same sections, rows and counts). Writers that fail leave
// nothing behind.

#include "inventory/inventory.h"
#include "report/inventory_report.h"
#include "support/ci_skip.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

// Documentation networks, used only as data.
const Subnet kDemoNet = Subnet::parse(u"192.0.2.0/24").value();
const Subnet kWebNet = Subnet::parse(u"198.51.100.0/24").value();

// Everything a report must not mangle: quotes, commas, CRLF, markup, a formula, CJK and
// a control character.
const QString kNastyReason = u"copy failed: \"quota\", 100% full\r\nsee <b>log</b> & retry "
                             u"=SUM(A1) \u4e2d\u6587 \x01 %2 end"_s;

// The VM columns `vmeclone list --json` prints, in order (the CSV header).
const QStringList kColumns = {u"name"_s,
                              u"ip"_s,
                              u"suffix"_s,
                              u"mac"_s,
                              u"state"_s,
                              u"progress"_s,
                              u"reason"_s,
                              u"golden"_s,
                              u"clone_mode"_s,
                              u"shard"_s,
                              u"folder"_s,
                              u"boots"_s,
                              u"boot_id"_s,
                              u"uptime_seconds"_s,
                              u"pid"_s,
                              u"created_at"_s,
                              u"state_changed_at"_s,
                              u"last_seen"_s,
                              u"online_at"_s};

GoldenRecord makeGolden(const QString &name, const Subnet &net, quint32 suffix,
                        const QString &path) {
    GoldenRecord g;
    g.name = name;
    g.backend = u"qemu"_s;
    g.path = path;
    g.subnet = net;
    g.address = *net.addressOfSuffix(suffix);
    g.gateway = *net.addressOfSuffix(1);
    g.diskBytes = qint64(64) << 20;
    return g;
}

VmRecord makeVm(const GoldenRecord &g, qint64 goldenId, quint32 suffix, qint64 shardId,
                const QString &shardPath, const QString &prefix = u"vm"_s) {
    VmRecord vm;
    vm.name = prefix + QString::number(suffix);
    vm.address = *g.subnet.addressOfSuffix(suffix);
    vm.mac = MacAddress::forIpv4(vm.address);
    vm.goldenId = goldenId;
    vm.shardId = shardId;
    vm.folder = shardPath + u'/' + vm.name;
    vm.cloneMode = suffix % 2 ? u"linked"_s : u"full"_s;
    vm.instance = u"instance-"_s + vm.name;
    return vm;
}

// A strict RFC 4180 reader: CRLF between records, quotes doubled inside quoted fields.
QList<QStringList> parseCsv(const QString &text, QString *error) {
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false, wasQuoted = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted) {
                *error = u"quote inside an unquoted field at %1"_s.arg(i);
                return {};
            }
            quoted = wasQuoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r') {
            if (i + 1 >= n || text[i + 1] != u'\n') {
                *error = u"CR without LF at %1"_s.arg(i);
                return {};
            }
            ++i;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
        } else if (c == u'\n') {
            *error = u"bare LF at %1 (records end with CRLF)"_s.arg(i);
            return {};
        } else {
            if (wasQuoted) {
                *error = u"text after a closing quote at %1"_s.arg(i);
                return {};
            }
            field += c;
        }
    }
    if (quoted) {
        *error = u"unterminated quoted field"_s;
        return {};
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        *error = u"the last record does not end with CRLF"_s;
        return {};
    }
    return records;
}

// What each column must say about `vm`, computed here from the records, not by the
// code under test: strings, integers or instants.
QVariantMap expectedFields(const VmRecord &vm, const GoldenRecord &g, const QString &shardPath) {
    return {{u"name"_s, vm.name},
            {u"ip"_s, vm.address.toString()},
            {u"suffix"_s, qint64(g.subnet.suffixOf(vm.address))},
            {u"mac"_s, vm.mac.toString()},
            {u"state"_s, vmStateName(vm.state)},
            {u"progress"_s, qint64(vm.progress)},
            {u"reason"_s, vm.reason},
            {u"golden"_s, g.name},
            {u"clone_mode"_s, vm.cloneMode},
            {u"shard"_s, shardPath},
            {u"folder"_s, vm.folder},
            {u"boots"_s, qint64(vm.boots)},
            {u"boot_id"_s, vm.bootId},
            {u"uptime_seconds"_s, vm.uptimeSeconds},
            {u"pid"_s, vm.pid},
            {u"created_at"_s, vm.createdAt},
            {u"state_changed_at"_s, vm.stateChangedAt},
            {u"last_seen"_s, vm.lastSeen},
            {u"online_at"_s, vm.onlineAt}};
}

// Compares one field given as text (CSV) or JSON value; returns why not equal.
QString mismatch(const QString &key, const QJsonValue &actual, const QVariant &expected) {
    const auto why = [&](const QString &got) {
        return u"%1: got '%2', expected '%3'"_s.arg(key, got, expected.toString());
    };
    switch (expected.typeId()) {
    case QMetaType::LongLong: {
        const bool ok = actual.isDouble() && actual.toInteger() == expected.toLongLong();
        return ok ? QString()
                  : why(actual.isDouble() ? QString::number(actual.toInteger())
                                          : actual.toString());
    }
    case QMetaType::QDateTime: {
        const QDateTime want = expected.toDateTime();
        if (!actual.isString())
            return why(u"(not a string)"_s);
        if (!want.isValid())
            return actual.toString().isEmpty() ? QString() : why(actual.toString());
        const QDateTime got = QDateTime::fromString(actual.toString(), Qt::ISODateWithMs);
        return got.isValid() && got == want ? QString() : why(actual.toString());
    }
    default:
        return actual.isString() && actual.toString() == expected.toString()
                   ? QString()
                   : why(actual.toString());
    }
}

QJsonValue csvValue(const QString &text, const QVariant &expected) {
    if (expected.typeId() == QMetaType::LongLong) {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        return ok ? QJsonValue(n) : QJsonValue(text);
    }
    return text;
}

QString findTool(const QString &name) {
    return QStandardPaths::findExecutable(name);
}

// Runs a tool with an argument list; returns its stdout, or fails the test.
QByteArray runTool(const QString &program, const QStringList &arguments) {
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
        return {};
    }
    return p.readAllStandardOutput();
}

QString pdfText(const QString &pdf, int firstPage = 0, int lastPage = 0) {
    QStringList args{u"-layout"_s, u"-enc"_s, u"UTF-8"_s};
    if (firstPage > 0)
        args << u"-f"_s << QString::number(firstPage) << u"-l"_s << QString::number(lastPage);
    args << pdf << u"-"_s;
    return QString::fromUtf8(runTool(findTool(u"pdftotext"_s), args));
}

// Length of the longest horizontal run of pixels close to one of `colours`.
int longestRun(const QImage &image, const QList<QColor> &colours) {
    int best = 0;
    for (int y = 0; y < image.height(); ++y) {
        int run = 0;
        for (int x = 0; x < image.width(); ++x) {
            const QColor px = image.pixelColor(x, y);
            const bool near = std::any_of(colours.begin(), colours.end(), [&](const QColor &c) {
                return qAbs(px.red() - c.red()) <= 12 && qAbs(px.green() - c.green()) <= 12
                       && qAbs(px.blue() - c.blue()) <= 12;
            });
            run = near ? run + 1 : 0;
            best = qMax(best, run);
        }
    }
    return best;
}

// The HTML report read as XML (any unescaped text or unclosed element is an error):
// the rows of each table by its class, cells as text, nested tables (the usage bars)
// kept apart from the table around them.
struct HtmlReport {
    QString error;
    QStringList elements;                     // every element's name, in order
    QStringList headings;                     // h1 and h2 texts, in order
    QMap<QString, QList<QStringList>> tables; // rows (header row first) by table class
    int usedBars = 0;                         // td class="used"
};

HtmlReport readHtml(const QByteArray &bytes) {
    HtmlReport out;
    QXmlStreamReader xml(bytes);
    QStringList tableClasses; // open tables, innermost last
    QList<QStringList> rows;  // open rows
    QStringList cells;        // text of open cells
    QString heading;
    bool inHeading = false;
    while (!xml.atEnd()) {
        xml.readNext();
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            out.elements.append(name.toString());
            if (name == u"table")
                tableClasses.append(xml.attributes().value(u"class"_s).toString());
            else if (name == u"tr")
                rows.append(QStringList());
            else if (name == u"td" || name == u"th")
                cells.append(QString());
            else if (name == u"h1" || name == u"h2")
                inHeading = true;
            if (name == u"td" && xml.attributes().value(u"class"_s) == u"used")
                ++out.usedBars;
        } else if (xml.isCharacters()) {
            if (!cells.isEmpty())
                cells.last() += xml.text();
            if (inHeading)
                heading += xml.text();
        } else if (xml.isEndElement()) {
            if (name == u"table" && !tableClasses.isEmpty())
                tableClasses.removeLast();
            else if (name == u"tr" && !rows.isEmpty() && !tableClasses.isEmpty())
                out.tables[tableClasses.last()].append(rows.takeLast());
            else if ((name == u"td" || name == u"th") && !cells.isEmpty() && !rows.isEmpty())
                rows.last().append(cells.takeLast());
            else if (name == u"h1" || name == u"h2") {
                out.headings.append(heading);
                heading.clear();
                inHeading = false;
            }
        }
    }
    if (xml.hasError())
        out.error = u"%1 at line %2"_s.arg(xml.errorString()).arg(xml.lineNumber());
    return out;
}

QStringList filesIn(const QString &dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace

class TestInventoryReport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Inventory> m_inventory;
    QString m_goneShard;
    std::optional<InventoryReport> m_report;
    const QDateTime m_at = QDateTime(QDate(2024, 5, 17), QTime(9, 30, 15, 250), Qt::UTC);

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QHash<qint64, GoldenRecord> goldensById() const;
    QHash<qint64, QString> shardPathsById() const;
    void compareVms(const QList<QMap<QString, QJsonValue>> &rows);

private Q_SLOTS:
    void initTestCase();
    void formatFromPath_data();
    void formatFromPath();
    void formatFromName();
    void snapshotCountsAndShards();
    void csvRoundTrip();
    void jsonRoundTrip();
    void jsonKeysAreCsvColumns();
    void htmlIsWellFormedAndComplete();
    void pdfRendersSummaryChartAndVms();
    void pdfRepeatsTableHeaderOnEveryPage();
    void pdfSaysWhatTheHtmlSays();
    void emptyInventory_data();
    void emptyInventory();
    void writeFailsCleanly_data();
    void writeFailsCleanly();
    void writeReplacesExistingFile_data();
    void writeReplacesExistingFile();
};

QHash<qint64, GoldenRecord> TestInventoryReport::goldensById() const {
    QHash<qint64, GoldenRecord> out;
    const auto goldens = m_inventory->goldens().value(); // a copy: the Expected is a temporary
    for (const auto &g : goldens)
        out.insert(g.id, g);
    return out;
}

QHash<qint64, QString> TestInventoryReport::shardPathsById() const {
    QHash<qint64, QString> out;
    const auto shards = m_inventory->shards().value();
    for (const auto &s : shards)
        out.insert(s.id, s.path);
    return out;
}

void TestInventoryReport::initTestCase() {
    QVERIFY(m_dir.isValid());
    auto inventory = Inventory::open(path(u"home/inventory.sqlite"_s));
    QVERIFY2(inventory.ok(), qPrintable(inventory.error()));
    m_inventory = std::move(*inventory);

    const GoldenRecord demo = makeGolden(u"vmeclone-demo"_s, kDemoNet, 176, path(u"demo.json"_s));
    const GoldenRecord web = makeGolden(u"web <golden>"_s, kWebNet, 5, path(u"web.json"_s));
    const qint64 demoId = m_inventory->addGolden(demo).value();
    const qint64 webId = m_inventory->addGolden(web).value();

    QStringList shardPaths;
    for (const auto &name : {u"shard-a"_s, u"shard, \"b\""_s, u"shard-gone"_s}) {
        QVERIFY(QDir().mkpath(path(name)));
        shardPaths.append(path(name));
    }
    const qint64 shardA = m_inventory->addShard(shardPaths[0], 1).value();
    const qint64 shardB = m_inventory->addShard(shardPaths[1], 2).value();
    const qint64 shardGone = m_inventory->addShard(shardPaths[2], 1).value();
    m_goneShard = shardPaths[2];

    QList<VmRecord> wanted;
    for (quint32 s = 177; s <= 183; ++s)
        wanted.append(makeVm(demo, demoId, s, s % 2 ? shardA : shardB,
                             s % 2 ? shardPaths[0] : shardPaths[1]));
    wanted.append(makeVm(web, webId, 10, shardB, shardPaths[1], u"web"_s));
    wanted.append(makeVm(demo, demoId, 200, shardGone, shardPaths[2]));
    auto reservation = m_inventory->reserve(wanted);
    QVERIFY2(reservation.ok(), qPrintable(reservation.error()));
    QCOMPARE(reservation->taken.size(), wanted.size());
    QHash<QString, qint64> id;
    for (const auto &vm : reservation->taken)
        id.insert(vm.name, vm.id);

    // Online ones go through the listener's path, so boots, uptime and times are set.
    for (const auto &name : {u"vm177"_s, u"vm178"_s, u"web10"_s, u"vm200"_s})
        QVERIFY(m_inventory->setState(id[name], VmState::Booting).ok());
    QList<VmUpdate> updates;
    int boots = 1;
    for (const auto &name : {u"vm177"_s, u"vm178"_s, u"web10"_s}) {
        VmUpdate u;
        u.vmId = id[name];
        u.state = VmState::Online;
        u.reason = u"configured eth0"_s;
        u.bootId = u"0123456789abcdef0123456789abcde%1"_s.arg(boots);
        u.lastSequence = 40 + boots;
        u.boots = boots++;
        u.uptimeSeconds = 3723 * boots;
        u.lastSeen = QDateTime::currentDateTimeUtc().addSecs(-boots);
        u.wentOnline = true;
        updates.append(u);
    }
    QVERIFY(m_inventory->apply(updates).ok());
    QVERIFY(m_inventory->setState(id[u"web10"_s], VmState::Unreachable, u"no heartbeat for 16 s"_s)
                .ok());
    QVERIFY(m_inventory->setPid(id[u"vm177"_s], 4242).ok());
    QVERIFY(m_inventory->setState(id[u"vm179"_s], VmState::Failed, kNastyReason).ok());
    QVERIFY(m_inventory->setState(id[u"vm180"_s], VmState::Copying, {}, 40).ok());
    QVERIFY(m_inventory->setState(id[u"vm181"_s], VmState::Stopped).ok());
    QVERIFY(m_inventory->setState(id[u"vm182"_s], VmState::Configured).ok());
    // vm183 stays planned; vm200 stays booting on a shard whose folder then goes away.
    QVERIFY(QDir(m_goneShard).removeRecursively());

    auto report = InventoryReport::take(*m_inventory, 0, m_at);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    m_report.emplace(std::move(*report));
}

void TestInventoryReport::formatFromPath_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("format"); // empty: none

    QTest::newRow("csv") << u"/tmp/out/report.csv"_s << u"csv"_s;
    QTest::newRow("json") << u"report.json"_s << u"json"_s;
    QTest::newRow("html") << u"a.b/report.html"_s << u"html"_s;
    QTest::newRow("htm") << u"report.htm"_s << u"html"_s;
    QTest::newRow("pdf upper case") << u"REPORT.PDF"_s << u"pdf"_s;
    QTest::newRow("yml: ansible") << u"inventory.yml"_s << u"ansible"_s;
    QTest::newRow("yaml: ansible") << u"hosts/Inventory.YAML"_s << u"ansible"_s;
    QTest::newRow("two suffixes") << u"report.tar.csv"_s << u"csv"_s;
    QTest::newRow("unknown") << u"report.txt"_s << QString();
    QTest::newRow("no suffix") << u"report"_s << QString();
    QTest::newRow("suffix only on folder") << u"out.csv/report"_s << QString();
    QTest::newRow("trailing dot") << u"report."_s << QString();
}

void TestInventoryReport::formatFromPath() {
    QFETCH(QString, path);
    QFETCH(QString, format);
    const auto f = InventoryReport::formatFromPath(path);
    QCOMPARE(f ? InventoryReport::formatName(*f) : QString(), format);
}

void TestInventoryReport::formatFromName() {
    for (const auto &name : {u"csv"_s, u"json"_s, u"html"_s, u"pdf"_s, u"ansible"_s}) {
        const auto f = InventoryReport::formatFromName(name);
        QVERIFY2(f.has_value(), qPrintable(name));
        QCOMPARE(InventoryReport::formatName(*f), name);
        QCOMPARE(InventoryReport::formatFromName(name.toUpper()), f);
    }
    QVERIFY(!InventoryReport::formatFromName(u"xlsx"_s));
    QVERIFY(!InventoryReport::formatFromName(u""_s));
    QVERIFY(!InventoryReport::formatFromName(u"htm"_s)); // an extension, not a format name
    QVERIFY(!InventoryReport::formatFromName(u"yml"_s));
}

void TestInventoryReport::snapshotCountsAndShards() {
    const InventoryReport &r = *m_report;
    QCOMPARE(r.generatedAt(), m_at);
    QCOMPARE(r.inventoryPath(), m_inventory->path());
    QCOMPARE(r.vms().size(), 9);
    QCOMPARE(r.goldens().size(), 2);
    QCOMPARE(r.count(VmState::Online), 2);
    QCOMPARE(r.count(VmState::Unreachable), 1);
    QCOMPARE(r.count(VmState::Failed), 1);
    QCOMPARE(r.count(VmState::Copying), 1);
    QCOMPARE(r.count(VmState::Stopped), 1);
    QCOMPARE(r.count(VmState::Configured), 1);
    QCOMPARE(r.count(VmState::Planned), 1);
    QCOMPARE(r.count(VmState::Booting), 1);
    QCOMPARE(r.count(VmState::Releasing), 0);

    QCOMPARE(r.shards().size(), 3);
    for (const auto &s : r.shards()) {
        if (s.shard.path == m_goneShard) {
            QVERIFY(!s.usable());
            QVERIFY2(s.error.contains(m_goneShard), qPrintable(s.error));
            QCOMPARE(r.vmCountOnShard(s.shard.id), 1);
        } else {
            QVERIFY2(s.usable(), qPrintable(s.error));
            QCOMPARE(s.bytesTotal, QStorageInfo(s.shard.path).bytesTotal());
            QVERIFY(s.bytesFree > 0 && s.bytesFree <= s.bytesTotal);
        }
    }
}

void TestInventoryReport::compareVms(const QList<QMap<QString, QJsonValue>> &rows) {
    const auto vms = m_inventory->vms().value();
    const auto goldens = goldensById();
    const auto shards = shardPathsById();
    QCOMPARE(rows.size(), vms.size());
    QSet<QString> states;
    for (int i = 0; i < vms.size(); ++i) {
        const auto &vm = vms[i];
        const QVariantMap expected =
            expectedFields(vm, goldens.value(vm.goldenId), shards.value(vm.shardId));
        QCOMPARE(QStringList(expected.keys()), QStringList(rows[i].keys()));
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const QString why = mismatch(it.key(), rows[i].value(it.key()), it.value());
            QVERIFY2(why.isEmpty(), qPrintable(vm.name + u": "_s + why));
        }
        states.insert(vmStateName(vm.state));
    }
    // The data really varies: several states, a pid, boots and instants are compared.
    QVERIFY(states.size() >= 8);
}

void TestInventoryReport::csvRoundTrip() {
    const QString file = path(u"report.csv"_s);
    const Status s = m_report->writeCsv(file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY2(!bytes.startsWith("\xEF\xBB\xBF"), "the CSV must not start with a BOM");
    QVERIFY(bytes.endsWith("\r\n"));
    QVERIFY(bytes.contains("\"copy failed: \"\"quota\"\", 100% full\r\nsee"));

    QString error;
    const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!records.isEmpty());
    QCOMPARE(records.first(), kColumns);

    const auto vms = m_inventory->vms().value();
    const auto goldens = goldensById();
    const auto shards = shardPathsById();
    QList<QMap<QString, QJsonValue>> rows;
    for (qsizetype r = 1; r < records.size(); ++r) {
        QCOMPARE(records[r].size(), kColumns.size());
        QVariantMap expected;
        if (r - 1 < vms.size())
            expected = expectedFields(vms[r - 1], goldens.value(vms[r - 1].goldenId),
                                      shards.value(vms[r - 1].shardId));
        QMap<QString, QJsonValue> row;
        for (int c = 0; c < kColumns.size(); ++c)
            row.insert(kColumns[c], csvValue(records[r][c], expected.value(kColumns[c])));
        rows.append(row);
    }
    compareVms(rows);
}

void TestInventoryReport::jsonRoundTrip() {
    const QString file = path(u"report.json"_s);
    const Status s = m_report->writeJson(file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonObject root = doc.object();

    QCOMPARE(QDateTime::fromString(root[u"generated_at"_s].toString(), Qt::ISODateWithMs), m_at);
    QCOMPARE(root[u"inventory"_s].toString(), m_inventory->path());

    // Counts per state: every state is present, counted from the inventory here.
    const auto vms = m_inventory->vms().value();
    const QJsonObject summary = root[u"summary"_s].toObject();
    for (int i = 0; i <= static_cast<int>(VmState::Failed); ++i) {
        const auto state = static_cast<VmState>(i);
        const auto n = std::count_if(vms.begin(), vms.end(),
                                     [&](const VmRecord &vm) { return vm.state == state; });
        QVERIFY2(summary.contains(vmStateName(state)), qPrintable(vmStateName(state)));
        QCOMPARE(summary[vmStateName(state)].toInteger(), qint64(n));
    }
    QCOMPARE(summary.size(), static_cast<int>(VmState::Failed) + 1);

    const QJsonArray goldens = root[u"goldens"_s].toArray();
    const auto goldenRecords = m_inventory->goldens().value();
    QCOMPARE(goldens.size(), goldenRecords.size());
    for (int i = 0; i < goldens.size(); ++i) {
        const QJsonObject g = goldens[i].toObject();
        const GoldenRecord &want = goldenRecords[i];
        QCOMPARE(g[u"name"_s].toString(), want.name);
        QCOMPARE(g[u"backend"_s].toString(), want.backend);
        QCOMPARE(g[u"path"_s].toString(), want.path);
        QCOMPARE(g[u"subnet"_s].toString(), want.subnet.toString());
        QCOMPARE(g[u"ip"_s].toString(), want.address.toString());
        QCOMPARE(g[u"suffix"_s].toInteger(), qint64(want.suffix()));
        QCOMPARE(g[u"gateway"_s].toString(), want.gateway.toString());
        QCOMPARE(g[u"disk_bytes"_s].toInteger(), want.diskBytes);
        QCOMPARE(QDateTime::fromString(g[u"added_at"_s].toString(), Qt::ISODateWithMs),
                 want.addedAt);
    }

    const QJsonArray shards = root[u"shards"_s].toArray();
    const auto shardRecords = m_inventory->shards().value();
    QCOMPARE(shards.size(), shardRecords.size());
    for (int i = 0; i < shards.size(); ++i) {
        const QJsonObject o = shards[i].toObject();
        const Shard &want = shardRecords[i];
        const ShardStatus &probed = m_report->shards()[i];
        QCOMPARE(o[u"path"_s].toString(), want.path);
        QCOMPARE(o[u"weight"_s].toDouble(), want.weight);
        const auto n = std::count_if(vms.begin(), vms.end(),
                                     [&](const VmRecord &vm) { return vm.shardId == want.id; });
        QCOMPARE(o[u"vms"_s].toInteger(), qint64(n));
        QCOMPARE(o[u"bytes_total"_s].toInteger(), probed.bytesTotal);
        QCOMPARE(o[u"bytes_free"_s].toInteger(), probed.bytesFree);
        QCOMPARE(o[u"device"_s].toString(), probed.deviceId);
        QCOMPARE(o[u"filesystem"_s].toString(), probed.filesystem);
        if (want.path == m_goneShard) {
            QVERIFY2(o[u"error"_s].toString().contains(m_goneShard),
                     qPrintable(o[u"error"_s].toString()));
        } else {
            QCOMPARE(o[u"error"_s].toString(), QString());
            QVERIFY(o[u"bytes_total"_s].toInteger() > 0);
        }
    }

    QList<QMap<QString, QJsonValue>> rows;
    for (const auto &v : root[u"vms"_s].toArray()) {
        QMap<QString, QJsonValue> row;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            row.insert(it.key(), it.value());
        rows.append(row);
    }
    compareVms(rows);
}

void TestInventoryReport::jsonKeysAreCsvColumns() {
    QCOMPARE(InventoryReport::vmColumns(), kColumns);
    const VmRecord &vm = m_report->vms().first();
    const QJsonObject o =
        InventoryReport::vmJson(vm, m_report->goldens().first(), m_report->shards().first().shard);
    QStringList keys = o.keys();
    QStringList columns = kColumns;
    keys.sort();
    columns.sort();
    QCOMPARE(keys, columns);
}

void TestInventoryReport::htmlIsWellFormedAndComplete() {
    const QString file = path(u"report.html"_s);
    const Status s = m_report->writeHtml(file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QCOMPARE(QString::fromUtf8(bytes), m_report->toHtml()); // the file is the document as it is

    const HtmlReport html = readHtml(bytes);
    QVERIFY2(html.error.isEmpty(), qPrintable(html.error));
    const QStringList &elements = html.elements;
    QVERIFY(elements.contains(u"html"_s));
    QVERIFY2(!elements.contains(u"script"_s) && !elements.contains(u"b"_s),
             "markup from data must be escaped");
    QVERIFY(!elements.contains(u"img"_s) && !elements.contains(u"link"_s)); // self-contained

    // Counts per state, read from the inventory here.
    QMap<QString, QString> stateCounts;
    for (const QStringList &row : html.tables.value(u"states"_s)) {
        if (row.size() == 2)
            stateCounts.insert(row[0], row[1]);
    }
    const auto vms = m_inventory->vms().value();
    QCOMPARE(stateCounts.value(u"online"_s), u"2"_s);
    QCOMPARE(stateCounts.value(u"failed"_s), u"1"_s);
    QCOMPARE(stateCounts.value(u"unreachable"_s), u"1"_s);
    QCOMPARE(stateCounts.value(u"total"_s), QString::number(vms.size()));
    QVERIFY(!stateCounts.contains(u"releasing"_s));

    // Every VM, in order, with its name, address, state and (unmangled) detail.
    const QList<QStringList> vmRows = html.tables.value(u"vms"_s);
    QCOMPARE(vmRows.size(), vms.size() + 1); // the header row too
    QCOMPARE(vmRows.first().first(), u"Name"_s);
    for (int i = 0; i < vms.size(); ++i) {
        const QStringList &cells = vmRows[i + 1];
        QCOMPARE(cells.size(), 11);
        QCOMPARE(cells[0], vms[i].name);
        QCOMPARE(cells[1], vms[i].address.toString());
        QVERIFY2(cells[3].startsWith(vmStateName(vms[i].state)), qPrintable(cells[3]));
        QString reason = vms[i].reason;
        reason.replace(u"\r\n"_s, u"\n"_s).replace(QChar(1), QChar(0xfffd));
        QCOMPARE(cells[10], reason);
    }

    // The shards: a usage bar for each usable one, the problem of the missing one.
    QCOMPARE(html.usedBars, 2);
    const QList<QStringList> shardRows = html.tables.value(u"shards"_s);
    QCOMPARE(shardRows.size(), m_report->shards().size() + 1);
    QCOMPARE(shardRows.first().first(), u"Path"_s);
    const qsizetype problem = shardRows.first().indexOf(u"Usage"_s);
    QVERIFY(problem > 0);
    bool sawB = false, sawGone = false;
    for (const QStringList &row : shardRows.mid(1)) {
        sawB = sawB || row.first().endsWith(u"shard, \"b\""_s);
        if (row.first() == m_goneShard) {
            sawGone = true;
            QVERIFY2(row[problem].contains(u"does not exist"_s), qPrintable(row.join(u'|')));
        }
    }
    QVERIFY(sawB && sawGone);
}

void TestInventoryReport::pdfRendersSummaryChartAndVms() {
    const QString pdftoppm = findTool(u"pdftoppm"_s), pdftotext = findTool(u"pdftotext"_s);
    if (pdftoppm.isEmpty() || pdftotext.isEmpty() || findTool(u"pdfinfo"_s).isEmpty())
        VMECLONE_SKIP_UNLESS_CI("pdftoppm, pdftotext or pdfinfo (poppler-utils) is not installed");
    const QString file = path(u"report.pdf"_s);
    const Status s = m_report->writePdf(file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");

    // Page 1 has ink (not blank) and the usage chart (long bars in the chart colours).
    const QString prefix = path(u"page"_s);
    runTool(pdftoppm,
            {u"-png"_s, u"-r"_s, u"50"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, file, prefix});
    const QStringList pngs = QDir(m_dir.path()).entryList({u"page*.png"_s});
    QCOMPARE(pngs.size(), 1);
    const QImage page(m_dir.filePath(pngs.first()));
    QVERIFY(!page.isNull());
    // A4 landscape at 50 dpi: 585 x 413.
    QVERIFY2(qAbs(page.width() - 585) <= 1 && qAbs(page.height() - 413) <= 1,
             qPrintable(u"%1 x %2"_s.arg(page.width()).arg(page.height())));
    qint64 ink = 0;
    for (int y = 0; y < page.height(); ++y)
        for (int x = 0; x < page.width(); ++x)
            ink += qGray(page.pixel(x, y)) < 200;
    const double inkShare = double(ink) / (page.width() * page.height());
    QVERIFY2(inkShare > 0.005 && inkShare < 0.5, qPrintable(QString::number(inkShare)));
    const int bar = longestRun(page, {QColor(0xd9d9d9), QColor(0x1e88e5), QColor(0xc62828)});
    QVERIFY2(bar > 150, qPrintable(u"longest bar run %1 px"_s.arg(bar)));

    const QString text = pdfText(file);
    const auto vms = m_inventory->vms().value();
    for (const auto &vm : vms)
        QVERIFY2(text.contains(vm.name), qPrintable(vm.name));
    for (const auto &[state, n] : {std::pair{u"online"_s, 2},
                                   {u"unreachable"_s, 1},
                                   {u"failed"_s, 1},
                                   {u"planned"_s, 1},
                                   {u"booting"_s, 1},
                                   {u"total"_s, 9}}) {
        const QRegularExpression line(u"^\\s*%1\\s+%2\\s*$"_s.arg(state).arg(n),
                                      QRegularExpression::MultilineOption);
        QVERIFY2(line.match(text).hasMatch(),
                 qPrintable(u"no line '%1 %2' in:\n%3"_s.arg(state).arg(n).arg(text)));
    }
    QVERIFY(text.contains(m_goneShard));
    QVERIFY(text.contains(u"does not exist"_s));
    // Page numbers: "Page k of N" on each page, N the real count.
    const QRegularExpression of(u"Page (\\d+) of (\\d+)"_s);
    QList<int> numbers;
    int total = 0;
    for (auto it = of.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        numbers.append(m.captured(1).toInt());
        total = m.captured(2).toInt();
    }
    QVERIFY2(total >= 2, qPrintable(text));
    QCOMPARE(numbers.size(), total);
    for (int i = 0; i < total; ++i)
        QCOMPARE(numbers[i], i + 1);
    const QString info = QString::fromUtf8(runTool(findTool(u"pdfinfo"_s), {file}));
    QVERIFY2(info.contains(QRegularExpression(u"^Pages:\\s+%1$"_s.arg(total),
                                              QRegularExpression::MultilineOption)),
             qPrintable(info));
}

void TestInventoryReport::pdfRepeatsTableHeaderOnEveryPage() {
    if (findTool(u"pdftotext"_s).isEmpty())
        VMECLONE_SKIP_UNLESS_CI("pdftotext (poppler-utils) is not installed");
    QTemporaryDir dir;
    auto inventory = Inventory::open(dir.filePath(u"inventory.sqlite"_s));
    QVERIFY2(inventory.ok(), qPrintable(inventory.error()));
    const GoldenRecord g = makeGolden(u"big"_s, kDemoNet, 1, dir.filePath(u"big.json"_s));
    const qint64 goldenId = (*inventory)->addGolden(g).value();
    QVERIFY(QDir().mkpath(dir.filePath(u"shard"_s)));
    const qint64 shardId = (*inventory)->addShard(dir.filePath(u"shard"_s), 1).value();
    QList<VmRecord> vms;
    for (quint32 s = 2; s <= 221; ++s)
        vms.append(makeVm(g, goldenId, s, shardId, dir.filePath(u"shard"_s)));
    QVERIFY((*inventory)->reserve(vms).ok());
    auto report = InventoryReport::take(**inventory, 0, m_at);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    const QString file = dir.filePath(u"big.pdf"_s);
    const Status s = report->writePdf(file);
    QVERIFY2(s.ok(), qPrintable(s.error()));

    const QString all = pdfText(file);
    for (const auto &vm : vms)
        QVERIFY2(QRegularExpression(u"\\b%1\\b"_s.arg(vm.name)).match(all).hasMatch(),
                 qPrintable(vm.name));
    const auto total = QRegularExpression(u"Page 1 of (\\d+)"_s).match(all).captured(1).toInt();
    QVERIFY2(total >= 4, qPrintable(u"%1 pages"_s.arg(total)));
    // Page 1 is the summary; every page of the VM list starts with the column headers.
    QRegularExpression header(u"Name\\s+IP\\s+MAC\\s+State\\s+Golden"_s);
    for (int p = 2; p <= total; ++p) {
        const QString page = pdfText(file, p, p);
        QVERIFY2(header.match(page).hasMatch(), qPrintable(u"page %1:\n%2"_s.arg(p).arg(page)));
        QVERIFY2(page.contains(u"Page %1 of %2"_s.arg(p).arg(total)), qPrintable(page));
    }
}

void TestInventoryReport::pdfSaysWhatTheHtmlSays() {
    if (findTool(u"pdftotext"_s).isEmpty())
        VMECLONE_SKIP_UNLESS_CI("pdftotext (poppler-utils) is not installed");
    const HtmlReport html = readHtml(m_report->toHtml().toUtf8());
    QVERIFY2(html.error.isEmpty(), qPrintable(html.error));
    const QString file = path(u"same.pdf"_s);
    const Status s = m_report->writePdf(file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    const QString text = pdfText(file);
    const QStringList lines = text.split(u'\n');

    // The same sections, in the same order.
    QCOMPARE(html.headings.size(), 5);
    qsizetype at = 0;
    for (const QString &heading : html.headings) {
        const QRegularExpression line(u"^\\s*%1\\s*$"_s.arg(QRegularExpression::escape(heading)),
                                      QRegularExpression::MultilineOption);
        const auto m = line.match(text, at);
        QVERIFY2(m.hasMatch(),
                 qPrintable(u"no heading '%1' after %2 in:\n%3"_s.arg(heading).arg(at).arg(text)));
        at = m.capturedEnd();
    }

    // The same counts per state: each summary row is a line "<state> <count>".
    const QList<QStringList> states = html.tables.value(u"states"_s);
    QSet<VmState> present;
    for (const auto &vm : m_report->vms())
        present.insert(vm.state);
    QCOMPARE(states.size(), present.size() + 2); // the header row and the total too
    for (const QStringList &row : states.mid(1)) {
        const QRegularExpression line(u"^\\s*%1\\s+%2\\s*$"_s.arg(row[0], row[1]),
                                      QRegularExpression::MultilineOption);
        QVERIFY2(line.match(text).hasMatch(), qPrintable(row.join(u' ') + u" in:\n"_s + text));
    }

    // The same VMs: each one's name, address and state on one line (its row), and each
    // address once: no row lost or doubled.
    const QList<QStringList> vms = html.tables.value(u"vms"_s);
    QCOMPARE(vms.size(), m_report->vms().size() + 1);
    for (const QStringList &row : vms.mid(1)) {
        const auto hasRow = [&](const QString &line) {
            return QRegularExpression(u"\\b%1\\b"_s.arg(QRegularExpression::escape(row[0])))
                       .match(line)
                       .hasMatch()
                   && line.contains(row[1]) && line.contains(row[3]);
        };
        QVERIFY2(std::count_if(lines.begin(), lines.end(), hasRow) == 1,
                 qPrintable(row.mid(0, 4).join(u' ') + u" in:\n"_s + text));
        const QRegularExpression address(
            u"(?<![\\d.])%1(?![\\d.])"_s.arg(QRegularExpression::escape(row[1])));
        int seen = 0;
        for (auto it = address.globalMatch(text); it.hasNext(); it.next())
            ++seen;
        QVERIFY2(seen == 1, qPrintable(u"%1 seen %2 times"_s.arg(row[1]).arg(seen)));
    }

    // The same goldens and shards, with the sizes and usage the HTML gives.
    for (const QString &table : {u"goldens"_s, u"shards"_s}) {
        const QList<QStringList> rows = html.tables.value(table);
        QCOMPARE(rows.size(),
                 (table == u"goldens" ? m_report->goldens().size() : m_report->shards().size())
                     + 1);
        for (const QStringList &row : rows.mid(1)) {
            // Word by word, as long cells wrap; of a path, its last part (a path
            // wider than its column may break anywhere).
            for (const QString &cell : row) {
                for (const QString &word : cell.split(u' ', Qt::SkipEmptyParts)) {
                    const QString tail = word.section(u'/', -1);
                    QVERIFY2(text.contains(tail),
                             qPrintable(u"%1: '%2' in:\n%3"_s.arg(table, tail, text)));
                }
            }
        }
    }
}

void TestInventoryReport::emptyInventory_data() {
    QTest::addColumn<QString>("format");
    for (const auto &f : {u"csv"_s, u"json"_s, u"html"_s, u"pdf"_s, u"ansible"_s})
        QTest::newRow(qPrintable(f)) << f;
}

void TestInventoryReport::emptyInventory() {
    QFETCH(QString, format);
    QTemporaryDir dir;
    auto inventory = Inventory::open(dir.filePath(u"inventory.sqlite"_s));
    QVERIFY2(inventory.ok(), qPrintable(inventory.error()));
    auto report = InventoryReport::take(**inventory, 0, m_at);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    const QString file = dir.filePath(u"empty."_s + format);
    const Status s = report->write(file, *InventoryReport::formatFromName(format));
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    if (format == u"csv") {
        QCOMPARE(bytes, (kColumns.join(u',') + u"\r\n"_s).toUtf8());
    } else if (format == u"json") {
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(o[u"vms"_s].toArray().size(), 0);
        QCOMPARE(o[u"summary"_s].toObject()[u"online"_s].toInteger(), 0);
    } else if (format == u"html") {
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(bytes.contains("No VMs in the inventory."));
    } else if (format == u"ansible") {
        // ansible-inventory reads it in tst_export_ansible; here: no hosts, no groups.
        QCOMPARE(bytes, QByteArray("---\nall:\n  hosts: {}\n  children: {}\n"));
    } else {
        QVERIFY(bytes.startsWith("%PDF-"));
        if (findTool(u"pdftotext"_s).isEmpty())
            VMECLONE_SKIP_UNLESS_CI("pdftotext (poppler-utils) is not installed");
        const QString text = pdfText(file);
        QVERIFY2(text.contains(u"No VMs in the inventory."_s), qPrintable(text));
        QVERIFY(text.contains(u"Page 2 of 2"_s));
    }
}

void TestInventoryReport::writeFailsCleanly_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("target"); // relative to a fresh folder
    for (const auto &f : {u"csv"_s, u"json"_s, u"html"_s, u"pdf"_s, u"ansible"_s}) {
        QTest::newRow(qPrintable(f + u" into a missing folder"_s)) << f << u"missing/report."_s + f;
        QTest::newRow(qPrintable(f + u" over a folder"_s)) << f << u"taken."_s + f;
    }
}

void TestInventoryReport::writeFailsCleanly() {
    QFETCH(QString, format);
    QFETCH(QString, target);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(u"taken."_s + format));
    const QStringList before = filesIn(dir.path());
    const QString file = dir.filePath(target);
    const Status s = m_report->write(file, *InventoryReport::formatFromName(format));
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(file), qPrintable(s.error()));
    QCOMPARE(filesIn(dir.path()), before); // no temporary file left behind
    QVERIFY(QFileInfo(dir.filePath(u"taken."_s + format)).isDir());
}

void TestInventoryReport::writeReplacesExistingFile_data() {
    emptyInventory_data();
}

void TestInventoryReport::writeReplacesExistingFile() {
    QFETCH(QString, format);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"report."_s + format);
    {
        QFile old(file);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(300000, 'x')); // longer than the report: no old tail may remain
    }
    const Status s = m_report->write(file, *InventoryReport::formatFromName(format));
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QCOMPARE(filesIn(dir.path()), QStringList{u"report."_s + format});
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(!bytes.contains("xxxxxxxx"));
    QVERIFY(bytes.size() > 100);
}

QTEST_MAIN(TestInventoryReport)
#include "tst_inventory_report.moc"
