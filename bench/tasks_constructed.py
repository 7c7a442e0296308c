"""The analyzer's task codes on constructed mandates written blind (`data/modern/constructed/*.yaml`).

Each item is a short resolution about a fictional operation, written from the codebook by a writer who
never read the analyzer nor a real resolution of the labelled set, with the PEMA tasks it gives the
operation. Scored as `missiongate eval mandates` scores tasks: presence per (item, code), any modality and
paragraph; modality per (item, code, paragraph) found by both. Prints aggregates; `--errors` lists each
item's misses (for development use, after the first blind run has been recorded). The items are short and
often give tasks without renewing or creating the operation, where the summary (rightly, for a real text
that acts on no operation) keeps no task: `--ungated` scores the task findings before that gate, which is
how well the analyzer reads the wording.

Run: PYTHONPATH=src .venv/bin/python bench/tasks_constructed.py data/modern/constructed/NAME.yaml [--errors]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from missiongate.analyzer.analysis import analyze_text
from missiongate.analyzer.evaluation import Counts
from missiongate.analyzer.mandate_labels import TaskLabel, paragraph_id
from missiongate.analyzer.pema import MODALITIES, TASKS
from missiongate.analyzer.summary import summarise
from missiongate.yamlio import read_yaml


def gold_tasks(raw: dict[str, Any], where: str) -> tuple[TaskLabel, ...]:
    tasks = []
    for task in raw.get("tasks") or []:
        code, modality = task.get("code"), task.get("modality")
        if code not in TASKS or modality not in MODALITIES:
            raise SystemExit(f"{where}: unknown code or modality {code!r} / {modality!r}")
        tasks.append(TaskLabel(code, modality, paragraph_id(task.get("paragraph", ""))))
    return tuple(tasks)


def pairs(tasks: tuple[TaskLabel, ...]) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for task in tasks:
        found.setdefault((task.task, task.paragraph), set()).add(task.modality)
    return found


def read_tasks(text: str, ungated: bool) -> tuple[TaskLabel, ...]:
    analysis = analyze_text(text)
    if not ungated:
        return summarise(analysis).tasks
    return tuple(
        TaskLabel(f.value, f.detail["modality"], f.evidence.paragraph or "") for f in analysis.of_kind("task")
    )


def score(path: Path, errors: bool, ungated: bool = False) -> dict[str, Any]:
    counts, matched, right, items = Counts(), 0, 0, 0
    for raw in read_yaml(path).data["items"]:
        items += 1
        gold = gold_tasks(raw, f"{path.name} {raw.get('id')}")
        found = read_tasks(raw["text"], ungated)
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
                print(f"{raw['id']} FN {code}")
            for code in sorted(got - want):
                print(f"{raw['id']} FP {code}")
            for p in sorted(shared):
                if gold_pairs[p] != found_pairs[p]:
                    print(f"{raw['id']} MOD {p}: gold {sorted(gold_pairs[p])} read {sorted(found_pairs[p])}")
    return {
        "file": path.name,
        "gate": "none" if ungated else "summary",
        "items": items,
        "gold_codes": counts.tp + counts.fn,
        "task_precision": round(counts.precision, 4),
        "task_recall": round(counts.recall, 4),
        "task_f1": round(counts.f1, 4),
        "modality_pairs": matched,
        "modality_accuracy": round(right / matched, 4) if matched else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--errors", action="store_true", help="list each item's misses")
    parser.add_argument("--ungated", action="store_true", help="score the findings before the summary gate")
    args = parser.parse_args()
    for path in args.files:
        print(json.dumps(score(path, args.errors, args.ungated)))


if __name__ == "__main__":
    main()
