#include "inventory_report.h"

#include "ansible_inventory.h"
#include "golden/golden_fingerprint.h"
#include "inventory/inventory.h"
#include "inventory/liveness.h"
#include "report_document.h"
#include "report_text.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {

using report::allStates;
using report::csvField;
using report::isoOrEmpty;
using report::jsonText;
using report::saveBytes;

namespace {

// The VM's fields in one list, so the JSON object and the CSV columns come from the
// same place.
using VmValue = QJsonValue (*)(const VmRecord &, const GoldenRecord &, const Shard &);
struct VmField {
    QString key;
    VmValue value;
};

const QList<VmField> &vmFields() {
    static const QList<VmField> fields = {
        {u"name"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.name;
         }},
        {u"ip"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.address.toString();
         }},
        {u"suffix"_s,
         [](const auto &vm, const auto &g, const auto &) -> QJsonValue {
             return static_cast<qint64>(g.subnet.suffixOf(vm.address));
         }},
        {u"mac"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.mac.toString();
         }},
        {u"state"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vmStateName(vm.state);
         }},
        {u"progress"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.progress;
         }},
        {u"reason"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.reason;
         }},
        {u"golden"_s,
         [](const auto &, const auto &g, const auto &) -> QJsonValue {
             return g.name;
         }},
        {u"clone_mode"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.cloneMode;
         }},
        {u"shard"_s,
         [](const auto &, const auto &, const auto &s) -> QJsonValue {
             return s.path;
         }},
        {u"folder"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.folder;
         }},
        {u"boots"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.boots;
         }},
        {u"boot_id"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.bootId;
         }},
        {u"uptime_seconds"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.uptimeSeconds;
         }},
        {u"pid"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return vm.pid;
         }},
        {u"created_at"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return isoOrEmpty(vm.createdAt);
         }},
        {u"state_changed_at"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return isoOrEmpty(vm.stateChangedAt);
         }},
        {u"last_seen"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return isoOrEmpty(vm.lastSeen);
         }},
        {u"online_at"_s,
         [](const auto &vm, const auto &, const auto &) -> QJsonValue {
             return isoOrEmpty(vm.onlineAt);
         }},
    };
    return fields;
}

} // namespace

InventoryReport::InventoryReport(QDateTime generatedAt, QString inventoryPath,
                                 QList<GoldenRecord> goldens, QList<ShardStatus> shards,
                                 QList<VmRecord> vms)
    : m_generatedAt(std::move(generatedAt))
    , m_inventoryPath(std::move(inventoryPath))
    , m_goldens(std::move(goldens))
    , m_shards(std::move(shards))
    , m_vms(std::move(vms)) {}

Expected<InventoryReport> InventoryReport::take(Inventory &inventory, qint64 unreachableAfterMs,
                                                const QDateTime &at) {
    // VMs first: a golden or shard cannot be removed while a VM uses it, so every VM
    // read here still finds its golden and shard in the reads that follow.
    auto vms = inventory.vms();
    if (!vms)
        return fail(vms.error());
    if (unreachableAfterMs > 0)
        judgeLiveness(*vms, at, unreachableAfterMs);
    auto goldens = inventory.goldens();
    if (!goldens)
        return fail(goldens.error());
    auto shards = inventory.shards();
    if (!shards)
        return fail(shards.error());
    return InventoryReport(at, inventory.path(), *goldens, ShardProbe::probe(*shards), *vms);
}

QString InventoryReport::formatName(ReportFormat format) {
    switch (format) {
    case ReportFormat::Csv:
        return u"csv"_s;
    case ReportFormat::Json:
        return u"json"_s;
    case ReportFormat::Html:
        return u"html"_s;
    case ReportFormat::Pdf:
        return u"pdf"_s;
    case ReportFormat::Ansible:
        return u"ansible"_s;
    }
    return {};
}

