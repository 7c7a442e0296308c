"""Soak: the mixed load of bench/load_api.py for a long time, watching memory, latency and errors.

    MISSIONGATE_DATABASE_URL=postgresql+psycopg://... PYTHONPATH=src .venv/bin/python bench/soak.py \
        --minutes 30 --workers 2 [--record]

Starts `missiongate serve` on a free loopback port (the database from MISSIONGATE_DATABASE_URL, else
SQLite in a temporary directory), then runs the open-loop schedule of load_api.py (100 requests/s, 80 %
reads, 20 % assessments) in one-minute windows back to back. After each window it records the server's
RSS (its whole process tree) and that window's p95s and errors. Memory counts as flat when the last five
windows' median RSS is within 10 % (or 30 MB) of the median of windows 2 to 6 (the first warms caches).
Loopback only; every loop is bounded by --minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

from load_api import (
    ASSESS_TARGET_MS,
    READ_TARGET_MS,
    LiveServer,
    create_cases,
    machine,
    run_load,
    summarise_load,
)
from results import table_order

MiB = 1024 * 1024


def tree_rss(pid: int) -> int:
    root = psutil.Process(pid)
    total = 0
    for process in (root, *root.children(recursive=True)):
        with contextlib.suppress(psutil.Error):  # a child that just ended
            total += process.memory_info().rss
    return total


def soak(url: str, token: str, server_pid: int, minutes: int, rate: float) -> dict[str, Any]:
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        case_ids = create_cases(client, 20)
    windows = []
    for minute in range(minutes):
        result = asyncio.run(run_load(url, token, case_ids, rate, 60, 0.2))
        summary = summarise_load(result, rate, 60)
        windows.append(
            {
                "minute": minute + 1,
                "rss_mb": round(tree_rss(server_pid) / MiB, 1),
                "load_average": round(os.getloadavg()[0], 1),
                "requests": summary["requests"],
                "errors": summary["errors"],
                "first_errors": summary["first_errors"],
                "read_p95_ms": summary["read"]["p95_ms"],
                "assessment_p95_ms": summary["assessment"]["p95_ms"],
            }
        )
        print(json.dumps(windows[-1]), flush=True)
    return verdict(windows)


def verdict(windows: list[dict[str, Any]]) -> dict[str, Any]:
    rss = [w["rss_mb"] for w in windows]
    early = statistics.median(rss[1:6]) if len(rss) > 6 else rss[0]
    late = statistics.median(rss[-5:])
    growth = late - early
    reads = sorted(w["read_p95_ms"] for w in windows)
    assessments = sorted(w["assessment_p95_ms"] for w in windows)
    errors = sum(w["errors"] for w in windows)
    flat = growth <= max(30.0, 0.1 * early)
    return {
        "windows": windows,
        "requests": sum(w["requests"] for w in windows),
        "errors": errors,
        "rss_early_mb": early,
        "rss_late_mb": late,
        "rss_growth_mb": round(growth, 1),
        "memory_flat": flat,
        "read_p95_ms_median_window": statistics.median(reads),
        "read_p95_ms_worst_window": reads[-1],
        "assessment_p95_ms_median_window": statistics.median(assessments),
        "assessment_p95_ms_worst_window": assessments[-1],
        "pass": flat
        and errors == 0
        and statistics.median(reads) <= READ_TARGET_MS
        and statistics.median(assessments) <= ASSESS_TARGET_MS,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=int, default=30)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--record", action="store_true", help="write bench/results/soak.json")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="missiongate-soak-"))
    server = LiveServer(workdir, workers=args.workers)
    database = (
        "PostgreSQL" if os.environ.get("MISSIONGATE_DATABASE_URL", "").startswith("postgresql") else "SQLite"
    )
    try:
        token = server.prepare()
        server.start()
        assert server.process is not None
        started = time.monotonic()
        result = soak(server.url, token, server.process.pid, args.minutes, args.rate)
        result["wall_minutes"] = round((time.monotonic() - started) / 60, 1)
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    result.update(machine=machine(), database=database, workers=args.workers, rate=args.rate)
    print(json.dumps({k: v for k, v in result.items() if k != "windows"}, indent=2))
    if args.record:
        record(result, args.minutes)
    return 0 if result["pass"] else 1


def record(result: dict[str, Any], minutes: int) -> None:
    r = result
    measured = (
        f"{minutes} min on {r['database']}, `--workers {r['workers']}`: {r['requests']} requests, "
        f"{r['errors']} errors; RSS {r['rss_early_mb']:.0f} -> {r['rss_late_mb']:.0f} MB "
        f"({'flat' if r['memory_flat'] else 'GROWING'}); p95 per minute, median (worst) reads "
        f"{r['read_p95_ms_median_window']:.0f} ({r['read_p95_ms_worst_window']:.0f}) ms, assessments "
        f"{r['assessment_p95_ms_median_window']:.0f} ({r['assessment_p95_ms_worst_window']:.0f}) ms; "
        f"load average {min(w['load_average'] for w in r['windows']):.0f} to "
        f"{max(w['load_average'] for w in r['windows']):.0f} on {r['machine']['nproc']} cores"
    )
    row = {
        "id": "soak",
        "order": table_order("soak", "soak"),
        "what": "soak: 100 req/s mixed, `serve --workers 2`, PostgreSQL",
        "bar": "30 min, flat memory, p95 50 / 100 ms, 0 errors",
        "measured": measured if result["pass"] else f"NOT MET: {measured}",
        "script": "bench/soak.py",
        "figures": result,
        "recorded": time.strftime("%Y-%m-%d"),
    }
    path = Path(__file__).resolve().parent / "results" / "soak.json"
    path.write_text(json.dumps({"rows": [row]}, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
