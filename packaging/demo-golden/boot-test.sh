#!/usr/bin/env bash
# Boots a demo golden under QEMU (TCG) in a fresh network namespace and checks the whole
# boot path: kernel, initramfs modules, switch_root, init script, agent, fw_cfg identity,
# one UDP datagram from the guest to the console, a guest-initiated reboot, the QEMU guest
# agent's answers over its virtio-serial channel, and a clean ACPI power-off by QEMU's
# system_powerdown. Prints the measured boot times.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
self="$here/$(basename "${BASH_SOURCE[0]}")"
readonly here self

usage() {
    cat <<EOF
Usage: $(basename "$0") [options] DIR

Boots the golden in DIR (vmeclone-demo.json and its files, as build-demo-golden.sh makes
them) on a throw-away qcow2 overlay, and checks it. The golden itself is not written.

  --kernel FILE    boot this kernel instead of the json's (e.g. the bzImage, to compare)
  --memory MB      guest memory instead of the json's memory_mb
  --cmdline TEXT   kernel command line instead of the json's
  --timeout S      seconds allowed for each step (default 120)
  --no-reboot-check  the agent is not expected to reboot the guest once (a real agent
                   whose identity needs no reboot); the stand-in always reboots once
  --log FILE       keep the guest's serial log here
  -h, --help       this text

QEMU and the UDP listener run inside 'unshare --net' with only loopback up: the guest's
datagram to 192.168.1.2:PORT arrives at 127.0.0.1:PORT of that namespace and nothing can
leave the machine. The guest's qemu-ga is reached as the QEMU backend reaches it: a virtio-serial
port org.qemu.guest_agent.0 on a unix socket (here in a temporary folder). Needs root (or
unprivileged user namespaces), python3, qemu-system-x86.
EOF
}

die() {
    echo "boot-test: error: $*" >&2
    exit 2
}

kernel="" memory="" cmdline="" timeout=120 reboot_check=1 keep_log="" dir="" in_netns=0
while [ $# -gt 0 ]; do
    case "$1" in
    --kernel) [ $# -ge 2 ] || die "--kernel needs a file"; kernel="$2"; shift 2 ;;
    --memory) [ $# -ge 2 ] || die "--memory needs a size in MiB"; memory="$2"; shift 2 ;;
    --cmdline) [ $# -ge 2 ] || die "--cmdline needs text"; cmdline="$2"; shift 2 ;;
    --timeout) [ $# -ge 2 ] || die "--timeout needs seconds"; timeout="$2"; shift 2 ;;
    --no-reboot-check) reboot_check=0; shift ;;
    --log) [ $# -ge 2 ] || die "--log needs a file"; keep_log="$2"; shift 2 ;;
    --in-netns) in_netns=1; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) [ -z "$dir" ] || die "more than one DIR given ('$dir', '$1')"; dir="$1"; shift ;;
    esac
done
[ -n "$dir" ] || die "no DIR given: pass the folder build-demo-golden.sh built (see --help)"
case "$timeout" in '' | *[!0-9]*) die "--timeout '$timeout' is not a whole number of seconds" ;; esac
case "$memory" in *[!0-9]*) die "--memory '$memory' is not a whole number of MiB" ;; esac

if [ "$in_netns" -eq 0 ]; then
    for tool in python3 qemu-system-x86_64 qemu-img unshare ip e2fsck; do
        command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing (apt-get install python3 qemu-system-x86 qemu-utils util-linux iproute2 e2fsprogs)"
    done
    [ -f "$dir/vmeclone-demo.json" ] || die "'$dir' holds no vmeclone-demo.json: build it with build-demo-golden.sh --out '$dir'"
    dir="$(cd "$dir" && pwd)"
    [ -z "$kernel" ] || kernel="$(cd "$(dirname "$kernel")" && pwd)/$(basename "$kernel")"
    [ -z "$keep_log" ] || keep_log="$(cd "$(dirname "$keep_log")" && pwd)/$(basename "$keep_log")"
    args=(--in-netns --timeout "$timeout")
    [ -z "$kernel" ] || args+=(--kernel "$kernel")
    [ -z "$memory" ] || args+=(--memory "$memory")
    [ -z "$cmdline" ] || args+=(--cmdline "$cmdline")
    [ -z "$keep_log" ] || args+=(--log "$keep_log")
    [ "$reboot_check" -eq 1 ] || args+=(--no-reboot-check)
    # Every guest boot on this machine runs in a namespace of its own: nothing can leave.
    userns=()
    [ "$(id -u)" -eq 0 ] || userns=(--map-root-user)
    exec unshare "${userns[@]}" --net -- bash "$self" "${args[@]}" "$dir"
