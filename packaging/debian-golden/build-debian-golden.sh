#!/usr/bin/env bash
# Builds a real Debian 12 golden image for vmeclone's QEMU backend with mmdebstrap: systemd,
# openssh-server, qemu-guest-agent and the vmeclone agent (installed from its .deb with
# dpkg, as docs/golden-image.md tells operators), in one of three variants, one per network
# stack the guest families use. The disk is made with mke2fs -d (no mounts); the guest boots
# its own kernel and initramfs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly here

# The guest's shape. systemd, sshd, NetworkManager and the agent fit in 256 MiB; 384 leaves
# room for a distribution's upgrades. The disk is sparse: 2 GiB to grow into.
readonly memory_mb=384
readonly disk_size="2G"
readonly golden_suffix=176
readonly golden_subnet="192.168.1.0/24"
# The clones' gateway and name server are given at `golden add` (--gateway 192.168.1.2
# --dns 192.168.1.3: QEMU's host and DNS aliases, core/hypervisor/qemu_backend.cpp).
# The MAC QEMU gives a NIC when none is set: the one a golden prepared under plain QEMU has
# (on its default user network, 10.0.2.0/24), and which its own network configuration names.
readonly golden_mac="52:54:00:12:34:56"
# ro: the root is mounted read-only until systemd checks and remounts it, as Debian's
# boot loader does (so systemd's first-boot machine-id handling is the one operators see).
# quiet: the kernel log over the emulated serial port slows the boot. panic=-1: a
# panicking guest restarts instead of hanging.
readonly cmdline="root=/dev/vda ro console=ttyS0 quiet panic=-1"

# Every variant: systemd as init, udev, the kernel with initramfs-tools, sshd and QEMU's
# guest agent. Recommends are not installed (mmdebstrap's default).
readonly common_packages="systemd-sysv udev dbus kmod iproute2 procps linux-image-amd64 initramfs-tools openssh-server qemu-guest-agent"
# Modules the guest loads (virtio devices, fw_cfg for the identity, the ACPI power button)
# with what modules.dep says they need: the rest of the kernel's 390 MB of modules is
# removed from the image.
readonly kept_modules="virtio_pci virtio_blk virtio_net virtio_console virtio_rng qemu_fw_cfg ext4 crc32c_generic button evdev sch_fq_codel"
# The initramfs (MODULES=list) holds only what mounting the root disk needs.
readonly initramfs_modules="virtio_pci virtio_blk ext4 crc32c_generic"

usage() {
    cat <<EOF
Usage: $(basename "$0") --variant VARIANT --agent-deb DEB --out DIR [--cache DIR] [--force]

Builds a Debian 12 (bookworm) golden image with mmdebstrap into DIR:
  vmlinuz                 Debian's kernel (linux-image-amd64)
  initrd.img              its initramfs (initramfs-tools, MODULES=list: virtio, ext4)
  debian-VARIANT.qcow2    2 GiB ext4 root disk (whole disk, no partition table)
  debian-VARIANT.json     the machine description the QEMU backend reads

  --variant VARIANT  the network stack:
                       ifupdown        Debian's /etc/network/interfaces (isc-dhcp-client)
                       networkmanager  NetworkManager with keyfiles (the RHEL/Fedora stack)
                       netplan         netplan with systemd-networkd and systemd-resolved
                                       (the Ubuntu stack)
  --agent-deb DEB    the agent's package (packaging/agent), installed with dpkg -i
  --out DIR          output folder; it is replaced as a whole, atomically
  --cache DIR        where downloaded .deb packages are kept between builds (default:
                     \$VMECLONE_CACHE_DIR/debian-golden, else $here/cache)
  --force            rebuild even when DIR is up to date
  -h, --help         this text

The golden is prepared as docs/golden-image.md says: the agent installed from its package
and enabled, the golden's own network configuration bound to its MAC $golden_mac,
machine-id emptied, SSH host keys removed with a drop-in that makes them at sshd's start, no
DHCP leases. No docs, man pages or locales. Needs mmdebstrap, e2fsprogs and qemu-utils, and
Debian's mirror (or the cache); run as root (mmdebstrap's root mode) or where unprivileged
user namespaces work (its unshare mode).
EOF
}

die() {
    echo "build-debian-golden: error: $*" >&2
    exit 1
}
note() { echo "build-debian-golden: $*"; }

