"""Helpers of the organising suites: the CLI against the harness database, and a scan of
every text value in the database (for erasure checks)."""

from __future__ import annotations

import os
import sqlite3
import subprocess

from support import STATE

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def run_cli(*args: str, timeout: float = 60.0) -> subprocess.CompletedProcess:
    """`chaincrm ARGS --db <harness db>`; raises on a timeout (a hang)."""
    env = dict(os.environ)
    env.pop("CHAINCRM_DB", None)
    return subprocess.run([STATE.binary, *args, "--db", STATE.db_url], capture_output=True,
                          timeout=timeout, env=env)


def corpus_dirs() -> list[str]:
    """The vCard files in the repository, and the shared corpus when it is present."""
    dirs = [os.path.join(REPO, "tests", "data", "vcard")]
    for shared in (os.path.join(REPO, "..", "shared", "data", "vcard"),
                   "/work/shared/data/vcard"):
        if os.path.isdir(shared):
            dirs.append(os.path.realpath(shared))
            break
    return dirs


def all_text_values() -> list[tuple[str, str]]:
    """(table, value) for every non-null value of every column of every table."""
    out: list[tuple[str, str]] = []
    if STATE.db_url.startswith("sqlite:"):
        con = sqlite3.connect(STATE.db_url[len("sqlite:"):], timeout=30)
        try:
            tables = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
            for t in tables:
                for row in con.execute(f'SELECT * FROM "{t}"'):
                    for v in row:
                        if isinstance(v, bytes):
                            out.append((t, v.decode("utf-8", "replace")))
                        elif v is not None:
                            out.append((t, str(v)))
        finally:
            con.close()
        return out
    tables = subprocess.run(
        ["psql", STATE.db_url, "-At", "-c",
         "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
         "AND table_type = 'BASE TABLE'"],
        capture_output=True, text=True, check=True).stdout.split()
    args = ["psql", STATE.db_url, "-At"]
    for t in tables:
        args += ["-c", f"SELECT '{t}' || chr(9) || x::text FROM \"{t}\" x"]
    proc = subprocess.run(args, capture_output=True, text=True, check=True)
    for line in proc.stdout.splitlines():
        table, tab, value = line.partition("\t")
        # A value with a line break continues on the next output line.
        out.append((table, value) if tab else ("(continued)", line))
    return out