fi

# ---------------------------------------------------------------- inside the namespace --
ip link set lo up

json="$dir/vmeclone-demo.json"
field() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]; print(v)' "$json" "$1"; }
[ -n "$kernel" ] || kernel="$dir/$(field kernel)"
initrd="$dir/$(field initrd)"
disk="$dir/$(field disk)"
[ -n "$memory" ] || memory="$(field memory_mb)"
[ -n "$cmdline" ] || cmdline="$(field cmdline)"
for f in "$kernel" "$initrd" "$disk"; do
    [ -f "$f" ] || die "'$f' (named by $json) does not exist: rebuild the golden"
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/vmeclone-boot-test.XXXXXX")"
qemu_pid="" listener_pid="" qga_pid=""
cleanup() {
    [ -z "$qemu_pid" ] || kill "$qemu_pid" 2>/dev/null || true
    [ -z "$listener_pid" ] || kill "$listener_pid" 2>/dev/null || true
    [ -z "$qga_pid" ] || kill "$qga_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    if [ -n "$keep_log" ] && [ -f "$tmp/serial.log" ]; then cp "$tmp/serial.log" "$keep_log"; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "boot-test: PASS $*"; }
fail() { failed=$((failed + 1)); echo "boot-test: FAIL $*"; }

# A clone's identity, as the QEMU backend hands it over: 192.168.1.177 with its static MAC
# (the low 22 bits of the IP in 00:50:56:00:00:00-3F:FF:FF, DESIGN.md §3).
readonly guest_ip=192.168.1.177 console_ip=192.168.1.2 port=9176
instance="boot-test-$$-$RANDOM"
IFS=. read -r a b c d <<<"$guest_ip"
low22=$(((a << 24 | b << 16 | c << 8 | d) & 0x3fffff))
mac="$(printf '00:50:56:%02x:%02x:%02x' $((low22 >> 16)) $((low22 >> 8 & 0xff)) $((low22 & 0xff)))"
cat >"$tmp/identity" <<EOF
version=1
instance=$instance
ip=$guest_ip
prefix=24
hostname=vm177
mac=$mac
console=$console_ip
port=$port
heartbeat=2
EOF

qemu-img create -q -f qcow2 -b "$disk" -F qcow2 "$tmp/disk.qcow2" || die "cannot make an overlay on '$disk'"

# The console's side: 127.0.0.1:PORT of this namespace is where slirp delivers the
# guest's datagrams to 192.168.1.2:PORT.
python3 - "$port" "$tmp/datagrams" "$tmp/listener.ready" <<'EOF' &
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
open(sys.argv[3], "w").close()
with open(sys.argv[2], "ab", buffering=0) as out:
    while True:
        data, peer = s.recvfrom(65535)
        # Announcements are binary: printable ASCII stays, anything else becomes \xNN.
        text = "".join(chr(b) if 32 <= b < 127 else "\\x%02x" % b for b in data)
        out.write(("%s:%d %d bytes: %s\n" % (peer[0], peer[1], len(data), text)).encode())
EOF
listener_pid=$!

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }

# Waits until the condition command succeeds, QEMU dies or the step's time is up.
wait_until() { # description command...
    local what="$1" deadline
    shift
    deadline=$(($(date +%s) + timeout))
    until "$@"; do
        if [ -n "$qemu_pid" ] && ! kill -0 "$qemu_pid" 2>/dev/null; then
            echo "boot-test: QEMU exited while waiting for $what"
            return 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "boot-test: no $what within ${timeout}s"
            return 1
        fi
        sleep 0.05
    done
}
# The serial log has CRLF line ends.
serial() { tr -d '\r' 2>/dev/null <"$tmp/serial.log" || true; }
# The init script and the agent share the console, so their lines can interleave: match
# inside lines, and count matches rather than lines.
log_has() { serial | grep -qE "$1"; }
log_count_at_least() { [ "$(serial | grep -oE "$1" | wc -l)" -ge "$2" ]; }
log_has_text() { serial | grep -qF "$1"; }

