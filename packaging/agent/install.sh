#!/bin/sh
# Installs vmeclone-agent into this guest, or into a guest's root tree with --root, and
# enables it at boot: a systemd unit where systemd is installed, else the SysV script
# (chkconfig, update-rc.d, or the rc links by hand), else a line in busybox's rcS.
# POSIX sh: it runs on CentOS 6, current distributions and busybox alike.
set -eu

usage() {
    cat <<USAGE
Usage: ./install.sh [--root DIR] [--uninstall]

Installs vmeclone-agent (this folder's static binary, init script and systemd unit) and
enables it at boot. It does not start it: install it into the golden image, then power
the golden off; the agent runs in each clone.

  --root DIR    install into the guest tree at DIR (a mounted golden disk) instead of /;
                nothing is run on this host, the boot links are made by hand
  --uninstall   stop (on /), disable and remove the agent; /etc/vmeclone/agent.conf is kept
  -h, --help    this text
USAGE
}

die() {
    echo "install.sh: error: $*" >&2
    exit 1
}
say() { echo "install.sh: $*"; }

root=/ uninstall=0
while [ $# -gt 0 ]; do
    case "$1" in
    --root) [ $# -ge 2 ] || die "--root needs a folder"; root="$2"; shift 2 ;;
    --root=*) root="${1#*=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
    esac
done
[ -d "$root" ] || die "--root $root is not a folder"
here=$(cd "$(dirname "$0")" && pwd)
R=$(cd "$root" && pwd)
[ "$R" = / ] && R=""
live=0
[ -z "$R" ] && live=1
if [ "$live" -eq 1 ] && [ "$(id -u)" -ne 0 ]; then
    die "run it as root (or with --root DIR for a guest tree)"
fi

have() { command -v "$1" >/dev/null 2>&1; }

# systemd counts when it is installed, running or not: a golden prepared in a chroot
# boots with it all the same.
systemd=0
if [ -e "$R/usr/lib/systemd/systemd" ] || [ -e "$R/lib/systemd/systemd" ]; then
    systemd=1
fi
# RHEL keeps the scripts in /etc/rc.d/init.d (/etc/init.d is a link to it there).
if [ -d "$R/etc/rc.d/init.d" ]; then
    initdir=/etc/rc.d/init.d
    rcbase=/etc/rc.d/rc
else
    initdir=/etc/init.d
    rcbase=/etc/rc
fi
unit=/etc/systemd/system/vmeclone-agent.service
wants=/etc/systemd/system/multi-user.target.wants/vmeclone-agent.service
marker="# vmeclone-agent: started at boot (added by its install.sh)"
rcs_command="[ -x /etc/init.d/vmeclone-agent ] && /etc/init.d/vmeclone-agent start"

rc_links() { # add|remove: S90 in 2345, K10 in 016, as the script's chkconfig header says
    for level in 0 1 2 3 4 5 6; do
        d="$R$rcbase$level.d"
        [ -d "$d" ] || continue
        rm -f "$d"/S[0-9][0-9]vmeclone-agent "$d"/K[0-9][0-9]vmeclone-agent
        [ "$1" = add ] || continue
        case $level in
        [2345]) ln -s "../init.d/vmeclone-agent" "$d/S90vmeclone-agent" ;;
        *) ln -s "../init.d/vmeclone-agent" "$d/K10vmeclone-agent" ;;
        esac
    done
}

has_rc_dirs() { [ -d "$R${rcbase}3.d" ]; }

rcs_line() { # add|remove: busybox init without runlevels runs /etc/init.d/rcS only
    f="$R/etc/init.d/rcS"
    [ -f "$f" ] || return 0
    if grep -v -x -F -e "$marker" -e "$rcs_command" "$f" | grep -v '^[[:space:]]*#' | grep -q 'vmeclone-agent'; then
        return 0 # the guest's own line starts it: leave the script alone
    fi
    tmp="$f.vmeclone.$$"
    grep -v -x -F -e "$marker" -e "$rcs_command" "$f" >"$tmp" || true
    if [ "$1" = add ]; then
        printf '%s\n%s\n' "$marker" "$rcs_command" >>"$tmp"
    fi
    chmod --reference="$f" "$tmp" 2>/dev/null || chmod 0755 "$tmp"
    mv "$tmp" "$f"
}

