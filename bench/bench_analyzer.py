"""Analyzer benchmarks (not timed tests): one resolution in-process, modern texts in-process, the corpus end
to end, and a 20 MB text.

.venv/bin/python bench/bench_analyzer.py                       # project data only
.venv/bin/python bench/bench_analyzer.py --modern DIR          # also every .txt of DIR (e.g. unsc-modern)
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
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
MODERN = (ROOT / "data" / "pema" / "texts", ROOT / "data" / "modern" / "texts")


def timed(path: Path, repeats: int) -> list[float]:
    analyze_file(path)  # warm up regex caches
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        analyze_file(path)
        times.append((time.perf_counter() - start) * 1000)
    return times


def one_resolution(repeats: int = 50) -> tuple[float, float]:
    """Median and max milliseconds to read and analyze one resolution (UNOSOM II, 814, a long one)."""
    times = timed(next(CORPUS.glob("S_RES_0814_*")), repeats)
    return statistics.median(times), max(times)


def modern_texts(paths: list[Path]) -> tuple[float, float, Path, float]:
    """Median over texts of each text's median ms; the slowest text's; the largest text and its median."""
    medians = {path: statistics.median(timed(path, 5)) for path in paths}
    largest = max(paths, key=lambda p: p.stat().st_size)
    return statistics.median(medians.values()), max(medians.values()), largest, medians[largest]


def corpus_end_to_end(paths: list[Path], jobs: int) -> float:
    """Wall seconds for `missiongate corpus` over the texts, process start-up and Parquet output included."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for path in paths:
            (folder / path.name).symlink_to(path)
        command = [sys.executable, "-m", "missiongate.cli.app", "corpus", str(folder), "--out",
                   f"{tmp}/corpus.parquet", "--jobs", str(jobs), "--no-progress"]  # fmt: skip
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        return time.perf_counter() - start


def twenty_megabytes() -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) and the first output line of `missiongate analyze` on a 20 MB text."""
    sample = next(CORPUS.glob("S_RES_0814_*")).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_text((sample * (20_000_000 // len(sample) + 1))[:20_000_000], encoding="utf-8")
        command = [sys.executable, "-m", "missiongate.cli.app", "analyze", str(big), "--format", "json"]
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_mb, (result.stderr or result.stdout).splitlines()[0][:160]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--modern", type=Path, help="another directory of modern texts (*.txt)")
    args = parser.parse_args()
    # one path per file name: the project's modern texts are copies of some in --modern
    named = {p.name: p for d in (*MODERN, *([args.modern] if args.modern else [])) for p in d.glob("*.txt")}
    modern = sorted(named.values())
    old = sorted(CORPUS.glob("*.txt"))
    jobs = os.cpu_count() or 1
    median, worst = one_resolution()
    print(f"machine: {jobs} cores ({cpu_model()}), Python {platform.python_version()}")
    print(f"one resolution (S/RES/814, in-process): median {median:.1f} ms, max {worst:.1f} ms (<= 50 ms)")
    if modern:
        m_median, m_worst, largest, m_largest = modern_texts(modern)
        print(f"{len(modern)} modern texts (in-process, median of 5 each): median {m_median:.1f} ms, "
              f"slowest {m_worst:.1f} ms; largest {largest.name} ({largest.stat().st_size:,} bytes) "
              f"{m_largest:.1f} ms "
              f"(targets <= 50 / 100 ms)")  # fmt: skip
    runs = [corpus_end_to_end(old + modern, jobs) for _ in range(3)]
    print(f"corpus, {len(old) + len(modern)} texts, --jobs {jobs}, end to end: best {min(runs):.2f} s, "
          f"runs {', '.join(f'{r:.2f}' for r in runs)} (target <= 10 s for 1,198 texts)")  # fmt: skip
    seconds, peak, line = twenty_megabytes()
    print(f"a 20 MB text: {seconds:.2f} s, peak RSS {peak:.0f} MB (targets <= 10 s, <= 500 MB): {line}")


if __name__ == "__main__":
    main()
