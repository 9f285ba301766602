#include "plan_document.h"

#include "common/failure_text.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kPlanDocumentNotJson{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the plan is not JSON: %1 at byte %2")};
const FailureSentence kPlanDocumentNotObject{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the plan is not a JSON object")};
const FailureSentence kPlanDocumentOtherVersion{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the plan's 'vmeclone_plan' is %1, and this vmeclone reads version %2: give the head and its "
    "hosts the same vmeclone version")};
const FailureSentence kPlanDocumentBadId{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the plan's 'id' is not a UUID")};
const FailureSentence kPlanDocumentNoGolden{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the plan names no 'golden'")};
const FailureSentence kPlanDocumentBadMode{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the plan's 'mode' is '%1': it is linked or full")};
const FailureSentence kPlanDocumentBadStart{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the plan's 'start' is not true or false")};
const FailureSentence kPlanDocumentNoVms{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the plan's 'vms' lists no address")};
const FailureSentence kPlanDocumentBadAddress{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the plan's 'vms' holds '%1', which is not an IPv4 address")};

} // namespace

QByteArray PlanDocument::toJson() const {
    QJsonArray vms;
    for (const Ipv4Address &a : addresses)
        vms.append(a.toString());
    return QJsonDocument(QJsonObject{{u"vmeclone_plan"_s, kPlanDocumentVersion},
                                     {u"id"_s, id.toString(QUuid::WithoutBraces)},
                                     {u"golden"_s, golden},
                                     {u"mode"_s, mode},
                                     {u"start"_s, start},
                                     {u"vms"_s, vms}})
        .toJson(QJsonDocument::Compact);
}

Expected<PlanDocument> PlanDocument::fromJson(const QByteArray &json) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(kPlanDocumentNotJson(error.errorString(), error.offset));
    if (!doc.isObject())
        return fail(kPlanDocumentNotObject());
    const QJsonObject o = doc.object();
    const int version = o.value(u"vmeclone_plan"_s).toInt(0);
    if (version != kPlanDocumentVersion)
        return fail(kPlanDocumentOtherVersion(o.value(u"vmeclone_plan"_s).toVariant().toString(),
                                              kPlanDocumentVersion));
    PlanDocument plan;
    plan.id = QUuid::fromString(o.value(u"id"_s).toString());
    if (plan.id.isNull())
        return fail(kPlanDocumentBadId());
    plan.golden = o.value(u"golden"_s).toString();
    if (plan.golden.isEmpty())
        return fail(kPlanDocumentNoGolden());
    plan.mode = o.value(u"mode"_s).toString(u"linked"_s);
    if (plan.mode != u"linked"_s && plan.mode != u"full"_s)
        return fail(kPlanDocumentBadMode(plan.mode));
    if (!o.value(u"start"_s).isBool())
        return fail(kPlanDocumentBadStart());
    plan.start = o.value(u"start"_s).toBool();
    const QJsonArray vms = o.value(u"vms"_s).toArray();
    if (vms.isEmpty())
        return fail(kPlanDocumentNoVms());
    for (const auto &v : vms) {
        const auto a = Ipv4Address::parse(v.toString());
        if (!a)
            return fail(kPlanDocumentBadAddress(v.toVariant().toString()));
        plan.addresses.append(*a);
    }
    return plan;
}

QByteArray PlanLine::toJson() const {
    QJsonObject o;
    switch (kind) {
    case Kind::Vm:
        o = {{u"type"_s, u"vm"_s},   {u"ip"_s, address.toString()},
             {u"name"_s, name},      {u"state"_s, state},
             {u"ok"_s, ok},          {u"final"_s, final},
             {u"held"_s, held},      {u"progress"_s, progress},
             {u"message"_s, message}};
        break;
    case Kind::Done:
        o = {{u"type"_s, u"done"_s}, {u"ok"_s, ok}, {u"message"_s, message}};
        break;
    case Kind::Other:
        o = {{u"type"_s, u"other"_s}, {u"message"_s, message}};
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

PlanLine PlanLine::fromJson(const QByteArray &line) {
    PlanLine l;
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    const QString type = o.value(u"type"_s).toString();
    l.kind = type == u"vm"_s ? Kind::Vm : type == u"done"_s ? Kind::Done : Kind::Other;
    l.address = Ipv4Address::parse(o.value(u"ip"_s).toString()).value_or(Ipv4Address());
    l.name = o.value(u"name"_s).toString();
    l.state = o.value(u"state"_s).toString();
    l.ok = o.value(u"ok"_s).toBool();
    l.final = o.value(u"final"_s).toBool();
    l.held = o.value(u"held"_s).toBool();
    l.progress = o.value(u"progress"_s).toInt();
    l.message = o.value(u"message"_s).toString();
    if (l.kind == Kind::Vm && l.address.toUInt() == 0)
        l.kind = Kind::Other;
    return l;
}

} // namespace vmeclone
