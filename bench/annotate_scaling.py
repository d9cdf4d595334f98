#!/usr/bin/python3
"""How `attrib annotate` grows with the document, against LibreOffice's own load + save of it.

usage: bench/annotate_scaling.py [--build build] [--paragraphs 1250,2500,5000,10000,20000]
           [--single-kb 64,256,1024,4096,10240] [--commands highlight,claims,footnotes,all,clear]
           [--work DIR] [--plot FILE.png] [--json FILE] [--timeout S]

What the user runs, whole processes, wall time, in one run:
  LibreOffice  `soffice --headless --convert-to odt` of the .odt: start, load, save, quit
  highlight    `attrib annotate DOC.odt -o OUT.odt --commands highlight` (likewise claims,
               footnotes); `all` is highlight,claims,footnotes in one run, `clear` is
               `--commands clear` on the output of `all`
  LO marked    `soffice --convert-to odt` of the output of `all` (measured with `clear`): what
               LibreOffice alone pays to load + save the marked document that clear reads; the
               clear row's `ratio` is over LibreOffice's load + save of the unmarked document,
               its `vs marked` over this row
Each row also gives the command's own seconds (from the --json report) and the peak resident
memory of the largest process (GNU time: soffice). `ratio` is the row's time over LibreOffice's
load + save of the same document; `growth` is the time ratio per doubling of the document
against the next smaller size, (t2/t1)^(log 2/log(s2/s1)). The documents are generated news
copy (one paragraph in three quotes somebody, one in ten reports speech, a quarter of the
sentences carry a number), deterministic, ~370 bytes a paragraph; the single-paragraph
documents are the same text joined into one paragraph.
"""
import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

PEOPLE = [("Emily Horne", "a spokeswoman for the National Security Council"),
          ("Mark Rutte", "the Dutch prime minister"),
          ("Angela Duarte", "the city's housing commissioner"),
          ("Tom Baxter", "a senior analyst at Harbor Capital"),
          ("Priya Natarajan", "the director of the county's health department"),
          ("Luis Ortega", "a union organiser at the port")]
SUBJECTS = ["The council", "Officials", "The committee", "Investors", "The ministry", "Residents"]
VERBS = ["approved", "renewed", "delayed", "examined", "expanded", "reviewed", "rejected"]
OBJECTS = ["a plan to rebuild the harbor bridge", "the new budget for the coming fiscal year",
           "the proposal on water rights", "an inquiry into the contract",
           "the timetable for the new rail line"]
QUOTES = ["We are not going to accept a deal that leaves working families behind",
          "This is the most serious challenge the region has faced in a generation",
          "Nobody expected the numbers to move this quickly",
          "The people who depend on this service deserve an answer"]


def news_paragraphs(count, seed=7):
    rnd = random.Random(seed)

    def sentence():
        s = f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)}"
        return s + (", up 12 percent from 2019." if rnd.random() < 0.25 else " on Monday.")

    for i in range(count):
        name, role = rnd.choice(PEOPLE)
        if i % 3 == 1:
            yield (f"\u201c{rnd.choice(QUOTES)},\u201d said {name}, {role}. "
                   f"{sentence()} {sentence()} {sentence()}")
        elif i % 10 == 3:
            yield (f"{name}, {role}, said that the council {rnd.choice(VERBS)} "
                   f"{rnd.choice(OBJECTS)}. {sentence()} {sentence()}")
        else:
            yield " ".join(sentence() for _ in range(4))


def single_paragraph(size_bytes):
    parts, size = [], 0
    for p in news_paragraphs(10**9):
        if size >= size_bytes:
            break
        parts.append(p)
        size += len(p.encode()) + 1
    return " ".join(parts)


def timed(cmd, timeout):
    """Wall seconds, exit code and peak RSS (MB) of the largest process (GNU time)."""
    with tempfile.NamedTemporaryFile("r") as t:
        start = time.monotonic()
        try:
            rc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name] + cmd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            return time.monotonic() - start, "timeout", None
        wall = time.monotonic() - start
        lines = [l for l in t.read().split() if l.isdigit()]
        return wall, rc, (int(lines[-1]) / 1024 if lines else None)


class LibreOffice:
    def __init__(self, work):
        self.profile = os.path.join(work, "lo-profile")
        self.base = ["soffice", f"-env:UserInstallation=file://{self.profile}", "--headless",
                     "--norestore"]

    def convert(self, src, outdir, fmt="odt"):
        os.makedirs(outdir, exist_ok=True)
        return self.base + ["--convert-to", fmt, "--outdir", outdir, src]


