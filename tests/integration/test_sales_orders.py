"""Products and the configurator, quotes and orders, deliveries and the ledger, Perfect
Order measures (API and CLI), shipments and tracking, ERP batches, portal isolation and
screen-pop lookup by order and shipment number."""

from __future__ import annotations

import json
import subprocess

from support import STATE, ApiTestCase, get, post, query, quote_id, unique


def money(amount: str) -> dict:
    return {"amount": amount, "currency": "CNY"}


def shirt_body(sku: str) -> dict:
    return {
        "sku": sku, "name": "Made-to-measure shirt", "price": money("300.00"),
        "cost": money("120.00"), "lead_time_days": 10,
        "option_groups": [
            {"code": "fabric", "name": "Fabric", "options": [
                {"code": "poplin", "name": "Cotton poplin"},
                {"code": "silk", "name": "Silk", "price_delta": "180.00",
                 "cost_delta": "90.00", "lead_time_delta_days": 5}]},
            {"code": "collar", "name": "Collar", "options": [
                {"code": "spread", "name": "Spread"},
                {"code": "button-down", "name": "Button-down", "price_delta": "10.00"}]},
            {"code": "cuff", "name": "Cuff", "options": [
                {"code": "barrel", "name": "Barrel"},
                {"code": "french", "name": "French", "price_delta": "25.50",
                 "lead_time_delta_days": 2}]},
            {"code": "neck_cm", "name": "Neck", "kind": "measurement", "min": 30, "max": 50},
        ],
        "rules": [
            {"name": "No button-down collar on silk", "kind": "excludes",
             "if": {"group": "fabric", "option": "silk"},
             "then": {"group": "collar", "options": ["button-down"]}},
            {"name": "French cuffs need a spread collar", "kind": "requires",
             "if": {"group": "cuff", "option": "french"},
             "then": {"group": "collar", "options": ["spread"]}},
        ],
    }


class SalesTestCase(ApiTestCase):
    def create_product(self, body: dict | None = None, **fields) -> dict:
        body = dict(body or {"sku": unique("SKU-"), "name": "Plain tee", "price": money("100.00"),
                             "cost": money("40.00"), "lead_time_days": 3})
        body.update(fields)
        return self.assertStatus(post("/api/v1/products", body, role="admin"), 201).json

    def create_order(self, customer_id, lines, role="admin", **fields) -> dict:
        body = {"customer_id": customer_id, "lines": lines}
        body.update(fields)
        resp = self.assertStatus(post("/api/v1/orders", body, role=role), 201)
        self.assertRegex(resp.json["number"], r"^SO-\d{6,}$")
        self.assertEqual(resp.json["warnings"], [])
        return resp.json

    def deliver(self, order, lines, delivered_at, status=200, **fields) -> dict:
        body = {"delivered_at": delivered_at, "lines": lines}
        body.update(fields)
        resp = post(f"/api/v1/orders/{quote_id(order['id'])}/deliveries", body, role="admin")
        self.assertStatus(resp, status)
        return resp.json


