#pragma once
// A head's merged report (`vmeclone export --hosts`): the VMs every host listed
// (ClusterHead::list, each row a host's own `list --json` object with "host" added), as
// CSV (a HOST column first, then the columns a host's own CSV has), JSON (the hosts
// asked, the hosts that could not be asked and why, the VMs) or an Ansible inventory
// (vmeclone_host: the host each VM lives on). HTML and PDF are one host's document
// (report_document.h) and are not merged.

#include "common/expected.h"
#include "report/inventory_report.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace vmeclone::report {

struct ClusterReport {
    QDateTime generatedAt;
    QStringList hosts;                  // the hosts asked
    QHash<QString, QString> hostErrors; // host -> why it could not be asked
    QJsonArray vms;                     // each with "host"

    static bool merges(ReportFormat format); // csv, json, ansible
    QByteArray toCsv() const;
    QJsonObject toJson() const;
    // Written next to `path` and renamed over it when complete, as every report is.
    Status write(const QString &path, ReportFormat format) const;
};

} // namespace vmeclone::report
