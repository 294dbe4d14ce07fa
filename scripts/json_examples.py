#!/usr/bin/env python3
"""Regenerates the example lines of docs/json.md from the commands shown above them.

Each example in docs/json.md is a ```sh block holding one `dossier …` command
followed by a ```json block with its output. This script runs every command
(against an index of the bundled corpus, built in a temporary folder) and
writes the output into the json block, so the examples never drift from what
the binary prints.

Usage: scripts/json_examples.py [--dossier target/debug/dossier]
"""
import argparse
import re
import shlex
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "json.md"
# A ```sh block of one or more `dossier …` lines (the json block shows the
# last one's output; earlier lines set up, e.g. `watch add`).
EXAMPLE = re.compile(r"```sh\n((?:dossier [^\n]*\n)+)```\n\n```json\n(.*?)```", re.S)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", default=str(ROOT / "target" / "debug" / "dossier"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index"
        subprocess.run([args.dossier, "ingest", "--quiet", "--index", str(index), "corpus"], check=True, cwd=ROOT)

        def run(match):
            commands = match.group(1)
            out = ""
            for command in commands.splitlines():
                shell = command.replace("dossier ", f"{shlex.quote(args.dossier)} --index {shlex.quote(str(index))} ", 1)
                out = subprocess.run(shell, shell=True, check=True, capture_output=True, text=True, cwd=ROOT).stdout
            return f"```sh\n{commands}```\n\n```json\n{out}```"

        text = DOC.read_text()
        new = EXAMPLE.sub(run, text)
    if new != text:
        DOC.write_text(new)
        print("docs/json.md: examples updated")
    else:
        print("docs/json.md: examples unchanged")


if __name__ == "__main__":
    main()
