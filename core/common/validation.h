#pragma once
// What an operator gave that the engine refuses, in words a program can act on: which
// input (Field) and what is wrong with it (Problem), besides the English message. The
// engine owns every rule; each front end words a refusal its own way: the CLI with its
// flag names (app/cli), the console with translated field labels (ui/). So no message of
// core names a CLI flag or a widget, and the clone dialog never reads a message's text.
//
// The names (fieldName, problemName) are stable: the CLI's --json prints them.

#include <QString>

namespace vmeclone {

// An input of a request, whatever front end it came through.
enum class Field {
    None,
    GoldenPath,     // "golden-path": the golden's machine description (.json) or .vmx
    GoldenName,     // "name"
    NamePrefix,     // "name-prefix": clones are named <prefix><suffix>
    Subnet,         // "subnet"
    Suffix,         // "suffix": the golden's own host number in its subnet
    Gateway,        // "gateway"
    ConsoleAddress, // "console-address": VMware: this host's address on the VMs' network
    Dns,            // "dns"
    Golden,         // "golden": the golden a plan or clone uses (by name)
    Range,          // "range": the addresses of a plan, clone, start, stop or release
    CloneMode,      // "mode": linked or full
    Home,           // "home": the data folder
    TempDir,        // "temp-dir": where the golden check may put a raw copy of a disk
    Vmrun,          // "vmrun": VMware's vmrun program
    RemoteCommand,  // "remote-command": the path of vmeclone on another host
    Hosts,          // "hosts": the hosts a head works on
    Network,        // "network": a VMware golden's network adapters (none: refused unless allowed)
    Nics,           // "nics": a VMware golden's further NICs and their subnets
    VmwareClone,    // "vmware-clone": linked clones made by VMware (vmrun clone) instead
};

// What is wrong with a field's value.
enum class Problem {
    None,
    Missing,           // "missing": needed, neither given nor said by the golden
    NotFound,          // "not-found": no such file, folder or golden
    UnknownFormat,     // "unknown-format": not a file of a kind vmeclone reads
    Unreadable,        // "unreadable": of that kind, but it cannot be read as one
    ControlCharacters, // "control-characters": hidden characters (never printed back)
    TooLong,           // "too-long"
    NotAFolderName,    // "not-a-folder-name": cannot name a clone's folder
    NotANumber,        // "not-a-number"
    NotASubnet,        // "not-a-subnet": not CIDR, or host bits set
    NotAnAddress,      // "not-an-address": not an IPv4 address
    NotAHostAddress,   // "not-a-host-address": outside the subnet, its network or broadcast
    GoldenOwnAddress,  // "golden-own-address": the golden's own address, given for another use
    Unreachable,       // "unreachable": the clones could not reach it (outside, no gateway)
    TooMany,           // "too-many"
    Taken,             // "taken": another golden or shard has it already
    InUse,             // "in-use": a VM has it
    Ambiguous,         // "ambiguous": several would do: choose one
    Unknown,           // "unknown": not one of the values allowed
    InvalidRange,      // "invalid-range": a range that cannot be read (syntax, outside)
    Empty,             // "empty": nothing to choose from
    NoRoom,            // "no-room": a file system without the room needed
    NotWritable,       // "not-writable": nothing can be created there
};

QString fieldName(Field field);       // "suffix"; "" for None
QString problemName(Problem problem); // "not-a-host-address"; "" for None

// Control and format characters (newlines, terminal escapes, bidi overrides): nothing an
// operator can see in a table or a log line, and some rewrite the terminal. A value
// with them is refused (Problem::ControlCharacters) and never printed back.
bool hasHiddenCharacters(const QString &text);

} // namespace vmeclone
