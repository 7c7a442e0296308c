"""The analyzer's task codes on constructed mandates written blind (`data/modern/constructed/*.yaml`).

Each item is a short resolution about a fictional operation, written from the codebook by a writer who
never read the analyzer nor a real resolution of the labelled set, with the PEMA tasks it gives the
operation. Scored as `missiongate eval mandates` scores tasks: presence per (item, code), any modality and
paragraph; modality per (item, code, paragraph) found by both. Prints aggregates; `--errors` lists each
item's misses (for development use, after the first blind run has been recorded). The items are short and
often give tasks without renewing or creating the operation, where the summary (rightly, for a real text
that acts on no operation) keeps no task: `--ungated` scores the task findings before that gate, which is
how well the analyzer reads the wording. `--backoff MODEL.json` adds the learned back-off
(`analyzer/learned_tasks.py`) from that model file to the rules' task findings (without it: the rules
alone, or the product's shipped model if there is one).

Run: PYTHONPATH=src .venv/bin/python bench/tasks_constructed.py data/modern/constructed/NAME.yaml [--errors]
     [--ungated] [--backoff MODEL.json]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from missiongate.analyzer.analysis import Analysis, analyze_text
from missiongate.analyzer.evaluation import Counts
from missiongate.analyzer.learned_tasks import TaskModel, backoff_tasks, load_model
from missiongate.analyzer.mandate_labels import TaskLabel, read_constructed
from missiongate.analyzer.summary import summarise

Scored = tuple[str, tuple[TaskLabel, ...], tuple[TaskLabel, ...]]  # (item id, gold, found)


def pairs(tasks: tuple[TaskLabel, ...]) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for task in tasks:
        found.setdefault((task.task, task.paragraph), set()).add(task.modality)
    return found


def with_backoff(analysis: Analysis, model: TaskModel) -> Analysis:
    """The rules' findings plus what `model` adds to them (any shipped model's findings dropped first)."""
    kept = tuple(f for f in analysis.findings if not f.rule.endswith(".learned"))
    rules = [f for f in kept if f.kind == "task"]
    added = backoff_tasks(analysis.structure, rules, model)
    return Analysis(analysis.source, analysis.format, analysis.structure, (*kept, *added))


def found_tasks(analysis: Analysis, ungated: bool) -> tuple[TaskLabel, ...]:
    if not ungated:
        return summarise(analysis).tasks
    return tuple(
        TaskLabel(f.value, f.detail["modality"], f.evidence.paragraph or "") for f in analysis.of_kind("task")
    )


def read_tasks(text: str, ungated: bool, model: TaskModel | None = None) -> tuple[TaskLabel, ...]:
    analysis = analyze_text(text)
    return found_tasks(with_backoff(analysis, model) if model else analysis, ungated)


def tally(scored: Iterable[Scored], errors: bool = False) -> dict[str, Any]:
    """Presence per (item, code); modality per (item, code, paragraph) found by both."""
    counts, matched, right, items = Counts(), 0, 0, 0
    for item, gold, found in scored:
        items += 1
        want, got = {t.task for t in gold}, {t.task for t in found}
        counts.tp += len(want & got)
        counts.fp += len(got - want)
        counts.fn += len(want - got)
        gold_pairs, found_pairs = pairs(gold), pairs(found)
        shared = gold_pairs.keys() & found_pairs.keys()
        matched += len(shared)
        right += sum(gold_pairs[p] == found_pairs[p] for p in shared)
        if errors:
            for code in sorted(want - got):
                print(f"{item} FN {code}")
            for code in sorted(got - want):
                print(f"{item} FP {code}")
            for p in sorted(shared):
                if gold_pairs[p] != found_pairs[p]:
                    print(f"{item} MOD {p}: gold {sorted(gold_pairs[p])} read {sorted(found_pairs[p])}")
    return {
        "items": items,
        "gold_codes": counts.tp + counts.fn,
        "task_precision": round(counts.precision, 4),
        "task_recall": round(counts.recall, 4),
        "task_f1": round(counts.f1, 4),
        "modality_pairs": matched,
        "modality_accuracy": round(right / matched, 4) if matched else None,
    }


def score(path: Path, errors: bool, ungated: bool = False, model: TaskModel | None = None) -> dict[str, Any]:
    scored = ((i.id, i.tasks, read_tasks(i.text, ungated, model)) for i in read_constructed(path))
    gate = "none" if ungated else "summary"
    return {"file": path.name, "gate": gate, "backoff": model is not None, **tally(scored, errors)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--errors", action="store_true", help="list each item's misses")
    parser.add_argument("--ungated", action="store_true", help="score the findings before the summary gate")
    parser.add_argument("--backoff", type=Path, metavar="MODEL.json", help="add the back-off of this model")
    args = parser.parse_args()
    model = None
    if args.backoff is not None:
        model = load_model(args.backoff)
        if model is None:
            parser.error(f"--backoff: no model file {args.backoff}")
    for path in args.files:
        print(json.dumps(score(path, args.errors, args.ungated, model)))


if __name__ == "__main__":
    main()