class ConfiguratorTest(SalesTestCase):
    def setUp(self):
        self.product = self.create_product(shirt_body(unique("SHIRT-")))
        self.path = f"/api/v1/products/{quote_id(self.product['id'])}/configurations"

    def test_product_keeps_its_module_library(self):
        got = self.assertStatus(get(f"/api/v1/products/{quote_id(self.product['id'])}",
                                    role="agent"), 200).json
        self.assertTrue(got["configurable"])
        self.assertEqual([g["code"] for g in got["option_groups"]],
                         ["fabric", "collar", "cuff", "neck_cm"])
        self.assertEqual([r["name"] for r in got["rules"]],
                         ["No button-down collar on silk", "French cuffs need a spread collar"])

    def test_exclusion_rule_rejects_naming_the_rule(self):
        resp = post(self.path, {"options": {"fabric": "silk", "collar": "button-down",
                                            "cuff": "barrel"},
                                "measurements": {"neck_cm": 40}}, role="sales")
        body = self.assertProblem(resp, 422, field="rules.No button-down collar on silk",
                                  mention="No button-down collar on silk")
        self.assertIn("No button-down collar on silk", body["detail"])

    def test_requirement_rule_rejects_naming_the_rule(self):
        resp = post(self.path, {"options": {"fabric": "poplin", "collar": "button-down",
                                            "cuff": "french"},
                                "measurements": {"neck_cm": 40}}, role="sales")
        self.assertProblem(resp, 422, field="rules.French cuffs need a spread collar")

    def test_valid_configuration_is_priced_with_its_deltas(self):
        resp = post(self.path, {"options": {"fabric": "silk", "collar": "spread",
                                            "cuff": "french"},
                                "measurements": {"neck_cm": 41.5}}, role="sales")
        self.assertStatus(resp, 200)
        # 300.00 + 180.00 (silk) + 0 (spread) + 25.50 (french) = 505.50; 10 + 5 + 2 days.
        self.assertEqual(resp.json["unit_price"], money("505.50"))
        self.assertEqual(resp.json["lead_time_days"], 17)
        self.assertFalse(resp.json["saved"])

    def test_incomplete_or_unknown_choices_are_422(self):
        self.assertProblem(post(self.path, {"options": {"fabric": "silk"}}, role="sales"), 422,
                           field="options.collar")
        self.assertProblem(post(self.path, {"options": {"fabric": "denim", "collar": "spread",
                                                        "cuff": "barrel"},
                                            "measurements": {"neck_cm": 40}}, role="sales"),
                           422, field="options.fabric")
        self.assertProblem(post(self.path, {"options": {"fabric": "silk", "collar": "spread",
                                                        "cuff": "barrel"},
                                            "measurements": {"neck_cm": 90}}, role="sales"),
                           422, field="measurements.neck_cm")

    def test_saved_configuration_is_reordered(self):
        c = self.create_customer({"kind": "person", "name": unique("Cfg ")})
        resp = post(self.path, {"customer_id": c["id"],
                                "options": {"fabric": "poplin", "collar": "button-down",
                                            "cuff": "barrel"},
                                "measurements": {"neck_cm": 39}}, role="sales")
        self.assertStatus(resp, 201)
        cfg = resp.json
        self.assertEqual(cfg["unit_price"], money("310.00"))
        listed = self.assertStatus(get(f"/api/v1/customers/{quote_id(c['id'])}/configurations",
                                       role="sales"), 200).json["data"]
        self.assertEqual([x["id"] for x in listed], [cfg["id"]])
        for _ in range(2):  # ordered, then re-ordered
            order = self.create_order(c["id"], [{"configuration_id": cfg["id"], "quantity": 2}],
                                      role="sales")
            self.assertEqual(order["lines"][0]["configuration_id"], cfg["id"])
            self.assertEqual(order["total"], money("620.00"))
        other = self.create_customer({"kind": "person", "name": unique("Cfg2 ")})
        self.assertProblem(post("/api/v1/orders", {
            "customer_id": other["id"],
            "lines": [{"configuration_id": cfg["id"], "quantity": 1}]}, role="sales"),
            422, field="lines[0].configuration_id")

    def test_invalid_rule_in_a_product_is_422(self):
        body = shirt_body(unique("BAD-"))
        body["rules"][0]["then"]["options"] = ["no-such-collar"]
        self.assertProblem(post("/api/v1/products", body, role="admin"), 422,
                           field="rules[0].then.options")
        self.assertProblem(post("/api/v1/products", body, role="sales"), 403)


