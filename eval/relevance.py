#!/usr/bin/env python3
"""Relevance check for `dossier search`, with a plain BM25 baseline in the same run.

Run from the repository root (Python 3.11+, standard library only):

    cargo build --release
    python3 eval/relevance.py [--dossier target/release/dossier] [--index DIR]

What it does:

1. Builds a dossier index of the corpus into a temporary directory (or into --index DIR
   when that directory holds no index yet; an existing index there is reused unless
   --reingest is given).
2. Reads the judged passages' texts with `dossier export`.
3. Runs every query of eval/relevance.toml through `dossier search QUERY --json --limit 10`,
   one process per query, and scores the ranked passage ids against the judgments.
4. Builds the baseline: SQLite FTS5 (tokenizer `porter`, i.e. Porter stemming over
   unicode61 with diacritics removed; ranking by FTS5's built-in bm25) over naive
   blank-line paragraphs of the raw corpus/*.txt files (split on blank lines, no
   cleaning). It runs the same query strings, translated to FTS5 syntax (see
   `fts5_query`), and maps each baseline paragraph to the judged passages it contains
   (see `covers`).
5. Prints a per-query table and the summary: MRR@10, Recall@5 and nDCG@10 for dossier and
   for the baseline, and exits 0.

Metrics (over all queries, unanswered queries count as 0):
  MRR@10     mean of 1/rank of the first hit that is a judged passage (grade 1 or 2)
  Recall@5   mean over queries of (judged passages found in the top 5) / (judged passages)
  nDCG@10    graded: gain 2^grade - 1 (best = 3, also = 1), log2 discount, ideal ranking
             built from the query's judgments; a judged passage earns its gain once.

Baseline units are not passages. A baseline paragraph P "contains" a judged passage J when
at least half of J's word trigrams (after lower-casing and diacritic folding) occur in P,
or when P is a fragment of J (P has at least 20 words and at least 80% of P's trigrams
occur in J: a page-broken paragraph split by the raw file). A baseline hit is relevant
when it contains a judged passage; its grade is the highest grade among the judged passages
it contains that no earlier hit has already been credited with.

The raw Türkiye 2023 file has no blank lines at all, so the naive split makes the whole
report one unit, and the CEP timeline blocks run to 900+ words. Those giant units inflate
the baseline's recall (one hit "contains" many answers an analyst would still have to dig
out). The run therefore also reports a second baseline, "lines", identical except that a
blank-line block longer than 300 words is split at its line breaks. See eval/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

LIMIT = 10
RECALL_AT = 5
BIG_BLOCK_WORDS = 300  # "lines" baseline: blocks longer than this are split at line breaks
COVER_MIN = 0.5  # share of a judged passage's trigrams a baseline unit must contain
FRAGMENT_MIN = 0.8  # share of a baseline unit's trigrams found in a judged passage …
FRAGMENT_WORDS = 20  # … for a unit of at least this many words to count as its fragment


# ----------------------------------------------------------------------------- judgments


@dataclass
class Query:
    id: str
    q: str
    type: str
    grades: dict[str, int]  # passage id -> 2 (best) or 1 (also)
    note: str = ""


def load_judgments(path: Path) -> list[Query]:
    with path.open("rb") as f:
        data = tomllib.load(f)
    queries = []
    seen = set()
    for raw in data.get("query", []):
        qid = raw["id"]
        if qid in seen:
            raise ValueError(f"{path}: duplicate query id {qid}")
        seen.add(qid)
        grades: dict[str, int] = {}
        for pid in raw.get("also", []):
            grades[pid] = 1
        for pid in raw.get("best", []):
            grades[pid] = 2
        if not 1 <= len(grades) <= 5:
            raise ValueError(f"{path}: query {qid} must judge 1-5 passages, has {len(grades)}")
        queries.append(Query(qid, raw["q"], raw.get("type", ""), grades, raw.get("note", "")))
    if not queries:
        raise ValueError(f"{path}: no [[query]] tables")
    return queries


# ----------------------------------------------------------------------------- metrics


def first_rank(hit_grades: list[int]) -> int | None:
    """1-based rank of the first relevant hit, or None."""
    for i, g in enumerate(hit_grades[:LIMIT]):
        if g > 0:
            return i + 1
    return None


def ndcg(hit_grades: list[int], judged: list[int]) -> float:
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(hit_grades[:LIMIT]))
    ideal = sorted(judged, reverse=True)[:LIMIT]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


@dataclass
class Scored:
    """One system's result for one query."""

    hits: list[str] = field(default_factory=list)  # ids (dossier) or unit labels (baseline)
    grades: list[int] = field(default_factory=list)  # credited grade per hit, 0 = not relevant
    found_at5: set[str] = field(default_factory=set)  # judged ids found in the top RECALL_AT
    words_at5: int = 0  # words an analyst reads in the top RECALL_AT hits
    error: str = ""

    def rank(self) -> int | None:
        return first_rank(self.grades)

    def rr(self) -> float:
        r = self.rank()
        return 1.0 / r if r else 0.0

    def recall(self, q: Query) -> float:
        return len(self.found_at5) / len(q.grades)

    def ndcg(self, q: Query) -> float:
        return ndcg(self.grades, list(q.grades.values()))


