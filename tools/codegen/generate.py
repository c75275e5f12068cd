#!/usr/bin/env python3
"""Generates the typed models and params headers from spec/connect-schema.json.

Run from the repository root:  python3 tools/codegen/generate.py
Check that the committed files are what the generator makes now:  python3 tools/codegen/generate.py --check
Every struct lists its fields once, in `STRIPE_FIELDS(...)` (its `describe`), which the
reader, the writer and the conformance tests walk. Generated files carry a banner; edit this script, not them.
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

# Numbers the API takes with a fraction (the schema says only "number"): double, not int64.
FRACTIONAL_NUMBERS = {"percent_ownership"}

# Objects an expandable field may hold that have a generated v1 model: typed as
# stripe::Expandable<Model> (the header including the model is listed in generate()).
EXPANDABLE_MODELS = {"Account", "File"}

# Unions of API objects (models) that a hand-written type decodes by `object`: the union's
# typeName -> the C++ type, in the version's namespace (stripe/v1/external_account.hpp).
UNION_MODELS = {"ExternalAccount": "ExternalAccount"}

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

    def __init__(self, params, shared=None):
        self.params = params  # params structs: Clearable, ordered output, extra_params
        shared = shared or Shared()
        # Types shared by the whole API version (stripe/<version>/shared.hpp) are used by alias.
        self.enum_by_values = dict(shared.enums)  # tuple(values) -> qualified name
        # Signatures stand for the C++ text, so a params shape may alias a model shape and back.
        self.struct_by_sig = dict(shared.structs)  # signature -> qualified name
        self.tops = dict(shared.tops)  # schema type of a top-level type -> the shared type it aliases
        self.raw_paths = []  # schema paths typed as raw JSON, for the conformance allow-list
        # Top-level models a nested shape of the same C++ names instead of copying (see model_tops);
        # the header being written, the models it has defined so far and the headers it aliases into.
        self.model_tops = dict(shared.model_tops)
        self.header = None
        self.defined = set()
        self.model_headers = set()

    # ---- signatures for dedup ----
    # A signature stands for the C++ text a node becomes, not for the schema flags behind it:
    # shapes whose fields get the same C++ types (optional and nullable both giving
    # std::optional, say) are emitted once and used by alias.
    def sig(self, node):
        k = node["kind"]
        if self.params and node.get("typeName", "") in PARAM_TYPE_OVERRIDES:
            return ("cpp", PARAM_TYPE_OVERRIDES[node["typeName"]])
        if k == "object":
            if node.get("truncated") or "properties" not in node:
                return ("raw",)
            if self.status_map(node):
                return ("status_map", tuple(node["properties"][0]["values"]))
            props = list(node["properties"]) + EXTRA_FIELDS.get(node.get("typeName", ""), [])
            return ("obj", tuple((p["name"], self.field_type(p, "nlohmann::json" if self.is_raw(p) else "@"),
                                  self.sig(p)) for p in props))
        if k == "enum":
            return ("enum", tuple(node["values"]))
        if k == "array":
            return ("arr", self.sig(node["items"]))
        if k == "map":
            return ("map", self.sig(node["valueType"]))
        if k == "union":
            if not self.params and node.get("typeName") in UNION_MODELS:
                return ("cpp", UNION_MODELS[node["typeName"]])
            if self.union_type(node) == "variant":
                return ("variant", tuple(self.sig(a) for a in node["anyOf"]))
            return ("cpp", self.union_type(node))
        return (k, node.get("objectType", ""))

    def status_map(self, p):
        """A fixed set of named statuses (v1 Account.capabilities), read as a map (models)."""
        children = p["properties"]
        return (not self.params and len(children) >= 10 and all(c["kind"] == "enum" for c in children)
                and len({tuple(c["values"]) for c in children}) == 1)

    def is_raw(self, p):
        """Whether cpp_type gives nlohmann::json for a node (field_type wraps raw JSON differently)."""
        k = p["kind"]
        if self.params and p.get("typeName", "") in PARAM_TYPE_OVERRIDES:
            return False
        if k == "object":
            return bool(p.get("truncated") or "properties" not in p)
        if k == "expandable":
            return p.get("objectType", "") not in EXPANDABLE_MODELS
        if k == "union":
            if not self.params and p.get("typeName") in UNION_MODELS:
                return False
            return self.union_type(p) == "nlohmann::json"
        return k not in ("string", "number", "boolean", "enum", "array", "map")

    def union_type(self, p):
        kinds = [a["kind"] for a in p["anyOf"]]
        if self.params and p.get("name") == "created" and kinds == ["number", "object"]:
            return "stripe::TimestampFilter"
        if self.params and self.variant_alternatives(p):
            return "variant"
        if self.params and "string" in kinds:
            return "std::string"
        return "nlohmann::json"

    @staticmethod
    def variant_alternatives(p):
        """A params union the API takes in one of several typed forms (a token or a bank account
        hash; a timestamp or "now"): the alternatives, or None where a form has no C++ type."""
        alts = p.get("anyOf", [])
        if len(alts) < 2 or any(a["kind"] not in ("string", "number", "enum", "object") for a in alts):
            return None
        if any(a["kind"] == "object" and ("properties" not in a or a.get("truncated")) for a in alts):
            return None
        return alts

    def variant_type(self, p, owner_q, nested, path):
        """std::variant of the forms, each typed; assigning a string or a number picks its form."""
        types = []
        for a in self.variant_alternatives(p):
            if a["kind"] == "object":
                alt = dict(a, name=a["typeName"].split(".")[-1])
                types.append(self.struct_type(alt, owner_q, nested, path + "|" + alt["name"]))
            elif a["kind"] == "enum":
                types.append(self.enum_type(dict(a, name=p["name"] + "_keyword"), owner_q, nested, path))
            else:
                types.append({"string": "std::string", "number": "std::int64_t"}[a["kind"]])
        return "std::variant<%s>" % ", ".join(types)

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
            return "double" if p.get("name") in FRACTIONAL_NUMBERS else "std::int64_t"
        if k == "boolean":
            return "bool"
        if k == "enum":
            return self.enum_type(p, owner_q, nested, path)
        if k == "object":
            if p.get("truncated") or "properties" not in p:
                self.raw_paths.append(path)
                return "nlohmann::json"
            children = p["properties"]
            if self.status_map(p):
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
            if ot in EXPANDABLE_MODELS:
                return "stripe::Expandable<%s>" % ot
            self.raw_paths.append(path)
            return "nlohmann::json"
        if k == "union":
            if not self.params and tn in UNION_MODELS:
                return UNION_MODELS[tn]
            t = self.union_type(p)
            if t == "variant":
                return self.variant_type(p, owner_q, nested, path)
            if t == "std::string":
                # The token form is typed; the raw object forms go through extra_params.
                self.raw_paths.append(path + "(object forms)")
            elif t == "nlohmann::json":
                self.raw_paths.append(path)
            return t
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
        nested.append(("code", name, enum_lines(name, values)))
        return name

    def top_model_alias(self, s):
        """The top-level model of this signature a nested shape can name: one defined earlier in
        this header, or one in another header that does not include this one."""
        if self.params or s not in self.model_tops:
            return None
        q, header, its_includes = self.model_tops[s]
        if header == self.header:
            return q if q in self.defined else None
        if self.header in its_includes:
            return None
        self.model_headers.add(header)
        return q

    def struct_type(self, p, owner_q, nested, path):
        s = self.sig(p)
        name = camel(p["name"])
        if name == owner_q.split("::")[-1]:
            name += "Value"
        model = self.top_model_alias(s)
        if model or s in self.struct_by_sig:
            q = model or self.struct_by_sig[s]
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

    @staticmethod
    def optional_of(p, inner):
        """A nested object is a stripe::Optional (its std::optional instantiation alone costs g++
        milliseconds per type, see stripe/encoding/optional.hpp); anything else std::optional."""
        if p["kind"] == "object" and not inner.startswith(("std::", "nlohmann::")):
            return "stripe::Optional<%s>" % inner
        return "std::optional<%s>" % inner

    def field_type(self, p, inner):
        optional = p.get("optional") or p.get("nullable")
        k = p["kind"]
        if self.params:
            if p.get("emptyable") or (p.get("nullable") and p.get("optional")):
                return "stripe::Clearable<%s>" % inner
            if optional:
                return self.optional_of(p, inner)
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
            return self.optional_of(p, inner)
        return inner

    def count_shapes(self, props, counts, first, parent=""):
        for p in props:
            node = p
            while node["kind"] in ("array", "map"):
                node = node["items"] if node["kind"] == "array" else node["valueType"]
            if node["kind"] == "object" and "properties" in node and not node.get("truncated"):
                sg = self.sig(node)
                if sg[0] == "cpp":
                    continue  # a hand-written params type (PARAM_TYPE_OVERRIDES): nothing to hoist
                counts[sg] = counts.get(sg, 0) + 1
                first.setdefault(sg, (node, p["name"], parent))
                self.count_shapes(node["properties"], counts, first, p["name"])

    def hoist_shared(self, props, q, nested):
        counts, first = {}, {}
        self.count_shapes(props, counts, first)
        used = set()
        # Innermost shapes first (they are found after their parents), so parents reuse them.
        for sg, n in reversed(list(counts.items())):
            if n < 3:
                continue
            node, field_name, parent = first[sg]
            key = tuple(p["name"] for p in node["properties"])
            name = distinct_name(SHARED_NAMES.get(key, camel(field_name)), parent, used)
            used.add(name)
            if sg in self.struct_by_sig:  # defined already (shared, or hoisted by an earlier type): keep the name
                nested.append(("alias", name, self.struct_by_sig[sg]))
                continue
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
        aliased = {}
        for kind, nname, body in nested:
            if kind == "alias":
                if aliased.get(nname) == body:  # hoisted, then met again as a field of that name
                    continue
                if nname in aliased:
                    raise SystemExit("generate.py: %s::%s names two types" % (q, nname))
                aliased[nname] = body
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
        out.extend(describe_lines([p["name"] for p, _ in fields]))
        out.append("};")
        return out


def describe_lines(names):
    """A struct's describe: the field list once (STRIPE_FIELDS, stripe/encoding/fields.hpp)
    where every member is named as its JSON field; written out where one is not (`value_`)."""
    if names and all(ident(n) == n for n in names):
        return ["  STRIPE_FIELDS(%s)" % "".join("(%s)" % n for n in names)]
    out = ["  template <class Self, class V>", "  static void describe(Self& self, V& v) {"]
    if not names:
        out += ["    (void)self;", "    (void)v;"]
    out += ['    v("%s", self.%s);' % (n, ident(n)) for n in names]
    return out + ["  }"]


def enum_lines(name, values):
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
    return lines


# ---------------------------------------------------------------------------------------------
# Types shared by an API version: emitted once in stripe/<version>/shared.hpp and used by alias
# (`using Errors = stripe::v1::RequirementsError;`) where they appear, so the nested names stay.
#   - enums of at least SHARED_ENUM_MIN values found in two or more top-level types (models or
#     params) of the version, and enums of at least SHARED_ENUM_MIN_HEADERS values found in two
#     or more headers of the version (a model and its params, say);
#   - model object shapes found in two or more top-level model types of the version;
#   - object shapes (models or params) found in two or more headers of the version: the
#     signature stands for the C++ text, so a model shape and a params shape share a type only
#     where they are the same C++ (never Clearable against std::optional).
# Shapes and enums that are the same C++ in v1 and v2 go one level up, to stripe/common/shared.hpp
# (namespace stripe::common), which both versions' shared.hpp include.
SHARED_ENUM_MIN = 8
SHARED_ENUM_MIN_HEADERS = 3  # the smallest enum that spans six lines
# Names of the shared types, by field name (enums) or by the tuple of field names (structs).
SHARED_ENUM_NAMES = {"code": "RequirementErrorCode", "structure": "CompanyStructure", "locales": "Locale"}
# Names by values, where the field name alone is too general for a version-wide type.
SHARED_ENUM_NAMES_BY_VALUES = {("express", "full", "none"): "DashboardType",
                               ("customer", "merchant", "recipient"): "ConfigurationType",
                               ("amazon_eventbridge", "azure_event_grid", "webhook_endpoint"): "EventDestinationType"}
SHARED_STRUCT_NAMES = {
    ("alternative_fields_due", "original_fields_due"): "RequirementsAlternative",
    ("code", "reason", "requirement"): "RequirementsError",
    ("city", "country", "line1", "line2", "postal_code", "state"): "Address",
    ("city", "country", "line1", "line2", "postal_code", "state", "town"): "AddressWithTown",
    ("day", "month", "year"): "DateOfBirth",
    ("requested",): "CapabilityRequest",
    ("email", "hours", "phone"): "KonbiniSupport",
    ("address", "email", "phone", "url"): "MerchantSupport",
    ("date", "ip", "user_agent"): "Acceptance",
    ("shown_and_accepted",): "TermsAcceptance",
}

# Names by the schema typeName of the shape's (or enum's) first occurrence, where the field name
# would take a name an older shared type already has (the models of an account's company,
# individual and identity came after the params and persons that named them).
SHARED_NAMES_BY_TYPE = {
    "Account.Settings.PaypayPayments.Site.Accessible": "Features",
    "Person.AdditionalTosAcceptances": "PersonAdditionalTosAcceptances",
    "Person.FutureRequirements": "PersonRequirements",
    "Person.Relationship": "PersonRelationship",
    "Person.Verification": "PersonVerification",
    "V2.Core.Account.Identity.Attestations.TermsOfService": "AdditionalTermsOfService",
    "V2.Core.Account.Identity.BusinessDetails.AdditionalAddress": "BusinessAdditionalAddresses",
    "V2.Core.Account.Identity.BusinessDetails.Documents.BankAccountOwnershipVerification": "CompanyAuthorization",
    "V2.Core.Account.Identity.BusinessDetails.IdNumber.Type": "BusinessIdNumberType",
    "V2.Core.Account.Identity.BusinessDetails.ScriptNames.Kana": "BusinessScriptNamesKana",
    "V2.Core.Account.Identity.Individual.IdNumber": "PersonIdNumbers",
    "V2.Core.Accounts.PersonTokenCreateParams.AdditionalTermsOfService": "AdditionalTermsOfServiceParams",
}

# Names of top-level types shared because their C++ is the same, by the tuple of field names.
SHARED_TOP_NAMES = {("expand",): "ExpandOnlyParams", (): "EmptyParams"}

# Hand-written types that generated shapes of the same C++ use by alias, so that an address is
# one type in models and params alike: (header, C++ name, fields, every one an optional string).
HAND_WRITTEN_STRUCTS = [
    ("stripe/encoding/address.hpp", "stripe::Address",
     ("city", "country", "line1", "line2", "postal_code", "state")),
    ("stripe/encoding/address.hpp", "stripe::AddressWithTown",
     ("city", "country", "line1", "line2", "postal_code", "state", "town")),
    ("stripe/encoding/common_params.hpp", "stripe::DateOfBirthParams", ("day", "month", "year"), "@", ("number", "")),
    ("stripe/encoding/common_params.hpp", "stripe::TimestampFilter", ("gt", "gte", "lt", "lte"), "std::optional<@>",
     ("number", "")),
]
HAND_WRITTEN_NAMES = {entry[1] for entry in HAND_WRITTEN_STRUCTS}


class Shared:
    def __init__(self):
        self.enums = {}  # tuple(values) -> qualified name
        self.structs = {}  # signature -> qualified name
        self.tops = {}  # schema type of a top-level type -> qualified name of the type it aliases
        self.model_tops = {}  # signature of a top-level model -> (qualified name, header, its includes)


def hand_written_shapes():
    """The hand-written types by the signature a generated shape of the same C++ has.

    Their fields are read from their headers, so a change there cannot go unnoticed here."""
    shared = Shared()
    for header, name, fields, *field_sig in HAND_WRITTEN_STRUCTS:
        # Each field's C++ type and schema signature: optional strings unless the entry says.
        field_type, kind = field_sig or ("std::optional<@>", ("string", ""))
        text = open(os.path.join(ROOT, "include", header)).read()
        body = re.search(r"^struct %s \{\n(.*?)^\};" % name.split("::")[-1], text, re.S | re.M)
        described = described_fields(body.group(1)) if body else ()
        if described != fields:
            raise SystemExit("generate.py: %s in %s describes %s, not %s" % (name, header, described, fields))
        shared.structs[("obj", tuple((f, field_type, kind) for f in fields))] = name
    return shared


def described_fields(struct_body):
    """The JSON names a hand-written struct's describe visits, in order: its STRIPE_FIELDS list,
    or its written-out `v("name", self.name);` calls."""
    listed = re.search(r"STRIPE_FIELDS\(((?:\(\w+\))+)\)", struct_body)
    if listed:
        return tuple(re.findall(r"\((\w+)\)", listed.group(1)))
    return tuple(re.findall(r'v\("(\w+)", self\.\w+\);', struct_body))


def hand_written_includes(lines):
    """The headers of the hand-written types that generated lines name."""
    text = "\n".join(lines)
    return sorted({header for header, name, *_ in HAND_WRITTEN_STRUCTS
                   if re.search(re.escape(name) + r"\b", text)})


def top_node(t):
    """A top-level schema type as an object node, with its fields in the order they are emitted."""
    return {"kind": "object", "typeName": TYPES[t].get("typeName", ""),
            "properties": ordered(t, TYPES[t]["properties"])}


def walk_nodes(props, fn, parent=""):
    """Calls fn(node, field name, parent field name) for every node, arrays and maps seen through."""
    for p in props:
        node = p
        while node["kind"] in ("array", "map"):
            node = node["items"] if node["kind"] == "array" else node["valueType"]
        fn(node, p["name"], parent)
        if node["kind"] == "object" and "properties" in node and not node.get("truncated"):
            walk_nodes(node["properties"], fn, p["name"])


def distinct_name(name, parent, taken, params=False):
    """`name`, or when it is taken NameParams for a params shape, the name qualified by its parent
    field (AccountManagementFeatures), then numbered: a reader sees where the shape comes from."""
    if name not in taken:
        return name
    if params and name + "Params" not in taken:
        return name + "Params"
    if parent and camel(parent) + name not in taken:
        return camel(parent) + name
    n = 2
    while "%s%d" % (name, n) in taken:
        n += 1
    return "%s%d" % (name, n)


def shape_height(node):
    h = 0
    def visit(n, _name, _parent):
        nonlocal h
        if n["kind"] == "object" and "properties" in n and not n.get("truncated"):
            h = max(h, 1 + shape_height(n))
    walk_nodes(node["properties"], visit)
    return h


# C++ types only params use: a shared header that holds one needs encoding/common_params.hpp.
PARAMS_ONLY_TYPES = ["stripe::Clearable<", "stripe::TimestampFilter"] + list(PARAM_TYPE_OVERRIDES.values())


def api_versions(headers):
    return {h.split("/")[1] for h in headers}


def plan_shared(version, ns, files, path, base=None, base_path=None):
    """Finds the version's shared types and writes `path` (stripe/<version>/shared.hpp).

    files: (header, [schema type], is_params) for each generated header of the version.
    base: the types shared by every version (written to base_path), used by alias here; for
    stripe/common, the hand-written types (hand_written_shapes), which a shape found there aliases.
    version None: finds the types the same in two versions (same C++ text) for stripe/common."""
    cross = version is None
    base = base or Shared()
    shared = Shared()
    shared.enums, shared.structs, shared.tops = dict(base.enums), dict(base.structs), dict(base.tops)
    em = Emitter(False)
    enum_owners, enum_headers, enum_first = {}, {}, {}
    for header, types, _ in files:
        for t in types:
            def see_enum(node, name, _parent, t=t, header=header):
                if node["kind"] == "enum" and len(node["values"]) >= SHARED_ENUM_MIN_HEADERS:
                    key = tuple(node["values"])
                    enum_owners.setdefault(key, set()).add(t)
                    enum_headers.setdefault(key, set()).add(header)
                    enum_first.setdefault(key, (name, node.get("typeName", "")))
            walk_nodes(TYPES[t]["properties"], see_enum)
    # Object shapes by signature (the C++ text they become): the top-level types and the headers
    # they are found in, and the first occurrence (node, field name, params or not).
    struct_owners, struct_files, struct_first = {}, {}, {}
    for header, types, is_params in sorted(files, key=lambda f: f[2]):  # models first: they name the types
        em.params = is_params
        for t in types:
            def see_struct(node, name, parent, t=t, header=header, is_params=is_params):
                if node["kind"] == "object" and "properties" in node and not node.get("truncated"):
                    sg = em.sig(node)
                    if sg[0] != "obj":
                        return
                    if not is_params:
                        struct_owners.setdefault(sg, set()).add(t)
                    struct_files.setdefault(sg, set()).add(header)
                    struct_first.setdefault(sg, (node, name, is_params, parent))
            walk_nodes(TYPES[t]["properties"], see_struct)
    # A shared shape never takes the name of a top-level type, nor of a hand-written type of
    # another C++ (stripe::AddressWithTown and a v2 one with a required country would read alike).
    top_names = {TOP_CNAMES[t] for _, types, _ in files for t in types}
    top_names |= {q.rsplit("::", 1)[1] for q in HAND_WRITTEN_NAMES}
    used = set()

    def unique(name, parent="", params=False):
        name = distinct_name(name, parent, used | top_names, params)
        used.add(name)
        return name

    body = []
    for key, owners in enum_owners.items():
        if key in shared.enums:
            continue
        if cross:
            if len(api_versions(enum_headers[key])) < 2:
                continue
            owners = ["<%s>" % h for h in sorted(enum_headers[key])]
        elif not ((len(owners) >= 2 and len(key) >= SHARED_ENUM_MIN) or len(enum_headers[key]) >= 2):
            continue
        field, type_name = enum_first[key]
        name = unique(SHARED_NAMES_BY_TYPE.get(type_name) or SHARED_ENUM_NAMES_BY_VALUES.get(key) or
                      SHARED_ENUM_NAMES.get(field, camel(field)))
        shared.enums[key] = "%s::%s" % (ns, name)
        body += ["/// Shared by %s." % ", ".join(sorted(owners))] + enum_lines(name, key) + [""]
    em = Emitter(False, shared)
    # Shapes in two or more top-level model types, or in two or more headers (models or params).
    if cross:
        structs = [(shape_height(struct_first[sg][0]), sg) for sg in struct_first
                   if len(api_versions(struct_files[sg])) >= 2]
    else:
        # A shape with the C++ of a hand-written type and no shared name yet gets one (an alias).
        structs = [(shape_height(struct_first[sg][0]), sg) for sg in struct_first
                   if (sg not in shared.structs or shared.structs[sg] in HAND_WRITTEN_NAMES)
                   and (len(struct_owners.get(sg, ())) >= 2 or len(struct_files[sg]) >= 2)]
    for _, sg in sorted(structs, key=lambda x: x[0]):
        node, field, is_params, parent = struct_first[sg]
        em.params = is_params
        key = tuple(p["name"] for p in node["properties"])
        hand_written = shared.structs.get(sg) if shared.structs.get(sg) in HAND_WRITTEN_NAMES else None
        name = SHARED_NAMES_BY_TYPE.get(node.get("typeName", "")) or SHARED_STRUCT_NAMES.get(key, camel(field))
        if hand_written and hand_written.rsplit("::", 1)[1] == name and name not in used:
            used.add(name)  # an alias of the hand-written type may carry that type's own name
        else:
            name = unique(name, parent, is_params)
        q = "%s::%s" % (ns, name)
        owners = sorted(struct_owners.get(sg, ()))
        if cross or len(owners) < 2 or len(struct_files[sg]) > len({h for h, _, p in files if not p} & struct_files[sg]):
            owners = ["<%s>" % h for h in sorted(struct_files[sg])]  # params too: by header
        if hand_written:  # the same C++ as a hand-written type: that type, under the shared name
            body += ["/// Shared by %s: the hand-written type of the same C++." % ", ".join(owners),
                     "using %s = %s;" % (name, hand_written)]
        else:
            body += ["/// Shared by %s." % ", ".join(owners)]
            body += em.struct_lines(name, q, node["properties"], node.get("typeName", ""), "", top=False)
        body.append("")
        em.struct_by_sig[sg] = q
        shared.structs[sg] = q
    body += plan_shared_tops(em, ns, files, shared, cross, unique)
    uses_params = any(t in line for line in body for t in PARAMS_ONLY_TYPES)
    includes = ["stripe/encoding/model.hpp"] + (["stripe/encoding/common_params.hpp"] if uses_params else [])
    includes += hand_written_includes(body) + ([base_path] if base_path else [])
    lines = header_lines("%s used by several resources, emitted once and used by alias." %
                         ("Types the same in v1 and v2" if cross else version + " types"), includes)
    lines += ["", "namespace %s {" % ns, ""]
    # A shared shape may hold an expandable model (a document's file): declared here, defined in
    # its own header, which the headers using the shape include.
    lines += forward_declarations(body, ())
    lines += body + ["}  // namespace %s" % ns, ""]
    write_text(os.path.join("include", path), "\n".join(lines))
    return shared


def plan_shared_tops(em, ns, files, shared, cross, unique):
    """Top-level types whose C++ is the same (the params that take only `expand`, say): one struct,
    which each of them names by alias (recorded in shared.tops). Returns the struct's lines."""
    groups = {}
    for header, types, is_params in files:
        em.params = is_params
        for t in types:
            if t not in shared.tops:
                groups.setdefault((is_params, em.sig(top_node(t))), []).append((header, t))
    body = []
    for (is_params, _), found in groups.items():
        if len(found) < 2 or (cross and len(api_versions(h for h, _ in found)) < 2):
            continue
        if not cross and len({h for h, _ in found}) == 1:
            # All in one header (a resource's create and update params): the first is the
            # struct there and the others name it, so shared.hpp does not grow for one resource.
            q = "%s::%s" % (ns, TOP_CNAMES[found[0][1]])
            for _, t in found[1:]:
                shared.tops[t] = q
            continue
        node = top_node(found[0][1])
        key = tuple(p["name"] for p in node["properties"])
        if key not in SHARED_TOP_NAMES:
            raise SystemExit("generate.py: %s are the same C++; name their type in SHARED_TOP_NAMES"
                             % ", ".join(t for _, t in found))
        name = unique(SHARED_TOP_NAMES[key])
        q = "%s::%s" % (ns, name)
        em.params = is_params
        body += em.struct_lines(name, q, node["properties"], node["typeName"], "", top=True,
                                doc="Shared by %s." % ", ".join(t for _, t in found),
                                extra_members=top_members(is_params))
        body.append("")
        for _, t in found:
            shared.tops[t] = q
    return body


