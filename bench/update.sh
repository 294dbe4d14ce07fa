#!/usr/bin/env bash
# Benchmark of the living library (issue 14): `dossier update` on the scaled
# copy corpus against a full `dossier ingest` of it, in one run.
#
# Usage, from the repository root:
#   bench/update.sh [--scale N]      (default 1000: ~415 MB, 5,000 files)
#
# It builds dossier in release mode, reuses (or writes, as bench/run.sh does)
# bench/out/scaled-N/, copies it to bench/out/update-N/ (the files it changes),
# then times, with peak RSS: a full ingest; `update` after touching nothing;
# after changing one file; after adding ten; then 20 updates that each change
# one file, printing the index size after each (the size of the live
# generation, and of the whole index folder, which also holds the replaced
# generations for 10 minutes). Results go to bench/out/update-results.md.
# The machine is shared and noisy: read ratios within one run.
set -euo pipefail

scale=1000
while (($#)); do
    case "$1" in
    --scale) scale="${2:?--scale needs a number}"; shift 2 ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/update.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="bench/out"
mkdir -p "$out"
say() { printf '%s\n' "$*" >&2; }

say "== building dossier (release)"
cargo build --release --quiet
dossier="$root/target/release/dossier"

source bench/scaled.sh
scaled=$(scaled_corpus "$out" "$scale")
lib="$out/update-$scale"
idx="$out/update-$scale-index"
rm -rf "$lib" "$idx"
cp -r "$scaled" "$lib"
rm -f "$lib/.complete"

# Runs a dossier command; prints "seconds peak_rss_MB".
timed() {
    /usr/bin/time -f "%e %M" -o "$out/update-time.txt" "$dossier" "$@" >/dev/null 2>"$out/update-last.err"
    awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }' "$out/update-time.txt"
}
size_mb() { du -sm "$1" | cut -f1; }
live_mb() { size_mb "$idx/$(cat "$idx/CURRENT")"; }

results="$out/update-results.md"
{
    echo "# dossier update on the ${scale}x corpus ($(date -u +%FT%TZ), $(git rev-parse --short HEAD))"
    echo
    echo "| step | seconds | peak RSS MB | live generation MB | index folder MB |"
    echo "|---|---:|---:|---:|---:|"
} >"$results"
row() { echo "| $1 | $2 | $3 | $(live_mb) | $(size_mb "$idx") |" | tee -a "$results" >&2; }

say "== full ingest"
read -r s m < <(timed ingest --quiet --index "$idx" "$lib")
row "full ingest ($(ls "$lib" | wc -l) files)" "$s" "$m"

read -r s m < <(timed --index "$idx" update --quiet)
row "update, nothing touched" "$s" "$m"

touch "$lib"/*.txt
read -r s m < <(timed --index "$idx" update --quiet)
row "update, every file touched (same content)" "$s" "$m"

texts=("$lib"/*.txt)
one=${texts[0]}
printf '\nA paragraph added for the benchmark about prisons in Gao.\n' >>"$one"
read -r s m < <(timed --index "$idx" update --quiet)
row "update, one file changed" "$s" "$m"

for i in $(seq 1 10); do cp "$one" "$lib/added-$i.txt"; printf '\nAdded %s.\n' "$i" >>"$lib/added-$i.txt"; done
read -r s m < <(timed --index "$idx" update --quiet)
row "update, ten files added" "$s" "$m"

some=("${texts[@]:1:20}")
for i in $(seq 1 20); do
    printf '\nChange %s for the benchmark.\n' "$i" >>"${some[$((i - 1))]}"
    read -r s m < <(timed --index "$idx" update --quiet)
    row "update $i of 20, one file changed" "$s" "$m"
done
say "results in $results"
