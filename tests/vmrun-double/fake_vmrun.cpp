// fake-vmrun: a contract double of VMware's vmrun for tests (VMware cannot be installed
// here). It accepts exactly the command lines vmeclone is allowed to use:
//
//   vmrun -T ws clone <vmx> <new vmx> linked -snapshot=<name> -cloneName=<name>
//   vmrun -T player|ws start <vmx> [gui|nogui]
//   vmrun -T player|ws stop <vmx> [soft|hard]
//   vmrun -T player|ws list
//   vmrun -T player|ws getGuestIPAddress <vmx> [-wait]
//
// and answers anything else as vmrun does: "Error: ..." on stdout, exit code 255. It keeps
// the running VMs in the file FAKE_VMRUN_STATE (locked with flock, so concurrent calls
// agree), and makes and removes the "<file>.lck" folders VMware keeps beside a running
// VM's .vmx and disks. Before starting a VM it checks what would make VMware refuse it or
// stop at a question: the .vmx is readable, no "moved or copied?" question, every disk
// and its parent chain opens, every NIC has a static MAC in VMware's static range, and no
// MAC is shared with a running VM.
//
// Knobs for tests:
//   FAKE_VMRUN_STATE               the state file (required)
//   FAKE_VMRUN_LOG                 appends "<pid>\t<arg>\t<arg>..." per call
//   FAKE_VMRUN_DELAY_MS            start sleeps this long first (a slow start)
//   FAKE_VMRUN_HANG                "1"/"all", or a comma list of verbs ("list", "start",
//                                  "stop", "getGuestIPAddress") or "stop-soft"/"stop-hard":
//                                  those calls never return (timeouts must kill them)
//   FAKE_VMRUN_SOFT_STOP_IGNORED   soft stops fail as without VMware Tools
//   FAKE_VMRUN_IP                  what getGuestIPAddress prints; unset: the Tools never
//                                  report one (with -wait the call never returns)
//
// Where VMware's own texts come from (public transcripts of real vmrun runs):
//   "Total running VMs: N" + paths        GNS3/gns3-server#328
//   "Error: Cannot open VM: <vmx>, The virtual machine cannot be found"
//                                         quoted in vmrun wrappers that match on it (found
//                                         by text search); the ", <reason>" form:
//                                         cloudfoundry-attic/bosh-lite#257
//   "Error: Cannot open VM: <vmx>, Cannot read the virtual machine configuration file"
//                                         cloudfoundry-attic/bosh-lite#257
//   "Error: The virtual machine is not powered on: <vmx>"      hashicorp/packer#1300
//   "Error: The virtual machine should not be powered on. It is already running."
//                                         vmrun transcripts in public notes (text search)
//   "Error: The VMware Tools are not running in the virtual machine: <vmx>", exit 255
//                                         hashicorp/vagrant#11528
//   "Error: The operation is not supported" (-T player snapshot)
//                                         Orange-Cyberdefense/GOAD#108,
//                                         hashicorp/vagrant-vmware-desktop#91
//   "Error: The file is already in use"   hashicorp/vagrant#6772
//   "Error: Unrecognized command: <word>" Rurik/Noriben#17
//   "Cannot open the disk '<vmdk>' or one of the snapshot disks it depends on." and
//   "Reason: The parent virtual disk has been modified since the child was created."
//                                         VMware's power-on error as widely reported
//                                         (Broadcom KB 345254)
//   "... is not an allowed static Ethernet address. It conflicts with VMware reserved
//   MACs."                                ESXi's wording (vstellar.com, 2015); the range
//                                         00:50:56:00:00:00-3F:FF:FF is VMware's manuals'
// A linked clone is made as Workstation makes one: the new folder gets a .vmx copied from
// the source with each present disk pointed at a new child disk ("<parent>-cl1.vmdk",
// made by `qemu-img create -b`) over the snapshot's disk, displayName set to -cloneName,
// and the source's generated MACs and BIOS UUID dropped (VMware makes new ones). The
// source's files are only read: that VMware records its clones in the source's .vmsd is
// not modelled (not known for sure here).
// Texts marked "(double)" are this program's own: VMware would start such a VM, but a
// vmeclone clone must never need it, or VMware's answer is not known.

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <sys/file.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

