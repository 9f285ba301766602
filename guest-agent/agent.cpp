#include "agent.h"

#include "agent_log.h"
#include "announcer.h"
#include "dhcp_clients.h"
#include "identity_channel.h"
#include "net_interfaces.h"
#include "plain_ip_writer.h"
#include "state_file.h"
#include "template_mode.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace vmeclone::agent {

using protocol::AgentState;

namespace {

bool readBootId(protocol::BootId &out, std::string &error) {
    // /dev/urandom rather than getrandom(2), which kernels before 3.17 lack.
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::string("cannot open /dev/urandom: ") + std::strerror(errno);
        return false;
    }
    std::size_t got = 0;
    while (got < out.size()) {
        const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            error = std::string("cannot read /dev/urandom: ") + std::strerror(errno);
            ::close(fd);
            return false;
        }
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return true;
}

// The pid file names the process that answers SIGTERM; only that process removes it.
class PidFile {
public:
    explicit PidFile(const RootFs &fs)
        : m_fs(fs) {}
    ~PidFile() {
        if (m_owner != 0 && m_owner == ::getpid())
            m_fs.remove(Agent::kPidPath);
    }
    bool write(pid_t pid, std::string &error) {
        if (!m_fs.writeFileAtomic(Agent::kPidPath, std::to_string(pid) + "\n", error))
            return false;
        m_owner = pid;
        return true;
    }
    // The daemon child: its parent wrote the file for it, it removes it at the end.
    void adopt() { m_owner = ::getpid(); }

private:
    const RootFs &m_fs;
    pid_t m_owner = 0;
};

void blockStopSignals(sigset_t &set) {
    // The log goes through a pipe (the init script's tee): if the reader goes away the
    // agent must carry on configuring, not die of SIGPIPE.
    ::signal(SIGPIPE, SIG_IGN);
    // Blocked from the start and taken with sigtimedwait in the heartbeat loop: no
    // handler, no race between checking a flag and sleeping.
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_BLOCK, &set, nullptr);
}

// Waits up to `seconds` for SIGTERM or SIGINT (blocked, see blockStopSignals); returns
// the signal taken, or 0 when none came.
int takeStopSignal(const sigset_t &set, unsigned seconds) {
    timespec wait{static_cast<time_t>(seconds), 0};
    for (;;) {
        const int taken = ::sigtimedwait(&set, nullptr, &wait);
        if (taken > 0)
            return taken;
        if (errno != EINTR)
            return 0;
    }
}

} // namespace

Agent::Agent(const AgentOptions &options)
    : m_options(options)
    , m_fs(options.root)
    , m_actions(options.root == "/"
                    ? SystemActions::live()
                    : SystemActions::recordingInto(m_fs, options.allowRootPrograms)) {}

void Agent::loadConfig(bool log) {
    const bool explicitPath = !m_options.configPath.empty();
    // An explicit --config is a host path; the default lives inside the guest tree.
    const RootFs hostFs("/");
    const RootFs &fs = explicitPath ? hostFs : m_fs;
    const std::string guestPath = explicitPath ? m_options.configPath : kConfigPath;
    m_configSource = fs.path(guestPath);

    if (!fs.exists(guestPath)) {
        if (explicitPath || log)
            agentLog("no agent config at %s%s", m_configSource.c_str(),
                     explicitPath ? "" : " (optional): using the identity alone");
        return;
    }
    std::string text, error;
    if (!fs.readFile(guestPath, text, error)) {
        agentLog("ignoring the agent config: %s", error.c_str());
        return;
    }
    std::vector<std::string> errors;
    m_config = protocol::KeyValueText::parse(text, &errors);
    for (const std::string &e : errors)
        agentLog("%s: %s (line ignored)", m_configSource.c_str(), e.c_str());
    if (log)
        agentLog("config from %s", m_configSource.c_str());
    const std::string reboot = m_config.value("reboot", "auto");
    if (log && reboot != "auto" && reboot != "yes" && reboot != "no")
        agentLog("%s: reboot \"%s\" is not yes, no or auto: using auto", m_configSource.c_str(),
                 reboot.c_str());
}

