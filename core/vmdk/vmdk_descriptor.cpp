#include "vmdk_descriptor.h"

#include "common/failure_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QStringEncoder>

#include <algorithm>
#include <cctype>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kVmdkDescriptorCannotOpen{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot open disk %1: %2")};
const FailureSentence kVmdkDescriptorSparseWithout{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is a sparse extent without a descriptor (one file of a split disk?): open the disk's "
    "descriptor .vmdk that names it instead")};
const FailureSentence kVmdkDescriptorCannotRead{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot read the descriptor in %1: %2")};
const FailureSentence kVmdkDescriptorCutShort{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is truncated: its embedded descriptor is cut short; copy the disk again")};
const FailureSentence kVmdkDescriptorCowd{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is an old-style sparse extent (COWD) without a descriptor: open the disk's descriptor "
    ".vmdk instead")};
const FailureSentence kVmdkDescriptorTooBig{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is not a VMDK descriptor (%2 bytes, not a small text file): if it is a flat extent, "
    "open the descriptor .vmdk that names it")};
const FailureSentence kVmdkDescriptorBinary{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is neither a VMDK descriptor nor a sparse VMDK: it holds binary data and does not "
    "start with \"KDMV\"")};
const FailureSentence kVmdkDescriptorUnreadableEncoding{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 is written in the encoding \"%2\", which this build cannot read")};
const FailureSentence kVmdkDescriptorLine{QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 line %2: %3")};
const FailureSentence kVmdkDescriptorUnterminatedExtent{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "extent line '%1' has an unterminated quote")};
const FailureSentence kVmdkDescriptorExtentUsage{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "expected: RW <sectors> SPARSE|FLAT|ZERO|VMFS|VMFSSPARSE \"<file>\" [offset]")};
const FailureSentence kVmdkDescriptorExtentIncomplete{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "extent line '%1' is incomplete; %2")};
const FailureSentence kVmdkDescriptorNotSectors{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "extent line '%1': '%2' is not a number of sectors; %3")};
const FailureSentence kVmdkDescriptorUnknownType{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "extent line '%1': unknown extent type '%2'; %3")};
const FailureSentence kVmdkDescriptorNoFile{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "extent line '%1' names no file in double quotes; %2")};
const FailureSentence kVmdkDescriptorNotOffset{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "extent line '%1': '%2' is not an offset in sectors; %3")};
const FailureSentence kVmdkDescriptorExtraWords{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "extent line '%1' has extra words; %2")};
const FailureSentence kVmdkDescriptorNotLine{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "'%1' is not a descriptor line (expected key=value, an extent line such as RW 2048 SPARSE "
    "\"disk-s001.vmdk\", or a # comment)")};
