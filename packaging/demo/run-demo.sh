#!/usr/bin/env bash
# The README's first command ends here: clone three VMs from the demo golden, wait
# until each has configured itself and announced itself online, show them, release them.
#
#   run-demo.sh BUILD_DIR [RANGE]
#
# Guests use QEMU user networking, which would forward anything a guest sends to a
# non-host address out of this machine: so the whole demo runs in a fresh network
# namespace where only loopback exists.
set -euo pipefail

build=$(cd "${1:?usage: run-demo.sh BUILD_DIR [RANGE]}" && pwd)
range=${2:-177-179}
cli="$build/app/vmeclone"
golden="$build/demo-golden/vmeclone-demo.json"

if [ -z "${VMECLONE_IN_NETNS:-}" ]; then
    exec unshare --net env VMECLONE_IN_NETNS=1 bash "$0" "$@"
fi
ip link set lo up

[ -x "$cli" ] || { echo "run-demo: $cli is missing: build first (cmake --build $build)" >&2; exit 1; }
[ -f "$golden" ] || { echo "run-demo: $golden is missing: cmake --build $build --target demo-golden" >&2; exit 1; }

work=$(mktemp -d /tmp/vmeclone-demo.XXXXXX)
export VMECLONE_HOME="$work/home"
cleanup() {
    # Whatever happened, no guest outlives the demo.
    "$cli" release "$range" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/shard-a" "$work/shard-b"
echo "== vmeclone demo: data in $VMECLONE_HOME, golden $golden"
"$cli" golden add "$golden" --suffix 176 --subnet 192.168.1.0/24
"$cli" shard add "$work/shard-a"
"$cli" shard add "$work/shard-b"
echo "== plan $range"
"$cli" plan "$range"
echo "== clone $range (linked), start, wait until online"
start=$(date +%s%N)
"$cli" clone "$range" --wait-online 300
end=$(date +%s%N)
echo "== all online in $(( (end - start) / 1000000 )) ms"
"$cli" list
echo "== release $range"
"$cli" release "$range"
"$cli" list
trap - EXIT
rm -rf "$work"
echo "== demo done"
