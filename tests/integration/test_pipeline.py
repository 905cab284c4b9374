"""The sales pipeline: opportunities through the four stages, stage history, the board,
stage probabilities and the weighted forecast; tasks with due dates, overdue first."""

from __future__ import annotations

from support import STATE, ApiTestCase, get, patch, post, query, request, unique


def put(path: str, body=None, **kw):
    return request("PUT", path, body=body, **kw)


def opp_path(oid) -> str:
    return f"/api/v1/opportunities/{oid}"


class PipelineTest(ApiTestCase):
    def new_opp(self, customer_id, amount="1000.00", close="2090-01-15", **extra) -> dict:
        body = {"customer_id": customer_id, "name": unique("Deal "),
                "amount": {"amount": amount, "currency": "USD"}, "expected_close": close}
        body.update(extra)
        resp = self.assertStatus(post("/api/v1/opportunities", body, role="admin"), 201)
        self.assertTrue(resp.etag)
        return resp.json

    def move(self, oid, body, role="admin") -> dict:
        got = self.assertStatus(get(opp_path(oid), role=role), 200)
        return self.assertStatus(patch(opp_path(oid), body, role=role,
                                       headers={"If-Match": got.etag}), 200).json

    def test_stage_moves_keep_history_and_change_log(self):
        c = self.create_customer({"kind": "organization", "name": unique("Opp ")})
        o = self.new_opp(c["id"])
        self.assertEqual(o["stage"], "need_collection")
        self.assertEqual(o["probability"], 10)
        self.assertProblem(patch(opp_path(o["id"]), {"stage": "selling"}, role="admin"), 428)
        for stage in ("solution_design", "selling", "follow_up", "won"):
            moved = self.move(o["id"], {"stage": stage})
            self.assertEqual(moved["stage"], stage)
        got = self.assertStatus(get(opp_path(o["id"]), role="admin"), 200).json
        self.assertEqual([h["stage"] for h in got["stage_history"]],
                         ["need_collection", "solution_design", "selling", "follow_up", "won"])
        for h in got["stage_history"][:-1]:
            self.assertIsNotNone(h["left_at"])
            self.assertGreaterEqual(h["duration_ms"], 0)
        self.assertIsNone(got["stage_history"][-1]["left_at"])
        self.assertIsNotNone(got["closed_at"])
        self.assertEqual(got["probability"], 100)
        # A stale If-Match is a 412.
        self.assertProblem(patch(opp_path(o["id"]), {"name": "x"}, role="admin",
                                 headers={"If-Match": '"1"'}), 412)
        hist = self.assertStatus(get(f"/api/v1/customers/{c['id']}/history", role="admin"), 200)
        ops = [e["op"] for e in hist.json["data"] if e["entity"] == "opportunity"]
        self.assertEqual(ops.count("stage"), 4)
        self.assertIn("create", ops)

    def test_lost_requires_a_reason_and_nothing_is_written(self):
        c = self.create_customer({"kind": "organization", "name": unique("Lost ")})
        o = self.new_opp(c["id"])
        got = self.assertStatus(get(opp_path(o["id"]), role="admin"), 200)
        before = self.write_marks()
        self.assertProblem(patch(opp_path(o["id"]), {"stage": "lost"}, role="admin",
                                 headers={"If-Match": got.etag}), 422, field="lost_reason")
        self.assertProblem(patch(opp_path(o["id"]), {"stage": "lost", "lost_reason": ""},
                                 role="admin", headers={"If-Match": got.etag}),
                           422, field="lost_reason")
        self.assertNothingWritten(before, "(lost without a reason)")
        again = self.assertStatus(get(opp_path(o["id"]), role="admin"), 200).json
        self.assertEqual(again["stage"], "need_collection")
        self.assertEqual(len(again["stage_history"]), 1)
        lost = self.move(o["id"], {"stage": "lost", "lost_reason": "price too high"})
        self.assertEqual((lost["stage"], lost["lost_reason"]), ("lost", "price too high"))
        self.assertProblem(post("/api/v1/opportunities", {
            "customer_id": c["id"], "name": "x", "amount": {"amount": "1", "currency": "USD"},
            "expected_close": "2090-01-01", "stage": "lost"}, role="admin"), 422,
            field="lost_reason")

    def test_validation_and_kanban_filter(self):
        c = self.create_customer({"kind": "person", "name": unique("Kb ")})
        self.assertProblem(post("/api/v1/opportunities", {
            "customer_id": c["id"], "name": "x", "amount": {"amount": "-5", "currency": "USD"},
            "expected_close": "2090-01-01", "stage": "proposal"}, role="admin"), 422,
            field="stage")
        self.assertProblem(post("/api/v1/opportunities", {"name": "x"}, role="admin"), 422,
                           field="customer_id")
        self.assertProblem(post("/api/v1/opportunities", {
            "customer_id": 999999999, "name": "x", "amount": {"amount": "1", "currency": "USD"},
            "expected_close": "2090-01-01"}, role="admin"), 404)
        a = self.new_opp(c["id"], stage="selling")
        b = self.new_opp(c["id"])
        listed = self.assertStatus(get("/api/v1/opportunities?" + query(
            {"filter[stage]": "selling", "filter[customer_id]": c["id"]}), role="sales"), 200)
        self.assertEqual([x["id"] for x in listed.json["data"]], [a["id"]])
        page1 = self.assertStatus(get("/api/v1/opportunities?" + query(
            {"filter[customer_id]": c["id"], "limit": 1}), role="admin"), 200).json
        self.assertEqual([x["id"] for x in page1["data"]], [b["id"]])
        page2 = self.assertStatus(get("/api/v1/opportunities?" + query(
            {"filter[customer_id]": c["id"], "limit": 1, "cursor": page1["next_cursor"]}),
            role="admin"), 200).json
        self.assertEqual([x["id"] for x in page2["data"]], [a["id"]])
        self.assertProblem(get("/api/v1/opportunities?filter[stage]=nope", role="admin"), 400)
        board = self.assertStatus(get("/api/v1/pipeline/board", role="sales"), 200).json
        self.assertEqual([s["stage"] for s in board["stages"]],
                         ["need_collection", "solution_design", "selling", "follow_up", "won",
                          "lost"])
        self.assertGreaterEqual(board["stages"][2]["count"], 1)
        # Portal customers do not see the pipeline.
        self.assertProblem(get("/api/v1/opportunities", role="customer"), (403, 404))

    def test_sales_may_only_move_their_own_opportunities(self):
        c = self.create_customer({"kind": "organization", "name": unique("Own ")})
        mine = self.assertStatus(post("/api/v1/opportunities", {
            "customer_id": c["id"], "name": "mine", "amount": {"amount": "10", "currency": "USD"},
            "expected_close": "2090-02-01"}, role="sales"), 201).json
        self.assertEqual(mine["owner_id"], STATE.users["sales"]["id"])
        self.move(mine["id"], {"stage": "solution_design"}, role="sales")
        other = self.new_opp(c["id"], owner_id=STATE.users["manager"]["id"])
        got = self.assertStatus(get(opp_path(other["id"]), role="sales"), 200)
        self.assertProblem(patch(opp_path(other["id"]), {"stage": "selling"}, role="sales",
                                 headers={"If-Match": got.etag}), 403)

    def test_weighted_forecast_on_a_hand_made_set(self):
        # Probabilities are set explicitly, then restored to the defaults.
        self.assertProblem(put("/api/v1/pipeline/probabilities", {"selling": 60}, role="sales"),
                           403)
        self.assertProblem(put("/api/v1/pipeline/probabilities", {"selling": 160},
                               role="admin"), 422, field="selling")
        probs = self.assertStatus(put("/api/v1/pipeline/probabilities", {
            "need_collection": 10, "solution_design": 20, "selling": 60, "follow_up": 90},
            role="manager"), 200).json
        self.assertEqual(probs["selling"], 60)
        try:
            org = self.create_customer({"kind": "organization", "name": unique("Fc ")})
            per = self.create_customer({"kind": "person", "name": unique("Fp ")})
            # Hand computation for 2095-03: 1000.00×10% + 500.00×60% + 200.00×100% = 600.00;
            # the lost 999.00 is left out. 2095-04: 300.00×90% = 270.00.
            self.new_opp(org["id"], "1000.00", "2095-03-05")
            self.new_opp(org["id"], "500.00", "2095-03-20", stage="selling")
            self.new_opp(per["id"], "200.00", "2095-03-31", stage="won")
            self.new_opp(per["id"], "999.00", "2095-03-10", stage="lost", lost_reason="gone")
            self.new_opp(per["id"], "300.00", "2095-04-01", stage="follow_up")
            rng = {"from": "2095-03-01", "to": "2095-05-01"}
            f = self.assertStatus(get("/api/v1/pipeline/forecast?" + query(
                dict(rng, group_by="month")), role="analyst"), 200).json
            rows = {(r["group"], r["currency"]): r for r in f["data"]}
            self.assertEqual(set(rows), {("2095-03", "USD"), ("2095-04", "USD")})
            self.assertEqual(rows[("2095-03", "USD")]["weighted_amount"], "600.00")
            self.assertEqual(rows[("2095-03", "USD")]["amount"], "1700.00")
            self.assertEqual(rows[("2095-03", "USD")]["count"], 3)
            self.assertEqual(rows[("2095-04", "USD")]["weighted_amount"], "270.00")
            seg = self.assertStatus(get("/api/v1/pipeline/forecast?" + query(
                dict(rng, group_by="segment")), role="admin"), 200).json
            by = {r["group"]: r["weighted_amount"] for r in seg["data"]}
            self.assertEqual(by, {"organization": "400.00", "person": "470.00"})
            for group_by, key in (("owner", "unassigned"), ("abc", "unscored")):
                g = self.assertStatus(get("/api/v1/pipeline/forecast?" + query(
                    dict(rng, group_by=group_by)), role="admin"), 200).json
                self.assertEqual({r["group"]: r["weighted_amount"] for r in g["data"]},
                                 {key: "870.00"}, group_by)
            self.assertProblem(get("/api/v1/pipeline/forecast?group_by=planet", role="admin"),
                               400)
        finally:
            self.assertStatus(put("/api/v1/pipeline/probabilities", {
                "need_collection": 10, "solution_design": 25, "selling": 50, "follow_up": 80},
                role="admin"), 200)


