#include "clone_marker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace vmeclone {

QString CloneMarker::pathIn(const QString &folder) {
    return folder + u"/.vmeclone-clone"_s;
}

Status CloneMarker::writeTo(const QString &folder) const {
    QFile file(pathIn(folder));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(u"cannot write in %1: %2"_s.arg(folder, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray text = "vmeclone-clone 1\ndata-folder=" + dataFolderId.toUtf8()
                            + "\ninstance=" + instance.toUtf8() + "\n";
    if (file.write(text) != text.size() || !file.flush())
        return fail(u"cannot write in %1: %2"_s.arg(folder, file.errorString()));
    return {};
}

Status CloneMarker::makeFolder(const QString &folder) const {
    if (QFileInfo::exists(folder))
        return fail(
            u"%1 exists already and is not in the inventory: move it away or remove it"_s.arg(
                folder));
    if (!QDir().mkdir(folder))
        return fail(u"cannot create the folder %1: check the shard's permissions"_s.arg(folder));
    if (auto s = writeTo(folder); !s) {
        QDir(folder).removeRecursively();
        return s;
    }
    return {};
}

std::optional<CloneMarker> CloneMarker::readFrom(const QString &folder) {
    QFile file(pathIn(folder));
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