def score_dossier(q: Query, ids: list[str], texts: dict[str, str]) -> Scored:
    s = Scored(hits=ids[:LIMIT])
    s.words_at5 = sum(len(words(texts.get(pid, ""))) for pid in s.hits[:RECALL_AT])
    credited: set[str] = set()
    for pid in s.hits:
        g = q.grades.get(pid, 0) if pid not in credited else 0
        credited.add(pid)
        s.grades.append(g)
    s.found_at5 = {pid for pid in s.hits[:RECALL_AT] if pid in q.grades}
    return s


# ----------------------------------------------------------------------------- text overlap


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("ı", "i")  # dotless i has no decomposition
    return re.findall(r"\w+", folded)


def shingles(ws: list[str]) -> set[tuple[str, ...]]:
    if len(ws) < 3:
        return {tuple(ws)} if ws else set()
    return {tuple(ws[i : i + 3]) for i in range(len(ws) - 2)}


@dataclass
class Unit:
    label: str  # file stem + ordinal, for the table
    text: str
    nwords: int
    sh: set[tuple[str, ...]]


def covers(unit: Unit, passage_sh: set[tuple[str, ...]]) -> bool:
    if not passage_sh or not unit.sh:
        return False
    common = len(unit.sh & passage_sh)
    if common / len(passage_sh) >= COVER_MIN:
        return True
    return unit.nwords >= FRAGMENT_WORDS and common / len(unit.sh) >= FRAGMENT_MIN


# ----------------------------------------------------------------------------- baseline


def split_units(corpus: Path, mode: str) -> list[Unit]:
    units = []
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        blocks = [b.strip() for b in re.split(r"\n[ \t\r\f\v]*\n", text) if b.strip()]
        if mode == "lines":
            split = []
            for b in blocks:
                if len(b.split()) > BIG_BLOCK_WORDS:
                    split.extend(line.strip() for line in b.splitlines() if line.strip())
                else:
                    split.append(b)
            blocks = split
        for n, b in enumerate(blocks, 1):
            ws = words(b)
            units.append(Unit(f"{path.stem}#{n}", b, len(ws), shingles(ws)))
    return units


