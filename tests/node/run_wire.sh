#!/usr/bin/env bash
# ctest's entry for the stripe-node wire fixture: installs the official stripe package (23.1.0)
# from the npm registry into WORK once, then record_wire.cjs records what it sends for the Connect
# endpoints and compares that with tests/data/stripe_node_wire.json.
# Exits 77 (ctest: skipped) where node or npm is not installed.
#   run_wire.sh <work directory>                 compare with the committed fixture
#   run_wire.sh <work directory> --out FILE      re-record into FILE
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: run_wire.sh <work directory> [--out FILE | --check FILE]" >&2
  exit 2
fi
work="$1"
shift
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/stripe_package.sh"
install_stripe_package "$work" "the stripe-node wire test"
if [ $# -eq 0 ]; then
  set -- --check "$(cd "$here/../data" && pwd)/stripe_node_wire.json"
fi
exec node "$here/record_wire.cjs" "$package" "$@"
