#!/usr/bin/env python3
"""Runs `attrib analyze` on annotated data, scores it with shared/eval/score.py, and fails
below the floors the product promises. Prints every figure score.py gives.

usage: check_floors.py ATTRIB SHARED_DIR SUITE      SUITE: seed | polnear | claims | wikinews_de | es | fr
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SEED = "seed/000_d813c8b742cb7243"
HERE = os.path.dirname(os.path.abspath(__file__))
# Floors of the Spanish and French suites (tests/accuracy/README.md): whole set, no --lang.
ROMANCE_FLOORS = {
    "es": {"direct.exact": 95, "content.overlap": 90, "cue.exact": 90, "speaker.acc": 89},
    "fr": {"direct.exact": 92, "content.overlap": 87, "cue.exact": 86, "speaker.acc": 85},
}


def analyze(attrib, args, out_path):
    with open(out_path, "wb") as out:
        p = subprocess.run([attrib, "analyze", *args], stdout=out, stderr=subprocess.PIPE, timeout=900)
    if p.returncode != 0:
        sys.exit(f"attrib analyze failed ({p.returncode}): {p.stderr.decode()[-2000:]}")


def score(shared, gold, pred):
    p = subprocess.run([sys.executable, os.path.join(shared, "eval/score.py"), gold, pred, "--json"],
                       capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        sys.exit(f"score.py failed: {p.stderr}")
    return json.loads(p.stdout)


def without_lang(gold, path, split=None):
    """Writes GOLD's texts without their "lang" fields (the language is then detected), only
    the documents of SPLIT when given; returns the gold lines kept, as a file next to PATH."""
    kept = path + ".gold.jsonl"
    with open(gold, encoding="utf-8") as f, open(path, "w", encoding="utf-8") as o, \
            open(kept, "w", encoding="utf-8") as k:
        for line in f:
            d = json.loads(line)
            if split and d.get("split") != split:
                continue
            o.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
            k.write(line)
    return kept


def fraction(s):
    right, total = (int(x) for x in s.split("/"))
    return right, total


def main():
    attrib, shared, suite = sys.argv[1:4]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        pred = os.path.join(tmp, "pred.json")
        if suite == "seed":
            gold = os.path.join(shared, SEED + ".gold.json")
            analyze(attrib, [os.path.join(shared, SEED + ".txt")], pred)
            out = score(shared, gold, pred)
            right = out.get("speakers.right", {})
            d, dn = fraction(right.get("direct", "0/12"))
            m, mn = fraction(right.get("mixed", "0/5"))
            i, iN = fraction(right.get("indirect", "0/9"))
            if d < dn: failures.append(f"direct quotes with exact span and right speaker {d}/{dn} < all")
            if m < mn: failures.append(f"mixed quotes with right speaker {m}/{mn} < all")
            if i < 7: failures.append(f"reported statements with right speaker {i}/{iN} < 7")
            claims = out.get("claims", {})
            found = round(claims.get("R", 0) * claims.get("gold", 0) / 100)
            if found < 5: failures.append(f"seed claims found {found}/6 < 5")
            if claims.get("pred", 0) > 15: failures.append(f"seed claims marked {claims.get('pred')} > 15")
        elif suite == "polnear":
            gold = os.path.join(shared, "data/polnear/dev.jsonl")
            analyze(attrib, ["--jsonl", gold, "--no-claims", "--units", "attribution"], pred)
            out = score(shared, gold, pred)
            if out["direct.exact"]["F1"] < 85: failures.append(f"direct.exact F1 {out['direct.exact']['F1']} < 85")
            if out.get("speaker.acc", 0) < 80: failures.append(f"speaker.acc {out.get('speaker.acc', 0)} < 80")
        elif suite == "claims":
            gold = os.path.join(shared, "data/claims/en_dev.jsonl")
            analyze(attrib, ["--jsonl", gold, "--no-indirect"], pred)
            out = score(shared, gold, pred)
            if out.get("claims", {}).get("F1", 0) < 75: failures.append(f"claims F1 {out.get('claims', {}).get('F1', 0)} < 75")
        elif suite == "wikinews_de":
            # German news without --lang: the language is detected from each text (the lines'
            # "lang" fields are dropped), as a user's .txt would be.
            gold = os.path.join(shared, "data/wikinews_de/dev.jsonl")
            stripped = os.path.join(tmp, "no-lang.jsonl")
            with open(gold, encoding="utf-8") as f, open(stripped, "w", encoding="utf-8") as o:
                for line in f:
                    d = json.loads(line)
                    o.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
            analyze(attrib, ["--jsonl", stripped, "--no-claims"], pred)
            out = score(shared, gold, pred)
            floors = {"direct.exact": 85, "content.overlap": 55, "cue.exact": 45, "source.exact": 42}
            for k, floor in floors.items():
                if out[k]["F1"] < floor: failures.append(f"{k} F1 {out[k]['F1']} < {floor}")
            if out.get("speaker.acc", 0) < 72: failures.append(f"speaker.acc {out.get('speaker.acc', 0)} < 72")
        elif suite in ROMANCE_FLOORS:
            # Spanish / French news without --lang; figures for the train half (tuned on), the
            # dev half (only checked) and the whole set, floors on the whole set.
            # The gold set is built from its annotated source (data/SUITE.src) for each run.
            subprocess.run([sys.executable, os.path.join(HERE, "data", "make_gold.py"), tmp],
                           check=True, stdout=subprocess.DEVNULL)
            gold_all = os.path.join(tmp, suite + ".jsonl")
            for split in ("train", "dev"):
                texts = os.path.join(tmp, split + ".jsonl")
                gold = without_lang(gold_all, texts, split)
                analyze(attrib, ["--jsonl", texts, "--no-claims"], pred)
                part = score(shared, gold, pred)
                print(f"{split:5s} direct.exact F1 {part['direct.exact']['F1']}  content.exact F1 "
                      f"{part['content.exact']['F1']}  content.overlap F1 {part['content.overlap']['F1']}  "
                      f"source F1 {part['source.exact']['F1']}  cue F1 {part['cue.exact']['F1']}  "
                      f"speaker.acc {part.get('speaker.acc', 0)}")
            texts = os.path.join(tmp, "all.jsonl")
            gold = without_lang(gold_all, texts)
            analyze(attrib, ["--jsonl", texts, "--no-claims"], pred)
            out = score(shared, gold, pred)
            for k, floor in ROMANCE_FLOORS[suite].items():
                v = out.get(k, 0) if k == "speaker.acc" else out[k]["F1"]
                if v < floor: failures.append(f"{k} {v} < {floor}")
        else:
            sys.exit(f"unknown suite {suite}")
    for k, v in out.items():
        print(f"{k:26s} {v}")
    if failures:
        print("BELOW FLOOR: " + "; ".join(failures))
        sys.exit(1)
    print("all floors met")


if __name__ == "__main__":
    main()
