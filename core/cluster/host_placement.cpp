#include "host_placement.h"

#include "placement/placement.h"

namespace vmeclone {

QHash<Ipv4Address, QString> placeOnHosts(const QList<HostRecord> &hosts,
                                         const QList<Ipv4Address> &addresses) {
    QHash<Ipv4Address, QString> placed;
    for (const Ipv4Address &address : addresses) {
        double best = -1;
        QString bestName;
        for (const HostRecord &host : hosts) {
            // Names compare in any case (as the hosts table does): "Lab1" scores as "lab1".
            const double score = rendezvousScore(host.name.toLower(), address, host.weight);
            if (score > best) {
                best = score;
                bestName = host.name;
            }
        }
        if (!bestName.isEmpty())
            placed.insert(address, bestName);
    }
    return placed;
}

} // namespace vmeclone
