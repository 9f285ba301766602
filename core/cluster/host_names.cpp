#include "host_names.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

// A character the operator would not see, or would not see as itself: control and format
// characters (zero-width spaces, direction marks), spaces of every kind.
bool hidden(QChar c) {
    const auto category = c.category();
    return category == QChar::Other_Control || category == QChar::Other_Format
           || category == QChar::Other_Surrogate || category == QChar::Other_NotAssigned
           || category == QChar::Other_PrivateUse || c.isSpace();
}

QString firstHidden(const QString &text) {
    for (const QChar c : text)
        if (hidden(c))
            return u"U+%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0')).toUpper();
    return {};
}

} // namespace

Status validateHostName(const QString &name) {
    if (name.isEmpty())
        return fail(u"the host name is empty"_s);
    if (const QString c = firstHidden(name); !c.isEmpty())
        return fail(
            u"the host name '%1' holds an invisible character (%2): type it again"_s.arg(name, c));
    if (name.size() > 63)
        return fail(u"the host name '%1' is longer than 63 characters"_s.arg(name));
    static const QRegularExpression re(u"^[A-Za-z0-9][A-Za-z0-9._-]*$"_s);
    if (!re.match(name).hasMatch())
        return fail(u"the host name '%1' may hold only letters, digits, '-', '_' and '.', and "
                    u"starts with a letter or digit"_s.arg(name));
    if (isLocalHost(name))
        return fail(u"'%1' is reserved: it is this machine, which is always a host and needs no "
                    u"SSH"_s.arg(name));
    return {};
}

Status validateDestination(const QString &destination) {
    if (destination.isEmpty())
        return fail(u"the address is empty: give [USER@]ADDRESS"_s);
    if (const QString c = firstHidden(destination); !c.isEmpty())
        return fail(
            u"the address '%1' holds a space or an invisible character (%2)"_s.arg(destination, c));
    // A user name as useradd allows it; an address as a host name, an ssh alias, IPv4 or
    // IPv6 (with a zone after '%'); neither may start with '-' (ssh would read an option).
    static const QRegularExpression re(
        u"^(?:[A-Za-z0-9_][A-Za-z0-9._-]{0,31}@)?[A-Za-z0-9:][A-Za-z0-9._:%-]{0,252}$"_s);
    if (!re.match(destination).hasMatch())
        return fail(u"'%1' is not [USER@]ADDRESS: a user of letters, digits, '.', '_' and '-', "
                    u"and a host name or an IP address"_s.arg(destination));
    return {};
}

Status validateRemoteWord(const QString &what, const QString &value) {
    if (value.isEmpty())
        return fail(u"%1 is empty"_s.arg(what));
    for (const QChar c : value)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return fail(u"%1 '%2' holds a control or invisible character"_s.arg(what, value));
    return {};
}

} // namespace vmeclone