def top_members(params):
    """The members every top-level type has besides its fields."""
    if params:
        return ("/// Fields the SDK has not typed yet, merged into the request as given.",
                "nlohmann::json extra_params = nlohmann::json::object();")
    return ("/// The whole object as received, including fields the SDK has not typed yet (parsed on first use).",
            "stripe::RawJson raw;")


def header_lines(banner_doc, includes):
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
    return lines + ['#include "%s"' % i for i in includes]


def ordered(tname, props):
    order = FIELD_ORDER.get(tname)
    if not order:
        return props
    by = {p["name"]: p for p in props}
    return [by[n] for n in order if n in by] + [p for p in props if p["name"] not in order]


def forward_declarations(body, here):
    """`struct X;` for the expandable models the lines name that are not defined in them."""
    text = "\n".join(body)
    declared = sorted({c for c in EXPANDABLE_MODELS - set(here) if re.search(r"stripe::Expandable<%s>" % c, text)})
    return ["struct %s;" % c for c in declared] + ([""] if declared else [])


def emit_file(path, namespace, includes, items, params, banner_doc, raw_by_type, shared=None):
    """includes: the headers to include first; a "late:" entry is included at the end instead,
    after the types (a header that includes this one back: bank_account.hpp and account.hpp)."""
    late = [i[len("late:"):] for i in includes if i.startswith("late:")]
    includes = [i for i in includes if not i.startswith("late:")]
    em = Emitter(params, shared)
    em.header = path
    body = []
    for tname, cname, extra in items:
        em.raw_paths = []
        t = TYPES[tname]
        props = ordered(tname, t["properties"])
        if tname in em.tops:  # the same C++ as other top-level types: their shared type
            if extra:
                raise SystemExit("generate.py: %s is an alias of %s, which has no room for %s"
                                 % (cname, em.tops[tname], extra))
            body += ["/// %s (schema type %s): one type with the others of the same fields." % (cname, tname),
                     "using %s = %s;" % (cname, em.tops[tname]), ""]
            for p in props + EXTRA_FIELDS.get(t.get("typeName", ""), []):  # paths left raw, as if emitted here
                em.collect_raw(p, p["name"])
            raw_by_type[tname] = sorted(em.raw_paths)
            continue
        members = top_members(params) + tuple(extra)
        body.extend(em.struct_lines(cname, cname, props, t.get("typeName", ""), "", True,
                                    doc="%s (schema type %s)." % (cname, tname), extra_members=members))
        body.append("")
        em.defined.add("%s::%s" % (namespace, cname))
        raw_by_type[tname] = sorted(em.raw_paths)
    includes = includes + sorted(em.model_headers - set(includes))
    lines = header_lines(banner_doc, includes + [h for h in hand_written_includes(body) if h not in includes])
    lines += ["", "namespace %s {" % namespace, ""]
    # An expandable field may hold a model defined further down (a FileLink's file is a File).
    here = [cname for _, cname, _ in items]
    declared = [c for c in here if re.search(r"stripe::Expandable<%s>" % c, "\n".join(body))]
    if declared:
        lines += ["struct %s;" % c for c in declared] + [""]
    if late:  # the models defined by the late includes are only declared above the types
        lines += forward_declarations(body, here)
    lines += body
    lines += ["}  // namespace %s" % namespace, ""]
    if late:
        lines += ["// Included after the types: these headers include this one."]
        lines += ['#include "%s"' % i for i in late] + [""]
    write_text(os.path.join("include", path), "\n".join(lines))


