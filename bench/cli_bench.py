#!/usr/bin/env python3
"""Whole-process speed of `attrib analyze --jsonl` against the in-process engine, in one run.

usage: cli_bench.py ATTRIB ENGINE_BENCH SHARED_DIR [--times 10|20|40] [--reps 5]

The archive is PolNeAR dev x40 (default) as JSONL, every line as the data set has it (id, lang,
text and the gold annotations, which the reader must skip): the same 16.6 MB of text the engine
benchmark (BM_AnalyzeFull/<times>) analyses; in-process and whole-process runs alternate, so a
busy moment on a shared machine hits both alike. MB/s count text bytes (the "text" strings as
UTF-8), so the whole-process and in-process figures divide the same number; MB/s of the JSONL
file are printed too. Wall time, medians; peak RSS from GNU time. As the baseline for -j N, the
archive cut into N parts runs as N independent -j 1 processes at once: the speed-up this
machine gives at that moment with nothing shared.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def timed(cmd, stdin_path, stdout_path=os.devnull):
    """Wall time, CPU time and peak RSS (MB) of one run. GNU time measures CPU and RSS: a
    child spawned by this Python would count Python's own pages in its peak RSS."""
    with tempfile.NamedTemporaryFile("r") as t, open(stdin_path, "rb") as i, \
            open(stdout_path, "wb") as o:
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", t.name, *cmd], stdin=i,
                           stdout=o, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if p.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode()[-500:]}")
        user, sys_, rss_kb = t.read().split()[-3:]
    return wall, float(user) + float(sys_), int(rss_kb) / 1024


def timed_split(attrib, parts):
    """N independent `-j 1` processes at once, one per part of the archive: what N cores give
    with no sharing at all (the ceiling -j N is measured against). Wall time of the slowest."""
    start = time.perf_counter()
    procs = [subprocess.Popen([attrib, "analyze", "--jsonl", "-j", "1", part],
                              stdout=subprocess.DEVNULL) for part in parts]
    if any(p.wait() != 0 for p in procs):
        sys.exit("a split -j 1 run failed")
    return time.perf_counter() - start, 0.0, 0.0


def engine_once(engine_bench, times):
    """One in-process measurement of the full analysis (BM_AnalyzeFull/<times>): wall, CPU, RSS."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        subprocess.run([engine_bench, f"--benchmark_filter=^BM_AnalyzeFull/{times}$",
                        "--benchmark_format=json", f"--benchmark_out={out.name}"],
                       stdout=subprocess.DEVNULL, check=True)
        (r,) = json.load(out)["benchmarks"]
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[r["time_unit"]]
    return r["real_time"] * scale, r["cpu_time"] * scale, r.get("peak_rss_MB", 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("attrib")
    ap.add_argument("engine_bench")
    ap.add_argument("shared")
    ap.add_argument("--times", type=int, default=40, choices=(10, 20, 40))
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()

    lines = [l for l in open(os.path.join(args.shared, "data/polnear/dev.jsonl"), "rb") if l.strip()]
    texts = [json.loads(l)["text"] for l in lines]
    text_mb = sum(len(t.encode()) for t in texts) * args.times / 1e6
    cores = len(os.sched_getaffinity(0))

    with tempfile.TemporaryDirectory() as tmp:
        archive = os.path.join(tmp, "archive.jsonl")
        corpus = os.path.join(tmp, "corpus.txt")
        with open(archive, "wb") as f:
            f.write(b"".join(lines) * args.times)
        with open(corpus, "w") as f:
            f.write("\n".join(texts * args.times))
        jsonl_mb = os.path.getsize(archive) / 1e6
        all_lines = lines * args.times
        parts = []
        for k in range(cores):
            parts.append(os.path.join(tmp, f"part{k}.jsonl"))
            with open(parts[-1], "wb") as f:
                f.write(b"".join(all_lines[k::cores]))

        runs = {"-j 1": [args.attrib, "analyze", "--jsonl", "-j", "1", "-"],
                f"-j {cores}": [args.attrib, "analyze", "--jsonl", "-j", str(cores), "-"],
                "wc -w": ["wc", "-w"]}
        results = {name: [] for name in ["engine", *runs]}
        for _ in range(args.reps):  # interleaved, so a noisy moment hits every command alike
            results["engine"].append(engine_once(args.engine_bench, args.times))
            for name, cmd in runs.items():
                results[name].append(timed(cmd, corpus if name == "wc -w" else archive))
            results.setdefault("split", []).append(timed_split(args.attrib, parts))
        # One more -j 1 run kept, to check the output is one line per input line.
        out = os.path.join(tmp, "out.jsonl")
        timed(runs[f"-j {cores}"], archive, out)
        with open(out, "rb") as f:
            answered = sum(1 for _ in f)
        if answered != len(lines) * args.times:
            sys.exit(f"{answered} output lines for {len(lines) * args.times} input lines")


    med = {name: (statistics.median(w for w, _, _ in r), statistics.median(c for _, c, _ in r),
                  max(m for _, _, m in r)) for name, r in results.items()}
    print(f"\nwhole process: `attrib analyze --jsonl` on PolNeAR dev x{args.times} as JSONL "
          f"({jsonl_mb:.2f} MB file, {text_mb:.2f} MB of text), {cores} cores, wall-time "
          f"medians of {args.reps}")
    print(f"{'':24s} {'wall s':>8s} {'cpu s':>7s} {'text MB/s':>10s} {'file MB/s':>10s} {'peak RSS MB':>12s}")
    for name, (wall, cpu, rss) in med.items():
        if name == "split":
            print(f"{f'{cores} x -j 1 on 1/{cores} each':24s} {wall:8.3f} {'':>7s} "
                  f"{text_mb / wall:10.1f} {jsonl_mb / wall:10.1f}")
            continue
        label = {"engine": "engine in-process", "wc -w": "wc -w"}.get(name, f"analyze --jsonl {name}")
        size = f"{jsonl_mb / wall:10.1f}" if name.startswith("-j") else f"{'':>10s}"
        print(f"{label:24s} {wall:8.3f} {cpu:7.3f} {text_mb / wall:10.1f} {size} {rss:12.0f}")
    j1, jn = med["-j 1"][0], med[f"-j {cores}"][0]
    engine_wall, engine_cpu = med["engine"][0], med["engine"][1]
    print(f"whole process -j 1 / in-process engine: {engine_wall / j1:.2f} by wall time, "
          f"{engine_cpu / med['-j 1'][1]:.2f} by CPU time (goal >= 0.80)")
    split = med["split"][0]
    print(f"-j {cores} / -j 1: {j1 / jn:.2f}x (goal >= 1.8 on 2 cores); {cores} independent "
          f"-j 1 processes / -j 1: {j1 / split:.2f}x (what this machine gives now); -j {cores} "
          f"reaches {split / jn:.0%} of that")
    print(f"-j 1 takes {j1 / med['wc -w'][0]:.1f}x the time of wc -w; -j {cores} "
          f"{jn / med['wc -w'][0]:.1f}x")


if __name__ == "__main__":
    main()
