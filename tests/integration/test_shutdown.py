"""Graceful shutdown: in-flight requests finish after SIGTERM; runs last (run.py)."""

from __future__ import annotations

import signal
import subprocess
import threading
import time

from support import STATE, ApiTestCase, get


class GracefulShutdownTest(ApiTestCase):
    def test_sigterm_lets_in_flight_requests_finish(self):
        proc = STATE.server
        self.assertIsNotNone(proc, "the harness started the server")
        self.assertIsNone(proc.poll(), "the server is running")
        results: list = [None] * 4
        started = threading.Barrier(len(results) + 1)

        def big_list(i: int):
            started.wait()
            try:
                results[i] = get("/api/v1/customers?limit=500&total=true&sort=name,-id"
                                 "&filter[status][in]=active,archived", role="admin",
                                 timeout=30)
            except Exception as e:  # noqa: BLE001 - reported below
                results[i] = e

        threads = [threading.Thread(target=big_list, args=(i,)) for i in range(len(results))]
        for t in threads:
            t.start()
        started.wait()
        time.sleep(0.02)  # the requests are on the wire, the server is working on them
        proc.send_signal(signal.SIGTERM)
        for t in threads:
            t.join(timeout=30)
        for r in results:
            self.assertNotIsInstance(r, Exception, f"in-flight request failed: {r!r}")
            self.assertIsNotNone(r, "in-flight request finished")
            self.assertEqual(r.status, 200, repr(r))
            self.assertIsInstance(r.json, dict, "a complete JSON body")
            self.assertTrue(r.json["data"])
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.fail("the server did not exit within 10 s of SIGTERM")
        self.assertEqual(code, 0, "the server exits 0 after SIGTERM")
