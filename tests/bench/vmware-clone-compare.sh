#!/usr/bin/env bash
# vmeclone's own VMware linked clone against Workstation Pro's (`clone --vmware-clone`,
# vmrun -T ws clone ... linked) on the same golden, alternately, three rounds each: the
# seconds from the command to every VM "configured" (--no-start), vmeclone's own as the
# baseline, and vmrun's / vmeclone's as the ratio. Needs a real Workstation Pro: with
# the vmrun contract double (tests/vmrun-double) the "vmrun" figure is qemu-img's, and
# means nothing (the script says so).
#
#   tests/bench/vmware-clone-compare.sh BUILD_DIR GOLDEN.vmx SUFFIX SUBNET CONSOLE RANGE
#   e.g. ... build ~/vms/golden/golden.vmx 176 192.168.1.0/24 192.168.1.10 177-186
# The golden needs a current snapshot (VM > Snapshot > Take Snapshot) for vmrun's mode.
set -euo pipefail
[ $# -eq 6 ] || { sed -n 2,12p "$0" >&2; exit 2; }
build=$(cd "$1" && pwd); golden=$2; suffix=$3; subnet=$4; console=$5; range=$6
cli="$build/app/vmeclone"
home=$(mktemp -d "${TMPDIR:-/tmp}/vmeclone-vmware-bench.XXXXXX")
trap '"$cli" --home "$home" release "$range" >/dev/null 2>&1 || true; rm -rf "$home"' EXIT
vmeclone() { "$cli" --home "$home" "$@"; }
vmeclone golden add "$golden" --name bench --suffix "$suffix" --subnet "$subnet" \
    --console-address "$console" >/dev/null
mkdir -p "$home/shard" && vmeclone shard add "$home/shard" >/dev/null
seconds() { # the command's wall time, then release
    local start end
    start=$(date +%s.%N)
    vmeclone clone "$range" --golden bench --no-start "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    vmeclone release "$range" >/dev/null 2>&1
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}
own=(); theirs=()
for round in 1 2 3; do
    own+=("$(seconds --linked)")
    theirs+=("$(seconds --vmware-clone)")
done
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
a=$(median "${own[@]}"); b=$(median "${theirs[@]}")
vmrun=${VMECLONE_VMRUN:-$(command -v vmrun || echo '?')}
awk -v r="$range" -v a="$a" -v b="$b" -v p="$vmrun" 'BEGIN {
    printf "metric=vmware_linked_vs_vmrun_clone range=%s baseline=%.3f vmrun=%.3f ratio=%.2f vmrun_program=%s\n", r, a, b, b / a, p }'
case "$(readlink -f "$vmrun")" in *fake_vmrun*|*vmrun-double*) echo "note: vmrun is the contract double: its clone is qemu-img's, not VMware's" ;; esac
