#include "guest_hazards.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

constexpr int kMaxLinks = 32;
constexpr qint64 kMaxRead = 1 << 20; // config files; more is not a config file

const QString kAgent = u"/usr/sbin/vmeclone-agent"_s;
const QString kUdevRules = u"/etc/udev/rules.d/70-persistent-net.rules"_s;
const QString kIfcfgFolder = u"/etc/sysconfig/network-scripts"_s;
const QStringList kLeaseFolders{u"/var/lib/dhclient"_s, u"/var/lib/dhcp"_s,
                                u"/var/lib/dhcp3"_s,    u"/var/lib/NetworkManager"_s,
                                u"/var/lib/dhcpcd"_s,   u"/var/lib/dhcpcd5"_s};

// A tree copied out of a guest, read the way the guest would: links resolve inside it.
class Tree {
public:
    explicit Tree(const QString &root)
        : m_root(QFileInfo(root).canonicalFilePath()) {}

    // The host path of guest path `path`, all links followed (the last one too unless
    // `followLast` is false); empty when a link loops.
    QString resolve(const QString &path, bool followLast = true) const {
        QStringList pending = path.split(u'/', Qt::SkipEmptyParts);
        QString current = m_root;
        int links = 0;
        while (!pending.isEmpty()) {
            const QString part = pending.takeFirst();
            if (part == u".")
                continue;
            if (part == u"..") {
                if (current != m_root)
                    current = QFileInfo(current).path();
                continue;
            }
            const QString next = current + u'/' + part;
            const QFileInfo info(next);
            if (!info.isSymLink() || (!followLast && pending.isEmpty())) {
                current = next;
                continue;
            }
            if (++links > kMaxLinks)
                return {};
            // Qt gives the target as an absolute host path: inside the tree for a relative
            // link, the guest's own absolute path otherwise.
            const QString target = QDir::cleanPath(info.symLinkTarget());
            const QString guestTarget =
                target.startsWith(m_root + u'/') ? target.mid(m_root.size()) : target;
            pending = guestTarget.split(u'/', Qt::SkipEmptyParts) + pending;
            current = m_root;
        }
        return current;
    }

    bool isFile(const QString &path) const { return QFileInfo(resolve(path)).isFile(); }
    bool isDir(const QString &path) const { return QFileInfo(resolve(path)).isDir(); }
    bool isLink(const QString &path) const { return QFileInfo(resolve(path, false)).isSymLink(); }
    // The entry itself exists: a link counts even when its target is outside the copy.
    bool hasEntry(const QString &path) const {
        const QFileInfo info(resolve(path, false));
        return info.isSymLink() || info.exists();
    }
    qint64 size(const QString &path) const { return QFileInfo(resolve(path)).size(); }

    QByteArray read(const QString &path) const {
        QFile file(resolve(path));
        if (!QFileInfo(file.fileName()).isFile() || !file.open(QIODevice::ReadOnly))
            return {};
        return file.read(kMaxRead);
    }

    // Non-comment lines of a text file.
    QStringList lines(const QString &path) const {
        QStringList out;
        for (const QString &line : QString::fromUtf8(read(path)).split(u'\n')) {
            const QString t = line.trimmed();
            if (!t.isEmpty() && !t.startsWith(u'#'))
                out << t;
        }
        return out;
    }

    // Names in a folder, links included, sorted.
    QStringList list(const QString &folder, const QStringList &filters = {}) const {
        const QString host = resolve(folder);
        if (!QFileInfo(host).isDir())
            return {};
        return QDir(host).entryList(
            filters, QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
            QDir::Name);
    }

private:
    QString m_root;
};

QString join(const QString &folder, const QString &name) {
    return folder.endsWith(u'/') ? QString(folder + name) : QString(folder + u'/' + name);
}

QStringList mountPoints(const Tree &tree) {
    QStringList points;
    for (const QString &line : tree.lines(u"/etc/fstab"_s)) {
        const QStringList fields = line.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
        if (fields.size() >= 3 && fields[1].startsWith(u'/') && fields[2] != u"swap")
            points << QDir::cleanPath(fields[1]);
    }
    return points;
}

// True when `path` lives on a file system of its own per /etc/fstab (so not in this copy).
bool onSeparateFileSystem(const QStringList &mounts, const QString &path) {
    for (const QString &m : mounts)
        if (m != u"/" && (path == m || path.startsWith(m + u'/')))
            return true;
    return false;
}

