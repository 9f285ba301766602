#pragma once
// Who works on a VM. Every process that runs batches holds a lock file
// (<home>/owners/<token>.lock) for as long as it lives and stamps the VMs it works on
// with the token. When a process dies mid-batch (killed, power cut), its lock goes
// stale, and the next vmeclone knows those VMs were interrupted, not busy.

#include "common/expected.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace vmeclone {

class BatchOwner {
public:
    // Creates and locks a fresh token's lock file under `home`.
    static Expected<std::unique_ptr<BatchOwner>> acquire(const QString &home);
    ~BatchOwner();

    const QString &token() const { return m_token; }

    // True when no live process holds `token` (its lock file is missing or stale). An
    // empty token (rows written before owners existed) is abandoned.
    static bool isAbandoned(const QString &home, const QString &token);
    // Removes the lock file of a dead owner once its VMs are recovered.
    static void forget(const QString &home, const QString &token);

private:
    BatchOwner(QString token, std::unique_ptr<QLockFile> lock) : m_token(std::move(token)), m_lock(std::move(lock)) {}
    static QString lockPath(const QString &home, const QString &token);

    QString m_token;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace vmeclone
