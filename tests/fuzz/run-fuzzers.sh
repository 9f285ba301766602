#!/usr/bin/env bash
# Runs the libFuzzer targets of a build made with -DVMECLONE_FUZZ=ON (see README.md here),
# one after the other, each on its seed corpus, and prints what each did. Exits non-zero
# when any target finds a crash, a leak, a broken property, a timeout or runs out of memory;
# the input that did it is kept in BUILD_DIR/fuzz-crashes/.
#
#   run-fuzzers.sh [--seconds S | --runs N] [--keep-going] BUILD_DIR [TARGET...]
#
#   --seconds S    run each target for S seconds (default 20: what CI does)
#   --runs N       run each target for N inputs instead (the long run: --runs 2000000)
#   --keep-going   do not stop at the first finding (libFuzzer's fork mode): every crashing
#                  input is kept, and the target still counts as failed
#
# New inputs go to BUILD_DIR/fuzz-corpus/TARGET (kept between runs, so a second run
# starts where the first stopped); the seeds in tests/fuzz/corpus are only read.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
limit=(-max_total_time=20)
keep_going=0
while [ $# -gt 0 ]; do
    case "$1" in
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); shift 2 ;;
    --keep-going) keep_going=1; shift ;;
    -h | --help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "run-fuzzers.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
    esac
done
if [ $# -lt 1 ]; then
    echo "usage: run-fuzzers.sh [--seconds S | --runs N] [--keep-going] BUILD_DIR [TARGET...]" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(fuzz_vmx_document fuzz_vmdk_descriptor fuzz_address_range fuzz_announcement)
fi

status=0
for target in "${targets[@]}"; do
    binary=$(find "$build" -type f -name "$target" -perm -u+x -print -quit)
    if [ -z "$binary" ]; then
        echo "run-fuzzers.sh: no $target in $build: build it with -DVMECLONE_FUZZ=ON" \
             "(cmake --build $build --target fuzz)" >&2
        exit 1
    fi
    seeds=$here/corpus/$target
    work=$build/fuzz-corpus/$target
    crashes=$build/fuzz-crashes
    mkdir -p "$work" "$crashes"
    args=("${limit[@]}" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
          -artifact_prefix="$crashes/$target-")
    [ -f "$here/dict/$target.dict" ] && args+=(-dict="$here/dict/$target.dict")
    [ "$keep_going" -eq 1 ] && args+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    output=$build/fuzz-$target.log
    start=$SECONDS
    result=ok
    before=$(find "$crashes" -name "$target-*" | wc -l)
    "$binary" "${args[@]}" "$work" "$seeds" >"$output" 2>&1 || result=FAILED
    found=$(( $(find "$crashes" -name "$target-*" | wc -l) - before ))
    [ "$found" -gt 0 ] && result="FAILED ($found inputs kept in $crashes)"
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$output" | tail -n 1)
    # Fork mode reports its total on its last "#N:" progress line instead.
    [ -z "$runs" ] && runs=$(sed -n 's/^#\([0-9]*\): .*/\1/p' "$output" | tail -n 1)
    echo "$target: $result, ${runs:-?} inputs in $((SECONDS - start)) s," \
         "corpus $(find "$work" -type f | wc -l) files (log: $output)"
    if [ "$result" != ok ]; then
        status=1
        # The report: from the sanitizer's or the property's first line to the end.
        grep -n -m1 -E '^==[0-9]+==|fuzz property broken|runtime error|ERROR: libFuzzer' "$output" |
            cut -d: -f1 | { read -r first && tail -n +"$first" "$output" | head -n 80; } >&2 || tail -n 40 "$output" >&2
    fi
done
exit $status
