#!/usr/bin/env bash
# scripts/bench.py's entry for the stripe-node throughput contender: installs the official stripe
# package (23.1.0, pinned in tests/node/stripe_package.sh) into WORK once, then runs
# retrieve_throughput.cjs. Exits 77 where node or npm is not installed.
#   retrieve_throughput.sh <work directory> <base_url> [requests] [warmup]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: retrieve_throughput.sh <work directory> <base_url> [requests] [warmup]" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../../tests/node/stripe_package.sh"
install_stripe_package "$1" "the stripe-node throughput contender"
shift
exec node "$here/retrieve_throughput.cjs" "$package" "$@"
