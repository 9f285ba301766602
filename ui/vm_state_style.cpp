#include "vm_state_style.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>

#include <array>

namespace vmeclone {
namespace {

struct Look {
    VmState state;
    const char *label; // lupdate reads these through QT_TRANSLATE_NOOP
};

const std::array kLooks = {
    Look{VmState::Planned, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "planned")},
    Look{VmState::Copying, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "copying")},
    Look{VmState::Configured, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "configured")},
    Look{VmState::Starting, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "starting")},
    Look{VmState::Booting, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "booting")},
    Look{VmState::Configuring, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "configuring")},
    Look{VmState::Rebooting, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "rebooting")},
    Look{VmState::Resuming, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "resuming")},
    Look{VmState::Online, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "online")},
    Look{VmState::Unreachable, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "unreachable")},
    Look{VmState::Stopping, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "stopping")},
    Look{VmState::Stopped, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "stopped")},
    Look{VmState::Releasing, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "releasing")},
    Look{VmState::Released, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "released")},
    Look{VmState::Failed, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "failed")},
};

const Look &lookOf(VmState state) {
    for (const auto &l : kLooks) {
        if (l.state == state)
            return l;
    }
    return kLooks.back();
}

} // namespace

QString VmStateStyle::label(VmState state) {
    return QCoreApplication::translate("vmeclone::VmStateStyle", lookOf(state).label);
}

QColor VmStateStyle::colour(VmState state) {
    return QColor::fromRgb(vmStateColour(state)); // the palette the reports use too
}

QIcon VmStateStyle::icon(VmState state) {
    // Painted once per state: no image plugin or resource needed for a coloured dot.
    static QHash<int, QIcon> cache;
    auto it = cache.constFind(static_cast<int>(state));
    if (it != cache.constEnd())
        return *it;
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    {
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(colour(state).darker(130), 1));
        p.setBrush(colour(state));
        p.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    }
    QIcon icon(pixmap);
    cache.insert(static_cast<int>(state), icon);
    return icon;
}

QList<VmState> VmStateStyle::shownStates() {
    QList<VmState> states;
    for (const auto &l : kLooks) {
        if (l.state != VmState::Released)
            states.append(l.state);
    }
    return states;
}

} // namespace vmeclone
