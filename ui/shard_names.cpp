#include "shard_names.h"

#include <QDir>

#include <algorithm>

namespace vmeclone {

namespace {
// The last `count` folders of `parts`.
QString tail(const QStringList &parts, qsizetype count) {
    return parts.mid(parts.size() - std::min(count, parts.size())).join(u'/');
}
} // namespace

QHash<QString, QString> shardShortNames(const QStringList &paths,
                                        const QHash<QString, QString> &labels) {
    QHash<QString, QStringList> partsOf;
    QHash<QString, qsizetype> depth;
    QStringList taken; // the labels: no folder name may read as one of them
    for (const QString &p : paths) {
        if (const QString label = labels.value(p); !label.isEmpty()) {
            taken << label;
            continue;
        }
        partsOf.insert(p, QDir::cleanPath(p).split(u'/', Qt::SkipEmptyParts));
        depth.insert(p, 1);
    }
    // Lengthen the names that clash until none does or they are whole paths.
    for (bool grew = true; grew;) {
        grew = false;
        QHash<QString, QStringList> byName;
        for (const QString &label : std::as_const(taken))
            byName[label].append(QString()); // held by a label, which never grows
        for (auto it = depth.cbegin(); it != depth.cend(); ++it)
            byName[tail(partsOf.value(it.key()), it.value())].append(it.key());
        for (const QStringList &same : std::as_const(byName)) {
            if (same.size() < 2)
                continue;
            for (const QString &p : same) {
                if (!p.isEmpty() && depth[p] < partsOf.value(p).size()) {
                    ++depth[p];
                    grew = true;
                }
            }
        }
    }
    // A whole path is said as one ("/b/c"), so it never reads as another's tail ("x/b/c").
    QHash<QString, QString> names;
    for (const QString &p : paths)
        if (const QString label = labels.value(p); !label.isEmpty())
            names.insert(p, label);
    for (auto it = depth.cbegin(); it != depth.cend(); ++it) {
        const QStringList &parts = partsOf.value(it.key());
        names.insert(it.key(), it.value() >= parts.size() && parts.size() > 1
                                   ? QDir::cleanPath(it.key())
                                   : tail(parts, it.value()));
    }
    return names;
}

QString shardShortName(const QHash<QString, QString> &names, const QString &path) {
    const auto it = names.constFind(path);
    if (it != names.cend())
        return *it;
    const QString clean = QDir::cleanPath(path);
    return clean.mid(clean.lastIndexOf(u'/') + 1);
}

} // namespace vmeclone
