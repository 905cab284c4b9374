"""Invoices, payments, credit notes, credit limits, ageing buckets, the collection list,
the ERP invoice batch and portal isolation."""

from __future__ import annotations

from support import STATE, ApiTestCase, get, post, query, request, unique


def put(path: str, body=None, **kw):
    return request("PUT", path, body=body, **kw)


def usd(amount: str) -> dict:
    return {"amount": amount, "currency": "USD"}


class ReceivablesTest(ApiTestCase):
    def invoice(self, customer_id, amount: str, issued: str, due: str, role="admin") -> dict:
        body = {"customer_id": customer_id, "currency": "USD", "issued_at": issued,
                "due_at": due, "lines": [{"description": "Shirts", "quantity": 1,
                                          "unit_price": amount}]}
        resp = self.assertStatus(post("/api/v1/invoices", body, role=role), 201)
        return resp.json

    def test_invoice_numbering_payments_and_credit_notes(self):
        c = self.create_customer({"kind": "organization", "name": unique("Inv ")})
        inv = self.assertStatus(post("/api/v1/invoices", {
            "customer_id": c["id"], "currency": "USD", "issued_at": "2030-01-01",
            "lines": [{"description": "Oxford shirt", "quantity": 3, "unit_price": "40.00"},
                      {"description": "Silk tie", "quantity": 2, "unit_price": "15.50"}]},
            role="admin"), 201).json
        self.assertRegex(inv["number"], r"^INV-\d{6,}$")
        self.assertEqual(inv["total"], usd("151.00"))
        self.assertEqual(inv["balance"], usd("151.00"))
        self.assertSameInstant(inv["due_at"], "2030-01-31T00:00:00Z")  # 30 days' terms
        path = f"/api/v1/invoices/{inv['id']}"
        paid = self.assertStatus(post(path + "/payments", {"amount": usd("100.00"),
                                                           "paid_at": "2030-01-10"},
                                      role="admin", headers={"Idempotency-Key": unique()}),
                                 201).json
        self.assertEqual(paid["balance"], usd("51.00"))
        self.assertEqual(paid["status"], "open")
        credited = self.assertStatus(post(path + "/credit-notes", {
            "amount": usd("11.00"), "reason": "one tie damaged"}, role="admin"), 201).json
        self.assertEqual(credited["balance"], usd("40.00"))
        self.assertProblem(post(path + "/credit-notes", {"amount": usd("1.00")}, role="admin"),
                           422, field="reason")
        key = unique("pay-")
        done = self.assertStatus(post(path + "/payments", {"amount": usd("40.00")}, role="admin",
                                      headers={"Idempotency-Key": key}), 201).json
        self.assertEqual((done["balance"], done["status"]), (usd("0.00"), "paid"))
        # A retry with the same key replays the answer and pays nothing twice.
        again = self.assertStatus(post(path + "/payments", {"amount": usd("40.00")},
                                       role="admin", headers={"Idempotency-Key": key}), 201)
        self.assertEqual(len(again.json["payments"]), 2)
        got = self.assertStatus(get(path, role="admin"), 200).json
        self.assertEqual(len(got["payments"]), 2)
        self.assertEqual(len(got["credit_notes"]), 1)
        self.assertEqual(self.assertStatus(get(path, role="sales"), 200).json["id"], inv["id"])
        self.assertProblem(post(path + "/payments", {"amount": usd("1.00")}, role="sales"), 403)

    def test_payment_larger_than_balance_is_rejected_and_nothing_written(self):
        c = self.create_customer({"kind": "organization", "name": unique("Over ")})
        inv = self.invoice(c["id"], "100.00", "2030-02-01", "2030-03-01")
        path = f"/api/v1/invoices/{inv['id']}"
        self.assertStatus(post(path + "/payments", {"amount": usd("30.00")}, role="admin"), 201)
        before = self.write_marks()
        self.assertProblem(post(path + "/payments", {"amount": usd("70.01")}, role="admin"),
                           422, field="amount", mention="70.00")
        self.assertProblem(post(path + "/payments", {"amount": usd("-1.00")}, role="admin"),
                           422, field="amount")
        self.assertProblem(post(path + "/payments", {"amount": {"amount": "5.00",
                                                                "currency": "EUR"}},
                                role="admin"), 422, field="amount")
        self.assertProblem(post(path + "/credit-notes", {"amount": usd("80.00"),
                                                         "reason": "x"}, role="admin"),
                           422, field="amount")
        self.assertNothingWritten(before, "(payment over the balance)")
        got = self.assertStatus(get(path, role="admin"), 200).json
        self.assertEqual(got["balance"], usd("70.00"))
        self.assertEqual(len(got["payments"]), 1)
        self.assertProblem(post("/api/v1/invoices/999999999/payments", {"amount": usd("1.00")},
                                role="admin"), 404)

    def test_ageing_buckets_on_a_hand_made_set(self):
        c = self.create_customer({"kind": "organization", "name": unique("Age ")})
        cid = c["id"]
        as_of = "2031-06-30"
        # Days past due on 2031-06-30: not due, 1, 30, 31, 60, 61, 90, 91, 200.
        self.invoice(cid, "10.00", "2031-06-01", "2031-07-15")   # current
        self.invoice(cid, "20.00", "2031-05-01", "2031-06-29")   # 1
        self.invoice(cid, "30.00", "2031-05-01", "2031-05-31")   # 30
        self.invoice(cid, "40.00", "2031-04-01", "2031-05-30")   # 31
        self.invoice(cid, "50.00", "2031-04-01", "2031-05-01")   # 60
        self.invoice(cid, "60.00", "2031-03-01", "2031-04-30")   # 61
        self.invoice(cid, "70.00", "2031-03-01", "2031-04-01")   # 90
        self.invoice(cid, "80.00", "2031-01-01", "2031-03-31")   # 91
        part = self.invoice(cid, "500.00", "2030-12-01", "2030-12-12")  # 200, part paid
        self.assertStatus(post(f"/api/v1/invoices/{part['id']}/payments", {
            "amount": usd("400.00"), "paid_at": "2031-01-05"}, role="admin"), 201)
        # Paid after as_of: still open on that date.
        later = self.invoice(cid, "5.00", "2031-06-01", "2031-06-10")   # 20
        self.assertStatus(post(f"/api/v1/invoices/{later['id']}/payments", {
            "amount": usd("5.00"), "paid_at": "2031-07-02"}, role="admin"), 201)
        # Issued after as_of: not in the report.
        self.invoice(cid, "999.00", "2031-07-01", "2031-07-31")
        resp = self.assertStatus(get("/api/v1/receivables/ageing?" + query(
            {"as_of": as_of, "filter[customer_id]": cid}), role="manager"), 200).json
        self.assertEqual(resp["as_of"], as_of)
        [row] = resp["customers"]
        self.assertEqual(row["customer_id"], cid)
        self.assertEqual((row["current"], row["1_30"], row["31_60"], row["61_90"],
                          row["90_plus"], row["total"], row["overdue"]),
                         ("10.00", "55.00", "90.00", "130.00", "180.00", "465.00", "455.00"))
        [total] = resp["totals"]
        self.assertEqual(total["total"], "465.00")
        # The portal customer's balance and the collection list on the same date.
        coll = self.assertStatus(get("/api/v1/receivables/collection?" + query(
            {"as_of": as_of, "limit": 500}), role="manager"), 200).json["data"]
        mine = [r for r in coll if r["customer_id"] == cid]
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0]["overdue"], usd("455.00"))
        self.assertEqual(mine[0]["max_days_past_due"], 200)
        amounts = [float(r["overdue"]["amount"]) for r in coll]
        self.assertEqual(amounts, sorted(amounts, reverse=True))
        self.assertProblem(get("/api/v1/receivables/ageing?as_of=June", role="admin"), 400)
        self.assertProblem(get("/api/v1/receivables/ageing", role="customer"), 403)

    def test_collection_list_orders_by_amount_then_days(self):
        a = self.create_customer({"kind": "organization", "name": unique("Ca ")})
        b = self.create_customer({"kind": "organization", "name": unique("Cb ")})
        d = self.create_customer({"kind": "organization", "name": unique("Cd ")})
        self.invoice(a["id"], "3000.00", "2032-01-01", "2032-01-10")
        self.invoice(b["id"], "3000.00", "2032-01-01", "2032-01-05")   # same amount, older
        self.invoice(d["id"], "9000.00", "2032-01-20", "2032-01-25")
        coll = self.assertStatus(get("/api/v1/receivables/collection?" + query(
            {"as_of": "2032-02-01", "limit": 500}), role="admin"), 200).json["data"]
        ids = [r["customer_id"] for r in coll
               if r["customer_id"] in (a["id"], b["id"], d["id"])]
        self.assertEqual(ids, [d["id"], b["id"], a["id"]])

    def test_credit_limit_warning(self):
        c = self.create_customer({"kind": "organization", "name": unique("Cr ")})
        path = f"/api/v1/customers/{c['id']}/credit-limit"
        self.assertIsNone(self.assertStatus(get(path, role="admin"), 200).json["credit_limit"])
        self.assertProblem(put(path, {"credit_limit": usd("-1.00")}, role="admin"), 422,
                           field="credit_limit")
        self.assertProblem(put(path, {"credit_limit": usd("100.00")}, role="sales"), 403)
        lim = self.assertStatus(put(path, {"credit_limit": usd("1000.00")}, role="manager"),
                                200).json
        self.assertEqual(lim["credit_limit"], usd("1000.00"))
        self.invoice(c["id"], "800.00", "2030-01-01", "2030-02-01")
        got = self.assertStatus(get(path + "?additional=150.00", role="sales"), 200).json
        self.assertEqual((got["exposure"], got["available"]), (usd("800.00"), usd("200.00")))
        self.assertIsNone(got["warning"])
        over = self.assertStatus(get(path + "?additional=250.00", role="sales"), 200).json
        self.assertEqual(over["warning"]["code"], "credit_limit_exceeded")
        self.assertEqual(over["warning"]["exposure"], usd("800.00"))
        self.assertProblem(get(path + "?additional=lots", role="admin"), 400)

    def test_erp_batch_upsert_with_one_bad_item(self):
        c = self.create_customer({"kind": "organization", "name": unique("Erp ")})
        x1, x2, x3 = unique("ERP-INV-"), unique("ERP-INV-"), unique("ERP-INV-")
        item = lambda ext, price: {  # noqa: E731
            "external_id": ext, "customer_id": c["id"], "currency": "USD",
            "issued_at": "2030-05-01", "due_at": "2030-05-31",
            "lines": [{"description": "Fabric", "quantity": 2, "unit_price": price}]}
        bad = item(x2, "12.00")
        bad["currency"] = "dollars"
        resp = self.assertStatus(post("/api/v1/batch/invoices", {
            "items": [item(x1, "10.00"), bad, item(x3, "5.00")]}, role="admin"), 200).json
        statuses = [r["status"] for r in resp["results"]]
        self.assertEqual(statuses, ["created", "error", "created"])
        self.assertIn("currency", str(resp["results"][1]["error"]))
        listed = self.assertStatus(get("/api/v1/invoices?" + query(
            {"filter[customer_id]": c["id"]}), role="admin"), 200).json["data"]
        self.assertEqual(sorted(i["external_id"] for i in listed), sorted([x1, x3]))
        # The same external id again updates the invoice instead of adding one.
        resp = self.assertStatus(post("/api/v1/batch/invoices", {
            "items": [item(x1, "11.00")]}, role="admin"), 200).json
        self.assertEqual(resp["results"][0]["status"], "updated")
        listed = self.assertStatus(get("/api/v1/invoices?" + query(
            {"filter[customer_id]": c["id"]}), role="admin"), 200).json["data"]
        self.assertEqual(len(listed), 2)
        self.assertIn(usd("22.00"), [i["total"] for i in listed])
        # Atomic: one bad item and nothing is written.
        x4 = unique("ERP-INV-")
        self.assertProblem(post("/api/v1/batch/invoices?atomic=true", {
            "items": [item(x4, "1.00"), bad]}, role="admin"), 422)
        listed = self.assertStatus(get("/api/v1/invoices?" + query(
            {"filter[customer_id]": c["id"]}), role="admin"), 200).json["data"]
        self.assertNotIn(x4, [i["external_id"] for i in listed])

    def test_portal_sees_only_its_own_invoices_and_balance(self):
        own = self.invoice(STATE.portal_customer_id, "75.00", "2025-01-01", "2025-01-31")
        other = self.invoice(STATE.other_customer_id, "60.00", "2025-01-01", "2025-01-31")
        self.assertStatus(get(f"/api/v1/invoices/{own['id']}", role="customer"), 200)
        self.assertProblem(get(f"/api/v1/invoices/{other['id']}", role="customer"), 404)
        listed = self.assertStatus(get("/api/v1/invoices?limit=500", role="customer"), 200)
        custs = {i["customer_id"] for i in listed.json["data"]}
        self.assertEqual(custs, {STATE.portal_customer_id})
        self.assertProblem(get("/api/v1/invoices?" + query(
            {"filter[customer_id]": STATE.other_customer_id}), role="customer"), 404)
        bal = self.assertStatus(get(f"/api/v1/customers/{STATE.portal_customer_id}/balance",
                                    role="customer"), 200).json
        self.assertIn(own["id"], [i["id"] for i in bal["open_invoices"]])
        self.assertProblem(get(f"/api/v1/customers/{STATE.other_customer_id}/balance",
                               role="customer"), 404)
        self.assertProblem(post(f"/api/v1/invoices/{own['id']}/payments",
                                {"amount": usd("1.00")}, role="customer"), 403)


