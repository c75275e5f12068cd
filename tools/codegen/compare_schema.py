#!/usr/bin/env python3
"""Compares two spec/connect-schema.json files semantically.

    python3 tools/codegen/compare_schema.py OLD NEW [--verbose] [--max N]

Only what OLD has is compared: every type of OLD (its fields, kinds, optional / nullable /
emptyable, enum values and openness, typeName, map / array / union shapes, truncation and
depth limits, event-union variants) and every endpoint of OLD (matched by resource, method,
HTTP method, path and branch condition). Types and endpoints that only NEW has are counted,
not compared. The "generated" timestamp and the "generator" block are ignored. Doc and note
wording differences are reported separately, as information.

Exit status: 0 when there is no semantic difference, 1 when there is, 2 on bad input.
"""
import argparse
import json
import sys

# Keys whose differences are informational only (wording).
INFO_KEYS = {"doc", "note"}
# Keys never compared.
IGNORED_TOP = {"generated", "generator"}


class Report:
    def __init__(self):
        self.semantic = []  # (path, message)
        self.info = []  # (path, message)
        self.types = 0
        self.fields = 0
        self.nodes = 0
        self.endpoints = 0
        self.only_new_types = []
        self.only_new_endpoints = []

    def diff(self, path, msg):
        self.semantic.append((path, msg))

    def note(self, path, msg):
        self.info.append((path, msg))


def short(v, limit=120):
    s = json.dumps(v, sort_keys=True)
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"


def compare_value(rep, path, key, old, new):
    if key in INFO_KEYS:
        if old != new:
            rep.note(path + "." + key if key else path, "%s -> %s" % (short(old), short(new)))
        return
    if isinstance(old, dict) and isinstance(new, dict):
        compare_node(rep, path + "." + key, old, new)
    elif isinstance(old, list) and isinstance(new, list) and key == "properties":
        compare_properties(rep, path, old, new)
    elif isinstance(old, list) and isinstance(new, list) and key == "connectVariants":
        compare_keyed(rep, path + ".connectVariants", old, new, "type")
    elif isinstance(old, list) and isinstance(new, list) and any(isinstance(x, dict) for x in old + new):
        if len(old) != len(new):
            rep.diff(path + "." + key, "%d entries -> %d" % (len(old), len(new)))
        for i, (a, b) in enumerate(zip(old, new)):
            if isinstance(a, dict) and isinstance(b, dict):
                compare_node(rep, "%s.%s[%d]" % (path, key, i), a, b)
            elif a != b:
                rep.diff("%s.%s[%d]" % (path, key, i), "%s -> %s" % (short(a), short(b)))
    elif old != new:
        rep.diff(path + "." + key, "%s -> %s" % (short(old), short(new)))


def compare_node(rep, path, old, new):
    rep.nodes += 1
    for key in old:
        if key not in new:
            if key in INFO_KEYS:
                rep.note(path + "." + key, "removed (was %s)" % short(old[key]))
            else:
                rep.diff(path + "." + key, "missing in NEW (was %s)" % short(old[key]))
            continue
        compare_value(rep, path, key, old[key], new[key])
    for key in new:
        if key in old:
            continue
        if key in INFO_KEYS:
            rep.note(path + "." + key, "added: %s" % short(new[key]))
        else:
            rep.diff(path + "." + key, "only in NEW: %s" % short(new[key]))


def compare_properties(rep, path, old, new):
    by_new = {p.get("name"): p for p in new}
    old_names = [p.get("name") for p in old]
    for p in old:
        name = p.get("name")
        sub = path + "." + str(name)
        if name not in by_new:
            rep.diff(sub, "field missing in NEW")
            continue
        rep.fields += 1
        compare_node(rep, sub, p, by_new[name])
    extra = [p.get("name") for p in new if p.get("name") not in set(old_names)]
    for name in extra:
        rep.diff(path + "." + str(name), "field only in NEW")
    common_old = [n for n in old_names if n in by_new]
    common_new = [p.get("name") for p in new if p.get("name") in set(old_names)]
    if common_old != common_new:
        rep.diff(path + ".properties", "field order differs: %s -> %s" % (short(common_old, 200), short(common_new, 200)))


