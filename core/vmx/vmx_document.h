#pragma once
// A VMware .vmx file as an editable document. Only the lines it changes are written
// anew: every other line (comments, a "#!" first line, blank lines, odd spacing, CRLF,
// a missing final newline) keeps its exact bytes, so an untouched file round-trips
// byte for byte and a clone's .vmx diffs cleanly against its golden's.
//
// The line format is VMware's own (open-vm-tools lib/dict/dictll.c):
//     <ws> name <ws> = <ws> value <ws> [# comment]      value: no space, tab or '#'
//     <ws> name <ws> = <ws> "quoted value" <ws> [# comment]
// plus blank and '#' lines. Names are case-insensitive (the spelling in the file is
// kept). Backslashes are literal (Windows paths). Values carry "|XX" hex escapes of
// bytes ("|22" is '"', "|7C" is '|', "|0A" a newline), decoded on read and written for
// control characters, '"', '|' and DEL, as VMware does. Escapes apply to the bytes in
// the file's character set, which ".encoding" names (UTF-8 when absent); any set ICU
// knows is accepted (UTF-8, windows-1252, GBK, Shift_JIS, Big5, ...).

#include "common/expected.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace vmeclone {

class VmxDocument {
public:
    VmxDocument() = default; // empty, UTF-8, named "<new>.vmx"

    // Parses a whole file. A line that is neither blank, '#' nor `name = value` is an
    // error naming the file and the line ("vm176.vmx line 12: expected key = "value"
    // (the closing quote is missing)"); so are a .encoding this build cannot convert,
    // and names or values whose bytes are not valid in the file's character set.
    // `fileNameForMessages` is only used in messages and as fileName().
    static Expected<VmxDocument> parse(const QByteArray &bytes, const QString &fileNameForMessages);
    // Reads and parses `path`; errors name the path.
    static Expected<VmxDocument> load(const QString &path);

    QString fileName() const { return m_fileName; }
    // The character set values are read and written in: the .encoding value as the
    // converter names it ("windows-1252", "GBK"), or "UTF-8" when the file has none.
    QString encoding() const { return m_encoding; }

    bool contains(const QString &key) const;
    // The decoded value (escapes undone); `fallback` when the key is absent. With
    // duplicates the last line counts (VMware reads top to bottom).
    QString value(const QString &key, const QString &fallback = {}) const;
    // Edits every line of `key` in place, keeping the rest of each line (spacing,
    // spelling, a trailing comment); values written unquoted stay unquoted when they
    // can. A new key is inserted after the last line of its group (the text before the
    // first '.', so ethernet1.address lands after the other ethernet1.* lines), or
    // appended at the end. A value the file's character set cannot hold converts the
    // whole document to UTF-8 (encoding() tells; .encoding is updated or added), and a
    // file without .encoding gets `.encoding = "UTF-8"` once it holds more than ASCII.
    // `key` must be a VMware name (no spaces, '=', '#' or '"'); such keys and .encoding
    // itself (the document keeps it) are refused with an error in the "vmx" log.
    void set(const QString &key, const QString &value);
    // Removes every line of `key`; returns how many lines went (.encoding: never, 0).
    int remove(const QString &key);
    // Distinct keys in file order, as first spelled in the file.
    QStringList keys() const;
    // The keys whose whole name matches `pattern`, case-insensitively (the pattern is
    // anchored and made case-insensitive here, as VMware compares names).
    QStringList keysMatching(const QRegularExpression &pattern) const;

    QByteArray toBytes() const;
    // Writes atomically (QSaveFile): a failure leaves no partial file behind.
    // `ownerOnly`: the file is written mode 0600 from its first byte (a clone's .vmx holds
    // its key).
    Status save(const QString &path, bool ownerOnly = false) const;

private:
    struct Line {
        QByteArray raw;        // the line's bytes without its terminator
        QByteArray terminator; // "\n", "\r\n", or "" (a last line without newline)
        bool entry = false;    // a `name = value` line (else blank or comment)
        QString key;
        QString value;
        qsizetype valueBegin = 0; // byte range of the value token in raw, quotes included
        qsizetype valueEnd = 0;
        bool quoted = false;
    };

    int lastIndexOf(QStringView key) const;
    int insertionIndexFor(QStringView key) const;
    bool canEncode(const QString &text) const;
    QByteArray renderValue(const QString &value, bool preferUnquoted) const;
    void setLineValue(Line &line, const QString &value);
    void convertToUtf8();
    QByteArray defaultTerminator() const;

    QString m_fileName = QStringLiteral("<new>.vmx");
    QString m_encoding = QStringLiteral("UTF-8");
    bool m_hasEncodingLine = false;
    QByteArray m_bom; // a UTF-8 byte order mark before the first line, kept as it was
    QList<Line> m_lines;
};

} // namespace vmeclone