const FailureSentence kVmdkDescriptorUnterminatedValue{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the value of %1 has an unterminated quote")};
const FailureSentence kVmdkDescriptorNoCreateType{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 is not a VMDK descriptor: it has no createType line")};
const FailureSentence kVmdkDescriptorNoVersion{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is not a VMDK descriptor: it has no version line")};
const FailureSentence kVmdkDescriptorNoCid{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 has no CID line: VMware cannot open a disk without its content id")};
const FailureSentence kVmdkDescriptorBadCid{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 line %2: %3 '%4' is not a hexadecimal content id")};
const FailureSentence kVmdkDescriptorNoExtents{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "%1 describes no extents: a disk needs at least one line like RW 2048 SPARSE "
                      "\"disk-s001.vmdk\"")};
const FailureSentence kVmdkDescriptorNoExtent{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 has no extent %2")};
const FailureSentence kVmdkDescriptorZeroExtent{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "extent %1 of %2 is a ZERO extent and has no file")};
const FailureSentence kVmdkDescriptorBadFileName{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "'%1' cannot be an extent file name in a descriptor")};
const FailureSentence kVmdkDescriptorBadValue{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the value '%1' of %2 cannot be written in a VMDK descriptor (no quotes or line breaks)")};
const FailureSentence kVmdkDescriptorNoEncoder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "'%1' cannot be written: the descriptor's encoding \"%2\" is not available in this build")};
const FailureSentence kVmdkDescriptorNotEncodable{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "'%1' cannot be written in the descriptor's encoding \"%2\"")};

// qemu reads at most this much of a descriptor file; a bigger file is an extent.
constexpr qint64 kMaxDescriptorFile = 1024 * 1024;

bool isDescriptorAscii(const QByteArray &bytes) {
    return std::all_of(bytes.begin(), bytes.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool isDescriptorSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

struct ExtentTypeName {
    const char *name;
    VmdkExtentType type;
};
constexpr ExtentTypeName kExtentTypes[] = {
    {"SPARSE", VmdkExtentType::Sparse},
    {"FLAT", VmdkExtentType::Flat},
    {"ZERO", VmdkExtentType::Zero},
    {"VMFS", VmdkExtentType::Vmfs},
    {"VMFSSPARSE", VmdkExtentType::VmfsSparse},
    {"VMFSRDM", VmdkExtentType::VmfsRdm},
    {"VMFSRAW", VmdkExtentType::VmfsRaw},
    {"SESPARSE", VmdkExtentType::SeSparse},
};

bool isAccessWord(const QByteArray &word) {
    const QByteArray upper = word.toUpper();
    return upper == "RW" || upper == "RDONLY" || upper == "NOACCESS";
}

// Splits an extent line into words; a "double-quoted" word keeps its spaces.
struct Token {
    QByteArray text;
    bool quoted = false;
};

std::optional<QList<Token>> tokenize(const QByteArray &line) {
    QList<Token> tokens;
    qsizetype i = 0;
    while (true) {
        while (i < line.size() && isDescriptorSpace(line[i]))
            ++i;
        if (i >= line.size())
            return tokens;
        if (line[i] == '"') {
            const qsizetype close = line.indexOf('"', i + 1);
            if (close < 0)
                return std::nullopt;
            tokens.append({line.mid(i + 1, close - i - 1), true});
            i = close + 1;
        } else {
            const qsizetype start = i;
            while (i < line.size() && !isDescriptorSpace(line[i]))
                ++i;
            tokens.append({line.mid(start, i - start), false});
        }
    }
}

bool isWindowsAbsolute(const QString &path) {
    return (path.size() >= 3 && path[0].isLetter() && path[1] == u':'
            && (path[2] == u'\\' || path[2] == u'/'))
           || path.startsWith(u"\\\\"_s);
}

// A name from the descriptor, resolved against its folder: absolute names stay, and a
// Windows name is kept as written where it cannot mean anything (so errors show it).
QString resolve(const QString &folder, const QString &name) {
    if (name.isEmpty())
        return {};
#if defined(Q_OS_WIN)
    return QDir::cleanPath(QDir(folder).absoluteFilePath(QDir::fromNativeSeparators(name)));
#else
    if (isWindowsAbsolute(name))
        return name;
    QString path = name;
    path.replace(u'\\', u'/');
    return QDir::cleanPath(QDir(folder).absoluteFilePath(path));
#endif
}

bool isHex(const QString &text) {
    if (text.isEmpty() || text.size() > 8)
        return false;
    bool ok = false;
    text.toUInt(&ok, 16);
    return ok;
}

} // namespace

Expected<VmdkDescriptor> VmdkDescriptor::load(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(kVmdkDescriptorCannotOpen(path, file.errorString()));
    const qint64 size = file.size();
    const QByteArray first = file.read(SparseExtentHeader::kSize);
    std::optional<SparseExtentHeader> header;
    QByteArray text;
    if (SparseExtentHeader::hasMagic(first)) {
        auto parsed = SparseExtentHeader::parse(first, path, size);
        if (!parsed)
            return fail(parsed.error());
        if (!parsed->hasEmbeddedDescriptor())
            return fail(kVmdkDescriptorSparseWithout(path));
        const qint64 offset = qint64(parsed->descriptorOffset) * SparseExtentHeader::kSectorSize;
        const qint64 length = qint64(parsed->descriptorSize) * SparseExtentHeader::kSectorSize;
        if (!file.seek(offset))
            return fail(kVmdkDescriptorCannotRead(path, file.errorString()));
        text = file.read(length);
        if (text.size() != length)
            return fail(kVmdkDescriptorCutShort(path));
        if (const qsizetype nul = text.indexOf('\0'); nul >= 0)
            text.truncate(nul);
        // qemu-img gives every extent of a split disk a descriptor area, left empty.
        if (text.trimmed().isEmpty())
            return fail(kVmdkDescriptorSparseWithout(path));
        header = *parsed;
    } else if (first.startsWith("COWD")) {
        return fail(kVmdkDescriptorCowd(path));
    } else {
        if (size > kMaxDescriptorFile)
            return fail(kVmdkDescriptorTooBig(path, size));
        text = first + file.readAll();
        // A descriptor ends at its first NUL, as qemu reads it: qemu rewrites a descriptor
        // file as a 10 KiB buffer when it changes the CID, and what follows the NUL is
        // padding or the tail of the old text. A file whose text part names no
        // createType is binary, not a descriptor.
        if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
            text.truncate(nul);
            if (!text.toLower().contains("createtype"))
                return fail(kVmdkDescriptorBinary(path));
        }
    }
    auto descriptor = parse(text, path);
    if (!descriptor)
        return descriptor;
    descriptor->m_path = QFileInfo(path).absoluteFilePath();
    descriptor->m_header = header;
    return descriptor;
}

Expected<VmdkDescriptor> VmdkDescriptor::parse(const QByteArray &text, const QString &origin) {
    VmdkDescriptor d;
    for (qsizetype start = 0; start < text.size();) {
        qsizetype newline = text.indexOf('\n', start);
        Line line;
        if (newline < 0) {
            line.text = text.mid(start);
            start = text.size();
        } else {
            line.text = text.mid(start, newline - start);
            line.end = "\n";
            start = newline + 1;
        }
        if (line.text.endsWith('\r')) {
            line.text.chop(1);
            line.end.prepend('\r');
        }
        d.m_lines.append(line);
    }

    // The encoding decides how names are read, so it is found first.
    for (const Line &line : std::as_const(d.m_lines)) {
        const QByteArray t = line.text.trimmed();
        const qsizetype eq = t.indexOf('=');
        if (eq > 0 && t.left(eq).trimmed().toLower() == "encoding") {
            QByteArray value = t.mid(eq + 1).trimmed();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            d.m_codec = value;
            break;
        }
    }
    if (!d.m_codec.isEmpty() && !isDescriptorAscii(text)) {
        QStringDecoder probe(d.m_codec.constData());
        if (!probe.isValid())
            return fail(kVmdkDescriptorUnreadableEncoding(origin, QString::fromLatin1(d.m_codec)));
    }

    for (qsizetype i = 0; i < d.m_lines.size(); ++i) {
        const QByteArray &raw = d.m_lines[i].text;
        const int number = int(i + 1);
        auto bad = [&](const QString &why) {
            return fail(kVmdkDescriptorLine(origin, number, why));
        };
        const QByteArray t = raw.trimmed();
        if (t.isEmpty() || t.startsWith('#'))
            continue;
        qsizetype wordEnd = 0;
        while (wordEnd < t.size() && !isDescriptorSpace(t[wordEnd]) && t[wordEnd] != '=')
            ++wordEnd;
        if (isAccessWord(t.left(wordEnd)) && wordEnd < t.size() && t[wordEnd] != '=') {
            const QString shown = d.decode(t);
            const auto tokens = tokenize(t);
            if (!tokens)
                return bad(kVmdkDescriptorUnterminatedExtent(shown));
            const QString usage = kVmdkDescriptorExtentUsage();
            if (tokens->size() < 3)
                return bad(kVmdkDescriptorExtentIncomplete(shown, usage));
            VmdkExtent extent;
            extent.line = number;
            extent.access = QString::fromLatin1(tokens->at(0).text.toUpper());
            bool ok = false;
            extent.sectors = tokens->at(1).text.toLongLong(&ok);
            if (!ok || extent.sectors <= 0 || tokens->at(1).quoted)
                return bad(kVmdkDescriptorNotSectors(shown, d.decode(tokens->at(1).text), usage));
            extent.typeName = QString::fromLatin1(tokens->at(2).text);
            const QByteArray upperType = tokens->at(2).text.toUpper();
            const auto known = std::find_if(std::begin(kExtentTypes), std::end(kExtentTypes),
                                            [&](const auto &e) { return upperType == e.name; });
            if (known == std::end(kExtentTypes) || tokens->at(2).quoted)
                return bad(kVmdkDescriptorUnknownType(shown, d.decode(tokens->at(2).text), usage));
            extent.type = known->type;
            qsizetype next = 3;
            if (extent.type != VmdkExtentType::Zero) {
                if (tokens->size() <= next || !tokens->at(next).quoted
                    || tokens->at(next).text.isEmpty())
                    return bad(kVmdkDescriptorNoFile(shown, usage));
                extent.fileName = d.decode(tokens->at(next).text);
                ++next;
            }
            if (next < tokens->size()) {
                const qint64 offset = tokens->at(next).text.toLongLong(&ok);
                if (!ok || offset < 0 || tokens->at(next).quoted)
                    return bad(
                        kVmdkDescriptorNotOffset(shown, d.decode(tokens->at(next).text), usage));
                extent.offset = offset;
                ++next;
            }
            if (next < tokens->size())
                return bad(kVmdkDescriptorExtraWords(shown, usage));
            d.m_extents.append(extent);
            continue;
        }
        const qsizetype eq = raw.indexOf('=');
        const QByteArray key = eq > 0 ? raw.left(eq).trimmed() : QByteArray();
        const bool keyOk = !key.isEmpty() && std::all_of(key.begin(), key.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'
                   || c == ':';
        });
        if (!keyOk)
            return bad(kVmdkDescriptorNotLine(d.decode(t)));
        // The value: quoted or bare, with whatever spacing the writer used kept around it.
        qsizetype valueStart = eq + 1;
        while (valueStart < raw.size() && isDescriptorSpace(raw[valueStart]))
            ++valueStart;
        qsizetype valueEnd = raw.size();
        while (valueEnd > valueStart && isDescriptorSpace(raw[valueEnd - 1]))
            --valueEnd;
        Entry entry;
        entry.key = QString::fromLatin1(key);
        entry.line = int(i);
        QByteArray value = raw.mid(valueStart, valueEnd - valueStart);
        if (value.startsWith('"')) {
            if (value.size() < 2 || !value.endsWith('"'))
                return bad(kVmdkDescriptorUnterminatedValue(entry.key));
            value = value.mid(1, value.size() - 2);
            entry.quoted = true;
        }
        entry.value = d.decode(value);
        d.m_entries.append(entry);
    }
    if (Status valid = d.validate(origin); !valid)
        return fail(valid.error());
    return d;
}

