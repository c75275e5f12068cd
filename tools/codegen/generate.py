#!/usr/bin/env python3
"""Generates the typed models and params headers from spec/connect-schema.json.

Run from the repository root:  python3 tools/codegen/generate.py
Check that the committed files are what the generator makes now:  python3 tools/codegen/generate.py --check
Every struct lists its fields once in `describe`, which the reader, the writer and the
conformance tests walk. Generated files carry a banner; edit this script, not them.
"""
import argparse
import filecmp
import json
import os
import re
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = json.load(open(os.path.join(ROOT, "spec", "connect-schema.json")))
TYPES = SCHEMA["types"]

KEYWORDS = {
    "alignas", "alignof", "and", "asm", "auto", "bool", "break", "case", "catch", "char", "class", "const",
    "constexpr", "continue", "default", "delete", "do", "double", "else", "enum", "explicit", "export",
    "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int", "long", "mutable",
    "namespace", "new", "noexcept", "not", "operator", "or", "private", "protected", "public", "register",
    "return", "short", "signed", "sizeof", "static", "struct", "switch", "template", "this", "throw", "true",
    "try", "typedef", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "while", "xor",
    # members of our own types
    "raw", "describe", "extra_params", "value", "str", "empty", "is_known", "known_values",
}

# Hand-written types used in place of what the schema truncates or leaves as a union.
# Keyed by the schema's typeName (params) and consulted before anything else.
PARAM_TYPE_OVERRIDES = {
    "AddressParam": "stripe::AddressParams",
    "JapanAddressParam": "stripe::JapanAddressParams",
    "DateOfBirthSpecs": "stripe::DateOfBirthParams",
    "AccountCreateParams.Individual.Dob": "stripe::DateOfBirthParams",
    "AccountUpdateParams.Individual.Dob": "stripe::DateOfBirthParams",
}

# Field order overrides (params): the order the API reference writes them in.
FIELD_ORDER = {
    "Stripe.AccountLinkCreateParams": ["account", "type", "refresh_url", "return_url", "collection_options",
                                        "collect", "expand"],
}

# Fields the published types dropped but the API still takes (see spec/README.md).
EXTRA_FIELDS = {
    "V2.Core.AccountLinkCreateParams.UseCase.AccountOnboarding": [
        {"name": "configurations", "optional": True, "kind": "array",
         "items": {"kind": "enum", "values": ["customer", "merchant", "recipient"], "open": True},
         "doc": "Configurations to onboard for (sent by API 2026-03-25.preview; omitted when unset)."}],
    "V2.Core.AccountLinkCreateParams.UseCase.AccountUpdate": [
        {"name": "configurations", "optional": True, "kind": "array",
         "items": {"kind": "enum", "values": ["customer", "merchant", "recipient"], "open": True},
         "doc": "Configurations to update (sent by API 2026-03-25.preview; omitted when unset)."}],
}


# Names for shapes that repeat inside one top-level type; they are defined once at its top.
SHARED_NAMES = {
    ("status", "status_details"): "CapabilityStatus",
    ("code", "resolution"): "StatusDetail",
    ("city", "country", "line1", "line2", "postal_code", "state"): "Address",
    ("city", "country", "line1", "line2", "postal_code", "state", "town"): "Address",
    ("requested",): "CapabilityRequest",
    ("protections",): "ProtectionsRequest",
}


def camel(name):
    parts = re.split(r"[^A-Za-z0-9]+", name)
    out = "".join(p[:1].upper() + p[1:] for p in parts if p)
    if not out or out[0].isdigit():
        out = "V" + out
    return out


def ident(name):
    s = re.sub(r"[^A-Za-z0-9_]", "_", name)
    if s and s[0].isdigit():
        s = "v_" + s
    if s in KEYWORDS:
        s += "_"
    return s


def doc_comment(p, indent):
    d = p.get("doc")
    if not d:
        return []
    d = d.replace("*/", "* /").replace("\n", " ")
    if p.get("deprecated"):
        d = "Deprecated. " + d
    return [indent + "/// " + d]


