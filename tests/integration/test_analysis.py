"""Customer value analysis: CDNOW through the CLI import, a value run started over the API
(background, polled), published model estimates, the summary, scores in the 360 view and
the customer list (sort=-clv across cursor pages, filter[abc]=A), permissions, bad input,
and the `analyze value --json` contract of the CLI on a fresh SQLite database."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
import unittest

from support import STATE, ApiTestCase, get, post, query

HERE = os.path.dirname(os.path.abspath(__file__))
CDNOW = os.path.join(HERE, "..", "data", "cdnow", "CDNOW_sample.txt")
CDNOW_CUSTOMERS = 2357

# Fader, Hardie & Lee (2005), CDNOW 1/10 sample, 39-week calibration, weeks.
BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
BGNBD_LL = -9582.4
PARETO = {"r": 0.55, "alpha": 10.58, "s": 0.61, "beta": 11.67}
GAMMA_GAMMA = {"p": 6.25, "q": 3.74, "gamma": 15.44}


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([STATE.binary, *args], capture_output=True, text=True,
                          timeout=timeout)


def wait_for_run(run_id, timeout: float = 300) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = get(f"/api/v1/analysis/runs/{run_id}", role="analyst")
        if r.status == 200 and r.json["status"] in ("succeeded", "failed"):
            return r.json
        time.sleep(0.25)
    raise AssertionError(f"run {run_id} did not finish within {timeout:.0f} s")


class ValueRunTest(ApiTestCase):
    value_run: dict = {}

    @classmethod
    def setUpClass(cls):
        # The ledger currency is CNY once the activity suites have posted; CNY either way.
        proc = cli("import", "purchases", "--db", STATE.db_url, "--format", "cdnow",
                   "--currency", "CNY", CDNOW)
        if proc.returncode != 0:
            raise AssertionError(f"CDNOW import failed: {proc.stdout}\n{proc.stderr}")
        started = post("/api/v1/analysis/runs", {"kind": "value", "calibration_end": "1997-09-30",
                                                 "unit": "week"}, role="analyst")
        if started.status != 202:
            raise AssertionError(f"starting a run failed: {started!r}")
        cls.started = started.json
        cls.value_run = wait_for_run(started.json["id"])

    def test_start_answers_at_once_with_the_queued_run(self):
        self.assertIn(self.started["status"], ("queued", "running", "succeeded"))
        self.assertIsInstance(self.started["id"], int)
        self.assertGreaterEqual(self.started["progress"], 0)
        self.assertEqual(self.started["parameters"]["calibration_end"][:10], "1997-09-30")

    def test_run_succeeds_with_published_cdnow_estimates(self):
        run = self.value_run
        self.assertEqual(run["status"], "succeeded", run.get("error"))
        self.assertEqual(run["progress"], 1)
        result = run["result"]
        for key, want in BGNBD.items():
            self.assertAlmostEqual(result["bgnbd"][key], want, delta=abs(want) * 0.005, msg=key)
        self.assertAlmostEqual(result["bgnbd"]["log_likelihood"], BGNBD_LL, delta=0.1)
        for key, want in PARETO.items():
            self.assertAlmostEqual(result["paretonbd"][key], want, delta=abs(want) * 0.01,
                                   msg=key)
        for key, want in GAMMA_GAMMA.items():
            self.assertAlmostEqual(result["gamma_gamma"][key], want, delta=abs(want) * 0.01,
                                   msg=key)
        # Customers whose first purchase is after the calibration end are not in the fit.
        self.assertEqual(run["inputs"]["fit_customers"], CDNOW_CUSTOMERS)
        self.assertIsNotNone(result["holdout"])
        # The Pareto/NBD fit uses L-BFGS with its analytic gradient (Nelder-Mead needed ~957).
        diag = result["fit_diagnostics"]["paretonbd"]
        self.assertEqual(diag["method"], "l-bfgs")
        self.assertLess(diag["evaluations"], 150)

    def test_run_records_phase_timings(self):
        timings = self.value_run["result"]["timings"]
        for key in ("load_seconds", "summarise_seconds", "score_seconds", "write_seconds",
                    "total_seconds", "peak_rss_mb"):
            self.assertIsInstance(timings[key], (int, float), key)
            self.assertGreaterEqual(timings[key], 0, key)
        self.assertEqual(set(timings["fit_seconds"]), {"bgnbd", "paretonbd", "gamma_gamma"})
        parts = (timings["load_seconds"] + timings["summarise_seconds"]
                 + sum(timings["fit_seconds"].values()) + timings["score_seconds"]
                 + timings["write_seconds"])
        self.assertLessEqual(parts, timings["total_seconds"] + 0.01)
        self.assertGreater(timings["peak_rss_mb"], 0)

    def test_summary_counts_add_up(self):
        s = self.assertStatus(get("/api/v1/analysis/value/summary", role="sales"), 200).json
        counts = s["counts"]
        n = counts["customers"]
        self.assertGreaterEqual(n, CDNOW_CUSTOMERS)
        for group in ("abc", "value_class", "account_size"):
            self.assertEqual(sum(counts[group].values()), n, group)
        chart = s["abc"]["pareto_chart"]
        self.assertTrue(chart)
        self.assertAlmostEqual(chart[-1]["cumulative_share"], 1.0, places=6)
        self.assertEqual(chart[-1]["last_rank"], n)
        self.assertEqual(len(s["rfm_grid"]), 25)
        self.assertLessEqual(sum(c["customers"] for c in s["rfm_grid"]), n)
        self.assertEqual(sum(b["customers"] for b in s["p_alive_histogram"]),
                         counts["scored_by_model"])
        self.assertEqual(sum(b["customers"] for b in s["clv_histogram"]),
                         counts["scored_by_model"])
        top = s["top_customers"]
        self.assertEqual(len(top), 20)
        clvs = [t["clv"] for t in top]
        self.assertEqual(clvs, sorted(clvs, reverse=True))
        self.assertGreaterEqual(s["run"]["id"], self.value_run["id"])

    def scores(self, customer_id) -> dict | None:
        r = self.assertStatus(get(f"/api/v1/customers/{customer_id}/360", role="admin"), 200)
        return r.json["scores"]

    def test_360_shows_scores(self):
        s = self.assertStatus(get("/api/v1/analysis/value/summary", role="admin"), 200).json
        cid = s["top_customers"][0]["customer_id"]
        scores = self.scores(cid)
        self.assertIsInstance(scores, dict)
        for key in ("clv", "p_alive", "abc_class", "rfm_cell", "value_class", "account_size",
                    "clv_discounted", "expected_purchases_90d", "expected_spend"):
            self.assertIn(key, scores)
        self.assertAlmostEqual(scores["clv"], s["top_customers"][0]["clv"])
        self.assertIn(scores["abc_class"], ("A", "B", "C"))
        fresh = self.assertStatus(post("/api/v1/customers", {
            "kind": "organization", "name": "Never Scored Analysis Co"}, role="admin"), 201)
        self.assertIsNone(self.scores(fresh.json["id"]))

    def list_page(self, params) -> dict:
        return self.assertStatus(get("/api/v1/customers?" + query(params), role="admin"), 200).json

    def test_sort_by_clv_across_cursor_pages(self):
        first = self.list_page([("sort", "-clv"), ("limit", 15)])
        self.assertIsNotNone(first["next_cursor"])
        second = self.list_page([("sort", "-clv"), ("limit", 15),
                                 ("cursor", first["next_cursor"])])
        ids = [c["id"] for c in first["data"] + second["data"]]
        self.assertEqual(len(ids), len(set(ids)), "no customer on both pages")
        clvs = []
        for cid in ids:
            sc = self.scores(cid)
            clvs.append(sc["clv"] if sc and sc["clv"] is not None else float("-inf"))
        self.assertEqual(clvs, sorted(clvs, reverse=True), "clv is non-increasing")
        self.assertGreater(clvs[0], 0)

    def test_filter_abc_a(self):
        s = self.assertStatus(get("/api/v1/analysis/value/summary", role="admin"), 200).json
        first = self.list_page([("filter[abc]", "A"), ("sort", "-clv"), ("limit", 10),
                                ("total", "true")])
        self.assertGreater(first["total"], 0)
        self.assertLessEqual(first["total"], s["counts"]["abc"]["A"])
        second = self.list_page([("filter[abc]", "A"), ("sort", "-clv"), ("limit", 10),
                                 ("cursor", first["next_cursor"])])
        for c in first["data"] + second["data"]:
            self.assertEqual(self.scores(c["id"])["abc_class"], "A", c["id"])
            self.assertEqual(c["scores"]["abc_class"], "A", "list rows carry their scores")
        lt = self.list_page([("filter[p_alive][lt]", "2"), ("filter[value_class]", "key"),
                             ("limit", 5)])
        self.assertTrue(lt["data"])

    def test_unknown_score_filter_value_is_a_400(self):
        self.assertProblem(get("/api/v1/customers?" + query([("filter[clv][gt]", "lots")]),
                               role="admin"), 400)

    def test_runs_are_listed_and_fetched(self):
        listed = self.assertStatus(get("/api/v1/analysis/runs?limit=5", role="manager"), 200).json
        self.assertIn(self.value_run["id"], [r["id"] for r in listed["data"]])
        self.assertNotIn("result", listed["data"][0])
        self.assertProblem(get("/api/v1/analysis/runs/987654321", role="analyst"), 404)

    def test_permissions(self):
        self.assertStatus(get("/api/v1/analysis/value/summary", role="sales"), 200)
        self.assertProblem(post("/api/v1/analysis/runs", {"kind": "value"}, role="sales"), 403)
        self.assertProblem(get("/api/v1/analysis/value/summary", role="agent"), 403)
        self.assertProblem(get("/api/v1/analysis/runs", role="customer"), (403, 404))

    def test_bad_parameters(self):
        for body in ({"kind": "value", "model": "magic"}, {"model": "bgnbd"},
                     {"kind": "value", "as_of": "2999-01-01"},
                     {"kind": "value", "calibration_end": "2024-02-01", "as_of": "2024-01-01"},
                     {"kind": "value", "horizon_months": 0},
                     {"kind": "value", "surprise": 1}):
            with self.subTest(body=body):
                self.assertProblem(post("/api/v1/analysis/runs", body, role="admin"), 422)


class AnalyzeCliTest(unittest.TestCase):
    """`chaincrm analyze value` on its own fresh SQLite database (any harness backend)."""

    def test_json_contract_on_cdnow(self):
        with tempfile.TemporaryDirectory(prefix="chaincrm-analyze-") as tmp:
            db = "sqlite:" + os.path.join(tmp, "cdnow.db")
            imp = cli("import", "purchases", "--db", db, "--format", "cdnow", CDNOW)
            self.assertEqual(imp.returncode, 0, imp.stderr)
            proc = cli("analyze", "value", "--db", db, "--calibration-end", "1997-09-30",
                       "--unit", "week", "--json")
            self.assertEqual(proc.returncode, 0, proc.stderr)
            out = json.loads(proc.stdout)  # exactly one JSON object on stdout
            self.assertIn("value analysis", proc.stderr, "progress goes to stderr")
            self.assertEqual(set(out["bgnbd"]), {"r", "alpha", "a", "b", "log_likelihood"})
            self.assertEqual(set(out["paretonbd"]), {"r", "alpha", "s", "beta", "log_likelihood"})
            self.assertEqual(set(out["gamma_gamma"]), {"p", "q", "gamma"})
            for key, want in BGNBD.items():
                self.assertAlmostEqual(out["bgnbd"][key], want, delta=abs(want) * 0.005)
            self.assertAlmostEqual(out["bgnbd"]["log_likelihood"], BGNBD_LL, delta=0.1)
            for key, want in PARETO.items():
                self.assertAlmostEqual(out["paretonbd"][key], want, delta=abs(want) * 0.01)
            self.assertEqual(out["counts"]["customers"], CDNOW_CUSTOMERS)
            self.assertGreater(out["timings"]["total_seconds"], 0)
            self.assertIn("bgnbd", out["timings"]["fit_seconds"])
            human = cli("analyze", "value", "--db", db, "--calibration-end", "1997-09-30",
                        "--unit", "week")
            self.assertEqual(human.returncode, 0, human.stderr)
            self.assertRegex(human.stdout, r"timings: load [0-9.]+ s, .* total [0-9.]+ s; "
                                           r"peak memory [0-9.]+ MB")

    def test_empty_ledger_fails_with_a_clear_message(self):
        with tempfile.TemporaryDirectory(prefix="chaincrm-analyze-") as tmp:
            db = "sqlite:" + os.path.join(tmp, "empty.db")
            proc = cli("analyze", "value", "--db", db, "--json")
            self.assertEqual(proc.returncode, 1, proc.stderr)
            self.assertEqual(proc.stdout, "")
            self.assertIn("no purchases", proc.stderr)


if __name__ == "__main__":
    unittest.main()
