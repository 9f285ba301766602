#pragma once
// The hand-written .vmx corpus of tests/unit/vmx/corpus: one file per real-world shape.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace vmx_corpus {

inline QString path(const QString &name) {
    return QStringLiteral(VMECLONE_SOURCE_DIR "/tests/unit/vmx/corpus/") + name;
}

inline QByteArray read(const QString &name) {
    QFile file(path(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("corpus file %s is missing", qPrintable(file.fileName()));
    return file.readAll();
}

// The well-formed files (the malformed ones live in corpus/malformed/).
inline QStringList wellFormed() {
    return QDir(path(QString())).entryList({QStringLiteral("*.vmx")}, QDir::Files, QDir::Name);
}

// Lines as bytes, each with its own terminator ("\r" stays on CRLF lines), BOM removed.
inline QList<QByteArray> rawLines(QByteArray bytes) {
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QList<QByteArray> lines = bytes.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// The key of a raw `key = value` line, found without the code under test; empty for
// blank and comment lines.
inline QString rawKey(const QByteArray &line) {
    qsizetype i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    const qsizetype begin = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '=' && line[i] != '#'
           && line[i] != '\r')
        ++i;
    return QString::fromLatin1(line.mid(begin, i - begin));
}

} // namespace vmx_corpus