bool Agent::findIdentity(Identity &out, std::vector<ChannelResult> &results, bool log) {
    for (const auto &channel : defaultIdentityChannels(m_actions)) {
        protocol::KeyValueText document;
        std::string why;
        std::vector<std::string> warnings;
        const bool found = channel->read(m_fs, m_config, document, why, warnings);
        for (const std::string &w : warnings) {
            if (log)
                agentLog("%s", w.c_str());
        }
        if (!found) {
            results.push_back({channel->name(), why});
            if (log)
                agentLog("no identity from %s: %s", channel->name(), why.c_str());
            continue;
        }
        Identity identity;
        std::string error;
        if (!Identity::fromDocument(document, m_config, identity, error)
            || !resolveInterface(identity, error)) {
            const std::string outcome = "invalid identity in " + channel->source() + ": " + error;
            results.push_back({channel->name(), outcome});
            if (log)
                agentLog("%s", outcome.c_str());
            continue;
        }
        identity.channel = channel->name();
        identity.source = channel->source();
        results.push_back({channel->name(), "found in " + channel->source()});
        out = std::move(identity);
        return true;
    }
    return false;
}

bool Agent::resolveInterface(Identity &identity, std::string &error) const {
    // A NIC udev has not named yet would be configured under the kernel's name. (A resumed
    // clone's NIC, named long ago, still has the template's MAC until it takes its own.)
    if (identity.mac && !m_resumed && m_fs.exists("/run/udev/control")
        && !NetInterfaces::waitForMac(m_fs, *identity.mac, kNicWaitMs))
        agentLog("no NIC with MAC %s named by udev after %d s: going on with what is there",
                 protocol::formatMac(*identity.mac).c_str(), kNicWaitMs / 1000);
    const std::vector<NetInterface> all = NetInterfaces::scan(m_fs);
    const NetInterface *chosen = nullptr;
    auto byName = [&](const std::vector<NetInterface> &nics,
                      const std::string &name) -> const NetInterface * {
        for (const NetInterface &nic : nics) {
            if (nic.name == name)
                return &nic;
        }
        return nullptr;
    };
    // The guesses below never take one of the further NICs the identity lists.
    std::vector<NetInterface> nics;
    for (const NetInterface &nic : all) {
        if (!nic.mac || !identity.furtherNic(*nic.mac))
            nics.push_back(nic);
    }
    // The identity's own word first; then the NIC that has its MAC (a CentOS clone may
    // call it eth1); then the golden's choice; then the first vmeclone MAC; then any.
    if (!identity.interfaceName.empty())
        chosen = byName(all, identity.interfaceName);
    if (!chosen && identity.mac) {
        for (const NetInterface &nic : all) {
            if (nic.mac == identity.mac) {
                chosen = &nic;
                break;
            }
        }
    }
    if (!chosen && identity.interfaceName.empty())
        chosen = byName(nics, m_config.value("interface"));
    if (!chosen) {
        for (const NetInterface &nic : nics) {
            if (nic.mac && protocol::isVmeStaticMac(*nic.mac)) {
                chosen = &nic;
                break;
            }
        }
    }
    if (!chosen && !nics.empty())
        chosen = &nics.front();

    if (identity.interfaceName.empty())
        identity.interfaceName = chosen ? chosen->name : m_config.value("interface", "eth0");
    if (!identity.mac)
        identity.mac = chosen && chosen->mac ? *chosen->mac : protocol::macForIpv4(identity.ip);
    if (identity.instance.empty())
        identity.instance = "mac-" + protocol::formatMac(*identity.mac);

    // Without a `mac` key the primary's MAC is known only now; an `interface` key may
    // name one of the further NICs.
    const NetInterface *named = byName(all, identity.interfaceName);
    const FurtherNic *taken = identity.furtherNic(*identity.mac);
    if (!taken && named && named->mac)
        taken = identity.furtherNic(*named->mac);
    if (taken)
        error = taken->key() + " is the primary NIC " + identity.interfaceName + " (mac "
                + protocol::formatMac(*identity.mac) + ")";
    return !taken;
}

NetworkSettings Agent::settingsFor(const Identity &identity, FurtherNics &further) const {
    NetworkSettings s;
    s.interfaceName = identity.interfaceName;
    s.ip = identity.ip;
    s.prefix = identity.prefix;
    s.gateway = identity.gateway;
    s.dns = identity.dns;
    s.mac = identity.mac;
    if (!identity.furtherNics.empty())
        further = FurtherNics::match(identity.furtherNics, NetInterfaces::scan(m_fs));
    s.further = further.configured;
    return s;
}

