#!/usr/bin/env bash
# Fuzzes one kgx harness with libFuzzer and AddressSanitizer, then merges what it found into the corpus
# kept in the repository (Tests/FuzzCorpus/TARGET).
#
#   scripts/fuzz.sh TARGET [RUNS] [libFuzzer flags ...]    TARGET: text, jsonl, graphml, jsonld
#   scripts/fuzz.sh all RUNS                               each target in turn
#
# RUNS is the number of executions (default 100000; -1 runs until stopped). A crash or a leak stops the
# run with a non-zero exit and leaves the input as crash-* / leak-* in .build/fuzz-artifacts/.
# KGX_FUZZ_MERGE=0 leaves Tests/FuzzCorpus as it is (CI).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
target="${1:?usage: scripts/fuzz.sh text|jsonl|graphml|jsonld|all [RUNS] [libFuzzer flags]}"
runs="${2:-100000}"
shift $(( $# >= 2 ? 2 : 1 ))
if [ "$target" = all ]; then
    for t in text jsonl graphml jsonld; do "$0" "$t" "$runs" "$@"; done
    exit 0
fi
case "$target" in text|jsonl|graphml|jsonld) ;; *) echo "fuzz.sh: unknown target '$target'" >&2; exit 2 ;; esac

# A build of its own, so the instrumented objects never mix with the ordinary ones.
swift build -c release --product kgx-fuzz --build-path .build/fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >/dev/null
binary="$(swift build -c release --build-path .build/fuzz --show-bin-path)/kgx-fuzz"
kept="Tests/FuzzCorpus/$target"
work=".build/fuzz-corpus/$target"
artifacts=".build/fuzz-artifacts/"
mkdir -p "$kept" "$work" "$artifacts"
max_len=4096
case "$target" in graphml|jsonld) max_len=16384 ;; esac  # a small graph kgx wrote is some kilobytes
dict=()
[ -f "scripts/fuzz/$target.dict" ] && dict=(-dict="scripts/fuzz/$target.dict")

start=$(date +%s)
KGX_FUZZ_TARGET="$target" ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}" "$binary" "$work" "$kept" \
    -runs="$runs" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$artifacts" \
    -print_final_stats=1 "${dict[@]}" "$@" 2> ".build/fuzz-$target.log" || {
    tail -40 ".build/fuzz-$target.log" >&2
    echo "fuzz.sh: $target failed; the input is in $artifacts" >&2
    exit 1
}
executions=$(grep -a "stat::number_of_executed_units" ".build/fuzz-$target.log" | awk '{print $2}')
echo "fuzz $target: ${executions:-?} executions in $(( $(date +%s) - start )) s, no crash, no leak"

[ "${KGX_FUZZ_MERGE:-1}" = 0 ] && exit 0
# Keep a coverage-minimal corpus in the repository.
merged="$(mktemp -d)"
KGX_FUZZ_TARGET="$target" ASAN_OPTIONS="detect_leaks=0" "$binary" -merge=1 -max_len="$max_len" "$merged" "$kept" "$work" \
    2>> ".build/fuzz-$target.log" >/dev/null
rm -rf "$kept"; mv "$merged" "$kept"
echo "fuzz $target: corpus of $(ls "$kept" | wc -l) inputs in $kept"
