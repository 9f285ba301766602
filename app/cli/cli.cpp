#include "cli.h"

#include "cli/cli_common.h"
#include "cli/table.h"
#include "common/logging.h"
#include "engine/crash_point.h"
#include "engine/engine.h"
#include "golden/golden_check.h"
#include "listener/announcement_listener.h"
#include "net/address_range.h"
#include "report/inventory_report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <functional>
#include <iostream>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace vmeclone::cli {
namespace {

const QCommandLineOption kHome({u"home"_s},
                               u"Data folder (inventory, cluster secret). Default: $VMECLONE_HOME, "
                               u"else the user's application data folder."_s,
                               u"DIR"_s);
const QCommandLineOption
    kPort({u"port"_s}, u"UDP port of the announcement listener (default $VMECLONE_PORT or 9176)."_s,
          u"PORT"_s);
const QCommandLineOption kJson({u"json"_s}, u"Machine-readable output."_s);
const QCommandLineOption kVerbose({u"verbose"_s}, u"Log what the engine does to stderr."_s);
const QCommandLineOption kJobs({u"jobs"_s},
                               u"VMs worked on at once (default: the number of cores)."_s, u"N"_s);
const QCommandLineOption
    kVmrun({u"vmrun"_s},
           u"VMware: the vmrun program (default $VMECLONE_VMRUN, else found on PATH "
           u"or in VMware's install folders)."_s,
           u"PATH"_s);
const QCommandLineOption
    kVmwareType({u"vmware-type"_s},
                u"VMware: player or ws (default $VMECLONE_VMWARE_TYPE, else ws "
                u"when Workstation is installed, player otherwise)."_s,
                u"TYPE"_s);
const QCommandLineOption
    kConsoleAddress({u"console-address"_s},
                    u"VMware: this host's address on the VMs' network, where their guests send "
                    u"announcements (default $VMECLONE_CONSOLE_ADDRESS); needed to clone."_s,
                    u"IP"_s);

QList<QCommandLineOption> globalOptions() {
    return {kHome, kPort, kJson, kVerbose, kJobs, kVmrun, kVmwareType, kConsoleAddress};
}

// The global options `verb` offers: --home, --json and --verbose always, the others when
// they mean something to it (Verb::offers), none it gave a meaning of its own
// (Verb::ownOptions). Those not offered come from the environment or their defaults.
QList<QCommandLineOption> globalOptionsOf(const Verb &verb) {
    QList<QCommandLineOption> options{kHome, kJson, kVerbose};
    if (verb.offers & kOffersPort)
        options << kPort;
    if (verb.offers & kOffersJobs)
        options << kJobs;
    if (verb.offers & kOffersVmware)
        options << kVmrun << kVmwareType << kConsoleAddress;
    options.removeIf([&](const QCommandLineOption &o) {
        return verb.ownOptions.contains(o.names().constFirst());
    });
    return options;
}

Expected<Globals> readGlobals(const QCommandLineParser &p, const Verb &verb) {
    QStringList offered;
    for (const QCommandLineOption &o : globalOptionsOf(verb))
        offered << o.names().constFirst();
    // Asked only of the options the parser knows (it warns about any other).
    const auto isSet = [&](const QCommandLineOption &o) {
        return offered.contains(o.names().constFirst()) && p.isSet(o);
    };
    const auto value = [&](const QCommandLineOption &o) {
        return isSet(o) ? p.value(o) : QString();
    };
    Globals g;
    g.home = value(kHome);
    if (isSet(kHome) && g.home.trimmed().isEmpty())
        return fail(u"--home is empty: give the data folder, e.g. --home ~/vmeclone"_s);
    if (g.home.isEmpty())
        g.home = qEnvironmentVariable("VMECLONE_HOME");
    if (g.home.isEmpty())
        g.home = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString port = value(kPort);
    if (port.isEmpty())
        port = qEnvironmentVariable("VMECLONE_PORT");
    if (!port.isEmpty()) {
        bool ok = false;
        const uint n = port.toUInt(&ok);
        if (!ok || n == 0 || n > 65535)
            return fail(u"--port %1 is not a port number (1-65535)"_s.arg(port));
        g.port = static_cast<quint16>(n);
    }
    if (isSet(kJobs)) {
        bool ok = false;
        g.parallelism = value(kJobs).toInt(&ok);
        if (!ok || g.parallelism < 1 || g.parallelism > 256)
            return fail(u"--jobs %1 must be a number from 1 to 256"_s.arg(value(kJobs)));
    }
    g.json = isSet(kJson);
    g.verbose = isSet(kVerbose);
    g.vmrun = isSet(kVmrun) ? value(kVmrun) : qEnvironmentVariable("VMECLONE_VMRUN");
    g.vmwareType =
        isSet(kVmwareType) ? value(kVmwareType) : qEnvironmentVariable("VMECLONE_VMWARE_TYPE");
    if (!g.vmwareType.isEmpty() && g.vmwareType != u"player" && g.vmwareType != u"ws")
        return fail(
            u"--vmware-type %1 is unknown: use player (VMware Player) or ws (VMware Workstation)"_s
                .arg(g.vmwareType));
    g.consoleAddress = isSet(kConsoleAddress) ? value(kConsoleAddress)
                                              : qEnvironmentVariable("VMECLONE_CONSOLE_ADDRESS");
    if (!g.consoleAddress.isEmpty() && !Ipv4Address::parse(g.consoleAddress))
        return fail(u"--console-address %1 is not an IPv4 address"_s.arg(g.consoleAddress));
    return g;
}

QList<Verb> verbs() {
    return {
        {u"golden add"_s,
         u"PATH"_s,
         u"Register a golden image: a QEMU machine description (.json) or a VMware VM's .vmx (its "
         u"folder "
         u"must not be open in VMware)."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"suffix"_s, u"The golden's own host number in its subnet (e.g. 176)."_s,
                          u"N"_s});
             p.addOption({u"subnet"_s, u"The golden's subnet, e.g. 192.168.1.0/24."_s, u"CIDR"_s});
             p.addOption(
                 {u"gateway"_s, u"Default gateway the clones get (none by default)."_s, u"IP"_s});
             p.addOption({u"dns"_s, u"Name servers the clones get, up to 3 (none by default)."_s,
                          u"IP[,IP...]"_s});
             p.addOption(
                 {u"name"_s, u"Name of the golden (default: from its description)."_s, u"NAME"_s});
             p.addOption({u"name-prefix"_s,
                          u"Clones are named PREFIX<suffix> (default vm: vm177)."_s, u"PREFIX"_s});
             p.addOption({u"allow-no-network"_s,
                          u"Accept a VMware golden without a network adapter (its clones cannot "
                          u"announce themselves and get no network settings)."_s});
             p.addOption({u"nic"_s,
                          u"A further NIC of a VMware golden and its subnet: each clone gets its "
                          u"own suffix there (ethernet1=10.0.5.0/24), or none to leave it "
                          u"unconfigured (the default). Repeat for each NIC."_s,
                          u"ethernetN=CIDR|none"_s});
         },
         verbGoldenAdd,
         {},
         kOffersVmware},
        {u"golden list"_s, {}, u"List the golden images."_s, {}, verbGoldenList},
        {u"golden check"_s,
         u"PATH"_s,
         u"Find the clone hazards of a golden (.json or .vmx) before cloning it: running, stale "
         u"udev rule, "
         u"HWADDR/UUID, machine-id, DHCP leases, SSH host keys, agent missing; names the fix for "
         u"each. "
         u"Exit 0 only when clean."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"temp-dir"_s,
                          u"Where a raw copy of the disk may go (default: the temp folder)."_s,
                          u"DIR"_s});
         },
         verbGoldenCheck,
         {},
         kOffersVmware},
        {u"golden refresh"_s,
         u"NAME"_s,
         u"Accept a golden's files as they are now, after changing it on purpose (clones are "
         u"refused while a golden differs from what was added or last refreshed)."_s,
         {},
         verbGoldenRefresh},
        {u"golden console-address"_s,
         u"NAME ADDRESS|auto"_s,
         u"Change a VMware golden's console address: this host's address on the VMs' network, "
         u"where its clones announce themselves, or auto to find it again (this host's one "
         u"address in the golden's subnet). Clones made from now on use it."_s,
         {},
         verbGoldenConsoleAddress},
        {u"golden remove"_s,
         u"NAME"_s,
         u"Forget a golden image (refused while clones of it exist; its files stay)."_s,
         {},
         verbGoldenRemove},
        {u"golden template"_s,
         u"NAME"_s,
         u"Make the golden's instant-clone template (QEMU): the golden boots once until its "
         u"agent stops before taking any identity, and is saved; 'clone --instant' resumes "
         u"clones from it. Made again only when the golden's files changed. A VMware golden, "
         u"a QEMU without memory-backend-file or vmgenid, or an agent without template mode "
         u"is refused, naming the cause."_s,
         {},
         verbGoldenTemplate},
        {u"golden push"_s, u"NAME"_s,
         u"Copy a golden's files to hosts over SSH (rsync: resumable, checksummed) and register "
         u"it there under the same name; a host holding identical files is skipped. Exit 0 only "
         u"when every host has it."_s,
         addHostsOption, verbGoldenPush},
        {u"shard add"_s, u"DIR"_s, u"Add a disk shard: a folder where clones' files go."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"weight"_s, u"Relative share of new VMs (default 1)."_s, u"W"_s});
         },
         verbShardAdd},
        {u"shard list"_s, {}, u"List the disk shards with their free space."_s, {}, verbShardList},
        {u"shard label"_s,
         u"DIR LABEL"_s,
         u"Give a disk shard a short name the console shows instead of its folder's (at most "
         u"32 characters, no '/'; unique among the shards); '' removes it."_s,
         {},
         verbShardLabel},
        {u"host add"_s,
         u"NAME [USER@]ADDRESS"_s,
         u"Add a host: another machine with vmeclone, reached with your own ssh (keys, agent, "
         u"~/.ssh/config, known_hosts; never asking a question). It is checked first (reachable, "
         u"the same vmeclone major.minor version) and nothing is written when it fails. NAME: "
         u"letters, digits, '-', '_', '.'; 'local' is this machine. Here --home and --port are "
         u"the host's; this machine's data folder is $VMECLONE_HOME's."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"port"_s,
                          u"The host's SSH port (default: ssh's own: ~/.ssh/config, else 22)."_s,
                          u"P"_s});
             p.addOption({u"home"_s,
                          u"The host's data folder, an absolute path there (default: its "
                          u"default)."_s,
                          u"REMOTE_DATA_DIR"_s});
             p.addOption(
                 {u"weight"_s, u"Relative share of new VMs for this host (default 1)."_s, u"W"_s});
             p.addOption({u"remote-command"_s,
                          u"The vmeclone program there: a name on its PATH or a path (default "
                          u"vmeclone)."_s,
                          u"CMD"_s});
         },
         verbHostAdd,
         {u"home"_s, u"port"_s}},
        {u"host list"_s,
         {},
         u"List the hosts: 'local' (this machine) first, then those added. Contacts none of "
         u"them (see host check)."_s,
         {},
         verbHostList},
        {u"host check"_s, u"NAME"_s,
         u"Ask a host how it is: reachable over SSH, its vmeclone version (compatible with this "
         u"one?), goldens, shards and their free space, whether its listener runs. Exit 0 only "
         u"when it is reachable and compatible."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"start-listener"_s,
                          QCoreApplication::translate(
                              "vmeclone::cli",
                              "When the host's listener is not running, start it there (over "
                              "SSH, detached: 'vmeclone listen', output in DATA_FOLDER/"
                              "listener.log) and wait until it holds its port.")});
         },
         verbHostCheck},
        {u"host remove"_s,
         u"NAME"_s,
         u"Forget a host (refused while VMs live on it; nothing on the host is touched)."_s,
         {},
         verbHostRemove},
        {u"host self"_s,
         {},
         u"Describe this machine as a host (what a head reads over SSH): version, protocol, "
         u"data folder, goldens, shards with free space, listener running. Contacts nobody."_s,
         {},
         verbHostSelf,
         {},
         kOffersPort},
        {u"plan"_s,
         u"RANGE"_s,
         u"Show where a clone of RANGE would go; writes nothing."_s,
         [](QCommandLineParser &p) {
             addCloneOptions(p);
             addHostsOption(p);
         },
         verbPlan,
         {},
         kOffersVmware},
        {u"clone"_s,
         u"RANGE"_s,
         u"Clone the golden to every address of RANGE (177-254, 177,180-190, 192.168.1.177-192.168.1.254)."_s,
         [](QCommandLineParser &p) {
             addCloneOptions(p);
             addHostsOption(p);
             p.addOption({u"no-start"_s, u"Only make the clones; do not start them."_s});
             addWaitOnlineOption(p, u"every clone"_s);
         },
         verbClone,
         {},
         kOffersPort | kOffersJobs | kOffersVmware},
        {u"list"_s, u"[RANGE]"_s,
         u"List the VMs with their state: all of them, or those of RANGE (177-180). On a head "
         u"(hosts added) every host's VMs, with their host; --here for this machine's alone."_s,
         [](QCommandLineParser &p) {
             addHostsOption(p);
             p.addOption({u"here"_s,
                          u"Only this machine's own VMs, not those of the hosts a head drives."_s});
             p.addOption({u"guest"_s,
                          u"Also ask each running QEMU guest, through qemu-guest-agent, for its "
                          u"own view (name, interfaces, route, DNS, OS, machine-id, SSH host "
                          u"key) and say where it differs from the inventory."_s});
         },
         verbList},
        {u"apply"_s,
         u"PLAN.json|-"_s,
         u"Make the VMs of a plan document a head sent (what 'clone --hosts' runs on each host "
         u"over SSH). Applied again, it makes only what is missing."_s,
         [](QCommandLineParser &p) {
             p.addOption(
                 {u"json-lines"_s,
                  u"Report each VM's steps as one JSON object per line, as they happen."_s});
             p.addOption({u"via"_s,
                          u"Set by a head that asks this one: the data folders the request came "
                          u"through (a cycle of heads is refused)."_s,
                          u"IDS"_s});
         },
         verbApply,
         {},
         kOffersPort | kOffersJobs | kOffersVmware},
        {u"recover"_s,
         {},
         u"Settle VMs and clone folders a vmeclone that died mid-batch left behind (every "
         u"command that changes something does it first; list, plan and export only report it)."_s,
         {},
         verbRecover,
         {},
         kOffersVmware},
        {u"start"_s,
         u"RANGE"_s,
         u"Start the VMs of RANGE."_s,
         [](QCommandLineParser &p) {
             addHostsOption(p);
             addWaitOnlineOption(p, u"every VM started (this machine's)"_s);
         },
         [](QCommandLineParser &p, const Globals &g) {
             return verbOnRange(p, g, u"start"_s, &Engine::start);
         },
         {},
         kOffersPort | kOffersJobs | kOffersVmware},
        {u"stop"_s,
         u"RANGE"_s,
         u"Stop the VMs of RANGE (power button, then forced off)."_s,
         addHostsOption,
         [](QCommandLineParser &p, const Globals &g) {
             return verbOnRange(p, g, u"stop"_s, &Engine::stop);
         },
         {},
         kOffersJobs | kOffersVmware},
        {u"release"_s,
         u"RANGE"_s,
         u"Stop and delete the VMs of RANGE and free their addresses (asks first at a "
         u"terminal when RANGE holds several VMs)."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"yes"_s, u"Do not ask for confirmation."_s});
             addHostsOption(p);
         },
         [](QCommandLineParser &p, const Globals &g) {
             return verbOnRange(p, g, u"release"_s, &Engine::release);
         },
         {},
         kOffersJobs | kOffersVmware},
        {u"export"_s,
         {},
         u"Write an inventory report (VMs, states, shards) as CSV, JSON, HTML or PDF, or the "
         u"VMs as an Ansible inventory (YAML)."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"format"_s,
                          u"csv, json, html, pdf or ansible (default: from the file's extension; "
                          u".yml and .yaml are ansible)."_s,
                          u"FORMAT"_s});
             p.addOption(
                 {u"output"_s, u"The file to write (replaced when complete)."_s, u"FILE"_s});
             addHostsOption(p);
             p.addOption({u"here"_s,
                          u"Only this machine's own VMs, not those of the hosts a head drives "
                          u"(CSV, JSON and Ansible reports on a head are every host's)."_s});
         },
         verbExport},
        {u"listen"_s,
         {},
         u"Receive the guests' announcements and keep the inventory's states current."_s,
         {},
         verbListen,
         {},
         kOffersPort},
        {u"vmecloneVMOS"_s,
         u"GOLDEN_SUFFIX NEW_SUFFIX"_s,
         u"The seed's form: clone the golden with one suffix to another, and show that VM."_s,
         [](QCommandLineParser &p) {
             p.addOption({u"no-start"_s, u"Only make the clone; do not start it."_s});
             addWaitOnlineOption(p, u"the clone"_s);
         },
         verbSeedAlias,
         {},
         kOffersPort | kOffersVmware},
    };
}

