#!/usr/bin/env bash
# Renders the API reference with doxygen into build/doxygen; any doxygen warning fails.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build
doxygen Doxyfile
echo "API reference: build/doxygen/html/index.html"
