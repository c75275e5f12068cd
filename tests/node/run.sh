#!/usr/bin/env bash
# ctest's entry for the stripe-node test: installs the official stripe package (23.1.0) from the
# npm registry into WORK once, then runs stripe_node_lifecycle.cjs against the simulator server.
# Exits 77 (ctest: skipped) where node or npm is not installed.
#   run.sh <stripe-connect-sim binary> <work directory>
set -euo pipefail
sim="$1"
work="$2"
version=23.1.0
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIPPED: the stripe-node test needs node and npm (Debian/Ubuntu: apt-get install nodejs npm)"
  exit 77
fi
package="$work/node_modules/stripe"
if ! grep -qs "\"version\": \"$version\"" "$package/package.json"; then
  mkdir -p "$work"
  echo "installing stripe@$version from the npm registry into $work"
  npm install --prefix "$work" --no-audit --no-fund --no-save --loglevel=error "stripe@$version" >/dev/null
fi
here="$(cd "$(dirname "$0")" && pwd)"
exec node "$here/stripe_node_lifecycle.cjs" "$sim" "$package" "$here/../../README.md"
