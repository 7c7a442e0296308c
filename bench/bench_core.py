"""Core benchmarks (not tests): evaluation, questionnaire and CLI cold start. Figures go into the README.

Run: `make bench` or `.venv/bin/python bench/bench_core.py`; with `--record` the figures also go into
bench/results/bench_core.json, from which `bench/readme_table.py` renders the README's table.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from machine import cpu_model
from missiongate import Doctrine, build_questionnaire, evaluate, load_builtin, load_mission
from missiongate.doctrine.model import Rule
from results import record

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def doctrine_with_30_rules() -> Doctrine:
    """The first 30 rules of the Azerbaijan, Japan and UN doctrines together (ids made unique)."""
    rules: list[Rule] = []
    sources = {}
    for doctrine_id in ("azerbaijan", "japan", "un-principles"):
        doctrine = load_builtin(doctrine_id)
        rules += [rule.model_copy(update={"id": f"{doctrine_id}-{rule.id}"}) for rule in doctrine.rules]
        sources.update({source.id: source for source in doctrine.sources})
    base = load_builtin("azerbaijan")
    return base.model_copy(update={"rules": rules[:30], "sources": list(sources.values()), "cases": []})


def median_seconds(function: Callable[[], object], repeat: int, number: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            function()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


def cold_start_seconds(runs: int = 15) -> float:
    command = [
        str(ROOT / ".venv/bin/missiongate"),
        "assess",
        str(EXAMPLES / "gaza-isf-inquiry.yaml"),
        "--doctrine",
        "azerbaijan",
        "--format",
        "json",
    ]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    doctrine = doctrine_with_30_rules()
    assert len(doctrine.rules) == 30
    full = load_mission(EXAMPLES / "site-protection-chapter7.yaml").values
    bare = load_mission(EXAMPLES / "gaza-isf-inquiry.yaml").values
    azerbaijan = load_builtin("azerbaijan")
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}")
    known = median_seconds(lambda: evaluate(doctrine, full), repeat=15, number=2000)
    print(f"evaluate, 30 rules, all facts known:      {known * 1e6:8.1f} µs median")
    unknown = median_seconds(lambda: evaluate(doctrine, bare), repeat=15, number=2000)
    print(f"evaluate, 30 rules, bare inquiry:         {unknown * 1e6:8.1f} µs median")
    questionnaire = median_seconds(lambda: build_questionnaire(azerbaijan, bare), repeat=15, number=50)
    count = len(build_questionnaire(azerbaijan, bare).questions)
    print(f"questionnaire, bare inquiry ({count} questions): {questionnaire * 1e3:6.2f} ms median")
    cold = None if "--no-cold-start" in sys.argv else cold_start_seconds()
    if cold is not None:
        print(f"`missiongate assess` cold process:        {cold * 1e3:8.0f} ms median")
    if "--record" in sys.argv:
        conditions = f"{os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}"
        measured = f"{known * 1e6:.0f} µs all facts known, {unknown * 1e6:.0f} µs bare inquiry"
        record("bench_core", "evaluation", measured, {"known_s": known, "bare_s": unknown}, conditions)
        ms = f"{questionnaire * 1e3:.1f} ms"
        record("bench_core", "questionnaire", ms, {"s": questionnaire}, conditions)
        if cold is not None:
            record("bench_core", "cold_start", f"{cold:.2f} s", {"s": cold}, conditions)


if __name__ == "__main__":
    main()
