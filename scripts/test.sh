#!/usr/bin/env bash
# Runs every test: installs missing Debian packages, builds with warnings as errors, runs the
# unit, CLI, accuracy and Writer (real headless LibreOffice) tests, then the engine's unit and
# CLI tests again under ASan + UBSan, and fuzzes the analysis for a minute (tests/fuzz/run.sh).
# Exit status is non-zero when any test fails.
# usage: scripts/test.sh            (build dirs: build/, build-asan/ and build-fuzz/)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

bash scripts/setup-debian.sh

echo "== build (RelWithDebInfo, -Werror)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATTRIB_WERROR=ON >/dev/null
cmake --build build -j "$jobs"

echo "== tests"
ctest --test-dir build -j "$jobs" --output-on-failure --timeout 900

echo "== engine + CLI under ASan/UBSan"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DATTRIB_SANITIZE=ON -DATTRIB_WERROR=ON \
  -DATTRIB_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$jobs" --target core_tests attrib train_claims train_cues train_spans
# The CLI's 50 MB single-line test shrinks to 2 MB here: a Debug+ASan build is ~50x slower.
ATTRIB_CLI_BIG_MB=2 ctest --test-dir build-asan -j "$jobs" --output-on-failure -L 'unit|cli' --timeout 900

echo "== fuzzing the analysis for 60 s (clang, libFuzzer + ASan + UBSan)"
tests/fuzz/run.sh 60 build-fuzz

echo "== all tests passed"