class Emitter:
    """Emits one header: a set of top-level types sharing dedup tables."""

    def __init__(self, params):
        self.params = params  # params structs: Clearable, ordered output, extra_params
        self.enum_by_values = {}  # tuple(values) -> qualified name
        self.struct_by_sig = {}  # signature -> qualified name
        self.raw_paths = []  # schema paths typed as raw JSON, for the conformance allow-list

    # ---- signatures for dedup ----
    def sig(self, node):
        k = node["kind"]
        if k == "object":
            if node.get("truncated") or "properties" not in node:
                return ("raw",)
            return ("obj", tuple((p["name"], bool(p.get("optional")), bool(p.get("nullable")),
                                  bool(p.get("emptyable")), self.sig(p)) for p in node["properties"]))
        if k == "enum":
            return ("enum", tuple(node["values"]))
        if k == "array":
            return ("arr", self.sig(node["items"]))
        if k == "map":
            return ("map", self.sig(node["valueType"]))
        return (k, node.get("objectType", ""))

    # ---- type mapping ----
    def cpp_type(self, p, owner_q, nested, path):
        """Returns the C++ type of a schema node, emitting nested types into `nested`."""
        k = p["kind"]
        tn = p.get("typeName", "")
        if self.params and tn in PARAM_TYPE_OVERRIDES:
            return PARAM_TYPE_OVERRIDES[tn]
        if k == "string":
            return "std::string"
        if k == "number":
            return "std::int64_t"
        if k == "boolean":
            return "bool"
        if k == "enum":
            return self.enum_type(p, owner_q, nested, path)
        if k == "object":
            if p.get("truncated") or "properties" not in p:
                self.raw_paths.append(path)
                return "nlohmann::json"
            children = p["properties"]
            if (not self.params and len(children) >= 10 and all(c["kind"] == "enum" for c in children)
                    and len({tuple(c["values"]) for c in children}) == 1):
                # A fixed set of named statuses (v1 Account.capabilities): a map survives new names.
                status = dict(children[0], name=p["name"][:-3] + "y_status" if p["name"].endswith("ies")
                              else p["name"] + "_status")
                p["kind"] = "map"
                return "std::map<std::string, %s>" % self.enum_type(status, owner_q, nested, path + "{}")
            return self.struct_type(p, owner_q, nested, path)
        if k == "array":
            item = dict(p["items"])
            item.setdefault("name", p["name"])
            return "std::vector<%s>" % self.cpp_type(item, owner_q, nested, path + "[]")
        if k == "map":
            vt = dict(p["valueType"])
            vt.setdefault("name", p["name"])
            if vt["kind"] == "union" and all(a["kind"] in ("string", "number") for a in vt["anyOf"]):
                return "std::map<std::string, std::optional<std::string>>"  # metadata: null unsets a key
            return "std::map<std::string, %s>" % self.cpp_type(vt, owner_q, nested, path + "{}")
        if k == "expandable":
            ot = p.get("objectType", "")
            if ot == "Account":
                return "stripe::Expandable<Account>"
            self.raw_paths.append(path)
            return "nlohmann::json"
        if k == "union":
            kinds = [a["kind"] for a in p["anyOf"]]
            if self.params and p["name"] == "created" and kinds == ["number", "object"]:
                return "stripe::TimestampFilter"
            if self.params and "string" in kinds:
                # The token form is typed; the raw object forms go through extra_params.
                self.raw_paths.append(path + "(object forms)")
                return "std::string"
            self.raw_paths.append(path)
            return "nlohmann::json"
        self.raw_paths.append(path)
        return "nlohmann::json"

    def enum_type(self, p, owner_q, nested, path):
        values = tuple(p["values"])
        name = camel(p["name"])
        if name == owner_q.split("::")[-1]:
            name += "Value"
        if values in self.enum_by_values:
            q = self.enum_by_values[values]
            if q != owner_q + "::" + name:
                nested.append(("alias", name, q))
            return name
        q = owner_q + "::" + name
        self.enum_by_values[values] = q
        lines = ["struct %s : stripe::OpenEnum<%s> {" % (name, name), "  using OpenEnum::OpenEnum;"]
        used = set()
        idents = []
        for v in values:
            i = ident(str(v).lower())
            while i in used or i == name:
                i += "_"
            used.add(i)
            idents.append(i)
            lines.append('  static constexpr std::string_view %s{"%s"};' % (i, v))
        lines.append("  static constexpr std::string_view known_values[] = {%s};" % ", ".join(idents))
        lines.append("};")
        nested.append(("code", name, lines))
        return name

    def struct_type(self, p, owner_q, nested, path):
        s = self.sig(p)
        name = camel(p["name"])
        if name == owner_q.split("::")[-1]:
            name += "Value"
        if s in self.struct_by_sig:
            q = self.struct_by_sig[s]
            nested.append(("alias", name, q))
            for child in p["properties"]:  # the alias still leaves these paths raw
                self.collect_raw(child, path + "." + child["name"])
            return name
        q = owner_q + "::" + name
        self.struct_by_sig[s] = q
        nested.append(("code", name, self.struct_lines(name, q, p["properties"], p.get("typeName", ""), path,
                                                      top=False)))
        return name

    def collect_raw(self, p, path):
        """Records the raw-JSON paths under a node without emitting anything (for aliased shapes)."""
        saved = self.enum_by_values, self.struct_by_sig
        self.enum_by_values, self.struct_by_sig = dict(saved[0]), dict(saved[1])
        self.cpp_type(dict(p), "Scratch", [], path)
        self.enum_by_values, self.struct_by_sig = saved

    def field_type(self, p, inner):
        optional = p.get("optional") or p.get("nullable")
        k = p["kind"]
        if self.params:
            if p.get("emptyable") or (p.get("nullable") and p.get("optional")):
                return "stripe::Clearable<%s>" % inner
            if optional:
                return "std::optional<%s>" % inner
            return inner
        if k in ("array", "map") and not p.get("nullable"):
            return inner  # absent reads as empty
        if k == "map":
            return "std::optional<%s>" % inner
        if k in ("object",) and inner == "nlohmann::json":
            return inner  # raw JSON is null when absent
        if k == "unknown" or inner == "nlohmann::json":
            return inner
        if optional:
            return "std::optional<%s>" % inner
        return inner

    def count_shapes(self, props, counts, first):
        for p in props:
            node = p
            while node["kind"] in ("array", "map"):
                node = node["items"] if node["kind"] == "array" else node["valueType"]
            if node["kind"] == "object" and "properties" in node and not node.get("truncated"):
                sg = self.sig(node)
                counts[sg] = counts.get(sg, 0) + 1
                first.setdefault(sg, (node, p["name"]))
                self.count_shapes(node["properties"], counts, first)

    def hoist_shared(self, props, q, nested):
        counts, first = {}, {}
        self.count_shapes(props, counts, first)
        used = set()
        # Innermost shapes first (they are found after their parents), so parents reuse them.
        for sg, n in reversed(list(counts.items())):
            if n < 3:
                continue
            node, field_name = first[sg]
            key = tuple(p["name"] for p in node["properties"])
            name = SHARED_NAMES.get(key, camel(field_name))
            while name in used:
                name += "_"
            used.add(name)
            saved_raw = list(self.raw_paths)  # paths are recorded where the shape is used
            nested.append(("code", name, self.struct_lines(name, q + "::" + name, node["properties"],
                                                          node.get("typeName", ""), "", top=False)))
            self.struct_by_sig[sg] = q + "::" + name
            self.raw_paths = saved_raw

    def struct_lines(self, name, q, props, type_name, path, top, doc=None, extra_members=()):
        props = list(props) + EXTRA_FIELDS.get(type_name, [])
        nested = []
        fields = []
        if top:
            self.hoist_shared(props, q, nested)
        for p in props:
            p = dict(p)
            inner = self.cpp_type(p, q, nested, (path + "." if path else "") + p["name"])  # may retype p
            fields.append((p, self.field_type(p, inner)))
        out = []
        if doc:
            out.append("/// " + doc)
        out.append("struct %s {" % name)
        for kind, nname, body in nested:
            if kind == "alias":
                out.append("  using %s = %s;" % (nname, body))
            else:
                out.extend(("  " + line) if line else "" for line in body)
        if nested:
            out.append("")
        has_init = False
        for p, t in fields:
            out.extend(doc_comment(p, "  "))
            init = " = false" if t == "bool" else " = 0" if t == "std::int64_t" else ""
            has_init = has_init or bool(init)
            out.append("  %s %s%s;" % (t, ident(p["name"]), init))
        if has_init and not top:
            # A nested struct with default member initializers needs a user-provided
            # constructor: otherwise clang cannot tell it is default constructible inside the
            # enclosing struct, and std::optional<Nested>::emplace() does not compile.
            out.append("")
            out.append("  %s() noexcept {}  // NOLINT(modernize-use-equals-default)" % name)
        for m in extra_members:
            out.append("  " + m)
        out.append("")
        out.append("  template <class Self, class V>")
        out.append("  static void describe(Self& self, V& v) {")
        if not fields:
            out.append("    (void)self;")
            out.append("    (void)v;")
        for p, _ in fields:
            out.append('    v("%s", self.%s);' % (p["name"], ident(p["name"])))
        out.append("  }")
        out.append("};")
        return out