[[noreturn]] void failWith(const std::string &message) {
    std::printf("Error: %s\n", message.c_str());
    std::fflush(stdout);
    std::exit(255);
}

std::string env(const char *name) {
    const char *v = std::getenv(name);
    return v ? v : "";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trim(const std::string &s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string &s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

[[noreturn]] void hangForever() {
    for (;;)
        ::pause();
}

bool hangs(const std::string &verb, const std::string &mode) {
    const std::string knob = env("FAKE_VMRUN_HANG");
    if (knob.empty() || knob == "0")
        return false;
    if (knob == "1" || knob == "all")
        return true;
    for (const std::string &item : split(knob, ',')) {
        const std::string i = trim(item);
        if (i == verb || (!mode.empty() && i == verb + "-" + mode))
            return true;
    }
    return false;
}

std::optional<std::string> readFile(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// ---- the .vmx, read as VMware reads it -------------------------------------------------

struct Vmx {
    std::map<std::string, std::string> values; // lower-case key -> decoded value

    std::string get(const std::string &key) const {
        const auto it = values.find(lower(key));
        return it == values.end() ? std::string() : it->second;
    }
    bool has(const std::string &key) const { return values.count(lower(key)) != 0; }
};

bool isTrue(const std::string &v) {
    const std::string l = lower(trim(v));
    return l == "true" || l == "yes" || l == "1" || l == "t" || l == "y";
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// "|22" is '"', "|7C" is '|': VMware's escapes of bytes in values.
std::string unescape(const std::string &v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '|' && i + 2 < v.size()) {
            const int hi = hexDigit(v[i + 1]);
            const int lo = hexDigit(v[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += v[i];
    }
    return out;
}

std::optional<Vmx> parseVmx(const std::string &text) {
    Vmx vmx;
    for (std::string line : split(text, '\n')) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#')
            continue;
        const auto eq = t.find('=');
        if (eq == std::string::npos || eq == 0)
            return std::nullopt;
        const std::string key = lower(trim(t.substr(0, eq)));
        std::string rest = trim(t.substr(eq + 1));
        std::string value;
        if (!rest.empty() && rest[0] == '"') {
            const auto close = rest.find('"', 1);
            if (close == std::string::npos)
                return std::nullopt;
            value = rest.substr(1, close - 1);
        } else {
            value = rest.substr(0, rest.find_first_of(" \t#"));
        }
        vmx.values[key] = unescape(value);
    }
    return vmx;
}

// ---- state: the running VMs -------------------------------------------------------------

struct Running {
    std::string vmx;
    std::vector<std::string> macs;  // lower case
    std::vector<std::string> locks; // the .lck folders this VM holds
};

std::string joinList(const std::vector<std::string> &v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i)
        out += (i ? "," : "") + v[i];
    return out;
}

std::vector<std::string> splitList(const std::string &s) {
    std::vector<std::string> out;
    for (const std::string &x : split(s, ','))
        if (!x.empty())
            out.push_back(x);
    return out;
}

class State {
public:
    State() {
        m_path = env("FAKE_VMRUN_STATE");
        if (m_path.empty())
            failWith("vmrun double: FAKE_VMRUN_STATE is not set (double)");
        const std::string lockPath = m_path + ".lock";
        m_lock = ::open(lockPath.c_str(), O_RDWR | O_CREAT, 0644);
        if (m_lock < 0 || ::flock(m_lock, LOCK_EX) != 0)
            failWith("vmrun double: cannot lock " + lockPath + " (double)");
        if (const auto text = readFile(m_path)) {
            for (const std::string &line : split(*text, '\n')) {
                if (line.empty())
                    continue;
                const auto f = split(line, '\t');
                m_running.push_back(
                    Running{f[0], f.size() > 1 ? splitList(f[1]) : std::vector<std::string>{},
                            f.size() > 2 ? splitList(f[2]) : std::vector<std::string>{}});
            }
        }
    }
    ~State() {
        if (m_lock >= 0)
            ::close(m_lock);
    }

    std::vector<Running> &running() { return m_running; }
    Running *find(const std::string &vmx) {
        for (auto &r : m_running)
            if (r.vmx == vmx)
                return &r;
        return nullptr;
    }
    void save() {
        const std::string tmp = m_path + ".tmp";
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            for (const auto &r : m_running)
                out << r.vmx << '\t' << joinList(r.macs) << '\t' << joinList(r.locks) << '\n';
            if (!out)
                failWith("vmrun double: cannot write " + tmp + " (double)");
        }
        fs::rename(tmp, m_path);
    }

private:
    std::string m_path;
    int m_lock = -1;
    std::vector<Running> m_running;
};

// ---- disks ------------------------------------------------------------------------------

fs::path resolve(const fs::path &folder, const std::string &name) {
    const fs::path p(name);
    return (p.is_absolute() ? p : folder / p).lexically_normal();
}

std::uint64_t le64(const std::string &b, size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<size_t>(i)]);
    return v;
}