Status VmdkDescriptor::validate(const QString &origin) const {
    auto lineOf = [&](const QString &key) {
        return m_entries[entryIndex(key)].line + 1;
    };
    if (entryIndex(u"createType"_s) < 0)
        return fail(kVmdkDescriptorNoCreateType(origin));
    if (entryIndex(u"version"_s) < 0)
        return fail(kVmdkDescriptorNoVersion(origin));
    if (entryIndex(u"CID"_s) < 0)
        return fail(kVmdkDescriptorNoCid(origin));
    for (const QString &key : {u"CID"_s, u"parentCID"_s}) {
        if (entryIndex(key) >= 0 && !isHex(value(key)))
            return fail(kVmdkDescriptorBadCid(origin, lineOf(key), key, value(key)));
    }
    if (m_extents.isEmpty())
        return fail(kVmdkDescriptorNoExtents(origin));
    return {};
}

QByteArray VmdkDescriptor::toBytes() const {
    QByteArray out;
    for (const Line &line : m_lines)
        out += line.text + line.end;
    return out;
}

QString VmdkDescriptor::folder() const {
    return m_path.isEmpty() ? QDir::currentPath() : QFileInfo(m_path).absolutePath();
}

int VmdkDescriptor::version() const {
    return value(u"version"_s).toInt();
}