QString overview() {
    QString text = u"Usage: vmeclone [--home DIR] [--port PORT] [--json] COMMAND [ARGS]\n\n"
                   u"Turns one golden VM image into many running, networked VMs.\n\nCommands:\n"_s;
    for (const auto &v : verbs())
        text += u"  %1 %2\n      %3\n"_s.arg(v.name, v.arguments, v.description);
    text += u"\n'vmeclone COMMAND --help' tells more about each.\n"_s;
    return text;
}

// The parser's help with a usage line that names the verb: "Usage: vmeclone golden add
// [options] PATH", not the program's path alone.
QString verbHelp(const QCommandLineParser &parser, const Verb &verb) {
    const QString text = parser.helpText();
    const qsizetype end = text.indexOf(u'\n');
    const QString first = text.left(end);
    const qsizetype options = first.indexOf(u" [options]"_s);
    if (!first.startsWith(u"Usage: "_s) || options < 0)
        return text;
    return u"Usage: vmeclone "_s + verb.name + first.mid(options) + text.mid(end);
}
} // namespace

int run(const QStringList &argumentsIn) {
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    // A reader that goes away (`vmeclone clone 177-180 | head -1`) must not kill a batch
    // half-way: writes to its pipe fail with EPIPE instead, and out()/err() drop them.
    std::signal(SIGPIPE, SIG_IGN);
    QStringList arguments = argumentsIn;
    const QString program = arguments.isEmpty() ? u"vmeclone"_s : arguments.takeFirst();

    // The verb is the first one or two words that are not options (or their values).
    QStringList words;
    QStringList rest;
    QSet<QString> valued; // the global options that take a value, from their definitions
    for (const QCommandLineOption &o : globalOptions())
        if (!o.valueName().isEmpty())
            for (const QString &name : o.names())
                valued.insert(u"--"_s + name);
    bool skipValue = false;
    for (const auto &a : arguments) {
        if (skipValue) {
            rest << a;
            skipValue = false;
        } else if (a.startsWith(u'-')) {
            rest << a;
            skipValue = valued.contains(a);
        } else {
            words << a;
        }
    }
    if (QFileInfo(program).fileName() == u"vmecloneVMOS")
        words.prepend(u"vmecloneVMOS"_s);

    const auto all = verbs();
    const Verb *verb = nullptr;
    qsizetype used = 0;
    for (const auto &v : all) {
        const QStringList parts = v.name.split(u' ');
        if (words.size() >= parts.size() && words.mid(0, parts.size()) == parts) {
            verb = &v;
            used = parts.size();
            break;
        }
    }
    if (!verb) {
        if (arguments.contains(u"--version"_s)) {
            out(u"vmeclone %1\n"_s.arg(QCoreApplication::applicationVersion()));
            return kOk;
        }
        if (words.isEmpty() || arguments.contains(u"--help"_s) || arguments.contains(u"-h"_s)) {
            out(overview());
            return words.isEmpty() && !arguments.contains(u"--help"_s)
                           && !arguments.contains(u"-h"_s)
                       ? kUsage
                       : kOk;
        }
        err(u"vmeclone: unknown command '%1'\n"_s.arg(words.join(u' ')) + overview());
        return kUsage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(verb->description);
    parser.addHelpOption();
    parser.addVersionOption();
    for (const QCommandLineOption &o : globalOptionsOf(*verb))
        parser.addOption(o);
    if (verb->addOptions)
        verb->addOptions(parser);
    for (const auto &a : verb->arguments.split(u' ', Qt::SkipEmptyParts))
        parser.addPositionalArgument(a, {});
    // Rebuild the command line in its original order, without the verb's words.
    QStringList argv{program + u' ' + verb->name};
    qsizetype skipped = 0;
    for (const auto &a : arguments) {
        if (skipped < used && a == words[skipped]) {
            ++skipped;
            continue;
        }
        // --instant=auto: QCommandLineParser has no option with an optional value.
        argv << (a == u"--instant=auto" ? u"--instant-auto"_s : a);
    }
    if (!parser.parse(argv)) {
        err(u"vmeclone %1: %2\n"_s.arg(verb->name, parser.errorText()) + verbHelp(parser, *verb));
        return kUsage;
    }
    if (parser.isSet(u"help"_s)) {
        out(verbHelp(parser, *verb));
        return kOk;
    }
    if (parser.isSet(u"version"_s)) {
        out(u"vmeclone %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return kOk;
    }
    auto globals = readGlobals(parser, *verb);
    if (!globals) {
        err(u"vmeclone: "_s + globals.error());
        return kUsage;
    }
    log::setup(globals->verbose ? spdlog::level::debug : spdlog::level::warn);
    return verb->run(parser, *globals);
}

} // namespace vmeclone::cli
