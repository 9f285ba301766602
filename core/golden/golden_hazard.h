#pragma once
// One clone hazard of a golden image (DESIGN §5): what is wrong, where, and the fix.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace vmeclone {

struct GoldenHazard {
    enum class Severity {
        Error,   // clones would break, or never come online: fix before cloning
        Warning, // clones work, but share something they should not, or cost a reboot
    };

    QString id; // stable, for scripts: "running-lock", "machine-id", ...
    Severity severity = Severity::Warning;
    QString what;      // one sentence: what was found and why it matters
    QStringList where; // files (guest paths, or host paths for locks)
    QString fix;       // what the operator does about it

    static QString severityName(Severity s) {
        return s == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    }

    QJsonObject toJson() const {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("severity"), severityName(severity)},
                {QStringLiteral("what"), what},
                {QStringLiteral("where"), QJsonArray::fromStringList(where)},
                {QStringLiteral("fix"), fix}};
    }
};

} // namespace vmeclone
