#include "guest_view.h"

#include "common/failure_text.h"
#include "hypervisor/qemu_backend.h"
#include "hypervisor/qmp_client.h"
#include "net/ipv4.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

const FailureSentence kGuestViewNoHandle{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the guest agent gave no handle for %1")};
const FailureSentence kGuestViewNotRunning{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 is not running")};

using Timeout = std::chrono::milliseconds;

Timeout left(const QDeadlineTimer &deadline) {
    return Timeout(qMax<qint64>(1, deadline.remainingTime()));
}

// A whole small file through guest-file-open/read/close; fails when the guest cannot
// open it (absent, or not readable), which callers take as "the guest has none".
Expected<QByteArray> readGuestFile(QmpClient &agent, const QString &path,
                                   const QDeadlineTimer &deadline) {
    auto handle = agent.call(u"guest-file-open"_s,
                             QJsonObject{{u"path"_s, path}, {u"mode"_s, u"r"_s}}, left(deadline));
    if (!handle)
        return fail(handle.error());
    const qint64 h = handle->toInteger(-1);
    if (h < 0)
        return fail(kGuestViewNoHandle(path));
    QByteArray content;
    Status status;
    while (content.size() < 1 << 20) { // the files read here are small; a cap keeps it so
        auto chunk =
            agent.execute(u"guest-file-read"_s, QJsonObject{{u"handle"_s, h}, {u"count"_s, 65536}},
                          left(deadline));
        if (!chunk) {
            status = fail(chunk.error());
            break;
        }
        content += QByteArray::fromBase64(chunk->value(u"buf-b64"_s).toString().toLatin1());
        if (chunk->value(u"eof"_s).toBool() || chunk->value(u"count"_s).toInt() == 0)
            break;
    }
    // Closed also after a failed read: qemu-ga keeps a handle until it is closed.
    (void)agent.call(u"guest-file-close"_s, QJsonObject{{u"handle"_s, h}}, left(deadline));
    if (!status)
        return fail(status.error());
    return content;
}

QString expectedVsSaid(const QString &field, const QString &said, const QString &expected) {
    return u"%1: the guest says %2, the inventory %3"_s.arg(
        field, said.isEmpty() ? u"nothing"_s : said, expected);
}

} // namespace

namespace guest_files {

QString sshFingerprint(const QByteArray &publicKeyLine) {
    const QList<QByteArray> parts = publicKeyLine.simplified().split(' ');
    if (parts.size() < 2)
        return {};
    const QByteArray blob = QByteArray::fromBase64(parts.at(1));
    if (blob.size() < 8)
        return {};
    // The key type as ssh-keygen names it: ssh-ed25519 -> ED25519, ssh-rsa -> RSA,
    // ecdsa-sha2-nistp256 -> ECDSA.
    QString type = QString::fromLatin1(parts.at(0));
    if (type.startsWith(u"ssh-"_s))
        type = type.mid(4);
    else if (type.startsWith(u"ecdsa-"_s))
        type = u"ecdsa"_s;
    const QByteArray digest = QCryptographicHash::hash(blob, QCryptographicHash::Sha256);
    return u"%1 SHA256:%2"_s.arg(
        type.toUpper(), QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals)));
}

QString defaultGateway(const QByteArray &procNetRoute) {
    // Iface Destination Gateway Flags ...: the default route has destination 00000000;
    // the gateway is the address's bytes in host (little-endian) order, in hex.
    for (const QByteArray &line : procNetRoute.split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 3 || f.at(1) != "00000000")
            continue;
        bool ok = false;
        const quint32 le = f.at(2).toUInt(&ok, 16);
        if (!ok || le == 0)
            continue;
        return u"%1.%2.%3.%4"_s.arg(le & 0xff)
            .arg((le >> 8) & 0xff)
            .arg((le >> 16) & 0xff)
            .arg(le >> 24);
    }
    return {};
}

QStringList nameServers(const QByteArray &resolvConf) {
    QStringList servers;
    for (const QByteArray &line : resolvConf.split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() >= 2 && f.at(0) == "nameserver")
            servers << QString::fromLatin1(f.at(1));
    }
    return servers;
}

} // namespace guest_files

QJsonObject GuestView::toJson() const {
    QJsonArray nics;
    for (const auto &nic : interfaces)
        nics.append(QJsonObject{{u"name"_s, nic.name},
                                {u"mac"_s, nic.mac},
                                {u"ipv4"_s, QJsonArray::fromStringList(nic.ipv4)},
                                {u"ipv6"_s, QJsonArray::fromStringList(nic.ipv6)}});
    return QJsonObject{{u"read_at"_s, readAt.toUTC().toString(Qt::ISODateWithMs)},
                       {u"hostname"_s, hostname},
                       {u"os"_s, osName},
                       {u"os_id"_s, osId},
                       {u"kernel"_s, kernel},
                       {u"machine_id"_s, machineId},
                       {u"ssh_host_key"_s, sshHostKey},
                       {u"interfaces"_s, nics},
                       {u"gateway"_s, defaultGateway},
                       {u"dns"_s, QJsonArray::fromStringList(nameServers)}};
}

