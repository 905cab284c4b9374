"""Consents with history, the data-subject export, and erasure that leaves no personal
value anywhere in the database while the sales figures stay."""

from __future__ import annotations

from organise_support import all_text_values
from support import STATE, ApiTestCase, get, patch, post, quote_id, unique


def cpath(cid) -> str:
    return f"/api/v1/customers/{quote_id(cid)}"


ALLOW = {"X-Allow-Duplicate": "true"}


class ConsentTest(ApiTestCase):
    def test_history_and_current_state(self):
        c = self.create_customer({"kind": "person", "name": unique("Cs ")}, headers=ALLOW)
        self.assertStatus(post(cpath(c["id"]) + "/consents", {
            "channel": "email", "purpose": "marketing", "status": "granted",
            "source": "web form", "occurred_at": "2024-01-01T00:00:00Z"}, role="agent"), 201)
        w = self.assertStatus(post(cpath(c["id"]) + "/consents", {
            "channel": "email", "purpose": "marketing", "status": "withdrawn",
            "source": "unsubscribe link", "occurred_at": "2024-02-01T00:00:00Z"},
            role="admin"), 201).json
        self.assertStatus(post(cpath(c["id"]) + "/consents", {
            "channel": "sms", "purpose": "service", "status": "granted"}, role="admin"), 201)
        got = self.assertStatus(get(cpath(c["id"]) + "/consents", role="admin"), 200).json
        self.assertEqual(len(got["history"]), 3)
        current = {(x["channel"], x["purpose"]): x for x in got["current"]}
        self.assertEqual(current[("email", "marketing")]["status"], "withdrawn")
        self.assertEqual(current[("email", "marketing")]["id"], w["id"])
        self.assertEqual(current[("sms", "service")]["status"], "granted")
        self.assertProblem(post(cpath(c["id"]) + "/consents", {
            "channel": "pigeon", "purpose": "marketing", "status": "maybe"}, role="admin"),
            422, field="channel")
        self.assertProblem(post(cpath(c["id"]) + "/consents", {
            "channel": "email", "purpose": "marketing", "status": "granted",
            "contact_id": 999999999}, role="admin"), 422, field="contact_id")
        self.assertProblem(get(cpath(999999999) + "/consents", role="admin"), 404)

    def test_portal_customer_reads_and_changes_only_its_own(self):
        own = cpath(STATE.portal_customer_id)
        self.assertStatus(post(own + "/consents", {
            "channel": "wechat", "purpose": "marketing", "status": "withdrawn"},
            role="customer"), 201)
        got = self.assertStatus(get(own + "/consents", role="customer"), 200).json
        self.assertIn("wechat", [x["channel"] for x in got["current"]])
        other = cpath(STATE.other_customer_id)
        self.assertProblem(get(other + "/consents", role="customer"), 404)
        self.assertProblem(post(other + "/consents", {
            "channel": "email", "purpose": "marketing", "status": "granted"},
            role="customer"), 404)
        export = self.assertStatus(get(own + "/data-export", role="customer"), 200).json
        self.assertEqual(str(export["customer"]["id"]), str(STATE.portal_customer_id))
        self.assertProblem(get(other + "/data-export", role="customer"), 404)
        self.assertProblem(post(own + "/erase", {"reason": "x"}, role="customer"), 403)


