"""Cases: workflow and transition rules, notes, timeline, screen pop (lookup by case
number, POST /calls), returns, service metrics on a hand-made set, portal isolation."""

from __future__ import annotations

import random

from support import STATE, ApiTestCase, get, patch, post, query, quote_id, unique


def case_path(cid) -> str:
    return f"/api/v1/cases/{quote_id(cid)}"


class CaseHelpers(ApiTestCase):
    def new_customer(self, **extra) -> dict:
        return self.create_customer({"kind": "person", "name": unique("Case "), **extra})

    def open_case(self, customer_id, role: str = "agent", **fields) -> dict:
        body = {"customer_id": customer_id, "subject": "Sewing machine jams",
                "category": "technical_support", "channel": "phone", **fields}
        resp = self.assertStatus(post("/api/v1/cases", body, role=role), 201)
        self.assertTrue(resp.etag)
        return resp.json

    def move(self, case: dict, status: str, role: str = "agent", **extra) -> dict:
        got = self.assertStatus(get(case_path(case["id"]), role=role), 200)
        resp = patch(case_path(case["id"]), {"status": status, **extra}, role=role,
                     headers={"If-Match": got.etag})
        self.assertStatus(resp, 200)
        self.assertEqual(resp.json["status"], status)
        return resp.json

    def note(self, case: dict, body: str, visibility: str = "internal", role: str = "agent",
             **extra):
        return post(case_path(case["id"]) + "/notes",
                    {"body": body, "visibility": visibility, **extra}, role=role)


