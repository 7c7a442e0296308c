"""Compiled doctrines (not a test): decisions per second and compile time. Figures go into the README.

Run: `.venv/bin/python bench/bench_compiled.py [--record]`; with `--record` the figures also go into
bench/results/bench_compiled.json, from which `bench/readme_table.py` renders the README's table. Times
are CPU times of the bench process. The 30-rule doctrine is bench_core's; the 100-, 300- and 1,000-rule
doctrines repeat its rules under new ids, so the facts read stay the same and only the rule count grows.
A decision is `CompiledDoctrine.verdict(values)`. The facts are those of two example missions on which no
rule declines, so every rule is evaluated (a decline returns at the first declining rule):
observer-mission-consent settles every rule; gaza-isf-inquiry is the bare inquiry.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Mapping

from bench_core import EXAMPLES, doctrine_with_30_rules
from machine import cpu_model
from missiongate import Doctrine, evaluate, load_mission
from missiongate.catalogue import FactValue
from missiongate.doctrine.compiled import compile_doctrine
from missiongate.doctrine.model import Rule
from missiongate.evaluator import Verdict
from results import record

SIZES = (100, 300, 1000)
DECLINED = (Verdict.DECLINE, Verdict.WITHDRAW)


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


def thirty_rules(full: Mapping[str, FactValue], bare: Mapping[str, FactValue]) -> dict[str, float]:
    doctrine = doctrine_with_30_rules()
    figures = {"compile_s": cold_compile_ms(doctrine) / 1e3}
    print(f"compile, 30 rules: {figures['compile_s'] * 1e3:6.1f} ms (first call; later calls are cached)")
    compiled = compile_doctrine(doctrine)
    for label, values in (("settled", full), ("bare", bare)):
        assert compiled.verdict(values) not in DECLINED, "a decline would stop before the last rule"
        verdict, best = timed(lambda: compiled.verdict(values), repeat=15, number=20000)  # noqa: B023
        statuses, _ = timed(lambda: compiled.statuses(values), repeat=15, number=20000)  # noqa: B023
        interpreted, _ = timed(lambda: evaluate(doctrine, values), repeat=7, number=2000)  # noqa: B023
        figures |= {f"{label}_s": verdict, f"{label}_evaluate_s": interpreted}
        print(
            f"30 rules, {label:7} facts: verdict {verdict * 1e6:5.2f} µs median, {best * 1e6:5.2f} best "
            f"({1 / verdict:9,.0f} decisions/s), statuses {statuses * 1e6:5.2f} µs; "
            f"interpreter's evaluate() {interpreted * 1e6:5.1f} µs"
        )
    return figures


def growth(values: Mapping[str, FactValue]) -> dict[str, float]:
    figures: dict[str, float] = {}
    for count in SIZES:
        doctrine = doctrine_with_rules(doctrine_with_30_rules(), count)
        compile_ms = cold_compile_ms(doctrine)
        verdict = compile_doctrine(doctrine).verdict
        seconds, best = timed(lambda: verdict(values), repeat=9, number=200_000 // count)  # noqa: B023
        figures |= {f"rules_{count}_s": seconds, f"rules_{count}_compile_s": compile_ms / 1e3}
        print(
            f"{count:5} rules, every rule settled: verdict {seconds * 1e6:7.2f} µs median, "
            f"{best * 1e6:7.2f} best ({1 / seconds:9,.0f} decisions/s, {seconds * 1e9 / count:4.0f} ns "
            f"per rule); compile {compile_ms:6.1f} ms"
        )
    return figures


def record_figures(thirty: dict[str, float], grown: dict[str, float], conditions: str) -> None:
    settled, bare = thirty["settled_s"], thirty["bare_s"]
    evaluated = (thirty["settled_evaluate_s"], thirty["bare_evaluate_s"])
    measured = (
        f"{settled * 1e6:.2f} µs ({1 / settled:,.0f} decisions/s) with every rule settled, "
        f"{bare * 1e6:.2f} µs bare inquiry; the interpreter's `evaluate()` "
        f"{min(evaluated) * 1e6:.0f}-{max(evaluated) * 1e6:.0f} µs in the same run"
    )
    record("bench_compiled", "compiled_decision", measured, thirty, conditions)
    times = " / ".join(f"{grown[f'rules_{count}_s'] * 1e6:.1f}" for count in SIZES)
    per_rule = [grown[f"rules_{count}_s"] * 1e9 / count for count in SIZES]
    measured = (
        f"{times} µs, {min(per_rule):.0f}-{max(per_rule):.0f} ns per rule; compiled once per doctrine in "
        f"{thirty['compile_s'] * 1e3:.0f} ms for 30 rules, {grown['rules_1000_compile_s']:.2f} s for 1,000"
    )
    record("bench_compiled", "compiled_growth", measured, grown, conditions)


def main() -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    conditions = f"{os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}, load {load}"
    print(f"machine: {conditions}")
    full = load_mission(EXAMPLES / "observer-mission-consent.yaml").values
    bare = load_mission(EXAMPLES / "gaza-isf-inquiry.yaml").values
    thirty, grown = thirty_rules(full, bare), growth(full)
    if "--record" in sys.argv:
        record_figures(thirty, grown, f"CPU time; {conditions}")


if __name__ == "__main__":
    main()
