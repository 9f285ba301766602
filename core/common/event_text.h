#pragma once
// What core tells operators in its events, kept as a code and its arguments beside the
// English sentence, so each reader says it in its own language: the CLI and the logs
// print the English one (EventRecord::message), the console translates (eventText) from
// the code. An event without a code (older inventories, texts that come whole from a
// guest or a tool) is shown as it was written.
//
// Codes and their arguments:
//   state              the VM's new state (vmStateName), the agent's detail, "unsigned" or ""
//   unreachable        seconds without a heartbeat
//   released           -
//   clone-cancelled    -
//   clone-failed       why (as the backend said it)
//   rejected           why (EventText::rejection), from (address:port)
//   held-states        how many, the budget per minute
//   held-rejections    how many, the budget per minute
//   batch              operation, VMs, done, failed, ", cancelled" or ""
//   golden-added       name, path, address, subnet
//   shard-added        path, weight, free space (bytes)

#include <QString>
#include <QStringList>

namespace vmeclone {

struct EventText {
    QString code;
    QStringList args;
    QString english; // the sentence as the inventory's message column keeps it

    // The event in English, from its code: what Inventory::addEvent stores as the message.
    static EventText make(const QString &code, const QStringList &args);
    // The why of a rejected announcement, by the verifier's reason code
    // (rejectReasonName): "bad-signature" -> "bad signature: ...".
    static QString rejection(const QString &reason, bool translated);
};

// The event in the language of the installed translator (the console's), from its code
// and arguments; `english` as it is when the code is empty or unknown.
QString eventText(const QString &code, const QStringList &args, const QString &english);

} // namespace vmeclone
