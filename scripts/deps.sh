#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the build, tests and demo need (no-op when present).
# Extra package names given as arguments are installed too (CI adds clang and doxygen).
set -euo pipefail
packages=(g++ cmake make pkg-config nlohmann-json3-dev catch2 libcurl4-openssl-dev libssl-dev
          libcpp-httplib-dev libbenchmark-dev openssl python3 "$@")
# The stripe-node test runs the official npm package against stripe-connect-sim.
command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
