#include "vmx_document.h"

#include "common/failure_text.h"
#include "common/logging.h"
#include "protocol/addressing.h"

#include <QFile>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>
#include <QStringEncoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

const FailureSentence kVmxDocumentNulByte{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "a NUL byte in the line")};
const FailureSentence kVmxDocumentKeyMissing{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the key before '=' is missing")};
const FailureSentence kVmxDocumentNoEquals{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no '=' after the key")};
const FailureSentence kVmxDocumentNoClosingQuote{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the closing quote is missing")};
const FailureSentence kVmxDocumentTextAfterValue{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "text after the value")};
const FailureSentence kVmxDocumentBadLine{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 line %2: expected key = \"value\" (%3): %4")};
const FailureSentence kVmxDocumentUnreadableEncoding{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 line %2: .encoding \"%3\" is not a character set this build can read; save the file "
    "as UTF-8 and set .encoding = \"UTF-8\"")};
const FailureSentence kVmxDocumentEncodingSays{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the file's .encoding says %1; correct it to the character set the file was written in")};
const FailureSentence kVmxDocumentNoEncodingLine{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the file has no .encoding line, so it is read as UTF-8; add .encoding = \"windows-1252\" "
    "(or the character set it was written in) as its first line")};
const FailureSentence kVmxDocumentInvalidValue{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 line %2: the value is not valid %3 (%4)")};
const FailureSentence kVmxDocumentInvalidKey{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 line %2: the key is not valid %3 (%4)")};
const FailureSentence kVmxDocumentTooLarge{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is %2 bytes, too large for a .vmx (they are a few KB): is it the VM's configuration "
    "file?")};
const FailureSentence kVmxDocumentCannotMakePrivate{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot make %1 private: %2")};

constexpr qsizetype kMaxVmxBytes = 8 * 1024 * 1024;
const QByteArray kUtf8Bom = QByteArrayLiteral("\xEF\xBB\xBF");
const QString kEncodingKey = u".encoding"_s;

bool isSpace(char c) {
    return c == ' ' || c == '\t';
}

bool isAscii(const QByteArray &bytes) {
    for (const char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

bool isAscii(QStringView text) {
    for (const QChar c : text)
        if (c.unicode() >= 0x80)
            return false;
    return true;
}

// VMware's Escape_Undo, byte for byte: "|" and two hex digits (either case) are that
// byte; anything else stays as it is, and a byte that broke an escape is not looked at
// again as the start of one ("||22" stays "||22").
QByteArray unescape(const QByteArray &in) {
    QByteArray out;
    out.reserve(in.size());
    int state = 0;
    int high = 0;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (state == 0) {
            if (c == '|')
                state = 1;
            else
                out.append(c);
        } else if (state == 1) {
            high = protocol::hexDigit(c);
            if (high >= 0) {
                state = 2;
            } else {
                out.append('|').append(c);
                state = 0;
            }
        } else {
            const int low = protocol::hexDigit(c);
            if (low >= 0)
                out.append(static_cast<char>(high << 4 | low));
            else
                out.append('|').append(in[i - 1]).append(c);
            state = 0;
        }
    }
    if (state >= 1)
        out.append(in.right(state)); // an escape cut short by the end of the value
    return out;
}

bool needsEscape(unsigned char c) {
    return (c < 0x20 && c != '\t') || c == '"' || c == '|' || c == 0x7F;
}

QByteArray escape(const QByteArray &in) {
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(in.size());
    for (const char ch : in) {
        const auto c = static_cast<unsigned char>(ch);
        if (needsEscape(c)) {
            out.append('|');
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xF]);
        } else {
            out.append(ch);
        }
    }
    return out;
}

// Stateless: a character cut off at the end of a value is an error, not held back.
// ConvertInitialBom: a U+FEFF at the start of a value is a character, kept both ways.
constexpr QStringConverter::Flags kValueFlags =
    QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom;

// Decodes `bytes` in `encoding`; nullopt when they are not valid there.
std::optional<QString> decode(const QByteArray &bytes, const QString &encoding) {
    if (isAscii(bytes))
        return QString::fromLatin1(bytes);
    QStringDecoder decoder(encoding.toLatin1().constData(), kValueFlags);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

std::optional<QByteArray> encode(const QString &text, const QString &encoding) {
    if (isAscii(text))
        return text.toLatin1();
    QStringEncoder encoder(encoding.toLatin1().constData(), kValueFlags);
    QByteArray bytes = encoder.encode(text);
    if (encoder.hasError())
        return std::nullopt;
    // Qt 6.4's own Latin-1 encoder writes '?' for what it cannot hold without saying so:
    // only text that reads back the same is encodable (found by fuzz_vmx_document).
    if (decode(bytes, encoding) != text)
        return std::nullopt;
    return bytes;
}

bool sameKey(QStringView a, QStringView b) {
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QStringView groupOf(QStringView key) {
    const qsizetype dot = key.indexOf(u'.', 1); // ".encoding" is its own group
    return dot < 0 ? key : key.left(dot);
}

bool isValidKey(QStringView key) {
    if (key.isEmpty())
        return false;
    for (const QChar c : key)
        if (c.unicode() <= 0x20 || c == u'=' || c == u'#' || c == u'"' || c.unicode() == 0x7F)
            return false;
    return true;
}

// One line's structure, found on its bytes (the delimiters are ASCII in every
// character set VMware writes, so this is safe before decoding).
struct Scan {
    bool entry = false;
    QByteArray key;
    QByteArray escapedValue;
    qsizetype valueBegin = 0;
    qsizetype valueEnd = 0;
    bool quoted = false;
    QString problem; // empty when the line is well formed
};

Scan scanLine(const QByteArray &raw) {
    Scan s;
    const qsizetype n = raw.size();
    if (raw.contains('\0')) {
        s.problem = kVmxDocumentNulByte();
        return s;
    }
    qsizetype i = 0;
    while (i < n && isSpace(raw[i]))
        ++i;
    if (i == n || raw[i] == '#')
        return s; // blank or comment (a "#!" first line too)
    const qsizetype nameBegin = i;
    while (i < n && !isSpace(raw[i]) && raw[i] != '=' && raw[i] != '#')
        ++i;
    if (i == nameBegin) {
        s.problem = kVmxDocumentKeyMissing();
        return s;
    }
    s.key = raw.mid(nameBegin, i - nameBegin);
    while (i < n && isSpace(raw[i]))
        ++i;
    if (i == n || raw[i] != '=') {
        s.problem = kVmxDocumentNoEquals();
        return s;
    }
    ++i;
    while (i < n && isSpace(raw[i]))
        ++i;
    s.valueBegin = i;
    if (i < n && raw[i] == '"') {
        const qsizetype close = raw.indexOf('"', i + 1);
        if (close < 0) {
            s.problem = kVmxDocumentNoClosingQuote();
            return s;
        }
        s.quoted = true;
        s.escapedValue = raw.mid(i + 1, close - i - 1);
        i = close + 1;
    } else {
        while (i < n && !isSpace(raw[i]) && raw[i] != '#')
            ++i;
        s.escapedValue = raw.mid(s.valueBegin, i - s.valueBegin);
    }
    s.valueEnd = i;
    while (i < n && isSpace(raw[i]))
        ++i;
    if (i < n && raw[i] != '#') {
        s.problem = kVmxDocumentTextAfterValue();
        return s;
    }
    s.entry = true;
    return s;
}

// The start of a bad line for a message, control bytes shown as '?'.
QString excerpt(const QByteArray &raw) {
    QByteArray shown = raw.left(60);
    for (char &c : shown)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
            c = '?';
    QString text = QString::fromUtf8(shown);
    if (raw.size() > 60)
        text += u"..."_s;
    return text;
}

} // namespace

Expected<VmxDocument> VmxDocument::parse(const QByteArray &bytes,
                                         const QString &fileNameForMessages) {
    VmxDocument doc;
    doc.m_fileName = fileNameForMessages;
    qsizetype pos = 0;
    if (bytes.startsWith(kUtf8Bom)) {
        doc.m_bom = kUtf8Bom;
        pos = kUtf8Bom.size();
    }

    QList<Scan> scans;
    int lineNumber = 0;
    while (pos < bytes.size()) {
        Line line;
        const qsizetype newline = bytes.indexOf('\n', pos);
        qsizetype end = newline < 0 ? bytes.size() : newline;
        if (newline >= 0) {
            line.terminator = QByteArrayLiteral("\n");
            if (end > pos && bytes[end - 1] == '\r') {
                --end;
                line.terminator = QByteArrayLiteral("\r\n");
            }
        } else if (end > pos && bytes[end - 1] == '\r') {
            // A last line cut after its CR: the CR ends it (it is no part of the value),
            // and becomes CRLF if a line is ever added after it.
            --end;
            line.terminator = QByteArrayLiteral("\r");
        }
        line.raw = bytes.mid(pos, end - pos);
        pos = newline < 0 ? bytes.size() : newline + 1;
        ++lineNumber;

        Scan scan = scanLine(line.raw);
        if (!scan.problem.isEmpty())
            return fail(kVmxDocumentBadLine(fileNameForMessages, lineNumber, scan.problem,
                                            excerpt(line.raw)));
        line.entry = scan.entry;
        line.valueBegin = scan.valueBegin;
        line.valueEnd = scan.valueEnd;
        line.quoted = scan.quoted;
        doc.m_lines.append(line);
        scans.append(std::move(scan));
    }

    // .encoding names the character set of every name and value in the file, wherever
    // the line is (VMware writes it first).
    for (qsizetype i = scans.size() - 1; i >= 0; --i) {
        if (!scans[i].entry || !sameKey(QString::fromLatin1(scans[i].key), kEncodingKey))
            continue;
        const QString name = QString::fromLatin1(unescape(scans[i].escapedValue)).trimmed();
        QStringDecoder probe(name.toLatin1().constData());
        // The line structure is read on bytes, so only sets where ASCII is ASCII work, and
        // where no other character is written with ASCII bytes (UTF-7's "+AOk-",
        // ISO-2022's escapes): those would read back as the ASCII they are made of.
        const QString ascii = u"key = \"v|7C\" # +x~-"_s;
        auto asciiSafe = [&] {
            if (!probe.isValid() || !isAscii(name)
                || QString(probe.decode(ascii.toLatin1())) != ascii || probe.hasError())
                return false;
            for (const QString &sample : {u"\u00e9"_s, u"\u4e2d"_s}) {
                QStringEncoder encoder(name.toLatin1().constData(),
                                       QStringConverter::Flag::Stateless);
                const QByteArray encoded = encoder.encode(sample);
                QStringDecoder back(name.toLatin1().constData(), kValueFlags);
                if (encoder.hasError() || QString(back.decode(encoded)) != sample)
                    continue; // not in this set at all (Latin-1 says so with a silent '?'): fine
                if (std::any_of(encoded.begin(), encoded.end(),
                                [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
                    return false;
            }
            return true;
        };
        if (!asciiSafe())
            return fail(kVmxDocumentUnreadableEncoding(fileNameForMessages, i + 1, name));
        // Qt names the set it found, except for some ICU aliases ("xibm1098"): keep the
        // file's spelling then, which opens the same converter.
        const QString canonical = QString::fromLatin1(probe.name());
        doc.m_encoding = canonical.isEmpty() ? name : canonical;
        doc.m_hasEncodingLine = true;
        break;
    }

    for (qsizetype i = 0; i < scans.size(); ++i) {
        if (!scans[i].entry)
            continue;
        const auto key = decode(scans[i].key, doc.m_encoding);
        const auto value = decode(unescape(scans[i].escapedValue), doc.m_encoding);
        if (!key || !value) {
            const QString advice = doc.m_hasEncodingLine ? kVmxDocumentEncodingSays(doc.m_encoding)
                                                         : kVmxDocumentNoEncodingLine();
            const FailureSentence &invalid =
                key ? kVmxDocumentInvalidValue : kVmxDocumentInvalidKey;
            return fail(invalid(fileNameForMessages, i + 1, doc.m_encoding, advice));
        }
        doc.m_lines[i].key = *key;
        doc.m_lines[i].value = *value;
    }
    return doc;
}

Expected<VmxDocument> VmxDocument::load(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(failures::kCannotRead(path, file.errorString()));
    if (file.size() > kMaxVmxBytes)
        return fail(kVmxDocumentTooLarge(path, file.size()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(failures::kCannotRead(path, file.errorString()));
    return parse(bytes, path);
}

int VmxDocument::lastIndexOf(QStringView key) const {
    for (qsizetype i = m_lines.size() - 1; i >= 0; --i)
        if (m_lines[i].entry && sameKey(m_lines[i].key, key))
            return int(i);
    return -1;
}

bool VmxDocument::contains(const QString &key) const {
    return lastIndexOf(key) >= 0;
}

QString VmxDocument::value(const QString &key, const QString &fallback) const {
    const int i = lastIndexOf(key);
    return i < 0 ? fallback : m_lines[i].value;
}

bool VmxDocument::canEncode(const QString &text) const {
    return encode(text, m_encoding).has_value();
}

QByteArray VmxDocument::renderValue(const QString &value, bool preferUnquoted) const {
    // Callers make sure the text is encodable first (set() converts to UTF-8 if not).
    const QByteArray bytes = encode(value, m_encoding).value_or(value.toUtf8());
    bool bare = preferUnquoted && !bytes.isEmpty();
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (!bare)
            break;
        if (u <= 0x20 || c == '#' || needsEscape(u))
            bare = false;
    }
    if (bare)
        return bytes;
    return '"' + escape(bytes) + '"';
}

void VmxDocument::setLineValue(Line &line, const QString &value) {
    const QByteArray rendered = renderValue(value, !line.quoted);
    line.raw = line.raw.left(line.valueBegin) + rendered + line.raw.mid(line.valueEnd);
    line.valueEnd = line.valueBegin + rendered.size();
    line.quoted = rendered.startsWith('"');
    line.value = value;
}

QByteArray VmxDocument::defaultTerminator() const {
    for (const Line &line : m_lines)
        if (!line.terminator.isEmpty())
            return line.terminator == "\r" ? QByteArrayLiteral("\r\n") : line.terminator;
    return QByteArrayLiteral("\n");
}

int VmxDocument::insertionIndexFor(QStringView key) const {
    const QStringView group = groupOf(key);
    for (qsizetype i = m_lines.size() - 1; i >= 0; --i)
        if (m_lines[i].entry && sameKey(groupOf(m_lines[i].key), group))
            return int(i + 1);
    return int(m_lines.size());
}

void VmxDocument::convertToUtf8() {
    const QString from = m_encoding;
    const auto transcode = [&](const QByteArray &bytes) {
        if (isAscii(bytes))
            return bytes;
        QStringDecoder decoder(from.toLatin1().constData(), kValueFlags);
        return QString(decoder.decode(bytes)).toUtf8();
    };
    m_encoding = u"UTF-8"_s;
    for (Line &line : m_lines) {
        if (!line.entry) {
            line.raw = transcode(line.raw);
            continue;
        }
        const QByteArray prefix = transcode(line.raw.left(line.valueBegin));
        const QByteArray suffix = transcode(line.raw.mid(line.valueEnd));
        // Values are escaped bytes of the old set ("Caf|E9"): render them anew.
        const QByteArray value =
            isAscii(line.value) ? line.raw.mid(line.valueBegin, line.valueEnd - line.valueBegin)
                                : renderValue(line.value, !line.quoted);
        line.raw = prefix + value + suffix;
        line.valueBegin = prefix.size();
        line.valueEnd = prefix.size() + value.size();
        line.quoted = value.startsWith('"');
    }
    // Only now, and only here: a file's own spelling ("utf-8", "cp1252") stays otherwise.
    for (Line &line : m_lines)
        if (line.entry && sameKey(line.key, kEncodingKey))
            setLineValue(line, m_encoding);
    vmeclone::log::get("vmx")->info("{}: converted from {} to UTF-8 to hold a new value",
                                    m_fileName, from);
}

void VmxDocument::set(const QString &key, const QString &value) {
    if (!isValidKey(key) || sameKey(key, kEncodingKey)) {
        vmeclone::log::get("vmx")->error("{}: refusing to set the key '{}'", m_fileName, key);
        return;
    }
    if (!canEncode(key) || !canEncode(value))
        convertToUtf8();
    // A file without .encoding is read as the host's set by VMware on Windows: say UTF-8
    // as soon as it holds something that is not ASCII.
    if ((!isAscii(value) || !isAscii(key)) && !m_hasEncodingLine) {
        Line line;
        line.entry = true;
        line.key = kEncodingKey;
        line.value = m_encoding;
        line.raw = kEncodingKey.toLatin1() + " = ";
        line.valueBegin = line.raw.size();
        line.raw += '"' + m_encoding.toLatin1() + '"';
        line.valueEnd = line.raw.size();
        line.quoted = true;
        line.terminator = defaultTerminator();
        const bool afterShebang = !m_lines.isEmpty() && m_lines.first().raw.startsWith("#!");
        m_lines.insert(afterShebang ? 1 : 0, line);
        m_hasEncodingLine = true;
    }

    bool found = false;
    for (Line &line : m_lines) {
        if (!line.entry || !sameKey(line.key, key))
            continue;
        found = true;
        if (line.value != value)
            setLineValue(line, value);
    }
    if (found)
        return;

    Line line;
    line.entry = true;
    line.key = key;
    line.value = value;
    line.raw = encode(key, m_encoding).value_or(key.toUtf8()) + " = ";
    line.valueBegin = line.raw.size();
    line.raw += renderValue(value, false);
    line.valueEnd = line.raw.size();
    line.quoted = true;
    const int at = insertionIndexFor(key);
    // The new last line takes over "no newline at the end"; toBytes() ends the others.
    line.terminator = at == m_lines.size() && !m_lines.isEmpty() ? m_lines.last().terminator
                                                                 : defaultTerminator();
    m_lines.insert(at, line);
}

int VmxDocument::remove(const QString &key) {
    if (sameKey(key, kEncodingKey))
        return 0; // the document's own: removing it would misread every non-ASCII byte
    return int(m_lines.removeIf([&](const Line &l) { return l.entry && sameKey(l.key, key); }));
}

QStringList VmxDocument::keys() const {
    QStringList result;
    QSet<QString> seen;
    for (const Line &line : m_lines) {
        if (!line.entry)
            continue;
        const QString folded = line.key.toCaseFolded();
        if (seen.contains(folded))
            continue;
        seen.insert(folded);
        result.append(line.key);
    }
    return result;
}

QStringList VmxDocument::keysMatching(const QRegularExpression &pattern) const {
    const QRegularExpression anchored(QRegularExpression::anchoredPattern(pattern.pattern()),
                                      pattern.patternOptions()
                                          | QRegularExpression::CaseInsensitiveOption);
    QStringList result;
    for (const QString &key : keys())
        if (anchored.match(key).hasMatch())
            result.append(key);
    return result;
}

QByteArray VmxDocument::toBytes() const {
    QByteArray out = m_bom;
    const QByteArray fallback = defaultTerminator();
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const Line &line = m_lines[i];
        out += line.raw;
        if (i + 1 == m_lines.size())
            out += line.terminator;
        else if (line.terminator.isEmpty())
            out += fallback;
        else
            out += line.terminator == "\r" ? QByteArrayLiteral("\r\n") : line.terminator;
    }
    return out;
}

Status VmxDocument::save(const QString &path, bool ownerOnly) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(failures::kCannotWrite(path, file.errorString()));
    // Before the first byte: the bytes may hold a key (guestinfo.vmeclone.key).
    if (ownerOnly && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(kVmxDocumentCannotMakePrivate(path, file.errorString()));
    const QByteArray bytes = toBytes();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(failures::kCannotWrite(path, file.errorString()));
    return {};
}

} // namespace vmeclone
