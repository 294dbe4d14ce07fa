#!/usr/bin/env bash
# Load benchmark of `dossier serve` (issue 16): /api/search on loopback against
# `dossier search` run as a process.
#
# Usage, from the repository root:
#   bench/serve.sh [--scale N] [--seconds S]
#
#   --scale N    also measure on N copies of corpus/ (bench/out/scaled-N, the
#                layout bench/run.sh writes and reuses; default: the 1x corpus only)
#   --seconds S  duration of each load run (default 10)
#
# Needs wrk (apt-get install wrk) and hyperfine. Builds dossier in release
# mode, ingests each corpus into bench/out/serve-index-LABEL, starts
# `dossier serve --port 0` on it, and runs wrk with 1 and 8 concurrent
# connections over the queries of bench/queries.txt in turn (facets off, as
# `dossier search --json` computes none; then with the facet counts the page
# asks for). Then hyperfine times `dossier search Q --json` (and with
# `--facets`) for each query and `dossier --version` (a process that starts
# and exits). Prints one table;
# the machine is shared and noisy: read ratios within one run.
set -euo pipefail

scale=0
seconds=10
while (($#)); do
    case "$1" in
    --scale) scale="${2:?--scale needs a number}"; shift 2 ;;
    --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/serve.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "bench/serve.sh: needs wrk (apt-get install -y wrk)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench/serve.sh: needs hyperfine" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="bench/out"
mkdir -p "$out"
say() { printf '%s\n' "$*" >&2; }

say "== building dossier (release)"
cargo build --release --quiet
dossier="$root/target/release/dossier"

# The scaled corpus, in the layout every bench script shares.
source bench/scaled.sh

# wrk's script: each request the next query of bench/queries.txt.
lua="$out/serve-queries.lua"
{
    echo 'local paths = {}'
    while IFS= read -r q; do
        [[ -z "$q" || "$q" == \#* ]] && continue
        enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$q")
        echo "paths[#paths + 1] = \"/api/search?q=$enc&limit=10&facets=FACETS\""
    done <bench/queries.txt
    cat <<'EOF'
local i = 0
request = function()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
    io.write(string.format("RESULT %.0f %.2f %.2f %d\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
EOF
} >"$lua.in"

rows=()
measure() {
    local label=$1 corpus=$2 index="$out/serve-index-$1"
    say "== $label: ingest $corpus"
    rm -rf "$index"
    "$dossier" --index "$index" ingest --quiet "$corpus"
    "$dossier" --index "$index" serve --port 0 --threads 8 >"$out/serve-url" 2>/dev/null &
    local pid=$!
    trap 'kill $pid 2>/dev/null || true' EXIT
    local url=""
    for _ in $(seq 50); do
        url=$(head -1 "$out/serve-url" 2>/dev/null || true)
        [[ -n "$url" ]] && break
        sleep 0.1
    done
    [[ -n "$url" ]] || { echo "bench/serve.sh: serve printed no URL" >&2; exit 2; }
    for facets in 0 1; do
        sed "s/FACETS/$facets/" "$lua.in" >"$lua"
        wrk -t1 -c1 -d2s -s "$lua" "$url" >/dev/null # warm-up
        for conns in 1 8; do
            local threads=$((conns < 2 ? 1 : 2))
            read -r rps p50 p99 errors < <(wrk -t"$threads" -c"$conns" -d"${seconds}s" -s "$lua" "$url" | awk '/^RESULT/ { print $2, $3, $4, $5 }')
            rows+=("| $label | /api/search facets=$facets | $conns | $rps | $p50 | $p99 | $errors |")
        done
    done
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    trap - EXIT

    say "== $label: dossier search as a process (hyperfine)"
    local q flags
    for flags in "" "--facets"; do
        local cmds=()
        while IFS= read -r q; do
            [[ -z "$q" || "$q" == \#* ]] && continue
            cmds+=("$dossier --index $index search '$q' --json -n 10 $flags")
        done <bench/queries.txt
        hyperfine -N -i --warmup 2 --runs 20 --export-json "$out/serve-cli-$label.json" \
            "$dossier --version" "${cmds[@]}" >/dev/null 2>&1 || true
        read -r start median < <(python3 - "$out/serve-cli-$label.json" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"]
start = r[0]["median"] * 1000
median = statistics.median(x["median"] for x in r[1:]) * 1000
print(f"{start:.2f} {median:.2f}")
PY
)
        rows+=("| $label | \`dossier search Q --json -n 10 $flags\` as a process (median over queries of each one's median) | 1 | | $median | | |")
    done
    rows+=("| $label | \`dossier --version\` (a process starting and exiting) | 1 | | $start | | |")
}

measure 1x corpus
if ((scale > 0)); then
    measure "${scale}x" "$(scaled_corpus "$out" "$scale")"
fi

echo
echo "| corpus | what | clients | requests/s | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
