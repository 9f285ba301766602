#pragma once
// What a head sends a host to clone: `vmeclone apply PLAN.json --json-lines` there reads
// it (docs/cluster.md). The host places the VMs on its own shards and makes them; each
// clone's instance comes from the plan's id and its address (Engine::instanceFor), so a
// plan applied again, after any interruption, finds what it made and makes only the
// rest. The host answers with one JSON object per line (PlanLine).

#include "common/expected.h"
#include "net/ipv4.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

namespace vmeclone {

// Raised when the document's meaning changes incompatibly.
inline constexpr int kPlanDocumentVersion = 1;

struct PlanDocument {
    QUuid id;
    QString golden;
    QString mode = QStringLiteral("linked"); // "linked" | "full"
    bool start = true;
    QList<Ipv4Address> addresses;

    QByteArray toJson() const;
    // Fails naming the member that is missing or wrong.
    static Expected<PlanDocument> fromJson(const QByteArray &json);
};

// One line of a host's answer: "vm" lines as each VM moves on (its state, progress,
// what happened), then one "done" line. A line that is not one of these is ignored by a
// head (an older or newer host may say more).
struct PlanLine {
    enum class Kind { Vm, Done, Other };
    Kind kind = Kind::Other;
    Ipv4Address address;
    QString name;
    QString state;   // a VmState's name ("configured", "failed"...)
    bool ok = false; // Vm: the VM is made (or was already); Done: every VM of the plan is
    bool final = false; // Vm: the VM's last line of this run
    bool held = false;  // Vm, final: the host holds a VM of this plan at the address
    int progress = 0;
    QString message;

    QByteArray toJson() const; // one line, without the newline
    static PlanLine fromJson(const QByteArray &line);
};

} // namespace vmeclone
