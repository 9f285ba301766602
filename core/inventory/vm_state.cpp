#include "vm_state.h"

#include "common/failure_text.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

constexpr std::array kNames = {
    std::pair{VmState::Planned, u"planned"},       std::pair{VmState::Copying, u"copying"},
    std::pair{VmState::Configured, u"configured"}, std::pair{VmState::Starting, u"starting"},
    std::pair{VmState::Booting, u"booting"},       std::pair{VmState::Configuring, u"configuring"},
    std::pair{VmState::Rebooting, u"rebooting"},   std::pair{VmState::Resuming, u"resuming"},
    std::pair{VmState::Online, u"online"},         std::pair{VmState::Unreachable, u"unreachable"},
    std::pair{VmState::Stopping, u"stopping"},     std::pair{VmState::Stopped, u"stopped"},
    std::pair{VmState::Releasing, u"releasing"},   std::pair{VmState::Released, u"released"},
    std::pair{VmState::Failed, u"failed"},
};

// The states' names as the engine's failures take them ("%1 is %2 now ...": vmStateName),
// said in the reader's language in their place (failure_text.h). "stopped" and "released"
// are steps too, and batch_support.cpp registers them as such.
[[maybe_unused]] const FailureSentence kVmStateWords[] = {
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "planned")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "copying")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "configured")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "starting")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "booting")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "configuring")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "rebooting")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "resuming")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "online")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "unreachable")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "stopping")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "releasing")},
    FailureSentence{QT_TRANSLATE_NOOP("vmeclone::Failure", "failed")},
};

} // namespace

std::uint32_t vmStateColour(VmState state) {
    switch (state) {
    case VmState::Planned:
        return 0x7f8c8d;
    case VmState::Copying:
        return 0x2980b9;
    case VmState::Configured:
        return 0x16a085;
    case VmState::Starting:
        return 0x8e44ad;
    case VmState::Booting:
        return 0x9b59b6;
    case VmState::Configuring:
        return 0xd68910;
    case VmState::Rebooting:
        return 0xca6f1e;
    case VmState::Resuming:
        return 0x48c9b0;
    case VmState::Online:
        return 0x1e8449;
    case VmState::Unreachable:
        return 0xe67e22;
    case VmState::Stopping:
        return 0x5d6d7e;
    case VmState::Stopped:
        return 0x34495e;
    case VmState::Releasing:
        return 0xa04000;
    case VmState::Released:
        return 0x95a5a6;
    case VmState::Failed:
        return 0xc0392b;
    }
    return 0x000000;
}

QString vmStateName(VmState state) {
    for (const auto &[s, name] : kNames) {
        if (s == state)
            return QString::fromUtf16(name);
    }
    return u"unknown"_s;
}

std::optional<VmState> vmStateFromName(QStringView name) {
    for (const auto &[s, n] : kNames) {
        if (name == QStringView(n))
            return s;
    }
    return std::nullopt;
}

bool vmStateIsRunning(VmState state) {
    switch (state) {
    case VmState::Booting:
    case VmState::Configuring:
    case VmState::Rebooting:
    case VmState::Resuming:
    case VmState::Online:
    case VmState::Unreachable:
    case VmState::Stopping:
        return true;
    default:
        return false;
    }
}

bool vmStateIsBusy(VmState state) {
    return state == VmState::Planned || state == VmState::Copying || state == VmState::Starting
           || state == VmState::Releasing;
}

} // namespace vmeclone
