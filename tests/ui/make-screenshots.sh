#!/usr/bin/env bash
# Pictures of the real console for the README: docs/first-run.png (the first-run
# screen on an empty data folder), docs/console.png (English) and
# docs/console-zh_CN.png. A real run, no staging: the CLI clones VMs from the demo
# golden (some booted until online, some only made, one stopped, one whose disk was
# taken away so its start failed), then the console opens on that data folder under
# Xvfb and saves its window with QWidget::grab() (--screenshot). Everything is
# released at the end.
#
#   make-screenshots.sh [--first-run] BUILD_DIR [OUT_DIR]      (OUT_DIR defaults to docs/)
#
# --first-run: only docs/first-run.png (no guests booted: a few seconds).
#
# Needs xvfb-run and a CJK font (fonts-wqy-microhei) for the Chinese picture. Runs in
# a fresh network namespace of its own, like every run that boots guests here.
set -euo pipefail

first_run_only=
if [ "${1:-}" = --first-run ]; then
    first_run_only=1
    shift
fi
build=$(cd "${1:?usage: make-screenshots.sh [--first-run] BUILD_DIR [OUT_DIR]}" && pwd)
out=$(mkdir -p "${2:-$(dirname "$0")/../../docs}" && cd "${2:-$(dirname "$0")/../../docs}" && pwd)
cli="$build/app/vmeclone"
console="$build/app/vmeclone-console"
golden="$build/demo-golden/vmeclone-demo.json"

if [ -z "${VMECLONE_IN_NETNS:-}" ]; then
    exec unshare --net env VMECLONE_IN_NETNS=1 bash "$0" ${first_run_only:+--first-run} "$@"
fi
ip link set lo up

for f in "$cli" "$console"; do
    [ -x "$f" ] || { echo "make-screenshots: $f is missing: build first (cmake --build $build)" >&2; exit 1; }
done
[ -f "$golden" ] || { echo "make-screenshots: $golden is missing: cmake --build $build --target demo-golden" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "make-screenshots: xvfb-run is missing: apt-get install xvfb xauth" >&2; exit 1; }

work=$(mktemp -d /tmp/vme-shot.XXXXXX)
export VMECLONE_HOME="$work/home" VMECLONE_HEARTBEAT=2
export XDG_CONFIG_HOME="$work/config" # the pictures use default settings, and leave the user's alone
cleanup() {
    "$cli" release 177-186 >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

shoot() { # LANGUAGE FILE [OPTION...]
    local language=$1 file=$2
    shift 2
    xvfb-run -a -s "-screen 0 1400x900x24" \
        "$console" --language "$language" "$@" --screenshot "$file" --screenshot-delay 5000
}

# The empty data folder first: the console offers the demo golden (the built one, its
# default) instead of setting it up, since no --demo-golden is given.
shoot en "$out/first-run.png"
if [ -n "$first_run_only" ]; then
    echo "make-screenshots: wrote $out/first-run.png"
    exit 0
fi

mkdir -p "$work/shards/ssd-a" "$work/shards/hdd-b"
"$cli" golden add "$golden" --suffix 176 --subnet 192.168.1.0/24
"$cli" shard add "$work/shards/ssd-a" --weight 2
"$cli" shard add "$work/shards/hdd-b"
"$cli" clone 177-180 --wait-online 300 >/dev/null
"$cli" clone 181-186 --no-start >/dev/null
"$cli" stop 180 >/dev/null
# A VM whose disk went missing: its start fails, and the table says why.
folder=$("$cli" list --json | python3 -c 'import json,sys; print([v["folder"] for v in json.load(sys.stdin) if v["name"]=="vm186"][0])')
rm -f "$folder"/*.qcow2
"$cli" start 186 >/dev/null 2>&1 || true
"$cli" list

shoot en "$out/console.png" --no-defaults
shoot zh_CN "$out/console-zh_CN.png" --no-defaults
echo "make-screenshots: wrote $out/first-run.png, $out/console.png and $out/console-zh_CN.png"
