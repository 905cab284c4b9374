"""Contacts, interactions, purchases (and the stats they keep), and the customer 360."""

from __future__ import annotations

from support import ApiTestCase, instant, delete, get, patch, post, query, quote_id, unique


def cpath(cid) -> str:
    return f"/api/v1/customers/{quote_id(cid)}"


class ContactsTest(ApiTestCase):
    def test_contact_lifecycle(self):
        c = self.create_customer({"kind": "organization", "name": unique("Ct ")})
        resp = post(cpath(c["id"]) + "/contacts", {
            "name": "Zhou Min", "title": "Buyer", "email": "zhou.min@example.com",
            "phone": "+86 571 8000 1111", "is_primary": True}, role="admin")
        self.assertStatus(resp, 201)
        ct = resp.json
        self.assertEqual(str(ct["customer_id"]), str(c["id"]))
        self.assertEqual(ct["is_primary"], True)
        self.assertTrue(resp.etag)
        listed = self.assertStatus(get(cpath(c["id"]) + "/contacts", role="admin"), 200)
        self.assertEqual([x["id"] for x in listed.json["data"]], [ct["id"]])

        path = f"/api/v1/contacts/{quote_id(ct['id'])}"
        got = self.assertStatus(get(path, role="admin"), 200)
        self.assertProblem(patch(path, {"title": "Head buyer"}, role="admin"), 428)
        upd = self.assertStatus(patch(path, {"title": "Head buyer"}, role="admin",
                                      headers={"If-Match": got.etag}), 200)
        self.assertEqual(upd.json["title"], "Head buyer")
        self.assertProblem(patch(path, {"title": "Stale"}, role="admin",
                                 headers={"If-Match": got.etag}), 412)
        self.assertProblem(post(cpath(c["id"]) + "/contacts", {"name": "X", "email": "bad"},
                                role="admin"), 422, field="email")
        self.assertStatus(delete(path, role="admin"), 200, 204)
        listed = self.assertStatus(get(cpath(c["id"]) + "/contacts", role="admin"), 200)
        self.assertNotIn(ct["id"], [x["id"] for x in listed.json["data"]])

    def test_contacts_of_unknown_customer_is_404(self):
        self.assertProblem(get(cpath("999999999") + "/contacts", role="admin"), 404)


class InteractionsTest(ApiTestCase):
    def test_create_list_and_validate(self):
        c = self.create_customer({"kind": "person", "name": unique("Ia ")})
        body = {"customer_id": c["id"], "type": "complaint", "direction": "inbound",
                "channel": "phone", "occurred_at": "2024-03-05T09:30:00Z",
                "subject": "Torn seam", "body": "Jacket seam tore after one wash",
                "links": []}
        resp = self.assertStatus(post("/api/v1/interactions", body, role="agent"), 201)
        ia = resp.json
        for key in ("id", "customer_id", "type", "direction", "channel", "occurred_at",
                    "subject", "body", "links"):
            self.assertIn(key, ia)
        self.assertEqual(ia["type"], "complaint")
        self.assertSameInstant(ia["occurred_at"], "2024-03-05T09:30:00Z")
        listed = self.assertStatus(get("/api/v1/interactions?" + query(
            {"filter[customer_id]": c["id"]}), role="agent"), 200)
        self.assertEqual([x["id"] for x in listed.json["data"]], [ia["id"]])

        before = self.write_marks()
        for field, value in (("type", "telepathy"), ("direction", "sideways"),
                             ("channel", "pigeon"), ("occurred_at", "yesterday")):
            bad = dict(body, **{field: value})
            self.assertProblem(post("/api/v1/interactions", bad, role="agent"), 422,
                               field=field)
        self.assertProblem(post("/api/v1/interactions", dict(body, customer_id="999999999"),
                                role="agent"), (404, 422))
        self.assertNothingWritten(before, "(invalid interactions)")


