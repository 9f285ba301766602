#!/usr/bin/env bash
# Builds the small demo/test golden image of vmeclone's QEMU backend from Debian packages:
# an uncompressed Debian kernel, a busybox initramfs with only the needed modules, a 64 MiB
# ext4 root disk (made with mke2fs -d: no mounts, no root needed) with busybox, the agent and
# Debian's QEMU guest agent (qemu-ga and the few libraries it loads), and its machine description.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
self="$here/$(basename "${BASH_SOURCE[0]}")"
readonly here self

# The guest's shape. 96 MiB is the floor (PVH loads the whole 60 MiB kernel image into
# guest RAM; 80 MiB panics in early init): 128 leaves room for the agent and kernel updates.
readonly machine_name="vmeclone-demo"
readonly memory_mb=128
readonly disk_size="64M"
readonly golden_suffix=176
readonly golden_subnet="192.168.1.0/24"
# quiet: the kernel log over the emulated serial port slows the boot. panic=-1: a
# panicking guest restarts instead of hanging. A guest's reboot(2) uses the kernel's
# default method (ACPI reset), which QEMU's default -action reboot=reset restarts.
readonly cmdline="console=ttyS0 quiet panic=-1"

# Load order of the initramfs (DESIGN.md §5). crc32c_generic is only a soft dependency
# of ext4, but mounts fail without it. button+evdev let busybox acpid see the ACPI power
# button, so QEMU's system_powerdown shuts the guest down cleanly.
readonly modules_disk="virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci virtio_blk crc16 mbcache jbd2 crc32c_generic ext4"
readonly modules_net="failover net_failover virtio_net"
readonly modules_fwcfg="qemu_fw_cfg"
readonly modules_power="button evdev"
# virtio_console: the virtio-serial port org.qemu.guest_agent.0 that qemu-ga listens on.
readonly modules_serial="virtio_console"

# Debian's QEMU guest agent and the packages holding the shared objects it loads. Only the
# files its DT_NEEDED entries reach (followed at build time, see below) go into the guest:
# qemu-ga needs libglib-2.0 and libgmodule-2.0 of libglib2.0-0, and libglib-2.0 only
# libpcre2-8 of that package's dependencies (libffi8, libmount1, libselinux1 and zlib1g
# serve libgio and libgobject, which qemu-ga does not load).
readonly qga_bin="/usr/sbin/qemu-ga"
readonly qga_packages="qemu-guest-agent libc6 libglib2.0-0 libpcre2-8-0 libnuma1 libudev1 liburing2"