def make_document(lo, work, kind, size):
    """DOC.odt made from generated text by LibreOffice (not timed)."""
    name = f"{kind}-{size}"
    odt = os.path.join(work, name + ".odt")
    if os.path.exists(odt):
        return odt
    txt = os.path.join(work, name + ".txt")
    with open(txt, "w", encoding="utf-8") as f:
        if kind == "paragraphs":
            f.write("\n".join(news_paragraphs(size)) + "\n")
        else:
            f.write(single_paragraph(size * 1024) + "\n")
    subprocess.run(lo.convert(txt, work) + ["--infilter=Text (encoded):UTF8,LF,,,"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return odt


def annotate(attrib, src, out, commands, timeout, report):
    return [attrib, "annotate", src, "-o", out, "--commands", commands, "--timeout",
            str(timeout), "-q", "--json", report]


def command_seconds(report):
    try:
        with open(report) as f:
            r = json.load(f)
        return sum(c.get("seconds", 0) for c in r.get("commands", []))
    except (OSError, ValueError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--paragraphs", default="1250,2500,5000,10000,20000")
    ap.add_argument("--single-kb", default="64,256,1024,4096,10240")
    ap.add_argument("--commands", default="highlight,claims,footnotes,all,clear")
    ap.add_argument("--work", help="keep the documents and outputs here (default: a temp dir)")
    ap.add_argument("--plot", help="write a PNG of seconds against size (needs matplotlib)")
    ap.add_argument("--json", help="write the rows as JSON")
    ap.add_argument("--timeout", type=int, default=3600, help="per process, seconds")
    args = ap.parse_args()

    attrib = os.path.abspath(os.path.join(args.build, "cli", "attrib"))
    if not os.access(attrib, os.X_OK):
        sys.exit(f"no {attrib}: build first (cmake --build {args.build})")
    work = args.work or tempfile.mkdtemp(prefix="attrib-scaling-")
    os.makedirs(work, exist_ok=True)
    work = os.path.abspath(work)
    lo = LibreOffice(work)
    subprocess.run(lo.base + ["--terminate_after_init"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)  # the profile exists before the first timing
    commands = [c for c in args.commands.split(",") if c]
    series = [("paragraphs", int(n)) for n in args.paragraphs.split(",") if n] + \
             [("single-kb", int(n)) for n in args.single_kb.split(",") if n]

    rows = []
    print(f"{'document':<22}{'what':<12}{'seconds':>9}{'command s':>11}{'ratio':>7}"
          f"{'growth':>8}{'peak MB':>9}  exit", flush=True)
    previous = {}
    for kind, size in series:
        doc = make_document(lo, work, kind, size)
        label = f"{size:,} paragraphs" if kind == "paragraphs" else f"1 paragraph {size:,} KB"
        outdir = os.path.join(work, f"out-{kind}-{size}")
        os.makedirs(outdir, exist_ok=True)
        wall, rc, rss = timed(lo.convert(doc, outdir), args.timeout)
        base = wall
        measured = [("LibreOffice", wall, None, rc, rss)]
        marked_base = None
        for what in commands:
            out = os.path.join(outdir, what + ".odt")
            report = os.path.join(outdir, what + ".json")
            if what == "clear":
                src = os.path.join(outdir, "all.odt")
                if not os.path.exists(src):
                    continue
                # LibreOffice's own load + save of the document clear reads, same run.
                lo_wall, lo_rc, lo_rss = timed(lo.convert(src, os.path.join(outdir, "marked")),
                                               args.timeout)
                measured.append(("LO marked", lo_wall, None, lo_rc, lo_rss))
                marked_base = lo_wall if lo_rc == 0 else None
                cmd = annotate(attrib, src, out, "clear", args.timeout, report)
            else:
                names = "highlight,claims,footnotes" if what == "all" else what
                cmd = annotate(attrib, doc, out, names, args.timeout, report)
            wall, rc, rss = timed(cmd, args.timeout)
            measured.append((what, wall, command_seconds(report), rc, rss))
        for what, wall, inner, rc, rss in measured:
            key = (kind, what)
            growth = None
            if key in previous and rc == 0 and previous[key][2] == 0:
                psize, pwall, _ = previous[key]
                growth = (wall / pwall) ** (math.log(2) / math.log(size / psize))
            previous[key] = (size, wall, rc)
            row = {"kind": kind, "size": size, "what": what, "seconds": round(wall, 2),
                   "command_seconds": inner, "ratio": round(wall / base, 2) if base else None,
                   "growth": round(growth, 2) if growth else None, "peak_mb": rss, "exit": rc}
            vs_marked = wall / marked_base if what == "clear" and marked_base else None
            if vs_marked:
                row["vs_marked"] = round(vs_marked, 2)
            rows.append(row)
            print(f"{label:<22}{what:<12}{wall:9.1f}"
                  f"{'' if inner is None else f'{inner:.1f}':>11}"
                  f"{row['ratio']:7.2f}{'' if growth is None else f'{growth:.2f}':>8}"
                  f"{'' if rss is None else f'{rss:.0f}':>9}  {rc}"
                  f"{'' if vs_marked is None else f'  vs marked {vs_marked:.2f}'}", flush=True)

    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    if args.plot:
        plot(rows, args.plot)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


def plot(rows, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    kinds = [k for k in ("paragraphs", "single-kb") if any(r["kind"] == k for r in rows)]
    fig, axes = plt.subplots(1, len(kinds), figsize=(6 * len(kinds), 4.5), squeeze=False)
    for ax, kind in zip(axes[0], kinds):
        mine = [r for r in rows if r["kind"] == kind and r["exit"] == 0]
        for what in dict.fromkeys(r["what"] for r in mine):
            pts = [(r["size"], r["seconds"]) for r in mine if r["what"] == what]
            style = dict(color="black", linewidth=2.5) if what == "LibreOffice" else {}
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=what, **style)
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_xlabel("paragraphs" if kind == "paragraphs" else "one paragraph, KB")
        ax.set_ylabel("seconds (whole process)")
        ax.set_title("attrib annotate vs LibreOffice load + save")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