# ---------------------------------------------------------------------------------------------
# Services, from the spec's endpoint list.
#
# Each entry maps the C++ API (class, accessor, method names, argument names) onto endpoints;
# the HTTP method, the path template, the return type and the list kind come from the endpoint.
# Hand-written behaviour lives in small hand-written headers (`hooks`) that a method calls
# before sending (`check`) or that a class exposes (`members`).
#   endpoint: (resource, JS method[, when]); params: the C++ params type (None: sends an empty
#   object); required: params has no default; path_args: {placeholder: (C++ name, label)} for
#   stripe::detail::path_segment; pager: also emit list_all (v1 cursor or v2 next_page_url).
SERVICES = [
    {"version": "v1", "header": "stripe/v1/accounts.hpp", "ns": "stripe::v1", "cls": "AccountService",
     "accessor": "accounts", "doc": "client.v1().accounts(): connected accounts.",
     "includes": ["stripe/v1/account.hpp", "stripe/v1/account_params.hpp"],
     "hooks": ["stripe/v1/account_checks.hpp"],
     "path_args": {"id": ("id", "account id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.accounts", "create"), "params": "AccountCreateParams"},
         {"name": "retrieve", "endpoint": ("stripe.accounts", "retrieve", "typeof id === 'string'"),
          "params": "AccountRetrieveParams"},
         {"name": "update", "endpoint": ("stripe.accounts", "update"), "params": "AccountUpdateParams",
          "required": True},
         {"name": "list", "endpoint": ("stripe.accounts", "list"), "params": "AccountListParams", "pager": True,
          "pager_doc": "Every connected account, one page in memory at a time. Walks forwards with "
                       "starting_after, or backwards with ending_before when params.ending_before is set."},
         {"name": "del", "endpoint": ("stripe.accounts", "del"), "params": None},
         {"name": "reject", "endpoint": ("stripe.accounts", "reject"), "params": "AccountRejectParams",
          "required": True, "check": "check_reject_params(params);"},
         {"name": "unreject", "endpoint": ("stripe.accounts", "unreject"), "params": "AccountUnrejectParams"},
         {"name": "retrieve_current", "endpoint": ("stripe.accounts", "retrieveCurrent"),
          "params": "AccountRetrieveCurrentParams", "note": "The platform's own account."},
     ]},
    {"version": "v1", "header": "stripe/v1/persons.hpp", "ns": "stripe::v1", "cls": "PersonService",
     "accessor": "persons",
     "doc": "client.v1().persons(): the people of a connected account (representative, owners, directors, executives).",
     "includes": ["stripe/v1/person.hpp", "stripe/v1/person_params.hpp"], "hooks": [],
     "path_args": {"id": ("account", "account id"), "accountId": ("account", "account id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.accounts", "createPerson"), "params": "PersonCreateParams"},
         {"name": "retrieve", "endpoint": ("stripe.accounts", "retrievePerson"), "params": "PersonRetrieveParams",
          "path_args": {"id": ("person", "person id")}},
         {"name": "update", "endpoint": ("stripe.accounts", "updatePerson"), "params": "PersonUpdateParams",
          "required": True, "path_args": {"id": ("person", "person id")}},
         {"name": "del", "endpoint": ("stripe.accounts", "deletePerson"), "params": None,
          "path_args": {"id": ("person", "person id")}},
         {"name": "list", "endpoint": ("stripe.accounts", "listPersons"), "params": "PersonListParams", "pager": True,
          "pager_doc": "Every person of the account (filter with params.relationship), one page in memory at a time."},
     ]},
    {"version": "v1", "header": "stripe/v1/external_accounts.hpp", "ns": "stripe::v1", "cls": "ExternalAccountService",
     "accessor": "external_accounts",
     "doc": "client.v1().external_accounts(): the bank accounts and debit cards a connected account is paid out to.",
     "includes": ["stripe/v1/external_account.hpp", "stripe/v1/external_account_params.hpp"], "hooks": [],
     "path_args": {"id": ("account", "account id"), "accountId": ("account", "account id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.accounts", "createExternalAccount"),
          "params": "ExternalAccountCreateParams", "required": True,
          "note": "params.external_account takes a token (btok_..., tok_...) or a bank account or card hash."},
         {"name": "retrieve", "endpoint": ("stripe.accounts", "retrieveExternalAccount"),
          "params": "ExternalAccountRetrieveParams", "path_args": {"id": ("external_account", "external account id")}},
         {"name": "update", "endpoint": ("stripe.accounts", "updateExternalAccount"),
          "params": "ExternalAccountUpdateParams", "required": True,
          "path_args": {"id": ("external_account", "external account id")}},
         {"name": "del", "endpoint": ("stripe.accounts", "deleteExternalAccount"), "params": None,
          "path_args": {"id": ("external_account", "external account id")}},
         {"name": "list", "endpoint": ("stripe.accounts", "listExternalAccounts"),
          "params": "ExternalAccountListParams", "pager": True,
          "pager_doc": "Every external account of the account (params.object picks bank accounts or cards)."},
     ]},
    {"version": "v1", "header": "stripe/v1/login_links.hpp", "ns": "stripe::v1", "cls": "LoginLinkService",
     "accessor": "login_links",
     "doc": "client.v1().login_links(): single-use links into the Express Dashboard.",
     "includes": ["stripe/v1/login_link.hpp", "stripe/v1/login_link_params.hpp"], "hooks": [],
     "path_args": {"id": ("account", "account id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.accounts", "createLoginLink"), "params": "LoginLinkCreateParams",
          "note": "Only for accounts with the Express Dashboard. The URL is a credential: redirect to it, never log it."},
     ]},
    {"version": "v1", "header": "stripe/v1/account_sessions.hpp", "ns": "stripe::v1", "cls": "AccountSessionService",
     "accessor": "account_sessions",
     "doc": "client.v1().account_sessions(): sessions for embedded components (embedded onboarding).",
     "includes": ["stripe/v1/account_session.hpp", "stripe/v1/account_session_params.hpp"], "hooks": [],
     "path_args": {},
     "methods": [
         {"name": "create", "endpoint": ("stripe.accountSessions", "create"), "params": "AccountSessionCreateParams",
          "required": True,
          "note": "Hand client_secret to the page that mounts the components, and to nothing else."},
     ]},
    {"version": "v1", "header": "stripe/v1/files.hpp", "ns": "stripe::v1", "cls": "FileService",
     "accessor": "files", "doc": "client.v1().files(): uploads such as identity documents.",
     "includes": ["stripe/v1/file.hpp", "stripe/v1/file_params.hpp", "stripe/v1/file_upload.hpp"],
     "hooks": [], "path_args": {"id": ("id", "file id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.files", "create"), "params": "FileCreateParams", "required": True,
          "multipart": "encode_file_upload(params)",
          "note": "Sent as multipart/form-data to ClientOptions::files_base_url (https://files.stripe.com)."},
         {"name": "retrieve", "endpoint": ("stripe.files", "retrieve"), "params": "FileRetrieveParams"},
         {"name": "list", "endpoint": ("stripe.files", "list"), "params": "FileListParams", "pager": True,
          "pager_doc": "Every file, one page in memory at a time."},
     ]},
    {"version": "v1", "header": "stripe/v1/file_links.hpp", "ns": "stripe::v1", "cls": "FileLinkService",
     "accessor": "file_links", "doc": "client.v1().file_links(): shareable links to uploaded files.",
     "includes": ["stripe/v1/file.hpp", "stripe/v1/file_params.hpp"], "hooks": [],
     "path_args": {"id": ("id", "file link id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.fileLinks", "create"), "params": "FileLinkCreateParams",
          "required": True},
         {"name": "retrieve", "endpoint": ("stripe.fileLinks", "retrieve"), "params": "FileLinkRetrieveParams"},
         {"name": "update", "endpoint": ("stripe.fileLinks", "update"), "params": "FileLinkUpdateParams",
          "required": True},
         {"name": "list", "endpoint": ("stripe.fileLinks", "list"), "params": "FileLinkListParams", "pager": True,
          "pager_doc": "Every file link, one page in memory at a time."},
     ]},
    {"version": "v1", "header": "stripe/v1/country_specs.hpp", "ns": "stripe::v1", "cls": "CountrySpecService",
     "accessor": "country_specs",
     "doc": "client.v1().country_specs(): what each country supports and the fields it verifies.",
     "includes": ["stripe/v1/country_spec.hpp", "stripe/v1/country_spec_params.hpp"], "hooks": [],
     "path_args": {"id": ("country", "country code")},
     "methods": [
         {"name": "retrieve", "endpoint": ("stripe.countrySpecs", "retrieve"), "params": "CountrySpecRetrieveParams"},
         {"name": "list", "endpoint": ("stripe.countrySpecs", "list"), "params": "CountrySpecListParams",
          "pager": True, "pager_doc": "Every country spec, one page in memory at a time."},
     ]},
    {"version": "v1", "header": "stripe/v1/tokens.hpp", "ns": "stripe::v1", "cls": "TokenService",
     "accessor": "tokens",
     "doc": "client.v1().tokens(): account, person and bank account tokens (details collected client-side).",
     "includes": ["stripe/v1/token.hpp", "stripe/v1/token_params.hpp"], "hooks": [],
     "path_args": {"id": ("id", "token id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.tokens", "create"), "params": "TokenCreateParams", "required": True},
         {"name": "retrieve", "endpoint": ("stripe.tokens", "retrieve"), "params": "TokenRetrieveParams"},
     ]},
    {"version": "v1", "header": "stripe/v1/account_links.hpp", "ns": "stripe::v1", "cls": "AccountLinkService",
     "accessor": "account_links", "doc": "client.v1().account_links(): onboarding and update links.",
     "includes": ["stripe/v1/account_link.hpp", "stripe/v1/account_link_params.hpp"],
     "hooks": ["stripe/v1/account_link_checks.hpp"],
     "path_args": {},
     "methods": [
         {"name": "create", "endpoint": ("stripe.accountLinks", "create"), "params": "AccountLinkCreateParams",
          "required": True, "check": "validate(params, ro.api_key.value_or(client_.options().secret_key));",
          "note": "Checks what the API would reject before sending: a missing account, type or URL, a "
                  "non-HTTPS URL in live mode, and collect together with collection_options."},
     ],
     "members": ["/// The checks create() makes before sending (see stripe/v1/account_link_checks.hpp).",
                 "static void validate(const AccountLinkCreateParams& params, const std::string& secret_key) {",
                 "  validate_account_link_params(params, secret_key);",
                 "}"]},
    {"version": "v1", "header": "stripe/v1/capabilities.hpp", "ns": "stripe::v1", "cls": "CapabilityService",
     "accessor": "capabilities", "doc": "client.v1().capabilities(): an account's capabilities.",
     "includes": ["stripe/v1/capability.hpp", "stripe/v1/capability_params.hpp"],
     "hooks": [],
     "path_args": {"id": ("account", "account id"), "accountId": ("account", "account id")},
     "methods": [
         {"name": "list", "endpoint": ("stripe.accounts", "listCapabilities"), "params": "CapabilityListParams"},
         {"name": "retrieve", "endpoint": ("stripe.accounts", "retrieveCapability"),
          "params": "CapabilityRetrieveParams", "path_args": {"id": ("capability", "capability")}},
         {"name": "update", "endpoint": ("stripe.accounts", "updateCapability"), "params": "CapabilityUpdateParams",
          "required": True, "path_args": {"id": ("capability", "capability")}},
     ]},
    {"version": "v2", "header": "stripe/v2/core/account_links.hpp", "ns": "stripe::v2::core",
     "cls": "AccountLinkService", "accessor": "account_links",
     "doc": "client.v2().core().account_links(): onboarding and update links for v2 accounts.",
     "includes": ["stripe/v2/core/account_link.hpp", "stripe/v2/core/account_link_params.hpp"],
     "hooks": ["stripe/v2/core/account_link_checks.hpp"],
     "path_args": {},
     "methods": [
         {"name": "create", "endpoint": ("stripe.v2.core.accountLinks", "create"),
          "params": "AccountLinkCreateParams", "required": True, "check": "validate(params);",
          "note": "v2 links need HTTPS URLs always, in test mode too."},
     ],
     "members": ["/// The checks create() makes before sending (see stripe/v2/core/account_link_checks.hpp).",
                 "static void validate(const AccountLinkCreateParams& params) { validate_account_link_params(params); }"]},
    {"version": "v2", "header": "stripe/v2/core/accounts.hpp", "ns": "stripe::v2::core", "cls": "AccountService",
     "accessor": "accounts", "doc": "client.v2().core().accounts(): v2 accounts.",
     "includes": ["stripe/v2/core/account.hpp", "stripe/v2/core/account_params.hpp"],
     "hooks": [],
     "path_args": {"id": ("id", "account id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.v2.core.accounts", "create"), "params": "AccountCreateParams"},
         {"name": "retrieve", "endpoint": ("stripe.v2.core.accounts", "retrieve"), "params": "AccountRetrieveParams",
          "note": "Parts such as requirements and configuration.recipient come back only when named in include."},
         {"name": "update", "endpoint": ("stripe.v2.core.accounts", "update"), "params": "AccountUpdateParams",
          "required": True},
         {"name": "list", "endpoint": ("stripe.v2.core.accounts", "list"), "params": "AccountListParams",
          "pager": True,
          "pager_doc": "Every account, following next_page_url verbatim until it is null; one page in memory."},
         {"name": "close", "endpoint": ("stripe.v2.core.accounts", "close"), "params": "AccountCloseParams"},
     ]},
    {"version": "v2", "header": "stripe/v2/core/persons.hpp", "ns": "stripe::v2::core", "cls": "PersonService",
     "accessor": "persons",
     "doc": "client.v2().core().persons(): the people of a v2 account (stripe-node: v2.core.accounts.persons).",
     "includes": ["stripe/v2/core/person.hpp", "stripe/v2/core/person_params.hpp",
                  "stripe/v2/core/deleted_object.hpp"], "hooks": [],
     "path_args": {"accountId": ("account", "account id"), "id": ("person", "person id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.v2.core.accounts.persons", "create"), "params": "PersonCreateParams"},
         {"name": "retrieve", "endpoint": ("stripe.v2.core.accounts.persons", "retrieve"),
          "params": "PersonRetrieveParams"},
         {"name": "update", "endpoint": ("stripe.v2.core.accounts.persons", "update"), "params": "PersonUpdateParams",
          "required": True},
         {"name": "del", "endpoint": ("stripe.v2.core.accounts.persons", "del"), "params": None},
         {"name": "list", "endpoint": ("stripe.v2.core.accounts.persons", "list"), "params": "PersonListParams",
          "pager": True, "pager_doc": "Every person of the account, following next_page_url; one page in memory."},
     ]},
    {"version": "v2", "header": "stripe/v2/core/person_tokens.hpp", "ns": "stripe::v2::core",
     "cls": "PersonTokenService", "accessor": "person_tokens",
     "doc": "client.v2().core().person_tokens(): tokens of person details for a v2 account.",
     "includes": ["stripe/v2/core/person.hpp", "stripe/v2/core/person_params.hpp"], "hooks": [],
     "path_args": {"accountId": ("account", "account id"), "id": ("token", "person token id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.v2.core.accounts.personTokens", "create"),
          "params": "PersonTokenCreateParams"},
         {"name": "retrieve", "endpoint": ("stripe.v2.core.accounts.personTokens", "retrieve"),
          "params": "PersonTokenRetrieveParams"},
     ]},
    {"version": "v2", "header": "stripe/v2/core/account_tokens.hpp", "ns": "stripe::v2::core",
     "cls": "AccountTokenService", "accessor": "account_tokens",
     "doc": "client.v2().core().account_tokens(): tokens of account details collected client-side.",
     "includes": ["stripe/v2/core/account_token.hpp", "stripe/v2/core/account_token_params.hpp"], "hooks": [],
     "path_args": {"id": ("token", "account token id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.v2.core.accountTokens", "create"),
          "params": "AccountTokenCreateParams"},
         {"name": "retrieve", "endpoint": ("stripe.v2.core.accountTokens", "retrieve"),
          "params": "AccountTokenRetrieveParams"},
     ]},
    {"version": "v2", "header": "stripe/v2/core/events.hpp", "ns": "stripe::v2::core", "cls": "EventService",
     "accessor": "events", "doc": "client.v2().core().events(): v2 events, with their data.",
     "includes": ["stripe/v2/core/event.hpp", "stripe/v2/core/event_params.hpp"], "hooks": [],
     "path_args": {"id": ("id", "event id")},
     "methods": [
         {"name": "retrieve", "endpoint": ("stripe.v2.core.events", "retrieve"), "params": "EventRetrieveParams",
          "note": "The fetched event carries data (e.g. v2.core.account_link.returned) that notifications omit."},
         {"name": "list", "endpoint": ("stripe.v2.core.events", "list"), "params": "EventListParams", "pager": True,
          "pager_doc": "Every event matching params, following next_page_url; one page in memory."},
     ]},
    {"version": "v2", "header": "stripe/v2/core/event_destinations.hpp", "ns": "stripe::v2::core",
     "cls": "EventDestinationService", "accessor": "event_destinations",
     "doc": "client.v2().core().event_destinations(): where v2 events are delivered (webhook endpoints).",
     "includes": ["stripe/v2/core/event.hpp", "stripe/v2/core/event_destination.hpp",
                  "stripe/v2/core/event_destination_params.hpp", "stripe/v2/core/deleted_object.hpp"], "hooks": [],
     "path_args": {"id": ("id", "event destination id")},
     "methods": [
         {"name": "create", "endpoint": ("stripe.v2.core.eventDestinations", "create"),
          "params": "EventDestinationCreateParams", "required": True},
         {"name": "retrieve", "endpoint": ("stripe.v2.core.eventDestinations", "retrieve"),
          "params": "EventDestinationRetrieveParams"},
         {"name": "update", "endpoint": ("stripe.v2.core.eventDestinations", "update"),
          "params": "EventDestinationUpdateParams", "required": True},
         {"name": "del", "endpoint": ("stripe.v2.core.eventDestinations", "del"), "params": None},
         {"name": "list", "endpoint": ("stripe.v2.core.eventDestinations", "list"),
          "params": "EventDestinationListParams", "pager": True,
          "pager_doc": "Every event destination, following next_page_url; one page in memory."},
         {"name": "enable", "endpoint": ("stripe.v2.core.eventDestinations", "enable"),
          "params": "EventDestinationEnableParams"},
         {"name": "disable", "endpoint": ("stripe.v2.core.eventDestinations", "disable"),
          "params": "EventDestinationDisableParams"},
         {"name": "ping", "endpoint": ("stripe.v2.core.eventDestinations", "ping"),
          "params": "EventDestinationPingParams",
          "note": "Sends a v2.core.event_destination.ping event to the destination; returns that event."},
     ]},
]

