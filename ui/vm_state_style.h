#pragma once
// How a VM state looks everywhere in the console: its translated label, colour and
// icon, so the table, the status board and the dialogs agree.

#include "inventory/vm_state.h"

#include <QColor>
#include <QIcon>
#include <QList>
#include <QString>

namespace vmeclone {

class VmStateStyle {
public:
    static QString label(VmState state); // translated ("online", "在线")
    static QColor colour(VmState state);
    static QIcon icon(VmState state); // a filled dot in the state's colour
    // Every state a VM can be seen in (not "released": rows are gone then).
    static QList<VmState> shownStates();
};

} // namespace vmeclone
