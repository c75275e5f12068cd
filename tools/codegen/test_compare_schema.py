#!/usr/bin/env python3
"""Tests of compare_schema.py on small synthetic schemas.

Run from tools/codegen:  python3 -m unittest test_compare_schema
"""
import copy
import io
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import compare_schema  # noqa: E402


def base_schema():
    return {
        "source": "stripe npm package 1.0.0 type definitions",
        "api_version": "2026-01-01.test",
        "generated": "2026-01-01T00:00:00.000Z",
        "generator": {"script": "old.js"},
        "types": {
            "Stripe.Thing": {
                "tsName": "Stripe.Thing",
                "depthLimits": {"big": 1},
                "kind": "object",
                "typeName": "Thing",
                "properties": [
                    {"name": "id", "optional": False, "nullable": False, "kind": "string", "doc": "The id."},
                    {"name": "status", "optional": True, "nullable": True, "kind": "enum",
                     "typeName": "Thing.Status", "open": True, "values": ["active", "inactive"],
                     "doc": "The status."},
                    {"name": "tags", "optional": True, "nullable": False, "kind": "array",
                     "items": {"nullable": False, "kind": "string"}},
                    {"name": "metadata", "optional": True, "nullable": True, "emptyable": True, "kind": "map",
                     "typeName": "MetadataParam",
                     "valueType": {"nullable": True, "kind": "union",
                                   "anyOf": [{"kind": "string"}, {"kind": "number"}]}},
                    {"name": "big", "optional": True, "nullable": False, "kind": "object", "typeName": "Thing.Big",
                     "properties": [
                         {"name": "address", "optional": True, "nullable": False, "kind": "object",
                          "typeName": "Address", "truncated": True, "propertyCount": 6},
                     ],
                     "expandDepth": 1},
                ],
            },
            "Stripe.Feed": {
                "tsName": "Stripe.Feed",
                "kind": "union",
                "discriminator": "type",
                "variantCount": 2,
                "doc": "Every event.",
                "baseType": "EventBase",
                "properties": [],
                "connectVariants": [
                    {"type": "thing.updated", "tsName": "ThingUpdatedEvent", "doc": "Occurs.",
                     "fetchRelatedObjectReturns": "Promise<Thing>"},
                ],
            },
        },
        "endpoints": [
            {"resource": "stripe.things", "sdkClass": "ThingResource (v1)", "sourceFile": "cjs/resources/Things.js",
             "method": "retrieve", "httpMethod": "GET", "path": "/v1/things/{id}",
             "signature": "retrieve(id: string): Promise<Response<Thing>>", "doc": "Retrieves a thing."},
            {"resource": "stripe.things", "sdkClass": "ThingResource (v1)", "sourceFile": "cjs/resources/Things.js",
             "method": "list", "httpMethod": "GET", "path": "/v1/things", "methodType": "list",
             "signature": "list(): ApiListPromise<Thing>", "doc": "Lists things."},
        ],
    }


def prop(schema, name, type_name="Stripe.Thing"):
    return next(p for p in schema["types"][type_name]["properties"] if p["name"] == name)