usage() {
    cat <<EOF
Usage: $(basename "$0") (--agent PATH | --agent-deb DEB) --out DIR [--cache DIR] [--force]

Builds vmeclone's demo/test golden (a Debian kernel booted directly by QEMU, a busybox
initramfs and root disk, the vmeclone-agent and Debian's qemu-guest-agent) into DIR:
  vmlinux              uncompressed kernel of Debian's linux-image-amd64 (PVH entry)
  initrd.img           uncompressed busybox initramfs with the virtio/ext4/fw_cfg modules
  vmeclone-demo.qcow2  64 MiB ext4 root disk: busybox init, /etc/init.d/vmeclone-agent,
                       /usr/sbin/qemu-ga with its libraries (glibc, glib, ...)
  vmeclone-demo.json   the machine description the QEMU backend reads

  --agent PATH   the guest agent to install as /usr/sbin/vmeclone-agent; it must be a
                 statically linked executable (or a #! script for busybox sh)
  --agent-deb DEB  the agent's package (packaging/agent): its /usr/sbin/vmeclone-agent
                 and /etc/init.d/vmeclone-agent go into the golden, as dpkg would put them
  --out DIR      output folder; it is replaced as a whole, atomically
  --cache DIR    where the downloaded .deb packages are kept (default: \$VMECLONE_CACHE_DIR,
                 else $here/cache)
  --force        rebuild even when DIR is up to date
  -h, --help     this text

Nothing is installed on this host: the kernel, qemu-guest-agent and library packages are
fetched with 'apt-get download' and unpacked with 'dpkg-deb -x'. DIR is rebuilt only when an
input changed (these scripts, the agent, the package versions, busybox); otherwise it says
"demo golden up to date".
EOF
}

die() {
    echo "build-demo-golden: error: $*" >&2
    exit 1
}
note() { echo "build-demo-golden: $*"; }

agent="" agent_deb="" out="" cache="${VMECLONE_CACHE_DIR:-$here/cache}" force=0
while [ $# -gt 0 ]; do
    case "$1" in
    --agent) [ $# -ge 2 ] || die "--agent needs a path"; agent="$2"; shift 2 ;;
    --agent=*) agent="${1#*=}"; shift ;;
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
[ -z "$agent" ] || [ -z "$agent_deb" ] || die "give --agent or --agent-deb, not both"
[ -n "$agent" ] || [ -n "$agent_deb" ] || die "no --agent given: pass the statically linked vmeclone-agent, or its package with --agent-deb (see --help)"
[ -n "$out" ] || die "no --out given: pass the folder to build the golden into (see --help)"

# --- tools -------------------------------------------------------------------------------
need_tool() { # tool package
    command -v "$1" >/dev/null 2>&1 || die "'$1' is missing: install the Debian package $2 (apt-get install $2)"
}
need_tool apt-get apt
need_tool apt-cache apt
need_tool dpkg dpkg
need_tool dpkg-deb dpkg
need_tool dpkg-query dpkg
need_tool xz xz-utils
need_tool cpio cpio
need_tool mke2fs e2fsprogs
need_tool debugfs e2fsprogs
need_tool qemu-img qemu-utils
need_tool sha256sum coreutils
need_tool readelf binutils
need_tool realpath coreutils
[ "$(dpkg --print-architecture)" = amd64 ] || die "the demo golden is an amd64 guest; build it on an amd64 Debian host"

# --- agent -------------------------------------------------------------------------------
# From the package: unpacked (never installed) into a folder of its own.
debx="" init_from_deb=""
if [ -n "$agent_deb" ]; then
    [ -f "$agent_deb" ] || die "the agent package '$agent_deb' does not exist: build the agent-deb target first"
    debx="$(mktemp -d)"
    trap 'rm -rf "$debx"' EXIT
    dpkg-deb -x "$agent_deb" "$debx" || die "cannot unpack the agent package '$agent_deb'"
    agent="$debx/usr/sbin/vmeclone-agent"
    init_from_deb="$debx/etc/init.d/vmeclone-agent"
    [ -f "$agent" ] || die "the agent package '$agent_deb' holds no /usr/sbin/vmeclone-agent"
    [ -f "$init_from_deb" ] || die "the agent package '$agent_deb' holds no /etc/init.d/vmeclone-agent"
fi
[ -e "$agent" ] || die "the agent '$agent' does not exist: build the vmeclone-agent target first, or pass a stand-in"
[ -f "$agent" ] || die "the agent '$agent' is not a regular file"
[ -r "$agent" ] || die "the agent '$agent' is not readable"
agent="$(cd "$(dirname "$agent")" && pwd)/$(basename "$agent")"
magic="$(head -c 4 "$agent" | od -An -tx1 | tr -d ' \n')"
if [ "$magic" = 7f454c46 ]; then
    # The guest's only C library is the part of glibc qemu-ga needs: a dynamically linked
    # agent would fail with "not found" as soon as it needs anything else.
    if readelf -lW "$agent" 2>/dev/null | grep -q 'program interpreter'; then
        die "the agent '$agent' is dynamically linked; the guest has no C library for it: link it statically (musl-gcc -static, or the vmeclone-agent target)"
    fi
elif [ "${magic:0:4}" != 2321 ]; then
    die "the agent '$agent' is neither an ELF executable nor a #! script"
fi

# --- output folder -----------------------------------------------------------------------
readonly outputs="vmlinux initrd.img $machine_name.qcow2 $machine_name.json"
out="${out%/}"
[ -n "$out" ] || die "--out / would replace the root folder; pass a folder of its own"
mkdir -p "$(dirname "$out")" || die "cannot create the parent folder of '$out'"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
if [ -e "$out" ] && [ ! -d "$out" ]; then
    die "'$out' exists and is not a folder: pass a new or empty folder as --out"
fi
if [ -d "$out" ]; then
    # The whole folder is replaced: refuse to throw away anything we did not make.
    for f in "$out"/* "$out"/.[!.]*; do
        [ -e "$f" ] || [ -L "$f" ] || continue
        case " $outputs vmlinuz " in *" $(basename "$f") "*) ;;
        *) die "'$out' holds '$(basename "$f")', which this builder did not make; it replaces the whole folder, so pass a new or empty folder as --out" ;;
        esac
    done
fi

# Whatever is half-made (a download, the build folder) goes when the script ends or is
# interrupted; only complete results are ever renamed into place.
tmp="" part=""
cleanup() {
    [ -z "$part" ] || rm -rf "$part"
    [ -z "$tmp" ] || rm -rf "$tmp"
    [ -z "$debx" ] || rm -rf "$debx"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

mkdir -p "$cache" || die "cannot create the cache folder '$cache' (pass another with --cache)"
cache="$(cd "$cache" && pwd)"

# --- packages ----------------------------------------------------------------------------
apt_opts=()
# apt-get download as root otherwise warns that the _apt user cannot write the cache folder.
[ "$(id -u)" -eq 0 ] && apt_opts=(-o APT::Sandbox::User=root)

deb_name() { # package version -> the file name apt-get download gives it
    echo "${1}_${2//:/%3a}_amd64.deb"
}

# Sets deb_file to the package's .deb in the cache, downloading it when missing. Not run
# in a $(...) subshell, so the EXIT trap sees and removes a half-done download.
download() { # package version
    local pkg="$1" ver="$2" file
    file="$cache/$(deb_name "$pkg" "$ver")"
    deb_file=""
    if [ ! -s "$file" ]; then
        note "downloading $pkg $ver into $cache"
        # A download goes to its own folder first, so an interrupted one is never taken for a package.
        part="$(mktemp -d "$cache/.download.XXXXXX")"
        if ! (cd "$part" && apt-get download "${apt_opts[@]}" "$pkg=$ver" >&2) ||
            ! mv "$part/$(deb_name "$pkg" "$ver")" "$file"; then
            rm -rf "$part"
            part=""
            return 1
        fi
        rm -rf "$part"
        part=""
    fi
    deb_file="$file"
}

newest_cached() { # glob -> newest matching .deb in the cache, or nothing
    local newest
    # shellcheck disable=SC2086
    newest="$(find "$cache" -maxdepth 1 -name "$1" -printf '%f\n' | sort -V | tail -n 1)" || true
    [ -n "$newest" ] && echo "$cache/$newest"
    return 0
}

# One apt-cache call (about half a second) for the versions apt offers now: the kernel
# metapackage and the qemu-guest-agent packages.
# shellcheck disable=SC2086
apt_info="$(apt-cache show --no-all-versions linux-image-amd64 $qga_packages 2>/dev/null)" || true

# The concrete kernel package behind the metapackage (linux-image-6.1.0-NN-amd64), which
# pins its image as "(= VERSION)".
kernel_deb="" kernel_pkg="" kernel_ver=""
read -r kernel_pkg kernel_ver < <(printf '%s\n' "$apt_info" |
    sed -n 's/^Depends:.*\(linux-image-[0-9][^ ,]*-amd64\) (= \([^)]*\)).*/\1 \2/p' | head -n 1) || true
if [ -n "$kernel_pkg" ] && [ -n "$kernel_ver" ]; then
    if download "$kernel_pkg" "$kernel_ver"; then
        kernel_deb="$deb_file"
    else
        kernel_deb="$(newest_cached 'linux-image-[0-9]*-amd64_*_amd64.deb')"
        [ -n "$kernel_deb" ] || die "cannot download $kernel_pkg $kernel_ver (no network?) and '$cache' holds no linux-image .deb: run 'apt-get update' and retry, or put the .deb into the cache"
        note "warning: cannot download $kernel_pkg $kernel_ver; using the cached $(basename "$kernel_deb")"
    fi
else
    kernel_deb="$(newest_cached 'linux-image-[0-9]*-amd64_*_amd64.deb')"
    [ -n "$kernel_deb" ] || die "apt knows no linux-image-amd64 and '$cache' holds no linux-image .deb: run 'apt-get update' first"
    note "warning: apt knows no linux-image-amd64; using the cached $(basename "$kernel_deb")"
fi
kernel_pkg="$(dpkg-deb -f "$kernel_deb" Package)" || die "'$kernel_deb' is not a readable .deb: delete it and retry"
kernel_ver="$(dpkg-deb -f "$kernel_deb" Version)"

# busybox-static's /bin/busybox when installed (a plain busybox package is dynamically
# linked and would not run in the guest); else the package from the cache.
busybox_deb="" busybox_ver=""
if [ "$(dpkg-query -W -f='${db:Status-Status}' busybox-static 2>/dev/null)" = installed ] && [ -x /bin/busybox ]; then
    busybox_ver="$(dpkg-query -W -f='${Version}' busybox-static)"
    busybox_bin=/bin/busybox
else
    busybox_ver="$(apt-cache show --no-all-versions busybox-static 2>/dev/null | awk '/^Version:/ {print $2; exit}')" || true
    if [ -n "$busybox_ver" ]; then
        download busybox-static "$busybox_ver" && busybox_deb="$deb_file"
    fi
    [ -n "$busybox_deb" ] || busybox_deb="$(newest_cached 'busybox-static_*_amd64.deb')"
    [ -n "$busybox_deb" ] || die "busybox-static is not installed and cannot be downloaded: apt-get install busybox-static (or run 'apt-get update' first)"
    busybox_ver="$(dpkg-deb -f "$busybox_deb" Version)"
    busybox_bin=""
fi

# qemu-guest-agent and its libraries: the version apt offers now, else (no network, no
# package lists) the newest .deb of that package in the cache, as for the kernel.
declare -A apt_ver=()
while read -r pkg ver; do
    [ -n "${apt_ver[$pkg]:-}" ] || apt_ver[$pkg]="$ver"
done < <(printf '%s\n' "$apt_info" | awk '/^Package:/ {p = $2} /^Version:/ && p != "" {print p, $2; p = ""}')
qga_debs=() qga_versions=""
for pkg in $qga_packages; do
    deb=""
    ver="${apt_ver[$pkg]:-}"
    if [ -n "$ver" ] && download "$pkg" "$ver"; then
        deb="$deb_file"
    else
        deb="$(newest_cached "${pkg}_*_amd64.deb")"
        [ -n "$deb" ] || die "cannot download $pkg${ver:+ $ver} (no network? run 'apt-get update' and retry) and '$cache' holds no ${pkg}_*_amd64.deb: put the .deb into the cache"
        if [ -n "$ver" ]; then
            note "warning: cannot download $pkg $ver; using the cached $(basename "$deb")"
        else
            note "warning: apt knows no $pkg; using the cached $(basename "$deb")"
        fi
    fi
    ver="$(dpkg-deb -f "$deb" Version)" || die "'$deb' is not a readable .deb: delete it and retry"
    qga_debs+=("$deb")
    qga_versions+="${qga_versions:+, }$pkg $ver"
done

# --- inputs hash -------------------------------------------------------------------------
inputs_hash() {
    {
        echo "vmeclone-demo-golden inputs 1"
        # Every file that shapes the image (boot-test.sh and docs do not).
        (cd "$here" && find build-demo-golden.sh initramfs rootfs -type f -print0 | LC_ALL=C sort -z |
            xargs -0 sha256sum)
        (cd "$here" && find initramfs rootfs -print0 | LC_ALL=C sort -z | xargs -0 stat -c '%n %A')
        echo "agent $(sha256sum <"$agent" | cut -d' ' -f1)"
        [ -z "$init_from_deb" ] || echo "init script $(sha256sum <"$init_from_deb" | cut -d' ' -f1)"
        echo "kernel $kernel_pkg $kernel_ver"
        echo "busybox $busybox_ver ${busybox_bin:+$(sha256sum <"$busybox_bin" | cut -d' ' -f1)}"
        echo "qemu-guest-agent packages: $qga_versions"
    } | sha256sum | cut -d' ' -f1
}
hash="$(inputs_hash)"

up_to_date() {
    local f kernel
    [ -s "$out/$machine_name.json" ] || return 1
    grep -q "\"inputs_hash\": \"$hash\"" "$out/$machine_name.json" || return 1
    kernel="$(sed -n 's/^ *"kernel": "\([^"]*\)".*/\1/p' "$out/$machine_name.json")"
    for f in "$kernel" initrd.img "$machine_name.qcow2"; do [ -s "$out/$f" ] || return 1; done
}
if [ "$force" -eq 0 ] && up_to_date; then
    note "demo golden up to date: $out"
    exit 0
fi

# --- build in a temp folder next to DIR, then rename -------------------------------------
tmp="$(mktemp -d "$(dirname "$out")/.$(basename "$out").build.XXXXXX")"
stage="$tmp/stage" work="$tmp/work"
mkdir -p "$stage" "$work"
note "building the demo golden in $tmp (kernel $kernel_pkg $kernel_ver, busybox $busybox_ver; $qga_versions)"

# Kernel package: unpacked, never installed.
kroot="$work/kernel"
dpkg-deb -x "$kernel_deb" "$kroot" || die "cannot unpack '$kernel_deb': delete it and retry"
kimage="$(find "$kroot/boot" -maxdepth 1 -name 'vmlinuz-*' 2>/dev/null | sort | head -n 1)"
[ -n "$kimage" ] || die "'$kernel_deb' holds no /boot/vmlinuz-*: it is not a kernel image package"
krelease="${kimage##*/vmlinuz-}"
kmods="$kroot/lib/modules/$krelease"
[ -f "$kmods/modules.order" ] || die "'$kernel_deb' holds no lib/modules/$krelease/modules.order"

if [ -z "$busybox_bin" ]; then
    dpkg-deb -x "$busybox_deb" "$work/busybox" || die "cannot unpack '$busybox_deb'"
    busybox_bin="$work/busybox/bin/busybox"
    [ -x "$busybox_bin" ] || die "'$busybox_deb' holds no /bin/busybox"
fi

# Like the kernel's scripts/extract-vmlinux: find a compressed stream inside the bzImage
# whose output is an ELF file. Debian 12 uses XZ.
extract_vmlinux() { # bzImage out
    local image="$1" dest="$2" pair magic tool offset
    for pair in '\xfd7zXZ\x00:xz -dcq --single-stream' '\x28\xb5\x2f\xfd:zstd -dcq' \
        '\x1f\x8b\x08:gzip -dcq' '\x02\x21\x4c\x18:lz4 -dcq'; do
        magic="${pair%%:*}" tool="${pair#*:}"
        command -v "${tool%% *}" >/dev/null 2>&1 || continue
        while IFS=: read -r offset _; do
            # Trailing data (the signature) makes decompressors complain: judge by the output.
            tail -c "+$((offset + 1))" "$image" | $tool >"$dest" 2>/dev/null || true
            if [ "$(head -c 4 "$dest" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ]; then
                return 0
            fi
        done < <(LC_ALL=C grep -aboP "$magic" "$image" || true)
    done
    return 1
}

# QEMU boots an ELF kernel directly only through its PVH entry (Xen note type 18).
has_pvh_note() {
    command -v readelf >/dev/null 2>&1 || return 0
    readelf -nW "$1" 2>/dev/null | grep -qE '^ *Xen .*(\(0x00000012\)|PHYS32_ENTRY)'
}

kernel_file=vmlinux
if extract_vmlinux "$kimage" "$work/vmlinux" && has_pvh_note "$work/vmlinux"; then
    mv "$work/vmlinux" "$stage/vmlinux"
else
    note "warning: cannot extract a PVH-bootable vmlinux from $(basename "$kimage"); using the compressed bzImage (boots ~3 s slower under TCG)"
    kernel_file=vmlinuz
    cp "$kimage" "$stage/vmlinuz"
fi

# --- modules: resolve each against the package's own dependency data --------------------
# The .deb ships no modules.dep (depmod makes it at install time); every module carries
# its own "depends=" in .modinfo, and modules.order lists where each one lives.
declare -A mod_path=()
while IFS= read -r rel; do
    name="${rel##*/}"
    name="${name%%.ko*}"
    mod_path["${name//-/_}"]="$rel"
done <"$kmods/modules.order"
declare -A builtin=()
if [ -f "$kmods/modules.builtin" ]; then
    while IFS= read -r rel; do
        name="${rel##*/}"
        name="${name%%.ko*}"
        builtin["${name//-/_}"]=1
    done <"$kmods/modules.builtin"
fi

mod_file() { # name -> the module file (possibly compressed) in the unpacked package
    local rel="${mod_path[$1]}" f
    for f in "$kmods/$rel" "$kmods/$rel.xz" "$kmods/$rel.zst" "$kmods/$rel.gz"; do
        [ -f "$f" ] && { echo "$f"; return 0; }
    done
    return 1
}
unpack_module() { # file dest: decompressed at build time so the guest needs no decompressor
    case "$1" in
    *.xz) xz -dc "$1" >"$2" ;;
    *.zst) zstd -dcq "$1" >"$2" ;;
    *.gz) gzip -dc "$1" >"$2" ;;
    *) cp "$1" "$2" ;;
    esac
}
mod_depends() { # name -> its hard dependencies, from .modinfo
    local f
    f="$(mod_file "$1")" || return 0
    local tmpko="$work/modinfo.ko"
    unpack_module "$f" "$tmpko"
    tr '\0' '\n' <"$tmpko" | sed -n 's/^depends=//p' | head -n 1 | tr ',' ' '
}

