# Sourced by the node test scripts: the official stripe package they run, pinned in one place.
#   install_stripe_package <work directory> <what needs it>
# Sets `package` to the installed package's directory; installs it from the npm registry into
# the work directory once. Exits 77 (ctest: skipped) where node or npm is not installed.
stripe_package_version=23.1.0

install_stripe_package() {
  local work="$1" needed_by="$2"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "SKIPPED: $needed_by needs node and npm (Debian/Ubuntu: apt-get install nodejs npm)"
    exit 77
  fi
  package="$work/node_modules/stripe"
  if ! grep -qs "\"version\": \"$stripe_package_version\"" "$package/package.json"; then
    mkdir -p "$work"
    echo "installing stripe@$stripe_package_version from the npm registry into $work"
    npm install --prefix "$work" --no-audit --no-fund --no-save --loglevel=error "stripe@$stripe_package_version" >/dev/null
  fi
}
