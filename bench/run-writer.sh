#!/usr/bin/env bash
# Writer benchmark: Highlight Quotes and Insert Attribution Footnotes in a private headless
# soffice (the built attrib.oxt installed), against LibreOffice's own regex find-all +
# set-attribute over the same generated news document, at 1x/2x/4x its size, in one run.
# usage: bench/run-writer.sh [BUILD_DIR] [writer_bench options]
# Default: 125/250/500 pages (--pages 125 --scales 1,2,4), medians of 3. The 500-page document is
# the ~250k-word one; 4x of it (2000 pages) is out of reach while Highlight Quotes grows
# quadratically (it needed 180 s at 1000 pages). For memory figures independent of the documents
# opened before, add --office-per-run. See bench/writer_bench.cc for what is measured.
set -euo pipefail
build=${1:-build}
shift || true
[ $# -gt 0 ] || set -- --pages 125 --scales 1,2,4 --reps 3
cmake --build "$build" --target writer_bench attrib_oxt >/dev/null
exec "$build/bench/writer_bench" "$@"
