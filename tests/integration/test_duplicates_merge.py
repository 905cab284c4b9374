"""Duplicate candidates (409 on create, the reviewable list, dismissal), merge (every
related record moves, the survivor's 360 shows the union) and undo by an admin."""

from __future__ import annotations

from support import ApiTestCase, get, post, query, quote_id, unique


def cpath(cid) -> str:
    return f"/api/v1/customers/{quote_id(cid)}"


ALLOW = {"X-Allow-Duplicate": "true"}


class DuplicateCreateTest(ApiTestCase):
    def test_same_email_is_a_409_with_candidates_unless_overridden(self):
        tag = unique("dp")
        first = self.create_customer({"kind": "person", "name": f"Dora {tag}",
                                      "emails": [{"address": f"dora.{tag}@example.com"}]},
                                     headers=ALLOW)
        body = {"kind": "person", "name": f"D. Explorer {tag}",
                "emails": [{"address": f"DORA.{tag}@Example.com"}]}
        problem = self.assertProblem(post("/api/v1/customers", body, role="admin"), 409)
        cands = problem.get("candidates")
        self.assertTrue(cands, problem)
        self.assertEqual(str(cands[0]["id"]), str(first["id"]))
        self.assertIn("email", cands[0]["reasons"])
        self.assertGreaterEqual(cands[0]["score"], 0.6)
        self.assertStatus(post("/api/v1/customers", body, role="admin", headers=ALLOW), 201)
        self.assertStatus(post("/api/v1/customers?allow_duplicate=true", body, role="admin"), 201)

    def test_same_name_at_the_same_address_is_a_409(self):
        tag = unique("")
        addr = [{"line1": "Kelterstraße 7", "city": "Tübingen", "postal_code": "72070",
                 "country": "DE"}]
        first = self.create_customer({"kind": "person", "name": f"Hannelore Quaststein {tag}",
                                      "addresses": addr}, headers=ALLOW)
        problem = self.assertProblem(post("/api/v1/customers", {
            "kind": "person", "name": f"Hannelore Quaststein {tag}", "addresses": addr},
            role="admin"), 409)
        ids = [str(c["id"]) for c in problem["candidates"]]
        self.assertIn(str(first["id"]), ids)
        self.assertIn("name", problem["candidates"][0]["reasons"])
        # A different person elsewhere is not a duplicate.
        self.create_customer({"kind": "person", "name": f"Wolfram Zettelbach {unique('')}",
                              "addresses": [{"city": "Kiel", "country": "DE"}]})


class DuplicateListTest(ApiTestCase):
    def test_list_scores_reasons_paging_and_dismissal(self):
        tag = unique("dl")
        a = self.create_customer({"kind": "organization", "name": f"Lattice {tag} GmbH",
                                  "tax_id": f"DE{tag}"}, headers=ALLOW)
        b = self.create_customer({"kind": "organization", "name": f"Lattice {tag} G.m.b.H.",
                                  "tax_id": f"de{tag}",
                                  "phones": [{"number": "+49 89 555 0101"}]}, headers=ALLOW)
        c = self.create_customer({"kind": "organization", "name": f"Other {tag}",
                                  "phones": [{"number": "0049 89 555 0101"}]}, headers=ALLOW)
        scan = self.assertStatus(post("/api/v1/duplicates/scan", role="admin"), 200).json
        self.assertGreaterEqual(scan["pairs"], 2)
        page = self.assertStatus(get("/api/v1/duplicates?" + query(
            {"filter[customer_id]": b["id"], "limit": 1}), role="admin"), 200).json
        self.assertEqual(len(page["data"]), 1)
        self.assertTrue(page["next_cursor"])
        page2 = self.assertStatus(get("/api/v1/duplicates?" + query(
            {"filter[customer_id]": b["id"], "limit": 1, "cursor": page["next_cursor"]}),
            role="admin"), 200).json
        pairs = page["data"] + page2["data"]
        self.assertEqual(len(pairs), 2)
        self.assertGreaterEqual(pairs[0]["score"], pairs[1]["score"])
        by_ids = {frozenset(str(x["id"]) for x in p["customers"]): p for p in pairs}
        ab = by_ids[frozenset((str(a["id"]), str(b["id"])))]
        self.assertIn("tax_id", ab["reasons"])
        bc = by_ids[frozenset((str(b["id"]), str(c["id"])))]
        self.assertEqual(bc["reasons"], ["phone"])
        self.assertStatus(post(f"/api/v1/duplicates/{bc['id']}/dismiss", role="manager"), 200)
        self.assertStatus(post("/api/v1/duplicates/scan", role="admin"), 200)
        page = self.assertStatus(get("/api/v1/duplicates?" + query(
            {"filter[customer_id]": c["id"]}), role="admin"), 200).json
        self.assertEqual(page["data"], [], "a dismissed pair stays dismissed")
        self.assertProblem(get("/api/v1/duplicates", role="sales"), 403)
        self.assertProblem(post("/api/v1/duplicates/999999999/dismiss", role="admin"), 404)
        self.assertProblem(get("/api/v1/duplicates?cursor=zz", role="admin"), 400)