def ordered(tname, props):
    order = FIELD_ORDER.get(tname)
    if not order:
        return props
    by = {p["name"]: p for p in props}
    return [by[n] for n in order if n in by] + [p for p in props if p["name"] not in order]


def emit_file(path, namespace, includes, items, params, banner_doc, raw_by_type):
    em = Emitter(params)
    body = []
    for tname, cname, extra in items:
        em.raw_paths = []
        t = TYPES[tname]
        props = ordered(tname, t["properties"])
        if params:
            members = ("/// Fields the SDK has not typed yet, merged into the request as given.",
                       "nlohmann::json extra_params = nlohmann::json::object();")
        else:
            members = ("/// The whole object as received, including fields the SDK has not typed yet.",
                       "nlohmann::json raw;")
        members = members + tuple(extra)
        body.extend(em.struct_lines(cname, cname, props, t.get("typeName", ""), "", True,
                                    doc="%s (schema type %s)." % (cname, tname), extra_members=members))
        body.append("")
        raw_by_type[tname] = sorted(em.raw_paths)
    lines = [
        "#pragma once",
        "// Generated by tools/codegen/generate.py from spec/connect-schema.json (API %s)." % SCHEMA["api_version"],
        "// Do not edit: change the generator and run it again.",
        "// " + banner_doc,
        "#include <cstdint>",
        "#include <map>",
        "#include <optional>",
        "#include <string>",
        "#include <string_view>",
        "#include <vector>",
        "",
        "#include <nlohmann/json.hpp>",
        "",
    ]
    lines += ['#include "%s"' % i for i in includes]
    lines += ["", "namespace %s {" % namespace, ""]
    lines += body
    lines += ["}  // namespace %s" % namespace, ""]
    write_text(os.path.join("include", path), "\n".join(lines))


