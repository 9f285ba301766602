#include "vmdk_descriptor.h"

#include "common/failure_text.h"
#include "vmdk_descriptor_text.h"

#include <QDir>
#include <QFileInfo>
#include <QStringDecoder>
#include <QStringEncoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {
using vmdk_text::isDescriptorAscii;
using vmdk_text::isDescriptorSpace;

namespace {

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

} // namespace

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
