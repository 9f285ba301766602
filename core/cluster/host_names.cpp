#include "host_names.h"

#include "common/failure_text.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kHostNamesEmpty{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the host name is empty")};
const FailureSentence kHostNamesInvisible{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the host name '%1' holds an invisible character (%2): type it again")};
const FailureSentence kHostNamesTooLong{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the host name '%1' is longer than 63 characters")};
const FailureSentence kHostNamesBadCharacters{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "the host name '%1' may hold only letters, digits, '-', '_' and '.', and starts with a "
    "letter or digit")};
const FailureSentence kHostNamesReserved{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "'%1' is reserved: it is this machine, which is always a host and needs no SSH")};
const FailureSentence kHostNamesAddressEmpty{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "the address is empty: give [USER@]ADDRESS")};
const FailureSentence kHostNamesAddressInvisible{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "the address '%1' holds a space or an invisible character (%2)")};
const FailureSentence kHostNamesBadDestination{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "'%1' is not [USER@]ADDRESS: a user of letters, digits, '.', '_' and '-', and a host name or "
    "an IP address")};
const FailureSentence kHostNamesWordControl{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 '%2' holds a control or invisible character")};

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
        return fail(kHostNamesEmpty());
    if (const QString c = firstHidden(name); !c.isEmpty())
        return fail(kHostNamesInvisible(name, c));
    if (name.size() > 63)
        return fail(kHostNamesTooLong(name));
    static const QRegularExpression re(u"^[A-Za-z0-9][A-Za-z0-9._-]*$"_s);
    if (!re.match(name).hasMatch())
        return fail(kHostNamesBadCharacters(name));
    if (isLocalHost(name))
        return fail(kHostNamesReserved(name));
    return {};
}

Status validateDestination(const QString &destination) {
    if (destination.isEmpty())
        return fail(kHostNamesAddressEmpty());
    if (const QString c = firstHidden(destination); !c.isEmpty())
        return fail(kHostNamesAddressInvisible(destination, c));
    // A user name as useradd allows it; an address as a host name, an ssh alias, IPv4 or
    // IPv6 (with a zone after '%'); neither may start with '-' (ssh would read an option).
    static const QRegularExpression re(
        u"^(?:[A-Za-z0-9_][A-Za-z0-9._-]{0,31}@)?[A-Za-z0-9:][A-Za-z0-9._:%-]{0,252}$"_s);
    if (!re.match(destination).hasMatch())
        return fail(kHostNamesBadDestination(destination));
    return {};
}

Status validateRemoteWord(const QString &what, const QString &value) {
    if (value.isEmpty())
        return fail(u"%1 is empty"_s.arg(what));
    for (const QChar c : value)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return fail(kHostNamesWordControl(what, value));
    return {};
}

} // namespace vmeclone