wait_until "UDP listener" test -e "$tmp/listener.ready" || die "the UDP listener did not start"

qemu=(qemu-system-x86_64 -machine pc -accel tcg -m "$memory" -smp 1
    -display none -serial "file:$tmp/serial.log" -monitor none
    -qmp "unix:$tmp/qmp.sock,server=on,wait=off"
    -kernel "$kernel" -initrd "$initrd" -append "$cmdline"
    -drive "file=$tmp/disk.qcow2,if=virtio,format=qcow2"
    -netdev "user,id=n0,net=192.168.1.0/24,host=$console_ip"
    -device "virtio-net-pci,netdev=n0,mac=$mac"
    -fw_cfg "name=opt/vmeclone/identity,file=$tmp/identity"
    -chardev "socket,id=qga0,path=$tmp/qga.sock,server=on,wait=off"
    -device "virtio-serial-pci,id=vser0"
    -device "virtserialport,bus=vser0.0,chardev=qga0,name=org.qemu.guest_agent.0")
echo "boot-test: booting $(basename "$kernel") with ${memory} MiB, cmdline '$cmdline'"
t0="$(now)"
"${qemu[@]}" 2>"$tmp/qemu.err" &
qemu_pid=$!

# The host's side of qemu-ga from the first moment: guest-sync-delimited (its answer comes
# after a 0xFF byte) with a fresh id every 0.25 s until one is answered, then the checks.
# A guest reboot in between (the stand-in reboots once) only means syncing again. Writes
# "key value" lines to qga.result; "finished" ends them.
python3 - "$tmp/qga.sock" "$t0" "$((2 * timeout))" "$tmp/qga.result" <<'EOF' >"$tmp/qga.err" 2>&1 &
import base64, json, socket, sys, time

path, t0, limit, result = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
deadline = time.time() + limit
out = open(result, "w", buffering=1)

def put(key, value):
    out.write("%s %s\n" % (key, value))

s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
while True:
    try:
        s.connect(path)
        break
    except (FileNotFoundError, ConnectionRefusedError):
        if time.time() > deadline:
            put("error", "no QEMU chardev socket at " + path)
            put("finished", 1)
            sys.exit(1)
        time.sleep(0.05)

buf = b""
def fill(until):
    global buf
    left = min(until, deadline) - time.time()
    if left <= 0:
        raise TimeoutError
    s.settimeout(left)
    data = s.recv(65536)
    if not data:
        raise EOFError("QEMU closed the qemu-ga channel")
    buf += data

def send(command, **arguments):
    message = {"execute": command}
    if arguments:
        message["arguments"] = arguments
    s.sendall(json.dumps(message).encode() + b"\n")

next_id = 12345
def sync(wait):
    """True when qemu-ga answered this sync within wait seconds."""
    global buf, next_id
    sid, next_id = next_id, next_id + 1
    send("guest-sync-delimited", id=sid)
    until = time.time() + wait
    while True:
        # Answers to earlier syncs (queued while qemu-ga was not there yet) come first.
        if b"\xff" in buf:
            buf = buf[buf.index(b"\xff") + 1:]
            while b"\n" not in buf:
                fill(until)
            line, buf = buf.split(b"\n", 1)
            try:
                if json.loads(line).get("return") == sid:
                    return True
            except ValueError:
                pass
            continue
        try:
            fill(until)
        except TimeoutError:
            if time.time() >= deadline:
                raise
            return False

def execute(command, **arguments):
    global buf
    send(command, **arguments)
    until = time.time() + 5
    while True:
        while b"\n" not in buf:
            fill(until)
        line, buf = buf.split(b"\n", 1)
        line = line.replace(b"\xff", b"").strip()
        if not line:
            continue
        reply = json.loads(line)
        if "error" in reply:
            raise RuntimeError("%s: %s" % (command, reply["error"].get("desc", reply["error"])))
        return reply["return"]