# The entry points of each API version: Client::v1(), Client::v2() and v2's core() namespace.
VERSIONS = {
    "v1": {"header": "stripe/v1/client_services.hpp", "umbrella": "stripe/v1/services.hpp",
           "top": "stripe/v1.hpp", "ns": "stripe::v1"},
    "v2": {"header": "stripe/v2/client_services.hpp", "umbrella": "stripe/v2/services.hpp",
           "top": "stripe/v2.hpp", "ns": "stripe::v2::core"},
}

BANNER = ["// Generated by tools/codegen/generate.py from spec/connect-schema.json (API %s)." % SCHEMA["api_version"],
          "// Do not edit: change the generator and run it again."]


def find_endpoint(key):
    resource, method = key[0], key[1]
    when = key[2] if len(key) > 2 else None
    found = [e for e in SCHEMA["endpoints"] if e["resource"] == resource and e["method"] == method
             and (when is None or e.get("when") == when)]
    if len(found) != 1:
        raise SystemExit("generate.py: endpoint %r matches %d entries in the spec" % (key, len(found)))
    return found[0]


def return_type(ep, version):
    sig = ep["signature"]
    m = re.search(r"(ApiListPromise|V2ListPromise)<([A-Za-z0-9_.]+)>", sig)
    if m:
        item = m.group(2).split(".")[-1]
        return item, ("List<%s>" % item if m.group(1) == "ApiListPromise" else "V2List<%s>" % item)
    m = re.search(r"Promise<Response<([A-Za-z0-9_.]+)>>", sig)
    if not m:
        raise SystemExit("generate.py: no return type in %s" % sig)
    return None, m.group(1).split(".")[-1]