QString VmdkDescriptor::createType() const {
    return value(u"createType"_s);
}

QString VmdkDescriptor::encoding() const {
    return value(u"encoding"_s);
}

quint32 VmdkDescriptor::cid() const {
    return value(u"CID"_s).toUInt(nullptr, 16);
}

Status VmdkDescriptor::setCid(quint32 cid) {
    const QString hex = u"%1"_s.arg(cid, 8, 16, QLatin1Char('0'));
    if (Status s = setValue(u"CID"_s, hex); !s)
        return s;
    const QString longId = value(u"ddb.longContentID"_s);
    if (longId.size() == 32)
        return setValue(u"ddb.longContentID"_s, longId.left(24) + hex);
    return {};
}

quint32 VmdkDescriptor::parentCid() const {
    if (!contains(u"parentCID"_s))
        return kNoParent;
    return value(u"parentCID"_s).toUInt(nullptr, 16);
}

Status VmdkDescriptor::setParentCid(quint32 cid) {
    return setValue(u"parentCID"_s, u"%1"_s.arg(cid, 8, 16, QLatin1Char('0')));
}

QString VmdkDescriptor::parentFileNameHint() const {
    return value(u"parentFileNameHint"_s);
}

Status VmdkDescriptor::setParentFileNameHint(const QString &hint) {
    return setValue(u"parentFileNameHint"_s, hint);
}

