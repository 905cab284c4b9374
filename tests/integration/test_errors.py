"""Errors are problem+json, name the offending field, and no failed request writes."""

from __future__ import annotations

import json

from support import ApiTestCase, patch, post, quote_id, request, unique


class ErrorTest(ApiTestCase):
    def test_malformed_json_is_400_problem(self):
        before = self.write_marks()
        for raw in (b'{"kind": "person", "name": ', b"not json at all", b'{"kind": "person",}',
                    b"[1, 2", b'\xff\xfe{"kind"}'):
            resp = request("POST", "/api/v1/customers", raw=raw, role="admin")
            body = self.assertProblem(resp, 400)
            self.assertTrue(body.get("detail") or body.get("title"))
        self.assertNothingWritten(before, "(malformed JSON)")

    def test_json_that_is_not_an_object_is_4xx(self):
        before = self.write_marks()
        for raw in (b"[]", b'"a string"', b"42", b"null"):
            resp = request("POST", "/api/v1/customers", raw=raw, role="admin")
            self.assertProblem(resp, (400, 422))
        self.assertNothingWritten(before, "(non-object JSON)")

    def test_unknown_top_level_field_is_422_naming_it(self):
        before = self.write_marks()
        resp = post("/api/v1/customers", {"kind": "person", "name": unique("Unk "),
                                          "favourite_colour": "teal"}, role="admin")
        self.assertProblem(resp, 422, field="favourite_colour")
        self.assertNothingWritten(before, "(unknown field)")

    def test_oversized_body_is_413(self):
        before = self.write_marks()
        big = {"kind": "person", "name": unique("Big "), "notes": "x" * (1024 * 1024 + 512)}
        raw = json.dumps(big).encode()
        self.assertGreater(len(raw), 1024 * 1024)
        resp = request("POST", "/api/v1/customers", raw=raw, role="admin")
        self.assertStatus(resp, 413)
        if resp.body:
            self.assertProblem(resp, 413)
        self.assertNothingWritten(before, "(413)")

    def test_body_just_under_the_limit_is_not_413(self):
        c = self.create_customer({"kind": "person", "name": unique("Mid ")})
        notes = "y" * (512 * 1024)
        got = self.get_customer(c["id"])
        resp = patch(f"/api/v1/customers/{quote_id(c['id'])}", {"notes": notes},
                     role="admin", headers={"If-Match": got.etag})
        self.assertNotEqual(resp.status, 413, repr(resp))

    def test_wrong_content_type_is_415(self):
        before = self.write_marks()
        raw = json.dumps({"kind": "person", "name": unique("Ct ")}).encode()
        resp = request("POST", "/api/v1/customers", raw=raw, role="admin",
                       content_type="text/plain")
        self.assertProblem(resp, 415)
        resp = request("POST", "/api/v1/customers", raw=raw, role="admin",
                       content_type="application/x-www-form-urlencoded")
        self.assertProblem(resp, 415)
        self.assertNothingWritten(before, "(415)")

    def test_unknown_route_is_404_problem(self):
        self.assertProblem(request("GET", "/api/v1/no-such-things", role="admin"), 404)

    def test_wrong_method_is_405_or_404(self):
        resp = request("PUT", "/api/v1/customers", body={"kind": "person", "name": "x"},
                       role="admin")
        self.assertProblem(resp, (404, 405))

    def test_problem_carries_request_id(self):
        resp = post("/api/v1/customers", {"kind": "person"}, role="admin")
        body = self.assertProblem(resp, 422)
        self.assertTrue(resp.header("X-Request-Id"))
        self.assertEqual(body.get("request_id"), resp.header("X-Request-Id"),
                         "problem.request_id equals the X-Request-Id header")
        self.assertIsInstance(body.get("errors"), list)
        self.assertTrue(body.get("detail"))

    def test_validation_lists_every_bad_field(self):
        resp = post("/api/v1/customers", {"kind": "person", "name": "",
                                          "emails": ["ok@example.com", "broken"],
                                          "birth_date": "1990-13-45"}, role="admin")
        body = self.assertProblem(resp, 422)
        fields = {e["field"] for e in body["errors"]}
        self.assertIn("name", fields)
        self.assertIn("emails[1]", fields)
        self.assertIn("birth_date", fields)