declare -A loaded=()
load_order=()
add_module() { # name [wanted-by]
    local name="${1//-/_}" dep
    [ -z "${loaded[$name]:-}" ] || return 0
    if [ -n "${builtin[$name]:-}" ]; then
        note "module $name is built into $krelease: not loaded"
        loaded[$name]=builtin
        return 0
    fi
    [ -n "${mod_path[$name]:-}" ] || die "kernel $krelease has no module '$name' (neither a .ko nor built in); the module list in $self needs updating for this kernel"
    loaded[$name]=pending
    for dep in $(mod_depends "$name"); do
        if [ -z "${loaded[${dep//-/_}]:-}" ]; then
            note "module $name needs $dep first: loading it too"
        fi
        add_module "$dep"
    done
    loaded[$name]=yes
    load_order+=("$name")
}
for m in $modules_disk $modules_net $modules_fwcfg $modules_power $modules_serial; do add_module "$m"; done

# --- initramfs ---------------------------------------------------------------------------
iroot="$work/initramfs"
mkdir -p "$iroot"/{bin,dev,proc,sys,newroot,etc,lib/modules}
cp "$busybox_bin" "$iroot/bin/busybox"
for applet in sh mount umount insmod usleep switch_root poweroff echo cat; do
    ln -s busybox "$iroot/bin/$applet"