variant="" agent_deb="" out="" force=0
cache="${VMECLONE_CACHE_DIR:+$VMECLONE_CACHE_DIR/debian-golden}"
cache="${cache:-$here/cache}"
while [ $# -gt 0 ]; do
    case "$1" in
    --variant) [ $# -ge 2 ] || die "--variant needs a name"; variant="$2"; shift 2 ;;
    --variant=*) variant="${1#*=}"; shift ;;
    --agent-deb) [ $# -ge 2 ] || die "--agent-deb needs a path"; agent_deb="$2"; shift 2 ;;
    --agent-deb=*) agent_deb="${1#*=}"; shift ;;
    --out) [ $# -ge 2 ] || die "--out needs a folder"; out="$2"; shift 2 ;;
    --out=*) out="${1#*=}"; shift ;;
    --cache) [ $# -ge 2 ] || die "--cache needs a folder"; cache="$2"; shift 2 ;;
    --cache=*) cache="${1#*=}"; shift ;;
    --force) force=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
    esac
done
case "$variant" in
ifupdown) variant_packages="ifupdown isc-dhcp-client" ;;
networkmanager) variant_packages="network-manager" ;;
netplan) variant_packages="netplan.io systemd-resolved" ;;
"") die "no --variant given: ifupdown, networkmanager or netplan (see --help)" ;;
*) die "unknown --variant '$variant': give ifupdown, networkmanager or netplan" ;;
esac
[ -n "$agent_deb" ] || die "no --agent-deb given: build the agent-deb target and pass build/packages/vmeclone-agent_*_amd64.deb"
[ -f "$agent_deb" ] || die "the agent package '$agent_deb' does not exist: build the agent-deb target first"
[ -n "$out" ] || die "no --out given: pass the folder to build the golden into (see --help)"
agent_deb="$(cd "$(dirname "$agent_deb")" && pwd)/$(basename "$agent_deb")"
readonly machine_name="debian-$variant"

need_tool() { # tool package
    command -v "$1" >/dev/null 2>&1 || die "'$1' is missing: install the Debian package $2 (apt-get install $2)"
}
need_tool mmdebstrap mmdebstrap
need_tool mke2fs e2fsprogs
need_tool qemu-img qemu-utils
need_tool dpkg-deb dpkg
need_tool sha256sum coreutils
dpkg-deb -f "$agent_deb" Package 2>/dev/null | grep -qx vmeclone-agent ||
    die "'$agent_deb' is not the vmeclone-agent package"