// The text descriptor of a disk: embedded in a KDMV sparse extent, or the file itself.
std::optional<std::string> descriptorOf(const fs::path &disk) {
    std::ifstream in(disk, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::string head(512, '\0');
    in.read(head.data(), 512);
    head.resize(static_cast<size_t>(in.gcount()));
    if (head.size() >= 44 && head.compare(0, 4, "KDMV") == 0) {
        const std::uint64_t offset = le64(head, 28) * 512;
        const std::uint64_t size = le64(head, 36) * 512;
        if (offset == 0 || size == 0 || size > (1u << 20))
            return std::string(); // a sparse extent without a descriptor (an extent file)
        std::string text(size, '\0');
        in.clear();
        in.seekg(static_cast<std::streamoff>(offset));
        in.read(text.data(), static_cast<std::streamsize>(size));
        text.resize(static_cast<size_t>(in.gcount()));
        text.resize(std::strlen(text.c_str()));
        return text;
    }
    if (fs::file_size(disk) > (1u << 20))
        return std::string(); // raw data (a flat extent given as a disk)
    return readFile(disk);
}

std::string descriptorValue(const std::string &text, const std::string &key) {
    for (std::string line : split(text, '\n')) {
        line = trim(line);
        const auto eq = line.find('=');
        if (eq == std::string::npos || lower(trim(line.substr(0, eq))) != lower(key))
            continue;
        std::string v = trim(line.substr(eq + 1));
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
            v = v.substr(1, v.size() - 2);
        return v;
    }
    return {};
}

[[noreturn]] void cannotOpenDisk(const fs::path &disk, const std::string &reason) {
    failWith("Cannot open the disk '" + disk.string()
             + "' or one of the snapshot disks it depends on. Reason: " + reason);
}

// Opens the disk and its parents as VMware does: every extent file must exist, and every
// parent's CID must still be the parentCID its child recorded.
void checkDisk(const fs::path &top, const fs::path &disk, int depth) {
    if (depth > 32)
        cannotOpenDisk(top, "The parent chain is too long or loops (double).");
    if (!fs::is_regular_file(disk))
        cannotOpenDisk(top, "The system cannot find the file specified (" + disk.string() + ").");
    const auto text = descriptorOf(disk);
    if (!text)
        cannotOpenDisk(top, "Insufficient permission to access file.");
    if (text->empty())
        return;
    const fs::path folder = disk.parent_path();
    for (std::string line : split(*text, '\n')) {
        line = trim(line);
        for (const char *access : {"RW ", "RDONLY ", "NOACCESS "}) {
            if (line.rfind(access, 0) != 0)
                continue;
            const auto q1 = line.find('"');
            const auto q2 = q1 == std::string::npos ? q1 : line.find('"', q1 + 1);
            if (q1 == std::string::npos || q2 == std::string::npos)
                continue; // ZERO extents have no file
            const fs::path extent = resolve(folder, line.substr(q1 + 1, q2 - q1 - 1));
            if (!fs::is_regular_file(extent))
                cannotOpenDisk(top, "The system cannot find the file specified (" + extent.string()
                                        + ").");
        }
    }
    // CIDs are hex numbers: qemu-img writes "ae22f93" where VMware writes "0ae22f93".
    const auto cidOf = [](const std::string &v) -> std::optional<unsigned long> {
        char *end = nullptr;
        const unsigned long n = std::strtoul(v.c_str(), &end, 16);
        if (v.empty() || *end != '\0')
            return std::nullopt;
        return n;
    };
    const auto parentCid = cidOf(descriptorValue(*text, "parentCID"));
    if (!parentCid || *parentCid == 0xffffffffUL)
        return;
    const std::string hint = descriptorValue(*text, "parentFileNameHint");
    if (hint.empty())
        cannotOpenDisk(top, "A delta disk names no parent (double).");
    const fs::path parent = resolve(folder, hint);
    if (!fs::is_regular_file(parent))
        cannotOpenDisk(top, "The system cannot find the file specified (" + parent.string() + ").");
    const auto parentText = descriptorOf(parent);
    if (!parentText || cidOf(descriptorValue(*parentText, "CID")) != parentCid)
        cannotOpenDisk(
            top,
            "The parent virtual disk has been modified since the child was created. The content "
            "ID of the parent virtual disk does not match the corresponding parent content ID "
            "in the child.");
    checkDisk(top, parent, depth + 1);
}

bool isDiskKey(const std::string &key, std::string *device) {
    // (scsi|sata|ide|nvme)N:M.filename
    static const char *const buses[] = {"scsi", "sata", "ide", "nvme"};
    const std::string suffix = ".filename";
    if (key.size() <= suffix.size()
        || key.compare(key.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    const std::string dev = key.substr(0, key.size() - suffix.size());
    for (const char *bus : buses) {
        const std::string b(bus);
        if (dev.rfind(b, 0) != 0)
            continue;
        const std::string rest = dev.substr(b.size());
        const auto colon = rest.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 >= rest.size())
            return false;
        const auto digits = [](const std::string &s) {
            return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
        };
        if (!digits(rest.substr(0, colon)) || !digits(rest.substr(colon + 1)))
            return false;
        *device = dev;
        return true;
    }
    return false;
}

bool isCdrom(const std::string &deviceType) {
    const std::string t = lower(deviceType);
    return t == "cdrom-image" || t == "cdrom-raw" || t == "atapi-cdrom";
}

// A SCSI generic device (a tape, a changer) handed through: its fileName is a host
// device, not a disk; VMware starts without it when the host has none.
bool isPassthrough(const std::string &deviceType) {
    return lower(deviceType).find("passthru") != std::string::npos;
}

// ---- NICs -------------------------------------------------------------------------------

std::optional<std::string> normalMac(const std::string &text) {
    const auto parts = split(lower(trim(text)), text.find('-') != std::string::npos ? '-' : ':');
    if (parts.size() != 6)
        return std::nullopt;
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].size() != 2 || hexDigit(parts[i][0]) < 0 || hexDigit(parts[i][1]) < 0)
            return std::nullopt;
        out += (i ? ":" : "") + parts[i];
    }
    return out;
}

