#!/usr/bin/env python3
"""List the library's module dependencies, file by file, and check the layering.

Reads every `src/**/*.rs` of the library (not the binary), resolves each
`crate::…` and `super::…` path it names to the module file that defines it,
and prints one line per file: `file -> modules it uses`. Then it reports
the rules from issue 10 that are broken:

- a module under `src/index/` that uses `extract`, `ingest`, `query` or `segment`;
- two files that use each other (a cycle of length two);
- a function defined in `lib.rs`;
- files over 600 lines and functions over 80 lines (tests and data tables aside).

Usage: scripts/module_deps.py [--check]   (--check exits 1 when a rule is broken)
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
MAX_FILE_LINES = 600
MAX_FN_LINES = 80


def module_of(path: Path) -> tuple:
    """`src/index/write.rs` -> ("index", "write"); `src/index/mod.rs` -> ("index",)."""
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] in ("mod", "lib"):
        parts = parts[:-1]
    return tuple(parts)


def library_files():
    for path in sorted(SRC.rglob("*.rs")):
        rel = path.relative_to(SRC)
        if rel.parts[0] == "bin" or rel.name == "main.rs" and len(rel.parts) == 1:
            continue
        yield path


def strip_comments_and_strings(text: str) -> str:
    text = re.sub(r"//[^\n]*", "", text)
    # Character literals first: `'"'` and `b'"'` open no string.
    text = re.sub(r"'(?:\\.|[^'\\])'", "' '", text)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    return text


def strip_tests(text: str) -> str:
    """Drop `#[cfg(test)] mod tests { … }` blocks: test code may reach anywhere."""
    out, i = [], 0
    for m in re.finditer(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text):
        if m.start() < i:
            continue
        out.append(text[i:m.start()])
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        i = j
    out.append(text[i:])
    return "".join(out)


def expand_use_groups(text: str):
    """Yield every path named in the file: `use a::{b, c::d}` yields a::b and a::c::d."""
    for m in re.finditer(r"\buse\s+([^;]+);", text, re.S):
        yield from expand(m.group(1).replace("\n", " ").replace(" ", ""))
    for m in re.finditer(r"(?<![\w:])((?:crate|super|self|\w+)(?:::\w+)+)", text):
        yield m.group(1)


def expand(tree: str):
    depth, brace = 0, None
    for i, c in enumerate(tree):
        if c == "{":
            if depth == 0:
                brace = i
            depth += 1
        elif c == "}":
            depth -= 1
    if brace is None:
        yield tree
        return
    prefix, inner = tree[:brace], tree[brace + 1 : tree.rindex("}")]
    parts, depth, start = [], 0, 0
    for i, c in enumerate(inner):
        depth += {"{": 1, "}": -1}.get(c, 0)
        if c == "," and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
    parts.append(inner[start:])
    for part in parts:
        if part:
            yield from expand(prefix + part)


def resolve(path: str, here: tuple, modules: set):
    segs = path.split("::")
    if segs[0] == "crate":
        base, segs = (), segs[1:]
    elif segs[0] == "super":
        base = here
        while segs and segs[0] == "super":
            base, segs = base[:-1], segs[1:]
    elif segs[0] == "self":
        base, segs = here, segs[1:]
    elif here + (segs[0],) in modules:
        base = here
    else:
        return None
    best = base
    for k in range(1, len(segs) + 1):
        cand = base + tuple(segs[:k])
        if cand in modules:
            best = cand
    return best


def fn_lengths(text: str):
    """(name, lines) of every fn body, tests aside."""
    for m in re.finditer(r"\bfn\s+(\w+)[^;{]*\{", text):
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        yield m.group(1), text[m.start():j].count("\n") + 1


def main():
    files = list(library_files())
    modules = {module_of(f): f for f in files}
    deps = {}
    problems = []
    for f in files:
        here = module_of(f)
        raw = f.read_text()
        text = strip_tests(strip_comments_and_strings(raw))
        used = set()
        for p in expand_use_groups(text):
            target = resolve(p, here, set(modules))
            if target is not None and target != here:
                used.add(target)
        deps[here] = used
        lines = raw.count("\n")
        if lines > MAX_FILE_LINES and not f.name.startswith("tests"):
            problems.append(f"{f.relative_to(ROOT)}: {lines} lines (over {MAX_FILE_LINES})")
        for name, n in fn_lengths(text):
            if n > MAX_FN_LINES:
                problems.append(f"{f.relative_to(ROOT)}: fn {name} is {n} lines (over {MAX_FN_LINES})")
    name = lambda m: "::".join(m) or "lib"
    for m in sorted(deps):
        print(f"{name(m):28} -> {', '.join(sorted(name(d) for d in deps[m]))}")
    for m, used in deps.items():
        if m[:1] == ("index",):
            for d in used:
                if d[:1] and d[0] in ("extract", "ingest", "query", "segment"):
                    problems.append(f"{name(m)} (index) uses {name(d)}")
        for d in used:
            if m in deps.get(d, ()) and m < d:
                problems.append(f"{name(m)} and {name(d)} use each other")
    lib = strip_comments_and_strings((SRC / "lib.rs").read_text())
    if re.search(r"\bfn\s+\w+", lib.split("#[cfg(test)]")[0]):
        problems.append("lib.rs defines a function")
    print()
    print("\n".join(problems) or "layering: no rule broken")
    if "--check" in sys.argv and problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
