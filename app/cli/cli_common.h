#pragma once
// What the vmeclone CLI's verbs share: exit codes, output (stdout for results, stderr for
// progress and refusals), the global options, the engine as a command opens it, and the
// verbs themselves (one file per group: verbs_clone, verbs_vms, verbs_inventory).

#include "engine/engine.h"
#include "listener/announcement_listener.h"
#include "protocol/announcement.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QJsonValue>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace vmeclone {
enum class ReportFormat; // report/inventory_report.h
}

namespace vmeclone::cli {

inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;
inline constexpr int kUsage = 2;

// Set by SIGINT/SIGTERM: batches stop the VMs not begun.
extern std::atomic_bool g_interrupted;
void onSignal(int);

// Output from any thread, one whole line at a time.
extern QMutex g_outputMutex;
void out(const QString &text);
void err(const QString &text); // adds the final newline
void printJson(const QJsonValue &value);

struct Globals {
    QString home;
    quint16 port = protocol::kDefaultPort;
    bool json = false;
    bool verbose = false;
    int parallelism = 0;
    QString vmrun;          // VMware: vmrun's path (empty: found)
    QString vmwareType;     // VMware: "player" | "ws" (empty: detected)
    QString consoleAddress; // VMware: this host's address on the VMs' network
};

struct Verb {
    QString name;      // "golden add"
    QString arguments; // "PATH"
    QString description;
    std::function<void(QCommandLineParser &)> addOptions;
    std::function<int(QCommandLineParser &, const Globals &)> run;
    // Global options this verb gives a meaning of its own ("host add --port" is the host's
    // SSH port): the global one is not offered, and its value comes from the environment.
    QStringList ownOptions = {};
    // The global options beside --home, --json and --verbose that mean something to this
    // verb (Offer bits): only those are offered and shown in its --help.
    int offers = 0;
};

// Global options a verb may offer (Verb::offers).
enum Offer : int {
    kOffersPort = 1,   // --port: the listener's (listen, clone's --wait-online, host self)
    kOffersJobs = 2,   // --jobs: batches
    kOffersVmware = 4, // --vmrun, --vmware-type, --console-address: verbs that run VMs
};

// The option that gives an input ("suffix", "N", no environment variable); empty for an
// input given as an argument (PATH, RANGE). refusals.cpp.
struct FlagName {
    QString option;        // without the dashes
    QString valueName;     // "N", "CIDR"; empty for a switch
    QString environment;   // the variable that also gives it, if any
    QString usage() const; // "--console-address IP or VMECLONE_CONSOLE_ADDRESS"
};
FlagName flagOf(Field field);
// An engine's failure in the CLI's words: a refusal names the flag of its input, first
// when the operator typed it (`given`: "--suffix 300: the suffix 300 is not a host of
// ..."), else as the way to give it ("... does not say its subnet: give it, e.g.
// 192.168.1.0/24 (--subnet CIDR)").
QString worded(const Error &e, const QCommandLineParser *given = nullptr);
QString worded(const BatchOutcome &o);
// {"ok": false, "error": worded, "message": core's, and for a refusal "code", "field",
// "value", "flag"}.
QJsonObject errorJson(const Error &e, const QCommandLineParser *given = nullptr);
// Says `verb`'s failure on stderr and, with --json, as errorJson on stdout; returns
// `exitCode`.
int reportFailure(const Globals &g, const QString &verb, const Error &e,
                  const QCommandLineParser *given = nullptr, int exitCode = kFailed);

EngineConfig engineConfig(const Globals &g);
// With `askGuests` (list --guest), each running QEMU guest is also asked through
// qemu-guest-agent what it says of itself: "guest" and "guest_disagrees" in JSON, a GUEST
// column in the table.
int printVms(Engine &engine, const Globals &g, const QList<VmRecord> *only = nullptr,
             bool askGuests = false);
// The GUEST column of a `list --guest --json` row: "agrees", "differs: hostname, address"
// (the fields), or why the guest could not be asked.
QString guestSummary(const QJsonObject &row);
// Opens the engine and settles what a dead process left (read-only commands: reports it).
std::unique_ptr<Engine> openEngine(const Globals &g,
                                   Engine::RecoveryMode mode = Engine::RecoveryMode::Repair);
BatchObserver progressPrinter(const Globals &g);
int reportBatch(const BatchResult &r, const Globals &g, const QString &what);
// Runs `work` on a worker thread while this thread's event loop keeps going.
int runBeside(const std::function<int()> &work);
bool waitOnline(const Globals &g, const QList<qint64> &ids, int seconds,
                AnnouncementListener *listener);
std::unique_ptr<AnnouncementListener> startListener(const Globals &g, QString *why);
// For --wait-online: listens before anything starts, so no guest's first words are lost;
// when another process (the console, 'vmeclone listen') has the port, says so and relies
// on it to write the states (null then).
std::unique_ptr<AnnouncementListener> listenerForWaiting(const Globals &g);
QString rangeArgument(QCommandLineParser &p, int index = 0);

// verbs_clone.cpp
void addCloneOptions(QCommandLineParser &p);
// --hosts all|NAME[,NAME...]: the verb runs as a head, on those hosts (docs/cluster.md).
void addHostsOption(QCommandLineParser &p);
int verbPlan(QCommandLineParser &p, const Globals &g);
int verbClone(QCommandLineParser &p, const Globals &g);
int verbSeedAlias(QCommandLineParser &p, const Globals &g);
// --wait-online SECONDS: 0 when not given, -1 (said) when not a number of seconds.
int waitSeconds(const QCommandLineParser &p);
void addWaitOnlineOption(QCommandLineParser &p, const QString &what);

// verbs_vms.cpp
using VmBatch = BatchResult (Engine::*)(const QList<VmRecord> &, const std::atomic_bool *,
                                        const BatchObserver &);
int verbOnRange(QCommandLineParser &p, const Globals &g, const QString &verb, VmBatch op);
int verbList(QCommandLineParser &p, const Globals &g);
int verbRecover(QCommandLineParser &p, const Globals &g);
int verbListen(QCommandLineParser &p, const Globals &g);
int verbExport(QCommandLineParser &p, const Globals &g);
// verbs_cluster.cpp: a host's apply, and a head's clone, release and list over --hosts.
int verbApply(QCommandLineParser &p, const Globals &g);
// With `waitSeconds` > 0 (and started VMs), waits until every VM made is online or
// failed on its host, asking the hosts (list) until then or until the time is up.
int clusterClone(QCommandLineParser &p, const Globals &g, const QString &range,
                 const CloneOptions &options, int waitSeconds = 0);
int clusterPlan(QCommandLineParser &p, const Globals &g, const QString &range,
                const CloneOptions &options);
int clusterOnRange(QCommandLineParser &p, const Globals &g, const QString &verb,
                   const QString &range);
// list on a head: every VM of the hosts (all of them unless --hosts), those of RANGE if given.
int clusterList(QCommandLineParser &p, const Globals &g, const QString &range = {});
// export --hosts: one report of what every host lists, with its host (csv, json, ansible).
int clusterExport(QCommandLineParser &p, const Globals &g, const QString &output,
                  ReportFormat format);
// --hosts, or --via (asked by a head) on a data folder that has hosts: the verb runs as a
// head over them (docs/cluster.md).
bool goesOnToItsHosts(const QCommandLineParser &p, const Globals &g);
// The data folder has hosts: this machine is a head.
bool isHead(const Globals &g);
// Set in the environment of a head's listing: a plain list it starts lists its own machine.
inline constexpr char kListingForHead[] = "VMECLONE_LISTING_FOR_HEAD";

// verbs_inventory.cpp
int verbGoldenAdd(QCommandLineParser &p, const Globals &g);
int verbGoldenRemove(QCommandLineParser &p, const Globals &g);
int verbGoldenTemplate(QCommandLineParser &p, const Globals &g);
int verbGoldenPush(QCommandLineParser &p, const Globals &g);
int verbGoldenRefresh(QCommandLineParser &p, const Globals &g);
int verbGoldenConsoleAddress(QCommandLineParser &p, const Globals &g);
int verbGoldenList(QCommandLineParser &p, const Globals &g);
int verbGoldenCheck(QCommandLineParser &p, const Globals &g);
int verbShardAdd(QCommandLineParser &p, const Globals &g);
int verbShardList(QCommandLineParser &p, const Globals &g);
int verbShardLabel(QCommandLineParser &p, const Globals &g);

// verbs_hosts.cpp
int verbHostSelf(QCommandLineParser &p, const Globals &g);
int verbHostAdd(QCommandLineParser &p, const Globals &g);
int verbHostList(QCommandLineParser &p, const Globals &g);
int verbHostCheck(QCommandLineParser &p, const Globals &g);
int verbHostRemove(QCommandLineParser &p, const Globals &g);

} // namespace vmeclone::cli