// ---- verbs ------------------------------------------------------------------------------

fs::path vmxPathArgument(const std::string &arg) {
    const fs::path p(arg);
    if (!p.is_absolute() || !fs::is_regular_file(p))
        failWith("Cannot open VM: " + arg + ", The virtual machine cannot be found");
    return p.lexically_normal();
}

void removeLocks(const Running &r) {
    std::error_code ec;
    for (const std::string &lock : r.locks)
        fs::remove_all(lock, ec);
}

void makeLock(const fs::path &file, std::vector<std::string> *held) {
    const fs::path lock = fs::path(file.string() + ".lck");
    std::error_code ec;
    fs::create_directory(lock, ec);
    std::ofstream(lock / ("M" + std::to_string(::getpid()) + ".lck")) << "fake-vmrun\n";
    held->push_back(lock.string());
}

int start(const std::string &vmxArg) {
    if (const std::string delay = env("FAKE_VMRUN_DELAY_MS"); !delay.empty())
        std::this_thread::sleep_for(std::chrono::milliseconds(std::atoll(delay.c_str())));
    const fs::path vmxPath = vmxPathArgument(vmxArg);
    State state;
    if (state.find(vmxPath.string()))
        failWith("The virtual machine should not be powered on. It is already running.");
    // A lock folder that no running VM of ours holds: VMware (or another host) has it.
    if (fs::exists(vmxPath.string() + ".lck"))
        failWith("The file is already in use");

    const auto text = readFile(vmxPath);
    const auto vmx = text ? parseVmx(*text) : std::nullopt;
    if (!vmx)
        failWith("Cannot open VM: " + vmxArg
                 + ", Cannot read the virtual machine configuration file");

    // The "moved or copied?" question: VMware asks it when uuid.location no longer
    // matches where the .vmx is, unless uuid.action says what to do. nogui has no one to
    // answer it.
    const std::string action = lower(vmx->get("uuid.action"));
    if (vmx->has("uuid.location") && action != "create" && action != "keep")
        failWith("The virtual machine is waiting for an answer to the question \"This virtual "
                 "machine might have "
                 "been moved or copied.\": set uuid.action or remove uuid.location (double)");

    const fs::path folder = vmxPath.parent_path();
    std::vector<fs::path> ownDisks;
    for (const auto &[key, value] : vmx->values) {
        std::string device;
        if (!isDiskKey(key, &device) || !isTrue(vmx->get(device + ".present")))
            continue;
        if (isCdrom(vmx->get(device + ".deviceType"))
            || isPassthrough(vmx->get(device + ".deviceType")))
            continue;
        const fs::path disk = resolve(folder, value);
        // VMware locks each disk it opens: a second device on the same file finds it locked.
        if (std::find(ownDisks.begin(), ownDisks.end(), disk) != ownDisks.end())
            failWith("The file is already in use (" + disk.string() + ", double)");
        checkDisk(disk, disk, 0);
        if (fs::exists(disk.string() + ".lck"))
            failWith("The file is already in use");
        ownDisks.push_back(disk);
    }

    std::vector<std::string> macs;
    for (int n = 0; n < 10; ++n) {
        const std::string nic = "ethernet" + std::to_string(n);
        if (!isTrue(vmx->get(nic + ".present")))
            continue;
        const std::string type = lower(vmx->get(nic + ".addressType"));
        if (type != "static")
            failWith(nic + " has addressType \"" + vmx->get(nic + ".addressType")
                     + "\": a clone needs a static MAC, or it shares its golden's generated one "
                       "(double)");
        const auto mac = normalMac(vmx->get(nic + ".address"));
        if (!mac)
            failWith("Invalid MAC address specified. " + nic + ".address = \""
                     + vmx->get(nic + ".address") + "\" is not a MAC address");
        const int fourth = hexDigit((*mac)[9]) * 16 + hexDigit((*mac)[10]);
        if (mac->compare(0, 8, "00:50:56") != 0 || fourth > 0x3f)
            failWith("Invalid MAC address specified. " + *mac
                     + " is not an allowed static Ethernet address. It conflicts with VMware "
                       "reserved MACs.");
        if (std::find(macs.begin(), macs.end(), *mac) != macs.end())
            failWith("The MAC address " + *mac + " of " + nic
                     + " is used by another adapter of this virtual "
                       "machine (double)");
        for (const Running &r : state.running()) {
            if (std::find(r.macs.begin(), r.macs.end(), *mac) != r.macs.end())
                failWith("The MAC address " + *mac + " of " + nic
                         + " is already in use by the running virtual "
                           "machine "
                         + r.vmx + " (double)");
        }
        macs.push_back(*mac);
    }

    Running r{vmxPath.string(), macs, {}};
    makeLock(vmxPath, &r.locks);
    for (const fs::path &disk : ownDisks)
        makeLock(disk, &r.locks);
    state.running().push_back(r);
    state.save();
    return 0;
}

