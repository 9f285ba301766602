#pragma once
// Which host a head sends each VM of a batch to: weighted rendezvous hashing over the
// hosts' names and the VM's address (rendezvousScore), by the hosts' weights alone. Free
// space is left to each host, which places on its own shards: a head that weighed by free
// space would place differently from a second head a moment later, and two racing heads
// must send an address to the same host, whose inventory decides between them. For the
// same reason there are no bounded loads per batch here, unlike on shards (Placer): the
// host of an address would then depend on the rest of the batch, and two heads cloning
// overlapping ranges could make one address on two hosts.

#include "inventory/records.h"

#include <QHash>
#include <QList>

namespace vmeclone {

// The host (by name) each address goes to; empty `hosts` places nothing.
QHash<Ipv4Address, QString> placeOnHosts(const QList<HostRecord> &hosts,
                                         const QList<Ipv4Address> &addresses);

} // namespace vmeclone