std::string Agent::rebootReason(const GuestConfiguration &configuration) const {
    const std::string policy = m_config.value("reboot", "auto");
    if (policy == "yes")
        return "reboot=yes in " + m_configSource;
    if (policy == "no")
        return {};
    return configuration.rebootReason();
}

int Agent::check() {
    loadConfig(false);
    Identity identity;
    std::vector<ChannelResult> results;
    const bool found = findIdentity(identity, results, false);
    for (const ChannelResult &r : results)
        std::printf("%-10s %s\n", (r.channel + ":").c_str(), r.outcome.c_str());
    if (!found) {
        std::printf("no identity found\n");
        return 1;
    }
    std::printf("identity from %s: %s\n", identity.channel.c_str(), identity.summary().c_str());
    std::printf("  instance  %s\n", identity.instance.c_str());
    std::printf("  interface %s (mac %s)\n", identity.interfaceName.c_str(),
                protocol::formatMac(*identity.mac).c_str());
    std::printf("  gateway   %s\n",
                identity.gateway ? protocol::formatIpv4(*identity.gateway).c_str() : "(none)");
    FurtherNics further;
    const NetworkSettings settings = settingsFor(identity, further);
    const std::string dns = settings.dnsList(',');
    std::printf("  dns       %s\n", dns.empty() ? "(none)" : dns.c_str());
    for (const NetworkSettings &nic : settings.further)
        std::printf("  further   %s (mac %s)\n", nic.summary().c_str(), nic.macText().c_str());
    for (const std::string &note : further.unconfigured)
        std::printf("  further   %s\n", note.c_str());
    for (const std::string &note : further.missing)
        std::printf("  further   %s (not configured)\n", note.c_str());
    if (identity.console)
        std::printf("  console   %s:%u, %s\n", protocol::formatIpv4(*identity.console).c_str(),
                    unsigned{identity.port}, identity.key ? "signed" : "unsigned (no key)");
    else
        std::printf("  console   (none: nothing would be announced)\n");

    const GuestConfiguration configuration(m_fs, GuestFamily::detect(m_fs), identity.hostname,
                                           settings, NetInterfaces::scan(m_fs));
    const GuestFamily &family = configuration.family();
    std::printf("  family    %s; %s%s\n", family.name().c_str(),
                family.systemd() ? "systemd" : "no systemd",
                family.debianLike() ? ", Debian-like" : "");
    if (configuration.settings().interfaceName != settings.interfaceName)
        std::printf("  files     name the interface %s, as it will be called after the reboot\n",
                    configuration.settings().interfaceName.c_str());

    std::string warning;
    const StateFile state = StateFile::load(m_fs, warning);
    if (state.applied() != identity.instance) {
        std::string then;
        const std::string reboot = rebootReason(configuration);
        if (!reboot.empty()) {
            then = "then reboot: " + reboot;
        } else {
            for (const auto &command : configuration.liveCommands()) {
                std::string line;
                for (const std::string &word : command)
                    line += (line.empty() ? "" : " ") + word;
                then += (then.empty() ? "then apply it live: " : "; ") + line;
            }
            if (then.empty())
                then = "then announce online (the agent's own ip commands apply it live)";
        }
        std::printf("would: apply the network live, write the configuration (%s), %s\n",
                    configuration.stepList().c_str(), then.c_str());
    } else if (!family.writer()) {
        std::printf("would: apply the network live from %s and announce online (instance "
                    "already applied)\n",
                    PlainIpWriter::kPath);
    } else {
        std::printf("would: announce online; %s brings the network up from its own files "
                    "(instance already applied)\n",
                    family.name().c_str());
    }
    std::fflush(stdout);
    return 0;
}

