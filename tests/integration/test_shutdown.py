"""Graceful shutdown: in-flight requests finish after SIGTERM; runs last (run.py)."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import threading
import time

from support import STATE, ApiTestCase, query


def read_response(sock: socket.socket) -> tuple[int, dict, bytes]:
    """Read one HTTP/1.1 response with a Content-Length body from a raw socket."""
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"connection closed before a response: {buf[:200]!r}")
        buf += chunk
    head, rest = buf.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed in the middle of the body")
        rest += chunk
    return status, headers, rest[:length]


def open_warm_connection() -> socket.socket:
    """A keep-alive connection the server has certainly accepted (one request done)."""
    sock = socket.create_connection((STATE.host, STATE.port), timeout=30)
    sock.sendall(f"GET /healthz HTTP/1.1\r\nHost: {STATE.host}\r\n\r\n".encode())
    status, _, _ = read_response(sock)
    if status != 200:
        raise AssertionError(f"/healthz answered {status}")
    return sock


class GracefulShutdownTest(ApiTestCase):
    def test_sigterm_lets_in_flight_requests_finish(self):
        proc = STATE.server
        self.assertIsNotNone(proc, "the harness started the server")
        self.assertIsNone(proc.poll(), "the server is running")
        token = STATE.tokens["admin"]

        # 1. A create whose body is half sent when SIGTERM arrives: certainly in flight.
        body = json.dumps({"kind": "organization",
                           "name": "Shutdown In Flight Co " + str(time.time())}).encode()
        slow = open_warm_connection()
        slow.sendall((f"POST /api/v1/customers HTTP/1.1\r\nHost: {STATE.host}\r\n"
                      f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
                      f"Content-Length: {len(body)}\r\n\r\n").encode() + body[:10])

        # 2. Big lists on warm connections, sent just before SIGTERM.
        path = "/api/v1/customers?" + query([("limit", 500), ("total", "true"),
                                             ("sort", "name,-id"),
                                             ("filter[status][in]", "active,archived")])
        lists = [open_warm_connection() for _ in range(4)]
        results: list = [None] * len(lists)
        sent = [threading.Event() for _ in lists]

        def big_list(i: int):
            try:
                lists[i].sendall((f"GET {path} HTTP/1.1\r\nHost: {STATE.host}\r\n"
                                  f"Authorization: Bearer {token}\r\n\r\n").encode())
                sent[i].set()
                results[i] = read_response(lists[i])
            except Exception as e:  # noqa: BLE001 - reported below
                results[i] = e

        time.sleep(0.3)  # the server has read the headers of the slow create
        threads = [threading.Thread(target=big_list, args=(i,)) for i in range(len(lists))]
        for t in threads:
            t.start()
        for e in sent:
            e.wait(timeout=10)
        time.sleep(0.05)  # the server has read them and is building the answers
        proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        try:
            slow.sendall(body[10:])
            created = read_response(slow)
        except OSError as e:
            created = e
        for t in threads:
            t.join(timeout=30)
        for s in lists + [slow]:
            s.close()

        with self.subTest(check="big lists in flight at SIGTERM finish"):
            for r in results:
                self.assertNotIsInstance(r, Exception, f"an in-flight list failed: {r!r}")
                self.assertIsNotNone(r, "the in-flight list finished")
                self.assertEqual(r[0], 200, repr(r)[:300])
                self.assertTrue(json.loads(r[2])["data"], "a complete JSON body")
        with self.subTest(check="a create whose body is still arriving at SIGTERM finishes"):
            self.assertNotIsInstance(created, Exception,
                                     f"the in-flight create was cut off: {created!r}")
            self.assertEqual(created[0], 201, f"the in-flight create finished: {created!r}")
            self.assertIn("id", json.loads(created[2]))
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.fail("the server did not exit within 10 s of SIGTERM")
        self.assertEqual(code, 0, "the server exits 0 after SIGTERM")
