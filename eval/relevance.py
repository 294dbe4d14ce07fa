#!/usr/bin/env python3
"""Relevance check for `dossier search`, with a plain BM25 baseline in the same run.

Run from the repository root (Python 3.11+, standard library only):

    cargo build --release
    python3 eval/relevance.py [--dossier target/release/dossier] [--index DIR]
                              [--dossier-before OLD_BINARY]

What it does:

1. Builds a dossier index of the corpus into a temporary directory (or into --index DIR
   when that directory holds no index yet; an existing index there is reused unless
   --reingest is given).
2. Reads the judged passages' texts with `dossier export`.
3. Runs every query of eval/relevance.toml (the clean queries, typed as the reports write
   them) and of eval/variants.toml (the same needs typed otherwise: typos, the other
   spelling, compounds, unquoted names, transliterations, person-name variants) through
   `dossier search QUERY --json --limit 10`, one process per query, and scores the ranked
   passage ids against the judgments. Each query runs three ways: the given binary as is,
   the same with `--exact` (no spelling, compound or typo widening), and, with
   --dossier-before, an older binary on an index it builds itself (the "before" figures).
4. Builds the baseline: SQLite FTS5 (tokenizer `porter`, i.e. Porter stemming over
   unicode61 with diacritics removed; ranking by FTS5's built-in bm25) over naive
   blank-line paragraphs of the raw corpus/*.txt files (split on blank lines, no
   cleaning). It runs the same query strings, translated to FTS5 syntax (see
   `fts5_query`), and maps each baseline paragraph to the judged passages it contains
   (see `covers`).
5. Prints per-query tables and the summary: MRR@10, Recall@5 and nDCG@10 for every
   system, separately for the clean and the variant queries; then the typo check (see
   `typo_check`), and exits 0.

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
    how: str = ""  # variants only: typo, spelling, hyphen, unquoted-alias, …
    variant_of: str = ""  # variants only: the clean query's id, when it varies one


# The `how` of a variant query (eval/variants.toml documents each).
HOWS = ("typo", "spelling", "hyphen", "unquoted-alias", "transliteration", "person-variant")


def load_judgments(path: Path, clean: list[Query] | None = None) -> list[Query]:
    """Reads a judgments file; with `clean`, a variants file whose queries may take their
    judgments from the clean query they vary (`variant_of`, when they have no `best`)."""
    with path.open("rb") as f:
        data = tomllib.load(f)
    base = {q.id: q for q in clean or []}
    queries = []
    seen = set(base)
    for raw in data.get("query", []):
        qid = raw["id"]
        if qid in seen:
            raise ValueError(f"{path}: duplicate query id {qid}")
        seen.add(qid)
        how, of = raw.get("how", ""), raw.get("variant_of", "")
        if clean is not None and how not in HOWS:
            raise ValueError(f"{path}: query {qid}: how = {how!r}, not one of {', '.join(HOWS)}")
        if of and of not in base:
            raise ValueError(f"{path}: query {qid} varies {of!r}, which is no clean query")
        grades: dict[str, int] = {}
        if "best" in raw:
            for pid in raw.get("also", []):
                grades[pid] = 1
            for pid in raw["best"]:
                grades[pid] = 2
        elif of:
            grades = dict(base[of].grades)
        if not 1 <= len(grades) <= 5:
            raise ValueError(f"{path}: query {qid} must judge 1-5 passages, has {len(grades)}")
        qtype = raw.get("type") or (base[of].type if of else "")
        queries.append(Query(qid, raw["q"], qtype, grades, raw.get("note", ""), how, of))
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
    expansions: list[list[dict]] = field(default_factory=list)  # per hit (dossier only)

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


def search(
    binary: Path, index: Path, query: str, *flags: str, limit: int = LIMIT
) -> tuple[subprocess.CompletedProcess, float]:
    cmd = dossier_cmd(binary, index, "search", *flags, "--limit", str(limit), "--", query)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    return proc, time.perf_counter() - t0


def run_dossier(
    binary: Path, index: Path, q: Query, texts: dict[str, str], *flags: str
) -> tuple[Scored, float]:
    proc, elapsed = search(binary, index, q.q, "--json", *flags)
    if proc.returncode == 1 and not proc.stdout.strip():
        return score_dossier(q, [], texts), elapsed  # no hit
    if proc.returncode != 0:
        s = score_dossier(q, [], texts)
        s.error = f"exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1:] or ''}"
        return s, elapsed
    hits = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    s = score_dossier(q, [h["id"] for h in hits], texts)
    s.expansions = [h.get("expansions", []) for h in hits[:LIMIT]]
    return s, elapsed


@dataclass
class System:
    """One way of answering the queries, with its results for the clean and variant sets."""

    name: str
    short: str  # column heading
    clean: list[Scored] = field(default_factory=list)
    variants: list[Scored] = field(default_factory=list)
    times: list[float] = field(default_factory=list)

    def results(self, which: str) -> list[Scored]:
        return self.clean if which == "clean" else self.variants


# ----------------------------------------------------------------------------- typo check


def all_words_tier(binary: Path, index: Path, query: str) -> int:
    """How many of the top hits of `search --exact` have every query word, read from the
    footer of the text output ("(3 with all the words first)", "(none with all the
    words)", or no such note: then every hit has every word)."""
    proc, _ = search(binary, index, query, "--exact", "--color", "never")
    m = re.search(r"\((\d+) with all the words first\)", proc.stdout)
    if m:
        return int(m.group(1))
    if "(none with all the words)" in proc.stdout:
        return 0
    return LIMIT