QString VmdkDescriptor::parentPath() const {
    if (!hasParent())
        return {};
    return resolve(folder(), parentFileNameHint());
}

Status VmdkDescriptor::setExtentFileName(qsizetype index, const QString &fileName) {
    if (index < 0 || index >= m_extents.size())
        return fail(kVmdkDescriptorNoExtent(m_path, index + 1));
    if (!m_extents[index].hasFile())
        return fail(kVmdkDescriptorZeroExtent(index + 1, m_path));
    if (fileName.isEmpty() || fileName.contains(u'"') || fileName.contains(u'\n')
        || fileName.contains(u'\r'))
        return fail(kVmdkDescriptorBadFileName(fileName));
    const QString previous = m_extents[index].fileName;
    m_extents[index].fileName = fileName;
    if (Status s = rewriteExtentLine(index); !s) {
        m_extents[index].fileName = previous;
        return s;
    }
    return {};
}

Status VmdkDescriptor::rewriteExtentLine(qsizetype index) {
    const VmdkExtent &e = m_extents[index];
    QByteArray line =
        e.access.toLatin1() + ' ' + QByteArray::number(e.sectors) + ' ' + e.typeName.toLatin1();
    if (e.hasFile()) {
        auto name = encode(e.fileName);
        if (!name)
            return fail(name.error());
        line += " \"" + *name + '"';
    }
    if (e.offset)
        line += ' ' + QByteArray::number(*e.offset);
    m_lines[e.line - 1].text = line;
    return {};
}

QString VmdkDescriptor::extentPath(qsizetype index) const {
    if (index < 0 || index >= m_extents.size())
        return {};
    return resolve(folder(), m_extents[index].fileName);
}

qint64 VmdkDescriptor::capacitySectors() const {
    qint64 total = 0;
    for (const VmdkExtent &e : m_extents)
        total += e.sectors;
    return total;
}

