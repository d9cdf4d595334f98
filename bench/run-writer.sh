#!/usr/bin/env bash
# Writer benchmark: Highlight Quotes and Insert Attribution Footnotes in a private headless
# soffice (the built attrib.oxt installed), against LibreOffice's own regex find-all +
# set-attribute over the same generated news document, at 1x/2x/4x its size, in one run.
# usage: bench/run-writer.sh [BUILD_DIR] [writer_bench options, e.g. --pages 125 --reps 3]
# (default: 500 pages, scales 1,2,4, one run each; see bench/writer_bench.cc)
set -euo pipefail
build=${1:-build}
shift || true
cmake --build "$build" --target writer_bench attrib_oxt >/dev/null
exec "$build/bench/writer_bench" "$@"