# --- output folder -----------------------------------------------------------------------
readonly outputs="vmlinuz initrd.img $machine_name.qcow2 $machine_name.json"
out="${out%/}"
[ -n "$out" ] || die "--out / would replace the root folder; pass a folder of its own"
mkdir -p "$(dirname "$out")" || die "cannot create the parent folder of '$out'"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
[ ! -e "$out" ] || [ -d "$out" ] || die "'$out' exists and is not a folder: pass a new or empty folder as --out"
if [ -d "$out" ]; then
    for f in "$out"/* "$out"/.[!.]*; do
        [ -e "$f" ] || [ -L "$f" ] || continue
        case " $outputs " in *" $(basename "$f") "*) ;;
        *) die "'$out' holds '$(basename "$f")', which this builder did not make; it replaces the whole folder, so pass a new or empty folder as --out" ;;
        esac
    done
fi

tmp=""
cleanup() { [ -z "$tmp" ] || rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

mkdir -p "$cache" || die "cannot create the cache folder '$cache' (pass another with --cache)"
cache="$(cd "$cache" && pwd)"

# --- inputs hash: this script, the agent, the variant and the versions apt offers now -----
# shellcheck disable=SC2086
versions="$(apt-cache show --no-all-versions $common_packages $variant_packages 2>/dev/null |
    awk '/^Package:/ {p = $2} /^Version:/ && p != "" {print p, $2; p = ""}' | LC_ALL=C sort)" || true
hash="$({
    echo "vmeclone-debian-golden inputs 1 $variant"
    sha256sum <"$here/build-debian-golden.sh"
    sha256sum <"$agent_deb"
    echo "$versions"
} | sha256sum | cut -d' ' -f1)"
if [ "$force" -eq 0 ] && [ -s "$out/$machine_name.json" ] &&
    grep -q "\"inputs_hash\": \"$hash\"" "$out/$machine_name.json" &&
    [ -s "$out/vmlinuz" ] && [ -s "$out/initrd.img" ] && [ -s "$out/$machine_name.qcow2" ]; then
    note "Debian golden ($variant) up to date: $out"
    exit 0
fi

tmp="$(mktemp -d "$(dirname "$out")/.$(basename "$out").build.XXXXXX")"
root="$tmp/root" stage="$tmp/stage"
mkdir -p "$stage"
started=$SECONDS
note "building the $variant golden in $tmp"

# --- the golden's own network configuration, as it was when the golden ran ----------------
# Each names the golden's NIC the way that stack does, so the agent must replace or rebind it.
net_hook=""
case "$variant" in
ifupdown)
    net_hook='printf "%s\n" "auto lo" "iface lo inet loopback" "" "allow-hotplug ens3" "iface ens3 inet dhcp" >"$1/etc/network/interfaces"'
    ;;
networkmanager)
    net_hook='mkdir -p "$1/etc/NetworkManager/system-connections" && printf "%s\n" "[connection]" "id=Wired connection 1" "uuid=5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03" "type=ethernet" "" "[ethernet]" "mac-address='"$golden_mac"'" "" "[ipv4]" "method=auto" "" "[ipv6]" "method=ignore" >"$1/etc/NetworkManager/system-connections/Wired connection 1.nmconnection" && chmod 600 "$1/etc/NetworkManager/system-connections/Wired connection 1.nmconnection"'
    ;;
netplan)
    net_hook='mkdir -p "$1/etc/netplan" && printf "%s\n" "network:" "  version: 2" "  renderer: networkd" "  ethernets:" "    ens3:" "      match:" "        macaddress: \"'"$golden_mac"'\"" "      set-name: ens3" "      dhcp4: true" >"$1/etc/netplan/50-cloud-init.yaml" && chmod 600 "$1/etc/netplan/50-cloud-init.yaml" && chroot "$1" systemctl enable systemd-networkd systemd-resolved'
    ;;
esac

# --- mmdebstrap ---------------------------------------------------------------------------
# Downloads are kept in the cache (mmdebstrap's sync-in/sync-out hooks); the essential
# packages' .debs stay there too (--skip=essential/unlink).
# shellcheck disable=SC2016
mmdebstrap --variant=apt --mode=auto --skip=essential/unlink \
    --include="${common_packages// /,},${variant_packages// /,}" \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-include=/usr/share/locale/locale.alias' \
    --dpkgopt='path-exclude=/usr/share/lintian/*' \
    --setup-hook='mkdir -p "$1/var/cache/apt/archives"' \
    --setup-hook="sync-in '$cache' /var/cache/apt/archives/" \
    --essential-hook='mkdir -p "$1/etc/initramfs-tools/conf.d" && echo MODULES=list >"$1/etc/initramfs-tools/conf.d/vmeclone.conf"' \
    --essential-hook="printf '%s\n' $initramfs_modules >\"\$1/etc/initramfs-tools/modules\"" \
    --customize-hook="sync-out /var/cache/apt/archives '$cache'" \
    --customize-hook="copy-in '$agent_deb' /tmp" \
    --customize-hook="chroot \"\$1\" dpkg -i /tmp/$(basename "$agent_deb")" \
    --customize-hook="rm -f \"\$1/tmp/$(basename "$agent_deb")\"" \
    --customize-hook='echo golden >"$1/etc/hostname" && printf "127.0.0.1\tlocalhost\n127.0.1.1\tgolden\n" >"$1/etc/hosts"' \
    --customize-hook='echo "/dev/vda / ext4 errors=remount-ro 0 1" >"$1/etc/fstab"' \
    --customize-hook="$net_hook" \
    bookworm "$root" >"$tmp/mmdebstrap.log" 2>&1 ||
    die "mmdebstrap failed (is Debian's mirror reachable? see the end of its log): $(tail -n 5 "$tmp/mmdebstrap.log")"

# --- docs/golden-image.md §2: what every clone must not share ------------------------------
truncate -s 0 "$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id"
ln -s /etc/machine-id "$root/var/lib/dbus/machine-id"
rm -f "$root"/var/lib/dhcp/dhclient*.leases "$root"/var/lib/NetworkManager/*.lease
mkdir -p "$root/etc/systemd/system/ssh.service.d"
printf '[Service]\nExecStartPre=\nExecStartPre=/usr/bin/ssh-keygen -A\nExecStartPre=/usr/sbin/sshd -t\n' \
    >"$root/etc/systemd/system/ssh.service.d/10-host-keys.conf"
rm -f "$root"/etc/ssh/ssh_host_*
# The name server the golden had from QEMU's default user network (mmdebstrap leaves the
# build host's resolv.conf): each clone must get its own from its identity. Where
# systemd-resolved owns the file (a link to its stub), it stays.
if [ ! -L "$root/etc/resolv.conf" ]; then
    printf 'nameserver 10.0.2.3\n' >"$root/etc/resolv.conf"
fi
# The agent is enabled by its package (systemctl enable in postinst).
[ -L "$root/etc/systemd/system/multi-user.target.wants/vmeclone-agent.service" ] ||
    die "the agent's package did not enable vmeclone-agent.service in the golden"

# --- kernel, initramfs and the modules kept ----------------------------------------------
kimage="$(find "$root/boot" -maxdepth 1 -name 'vmlinuz-*' | sort | tail -n 1)"
[ -n "$kimage" ] || die "the golden has no /boot/vmlinuz-*: linux-image-amd64 was not installed"
krelease="${kimage##*/vmlinuz-}"
[ -s "$root/boot/initrd.img-$krelease" ] || die "the golden has no initramfs for $krelease"
cp "$kimage" "$stage/vmlinuz"
cp "$root/boot/initrd.img-$krelease" "$stage/initrd.img"
kmods="$root/usr/lib/modules/$krelease"
[ -f "$kmods/modules.dep" ] || die "the golden has no modules.dep for $krelease"
# The kept modules and, transitively, what they depend on (modules.dep lists every
# dependency of a module on its line).
declare -A keep=()
for m in $kept_modules; do
    line="$(grep -E "/${m//_/[_-]}\.ko(\.xz|\.zst)?:" "$kmods/modules.dep" | head -n 1)" || true
    [ -n "$line" ] || continue # built into this kernel
    for f in ${line/:/}; do keep[$f]=1; done
done
while IFS= read -r -d '' f; do
    rel="${f#"$kmods"/}"
    [ -n "${keep[$rel]:-}" ] || rm -f "$f"
done < <(find "$kmods/kernel" -type f -name '*.ko*' -print0)
find "$kmods/kernel" -depth -type d -empty -delete
chroot "$root" depmod "$krelease"
rm -rf "$root/usr/lib/firmware" "$root"/boot/initrd.img-* "$root"/var/cache/apt/*.bin
mkdir -p "$root/usr/lib/firmware"

# --- disk: mke2fs -d, no mounts -----------------------------------------------------------
tree_mib="$(du -sm "$root" | cut -f1)"
mke2fs -q -F -t ext4 -d "$root" -L debian-root "$tmp/root.ext4" "$disk_size" >"$tmp/mke2fs.log" 2>&1 ||
    die "mke2fs could not make the root file system: $(tail -n 3 "$tmp/mke2fs.log")"
rm -rf "$root"
qemu-img convert -O qcow2 "$tmp/root.ext4" "$stage/$machine_name.qcow2" ||
    die "qemu-img could not convert the root disk to qcow2"
rm -f "$tmp/root.ext4"

cat >"$stage/$machine_name.json" <<EOF
{
    "format": "vmeclone-qemu-machine",
    "version": 1,
    "name": "$machine_name",
    "memory_mb": $memory_mb,
    "cpus": 1,
    "kernel": "vmlinuz",
    "initrd": "initrd.img",
    "cmdline": "$cmdline",
    "disk": "$machine_name.qcow2",
    "disk_format": "qcow2",
    "disk_interface": "virtio",
    "nic_model": "virtio-net-pci",
    "suffix": $golden_suffix,
    "subnet": "$golden_subnet",
    "inputs_hash": "$hash"
}
EOF

if [ -d "$out" ]; then
    mv "$out" "$tmp/previous"
fi
if ! mv "$stage" "$out"; then
    [ -d "$tmp/previous" ] && mv "$tmp/previous" "$out"
    die "cannot move the new golden into '$out'"
fi
note "Debian golden ($variant) built in $out in $((SECONDS - started)) s (root tree ${tree_mib} MiB):"
(cd "$out" && ls -l --block-size=K) | awk 'NF > 5 {print "  " $5 "  " $9}'
