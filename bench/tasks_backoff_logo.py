"""Leave-one-group-out figures of the learned task back-off (docs/analyzer.md, round 6): for each group of
the development material (a modern mission of `data/modern/split.yaml`, a PEMA or silver mission), the
back-off is trained on every other group, then the group's texts are scored with the rules alone and with
the rules plus the back-off, under several ways of combining them. Only development material is read (see
`train_tasks.py`). Since round 10 the constructed sets are groups too (ten consecutive items each), scored
ungated as `tasks_constructed.py --ungated` scores them, per file and pooled. Needs scikit-learn (the `dev`
extra); a few minutes on one core.

Run: PYTHONPATH=src .venv/bin/python bench/tasks_backoff_logo.py [--thresholds 0.5 0.7 ...] [--lexicon]
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from missiongate.analyzer.analysis import Analysis
from missiongate.analyzer.clauses import Mood
from missiongate.analyzer.evaluation import evaluate
from missiongate.analyzer.labels import LabelRow
from missiongate.analyzer.learned_tasks import backoff_tasks
from missiongate.analyzer.mandate_eval import evaluate_mandates
from missiongate.analyzer.mandate_labels import ConstructedItem, MandateLabel
from missiongate.analyzer.model import Finding
from missiongate.analyzer.summary import summarise
from missiongate.analyzer.train_tasks import CONSTRUCTED, Text, development, train
from tasks_constructed import found_tasks, tally

MOODS: dict[str, frozenset[Mood]] = {"mandate": frozenset({"mandate"})}  # with "encourage": PEMA lost
Variant = tuple[str, bool]  # (moods, only paragraphs where the rules found nothing)


def held_out_findings(texts: list[Text], c: float, lexicon: bool) -> dict[Variant, dict[str, list[Finding]]]:
    """Per variant and text, what the back-off trained without the text's group adds (every probability
    from 0.2; thresholds are applied later)."""
    found: dict[Variant, dict[str, list[Finding]]] = {}
    for group in sorted({t.group for t in texts}):
        model = train([t for t in texts if t.group != group], threshold=0.2, c=c, lexicon=lexicon)
        for text, (moods, empty) in itertools.product(
            [t for t in texts if t.group == group], itertools.product(MOODS, (True, False))
        ):
            structure, rules = text.analysis.structure, text.analysis.of_kind("task")
            added = backoff_tasks(structure, rules, model, MOODS[moods], empty, new_only=False)
            found.setdefault((moods, empty), {})[text.analysis.source] = added
    return found


def with_added(text: Text, added: list[Finding], threshold: float, new_only: bool) -> Analysis:
    ruled = {f.value for f in text.analysis.of_kind("task")}
    kept = [f for f in added if f.detail["probability"] >= threshold and not (new_only and f.value in ruled)]
    analysis = text.analysis
    return Analysis(analysis.source, analysis.format, analysis.structure, (*analysis.findings, *kept))


def scores(texts: list[Text], analysed: Callable[[Text], Analysis]) -> dict[str, Any]:
    modern = [t for t in texts if t.source == "modern"]
    labels = [t.label for t in modern if isinstance(t.label, MandateLabel)]
    by_file = {t.label.file: analysed(t) for t in modern if isinstance(t.label, MandateLabel)}
    report = evaluate_mandates(labels, lambda label: summarise(by_file[label.file]), "dev")
    row: dict[str, Any] = {
        "fields": round(report.field_accuracy, 3),
        "P": round(report.tasks.precision, 3),
        "R": round(report.tasks.recall, 3),
        "F1": round(report.tasks.f1, 3),
        "mod": f"{report.modality_accuracy:.3f} ({report.pairs})",
    }
    for source in ("pema", "silver", "silver-dev2"):
        chosen = [t for t in texts if t.source == source and isinstance(t.label, LabelRow)]
        paths = {Path(t.analysis.source): analysed(t) for t in chosen}
        rows = [t.label for t in chosen if isinstance(t.label, LabelRow)]
        index = {t.label.numbers[0]: Path(t.analysis.source) for t in chosen if isinstance(t.label, LabelRow)}
        pema = evaluate(rows, index, lambda path, paths=paths: paths[Path(path)], "dev")
        row[source] = round(pema.micro.f1, 3)
    pooled = ("constructed", tuple(CONSTRUCTED.values()))
    for name, sources in [*((s, (s,)) for s in CONSTRUCTED.values()), pooled]:
        row[name] = _constructed(texts, sources, analysed)
    return row


def _constructed(texts: list[Text], sources: tuple[str, ...], analysed: Callable[[Text], Analysis]) -> str:
    """P / R / F1 and modality (pairs) of the constructed items of `sources`, ungated."""
    scored = [
        (t.label.id, t.label.tasks, found_tasks(analysed(t), ungated=True))
        for t in texts
        if t.source in sources and isinstance(t.label, ConstructedItem)
    ]
    got = tally(scored)
    return (
        f"{got['task_precision']:.3f} / {got['task_recall']:.3f} / {got['task_f1']:.3f}, "
        f"{got['modality_accuracy']:.3f} ({got['modality_pairs']})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.5, 0.6, 0.7])
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--lexicon", action="store_true", help="with the lexicon's codes as features")
    args = parser.parse_args()
    texts = development(args.root)
    print("rules alone", scores(texts, lambda t: t.analysis))
    found = held_out_findings(texts, args.c, args.lexicon)
    for (moods, empty), threshold, new_only in itertools.product(found, args.thresholds, (True, False)):
        per_text = found[(moods, empty)]

        def analysed(t: Text, per_text: dict[str, list[Finding]] = per_text) -> Analysis:
            return with_added(t, per_text[t.analysis.source], threshold, new_only)  # noqa: B023

        row = scores(texts, analysed)
        where = "empty paragraphs" if empty else "any paragraph"
        codes = "new codes" if new_only else "any code"
        print(f"{moods}, {where}, {codes}, p >= {threshold}", row)


if __name__ == "__main__":
    main()
