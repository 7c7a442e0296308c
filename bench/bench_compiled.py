"""Compiled doctrines (not a test): decisions per second and compile time. Figures go into the README.

Run: `.venv/bin/python bench/bench_compiled.py`. Times are CPU times of the bench process. The 30-rule
doctrine is bench_core's; the 100-, 300- and 1,000-rule doctrines repeat its rules under new ids, so the
facts read stay the same and only the rule count grows. A decision is `CompiledDoctrine.verdict(values)`;
the facts are those of two example missions on which no rule declines, so every rule is evaluated (a
decline returns at the first declining rule).
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable, Mapping

from bench_core import EXAMPLES, doctrine_with_30_rules
from machine import cpu_model
from missiongate import Doctrine, evaluate, load_mission
from missiongate.catalogue import FactValue
from missiongate.doctrine.compiled import compile_doctrine
from missiongate.doctrine.model import Rule

SIZES = (100, 300, 1000)


def doctrine_with_rules(base: Doctrine, count: int) -> Doctrine:
    rules: list[Rule] = [
        base.rules[i % len(base.rules)].model_copy(update={"id": f"G{i}"}) for i in range(count)
    ]
    return base.model_copy(update={"rules": rules})


def timed(function: Callable[[], object], repeat: int, number: int) -> tuple[float, float]:
    """Median and best CPU seconds per call. CPU time of this process, not wall time: on the shared
    machine, time spent waiting while other processes run is not the code's cost."""
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(number):
            function()
        samples.append((time.process_time() - start) / number)
    return statistics.median(samples), min(samples)


def cold_compile_ms(doctrine: Doctrine) -> float:
    """CPU time of the first compile of a doctrine in this process (nothing cached yet for its logic)."""
    start = time.process_time()
    compile_doctrine(doctrine)
    return (time.process_time() - start) * 1e3


def thirty_rules(full: Mapping[str, FactValue], bare: Mapping[str, FactValue]) -> None:
    doctrine = doctrine_with_30_rules()
    print(f"compile, 30 rules: {cold_compile_ms(doctrine):6.1f} ms (first call; later calls are cached)")
    compiled = compile_doctrine(doctrine)
    for label, values in (("all facts known", full), ("bare inquiry", bare)):
        verdict, best = timed(lambda: compiled.verdict(values), repeat=15, number=20000)  # noqa: B023
        statuses, _ = timed(lambda: compiled.statuses(values), repeat=15, number=20000)  # noqa: B023
        interpreted, _ = timed(lambda: evaluate(doctrine, values), repeat=7, number=2000)  # noqa: B023
        print(
            f"30 rules, {label:16} verdict {verdict * 1e6:5.2f} µs median, {best * 1e6:5.2f} best "
            f"({1 / verdict:9,.0f} decisions/s), statuses {statuses * 1e6:5.2f} µs; "
            f"interpreter's evaluate() {interpreted * 1e6:5.1f} µs"
        )


def growth(values: Mapping[str, FactValue]) -> None:
    for count in SIZES:
        doctrine = doctrine_with_rules(doctrine_with_30_rules(), count)
        compile_ms = cold_compile_ms(doctrine)
        verdict = compile_doctrine(doctrine).verdict
        seconds, best = timed(lambda: verdict(values), repeat=9, number=200_000 // count)  # noqa: B023
        print(
            f"{count:5} rules, all facts known: verdict {seconds * 1e6:7.2f} µs median, "
            f"{best * 1e6:7.2f} best ({1 / seconds:9,.0f} decisions/s, {best * 1e9 / count:4.0f} ns per rule "
            f"at best); compile {compile_ms:6.1f} ms"
        )


def main() -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}, load {load}")
    full = load_mission(EXAMPLES / "site-protection-chapter7.yaml").values
    bare = load_mission(EXAMPLES / "gaza-isf-inquiry.yaml").values
    thirty_rules(full, bare)
    growth(full)


if __name__ == "__main__":
    main()
