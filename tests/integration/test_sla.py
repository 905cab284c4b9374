"""SLA calendars and policies, due times in business hours (weekend, holiday), pause while
pending customer, escalation exactly once, the volume forecast with staffing, and the
`analyze staffing` CLI contract."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess

from support import STATE, ApiTestCase, delete, get, patch, post, query, quote_id, unique

CAL = "/api/v1/service/calendars"
POL = "/api/v1/service/sla/policies"

# Europe/Berlin, split day, Christmas holidays. The default "low" policy is pointed at it
# for the duration of this module (other tests open cases with the default priority).
BERLIN = {
    "time_zone": "Europe/Berlin",
    "working_hours": {d: "09:00-12:00,13:00-17:00"
                      for d in ("monday", "tuesday", "wednesday", "thursday", "friday")},
    "holidays": [{"date": "2025-12-25", "name": "Christmas"}, "2025-12-26"],
}


def case_path(cid) -> str:
    return f"/api/v1/cases/{quote_id(cid)}"


class SlaTest(ApiTestCase):
    calendar: dict = {}
    policy: dict = {}
    original: dict = {}

    @classmethod
    def setUpClass(cls):
        resp = post(CAL, {"name": unique("Berlin "), **BERLIN}, role="admin")
        assert resp.status == 201, resp
        cls.calendar = resp.json
        policies = get(POL, role="admin").json["data"]
        low = next(p for p in policies if p["tier"] == "any" and p["priority"] == "low")
        cls.original = {k: low[k] for k in ("calendar_id", "first_response_minutes",
                                            "resolution_minutes", "escalation_queue")}
        resp = patch(f"{POL}/{low['id']}", {
            "calendar_id": cls.calendar["id"], "first_response_minutes": 60,
            "resolution_minutes": 240, "escalation_queue": "escalations"},
            role="admin", headers={"If-Match": f'"{low["version"]}"'})
        assert resp.status == 200, resp
        cls.policy = resp.json

    @classmethod
    def tearDownClass(cls):
        got = get(f"{POL}/{cls.policy['id']}", role="admin")
        patch(f"{POL}/{cls.policy['id']}", cls.original, role="admin",
              headers={"If-Match": got.etag})

    def open_case(self, opened_at: str, priority: str = "low") -> dict:
        c = self.create_customer({"kind": "person", "name": unique("Sla ")})
        body = {"customer_id": c["id"], "subject": "Printer offline", "category": "technical_support",
                "channel": "phone", "priority": priority, "opened_at": opened_at}
        return self.assertStatus(post("/api/v1/cases", body, role="agent"), 201).json

    def move(self, case: dict, status: str, at: str) -> dict:
        got = self.assertStatus(get(case_path(case["id"]), role="agent"), 200)
        resp = patch(case_path(case["id"]), {"status": status, "at": at}, role="agent",
                     headers={"If-Match": got.etag})
        return self.assertStatus(resp, 200).json

    # --- due times -----------------------------------------------------------------------
    def test_due_time_over_a_holiday_and_a_weekend(self):
        # Wednesday 24 Dec 2025, 15:00 Berlin (14:00Z). First response (60 min): 16:00 the
        # same day. Resolution (240 min): 2 h on the 24th, the 25th/26th are holidays, then the
        # weekend, then 2 h on Monday 29th: 11:00 Berlin = 10:00Z.
        case = self.open_case("2025-12-24T14:00:00Z")
        sla = case["sla"]
        self.assertEqual(sla["policy_id"], self.policy["id"], sla)
        self.assertSameInstant(sla["first_response_due"], "2025-12-24T15:00:00Z")
        self.assertSameInstant(sla["resolution_due"], "2025-12-29T10:00:00Z")
        self.assertFalse(sla["paused"])

    def test_pause_and_resume_while_pending_customer(self):
        # Monday 1 Dec 2025 09:00 Berlin (08:00Z): resolution due 14:00 Berlin (lunch skipped).
        case = self.open_case("2025-12-01T08:00:00Z")
        self.assertSameInstant(case["sla"]["resolution_due"], "2025-12-01T13:00:00Z")
        self.move(case, "open", "2025-12-01T08:30:00Z")
        paused = self.move(case, "pending_customer", "2025-12-01T09:00:00Z")  # 10:00 Berlin
        self.assertTrue(paused["sla"]["paused"], paused["sla"])
        # While paused the sweep leaves the case alone even long after the due time.
        sweep = self.assertStatus(post("/api/v1/service/sla/sweep", {
            "now": "2025-12-01T15:00:00Z", "case_ids": [case["id"]]}, role="manager"), 200).json
        self.assertEqual(sweep["escalations"], [])
        # Resumed Tuesday 10:00 Berlin: paused 10-12, 13-17 Monday and 9-10 Tuesday = 7 h.
        resumed = self.move(case, "open", "2025-12-02T09:00:00Z")
        sla = resumed["sla"]
        self.assertFalse(sla["paused"])
        self.assertEqual(sla["paused_business_minutes"], 420)
        # 240 + 420 business minutes after Monday 09:00: Tuesday 14:00 Berlin = 13:00Z.
        self.assertSameInstant(sla["resolution_due"], "2025-12-02T13:00:00Z")
        resolved = self.move(case, "resolved", "2025-12-02T12:00:00Z")
        self.assertIs(resolved["sla"]["resolution_met"], True, resolved["sla"])

    # --- escalation --------------------------------------------------------------------
    def test_breach_escalates_exactly_once(self):
        case = self.open_case("2025-12-01T08:00:00Z")  # due Monday 13:00Z, never answered
        body = {"now": "2025-12-03T12:00:00Z", "case_ids": [case["id"]]}
        first = self.assertStatus(post("/api/v1/service/sla/sweep", body, role="manager"), 200).json
        second = self.assertStatus(post("/api/v1/service/sla/sweep", body, role="admin"), 200).json
        self.assertEqual([e for e in second["escalations"] if e["case_id"] == case["id"]], [])
        notes = self.assertStatus(get("/api/v1/service/sla/notifications?" + query(
            {"case_id": case["id"]}), role="manager"), 200).json["data"]
        breaches = [n for n in notes if n["kind"] == "sla_breach"]
        # Exactly one escalation, whether this test's sweep or the server's own did it.
        self.assertEqual(len(breaches), 1, notes)
        mine = [e for e in first["escalations"] if e["case_id"] == case["id"]]
        if mine:
            self.assertEqual(mine[0]["priority_from"], "low")
            self.assertEqual(mine[0]["priority_to"], "normal")
            self.assertEqual(sorted(mine[0]["breached"]), ["first_response", "resolution"])
        got = self.assertStatus(get(case_path(case["id"]), role="agent"), 200).json
        self.assertEqual(got["priority"], "normal")
        self.assertEqual(got["queue"], "escalations")
        self.assertTrue(got["sla"]["breached"])
        self.assertIsNotNone(got["sla"]["escalated_at"])
        audit = self.assertStatus(get("/api/v1/audit?" + query(
            {"filter[entity]": "case", "limit": 500}), role="admin"), 200).json["data"]
        escalations = [a for a in audit if a.get("entity_id") == case["id"]
                       and a.get("op") == "escalate"]
        self.assertEqual(len(escalations), 1, escalations)
        # Sales may not run sweeps; a bad time is a field error.
        self.assertProblem(post("/api/v1/service/sla/sweep", body, role="sales"), 403)
        self.assertProblem(post("/api/v1/service/sla/sweep", {"now": "soon"}, role="admin"),
                           422, field="now")

    # --- calendars and policies ------------------------------------------------------------
    def test_calendar_with_no_working_hours_is_rejected_and_nothing_written(self):
        before = self.write_marks()
        count = len(get(CAL, role="admin").json["data"])
        for hours in ({}, {"monday": "closed", "saturday": ""}):
            body = self.assertProblem(post(CAL, {"name": unique("Empty "), "time_zone": "UTC",
                                                 "working_hours": hours}, role="admin"),
                                      422, field="working_hours")
            self.assertIn("no working hours", json.dumps(body))
        self.assertProblem(post(CAL, {"name": unique("Bad "), "time_zone": "Mars/Base",
                                      "working_hours": {"monday": "09:00-17:00"}}, role="admin"),
                           422, field="time_zone")
        self.assertProblem(post(CAL, {"name": unique("Bad "), "working_hours": {
            "monday": "09:00-13:00,12:00-17:00"}}, role="admin"), 422, field="working_hours.monday")
        # Patching a calendar to no hours is rejected too and leaves it unchanged.
        got = get(f"{CAL}/{self.calendar['id']}", role="admin")
        self.assertProblem(patch(f"{CAL}/{self.calendar['id']}", {"working_hours": {}},
                                 role="admin", headers={"If-Match": got.etag}), 422)
        self.assertEqual(get(f"{CAL}/{self.calendar['id']}", role="admin").json["working_hours"],
                         got.json["working_hours"])
        self.assertNothingWritten(before, "by a calendar without working hours")
        self.assertEqual(len(get(CAL, role="admin").json["data"]), count)

    def test_calendar_and_policy_crud(self):
        resp = self.assertStatus(post(CAL, {"name": unique("Shanghai "), "time_zone": "Asia/Shanghai",
                                            "working_hours": {"monday": "08:30-17:30"}},
                                      role="manager"), 201)
        cal = resp.json
        self.assertEqual(cal["working_hours"]["monday"], "08:30-17:30")
        self.assertEqual(cal["working_hours"]["sunday"], "")
        self.assertProblem(patch(f"{CAL}/{cal['id']}", {"name": "x"}, role="manager"), 428)
        pol = self.assertStatus(post(POL, {"name": "Key urgent", "tier": "key", "priority": "urgent",
                                           "calendar_id": cal["id"], "first_response_minutes": 15,
                                           "resolution_minutes": 120}, role="manager"), 201).json
        self.assertEqual(pol["warning_percent"], 80)
        self.assertProblem(post(POL, {"name": "Dup", "tier": "key", "priority": "urgent",
                                      "first_response_minutes": 15, "resolution_minutes": 120},
                                role="manager"), 409)
        self.assertProblem(post(POL, {"name": "Bad", "tier": "vip", "priority": "urgent",
                                      "first_response_minutes": 30, "resolution_minutes": 10},
                                role="manager"), 422, field="tier")
        self.assertProblem(delete(f"{CAL}/{cal['id']}", role="manager"), 409)  # in use
        self.assertProblem(post(CAL, {"name": "x", "working_hours": {"monday": "9-5"}},
                                role="agent"), 403)
        self.assertStatus(delete(f"{POL}/{pol['id']}", role="manager"), 204)
        self.assertStatus(delete(f"{CAL}/{cal['id']}", role="manager"), 204)
        self.assertProblem(get(f"{CAL}/{cal['id']}", role="manager"), 404)


class ForecastTest(ApiTestCase):
    def test_forecast_has_168_hours_per_week_with_agents(self):
        # Four weeks of cases on weekdays at 10:00 and 14:00 UTC: enough for Holt-Winters
        # with a one-week holdout.
        c = self.create_customer({"kind": "organization", "name": unique("Fc ")})
        today = dt.datetime.now(dt.timezone.utc).replace(minute=0, second=0, microsecond=0)
        for days in range(1, 29):
            day = today - dt.timedelta(days=days)
            if day.weekday() >= 5:
                continue
            for hour in (10, 14):
                at = day.replace(hour=hour)
                post("/api/v1/cases", {"customer_id": c["id"], "subject": "Load", "category": "other",
                                       "channel": "email", "opened_at": at.isoformat()},
                     role="agent")
        resp = self.assertStatus(get("/api/v1/service/forecast?" + query({
            "weeks": 2, "target_level": 0.8, "target_seconds": 20, "aht_seconds": 600}),
            role="manager"), 200)
        f = resp.json
        self.assertEqual(f["source"], "cases")
        self.assertEqual(len(f["weeks"]), 2)
        for week in f["weeks"]:
            self.assertEqual(len(week["hours"]), 168)
            for h in week["hours"]:
                self.assertGreaterEqual(h["volume"], 0)
                self.assertIsInstance(h["agents"], int)
                self.assertGreaterEqual(h["agents"], 0)
                if h["agents"] > 0:
                    self.assertGreaterEqual(h["service_level"], 0.8)
            self.assertEqual(sorted(h["hour_of_week"] for h in week["hours"]), list(range(168)))
        self.assertGreaterEqual(f["history"]["weeks"], 3)
        self.assertEqual(f["model"]["method"], "holt_winters_additive")
        for p in ("alpha", "beta", "gamma"):
            self.assertTrue(0 <= f["model"][p] <= 1)
        self.assertEqual(f["accuracy"]["holdout_hours"], 168)
        self.assertIn("mase", f["accuracy"])
        # Busy weekday hours need more agents than the nights.
        first = f["weeks"][0]["hours"]
        self.assertGreater(max(h["agents"] for h in first), 0)
        for bad in ({"weeks": 0}, {"weeks": "x"}, {"target_level": 1.5}, {"aht_seconds": -1},
                    {"source": "tweets"}):
            self.assertProblem(get("/api/v1/service/forecast?" + query(bad), role="manager"), 400)
        self.assertProblem(get("/api/v1/service/forecast", role="customer"), (403, 404))


class StaffingCliTest(ApiTestCase):
    def run_cli(self, *args: str) -> subprocess.CompletedProcess:
        db = "sqlite:" + os.path.join(STATE.workdir, "staffing-cli.db")
        return subprocess.run([STATE.binary, "analyze", "staffing", *args, "--db", db],
                              capture_output=True, text=True, timeout=60)

    def test_staffing_contract(self):
        # 200 calls/h at 180 s is 10 erlangs: 13 agents reach 79.6 %, 14 reach 88.8 % in 20 s.
        out = self.run_cli("--calls-per-hour", "200", "--aht-seconds", "180", "--target-level",
                           "0.8", "--target-seconds", "20", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        r = json.loads(out.stdout)
        self.assertEqual(r["agents"], 14)
        self.assertAlmostEqual(r["service_level"], 0.8884, places=4)
        self.assertAlmostEqual(r["occupancy"], 10 / 14, places=9)
        self.assertAlmostEqual(r["probability_wait"], 0.1741, places=4)
        for args in (("--calls-per-hour", "-1", "--aht-seconds", "180"),
                     ("--calls-per-hour", "100", "--aht-seconds", "0"),
                     ("--calls-per-hour", "100", "--aht-seconds", "180", "--target-level", "1.2"),
                     ("--aht-seconds", "180")):
            bad = self.run_cli(*args, "--json")
            self.assertNotEqual(bad.returncode, 0, args)
            self.assertTrue(bad.stderr.strip(), args)
            self.assertEqual(bad.stdout.strip(), "", args)