def is_typo_hit(expansions: list[dict]) -> bool:
    return any(e.get("kind") == "typo" for e in expansions)


@dataclass
class TypoCheck:
    queries: int = 0  # queries checked
    with_typo: int = 0  # queries where some matching passage (any rank) came through a typo
    with_typo_top: int = 0  # … one in the top 10
    typo_hits: int = 0  # top-10 hits matched through a typo
    typo_judged: int = 0  # … that are judged passages
    over_judged: int = 0  # unjudged typo hits ranked above a judged passage (or pushing one out)
    over_exact: int = 0  # typo hits ranked above an all-words exact hit (or pushing one out)
    examples: list[str] = field(default_factory=list)


def typo_check(
    binary: Path, index: Path, qs: list[Query], after: list[Scored], exact: list[Scored],
    deep: bool,
) -> TypoCheck:
    """How often a passage matched only through a typo expansion outranks a correct match.

    A typo hit is a top-10 hit of the plain run whose `expansions` include kind "typo"
    (typos are only tried for words no passage has, so the hit has that word only through
    the typo). A typo hit that is not itself judged outranks a judged passage when that
    passage ranks below it, or is in the top 10 of the `--exact` run but no longer in the
    plain top 10. A typo hit outranks an exact match likewise, where the exact matches are
    the hits of the `--exact` run that have every query word (its all-words tier) and did
    not come through a typo. With `deep`, also counts the queries for which any matching
    passage, at any rank, came through a typo."""
    tc = TypoCheck(queries=len(qs))
    for q, a, e in zip(qs, after, exact):
        typo_at = [i for i, ex in enumerate(a.expansions) if is_typo_hit(ex)]
        if deep:
            proc, _ = search(binary, index, q.q, "--json", limit=1000)
            if any(
                is_typo_hit(json.loads(line).get("expansions", []))
                for line in proc.stdout.splitlines()
                if line.strip()
            ):
                tc.with_typo += 1
        if not typo_at:
            continue
        tc.with_typo_top += 1
        plain_typo = {a.hits[i] for i in typo_at}
        exact_all = [pid for pid in e.hits[: all_words_tier(binary, index, q.q)]
                     if pid not in plain_typo]
        pushed_out = set(e.hits) - set(a.hits)
        for i in typo_at:
            tc.typo_hits += 1
            tc.typo_judged += a.hits[i] in q.grades
            below = set(a.hits[i + 1 :]) | pushed_out
            where = f"{q.id} {q.q!r}: typo hit {a.hits[i]} (rank {i + 1}) above"
            if a.hits[i] not in q.grades and any(pid in below for pid in q.grades):
                tc.over_judged += 1
                tc.examples.append(f"{where} a judged passage")
            if any(pid in below for pid in exact_all):
                tc.over_exact += 1
                tc.examples.append(f"{where} an exact all-words hit")
    return tc


# ----------------------------------------------------------------------------- report


def fmt_rank(s: Scored | None) -> str:
    if s is None:
        return "n/a"
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


def expansion_note(s: Scored, upto: int = RECALL_AT) -> str:
    """The widenings the top hits went through, e.g. `typo:separate spelling:program`."""
    seen: list[str] = []
    for ex in s.expansions[:upto]:
        for e in ex:
            if e.get("kind") == "entity":
                continue
            tag = f"{e.get('kind')}:{e.get('to', '').split(' (')[0]}"
            if tag not in seen:
                seen.append(tag)
    return " ".join(seen)


