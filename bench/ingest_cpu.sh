#!/usr/bin/env bash
# How busy `dossier ingest` keeps the cores, second by second:
#
#   bench/ingest_cpu.sh BINARY CORPUS [INDEX_DIR]
#
# Runs one ingest and samples the process's CPU time (user + system, from
# /proc/PID/stat) every second; prints one line per second with the CPU
# percentage used in it (200% = two cores busy) and a bar, then the whole
# run's wall time, CPU time and average. Seconds well under the core count
# show where the pipeline stalls (start-up, the end of the batches, the
# commit and merges, the tables written last). Other processes on the
# machine lower the figures too: read them on a quiet machine.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: bench/ingest_cpu.sh BINARY CORPUS [INDEX_DIR]" >&2
    exit 2
fi
bin="$(realpath "$1")"
corpus="$(realpath "$2")"
index="${3:-/tmp/dossier-ingest-cpu}"
rm -rf "$index"
ticks=$(getconf CLK_TCK)

cpu_ticks() {
    # Fields 14 and 15 of /proc/PID/stat (after the command name in brackets).
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    awk '{print $12 + $13}' <<<"$stat"
}

start=$(date +%s.%N)
"$bin" --index "$index" ingest "$corpus" >/dev/null 2>&1 &
pid=$!
prev=0
second=0
last=0
while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    now=$(cpu_ticks "$pid") || break
    second=$((second + 1))
    pct=$(((now - prev) * 100 / ticks))
    bar=$(printf '%*s' $((pct / 5)) '' | tr ' ' '#')
    printf '%4d s %4d%% %s\n' "$second" "$pct" "$bar"
    prev=$now
    last=$now
done
wait "$pid"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v c="$last" -v t="$ticks" \
    'BEGIN {w = e - s; printf "wall %.1f s, cpu %.1f s (sampled until the last second), average %.0f%%\n", w, c / t, 100 * c / t / w}'
