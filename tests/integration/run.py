#!/usr/bin/env python3
"""Integration harness: drives the real `chaincrm` binary over HTTP.

    python3 tests/integration/run.py --binary build/dev/chaincrm --backend sqlite|pg

For each run it makes a fresh database (a temp SQLite file, or a new PostgreSQL database
on the server named by CHAINCRM_TEST_PG_ADMIN_URL), applies the migrations, creates one
user per role with the CLI, starts `chaincrm serve` on a free port, runs every
tests/integration/test_*.py suite against it (the same code on both backends), then
stops the server with SIGTERM and checks that it exits 0 within 10 s.

Exit status: 0 all passed, 1 a failure, 77 skipped (PostgreSQL not available).
Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree

import support  # noqa: E402

SKIP = 77
STAFF_ROLES = ("admin", "manager", "sales", "agent", "analyst")
# Suites that must run at a particular place: the shutdown suite stops the server.
LAST_MODULES = ("test_shutdown",)


class HarnessError(Exception):
    pass


def log(msg: str) -> None:
    print(f"[harness] {msg}", flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(binary: str, args: list[str], timeout: float = 120) -> str:
    cmd = [binary] + args
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        raise HarnessError(f"command timed out: {' '.join(cmd)}") from e
    if proc.returncode != 0:
        raise HarnessError(f"command failed ({proc.returncode}): {' '.join(cmd)}\n"
                           f"stdout: {proc.stdout[-2000:]}\nstderr: {proc.stderr[-4000:]}")
    return proc.stdout


def psql(admin_url: str, sql: str) -> None:
    proc = subprocess.run(["psql", admin_url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql],
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise HarnessError(f"psql failed: {sql}\n{proc.stderr}")


def with_database(admin_url: str, dbname: str) -> str:
    parts = urllib.parse.urlsplit(admin_url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + dbname))


def http_get(port: int, path: str, timeout: float = 2.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def wait_healthy(proc: subprocess.Popen, port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise HarnessError(f"server exited early with status {proc.returncode}")
        try:
            status, _ = http_get(port, "/healthz")
            if status == 200:
                return
            last = f"status {status}"
        except OSError as e:
            last = str(e)
        time.sleep(0.2)
    raise HarnessError(f"server not healthy within {timeout:.0f} s ({last})")


def stop_server(proc: subprocess.Popen, timeout: float = 10.0) -> int | None:
    """SIGTERM, then wait; returns the exit status, or None if it had to be killed."""
    if proc.poll() is not None:
        return proc.returncode
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None


def tail(path: str, lines: int = 80) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""


def login_or_fail(email: str, password: str) -> dict:
    resp = support.login(email, password)
    if resp.status != 201 or not isinstance(resp.json, dict) or "token" not in resp.json:
        raise HarnessError(f"login as {email} failed: {resp!r}")
    body = resp.json
    if not isinstance(body.get("user"), dict) or "id" not in body["user"]:
        # The suites need the user's id; the login answer should carry it (test_auth
        # checks that), /me is the fallback so one gap does not stop every suite.
        me = support.get("/api/v1/me", token=body["token"])
        body["user"] = me.json if me.status == 200 and isinstance(me.json, dict) else {}
    return body


def set_up_fixtures(state: support.HarnessState) -> None:
    """Tokens for every role, and customers A (portal user's own) and B (someone else)."""
    for role in STAFF_ROLES:
        body = login_or_fail(state.emails[role], state.passwords[state.emails[role]])
        state.tokens[role] = body["token"]
        state.users[role] = body.get("user") or {}
    a = support.post("/api/v1/customers", {"kind": "organization",
                                           "name": "Portal Customer A Trading Co"},
                     role="admin")
    b = support.post("/api/v1/customers", {"kind": "organization",
                                           "name": "Other Customer B Textiles"},
                     role="admin")
    for r in (a, b):
        if r.status != 201 or not isinstance(r.json, dict) or "id" not in r.json:
            raise HarnessError(f"creating a fixture customer failed: {r!r}")
    state.portal_customer_id = a.json["id"]
    state.other_customer_id = b.json["id"]
    # The portal user is linked to customer A, so it is created once A exists.
    email = state.emails["customer"]
    run_cli(state.binary, ["user", "add", "--db", state.db_url, "--email", email,
                           "--password", state.passwords[email], "--role", "customer",
                           "--customer", str(state.portal_customer_id)])
    body = login_or_fail(email, state.passwords[email])
    state.tokens["customer"] = body["token"]
    state.users["customer"] = body.get("user") or {}


def load_suites(pattern: str | None) -> unittest.TestSuite:
    names = sorted(f[:-3] for f in os.listdir(HERE)
                   if f.startswith("test_") and f.endswith(".py"))
    names = [n for n in names if n not in LAST_MODULES] + \
        [n for n in LAST_MODULES if n in names]
    loader = unittest.TestLoader()
    if pattern:
        loader.testNamePatterns = [f"*{pattern}*"]
    suite = unittest.TestSuite()
    for name in names:
        suite.addTests(loader.loadTestsFromName(name))
    return suite


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True, help="path to the chaincrm binary")
    ap.add_argument("--backend", required=True, choices=("sqlite", "pg"))
    ap.add_argument("-k", dest="pattern", help="run only tests whose name contains this")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir and database")
    ap.add_argument("-v", dest="verbosity", type=int, default=2)
    args = ap.parse_args()

    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"error: {binary} is not an executable", file=sys.stderr)
        return 2

    admin_url = None
    dbname = None
    if args.backend == "pg":
        admin_url = (os.environ.get("CHAINCRM_TEST_PG_ADMIN_URL")
                     or os.environ.get("CHAINCRM_TEST_PG_URL"))
        if not admin_url:
            print("skipped: no PostgreSQL (CHAINCRM_TEST_PG_ADMIN_URL is not set)")
            return SKIP
        if not shutil.which("psql"):
            print("skipped: no PostgreSQL (psql not found)")
            return SKIP

    state = support.STATE
    state.binary = binary
    state.backend = args.backend
    state.workdir = tempfile.mkdtemp(prefix=f"chaincrm-itest-{args.backend}-")
    state.server_log = os.path.join(state.workdir, "server.log")
    ok = False
    harness_failures: list[str] = []
    proc = None
    try:
        if args.backend == "pg":
            dbname = "itest_" + secrets.token_hex(6)
            psql(admin_url, f"CREATE DATABASE {dbname}")
            state.db_url = with_database(admin_url, dbname)
        else:
            state.db_url = "sqlite:" + os.path.join(state.workdir, "chaincrm.db")
        log(f"backend {args.backend}, database {state.db_url}")

        run_cli(binary, ["migrate", "--db", state.db_url])
        for name in STAFF_ROLES + ("customer", "wrongpw", "throttle", "neighbour", "logout"):
            email = f"{name}@itest.example.com"
            state.emails[name] = email
            state.passwords[email] = f"Itest-{name}-Passw0rd!"
        # Extra staff users for the auth suites, so throttling one email harms no other.
        extra = {"wrongpw": "agent", "throttle": "agent", "neighbour": "agent",
                 "logout": "analyst"}
        for name in STAFF_ROLES + tuple(extra):
            role = extra.get(name, name)
            email = state.emails[name]
            run_cli(binary, ["user", "add", "--db", state.db_url, "--email", email,
                             "--password", state.passwords[email], "--role", role])

        state.port = free_port()
        logf = open(state.server_log, "wb")
        proc = subprocess.Popen(
            [binary, "serve", "--db", state.db_url, "--port", str(state.port),
             "--sla-interval-seconds", "0"],
            stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        logf.close()
        state.server = proc
        wait_healthy(proc, state.port)
        log(f"server up on 127.0.0.1:{state.port} (pid {proc.pid})")
        set_up_fixtures(state)

        suite = load_suites(args.pattern)
        runner = unittest.TextTestRunner(verbosity=args.verbosity, stream=sys.stdout)
        result = runner.run(suite)

        exit_status = stop_server(proc)
        if exit_status is None:
            harness_failures.append("server did not exit within 10 s of SIGTERM (killed)")
        elif exit_status != 0:
            harness_failures.append(f"server exited with status {exit_status} (want 0)")
        else:
            log("server stopped cleanly (exit 0)")

        # A test with several failing subTests counts once.
        failed_ids = {getattr(t, "test_case", t).id()
                      for t, _ in result.failures + result.errors}
        failed = len(failed_ids) + len(result.unexpectedSuccesses)
        skipped = len(result.skipped)
        passed = result.testsRun - failed - skipped
        print(f"integration-{args.backend}: {passed} passed, {failed} failed, "
              f"{skipped} skipped")
        ok = result.wasSuccessful() and not harness_failures
    except HarnessError as e:
        harness_failures.append(str(e))
    except KeyboardInterrupt:
        harness_failures.append("interrupted")
    finally:
        if proc is not None and proc.poll() is None:
            stop_server(proc)
        for f in harness_failures:
            print(f"HARNESS FAILURE: {f}", file=sys.stderr)
        if not ok:
            log_tail = tail(state.server_log)
            if log_tail:
                print(f"--- last lines of {state.server_log} ---\n{log_tail}", file=sys.stderr)
        if dbname and not args.keep:
            try:
                psql(admin_url, f"DROP DATABASE IF EXISTS {dbname} WITH (FORCE)")
            except (HarnessError, subprocess.TimeoutExpired) as e:
                print(f"warning: could not drop {dbname}: {e}", file=sys.stderr)
        if ok and not args.keep:
            shutil.rmtree(state.workdir, ignore_errors=True)
        else:
            log(f"kept {state.workdir}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