std::optional<ReportFormat> InventoryReport::formatFromName(QStringView name) {
    for (auto f : {ReportFormat::Csv, ReportFormat::Json, ReportFormat::Html, ReportFormat::Pdf,
                   ReportFormat::Ansible}) {
        if (name.compare(formatName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

std::optional<ReportFormat> InventoryReport::formatFromPath(const QString &path) {
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.compare(u"htm"_s, Qt::CaseInsensitive) == 0)
        return ReportFormat::Html;
    if (suffix.compare(u"yml"_s, Qt::CaseInsensitive) == 0
        || suffix.compare(u"yaml"_s, Qt::CaseInsensitive) == 0)
        return ReportFormat::Ansible;
    return suffix.isEmpty() ? std::nullopt : formatFromName(suffix);
}

QJsonObject InventoryReport::vmJson(const VmRecord &vm, const GoldenRecord &golden,
                                    const Shard &shard) {
    QJsonObject o;
    for (const auto &f : vmFields())
        o.insert(f.key, f.value(vm, golden, shard));
    return o;
}

namespace {
QJsonArray dnsArray(const QList<Ipv4Address> &servers) {
    QJsonArray array;
    for (const auto &a : servers)
        array.append(a.toString());
    return array;
}

// A golden's further NICs with a subnet: [{"device": "ethernet1", "subnet": "10.0.5.0/24"}].
QJsonArray nicsArray(const QList<GoldenNic> &nics) {
    QJsonArray out;
    for (const GoldenNic &nic : nics)
        out.append(QJsonObject{{u"device"_s, nic.device()}, {u"subnet"_s, nic.subnet.toString()}});
    return out;
}

// What `golden push` and a head compare between hosts (GoldenFingerprint::checksum).
QString goldenChecksum(const GoldenRecord &g) {
    const auto fingerprint = GoldenFingerprint::parse(g.fingerprint);
    return fingerprint ? fingerprint->checksum(QFileInfo(g.path).absolutePath()) : QString();
}
} // namespace

QJsonObject InventoryReport::goldenJson(const GoldenRecord &g) {
    return {
        {u"name"_s, g.name},
        {u"backend"_s, g.backend},
        {u"path"_s, g.path},
        {u"subnet"_s, g.subnet.toString()},
        {u"suffix"_s, static_cast<qint64>(g.suffix())},
        {u"ip"_s, g.address.toString()},
        {u"name_prefix"_s, g.namePrefix},
        {u"gateway"_s, g.gateway.toUInt() ? g.gateway.toString() : QString()},
        {u"disk_bytes"_s, g.diskBytes},
        {u"console_address"_s, g.consoleAddress.toUInt() ? g.consoleAddress.toString() : QString()},
        {u"dns"_s, dnsArray(g.dns)},
        {u"nics"_s, nicsArray(g.nics)},
        {u"added_at"_s, isoOrEmpty(g.addedAt)},
        {u"checksum"_s, goldenChecksum(g)}};
}

QJsonObject InventoryReport::shardJson(const ShardStatus &s, int vmCount) {
    return {{u"path"_s, s.shard.path},
            {u"label"_s, s.shard.label},
            {u"weight"_s, s.shard.weight},
            {u"device"_s, s.deviceId},
            {u"filesystem"_s, s.filesystem},
            {u"bytes_total"_s, s.bytesTotal},
            {u"bytes_free"_s, s.bytesFree},
            {u"vms"_s, vmCount},
            {u"error"_s, s.error}};
}

QStringList InventoryReport::vmColumns() {
    QStringList keys;
    for (const auto &f : vmFields())
        keys.append(f.key);
    return keys;
}

int InventoryReport::count(VmState state) const {
    return static_cast<int>(std::count_if(m_vms.begin(), m_vms.end(),
                                          [&](const VmRecord &vm) { return vm.state == state; }));
}

int InventoryReport::vmCountOnShard(qint64 shardId) const {
    return static_cast<int>(std::count_if(
        m_vms.begin(), m_vms.end(), [&](const VmRecord &vm) { return vm.shardId == shardId; }));
}

GoldenRecord InventoryReport::goldenOf(const VmRecord &vm) const {
    for (const auto &g : m_goldens) {
        if (g.id == vm.goldenId)
            return g;
    }
    return {};
}

Shard InventoryReport::shardOf(const VmRecord &vm) const {
    for (const auto &s : m_shards) {
        if (s.shard.id == vm.shardId)
            return s.shard;
    }
    return {};
}

// ---- CSV and JSON -------------------------------------------------------------------------

QByteArray InventoryReport::toCsv() const {
    QString text = vmColumns().join(u',') + u"\r\n"_s;
    for (const auto &vm : m_vms) {
        const GoldenRecord golden = goldenOf(vm);
        const Shard shard = shardOf(vm);
        QStringList row;
        for (const auto &f : vmFields())
            row.append(csvField(jsonText(f.value(vm, golden, shard))));
        text += row.join(u',') + u"\r\n"_s;
    }
    return text.toUtf8();
}

QJsonObject InventoryReport::toJson() const {
    QJsonObject summary;
    for (VmState state : allStates())
        summary.insert(vmStateName(state), count(state));
    QJsonArray goldens;
    for (const auto &g : m_goldens)
        goldens.append(goldenJson(g));
    QJsonArray shards;
    for (const auto &s : m_shards)
        shards.append(shardJson(s, vmCountOnShard(s.shard.id)));
    QJsonArray vms;
    for (const auto &vm : m_vms)
        vms.append(vmJson(vm, goldenOf(vm), shardOf(vm)));
    return {{u"generated_at"_s, isoOrEmpty(m_generatedAt)},
            {u"inventory"_s, m_inventoryPath},
            {u"summary"_s, summary},
            {u"goldens"_s, goldens},
            {u"shards"_s, shards},
            {u"vms"_s, vms}};
}

// ---- writers ------------------------------------------------------------------------------

Status InventoryReport::write(const QString &path, ReportFormat format) const {
    switch (format) {
    case ReportFormat::Csv:
        return writeCsv(path);
    case ReportFormat::Json:
        return writeJson(path);
    case ReportFormat::Html:
        return writeHtml(path);
    case ReportFormat::Pdf:
        return writePdf(path);
    case ReportFormat::Ansible:
        return writeAnsible(path);
    }
    return fail(u"unknown report format"_s);
}

Status InventoryReport::writeCsv(const QString &path) const {
    return saveBytes(path, toCsv());
}

Status InventoryReport::writeJson(const QString &path) const {
    return saveBytes(path, QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
}

Status InventoryReport::writeAnsible(const QString &path) const {
    return AnsibleInventory::fromReport(*this).write(path);
}

// ---- HTML and PDF: one document ------------------------------------------------------------
// Both come from the same HTML text (report_document.cpp): the .html file is that text
// as it is, and the PDF is that text laid out by QTextDocument, so they say the same.

QString InventoryReport::toHtml() const {
    return report::documentHtml(*this);
}

Status InventoryReport::writeHtml(const QString &path) const {
    return saveBytes(path, toHtml().toUtf8());
}

Status InventoryReport::writePdf(const QString &path) const {
    return report::writePdf(toHtml(), report::peopleTime(m_generatedAt), path);
}

} // namespace vmeclone
