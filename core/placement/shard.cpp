#include "shard.h"

#include "common/logging.h"
#include "common/validation.h"

#include <QFileInfo>
#include <QStorageInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <sys/sysmacros.h>
#endif

using namespace Qt::StringLiterals;

namespace vmeclone {

Status Shard::checkLabel(const QString &label) {
    if (label.size() > 32)
        return fail(
            u"the shard label '%1' is longer than 32 characters: choose a shorter one"_s.arg(
                label));
    if (label.contains(u'/'))
        return fail(
            u"the shard label '%1' contains '/': a label must not read as a path"_s.arg(label));
    if (hasHiddenCharacters(label))
        return fail(u"the shard label contains control characters (newlines, terminal "
                    u"escapes): choose a plain one"_s);
    return {};
}

ShardStatus ShardProbe::probe(const Shard &shard) {
    ShardStatus status;
    status.shard = shard;

    const QFileInfo info(shard.path);
    if (shard.path.isEmpty()) {
        status.error = u"the disk shard has no folder: remove it and add it again with "
                       "'vmeclone shard add DIR'"_s;
    } else if (!info.exists()) {
        status.error = u"disk shard folder %1 does not exist: create it, mount its drive, or "
                       "remove the shard"_s.arg(shard.path);
    } else if (!info.isDir()) {
        status.error =
            u"disk shard %1 is not a folder: point the shard at a folder"_s.arg(shard.path);
    } else if (!info.isWritable()) {
        // isWritable() asks the kernel (access(W_OK)), so a read-only mount counts too.
        status.error = u"disk shard folder %1 is not writable: fix its permissions or mount its "
                       "drive read-write"_s.arg(shard.path);
    }
    if (!status.error.isEmpty()) {
        vmeclone::log::get("placement")->warn("{}", status.error);
        return status;
    }

    QStorageInfo storage(shard.path);
    storage.refresh();
    if (!storage.isValid() || !storage.isReady()) {
        status.error = u"cannot read the free space of disk shard folder %1: check that its drive "
                       "is mounted"_s.arg(shard.path);
        vmeclone::log::get("placement")->warn("{}", status.error);
        return status;
    }
    status.bytesTotal = storage.bytesTotal();
    status.bytesFree = storage.bytesAvailable();
    status.filesystem = QString::fromLatin1(storage.fileSystemType());

#ifdef Q_OS_UNIX
    struct stat st {};
    if (::stat(QFile::encodeName(shard.path).constData(), &st) == 0)
        status.deviceId = u"%1:%2"_s.arg(major(st.st_dev)).arg(minor(st.st_dev));
#endif
    if (status.deviceId.isEmpty())
        status.deviceId = QString::fromLocal8Bit(storage.device());
    return status;
}

QList<ShardStatus> ShardProbe::probe(const QList<Shard> &shards) {
    QList<ShardStatus> result;
    result.reserve(shards.size());
    for (const Shard &shard : shards)
        result.append(probe(shard));
    return result;
}

} // namespace vmeclone
