#!/usr/bin/env bash
# The README's run command ends here: opens the console on the embedded default (the
# QEMU demo golden and two shards in the user's data folder, set up on first run),
# ready to clone. Without a display it runs the CLI demo instead (clone three VMs,
# watch them come online, release them), saying so.
#
#   run.sh BUILD_DIR
#
# Guests use QEMU user networking, which would forward anything a guest sends to a
# non-host address out of this machine: so the console runs in a fresh network
# namespace where only loopback exists (X11 and Wayland reach it through their sockets
# in the file system).
set -euo pipefail
build=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
console="$build/app/vmeclone-console"

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ ! -x "$console" ]; then
    echo "run: no display (DISPLAY/WAYLAND_DISPLAY unset) or no console built: running the CLI demo instead"
    exec bash "$here/run-demo.sh" "$build"
fi
exec unshare --net -- sh -c 'ip link set lo up && exec "$0" "$@"' "$console" \
    --demo-golden "$build/demo-golden/vmeclone-demo.json"