int stop(const std::string &vmxArg, const std::string &mode) {
    const fs::path vmxPath = fs::path(vmxArg).lexically_normal();
    State state;
    Running *r = state.find(vmxPath.string());
    if (!r) {
        vmxPathArgument(vmxArg); // "cannot be found" first, as vmrun opens the VM first
        failWith("The virtual machine is not powered on: " + vmxArg);
    }
    const std::string ignored = env("FAKE_VMRUN_SOFT_STOP_IGNORED");
    if (mode == "soft" && !ignored.empty() && ignored != "0")
        failWith("The VMware Tools are not running in the virtual machine: " + vmxArg);
    removeLocks(*r);
    auto &all = state.running();
    all.erase(std::remove_if(all.begin(), all.end(),
                             [&](const Running &x) { return x.vmx == vmxPath.string(); }),
              all.end());
    state.save();
    return 0;
}

int list() {
    State state;
    std::printf("Total running VMs: %zu\n", state.running().size());
    for (const auto &r : state.running())
        std::printf("%s\n", r.vmx.c_str());
    return 0;
}

int guestIp(const std::string &vmxArg, bool wait) {
    const fs::path vmxPath = vmxPathArgument(vmxArg);
    {
        State state;
        if (!state.find(vmxPath.string()))
            failWith("The virtual machine is not powered on: " + vmxArg);
    }
    const std::string ip = env("FAKE_VMRUN_IP");
    if (!ip.empty()) {
        std::printf("%s\n", ip.c_str());
        return 0;
    }
    if (wait)
        hangForever(); // the Tools never report an address
    failWith("The VMware Tools are not running in the virtual machine: " + vmxArg);
}