def print_clean_table(qs: list[Query], systems: list[System]) -> None:
    after, exact, before, blank, lines = systems
    head = (
        f"{'id':<4} {'type':<8} {'query':<44} {'hits':>4} {'after':>5} {'exact':>5} {'before':>6} "
        f"{'bm25':>5} {'lines':>5}  {'R@5 a/b/bm25':>14}"
    )
    print(head)
    print("-" * len(head))
    for i, q in enumerate(qs):
        a, b, bl = after.clean[i], blank.clean[i], lines.clean[i]
        old = before.clean[i] if before.clean else None
        text = q.q if len(q.q) <= 44 else q.q[:43] + "…"
        r5 = f"{a.recall(q):.2f}/{f'{old.recall(q):.2f}' if old else 'n/a'}/{b.recall(q):.2f}"
        print(
            f"{q.id:<4} {q.type:<8} {text:<44} {len(a.hits):>4} {fmt_rank(a):>5} "
            f"{fmt_rank(exact.clean[i]):>5} {fmt_rank(old):>6} {fmt_rank(b):>5} {fmt_rank(bl):>5}"
            f"  {r5:>14}"
        )


def print_variant_table(
    vs: list[Query], systems: list[System], clean_rank: dict[str, str]
) -> None:
    after, exact, before, blank, lines = systems
    head = (
        f"{'id':<4} {'how':<15} {'of':<4} {'query':<44} {'after':>5} {'exact':>5} {'before':>6} "
        f"{'bm25':>5} {'lines':>5} {'clean':>5}  {'R@5 a/b':>9}  widened through (top 5)"
    )
    print(head)
    print("-" * len(head))
    for i, q in enumerate(vs):
        a = after.variants[i]
        old = before.variants[i] if before.variants else None
        text = q.q if len(q.q) <= 44 else q.q[:43] + "…"
        r5 = f"{a.recall(q):.2f}/{f'{old.recall(q):.2f}' if old else 'n/a'}"
        print(
            f"{q.id:<4} {q.how:<15} {q.variant_of or '':<4} {text:<44} {fmt_rank(a):>5} "
            f"{fmt_rank(exact.variants[i]):>5} {fmt_rank(old):>6} {fmt_rank(blank.variants[i]):>5} "
            f"{fmt_rank(lines.variants[i]):>5} {clean_rank.get(q.variant_of, ''):>5}  {r5:>9}  "
            f"{expansion_note(a)}"
        )


def rate(k: int, n: int) -> str:
    return f"{k}/{n} = {k / n:.3f}" if n else f"{k}/0"


