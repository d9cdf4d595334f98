#!/usr/bin/env python3
"""Builds the Spanish and French gold sets (es.jsonl, fr.jsonl, format of
shared/data/README.md) from the hand-annotated sources es.src and fr.src, so that every offset
is computed, not typed.

usage: make_gold.py OUT_DIR      (reads es.src and fr.src beside this file; writes
                                 OUT_DIR/{es,fr}.jsonl — check_floors.py does so in a
                                 temporary folder; the .jsonl files are not kept in the tree)

Source format, one document after each line "## ID SPLIT" (SPLIT: train | dev):
  {q:TYPE:S:C|content}   a quote; TYPE d|m|i (direct, mixed, indirect); S and C name the
                         speaker mention and the cue in the same document ("-": none)
  {s:S|mention}          a speaker mention       {c:C|cue}   a cue
Markup nests ({q:i:1:1|... {q:m:1:1|fragment} ...}). "~" stands for a no-break space (U+00A0),
"^" for a narrow no-break space (U+202F). Blank lines inside a document are paragraph breaks.
Lines starting with "#" outside documents are comments.
"""
import json
import os
import sys

TYPES = {"d": "direct", "m": "mixed", "i": "indirect"}


def parse(src, doc_id):
    """Returns (text, quotes) from one document's marked-up source."""
    src = src.replace("~", "\u00a0").replace("^", "\u202f")
    out = []          # characters of the plain text
    stack = []        # open tags: (kind, args, start)
    spans = {"q": [], "s": {}, "c": {}}
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == "{":
            bar = src.index("|", i)
            head = src[i + 1:bar].split(":")
            stack.append((head[0], head[1:], len(out)))
            i = bar + 1
            continue
        if ch == "}":
            kind, args, start = stack.pop()
            end = len(out)
            if kind == "q":
                spans["q"].append((start, end, args))
            elif kind in ("s", "c"):
                if args[0] in spans[kind]:
                    sys.exit(f"{doc_id}: {kind}:{args[0]} defined twice")
                spans[kind][args[0]] = (start, end)
            else:
                sys.exit(f"{doc_id}: unknown tag {kind}")
            i += 1
            continue
        out.append(ch)
        i += 1
    if stack:
        sys.exit(f"{doc_id}: unclosed tag {stack[-1]}")
    text = "".join(out)
    quotes = []
    for start, end, (typ, sid, cid) in sorted(spans["q"]):
        q = {"start": start, "end": end, "type": TYPES[typ],
             "speaker": None, "speaker_start": None, "speaker_end": None,
             "cue": None, "cue_start": None, "cue_end": None}
        if sid != "-" and sid not in spans["s"] or cid != "-" and cid not in spans["c"]:
            sys.exit(f"{doc_id}: quote {text[start:end][:40]!r} names an undefined s:{sid} or c:{cid}")
        if sid != "-":
            s, e = spans["s"][sid]
            q.update(speaker=text[s:e], speaker_start=s, speaker_end=e)
        if cid != "-":
            s, e = spans["c"][cid]
            q.update(cue=text[s:e], cue_start=s, cue_end=e)
        quotes.append(q)
    return text, quotes


def read_docs(path):
    docs, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("## "):
            parts = line[3:].split()
            cur = {"id": parts[0], "split": parts[1], "lines": []}
            docs.append(cur)
        elif cur is not None:
            cur["lines"].append(line)
    for d in docs:
        paras = "\n".join(d["lines"]).strip().split("\n\n")
        d["src"] = "\n".join(" ".join(p.split("\n")) for p in paras)
    return docs


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_gold.py OUT_DIR")
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1]
    for lang in [l for l in ("es", "fr") if os.path.exists(os.path.join(here, l + ".src"))]:
        docs = read_docs(os.path.join(here, lang + ".src"))
        n = {"train": 0, "dev": 0}
        with open(os.path.join(out_dir, lang + ".jsonl"), "w", encoding="utf-8") as f:
            for d in docs:
                text, quotes = parse(d["src"], d["id"])
                n[d["split"]] += len(quotes)
                f.write(json.dumps({"id": d["id"], "lang": lang, "split": d["split"], "text": text,
                                    "quotes": quotes}, ensure_ascii=False) + "\n")
        print(f"{lang}: {len(docs)} documents, quotes train {n['train']} dev {n['dev']}")


if __name__ == "__main__":
    main()
