#pragma once
// The console's one cluster secret: 32 random bytes in a file of mode 0600, created
// on first use. Each VM's key is derived from it (protocol/addressing.h: vmKey), so a
// guest can sign only for its own address. Never logged, never exported.

#include "common/expected.h"
#include "inventory/records.h"
#include "net/ipv4.h"
#include "protocol/sha256.h"

#include <QByteArray>
#include <QString>

namespace vmeclone {

class ClusterSecret {
public:
    // Reads `path`, or creates it (32 bytes from the system CSPRNG, mode 0600,
    // written to a temporary file and renamed so no half-written secret exists).
    // Refuses a file readable by group or others, naming it and `chmod 600`.
    // Refuses a file of the wrong size rather than guessing.
    static Expected<ClusterSecret> loadOrCreate(const QString &path);

    // Scheme 1 (clones made before inventory schema 5): over the address alone.
    protocol::Digest keyFor(Ipv4Address ip) const;
    QString keyHexFor(Ipv4Address ip) const;
    // Scheme 2: over the address and the clone's instance (protocol::vmInstanceKey).
    protocol::Digest keyFor(Ipv4Address ip, const QString &instance) const;
    QString keyHexFor(Ipv4Address ip, const QString &instance) const;
    // The key `vm`'s guest holds, by its key scheme.
    protocol::Digest keyFor(const VmRecord &vm) const;

    // For tests: a secret from given bytes.
    static ClusterSecret fromBytes(const QByteArray &bytes);

private:
    QByteArray m_bytes;
};

} // namespace vmeclone
