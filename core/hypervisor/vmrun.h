#pragma once
// VMware's vmrun, run as a child process (an argument list, never a shell), with a
// timeout on every call: a vmrun that hangs is killed and reported, naming the VM.
//
// The command lines used, and nothing else (Player has no clone or snapshot):
//   vmrun -T ws clone <golden vmx> <clone vmx> linked -snapshot=<name> -cloneName=<name>
//                                                (only when asked: clone --vmware-clone)
//   vmrun -T player|ws start <vmx> nogui
//   vmrun -T player|ws stop <vmx> soft|hard
//   vmrun -T player|ws list                      "Total running VMs: N", then N paths
//   vmrun -T player|ws getGuestIPAddress <vmx> -wait
// vmrun reports a failure on stdout as "Error: ..." and exits with 255 on Linux; on
// Windows it exits with -1, which QProcess reports as -1 (GetExitCodeProcess's
// 0xFFFFFFFF read as an int; Qt counts it a normal exit, not a crash). Any non-zero
// exit is a failure here, and VMware's text is passed on verbatim.
//
// Where vmrun is: the explicit path when given, else PATH, else the standard install
// folders (standardLocations()). Which -T: the explicit type when given, else "ws" when
// VMware Workstation's own program (vmware / vmware.exe) is installed next to vmrun or
// on PATH; "player" only when Player's program (vmplayer) is there and Workstation's is
// not (Workstation also installs vmplayer, so only Workstation's program tells the two
// apart); else "ws". Workstation Player was discontinued (end of sale April 2024) and
// Workstation Pro is free for all use since November 2024, so Workstation Pro is what a
// host without either program is taken to have; -T player refuses what -T ws allows.
// The type comes with the reason it was chosen (typeReason()), for the operator.

#include "common/expected.h"

#include <QString>
#include <QStringList>

#include <chrono>

namespace vmeclone {

struct VmrunConfig {
    QString program;                            // empty: find()
    QString type;                               // "player", "ws", or empty: detectType()
    std::chrono::milliseconds timeout{120'000}; // one vmrun call (start, stop hard, list)
};

// What one vmrun call printed and how it ended.
struct VmrunOutput {
    int exitCode = 0;
    QString output; // stdout (vmrun prints its errors there too), then stderr if any
};

class Vmrun {
public:
    // Resolves the program and type; fails naming what to install or which option to give.
    static Expected<Vmrun> create(const VmrunConfig &config);

    // vmrun on PATH, else in standardLocations(); fails saying how to point at it.
    static Expected<QString> find();
    // The standard install paths of vmrun on this OS, in search order.
    static QStringList standardLocations();
    struct DetectedType {
        QString type;   // "ws" or "player"
        QString reason; // why, naming the program found (or not)
    };
    // "ws" when VMware Workstation's program is next to `vmrunPath` or on PATH; "player"
    // when only Player's is; else "ws" (Player is discontinued).
    static DetectedType detectType(const QString &vmrunPath);
    // Where vmrun comes from, for a host that has none.
    static QString whereToGetIt();

    QString program() const { return m_program; }
    QString type() const { return m_type; }
    // Why type() is what it is: given, or what detectType() found.
    QString typeReason() const { return m_typeReason; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // `vm` names the VM in messages ("vm177"). Each waits at most timeout().
    Status start(const QString &vmx, const QString &vm) const;
    // `vmrun -T ws clone SOURCE CLONE linked -snapshot=SNAPSHOT -cloneName=NAME`: VMware's
    // own linked clone of a snapshot of the source. Fails at once under -T player, which
    // has no clone command.
    Status cloneLinked(const QString &sourceVmx, const QString &cloneVmx, const QString &snapshot,
                       const QString &name) const;
    // One stop, "soft" (the guest shuts down through VMware Tools) or hard (power cut).
    // A VM that is not running is not an error.
    Status stop(const QString &vmx, const QString &vm, bool hard,
                std::chrono::milliseconds timeout) const;
    // Soft first, waiting up to `grace`; when the soft stop fails or hangs (it is killed),
    // hard. Fails only when the hard stop fails too.
    Status stopSoftThenHard(const QString &vmx, const QString &vm,
                            std::chrono::milliseconds grace) const;
    // The running VMs' .vmx paths as vmrun prints them.
    Expected<QStringList> list() const;
    Expected<bool> isRunning(const QString &vmx) const;
    // The guest's address as VMware Tools report it; waits up to `timeout` for them.
    Expected<QString> guestIpAddress(const QString &vmx, const QString &vm,
                                     std::chrono::milliseconds timeout) const;

    // Runs `vmrun -T <type> <arguments>` and fails, quoting vmrun's "Error: ..." and its
    // exit code, when it exits non-zero; kills it after `timeout`. `what` names the
    // operation and VM in messages ("start vm177").
    Expected<QString> run(const QStringList &arguments, std::chrono::milliseconds timeout,
                          const QString &what) const;
    // The same, without judging the exit code (still killed and failed on timeout).
    Expected<VmrunOutput> runRaw(const QStringList &arguments, std::chrono::milliseconds timeout,
                                 const QString &what) const;

    // The message of a call that exited non-zero: what, the exit code as VMware's users
    // see it (vmrun on Windows exits with -1, which they read as 4294967295) and what
    // vmrun printed ("Error: ...", on stdout).
    static QString describeFailure(const QString &what, const VmrunOutput &out);
    // Parses `vmrun list`: "Total running VMs: N" and N non-empty lines after it.
    static Expected<QStringList> parseList(const QString &output);
    // Whether two .vmx paths name one file as VMware compares them: separators and
    // "." / ".." normalised; case-insensitive on Windows, where the file system is.
    static bool samePath(const QString &a, const QString &b);

private:
    Vmrun() = default;
    QString m_program;
    QString m_type;
    QString m_typeReason;
    std::chrono::milliseconds m_timeout{120'000};
};

} // namespace vmeclone
