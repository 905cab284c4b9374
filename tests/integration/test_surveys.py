"""Satisfaction surveys: issued when a case is resolved, answered under the
expectation–perception model; index, gap index, CSAT and NPS against hand computation."""

from __future__ import annotations

from support import STATE, ApiTestCase, get, patch, post, query, quote_id, unique


class SurveyTest(ApiTestCase):
    def resolved_case(self, customer_id, role="agent") -> dict:
        case = self.assertStatus(post("/api/v1/cases", {
            "customer_id": customer_id, "subject": "Late delivery",
            "category": "order_delivery_problem", "channel": "email"}, role=role), 201).json
        path = f"/api/v1/cases/{quote_id(case['id'])}"
        for status in ("open", "resolved"):
            got = self.assertStatus(get(path, role=role), 200)
            self.assertStatus(patch(path, {"status": status}, role=role,
                                    headers={"If-Match": got.etag}), 200)
        return case

    def survey_of(self, customer_id, case_id, role="agent") -> dict:
        rows = self.assertStatus(get("/api/v1/surveys?" + query(
            {"filter[customer_id]": customer_id}), role=role), 200).json["data"]
        mine = [s for s in rows if s["case_id"] == case_id]
        self.assertEqual(len(mine), 1, rows)
        return mine[0]

    def answer(self, survey_id, answers, csat, nps, role="agent", comment=None):
        body = {"answers": answers, "csat": csat, "nps": nps}
        if comment is not None:
            body["comment"] = comment
        return post(f"/api/v1/surveys/{quote_id(survey_id)}/answers", body, role=role)

    def test_issue_answer_and_hand_computed_index(self):
        c = self.create_customer({"kind": "person", "name": unique("Sv ")})
        case1 = self.resolved_case(c["id"])
        s1 = self.survey_of(c["id"], case1["id"])
        self.assertEqual(s1["status"], "issued")
        self.assertEqual(s1["attributes"], ["product_quality", "on_time_delivery",
                                            "completeness", "service_attitude",
                                            "documentation", "price"])
        good = [{"attribute": "product_quality", "importance": 7, "expectation": 6,
                 "perception": 5},
                {"attribute": "on_time_delivery", "importance": 5, "expectation": 5,
                 "perception": 7},
                {"attribute": "price", "importance": 2, "expectation": 4, "perception": 1}]
        # Out of range: 422 naming the field, nothing written.
        before = self.write_marks()
        bad = [dict(good[0]), good[1], dict(good[2], perception=8)]
        self.assertProblem(self.answer(s1["id"], bad, 5, 10), 422,
                           field="answers[2].perception")
        self.assertProblem(self.answer(s1["id"], good, 6, 10), 422, field="csat")
        self.assertProblem(self.answer(s1["id"], good, 5, 11), 422, field="nps")
        self.assertNothingWritten(before, "by an out-of-range survey answer")
        self.assertEqual(self.assertStatus(get(f"/api/v1/surveys/{quote_id(s1['id'])}",
                                               role="agent"), 200).json["status"], "issued")
        # Weights 7/14, 5/14, 2/14 → index 69.0476…, gap index 48.2142…
        done = self.assertStatus(self.answer(s1["id"], good, 5, 10, comment="Great fix"),
                                 200).json
        self.assertEqual(done["status"], "answered")
        self.assertAlmostEqual(done["satisfaction_index"], 69.047619, places=4)
        self.assertAlmostEqual(done["gap_index"], 48.214286, places=4)
        self.assertEqual({a["attribute"]: a["gap"] for a in done["answers"]},
                         {"product_quality": -1, "on_time_delivery": 2, "price": -3})
        self.assertProblem(self.answer(s1["id"], good, 5, 10), 409)
        notes = self.assertStatus(get(f"/api/v1/cases/{quote_id(case1['id'])}/notes",
                                      role="agent"), 200).json["data"]
        self.assertIn("Great fix", [n["body"] for n in notes])

        # A second survey: all attributes at 4 → index 50; CSAT 3, NPS 5.
        case2 = self.resolved_case(c["id"])
        s2 = self.survey_of(c["id"], case2["id"])
        flat = [{"attribute": "completeness", "importance": 3, "expectation": 4,
                 "perception": 4}]
        self.assertStatus(self.answer(s2["id"], flat, 3, 5), 200)
        rep = self.assertStatus(get("/api/v1/service/satisfaction?" + query(
            {"filter[customer_id]": c["id"], "group_by": "customer"}), role="manager"),
            200).json
        o = rep["overall"]
        self.assertEqual(o["surveys"], 2)
        self.assertAlmostEqual(o["index"], (69.047619 + 50) / 2, places=4)
        self.assertAlmostEqual(o["csat"], 50.0)   # one of two is 4–5
        self.assertAlmostEqual(o["nps"], 0.0)     # one promoter, one detractor
        self.assertEqual([g["key"] for g in rep["groups"]], [str(c["id"])])
        attrs = {a["attribute"]: a for a in rep["attributes"]}
        self.assertAlmostEqual(attrs["price"]["mean_gap"], -3)
        self.assertProblem(get("/api/v1/service/satisfaction?group_by=x", role="manager"), 400)

    def test_portal_answers_its_own_survey_only(self):
        mine_case = self.resolved_case(STATE.portal_customer_id)
        mine = self.survey_of(STATE.portal_customer_id, mine_case["id"], role="customer")
        theirs_case = self.resolved_case(STATE.other_customer_id)
        theirs = self.survey_of(STATE.other_customer_id, theirs_case["id"])
        ans = [{"attribute": "service_attitude", "importance": 5, "expectation": 5,
                "perception": 6}]
        self.assertProblem(self.answer(theirs["id"], ans, 5, 9, role="customer"), 404)
        self.assertProblem(get(f"/api/v1/surveys/{quote_id(theirs['id'])}", role="customer"),
                           404)
        self.assertStatus(self.answer(mine["id"], ans, 5, 9, role="customer"), 200)