class MergeTest(ApiTestCase):
    def _purchase(self, cid, amount, day):
        self.assertStatus(post("/api/v1/purchases", {
            "customer_id": cid, "occurred_at": f"2024-03-{day:02d}T10:00:00Z", "sku": "S",
            "product": "Scarf", "quantity": 1, "revenue": {"amount": amount, "currency": "CNY"},
            "cost": {"amount": "1.00", "currency": "CNY"}}, role="admin"), 201)

    def _setup(self):
        tag = unique("mg")
        s = self.create_customer({
            "kind": "person", "name": f"Survivor {tag}", "tags": ["vip"],
            "emails": [{"address": f"s.{tag}@example.com"}]}, headers=ALLOW)
        m1 = self.create_customer({
            "kind": "person", "name": f"Merged One {tag}", "tags": ["vip", "wholesale"],
            "emails": [{"address": f"m1.{tag}@example.com"}, {"address": f"s.{tag}@example.com"}],
            "phones": [{"number": "+86 571 8000 2222"}],
            "addresses": [{"line1": "1 West Lake Rd", "city": "Hangzhou", "country": "CN"}],
            "external_ids": [{"system": "erp", "value": f"E-{tag}"}]}, headers=ALLOW)
        m2 = self.create_customer({"kind": "person", "name": f"Merged Two {tag}"}, headers=ALLOW)
        self.assertStatus(post(cpath(m1["id"]) + "/contacts",
                               {"name": f"Assistant {tag}"}, role="admin"), 201)
        self.assertStatus(post(cpath(s["id"]) + "/contacts",
                               {"name": f"Own contact {tag}"}, role="admin"), 201)
        self.assertStatus(post("/api/v1/interactions", {
            "customer_id": m2["id"], "type": "call", "direction": "inbound", "channel": "phone",
            "occurred_at": "2024-03-05T09:30:00Z", "subject": "Hello"}, role="admin"), 201)
        self.assertStatus(post(cpath(m1["id"]) + "/consents", {
            "channel": "email", "purpose": "marketing", "status": "granted"}, role="admin"), 201)
        self._purchase(s["id"], "10.00", 1)
        self._purchase(m1["id"], "20.00", 2)
        self._purchase(m2["id"], "30.00", 2)
        return tag, s, m1, m2

    def test_merge_moves_everything_and_undo_restores(self):
        tag, s, m1, m2 = self._setup()
        before = {c["id"]: self.get_customer(c["id"]).json for c in (s, m1, m2)}
        self.assertProblem(post(cpath(s["id"]) + "/merge", {"merge_ids": [m1["id"]]},
                                role="sales"), 403)
        self.assertProblem(post(cpath(s["id"]) + "/merge", {"merge_ids": [s["id"]]},
                                role="admin"), 422, field="merge_ids")
        self.assertProblem(post(cpath(s["id"]) + "/merge", {"merge_ids": [999999999]},
                                role="admin"), 422)
        resp = self.assertStatus(post(cpath(s["id"]) + "/merge",
                                      {"merge_ids": [m1["id"], m2["id"]]}, role="manager"), 201)
        merge = resp.json
        self.assertEqual(merge["moved"]["contacts"], 1)
        self.assertEqual(merge["moved"]["purchases"], 2)
        self.assertEqual(merge["moved"]["interactions"], 1)
        self.assertEqual(merge["moved"]["consents"], 1)

        v = self.assertStatus(get(cpath(s["id"]) + "/360", role="admin"), 200).json
        self.assertEqual(sorted(c["name"] for c in v["contacts"]),
                         sorted([f"Assistant {tag}", f"Own contact {tag}"]))
        self.assertEqual(len(v["purchases"]), 3)
        self.assertEqual(len(v["interactions"]), 1)
        self.assertEqual(v["stats"]["purchase_count"], 3)
        self.assertEqual(v["stats"]["purchase_days"], 2)
        cust = v["customer"]
        self.assertEqual(sorted(e["address"] for e in cust["emails"]),
                         sorted([f"s.{tag}@example.com", f"m1.{tag}@example.com"]))
        self.assertEqual([p["number"] for p in cust["phones"]], ["+86 571 8000 2222"])
        self.assertEqual(sorted(cust["tags"]), ["vip", "wholesale"])
        self.assertEqual([x["value"] for x in cust["external_ids"]], [f"E-{tag}"])
        self.assertEqual(cust["name"], f"Survivor {tag}", "the survivor keeps its own fields")
        consents = self.assertStatus(get(cpath(s["id"]) + "/consents", role="admin"), 200).json
        self.assertEqual(len(consents["history"]), 1)

        gone = self.assertStatus(self.get_customer(m1["id"]), 200).json
        self.assertEqual(gone["status"], "merged")
        self.assertEqual(str(gone["merged_into"]), str(s["id"]))
        self.assertEqual(gone["stats"]["purchase_count"], 0)
        got = self.assertStatus(get(f"/api/v1/merges/{merge['id']}", role="admin"), 200).json
        self.assertEqual(sorted(map(str, got["merged_ids"])), sorted([str(m1["id"]), str(m2["id"])]))
        hist = self.assertStatus(get(cpath(s["id"]) + "/history", role="admin"), 200).json
        self.assertIn("merge", [e["op"] for e in hist["data"]])
        self.assertProblem(post(cpath(s["id"]) + "/merge", {"merge_ids": [m1["id"]]},
                                role="admin"), 422, mention="merged")

        self.assertProblem(post(f"/api/v1/merges/{merge['id']}/undo", role="manager"), 403)
        undo = self.assertStatus(post(f"/api/v1/merges/{merge['id']}/undo", role="admin"), 200)
        self.assertEqual(sorted(map(str, undo.json["restored_ids"])),
                         sorted([str(m1["id"]), str(m2["id"])]))
        self.assertProblem(post(f"/api/v1/merges/{merge['id']}/undo", role="admin"), 409)
        for c in (s, m1, m2):
            now = self.get_customer(c["id"]).json
            for key in ("name", "status", "emails", "phones", "addresses", "tags",
                        "external_ids", "stats"):
                self.assertEqual(now[key], before[c["id"]][key], f"{key} of {c['id']}")
        v1 = self.assertStatus(get(cpath(m1["id"]) + "/360", role="admin"), 200).json
        self.assertEqual([c["name"] for c in v1["contacts"]], [f"Assistant {tag}"])
        self.assertEqual(len(v1["purchases"]), 1)
        v2 = self.assertStatus(get(cpath(m2["id"]) + "/360", role="admin"), 200).json
        self.assertEqual(len(v2["interactions"]), 1)
        vs = self.assertStatus(get(cpath(s["id"]) + "/360", role="admin"), 200).json
        self.assertEqual(len(vs["purchases"]), 1)
        self.assertEqual(len(vs["contacts"]), 1)

    def test_unknown_merge_is_404(self):
        self.assertProblem(get("/api/v1/merges/999999999", role="admin"), 404)
        self.assertProblem(post("/api/v1/merges/999999999/undo", role="admin"), 404)
