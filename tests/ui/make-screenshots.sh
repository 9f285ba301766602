#!/usr/bin/env bash
# Pictures of the real console for the README: docs/first-run.png (the first-run
# screen on an empty data folder), docs/console.png (English), docs/console-zh_CN.png,
# the table at 1024x700, the Chinese clone dialog refusing addresses, the batch
# history and a clone batch in flight (the console's hidden --screenshot-action and
# --screenshot-keys do what an operator would before the picture). A real run, no staging: the CLI clones VMs from the demo
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
    "$cli" release 177-190 >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# SCREEN=WxH (default 1400x900) and DELAY=ms (default 5000) before the picture.
shoot() { # LANGUAGE FILE [OPTION...]
    local language=$1 file=$2 screen=${SCREEN:-1400x900}
    shift 2
    xvfb-run -a -s "-screen 0 ${screen}x24" \
        "$console" --language "$language" -geometry "$screen+0+0" "$@" --screenshot "$file" \
        --screenshot-delay "${DELAY:-5000}"
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
SCREEN=1024x700 shoot en "$out/console-1024x700.png" --no-defaults
# Chinese, Clone range… with addresses it refuses: .176 is the golden's, 177-180 are VMs'.
SCREEN=1024x700 shoot zh_CN "$out/console-zh_CN-clone-refused.png" --no-defaults \
    --screenshot-action clone --screenshot-keys "176-180"
# The batch history after three batches of this session, one of them failed (vm186).
DELAY=12000 shoot en "$out/console-batch-history.png" --no-defaults \
    --screenshot-action stopRange --screenshot-keys $'183-184\n' \
    --screenshot-action stopRange --screenshot-keys $'185\n' \
    --screenshot-action startRange --screenshot-keys $'186\n' \
    --screenshot-action batchHistory
# A clone batch in flight, a few seconds after Clone: its progress to online, ETA, states.
DELAY=25000 shoot en "$out/console-batch-in-flight.png" --no-defaults \
    --screenshot-action clone --screenshot-keys $'187-190\n'
echo "make-screenshots: wrote first-run, console, console-zh_CN, console-1024x700," \
    "console-zh_CN-clone-refused, console-batch-history and console-batch-in-flight (.png) to $out"
