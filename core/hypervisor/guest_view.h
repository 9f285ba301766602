#pragma once
// What a running guest says of itself (issue 13, item 4), read from inside through an
// existing channel: qemu-guest-agent on the VM's virtio-serial port (QemuBackend gives
// every VM one). Interfaces (guest-network-get-interfaces), host name, OS
// (guest-get-osinfo), and files read with guest-file-open/read/close: /etc/machine-id,
// the SSH host public key (its fingerprint computed here, as `ssh-keygen -l` prints it),
// /etc/resolv.conf's name servers (systemd-resolved's upstream ones behind its stub) and
// /proc/net/route's default gateway. Anything the guest lacks (no machine-id on a busybox
// guest, no sshd) stays empty; only a guest that does not answer at all is an error.
//
// disagreements() compares that view with what the inventory expects of the VM: the
// guest's own view is the one a test or an operator trusts when the two differ.

#include "common/expected.h"
#include "inventory/records.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

namespace vmeclone {

class QmpClient;

struct GuestInterface {
    QString name;
    QString mac; // lower case, as the guest reports it
    QStringList ipv4;
    QStringList ipv6;
};

struct GuestView {
    QDateTime readAt;
    QString hostname;
    QString osName;     // guest-get-osinfo's pretty-name, else its name
    QString osId;       // its id (os-release ID=)
    QString kernel;     // kernel-release
    QString machineId;  // /etc/machine-id's content; empty when absent or empty
    QString sshHostKey; // "ED25519 SHA256:…" of the first host key found; empty: none
    QList<GuestInterface> interfaces;
    QString defaultGateway;  // from /proc/net/route; empty: no default route
    QStringList nameServers; // /etc/resolv.conf's nameserver lines (behind systemd-resolved's
                             // stub 127.0.0.53: /run/systemd/resolve/resolv.conf's)

    // {"read_at", "hostname", "os", "os_id", "kernel", "machine_id", "ssh_host_key",
    //  "interfaces": [{"name", "mac", "ipv4", "ipv6"}], "gateway", "dns"}
    QJsonObject toJson() const;
    // The interface whose MAC is `mac` (case-insensitive), or none.
    const GuestInterface *interfaceWithMac(const QString &mac) const;
};

// Reads the view through a client already connected to the guest agent
// (QmpClient::connectToGuestAgent).
Expected<GuestView>
readGuestView(QmpClient &agent,
              std::chrono::milliseconds timeout = std::chrono::milliseconds(3000));

// The fields where the guest disagrees with the inventory, each as "field: the guest
// says X, the inventory Y": hostname (the VM's name), mac (an interface with the VM's MAC),
// address (on that interface), gateway and dns (the golden's, when it names them).
QStringList disagreements(const GuestView &view, const VmRecord &vm, const GoldenRecord &golden);
// The field one of those is about ("hostname", "address"...).
inline QString disagreementField(const QString &disagreement) {
    return disagreement.section(u':', 0, 0);
}

namespace guest_files {
// `ssh-keygen -l`'s fingerprint of one public key line ("ssh-ed25519 AAAA… comment"):
// "ED25519 SHA256:<base64 of the key blob's SHA-256, unpadded>"; empty when it is not one.
QString sshFingerprint(const QByteArray &publicKeyLine);
// The default route's gateway in /proc/net/route's text (hex, little-endian); empty: none.
QString defaultGateway(const QByteArray &procNetRoute);
// The nameserver addresses of a resolv.conf, in order.
QStringList nameServers(const QByteArray &resolvConf);
} // namespace guest_files

} // namespace vmeclone
