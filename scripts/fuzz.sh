#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a fixed time over a scratch copy
# of its seed corpus (fuzz/corpus/<target>). Usage: scripts/fuzz.sh [seconds per target]
# Exits non-zero on the first crash, leak or failed property; the reproducer is kept in build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
cxx="${CXX:-clang++-14}"
command -v "$cxx" >/dev/null || { echo "the fuzzers need clang (apt-get install clang-14)"; exit 2; }
cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Debug -DSTRIPE_CONNECT_BUILD_FUZZERS=ON \
      -DSTRIPE_CONNECT_BUILD_TESTS=OFF -DSTRIPE_CONNECT_BUILD_EXAMPLES=OFF -DSTRIPE_CONNECT_INSTALL=OFF >/dev/null
cmake --build build/fuzz -j"$(nproc)" >/dev/null
for target in ${FUZZ_TARGETS:-decode text_decode form_encode webhook v2_notification error_body client simulator}; do
  work="build/fuzz/corpus-$target"
  rm -rf "$work" && mkdir -p "$work" && cp fuzz/corpus/"$target"/* "$work"/
  log="build/fuzz/$target.log"
  if ! (cd build/fuzz && "./fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 \
          "corpus-$target" >"$target.log" 2>&1); then
    tail -40 "$log"
    echo "fuzz_$target FAILED (log: $log)"
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  echo "fuzz_$target: ${runs} executions in ${seconds}s, coverage ${cov}, no crash"
done