enum class Family { Rhel, Debian, Other };

Family family(const Tree &tree) {
    if (tree.hasEntry(u"/etc/redhat-release"_s) || tree.isDir(kIfcfgFolder))
        return Family::Rhel;
    if (tree.hasEntry(u"/etc/debian_version"_s))
        return Family::Debian;
    return Family::Other;
}

bool hasSystemd(const Tree &tree) {
    return tree.isFile(u"/usr/lib/systemd/systemd"_s) || tree.isFile(u"/lib/systemd/systemd"_s);
}

void udevRule(const Tree &tree, QList<GoldenHazard> &out) {
    static const QRegularExpression address(u"ATTR\\{address\\}==\"([0-9A-Fa-f:]{17})\""_s);
    QStringList macs;
    for (const QString &line : tree.lines(kUdevRules)) {
        const auto m = address.match(line);
        if (m.hasMatch())
            macs << m.captured(1).toLower();
    }
    if (macs.isEmpty())
        return;
    out.append(
        {u"udev-persistent-net"_s,
         GoldenHazard::Severity::Warning,
         u"A udev rule pins the golden's MAC %1 to an interface name: in a clone the NIC gets the "
         u"next "
         u"name (eth1), and the agent must remove the rule and reboot the clone once."_s.arg(
             macs.join(u", "_s)),
         {kUdevRules},
         u"Delete it just before powering the golden off: rm -f %1 (on CentOS/RHEL 6 also stop "
         u"udev "
         u"from writing it again: ln -s /dev/null /etc/udev/rules.d/75-persistent-net-generator.rules)."_s
             .arg(kUdevRules)});
}

void ifcfgPins(const Tree &tree, QList<GoldenHazard> &out) {
    static const QRegularExpression pin(u"^(HWADDR|MACADDR|UUID)\\s*="_s);
    static const QStringList ignored{u"~"_s,       u".bak"_s,     u".orig"_s,
                                     u".rpmnew"_s, u".rpmorig"_s, u".rpmsave"_s};
    QStringList files;
    QSet<QString> keys;
    for (const QString &name : tree.list(kIfcfgFolder, {u"ifcfg-*"_s})) {
        if (name == u"ifcfg-lo"
            || std::any_of(ignored.begin(), ignored.end(),
                           [&](const QString &s) { return name.endsWith(s); }))
            continue;
        const QString path = join(kIfcfgFolder, name);
        bool pinned = false;
        for (const QString &line : tree.lines(path)) {
            const auto m = pin.match(line);
            if (m.hasMatch()) {
                keys.insert(m.captured(1));
                pinned = true;
            }
        }
        if (pinned)
            files << path;
    }
    if (files.isEmpty())
        return;
    QStringList sortedKeys = keys.values();
    sortedKeys.sort();
    out.append(
        {u"ifcfg-hwaddr"_s, GoldenHazard::Severity::Warning,
         u"The interface configuration names the golden's own NIC (%1): ifup refuses it in a "
         u"clone, whose "
         u"NIC has another MAC, until the agent rewrites the file."_s.arg(sortedKeys.join(u", "_s)),
         files,
         u"Remove those lines: sed -i '/^\\(HWADDR\\|MACADDR\\|UUID\\)=/d' %1"_s.arg(
             files.join(u' '))});
}

void machineId(const Tree &tree, QList<GoldenHazard> &out) {
    QStringList where;
    const QString etc = u"/etc/machine-id"_s;
    const QString content = QString::fromUtf8(tree.read(etc)).trimmed();
    // "uninitialized" is systemd's own marker for "make one at the next boot".
    if (!content.isEmpty() && content != u"uninitialized")
        where << etc;
    const QString dbus = u"/var/lib/dbus/machine-id"_s;
    if (!tree.isLink(dbus) && !QString::fromUtf8(tree.read(dbus)).trimmed().isEmpty())
        where << dbus;
    if (where.isEmpty())
        return;
    out.append(
        {u"machine-id"_s, GoldenHazard::Severity::Warning,
         u"The golden has a machine id (%1): every clone would share it, and the DHCP client id "
         u"and "
         u"journal identity systemd derives from it, unless the agent resets it at first boot."_s
             .arg(content.isEmpty() ? u"in /var/lib/dbus"_s : content.left(32)),
         where,
         u"Empty it, do not delete it: truncate -s 0 /etc/machine-id; and make D-Bus use it: "
         u"rm -f /var/lib/dbus/machine-id && ln -s /etc/machine-id /var/lib/dbus/machine-id. "
         u"systemd makes a new id at each clone's first boot."_s});
}