def path_expr(ep, svc, method):
    """C++ arguments and the expression building the path, with each placeholder made safe."""
    names = dict(svc["path_args"])
    names.update(method.get("path_args", {}))
    parts = re.split(r"\{([A-Za-z]+)\}", ep["path"])
    args, expr = [], []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            if part:
                expr.append('"%s"' % part)
        else:
            cname, label = names[part]
            args.append("const std::string& %s" % cname)
            expr.append('stripe::detail::path_segment(%s, "%s")' % (cname, label))
    if len(expr) > 1 and expr[0].startswith('"'):
        expr[0] = "std::string(%s)" % expr[0]
    return args, " + ".join(expr)


def http_method(ep):
    return {"GET": "get", "POST": "post", "DELETE": "del"}[ep["httpMethod"]]


def strip_defaults(args):
    return [re.sub(r" = \{\}$", "", a) for a in args]


def service_lines(svc):
    """The service class: members declared in the class and defined after it, out of line, so that
    with STRIPE_CONNECT_COMPILED an `extern template` keeps them out of the user's translation units
    (a member defined in the class is inline, and g++ instantiates inline members at -O2 anyway)."""
    cls = svc["cls"]
    basic = "Basic" + cls
    decls, defs = [], []

    def member(doc, ret, name, args, body):
        decls.append("")
        decls.extend("  /// " + d for d in doc)
        decls.append("  %s %s(%s) const;" % (ret, name, ", ".join(args)))
        defs.append("")
        defs.append("template <class Unused>")
        defs.append("%s %s<Unused>::%s(%s) const {" % (ret, basic, name, ", ".join(strip_defaults(args))))
        defs.extend(body)
        defs.append("}")

    for m in svc["methods"]:
        ep = find_endpoint(m["endpoint"])
        item, ret = return_type(ep, svc["version"])
        args, path = path_expr(ep, svc, m)
        params = m.get("params")
        sig_args = list(args)
        if params:
            sig_args.append("const %s& params%s" % (params, "" if m.get("required") else " = {}"))
        sig_args.append("const RequestOptions& ro = {}")
        body = "encode_params(params)" if params else "nlohmann::ordered_json::object()"
        doc = ["%s %s: %s" % (ep["httpMethod"], ep["path"], ep.get("doc", "").replace("*/", "* /"))]
        if m.get("note"):
            doc.append(m["note"])
        lines = ["  " + m["check"]] if m.get("check") else []
        if m.get("multipart"):
            lines.append("  return client_.upload<%s>(%s, %s, ro);" % (ret, path, m["multipart"]))
        else:
            lines.append("  return client_.request<%s>(http::Method::%s, %s, %s, ro);" % (ret, http_method(ep), path, body))
        member(doc, "Result<%s>" % ret, m["name"], sig_args, lines)
        if m.get("pager"):
            # The walks themselves are written once, in stripe/detail/list_all.hpp.
            if ret.startswith("List<"):
                member([m["pager_doc"]], "AutoPager<%s>" % item, "list_all",
                       args + ["%s params = {}" % params, "RequestOptions ro = {}"], [
                    "  return stripe::detail::v1_list_all<%s>(client_, %s, std::move(params), std::move(ro));" % (item, path),
                ])
            else:
                member([m["pager_doc"]], "AutoPager<%s>" % item, "list_all",
                       args + ["const %s& params = {}" % params, "RequestOptions ro = {}"], [
                    "  return stripe::detail::v2_list_all<%s>(client_, %s, encode_params(params), std::move(ro));" % (item, path),
                ])
    out = []
    out.append("/// %s" % svc["doc"])
    out.append("/// A cheap handle on a Client copy: it may outlive the Client it came from and be used from")
    out.append("/// several threads at once, like the Client itself. A class template only so that its")
    out.append("/// members are compiled where used (or, with STRIPE_CONNECT_COMPILED, once in the library).")
    out.append("template <class Unused>")
    out.append("class %s {" % basic)
    out.append(" public:")
    out.append("  explicit %s(Client c) : client_(std::move(c)) {}" % basic)
    out += decls
    if svc.get("members"):
        out.append("")
        out += ["  " + line for line in svc["members"]]
    out.append("")
    out.append(" private:")
    out.append("  Client client_;")
    out.append("};")
    out += defs
    out.append("")
    out.append("#if defined(STRIPE_CONNECT_COMPILED)")
    out.append("extern template class %s<void>;  // compiled once, in the stripe_connect library" % basic)
    out.append("#endif")
    return out


