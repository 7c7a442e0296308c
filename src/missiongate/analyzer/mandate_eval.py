"""Score the analyzer's mandate summaries against the modern hand labels (`missiongate eval mandates`).

* Field accuracy: over every (resolution, field) of the decision fields, the summary's value equals the
  label's (lists as sets; agreement names match when one contains the other's words, see `_same_names`).
* Task presence: micro P/R/F1 over (resolution, task) pairs, any modality, any paragraph.
* Modality accuracy: over (resolution, task, paragraph) pairs found by both, the modality sets are equal.
The test split reports aggregates only: no resolution, no value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from missiongate.analyzer.evaluation import Counts
from missiongate.analyzer.mandate_labels import FIELDS, MandateLabel, TaskLabel


@dataclass(frozen=True)
class Summary:
    """What the analyzer says about one resolution, in the label schema's terms."""

    fields: dict[str, Any]
    tasks: tuple[TaskLabel, ...]


@dataclass
class MandateReport:
    split: str
    n_resolutions: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    tasks: Counts = field(default_factory=Counts)
    pairs: int = 0  # (task, paragraph) pairs found by both
    modality_hits: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def field_accuracy(self) -> float:
        total = self.n_resolutions * len(FIELDS)
        return sum(self.field_hits.values()) / total if total else 0.0

    @property
    def modality_accuracy(self) -> float:
        return self.modality_hits / self.pairs if self.pairs else 0.0

    def to_dict(self, details: bool) -> dict[str, Any]:
        n = self.n_resolutions or 1
        data: dict[str, Any] = {
            "split": self.split,
            "n_resolutions": self.n_resolutions,
            "field_accuracy": round(self.field_accuracy, 4),
            "per_field": {name: round(hits / n, 4) for name, hits in self.field_hits.items()},
            "task_precision": round(self.tasks.precision, 4),
            "task_recall": round(self.tasks.recall, 4),
            "task_f1": round(self.tasks.f1, 4),
            "modality_pairs": self.pairs,
            "modality_accuracy": round(self.modality_accuracy, 4),
        }
        if details:
            data["resolutions"] = self.rows
        return data


Summarise = Callable[[MandateLabel], Summary]


def evaluate_mandates(labels: Iterable[MandateLabel], summarise: Summarise, split: str) -> MandateReport:
    report = MandateReport(split)
    for label in labels:
        _score(report, label, summarise(label))
    return report


def _score(report: MandateReport, label: MandateLabel, predicted: Summary) -> None:
    report.n_resolutions += 1
    errors: list[str] = []
    for name in FIELDS:
        gold, guess = label.fields[name], predicted.fields.get(name)
        if same_value(name, gold, guess):
            report.field_hits[name] += 1
        else:
            errors.append(f"{name}: gold {gold!r} predicted {guess!r}")
    gold_tasks = {t.task for t in label.tasks}
    predicted_tasks = {t.task for t in predicted.tasks}
    report.tasks.tp += len(gold_tasks & predicted_tasks)
    report.tasks.fp += len(predicted_tasks - gold_tasks)
    report.tasks.fn += len(gold_tasks - predicted_tasks)
    errors += [f"FP task {t} at {_where(predicted.tasks, t)}" for t in sorted(predicted_tasks - gold_tasks)]
    errors += [f"FN task {t} at {_where(label.tasks, t)}" for t in sorted(gold_tasks - predicted_tasks)]
    gold_pairs, predicted_pairs = _modalities(label.tasks), _modalities(predicted.tasks)
    for pair in sorted(gold_pairs.keys() & predicted_pairs.keys()):
        report.pairs += 1
        if gold_pairs[pair] == predicted_pairs[pair]:
            report.modality_hits += 1
        else:
            errors.append(f"MOD {pair[0]} at {pair[1]}: gold {sorted(gold_pairs[pair])} "
                          f"predicted {sorted(predicted_pairs[pair])}")  # fmt: skip
    report.rows.append({"resolution": label.resolution, "mission": label.mission, "errors": errors})


def _where(tasks: tuple[TaskLabel, ...], task: str) -> str:
    return ", ".join(sorted({f"{t.paragraph} {t.modality}" for t in tasks if t.task == task}))


def _modalities(tasks: tuple[TaskLabel, ...]) -> dict[tuple[str, str], set[str]]:
    pairs: dict[tuple[str, str], set[str]] = {}
    for task in tasks:
        pairs.setdefault((task.task, task.paragraph), set()).add(task.modality)
    return pairs


def same_value(name: str, gold: Any, predicted: Any) -> bool:
    if name == "peace_agreements":
        return _same_names(gold, predicted or ())
    if name == "force_for":
        return set(gold) == set(predicted or ())
    return bool(gold == predicted)


_STOP = {"the", "of", "on", "in", "and", "for", "a", "an", "de", "la", "le", "et"}


def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in _STOP)


def _same_names(gold: tuple[str, ...], predicted: tuple[str, ...]) -> bool:
    """Each gold agreement has one predicted name and vice versa; names match when the words of one are
    (almost) all in the other: "Revitalised Agreement" and "the Revitalized Agreement on the Resolution
    of the Conflict in the Republic of South Sudan" are one agreement only if their words agree."""
    if len(gold) != len(predicted):
        return False
    remaining = [_words(p) for p in predicted]
    for name in gold:
        words = _words(name)
        match = next((p for p in remaining if _close(words, p)), None)
        if match is None:
            return False
        remaining.remove(match)
    return True


def _close(a: frozenset[str], b: frozenset[str]) -> bool:
    small, large = sorted((a, b), key=len)
    return bool(small) and len(small & large) >= 0.8 * len(small)
