#include "clone_marker.h"

#include "common/failure_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#ifdef Q_OS_LINUX
#include <sys/xattr.h>
#endif

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kCloneMarkerCannotWrite{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot write in %1: %2")};
const FailureSentence kCloneMarkerFolderExists{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "%1 exists already and is not in the inventory: move it away or remove it")};
const FailureSentence kCloneMarkerCannotCreateFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot create the folder %1: check the shard's permissions")};

// The attribute's value: version 1, then the data folder's and the instance's UUIDs as
// 16 bytes each (RFC 4122 order). Small enough to stay inside an ext4 inode of 256 bytes.
constexpr char kVersion = 1;
constexpr int kUuidBytes = 16;
constexpr int kAttributeBytes = 1 + 2 * kUuidBytes;

#ifdef Q_OS_LINUX
std::optional<CloneMarker> readAttribute(const QString &folder) {
    char value[kAttributeBytes + 1];
    const ssize_t n = ::getxattr(QFile::encodeName(folder).constData(), CloneMarker::kAttribute,
                                 value, sizeof value);
    if (n != kAttributeBytes || value[0] != kVersion)
        return std::nullopt;
    const auto uuid = [&](int at) {
        return QUuid::fromRfc4122(QByteArrayView(value + at, kUuidBytes))
            .toString(QUuid::WithoutBraces);
    };
    return CloneMarker{uuid(1), uuid(1 + kUuidBytes)};
}
#endif

} // namespace

QString CloneMarker::filePathIn(const QString &folder) {
    return folder + u"/.vmeclone-clone"_s;
}

Status CloneMarker::writeTo(const QString &folder) const {
#ifdef Q_OS_LINUX
    const QUuid owner(dataFolderId);
    const QUuid id(instance);
    if (!owner.isNull() && !id.isNull()) {
        const QByteArray value = QByteArray(1, kVersion) + owner.toRfc4122() + id.toRfc4122();
        // A file system without user attributes says so (ENOTSUP); any refusal here leaves
        // the file, which every file system takes.
        if (::setxattr(QFile::encodeName(folder).constData(), kAttribute, value.constData(),
                       static_cast<size_t>(value.size()), XATTR_CREATE)
            == 0)
            return {};
    }
#endif
    return writeFileTo(folder);
}

Status CloneMarker::writeFileTo(const QString &folder) const {
    QFile file(filePathIn(folder));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(kCloneMarkerCannotWrite(folder, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray text = "vmeclone-clone 1\ndata-folder=" + dataFolderId.toUtf8()
                            + "\ninstance=" + instance.toUtf8() + "\n";
    if (file.write(text) != text.size() || !file.flush())
        return fail(kCloneMarkerCannotWrite(folder, file.errorString()));
    return {};
}

Status CloneMarker::makeFolder(const QString &folder) const {
    if (QFileInfo::exists(folder))
        return fail(kCloneMarkerFolderExists(folder));
    if (!QDir().mkdir(folder))
        return fail(kCloneMarkerCannotCreateFolder(folder));
    if (auto s = writeTo(folder); !s) {
        QDir(folder).removeRecursively();
        return s;
    }
    return {};
}

std::optional<CloneMarker> CloneMarker::readFrom(const QString &folder) {
#ifdef Q_OS_LINUX
    if (auto marker = readAttribute(folder))
        return marker;
#endif
    QFile file(filePathIn(folder));
    if (!QFileInfo(file).isFile() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    CloneMarker marker;
    // A few hundred bytes at most; anything longer is not a mark of ours.
    const QByteArray text = file.read(4096);
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("data-folder="))
            marker.dataFolderId = QString::fromUtf8(line.mid(12)).trimmed();
        else if (line.startsWith("instance="))
            marker.instance = QString::fromUtf8(line.mid(9)).trimmed();
    }
    return marker;
}

} // namespace vmeclone