class TasksTest(ApiTestCase):
    def test_tasks_overdue_first_and_done(self):
        c = self.create_customer({"kind": "organization", "name": unique("Tk ")})
        me = STATE.users["agent"]["id"]
        later = self.assertStatus(post("/api/v1/tasks", {
            "title": "Send samples", "due_at": "2099-01-01T09:00:00Z", "customer_id": c["id"]},
            role="agent"), 201).json
        overdue = self.assertStatus(post("/api/v1/tasks", {
            "title": "Call back", "due_at": "2020-01-01T09:00:00Z", "customer_id": c["id"]},
            role="agent"), 201).json
        self.assertEqual(later["assignee_id"], me)
        self.assertTrue(overdue["overdue"])
        self.assertFalse(later["overdue"])
        listed = self.assertStatus(get("/api/v1/tasks?" + query(
            {"filter[assignee_id]": me, "filter[customer_id]": c["id"]}), role="agent"), 200)
        self.assertEqual([t["id"] for t in listed.json["data"]], [overdue["id"], later["id"]])
        path = f"/api/v1/tasks/{overdue['id']}"
        got = self.assertStatus(get(path, role="agent"), 200)
        done = self.assertStatus(patch(path, {"status": "done"}, role="agent",
                                       headers={"If-Match": got.etag}), 200).json
        self.assertEqual(done["status"], "done")
        self.assertFalse(done["overdue"])
        self.assertIsNotNone(done["done_at"])
        listed = self.assertStatus(get("/api/v1/tasks?" + query(
            {"filter[customer_id]": c["id"]}), role="agent"), 200)
        self.assertEqual([t["id"] for t in listed.json["data"]], [later["id"], overdue["id"]])

    def test_task_on_an_opportunity_and_validation(self):
        c = self.create_customer({"kind": "organization", "name": unique("To ")})
        o = self.assertStatus(post("/api/v1/opportunities", {
            "customer_id": c["id"], "name": "d", "amount": {"amount": "1", "currency": "USD"},
            "expected_close": "2090-01-01"}, role="admin"), 201).json
        t = self.assertStatus(post("/api/v1/tasks", {
            "title": "Design review", "due_at": "2090-01-01", "opportunity_id": o["id"]},
            role="sales"), 201).json
        self.assertEqual(t["customer_id"], c["id"])
        self.assertProblem(post("/api/v1/tasks", {"title": "x", "due_at": "2090-01-01"},
                                role="sales"), 422, field="customer_id")
        self.assertProblem(post("/api/v1/tasks", {"title": "x", "due_at": "soon",
                                                  "customer_id": c["id"]}, role="sales"),
                           422, field="due_at")
        self.assertProblem(post("/api/v1/tasks", {
            "title": "x", "due_at": "2090-01-01", "customer_id": c["id"],
            "assignee_id": 999999999}, role="admin"), 422, field="assignee_id")
        self.assertProblem(get("/api/v1/tasks?filter[status]=maybe", role="admin"), 400)
