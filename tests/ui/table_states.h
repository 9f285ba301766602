#pragma once
// The console tests' view of the VM table: each row's name and state name, as shown.

#include "main_window.h"

#include <QMap>
#include <QString>

namespace vmeclone {

inline QMap<QString, QString> tableStates(const MainWindow &window) {
    QMap<QString, QString> out;
    const VmTableModel *model = window.model();
    for (int r = 0; r < model->rowCount(); ++r)
        out.insert(model->index(r, VmTableModel::NameColumn).data().toString(),
                   model->index(r, 0).data(VmTableModel::StateNameRole).toString());
    return out;
}

} // namespace vmeclone