[[noreturn]] void badArguments(const std::string &verb, const std::string &usage) {
    failWith("Invalid arguments for " + verb + ": expected " + usage + " (double)");
}

// clone <vmx> <new vmx> linked -snapshot=<name> -cloneName=<name>
int cloneVm(const std::vector<std::string> &rest) {
    if (rest.size() < 3)
        badArguments("clone",
                     "clone <vmx> <new vmx> full|linked [-snapshot=<name>] [-cloneName=<name>]");
    const fs::path source = vmxPathArgument(rest[0]);
    const fs::path target = fs::path(rest[1]).lexically_normal();
    std::string snapshot, cloneName;
    for (size_t i = 3; i < rest.size(); ++i) {
        if (rest[i].rfind("-snapshot=", 0) == 0)
            snapshot = rest[i].substr(10);
        else if (rest[i].rfind("-cloneName=", 0) == 0)
            cloneName = rest[i].substr(11);
        else
            badArguments("clone", "clone <vmx> <new vmx> full|linked [-snapshot=<name>] "
                                  "[-cloneName=<name>]");
    }
    if (rest[2] == "full")
        failWith("vmrun double: vmeclone makes full clones itself, never with vmrun (double)");
    if (rest[2] != "linked")
        badArguments("clone", "full|linked as the third argument");
    if (snapshot.empty())
        failWith("vmrun double: a linked clone of the current state has VMware take a snapshot "
                 "of the source, which vmeclone never lets it do: name the snapshot (double)");
    if (!target.is_absolute() || lower(target.extension().string()) != ".vmx")
        failWith("vmrun double: the new VM's path must be an absolute .vmx path: " + rest[1]
                 + " (double)");
    if (fs::exists(target))
        failWith("vmrun double: " + target.string() + " exists already (double)");
    {
        State state;
        if (state.find(source.string()))
            failWith("The virtual machine should not be powered on. It is already running.");
    }
    const auto text = readFile(source);
    const auto vmx = text ? parseVmx(*text) : std::nullopt;
    if (!vmx)
        failWith("Cannot open VM: " + rest[0]
                 + ", Cannot read the virtual machine configuration file");
    const fs::path folder = source.parent_path();
    const fs::path vmsdPath = folder / (source.stem().string() + ".vmsd");
    const auto vmsdText = readFile(vmsdPath);
    const auto vmsd = vmsdText ? parseVmx(*vmsdText) : std::nullopt;
    std::string prefix;
    for (int i = 0; vmsd && i < 256 && prefix.empty(); ++i) {
        const std::string p = "snapshot" + std::to_string(i) + ".";
        if (vmsd->has(p + "uid") && vmsd->get(p + "displayName") == snapshot)
            prefix = p;
    }
    if (prefix.empty())
        failWith("vmrun double: " + source.string() + " has no snapshot named \"" + snapshot
                 + "\" (double)");
    std::map<std::string, std::string> snapshotDisks; // node (lower case) -> file
    const int numDisks = std::atoi(vmsd->get(prefix + "numDisks").c_str());
    for (int d = 0; d < numDisks; ++d) {
        const std::string k = prefix + "disk" + std::to_string(d) + ".";
        snapshotDisks[lower(vmsd->get(k + "node"))] = vmsd->get(k + "fileName");
    }

    fs::create_directories(target.parent_path());
    std::string out;
    std::vector<std::string> made;
    const auto undo = [&] {
        for (const std::string &f : made)
            fs::remove(f);
    };
    for (std::string line : split(*text, '\n')) {
        const bool cr = !line.empty() && line.back() == '\r';
        if (cr)
            line.pop_back();
        const auto eq = line.find('=');
        const std::string key =
            eq == std::string::npos ? std::string() : lower(trim(line.substr(0, eq)));
        std::string device;
        if (key == "displayname") {
            line = "displayName = \"" + (cloneName.empty() ? target.stem().string() : cloneName)
                   + "\"";
        } else if (key == "uuid.bios" || key == "uuid.location"
                   || (key.size() > 17
                       && key.compare(key.size() - 17, 17, ".generatedaddress") == 0)
                   || key.find(".generatedaddressoffset") != std::string::npos) {
            continue;
        } else if (isDiskKey(key, &device) && isTrue(vmx->get(device + ".present"))
                   && !isCdrom(vmx->get(device + ".deviceType"))
                   && !isPassthrough(vmx->get(device + ".deviceType"))) {
            const auto it = snapshotDisks.find(device);
            if (it == snapshotDisks.end()) {
                undo();
                failWith("vmrun double: the snapshot \"" + snapshot + "\" has no disk for " + device
                         + " (double)");
            }
            const fs::path parent = resolve(folder, it->second);
            std::string child = parent.stem().string() + "-cl1.vmdk";
            for (int n = 2;
                 std::find(made.begin(), made.end(), (target.parent_path() / child).string())
                 != made.end();
                 ++n)
                child = parent.stem().string() + "-cl" + std::to_string(n) + ".vmdk";
            const std::string childPath = (target.parent_path() / child).string();
            const pid_t pid = ::fork();
            if (pid == 0) {
                ::execlp("qemu-img", "qemu-img", "create", "-q", "-f", "vmdk", "-o",
                         "subformat=monolithicSparse", "-b", parent.string().c_str(), "-F", "vmdk",
                         childPath.c_str(), static_cast<char *>(nullptr));
                ::_exit(127);
            }
            int status = -1;
            if (pid < 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)
                || WEXITSTATUS(status) != 0) {
                undo();
                failWith("Cannot open the disk '" + parent.string()
                         + "' or one of the snapshot disks it depends on. Reason: qemu-img "
                           "could not make its child (double).");
            }
            made.push_back(childPath);
            line = trim(line.substr(0, eq)) + " = \"" + child + "\"";
        }
        out += line + (cr ? "\r\n" : "\n");
    }
    std::ofstream file(target, std::ios::binary | std::ios::trunc);
    file << out;
    if (!file) {
        undo();
        failWith("vmrun double: cannot write " + target.string() + " (double)");
    }
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (const std::string log = env("FAKE_VMRUN_LOG"); !log.empty()) {
        std::ofstream out(log, std::ios::app);
        out << ::getpid();
        for (const auto &a : args)
            out << '\t' << a;
        out << '\n';
    }
    if (args.size() < 2 || args[0] != "-T")
        failWith("vmrun double: expected \"-T player|ws\" first; vmeclone always names the product "
                 "(double)");
    const std::string type = args[1];
    if (type != "player" && type != "ws")
        failWith("Unknown host type \"" + type + "\": this double knows player and ws (double)");
    if (args.size() < 3)
        failWith("Unrecognized command: (none)");
    const std::string verb = args[2];
    const std::vector<std::string> rest(args.begin() + 3, args.end());

    std::string mode;
    if (verb == "stop" && rest.size() == 2)
        mode = rest[1];
    if (hangs(verb, mode))
        hangForever();

    if (verb == "start") {
        if (rest.empty() || rest.size() > 2
            || (rest.size() == 2 && rest[1] != "gui" && rest[1] != "nogui"))
            badArguments(verb, "start <vmx> [gui|nogui]");
        return start(rest[0]);
    }
    if (verb == "stop") {
        if (rest.empty() || rest.size() > 2
            || (rest.size() == 2 && rest[1] != "soft" && rest[1] != "hard"))
            badArguments(verb, "stop <vmx> [soft|hard]");
        return stop(rest[0], rest.size() == 2 ? rest[1] : "soft");
    }
    if (verb == "list") {
        if (!rest.empty())
            badArguments(verb, "list");
        return list();
    }
    if (verb == "getGuestIPAddress") {
        if (rest.empty() || rest.size() > 2 || (rest.size() == 2 && rest[1] != "-wait"))
            badArguments(verb, "getGuestIPAddress <vmx> [-wait]");
        return guestIp(rest[0], rest.size() == 2);
    }
    // Player has no clone and no snapshots: vmeclone copies and links disks itself.
    if (verb == "clone" && type == "ws")
        return cloneVm(rest);
    static const char *const snapshotting[] = {"clone", "snapshot", "deleteSnapshot",
                                               "revertToSnapshot", "listSnapshots"};
    const bool snapshotVerb = std::any_of(std::begin(snapshotting), std::end(snapshotting),
                                          [&](const char *v) { return verb == v; });
    if (snapshotVerb && type == "player")
        failWith("The operation is not supported");
    static const char *const other[] = {"reset",        "suspend",          "pause",
                                        "unpause",      "deleteVM",         "upgradevm",
                                        "installTools", "checkToolsState",  "register",
                                        "unregister",   "listRegisteredVM", "runProgramInGuest",
                                        "readVariable", "writeVariable"};
    if (snapshotVerb || std::any_of(std::begin(other), std::end(other), [&](const char *v) {
            return verb == v;
        }))
        failWith("vmrun double: \"" + verb
                 + "\" is a vmrun command vmeclone does not use (double)");
    failWith("Unrecognized command: " + verb);
}
