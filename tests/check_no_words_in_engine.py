#!/usr/bin/env python3
"""Fails when engine code under core/src names a language's words: a language is data
(core/data/<lang>/) plus tests, never string literals in the engine.

Flags hashed word literals (HashAscii("said")) and UTF-16 literals of two letters or more
(u"ing"), outside the files listed in STILL_IN_CODE — each with what remains to move.

usage: check_no_words_in_engine.py CORE_SRC_DIR
"""
import pathlib
import re
import sys

# Files whose English words have not moved to core/data/en yet (issue 13, item 2).
STILL_IN_CODE = {
    "claim_features.cc": "the claim lexicon (future, modal, comparative words ...)",
    "quote_marks.cc": "contractions that tell an apostrophe from a quote mark ('s, 'em, 'tis)",
}

WORD_LITERAL = re.compile(r'(HashAscii|HashWordUtf8)\("([^"]*[A-Za-z][^"]*)"\)|\bu"([A-Za-z\']{2,})"')


def main():
    root = pathlib.Path(sys.argv[1])
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".cc", ".h", ".inc") or path.name in STILL_IN_CODE:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("//"):
                continue
            for m in WORD_LITERAL.finditer(line):
                found.append(f"{path.relative_to(root)}:{number}: {m.group(0)}")
    for f in found:
        print(f)
    if found:
        print(f"{len(found)} word literal(s) in engine code: move them to core/data/<lang>/")
        sys.exit(1)
    print("no language words in engine code (still to move: " + ", ".join(STILL_IN_CODE) + ")")


if __name__ == "__main__":
    main()
