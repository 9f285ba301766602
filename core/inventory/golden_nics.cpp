#include "golden_nics.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace vmeclone {

Ipv4Address GoldenNic::addressFor(quint32 suffix) const {
    return subnet.addressOfSuffix(suffix).value_or(Ipv4Address());
}

QString goldenNicsText(const QList<GoldenNic> &nics) {
    QStringList words;
    for (const GoldenNic &nic : nics)
        words << nic.device() + u'=' + nic.subnet.toString();
    return words.join(u',');
}

std::optional<int> nicSlotOf(QStringView device) {
    const QStringView prefix = u"ethernet";
    if (!device.startsWith(prefix) || device.size() == prefix.size() || device.size() > 10)
        return std::nullopt;
    const QStringView digits = device.mid(prefix.size());
    if (digits.size() > 1 && digits.front() == u'0')
        return std::nullopt; // "ethernet01" is not how VMware names a NIC
    bool ok = false;
    const int slot = digits.toInt(&ok);
    if (!ok || slot < 0 || slot > 63)
        return std::nullopt;
    return slot;
}

QList<GoldenNic> parseGoldenNics(QStringView text) {
    QList<GoldenNic> out;
    for (const QStringView word : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = word.indexOf(u'=');
        if (eq < 0)
            continue;
        const auto slot = nicSlotOf(word.left(eq).trimmed());
        const auto subnet = Subnet::parse(word.mid(eq + 1).trimmed());
        if (slot && subnet)
            out.append({*slot, *subnet});
    }
    return out;
}

} // namespace vmeclone