def read_file(name):
    handle = execute("guest-file-open", path=name)
    read = execute("guest-file-read", handle=handle, count=65536)
    execute("guest-file-close", handle=handle)
    return base64.b64decode(read["buf-b64"]).decode()

first = None
try:
    while True:
        try:
            while not sync(0.25):
                pass
            if first is None:
                first = time.time()
                put("answered", "%.2f" % (first - t0))
            # Files through guest-file-open/read/close: how long after its boot qemu-ga
            # answered, and the memory left with it running.
            uptime = read_file("/proc/uptime").split()[0]
            available = [int(l.split()[1]) // 1024 for l in read_file("/proc/meminfo").splitlines()
                         if l.startswith("MemAvailable:")][0]
            host = execute("guest-get-host-name")["host-name"]
            nics = execute("guest-network-get-interfaces")
            osinfo = execute("guest-get-osinfo")
            break
        except TimeoutError:
            if time.time() >= deadline:
                raise
            # The guest went away in the middle (its reboot): sync again.
    put("uptime", uptime)
    put("available", available)
    put("hostname", host)
    put("interfaces", " ".join("%s=%s" % (n.get("name"), n.get("hardware-address", "-").lower()) for n in nics))
    put("os", "%s %s %s" % (osinfo.get("id"), osinfo.get("version-id"), osinfo.get("kernel-release")))
except TimeoutError:
    put("error", "qemu-ga did not answer within %gs" % limit if first is None
        else "qemu-ga answered once but not the checks after it")
except Exception as e:
    put("error", "%s: %s" % (type(e).__name__, e))
put("finished", 1)
EOF
qga_pid=$!

readonly rcs_line='vmeclone-demo: [^ ]+ up in [0-9.]+s'
readonly agent_line='Starting vmeclone-agent: \[  OK  \]'
if wait_until "init script" log_has "$rcs_line"; then
    t_rcs="$(now)"
    pass "init script ran (switch_root to /dev/vda worked) after $(elapsed "$t0" "$t_rcs")s on the host clock, guest uptime $(serial | grep -m1 -oE 'up in [0-9.]+s( \([0-9]+ MiB available\))?')"
else
    fail "init script never ran; serial log tail:"; tail -n 20 "$tmp/serial.log" 2>/dev/null || true
fi
if wait_until "agent start" log_has "$agent_line"; then
    pass "agent started after $(elapsed "$t0" "$(now)")s on the host clock"
else
    fail "the init script did not start the agent"
fi

stand_in=0
log_has '^vmeclone-agent stand-in:' && stand_in=1
if [ "$stand_in" -eq 1 ]; then
    # fw_cfg reaches the guest byte for byte (the stand-in prints it with newlines as spaces).
    expected="vmeclone-agent stand-in: fw_cfg says: $(tr '\n' ' ' <"$tmp/identity" | sed 's/ $//')"
    if wait_until "fw_cfg identity" log_has_text "$expected"; then
        pass "the guest read its identity from fw_cfg (instance $instance)"
    else
        fail "the stand-in did not print the fw_cfg identity; expected: $expected"
    fi
fi

if [ "$reboot_check" -eq 1 ]; then
    if wait_until "second boot" log_count_at_least "$rcs_line" 2; then
        pass "guest-initiated reboot restarted the guest (second boot, guest uptime $(serial | grep -oE 'up in [0-9.]+s( \([0-9]+ MiB available\))?' | sed -n 2p))"
    else
        fail "the guest did not come back after its reboot"
    fi
    if wait_until "agent start after the reboot" log_count_at_least "$agent_line" 2; then
        pass "agent started again after the reboot, $(elapsed "$t0" "$(now)")s after QEMU started"
    else
        fail "the agent did not start after the reboot"
    fi
fi

if wait_until "UDP datagram at 127.0.0.1:$port" test -s "$tmp/datagrams"; then
    pass "a datagram from the guest arrived: $(head -n 1 "$tmp/datagrams" | cut -c1-160)"
    if [ "$stand_in" -eq 1 ] && ! grep -q "ip=$guest_ip instance=$instance" "$tmp/datagrams"; then
        fail "the datagram does not carry this boot's ip and instance"
    fi
