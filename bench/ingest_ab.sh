#!/usr/bin/env bash
# Times `dossier ingest` of two builds against each other, alternately, in one run:
#
#   bench/ingest_ab.sh OLD_BINARY NEW_BINARY CORPUS [RUNS] [--callgrind]
#
# Each round ingests CORPUS with OLD then NEW (then NEW then OLD in the next
# round, so neither always runs second) into its own index under
# ${OUT:-/tmp/dossier-ingest-ab}, with GNU time. Prints per build the median
# wall time, CPU time (user + system) and peak RSS, the MB/s of input these
# give, and the ratios new/old. With --callgrind, each build also ingests once
# under valgrind's callgrind and its instruction count (Ir) is printed: exact,
# and undisturbed by other processes on the machine (threads run one at a
# time under valgrind, so only the count is meaningful, not the time).
set -euo pipefail

if [[ $# -lt 3 ]]; then
    echo "usage: bench/ingest_ab.sh OLD_BINARY NEW_BINARY CORPUS [RUNS] [--callgrind]" >&2
    exit 2
fi
old="$(realpath "$1")"
new="$(realpath "$2")"
corpus="$(realpath "$3")"
runs="${4:-5}"
callgrind="${5:-}"
out="${OUT:-/tmp/dossier-ingest-ab}"
mkdir -p "$out"
mb=$(du -sbL "$corpus" | awk '{printf "%.1f", $1 / 1e6}')

# one NAME BIN: one timed ingest; appends "wall cpu rss_kb" to $out/NAME.times.
one() {
    rm -rf "$out/index-$1"
    /usr/bin/time -f "%e %U %S %M" -o "$out/$1.time" \
        "$2" --index "$out/index-$1" ingest "$corpus" >/dev/null 2>"$out/$1.log"
    awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$out/$1.time" >>"$out/$1.times"
}

rm -f "$out/old.times" "$out/new.times"
for ((i = 0; i < runs; i++)); do
    if ((i % 2 == 0)); then one old "$old"; one new "$new"; else one new "$new"; one old "$old"; fi
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
declare -A wall cpu rss
for side in old new; do
    wall[$side]=$(awk '{print $1}' "$out/$side.times" | median)
    cpu[$side]=$(awk '{print $2}' "$out/$side.times" | median)
    rss[$side]=$(awk '{print $3}' "$out/$side.times" | median)
done
echo "ingest of $corpus ($mb MB), $runs runs each, medians:"
for side in old new; do
    awk -v s="$side" -v w="${wall[$side]}" -v c="${cpu[$side]}" -v r="${rss[$side]}" -v mb="$mb" \
        'BEGIN {printf "  %s: wall %.2f s (%.1f MB/s), cpu %.2f s (%.1f MB per cpu-s), peak RSS %.0f MB\n", s, w, mb / w, c, mb / c, r / 1024}'
done
awk -v ow="${wall[old]}" -v nw="${wall[new]}" -v oc="${cpu[old]}" -v nc="${cpu[new]}" \
    'BEGIN {printf "  new/old: wall %.3f, cpu %.3f\n", nw / ow, nc / oc}'

if [[ "$callgrind" == --callgrind ]]; then
    declare -A ir
    for side in old new; do
        bin="$old"
        [[ $side == new ]] && bin="$new"
        rm -rf "$out/index-cg-$side"
        valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$side" \
            "$bin" --index "$out/index-cg-$side" ingest "$corpus" >/dev/null 2>"$out/cg-$side.log"
        ir[$side]=$(grep -m1 '^summary:' "$out/callgrind.$side" | awk '{print $2}')
        echo "  $side: $(printf "%'d" "${ir[$side]}") instructions (callgrind)"
    done
    awk -v o="${ir[old]}" -v n="${ir[new]}" 'BEGIN {printf "  new/old: instructions %.3f\n", n / o}'
fi