class CompareSchemaTest(unittest.TestCase):
    def run_compare(self, mutate):
        old = base_schema()
        new = copy.deepcopy(old)
        mutate(new)
        return compare_schema.compare(old, new)

    def assertOneDiff(self, rep, fragment):
        self.assertEqual(len(rep.semantic), 1, rep.semantic)
        self.assertIn(fragment, rep.semantic[0][0] + " " + rep.semantic[0][1])

    def test_identical_has_no_difference_and_counts(self):
        rep = self.run_compare(lambda s: None)
        self.assertEqual(rep.semantic, [])
        self.assertEqual(rep.info, [])
        self.assertEqual(rep.types, 2)
        self.assertEqual(rep.fields, 6)  # five fields and one nested field
        self.assertEqual(rep.endpoints, 2)

    def test_volatile_fields_are_ignored(self):
        def mutate(s):
            s["generated"] = "2030-01-01T00:00:00.000Z"
            s["generator"] = {"script": "extract.js", "config": "resources.json"}
        self.assertEqual(self.run_compare(mutate).semantic, [])

    def test_kind_change(self):
        rep = self.run_compare(lambda s: prop(s, "id").update(kind="number"))
        self.assertOneDiff(rep, "types.Stripe.Thing.id.kind")

    def test_optional_and_nullable_changes(self):
        rep = self.run_compare(lambda s: prop(s, "id").update(optional=True, nullable=True))
        paths = sorted(p for p, _ in rep.semantic)
        self.assertEqual(paths, ["types.Stripe.Thing.id.nullable", "types.Stripe.Thing.id.optional"])

    def test_emptyable_lost(self):
        rep = self.run_compare(lambda s: prop(s, "metadata").pop("emptyable"))
        self.assertOneDiff(rep, "metadata.emptyable")

    def test_enum_values_and_openness(self):
        rep = self.run_compare(lambda s: prop(s, "status").update(values=["active"]))
        self.assertOneDiff(rep, "status.values")
        rep = self.run_compare(lambda s: prop(s, "status").update(open=False))
        self.assertOneDiff(rep, "status.open")

    def test_array_item_and_map_value_shapes(self):
        rep = self.run_compare(lambda s: prop(s, "tags")["items"].update(kind="number"))
        self.assertOneDiff(rep, "tags.items.kind")
        rep = self.run_compare(lambda s: prop(s, "metadata")["valueType"]["anyOf"].pop())
        self.assertTrue(any("valueType.anyOf" in p for p, _ in rep.semantic), rep.semantic)

    def test_truncation_and_depth(self):
        def untruncate(s):
            addr = prop(s, "big")["properties"][0]
            del addr["truncated"], addr["propertyCount"]
            addr["properties"] = []
        rep = self.run_compare(untruncate)
        paths = sorted(p for p, _ in rep.semantic)
        self.assertIn("types.Stripe.Thing.big.address.truncated", paths)
        self.assertIn("types.Stripe.Thing.big.address.properties", paths)
        rep = self.run_compare(lambda s: s["types"]["Stripe.Thing"].update(depthLimits={"big": 2}))
        self.assertOneDiff(rep, "depthLimits")

    def test_missing_extra_and_reordered_fields(self):
        rep = self.run_compare(lambda s: s["types"]["Stripe.Thing"]["properties"].pop(0))
        self.assertOneDiff(rep, "field missing in NEW")
        rep = self.run_compare(lambda s: s["types"]["Stripe.Thing"]["properties"].append(
            {"name": "extra", "optional": True, "nullable": False, "kind": "string"}))
        self.assertOneDiff(rep, "field only in NEW")
        rep = self.run_compare(lambda s: s["types"]["Stripe.Thing"]["properties"].reverse())
        self.assertOneDiff(rep, "field order differs")

    def test_doc_wording_is_informational(self):
        rep = self.run_compare(lambda s: prop(s, "id").update(doc="Unique identifier."))
        self.assertEqual(rep.semantic, [])
        self.assertEqual(len(rep.info), 1)
        self.assertIn("id.doc", rep.info[0][0])

    def test_missing_type_and_new_only_type(self):
        rep = self.run_compare(lambda s: s["types"].pop("Stripe.Feed"))
        self.assertOneDiff(rep, "type missing in NEW")
        rep = self.run_compare(lambda s: s["types"].update({"Stripe.New": {"kind": "object", "properties": []}}))
        self.assertEqual(rep.semantic, [])
        self.assertEqual(rep.only_new_types, ["Stripe.New"])

    def test_event_variants_matched_by_type(self):
        rep = self.run_compare(lambda s: s["types"]["Stripe.Feed"]["connectVariants"][0].update(
            fetchRelatedObjectReturns="Promise<Other>"))
        self.assertOneDiff(rep, "connectVariants[thing.updated].fetchRelatedObjectReturns")
        rep = self.run_compare(lambda s: s["types"]["Stripe.Feed"]["connectVariants"].clear())
        self.assertOneDiff(rep, "missing in NEW")

    def test_endpoints(self):
        rep = self.run_compare(lambda s: s["endpoints"].pop())
        self.assertOneDiff(rep, "endpoint missing in NEW")
        rep = self.run_compare(lambda s: s["endpoints"][1].pop("methodType"))
        self.assertOneDiff(rep, "methodType")
        rep = self.run_compare(lambda s: s["endpoints"][0].update(doc="Gets a thing."))
        self.assertEqual(rep.semantic, [])
        self.assertEqual(len(rep.info), 1)
        rep = self.run_compare(lambda s: s["endpoints"].reverse())
        self.assertEqual(rep.semantic, [])  # matched by resource, method and path, not position
        rep = self.run_compare(lambda s: s["endpoints"].append(dict(s["endpoints"][0], method="del",
                                                                    httpMethod="DELETE")))
        self.assertEqual(rep.semantic, [])
        self.assertEqual(len(rep.only_new_endpoints), 1)

    def test_api_version_change_is_semantic(self):
        rep = self.run_compare(lambda s: s.update(api_version="2027-01-01.next"))
        self.assertOneDiff(rep, "api_version")

    def test_main_exit_status_and_report(self):
        old = base_schema()
        new = copy.deepcopy(old)
        prop(new, "id")["kind"] = "number"
        with tempfile.TemporaryDirectory() as d:
            paths = []
            for name, doc in (("old.json", old), ("new.json", new), ("same.json", old)):
                paths.append(os.path.join(d, name))
                with open(paths[-1], "w") as f:
                    json.dump(doc, f)
            out = io.StringIO()
            with redirect_stdout(out):
                self.assertEqual(compare_schema.main([paths[0], paths[1]]), 1)
            self.assertIn("semantic differences: 1", out.getvalue())
            self.assertIn("compared: 2 types, 6 fields", out.getvalue())
            out = io.StringIO()
            with redirect_stdout(out):
                self.assertEqual(compare_schema.main([paths[0], paths[2]]), 0)
            self.assertIn("semantic differences: 0", out.getvalue())
            err = io.StringIO()
            with redirect_stdout(io.StringIO()):
                sys_stderr, sys.stderr = sys.stderr, err
                try:
                    self.assertEqual(compare_schema.main([paths[0], os.path.join(d, "absent.json")]), 2)
                finally:
                    sys.stderr = sys_stderr


if __name__ == "__main__":
    unittest.main()