qsizetype VmdkDescriptor::entryIndex(const QString &key) const {
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].key.compare(key, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QString VmdkDescriptor::value(const QString &key) const {
    const qsizetype i = entryIndex(key);
    return i < 0 ? QString() : m_entries[i].value;
}

bool VmdkDescriptor::contains(const QString &key) const {
    return entryIndex(key) >= 0;
}

QStringList VmdkDescriptor::keys() const {
    QStringList out;
    for (const Entry &e : m_entries)
        out << e.key;
    return out;
}

Status VmdkDescriptor::setValue(const QString &key, const QString &newValue) {
    if (newValue.contains(u'"') || newValue.contains(u'\n') || newValue.contains(u'\r'))
        return fail(kVmdkDescriptorBadValue(newValue, key));
    auto encoded = encode(newValue);
    if (!encoded)
        return fail(encoded.error());
    const qsizetype existing = entryIndex(key);
    if (existing >= 0) {
        Entry &e = m_entries[existing];
        QByteArray &raw = m_lines[e.line].text;
        const qsizetype eq = raw.indexOf('=');
        qsizetype valueStart = eq + 1;
        while (valueStart < raw.size() && isDescriptorSpace(raw[valueStart]))
            ++valueStart;
        qsizetype valueEnd = raw.size();
        while (valueEnd > valueStart && isDescriptorSpace(raw[valueEnd - 1]))
            --valueEnd;
        const QByteArray written = e.quoted ? '"' + *encoded + '"' : *encoded;
        raw = raw.left(valueStart) + written + raw.mid(valueEnd);
        e.value = newValue;
        return {};
    }

    // A new line: header keys go after the last header key, ddb.* keys at the end.
    const bool ddb = key.startsWith(u"ddb."_s, Qt::CaseInsensitive);
    const bool bare = key.compare(u"version"_s, Qt::CaseInsensitive) == 0
                      || key.compare(u"CID"_s, Qt::CaseInsensitive) == 0
                      || key.compare(u"parentCID"_s, Qt::CaseInsensitive) == 0;
    int after = -1;
    for (const Entry &e : std::as_const(m_entries)) {
        if (e.key.startsWith(u"ddb."_s, Qt::CaseInsensitive) == ddb)
            after = std::max(after, e.line);
    }
    if (ddb && after < 0)
        after = int(m_lines.size()) - 1;
    const QByteArray k = key.toLatin1();
    Line line;
    if (ddb)
        line.text = k + " = \"" + *encoded + '"';
    else
        line.text = bare ? QByteArray(k + '=' + *encoded) : QByteArray(k + "=\"" + *encoded + '"');
    const int at = after + 1;
    QByteArray end = "\n";
    for (const Line &l : std::as_const(m_lines)) {
        if (!l.end.isEmpty()) {
            end = l.end;
            break;
        }
    }
    line.end = end;
    // After a last line without a line end, the new line becomes the one without.
    if (at > 0 && m_lines[at - 1].end.isEmpty()) {
        m_lines[at - 1].end = end;
        line.end.clear();
    }
    m_lines.insert(at, line);
    for (Entry &e : m_entries) {
        if (e.line >= at)
            ++e.line;
    }
    for (VmdkExtent &e : m_extents) {
        if (e.line - 1 >= at)
            ++e.line;
    }
    Entry entry;
    entry.key = key;
    entry.value = newValue;
    entry.line = at;
    entry.quoted = !bare;
    m_entries.append(entry);
    return {};
}

void VmdkDescriptor::remove(const QString &key) {
    const qsizetype i = entryIndex(key);
    if (i < 0)
        return;
    const int at = m_entries[i].line;
    m_entries.removeAt(i);
    m_lines.removeAt(at);
    for (Entry &e : m_entries) {
        if (e.line > at)
            --e.line;
    }
    for (VmdkExtent &e : m_extents) {
        if (e.line - 1 > at)
            --e.line;
    }
}

Expected<QByteArray> VmdkDescriptor::encode(const QString &text) const {
    bool ascii = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii)
        return text.toLatin1();
    if (m_codec.isEmpty() || m_codec.compare("UTF-8", Qt::CaseInsensitive) == 0)
        return text.toUtf8();
    QStringEncoder encoder(m_codec.constData());
    if (!encoder.isValid())
        return fail(kVmdkDescriptorNoEncoder(text, QString::fromLatin1(m_codec)));
    QByteArray bytes = encoder.encode(text);
    if (encoder.hasError())
        return fail(kVmdkDescriptorNotEncodable(text, QString::fromLatin1(m_codec)));
    return bytes;
}

QString VmdkDescriptor::decode(const QByteArray &bytes) const {
    if (isDescriptorAscii(bytes))
        return QString::fromLatin1(bytes);
    if (!m_codec.isEmpty() && m_codec.compare("UTF-8", Qt::CaseInsensitive) != 0) {
        QStringDecoder decoder(m_codec.constData());
        if (decoder.isValid())
            return decoder.decode(bytes);
    }
    // No encoding line: VMware wrote the host's code page, which for the names that
    // occur is UTF-8 or (on Windows) windows-1252; invalid UTF-8 means the latter.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return text;
    QStringDecoder cp1252("windows-1252");
    return cp1252.isValid() ? QString(cp1252.decode(bytes)) : QString::fromLatin1(bytes);
}

} // namespace vmeclone
