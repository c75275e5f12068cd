#!/usr/bin/env python3
"""The file edits of scripts/release.sh, run from the repository root.

  release_edit.py version VERSION DATE
      version.hpp, the CHANGELOG heading, the vcpkg port's version
  release_edit.py hashes VERSION URL SHA512 SHA256
      the vcpkg port's SHA512, the conan recipe's conandata.yml and config.yml entries
"""
import re
import sys

PORT = "packaging/vcpkg/ports/stripe-connect"
RECIPES = "packaging/conan/recipes/stripe_connect"


def rewrite(path, pattern, replacement):
    """Replaces the one match of pattern; no match is an error (the file changed shape)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new, n = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    if n != 1:
        sys.exit(f"release: {path}: no match for {pattern!r}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


PLACEHOLDER = "0" * 64  # the sha256 of a version listed before any release was made


def entries(lines):
    """The `  "VERSION":` entries of a conan-center yml file: {version: [its lines]}."""
    found, current = {}, None
    for line in lines:
        m = re.fullmatch(r'  "([^"]+)":', line)
        if m:
            current = found.setdefault(m.group(1), [line])
        elif current is not None and line.startswith("    "):
            current.append(line)
        else:
            current = None
    return found


def upsert(path, section, version, entry, drop=()):
    """Puts the `"VERSION":` entry first under `section:`, replacing an existing one and
    removing the entries of the versions in `drop`."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    out, skipping = [], False
    for line in lines:
        if skipping and (line.startswith("    ") or not line.strip()):
            continue
        m = re.fullmatch(r'  "([^"]+)":', line)
        skipping = bool(m) and (m.group(1) == version or m.group(1) in drop)
        if not skipping:
            out.append(line)
    if f"{section}:" not in out:
        sys.exit(f"release: {path} has no '{section}:' section")
    at = out.index(f"{section}:") + 1
    out[at:at] = [f'  "{version}":'] + [f"    {key}: {value}" for key, value in entry]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main(argv):
    if len(argv) == 4 and argv[1] == "version":
        version, date = argv[2], argv[3]
        major, minor, patch = version.split(".")
        header = "include/stripe/version.hpp"
        for name, value in (("MAJOR", major), ("MINOR", minor), ("PATCH", patch)):
            rewrite(header, rf"^#define STRIPE_CONNECT_VERSION_{name} .*$", f"#define STRIPE_CONNECT_VERSION_{name} {value}")
        rewrite(header, r'^#define STRIPE_CONNECT_VERSION ".*"$', f'#define STRIPE_CONNECT_VERSION "{version}"')
        rewrite("CHANGELOG.md", r"^## Unreleased.*$", f"## {version} — {date}")
        rewrite(f"{PORT}/vcpkg.json", r'"version-semver": "[^"]*"', f'"version-semver": "{version}"')
    elif len(argv) == 6 and argv[1] == "hashes":
        version, url, sha512, sha256 = argv[2:]
        rewrite(f"{PORT}/portfile.cmake", r"^(\s*SHA512 )\S+", rf"\g<1>{sha512}")
        conandata = f"{RECIPES}/all/conandata.yml"
        with open(conandata, encoding="utf-8") as f:
            unreleased = [v for v, lines in entries(f.read().splitlines()).items()
                          if any(PLACEHOLDER in line for line in lines)]
        upsert(conandata, "sources", version, [("url", f'"{url}"'), ("sha256", f'"{sha256}"')], unreleased)
        upsert(f"{RECIPES}/config.yml", "versions", version, [("folder", "all")], unreleased)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
