"""Analyzer benchmarks (not timed tests): one resolution in-process, and the 902-text corpus end to end.

.venv/bin/python bench/bench_analyzer.py            # prints the figures and the machine
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import cpu_model
from missiongate.analyzer.analysis import analyze_file

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "unsc-resolutions"


def one_resolution(repeats: int = 50) -> tuple[float, float]:
    """Median and max milliseconds to read and analyze one resolution (UNOSOM II, 814, a long one)."""
    path = next(CORPUS.glob("S_RES_0814_*"))
    analyze_file(path)  # warm up regex caches
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        analyze_file(path)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def corpus_end_to_end(jobs: int) -> float:
    """Wall seconds for `missiongate corpus` over all texts, process start-up and Parquet output included."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "missiongate.cli.app", "corpus", str(CORPUS), "--out",
                   f"{tmp}/corpus.parquet", "--jobs", str(jobs), "--no-progress"]  # fmt: skip
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> None:
    median, worst = one_resolution()
    jobs = os.cpu_count() or 1
    runs = [corpus_end_to_end(jobs) for _ in range(3)]
    print(f"machine: {jobs} cores ({cpu_model()}), Python {platform.python_version()}")
    print(f"one resolution (S/RES/814, in-process): median {median:.1f} ms, max {worst:.1f} ms")
    print(f"corpus, {len(list(CORPUS.iterdir()))} texts, --jobs {jobs}, end to end: "
          f"best {min(runs):.2f} s, runs {', '.join(f'{r:.2f}' for r in runs)} (target <= 5 s)")  # fmt: skip


if __name__ == "__main__":
    main()
