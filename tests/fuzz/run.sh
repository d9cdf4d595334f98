#!/usr/bin/env bash
# Builds the analysis fuzzer with clang (libFuzzer + ASan + UBSan) and runs it.
# usage: tests/fuzz/run.sh [SECONDS] [BUILD_DIR]     (default 60 s, build-fuzz/)
# The seed corpus is drawn from ../shared/data at run time (never committed) into
# BUILD_DIR/corpus; findings land in BUILD_DIR/findings. CI runs it for a minute; to fuzz for
# hours, pass the seconds, e.g. `tests/fuzz/run.sh 3600`, and keep BUILD_DIR/corpus between runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=${2:-build-fuzz}
shared=${ATTRIB_SHARED_DIR:-../shared}
[ -f "$shared/eval/score.py" ] || shared=/work/shared

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DATTRIB_FUZZ=ON -DATTRIB_WERROR=ON >/dev/null
cmake --build "$build" --target analyze_fuzzer

mkdir -p "$build/corpus" "$build/findings"
python3 - "$shared" "$build/corpus" <<'PY'
import json, os, sys
shared, out = sys.argv[1], sys.argv[2]
# Each seed: the 5-byte header the fuzzer reads (language, flags, sieve mask, rotation), then
# the beginning of a real text.
sets = [("polnear/dev.jsonl", 1), ("wikinews_de/dev.jsonl", 2), ("litbank/litbank.jsonl", 1),
        ("redewiedergabe/nonfiction_dev.jsonl", 2), ("claims/en_dev.jsonl", 0)]
i = 0
for path, lang in sets:
    full = os.path.join(shared, "data", path)
    if not os.path.exists(full):
        continue
    with open(full, encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k >= 12:
                break
            text = json.loads(line).get("text", "")[:3000].encode("utf-8")
            header = bytes([lang, (k * 37) & 0xff, 0xff, 0xff, k])
            with open(os.path.join(out, "seed-%03d" % i), "wb") as s:
                s.write(header + text)
            i += 1
PY
ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/analyze_fuzzer" -max_total_time="$seconds" \
  -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$build/findings/" "$build/corpus"