class OrderInvoiceTest(ApiTestCase):
    def test_invoice_from_an_order_and_the_credit_warning_on_order_create(self):
        c = self.create_customer({"kind": "organization", "name": unique("Ord ")})
        p = self.assertStatus(post("/api/v1/products", {
            "sku": unique("SKU-"), "name": "Plain tee", "price": usd("100.00"),
            "cost": usd("40.00"), "lead_time_days": 3}, role="admin"), 201).json
        self.assertStatus(put(f"/api/v1/customers/{c['id']}/credit-limit",
                              {"credit_limit": usd("500.00")}, role="admin"), 200)
        first = self.assertStatus(post("/api/v1/orders", {
            "customer_id": c["id"], "lines": [{"product_id": p["id"], "quantity": 3}]},
            role="admin"), 201).json
        self.assertEqual(first["warnings"], [])
        inv = self.assertStatus(post(f"/api/v1/orders/{first['id']}/invoices",
                                     {"terms_days": 14}, role="admin"), 201).json
        self.assertEqual(inv["order_id"], first["id"])
        self.assertEqual(inv["customer_id"], c["id"])
        self.assertEqual(inv["balance"]["amount"], "300.00")
        self.assertEqual(len(inv["lines"]), 1)
        self.assertProblem(post(f"/api/v1/orders/{first['id']}/invoices", {}, role="admin"), 409)
        self.assertProblem(post("/api/v1/orders/999999999/invoices", {}, role="admin"), 404)
        # 300.00 open + a 300.00 order > the 500.00 limit: the order is made, with a warning.
        second = self.assertStatus(post("/api/v1/orders", {
            "customer_id": c["id"], "lines": [{"product_id": p["id"], "quantity": 3}]},
            role="admin"), 201).json
        [w] = second["warnings"]
        self.assertEqual(w["code"], "credit_limit_exceeded")
        self.assertEqual(w["exposure"], usd("300.00"))


class InvoiceInputTest(ApiTestCase):
    def test_bad_invoice_input_is_422(self):
        c = self.create_customer({"kind": "organization", "name": unique("Bad ")})
        base = {"customer_id": c["id"], "currency": "USD",
                "lines": [{"description": "x", "quantity": 1, "unit_price": "1.00"}]}
        for field, change in [
                ("lines[0].quantity", {"lines": [{"description": "x", "quantity": -2,
                                                  "unit_price": "1.00"}]}),
                ("lines[0].unit_price", {"lines": [{"description": "x", "quantity": 1,
                                                    "unit_price": "99999999999999999"}]}),
                ("currency", {"currency": "usd"}),
                ("due_at", {"issued_at": "2030-02-01", "due_at": "2030-01-01"}),
                ("lines", {"lines": []})]:
            with self.subTest(field=field):
                self.assertProblem(post("/api/v1/invoices", dict(base, **change), role="admin"),
                                   422, field=field)