void dhcpLeases(const Tree &tree, QList<GoldenHazard> &out) {
    QStringList leases;
    for (const QString &folder : kLeaseFolders) {
        for (const QString &name : tree.list(folder)) {
            const QString path = join(folder, name);
            if (name.contains(u"lease"_s, Qt::CaseInsensitive) && tree.isFile(path)
                && tree.size(path) > 0)
                leases << path;
        }
    }
    if (leases.isEmpty())
        return;
    out.append({u"dhcp-leases"_s, GoldenHazard::Severity::Warning,
                u"DHCP leases of the golden are kept: a clone that uses DHCP asks the server for "
                u"the golden's "
                u"own address first."_s,
                leases, u"Delete them: rm -f %1"_s.arg(leases.join(u' '))});
}

void sshHostKeys(const Tree &tree, Family f, QList<GoldenHazard> &out) {
    QStringList keys;
    for (const QString &name : tree.list(u"/etc/ssh"_s, {u"ssh_host_*key"_s}))
        keys << join(u"/etc/ssh"_s, name);
    if (keys.isEmpty())
        return;
    QString fix = u"Delete them: rm -f /etc/ssh/ssh_host_*; each clone then makes its own."_s;
    if (f == Family::Debian)
        fix += u" Debian and Ubuntu do not make missing keys at boot by themselves: add the "
               u"ssh-keygen -A "
               u"drop-in of docs/golden-image.md first."_s;
    else if (f == Family::Rhel)
        fix += u" RHEL, CentOS and Fedora make missing keys when sshd starts."_s;
    out.append({u"ssh-host-keys"_s, GoldenHazard::Severity::Warning,
                u"The golden's SSH host keys are kept: every clone would show the same host "
                u"identity, and one "
                u"leaked key would speak for all of them."_s,
                keys, fix});
}

bool agentEnabled(const Tree &tree) {
    for (const QString &wants : tree.list(u"/etc/systemd/system"_s, {u"*.wants"_s}))
        if (tree.hasEntry(join(join(u"/etc/systemd/system"_s, wants), u"vmeclone-agent.service"_s)))
            return true;
    for (const QString &base : {u"/etc/rc.d/rc%1.d"_s, u"/etc/rc%1.d"_s})
        for (int level = 2; level <= 5; ++level)
            if (!tree.list(base.arg(level), {u"S*vmeclone-agent"_s}).isEmpty())
                return true;
    for (const QString &runlevel : tree.list(u"/etc/runlevels"_s))
        if (tree.hasEntry(join(join(u"/etc/runlevels"_s, runlevel), u"vmeclone-agent"_s)))
            return true;
    // busybox init and hand-made boot scripts.
    for (const QString &script :
         {u"/etc/inittab"_s, u"/etc/init.d/rcS"_s, u"/etc/rc.local"_s, u"/etc/rc.d/rc.local"_s})
        for (const QString &line : tree.lines(script))
            if (line.contains(u"vmeclone-agent"_s))
                return true;
    return false;
}

