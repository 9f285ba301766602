#pragma once
// QEMU: one qemu-system-x86_64 per VM, daemonised, with a QMP socket in the VM's
// folder for power-off. The guest's identity goes in by fw_cfg
// (opt/vmeclone/identity); user networking's host alias delivers the guest's UDP
// announcements to the listener on the host's 127.0.0.1.

#include "hypervisor/guest_view.h"
#include "hypervisor/hypervisor_backend.h"
#include "hypervisor/qemu_machine.h"

namespace vmeclone {

struct QemuBackendConfig {
    QString qemuSystem;                    // empty: qemu-system-x86_64 from PATH
    QString accel = QStringLiteral("tcg"); // "tcg", "kvm", or "auto" (probe by a real boot)
    quint16 listenerPort = 9176;           // where the guests' announcements arrive
};

class QemuBackend final : public HypervisorBackend {
public:
    explicit QemuBackend(QemuBackendConfig config);

    QString id() const override { return QStringLiteral("qemu"); }
    Expected<GoldenInspection> inspectGolden(const QString &path) const override;
    TakenAddresses reservedAddresses(const GoldenRecord &golden) const override;
    Ipv4Address consoleAddressFor(const GoldenRecord &golden) const override;
    qint64 bytesNeeded(const GoldenRecord &golden, const QString &cloneMode) const override;
    Status createClone(const CloneRequest &request, const std::atomic_bool *cancel,
                       const ProgressFn &progress) override;
    Expected<qint64> start(const VmRecord &vm, const GoldenRecord &golden) override;
    Status stop(const VmRecord &vm, std::chrono::milliseconds grace) override;
    Expected<bool> isRunning(const VmRecord &vm) const override;
    Status deleteClone(const VmRecord &vm) override;

    // Milliseconds spent so far in QEMU's own launch (until -daemonize returns), over
    // all starts: what benchmarks subtract to find vmeclone's own share.
    qint64 launchMilliseconds() const { return m_launchMs.load(); }
    // Milliseconds spent loading template states and resuming instant clones, over all.
    qint64 resumeMilliseconds() const { return m_resumeMs.load(); }

    // Makes the instant-clone template of `golden` in `folder` (qemu_instant.h): a disk
    // overlay of the golden, booted with its RAM in a file and `identity`; once the serial
    // log holds `readyMarker` (the agent says it stopped before any identity), the VM is
    // paused, its device state saved and QEMU ended. Nothing in `folder` is written after.
    // Any failure removes `folder`.
    Status makeTemplate(const GoldenRecord &golden, const QString &folder,
                        const protocol::KeyValueText &identity, const QByteArray &readyMarker,
                        std::chrono::milliseconds timeout);

    // Whether the next start of `vm` resumes it from its template (an instant clone never
    // started yet) rather than booting its disk.
    static bool resumesOnStart(const VmRecord &vm);

    // After a crash while `vm` was being started: how its QEMU runs now. One launched to
    // resume its template (its command line has -incoming) is Resumed, and a resume that
    // was cut short (nothing loaded yet, loaded but not continued) is finished here, so
    // that recovery settles the clone as resuming, not booting.
    enum class StartedAs { NotRunning, Booted, Resumed };
    Expected<StartedAs> settleInterruptedStart(const VmRecord &vm);

    // What the running guest of `vm` says of itself through qemu-guest-agent
    // (guest_view.h); fails when it is not running or runs no guest agent.
    Expected<GuestView>
    guestView(const VmRecord &vm,
              std::chrono::milliseconds timeout = std::chrono::milliseconds(3000));

    // The QEMU command line that starts `vm` (for tests and --dry-run).
    Expected<QStringList> commandLine(const VmRecord &vm, const GoldenRecord &golden) const;

    // Files inside a QEMU clone's folder.
    static QString machineFile(const QString &folder);
    static QString identityFile(const QString &folder);
    static QString qmpSocket(const QString &folder);
    static QString guestAgentSocket(const QString &folder); // qemu-guest-agent's channel
    static QString pidFile(const QString &folder);
    static QString serialLog(const QString &folder);
    // Files of a template folder: its machine description, RAM, device state and disk.
    static QString templateMachine(const QString &folder);
    static QString templateRam(const QString &folder);
    static QString templateState(const QString &folder);
    static QString templateDisk(const QString &folder);

    // Boots a 512-byte boot sector under KVM and reports whether it ran: /dev/kvm can
    // exist while guests hang under it, so only a real boot tells.
    static bool kvmWorks(const QString &qemuSystem, const QString &scratchFolder);
    // The probe itself, under any accelerator: true when the boot sector ran and
    // printed its marker within `timeoutMs`.
    static bool acceleratorBoots(const QString &qemuSystem, const QString &accel,
                                 const QString &scratchFolder, int timeoutMs = 8000);

private:
    // A unix socket path must fit sockaddr_un (108 bytes with the terminator).
    static constexpr int kMaxSocketPath = 107;

    QString qemuSystem() const;
    QString accelerator() const;
    // The process id in the folder's pidfile, when that process is still this VM's QEMU.
    qint64 livePid(const QString &folder) const;
    // A clone whose machine description names a template state (qemu_instant.h) was
    // started with -incoming defer: load that state and resume it.
    Status resumeIfInstant(const VmRecord &vm);

    QemuBackendConfig m_config;
    mutable QString m_accel; // resolved "auto"
    std::atomic<qint64> m_launchMs{0};
    std::atomic<qint64> m_resumeMs{0};
};

} // namespace vmeclone