class CaseWorkflowTest(CaseHelpers):
    def test_create_number_and_fields(self):
        c = self.new_customer()
        case = self.open_case(c["id"], queue="hangzhou", priority="high", serial="SN-1",
                              order_id=12, order_line_id=34)
        self.assertRegex(case["number"], r"^CS-\d{6,}$")
        self.assertEqual(case["status"], "new")
        self.assertEqual(case["priority"], "high")
        self.assertEqual(case["order_line_id"], 34)
        self.assertIn("sla", case)
        bad = post("/api/v1/cases", {"customer_id": c["id"], "subject": "x",
                                      "category": "weather", "channel": "pigeon"}, role="agent")
        body = self.assertProblem(bad, 422)
        fields = {e["field"] for e in body["errors"]}
        self.assertTrue({"category", "channel"} <= fields, body)
        self.assertProblem(post("/api/v1/cases", {"customer_id": 999999999, "subject": "x",
                                                  "category": "other", "channel": "web"},
                                role="agent"), 404)

    def test_idempotent_create(self):
        c = self.new_customer()
        key = unique("idem")
        body = {"customer_id": c["id"], "subject": "Duplicate?", "category": "billing",
                "channel": "email"}
        first = self.assertStatus(post("/api/v1/cases", body, role="agent",
                                       headers={"Idempotency-Key": key}), 201)
        again = self.assertStatus(post("/api/v1/cases", body, role="agent",
                                       headers={"Idempotency-Key": key}), 200)
        self.assertEqual(again.json["id"], first.json["id"])
        self.assertProblem(post("/api/v1/cases", dict(body, subject="Other"), role="agent",
                                headers={"Idempotency-Key": key}), 422)
        listed = self.assertStatus(get("/api/v1/cases?" + query(
            {"filter[customer_id]": c["id"]}), role="agent"), 200).json["data"]
        self.assertEqual(len(listed), 1)

    def test_transition_rules_and_change_log(self):
        c = self.new_customer()
        case = self.open_case(c["id"])
        got = self.assertStatus(get(case_path(case["id"]), role="agent"), 200)
        before = self.write_marks()
        bad = patch(case_path(case["id"]), {"status": "resolved"}, role="agent",
                    headers={"If-Match": got.etag})
        self.assertProblem(bad, 422, field="status", mention="'new'")
        self.assertIn("resolved", bad.json["detail"] if "detail" in bad.json else str(bad.json))
        self.assertNothingWritten(before, "by a refused transition")
        self.assertEqual(self.assertStatus(get(case_path(case["id"]), role="agent"), 200)
                         .json["status"], "new")
        # Stale If-Match, and none at all.
        self.assertProblem(patch(case_path(case["id"]), {"status": "open"}, role="agent"), 428)
        self.move(case, "open")
        self.assertProblem(patch(case_path(case["id"]), {"status": "pending_customer"},
                                 role="agent", headers={"If-Match": got.etag}), 412)
        self.move(case, "pending_customer")
        self.move(case, "open")
        self.move(case, "resolved")
        self.move(case, "closed")
        reopened = self.move(case, "open")
        self.assertEqual(reopened["reopen_count"], 1)
        self.assertIsNone(reopened["resolved_at"])
        self.move(case, "resolved")
        closed = self.move(case, "closed")
        got = self.assertStatus(get(case_path(case["id"]), role="agent"), 200)
        self.assertProblem(patch(case_path(case["id"]), {"status": "pending_customer"},
                                 role="agent", headers={"If-Match": got.etag}),
                           422, field="status", mention="'closed'")
        self.assertEqual(closed["reopen_count"], 1)
        audit = self.assertStatus(get("/api/v1/audit?" + query(
            {"filter[entity]": "case", "limit": 50}), role="admin"), 200).json["data"]
        moves = [a for a in audit if str(a.get("entity_id")) == str(case["id"])
                 and a.get("op") == "transition"]
        self.assertEqual(len(moves), 8, audit[:3])
        updates = [a for a in audit if str(a.get("entity_id")) == str(case["id"])
                   and a.get("op") == "update"]
        self.assertEqual(updates, [], "a status change alone is not a field update")

    def test_list_filters_and_pagination(self):
        c = self.new_customer()
        q = unique("q")
        ids = [self.open_case(c["id"], queue=q, category=cat)["id"]
               for cat in ("billing", "billing", "complaint")]
        listed = self.assertStatus(get("/api/v1/cases?" + query(
            {"filter[queue]": q, "filter[category]": "billing"}), role="agent"), 200).json
        self.assertEqual([x["id"] for x in listed["data"]], [ids[1], ids[0]])
        seen, cursor = [], None
        for _ in range(5):
            params = {"filter[queue]": q, "limit": 2}
            if cursor:
                params["cursor"] = cursor
            page = self.assertStatus(get("/api/v1/cases?" + query(params), role="agent"),
                                     200).json
            seen += [x["id"] for x in page["data"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        self.assertEqual(seen, list(reversed(ids)))
        self.assertProblem(get("/api/v1/cases?cursor=garbage", role="agent"), 400)

    def test_timeline_and_360(self):
        c = self.new_customer()
        case = self.open_case(c["id"], subject="Needle broke")
        tl = self.assertStatus(get("/api/v1/interactions?" + query(
            {"filter[customer_id]": c["id"]}), role="agent"), 200).json["data"]
        rows = [i for i in tl if i["type"] == "case"]
        self.assertEqual(len(rows), 1, tl)
        self.assertIn(case["number"], rows[0]["subject"])
        self.assertEqual(rows[0]["links"], [{"entity": "case", "id": case["id"]}])
        view = self.assertStatus(get(f"/api/v1/customers/{quote_id(c['id'])}/360",
                                     role="agent"), 200).json
        self.assertEqual([x["id"] for x in view["cases"]], [case["id"]])
        self.move(case, "open")
        self.move(case, "resolved")
        view = self.assertStatus(get(f"/api/v1/customers/{quote_id(c['id'])}/360",
                                     role="agent"), 200).json
        self.assertEqual(view["cases"], [], "the 360 lists open cases")

    def test_first_response_from_customer_visible_staff_note(self):
        c = self.new_customer()
        case = self.open_case(c["id"])
        self.assertStatus(self.note(case, "checked the logs"), 201)
        self.assertIsNone(self.assertStatus(get(case_path(case["id"]), role="agent"), 200)
                          .json["first_response_at"])
        self.assertStatus(self.note(case, "We are sending a technician", "customer"), 201)
        got = self.assertStatus(get(case_path(case["id"]), role="agent"), 200).json
        self.assertIsNotNone(got["first_response_at"])
        self.assertEqual([n["visibility"] for n in got["notes"]], ["internal", "customer"])
        self.assertProblem(self.note(case, "x", "public"), 422, field="visibility")


class ScreenPopTest(CaseHelpers):
    def test_lookup_by_case_number(self):
        c = self.new_customer()
        case = self.open_case(c["id"])
        for q in (case["number"], case["number"].lower()):
            hits = self.assertStatus(get("/api/v1/lookup?" + query({"q": q}), role="agent"),
                                     200).json["data"]
            self.assertEqual([(h["id"], h["matched_by"]) for h in hits][:1],
                             [(c["id"], "case_number")], hits)

    def test_call_matched_and_unmatched(self):
        digits = "".join(random.choice("0123456789") for _ in range(8))
        c = self.new_customer(phones=[f"+86 571 {digits}"])
        case = self.open_case(c["id"])
        agent_id = STATE.users["agent"].get("id")
        resp = self.assertStatus(post("/api/v1/calls", {
            "caller_number": f"0571{digits}", "queue": "hotline", "agent_id": agent_id},
            role="agent"), 201)
        out = resp.json
        self.assertTrue(out["matched"], out)
        self.assertEqual(out["customer"]["customer"]["id"], c["id"])
        self.assertEqual([x["id"] for x in out["open_cases"]], [case["id"]])
        self.assertEqual(out["call"]["queue"], "hotline")
        tl = self.assertStatus(get("/api/v1/interactions?" + query(
            {"filter[customer_id]": c["id"]}), role="agent"), 200).json["data"]
        calls = [i for i in tl if i["type"] == "call"]
        self.assertEqual(calls[0]["links"], [{"entity": "call", "id": out["call"]["id"]}])
        none = self.assertStatus(post("/api/v1/calls", {"caller_number": "+1 555 0100 999"},
                                      role="agent"), 201).json
        self.assertFalse(none["matched"])
        self.assertIsNone(none["customer"])
        self.assertProblem(post("/api/v1/calls", {"caller_number": "abc"}, role="agent"), 422,
                           field="caller_number")
        self.assertProblem(post("/api/v1/calls", {"caller_number": "123"}, role="customer"), 403)


class ReturnsTest(CaseHelpers):
    def test_return_workflow(self):
        c = self.new_customer()
        case = self.open_case(c["id"], category="return_claim")
        resp = self.assertStatus(post("/api/v1/returns", {
            "customer_id": c["id"], "case_id": case["id"], "order_line_id": 77,
            "reason": "torn seam", "quantity": 2,
            "amount": {"amount": "120.00", "currency": "USD"}}, role="agent"), 201)
        ret = resp.json
        self.assertEqual(ret["status"], "requested")
        path = f"/api/v1/returns/{quote_id(ret['id'])}"
        self.assertProblem(patch(path, {"status": "approved"}, role="agent",
                                 headers={"If-Match": resp.etag}), 422, field="decision")
        self.assertProblem(patch(path, {"status": "completed"}, role="agent",
                                 headers={"If-Match": resp.etag}), 422, field="status")
        ok = self.assertStatus(patch(path, {"status": "approved", "decision": "replace"},
                                     role="agent", headers={"If-Match": resp.etag}), 200)
        done = self.assertStatus(patch(path, {"status": "completed"}, role="agent",
                                       headers={"If-Match": ok.etag}), 200).json
        self.assertEqual((done["status"], done["decision"]), ("completed", "replace"))
        listed = self.assertStatus(get("/api/v1/returns?" + query(
            {"filter[case_id]": case["id"]}), role="agent"), 200).json["data"]
        self.assertEqual([x["id"] for x in listed], [ret["id"]])
        self.assertProblem(post("/api/v1/returns", {"customer_id": c["id"], "reason": "x",
                                                    "quantity": 0}, role="agent"),
                           422, field="quantity")


class PortalCasesTest(CaseHelpers):
    def test_portal_sees_only_its_cases_and_no_internal_notes(self):
        mine = self.assertStatus(post("/api/v1/cases", {
            "subject": "Where is my order?", "category": "order_delivery_problem"},
            role="customer"), 201).json
        self.assertEqual(mine["customer_id"], STATE.portal_customer_id)
        self.assertEqual(mine["channel"], "web")
        self.assertStatus(self.note(mine, "customer is a reseller"), 201)
        self.assertStatus(self.note(mine, "It ships tomorrow", "customer"), 201)
        got = self.assertStatus(get(case_path(mine["id"]), role="customer"), 200).json
        self.assertEqual([n["body"] for n in got["notes"]], ["It ships tomorrow"])
        self.assertIn("sla", got)
        notes = self.assertStatus(get(case_path(mine["id"]) + "/notes", role="customer"),
                                  200).json["data"]
        self.assertNotIn("internal", [n["visibility"] for n in notes])
        reply = self.assertStatus(post(case_path(mine["id"]) + "/notes",
                                       {"body": "Thanks!"}, role="customer"), 201).json
        self.assertEqual((reply["visibility"], reply["author_kind"]), ("customer", "customer"))
        self.assertProblem(post(case_path(mine["id"]) + "/notes",
                                {"body": "x", "visibility": "internal"}, role="customer"), 422)

        theirs = self.open_case(STATE.other_customer_id)
        self.assertProblem(get(case_path(theirs["id"]), role="customer"), 404)
        self.assertProblem(get(case_path(theirs["id"]) + "/notes", role="customer"), 404)
        self.assertProblem(post(case_path(theirs["id"]) + "/notes", {"body": "hi"},
                                role="customer"), 404)
        self.assertProblem(patch(case_path(theirs["id"]), {"subject": "x"}, role="customer",
                                 headers={"If-Match": '"1"'}), 404)
        self.assertProblem(get("/api/v1/cases?" + query(
            {"filter[customer_id]": STATE.other_customer_id}), role="customer"), 404)
        listed = self.assertStatus(get("/api/v1/cases?limit=500", role="customer"), 200).json
        self.assertTrue(listed["data"])
        self.assertEqual({x["customer_id"] for x in listed["data"]},
                         {STATE.portal_customer_id})
        self.assertProblem(post("/api/v1/cases", {
            "customer_id": STATE.other_customer_id, "subject": "x", "category": "other"},
            role="customer"), 404)

    def test_portal_reply_reopens_pending_case(self):
        mine = self.open_case(STATE.portal_customer_id)
        self.move(mine, "open")
        self.move(mine, "pending_customer")
        self.assertStatus(post(case_path(mine["id"]) + "/notes", {"body": "photo attached"},
                               role="customer"), 201)
        self.assertEqual(self.assertStatus(get(case_path(mine["id"]), role="agent"), 200)
                         .json["status"], "open")


class ServiceMetricsTest(CaseHelpers):
    """A hand-made set in January 2024 in a queue of its own:

    case  customer opened      first reply  resolved           notes
    1     X        01-02 00:00 +1 h         +5 h               FCR
    2     Y        01-03 00:00 +2 h         +10 h, reopened +11 h, resolved +20 h
    3     Z        01-05 00:00 +3 h         +4 h               follow-up case 4 on 01-08
    4     Z        01-08 00:00 +4 h         open
    5     W        01-10 00:00 none         +30 h              FCR
    First response hours [1, 2, 3, 4]: mean 2.5, nearest-rank p90 = 4.
    Resolution hours [5, 20, 4, 30]: mean 14.75, p90 = 30 (rank ⌈0.9·4⌉ = 4).
    FCR with 7 days: cases 1 and 5 of 4 resolved = 50 %; with 2 days case 3 also = 75 %.
    """

    @classmethod
    def setUpClass(cls):
        cls.queue = unique("mq")

    def at(self, day: int, hour: int) -> str:
        return f"2024-01-{day + hour // 24:02d}T{hour % 24:02d}:00:00Z"

    def make(self, customer, day, reply_h, steps):
        case = self.open_case(customer, queue=self.queue, opened_at=self.at(day, 0))
        self.move(case, "open", at=self.at(day, 0))
        if reply_h is not None:
            self.assertStatus(self.note(case, "reply", "customer", at=self.at(day, reply_h)),
                              201)
        for status, hour in steps:
            self.move(case, status, at=self.at(day, hour))
        return case

    def test_hand_made_set(self):
        x, y, z, w = (self.new_customer()["id"] for _ in range(4))
        self.make(x, 2, 1, [("resolved", 5)])
        self.make(y, 3, 2, [("resolved", 10), ("open", 11), ("resolved", 20)])
        self.make(z, 5, 3, [("resolved", 4)])
        self.make(z, 8, 4, [])
        self.make(w, 10, None, [("resolved", 30)])
        params = {"from": "2024-01-01T00:00:00Z", "to": "2024-02-01T00:00:00Z",
                  "queue": self.queue}
        m = self.assertStatus(get("/api/v1/service/metrics?" + query(params), role="manager"),
                              200).json
        o = m["overall"]
        self.assertEqual(o["volume"], 5)
        self.assertEqual(o["resolved"], 4)
        self.assertAlmostEqual(o["first_response_hours"]["mean"], 2.5)
        self.assertAlmostEqual(o["first_response_hours"]["p90"], 4)
        self.assertAlmostEqual(o["resolution_hours"]["mean"], 14.75)
        self.assertAlmostEqual(o["resolution_hours"]["p90"], 30)
        self.assertEqual(o["fcr"]["count"], 2)
        self.assertAlmostEqual(o["fcr"]["rate"], 50.0)
        self.assertEqual(m["percentile_method"], "nearest-rank")
        # Attainment counts the cases the SLA state has a verdict for.
        self.assertEqual(o["sla"]["resolution_measured"], 4, o["sla"])
        self.assertEqual(o["sla"]["first_response_measured"], 4, o["sla"])
        m2 = self.assertStatus(get("/api/v1/service/metrics?" + query(
            {**params, "fcr_days": 2}), role="manager"), 200).json
        self.assertAlmostEqual(m2["overall"]["fcr"]["rate"], 75.0)
        by_month = self.assertStatus(get("/api/v1/service/metrics?" + query(
            {**params, "group_by": "month"}), role="manager"), 200).json["groups"]
        self.assertEqual([(g["key"], g["volume"]) for g in by_month], [("2024-01", 5)])
        self.assertEqual(m["backlog"]["open"], 1)
        self.assertEqual(m["backlog"]["by_age"]["gt_30d"], 1)
        self.assertProblem(get("/api/v1/service/metrics?group_by=colour", role="manager"), 400)
        self.assertProblem(get("/api/v1/service/metrics?from=yesterday", role="manager"), 400)
        self.assertProblem(get("/api/v1/service/metrics", role="customer"), 403)
