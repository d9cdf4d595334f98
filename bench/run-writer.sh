#!/usr/bin/env bash
# Writer benchmark: Highlight Quotes and Insert Attribution Footnotes in a private headless
# soffice (the built attrib.oxt installed), against LibreOffice's own regex find-all +
# set-attribute over the same generated news document, at 1x/2x/4x its size, in one run.
# usage: bench/run-writer.sh [BUILD_DIR] [writer_bench options]
# Default: 125/250/500 pages (--pages 125 --scales 1,2,4), medians of 3. The 500-page document is
# the ~250k-word one. Highlight Quotes now grows like the native floor; Insert Footnotes grows
# like Writer's own footnote insertion, which is superlinear in LibreOffice 7.4 (every new
# footnote renumbers and collects the reference numbers of all footnotes). For memory figures
# independent of the documents opened before, and steadier times, add --office-per-run. With
# --keep DIR, soffice's log (the extension's log lines) is kept as well. See bench/writer_bench.cc
# for what is measured.
set -euo pipefail
build=${1:-build}
shift || true
[ $# -gt 0 ] || set -- --pages 125 --scales 1,2,4 --reps 3
cmake --build "$build" --target writer_bench attrib_oxt >/dev/null
exec "$build/bench/writer_bench" "$@"
