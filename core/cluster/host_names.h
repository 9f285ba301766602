#pragma once
// What an operator may call a host and how it may be reached, checked before anything is
// stored or handed to ssh: a destination goes on ssh's command line, so it must never be
// taken for one of ssh's options.

#include "common/expected.h"

#include <QString>

namespace vmeclone {

// The local machine's host name: every head is also its own host, reached without SSH.
inline constexpr QStringView kLocalHost = u"local";
// Whether `name` is this machine's host name (any case), not a host reached over SSH.
inline bool isLocalHost(QStringView name) {
    return name.compare(kLocalHost, Qt::CaseInsensitive) == 0;
}

// Letters, digits, '-', '_' and '.', starting with a letter or digit, at most 63
// characters (a DNS label's length), nothing invisible; "local" (any case) is reserved.
Status validateHostName(const QString &name);
// "[user@]address": a host name, an alias from the ssh configuration, an IPv4 or IPv6
// address; no spaces, no control characters, nothing that starts with '-'.
Status validateDestination(const QString &destination);
// The remote vmeclone (one program: a name found on the remote PATH or a path) and the
// remote data folder: printable, no line breaks (each goes to the remote shell quoted).
Status validateRemoteWord(const QString &what, const QString &value);

} // namespace vmeclone
