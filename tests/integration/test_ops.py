"""Operations: health, metrics, request ids."""

from __future__ import annotations

import re

from support import STATE, ApiTestCase, get, post, request


class OpsTest(ApiTestCase):
    def test_healthz(self):
        resp = self.assertStatus(get("/healthz"), 200)
        self.assertEqual(resp.json, {"status": "ok"})

    def test_metrics_are_prometheus_text(self):
        get("/api/v1/customers?limit=1", role="admin")  # at least one counted request
        resp = self.assertStatus(get("/metrics"), 200)
        self.assertTrue(resp.content_type.startswith("text/plain"), resp.content_type)
        text = resp.body.decode()
        self.assertIn("chaincrm_http_requests_total", text)
        self.assertIn("chaincrm_http_request_duration_seconds", text)
        self.assertRegex(text, r"(?m)^# TYPE chaincrm_http_requests_total counter$")
        samples = re.findall(r"(?m)^chaincrm_http_requests_total(\{[^}]*\})? ([0-9.e+]+)$",
                             text)
        self.assertTrue(samples, "at least one chaincrm_http_requests_total sample")
        self.assertGreater(sum(float(v) for _, v in samples), 0)
        self.assertRegex(text, r"(?m)^chaincrm_http_request_duration_seconds_bucket\{")

    def test_request_counter_grows(self):
        def total():
            text = get("/metrics").body.decode()
            return sum(float(v) for v in re.findall(
                r"(?m)^chaincrm_http_requests_total(?:\{[^}]*\})? ([0-9.e+]+)$", text))
        before = total()
        for _ in range(3):
            get("/healthz")
        self.assertGreaterEqual(total() - before, 3)

    def test_every_response_has_a_request_id(self):
        samples = [
            get("/healthz"), get("/metrics"), get("/api/v1/customers?limit=1", role="admin"),
            get("/api/v1/customers"),  # 401
            get("/api/v1/audit", role="agent"),  # 403
            get("/api/v1/customers/999999999", role="admin"),  # 404
            request("POST", "/api/v1/customers", raw=b"{", role="admin"),  # 400
            post("/api/v1/customers", {"kind": "person"}, role="admin"),  # 422
            request("GET", "/no/such/path"),
        ]
        ids = []
        for resp in samples:
            rid = resp.header("X-Request-Id")
            self.assertTrue(rid, f"X-Request-Id on {resp!r}")
            ids.append(rid)
        self.assertEqual(len(set(ids)), len(ids), "request ids are unique")

    def test_no_response_in_the_whole_run_lacked_a_request_id(self):
        # The client records every response without the header (support.request).
        self.assertEqual(STATE.missing_request_ids, [])


class HugePagesTest(ApiTestCase):
    def test_server_runs_with_huge_pages_for_malloc(self):
        # core/huge_pages.cc: the binary re-executes itself once with glibc's malloc set to
        # use transparent huge pages (docs/PERFORMANCE.md), unless the kernel has them off.
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as f:
            if "[never]" in f.read():
                self.skipTest("transparent huge pages are off on this kernel")
        with open(f"/proc/{STATE.server.pid}/environ", "rb") as f:
            env = dict(v.split(b"=", 1) for v in f.read().split(b"\0") if b"=" in v)
        self.assertIn(b"GLIBC_TUNABLES", env)
        self.assertIn(b"glibc.malloc.hugetlb=1", env[b"GLIBC_TUNABLES"].split(b":"))
