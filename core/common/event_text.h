#pragma once
// What core tells operators in its events, kept as a code and its arguments beside the
// English sentence, so each reader says it in its own language: the CLI and the logs
// print the English one (EventRecord::message), the console translates (eventText) from
// the code. An event without a code (a failure core wrote as it said it, older
// inventories, texts that come whole from a guest or a tool) is said by failureText
// (failure_text.h): core's failure sentences translated, anything else as it was written.
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
//   shard-shared       path, how many clone folders of other data folders
//   golden-fingerprinted  name
//   golden-refreshed   name, what changed (the fingerprint's words)
//   golden-refreshed-unchanged  name
//   golden-removed     name
//   console-address    name, address, the address before ("" for none)
//   template-made      name, folder, milliseconds, why it was made again ("" the first time)
//   template-abandoned folder
//   instant-fallback   golden, why (the template check's words)
//   recovered          what recovery did (failed, released, rolled back, marked STATE), detail
//   orphan-removed     folder
//   host-added         name, destination, remote version
//   host-removed       name

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
    // Why a VM is unreachable, as its reason (VmRecord::reason) keeps it: in English, the
    // one sentence reasonText() reads back.
    static QString noHeartbeat(qint64 seconds);
    // Why recovery failed a VM, as its reason keeps it: "recovery: " and the error.
    static QString recoveryFailed(const QString &error);
    // Every code make() knows ("state" and the sentences'), for tests that walk them all.
    static QStringList codes();
};

// The event in the language of the installed translator (the console's), from its code
// and arguments; without a code, `english` as failureText says it; as it is when the code
// is unknown.
QString eventText(const QString &code, const QStringList &args, const QString &english);

// A VM's stored reason (the Detail column) in the installed translator's language: core's
// own words (no heartbeat, recovery's "recovery: " before the error) translated, the
// agent's detail and a backend's error as they came.
QString reasonText(const QString &reason);

} // namespace vmeclone
