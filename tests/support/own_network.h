#pragma once
// Guests are booted only where their packets cannot leave this host: in a fresh network
// namespace (CTest starts such tests under `unshare --net`), where only lo is seen.
// (/sys/class/net shows the namespace sysfs was mounted in, not ours: ask the kernel.)

#include <QNetworkInterface>
#include <QStringList>
#include <QtTest>

inline QString interfacesBesideLoopback() {
    QStringList others;
    for (const auto &i : QNetworkInterface::allInterfaces())
        if (i.name() != QLatin1String("lo"))
            others << i.name();
    return others.join(QLatin1String(", "));
}

#define VMECLONE_REQUIRE_OWN_NETWORK()                                                             \
    do {                                                                                           \
        if (const QString others_ = interfacesBesideLoopback(); !others_.isEmpty())                \
            QFAIL(qPrintable(                                                                      \
                QLatin1String("run me in a fresh network namespace (unshare --net), not beside ")  \
                + others_));                                                                       \
    } while (false)
