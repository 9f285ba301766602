#!/usr/bin/env bash
# Builds vmeclone with clang and sanitizers in a build folder of its own and runs tests
# under them; exits non-zero on any finding, also in the processes the tests start
# (every report goes to a file in BUILD_DIR/sanitizer-reports, checked at the end).
#
#   run-sanitizers.sh [options] asan|tsan|fuzz BUILD_DIR
#
#   asan   ASan+UBSan(+LSan): the unit tests and the CLI integration test
#   tsan   TSan: the tests that run threads (inventory race, listener, engine pool, QMP,
#          and the console's window with its log pane fed from pool threads)
#   fuzz   every libFuzzer target for --seconds each on its corpus (same build as asan)
#
#   --tests REGEX   the CTest names to build and run (default: per kind, below)
#   --seconds S     fuzz: seconds per target (default 20)
#   --jobs N        build jobs (default 2)
#
# A second run reuses BUILD_DIR: it builds only what changed. Sanitizer reports, of the
# tests and of every instrumented process they start, land in BUILD_DIR/sanitizer-reports
# (one file per process, named report.PID); any such file fails the run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
jobs=2
seconds=20
tests=""
while [ $# -gt 0 ]; do
    case "$1" in
    --tests) tests=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    -*) echo "run-sanitizers.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
    esac
done
if [ $# -ne 2 ]; then
    echo "usage: run-sanitizers.sh [--tests REGEX] [--seconds S] [--jobs N] asan|tsan|fuzz BUILD_DIR" >&2
    exit 2
fi
kind=$1
build=$2

case "$kind" in
asan | fuzz)
    sanitize=address,undefined
    fuzz=ON
    # Every unit test that runs without a guest agent or widgets, and the CLI end to end
    # (tst_cli, tst_cluster over sshd, the VMware CLI and its corpus, golden push, export).
    default_tests='^(tst_.*)$'
    # Left to the plain build: tests whose findings are about time, concurrency, outside
    # tools or packages, not about our memory (tst_stress_actors: three CLI processes for
    # two minutes; tst_several_actors, tst_cluster_faults: actors racing and links cut;
    # tst_hosts: sshd and listeners started and stopped; tst_full_disk: a full file system;
    # tst_cli_consistency: pipes and signals; the packages; tst_vmdk_boot and the KVM
    # probe: QEMU booting). The code they drive is the code the tests kept here drive.
    exclude='^(tst_agent_.*|tst_end_to_end|tst_crash_recovery|tst_vm_table_model|tst_stress_actors|tst_several_actors|tst_cluster_faults|tst_hosts|tst_full_disk|tst_cli_consistency|tst_host_package|tst_agent_packages|tst_demo_golden_package|tst_vmdk_boot|tst_qemu_accel_probe)$'
    gui=OFF
    ;;
tsan)
    sanitize=thread
    fuzz=OFF
    # The console's threaded tests without a guest: the window over an engine service
    # (its worker and batch threads, the CLI in other processes) with its log pane, an
    # spdlog sink that pool threads write while the GUI thread drains it.
    default_tests='^(tst_inventory|tst_announcement_listener|tst_engine_batch|tst_qmp_client|tst_device_streams|tst_main_window|tst_log_pane)$'
    exclude='^$'
    gui=ON
    ;;
*)
    echo "run-sanitizers.sh: '$kind' is not asan, tsan or fuzz" >&2
    exit 2
    ;;
esac
tests=${tests:-$default_tests}

for tool in clang clang++ cmake ninja; do
    if ! command -v "$tool" >/dev/null; then
        echo "run-sanitizers.sh: $tool is missing: install packaging/debian-packages.txt" \
             "(apt-get install clang libclang-rt-14-dev llvm ...)" >&2
        exit 1
    fi
done

