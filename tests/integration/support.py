"""Shared helpers for the integration suites: an HTTP client and the harness state.

run.py fills `STATE` (base URL, tokens of every role, fixture ids, the server process)
before it loads the test modules, so the same test code runs on every backend.
Python 3 standard library only.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import threading
import unittest
import urllib.parse
import uuid
from dataclasses import dataclass, field
from typing import Any

ROLES = ("admin", "manager", "sales", "agent", "analyst", "customer")
PROBLEM_JSON = "application/problem+json"


@dataclass
class HarnessState:
    host: str = "127.0.0.1"
    port: int = 0
    backend: str = ""
    db_url: str = ""
    binary: str = ""
    workdir: str = ""
    server: Any = None  # subprocess.Popen of `chaincrm serve`
    server_log: str = ""
    tokens: dict[str, str] = field(default_factory=dict)  # role -> bearer token
    users: dict[str, dict] = field(default_factory=dict)  # role -> user object from login
    emails: dict[str, str] = field(default_factory=dict)  # name -> email
    passwords: dict[str, str] = field(default_factory=dict)  # email -> password
    portal_customer_id: Any = None  # customer A, linked to the portal user
    other_customer_id: Any = None  # customer B, not the portal user's
    # Every response seen without an X-Request-Id header: (method, path, status).
    missing_request_ids: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


STATE = HarnessState()


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes,
                 method: str, path: str):
        self.status = status
        self.headers = headers
        self.body = body
        self.method = method
        self.path = path
        self._json: Any = None
        self._parsed = False

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    @property
    def json(self) -> Any:
        if not self._parsed:
            self._parsed = True
            try:
                self._json = json.loads(self.body.decode("utf-8")) if self.body else None
            except (ValueError, UnicodeDecodeError):
                self._json = None
        return self._json

    @property
    def etag(self) -> str | None:
        return self.headers.get("ETag")

    def __repr__(self) -> str:
        text = self.body[:600].decode("utf-8", "replace")
        return f"<{self.method} {self.path} -> {self.status} {text}>"


def quote_id(value: Any) -> str:
    return urllib.parse.quote(str(value), safe="")


def query(params: list[tuple[str, Any]] | dict[str, Any]) -> str:
    """Build a query string; keys like filter[name][starts-with] are percent-encoded."""
    items = params.items() if isinstance(params, dict) else params
    return urllib.parse.urlencode([(k, _qv(v)) for k, v in items])


def _qv(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def request(method: str, path: str, *, token: str | None = None, role: str | None = None,
            body: Any = None, raw: bytes | None = None, headers: dict[str, str] | None = None,
            content_type: str | None = "application/json", timeout: float = 60.0) -> Response:
    """One HTTP request on a fresh connection. `role` picks the harness token of that role."""
    if role is not None:
        token = STATE.tokens[role]
    hdrs = {"Accept": "application/json"}
    data = None
    if raw is not None:
        data = raw
    elif body is not None:
        data = json.dumps(body).encode("utf-8")
    if data is not None and content_type:
        hdrs["Content-Type"] = content_type
    if token:
        hdrs["Authorization"] = f"Bearer {token}"
    if headers:
        hdrs.update(headers)
    conn = http.client.HTTPConnection(STATE.host, STATE.port, timeout=timeout)
    try:
        send_error = None
        try:
            conn.request(method, path, body=data, headers=hdrs)
        except (BrokenPipeError, ConnectionResetError) as e:
            # The server may answer (e.g. 413) and close before reading the whole body.
            send_error = e
        try:
            resp = conn.getresponse()
            payload = resp.read()
        except (ConnectionResetError, http.client.RemoteDisconnected, BrokenPipeError):
            if send_error is not None:
                raise send_error
            raise
        result = Response(resp.status, resp.headers, payload, method, path)
    finally:
        conn.close()
    if not result.header("X-Request-Id"):
        with STATE.lock:
            STATE.missing_request_ids.append((method, path, result.status))
    return result


def get(path: str, **kw) -> Response:
    return request("GET", path, **kw)


def post(path: str, body: Any = None, **kw) -> Response:
    return request("POST", path, body=body, **kw)


def patch(path: str, body: Any = None, **kw) -> Response:
    return request("PATCH", path, body=body, **kw)


def delete(path: str, **kw) -> Response:
    return request("DELETE", path, **kw)


def unique(prefix: str = "T") -> str:
    """A short token unique within the run: scopes a test's records by name prefix."""
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def login(email: str, password: str) -> Response:
    return post("/api/v1/sessions", {"email": email, "password": password})


