#!/usr/bin/env python3
"""An archive-sized run of `attrib analyze --jsonl`: memory must stay flat and progress shows.

usage: archive.py ATTRIB SHARED_DIR [--gb 1] [--jobs N] [--format zst|gz|plain] [--dir /tmp]

Writes a generated archive of about --gb GB of JSONL (PolNeAR train lines repeated, each copy
with its own ids, gold fields kept) compressed with zstd (default) or gzip, runs
`attrib analyze --jsonl -j N` on it with the output to /dev/null and stderr on a pseudo-
terminal (so the progress bar is drawn), samples the process's RSS from /proc every 0.25 s, and
prints MB/s, the RSS over the run (flat = the 10%/50%/90% samples agree) and the last progress
line. Not for CI (a minute or more); run it by hand after changing the JSONL path.
"""
import argparse
import os
import pty
import re
import select
import subprocess
import sys
import tempfile
import time


def generate(shared, path, gb, fmt):
    lines = [l for l in open(os.path.join(shared, "data/polnear/train.jsonl"), "rb") if l.strip()]
    block = sum(len(l) for l in lines)
    copies = max(1, int(gb * 1e9 / block))
    packer = {"zst": ["zstd", "-q", "-1", "-T0", "-c"], "gz": ["gzip", "-1", "-c"],
              "plain": ["cat"]}[fmt]
    with open(path, "wb") as out:
        p = subprocess.Popen(packer, stdin=subprocess.PIPE, stdout=out)
        raw = 0
        for k in range(copies):
            tag = f'"id": "copy{k}/'.encode()
            chunk = b"".join(l.replace(b'"id": "', tag, 1) for l in lines)
            p.stdin.write(chunk)
            raw += len(chunk)
        p.stdin.close()
        p.wait()
    return raw, copies * len(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("attrib")
    ap.add_argument("shared")
    ap.add_argument("--gb", type=float, default=1.0)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--format", choices=("zst", "gz", "plain"), default="zst")
    ap.add_argument("--dir", default="/tmp")
    args = ap.parse_args()

    workdir = tempfile.mkdtemp(prefix="attrib-archive-", dir=args.dir)
    path = os.path.join(workdir, f"archive-{args.gb:g}gb.jsonl" +
                        ("" if args.format == "plain" else "." + args.format))
    t0 = time.perf_counter()
    raw, n = generate(args.shared, path, args.gb, args.format)
    print(f"archive: {path}: {n} lines, {raw / 1e9:.2f} GB of JSONL, "
          f"{os.path.getsize(path) / 1e9:.2f} GB on disk ({time.perf_counter() - t0:.0f} s to make)")

    master, slave = pty.openpty()
    start = time.perf_counter()
    p = subprocess.Popen([args.attrib, "analyze", "--jsonl", "-j", str(args.jobs), path],
                         stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    samples, shown = [], b""
    while p.poll() is None:
        if select.select([master], [], [], 0.25)[0]:
            try:
                shown += os.read(master, 65536)[-4096:]
            except OSError:
                pass
        try:
            with open(f"/proc/{p.pid}/status") as f:
                status = f.read()
            rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
            hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
            samples.append((time.perf_counter() - start, rss, hwm))
        except (OSError, AttributeError):
            pass
    wall = time.perf_counter() - start
    try:
        while select.select([master], [], [], 0.1)[0]:
            shown += os.read(master, 65536)
    except OSError:
        pass
    os.close(master)
    os.remove(path)
    os.rmdir(workdir)
    if p.returncode != 0:
        sys.exit(f"attrib analyze failed ({p.returncode})")
    at = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))][1]
    peak = max(h for _, _, h in samples) if samples else float("nan")
    last = [s for s in re.split(r"[\r\n]", shown.decode(errors="replace")) if "lines" in s]
    print(f"analyze --jsonl -j {args.jobs}: {wall:.1f} s, {raw / 1e6 / wall:.1f} MB/s of JSONL, "
          f"{n / wall:.0f} lines/s")
    print(f"RSS MB at 10% / 50% / 90% of the run: {at(0.1):.0f} / {at(0.5):.0f} / {at(0.9):.0f}; "
          f"peak (VmHWM) {peak:.0f} MB ({len(samples)} samples)")
    print("last progress line: " + (last[-1].replace("\x1b[K", "").strip() if last else "(none)"))


if __name__ == "__main__":
    main()
