#!/usr/bin/env bash
# Cuts a release, locally (nothing is pushed):
#   1. bumps include/stripe/version.hpp, turns CHANGELOG.md's "## Unreleased" heading into
#      "## VERSION — DATE" and sets the vcpkg port's version; commits "Release VERSION";
#   2. makes the annotated tag vVERSION;
#   3. writes dist/stripe_connect-VERSION.tar.gz, the archive GitHub serves for the tag
#      (git archive of the tag under stripe_connect-VERSION/, compressed with gzip -n as GitHub
#      does), and computes its SHA512 and SHA256;
#   4. writes them into the vcpkg port (SHA512) and the conan recipe (conandata.yml url and
#      sha256, config.yml), and commits that.
#
#   scripts/release.sh [--dry-run] VERSION
#
# --dry-run does all of it in a temporary clone and prints what it would commit, tag and write;
# this checkout is left as it was. RELEASE_DATE (YYYY-MM-DD) overrides today's date (UTC).
set -euo pipefail

repo_slug="stripe-connect-cpp/stripe_connect"
project="stripe_connect"

usage() { echo "usage: scripts/release.sh [--dry-run] VERSION   (VERSION is MAJOR.MINOR.PATCH)" >&2; exit 2; }
die() { echo "release: $*" >&2; exit 1; }

dry_run=0
version=""
for arg in "$@"; do
  case "$arg" in
    --dry-run) dry_run=1 ;;
    -*) usage ;;
    *) [ -z "$version" ] || usage; version="$arg" ;;
  esac
done
[ -n "$version" ] || usage
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] || die "VERSION must be MAJOR.MINOR.PATCH, got '$version'"
major="${BASH_REMATCH[1]}" minor="${BASH_REMATCH[2]}" patch="${BASH_REMATCH[3]}"
tag="v$version"
date="${RELEASE_DATE:-$(date -u +%Y-%m-%d)}"
[[ "$date" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "RELEASE_DATE must be YYYY-MM-DD"

root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
cd "$root"
[ -z "$(git status --porcelain)" ] || die "the working tree has uncommitted changes; commit or stash them first"
git rev-parse -q --verify "refs/tags/$tag" >/dev/null && die "tag $tag already exists"
grep -q '^## Unreleased' CHANGELOG.md || die "CHANGELOG.md has no '## Unreleased' section to release"
! grep -q "^## $version " CHANGELOG.md || die "CHANGELOG.md already has a $version section"

if [ "$dry_run" -eq 1 ]; then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  git clone -q --no-local "$root" "$scratch/repo"
  # Tags are local: copy ours so the clone refuses what this checkout would refuse.
  git -C "$root" for-each-ref --format='%(refname:short)' refs/tags | while read -r t; do
    git -C "$scratch/repo" fetch -q "$root" "refs/tags/$t:refs/tags/$t"
  done
  echo "dry run in a temporary clone; this checkout is not changed"
  (cd "$scratch/repo" && RELEASE_DATE="$date" scripts/release.sh "$version" | sed 's/^/  | /')
  echo "would commit:"
  git -C "$scratch/repo" log --format='  %h %s' "HEAD~2..HEAD"
  git -C "$scratch/repo" diff --stat HEAD~2 HEAD | sed 's/^/  /'
  echo "would tag $tag and write dist/$project-$version.tar.gz (not kept: run without --dry-run)"
  exit 0
fi

# File edits are done by python3 (one dialect everywhere, unlike sed -i).
edit() { python3 "$root/scripts/release_edit.py" "$@"; }
port=packaging/vcpkg/ports/stripe-connect
recipes=packaging/conan/recipes/$project

# 1. The version everywhere it is written down, in one commit.
edit version "$version" "$date"
git add include/stripe/version.hpp CHANGELOG.md "$port/vcpkg.json"
git commit -q -m "Release $version"

# 2. The tag.
git tag -a "$tag" -m "$project $version"

# 3. The archive, as GitHub names and builds it for the tag.
dist="${RELEASE_DIST_DIR:-$root/dist}"
mkdir -p "$dist"
archive="$dist/$project-$version.tar.gz"
git archive --format=tar --prefix="$project-$version/" "$tag" | gzip -n > "$archive"
digest() {  # digest BITS FILE
  if command -v "sha$1sum" >/dev/null; then "sha$1sum" "$2" | cut -d' ' -f1; else shasum -a "$1" "$2" | cut -d' ' -f1; fi
}
sha512="$(digest 512 "$archive")"
sha256="$(digest 256 "$archive")"
url="https://github.com/$repo_slug/archive/refs/tags/$tag.tar.gz"

# 4. The hashes into the vcpkg port and the conan recipe.
edit hashes "$version" "$url" "$sha512" "$sha256"
git add "$port/portfile.cmake" "$recipes/all/conandata.yml" "$recipes/config.yml"
git commit -q -m "Packaging: vcpkg port and conan recipe for $version"

echo "released $version locally:"
echo "  tag      $tag ($(git rev-parse --short "$tag^{commit}"))"
echo "  archive  $archive"
echo "  sha512   $sha512"
echo "  sha256   $sha256"
echo "next: git push origin HEAD $tag, then check GitHub serves the same archive:"
echo "  curl -sL $url | sha512sum   # must print $sha512"
