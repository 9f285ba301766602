#include "golden_fingerprint.h"

#include "common/failure_text.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kGoldenFingerprintGone{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot read %1: it is gone or unreadable")};
const FailureSentence kGoldenFingerprintUnreadable{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the golden's stored fingerprint is not readable: re-accept the golden's files with "
    "'vmeclone golden refresh NAME'")};
// What changed, said inside "the golden %1 changed since it was added: %2" (engine).
const FailureSentence kGoldenFingerprintNoLongerFile{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is no longer one of its files")};
const FailureSentence kGoldenFingerprintChangedSize{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 changed size (%2 bytes, was %3)")};
const FailureSentence kGoldenFingerprintWritten{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "%1 was written at %2 (it was last written at %3 when accepted)")};
const FailureSentence kGoldenFingerprintOtherContent{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 has other content with the same size and time")};
const FailureSentence kGoldenFingerprintNewFile{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is a new file of it")};

constexpr qint64 kEdge = 1 << 20;   // first and last MiB: headers, tables, footers
constexpr qint64 kBlock = 64 << 10; // each sample in between
constexpr int kBlocks = 64;

Expected<QString> sampleHash(QFile &file, qint64 size) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer;
    const auto take = [&](qint64 offset, qint64 length) -> bool {
        if (length <= 0)
            return true;
        if (!file.seek(offset))
            return false;
        buffer.resize(length);
        const qint64 n = file.read(buffer.data(), length);
        if (n != length)
            return false;
        hash.addData(buffer);
        return true;
    };
    bool ok = true;
    if (size <= 2 * kEdge + kBlocks * kBlock) {
        ok = take(0, size);
    } else {
        ok = take(0, kEdge);
        const qint64 middle = size - 2 * kEdge;
        for (int i = 0; ok && i < kBlocks; ++i)
            ok = take(kEdge + middle * i / kBlocks, kBlock);
        ok = ok && take(size - kEdge, kEdge);
    }
    if (!ok)
        return fail(failures::kCannotRead(file.fileName(), file.errorString()));
    return QString::fromLatin1(hash.result().toHex());
}

QString when(qint64 ns) {
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace

Expected<GoldenFingerprint> GoldenFingerprint::of(const QStringList &files) {
    GoldenFingerprint f;
    for (const QString &path : files) {
        struct stat st {};
        const QByteArray local = QFile::encodeName(path);
        if (::stat(local.constData(), &st) != 0)
            return fail(kGoldenFingerprintGone(path));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(failures::kCannotRead(path, file.errorString()));
        GoldenFileStamp s;
        s.path = path;
        s.size = static_cast<qint64>(st.st_size);
        s.mtimeNs = static_cast<qint64>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        auto sample = sampleHash(file, s.size);
        if (!sample)
            return fail(sample.error());
        s.sample = *sample;
        f.m_files.append(s);
    }
    return f;
}

Expected<GoldenFingerprint> GoldenFingerprint::parse(const QString &text) {
    GoldenFingerprint f;
    if (text.isEmpty())
        return f;
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return fail(kGoldenFingerprintUnreadable());
    for (const auto &v : doc.array()) {
        const auto o = v.toObject();
        GoldenFileStamp s;
        s.path = o.value(u"path"_s).toString();
        s.size = o.value(u"size"_s).toInteger();
        s.mtimeNs = o.value(u"mtime_ns"_s).toInteger();
        s.sample = o.value(u"sample"_s).toString();
        f.m_files.append(s);
    }
    return f;
}

QString GoldenFingerprint::toText() const {
    QJsonArray array;
    for (const auto &s : m_files)
        array.append(QJsonObject{{u"path"_s, s.path},
                                 {u"size"_s, s.size},
                                 {u"mtime_ns"_s, s.mtimeNs},
                                 {u"sample"_s, s.sample}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString GoldenFingerprint::checksum(const QString &folder) const {
    if (m_files.isEmpty())
        return {};
    const QDir base(folder);
    QList<GoldenFileStamp> files = m_files;
    for (GoldenFileStamp &s : files)
        s.path = base.relativeFilePath(s.path);
    std::sort(files.begin(), files.end(),
              [](const GoldenFileStamp &a, const GoldenFileStamp &b) { return a.path < b.path; });
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const GoldenFileStamp &s : files)
        hash.addData(u"%1\n%2\n%3\n"_s.arg(s.path, QString::number(s.size), s.sample).toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

QString GoldenFingerprint::differenceFrom(const GoldenFingerprint &before) const {
    for (const auto &was : before.m_files) {
        const auto now = std::find_if(m_files.begin(), m_files.end(),
                                      [&](const GoldenFileStamp &s) { return s.path == was.path; });
        if (now == m_files.end())
            return kGoldenFingerprintNoLongerFile(was.path);
        if (*now == was)
            continue;
        if (now->size != was.size)
            return kGoldenFingerprintChangedSize(now->path, now->size, was.size);
        if (now->mtimeNs != was.mtimeNs)
            return kGoldenFingerprintWritten(now->path, when(now->mtimeNs), when(was.mtimeNs));
        return kGoldenFingerprintOtherContent(now->path);
    }
    for (const auto &now : m_files) {
        if (std::none_of(before.m_files.begin(), before.m_files.end(),
                         [&](const GoldenFileStamp &s) { return s.path == now.path; }))
            return kGoldenFingerprintNewFile(now.path);
    }
    return {};
}

bool isImageLockError(const QString &error) {
    return error.contains(u"lock"_s, Qt::CaseInsensitive)
           && (error.contains(u"Failed to get"_s) || error.contains(u"another process"_s));
}

} // namespace vmeclone
