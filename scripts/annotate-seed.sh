#!/usr/bin/env bash
# The main job: installs missing Debian packages, builds the engine, the CLI and attrib.oxt,
# then annotates the bundled seed article in a private headless LibreOffice with the extension
# installed, writing out/seed-article.odt, out/seed-article.pdf and out/seed-article.json
# (plus out/seed-article.analysis.json, the engine's own JSON result).
# usage: scripts/annotate-seed.sh [ARTICLE.txt|.odt|.docx]
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-examples/seed-article.txt}
name=$(basename "${input%.*}")

bash scripts/setup-debian.sh

echo "== build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"

mkdir -p out
echo "== engine: build/cli/attrib analyze $input"
build/cli/attrib analyze --pretty "$input" > "out/$name.analysis.json"
build/cli/attrib analyze --format text "$input"

echo "== Writer: highlight quotes, mark claims, insert footnotes (headless LibreOffice + attrib.oxt)"
build/cli/attrib annotate "$input" -o "out/$name.odt" --json "out/$name.json" \
  --commands highlight,claims,footnotes
build/cli/attrib annotate "out/$name.odt" -o "out/$name.pdf" --commands highlight,claims --quiet

echo "== wrote:"
ls -l "out/$name.odt" "out/$name.pdf" "out/$name.json" "out/$name.analysis.json"
echo "Install the extension in your own LibreOffice: unopkg add --suppress-license --force build/attrib.oxt"
