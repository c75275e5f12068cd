#!/usr/bin/env bash
# Builds the tests and examples with clang-14 (warnings as errors) and runs them: the SDK is
# header-only, so every compiler a user has must accept it.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset clang >/dev/null
cmake --build --preset clang -j"$(nproc)"
ctest --preset clang -j"$(nproc)"
