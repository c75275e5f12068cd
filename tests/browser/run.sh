#!/usr/bin/env bash
# ctest's entry for the browser test: installs playwright-core (pinned in package.json and
# package-lock.json beside this script) into WORK once with npm ci, then drives the
# api_onboarding_web example in Debian's chromium, saving a screenshot of each step in SHOTS.
# Exits 77 (ctest: skipped) where node, npm or chromium is not installed. Playwright downloads
# no browser: it runs the system's chromium (CHROMIUM names another binary).
#   run.sh <api_onboarding_web binary> <work directory> [screenshot directory]
# To refresh the guide's images: run.sh <binary> <work> docs/guides/img
set -euo pipefail
app="$1"
work="$2"
shots="${3:-$work/screenshots}"
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIPPED: the browser test needs node and npm (Debian/Ubuntu: apt-get install nodejs npm)"
  exit 77
fi
browser="${CHROMIUM:-$(command -v chromium || true)}"
if [ -z "$browser" ] || [ ! -x "$browser" ]; then
  echo "SKIPPED: the browser test needs chromium (Debian/Ubuntu: apt-get install chromium)"
  exit 77
fi
version="$(node -p "require('$here/package.json').dependencies['playwright-core']")"
if ! grep -qs "\"version\": \"$version\"" "$work/node_modules/playwright-core/package.json"; then
  mkdir -p "$work"
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  echo "installing playwright-core@$version from the npm registry into $work"
  (cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
mkdir -p "$shots"
exec node "$here/api_onboarding_web.mjs" "$app" "$work" "$shots" "$browser"
