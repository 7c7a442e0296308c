"""Score the analyzer against PEMA expert codings.

Presence is scored per (resolution, task) on direct codings only; tasks PEMA coded only by reference to
another document are counted apart (a prediction there is neither a hit nor a false alarm).
Modality accuracy: on true positives, the predicted modality set equals PEMA's.
Paragraph agreement: on true positives, the predicted paragraph ids equal PEMA's (overlap reported too).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from missiongate.analyzer.labels import LabelRow, TaskCoding, gold_for
from missiongate.analyzer.pema import TASKS, format_refs
from missiongate.errors import MissionGateError

Split = Literal["dev", "test", "all"]
_FILE_NUMBER = re.compile(r"S_RES_0*(\d+)_", re.I)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}  # fmt: skip


@dataclass
class Report:
    split: str
    per_task: dict[str, Counts] = field(default_factory=dict)
    n_resolutions: int = 0
    modality_hits: int = 0
    paragraph_exact: int = 0
    paragraph_overlap: int = 0
    by_reference_labels: int = 0
    by_reference_predicted: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        return Counts(*(sum(getattr(c, k) for c in self.per_task.values()) for k in ("tp", "fp", "fn")))

    @property
    def macro_f1(self) -> float:
        scored = [c.f1 for c in self.per_task.values() if c.tp + c.fp + c.fn]
        return sum(scored) / len(scored) if scored else 0.0

    def _share(self, hits: int) -> float:
        return hits / self.micro.tp if self.micro.tp else 0.0

    def to_dict(self) -> dict[str, Any]:
        micro = self.micro
        return {
            "split": self.split,
            "n_resolutions": self.n_resolutions,
            "micro_precision": round(micro.precision, 4),
            "micro_recall": round(micro.recall, 4),
            "micro_f1": round(micro.f1, 4),
            "macro_f1": round(self.macro_f1, 4),
            "modality_accuracy": round(self._share(self.modality_hits), 4),
            "paragraph_agreement": round(self._share(self.paragraph_exact), 4),
            "paragraph_overlap": round(self._share(self.paragraph_overlap), 4),
            "true_positives": micro.tp,
            "by_reference": {"labels": self.by_reference_labels, "predicted": self.by_reference_predicted},
            "per_task": {t: c.to_dict() for t, c in self.per_task.items() if c.tp + c.fp + c.fn},
            "resolutions": self.rows,
        }


def load_split(path: str | Path, split: Split) -> set[str] | None:
    """Signatures in the chosen split, rows added later (`added`) included; None for all."""
    if split == "all":
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return set(data[split]) | set(data.get("added", {}).get(split, []))
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise MissionGateError(f"cannot read split {split!r}: {exc}", source=path) from None


def index_texts(*directories: str | Path) -> dict[int, Path]:
    """Resolution number -> text file; a later directory adds the numbers the earlier ones lack."""
    found: dict[int, Path] = {}
    for directory in map(Path, directories):
        if not directory.is_dir():
            raise MissionGateError("not a directory", source=directory)
        for path in sorted(directory.iterdir()):
            if (m := _FILE_NUMBER.match(path.name)) and path.suffix.lower() == ".txt":
                found.setdefault(int(m.group(1)), path)
    return found


Analyze = Callable[[Path], Any]  # returns an Analysis (kept loose to avoid an import cycle)


def evaluate(
    rows: Iterable[LabelRow],
    texts: dict[int, Path],
    analyze: Analyze,
    split: str,
    coder: dict[str, LabelRow] | None = None,
) -> Report:
    """Score the analyzer against `rows`; with `coder` (another coding in PEMA's format, by signature), score
    that coding instead, on the rows it has: its direct codings are the predictions."""
    report = Report(split=split, per_task={task: Counts() for task in TASKS})
    for row in rows:
        if not all(n in texts for n in row.numbers) or (coder is not None and row.signature not in coder):
            continue
        analyses = [analyze(texts[n]) for n in row.numbers]
        structures = [a.structure for a in analyses]
        gold = gold_for(row, structures)
        if coder is not None:
            predicted = gold_for(coder[row.signature], structures).direct
        else:
            predicted = _merged(a.task_codings() for a in analyses)
        _score_row(report, row, gold.direct, gold.by_reference, predicted)
    return report


def _merged(codings: Iterable[dict[str, TaskCoding]]) -> dict[str, TaskCoding]:
    """One resolution row's codings from its texts (`S/RES/758 AND S/RES/761` has two)."""
    merged: dict[str, TaskCoding] = {}
    for by_task in codings:
        for task, coding in by_task.items():
            into = merged.setdefault(task, TaskCoding())
            into.modalities |= coding.modalities
            into.refs |= coding.refs
    return merged


def _score_row(
    report: Report, row: LabelRow, gold: dict[str, TaskCoding], by_ref: dict[str, set[str]],
    predicted: dict[str, TaskCoding],
) -> None:  # fmt: skip
    report.n_resolutions += 1
    report.by_reference_labels += len(by_ref)
    errors: list[str] = []
    for task in TASKS:
        counts = report.per_task[task]
        in_gold, in_pred = task in gold, task in predicted
        if in_pred and task in by_ref:
            report.by_reference_predicted += 1
        elif in_gold and in_pred:
            counts.tp += 1
            _score_tp(report, task, gold[task], predicted[task], errors)
        elif in_pred:
            counts.fp += 1
            errors.append(f"FP {task} {_describe(predicted[task])}")
        elif in_gold:
            counts.fn += 1
            errors.append(f"FN {task} {_describe(gold[task])}")
    report.rows.append({"signature": row.signature, "mission": row.mission, "errors": errors})


def _score_tp(report: Report, task: str, gold: TaskCoding, pred: TaskCoding, errors: list[str]) -> None:
    if gold.modalities == pred.modalities:
        report.modality_hits += 1
    else:
        errors.append(f"MOD {task} gold {sorted(gold.modalities)} predicted {sorted(pred.modalities)}")
    if gold.refs == pred.refs:
        report.paragraph_exact += 1
    else:
        errors.append(f"PAR {task} gold {format_refs(gold.refs)} predicted {format_refs(pred.refs)}")
    if gold.refs & pred.refs:
        report.paragraph_overlap += 1


def _describe(coding: TaskCoding) -> str:
    return f"{'/'.join(sorted(coding.modalities))} at {format_refs(coding.refs)}"