def build_fts(units: list[Unit]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE para USING fts5(body, tokenize = 'porter')")
    db.executemany(
        "INSERT INTO para(rowid, body) VALUES (?, ?)",
        [(i + 1, u.text) for i, u in enumerate(units)],
    )
    return db


TOKEN_RE = re.compile(r'-?"[^"]*"(?:~\d+)?|\S+')


def fts5_term(raw: str) -> str | None:
    """One dossier query term as a quoted FTS5 string (a phrase when it has several words)."""
    prefix = raw.endswith("*") and not raw.startswith('"')
    raw = raw.rstrip("*")
    raw = re.sub(r"~\d*$", "", raw)  # fuzzy `word~` / slop `"…"~2`: dropped
    if not raw.startswith('"') and re.match(r"^[A-Za-z_]+:(?!//)", raw):
        name, raw = raw.split(":", 1)
        if name.lower() in ("doc", "kind"):
            return None  # baseline units have no document or kind field: dropped
        # an entity or section field: its value is searched as text
    # FTS5's tokenizer sees letters and digits as token characters; anything else separates.
    toks = [t for t in re.split(r"[^\w]+", raw.strip('"')) if t]
    if not toks:
        return None
    quoted = '"' + " ".join(toks).replace('"', '""') + '"'
    return quoted + ("*" if prefix and len(toks) == 1 else "")


def fts5_query(q: str) -> str | None:
    """Translates a dossier query into an FTS5 MATCH expression.

    - words and "phrases" become quoted FTS5 strings (so no input can be an FTS5 syntax
      error); a word with inner punctuation (al-Qaeda, Hüda-Par) becomes a phrase;
    - adjacent terms are joined with OR: plain BM25 bag-of-words ranking, as a default
      Lucene/Elasticsearch `match` query does;
    - an explicit AND or OR between two terms is kept (FTS5 binds AND tighter than OR);
    - `-term` excludes: (positive part) NOT term;
    - `field:value` keeps the value as text (`doc:` and `kind:` terms are dropped),
      `prefix*` is an FTS5 prefix query, fuzzy `~` and phrase slop are dropped.
    """
    positives: list[str] = []
    negatives: list[str] = []
    pending_op = None
    for tok in TOKEN_RE.findall(q):
        if tok in ("AND", "OR"):
            pending_op = tok
            continue
        neg = tok.startswith("-") and len(tok) > 1
        term = fts5_term(tok[1:] if neg else tok)
        if term is None:
            continue
        if neg:
            negatives.append(term)
            continue
        if positives:
            positives.append(pending_op or "OR")
        positives.append(term)
        pending_op = None
    if not positives:
        return None
    expr = " ".join(positives)
    for n in negatives:
        expr = f"({expr}) NOT {n}"
    return expr


def run_baseline(
    db: sqlite3.Connection, units: list[Unit], q: Query, judged_sh: dict[str, set]
) -> Scored:
    expr = fts5_query(q.q)
    s = Scored()
    if expr is None:
        s.error = "empty FTS5 query"
        return s
    try:
        rows = db.execute(
            "SELECT rowid FROM para WHERE para MATCH ? ORDER BY rank LIMIT ?", (expr, LIMIT)
        ).fetchall()
    except sqlite3.OperationalError as e:  # should not happen: every term is quoted
        s.error = f"FTS5: {e}"
        return s
    credited: set[str] = set()
    for i, (rowid,) in enumerate(rows):
        unit = units[rowid - 1]
        s.hits.append(unit.label)
        contained = [pid for pid in q.grades if covers(unit, judged_sh[pid])]
        fresh = [pid for pid in contained if pid not in credited]
        s.grades.append(max((q.grades[pid] for pid in fresh), default=0))
        credited.update(contained)
        if i < RECALL_AT:
            s.found_at5.update(contained)
            s.words_at5 += unit.nwords
    return s


# ----------------------------------------------------------------------------- dossier


def dossier_cmd(binary: Path, index: Path, *args: str) -> list[str]:
    return [str(binary), "--index", str(index), *args]


def ensure_index(binary: Path, index: Path, corpus: Path, reingest: bool) -> None:
    if (index / "CURRENT").exists() and not reingest:
        print(f"reusing the dossier index in {index} (--reingest rebuilds it)", file=sys.stderr)
        return
    print(f"building the dossier index of {corpus} in {index} …", file=sys.stderr)
    subprocess.run(
        dossier_cmd(binary, index, "ingest", "--quiet", str(corpus)),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def export_texts(binary: Path, index: Path) -> dict[str, str]:
    out = subprocess.run(
        dossier_cmd(binary, index, "export"), check=True, capture_output=True, text=True
    ).stdout
    texts = {}
    for line in out.splitlines():
        if line.strip():
            obj = json.loads(line)
            texts[obj["id"]] = obj["text"]
    return texts


def run_dossier(
    binary: Path, index: Path, q: Query, texts: dict[str, str]
) -> tuple[Scored, float]:
    cmd = dossier_cmd(binary, index, "search", "--json", "--limit", str(LIMIT), "--", q.q)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    elapsed = time.perf_counter() - t0
    if proc.returncode == 1 and not proc.stdout.strip():
        return score_dossier(q, [], texts), elapsed  # no hit
    if proc.returncode != 0:
        s = score_dossier(q, [], texts)
        s.error = f"exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1:] or ''}"
        return s, elapsed
    ids = [json.loads(line)["id"] for line in proc.stdout.splitlines() if line.strip()]
    return score_dossier(q, ids, texts), elapsed


# ----------------------------------------------------------------------------- report


def fmt_rank(s: Scored) -> str:
    if s.error:
        return "ERR"
    r = s.rank()
    return str(r) if r else "-"


def summary(name: str, qs: list[Query], res: list[Scored]) -> dict[str, float]:
    n = len(qs)
    return {
        "system": name,
        "mrr@10": sum(s.rr() for s in res) / n,
        "recall@5": sum(s.recall(q) for q, s in zip(qs, res)) / n,
        "ndcg@10": sum(s.ndcg(q) for q, s in zip(qs, res)) / n,
        "answered@10": sum(1 for s in res if s.rank()) / n,
        "words@5": statistics.mean(s.words_at5 for s in res),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = Path(__file__).resolve().parent.parent
    ap.add_argument("--dossier", type=Path, default=root / "target/release/dossier")
    ap.add_argument("--index", type=Path, help="index directory (default: a temporary one)")
    ap.add_argument("--reingest", action="store_true", help="rebuild the index in --index")
    ap.add_argument("--corpus", type=Path, default=root / "corpus")
    ap.add_argument("--judgments", type=Path, default=root / "eval/relevance.toml")
    ap.add_argument("--json", type=Path, help="also write per-query results to this file")
    ap.add_argument("--worst", type=int, default=12, help="how many weak queries to detail")
    args = ap.parse_args()

    binary = args.dossier
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        print(
            f"relevance: no dossier binary at {binary}; build it with "
            "`cargo build --release` or pass --dossier PATH. Nothing was measured."
        )
        return 0

    queries = load_judgments(args.judgments)
    tmp = None
    if args.index is None:
        tmp = tempfile.mkdtemp(prefix="dossier-relevance-")
        index = Path(tmp) / "index"
    else:
        index = args.index
    try:
        ensure_index(binary, index, args.corpus, args.reingest)
        texts = export_texts(binary, index)
        missing = sorted({pid for q in queries for pid in q.grades if pid not in texts})
        if missing:
            print(f"relevance: judged ids absent from the index: {', '.join(missing)}")
            return 1
        judged_sh = {pid: shingles(words(texts[pid])) for q in queries for pid in q.grades}

        dossier_res, times = [], []
        for q in queries:
            s, t = run_dossier(binary, index, q, texts)
            dossier_res.append(s)
            times.append(t)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    baselines = {}
    unit_sizes = {}
    for mode in ("blank", "lines"):
        units = split_units(args.corpus, mode)
        db = build_fts(units)
        baselines[mode] = [run_baseline(db, units, q, judged_sh) for q in queries]
        unit_sizes[mode] = (len(units), statistics.median(u.nwords for u in units),
                            max(u.nwords for u in units))

    # ---- per-query table
    print(f"sqlite {sqlite3.sqlite_version}, FTS5 porter/bm25; dossier {binary}")
    print()
    head = (
        f"{'id':<4} {'type':<8} {'query':<46} {'hits':>4} {'dossier':>7} {'bm25':>5} "
        f"{'lines':>5}  {'R@5 d/b':>9}"
    )
    print(head)
    print("-" * len(head))
    for q, d, b, bl in zip(queries, dossier_res, baselines["blank"], baselines["lines"]):
        text = q.q if len(q.q) <= 46 else q.q[:45] + "…"
        r5 = f"{d.recall(q):.2f}/{b.recall(q):.2f}"
        print(
            f"{q.id:<4} {q.type:<8} {text:<46} {len(d.hits):>4} {fmt_rank(d):>7} "
            f"{fmt_rank(b):>5} {fmt_rank(bl):>5}  {r5:>9}"
        )
    print()
    print(
        "hits = passages dossier returned (of 10 asked); dossier/bm25/lines = 1-based rank of the"
        " first judged passage in the top 10, '-' = none, ERR = error; R@5 d/b = Recall@5 of"
        " dossier / blank-line baseline"
    )

    # ---- summary
    sums = [
        summary("dossier", queries, dossier_res),
        summary("baseline bm25 (blank-line paragraphs)", queries, baselines["blank"]),
        summary("baseline bm25 (big blocks split at lines)", queries, baselines["lines"]),
    ]
    print()
    print(f"{len(queries)} queries, {sum(len(q.grades) for q in queries)} judged passages")
    print(
        f"{'system':<42} {'MRR@10':>7} {'Recall@5':>9} {'nDCG@10':>8} {'answered':>9} "
        f"{'words@5':>8}"
    )
    for s in sums:
        print(
            f"{s['system']:<42} {s['mrr@10']:>7.3f} {s['recall@5']:>9.3f} "
            f"{s['ndcg@10']:>8.3f} {s['answered@10']:>9.2f} {s['words@5']:>8.0f}"
        )
    print(
        "  answered = share of queries with a judged passage in the top 10; words@5 = mean"
        " words in the top 5 hits (what an analyst reads to get that Recall@5)"
    )
    for mode, (n, med, mx) in unit_sizes.items():
        print(f"  baseline '{mode}': {n} units, median {med:g} words, largest {mx} words")
    times_ms = sorted(t * 1000 for t in times)
    print(
        f"  dossier search wall time per process: median {statistics.median(times_ms):.1f} ms, "
        f"max {times_ms[-1]:.1f} ms"
    )
    short = sum(1 for d in dossier_res if len(d.hits) < RECALL_AT)
    print(f"  dossier returned fewer than {RECALL_AT} hits for {short} of {len(queries)} queries")

    # ---- per type
    print()
    print(f"MRR@10 by query type\n{'type':<9} {'n':>3} {'dossier':>8} {'bm25':>6} {'lines':>6}")
    for t in sorted({q.type for q in queries}):
        idx = [i for i, q in enumerate(queries) if q.type == t]
        mrr = [
            sum(res[i].rr() for i in idx) / len(idx)
            for res in (dossier_res, baselines["blank"], baselines["lines"])
        ]
        print(f"{t:<9} {len(idx):>3} {mrr[0]:>8.3f} {mrr[1]:>6.3f} {mrr[2]:>6.3f}")

    # ---- weakest dossier queries, with what came first instead
    weak = sorted(
        range(len(queries)),
        key=lambda i: (dossier_res[i].rr(), dossier_res[i].recall(queries[i])),
    )
    weak = [i for i in weak if dossier_res[i].rr() < 1 or dossier_res[i].recall(queries[i]) < 0.5]
    if weak:
        print()
        print("weakest dossier queries (judged: * best, + also; first hits shown):")
        for i in weak[: args.worst]:
            q, d = queries[i], dossier_res[i]
            judged = " ".join(("*" if g == 2 else "+") + pid for pid, g in q.grades.items())
            print(f"  {q.id} {q.q!r}: rank {fmt_rank(d)}, R@5 {d.recall(q):.2f}  {d.error}")
            print(f"      judged {judged}")
            print(f"      got    {' '.join(d.hits[:5]) or '(nothing)'}")

    if args.json:
        rows = []
        for q, d, b, bl in zip(queries, dossier_res, baselines["blank"], baselines["lines"]):
            rows.append({
                "id": q.id, "q": q.q, "type": q.type, "judged": q.grades,
                "dossier": {"hits": d.hits, "rank": d.rank(), "recall@5": d.recall(q),
                            "ndcg@10": d.ndcg(q), "error": d.error},
                "baseline": {"fts5": fts5_query(q.q), "hits": b.hits, "rank": b.rank(),
                             "recall@5": b.recall(q), "ndcg@10": b.ndcg(q)},
                "baseline_lines": {"hits": bl.hits, "rank": bl.rank(),
                                   "recall@5": bl.recall(q), "ndcg@10": bl.ndcg(q)},
            })
        args.json.write_text(json.dumps({"summary": sums, "queries": rows}, indent=1,
                                        ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
