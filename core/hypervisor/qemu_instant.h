#pragma once
// Instant clones on QEMU (issue 15): a template VM runs the golden with its RAM in a
// file (memory-backend-file, share=on); once paused, its device state is saved with the
// migration capability x-ignore-shared, which leaves that RAM out of the stream. Each
// clone maps the same RAM file privately (share=off: copy-on-write, the file is never
// written), loads the device state through `-incoming defer` and resumes, without a boot.
//
// The pieces a machine description (QemuMachine::extra) carries:
//   "instant_ram"    the RAM file; with "instant_ram_shared": true the VM writes it (the
//                    template), else it maps it privately (a clone)
//   "instant_state"  the template's saved device state: the next start resumes from it
//                    instead of booting, once (a later start boots the clone's own disk)

#include "common/expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <string>

namespace vmeclone {

class QmpClient;

namespace qemu_instant {

inline constexpr auto kRamKey = "instant_ram";
inline constexpr auto kRamSharedKey = "instant_ram_shared";
inline constexpr auto kStateKey = "instant_state";

// The fw_cfg identity blob's fixed size. The guest's fw_cfg directory (file names and
// sizes) is part of the memory a clone resumes from: every clone's blob, and the
// template's, must have the same size whatever address it names.
inline constexpr int kIdentityBytes = 2048;

// `text` padded with a comment line ('#' lines are ignored by the identity parser) to
// exactly kIdentityBytes; fails when the identity itself is longer.
Expected<QByteArray> paddedIdentity(const std::string &text);

// Whether a template's console shows its guest configuring itself or rebooting, which an
// agent in template mode never does before it stops: the golden's agent has no template
// mode.
bool tookAnIdentity(const QByteArray &console);

// The arguments that put the guest's RAM in `ramFile` and add the vmgenid device (a
// resumed guest's kernel reseeds its random generator when the generation id changes).
// Goes with `-machine pc,memory-backend=pc.ram`.
QStringList memoryArguments(const QString &ramFile, int memoryMb, bool shared);

// Whether this QEMU has what instant clones need (memory-backend-file, vmgenid and the
// x-ignore-shared capability); fails naming what is missing.
Status checkQemu(const QString &qemuSystem);

// On the template's QMP: pauses the VM, saves its device state to `stateFile` with
// x-ignore-shared (the RAM stays in its file) and waits until that is complete. The
// caller quits the template afterwards.
Status saveState(QmpClient &qmp, const QString &stateFile,
                 std::chrono::milliseconds timeout = std::chrono::milliseconds(60'000));

// On a clone's QMP (QEMU started with -incoming defer): loads `stateFile`, waits until
// it is loaded and resumes the guest. Returns the milliseconds from the load request
// to running.
Expected<qint64> resume(QmpClient &qmp, const QString &stateFile,
                        std::chrono::milliseconds timeout = std::chrono::milliseconds(60'000));

} // namespace qemu_instant
} // namespace vmeclone
