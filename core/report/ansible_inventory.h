#pragma once
// The VMs as an Ansible inventory in YAML (`vmeclone export --format ansible`), which
// ansible and ansible-inventory read with their own yaml plugin, nothing installed:
//
//   all:
//     hosts:                  every VM once, named by its VM name, with its variables
//       'vm177': {ansible_host: '192.0.2.177', ip: ..., mac: ..., name: ..., vmeclone_host: ...}
//     children:               the groups, listing VM names only
//       host_local:   {hosts: {'vm177': null}}   the vmeclone host the VM lives on
//       golden_demo:  {hosts: ...}               its golden image
//       state_online: {hosts: ...}               its state
//
// The YAML is libyaml's emitter's, never text put together here. Data (VM names,
// addresses, MACs, host names) is always quoted, so no name is read back as a number,
// a boolean or null ("1e5", "true", "0x10"); keys of our own and group names are plain.

#include "cluster/host_names.h"
#include "common/expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

namespace vmeclone {

class InventoryReport;

class AnsibleInventory {
public:
    // One VM as the inventory lists it. `host` is the vmeclone host it lives on: every
    // VM is on this machine ("local") until VMs are placed on other hosts.
    struct Vm {
        QString name;
        QString ip;
        QString mac;
        QString golden;
        QString state;
        QString host = kLocalHost.toString();
    };

    explicit AnsibleInventory(QList<Vm> vms);
    // The report's VMs (states as judged when the report was taken), all on "local".
    static AnsibleInventory fromReport(const InventoryReport &report);

    // `prefix` + '_' + `name` with every character but ASCII letters, digits and '_'
    // made '_': a valid Ansible group name ("golden_Debian_12_web" from "Debian 12/web").
    // Names that differ only in such characters share a group.
    static QString groupName(QStringView prefix, QStringView name);

    const QList<Vm> &vms() const { return m_vms; }
    Expected<QByteArray> toYaml() const; // fails only if libyaml does
    // Written next to `path` and renamed over it when complete, as every report is.
    Status write(const QString &path) const;

private:
    QList<Vm> m_vms;
};

} // namespace vmeclone