done
install -m 0755 "$here/initramfs/init" "$iroot/init"
: >"$iroot/etc/modules"
for m in "${load_order[@]}"; do
    unpack_module "$(mod_file "$m")" "$iroot/lib/modules/$m.ko"
    echo "$m" >>"$iroot/etc/modules"
done
# Uncompressed: QEMU hands it over in one DMA copy; decompressing under TCG costs more.
(cd "$iroot" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc -R 0:0 --quiet) >"$stage/initrd.img"

# --- root disk ---------------------------------------------------------------------------
rroot="$work/rootfs"
mkdir -p "$rroot"
cp -R "$here/rootfs/." "$rroot/"
# The package's init script wins over the copy in rootfs/ (the same bytes today).
[ -z "$init_from_deb" ] || install -m 0755 "$init_from_deb" "$rroot/etc/init.d/vmeclone-agent"
mkdir -p "$rroot"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,run,tmp,root,var/log,var/lib/vmeclone,var/lock/subsys,mnt}
ln -s ../run "$rroot/var/run" # fresh at each boot: no stale pidfiles after a hard reset
chmod 1777 "$rroot/tmp"
chmod 0700 "$rroot/root"
cp "$busybox_bin" "$rroot/bin/busybox"
# Applet links made here, so the first boot needs no "busybox --install".
while IFS= read -r applet; do
    case "$applet" in bin/busybox | "") continue ;; esac
    [ -e "$rroot/$applet" ] || [ -L "$rroot/$applet" ] || ln -s /bin/busybox "$rroot/$applet"