void agent(const Tree &tree, Family f, const QStringList &mounts, QList<GoldenHazard> &out) {
    if (onSeparateFileSystem(mounts, kAgent))
        return; // not in this copy: limits() says so
    if (!tree.isFile(kAgent)) {
        QString fix;
        switch (f) {
        case Family::Rhel:
            fix = u"Install the agent package in the golden: rpm -i vmeclone-agent-*.x86_64.rpm "
                  u"(it enables "
                  u"itself at boot)."_s;
            break;
        case Family::Debian:
            fix = u"Install the agent package in the golden: dpkg -i vmeclone-agent_*_amd64.deb "
                  u"(it enables "
                  u"itself at boot)."_s;
            break;
        case Family::Other:
            fix = u"Install the agent in the golden: unpack vmeclone-agent-*-linux-x86_64.tar.gz "
                  u"and run its "
                  u"./install.sh (it detects systemd or SysV init and enables the agent)."_s;
            break;
        }
        out.append({u"agent-missing"_s,
                    GoldenHazard::Severity::Error,
                    u"No vmeclone-agent in the golden: clones would never configure their network "
                    u"from their "
                    u"identity nor announce themselves online."_s,
                    {kAgent},
                    fix});
        return;
    }
    if (agentEnabled(tree))
        return;
    QString fix;
    QStringList where{kAgent};
    if (hasSystemd(tree)) {
        fix = u"Enable it in the golden: systemctl enable vmeclone-agent.service (the unit is "
              u"/lib/systemd/system/vmeclone-agent.service from the package, or "
              u"/etc/systemd/system/vmeclone-agent.service)."_s;
        where << u"/etc/systemd/system/multi-user.target.wants/vmeclone-agent.service"_s;
    } else if (tree.isDir(u"/etc/rc.d"_s)) {
        fix = u"Enable it in the golden: chkconfig --add vmeclone-agent (the script is "
              u"/etc/init.d/vmeclone-agent)."_s;
        where << u"/etc/rc.d/rc3.d/S90vmeclone-agent"_s;
    } else if (f == Family::Debian || tree.isDir(u"/etc/rc3.d"_s)) {
        fix = u"Enable it in the golden: update-rc.d vmeclone-agent defaults."_s;
        where << u"/etc/rc3.d/S01vmeclone-agent"_s;
    } else {
        fix = u"Start it from the golden's boot script: add the line '/etc/init.d/vmeclone-agent "
              u"start' to "
              u"/etc/init.d/rcS (or the init system's equivalent)."_s;
        where << u"/etc/init.d/rcS"_s;
    }
    out.append({u"agent-not-enabled"_s, GoldenHazard::Severity::Error,
                u"vmeclone-agent is installed but nothing starts it at boot: clones would keep the "
                u"golden's "
                u"network settings and never announce themselves online."_s,
                where, fix});
}

} // namespace

QStringList GuestHazards::guestPaths() {
    QStringList paths{u"/etc"_s, u"/var/lib/dbus"_s, kAgent, u"/usr/lib/systemd/systemd"_s,
                      u"/lib/systemd/systemd"_s};
    paths += kLeaseFolders;
    return paths;
}

bool GuestHazards::isRootFileSystem(const QString &root) {
    const Tree tree(root);
    return tree.isDir(u"/etc"_s)
           && (tree.hasEntry(u"/etc/fstab"_s) || tree.hasEntry(u"/etc/passwd"_s)
               || tree.hasEntry(u"/etc/inittab"_s) || tree.hasEntry(u"/etc/os-release"_s));
}

QList<GoldenHazard> GuestHazards::find(const QString &root) {
    const Tree tree(root);
    const Family f = family(tree);
    const QStringList mounts = mountPoints(tree);
    QList<GoldenHazard> out;
    agent(tree, f, mounts, out);
    udevRule(tree, out);
    ifcfgPins(tree, out);
    machineId(tree, out);
    dhcpLeases(tree, out);
    sshHostKeys(tree, f, out);
    return out;
}

QStringList GuestHazards::limits(const QString &root) {
    const Tree tree(root);
    const QStringList mounts = mountPoints(tree);
    QStringList out;
    if (onSeparateFileSystem(mounts, u"/var/lib"_s))
        out << u"/var is a file system of its own (/etc/fstab): DHCP leases and "
               u"/var/lib/dbus/machine-id were not "
               u"checked; check them by hand"_s;
    if (onSeparateFileSystem(mounts, kAgent))
        out << u"/usr is a file system of its own (/etc/fstab): whether /usr/sbin/vmeclone-agent "
               u"is installed was "
               u"not checked; check it by hand"_s;
    return out;
}

QStringList GuestHazards::checksByHand() {
    return {
        u"/usr/sbin/vmeclone-agent exists and starts at boot (systemctl is-enabled vmeclone-agent, "
        u"or chkconfig "
        u"--list vmeclone-agent)"_s,
        u"/etc/udev/rules.d/70-persistent-net.rules is absent"_s,
        u"no HWADDR=, MACADDR= or UUID= lines in /etc/sysconfig/network-scripts/ifcfg-*"_s,
        u"/etc/machine-id is empty (not deleted) and /var/lib/dbus/machine-id is a link to it or absent"_s,
        u"no DHCP leases in /var/lib/dhclient, /var/lib/dhcp, /var/lib/NetworkManager, /var/lib/dhcpcd"_s,
        u"no SSH host keys /etc/ssh/ssh_host_*"_s,
    };
}

} // namespace vmeclone
