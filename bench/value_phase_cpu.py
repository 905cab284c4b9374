#!/usr/bin/env python3
"""CPU seconds per phase of one value run (docs/PERFORMANCE.md, "Load and score CPU").

    bench/value_phase_cpu.py BINARY DB_URL OUT_JSON [AS_OF]

Runs `BINARY analyze value --db DB_URL --as-of AS_OF --json` (AS_OF 2026-11-24 by default),
polls the process's utime + stime in /proc every 50 ms, and splits that CPU time at the
phase boundaries of the run's own `timings` (aligned at the end of the run: the process
opens the database before the run starts). On a shared machine the CPU per phase is the
comparable figure where wall times are not.
"""
import json
import os
import subprocess
import sys
import time


def main():
    binary, db, out = sys.argv[1:4]
    as_of = sys.argv[4] if len(sys.argv) > 4 else "2026-11-24"
    tick = os.sysconf("SC_CLK_TCK")
    load0 = open("/proc/loadavg").read().split()[0]
    t0 = time.monotonic()
    with open(out, "w") as sink:
        p = subprocess.Popen([binary, "analyze", "value", "--db", db, "--as-of", as_of, "--json"],
                             stdout=sink, stderr=subprocess.DEVNULL)
        samples = []
        while p.poll() is None:
            try:
                f = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
                samples.append((time.monotonic() - t0, (int(f[11]) + int(f[12])) / tick))
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass
            time.sleep(0.05)
    wall = time.monotonic() - t0
    if p.returncode != 0 or not samples:
        sys.exit(f"the run failed (exit {p.returncode})")
    r = json.load(open(out))["timings"]
    f = r["fit_seconds"]
    phases = [("load", r["load_seconds"]), ("summarise", r["summarise_seconds"]),
              ("fits", f["bgnbd"] + f["paretonbd"] + f["gamma_gamma"]),
              ("score", r["score_seconds"]), ("write", r["write_seconds"])]

    def cpu_at(t):
        return max([c for ts, c in samples if ts <= t], default=0.0)

    edge = samples[-1][0] - r["total_seconds"]
    parts = []
    for name, secs in phases:
        parts.append(f"{name} {secs:.2f}s wall {cpu_at(edge + secs) - cpu_at(edge):.2f}s cpu")
        edge += secs
    load1 = open("/proc/loadavg").read().split()[0]
    print(" | ".join(parts),
          f"| total {wall:.1f}s, cpu {samples[-1][1]:.1f}s, load avg {load0} -> {load1}")


if __name__ == "__main__":
    main()