class PurchasesAndStatsTest(ApiTestCase):
    def test_purchases_update_customer_stats(self):
        c = self.create_customer({"kind": "person", "name": unique("Pu ")})
        self.assertEqual(c["stats"].get("purchase_count"), 0)
        rows = [("2023-11-11T12:00:00Z", "120.00", "50.00", 2),
                ("2024-01-20T08:15:00Z", "80.50", "30.25", 1),
                ("2023-06-01T00:00:00Z", "19.50", "9.75", 3)]
        for at, rev, cost, qty in rows:
            resp = post("/api/v1/purchases", {
                "customer_id": c["id"], "occurred_at": at, "sku": "SKU-" + rev,
                "product": "Silk scarf", "quantity": qty,
                "revenue": {"amount": rev, "currency": "CNY"},
                "cost": {"amount": cost, "currency": "CNY"}, "order_ref": unique("ORD-")},
                role="admin")
            self.assertStatus(resp, 201)
            self.assertEqual(resp.json["revenue"], {"amount": rev, "currency": "CNY"})
        got = self.assertStatus(self.get_customer(c["id"]), 200).json
        stats = got["stats"]
        self.assertEqual(stats["purchase_count"], 3)
        self.assertEqual(stats["revenue_total"], {"amount": "220.00", "currency": "CNY"})
        self.assertEqual(stats["cost_total"], {"amount": "90.00", "currency": "CNY"})
        self.assertSameInstant(stats["first_purchase_at"], "2023-06-01T00:00:00Z")
        self.assertSameInstant(stats["last_purchase_at"], "2024-01-20T08:15:00Z")

        listed = self.assertStatus(get("/api/v1/purchases?" + query(
            {"filter[customer_id]": c["id"]}), role="analyst"), 200)
        self.assertEqual(len(listed.json["data"]), 3)

        # The aggregates are filterable and sortable list fields.
        rows = self.list_all([("filter[id]", c["id"]), ("filter[purchase_count][gte]", 3),
                              ("filter[revenue_total][gt]", "200"),
                              ("filter[last_purchase_at][gte]", "2024-01-01T00:00:00Z")])
        self.assertEqual([r["id"] for r in rows], [c["id"]])

    def test_invalid_purchase_is_422(self):
        c = self.create_customer({"kind": "person", "name": unique("PuBad ")})
        before = self.write_marks()
        self.assertProblem(post("/api/v1/purchases", {
            "customer_id": c["id"], "occurred_at": "2024-01-01T00:00:00Z", "sku": "X",
            "product": "X", "quantity": 1, "revenue": {"amount": "ten", "currency": "CNY"},
            "cost": {"amount": "1.00", "currency": "CNY"}}, role="admin"), 422,
            mention="revenue")
        self.assertNothingWritten(before, "(invalid purchase)")
        got = self.get_customer(c["id"]).json
        self.assertEqual(got["stats"]["purchase_count"], 0)


class Customer360Test(ApiTestCase):
    def test_360_gathers_profile_activity_and_stats(self):
        c = self.create_customer({"kind": "organization", "name": unique("Tsx "),
                                  "phones": ["+86 571 8123 4567"]})
        self.assertStatus(post(cpath(c["id"]) + "/contacts", {"name": "Sun Li"},
                               role="admin"), 201)
        for i in range(22):
            self.assertStatus(post("/api/v1/interactions", {
                "customer_id": c["id"], "type": "call", "direction": "outbound",
                "channel": "phone", "occurred_at": f"2024-02-{(i % 28) + 1:02d}T10:00:00Z",
                "subject": f"call {i}"}, role="admin"), 201)
        self.assertStatus(post("/api/v1/purchases", {
            "customer_id": c["id"], "occurred_at": "2024-02-10T10:00:00Z", "sku": "S1",
            "product": "Shirt", "quantity": 1, "revenue": {"amount": "99.00", "currency": "CNY"},
            "cost": {"amount": "40.00", "currency": "CNY"}}, role="admin"), 201)

        v = self.assertStatus(get(cpath(c["id"]) + "/360", role="admin"), 200).json
        for key in ("customer", "contacts", "interactions", "purchases", "stats", "scores",
                    "cases", "orders"):
            self.assertIn(key, v)
        self.assertEqual(v["customer"]["id"], c["id"])
        self.assertEqual(len(v["contacts"]), 1)
        self.assertEqual(len(v["interactions"]), 20, "the latest 20 interactions")
        times = [instant(x["occurred_at"]) for x in v["interactions"]]
        self.assertEqual(times, sorted(times, reverse=True), "newest first")
        self.assertEqual(len(v["purchases"]), 1)
        self.assertEqual(v["stats"]["purchase_count"], 1)
        self.assertEqual(v["cases"], [])
        self.assertEqual(v["orders"], [])

    def test_360_of_unknown_is_404(self):
        self.assertProblem(get(cpath("999999999") + "/360", role="admin"), 404)