mkdir -p "$build"
build=$(cd "$build" && pwd)
log=$build/run-sanitizers.log
: >"$log"
# Quiet on success; the whole log of a failed step on failure.
step() {
    local what=$1
    shift
    local start=$SECONDS
    if ! "$@" >>"$log" 2>&1; then
        echo "run-sanitizers.sh: $what failed; its output:" >&2
        tail -n 200 "$log" >&2
        exit 1
    fi
    echo "$kind: $what ($((SECONDS - start)) s)"
}

extra_link=""
if [ "$kind" = tsan ]; then
    # See tsan_vfork_shim.c: without it no test that starts a process runs under TSan.
    step "build the clone shim" clang -c -O1 -fPIC "$here/tsan_vfork_shim.c" -o "$build/tsan_vfork_shim.o"
    # With the runtime it needs, so that CMake's own compiler checks link too (a fresh
    # sub-build's configure failed on __interceptor_clone without it).
    extra_link="-fsanitize=thread $build/tsan_vfork_shim.o"
fi

# -O0: instrumented code builds in a third of the time -O1 takes, and the tests wait on
# files, processes and sockets far more than on the CPU. Line tables name file:line.
step "configure $build" cmake -S "$src" -B "$build" -G Ninja \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_FLAGS_DEBUG="-O0 -gline-tables-only" -DCMAKE_CXX_FLAGS_DEBUG="-O0 -gline-tables-only" \
    -DVMECLONE_SANITIZE="$sanitize" -DVMECLONE_FUZZ="$fuzz" \
    -DCMAKE_EXE_LINKER_FLAGS="$extra_link" \
    -DVMECLONE_BUILD_GUI="$gui" -DVMECLONE_BUILD_AGENT=OFF -DVMECLONE_SANITIZER_CHECKS=OFF

reports=$build/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
export ASAN_OPTIONS="log_path=$reports/report:detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="log_path=$reports/report:halt_on_error=1:print_stacktrace=1"
# Qt is not built with TSan: accesses its code makes through intercepted calls (malloc,
# pthread_*, write) are not judged, as on macOS; what our code does still is.
export TSAN_OPTIONS="log_path=$reports/report:halt_on_error=1:second_deadlock_stack=1:ignore_noninstrumented_modules=1:suppressions=$here/tsan.supp"
export QT_QPA_PLATFORM=offscreen

# The reports of this run: any file at all is a finding.
check_reports() {
    local found=0
    for f in "$reports"/*; do
        [ -e "$f" ] || continue
        found=1
        echo "==== $f" >&2
        cat "$f" >&2
    done
    if [ "$found" -ne 0 ]; then
        echo "run-sanitizers.sh: $kind: the sanitizers reported the findings above" >&2
        return 1
    fi
}

if [ "$kind" = fuzz ]; then
    step "build the fuzz targets" cmake --build "$build" -j "$jobs" --target fuzz
    # libFuzzer reports in its own output (kept in a crash file) and exits non-zero.
    export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
    exec bash "$src/tests/fuzz/run-fuzzers.sh" --seconds "$seconds" "$build"
fi

# The tests CTest knows in that build, filtered; their executables are their targets.
mapfile -t names < <(ctest --test-dir "$build" -N -R "$tests" | sed -n 's/^ *Test *#[0-9]*: *//p' |
                         grep -Ev "$exclude" || true)
if [ "${#names[@]}" -eq 0 ]; then
    echo "run-sanitizers.sh: no test matches '$tests'" >&2
    exit 1
fi
step "build ${#names[@]} tests" cmake --build "$build" -j "$jobs" --target "${names[@]}"
regex="^($(IFS='|'; echo "${names[*]}"))\$"
start=$SECONDS
status=0
# Two at a time: most of them wait on processes, files and sockets, not on the CPU.
ctest --test-dir "$build" -R "$regex" --output-on-failure --timeout 900 -j "$jobs" || status=$?
echo "$kind: ran ${#names[@]} tests ($((SECONDS - start)) s)"
check_reports || status=1
exit $status
