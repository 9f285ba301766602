// Reading a VMDK descriptor (VmdkDescriptor::load, parse, validate): the text file, or the
// one embedded in a monolithic sparse extent, line by line, with each refusal naming its
// line; vmdk_descriptor.cpp edits and writes it.
#include "common/failure_text.h"
#include "vmdk_descriptor.h"
#include "vmdk_descriptor_text.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>
#include <cctype>

using namespace Qt::StringLiterals;

namespace vmeclone {
using vmdk_text::isDescriptorAscii;
using vmdk_text::isDescriptorSpace;

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

// qemu reads at most this much of a descriptor file; a bigger file is an extent.
constexpr qint64 kMaxDescriptorFile = 1024 * 1024;

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

} // namespace vmeclone
