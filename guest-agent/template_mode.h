#pragma once
// Template mode (instant clones on QEMU, issue 15). vmeclone boots a golden once as the
// template of its instant clones with an fw_cfg identity that says `template=yes` and
// nothing else of note. The agent then stops before applying any identity (no address,
// no hostname, no machine-id), says so on its log (vmeclone waits for that line, then
// pauses the VM and saves its memory), and waits. Each clone resumes from that memory
// in a QEMU of its own, whose fw_cfg holds the clone's identity instead: the agent
// notices by re-reading the fw_cfg file (sysfs reads go to QEMU each time) every
// kPollMs, and carries on as a clone, live, without a reboot.
//
// Why polling: the kernel's vmgenid driver (CONFIG_VMGENID) reseeds the random generator
// when the generation id changes, but tells userspace nothing (Linux 6.1 has no uevent
// for it), so the agent has no event to wait on. A read of a 2 KiB fw_cfg file every
// 100 ms costs the guest next to nothing.

#include "root_fs.h"

#include <string>

namespace vmeclone::agent {

class TemplateMode {
public:
    static constexpr unsigned kPollMs = 100;
    // The line vmeclone's QEMU backend waits for on the console (QemuBackend::makeTemplate).
    static constexpr const char *kReadyLine =
        "template: stopped before any identity; waiting to be resumed as a clone";

    // Whether the identity in fw_cfg asks for template mode.
    static bool requested(const RootFs &fs);
    // Waits until the fw_cfg identity no longer asks for template mode (the VM was
    // resumed as a clone). Returns false only when SIGTERM/SIGINT came meanwhile.
    static bool waitForClone(const RootFs &fs);

    // A fresh /etc/machine-id (MachineIdReset::renew: 32 hex digits from /dev/urandom, read
    // after the resume so the reseeded generator gives each clone its own).
    static bool freshMachineId(const RootFs &fs, std::string &id, std::string &error);
    // Removes /etc/ssh/ssh_host_*_key and their .pub files (the caller then runs
    // `ssh-keygen -A`, which makes the missing ones); returns how many were removed.
    static int removeSshHostKeys(const RootFs &fs);
};

} // namespace vmeclone::agent