class ApiTestCase(unittest.TestCase):
    """Base class with helpers that assert the API contract."""

    maxDiff = 4000

    # --- assertions ---------------------------------------------------------------
    def assertSameInstant(self, got: str, want: str, msg: str = "") -> None:
        self.assertIsInstance(got, str, msg)
        self.assertEqual(instant(got), instant(want), f"{got!r} is {want!r} {msg}")

    def assertStatus(self, resp: Response, *expected: int) -> Response:
        if resp.status not in expected:
            self.fail(f"expected HTTP {' or '.join(map(str, expected))}, got {resp!r}")
        return resp

    def assertProblem(self, resp: Response, status: int | tuple[int, ...],
                      field: str | None = None, mention: str | None = None) -> dict:
        statuses = status if isinstance(status, tuple) else (status,)
        self.assertStatus(resp, *statuses)
        self.assertEqual(resp.content_type, PROBLEM_JSON,
                         f"error responses are application/problem+json: {resp!r}")
        body = resp.json
        self.assertIsInstance(body, dict, f"problem body is a JSON object: {resp!r}")
        for key in ("type", "title", "status"):
            self.assertIn(key, body, f"problem has '{key}': {resp!r}")
        self.assertEqual(body["status"], resp.status, f"problem.status matches: {resp!r}")
        if field is not None:
            fields = [e.get("field") for e in body.get("errors") or [] if isinstance(e, dict)]
            self.assertIn(field, fields, f"problem errors[] name field '{field}': {resp!r}")
            for e in body.get("errors") or []:
                self.assertTrue(e.get("message"), f"every error has a message: {resp!r}")
        if mention is not None:
            self.assertIn(mention, json.dumps(body, ensure_ascii=False),
                          f"problem mentions '{mention}': {resp!r}")
        return body

    # --- customers ----------------------------------------------------------------
    def create_customer(self, body: dict, role: str = "admin", **kw) -> dict:
        # Fixtures are often alike on purpose: skip the likely-duplicate 409 (see
        # test_duplicates_merge.py for the check itself).
        kw["headers"] = {"X-Allow-Duplicate": "true", **(kw.get("headers") or {})}
        resp = post("/api/v1/customers", body, role=role, **kw)
        self.assertStatus(resp, 201)
        data = resp.json
        self.assertIsInstance(data, dict, repr(resp))
        self.assertIn("id", data, repr(resp))
        return data

    def get_customer(self, cid: Any, role: str = "admin") -> Response:
        return get(f"/api/v1/customers/{quote_id(cid)}", role=role)

    def list_customers(self, params, role: str = "admin") -> Response:
        return get("/api/v1/customers?" + query(params), role=role)

    def list_ids(self, params, role: str = "admin") -> list:
        resp = self.assertStatus(self.list_customers(params, role=role), 200)
        return [c["id"] for c in resp.json["data"]]

    def list_all(self, params, role: str = "admin", limit: int = 100) -> list[dict]:
        """Follow next_cursor to the end and return every record."""
        params = list(params.items()) if isinstance(params, dict) else list(params)
        out: list[dict] = []
        cursor = None
        for _ in range(1000):
            p = params + [("limit", limit)] + ([("cursor", cursor)] if cursor else [])
            resp = self.assertStatus(self.list_customers(p, role=role), 200)
            out.extend(resp.json["data"])
            cursor = resp.json.get("next_cursor")
            if not cursor:
                return out
        self.fail("pagination did not end")

    # --- "nothing written" --------------------------------------------------------
    def write_marks(self) -> tuple[int, Any]:
        """(customers total, newest change-log seq) as seen through the API by admin."""
        resp = self.assertStatus(get("/api/v1/customers?total=true&limit=1", role="admin"), 200)
        total = resp.json.get("total")
        self.assertIsInstance(total, int, f"total=true gives an integer total: {resp!r}")
        audit = self.assertStatus(get("/api/v1/audit?limit=1", role="admin"), 200)
        data = audit.json.get("data") or []
        seq = data[0]["seq"] if data else None
        return total, seq

    def assertNothingWritten(self, before: tuple[int, Any], what: str = "") -> None:
        after = self.write_marks()
        self.assertEqual(before, after,
                         f"a failed request wrote something {what}: (customers, audit seq) "
                         f"before {before}, after {after}")


def instant(text: str):
    """Parse an RFC 3339 time ("…Z" or "…+00:00", any fraction) to a datetime."""
    import datetime as _dt
    t = text.strip()
    if t.endswith("Z") or t.endswith("z"):
        t = t[:-1] + "+00:00"
    m = re.match(r"^(\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d)(\.\d+)?([+-]\d\d:\d\d)$", t)
    if not m:
        raise AssertionError(f"not an RFC 3339 time: {text!r}")
    frac = (m.group(2) or ".0")[1:7].ljust(6, "0")
    return _dt.datetime.fromisoformat(f"{m.group(1).replace('t', 'T')}.{frac}{m.group(3)}")


def strip_quotes(etag: str | None) -> str | None:
    if etag is None:
        return None
    e = etag[2:] if etag.startswith("W/") else etag
    return e.strip('"')


def env_flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0", "false", "no")
