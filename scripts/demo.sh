#!/usr/bin/env bash
# Builds and runs the onboarding demo, offline against the embedded simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build/demo -DCMAKE_BUILD_TYPE=Release -DSTRIPE_CONNECT_BUILD_TESTS=OFF >/dev/null
cmake --build build/demo -j"$(nproc)" --target onboarding_demo
build/demo/examples/onboarding_demo "$@"
