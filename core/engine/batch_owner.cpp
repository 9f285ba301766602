#include "batch_owner.h"

#include "common/failure_text.h"

#include <QDir>
#include <QFile>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {
const FailureSentence kBatchOwnerCannotCreate{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot create %1/owners: check the data folder's permissions")};
const FailureSentence kBatchOwnerCannotLock{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot lock %1")};
} // namespace

QString BatchOwner::lockPath(const QString &home, const QString &token) {
    return home + u"/owners/"_s + token + u".lock"_s;
}

Expected<std::unique_ptr<BatchOwner>> BatchOwner::acquire(const QString &home) {
    if (!QDir().mkpath(home + u"/owners"_s))
        return fail(kBatchOwnerCannotCreate(home));
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto lock = std::make_unique<QLockFile>(lockPath(home, token));
    lock->setStaleLockTime(0); // stale only when its process is gone, never by age
    if (!lock->tryLock(0))
        return fail(kBatchOwnerCannotLock(lockPath(home, token)));
    return std::unique_ptr<BatchOwner>(new BatchOwner(token, std::move(lock)));
}

BatchOwner::~BatchOwner() {
    m_lock->unlock(); // removes the file: this process's VMs are settled or its own
}

bool BatchOwner::isAbandoned(const QString &home, const QString &token) {
    if (token.isEmpty())
        return true;
    const QString path = lockPath(home, token);
    if (!QFile::exists(path))
        return true;
    QLockFile probe(path);
    probe.setStaleLockTime(0);
    // QLockFile takes over a lock whose process is dead (it checks the pid and the
    // program name, so a reused pid does not keep a dead owner alive).
    if (!probe.tryLock(0))
        return probe.error() != QLockFile::LockFailedError;
    probe.unlock();
    return true;
}

void BatchOwner::forget(const QString &home, const QString &token) {
    if (!token.isEmpty())
        QFile::remove(lockPath(home, token));
}

} // namespace vmeclone
