#pragma once
// Every rule a golden image must meet to be added, in one place: Engine::addGolden
// applies them, and the Add golden image dialog applies the same ones as the operator
// types, so the two cannot disagree. Each refusal names its field, what is wrong and
// the offending value (common/validation.h); the message never names a CLI flag.
//
// The rules read no disk beyond the golden's own description: backendFor() looks at
// the path, describe() reads what the file says of itself (cheap enough to run per
// keystroke), check() judges the operator's input against it. What needs the disks
// (their sizes, a write lock, a fingerprint) is the backend's inspectGolden().

#include "common/expected.h"
#include "hypervisor/hypervisor_backend.h"
#include "inventory/records.h"
#include "net/host_addresses.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vmeclone {

struct GoldenSpec {
    QString path;
    std::optional<quint32> suffix;
    QString subnet;  // CIDR; empty: from the golden's description
    QString gateway; // empty: none
    QString name;    // empty: from the golden's description
    QString
        namePrefix; // clones are named <prefix><suffix> (empty: "vm"); also their folders' names
    QString consoleAddress; // VMware: this host's address on the VMs' network, kept with the golden
    QString dns;            // name servers the clones get: "IP[,IP...]" (empty: none)
    // A VMware golden without a network adapter is refused unless this is set: its clones
    // could not announce themselves, and would be planned an address for no NIC.
    bool allowNoNetwork = false;
    // VMware: further NICs as "ethernetN=CIDR" (the clones' own suffix in that subnet) or
    // "ethernetN=none" (left unconfigured, as every NIC without a rule).
    QStringList nics;
};

// What check() concluded: the golden the spec makes, or why not (at most one refusal
// per field, in the order of the dialog's form: path, name, prefix, suffix, subnet,
// gateway, DNS, console address).
struct GoldenVerdict {
    GoldenRecord golden; // backend, path, name, prefix, subnet, address, gateway, console, DNS
    QList<Error> refusals;
    // The console address was not given but found: this host's only address in the
    // golden's subnet (golden.consoleAddress).
    bool consoleAddressFound = false;
    // VMware: this host's addresses in the golden's subnet (candidatesIn), typed one or
    // not; empty when the host's addresses were not looked up or the subnet is unknown.
    QList<HostAddress> consoleCandidates;

    bool ok() const { return refusals.isEmpty(); }
    // The refusal of `field`, or null.
    const Error *refusalOf(Field field) const;
};

class GoldenRules {
    Q_DECLARE_TR_FUNCTIONS(GoldenRules) // its refusals are for people: the console translates them

public:
    // Where a VMware golden's clones may find the console when the golden has no
    // address of its own (EngineConfig's VMware settings).
    struct Context {
        QString processConsoleAddress; // this process's (the CLI's --console-address)
        // Every command may give one (the CLI): a VMware golden may then be added without
        // any, and its clones are refused until one is given. The console cannot: there
        // a VMware golden needs its own.
        bool consoleAddressPerCommand = false;
        // This host's IPv4 addresses (Engine: hostAddresses()); nullopt: not looked up.
        // A VMware golden given no console address gets this host's one address in its
        // subnet; with several, the operator is asked to choose.
        std::optional<QList<HostAddress>> hostAddresses = std::nullopt;
    };

    static constexpr int kMaxNameLength = 64;

    // The backend that reads the golden's file: "qemu" for a machine description
    // (.json), "vmware" for a .vmx. Refuses (Field::GoldenPath) an empty path, a missing
    // file, another kind of file, or a path with control characters.
    static Expected<QString> backendFor(const QString &path);
    // What the golden's file says of itself (name, subnet, suffix), without its disks;
    // refuses (Field::GoldenPath) a file that cannot be read as a golden.
    static Expected<GoldenInspection> describe(const QString &path, const QString &backend);
    // The suffix as the operator typed it (a form leaves an empty field to the golden).
    static Expected<quint32> suffixFrom(const QString &text);

    // Every rule on the spec and what the golden says (`said`); `backend` as
    // backendFor() gave it.
    static GoldenVerdict check(const GoldenSpec &spec, const QString &backend,
                               const GoldenInspection &said, const Context &context);
    // A VMware golden's console address changed after it was added (Engine::
    // setConsoleAddress, the console's dialog): `address` as typed, or empty or "auto"
    // (found again), judged by check()'s rules against the golden as it was added and
    // with the golden's own address, never a command's. `said`: what its file says now.
    static Expected<Ipv4Address> consoleAddressFor(const GoldenRecord &golden,
                                                   const QString &address,
                                                   const GoldenInspection &said,
                                                   const Context &context);
    // Whether `address` asks for the console address to be found ("auto", any case).
    static bool isAutomatic(const QString &address);
    // Sorts refusals in the form's order (check() does; for a form adding its own, such
    // as suffixFrom()'s).
    static void inFormOrder(QList<Error> &refusals);

private:
    // The further NICs' rules (spec.nics) into verdict.golden.nics, or a Field::Nics refusal.
    static void checkNics(const GoldenSpec &spec, const QString &backend,
                          const GoldenInspection &said, bool haveSubnet, GoldenVerdict &verdict);
};

} // namespace vmeclone
