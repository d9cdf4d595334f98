#!/usr/bin/env bash
# Engine benchmark: MB/s of the full analysis on PolNeAR dev text x10/x20/x40, beside a
# wc -w style count in the same process and the real `wc -w` on the same bytes, both measured
# in this run; then the whole process `attrib analyze --jsonl` at -j 1 and -j <cores> on the
# same text as JSONL (bench/cli_bench.py); prints ratios and peak RSS (these machines are
# noisy: compare within one run only).
# usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
shared=${ATTRIB_SHARED_DIR:-$here/../../shared}
[ -f "$shared/data/polnear/dev.jsonl" ] || shared=/work/shared
cmake --build "$build" --target engine_bench attrib >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$build/bench/engine_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_format=json --benchmark_out="$out/bench.json" --benchmark_out_format=json >/dev/null

# The same ~4 MB of text as a file, for the real wc -w.
/usr/bin/python3 -c '
import json,sys
t=[json.loads(l)["text"] for l in open(sys.argv[1]) if l.strip()]
open(sys.argv[2],"w").write("\n".join(t*10))' "$shared/data/polnear/dev.jsonl" "$out/corpus.txt"
start=$(date +%s%N); for _ in 1 2 3 4 5; do wc -w "$out/corpus.txt" >/dev/null; done; end=$(date +%s%N)
wc_ms=$(( (end - start) / 5000000 ))

/usr/bin/python3 - "$out/bench.json" "$out/corpus.txt" "$wc_ms" <<'PY'
import json, os, sys
b = json.load(open(sys.argv[1]))
size = os.path.getsize(sys.argv[2]); wc_ms = max(int(sys.argv[3]), 1)
rows = {r["run_name"]: r for r in b["benchmarks"] if r.get("aggregate_name") == "median"}
def mbps(r): return r["bytes_per_second"] / 1e6
print(f"corpus: PolNeAR dev x10 = {size/1e6:.2f} MB; one thread; medians of 3; CPU time "
      "(steadier than wall time on a shared machine)")
print(f"{'benchmark':32s} {'ms':>9s} {'MB/s':>8s}  peak RSS MB")
for name, r in rows.items():
    print(f"{name:32s} {r['cpu_time']:9.1f} {mbps(r):8.1f}  {r.get('peak_rss_MB', 0):.0f}")
print(f"{'wc -w (coreutils, same text)':32s} {wc_ms:9d} {size/1e6/(wc_ms/1e3):8.1f}")
full = rows.get("BM_AnalyzeFull/10"); base = rows.get("BM_WordCountBaseline/10")
if full and base:
    print(f"full analysis vs in-process word count: {base['cpu_time']/full['cpu_time']:.3f}x the speed "
          f"({full['cpu_time']/base['cpu_time']:.1f}x the time)")
    print(f"full analysis vs wc -w: {full['cpu_time']/wc_ms:.1f}x the time")
f = [rows.get(f"BM_AnalyzeFull/{k}") for k in (10, 20, 40)]
if all(f):
    print("growth (time / time at 1x): 1x 1.00, 2x %.2f, 4x %.2f  (linear = 2.00, 4.00)" %
          (f[1]["cpu_time"]/f[0]["cpu_time"], f[2]["cpu_time"]/f[0]["cpu_time"]))
nc = rows.get("BM_AnalyzeNoClaims/10")
if full and nc:
    print(f"claim scoring share of full analysis: {100*(1-nc['cpu_time']/full['cpu_time']):.0f}%")
PY

/usr/bin/python3 "$here/cli_bench.py" "$build/cli/attrib" "$build/bench/engine_bench" "$shared"
