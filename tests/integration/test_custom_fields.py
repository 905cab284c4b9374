"""Custom fields defined at run time validate, filter and appear like built-in fields."""

from __future__ import annotations

from support import ApiTestCase, delete, get, patch, post, quote_id, unique


def define(body: dict):
    return post("/api/v1/custom-fields", body, role="admin")


class CustomFieldTest(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        cls.prefix = unique("Cf") + " "
        r = define({"entity": "customer", "key": "loyalty_tier", "label": "Loyalty tier",
                    "type": "enum", "required": False, "allowed_values": ["gold", "silver"]})
        if r.status != 201:
            raise AssertionError(f"defining loyalty_tier failed: {r!r}")
        cls.loyalty = r.json
        r = define({"entity": "customer", "key": "store_count", "label": "Stores",
                    "type": "integer", "required": False})
        if r.status != 201:
            raise AssertionError(f"defining store_count failed: {r!r}")
        cls.store_count = r.json

    def test_definition_is_echoed_and_listed(self):
        d = self.loyalty
        self.assertEqual(d["entity"], "customer")
        self.assertEqual(d["key"], "loyalty_tier")
        self.assertEqual(d["type"], "enum")
        self.assertEqual(d["required"], False)
        self.assertEqual(d["allowed_values"], ["gold", "silver"])
        self.assertIn("id", d)
        resp = self.assertStatus(get("/api/v1/custom-fields", role="admin"), 200)
        keys = [f["key"] for f in resp.json["data"]]
        self.assertIn("loyalty_tier", keys)
        self.assertIn("store_count", keys)

    def test_duplicate_key_is_rejected(self):
        resp = define({"entity": "customer", "key": "loyalty_tier", "label": "Again",
                       "type": "text", "required": False})
        self.assertProblem(resp, (409, 422))

    def test_invalid_definition_is_422(self):
        self.assertProblem(define({"entity": "customer", "key": "x_" + unique().lower(),
                                   "label": "Bad", "type": "colour", "required": False}),
                           422, field="type")
        self.assertProblem(define({"entity": "customer", "key": "bad key!", "label": "Bad",
                                   "type": "text", "required": False}), 422, field="key")

    def test_enum_value_outside_allowed_is_422_naming_the_field(self):
        before = self.write_marks()
        resp = post("/api/v1/customers", {"kind": "organization", "name": self.prefix + "Plat",
                                          "custom": {"loyalty_tier": "platinum"}}, role="admin")
        self.assertProblem(resp, 422, field="custom.loyalty_tier")
        self.assertNothingWritten(before, "(invalid custom value)")

    def test_wrong_type_and_unknown_key_are_422(self):
        before = self.write_marks()
        self.assertProblem(post("/api/v1/customers", {
            "kind": "organization", "name": self.prefix + "BadNum",
            "custom": {"store_count": "many"}}, role="admin"), 422, field="custom.store_count")
        self.assertProblem(post("/api/v1/customers", {
            "kind": "organization", "name": self.prefix + "BadKey",
            "custom": {"no_such_field": 1}}, role="admin"), 422, field="custom.no_such_field")
        self.assertNothingWritten(before, "(invalid custom values)")

    def test_valid_values_are_stored_and_filterable(self):
        prefix = unique("Cfv") + " "
        gold = self.create_customer({"kind": "organization", "name": prefix + "Gold Co",
                                     "custom": {"loyalty_tier": "gold", "store_count": 12}})
        self.assertEqual(gold["custom"].get("loyalty_tier"), "gold")
        self.assertEqual(gold["custom"].get("store_count"), 12)
        silver = self.create_customer({"kind": "organization",
                                       "name": prefix + "Silver Co",
                                       "custom": {"loyalty_tier": "silver", "store_count": 3}})
        none = self.create_customer({"kind": "organization", "name": prefix + "Plain Co"})
        scope = ("filter[name][starts-with]", prefix)

        def ids(*params):
            return set(c["id"] for c in self.list_all([scope] + list(params)))

        self.assertEqual(ids(("filter[custom.loyalty_tier]", "gold")), {gold["id"]})
        self.assertEqual(ids(("filter[custom.loyalty_tier][eq]", "silver")), {silver["id"]})
        self.assertEqual(ids(("filter[custom.loyalty_tier][in]", "gold,silver")),
                         {gold["id"], silver["id"]})
        self.assertEqual(ids(("filter[custom.loyalty_tier][is-null]", "true")), {none["id"]})
        self.assertEqual(ids(("filter[custom.store_count][gt]", 5)), {gold["id"]})
        self.assertEqual(ids(("filter[custom.store_count][lte]", 3)), {silver["id"]})
        rows = self.list_all([scope, ("filter[custom.store_count][is-null]", "false"),
                              ("sort", "-custom.store_count")])
        self.assertEqual([r["id"] for r in rows], [gold["id"], silver["id"]])

        got = self.assertStatus(self.get_customer(gold["id"]), 200)
        self.assertEqual(got.json["custom"]["loyalty_tier"], "gold")
        # PATCH validates custom values like create does.
        resp = patch(f"/api/v1/customers/{quote_id(gold['id'])}",
                     {"custom": {"loyalty_tier": "bronze"}}, role="admin",
                     headers={"If-Match": got.etag})
        self.assertProblem(resp, 422, field="custom.loyalty_tier")
        resp = patch(f"/api/v1/customers/{quote_id(gold['id'])}",
                     {"custom": {"loyalty_tier": "silver"}}, role="admin",
                     headers={"If-Match": got.etag})
        self.assertStatus(resp, 200)
        self.assertEqual(resp.json["custom"]["loyalty_tier"], "silver")
        self.assertEqual(resp.json["custom"].get("store_count"), 12,
                         "merge patch keeps the other custom values")

    def test_unknown_custom_filter_is_400(self):
        self.assertProblem(self.list_customers([("filter[custom.no_such_field]", "x")]), 400,
                           mention="custom.no_such_field")

    def test_required_custom_field(self):
        key = "vat_region_" + unique("").lower()
        r = define({"entity": "customer", "key": key, "label": "VAT region", "type": "text",
                    "required": True})
        self.assertStatus(r, 201)
        fid = r.json["id"]

        def cleanup():
            # Other suites create customers without this field: it must go away.
            d = delete(f"/api/v1/custom-fields/{quote_id(fid)}", role="admin")
            if d.status not in (200, 204):
                cur = get("/api/v1/custom-fields", role="admin")
                patch(f"/api/v1/custom-fields/{quote_id(fid)}", {"required": False},
                      role="admin", headers={"If-Match": cur.header("ETag") or "*"})
        self.addCleanup(cleanup)

        before = self.write_marks()
        resp = post("/api/v1/customers", {"kind": "person", "name": self.prefix + "NoVat"},
                    role="admin")
        self.assertProblem(resp, 422, field=f"custom.{key}")
        self.assertNothingWritten(before, "(missing required custom field)")
        self.create_customer({"kind": "person", "name": self.prefix + "WithVat",
                              "custom": {key: "ZJ"}})

        d = delete(f"/api/v1/custom-fields/{quote_id(fid)}", role="admin")
        self.assertStatus(d, 200, 204)
        self.create_customer({"kind": "person", "name": self.prefix + "AfterDelete"})

    def test_definitions_need_admin(self):
        for role in ("manager", "sales", "agent", "analyst"):
            resp = post("/api/v1/custom-fields", {"entity": "customer", "key": "k_" + role,
                                                  "label": "x", "type": "text",
                                                  "required": False}, role=role)
            self.assertProblem(resp, 403)
