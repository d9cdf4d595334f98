#!/usr/bin/env bash
# Installs the Debian 12 packages that building, testing and running Attrib need.
# Idempotent: packages already present are skipped. Run as root (or with sudo).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git python3
  # engine + CLI libraries
  libicu-dev icu-devtools nlohmann-json3-dev libcli11-dev libboost-dev
  # analyze --jsonl: the streaming reader, .gz and .zst archives (zstd: the CLI tests make .zst)
  libsimdjson-dev zlib1g-dev libzstd-dev zstd
  # bench/cli_bench.py: CPU time and peak RSS of whole processes (GNU time)
  time
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev python3-matplotlib
  # the analysis fuzzer (tests/fuzz/run.sh): clang with libFuzzer
  clang libclang-rt-14-dev
  # LibreOffice: the office the extension runs in, its SDK and the Python bridge
  libreoffice-writer libreoffice-dev libreoffice-dev-common python3-uno
  # Writer's menus in the extension's other UI languages: the writer tests check the menu
  # mnemonics against them
  libreoffice-l10n-de libreoffice-l10n-es libreoffice-l10n-fr
  # the extension's icons (scripts/make-icons.py; a test redraws and compares them)
  python3-pil
  # screenshots of Writer for the README (scripts/screenshot.sh)
  xvfb xdotool imagemagick poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
