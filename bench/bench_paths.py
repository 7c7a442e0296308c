"""Path-to-yes benchmarks (not tests): every built-in doctrine on the Gaza inquiry, the force-generation
view with the mandate designer, and the bounded worst cases. Figures go into the README and docs/paths.md.

Run: `.venv/bin/python bench/bench_paths.py [--record]` (`--record` writes bench/results/bench_paths.json;
then `bench/readme_table.py` renders the README's table).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from machine import cpu_model
from missiongate import builtin_ids, load_builtin, load_mission
from missiongate.paths import paths_to_yes
from missiongate.paths.forcegen import force_generation
from results import record

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def median_ms(function: Callable[[], object], repeat: int = 21) -> tuple[float, float]:
    """Median and slowest of `repeat` runs, in milliseconds (after one warm-up run)."""
    function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    doctrines = [load_builtin(d) for d in builtin_ids()]
    machine = f"{cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"{machine}, load {os.getloadavg()[0]:.1f}")
    print(f"{len(doctrines)} built-in doctrines")
    missions = ("gaza-isf-inquiry", "gaza-isf-2803", "gaza-isf-peace-enforcement", "site-protection-chapter7")
    figures: dict[str, float] = {}
    for name in missions:
        mission = load_mission(EXAMPLES / f"{name}.yaml")

        def every_doctrine(mission: object = mission) -> None:
            for doctrine in doctrines:
                paths_to_yes(doctrine, mission)  # type: ignore[arg-type]

        median, worst = median_ms(every_doctrine)
        figures[f"{name}_ms"] = median
        print(f"path to yes, all doctrines, {name}: median {median:.1f} ms, max {worst:.1f} ms (bar 100 ms)")
        median, worst = median_ms(lambda m=mission: force_generation(doctrines, m), repeat=5)  # type: ignore[misc]
        figures[f"{name}_forcegen_ms"] = median
        print(f"forcegen (designer: singles and pairs), {name}: median {median:.0f} ms, max {worst:.0f} ms")
    nothing: dict[str, object] = {}
    median, worst = median_ms(lambda: [paths_to_yes(d, nothing) for d in doctrines])
    print(f"path to yes, all doctrines, nothing known: median {median:.1f} ms, max {worst:.1f} ms")
    if "--record" in sys.argv:
        load = os.getloadavg()[0]
        measured = (
            f"{figures['gaza-isf-inquiry_ms']:.1f} ms (load {load:.1f}); force generation with the mandate "
            f"designer {figures['gaza-isf-inquiry_forcegen_ms']:.0f} ms"
        )
        record("bench_paths", "paths_gaza", measured, figures, f"{machine}, load {load:.1f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