done < <("$busybox_bin" --list-full)
install -m 0755 "$agent" "$rroot/usr/sbin/vmeclone-agent"
chmod 0755 "$rroot/etc/init.d/rcS" "$rroot/etc/init.d/vmeclone-agent" "$rroot/etc/acpi/PWRF/00000080"
chmod 0644 "$rroot/etc/inittab" "$rroot/etc/hostname" "$rroot/etc/os-release" "$rroot/etc/vmeclone/agent.conf"

# --- qemu-ga: the binary, its loader and the shared objects its DT_NEEDED entries reach ---
# The packages are unpacked together (never installed); nothing else of them (docs,
# locales, gconv, other libraries and binaries) goes into the guest.
qroot="$work/qga"
mkdir -p "$qroot"
for deb in "${qga_debs[@]}"; do
    dpkg-deb -x "$deb" "$qroot" || die "cannot unpack '$deb': delete it and retry"
done
[ -f "$qroot$qga_bin" ] || die "the qemu-guest-agent package holds no $qga_bin"

# Copies PATH from the unpacked packages into the guest's root where dpkg would put it:
# symlinks stay symlinks and are followed inside the packages (an absolute link such as
# /lib64/ld-linux-x86-64.so.2 must never reach this host's files). Sets copied to the
# real file's path.
copied=""
copy_qga_file() { # absolute path
    local path="$1" target hops=0
    while [ -L "$qroot$path" ]; do
        hops=$((hops + 1))
        [ "$hops" -le 16 ] || die "too many symbolic links at $1 in the qemu-guest-agent packages"
        target="$(readlink "$qroot$path")"
        mkdir -p "$rroot${path%/*}"
        [ -L "$rroot$path" ] || ln -s "$target" "$rroot$path"
        case "$target" in /*) ;; *) target="${path%/*}/$target" ;; esac
        path="$(realpath -ms "$target")"
    done
    [ -f "$qroot$path" ] || die "$1 (as $path) is not a file in the qemu-guest-agent packages"
    mkdir -p "$rroot${path%/*}"
    cp "$qroot$path" "$rroot$path"
    copied="$path"
}
# The default search path of Debian's ld.so (no ld.so.cache in the guest).
find_qga_lib() { # soname -> its path in the unpacked packages
    local d
    for d in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib /usr/lib; do
        if [ -e "$qroot$d/$1" ] || [ -L "$qroot$d/$1" ]; then
            echo "$d/$1"
            return 0
        fi
    done
    return 1
}
copy_qga_file "$qga_bin"
chmod 0755 "$rroot$qga_bin"
qga_interp="$(readelf -lW "$qroot$qga_bin" | sed -n 's/.*program interpreter: \(.*\)\]$/\1/p')"
[ -n "$qga_interp" ] || die "$qga_bin of the qemu-guest-agent package names no program interpreter"
copy_qga_file "$qga_interp"
qga_files=("$copied")
qga_scan=("$qga_bin")
declare -A qga_lib=()
for ((i = 0; i < ${#qga_scan[@]}; i++)); do
    while IFS= read -r so; do
        if [ -z "$so" ] || [ -n "${qga_lib[$so]:-}" ]; then continue; fi
        lib="$(find_qga_lib "$so")" ||
            die "${qga_scan[$i]} needs $so, which none of the packages ($qga_packages) holds: add its package to qga_packages in $self"
        copy_qga_file "$lib"
        qga_lib[$so]="$copied"
        qga_scan+=("$copied")
        qga_files+=("$copied")
    done < <(readelf -dW "$qroot${qga_scan[$i]}" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
done
qga_kib="$(cd "$rroot" && du -ck ".$qga_bin" "${qga_files[@]/#/.}" | awk 'END {print $1}')"
note "qemu-ga and ${#qga_lib[@]} shared objects: ${qga_kib} KiB ($(printf '%s\n' "${!qga_lib[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'))"

raw="$work/root.ext4"
mke2fs -q -F -t ext4 -d "$rroot" -L vmeclone-root -E root_owner=0:0 "$raw" "$disk_size" \
    >"$work/mke2fs.log" 2>&1 ||
    die "mke2fs could not make the root file system: $(tail -n 3 "$work/mke2fs.log")"
# mke2fs -d keeps the builder's uid/gid; the guest's files belong to root.
(cd "$rroot" && find . -mindepth 1 | sed 's|^\.||' |
    awk '{printf "sif \"%s\" uid 0\nsif \"%s\" gid 0\n", $0, $0}') >"$work/chown.debugfs"
debugfs -w -f "$work/chown.debugfs" "$raw" >/dev/null 2>"$work/debugfs.log" ||
    die "debugfs could not set the owners on the root disk: $(tail -n 3 "$work/debugfs.log")"
qemu-img convert -O qcow2 "$raw" "$stage/$machine_name.qcow2" ||
    die "qemu-img could not convert the root disk to qcow2"

# --- machine description -----------------------------------------------------------------
cat >"$stage/$machine_name.json" <<EOF
{
    "format": "vmeclone-qemu-machine",
    "version": 1,
    "name": "$machine_name",
    "memory_mb": $memory_mb,
    "cpus": 1,
    "kernel": "$kernel_file",
    "initrd": "initrd.img",
    "cmdline": "$cmdline",
    "disk": "$machine_name.qcow2",
    "disk_format": "qcow2",
    "disk_interface": "virtio",
    "nic_model": "virtio-net-pci",
    "suffix": $golden_suffix,
    "subnet": "$golden_subnet",
    "gateway": "",
    "inputs_hash": "$hash"
}
EOF

rm -rf "$work"
if [ -d "$out" ]; then
    mv "$out" "$tmp/previous"
fi
if ! mv "$stage" "$out"; then
    [ -d "$tmp/previous" ] && mv "$tmp/previous" "$out"
    die "cannot move the new golden into '$out'"
fi
note "demo golden built in $out:"
(cd "$out" && ls -l --block-size=K) | awk 'NF > 5 {print "  " $5 "  " $9}'
