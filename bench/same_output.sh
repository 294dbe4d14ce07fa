#!/usr/bin/env bash
# Checks that two dossier builds give the same output: a change meant to make
# ingest faster (or anything else that must not change results) is checked by
#
#   bench/same_output.sh OLD_BINARY NEW_BINARY [CORPUS]
#
# Each binary ingests CORPUS (default: the bundled corpus/) into its own index,
# with one indexing thread (with several, segments and so the last digit of
# scores vary from run to run, whatever the build); then, for each, and
# compared byte for byte:
#   - `dossier --index X export` (every passage, as JSON Lines), and the same
#     of an index built on every core,
#   - `dossier --index X search --json --limit 50 Q` for every line Q of
#     bench/queries.txt (ids, order, scores, snippets),
#   - the same searches as text, and their footers (totals, on stderr),
#   - `docs --json` (documents and passage counts) and `facets --json`,
#   - `python3 eval/relevance.py --dossier BIN --json` (every relevance figure).
# Prints one line per check and "same output" at the end; exits 1 at the
# first difference (with a diff), 2 on a usage error. Work files go to a
# temporary directory, removed at the end unless KEEP=1.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: bench/same_output.sh OLD_BINARY NEW_BINARY [CORPUS]" >&2
    exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
old="$(realpath "$1")"
new="$(realpath "$2")"
corpus="$(realpath "${3:-$root/corpus}")"
for bin in "$old" "$new"; do
    [[ -x "$bin" ]] || { echo "same_output: no executable at $bin" >&2; exit 2; }
done

work="$(mktemp -d -t dossier-same-XXXXXX)"
if [[ "${KEEP:-0}" != 1 ]]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "work files in $work"
fi

# compare NAME: the files $work/old/NAME and $work/new/NAME must be identical.
compare() {
    if cmp -s "$work/old/$1" "$work/new/$1"; then
        echo "same: $1"
    else
        echo "DIFFERENT: $1"
        diff "$work/old/$1" "$work/new/$1" | head -40
        exit 1
    fi
}

for side in old new; do
    bin="$old"
    [[ $side == new ]] && bin="$new"
    out="$work/$side"
    mkdir -p "$out"
    # One indexing thread: with several, which thread indexes which passage
    # (so how passages fall into segments) changes from run to run, and BM25
    # scores with it in their last digit; the order of the sums differs.
    "$bin" --index "$out/index" ingest --threads 1 "$corpus" >/dev/null 2>"$out/ingest.log"
    "$bin" --index "$out/index" export >"$out/export.jsonl"
    # Every core, as users run it: the passages stored must not change.
    "$bin" --index "$out/index-mt" ingest "$corpus" >/dev/null 2>"$out/ingest-mt.log"
    "$bin" --index "$out/index-mt" export >"$out/export-mt.jsonl"
    # The time each file was read differs from run to run: left out.
    "$bin" --index "$out/index" docs --json | sed 's/"ingested_at":"[^"]*"//' >"$out/docs.jsonl"
    "$bin" --index "$out/index" facets --json >"$out/facets.jsonl"
    n=0
    while IFS= read -r query; do
        [[ -z "$query" ]] && continue
        n=$((n + 1))
        # Exit 1 (no hits) is an answer too.
        "$bin" --index "$out/index" search --json --limit 50 "$query" \
            >"$out/search-$n.jsonl" || true
        # The text output, and its footer (totals, on stderr).
        "$bin" --index "$out/index" --color never search --limit 50 "$query" \
            >"$out/text-$n.txt" 2>"$out/footer-$n.txt" || true
    done <"$root/bench/queries.txt"
    (cd "$root" && python3 eval/relevance.py --dossier "$bin" --index "$out/index" \
        --corpus "$corpus" --json "$out/relevance.json" >"$out/relevance.txt")
done

compare export.jsonl
compare export-mt.jsonl
compare docs.jsonl
compare facets.jsonl
for f in "$work"/old/search-*.jsonl "$work"/old/text-*.txt "$work"/old/footer-*.txt; do
    compare "$(basename "$f")"
done
compare relevance.json
echo "same output ($(wc -l <"$work/old/export.jsonl") passages, $n queries)"