class PerfectOrderTest(SalesTestCase):
    """A hand-computed example, placed in January 2019 (no other test uses that month).

    O1 (promised 2019-01-10): L1 10 delivered 01-08 in full            → perfect
                              L2  5, 3 delivered 01-12 (late, short)    → on time ✗, in full ✗
    O2 (promised 2019-01-15): L3  4, 3 delivered 01-14 (short)          → in full ✗
    O3 (promised 2019-01-20): L4  2 delivered 01-20, damaged            → damage free ✗
                              L5  1 delivered 01-19, wrong documents    → documentation ✗
    Rates over 5 lines: on time 4/5, in full 3/5, damage free 4/5, documentation 4/5.
    POI = 0.8 × 0.6 × 0.8 × 0.8 × 100 = 30.72; SCOR = 1/5 = 20 %; fill rate 19/22;
    backorder rate 2/5 (L2 and L3 still short).
    """

    @classmethod
    def setUpClass(cls):
        tc = SalesTestCase()
        cls.customer = tc.create_customer({"kind": "organization", "name": unique("PO Co ")})
        p = tc.create_product()
        cid = cls.customer["id"]
        line = lambda q: {"product_id": p["id"], "quantity": q}  # noqa: E731
        o1 = tc.create_order(cid, [line(10), line(5)], ordered_at="2019-01-02T09:00:00Z",
                             promised_date="2019-01-10", carrier="SF Express")
        o2 = tc.create_order(cid, [line(4)], ordered_at="2019-01-03T09:00:00Z",
                             promised_date="2019-01-15", carrier="ZTO")
        o3 = tc.create_order(cid, [line(2), line(1)], ordered_at="2019-01-05T09:00:00Z",
                             promised_date="2019-01-20", carrier="SF Express")
        l1, l2 = [x["id"] for x in o1["lines"]]
        l3 = o2["lines"][0]["id"]
        l4, l5 = [x["id"] for x in o3["lines"]]
        tc.deliver(o1, [{"line_id": l1, "delivered_quantity": 10}], "2019-01-08T10:00:00Z")
        tc.deliver(o1, [{"line_id": l2, "delivered_quantity": 3}], "2019-01-12T10:00:00Z")
        tc.deliver(o2, [{"line_id": l3, "delivered_quantity": 3}], "2019-01-14T23:00:00Z")
        tc.deliver(o3, [{"line_id": l4, "delivered_quantity": 2, "damaged": True}],
                   "2019-01-20T18:00:00Z")
        cls.o3 = tc.deliver(o3, [{"line_id": l5, "delivered_quantity": 1,
                                  "documents_ok": False}], "2019-01-19T08:00:00Z")
        cls.o1 = cls.o1_after = get(f"/api/v1/orders/{quote_id(o1['id'])}", role="admin").json

    def assertMeasures(self, m: dict):
        self.assertEqual((m["orders"], m["lines"]), (3, 5))
        self.assertAlmostEqual(m["on_time"], 0.8, places=9)
        self.assertAlmostEqual(m["in_full"], 0.6, places=9)
        self.assertAlmostEqual(m["damage_free"], 0.8, places=9)
        self.assertAlmostEqual(m["documentation"], 0.8, places=9)
        self.assertAlmostEqual(m["poi"], 30.72, places=6)
        self.assertAlmostEqual(m["scor"], 20.0, places=6)

    def test_order_lines_carry_their_components(self):
        lines = self.o1["lines"]
        self.assertEqual(lines[0]["perfect_order"]["perfect"], True)
        self.assertEqual(lines[1]["perfect_order"],
                         {"on_time": False, "in_full": False, "damage_free": True,
                          "documentation": True, "perfect": False})
        self.assertEqual(self.o1["status"], "partially_delivered")
        self.assertFalse(self.o1["perfect_order"]["perfect"])
        self.assertEqual(self.o3["status"], "delivered")

    def test_report_matches_the_hand_computed_example(self):
        resp = self.assertStatus(get("/api/v1/reports/perfect-order?" + query(
            {"filter[customer_id]": self.customer["id"]}), role="manager"), 200)
        total = resp.json["total"]
        self.assertMeasures(total)
        self.assertAlmostEqual(total["fill_rate"], 19 / 22, places=9)
        self.assertAlmostEqual(total["backorder_rate"], 0.4, places=9)
        self.assertEqual(total["perfect_orders"], 0)

    def test_report_groups_by_carrier_and_month(self):
        resp = self.assertStatus(get("/api/v1/reports/perfect-order?" + query(
            {"filter[customer_id]": self.customer["id"], "group_by": "carrier"}),
            role="analyst"), 200)
        by = {g["key"]: g for g in resp.json["groups"]}
        self.assertEqual(sorted(by), ["SF Express", "ZTO"])
        self.assertEqual(by["ZTO"]["lines"], 1)
        self.assertEqual(by["ZTO"]["in_full"], 0)
        resp = self.assertStatus(get("/api/v1/reports/perfect-order?" + query(
            {"from": "2019-01-01", "to": "2019-02-01", "group_by": "month"}), role="admin"), 200)
        self.assertEqual([g["key"] for g in resp.json["groups"]], ["2019-01"])
        self.assertMeasures(resp.json["groups"][0])
        self.assertProblem(get("/api/v1/reports/perfect-order?group_by=colour", role="admin"),
                           400)
        self.assertProblem(get("/api/v1/reports/perfect-order?from=yesterday", role="admin"),
                           400)

    def test_cli_prints_the_contract_json(self):
        proc = subprocess.run([STATE.binary, "report", "perfect-order", "--db", STATE.db_url,
                               "--from", "2019-01-01", "--to", "2019-02-01", "--json"],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        out = json.loads(proc.stdout)
        self.assertEqual(sorted(out), sorted(["orders", "lines", "on_time", "in_full",
                                              "damage_free", "documentation", "poi", "scor"]))
        self.assertMeasures(out)


class DeliveryLedgerTest(SalesTestCase):
    def purchases_of(self, cid) -> list:
        return self.assertStatus(get("/api/v1/purchases?" + query(
            {"filter[customer_id]": cid}), role="admin"), 200).json["data"]

    def test_delivering_the_same_line_twice_posts_once(self):
        c = self.create_customer({"kind": "person", "name": unique("Led ")})
        p = self.create_product()
        order = self.create_order(c["id"], [{"product_id": p["id"], "quantity": 3,
                                             "discount_percent": 10}],
                                  promised_date="2030-01-01")
        line = order["lines"][0]["id"]
        body = [{"line_id": line, "delivered_quantity": 3}]
        first = self.deliver(order, body, "2024-05-02T10:00:00Z", delivery_id="DN-1")
        self.assertEqual(first["delivery"]["posted"], 1)
        again = self.deliver(order, body, "2024-05-02T10:00:00Z", delivery_id="DN-1")
        self.assertEqual(again["delivery"]["posted"], 0)
        purchases = self.purchases_of(c["id"])
        self.assertEqual(len(purchases), 1, purchases)
        self.assertEqual(purchases[0]["revenue"], money("270.00"))  # 3 × 100.00 − 10 %
        self.assertEqual(purchases[0]["order_ref"], order["number"])
        # A different delivery of the same, already complete line is refused.
        self.assertProblem(post(f"/api/v1/orders/{quote_id(order['id'])}/deliveries", {
            "delivered_at": "2024-05-03T10:00:00Z", "lines": body}, role="admin"), 422,
            field="lines[0].delivered_quantity")
        self.assertEqual(len(self.purchases_of(c["id"])), 1)
        stats = self.assertStatus(self.get_customer(c["id"]), 200).json
        self.assertEqual(stats.get("purchase_count", stats.get("stats", {}).get(
            "purchase_count")), 1)

    def test_repeated_delivery_without_an_id_is_keyed_by_its_time(self):
        c = self.create_customer({"kind": "person", "name": unique("Led2 ")})
        p = self.create_product()
        order = self.create_order(c["id"], [{"product_id": p["id"], "quantity": 4}],
                                  ordered_at="2024-05-30T16:00:00Z")
        # No promised date given: the order promises its longest lead time (3 days).
        self.assertEqual(order["promised_date"], "2024-06-02")
        line = order["lines"][0]["id"]
        for _ in range(2):
            self.deliver(order, [{"line_id": line, "delivered_quantity": 2}],
                         "2024-06-01T08:00:00Z")
        self.assertEqual(len(self.purchases_of(c["id"])), 1)
        self.deliver(order, [{"line_id": line, "delivered_quantity": 2}], "2024-06-03T08:00:00Z")
        self.assertEqual(len(self.purchases_of(c["id"])), 2)


class OrderValidationTest(SalesTestCase):
    def test_bad_input_is_422_and_writes_nothing(self):
        c = self.create_customer({"kind": "person", "name": unique("Val ")})
        p = self.create_product()
        before = self.write_marks()
        cases = [
            ({"customer_id": c["id"], "lines": [{"product_id": p["id"], "quantity": -2}]},
             "lines[0].quantity"),
            ({"customer_id": c["id"], "lines": [{"product_id": 999999999, "quantity": 1}]},
             "lines[0].product_id"),
            ({"customer_id": c["id"], "lines": [{"sku": "NO-SUCH-SKU", "quantity": 1}]},
             "lines[0].sku"),
            ({"customer_id": c["id"], "ordered_at": "2024-03-10T09:00:00Z",
              "promised_date": "2024-03-09", "lines": [{"product_id": p["id"], "quantity": 1}]},
             "promised_date"),
            ({"customer_id": c["id"], "lines": []}, "lines"),
            ({"customer_id": c["id"], "lines": [{"product_id": p["id"], "quantity": 1,
                                                 "discount_percent": 120}]},
             "lines[0].discount_percent"),
        ]
        for body, field in cases:
            with self.subTest(field=field):
                self.assertProblem(post("/api/v1/orders", body, role="sales"), 422, field=field)
        self.assertNothingWritten(before, "by a rejected order")
        listed = self.assertStatus(get("/api/v1/orders?" + query(
            {"filter[customer_id]": c["id"]}), role="admin"), 200).json["data"]
        self.assertEqual(listed, [])

    def test_negative_delivery_quantity_is_422(self):
        c = self.create_customer({"kind": "person", "name": unique("Val2 ")})
        order = self.create_order(c["id"], [{"product_id": self.create_product()["id"],
                                             "quantity": 1}])
        self.assertProblem(post(f"/api/v1/orders/{quote_id(order['id'])}/deliveries", {
            "delivered_at": "2024-01-01T00:00:00Z",
            "lines": [{"line_id": order["lines"][0]["id"], "delivered_quantity": -1}]},
            role="admin"), 422, field="lines[0].delivered_quantity")
        self.assertProblem(post(f"/api/v1/orders/{quote_id(order['id'])}/deliveries", {
            "delivered_at": None,
            "lines": [{"line_id": order["lines"][0]["id"], "delivered_quantity": 1}]},
            role="admin"), 422, field="delivered_at")

    def test_quote_converts_to_an_order(self):
        c = self.create_customer({"kind": "person", "name": unique("Qt ")})
        p = self.create_product()
        resp = self.assertStatus(post("/api/v1/orders", {
            "kind": "quote", "customer_id": c["id"],
            "lines": [{"product_id": p["id"], "quantity": 2, "unit_price": "90.00"}]},
            role="sales"), 201)
        q = resp.json
        self.assertRegex(q["quote_number"], r"^QT-\d{6,}$")
        self.assertIsNone(q["number"])
        self.assertEqual(q["total"], money("180.00"))
        conv = self.assertStatus(post(f"/api/v1/orders/{quote_id(q['id'])}/convert",
                                      {"promised_date": "2099-01-01"}, role="sales"), 200).json
        self.assertEqual((conv["kind"], conv["status"]), ("order", "open"))
        self.assertRegex(conv["number"], r"^SO-\d{6,}$")
        self.assertProblem(post(f"/api/v1/orders/{quote_id(q['id'])}/convert", {}, role="sales"),
                           409)


class ShipmentsAndPortalTest(SalesTestCase):
    @classmethod
    def setUpClass(cls):
        tc = SalesTestCase()
        p = tc.create_product()
        cls.own = tc.create_order(STATE.portal_customer_id, [{"product_id": p["id"],
                                                             "quantity": 1}])
        cls.other = tc.create_order(STATE.other_customer_id, [{"product_id": p["id"],
                                                              "quantity": 1}])
        cls.tracking = unique("SF").replace("-", "")
        cls.ship = tc.assertStatus(post("/api/v1/shipments", {
            "order_id": cls.own["id"], "carrier": "SF Express",
            "tracking_number": cls.tracking}, role="manager"), 201).json
        cls.other_ship = tc.assertStatus(post("/api/v1/shipments", {
            "order_id": cls.other["id"], "carrier": "ZTO"}, role="manager"), 201).json

    def test_tracking_events_are_idempotent_by_event_id(self):
        path = f"/api/v1/shipments/{quote_id(self.ship['id'])}/events"
        ev = {"event_id": unique("EV"), "occurred_at": "2024-07-01T08:00:00Z",
              "place": "Hangzhou hub", "status": "picked_up", "source": "scanner"}
        self.assertStatus(post(path, ev, role="manager"), 201)
        again = self.assertStatus(post(path, ev, role="manager"), 200).json
        self.assertFalse(again["created"])
        done = self.assertStatus(post(path, {"event_id": unique("EV"),
                                             "occurred_at": "2024-07-02T15:30:00Z",
                                             "place": "Shanghai", "status": "delivered",
                                             "source": "gps"}, role="manager"), 201).json
        self.assertEqual(len(done["events"]), 2)
        self.assertEqual(done["status"], "delivered")
        self.assertSameInstant(done["delivered_at"], "2024-07-02T15:30:00Z")
        self.assertSameInstant(done["shipped_at"], "2024-07-01T08:00:00Z")
        self.assertProblem(post(path, {"occurred_at": "2024-07-02T15:30:00Z",
                                       "status": "teleported"}, role="manager"), 422,
                           field="status")
        self.assertProblem(post(path, {"occurred_at": None, "status": "delivered"},
                                role="manager"), 422, field="occurred_at")
        perf = self.assertStatus(get("/api/v1/reports/delivery-performance?group_by=carrier",
                                     role="manager"), 200).json
        self.assertIn("SF Express", [g["carrier"] for g in perf["data"]])

    def test_portal_sees_only_its_own_orders_and_shipments(self):
        listed = self.assertStatus(get("/api/v1/orders", role="customer"), 200).json["data"]
        ids = [o["id"] for o in listed]
        self.assertIn(self.own["id"], ids)
        self.assertNotIn(self.other["id"], ids)
        self.assertTrue(all(o["customer_id"] == STATE.portal_customer_id for o in listed))
        self.assertStatus(get(f"/api/v1/orders/{quote_id(self.own['id'])}", role="customer"), 200)
        self.assertProblem(get(f"/api/v1/orders/{quote_id(self.other['id'])}", role="customer"),
                           404)
        self.assertProblem(get("/api/v1/orders?" + query(
            {"filter[customer_id]": STATE.other_customer_id}), role="customer"), 404)
        ship = self.assertStatus(get(f"/api/v1/shipments/{quote_id(self.ship['id'])}",
                                     role="customer"), 200).json
        self.assertEqual(ship["tracking_number"], self.tracking)
        self.assertProblem(get(f"/api/v1/shipments/{quote_id(self.other_ship['id'])}",
                               role="customer"), 404)
        shipments = self.assertStatus(get("/api/v1/shipments", role="customer"), 200).json
        self.assertTrue(all(s["customer_id"] == STATE.portal_customer_id
                            for s in shipments["data"]))
        self.assertProblem(post(f"/api/v1/orders/{quote_id(self.own['id'])}/deliveries", {
            "delivered_at": "2024-01-01T00:00:00Z",
            "lines": [{"line_id": self.own["lines"][0]["id"], "delivered_quantity": 1}]},
            role="customer"), 403)

    def lookup(self, q: str) -> list:
        return self.assertStatus(get("/api/v1/lookup?" + query({"q": q}), role="agent"),
                                 200).json["data"]

    def test_lookup_by_order_shipment_and_tracking_number(self):
        for q, by in ((self.own["number"], "order_number"),
                      (self.own["number"].lower(), "order_number"),
                      (self.ship["number"], "shipment_number"),
                      (self.tracking, "tracking_number")):
            with self.subTest(q=q):
                hits = self.lookup(q)
                self.assertTrue(hits, f"lookup {q!r} finds the customer")
                self.assertEqual(hits[0]["id"], STATE.portal_customer_id)
                self.assertEqual(hits[0]["matched_by"], by)


class BatchTest(SalesTestCase):
    def test_product_batch_with_one_bad_item(self):
        ext = [unique("ERP-P") for _ in range(3)]
        items = [{"external_id": ext[0], "sku": unique("B1-"), "name": "Polo",
                  "price": money("129.00")},
                 {"external_id": ext[1], "sku": unique("B2-"), "name": "Broken",
                  "price": money("-1.00")},
                 {"external_id": ext[2], "sku": unique("B3-"), "name": "Chino",
                  "price": money("259.00")}]
        key = unique("idem-")
        resp = self.assertStatus(post("/api/v1/batch/products", {"items": items}, role="admin",
                                      headers={"Idempotency-Key": key}), 200)
        r = resp.json
        self.assertEqual((r["written"], r["failed"], r["atomic"]), (2, 1, False))
        self.assertEqual([x["status"] for x in r["results"]], ["created", "error", "created"])
        self.assertEqual(r["results"][1]["external_id"], ext[1])
        self.assertIn("price", [e["field"] for e in r["results"][1]["error"]["errors"]])
        replay = self.assertStatus(post("/api/v1/batch/products", {"items": items},
                                        role="admin", headers={"Idempotency-Key": key}), 200)
        self.assertEqual(replay.json, r)
        # The update path: same external id, new price.
        upd = self.assertStatus(post("/api/v1/batch/products", {"items": [
            {"external_id": ext[0], "price": money("139.00")}]}, role="admin"), 200).json
        self.assertEqual(upd["results"][0]["status"], "updated")
        got = get(f"/api/v1/products/{quote_id(upd['results'][0]['id'])}", role="admin").json
        self.assertEqual(got["price"], money("139.00"))
        self.assertEqual(got["name"], "Polo")

    def test_atomic_batch_writes_nothing_when_one_item_is_bad(self):
        good = {"external_id": unique("ERP-A"), "sku": unique("A1-"), "name": "Scarf",
                "price": money("199.00")}
        bad = {"external_id": unique("ERP-A"), "name": "No SKU", "price": money("1.00")}
        self.assertProblem(post("/api/v1/batch/products?atomic=true", {"items": [good, bad]},
                                role="admin"), 422, field="items[1].sku")
        again = self.assertStatus(post("/api/v1/batch/products", {"items": [good]},
                                       role="admin"), 200).json
        self.assertEqual(again["results"][0]["status"], "created", "nothing was written before")

    def test_order_batch_keyed_by_external_ids(self):
        c = self.create_customer({"kind": "organization", "name": unique("ERP Co "),
                                  "external_ids": [{"system": "erp",
                                                    "value": unique("C")}]})
        cext = c["external_ids"][0]
        pext = unique("ERP-P")
        self.create_product(external_id=pext)
        oext = [unique("ERP-O") for _ in range(2)]
        items = [{"external_id": oext[0], "customer_external_id": cext,
                  "ordered_at": "2024-02-01T00:00:00Z", "promised_date": "2024-02-10",
                  "lines": [{"product_external_id": pext, "quantity": 5}]},
                 {"external_id": oext[1], "customer_id": c["id"],
                  "lines": [{"product_external_id": "NO-SUCH", "quantity": 1}]}]
        r = self.assertStatus(post("/api/v1/batch/orders", {"items": items}, role="admin"),
                              200).json
        self.assertEqual([x["status"] for x in r["results"]], ["created", "error"])
        self.assertEqual(r["results"][1]["error"]["errors"][0]["field"],
                         "lines[0].product_external_id")
        order = get(f"/api/v1/orders/{quote_id(r['results'][0]['id'])}", role="admin").json
        self.assertEqual(order["customer_id"], c["id"])
        self.assertEqual(order["lines"][0]["quantity"], 5)
        items[0]["lines"][0]["quantity"] = 6
        r2 = self.assertStatus(post("/api/v1/batch/orders", {"items": [items[0]]},
                                    role="admin"), 200).json
        self.assertEqual(r2["results"][0], {**r["results"][0], "status": "updated"})
        order = get(f"/api/v1/orders/{quote_id(r['results'][0]['id'])}", role="admin").json
        self.assertEqual(order["lines"][0]["quantity"], 6)


class OrderFollowUpTest(SalesTestCase):
    """What a delivery sets off elsewhere: a case for a failed Perfect Order component (one
    call), the satisfaction survey once the order is delivered, the order in the 360, and
    deliveries and cases counted as cost to serve by the value run."""

    def surveys_of(self, cid) -> list:
        return self.assertStatus(get("/api/v1/surveys?" + query(
            {"filter[customer_id]": cid}), role="admin"), 200).json["data"]

    def test_failed_line_opens_a_case_and_the_delivered_order_issues_a_survey(self):
        c = self.create_customer({"kind": "person", "name": unique("Late ")})
        p = self.create_product()
        order = self.create_order(c["id"], [{"product_id": p["id"], "quantity": 4}],
                                  ordered_at="2024-05-01T08:00:00Z", promised_date="2024-05-10")
        line = order["lines"][0]["id"]
        # Late (12 May against 10 May) and short (3 of 4).
        self.deliver(order, [{"line_id": line, "delivered_quantity": 3}], "2024-05-12T09:00:00Z")
        self.assertEqual([s for s in self.surveys_of(c["id"]) if s["source_kind"] == "order"], [])
        resp = post(f"/api/v1/orders/{quote_id(order['id'])}/cases",
                    {"order_line_id": line, "priority": "high"}, role="agent")
        case = self.assertStatus(resp, 201).json
        self.assertEqual(case["category"], "order_delivery_problem")
        self.assertEqual(str(case["order_id"]), str(order["id"]))
        self.assertEqual(str(case["order_line_id"]), str(line))
        self.assertEqual(str(case["customer_id"]), str(c["id"]))
        self.assertIn(order["number"], case["subject"])
        self.assertIn("on_time", case["subject"])
        self.assertIn("in_full", case["subject"])
        self.assertNotIn("damage_free", case["subject"])
        self.assertEqual(case["priority"], "high")
        self.assertTrue(resp.header("Location").endswith(f"/api/v1/cases/{case['id']}"))
        # The rest arrives: the order is delivered and its survey is issued, once.
        self.deliver(order, [{"line_id": line, "delivered_quantity": 1}], "2024-05-13T09:00:00Z")
        surveys = [s for s in self.surveys_of(c["id"]) if s["source_kind"] == "order"]
        self.assertEqual(len(surveys), 1, surveys)
        self.assertEqual(str(surveys[0]["source_id"]), str(order["id"]))
        # The customer 360 lists the order.
        c360 = self.assertStatus(get(f"/api/v1/customers/{quote_id(c['id'])}/360",
                                     role="agent"), 200).json
        self.assertIn(order["number"], [o["number"] for o in c360["orders"]])

    def test_a_perfect_or_undelivered_line_opens_no_case(self):
        c = self.create_customer({"kind": "person", "name": unique("Fine ")})
        p = self.create_product()
        order = self.create_order(c["id"], [{"product_id": p["id"], "quantity": 2}],
                                  ordered_at="2024-05-01T08:00:00Z", promised_date="2024-05-10")
        line = order["lines"][0]["id"]
        url = f"/api/v1/orders/{quote_id(order['id'])}/cases"
        before = self.write_marks()
        self.assertProblem(post(url, {"order_line_id": line}, role="agent"), 422,
                           field="order_line_id")
        self.deliver(order, [{"line_id": line, "delivered_quantity": 2}], "2024-05-09T09:00:00Z")
        before = self.write_marks()
        self.assertProblem(post(url, {"order_line_id": line}, role="agent"), 422,
                           field="order_line_id")
        self.assertProblem(post(url, {"order_line_id": 999999999}, role="agent"), 422,
                           field="order_line_id")
        self.assertProblem(post(url, {}, role="agent"), 422, field="order_line_id")
        self.assertNothingWritten(before)
        self.assertProblem(post(url, {"order_line_id": line}, role="customer"), 404)

    def test_value_run_rejects_a_negative_cost_to_serve(self):
        self.assertProblem(post("/api/v1/analysis/runs", {"kind": "value", "cost_per_case": -1},
                                role="analyst"), 422, field="cost_per_case")
