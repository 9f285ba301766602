#include "cluster_report.h"

#include "report/ansible_inventory.h"
#include "report/report_text.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace vmeclone::report {

bool ClusterReport::merges(ReportFormat format) {
    return format == ReportFormat::Csv || format == ReportFormat::Json
           || format == ReportFormat::Ansible;
}

QByteArray ClusterReport::toCsv() const {
    const QStringList columns = InventoryReport::vmColumns();
    QStringList header{u"host"_s};
    header += columns;
    QString text = header.join(u',') + u"\r\n"_s;
    for (const auto &v : vms) {
        const QJsonObject o = v.toObject();
        QStringList row{csvField(o.value(u"host"_s).toString())};
        for (const QString &c : columns)
            row.append(csvField(jsonText(o.value(c))));
        text += row.join(u',') + u"\r\n"_s;
    }
    return text.toUtf8();
}

QJsonObject ClusterReport::toJson() const {
    QJsonObject errors;
    for (auto it = hostErrors.begin(); it != hostErrors.end(); ++it)
        errors.insert(it.key(), it.value());
    return {{u"generated_at"_s, isoOrEmpty(generatedAt)},
            {u"hosts"_s, QJsonArray::fromStringList(hosts)},
            {u"host_errors"_s, errors},
            {u"vms"_s, vms}};
}

Status ClusterReport::write(const QString &path, ReportFormat format) const {
    switch (format) {
    case ReportFormat::Csv:
        return saveBytes(path, toCsv());
    case ReportFormat::Json:
        return saveBytes(path, QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    case ReportFormat::Ansible: {
        QList<AnsibleInventory::Vm> rows;
        for (const auto &v : vms) {
            const QJsonObject o = v.toObject();
            AnsibleInventory::Vm vm;
            vm.name = o.value(u"name"_s).toString();
            vm.ip = o.value(u"ip"_s).toString();
            vm.mac = o.value(u"mac"_s).toString();
            vm.golden = o.value(u"golden"_s).toString();
            vm.state = o.value(u"state"_s).toString();
            vm.host = o.value(u"host"_s).toString();
            rows.append(vm);
        }
        return AnsibleInventory(std::move(rows)).write(path);
    }
    case ReportFormat::Html:
    case ReportFormat::Pdf:
        break;
    }
    return fail(u"a report of several hosts is written as csv, json or ansible"_s);
}

} // namespace vmeclone::report