def ns_open(ns):
    return ["namespace %s {" % ns, ""]


def ns_close(ns):
    return ["}  // namespace %s" % ns]


def emit_services():
    for svc in SERVICES:
        uses_pager = any(m.get("pager") for m in svc["methods"])
        std = ["<string>", "<utility>"]
        incs = ["stripe/client.hpp", "stripe/config.hpp", "stripe/detail/path.hpp", VERSIONS[svc["version"]]["header"]]
        if uses_pager:
            incs.append("stripe/detail/list_all.hpp")
        if uses_pager or any(return_type(find_endpoint(m["endpoint"]), svc["version"])[0] for m in svc["methods"]):
            incs.append("stripe/list.hpp")
        incs += svc["includes"] + svc["hooks"]
        lines = ["#pragma once"] + BANNER + [
            "// %s Model, params and service: include this header alone to use it." % svc["doc"]]
        lines += ["#include %s" % i for i in sorted(std)]
        lines.append("")
        lines += ['#include "%s"' % i for i in sorted(set(incs))]
        lines.append("")
        lines += ns_open(svc["ns"])
        lines += service_lines(svc)
        lines.append("")
        lines.append("inline %s Services::%s() const { return %s(client_); }" % (svc["cls"], svc["accessor"], svc["cls"]))
        lines.append("")
        lines += ns_close(svc["ns"])
        lines.append("")
        write_text(os.path.join("include", svc["header"]), "\n".join(lines))

    for version, v in VERSIONS.items():
        svcs = [s for s in SERVICES if s["version"] == version]
        # The entry point: the Services class and forward declarations of the service templates.
        lines = ["#pragma once"] + BANNER + [
            "// client.%s(): the accessors of the %s services. Each service is defined in its own header" % (version, version),
            "// (%s); calling an accessor needs that header." % ", ".join("<%s>" % s["header"] for s in svcs),
            "#include <utility>", "", '#include "stripe/client.hpp"', ""]
        lines += ns_open(v["ns"])
        for s in svcs:
            lines.append("template <class Unused = void>")
            lines.append("class Basic%s;" % s["cls"])
            lines.append("using %s = Basic%s<>;" % (s["cls"], s["cls"]))
        lines.append("")
        lines.append("class Services {")
        lines.append(" public:")
        lines.append("  explicit Services(Client c) : client_(std::move(c)) {}")
        for s in svcs:
            lines.append("  %s %s() const;  // <%s>" % (s["cls"], s["accessor"], s["header"]))
        lines.append("")
        lines.append(" private:")
        lines.append("  Client client_;")
        lines.append("};")
        lines.append("")
        lines += ns_close(v["ns"])
        lines.append("")
        if version == "v2":
            lines += ns_open("stripe::v2")
            lines += ["class Services {", " public:", "  explicit Services(Client c) : client_(std::move(c)) {}",
                      "  core::Services core() const { return core::Services(client_); }", "", " private:",
                      "  Client client_;", "};", ""]
            lines += ns_close("stripe::v2")
            lines.append("")
        lines += ns_open("stripe")
        lines.append("inline %s::Services Client::%s() const { return %s::Services(*this); }" % (version, version, version))
        lines.append("")
        lines += ns_close("stripe")
        lines.append("")
        write_text(os.path.join("include", v["header"]), "\n".join(lines))
        # The umbrella of the version's services, and the version's umbrella.
        lines = ["#pragma once"] + BANNER + ["// Every %s service (and its models and params)." % version]
        lines += ['#include "%s"' % s["header"] for s in sorted(svcs, key=lambda s: s["header"])]
        lines.append("")
        write_text(os.path.join("include", v["umbrella"]), "\n".join(lines))
        lines = ["#pragma once"] + BANNER + ["// The %s API: every service, model and params type." % version,
                                             '#include "%s"' % v["umbrella"], ""]
        write_text(os.path.join("include", v["top"]), "\n".join(lines))

    # STRIPE_CONNECT_COMPILED: every service compiled once, in the stripe_connect library.
    lines = BANNER + ["// STRIPE_CONNECT_COMPILED: the typed services, instantiated once for the stripe_connect library.",
                      "// Each service header declares `extern template class Basic...<void>` in that mode."]
    lines += ['#include "%s"' % s["header"] for s in sorted(SERVICES, key=lambda s: s["header"])]
    lines.append("")
    lines += ["template class %s::Basic%s<void>;" % (s["ns"], s["cls"]) for s in SERVICES]
    lines.append("")
    write_text(os.path.join("src", "services.cpp"), "\n".join(lines))