def compare_keyed(rep, path, old, new, key):
    by_new = {v.get(key): v for v in new}
    for v in old:
        k = v.get(key)
        if k not in by_new:
            rep.diff("%s[%s]" % (path, k), "missing in NEW")
            continue
        compare_node(rep, "%s[%s]" % (path, k), v, by_new[k])
    old_keys = {v.get(key) for v in old}
    for v in new:
        if v.get(key) not in old_keys:
            rep.diff("%s[%s]" % (path, v.get(key)), "only in NEW")


def endpoint_key(e):
    return (e.get("resource"), e.get("method"), e.get("httpMethod"), e.get("path"), e.get("when"))


def compare(old, new):
    rep = Report()
    for key in old:
        if key in IGNORED_TOP or key in ("types", "endpoints"):
            continue
        if key not in new:
            rep.diff(key, "missing in NEW")
        elif key == "source":
            if old[key] != new[key]:
                rep.note(key, "%s -> %s" % (short(old[key]), short(new[key])))
        elif old[key] != new[key]:
            rep.diff(key, "%s -> %s" % (short(old[key]), short(new[key])))
    old_types = old.get("types", {})
    new_types = new.get("types", {})
    for name, t in old_types.items():
        if name not in new_types:
            rep.diff("types." + name, "type missing in NEW")
            continue
        rep.types += 1
        compare_node(rep, "types." + name, t, new_types[name])
    rep.only_new_types = [n for n in new_types if n not in old_types]
    new_eps = {}
    for e in new.get("endpoints", []):
        new_eps.setdefault(endpoint_key(e), e)
    old_keys = set()
    for e in old.get("endpoints", []):
        k = endpoint_key(e)
        old_keys.add(k)
        label = "endpoints[%s %s %s%s]" % (e.get("resource"), e.get("method"), e.get("path"),
                                            " when " + e["when"] if e.get("when") else "")
        if k not in new_eps:
            rep.diff(label, "endpoint missing in NEW")
            continue
        rep.endpoints += 1
        compare_node(rep, label, e, new_eps[k])
    rep.only_new_endpoints = [k for k in new_eps if k not in old_keys]
    return rep


def format_report(rep, verbose=False, limit=50):
    lines = []
    lines.append("compared: %d types, %d fields (%d nodes), %d endpoints" % (rep.types, rep.fields, rep.nodes,
                                                                          rep.endpoints))
    lines.append("only in NEW (not compared): %d types, %d endpoints" % (len(rep.only_new_types),
                                                                       len(rep.only_new_endpoints)))
    lines.append("semantic differences: %d" % len(rep.semantic))
    shown = rep.semantic if verbose else rep.semantic[:limit]
    for path, msg in shown:
        lines.append("  DIFF %s: %s" % (path, msg))
    if len(shown) < len(rep.semantic):
        lines.append("  ... %d more (use --verbose)" % (len(rep.semantic) - len(shown)))
    lines.append("informational (doc/note wording): %d" % len(rep.info))
    shown = rep.info if verbose else rep.info[:limit]
    for path, msg in shown:
        lines.append("  INFO %s: %s" % (path, msg))
    if len(shown) < len(rep.info):
        lines.append("  ... %d more (use --verbose)" % (len(rep.info) - len(shown)))
    return "\n".join(lines)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--verbose", action="store_true", help="list every difference")
    ap.add_argument("--max", type=int, default=50, help="differences listed per section (default 50)")
    args = ap.parse_args(argv)
    try:
        old, new = load(args.old), load(args.new)
    except (OSError, ValueError) as e:
        print("compare_schema: %s" % e, file=sys.stderr)
        return 2
    rep = compare(old, new)
    print(format_report(rep, args.verbose, args.max))
    return 1 if rep.semantic else 0


if __name__ == "__main__":
    sys.exit(main())
