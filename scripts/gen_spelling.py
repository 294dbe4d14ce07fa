#!/usr/bin/env python3
"""Generate data/spelling_variants.tsv: British and American spellings of the
same word, one pair a line (british<TAB>american), sorted.

Source: the PyPI package `breame` 0.1.2 (Apache-2.0), whose spelling table
derives from the American-British-English-Translator lists (MIT). Only pairs
that differ by spelling (not by word: `lorry`/`truck` is terminology, not
in this table) are kept. dossier applies them at the stem level, so that a
pair such as radicalise/radicalize also joins radicalisation/radicalization
and deradicalisation/deradicalization.

Usage:
    scripts/fetch_sources.sh
    python3 scripts/gen_spelling.py .cache/sources > data/spelling_variants.tsv
"""

import os
import sys


def main() -> None:
    root = sys.argv[1]
    sys.path.insert(0, os.path.join(root, "breame/breame-0.1.2/breame/data"))
    import spelling_constants as s  # noqa: E402

    pairs = set()
    for british, american in s.BRITISH_ENGLISH_SPELLINGS.items():
        pairs.add((british.lower(), american.lower()))
    for american, british in s.AMERICAN_ENGLISH_SPELLINGS.items():
        pairs.add((british.lower(), american.lower()))
    print("# British and American spellings of the same word: british<TAB>american.")
    print("# From the PyPI package breame 0.1.2 (Apache-2.0), via scripts/gen_spelling.py.")
    for british, american in sorted(pairs):
        if british != american and " " not in british and " " not in american:
            print(f"{british}\t{american}")


if __name__ == "__main__":
    main()