if [ "$uninstall" -eq 1 ]; then
    if [ "$live" -eq 1 ]; then
        if [ -d /run/systemd/system ] && have systemctl; then
            systemctl stop vmeclone-agent.service >/dev/null 2>&1 || true
        elif [ -x "$initdir/vmeclone-agent" ]; then
            "$initdir/vmeclone-agent" stop >/dev/null 2>&1 || true
        fi
        if [ "$systemd" -eq 1 ] && have systemctl; then
            systemctl disable vmeclone-agent.service >/dev/null 2>&1 || true
        fi
        if have chkconfig && [ -x "$initdir/vmeclone-agent" ]; then
            chkconfig --del vmeclone-agent >/dev/null 2>&1 || true
        elif have update-rc.d; then
            update-rc.d -f vmeclone-agent remove >/dev/null 2>&1 || true
        fi
    fi
    rm -f "$R$wants" "$R$unit"
    rc_links remove
    rcs_line remove
    rm -f "$R$initdir/vmeclone-agent" "$R/usr/sbin/vmeclone-agent"
    if [ "$live" -eq 1 ] && [ "$systemd" -eq 1 ] && have systemctl; then
        systemctl daemon-reload >/dev/null 2>&1 || true
    fi
    say "vmeclone-agent removed from ${R:-/} (kept: /etc/vmeclone/agent.conf)"
    exit 0
fi

for f in vmeclone-agent vmeclone-agent.init vmeclone-agent.service agent.conf; do
    [ -f "$here/$f" ] || die "$here/$f is missing: unpack the whole tarball and run its install.sh"
done

mkdir -p "$R/usr/sbin" "$R$initdir" "$R/etc/vmeclone"
# Copied under a temporary name and renamed: a running agent's binary is never half-written.
cp "$here/vmeclone-agent" "$R/usr/sbin/.vmeclone-agent.new"
chmod 0755 "$R/usr/sbin/.vmeclone-agent.new"
mv "$R/usr/sbin/.vmeclone-agent.new" "$R/usr/sbin/vmeclone-agent"
cp "$here/vmeclone-agent.init" "$R$initdir/vmeclone-agent"
chmod 0755 "$R$initdir/vmeclone-agent"
if [ ! -e "$R/etc/vmeclone/agent.conf" ]; then
    cp "$here/agent.conf" "$R/etc/vmeclone/agent.conf"
    chmod 0644 "$R/etc/vmeclone/agent.conf"
fi

if [ "$systemd" -eq 1 ]; then
    mkdir -p "$R/etc/systemd/system"
    cp "$here/vmeclone-agent.service" "$R$unit"
    chmod 0644 "$R$unit"
    if [ "$live" -eq 1 ] && have systemctl; then
        systemctl daemon-reload >/dev/null 2>&1 || true
        systemctl enable vmeclone-agent.service
    else
        # What "systemctl enable" does for WantedBy=multi-user.target.
        mkdir -p "$R/etc/systemd/system/multi-user.target.wants"
        ln -sf "$unit" "$R$wants"
    fi
    how="systemd unit $unit, enabled"
elif [ "$live" -eq 1 ] && have chkconfig; then
    chkconfig --add vmeclone-agent
    how="SysV script $initdir/vmeclone-agent, chkconfig --add"
elif [ "$live" -eq 1 ] && have update-rc.d; then
    update-rc.d vmeclone-agent defaults >/dev/null
    how="SysV script $initdir/vmeclone-agent, update-rc.d defaults"
elif has_rc_dirs; then
    rc_links add
    how="SysV script $initdir/vmeclone-agent, S90 links in ${rcbase}[2345].d"
elif [ -f "$R/etc/init.d/rcS" ]; then
    rcs_line add
    how="SysV script $initdir/vmeclone-agent, started from /etc/init.d/rcS"
else
    say "warning: no systemd, no rc folders and no /etc/init.d/rcS in ${R:-/}: start $initdir/vmeclone-agent from the guest's boot script yourself"
    how="SysV script $initdir/vmeclone-agent, NOT enabled"
fi
say "vmeclone-agent $("$here/vmeclone-agent" --version 2>/dev/null | awk '{print $2}') installed in ${R:-/}: /usr/sbin/vmeclone-agent, $how"
say "it starts at the next boot; check the golden with: vmeclone golden check GOLDEN"
