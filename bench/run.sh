#!/usr/bin/env bash
# End-to-end benchmark of dossier against a bare tantivy program (SPEC §7, issues 2 and 6).
#
# Usage, from the repository root:
#   bench/run.sh [--scale N] [--quick] [--runs R] [--no-hyperfine]
#
#   --scale N   copies of the bundled corpus in the scaled corpus (default 1000, ~415 MB)
#   --quick     --scale 20 and fewer repetitions: a smoke run of about a minute
#   --runs R    timed runs per query and program, spread over 5 rounds (default 40;
#               10 in 2 rounds with --quick)
#   --no-hyperfine  time queries with a bash loop even if hyperfine is installed
#   --dossier BIN   time this dossier binary instead of building one (an older
#               build, to measure before and after a change on the same corpus)
#
# It builds dossier and bench/bare-tantivy in release mode, writes a scaled copy
# of corpus/ under bench/out/scaled-N/, times `dossier ingest` and
# `bare-tantivy index` on the 1x and the scaled corpus (wall time, MB/s, peak
# RSS), then times every query of bench/queries.txt, each as its own process with
# a warm cache, with `dossier search` and `bare-tantivy search`. It ends with one
# summary table, also written to bench/out/results.md. The machine is shared and
# noisy: read the ratios within one run, not absolute figures across runs.
# Figures go into issue notes; nothing here is asserted by tests.
set -euo pipefail

scale=1000
runs=40
rounds=5
warmup=2
quick=0
no_hyperfine=0
dossier_bin=""
while (($#)); do
    case "$1" in
    --scale) scale="${2:?--scale needs a number}"; shift 2 ;;
    --quick) quick=1; scale=20; runs=10; rounds=2; warmup=1; shift ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --no-hyperfine) no_hyperfine=1; shift ;;
    --dossier) dossier_bin="${2:?--dossier needs a binary}"; shift 2 ;;
    -h | --help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$scale" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --scale wants a positive integer" >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --runs wants a positive integer" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="bench/out"
logs="$out/logs"
mkdir -p "$logs"

# Ingest repetitions: the 1x corpus takes well under a second, so take a median.
ingest_reps_small=5
ingest_reps_scaled=$((quick ? 3 : 1))
# Resident set size above which the scaled ingest misses its target (SPEC §7).
rss_target_kb=$((1024 * 1024))

say() { printf '%s\n' "$*" >&2; }

# --- build -------------------------------------------------------------------
say "== building dossier and bare-tantivy (release)"
if [[ -z "$dossier_bin" ]]; then
    cargo build --release --quiet
    dossier="$root/target/release/dossier"
else
    dossier="$(realpath "$dossier_bin")"
fi
cargo build --release --quiet --manifest-path bench/bare-tantivy/Cargo.toml
bare="$root/bench/bare-tantivy/target/release/bare-tantivy"
empty_rust="$out/empty-rust"
if [[ ! -x "$empty_rust" ]]; then
    echo 'fn main() {}' | rustc -O -o "$empty_rust" -
fi

