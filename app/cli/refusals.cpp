// The engine's refusals in the CLI's words: core says which input is wrong (Field) and
// how (Problem), never a flag; this file names the flag that gives that input.

#include "cli/cli_common.h"
#include "common/failure_text.h"

#include <QCommandLineParser>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace vmeclone::cli {

FlagName flagOf(Field field) {
    switch (field) { // no default: a new field the CLI does not name is a compiler warning
    case Field::None:
    case Field::GoldenPath: // golden add PATH
    case Field::Range:      // plan/clone/start/stop/release RANGE
        return {};
    case Field::GoldenName:
        return {u"name"_s, u"NAME"_s, {}};
    case Field::NamePrefix:
        return {u"name-prefix"_s, u"PREFIX"_s, {}};
    case Field::Subnet:
        return {u"subnet"_s, u"CIDR"_s, {}};
    case Field::Suffix:
        return {u"suffix"_s, u"N"_s, {}};
    case Field::Gateway:
        return {u"gateway"_s, u"IP"_s, {}};
    case Field::ConsoleAddress:
        return {u"console-address"_s, u"IP"_s, u"VMECLONE_CONSOLE_ADDRESS"_s};
    case Field::Dns:
        return {u"dns"_s, u"IP[,IP...]"_s, {}};
    case Field::Golden:
        return {u"golden"_s, u"NAME"_s, {}};
    case Field::CloneMode:
        return {u"full"_s, {}, {}}; // --linked is the default
    case Field::Home:
        return {u"home"_s, u"DIR"_s, u"VMECLONE_HOME"_s};
    case Field::TempDir:
        return {u"temp-dir"_s, u"DIR"_s, {}};
    case Field::Vmrun:
        return {u"vmrun"_s, u"PATH"_s, u"VMECLONE_VMRUN"_s};
    case Field::RemoteCommand:
        return {u"remote-command"_s, u"PATH"_s, {}};
    case Field::Hosts:
        return {u"hosts"_s, u"all|NAME[,NAME...]"_s, {}};
    case Field::Network:
        return {u"allow-no-network"_s, {}, {}};
    case Field::Nics:
        return {u"nic"_s, u"ethernetN=CIDR|none"_s, {}};
    case Field::VmwareClone:
        return {u"vmware-clone"_s, {}, {}};
    }
    return {};
}

QString FlagName::usage() const {
    if (option.isEmpty())
        return {};
    QString text = u"--"_s + option;
    if (!valueName.isEmpty())
        text += u' ' + valueName;
    if (!environment.isEmpty())
        text += u" or "_s + environment;
    return text;
}

namespace {

// A value the operator can read back safely (no newline or escape rewrites the line).
bool printable(const Error &e) {
    return !e.value.isEmpty() && e.problem != Problem::ControlCharacters
           && !hasHiddenCharacters(e.value);
}

} // namespace

QString worded(const Error &e, const QCommandLineParser *given) {
    const FlagName flag = flagOf(e.field);
    // Core's failure sentences in the language VMECLONE_LANGUAGE asked for (as they are
    // without it): a head asking this host gets them in its operator's language.
    if (!e.isRefusal() || flag.option.isEmpty())
        return failureText(e.message);
    if (e.field == Field::Golden && e.problem == Problem::Empty)
        return e.message + u": vmeclone golden add PATH --suffix N --subnet CIDR"_s;
    // optionNames(): what was on the command line (isSet() warns on a verb's unknown option).
    if (given && given->optionNames().contains(flag.option)) {
        // The operator's own flag: name it first, as they typed it.
        const QString typed = u"--"_s + flag.option;
        return (printable(e) ? typed + u' ' + e.value : typed) + u": "_s + e.message;
    }
    // Not given as a flag (needed, or read from the golden's description or the
    // environment): say which flag gives it.
    return e.message + u" ("_s + flag.usage() + u')';
}

QString worded(const BatchOutcome &o) {
    const FlagName flag = flagOf(o.field);
    const QString said = failureText(o.message);
    return flag.option.isEmpty() ? said : said + u" ("_s + flag.usage() + u')';
}

QJsonObject errorJson(const Error &e, const QCommandLineParser *given) {
    QJsonObject o{{u"ok"_s, false}, {u"error"_s, worded(e, given)}, {u"message"_s, e.message}};
    if (e.isRefusal()) {
        o.insert(u"code"_s, problemName(e.problem));
        o.insert(u"field"_s, fieldName(e.field));
        o.insert(u"value"_s, e.value);
        if (const FlagName flag = flagOf(e.field); !flag.option.isEmpty())
            o.insert(u"flag"_s, QString(u"--"_s + flag.option));
    }
    return o;
}

int reportFailure(const Globals &g, const QString &verb, const Error &e,
                  const QCommandLineParser *given, int exitCode) {
    err(u"%1: %2"_s.arg(verb, worded(e, given)));
    if (g.json)
        printJson(errorJson(e, given));
    return exitCode;
}

} // namespace vmeclone::cli