int Agent::run() {
    sigset_t stopSignals;
    blockStopSignals(stopSignals);

    loadConfig(true);
    // Template mode (template_mode.h): stop before any identity, then go on as the clone
    // this memory was resumed into, live.
    bool resumed = false;
    if (TemplateMode::requested(m_fs)) {
        // Linux 5.18 and later initialise the random generator on the first read of
        // /dev/urandom when it is not yet ready, which takes about a second under TCG. The
        // template pays for it here, once: its clones resume with a ready generator (which
        // vmgenid makes them reseed) instead of each spending that second before online.
        protocol::BootId warmUp{};
        std::string randomError;
        if (!readBootId(warmUp, randomError))
            agentLog("warning: %s", randomError.c_str());
        agentLog("%s", TemplateMode::kReadyLine);
        if (!TemplateMode::waitForClone(m_fs)) {
            agentLog("stopping (in template mode)");
            return 0;
        }
        resumed = true;
        m_resumed = true;
        agentLog("resumed as a clone: a new identity in fw_cfg");
    }
    Identity identity;
    std::vector<ChannelResult> results;
    if (!findIdentity(identity, results, true)) {
        agentLog("no identity found: nothing to configure or announce");
        return 1;
    }
    agentLog("identity from %s: %s", identity.channel.c_str(), identity.summary().c_str());

    std::string warning, error;
    StateFile state = StateFile::load(m_fs, warning);
    if (!warning.empty())
        agentLog("%s", warning.c_str());
    state.countStart(identity.instance);
    if (!state.save(m_fs, error)) {
        agentLog("cannot record the start: %s", error.c_str());
        return 1;
    }
    agentLog("start %u under instance %s", unsigned{state.boots()}, identity.instance.c_str());

    protocol::Announcement base;
    base.ip = identity.ip;
    base.mac = *identity.mac;
    base.hostname = identity.hostname;
    base.boots = state.boots();
    if (!readBootId(base.bootId, error)) {
        agentLog("%s", error.c_str());
        return 1;
    }

    PidFile pidFile(m_fs);
    if (!pidFile.write(::getpid(), error))
        agentLog("warning: %s", error.c_str());

    Announcer announcer(m_fs, base, identity.key, identity.prefix);
    std::string why;
    if (announcer.open(identity.console, identity.port, why))
        agentLog("announcing to %s:%u, %s", protocol::formatIpv4(*identity.console).c_str(),
                 unsigned{identity.port}, identity.key ? "signed" : "unsigned (no key)");
    else
        agentLog("not announcing: %s", why.c_str());

    const bool newInstance = state.applied() != identity.instance;
    const GuestFamily family = GuestFamily::detect(m_fs);
    // A guest with a network system of its own brings the applied configuration up from
    // its files; the agent steps in at the first boot under an identity, and at every
    // boot where it is the network service itself (plain-ip, from its own record).
    const bool agentIsNetworkService = family.writer() == nullptr;
    FurtherNics further;
    NetworkSettings settings = settingsFor(identity, further);
    if (!newInstance && agentIsNetworkService) {
        std::string text, readError;
        const bool usable = m_fs.readFile(PlainIpWriter::kPath, text, readError)
                            && NetworkSettings::fromDocument(protocol::KeyValueText::parse(text),
                                                             settings, readError);
        if (!usable)
            agentLog("%s unusable (%s): using the identity", PlainIpWriter::kPath,
                     readError.c_str());
    }

    std::string liveWarning;
    if (resumed)
        takeCloneIdentity(identity, liveWarning);
    // The network comes up first, so that even the first boot's announcements get out.
    bool live = true;
    if (newInstance || agentIsNetworkService) {
        for (const std::string &note : further.unconfigured)
            agentLog("%s", note.c_str());
        // The clone still goes online, with the missing NIC named in its detail.
        for (const std::string &note : further.missing) {
            agentLog("warning: %s (not configured)", note.c_str());
            liveWarning += (liveWarning.empty() ? "" : "; ") + note;
        }
        live = applyLive(settings, identity.hostname, error, liveWarning);
        if (live)
            agentLog("network up: %s", settings.summary().c_str());
        else
            agentLog("cannot bring the network up: %s", error.c_str());
    } else {
        agentLog("network left to %s (instance %s already applied)", family.name().c_str(),
                 identity.instance.c_str());
    }

    announcer.announce(AgentState::Booting, "identity from " + identity.channel);

    if (newInstance) {
        GuestConfiguration configuration(m_fs, family, identity.hostname, settings,
                                         NetInterfaces::scan(m_fs));
        if (resumed)
            configuration.setMachineIdRenewed();
        agentLog("new instance %s: configuring (guest family %s)", identity.instance.c_str(),
                 family.name().c_str());
        announcer.announce(AgentState::Configuring, "hostname " + identity.hostname + ", "
                                                        + settings.summary() + " (" + family.name()
                                                        + ")");
        if (!configuration.write(error)) {
            agentLog("cannot write the configuration: %s", error.c_str());
            announcer.announce(AgentState::Failed, error);
            return 1;
        }
        agentLog("wrote %s", configuration.stepList().c_str());
        state.markApplied(identity.instance);
        if (!state.save(m_fs, error)) {
            agentLog("cannot record the applied instance: %s", error.c_str());
            announcer.announce(AgentState::Failed, error);
            return 1;
        }
        // A resumed clone applies everything live: a reboot would throw away what
        // resuming saved.
        const std::string reboot = resumed ? std::string() : rebootReason(configuration);
        if (!reboot.empty()) {
            agentLog("rebooting to apply instance %s: %s", identity.instance.c_str(),
                     reboot.c_str());
            announcer.announce(AgentState::Rebooting, "to apply instance " + identity.instance);
            announcer.settle();
            if (!m_actions.reboot(error)) {
                agentLog("%s", error.c_str());
                announcer.announce(AgentState::Failed, error);
                return 1;
            }
            if (m_actions.isRecording())
                agentLog("recorded the reboot in %s%s; exiting as if rebooted", m_fs.root().c_str(),
                         SystemActions::kCommandsLog);
            return 0;
        }
        // Live: the family's own tools take the new files up. The agent's `ip` already
        // gave the interface its address, so a failure here is a warning, not a stop.
        for (const auto &command : configuration.liveCommands()) {
            std::string commandError;
            if (m_actions.run(command, commandError))
                continue;
            agentLog("warning: %s", commandError.c_str());
            liveWarning += (liveWarning.empty() ? "" : "; ") + commandError;
        }
        // A DHCP client the golden's configuration started after the first look, or an ifup
        // about to start one (ifupdown's hotplug ifup@ runs beside the agent, with the file
        // as it read it), is waited for and stopped now, and the address set again.
        if (live && DhcpClients::pending(m_fs, settings.interfaceName))
            live = applyLive(settings, identity.hostname, error, liveWarning);
    }

    if (!live) {
        announcer.announce(AgentState::Failed, "network: " + error);
        return 1;
    }
    std::string detail = settings.summary();
    if (!liveWarning.empty())
        detail += "; warning: " + liveWarning;
    agentLog("online: %s", detail.c_str());
    announcer.announce(AgentState::Online, detail);
    // Its repeat before anything else: a daemonising fork must not carry it twice.
    announcer.settle();
    if (m_options.once)
        return 0;

    // A stop request that came while the agent was starting is pending (the signals are
    // blocked): honour it here, since a forked child would not inherit it.
    if (const int taken = takeStopSignal(stopSignals, 0)) {
        agentLog("stopping (%s)", taken == SIGTERM ? "SIGTERM" : "SIGINT");
        announcer.announce(AgentState::Stopping, "agent stopped");
        return 0;
    }
    if (!m_options.foreground) {
        const pid_t child = ::fork();
        if (child < 0) {
            agentLog("cannot go to the background (%s): staying in the foreground",
                     std::strerror(errno));
        } else if (child > 0) {
            // The parent names the daemon in the pid file before the init script looks.
            if (!pidFile.write(child, error))
                agentLog("warning: %s", error.c_str());
            // Whoever read the old pid file signals this process: hand a stop on to the
            // daemon and leave only when it has gone, so "stop" still means stopped.
            if (takeStopSignal(stopSignals, 0) != 0) {
                ::kill(child, SIGTERM);
                int status = 0;
                while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
                }
            }
            ::_exit(0);
        } else {
            ::setsid();
            pidFile.adopt();
        }
    }

    agentLog("heartbeat every %u s (pid %ld)", identity.heartbeat, static_cast<long>(::getpid()));
    for (;;) {
        const int taken = takeStopSignal(stopSignals, identity.heartbeat);
        if (taken != 0) {
            agentLog("stopping (%s)", taken == SIGTERM ? "SIGTERM" : "SIGINT");
            announcer.announce(AgentState::Stopping, "agent stopped");
            return 0;
        }
        announcer.send(AgentState::Online, detail);
    }
}

} // namespace vmeclone::agent