else
    fail "no datagram from the guest reached 127.0.0.1:$port"
fi

# qemu-ga, as the host's checks use it: hostname, interfaces (the MAC QEMU gave the NIC),
# OS info from /etc/os-release and a file read.
qga() { sed -n "s/^$1 //p" "$tmp/qga.result" 2>/dev/null | head -n 1; }
qga_done() { [ -n "$(qga finished)" ]; }
if wait_until "qemu-ga's answers" qga_done && [ -z "$(qga error)" ]; then
    # The hostname rcS set from /etc/hostname, or the identity's if the agent applied it.
    hostnames=" $(serial | sed -n 's/.*vmeclone-demo: \([^ ]*\) up in .*/\1/p' | tr '\n' ' ')$(sed -n 's/^hostname=//p' "$tmp/identity") "
    pass "qemu-ga answered $(qga answered)s after QEMU started (guest uptime $(qga uptime)s when it answered the checks); $(qga available) MiB available with it running"
    case "$hostnames" in
    *" $(qga hostname) "*) pass "qemu-ga: guest-get-host-name says '$(qga hostname)'" ;;
    *) fail "qemu-ga: guest-get-host-name says '$(qga hostname)', expected one of:$hostnames" ;;
    esac
    case " $(qga interfaces) " in
    *"=$mac "*) pass "qemu-ga: guest-network-get-interfaces has the NIC $mac ($(qga interfaces))" ;;
    *) fail "qemu-ga: guest-network-get-interfaces has no interface with MAC $mac: $(qga interfaces)" ;;
    esac
    case "$(qga os)" in
    "vmeclone-demo "*) pass "qemu-ga: guest-get-osinfo says $(qga os)" ;;
    *) fail "qemu-ga: guest-get-osinfo says '$(qga os)', expected id vmeclone-demo" ;;
    esac
else
    fail "qemu-ga did not answer over org.qemu.guest_agent.0: $(qga error)$(qga_done || echo "no answer within ${timeout}s") $(tail -n 3 "$tmp/qga.err" 2>/dev/null)"
fi
[ -z "$qga_pid" ] || { kill "$qga_pid" 2>/dev/null || true; wait "$qga_pid" 2>/dev/null || true; qga_pid=""; }

# ACPI power button: QEMU's system_powerdown must end in an orderly shutdown.
python3 - "$tmp/qmp.sock" <<'EOF' || fail "cannot send system_powerdown over QMP"
import json, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
f = s.makefile("rw")
f.readline()  # greeting
for cmd in ("qmp_capabilities", "system_powerdown"):
    f.write(json.dumps({"execute": cmd}) + "\n")
    f.flush()
    while True:
        reply = json.loads(f.readline())
        if "return" in reply or "error" in reply:
            break
    if "error" in reply:
        sys.exit("QMP %s: %s" % (cmd, reply["error"]))
EOF
t_off="$(now)"
qemu_exited() { ! kill -0 "$qemu_pid" 2>/dev/null; }
if wait_until "power-off" qemu_exited; then
    qemu_rc=0
    wait "$qemu_pid" || qemu_rc=$?
    qemu_pid=""
    if [ "$qemu_rc" -eq 0 ] && log_has 'Stopping vmeclone-agent' && log_has 'reboot: Power down'; then
        pass "system_powerdown stopped the agent and powered off in $(elapsed "$t_off" "$(now)")s"
    else
        fail "QEMU exited with $qemu_rc after system_powerdown, without a clean shutdown in the log: $(cat "$tmp/qemu.err")"
    fi
    # The root file system was unmounted or made read-only: no journal to replay.
    qemu-img convert -O raw "$tmp/disk.qcow2" "$tmp/disk.raw"
    if e2fsck -fn "$tmp/disk.raw" >"$tmp/e2fsck.log" 2>&1 && ! dumpe2fs -h "$tmp/disk.raw" 2>/dev/null | grep -q needs_recovery; then
        pass "the root file system is clean after the power-off"
    else
        fail "the root file system was not left clean: $(tail -n 5 "$tmp/e2fsck.log")"
    fi
else
    fail "the guest ignored system_powerdown"
fi

echo "boot-test: serial log:"
serial | sed 's/^/  | /'
echo "boot-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