# Where generated files are written; --check points it at a temporary directory.
OUT = ROOT
# Every file the generator writes, relative to the repository root (filled while writing).
WRITTEN = []


# v2 Event: the base fields, plus the related object and the data some event types carry (the
# schema keeps both on each variant). `data` stays JSON on the Event; data_as<> decodes it into
# the data type of its event type, generated below from the variants' data shapes.
EXTRA_FIELDS["V2.Core.EventBase"] = [
    {"name": "related_object", "optional": True, "nullable": True, "kind": "object",
     "typeName": "V2.Core.Events.RelatedObject",
     "properties": TYPES["Stripe.Events.RelatedObject"]["properties"],
     "doc": "The object the event is about, where there is one."},
    {"name": "data", "optional": True, "nullable": False, "kind": "unknown",
     "doc": "The event type's data, kept as JSON: read it with data_as<EventData>()."}]
EVENT_MEMBERS = [
    "",
    "/// Decodes `data` into the data type of this event type (e.g. V2CoreAccountLinkReturnedEventData);",
    "/// DecodeError naming the path if it does not have that shape, or if the event has no data",
    "/// (a thin notification carries none: retrieve the event).",
    "template <class EventData>",
    "EventData data_as() const {",
    "  if (data.is_null())",
    "    throw stripe::DecodeError(stripe::detail::message_only(\"event \" + id + \" (\" + type + \") has no data; retrieve the event\"));",
    "  return stripe::decode<EventData>(data);",
    "}"]


def event_data_items():
    """The data shapes of the Connect event types, as top-level types of the event header."""
    items = []
    for v in TYPES["Stripe.V2.Core.Event"]["connectVariants"]:
        if "data" not in v:
            continue
        name = v["tsName"].split(".")[-1] + "Data"
        TYPES.setdefault("Events." + name, {"typeName": v["data"]["typeName"],
                                            "properties": v["data"]["properties"]})
        items.append(("Events." + name, name, []))
    return items


# Schema type -> its C++ name, for the tables of generate().
TOP_CNAMES = {}