# Where generated files are written; --check points it at a temporary directory.
OUT = ROOT
# Every file the generator writes, relative to the repository root (filled while writing).
WRITTEN = []


def generate():
    model_inc = ["stripe/encoding/model.hpp"]
    param_inc = ["stripe/encoding/model.hpp", "stripe/encoding/common_params.hpp"]
    raw = {}
    specs = [
        ("stripe/v1/account.hpp", "stripe::v1", model_inc,
         [("Stripe.Account", "Account", []), ("Stripe.DeletedAccount", "DeletedAccount", [])], False,
         "v1 Account and DeletedAccount."),
        ("stripe/v1/account_link.hpp", "stripe::v1", model_inc, [("Stripe.AccountLink", "AccountLink", [])], False,
         "v1 AccountLink."),
        ("stripe/v1/capability.hpp", "stripe::v1", model_inc + ["stripe/v1/account.hpp"],
         [("Stripe.Capability", "Capability", [])], False, "v1 Capability."),
        ("stripe/v1/account_params.hpp", "stripe::v1", param_inc,
         [("Stripe.AccountCreateParams", "AccountCreateParams", []),
          ("Stripe.AccountUpdateParams", "AccountUpdateParams", []),
          ("Stripe.AccountRetrieveParams", "AccountRetrieveParams", []),
          ("Stripe.AccountListParams", "AccountListParams", []),
          ("Stripe.AccountDeleteParams", "AccountDeleteParams", []),
          ("Stripe.AccountRejectParams", "AccountRejectParams", [])], True, "v1 Accounts params."),
        ("stripe/v1/account_link_params.hpp", "stripe::v1", param_inc,
         [("Stripe.AccountLinkCreateParams", "AccountLinkCreateParams", [])], True, "v1 AccountLinks params."),
        ("stripe/v1/capability_params.hpp", "stripe::v1", param_inc,
         [("Stripe.AccountUpdateCapabilityParams", "CapabilityUpdateParams", []),
          ("Stripe.AccountRetrieveCapabilityParams", "CapabilityRetrieveParams", []),
          ("Stripe.AccountListCapabilitiesParams", "CapabilityListParams", [])], True, "v1 Capabilities params."),
        ("stripe/v2/core/account.hpp", "stripe::v2::core", model_inc, [("Stripe.V2.Core.Account", "Account", [])],
         False, "v2 core Account."),
        ("stripe/v2/core/account_link.hpp", "stripe::v2::core", model_inc,
         [("Stripe.V2.Core.AccountLink", "AccountLink", [])], False, "v2 core AccountLink."),
        ("stripe/v2/core/account_params.hpp", "stripe::v2::core", param_inc,
         [("Stripe.V2.Core.AccountCreateParams", "AccountCreateParams", []),
          ("Stripe.V2.Core.AccountUpdateParams", "AccountUpdateParams", []),
          ("Stripe.V2.Core.AccountRetrieveParams", "AccountRetrieveParams", []),
          ("Stripe.V2.Core.AccountListParams", "AccountListParams", []),
          ("Stripe.V2.Core.AccountCloseParams", "AccountCloseParams", [])], True, "v2 core Accounts params."),
        ("stripe/v2/core/account_link_params.hpp", "stripe::v2::core", param_inc,
         [("Stripe.V2.Core.AccountLinkCreateParams", "AccountLinkCreateParams", [])], True,
         "v2 core AccountLinks params."),
    ]
    for path, ns, inc, items, params, doc in specs:
        emit_file(path, ns, inc, items, params, doc, raw)
    # The allow-list of schema paths left to raw JSON, per schema type, for review and tests.
    write_text(os.path.join("tests", "data", "raw_json_fields.json"), json.dumps(raw, indent=1, sort_keys=True) + "\n")


