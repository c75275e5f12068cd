#!/usr/bin/env bash
# ctest's entry for the stripe-node test: installs the official stripe package (23.1.0) from the
# npm registry into WORK once, then runs stripe_node_lifecycle.cjs against the simulator server.
# Exits 77 (ctest: skipped) where node or npm is not installed.
#   run.sh <stripe-connect-sim binary> <work directory>
set -euo pipefail
sim="$1"
work="$2"
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/stripe_package.sh"
install_stripe_package "$work" "the stripe-node test"
exec node "$here/stripe_node_lifecycle.cjs" "$sim" "$package" "$here/../../README.md"