def generate():
    model_inc = ["stripe/encoding/model.hpp"]
    param_inc = ["stripe/encoding/model.hpp", "stripe/encoding/common_params.hpp"]
    raw = {}
    specs = [
        ("stripe/v1/account.hpp", "stripe::v1",
         model_inc + ["stripe/v1/external_account.hpp", "stripe/v1/file.hpp"],
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
          ("Stripe.AccountRejectParams", "AccountRejectParams", []),
          ("Stripe.AccountUnrejectParams", "AccountUnrejectParams", []),
          ("Stripe.AccountRetrieveCurrentParams", "AccountRetrieveCurrentParams", [])], True, "v1 Accounts params."),
        ("stripe/v1/account_link_params.hpp", "stripe::v1", param_inc,
         [("Stripe.AccountLinkCreateParams", "AccountLinkCreateParams", [])], True, "v1 AccountLinks params."),
        ("stripe/v1/capability_params.hpp", "stripe::v1", param_inc,
         [("Stripe.AccountUpdateCapabilityParams", "CapabilityUpdateParams", []),
          ("Stripe.AccountRetrieveCapabilityParams", "CapabilityRetrieveParams", []),
          ("Stripe.AccountListCapabilitiesParams", "CapabilityListParams", [])], True, "v1 Capabilities params."),
        ("stripe/v1/person.hpp", "stripe::v1", model_inc + ["stripe/v1/file.hpp"],
         [("Stripe.Person", "Person", []), ("Stripe.DeletedPerson", "DeletedPerson", [])], False, "v1 Person."),
        ("stripe/v1/person_params.hpp", "stripe::v1", param_inc,
         [("Stripe.AccountCreatePersonParams", "PersonCreateParams", []),
          ("Stripe.AccountUpdatePersonParams", "PersonUpdateParams", []),
          ("Stripe.AccountRetrievePersonParams", "PersonRetrieveParams", []),
          ("Stripe.AccountListPersonsParams", "PersonListParams", []),
          ("Stripe.AccountDeletePersonParams", "PersonDeleteParams", [])], True, "v1 Persons params."),
        # An account's external accounts are these (stripe/v1/external_account.hpp), and a bank
        # account's account is an Account: that header comes last, and includes account.hpp.
        ("stripe/v1/bank_account.hpp", "stripe::v1", model_inc + ["late:stripe/v1/external_account.hpp"],
         [("Stripe.BankAccount", "BankAccount", []), ("Stripe.Card", "Card", []),
          ("Stripe.DeletedBankAccount", "DeletedBankAccount", []), ("Stripe.DeletedCard", "DeletedCard", [])], False,
         "v1 BankAccount and Card, the two kinds of external account (stripe/v1/external_account.hpp)."),
        ("stripe/v1/external_account_params.hpp", "stripe::v1", param_inc,
         [("Stripe.AccountCreateExternalAccountParams", "ExternalAccountCreateParams", []),
          ("Stripe.AccountUpdateExternalAccountParams", "ExternalAccountUpdateParams", []),
          ("Stripe.AccountRetrieveExternalAccountParams", "ExternalAccountRetrieveParams", []),
          ("Stripe.AccountListExternalAccountsParams", "ExternalAccountListParams", []),
          ("Stripe.AccountDeleteExternalAccountParams", "ExternalAccountDeleteParams", [])], True,
         "v1 External accounts params."),
        ("stripe/v1/login_link.hpp", "stripe::v1", model_inc, [("Stripe.LoginLink", "LoginLink", [])], False,
         "v1 LoginLink (Express Dashboard)."),
        ("stripe/v1/login_link_params.hpp", "stripe::v1", param_inc,
         [("Stripe.AccountCreateLoginLinkParams", "LoginLinkCreateParams", [])], True, "v1 Login links params."),
        ("stripe/v1/account_session.hpp", "stripe::v1", model_inc, [("Stripe.AccountSession", "AccountSession", [])],
         False, "v1 AccountSession (embedded components)."),
        ("stripe/v1/account_session_params.hpp", "stripe::v1", param_inc,
         [("Stripe.AccountSessionCreateParams", "AccountSessionCreateParams", [])], True,
         "v1 Account Sessions params."),
        ("stripe/v1/file.hpp", "stripe::v1", model_inc,
         [("Stripe.FileLink", "FileLink", []), ("Stripe.File", "File", [])], False,
         "v1 FileLink and File (a file's links are FileLinks, so FileLink comes first)."),
        ("stripe/v1/file_params.hpp", "stripe::v1", param_inc,
         [("Stripe.FileCreateParams", "FileCreateParams", []), ("Stripe.FileListParams", "FileListParams", []),
          ("Stripe.FileRetrieveParams", "FileRetrieveParams", []),
          ("Stripe.FileLinkCreateParams", "FileLinkCreateParams", []),
          ("Stripe.FileLinkUpdateParams", "FileLinkUpdateParams", []),
          ("Stripe.FileLinkListParams", "FileLinkListParams", []),
          ("Stripe.FileLinkRetrieveParams", "FileLinkRetrieveParams", [])], True, "v1 Files and File links params."),
        ("stripe/v1/country_spec.hpp", "stripe::v1", model_inc, [("Stripe.CountrySpec", "CountrySpec", [])], False,
         "v1 CountrySpec."),
        ("stripe/v1/country_spec_params.hpp", "stripe::v1", param_inc,
         [("Stripe.CountrySpecListParams", "CountrySpecListParams", []),
          ("Stripe.CountrySpecRetrieveParams", "CountrySpecRetrieveParams", [])], True, "v1 Country specs params."),
        ("stripe/v1/token.hpp", "stripe::v1", model_inc + ["stripe/v1/account.hpp"], [("Stripe.Token", "Token", [])],
         False, "v1 Token (account, person and bank account tokens)."),
        ("stripe/v1/token_params.hpp", "stripe::v1", param_inc,
         [("Stripe.TokenCreateParams", "TokenCreateParams", []),
          ("Stripe.TokenRetrieveParams", "TokenRetrieveParams", [])], True, "v1 Tokens params."),
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
        ("stripe/v2/core/person.hpp", "stripe::v2::core", model_inc,
         [("Stripe.V2.Core.AccountPerson", "AccountPerson", []),
          ("Stripe.V2.Core.AccountPersonToken", "AccountPersonToken", [])], False,
         "v2 core AccountPerson and AccountPersonToken."),
        ("stripe/v2/core/deleted_object.hpp", "stripe::v2::core", model_inc,
         [("Stripe.V2.DeletedObject", "DeletedObject", [])], False, "What a v2 delete returns."),
        ("stripe/v2/core/person_params.hpp", "stripe::v2::core", param_inc,
         [("V2.Core.Accounts.PersonCreateParams", "PersonCreateParams", []),
          ("V2.Core.Accounts.PersonUpdateParams", "PersonUpdateParams", []),
          ("V2.Core.Accounts.PersonRetrieveParams", "PersonRetrieveParams", []),
          ("V2.Core.Accounts.PersonListParams", "PersonListParams", []),
          ("V2.Core.Accounts.PersonDeleteParams", "PersonDeleteParams", []),
          ("V2.Core.Accounts.PersonTokenCreateParams", "PersonTokenCreateParams", []),
          ("V2.Core.Accounts.PersonTokenRetrieveParams", "PersonTokenRetrieveParams", [])], True,
         "v2 core account persons and person tokens params."),
        ("stripe/v2/core/account_token.hpp", "stripe::v2::core", model_inc,
         [("Stripe.V2.Core.AccountToken", "AccountToken", [])], False, "v2 core AccountToken."),
        ("stripe/v2/core/account_token_params.hpp", "stripe::v2::core", param_inc,
         [("Stripe.V2.Core.AccountTokenCreateParams", "AccountTokenCreateParams", []),
          ("Stripe.V2.Core.AccountTokenRetrieveParams", "AccountTokenRetrieveParams", [])], True,
         "v2 core account tokens params."),
        ("stripe/v2/core/event.hpp", "stripe::v2::core", model_inc,
         [("Stripe.V2.Core.EventBase", "Event", EVENT_MEMBERS)] + event_data_items(), False,
         "v2 core Event (fetched events, with the data only the fetched event carries)."),
        ("stripe/v2/core/event_params.hpp", "stripe::v2::core", param_inc,
         [("Stripe.V2.Core.EventListParams", "EventListParams", []),
          ("Stripe.V2.Core.EventRetrieveParams", "EventRetrieveParams", [])], True, "v2 core Events params."),
        ("stripe/v2/core/event_destination.hpp", "stripe::v2::core", model_inc,
         [("Stripe.V2.Core.EventDestination", "EventDestination", [])], False, "v2 core EventDestination."),
        ("stripe/v2/core/event_destination_params.hpp", "stripe::v2::core", param_inc,
         [("Stripe.V2.Core.EventDestinationCreateParams", "EventDestinationCreateParams", []),
          ("Stripe.V2.Core.EventDestinationUpdateParams", "EventDestinationUpdateParams", []),
          ("Stripe.V2.Core.EventDestinationRetrieveParams", "EventDestinationRetrieveParams", []),
          ("Stripe.V2.Core.EventDestinationListParams", "EventDestinationListParams", []),
          ("Stripe.V2.Core.EventDestinationDeleteParams", "EventDestinationDeleteParams", []),
          ("Stripe.V2.Core.EventDestinationEnableParams", "EventDestinationEnableParams", []),
          ("Stripe.V2.Core.EventDestinationDisableParams", "EventDestinationDisableParams", []),
          ("Stripe.V2.Core.EventDestinationPingParams", "EventDestinationPingParams", [])], True,
         "v2 core Event destinations params."),
    ]
    TOP_CNAMES.update({t: c for sp in specs for t, c, _ in sp[3]})

    def files_of(group):
        return [(sp[0], [t for t, _, _ in sp[3]], sp[4]) for sp in group]
    # Types the same C++ in both versions (CollectionOptions, the support address, ...) first.
    common_path = "stripe/common/shared.hpp"
    common = plan_shared(None, "stripe::common", files_of(specs), common_path, hand_written_shapes())
    for version, ns in (("v1", "stripe::v1"), ("v2", "stripe::v2::core")):
        group = [sp for sp in specs if sp[1] == ns]
        shared_path = "stripe/%s/shared.hpp" % ("v1" if version == "v1" else "v2/core")
        shared = plan_shared(version, ns, files_of(group), shared_path, common, common_path)
        # A nested shape with the C++ of a top-level model (a token's bank_account, a file's
        # links) names that model rather than repeating it.
        em = Emitter(False, shared)
        for path, _, inc, items, is_params, doc in group:
            for t, c, _ in items if not is_params else ():
                if t not in shared.tops:
                    shared.model_tops.setdefault(em.sig(top_node(t)), ("%s::%s" % (ns, c), path, inc))
        for path, _, inc, items, is_params, doc in group:
            emit_file(path, ns, inc + [shared_path], items, is_params, doc, raw, shared)
    emit_services()
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
