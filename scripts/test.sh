#!/usr/bin/env bash
# Builds everything with warnings as errors and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DSTRIPE_CONNECT_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build/test -j"$(nproc)"
cd build/test && ctest --output-on-failure -j"$(nproc)"