# --- corpora -----------------------------------------------------------------
mapfile -t base_files < <(find corpus -maxdepth 1 -name '*.txt' | sort)
((${#base_files[@]})) || { echo "bench/run.sh: no corpus/*.txt" >&2; exit 2; }
base_bytes=0
for f in "${base_files[@]}"; do base_bytes=$((base_bytes + $(stat -c %s "$f"))); done

source bench/scaled.sh
scaled_dir=$(scaled_corpus "$out" "$scale")
mapfile -t scaled_files < <(find "$scaled_dir/" -maxdepth 1 -name '*.txt' | sort)
scaled_bytes=$((base_bytes * scale))

labels=(1x "${scale}x")
declare -A corpus_path corpus_bytes
corpus_path[1x]="corpus"
corpus_bytes[1x]=$base_bytes
corpus_path["${scale}x"]="$scaled_dir"
corpus_bytes["${scale}x"]=$scaled_bytes

files_of() { # label -> the .txt files of that corpus, one per line
    if [[ "$1" == 1x ]]; then printf '%s\n' "${base_files[@]}"; else printf '%s\n' "${scaled_files[@]}"; fi
}

# --- helpers -----------------------------------------------------------------
now_ns() { echo "${EPOCHREALTIME/./}000"; }

median() { # numbers on stdin -> their median
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# One timed run of a command under GNU time: prints "seconds rss_kb exit_code cpu_seconds".
timed_run() {
    local log="$1"; shift
    local tv="$log.time" t0 t1 rc=0
    t0=$(now_ns)
    /usr/bin/time -v -o "$tv" "$@" >"$log.out" 2>"$log.err" || rc=$?
    t1=$(now_ns)
    local rss cpu
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tv")
    cpu=$(awk -F': ' '/(User|System) time/ { s += $2 } END { print s + 0 }' "$tv")
    echo "$(calc '%.4f' "($t1 - $t0) / 1e9") ${rss:-0} $rc $cpu"
}

# Quotes a word for hyperfine --shell=none (POSIX single quotes).
squote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

have_hyperfine=0
((no_hyperfine)) || ! command -v hyperfine >/dev/null || have_hyperfine=1

# Times commands given as NAME CMD pairs (CMD one string, words quoted with
# squote). The runs are spread over rounds that alternate the order of the
# commands, so that a burst of load on this shared machine hits all of them.
# Prints "name median_seconds min_seconds cpu_seconds" per command: with
# hyperfine, the median of the per-round medians, and of the per-round mean
# user+system CPU time; without it, the median of all runs and no CPU time (nan).
time_commands() {
    local names=() cmds=()
    while (($#)); do names+=("$1"); cmds+=("$2"); shift 2; done
    local n=${#names[@]} samples="$logs/samples.txt" r k j
    : >"$samples"
    if ((have_hyperfine)); then
        local per_round=$(((runs + rounds - 1) / rounds)) csv="$logs/hyperfine.csv"
        for ((r = 0; r < rounds; r++)); do
            local args=()
            for ((k = 0; k < n; k++)); do
                j=$(((k + r) % n))
                args+=(-n "${names[$j]}" "${cmds[$j]}")
            done
            hyperfine -N -i --style none --warmup "$warmup" --runs "$per_round" \
                --export-csv "$csv" "${args[@]}" >/dev/null 2>>"$logs/hyperfine.err"
            awk -F, 'NR > 1 { print $1, $4, $7, $5 + $6 }' "$csv" >>"$samples"
        done
    else
        local argv t0 t1
        for ((k = 0; k < n; k++)); do
            eval "argv=(${cmds[$k]})"
            for ((r = 0; r < warmup; r++)); do "${argv[@]}" >/dev/null 2>&1 || true; done
        done
        for ((r = 0; r < runs; r++)); do
            for ((k = 0; k < n; k++)); do
                j=$(((k + r) % n))
                eval "argv=(${cmds[$j]})"
                t0=$(now_ns)
                "${argv[@]}" >/dev/null 2>&1 || true
                t1=$(now_ns)
                echo "${names[$j]} $(calc '%.9f' "($t1 - $t0) / 1e9") $(calc '%.9f' "($t1 - $t0) / 1e9") nan" >>"$samples"
            done
        done
    fi
    for name in "${names[@]}"; do
        echo "$name $(awk -v n="$name" '$1 == n { print $2 }' "$samples" | median)" \
            "$(awk -v n="$name" '$1 == n { print $3 }' "$samples" | sort -g | head -n 1)" \
            "$(awk -v n="$name" '$1 == n { print $4 }' "$samples" | median)"
    done
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- ingest ------------------------------------------------------------------
declare -A ing_s ing_rss ing_rc ing_cpu dossier_summary
for label in "${labels[@]}"; do
    reps=$ingest_reps_small
    [[ "$label" != 1x ]] && reps=$ingest_reps_scaled
    mapfile -t files < <(files_of "$label")
    say "== ingest $label (${corpus_bytes[$label]} bytes, ${#files[@]} files, $reps run(s) each)"
    for prog in dossier bare; do
        : >"$logs/ingest-$prog-$label.runs"
    done
    for ((r = 1; r <= reps; r++)); do
        # Alternate the programs so that drift in machine load hits both.
        for prog in dossier bare; do
            idx="$out/index/$prog-$label"
            rm -rf "$idx"
            mkdir -p "$out/index"
            log="$logs/ingest-$prog-$label-$r"
            if [[ "$prog" == dossier ]]; then
                res=$(timed_run "$log" "$dossier" ingest "${corpus_path[$label]}" --index "$idx")
                dossier_summary[$label]=$(tail -n 1 "$log.err")
            else
                res=$(timed_run "$log" "$bare" index "$idx" "${files[@]}")
            fi
            echo "$res" >>"$logs/ingest-$prog-$label.runs"
            say "   $prog run $r: $res (seconds, peak RSS KB, exit code, CPU seconds)"
        done
    done
    for prog in dossier bare; do
        runs_file="$logs/ingest-$prog-$label.runs"
        ing_s[$prog:$label]=$(awk '{ print $1 }' "$runs_file" | median)
        ing_rss[$prog:$label]=$(awk '$2 > m { m = $2 } END { print m + 0 }' "$runs_file")
        ing_rc[$prog:$label]=$(awk '$3 > m { m = $3 } END { print m + 0 }' "$runs_file")
        ing_cpu[$prog:$label]=$(awk '{ print $4 }' "$runs_file" | median)
    done
done

# --- queries -----------------------------------------------------------------
mapfile -t queries < <(grep -v '^[[:space:]]*\(#\|$\)' bench/queries.txt)
declare -A q_s q_min q_cpu q_status
say "== empty processes"
while read -r name secs best cpu; do q_s[$name]=$secs q_min[$name]=$best q_cpu[$name]=$cpu; done < <(
    time_commands true /bin/true empty-rust "$(squote "$root/$empty_rust")"
)
for label in "${labels[@]}"; do
    d_idx="$out/index/dossier-$label"
    b_idx="$out/index/bare-$label"
    say "== ${#queries[@]} queries on $label, $runs runs each"
    for i in "${!queries[@]}"; do
        q="${queries[$i]}"
        # One untimed run per program: hit counts for the table, errors surfaced.
        rc=0
        "$dossier" --index "$d_idx" search "$q" --limit 10 >"$logs/query-dossier-$label-$i.out" 2>&1 || rc=$?
        case $rc in 0) q_status[dossier:$label:$i]=hits ;; 1) q_status[dossier:$label:$i]=none ;; *) q_status[dossier:$label:$i]="ERR $rc" ;; esac
        rc=0
        "$bare" search "$b_idx" "$q" >"$logs/query-bare-$label-$i.out" 2>&1 || rc=$?
        case $rc in 0) q_status[bare:$label:$i]=hits ;; 1 | 2) q_status[bare:$label:$i]=none ;; *) q_status[bare:$label:$i]="ERR $rc" ;; esac
        while read -r name secs best cpu; do
            q_s[$name:$label:$i]=$secs q_min[$name:$label:$i]=$best q_cpu[$name:$label:$i]=$cpu
        done < <(
            time_commands \
                dossier "$(squote "$dossier") --index $(squote "$d_idx") search $(squote "$q") --limit 10" \
                bare "$(squote "$bare") search $(squote "$b_idx") $(squote "$q")"
        )
        say "   $(printf '%2d %-36s dossier %6.2f ms  bare %6.2f ms' "$((i + 1))" "$q" \
            "$(calc '%f' "${q_s[dossier:$label:$i]} * 1000")" "$(calc '%f' "${q_s[bare:$label:$i]} * 1000")")"
    done
done

# --- summary -----------------------------------------------------------------
mb() { calc '%.1f' "$1 / 1e6"; }
ms() { calc '%.2f' "$1 * 1000"; }
mark() { # value op target -> ✓ or ✗
    awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == ">=") ? (v >= t) : (op == "<=") ? (v <= t) : (v < t); print ok ? "✓" : "✗" }'
}