const GuestInterface *GuestView::interfaceWithMac(const QString &mac) const {
    for (const auto &nic : interfaces) {
        if (nic.mac.compare(mac, Qt::CaseInsensitive) == 0)
            return &nic;
    }
    return nullptr;
}

Expected<GuestView> readGuestView(QmpClient &agent, std::chrono::milliseconds timeout) {
    const QDeadlineTimer deadline(timeout);
    GuestView view;
    view.readAt = QDateTime::currentDateTimeUtc();

    auto host = agent.execute(u"guest-get-host-name"_s, {}, left(deadline));
    if (!host)
        return fail(host.error());
    view.hostname = host->value(u"host-name"_s).toString();

    auto nics = agent.call(u"guest-network-get-interfaces"_s, {}, left(deadline));
    if (!nics)
        return fail(nics.error());
    for (const auto &n : nics->toArray()) {
        const QJsonObject o = n.toObject();
        GuestInterface nic{o.value(u"name"_s).toString(),
                           o.value(u"hardware-address"_s).toString().toLower(),
                           {},
                           {}};
        for (const auto &a : o.value(u"ip-addresses"_s).toArray()) {
            const QJsonObject ip = a.toObject();
            const QString text = ip.value(u"ip-address"_s).toString();
            (ip.value(u"ip-address-type"_s).toString() == u"ipv6" ? nic.ipv6 : nic.ipv4) << text;
        }
        view.interfaces << nic;
    }

    // Older agents lack guest-get-osinfo (QEMU < 2.10): the view goes on without it.
    if (auto os = agent.execute(u"guest-get-osinfo"_s, {}, left(deadline))) {
        view.osName = os->value(u"pretty-name"_s).toString();
        if (view.osName.isEmpty())
            view.osName = os->value(u"name"_s).toString();
        view.osId = os->value(u"id"_s).toString();
        view.kernel = os->value(u"kernel-release"_s).toString();
    }

    if (auto id = readGuestFile(agent, u"/etc/machine-id"_s, deadline))
        view.machineId = QString::fromLatin1(id->trimmed());
    for (const auto *type : {"ed25519", "ecdsa", "rsa"}) {
        auto key = readGuestFile(agent, u"/etc/ssh/ssh_host_%1_key.pub"_s.arg(QLatin1String(type)),
                                 deadline);
        if (key && !(view.sshHostKey = guest_files::sshFingerprint(*key)).isEmpty())
            break;
    }
    if (auto route = readGuestFile(agent, u"/proc/net/route"_s, deadline))
        view.defaultGateway = guest_files::defaultGateway(*route);
    if (auto resolv = readGuestFile(agent, u"/etc/resolv.conf"_s, deadline))
        view.nameServers = guest_files::nameServers(*resolv);
    // systemd-resolved's stub: the servers it forwards to are in its own file.
    if (view.nameServers == QStringList{u"127.0.0.53"_s}) {
        if (auto upstream = readGuestFile(agent, u"/run/systemd/resolve/resolv.conf"_s, deadline))
            view.nameServers = guest_files::nameServers(*upstream);
    }
    return view;
}

QStringList disagreements(const GuestView &view, const VmRecord &vm, const GoldenRecord &golden) {
    QStringList found;
    // A host name is compared without its domain: a guest may keep a FQDN.
    if (view.hostname.section(u'.', 0, 0).compare(vm.name, Qt::CaseInsensitive) != 0)
        found << expectedVsSaid(u"hostname"_s, view.hostname, vm.name);
    const QString mac = vm.mac.toString();
    const GuestInterface *nic = view.interfaceWithMac(mac);
    if (!nic) {
        QStringList macs;
        for (const auto &n : view.interfaces) {
            if (!n.mac.isEmpty() && n.mac != u"00:00:00:00:00:00")
                macs << n.mac;
        }
        found << expectedVsSaid(u"mac"_s, macs.join(u", "_s), mac);
    } else if (!nic->ipv4.contains(vm.address.toString())) {
        found << expectedVsSaid(u"address"_s, nic->ipv4.join(u", "_s), vm.address.toString());
    }
    if (golden.gateway.toUInt() != 0 && view.defaultGateway != golden.gateway.toString())
        found << expectedVsSaid(u"gateway"_s, view.defaultGateway, golden.gateway.toString());
    if (!golden.dns.isEmpty()) {
        QStringList expected;
        for (const auto &d : golden.dns)
            expected << d.toString();
        if (view.nameServers.mid(0, expected.size()) != expected)
            found << expectedVsSaid(u"dns"_s, view.nameServers.join(u", "_s),
                                    expected.join(u", "_s));
    }
    return found;
}

// ---- the QEMU backend's end of it ---------------------------------------------------

Expected<GuestView> QemuBackend::guestView(const VmRecord &vm, std::chrono::milliseconds timeout) {
    if (livePid(vm.folder) <= 0)
        return fail(kGuestViewNotRunning(vm.name));
    QmpClient agent;
    const QDeadlineTimer deadline(timeout);
    if (auto s = agent.connectToGuestAgent(guestAgentSocket(vm.folder), timeout); !s)
        return fail(s.error());
    auto view = readGuestView(agent, left(deadline));
    agent.close();
    if (!view)
        return fail(view.error());
    return view;
}

} // namespace vmeclone