def print_weak(title: str, qs: list[Query], res: list[Scored], worst: int) -> None:
    weak = sorted(range(len(qs)), key=lambda i: (res[i].rr(), res[i].recall(qs[i])))
    weak = [i for i in weak if res[i].rr() < 1 or res[i].recall(qs[i]) < 0.5]
    if not weak:
        return
    print()
    print(f"{title} (judged: * best, + also; first hits shown):")
    for i in weak[:worst]:
        q, d = qs[i], res[i]
        judged = " ".join(("*" if g == 2 else "+") + pid for pid, g in q.grades.items())
        print(f"  {q.id} {q.q!r}: rank {fmt_rank(d)}, R@5 {d.recall(q):.2f}  {d.error}")
        print(f"      judged {judged}")
        print(f"      got    {' '.join(d.hits[:5]) or '(nothing)'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = Path(__file__).resolve().parent.parent
    ap.add_argument("--dossier", type=Path, default=root / "target/release/dossier")
    ap.add_argument("--dossier-before", type=Path,
                    help="an older dossier binary to compare with (its own index is built)")
    ap.add_argument("--index", type=Path, help="index directory (default: a temporary one)")
    ap.add_argument("--index-before", type=Path,
                    help="index directory for --dossier-before (default: next to --index, "
                         "with '-before' appended, or a temporary one)")
    ap.add_argument("--reingest", action="store_true", help="rebuild the index in --index")
    ap.add_argument("--corpus", type=Path, default=root / "corpus")
    ap.add_argument("--judgments", type=Path, default=root / "eval/relevance.toml")
    ap.add_argument("--variants", type=Path, default=root / "eval/variants.toml",
                    help="variant queries ('' to leave them out)")
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
    old = args.dossier_before
    if old is not None and not (old.is_file() and os.access(old, os.X_OK)):
        print(f"relevance: no dossier binary at {old} (--dossier-before)")
        return 1

    queries = load_judgments(args.judgments)
    variants = load_judgments(args.variants, queries) if str(args.variants) not in ("", ".") else []
    every = queries + variants
    tmp = tempfile.mkdtemp(prefix="dossier-relevance-")
    index = args.index or Path(tmp) / "index"
    if args.index_before:
        index_before = args.index_before
    elif args.index:
        index_before = args.index.with_name(args.index.name + "-before")
    else:
        index_before = Path(tmp) / "index-before"

    after = System("dossier (this build)", "after")
    exact = System("dossier --exact", "exact")
    before = System(f"dossier before ({old})" if old else "dossier before (not given)", "before")
    try:
        ensure_index(binary, index, args.corpus, args.reingest)
        texts = export_texts(binary, index)
        missing = sorted({pid for q in every for pid in q.grades if pid not in texts})
        if missing:
            print(f"relevance: judged ids absent from the index: {', '.join(missing)}")
            return 1
        judged_sh = {pid: shingles(words(texts[pid])) for q in every for pid in q.grades}

        for which, qs in (("clean", queries), ("variants", variants)):
            for q in qs:
                s, t = run_dossier(binary, index, q, texts)
                after.results(which).append(s)
                after.times.append(t)
                exact.results(which).append(run_dossier(binary, index, q, texts, "--exact")[0])
        if old:
            ensure_index(old, index_before, args.corpus, args.reingest)
            old_ids = set(export_texts(old, index_before))
            gone = sorted({pid for q in every for pid in q.grades if pid not in old_ids})
            if gone:
                print(f"relevance: judged ids absent from the 'before' index: {', '.join(gone)}")
            for which, qs in (("clean", queries), ("variants", variants)):
                for q in qs:
                    before.results(which).append(run_dossier(old, index_before, q, texts)[0])
        typo_clean = typo_check(binary, index, queries, after.clean, exact.clean, True)
        typo_var = typo_check(binary, index, variants, after.variants, exact.variants, False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    blank = System("baseline bm25 (blank-line paragraphs)", "bm25")
    lines = System("baseline bm25 (big blocks split at lines)", "lines")
    unit_sizes = {}
    for system, mode in ((blank, "blank"), (lines, "lines")):
        units = split_units(args.corpus, mode)
        db = build_fts(units)
        system.clean = [run_baseline(db, units, q, judged_sh) for q in queries]
        system.variants = [run_baseline(db, units, q, judged_sh) for q in variants]
        unit_sizes[mode] = (len(units), statistics.median(u.nwords for u in units),
                            max(u.nwords for u in units))
    systems = [after, exact, before, blank, lines]

    # ---- per-query tables
    print(f"sqlite {sqlite3.sqlite_version}, FTS5 porter/bm25; dossier {binary}"
          + (f"; before {old}" if old else ""))
    print()
    print(f"Clean queries ({args.judgments.name})")
    print_clean_table(queries, systems)
    print()
    print(
        "hits = passages dossier returned (of 10 asked); after/exact/before/bm25/lines = 1-based"
        " rank of the first judged passage in the top 10 for this build, this build with"
        " --exact, the --dossier-before build and the two baselines; '-' = none, ERR = error,"
        " n/a = not run; R@5 = Recall@5 of after / before / blank-line baseline"
    )
    clean_rank = {q.id: fmt_rank(s) for q, s in zip(queries, after.clean)}
    if variants:
        print()
        print(f"Variant queries ({args.variants.name})")
        print_variant_table(variants, systems, clean_rank)
        print()
        print(
            "of = the clean query it varies; clean = this build's rank on that clean query;"
            " widened through = the non-entity expansions of the top 5 hits (kind:what it"
            " matched)"
        )

    # ---- summary
    sums: dict[str, list[dict[str, float]]] = {}
    for which, qs in (("clean", queries), ("variants", variants)):
        if not qs:
            continue
        sums[which] = [summary(s.name, qs, s.results(which)) for s in systems if s.results(which)]
        print()
        print(f"{which}: {len(qs)} queries, {sum(len(q.grades) for q in qs)} judged passages")
        print(
            f"{'system':<42} {'MRR@10':>7} {'Recall@5':>9} {'nDCG@10':>8} {'answered':>9} "
            f"{'words@5':>8}"
        )
        for row in sums[which]:
            print(
                f"{row['system'][:42]:<42} {row['mrr@10']:>7.3f} {row['recall@5']:>9.3f} "
                f"{row['ndcg@10']:>8.3f} {row['answered@10']:>9.2f} {row['words@5']:>8.0f}"
            )
    print(
        "  answered = share of queries with a judged passage in the top 10; words@5 = mean"
        " words in the top 5 hits (what an analyst reads to get that Recall@5)"
    )
    for mode, (n, med, mx) in unit_sizes.items():
        print(f"  baseline '{mode}': {n} units, median {med:g} words, largest {mx} words")
    times_ms = sorted(t * 1000 for t in after.times)
    print(
        f"  dossier search wall time per process: median {statistics.median(times_ms):.1f} ms, "
        f"max {times_ms[-1]:.1f} ms"
    )
    short = sum(1 for d in after.clean if len(d.hits) < RECALL_AT)
    print(f"  dossier returned fewer than {RECALL_AT} hits for {short} of {len(queries)}"
          " clean queries")

    # ---- the figures side by side
    print()
    print("MRR@10 / Recall@5")
    print(f"{'queries':<10} " + " ".join(f"{s.short:>13}" for s in systems))
    for which, qs in (("clean", queries), ("variants", variants)):
        if not qs:
            continue
        cells = []
        for s in systems:
            res = s.results(which)
            if res:
                m = summary(s.name, qs, res)
                cells.append(f"{m['mrr@10']:.3f} / {m['recall@5']:.3f}")
            else:
                cells.append("n/a")
        print(f"{which:<10} " + " ".join(f"{c:>13}" for c in cells))

    # ---- per type / per how
    print()
    print("clean MRR@10 by query type")
    print(f"{'type':<9} {'n':>3} " + " ".join(f"{s.short:>6}" for s in systems))
    for t in sorted({q.type for q in queries}):
        idx = [i for i, q in enumerate(queries) if q.type == t]
        cells = [
            f"{sum(s.clean[i].rr() for i in idx) / len(idx):>6.3f}" if s.clean else f"{'n/a':>6}"
            for s in systems
        ]
        print(f"{t:<9} {len(idx):>3} " + " ".join(cells))
    if variants:
        print()
        print("variant MRR@10 / Recall@5 by how")
        print(f"{'how':<15} {'n':>3} " + " ".join(f"{s.short:>13}" for s in systems))
        for h in HOWS:
            idx = [i for i, q in enumerate(variants) if q.how == h]
            if not idx:
                continue
            cells = []
            for s in systems:
                if not s.variants:
                    cells.append(f"{'n/a':>13}")
                    continue
                mrr = sum(s.variants[i].rr() for i in idx) / len(idx)
                rec = sum(s.variants[i].recall(variants[i]) for i in idx) / len(idx)
                cells.append(f"{mrr:.3f} / {rec:.3f}")
            print(f"{h:<15} {len(idx):>3} " + " ".join(cells))

    # ---- typo check
    print()
    print("typo expansion on the clean queries (a typo is only tried for a word no passage has)")
    tc = typo_clean
    print(f"  queries where any matching passage came through a typo: {tc.with_typo} of"
          f" {tc.queries}; with such a hit in the top 10: {tc.with_typo_top}")
    print(f"  top-10 hits matched through a typo: {tc.typo_hits}, of them judged: {tc.typo_judged}")
    print(f"  unjudged typo hits above a judged passage: {rate(tc.over_judged, tc.typo_hits)}"
          f" of typo hits, {rate(tc.over_judged, tc.queries)} of clean queries")
    print(f"  typo hits above an exact all-words hit: {rate(tc.over_exact, tc.typo_hits)}"
          f" of typo hits, {rate(tc.over_exact, tc.queries)} of clean queries")
    for ex in tc.examples:
        print(f"    {ex}")
    if variants:
        tv = typo_var
        print("typo expansion on the variant queries (for comparison: here typos are expected)")
        print(f"  queries with a typo hit in the top 10: {tv.with_typo_top} of {tv.queries};"
              f" typo hits {tv.typo_hits}, judged {rate(tv.typo_judged, tv.typo_hits)};"
              f" unjudged ones above a judged passage {tv.over_judged}, above an exact"
              f" all-words hit {tv.over_exact}")

    # ---- weakest queries
    print_weak("weakest clean queries", queries, after.clean, args.worst)
    print_weak("variant queries not answered first", variants, after.variants, len(variants))

    if args.json:
        rows = []
        for which, qs in (("clean", queries), ("variants", variants)):
            for i, q in enumerate(qs):
                row = {"set": which, "id": q.id, "q": q.q, "type": q.type, "how": q.how,
                       "variant_of": q.variant_of, "judged": q.grades,
                       "baseline_fts5": fts5_query(q.q)}
                for s in systems:
                    res = s.results(which)
                    if not res:
                        continue
                    d = res[i]
                    row[s.short] = {"hits": d.hits, "rank": d.rank(), "recall@5": d.recall(q),
                                    "ndcg@10": d.ndcg(q), "error": d.error}
                    if d.expansions:
                        row[s.short]["expansions"] = d.expansions
                rows.append(row)
        typo = {"clean": typo_clean.__dict__, "variants": typo_var.__dict__}
        args.json.write_text(json.dumps({"summary": sums, "typo": typo, "queries": rows},
                                        indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