{
    echo "# dossier benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC') · commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml || echo '+dirty')${dossier_bin:+ · dossier binary $dossier_bin}" \
        "· $(nproc) cores · $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
        "· queries: $(if ((have_hyperfine)); then
            echo "$(hyperfine --version), $runs runs per command in $rounds rounds alternating the order, each after $warmup warm-up run(s)"
        else
            echo "bash timing loop, $runs runs per command alternating the order, after $warmup warm-up run(s)"
        fi)"
    echo
    echo "Load average (1, 5, 15 min) before the timings: $load_before; at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "## Ingest (target: dossier throughput ≥ 0.5× bare; peak RSS < 1 GB on the scaled corpus)"
    echo
    echo "| corpus | MB | files | dossier s | dossier MB/s | dossier CPU s | dossier peak RSS MB | bare s | bare MB/s | bare CPU s | bare peak RSS MB | throughput dossier/bare | CPU bare/dossier |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for label in "${labels[@]}"; do
        bytes=${corpus_bytes[$label]}
        d=${ing_s[dossier:$label]} b=${ing_s[bare:$label]}
        ratio=$(calc '%.2f' "$b / $d")
        rss_mark=""
        [[ "$label" != 1x ]] && rss_mark=" $(mark "${ing_rss[dossier:$label]}" "<" "$rss_target_kb")"
        errs=""
        [[ "${ing_rc[dossier:$label]}" != 0 ]] && errs=" (exit ${ing_rc[dossier:$label]})"
        dc=${ing_cpu[dossier:$label]} bc=${ing_cpu[bare:$label]}
        echo "| $label | $(mb "$bytes") | $(files_of "$label" | wc -l) | $(calc '%.2f' "$d")$errs | $(calc '%.1f' "$bytes / 1e6 / $d")" \
            "| $(calc '%.2f' "$dc") | $(calc '%.0f' "${ing_rss[dossier:$label]} / 1024")$rss_mark" \
            "| $(calc '%.2f' "$b") | $(calc '%.1f' "$bytes / 1e6 / $b") | $(calc '%.2f' "$bc")" \
            "| $(calc '%.0f' "${ing_rss[bare:$label]} / 1024") | $ratio $(mark "$ratio" ">=" 0.5)" \
            "| $(calc '%.2f' "($dc > 0) ? $bc / $dc : 0") |"
    done
    echo
    echo "## Index size (target: dossier ≤ 1.3× bare)"
    echo
    echo "| corpus | dossier MB | bare MB | dossier/bare |"
    echo "|---|---:|---:|---:|"
    for label in "${labels[@]}"; do
        ds=$(du -sk "$out/index/dossier-$label" | cut -f1) bs=$(du -sk "$out/index/bare-$label" | cut -f1)
        r=$(calc '%.2f' "$ds / $bs")
        echo "| $label | $(calc '%.1f' "$ds / 1024") | $(calc '%.1f' "$bs / 1024") | $r $(mark "$r" "<=" 1.3) |"
    done
    echo
    for label in "${labels[@]}"; do echo "dossier ingest $label: ${dossier_summary[$label]}"; echo; done
    echo "## Queries: one process each, warm cache, median ms (target: dossier/bare ≤ 1.5)"
    echo
    echo "Empty process: /bin/true $(ms "${q_s[true]}") ms, empty Rust program $(ms "${q_s[empty-rust]}") ms."
    echo
    header="| # | query |"
    rule="|---:|---|"
    for label in "${labels[@]}"; do
        header+=" $label dossier | $label bare | $label ratio |"
        rule+="---:|---:|---:|"
    done
    echo "$header"
    echo "$rule"
    declare -A logsum logmin logcpu worst
    for i in "${!queries[@]}"; do
        row="| $((i + 1)) | \`${queries[$i]}\` |"
        for label in "${labels[@]}"; do
            d=${q_s[dossier:$label:$i]} b=${q_s[bare:$label:$i]}
            ratio=$(calc '%.2f' "$d / $b")
            logsum[$label]=$(calc '%f' "${logsum[$label]:-0} + log($d / $b)")
            logmin[$label]=$(calc '%f' "${logmin[$label]:-0} + log(${q_min[dossier:$label:$i]} / ${q_min[bare:$label:$i]})")
            logcpu[$label]=$(calc '%f' "${logcpu[$label]:-0} + log(${q_cpu[dossier:$label:$i]} / ${q_cpu[bare:$label:$i]})")
            worst[$label]=$(calc '%.2f' "($ratio > ${worst[$label]:-0}) ? $ratio : ${worst[$label]:-0}")
            note=""
            [[ "${q_status[dossier:$label:$i]}" != hits ]] && note+=" (dossier: ${q_status[dossier:$label:$i]})"
            [[ "${q_status[bare:$label:$i]}" != hits ]] && note+=" (bare: ${q_status[bare:$label:$i]})"
            row+=" $(ms "$d") | $(ms "$b") | $ratio $(mark "$ratio" "<=" 1.5)$note |"
        done
        echo "$row"
    done
    row="| | **geometric mean ratio** / worst |"
    for label in "${labels[@]}"; do
        g=$(calc '%.2f' "exp(${logsum[$label]} / ${#queries[@]})")
        row+=" | | **$g** $(mark "$g" "<=" 1.5) / ${worst[$label]} |"
    done
    echo "$row"
    row="| | geometric mean ratio of the fastest runs |"
    for label in "${labels[@]}"; do
        row+=" | | $(calc '%.2f' "exp(${logmin[$label]} / ${#queries[@]})") |"
    done
    echo "$row"
    if ((have_hyperfine)); then
        row="| | geometric mean ratio of CPU time (user + system) |"
        for label in "${labels[@]}"; do
            row+=" | | $(calc '%.2f' "exp(${logcpu[$label]} / ${#queries[@]})") |"
        done
        echo "$row"
    fi
    echo
    echo "Ratios are per query, dossier over bare, within this run; the fastest-run and CPU-time"
    echo "ratios are less sensitive to load from other processes. ✓/✗ compares with SPEC §7."
} >"$out/results.md"

echo
cat "$out/results.md"
say
say "written to $out/results.md; logs in $logs/"
