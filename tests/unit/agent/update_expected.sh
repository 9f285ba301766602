#!/bin/sh
# Rewrites expected/CASE/{first,second}-run from what the built agent does to
# fixtures/CASE, as tst_agent_fixtures runs it (a stand-in port, the tree's own guest
# tools, the "reboot" of the centos6_guestinfo cases renaming their NICs as udev will). It is
# a starting point, not a verdict: review every line of the diff before committing it.
#   tests/unit/agent/update_expected.sh BUILD_DIR CASE...
set -eu
[ $# -ge 2 ] || { echo "usage: $0 BUILD_DIR CASE..." >&2; exit 2; }
agent="$1/guest-agent/vmeclone-agent"
[ -x "$agent" ] || { echo "$0: no agent at $agent (build the vmeclone-agent target)" >&2; exit 2; }
shift
here=$(cd "$(dirname "$0")" && pwd)
port=45678 # replaced by @PORT@ again; no fixture contains these digits otherwise
for case in "$@"; do
    [ -d "$here/fixtures/$case" ] || { echo "$0: no fixture $case" >&2; exit 2; }
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    cp -a "$here/fixtures/$case/." "$tmp/"
    grep -rl '@PORT@' "$tmp" | xargs -r sed -i "s/@PORT@/$port/g"
    out="$here/expected/$case"
    rm -rf "$out"
    for run in first-run second-run; do
        if [ "$run" = second-run ]; then
            case "$case" in # as tst_agent_fixtures' renames
            centos6_guestinfo) mv "$tmp/sys/class/net/eth1" "$tmp/sys/class/net/eth0" ;;
            centos6_guestinfo_nics)
                mv "$tmp/sys/class/net/eth2" "$tmp/sys/class/net/eth0"
                mv "$tmp/sys/class/net/eth3" "$tmp/sys/class/net/eth1" ;;
            esac
        fi
        "$agent" --root "$tmp" --allow-root-programs --foreground --once 2>"$tmp.log" \
            || { cat "$tmp.log" >&2; rm -f "$tmp.log"; exit 1; }
        rm -f "$tmp.log"
        mkdir -p "$out/$run"
        cp -a "$tmp/." "$out/$run/"
        grep -rl "$port" "$out/$run" | xargs -r sed -i "s/$port/@PORT@/g"
        # The fresh machine-id is random: tst_agent_fixtures checks it and compares this mark.
        for id in etc/machine-id var/lib/dbus/machine-id; do
            if [ -f "$out/$run/$id" ] && [ ! -L "$out/$run/$id" ] &&
                grep -qxE '[0-9a-f]{32}' "$out/$run/$id" &&
                ! cmp -s "$out/$run/$id" "$here/fixtures/$case/$id"; then
                echo '@FRESH-MACHINE-ID@' >"$out/$run/$id"
            fi
        done
        find "$out/$run" -type d -empty -delete
    done
    rm -rf "$tmp"
    trap - EXIT
    echo "rewrote expected/$case: now review git diff -- $out"
done
