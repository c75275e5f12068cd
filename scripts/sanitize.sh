#!/usr/bin/env bash
# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer, then the concurrency
# tests (labels `loopback` and `soak`: the transport tests, 8 threads on one client, and the
# 4-thread fault soak) under ThreadSanitizer.
# Package and docs tests are left out of the ASan run: they build consumers without sanitizers;
# so are the node tests (label `node`): they run no C++.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$jobs"
ctest --preset asan -LE "package|docs|node" -j"$jobs"
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j"$jobs" --target loopback_tests soak_tests odr_tests
ctest --preset tsan -j"$jobs"
