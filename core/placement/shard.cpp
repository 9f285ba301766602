#include "shard.h"

#include "common/failure_text.h"
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
namespace {

const FailureSentence kShardLabelTooLong{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "the shard label '%1' is longer than 32 characters: choose a shorter one")};
const FailureSentence kShardLabelHasSlash{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the shard label '%1' contains '/': a label must not read as a path")};
const FailureSentence kShardLabelControl{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the shard label contains control characters (newlines, terminal escapes): choose a plain "
    "one")};
const FailureSentence kShardNoFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the disk shard has no folder: remove it and add it again with 'vmeclone shard add DIR'")};
const FailureSentence kShardFolderMissing{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "disk shard folder %1 does not exist: create it, mount its drive, or remove the shard")};
const FailureSentence kShardNotFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "disk shard %1 is not a folder: point the shard at a folder")};
const FailureSentence kShardNotWritable{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "disk shard folder %1 is not writable: fix its permissions or mount its drive read-write")};
const FailureSentence kShardNoFreeSpace{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "cannot read the free space of disk shard folder %1: check that its drive is mounted")};

} // namespace

Status Shard::checkLabel(const QString &label) {
    if (label.size() > 32)
        return fail(kShardLabelTooLong(label));
    if (label.contains(u'/'))
        return fail(kShardLabelHasSlash(label));
    if (hasHiddenCharacters(label))
        return fail(kShardLabelControl());
    return {};
}

ShardStatus ShardProbe::probe(const Shard &shard) {
    ShardStatus status;
    status.shard = shard;

    const QFileInfo info(shard.path);
    if (shard.path.isEmpty()) {
        status.error = kShardNoFolder();
    } else if (!info.exists()) {
        status.error = kShardFolderMissing(shard.path);
    } else if (!info.isDir()) {
        status.error = kShardNotFolder(shard.path);
    } else if (!info.isWritable()) {
        // isWritable() asks the kernel (access(W_OK)), so a read-only mount counts too.
        status.error = kShardNotWritable(shard.path);
    }
    if (!status.error.isEmpty()) {
        vmeclone::log::get("placement")->warn("{}", status.error);
        return status;
    }

    QStorageInfo storage(shard.path);
    storage.refresh();
    if (!storage.isValid() || !storage.isReady()) {
        status.error = kShardNoFreeSpace(shard.path);
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
