#!/usr/bin/env bash
# Packages the static vmeclone-agent for guests: a .deb (Debian, Ubuntu), an .rpm (RHEL
# family from CentOS 6 on) and a plain tarball with an install script (anything else,
# busybox included). Each output appears only when complete.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
readonly here source_dir

usage() {
    cat <<EOF
Usage: $(basename "$0") --agent PATH --version VERSION --out DIR [--formats deb,rpm,tar]
                         [--deb-arch ARCH] [--rpm-arch ARCH]

Makes, in DIR:
  vmeclone-agent_VERSION_DEBARCH.deb            /usr/sbin/vmeclone-agent, /etc/init.d/vmeclone-agent,
                                                /lib/systemd/system/vmeclone-agent.service,
                                                /etc/vmeclone/agent.conf; postinst enables it
  vmeclone-agent-VERSION-1.RPMARCH.rpm          the same for RHEL (/etc/rc.d/init.d, /usr/lib/systemd);
                                                %post: systemctl enable or chkconfig --add
  vmeclone-agent-VERSION-linux-RPMARCH.tar.gz   the files and install.sh (systemd or SysV, --uninstall)

  --agent PATH     the statically linked vmeclone-agent (the vmeclone-agent target)
  --version V      package version (the project's)
  --out DIR        where the packages go (each replaced only when the new one is complete)
  --formats LIST   which to make (default deb,rpm,tar)
  --deb-arch A     Debian architecture (default: dpkg --print-architecture)
  --rpm-arch A     RPM architecture (default: uname -m)
EOF
}

die() {
    echo "build-agent-packages: error: $*" >&2
    exit 1
}
note() { echo "build-agent-packages: $*"; }

agent="" version="" out="" formats="deb,rpm,tar" deb_arch="" rpm_arch=""
while [ $# -gt 0 ]; do
    case "$1" in
    --agent) [ $# -ge 2 ] || die "--agent needs a path"; agent="$2"; shift 2 ;;
    --version) [ $# -ge 2 ] || die "--version needs a value"; version="$2"; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a folder"; out="$2"; shift 2 ;;
    --formats) [ $# -ge 2 ] || die "--formats needs a list"; formats="$2"; shift 2 ;;
    --deb-arch) [ $# -ge 2 ] || die "--deb-arch needs a value"; deb_arch="$2"; shift 2 ;;
    --rpm-arch) [ $# -ge 2 ] || die "--rpm-arch needs a value"; rpm_arch="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
    esac
done
[ -n "$agent" ] || die "no --agent given: pass the statically linked vmeclone-agent (see --help)"
[ -n "$version" ] || die "no --version given (see --help)"
[ -n "$out" ] || die "no --out given: pass the folder for the packages (see --help)"
[[ "$version" =~ ^[0-9][0-9A-Za-z.+~]*$ ]] || die "--version '$version' is not a package version (a digit first, then letters, digits, . + ~)"

want() { [[ ",$formats," == *",$1,"* ]]; }
for f in ${formats//,/ }; do
    case "$f" in deb | rpm | tar) ;; *) die "--formats: unknown format '$f' (deb, rpm, tar)" ;; esac
done
need_tool() { # tool package
    command -v "$1" >/dev/null 2>&1 || die "'$1' is missing: install the Debian package $2 (apt-get install $2)"
}
need_tool tar tar
need_tool gzip gzip
if want deb; then need_tool dpkg-deb dpkg; fi
if want rpm; then need_tool rpmbuild rpm; fi

# --- the agent ---------------------------------------------------------------------------
[ -f "$agent" ] || die "the agent '$agent' does not exist: build the vmeclone-agent target first"
[ "$(head -c 4 "$agent" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ] || die "the agent '$agent' is not an ELF executable"
if command -v readelf >/dev/null 2>&1 && readelf -lW "$agent" 2>/dev/null | grep -q 'program interpreter'; then
    die "the agent '$agent' is dynamically linked; guests may lack its C library: link it statically (the vmeclone-agent target does, with musl)"
fi
if [ -z "$deb_arch" ]; then
    deb_arch="$(dpkg --print-architecture 2>/dev/null || true)"
    [ -n "$deb_arch" ] || die "cannot tell the Debian architecture: pass --deb-arch"
fi
[ -n "$rpm_arch" ] || rpm_arch="$(uname -m)"

init_script="$source_dir/guest-agent/init/vmeclone-agent.init"
unit="$source_dir/guest-agent/init/vmeclone-agent.service"
readme="$source_dir/guest-agent/README.md"
# The agent links libyaml (guest-agent/third_party/libyaml): its MIT notice goes with it.
yaml_license="$source_dir/guest-agent/third_party/libyaml/License"
for f in "$init_script" "$unit" "$readme" "$here/agent.conf" "$here/install.sh" "$here/vmeclone-agent.spec.in" \
    "$here/deb/postinst" "$here/deb/prerm" "$here/deb/postrm"; do
    [ -f "$f" ] || die "$f is missing from the source tree"
done

mkdir -p "$out" || die "cannot create the output folder '$out'"
out="$(cd "$out" && pwd)"
tmp=""
cleanup() { if [ -n "$tmp" ]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
tmp="$(mktemp -d "$out/.agent-packages.XXXXXX")"

stage="$tmp/stage"
mkdir -p "$stage"
install -m 0755 "$agent" "$stage/vmeclone-agent"
install -m 0755 "$init_script" "$stage/vmeclone-agent.init"
install -m 0644 "$unit" "$stage/vmeclone-agent.service"
install -m 0644 "$here/agent.conf" "$stage/agent.conf"
install -m 0644 "$readme" "$stage/README.md"
install -m 0644 "$yaml_license" "$stage/libyaml-License"
install -m 0755 "$here/install.sh" "$stage/install.sh"

description="vmeclone guest agent: configures a clone from its identity
 vmeclone-agent runs at boot in every clone that vmeclone makes from a golden
 image. It reads the clone's identity without any network (VMware guestinfo,
 QEMU fw_cfg, SMBIOS OEM strings, the kernel command line, or its static MAC),
 writes the guest's network configuration, reboots once when the guest needs it
 and announces the clone online to the vmeclone console over UDP, signed.
 .
 Install it in the golden image and power the golden off: the agent is enabled
 at boot, not started by the installation."
maintainer="vmeclone maintainers <maintainers@vmeclone.invalid>"

made=()

# --- .deb --------------------------------------------------------------------------------
if want deb; then
    root="$tmp/deb"
    mkdir -p "$root/DEBIAN" "$root/usr/sbin" "$root/etc/init.d" "$root/lib/systemd/system" \
        "$root/etc/vmeclone" "$root/usr/share/doc/vmeclone-agent"
    install -m 0755 "$stage/vmeclone-agent" "$root/usr/sbin/vmeclone-agent"
    install -m 0755 "$stage/vmeclone-agent.init" "$root/etc/init.d/vmeclone-agent"
    install -m 0644 "$stage/vmeclone-agent.service" "$root/lib/systemd/system/vmeclone-agent.service"
    install -m 0644 "$stage/agent.conf" "$root/etc/vmeclone/agent.conf"
    install -m 0644 "$stage/README.md" "$root/usr/share/doc/vmeclone-agent/README.md"
    install -m 0644 "$stage/libyaml-License" "$root/usr/share/doc/vmeclone-agent/libyaml-License"
    for s in postinst prerm postrm; do install -m 0755 "$here/deb/$s" "$root/DEBIAN/$s"; done
    printf '%s\n' /etc/init.d/vmeclone-agent /etc/vmeclone/agent.conf >"$root/DEBIAN/conffiles"
    chmod 0644 "$root/DEBIAN/conffiles"
    installed_kib="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
    cat >"$root/DEBIAN/control" <<CONTROL
Package: vmeclone-agent
Version: $version
Architecture: $deb_arch
Maintainer: $maintainer
Installed-Size: $installed_kib
Section: admin
Priority: optional
Description: $description
CONTROL
    deb="vmeclone-agent_${version}_${deb_arch}.deb"
    # gzip: every dpkg reads it, down to the oldest guests. Files belong to root.
    dpkg-deb --root-owner-group -Zgzip --build "$root" "$tmp/$deb" >/dev/null ||
        die "dpkg-deb could not build $deb"
    made+=("$deb")
fi

# --- .rpm --------------------------------------------------------------------------------
if want rpm; then
    top="$tmp/rpmbuild"
    mkdir -p "$top"/{BUILD,BUILDROOT,RPMS,SPECS,SRPMS,SOURCES,tmp}
    spec="$top/SPECS/vmeclone-agent.spec"
    sed -e "s|@VERSION@|$version|g" -e "s|@STAGE@|$stage|g" "$here/vmeclone-agent.spec.in" >"$spec"
    printf '\n%%changelog\n* %s %s - %s-1\n- vmeclone-agent %s\n' \
        "$(LC_ALL=C date -u +'%a %b %d %Y')" "$maintainer" "$version" "$version" >>"$spec"
    # Its own top folder and database: the build host's rpm setup does not leak in.
    if ! rpmbuild -bb --quiet --target "$rpm_arch" \
        --define "_topdir $top" --define "_dbpath $top/db" --define "_tmppath $top/tmp" \
        "$spec" >"$tmp/rpmbuild.log" 2>&1; then
        die "rpmbuild failed: $(tail -n 5 "$tmp/rpmbuild.log")"
    fi
    rpm="vmeclone-agent-${version}-1.${rpm_arch}.rpm"
    [ -f "$top/RPMS/$rpm_arch/$rpm" ] || die "rpmbuild made no $rpm: $(tail -n 5 "$tmp/rpmbuild.log")"
    mv "$top/RPMS/$rpm_arch/$rpm" "$tmp/$rpm"
    made+=("$rpm")
fi

# --- tarball -----------------------------------------------------------------------------
if want tar; then
    name="vmeclone-agent-${version}-linux-${rpm_arch}"
    mkdir -p "$tmp/tar/$name"
    cp -p "$stage"/* "$tmp/tar/$name/"
    tarball="$name.tar.gz"
    # Sorted, root-owned and dated by the agent: the same inputs give the same bytes.
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$(stat -c %Y "$agent")" \
        -C "$tmp/tar" -cf - "$name" | gzip -9n >"$tmp/$tarball"
    made+=("$tarball")
fi

for f in "${made[@]}"; do
    mv -f "$tmp/$f" "$out/$f"
    note "$out/$f"
done