class ErasureTest(ApiTestCase):
    def _person(self, tag):
        c = self.create_customer({
            "kind": "person", "name": f"Zebulon Quixote {tag}",
            "birth_date": "1977-03-04", "gender": "male", "tax_id": f"TX{tag}",
            "emails": [{"address": f"zebulon.{tag}@example.org"}],
            "phones": [{"number": f"+49 170 {tag[-6:]}"}],
            "addresses": [{"line1": f"Geheimweg {tag}", "city": "Quedlinburg",
                           "postal_code": "06484", "country": "DE"}],
            "external_ids": [{"system": "shop", "value": f"EXT{tag}"}],
            "measurements": {"chest": 101.5},
            "notes": f"Allergic to feathers {tag}"}, headers=ALLOW)
        ct = self.assertStatus(post(cpath(c["id"]) + "/contacts", {
            "name": f"Xanthippe Quixote {tag}", "email": f"xan.{tag}@example.org",
            "phone": "+49 170 9998877", "notes": f"Wife {tag}"}, role="admin"), 201).json
        self.assertStatus(post("/api/v1/interactions", {
            "customer_id": c["id"], "contact_id": ct["id"], "type": "call",
            "direction": "inbound", "channel": "phone", "occurred_at": "2024-03-05T09:30:00Z",
            "subject": f"Secret subject {tag}", "body": f"Secret body {tag}"}, role="admin"), 201)
        for day, amount in ((1, "10.50"), (2, "20.25"), (2, "-5.00")):
            self.assertStatus(post("/api/v1/purchases", {
                "customer_id": c["id"], "occurred_at": f"2024-03-{day:02d}T10:00:00Z",
                "sku": "S", "product": "Scarf", "quantity": 1,
                "revenue": {"amount": amount, "currency": "CNY"},
                "cost": {"amount": "1.00", "currency": "CNY"}}, role="admin"), 201)
        self.assertStatus(post(cpath(c["id"]) + "/consents", {
            "channel": "email", "purpose": "marketing", "status": "granted",
            "source": f"shop checkout {tag}"}, role="admin"), 201)
        got = self.get_customer(c["id"])
        self.assertStatus(patch(cpath(c["id"]), {"notes": f"Prefers mornings {tag}"},
                                role="admin", headers={"If-Match": got.etag}), 200)
        return c, ct

    def test_data_export_holds_everything(self):
        tag = unique("")
        c, ct = self._person(tag)
        doc = self.assertStatus(get(cpath(c["id"]) + "/data-export", role="admin"), 200).json
        self.assertEqual(doc["customer"]["name"], f"Zebulon Quixote {tag}")
        self.assertEqual(doc["customer"]["birth_date"], "1977-03-04")
        rec = doc["records"]
        self.assertEqual([x["name"] for x in rec["contacts"]], [f"Xanthippe Quixote {tag}"])
        self.assertEqual(len(rec["purchases"]), 3)
        self.assertEqual(len(rec["interactions"]), 1)
        self.assertEqual(rec["interactions"][0]["body"], f"Secret body {tag}")
        self.assertEqual(len(rec["consents"]), 1)
        self.assertEqual([x["address"] for x in rec["customer_emails"]],
                         [f"zebulon.{tag}@example.org"])
        self.assertGreaterEqual(len(rec["change_log"]), 3)
        self.assertIn("customer_scores", rec)
        self.assertProblem(get(cpath(c["id"]) + "/data-export", role="analyst"), 403)

    def test_erasure_leaves_no_personal_value_and_keeps_sales(self):
        tag = unique("")
        c, ct = self._person(tag)
        before = self.get_customer(c["id"]).json
        secrets = [f"Zebulon Quixote {tag}", f"zebulon.{tag}@example.org", f"170 {tag[-6:]}",
                   f"Geheimweg {tag}", f"TX{tag}", f"EXT{tag}",
                   f"Allergic to feathers {tag}", f"Prefers mornings {tag}",
                   f"Xanthippe Quixote {tag}", f"xan.{tag}@example.org", f"Wife {tag}",
                   f"Secret subject {tag}", f"Secret body {tag}", f"shop checkout {tag}",
                   f"zebulon quixote {tag}", tag]
        values = [v.lower() for _, v in all_text_values()]
        found = [s for s in secrets if any(s.lower() in v for v in values)]
        self.assertEqual(found, secrets, "the scan sees the values before the erasure")

        self.assertProblem(post(cpath(c["id"]) + "/erase", {"reason": "GDPR art. 17"},
                                role="manager"), 403)
        self.assertProblem(post(cpath(c["id"]) + "/erase", {}, role="admin"), 422, field="reason")
        out = self.assertStatus(post(cpath(c["id"]) + "/erase",
                                     {"reason": "GDPR art. 17 request"}, role="admin"), 200).json
        self.assertEqual(out["kept"]["purchases"], 3)
        self.assertProblem(post(cpath(c["id"]) + "/erase", {"reason": "again"}, role="admin"), 409)

        leaks = [(t, s) for t, v in all_text_values() for s in secrets if s.lower() in v.lower()]
        self.assertEqual(leaks, [], "no personal value is left anywhere")
        after = self.get_customer(c["id"]).json
        self.assertEqual(after["name"], f"Erased customer #{c['id']}")
        self.assertEqual(after["emails"], [])
        self.assertIsNone(after.get("birth_date"))
        self.assertFalse(after.get("measurements"))
        self.assertEqual(after["stats"], before["stats"], "aggregate sales figures stay")
        purchases = self.assertStatus(get(f"/api/v1/purchases?filter[customer_id]={c['id']}",
                                          role="admin"), 200).json["data"]
        self.assertEqual(len(purchases), 3)
        self.assertEqual(sorted(p["revenue"]["amount"] for p in purchases),
                         sorted(["10.50", "20.25", "-5.00"]))
        hist = self.assertStatus(get(cpath(c["id"]) + "/history", role="admin"), 200).json
        self.assertEqual(hist["data"][0]["op"], "erase")
