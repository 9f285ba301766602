#pragma once
// The states of a VM (DESIGN §4). The inventory stores the name; the table, the
// CLI's --json and the reports all read the same value.

#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>

namespace vmeclone {

enum class VmState {
    Planned,     // row reserved: address, MAC, name and shard are taken
    Copying,     // disk being copied or linked (progress in percent)
    Configured,  // files complete, ready to start
    Starting,    // the hypervisor was asked to start it
    Booting,     // running, no word from the agent yet
    Configuring, // the agent is writing the guest's network configuration
    Rebooting,   // the agent rebooted the guest so the identity takes effect
    Resuming,    // an instant clone resumed from its template, taking its identity live
    Online,      // announced itself, heartbeats arriving
    Unreachable, // was online, heartbeats stopped
    Stopping,
    Stopped,
    Releasing, // being stopped and deleted
    Released,  // gone (rows are deleted once released; this is for events)
    Failed,    // reason says why
};

QString vmStateName(VmState state); // "online", "copying", ...
// The one colour of a state (0xRRGGBB), the same in the console, the HTML and the PDF.
std::uint32_t vmStateColour(VmState state);
std::optional<VmState> vmStateFromName(QStringView name);

// Running as far as the hypervisor is concerned (a process or a VMware VM exists).
bool vmStateIsRunning(VmState state);
// A batch is working on the VM: it must not be released from elsewhere.
bool vmStateIsBusy(VmState state);

} // namespace vmeclone
