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
    QRgb colour;
};

const std::array kLooks = {
    Look{VmState::Planned, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "planned"), 0x7f8c8d},
    Look{VmState::Copying, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "copying"), 0x2980b9},
    Look{VmState::Configured, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "configured"), 0x16a085},
    Look{VmState::Starting, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "starting"), 0x8e44ad},
    Look{VmState::Booting, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "booting"), 0x9b59b6},
    Look{VmState::Configuring, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "configuring"),
         0xd68910},
    Look{VmState::Rebooting, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "rebooting"), 0xca6f1e},
    Look{VmState::Online, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "online"), 0x1e8449},
    Look{VmState::Unreachable, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "unreachable"),
         0xe67e22},
    Look{VmState::Stopping, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "stopping"), 0x5d6d7e},
    Look{VmState::Stopped, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "stopped"), 0x34495e},
    Look{VmState::Releasing, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "releasing"), 0xa04000},
    Look{VmState::Released, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "released"), 0x95a5a6},
    Look{VmState::Failed, QT_TRANSLATE_NOOP("vmeclone::VmStateStyle", "failed"), 0xc0392b},
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
    return QColor::fromRgb(lookOf(state).colour);
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