def write_text(rel, text):
    full = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)
    WRITTEN.append(rel)


GENERATED_BANNER = "// Generated by tools/codegen/generate.py"


def committed_generated():
    """Generated headers present in the repository (those carrying the banner)."""
    found = []
    for d, _, files in os.walk(os.path.join(ROOT, "include")):
        for name in files:
            full = os.path.join(d, name)
            with open(full, errors="replace") as f:
                head = f.read(512)
            if GENERATED_BANNER in head:
                found.append(os.path.relpath(full, ROOT))
    return found


def check():
    """Regenerates into a temporary directory and compares with the committed tree."""
    global OUT
    with tempfile.TemporaryDirectory() as tmp:
        OUT = tmp
        generate()
        differ = []
        for rel in sorted(set(WRITTEN)):
            committed = os.path.join(ROOT, rel)
            if not os.path.exists(committed):
                differ.append(rel + " (missing from the repository)")
            elif not filecmp.cmp(committed, os.path.join(tmp, rel), shallow=False):
                differ.append(rel)
        for rel in sorted(set(committed_generated()) - set(WRITTEN)):
            differ.append(rel + " (generated banner, but the generator no longer writes it)")
    if differ:
        print("generate.py --check: the committed generated files differ from what the generator makes from "
              "spec/connect-schema.json; run python3 tools/codegen/generate.py and commit:")
        for d in differ:
            print("  " + d)
        return 1
    print("generate.py --check: %d generated files up to date" % len(set(WRITTEN)))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 listing the committed files that differ from a fresh generation")
    args = ap.parse_args()
    if args.check:
        return check()
    generate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
